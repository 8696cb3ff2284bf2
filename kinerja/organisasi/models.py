"""Who works where: pemda, instansi, unit kerja, jabatan, pegawai and their dated assignments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from kinerja import kepegawaian
from kinerja.pengukuran import AMBANG_KELENGKAPAN, SKALA

from .validators import pangkat_choices, validate_nip


class Pemda(models.Model):
    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    nama = models.CharField(max_length=120, unique=True, help_text="mis. Kabupaten Sampang")
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.KABUPATEN)
    skala_capaian = models.CharField(
        "skala kategori capaian",
        max_length=40,
        default="permendagri_86_2017",
        choices=[(kode, skala.nama) for kode, skala in SKALA.items()],
    )
    ambang_kelengkapan = models.DecimalField(
        "ambang kelengkapan data untuk peringkat (%)",
        max_digits=5,
        decimal_places=2,
        default=AMBANG_KELENGKAPAN,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Kecamatan dengan kelengkapan data di bawah ambang ini tidak diberi peringkat, tetapi didaftar terpisah.",
    )
    # The lambang daerah at the left of every letterhead: a PNG re-encoded from the upload
    # (kinerja.laporan.kop), kept in the database so every server prints the same one.
    lambang = models.BinaryField("lambang daerah", blank=True, default=b"", editable=False)

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class Instansi(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="instansi")
    nama = models.CharField(max_length=160, help_text="mis. Kecamatan Banyuates")
    alamat = models.CharField(max_length=250, blank=True)
    # The letterhead (kop surat) of its documents; see kinerja.laporan.kop.
    nama_kantor = models.CharField(
        "nama kantor pada kop", max_length=160, blank=True, help_text="mis. Kantor Kecamatan Banyuates"
    )
    kode_pos = models.CharField("kode pos", max_length=5, blank=True)
    telepon = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mail", max_length=120, blank=True)
    laman = models.CharField("laman (website)", max_length=120, blank=True)
    tembusan = models.TextField(blank=True, help_text="Penerima tembusan keputusan, satu per baris")

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["pemda__nama", "nama"]
        constraints = [models.UniqueConstraint(fields=["pemda", "nama"], name="instansi_unik_per_pemda")]

    def __str__(self):
        return self.nama

    @property
    def nama_wilayah(self) -> str:
        """'Kecamatan Banyuates' → 'Banyuates', as used in 'Camat Banyuates'."""
        return self.nama.removeprefix("Kecamatan ").strip()


class UnitKerja(models.Model):
    class Jenis(models.TextChoices):
        PIMPINAN = "pimpinan", "Pimpinan"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        SUBBAGIAN = "subbagian", "Sub Bagian"
        SEKSI = "seksi", "Seksi"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="unit_kerja")
    nama = models.CharField(max_length=160)
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="bagian")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["instansi", "urutan", "nama"]
        constraints = [models.UniqueConstraint(fields=["instansi", "nama"], name="unit_kerja_unik_per_instansi")]

    def __str__(self):
        return self.nama


class Jabatan(models.Model):
    class Jenis(models.TextChoices):
        STRUKTURAL = "struktural", "Struktural"
        FUNGSIONAL = "fungsional", "Fungsional"
        PELAKSANA = "pelaksana", "Pelaksana"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="jabatan")
    unit_kerja = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.SET_NULL, related_name="jabatan")
    nama = models.CharField(max_length=200)
    jenis = models.CharField("jenis jabatan", max_length=20, choices=Jenis.choices, default=Jenis.STRUKTURAL)
    eselon = models.CharField(max_length=10, blank=True, help_text="mis. III.a, IV.b; kosong untuk pelaksana")
    atasan = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="bawahan")
    tugas = models.JSONField(default=list, blank=True, help_text="Daftar uraian tugas")
    fungsi = models.JSONField(default=list, blank=True, help_text="Daftar uraian fungsi")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["instansi", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nama"], name="jabatan_unik_per_instansi"),
            models.CheckConstraint(condition=~Q(atasan=models.F("id")), name="jabatan_bukan_atasan_sendiri"),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        for field in ("tugas", "fungsi"):
            value = getattr(self, field)
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ValidationError({field: "Harus berupa daftar teks."})
        if self.atasan_id:
            if self.atasan.instansi_id != self.instansi_id:
                raise ValidationError({"atasan": "Atasan harus jabatan di instansi yang sama."})
            seen, node = {self.pk}, self.atasan
            while node is not None:
                if node.pk in seen:
                    raise ValidationError({"atasan": "Rantai atasan membentuk lingkaran."})
                seen.add(node.pk)
                node = node.atasan

    def pemegang(self, pada=None):
        """The Pegawai holding this jabatan on a date (today by default), or None."""
        penugasan = Penugasan.objects.aktif(pada).filter(jabatan=self).select_related("pegawai").first()
        return penugasan.pegawai if penugasan else None


class Pegawai(models.Model):
    nama = models.CharField(max_length=160, help_text="Nama lengkap dengan gelar")
    nip = models.CharField("NIP", max_length=30, unique=True, null=True, blank=True, validators=[validate_nip])
    pangkat = models.CharField("pangkat/golongan", max_length=6, blank=True, choices=pangkat_choices)
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="pegawai"
    )

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        # Store the 18 digits only; display goes through nip_tampil.
        if self.nip:
            self.nip = kepegawaian.parse_nip(self.nip).digits
        else:
            self.nip = None
        super().save(*args, **kwargs)

    @property
    def nip_tampil(self) -> str:
        return kepegawaian.format_nip(self.nip) if self.nip else ""

    @property
    def pangkat_tampil(self) -> str:
        return str(kepegawaian.parse_pangkat(self.pangkat)) if self.pangkat else ""


class PenugasanQuerySet(models.QuerySet):
    def aktif(self, pada=None):
        from django.utils import timezone

        pada = pada or timezone.localdate()
        return self.filter(mulai__lte=pada).filter(Q(selesai__isnull=True) | Q(selesai__gte=pada))


class Penugasan(models.Model):
    class Jenis(models.TextChoices):
        DEFINITIF = "definitif", "Definitif"
        PLT = "plt", "Pelaksana Tugas (Plt.)"
        PLH = "plh", "Pelaksana Harian (Plh.)"

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="penugasan")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="penugasan")
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.DEFINITIF)
    mulai = models.DateField()
    selesai = models.DateField(null=True, blank=True)

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = "penugasan"
        verbose_name_plural = "penugasan"
        ordering = ["jabatan", "-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penugasan_selesai_setelah_mulai",
            )
        ]

    def __str__(self):
        return f"{self.pegawai} — {self.jabatan} ({self.mulai:%d-%m-%Y})"

    def clean(self):
        if self.selesai and self.mulai and self.selesai < self.mulai:
            raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
