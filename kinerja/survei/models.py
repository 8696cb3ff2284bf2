"""Survei Kepuasan Masyarakat (SKM) records: a survey per instansi and period, its respondents,
and the indicators whose single variable is fed by the survey's IKM.

The computation itself lives in :mod:`kinerja.ikm` (pure Python); this app stores the answers and
hands them to it. Writes go through :mod:`kinerja.survei.layanan`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinerja.iki.models import Indikator
from kinerja.ikm import UNSUR_2004, UNSUR_2017, ambil_regulasi
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import Periode
from kinerja.realisasi.models import PERIODE_CHOICES


class Survei(models.Model):
    """One SKM of an instansi for one period of a year (at most one per period)."""

    class Regulasi(models.TextChoices):
        PERMENPAN_2017 = "2017", f"PermenPAN-RB 14/2017 ({len(UNSUR_2017)} unsur)"
        KEPMENPAN_2004 = "2004", f"KepMenPAN 25/2004 ({len(UNSUR_2004)} unsur)"

    class Bobot(models.TextChoices):
        TEPAT = "tepat", "Tepat (1/n)"
        LAMA = "lama", "Dibulatkan seperti laporan lama (0,111 / 0,071)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="survei")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=6, choices=PERIODE_CHOICES)
    regulasi = models.CharField(max_length=4, choices=Regulasi.choices, default=Regulasi.PERMENPAN_2017)
    bobot = models.CharField("bobot unsur", max_length=5, choices=Bobot.choices, default=Bobot.TEPAT)
    populasi = models.PositiveIntegerField(
        null=True, blank=True, help_text="Jumlah penerima layanan pada periode ini, untuk sampel minimum"
    )
    jenis_layanan = models.JSONField(
        "jenis layanan", default=list, blank=True, help_text="Daftar jenis layanan yang disurvei (boleh kosong)"
    )
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.DRAFT, editable=False)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    difinalkan_pada = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "survei kepuasan masyarakat"
        verbose_name_plural = "survei kepuasan masyarakat"
        ordering = ["instansi", "-tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "periode"], name="survei_unik_per_periode"),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100),
                name="survei_tahun_wajar",
                violation_error_message="Tahun survei harus antara 2000 dan 2100.",
            ),
        ]

    def __str__(self):
        return f"SKM {self.instansi} {self.label_periode} {self.tahun}"

    @property
    def label_periode(self) -> str:
        """ "Triwulan II", "Semester I", "Tahunan"."""
        return Periode(self.periode).label

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL

    @property
    def kode_unsur(self) -> tuple[str, ...]:
        return ambil_regulasi(self.regulasi).kode_unsur


class Responden(models.Model):
    """One filled-in questionnaire: a score 1–4 (or None when skipped) per unsur code, and the profile."""

    survei = models.ForeignKey(Survei, on_delete=models.CASCADE, related_name="responden")
    nomor = models.PositiveIntegerField("nomor urut")
    jawaban = models.JSONField(help_text='{"U1": 4, "U2": 3, "U3": null, ...}: null berarti tidak dijawab')
    # Profile answers are free text as questionnaires write them ("L", "Laki-laki", "21-30", "SMA").
    jenis_kelamin = models.TextField("jenis kelamin", blank=True)
    umur = models.TextField(blank=True)
    pendidikan = models.TextField(blank=True)
    pekerjaan = models.TextField(blank=True)
    jenis_layanan = models.TextField("jenis layanan", blank=True)
    sumber = models.CharField(max_length=200, blank=True, help_text="Nama berkas impor, atau 'formulir'")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    PROFIL = ("jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan")

    class Meta:
        verbose_name = "responden"
        verbose_name_plural = "responden"
        ordering = ["survei", "nomor"]
        constraints = [models.UniqueConstraint(fields=["survei", "nomor"], name="responden_nomor_unik")]

    def __str__(self):
        return f"Responden {self.nomor} — {self.survei}"

    def sebagai_jawaban(self) -> dict[str, object]:
        """The mapping :func:`kinerja.ikm.hitung_ikm` reads: unsur codes and profile keys."""
        return {**self.jawaban, **{kunci: getattr(self, kunci) or None for kunci in self.PROFIL}}


class SumberIKM(models.Model):
    """Marks an indicator as fed by the SKM of its instansi: on finalising a survey, the IKM
    (optionally of one jenis layanan only) becomes the value of the indicator's single variable
    for the survey's period.
    """

    indikator = models.OneToOneField(Indikator, on_delete=models.CASCADE, related_name="sumber_ikm")
    jenis_layanan = models.CharField(
        "jenis layanan", max_length=200, blank=True, help_text="Kosong: IKM keseluruhan; diisi: IKM layanan itu saja"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sumber nilai IKM"
        verbose_name_plural = "sumber nilai IKM"

    def __str__(self):
        layanan = f" (layanan {self.jenis_layanan})" if self.jenis_layanan else ""
        return f"{self.indikator} ← SKM{layanan}"
