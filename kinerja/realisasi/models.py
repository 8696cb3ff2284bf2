"""Targets per indicator, the variables' values per period, and the reporting workflow per jabatan.

Every write goes through kinerja.realisasi.layanan (values, workflow, evidence), kinerja.realisasi.target
(targets) and kinerja.realisasi.excel (uploads), which check scope, the entry window and the workflow
status, record an append-only history (RiwayatNilai) and the audit trail (catat).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from kinerja.audit.models import TambahSaja
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
    """The planned value of an indicator for the document's year (TAHUN) or up to a quarter (rencana aksi).

    A quarterly target is cumulative, "target s.d. triwulan n", as rencana aksi forms write it: the
    TW4 target is the annual target (see kinerja.realisasi.target for the checks and how a single
    quarter's target follows from it).
    """

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
    dibuka_sampai = models.DateField(
        null=True, blank=True, help_text="Dibuka kembali (oleh admin, atau karena dikembalikan) sampai tanggal ini"
    )
    catatan_status = models.TextField(
        "alasan status", blank=True, help_text="Alasan pengembalian atau pembukaan kembali yang terakhir"
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    disahkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    disahkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "isian realisasi"
        verbose_name_plural = "isian realisasi"
        ordering = ["dokumen", "jabatan", "periode"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "jabatan", "periode"], name="isian_unik_per_periode")]

    def __str__(self):
        return f"{self.jabatan} {self.periode} ({self.get_status_display()})"

    @property
    def terlambat(self) -> bool:
        return self.terlambat_pada(self.batas_waktu, self.diajukan_pada)

    @staticmethod
    def terlambat_pada(batas_waktu, diajukan_pada) -> bool:
        """Submitted after the deadline (the rule, for readers holding the two columns only)."""
        return bool(batas_waktu and diajukan_pada and diajukan_pada.date() > batas_waktu)


class NilaiVariabel(models.Model):
    """A variable's value for one period, as entered; None means not filled in yet."""

    variabel = models.ForeignKey(Variabel, on_delete=models.CASCADE, related_name="nilai")
    periode = models.CharField(max_length=6, choices=PERIODE_CHOICES)
    nilai = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    catatan = models.TextField(blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diisi_pada = models.DateTimeField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=1, help_text="Naik setiap perubahan; untuk mendeteksi konflik")
    peringatan = models.JSONField(
        default=list, blank=True, help_text="Peringatan validasi saat nilai terakhir disimpan (tidak menghalangi)"
    )

    class Meta:
        verbose_name = "nilai variabel"
        verbose_name_plural = "nilai variabel"
        ordering = ["variabel", "periode"]
        constraints = [models.UniqueConstraint(fields=["variabel", "periode"], name="nilai_unik_per_periode")]

    def __str__(self):
        return f"{self.variabel.kode} {self.periode} = {self.nilai}"


class RiwayatNilai(TambahSaja):
    """One change of a NilaiVariabel: who, when, old → new, why and through which path."""

    class Sumber(models.TextChoices):
        WEB = "web", "Web"
        EXCEL = "excel", "Unggah Excel"
        API = "api", "API"
        CLI = "cli", "Baris perintah"
        REVISI = "revisi", "Salinan revisi dokumen"
        SURVEI = "survei", "Survei kepuasan masyarakat"

    nilai_variabel = models.ForeignKey(NilaiVariabel, on_delete=models.CASCADE, related_name="riwayat")
    waktu = models.DateTimeField(default=timezone.now, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lama = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    baru = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    catatan = models.TextField(blank=True)
    alasan = models.TextField(blank=True)
    sumber = models.CharField(max_length=8, choices=Sumber.choices, default=Sumber.WEB)
    versi = models.PositiveIntegerField(help_text="Versi nilai setelah perubahan ini")
    peringatan = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "riwayat nilai"
        verbose_name_plural = "riwayat nilai"
        ordering = ["nilai_variabel", "waktu", "id"]

    def __str__(self):
        return f"{self.nilai_variabel_id} v{self.versi}: {self.lama} → {self.baru}"


def _nama_berkas_acak(bukti, nama_asli: str) -> str:
    # Never the uploaded name: it could be guessed, collide, or carry a path. The extension is the
    # sniffed type's, so a file is never served under a name its content contradicts.
    return f"bukti/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{bukti.jenis}"


class BuktiDukung(models.Model):
    """An evidence file for a jabatan's report of one period, optionally for one value."""

    isian = models.ForeignKey(IsianPeriode, on_delete=models.CASCADE, related_name="bukti")
    nilai_variabel = models.ForeignKey(
        NilaiVariabel, null=True, blank=True, on_delete=models.SET_NULL, related_name="bukti"
    )
    berkas = models.FileField(upload_to=_nama_berkas_acak, max_length=200)
    nama_asli = models.CharField("nama berkas", max_length=200)
    jenis = models.CharField(max_length=8, help_text="Jenis menurut isi berkas: pdf, jpg, png, xlsx, docx")
    ukuran = models.PositiveIntegerField(help_text="Bytes")
    sha256 = models.CharField(max_length=64)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["isian", "diunggah_pada", "id"]

    def __str__(self):
        return self.nama_asli


class SalinanVariabel(models.Model):
    """Which variable of a new revision was copied from which variable of the revision before.

    Values keep being entered in the revision in force while its successor is a draft; when the
    successor is decreed, these pairs carry those late values over (kinerja.realisasi.revisi).
    """

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="+")
    lama = models.ForeignKey(Variabel, on_delete=models.CASCADE, related_name="+")
    baru = models.ForeignKey(Variabel, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "salinan variabel revisi"
        verbose_name_plural = "salinan variabel revisi"
        constraints = [models.UniqueConstraint(fields=["baru"], name="salinan_variabel_unik")]


class HasilUkur(models.Model):
    """A kept measurement of one indicator of a decreed document for one period (kinerja.realisasi.simpanan).

    Like an analytics table: dashboards, the recap, reports and the API read these rows instead of
    recomputing; a value, a target or a Konstanta that changes refreshes the rows it touches in the
    same transaction. Numbers are kept as exact text (``str(Decimal)``): a realisasi may carry 28
    significant digits, and what is read back must equal what was computed, digit for digit.

    Derived rows, rewritten in bulk by a rebuild, with one index: the key (document, period,
    indicator), by which a document's rows are read and replaced and which keeps two readers from
    keeping the same row twice. No foreign-key checks in the database (a national rebuild spent
    2 s checking and indexing 330,000 rows whose ids it had just read). Django deletes the rows
    with their document; an indicator of a kept (decreed) document cannot be deleted at all
    (kinerja.iki.penguncian), so no row outlives its indicator and none is looked for by indicator
    alone.
    """

    pk = models.CompositePrimaryKey("dokumen", "periode", "indikator")
    dokumen = models.ForeignKey(
        DokumenIKI, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False
    )
    indikator = models.ForeignKey(
        Indikator, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False, db_index=False
    )
    periode = models.CharField(max_length=6)
    realisasi = models.CharField(max_length=80, null=True, blank=True)
    realisasi_alasan = models.TextField(blank=True)
    target = models.CharField(max_length=80, null=True, blank=True)
    target_hi = models.CharField(max_length=80, null=True, blank=True)
    target_turunan = models.BooleanField(default=False)
    capaian = models.CharField(max_length=80, null=True, blank=True)
    capaian_alasan = models.TextField(blank=True)
    lengkap = models.BooleanField(default=False)
    dilaporkan = models.BooleanField(default=True)
    baseline = models.CharField(max_length=80, null=True, blank=True)
    tanpa_rencana_aksi = models.BooleanField(default=False)

    class Meta:
        verbose_name = "hasil pengukuran tersimpan"
        verbose_name_plural = "hasil pengukuran tersimpan"

    def __str__(self):
        return f"{self.indikator_id} {self.periode}: {self.capaian}"


class UkurDokumen(models.Model):
    """Marks that every indicator of a decreed document has a kept HasilUkur for a period."""

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="+")
    periode = models.CharField(max_length=6)
    dihitung_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "dokumen terukur"
        verbose_name_plural = "dokumen terukur"
        constraints = [models.UniqueConstraint(fields=["dokumen", "periode"], name="ukur_dokumen_unik")]

    def __str__(self):
        return f"{self.dokumen_id} {self.periode}"
