"""One uploaded IKI document on its way into the catalogue: read in the background, then reviewed."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from kinerja.iki.models import DokumenIKI
from kinerja.organisasi.models import Instansi


class PekerjaanImpor(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu giliran"
        MEMBACA = "membaca", "Sedang dibaca"
        SIAP = "siap", "Siap ditinjau"
        GAGAL = "gagal", "Gagal dibaca"
        DISIMPAN = "disimpan", "Disimpan sebagai draf"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="pekerjaan_impor")
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nama_berkas = models.CharField(max_length=255)
    hash_isi = models.CharField("SHA-256 isi berkas", max_length=64, db_index=True)
    # The uploaded bytes until the worker has read them (emptied then).
    isi = models.BinaryField(default=b"", editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.MENUNGGU)
    progres = models.PositiveSmallIntegerField(default=0, help_text="0–100")
    langkah = models.CharField(max_length=120, blank=True)
    # The interchange dict the reader made, and the source lines [[line, text], …] for the review.
    hasil = models.JSONField(null=True, blank=True)
    sumber = models.JSONField(default=list, blank=True)
    galat = models.JSONField(default=list, blank=True)
    dokumen = models.ForeignKey(DokumenIKI, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pekerjaan impor"
        verbose_name_plural = "pekerjaan impor"
        ordering = ["-dibuat_pada", "-id"]

    def __str__(self):
        return f"{self.nama_berkas} ({self.get_status_display()})"

    # A job still waiting after this long means no worker is running (`kinerja worker`).
    TANPA_PEKERJA = timedelta(seconds=20)

    @property
    def pekerja_tidak_terlihat(self) -> bool:
        return self.status == self.Status.MENUNGGU and timezone.now() - self.dibuat_pada > self.TANPA_PEKERJA

    @property
    def selesai_dibaca(self) -> bool:
        return self.status in (self.Status.SIAP, self.Status.GAGAL, self.Status.DISIMPAN)
