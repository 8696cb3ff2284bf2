"""The IKI catalogue: one DokumenIKI per instansi, year and revision, with everything under it.

A ditetapkan (decreed) document and everything under it refuse every change: see penguncian.py.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from kinerja import rumus
from kinerja.organisasi.models import Instansi, Jabatan
from kinerja.pengukuran import AGREGASI

from .penguncian import DokumenTerkunci, TerkunciQuerySet, revisi_dibuat

kode_validator = RegexValidator(r"^[a-z][a-z0-9_]*$", "Kode hanya huruf kecil, angka dan '_', diawali huruf.")


class Konstanta(models.Model):
    """A named number of an instansi for a year: jumlah desa, hari kerja efektif."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="konstanta")
    tahun = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=40, validators=[kode_validator])
    nama = models.CharField(max_length=160)
    nilai = models.DecimalField(max_digits=20, decimal_places=6)

    objects = TerkunciQuerySet.as_manager()
    kunci_path = "variabel__indikator__sasaran__dokumen__status"

    class Meta:
        verbose_name = "konstanta"
        verbose_name_plural = "konstanta"
        ordering = ["instansi", "tahun", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "kode"], name="konstanta_unik_per_instansi_tahun")
        ]

    def __str__(self):
        return f"{self.nama} = {self.nilai.normalize():f} ({self.tahun})"


class DokumenIKI(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="dokumen_iki")
    tahun = models.PositiveSmallIntegerField()
    revisi = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False)
    sk_nomor = models.CharField("nomor SK", max_length=120, blank=True)
    sk_tanggal = models.DateField("tanggal SK", null=True, blank=True)
    sk_tempat = models.CharField("tempat penetapan SK", max_length=80, blank=True, help_text="mis. Banyuates")
    sk_penandatangan = models.CharField("penandatangan SK", max_length=160, blank=True)
    sk_penandatangan_pangkat = models.CharField("pangkat penandatangan", max_length=80, blank=True)
    sk_penandatangan_nip = models.CharField("NIP penandatangan", max_length=30, blank=True)
    # The title over the signature as the SK gives it ("Camat Banyuates", "Plt. Camat …", "a.n. Camat …").
    sk_penandatangan_jabatan = models.CharField("jabatan penandatangan", max_length=200, blank=True)
    menimbang = models.JSONField(default=list, blank=True)
    mengingat = models.JSONField(default=list, blank=True)
    revisi_dari = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisi_berikut", editable=False
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # What was decreed, as kinerja.iki.layanan.isi_beda read it at that moment: jabatan and their
    # tugas are not per revision, so a later diff compares with this record, not with today's rows.
    isi_penetapan = models.JSONField(null=True, blank=True, editable=False)

    objects = TerkunciQuerySet.as_manager()
    kunci_path = "status"

    class Meta:
        verbose_name = "dokumen IKI"
        verbose_name_plural = "dokumen IKI"
        ordering = ["instansi", "-tahun", "-revisi"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "revisi"], name="dokumen_iki_unik_per_revisi"),
            models.CheckConstraint(condition=Q(tahun__gte=2000) & Q(tahun__lte=2100), name="dokumen_iki_tahun_wajar"),
            # Every revision is decreed by its own SK: a nomor is never used twice by one instansi.
            models.UniqueConstraint(
                fields=["instansi", "sk_nomor"],
                condition=~Q(sk_nomor=""),
                name="dokumen_iki_sk_nomor_unik",
                violation_error_message="Nomor SK ini sudah dipakai dokumen IKI lain di instansi ini; "
                "setiap revisi memakai nomor SK sendiri.",
            ),
        ]

    def __str__(self):
        return f"IKI {self.instansi} {self.tahun} rev. {self.revisi} ({self.get_status_display()})"

    @property
    def terkunci(self) -> bool:
        return self.status == self.Status.DITETAPKAN

    def tetapkan(self, pengguna=None, **sk):
        from .layanan import tetapkan

        return tetapkan(self, pengguna, **sk)

    def buat_revisi(self, pengguna=None):
        from .layanan import buat_revisi

        return buat_revisi(self, pengguna)


class _BagianDokumen(models.Model):
    """Common ordering for the rows of a document."""

    urutan = models.PositiveSmallIntegerField(default=0)

    objects = TerkunciQuerySet.as_manager()

    class Meta:
        abstract = True


class UraianJabatan(models.Model):
    """The tugas and fungsi of a jabatan as one year's document decrees them.

    Jabatan.tugas/fungsi are the jabatan's current description; a document prints its own when it
    has one, so importing an older year's document never changes what another year prints.
    """

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="uraian_jabatan")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="uraian_per_dokumen")
    tugas = models.JSONField(default=list, blank=True)
    fungsi = models.JSONField(default=list, blank=True)

    objects = TerkunciQuerySet.as_manager()
    kunci_path = "dokumen__status"

    class Meta:
        verbose_name = "tugas dan fungsi jabatan per dokumen"
        verbose_name_plural = "tugas dan fungsi jabatan per dokumen"
        constraints = [models.UniqueConstraint(fields=["dokumen", "jabatan"], name="uraian_jabatan_unik_per_dokumen")]

    def __str__(self):
        return f"{self.jabatan} ({self.dokumen})"


class Tujuan(_BagianDokumen):
    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="tujuan")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="tujuan")
    uraian = models.TextField()

    kunci_path = "dokumen__status"

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["dokumen", "jabatan", "urutan", "id"]

    def __str__(self):
        return self.uraian[:80]


