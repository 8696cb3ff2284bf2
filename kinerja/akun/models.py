"""Roles and their scope. A pejabat's jabatan comes from Pegawai.pengguna and the dated Penugasan."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinerja.organisasi.models import Instansi, Pemda


class Peran(models.Model):
    class Jenis(models.TextChoices):
        ADMIN_PEMDA = "admin_pemda", "Admin pemda"
        ADMIN_INSTANSI = "admin_instansi", "Admin instansi"
        PEJABAT = "pejabat", "Pejabat"
        CAMAT = "camat", "Camat"
        PEMERIKSA = "pemeriksa", "Pemeriksa"

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peran")
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="peran")
    instansi = models.ForeignKey(Instansi, null=True, blank=True, on_delete=models.CASCADE, related_name="peran")

    class Meta:
        verbose_name = "peran"
        verbose_name_plural = "peran"
        constraints = [
            models.UniqueConstraint(fields=["pengguna", "jenis", "pemda", "instansi"], name="peran_unik"),
            # Pemda-wide roles have no instansi; the others are bound to one.
            models.CheckConstraint(
                condition=(Q(jenis__in=["admin_pemda", "pemeriksa"]) & Q(instansi__isnull=True))
                | (~Q(jenis__in=["admin_pemda", "pemeriksa"]) & Q(instansi__isnull=False)),
                name="peran_lingkup_sesuai_jenis",
            ),
        ]

    def __str__(self):
        return f"{self.pengguna} — {self.get_jenis_display()} ({self.instansi or self.pemda})"

    def clean(self):
        if self.instansi_id and self.pemda_id and self.instansi.pemda_id != self.pemda_id:
            raise ValidationError({"instansi": "Instansi harus di pemda yang sama."})


class StatusSandi(models.Model):
    """Per account: whether the password in force is a temporary one that must be changed first."""

    pengguna = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="status_sandi")
    wajib_ganti = models.BooleanField(default=False)

    class Meta:
        verbose_name = "status kata sandi"
        verbose_name_plural = "status kata sandi"


class RiwayatSandi(models.Model):
    """The hashes of an account's previous passwords, so that a password is not used again."""

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sandi = models.CharField(max_length=256)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "riwayat kata sandi"
        verbose_name_plural = "riwayat kata sandi"
        ordering = ["-waktu", "-id"]
