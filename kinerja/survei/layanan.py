"""The survey's writes and reads: create, import (preview, then save), paper questionnaires,
results, finalising, and feeding the IKM into the linked indicators.

Every write checks the scope (:mod:`kinerja.akun.lingkup`), runs in one transaction and leaves an
audit record. ``pengguna=None`` is the command line: whoever runs ``kinerja`` on the server already
has the database. Bad input raises :class:`~django.core.exceptions.ValidationError` with an
Indonesian message and changes nothing; a user outside the instansi gets :class:`Http404`, a
reader who may not write :class:`PermissionDenied`.
"""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from kinerja.akun.lingkup import boleh_kelola_katalog, boleh_lihat
from kinerja.audit.models import catat
from kinerja.format import format_angka
from kinerja.iki.models import Indikator
from kinerja.ikm import KOLOM_PROFIL, SEMUA, HasilIKM, IKMError, baca_responden, hitung_ikm, hitung_ikm_per_layanan
from kinerja.ikm.hitung import baca_skor
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import Periode
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.layanan import PeriodeTerkunci, Sumber, simpan_nilai

from .models import Responden, SumberIKM, Survei

_KUNCI_PROFIL = tuple(p.kunci for p in KOLOM_PROFIL)


# --- scope -------------------------------------------------------------------------------------


def boleh_kelola(pengguna, instansi: Instansi) -> bool:
    """Who writes surveys: whoever keeps the instansi's catalogue (or the command line)."""
    return pengguna is None or boleh_kelola_katalog(pengguna, instansi)


