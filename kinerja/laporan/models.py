"""What an office may change in its documents: the standard texts, and who the head of region is."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from kinerja.organisasi.models import Instansi, Pemda

from . import teks


class TeksStandar(models.Model):
    """An instansi's own version of one standard text; without it the default (teks.BAWAAN) is used."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="teks_standar")
    bagian = models.CharField(max_length=20, choices=list(teks.BAGIAN.items()))
    isi = models.TextField(
        help_text="Paragraf dipisah baris kosong; '# ' untuk subjudul; '1.', 'a.', '-' untuk daftar."
    )
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "teks standar dokumen"
        verbose_name_plural = "teks standar dokumen"
        ordering = ["instansi", "bagian"]
        constraints = [models.UniqueConstraint(fields=["instansi", "bagian"], name="teks_standar_unik_per_bagian")]

    def __str__(self):
        return f"{self.instansi}: {self.get_bagian_display()}"

    def clean(self):
        masalah = teks.periksa(self.isi)
        if masalah:
            raise ValidationError({"isi": masalah})


class KepalaDaerah(models.Model):
    """The Bupati / Wali Kota: PIHAK KEDUA of the Camat's Perjanjian Kinerja."""

    pemda = models.OneToOneField(Pemda, on_delete=models.CASCADE, related_name="kepala_daerah")
    nama = models.CharField(max_length=160, help_text="Nama lengkap dengan gelar")
    sebutan = models.CharField(
        max_length=160, blank=True, help_text="mis. Bupati Sampang; kosongkan untuk dibentuk dari nama pemda"
    )

    class Meta:
        verbose_name = "kepala daerah"
        verbose_name_plural = "kepala daerah"

    def __str__(self):
        return f"{self.jabatan}: {self.nama}"

    @property
    def jabatan(self) -> str:
        return self.sebutan or sebutan_kepala_daerah(self.pemda)


def sebutan_kepala_daerah(pemda: Pemda) -> str:
    """'Kabupaten Sampang' → 'Bupati Sampang'; 'Kota Malang' → 'Wali Kota Malang'."""
    if pemda.jenis == Pemda.Jenis.KOTA:
        return "Wali Kota " + pemda.nama.removeprefix("Kota ").strip()
    return "Bupati " + pemda.nama.removeprefix("Kabupaten ").strip()


class ProgramAnggaran(models.Model):
    """A program with its budget in the Perjanjian Kinerja of an eselon III/IV head (PermenPAN-RB 53/2014,
    the "Program — Anggaran" rows under the targets), entered by the office's planner."""

    jabatan = models.ForeignKey("organisasi.Jabatan", on_delete=models.CASCADE, related_name="program_anggaran")
    tahun = models.PositiveSmallIntegerField()
    urutan = models.PositiveSmallIntegerField(default=0)
    program = models.CharField(max_length=250)
    anggaran = models.DecimalField("anggaran (Rp)", max_digits=18, decimal_places=2)
    keterangan = models.CharField(max_length=120, blank=True, help_text="mis. APBD")

    class Meta:
        verbose_name = "program dan anggaran PK"
        verbose_name_plural = "program dan anggaran PK"
        ordering = ["jabatan", "tahun", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["jabatan", "tahun", "program"], name="program_pk_unik_per_tahun"),
            models.CheckConstraint(condition=models.Q(anggaran__gte=0), name="anggaran_pk_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.jabatan} {self.tahun}: {self.program}"
