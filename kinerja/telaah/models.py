from django.conf import settings
from django.db import models

from kinerja.iki.models import DokumenIKI


class Pengabaian(models.Model):
    """A finding of the quality checks that a reviewer dismissed, with the reason.

    A finding has no identity of its own (it is recomputed from the document each time), so it is
    matched by ``kunci``: its jenis and the place it points at. Kept for good: whoever verifies
    the draft sees who dismissed what and why.
    """

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="pengabaian_temuan")
    kunci = models.CharField(max_length=64, help_text="sidik jenis dan tempat temuan")
    jenis = models.CharField(max_length=40)
    tingkat = models.CharField(max_length=12)
    tempat = models.CharField(max_length=500, blank=True)
    pesan = models.TextField()
    alasan = models.TextField()
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pengabaian temuan"
        verbose_name_plural = "pengabaian temuan"
        ordering = ["-pada", "-id"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "kunci"], name="pengabaian_satu_per_temuan")]

    def __str__(self):
        return f"{self.jenis}: {self.tempat}"


# --- the four stages of choosing IKI (BAB II of the documents) -------------------------------------

SYARAT = [
    ("syarat_relevan", "Relevan"),
    ("syarat_penting", "Penting / prioritas"),
    ("syarat_efektif_layak", "Efektif dan layak"),
]
KRITERIA = [
    ("kriteria_spesifik", "Spesifik"),
    ("kriteria_dapat_dicapai", "Dapat dicapai"),
    ("kriteria_relevan", "Relevan"),
    ("kriteria_menggambarkan", "Menggambarkan sesuatu yang diukur"),
    ("kriteria_terukur", "Dapat dikuantifikasi dan diukur"),
]
SKOR_MAKS = 5


class Usulan(models.Model):
    """A candidate indicator for one sasaran of a draft (stage 2), proposed with its reason."""

    class Status(models.TextChoices):
        DIUSULKAN = "diusulkan", "Diusulkan"
        DIPILIH = "dipilih", "Dipilih"
        TIDAK_DIPILIH = "tidak_dipilih", "Tidak dipilih"

    sasaran = models.ForeignKey("iki.Sasaran", on_delete=models.CASCADE, related_name="usulan_indikator")
    nama = models.TextField("nama indikator")
    penjelasan = models.TextField("penjelasan / formulasi penghitungan")
    satuan = models.CharField(max_length=40, default="%")
    sumber_data = models.CharField(max_length=250)
    alasan = models.TextField("alasan diusulkan")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DIUSULKAN)
    indikator = models.ForeignKey(
        "iki.Indikator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    diusulkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    diusulkan_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "usulan indikator"
        verbose_name_plural = "usulan indikator"
        ordering = ["sasaran", "id"]

    def __str__(self):
        return self.nama[:80]


class Penilai(models.Model):
    """A user the planner assigned to assess the candidates of a draft (stage 3)."""

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="penilai_usulan")
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "penilai usulan"
        verbose_name_plural = "penilai usulan"
        constraints = [models.UniqueConstraint(fields=["dokumen", "pengguna"], name="penilai_sekali_per_dokumen")]


class Penilaian(models.Model):
    """One assessor's judgement of one candidate: the 3 syarat (met or not) and 5 kriteria (1–5)."""

    usulan = models.ForeignKey(Usulan, on_delete=models.CASCADE, related_name="penilaian")
    penilai = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    syarat_relevan = models.BooleanField("relevan")
    syarat_penting = models.BooleanField("penting / prioritas")
    syarat_efektif_layak = models.BooleanField("efektif dan layak")
    kriteria_spesifik = models.PositiveSmallIntegerField("spesifik")
    kriteria_dapat_dicapai = models.PositiveSmallIntegerField("dapat dicapai")
    kriteria_relevan = models.PositiveSmallIntegerField("relevan")
    kriteria_menggambarkan = models.PositiveSmallIntegerField("menggambarkan sesuatu yang diukur")
    kriteria_terukur = models.PositiveSmallIntegerField("dapat dikuantifikasi dan diukur")
    catatan = models.TextField(blank=True)
    pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "penilaian usulan"
        verbose_name_plural = "penilaian usulan"
        ordering = ["usulan", "pada"]
        constraints = [
            models.UniqueConstraint(fields=["usulan", "penilai"], name="penilaian_sekali_per_penilai"),
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{k}__gte": 1, f"{k}__lte": SKOR_MAKS}), name=f"penilaian_{k}_1_sampai_5"
                )
                for k, _ in KRITERIA
            ],
        ]

    @property
    def syarat_terpenuhi(self) -> bool:
        return all(getattr(self, k) for k, _ in SYARAT)

    @property
    def skor(self):
        """Mean of the 5 kriteria as a share of the maximum, in percent; 0 when a syarat fails."""
        from decimal import Decimal

        if not self.syarat_terpenuhi:
            return Decimal(0)
        total = sum(getattr(self, k) for k, _ in KRITERIA)
        return Decimal(total * 100) / Decimal(len(KRITERIA) * SKOR_MAKS)
