"""Targets per indicator and the variables' values per period, with the reporting status per jabatan."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.organisasi.models import Jabatan

PERIODE_CHOICES = [
    ("TW1", "Triwulan I"),
    ("TW2", "Triwulan II"),
    ("TW3", "Triwulan III"),
    ("TW4", "Triwulan IV"),
    ("S1", "Semester I"),
    ("S2", "Semester II"),
    ("TAHUN", "Tahunan"),
]


class Target(models.Model):
    """The planned value of an indicator for the document's year (TAHUN) or a quarter (rencana aksi)."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    periode = models.CharField(max_length=6, choices=PERIODE_CHOICES, default="TAHUN")
    nilai = models.DecimalField(max_digits=20, decimal_places=6, help_text="Target, atau batas bawah rentang")
    nilai_hi = models.DecimalField(
        "batas atas", max_digits=20, decimal_places=6, null=True, blank=True, help_text="Isi untuk target rentang"
    )
    baseline = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["indikator", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "periode"], name="target_unik_per_periode"),
            models.CheckConstraint(
                condition=Q(nilai_hi__isnull=True) | Q(nilai_hi__gte=models.F("nilai")), name="target_rentang_urut"
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.periode}: {self.nilai}"


class IsianPeriode(models.Model):
    """The report of one jabatan for one period: its workflow status and when it was submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DIAJUKAN = "diajukan", "Diajukan"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DISAHKAN = "disahkan", "Disahkan"

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.PROTECT, related_name="isian")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="isian")
    periode = models.CharField(max_length=6, choices=PERIODE_CHOICES)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.DRAFT)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    batas_waktu = models.DateField(null=True, blank=True, help_text="Batas akhir pengisian periode ini")

    class Meta:
        verbose_name = "isian realisasi"
        verbose_name_plural = "isian realisasi"
        ordering = ["dokumen", "jabatan", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "jabatan", "periode"], name="isian_unik_per_periode")
        ]

    def __str__(self):
        return f"{self.jabatan} {self.periode} ({self.get_status_display()})"

    @property
    def terlambat(self) -> bool:
        return bool(self.batas_waktu and self.diajukan_pada and self.diajukan_pada.date() > self.batas_waktu)


class NilaiVariabel(models.Model):
    """A variable's value for one period, as entered; None means not filled in yet."""

    variabel = models.ForeignKey(Variabel, on_delete=models.CASCADE, related_name="nilai")
    periode = models.CharField(max_length=6, choices=PERIODE_CHOICES)
    nilai = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    catatan = models.TextField(blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diisi_pada = models.DateTimeField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=1, help_text="Naik setiap perubahan; untuk mendeteksi konflik")

    class Meta:
        verbose_name = "nilai variabel"
        verbose_name_plural = "nilai variabel"
        ordering = ["variabel", "periode"]
        constraints = [models.UniqueConstraint(fields=["variabel", "periode"], name="nilai_unik_per_periode")]

    def __str__(self):
        return f"{self.variabel.kode} {self.periode} = {self.nilai}"