class IndikatorTujuan(_BagianDokumen):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="indikator")
    uraian = models.TextField()

    kunci_path = "tujuan__dokumen__status"

    class Meta:
        verbose_name = "indikator tujuan"
        verbose_name_plural = "indikator tujuan"
        ordering = ["tujuan", "urutan", "id"]

    def __str__(self):
        return self.uraian[:80]


class Sasaran(_BagianDokumen):
    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="sasaran")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="sasaran")
    uraian = models.TextField("sasaran / kinerja utama")

    kunci_path = "dokumen__status"

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["dokumen", "jabatan__urutan", "urutan", "id"]

    def __str__(self):
        return self.uraian[:80]

    def clean(self):
        if self.jabatan_id and self.dokumen_id and self.jabatan.instansi_id != self.dokumen.instansi_id:
            raise ValidationError({"jabatan": "Jabatan harus dari instansi dokumen ini."})


class Indikator(_BagianDokumen):
    class Polaritas(models.TextChoices):
        POSITIF = "positif", "Positif (makin tinggi makin baik)"
        NEGATIF = "negatif", "Negatif (makin rendah makin baik)"

    class Jenis(models.TextChoices):
        OUTPUT = "output", "Output (keluaran)"
        OUTCOME = "outcome", "Outcome (hasil)"

    class PeriodePelaporan(models.TextChoices):
        TRIWULANAN = "triwulanan", "Triwulanan"
        SEMESTERAN = "semesteran", "Semesteran"
        TAHUNAN = "tahunan", "Tahunan"

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator")
    nama = models.TextField("indikator kinerja")
    penjelasan = models.TextField("definisi operasional / penjelasan", blank=True)
    jenis = models.CharField("jenis indikator", max_length=10, choices=Jenis.choices, blank=True)
    ekspresi = models.CharField("rumus", max_length=2000, blank=True, help_text="mis. tepat_waktu / usulan * 100")
    satuan = models.CharField(max_length=40, blank=True, default="%")
    polaritas = models.CharField(max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF)
    sumber_data = models.CharField(max_length=250, blank=True)
    penyedia_data = models.CharField("penyedia data", max_length=250, blank=True)
    periode_pelaporan = models.CharField(
        max_length=12, choices=PeriodePelaporan.choices, default=PeriodePelaporan.TRIWULANAN
    )
    penanggung_jawab = models.ForeignKey(
        Jabatan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indikator_ditanggung",
        verbose_name="penanggung jawab",
    )
    induk = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="pendukung",
        help_text="Indikator atasan yang didukung (cascading)",
    )
    catatan = models.TextField(blank=True)
    identitas = models.UUIDField(
        default=uuid.uuid4,
        db_index=True,
        editable=False,
        help_text="Sama untuk indikator yang sama di setiap revisi dan tahun (disalin bersama indikator)",
    )

    kunci_path = "sasaran__dokumen__status"

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["sasaran", "urutan", "id"]

    def __str__(self):
        return self.nama[:100]

    @property
    def rumus(self) -> rumus.Rumus | None:
        return rumus.parse(self.ekspresi) if self.ekspresi else None

    def clean(self):
        if not self.ekspresi:
            return
        try:
            parsed = rumus.parse(self.ekspresi)
        except rumus.RumusError as exc:
            raise ValidationError({"ekspresi": str(exc)}) from exc
        if self.pk:
            known = set(self.variabel.values_list("kode", flat=True))
            unknown = sorted(set(parsed.variables) - known)
            if unknown:
                raise ValidationError({"ekspresi": "Variabel belum didefinisikan: " + ", ".join(unknown)})


class Variabel(_BagianDokumen):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="variabel")
    kode = models.CharField(max_length=40, validators=[kode_validator])
    uraian = models.TextField()
    satuan = models.CharField(max_length=40, blank=True)
    agregasi = models.CharField(max_length=12, choices=list(AGREGASI.items()), default="jumlah")
    nilai_tetap = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    konstanta = models.ForeignKey(Konstanta, null=True, blank=True, on_delete=models.PROTECT, related_name="variabel")
    negatif_boleh = models.BooleanField(
        "boleh negatif", default=False, help_text="Centang bila nilainya memang bisa di bawah nol (mis. selisih)."
    )

    kunci_path = "indikator__sasaran__dokumen__status"

    class Meta:
        verbose_name = "variabel"
        verbose_name_plural = "variabel"
        ordering = ["indikator", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "kode"], name="variabel_kode_unik_per_indikator"),
            models.CheckConstraint(
                condition=Q(nilai_tetap__isnull=True) | Q(konstanta__isnull=True),
                name="variabel_tetap_atau_konstanta",
            ),
        ]

    def __str__(self):
        return f"{self.kode}: {self.uraian[:60]}"

    @property
    def diisi(self) -> bool:
        """True when users enter this variable's values each period (no fixed value, no constant)."""
        return self.nilai_tetap is None and self.konstanta_id is None


def _salin_uraian_jabatan(sender, lama, baru, **kwargs):
    """A new revision keeps the tugas and fungsi its year's document decreed."""
    UraianJabatan.objects.bulk_create(
        UraianJabatan(dokumen=baru, jabatan_id=u.jabatan_id, tugas=u.tugas, fungsi=u.fungsi)
        for u in UraianJabatan.objects.filter(dokumen=lama)
    )


revisi_dibuat.connect(_salin_uraian_jabatan, dispatch_uid="salin-uraian-jabatan")

__all__ = [
    "DokumenIKI",
    "DokumenTerkunci",
    "Indikator",
    "IndikatorTujuan",
    "Konstanta",
    "Sasaran",
    "Tujuan",
    "UraianJabatan",
    "Variabel",
]