def _pastikan_boleh_kelola(pengguna, instansi: Instansi) -> None:
    if pengguna is None:
        return
    if not boleh_lihat(pengguna, instansi):
        raise Http404("Instansi tidak ditemukan.")
    if not boleh_kelola_katalog(pengguna, instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat mengubah survei.")


def survei_atau_404(pengguna, pk) -> Survei:
    """The survey, if the user may see its instansi; otherwise 404 (never a hint that it exists)."""
    survei = Survei.objects.select_related("instansi__pemda").filter(pk=pk).first()
    if survei is None or not boleh_lihat(pengguna, survei.instansi):
        raise Http404("Survei tidak ditemukan.")
    return survei


def _pastikan_draft(survei: Survei) -> None:
    if survei.final:
        raise ValidationError(
            f"{survei} sudah final; buka kembali survei ini untuk mengubah respondennya.", code="final"
        )


# --- creating ----------------------------------------------------------------------------------


@transaction.atomic
def buat_survei(
    pengguna,
    instansi: Instansi,
    *,
    tahun: int,
    periode: str,
    regulasi: str = Survei.Regulasi.PERMENPAN_2017,
    bobot: str = Survei.Bobot.TEPAT,
    populasi: int | None = None,
    jenis_layanan: Sequence[str] = (),
) -> Survei:
    _pastikan_boleh_kelola(pengguna, instansi)
    survei = Survei(
        instansi=instansi,
        tahun=tahun,
        periode=periode,
        regulasi=regulasi,
        bobot=bobot,
        populasi=populasi,
        jenis_layanan=_rapikan_layanan(jenis_layanan),
        dibuat_oleh=pengguna if getattr(pengguna, "is_authenticated", False) else None,
    )
    survei.full_clean(validate_constraints=False)
    if any(nama.casefold() == SEMUA.casefold() for nama in survei.jenis_layanan):
        raise ValidationError({"jenis_layanan": f"Jenis layanan tidak boleh bernama '{SEMUA}'."})
    if Survei.objects.filter(instansi=instansi, tahun=tahun, periode=periode).exists():
        raise ValidationError(f"{survei} sudah ada.", code="sudah_ada")
    survei.validate_constraints()
    survei.save()
    catat(pengguna, "buat_skm", survei)
    return survei


def _rapikan_layanan(jenis_layanan: Sequence[str]) -> list[str]:
    """Trimmed, without blanks and repeats (ignoring case), in the order given."""
    hasil, terlihat = [], set()
    for nama in jenis_layanan:
        nama = " ".join(str(nama).split())
        if nama and nama.casefold() not in terlihat:
            terlihat.add(nama.casefold())
            hasil.append(nama)
    return hasil


# --- importing a file --------------------------------------------------------------------------


@dataclass(frozen=True)
class Pratinjau:
    """What an import would save, computed without writing anything.

    ``hasil`` is the IKM of the file's valid rows (``None`` when no row is valid); ``kesalahan``
    lists ``(row number, message)`` per bad cell. Only a preview without errors can be saved.
    ``sidik`` (SHA-256 of the file) lets a confirmation check it saves the file that was previewed.
    """

    nama_file: str
    regulasi: str
    bobot: str
    sidik: str
    responden: list[dict[str, object]]
    kesalahan: list[tuple[int, str]]
    peringatan: list[str]
    kolom: dict[str, str]
    kolom_profil: dict[str, str]
    lembar: str | None
    hasil: HasilIKM | None

    @property
    def bisa_disimpan(self) -> bool:
        return not self.kesalahan and bool(self.responden)


def pratinjau_impor(berkas_bytes: bytes, nama_file: str, regulasi: str = "2017", *, bobot: str = "tepat") -> Pratinjau:
    """Read a CSV/XLSX response file and compute the IKM it would give; writes nothing.

    Raises :class:`~kinerja.ikm.IKMError` when the file as a whole is unusable (empty, not CSV or
    XLSX, unsur columns missing or doubled); problems of single rows go to ``kesalahan``.
    """
    baca = baca_responden(berkas_bytes, nama_file, regulasi)
    # Per jenis layanan, so that a name the report cannot use is refused now, not after saving.
    hasil = hitung_ikm_per_layanan(baca.responden, regulasi, bobot)[SEMUA] if baca.responden else None
    return Pratinjau(
        nama_file=nama_file,
        regulasi=regulasi,
        bobot=bobot,
        sidik=hashlib.sha256(berkas_bytes).hexdigest(),
        responden=baca.responden,
        kesalahan=baca.kesalahan,
        peringatan=[*baca.peringatan, *(hasil.peringatan if hasil else [])],
        kolom=baca.kolom,
        kolom_profil=baca.kolom_profil,
        lembar=baca.lembar,
        hasil=hasil,
    )


def simpan_impor(pengguna, survei: Survei, pratinjau: Pratinjau, *, ganti: bool = False) -> list[Responden]:
    """Save every respondent of a clean preview, after the survey's existing ones (or instead of
    them with ``ganti=True``); all or nothing, audited.
    """
    _pastikan_boleh_kelola(pengguna, survei.instansi)
    if pratinjau.kesalahan:
        raise ValidationError(
            f"Berkas {pratinjau.nama_file} masih memuat {len(pratinjau.kesalahan)} kesalahan; "
            "perbaiki berkasnya lalu unggah ulang. Tidak ada yang disimpan.",
            code="berkas_salah",
        )
    if not pratinjau.responden:
        raise ValidationError(f"Berkas {pratinjau.nama_file} tidak memuat responden.", code="kosong")
    if pratinjau.regulasi != survei.regulasi:
        raise ValidationError(
            f"Berkas dibaca dengan unsur regulasi {pratinjau.regulasi}, sedangkan survei ini memakai "
            f"regulasi {survei.regulasi}.",
            code="regulasi_berbeda",
        )
    with transaction.atomic():
        survei = _kunci(survei)
        _pastikan_draft(survei)
        sebelumnya = survei.responden.count()
        if ganti:
            survei.responden.all().delete()
        nomor = nomor_berikut(survei)
        pembuat = pengguna if getattr(pengguna, "is_authenticated", False) else None
        baru = Responden.objects.bulk_create(
            _responden_baru(survei, nomor + i, satu, pratinjau.nama_file[:200], pembuat)
            for i, satu in enumerate(pratinjau.responden)
        )
        sesudahnya = survei.responden.count()
        cara = "menggantikan" if ganti else "ditambahkan ke"
        catat(
            pengguna,
            "impor_skm",
            survei,
            ringkasan=f"{len(baru)} responden dari {pratinjau.nama_file} {cara} {survei}",
            perubahan={"jumlah_responden": [sebelumnya, sesudahnya], "berkas": ["", pratinjau.nama_file]},
        )
    return baru


def _kunci(survei: Survei) -> Survei:
    """The survey row, locked until the transaction ends: respondent numbers are handed out one at a time."""
    return Survei.objects.select_for_update().select_related("instansi").get(pk=survei.pk)


def nomor_berikut(survei: Survei) -> int:
    """The number the next respondent gets (numbers of deleted respondents are not reused)."""
    return (survei.responden.aggregate(m=Max("nomor"))["m"] or 0) + 1


def _responden_baru(survei, nomor, data: Mapping[str, object], sumber: str, pembuat) -> Responden:
    return Responden(
        survei=survei,
        nomor=nomor,
        jawaban={kode: data.get(kode) for kode in survei.kode_unsur},
        **{kunci: str(data.get(kunci) or "") for kunci in _KUNCI_PROFIL},
        sumber=sumber,
        dibuat_oleh=pembuat,
    )


# --- paper questionnaires ----------------------------------------------------------------------


def tambah_responden(pengguna, survei: Survei, data: Mapping[str, object]) -> Responden:
    """Add one respondent typed in from a paper questionnaire.

    ``data`` maps unsur codes to a score 1–4 (or ``None``/``""`` when skipped) and, optionally,
    profile keys (``jenis_kelamin``, ``umur``, ``pendidikan``, ``pekerjaan``, ``jenis_layanan``)
    to text. Every problem is reported at once, keyed by field.
    """
    _pastikan_boleh_kelola(pengguna, survei.instansi)
    kode_unsur = survei.kode_unsur
    galat: dict[str, str] = {}
    bersih: dict[str, object] = {}
    for kunci in data:
        if kunci not in kode_unsur and kunci not in _KUNCI_PROFIL:
            galat[kunci] = f"'{kunci}' bukan kode unsur regulasi {survei.regulasi} atau isian profil."
    for kode in kode_unsur:
        try:
            bersih[kode] = baca_skor(data.get(kode))
        except IKMError as e:
            galat[kode] = f"{kode}: {e}."
    if not galat and all(bersih[kode] is None for kode in kode_unsur):
        galat["__all__"] = "Isi jawaban paling sedikit satu unsur."
    for kunci in _KUNCI_PROFIL:
        bersih[kunci] = " ".join(str(data.get(kunci) or "").split())
    if bersih["jenis_layanan"].casefold() == SEMUA.casefold():
        galat["jenis_layanan"] = (
            f"Jenis layanan tidak boleh bernama '{SEMUA}': nama itu dipakai untuk hasil keseluruhan."
        )
    if galat:
        raise ValidationError(galat)
    with transaction.atomic():
        survei = _kunci(survei)
        _pastikan_draft(survei)
        pembuat = pengguna if getattr(pengguna, "is_authenticated", False) else None
        responden = _responden_baru(survei, nomor_berikut(survei), bersih, "formulir", pembuat)
        responden.save()
        catat(pengguna, "tambah_responden_skm", responden, ringkasan=f"{responden} (formulir)")
    return responden


def hapus_responden(pengguna, responden: Responden) -> None:
    """Remove a wrongly typed respondent from a draft survey (the other numbers stay as they are)."""
    _pastikan_boleh_kelola(pengguna, responden.survei.instansi)
    with transaction.atomic():
        survei = _kunci(responden.survei)
        _pastikan_draft(survei)
        ringkasan = str(responden)
        jawaban = responden.jawaban
        responden.delete()
        catat(pengguna, "hapus_responden_skm", survei, ringkasan=ringkasan, perubahan={"jawaban": [jawaban, None]})


# --- results -----------------------------------------------------------------------------------


def jawaban_survei(survei: Survei) -> list[dict[str, object]]:
    return [r.sebagai_jawaban() for r in survei.responden.order_by("nomor")]


def hasil_survei(survei: Survei) -> HasilIKM:
    """The survey's IKM under its regulation, weighting and population.

    Raises :class:`~kinerja.ikm.IKMError` when the survey has no respondent with an answer yet.
    """
    return hitung_ikm(jawaban_survei(survei), survei.regulasi, survei.bobot, populasi=survei.populasi)


def hasil_per_layanan(survei: Survei) -> dict[str, HasilIKM]:
    """The IKM overall (key :data:`kinerja.ikm.SEMUA`, first) and per jenis layanan."""
    return hitung_ikm_per_layanan(jawaban_survei(survei), survei.regulasi, survei.bobot, populasi=survei.populasi)


# --- finalising and feeding the indicator ------------------------------------------------------


@dataclass(frozen=True)
class Umpan:
    """One value written into an indicator's variable from a survey."""

    indikator: Indikator
    triwulan: str
    nilai: Decimal


def finalkan(pengguna, survei: Survei) -> list[Umpan]:
    """Close the survey and write its IKM into every indicator linked to it (see :func:`umpankan`).

    All or nothing: when one indicator refuses the value (its period is locked), the survey stays
    draft and the message says which indicator and period.
    """
    _pastikan_boleh_kelola(pengguna, survei.instansi)
    with transaction.atomic():
        survei = _kunci(survei)
        _pastikan_draft(survei)
        hasil = _hasil_atau_galat(survei)
        survei.status = Survei.Status.FINAL
        survei.difinalkan_oleh = pengguna if getattr(pengguna, "is_authenticated", False) else None
        survei.difinalkan_pada = timezone.now()
        survei.save(update_fields=["status", "difinalkan_oleh", "difinalkan_pada"])
        catat(
            pengguna,
            "finalkan_skm",
            survei,
            ringkasan=f"{survei}: IKM {format_angka(hasil.nilai)} ({hasil.mutu}, {hasil.kinerja})",
            perubahan={"status": [Survei.Status.DRAFT, Survei.Status.FINAL]},
        )
        return _umpankan(pengguna, survei)


def buka_kembali(pengguna, survei: Survei, alasan: str = "") -> Survei:
    """Return a final survey to draft so that respondents can be corrected; finalising again
    writes the corrected IKM over the value fed before.
    """
    _pastikan_boleh_kelola(pengguna, survei.instansi)
    with transaction.atomic():
        survei = _kunci(survei)
        if not survei.final:
            raise ValidationError(f"{survei} masih draft.", code="draft")
        survei.status = Survei.Status.DRAFT
        survei.difinalkan_oleh = None
        survei.difinalkan_pada = None
        survei.save(update_fields=["status", "difinalkan_oleh", "difinalkan_pada"])
        catat(
            pengguna,
            "buka_skm",
            survei,
            perubahan={"status": [Survei.Status.FINAL, Survei.Status.DRAFT]},
            alasan=alasan,
        )
    return survei


def umpankan(pengguna, survei: Survei) -> list[Umpan]:
    """Write a final survey's IKM again into the linked indicators (e.g. after linking one)."""
    _pastikan_boleh_kelola(pengguna, survei.instansi)
    with transaction.atomic():
        survei = _kunci(survei)
        if not survei.final:
            raise ValidationError("Hanya survei yang sudah final yang dapat mengisi nilai indikator.", code="draft")
        return _umpankan(pengguna, survei)


def _hasil_atau_galat(survei: Survei) -> HasilIKM:
    try:
        return hasil_survei(survei)
    except IKMError as e:
        raise ValidationError(f"{survei}: {e}.", code="belum_ada_responden") from e


def sumber_untuk(survei: Survei):
    """The links this survey feeds: indicators of the instansi's IKI document in force that year.

    Values are entered against the revision in force (:mod:`kinerja.realisasi.berlaku`); a draft
    revision's indicators receive nothing until it is decreed.
    """
    dokumen = dokumen_berlaku(survei.instansi_id, survei.tahun)
    if dokumen is None:
        return SumberIKM.objects.none()
    return (
        SumberIKM.objects.filter(indikator__sasaran__dokumen=dokumen)
        .select_related("indikator__sasaran__jabatan")
        .prefetch_related("indikator__variabel")
        .order_by("indikator__sasaran__jabatan__urutan", "indikator__urutan", "indikator_id")
    )


def triwulan_umpan(survei: Survei) -> str:
    """The quarter whose value the survey sets: values are entered per triwulan, so a semester's or
    a year's survey fills its last quarter (the IKM variable aggregates as "terakhir").
    """
    return f"TW{Periode(survei.periode).triwulan_dalam()[-1]}"


def _umpankan(pengguna, survei: Survei) -> list[Umpan]:
    keseluruhan = per_layanan = None  # computed once, and only when a link needs it
    triwulan = triwulan_umpan(survei)
    umpan = []
    for sumber in sumber_untuk(survei):
        indikator = sumber.indikator
        if sumber.jenis_layanan:
            per_layanan = per_layanan if per_layanan is not None else _per_layanan_tanpa_huruf_besar(survei)
            hasil = per_layanan.get(" ".join(sumber.jenis_layanan.split()).casefold())
            if hasil is None:
                raise ValidationError(
                    f"Indikator “{indikator.nama}” diisi dari IKM layanan “{sumber.jenis_layanan}”, "
                    f"tetapi tidak ada responden layanan itu pada {survei}.",
                    code="layanan_kosong",
                )
        else:
            keseluruhan = keseluruhan or _hasil_atau_galat(survei)
            hasil = keseluruhan
        variabel = variabel_isian(indikator)
        nilai = hasil.nilai_dibulatkan
        tujuan = f"indikator “{indikator.nama}” ({indikator.sasaran.jabatan}), {Periode(triwulan).label} {survei.tahun}"
        try:
            simpan_nilai(
                pengguna,
                variabel,
                triwulan,
                nilai,
                catatan=f"Diisi otomatis dari {survei} (final).",
                sumber=Sumber.SURVEI,
                diumpankan=True,
            )
        except PeriodeTerkunci as e:
            raise ValidationError(
                f"Nilai IKM {format_angka(nilai)} tidak dapat dikirim ke {tujuan}: periode sudah dikunci. "
                f"{' '.join(e.messages)}",
                code="periode_terkunci",
            ) from e
        except ValidationError as e:
            raise ValidationError(
                f"Nilai IKM {format_angka(nilai)} tidak dapat dikirim ke {tujuan}: {' '.join(e.messages)}",
                code=e.code,
            ) from e
        umpan.append(Umpan(indikator, triwulan, nilai))
    return umpan


def _per_layanan_tanpa_huruf_besar(survei: Survei) -> dict[str, HasilIKM]:
    try:
        return {nama.casefold(): hasil for nama, hasil in hasil_per_layanan(survei).items()}
    except IKMError as e:
        raise ValidationError(f"{survei}: {e}.", code="layanan") from e


# --- linking indicators ------------------------------------------------------------------------


def variabel_isian(indikator: Indikator):
    """The one variable users would type for this indicator; the survey fills it instead."""
    isian = [v for v in indikator.variabel.all() if v.diisi]
    if len(isian) != 1:
        raise ValidationError(
            f"Indikator “{indikator.nama}” harus memiliki tepat satu variabel isian agar dapat diisi dari "
            f"survei (sekarang {len(isian)}).",
            code="variabel_bukan_satu",
        )
    return isian[0]


def hubungkan_indikator(pengguna, indikator: Indikator, jenis_layanan: str = "") -> SumberIKM:
    """Let the surveys of the indicator's instansi feed it (overall, or one jenis layanan's IKM)."""
    instansi = indikator.sasaran.dokumen.instansi
    _pastikan_boleh_kelola(pengguna, instansi)
    variabel_isian(indikator)
    jenis_layanan = " ".join(jenis_layanan.split())
    with transaction.atomic():
        lama = SumberIKM.objects.filter(indikator=indikator).first()
        sumber, _ = SumberIKM.objects.update_or_create(
            indikator=indikator,
            defaults={
                "jenis_layanan": jenis_layanan,
                "dibuat_oleh": pengguna if getattr(pengguna, "is_authenticated", False) else None,
            },
        )
        catat(
            pengguna,
            "hubungkan_ikm",
            sumber,
            ringkasan=f"{indikator.nama[:200]} diisi dari SKM",
            perubahan={"jenis_layanan": [lama.jenis_layanan if lama else None, jenis_layanan]},
        )
    return sumber


def lepaskan_indikator(pengguna, indikator: Indikator) -> None:
    """Stop feeding the indicator; values already written stay."""
    _pastikan_boleh_kelola(pengguna, indikator.sasaran.dokumen.instansi)
    with transaction.atomic():
        sumber = SumberIKM.objects.filter(indikator=indikator).first()
        if sumber is None:
            raise ValidationError(f"Indikator “{indikator.nama}” tidak diisi dari survei.", code="tidak_terhubung")
        sumber.delete()
        catat(pengguna, "lepaskan_ikm", indikator, ringkasan=f"{indikator.nama[:200]} tidak lagi diisi dari SKM")


def salin_sumber_ke_revisi(sender, lama, baru, peta_indikator, **kwargs) -> None:
    """A new IKI revision keeps its indicators' survey links (receiver of ``revisi_dibuat``)."""
    SumberIKM.objects.bulk_create(
        SumberIKM(indikator=peta_indikator[s.indikator_id], jenis_layanan=s.jenis_layanan, dibuat_oleh=s.dibuat_oleh)
        for s in SumberIKM.objects.filter(indikator_id__in=peta_indikator)
    )
