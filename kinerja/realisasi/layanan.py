"""The single write path for realisations: values, workflow and evidence files.

The web pages, the Excel upload, the API and the CLI all call these functions; none of them
writes NilaiVariabel, IsianPeriode or BuktiDukung directly. Every function here checks, in order:
who the user is (kinerja.akun.lingkup), whether the document is the revision in force, the
workflow status and the entry window; then it writes in one transaction, appends to the value's
history (RiwayatNilai) and records the audit trail (catat).

Rules:

- Values are entered per triwulan, by the holder of the jabatan, for the DokumenIKI in force.
- A period is writable while its IsianPeriode is draft or dikembalikan and today is inside the
  entry window: from the quarter's first day to ``batas_waktu`` (default: the 10th of the month
  after the quarter, settings.KINERJA_BATAS_ISIAN_HARI), or up to ``dibuka_sampai`` when an
  admin reopened it (buka_kembali) or a verifier returned it after the window
  (settings.KINERJA_HARI_PERBAIKAN days, default 7). diajukan, diverifikasi and disahkan
  periods are read-only: a submitted report is corrected after kembalikan.
- Optimistic locking: ``versi`` is the NilaiVariabel.versi the user saw (0 when there was no
  value yet). If somebody saved in between, KonflikVersi is raised and nothing is written. The
  IsianPeriode row is locked (SELECT … FOR UPDATE) for the whole write, which serialises writers
  of one jabatan and period and keeps a value from changing while its report is being verified.
- Validation warnings (peringatan_nilai) never block; they are returned on the value
  (``.peringatan``) and stored with it and in its history.
"""

import hashlib
import io
import os
import zipfile
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from kinerja import rumus
from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.format import format_angka, format_tanggal, parse_angka
from kinerja.iki.models import DokumenIKI, Variabel
from kinerja.rumus.pohon import Negasi, Operasi
from kinerja.rumus.pohon import Variabel as SimpulVariabel

from .berlaku import masih_berlaku
from .models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai
from .periode import PERIODE_ISIAN, jendela_isian, nomor_triwulan, triwulan_dilaporkan

Status = IsianPeriode.Status
Sumber = RiwayatNilai.Sumber

HARI_PERBAIKAN = 7
"""Days a returned or reopened period stays writable (settings.KINERJA_HARI_PERBAIKAN)."""

MAKS_UKURAN_BUKTI = 10 * 1024 * 1024
JENIS_BUKTI = ("pdf", "jpg", "png", "xlsx", "docx")
LONJAKAN = 3
"""A value more than this many times (or less than 1/this of) the previous quarter's is flagged."""

_MAKS_NILAI = Decimal(10) ** 14  # NilaiVariabel.nilai: 20 digits, 6 after the point
_DESIMAL = Decimal("0.000001")


class PeriodeTerkunci(ValidationError):
    """The period cannot be written: window closed, report submitted/verified/approved, or not in force."""

    def __init__(self, pesan: str):
        super().__init__(pesan, code="periode_terkunci")


class TidakBerhak(PermissionDenied):
    """The user may not do this for this jabatan or instansi (kinerja.akun.lingkup)."""


class KonflikVersi(ValidationError):
    """Somebody saved the value after the user loaded it; ``.sekarang`` is the value as stored now."""

    def __init__(self, sekarang: NilaiVariabel | None):
        self.sekarang = sekarang
        if sekarang is None or sekarang.pk is None:
            pesan = "Nilai ini telah dihapus orang lain sejak Anda membukanya. Muat ulang lalu isi kembali."
        else:
            orang = sekarang.diisi_oleh
            oleh = (orang.get_full_name() or orang.username) if orang else "pengguna lain"
            pesan = (
                f"Nilai ini telah diubah oleh {oleh} menjadi {format_isian(sekarang.nilai)} sejak Anda membukanya. "
                "Periksa nilai terbaru lalu simpan kembali bila perlu."
            )
        super().__init__(pesan, code="konflik_versi")


def _hari_ini() -> date:
    return timezone.localdate()


def format_isian(angka: Decimal | None) -> str:
    """An entered value as typed, Indonesian style: 5 → "5", 2.5 → "2,5", 1234.125 → "1.234,125"."""
    if angka is None:
        return format_angka(None)
    return format_angka(angka, max(0, -angka.normalize().as_tuple().exponent))


def _teks_pasti(angka: Decimal | None) -> str | None:
    """Exact plain text for the audit trail: 3.000000 as stored is "3", 2.50 is "2.5"."""
    return None if angka is None else format(angka.normalize(), "f")


def _pengguna_tercatat(pengguna):
    return pengguna if getattr(pengguna, "is_authenticated", False) else None


# --- values -----------------------------------------------------------------------------------


def bersihkan_nilai(nilai) -> Decimal | None:
    """A value as typed or sent (Decimal, int, float, Indonesian text "12,5") as a storable Decimal.

    Blank means "not filled in" (None). Raises ValidationError with an Indonesian message.
    """
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise ValidationError("Nilai harus berupa angka.", code="bukan_angka")
    if isinstance(nilai, str):
        try:
            angka = parse_angka(nilai)
        except ValueError as exc:
            raise ValidationError(str(exc), code="bukan_angka") from None
    elif isinstance(nilai, Decimal):
        angka = nilai
    elif isinstance(nilai, int | float):
        angka = Decimal(str(nilai))
    else:
        raise ValidationError("Nilai harus berupa angka.", code="bukan_angka")
    if not angka.is_finite():
        raise ValidationError("Nilai harus berupa bilangan terhingga.", code="bukan_angka")
    if abs(angka) >= _MAKS_NILAI:
        raise ValidationError("Nilai terlalu besar (paling banyak 14 angka sebelum koma).", code="terlalu_besar")
    if angka != angka.quantize(_DESIMAL):
        raise ValidationError("Nilai paling banyak 6 angka di belakang koma.", code="terlalu_teliti")
    return angka


def _adalah_persen(satuan: str) -> bool:
    satuan = satuan.strip().lower()
    return "%" in satuan or "persen" in satuan


def pasangan_pembilang_penyebut(ekspresi: str) -> list[tuple[str, str]]:
    """(numerator, denominator) codes of every plain ``a / b`` in a formula: where a > b is suspicious."""
    try:
        akar = rumus.parse(ekspresi).akar
    except rumus.RumusError:
        return []
    pasangan, tumpukan = [], [akar]
    while tumpukan:
        simpul = tumpukan.pop()
        if isinstance(simpul, Operasi):
            if (
                simpul.operator == "/"
                and isinstance(simpul.kiri, SimpulVariabel)
                and isinstance(simpul.kanan, SimpulVariabel)
            ):
                pasangan.append((simpul.kiri.nama, simpul.kanan.nama))
            tumpukan.extend((simpul.kiri, simpul.kanan))
        elif isinstance(simpul, Negasi):
            tumpukan.append(simpul.isi)
    return pasangan


def peringatan_nilai(
    variabel: Variabel,
    periode: str,
    nilai: Decimal | None,
    *,
    nilai_lain: Mapping[tuple[int, str], Decimal | None] | None = None,
) -> list[str]:
    """Warnings (DHIS2-style validation, never blocking) for entering ``nilai`` for ``variabel``.

    - a negative value (variables are counts and amounts), unless the variable allows it (negatif_boleh);
    - for an indicator in percent, a numerator above its denominator (``a / b`` in the formula);
    - a jump of more than 3× (up or down) against the previous reported quarter.

    ``nilai_lain`` {(variabel id, periode): value} overrides stored values, so that an upload
    is checked against the other values of the same upload.
    """
    if nilai is None:
        return []
    nilai_lain = nilai_lain or {}
    indikator = variabel.indikator
    peringatan = []
    if nilai < 0 and not variabel.negatif_boleh:
        peringatan.append(
            f"Nilai negatif ({format_isian(nilai)}) untuk “{variabel.uraian}”: jumlah atau cacah tidak mungkin negatif."
        )
    pasangan = (
        [(a, b) for a, b in pasangan_pembilang_penyebut(indikator.ekspresi) if variabel.kode in (a, b)]
        if _adalah_persen(indikator.satuan)
        else []
    )
    saudara = {}
    if pasangan:
        saudara = {v.kode: v for v in Variabel.objects.filter(indikator_id=indikator.pk).select_related("konstanta")}
        tersimpan = dict(
            NilaiVariabel.objects.filter(variabel__indikator_id=indikator.pk, periode=periode).values_list(
                "variabel_id", "nilai"
            )
        )

        def nilai_dari(kode):
            if kode == variabel.kode:
                return nilai
            v = saudara.get(kode)
            if v is None:
                return None
            if v.nilai_tetap is not None:
                return v.nilai_tetap
            if v.konstanta is not None:
                return v.konstanta.nilai
            return nilai_lain.get((v.pk, periode), tersimpan.get(v.pk))

        for a, b in pasangan:
            pembilang, penyebut = nilai_dari(a), nilai_dari(b)
            if pembilang is not None and penyebut is not None and penyebut >= 0 and pembilang > penyebut:
                label = {kode: (saudara[kode].uraian if kode in saudara else kode) for kode in (a, b)}
                peringatan.append(
                    f"Pembilang “{label[a]}” ({format_isian(pembilang)}) lebih besar dari penyebut "
                    f"“{label[b]}” ({format_isian(penyebut)}): persentase melebihi 100%."
                )
    dilaporkan = triwulan_dilaporkan(indikator.periode_pelaporan)
    sebelumnya = [t for t in dilaporkan if t < nomor_triwulan(periode)]
    if sebelumnya and nilai >= 0:
        periode_lalu = f"TW{sebelumnya[-1]}"
        kunci = (variabel.pk, periode_lalu)
        if kunci in nilai_lain:
            lalu = nilai_lain[kunci]
        else:
            lalu = (
                NilaiVariabel.objects.filter(variabel=variabel, periode=periode_lalu)
                .values_list("nilai", flat=True)
                .first()
            )
        if lalu is not None and lalu > 0 and (nilai > LONJAKAN * lalu or nilai * LONJAKAN < lalu):
            peringatan.append(
                f"Nilai berubah lebih dari {LONJAKAN} kali lipat dibanding {periode_lalu} "
                f"({format_isian(lalu)} → {format_isian(nilai)}); periksa kembali."
            )
    return peringatan


def _kunci_isian(dokumen: DokumenIKI, jabatan, periode: str) -> IsianPeriode:
    """The IsianPeriode of a jabatan and period, created when missing, locked for this transaction."""
    cari = dict(dokumen=dokumen, jabatan=jabatan, periode=periode)
    isian = IsianPeriode.objects.select_for_update().filter(**cari).first()
    if isian is None:
        try:
            with transaction.atomic():
                IsianPeriode.objects.create(**cari, batas_waktu=jendela_isian(dokumen.tahun, periode)[1])
        except IntegrityError:
            pass  # created by a concurrent writer a moment ago: lock theirs
        isian = IsianPeriode.objects.select_for_update().get(**cari)
    return isian


def isian_periode(dokumen: DokumenIKI, jabatan, periode: str) -> IsianPeriode:
    """The IsianPeriode (report status) of a jabatan for a quarter, created as draft when missing."""
    nomor_triwulan(periode)
    with transaction.atomic():
        return _kunci_isian(dokumen, jabatan, periode)


def masa_isian(isian: IsianPeriode) -> tuple[date, date]:
    """(first day, last day) of the regular entry window of this report."""
    mulai, batas = jendela_isian(isian.dokumen.tahun, isian.periode)
    return mulai, isian.batas_waktu or batas


def alasan_terkunci(isian: IsianPeriode, hari_ini: date | None = None) -> str | None:
    """Why the values of this report cannot be written today, in Indonesian; None when they can."""
    hari_ini = hari_ini or _hari_ini()
    dokumen = isian.dokumen
    if dokumen.status != DokumenIKI.Status.DITETAPKAN:
        return "Dokumen IKI ini belum ditetapkan; realisasi diisi pada dokumen yang berlaku."
    if not masih_berlaku(dokumen):
        return (
            f"Dokumen IKI rev. {dokumen.revisi} sudah digantikan revisi yang lebih baru; isi pada revisi yang berlaku."
        )
    if isian.status == Status.DIAJUKAN:
        return "Isian sudah diajukan dan menunggu verifikasi; nilai tidak dapat diubah kecuali dikembalikan."
    if isian.status in (Status.DIVERIFIKASI, Status.DISAHKAN):
        return f"Isian sudah {isian.get_status_display().lower()}; nilai tidak dapat diubah."
    mulai, batas = masa_isian(isian)
    label = f"{isian.get_periode_display()} {dokumen.tahun}"
    if hari_ini < mulai:
        return f"Pengisian {label} baru dibuka {format_tanggal(mulai)}."
    if hari_ini > batas and not (isian.dibuka_sampai and hari_ini <= isian.dibuka_sampai):
        if isian.dibuka_sampai:
            return (
                f"Masa pengisian {label} (dibuka kembali sampai {format_tanggal(isian.dibuka_sampai)}) sudah berakhir."
            )
        return f"Masa pengisian {label} berakhir {format_tanggal(batas)}; minta admin membuka kembali bila perlu."
    return None


def _variabel_lengkap(variabel_id) -> Variabel:
    return Variabel.objects.select_related("indikator__sasaran__dokumen", "indikator__sasaran__jabatan__instansi").get(
        pk=variabel_id
    )


def _periksa_variabel_diisi(variabel: Variabel, periode: str) -> None:
    if not variabel.diisi:
        raise ValidationError(
            f"“{variabel.uraian}” bernilai tetap atau konstanta; nilainya tidak diisi per periode.", code="tidak_diisi"
        )
    triwulan = nomor_triwulan(periode)
    dilaporkan = triwulan_dilaporkan(variabel.indikator.periode_pelaporan)
    if triwulan not in dilaporkan:
        daftar = ", ".join(f"TW{t}" for t in dilaporkan)
        raise ValidationError(
            f"Indikator “{variabel.indikator.nama[:80]}” dilaporkan {variabel.indikator.get_periode_pelaporan_display().lower()} "
            f"({daftar}); tidak ada isian untuk {periode}.",
            code="bukan_periode_pelaporan",
        )


def simpan_nilai(
    pengguna,
    variabel: Variabel,
    periode: str,
    nilai,
    *,
    versi: int | None = None,
    catatan: str = "",
    alasan: str = "",
    sumber: str = Sumber.WEB,
    diumpankan: bool = False,
) -> NilaiVariabel:
    """Store a variable's value for a quarter; every path (web, Excel, API, CLI) comes through here.

    ``nilai`` is a Decimal, a number or Indonesian text ("12,5"); blank clears the value.
    ``versi`` is the NilaiVariabel.versi the user saw (0: there was none); None skips the check.
    ``diumpankan=True``: the value is fed by another module from its own records (the SKM feeds
    "Nilai IKM"), which has checked the user's right itself (the survey manager does not hold the
    jabatan); the holder check is skipped, every lock (document in force, workflow, window) applies.
    Raises ValidationError (bad number, wrong period), TidakBerhak, PeriodeTerkunci, KonflikVersi.
    Returns the stored value with ``.peringatan`` (warnings, also stored) filled in.
    """
    try:
        nomor_triwulan(periode)
    except ValueError as exc:
        raise ValidationError(str(exc), code="periode") from None
    angka = bersihkan_nilai(nilai)
    catatan = (catatan or "").strip()
    with transaction.atomic():
        variabel = _variabel_lengkap(variabel.pk)
        _periksa_variabel_diisi(variabel, periode)
        sasaran = variabel.indikator.sasaran
        if not diumpankan and not lingkup.boleh_isi(pengguna, sasaran.jabatan):
            raise TidakBerhak(f"Anda tidak berhak mengisi realisasi {sasaran.jabatan}.")
        isian = _kunci_isian(sasaran.dokumen, sasaran.jabatan, periode)
        terkunci = alasan_terkunci(isian)
        if terkunci:
            raise PeriodeTerkunci(terkunci)
        tersimpan = NilaiVariabel.objects.select_for_update().filter(variabel=variabel, periode=periode).first()
        if versi is not None and versi != (tersimpan.versi if tersimpan else 0):
            raise KonflikVersi(tersimpan)
        if tersimpan is None and angka is None:
            kosong = NilaiVariabel(variabel=variabel, periode=periode, nilai=None, versi=0)
            return kosong
        if tersimpan is not None and tersimpan.nilai == angka and tersimpan.catatan == catatan:
            return tersimpan  # nothing changed: no new version, no history entry
        lama = tersimpan.nilai if tersimpan else None
        nv = tersimpan or NilaiVariabel(variabel=variabel, periode=periode, versi=0)
        nv.peringatan = peringatan_nilai(variabel, periode, angka)
        nv.nilai, nv.catatan = angka, catatan
        nv.diisi_oleh, nv.diisi_pada = _pengguna_tercatat(pengguna), timezone.now()
        nv.versi += 1
        nv.save()
        RiwayatNilai.objects.create(
            nilai_variabel=nv,
            waktu=nv.diisi_pada,
            pengguna=nv.diisi_oleh,
            lama=lama,
            baru=angka,
            catatan=catatan,
            alasan=alasan,
            sumber=sumber,
            versi=nv.versi,
            peringatan=nv.peringatan,
        )
        catat(
            pengguna,
            "isi_nilai",
            nv,
            ringkasan=f"{variabel.kode} {periode} {sasaran.dokumen.tahun}: {format_isian(lama)} → {format_isian(angka)}",
            perubahan={"nilai": [_teks_pasti(lama), _teks_pasti(angka)]},
            alasan=alasan,
        )
    return nv


# --- workflow ---------------------------------------------------------------------------------


def _ambil_terkunci(isian: IsianPeriode) -> IsianPeriode:
    return IsianPeriode.objects.select_for_update().select_related("dokumen", "jabatan__instansi").get(pk=isian.pk)


def _pastikan_status(isian: IsianPeriode, boleh: tuple[str, ...], tindakan: str) -> None:
    if isian.status not in boleh:
        raise ValidationError(
            f"Isian {isian.jabatan} {isian.periode} berstatus {isian.get_status_display().lower()}; tidak dapat {tindakan}.",
            code="status",
        )


def _catat_status(pengguna, isian, lama: str, aksi: str, alasan: str = "", **perubahan_lain):
    perubahan = {"status": [lama, isian.status], **perubahan_lain}
    catat(
        pengguna,
        aksi,
        isian,
        ringkasan=f"{isian.jabatan} {isian.periode} {isian.dokumen.tahun}: {lama} → {isian.status}",
        perubahan=perubahan,
        alasan=alasan,
    )


def _wajib_alasan(alasan: str, tindakan: str) -> str:
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(f"Alasan wajib diisi untuk {tindakan}.", code="alasan_wajib")
    return alasan


def nilai_belum_diisi(isian: IsianPeriode) -> list[Variabel]:
    """The variables of this report (entered ones, reported this quarter) that have no value yet."""
    triwulan = nomor_triwulan(isian.periode)
    terisi = set(
        NilaiVariabel.objects.filter(
            variabel__indikator__sasaran__dokumen=isian.dokumen_id,
            variabel__indikator__sasaran__jabatan=isian.jabatan_id,
            periode=isian.periode,
            nilai__isnull=False,
        ).values_list("variabel_id", flat=True)
    )
    semua = Variabel.objects.filter(
        indikator__sasaran__dokumen=isian.dokumen_id,
        indikator__sasaran__jabatan=isian.jabatan_id,
        nilai_tetap__isnull=True,
        konstanta__isnull=True,
    ).select_related("indikator")
    return [v for v in semua if v.pk not in terisi and triwulan in triwulan_dilaporkan(v.indikator.periode_pelaporan)]


def ajukan(pengguna, isian: IsianPeriode) -> IsianPeriode:
    """The holder submits the period's report for verification; every value must be filled in."""
    with transaction.atomic():
        isian = _ambil_terkunci(isian)
        if not lingkup.boleh_isi(pengguna, isian.jabatan):
            raise TidakBerhak(f"Hanya pemegang jabatan {isian.jabatan} yang dapat mengajukan isian ini.")
        _pastikan_status(isian, (Status.DRAFT, Status.DIKEMBALIKAN), "diajukan")
        terkunci = alasan_terkunci(isian)
        if terkunci:
            raise PeriodeTerkunci(terkunci)
        kosong = nilai_belum_diisi(isian)
        if kosong:
            daftar = "; ".join(v.uraian[:60] for v in kosong[:5]) + ("; …" if len(kosong) > 5 else "")
            raise ValidationError(f"{len(kosong)} nilai belum diisi: {daftar}", code="belum_lengkap")
        lama = isian.status
        isian.status, isian.diajukan_pada = Status.DIAJUKAN, timezone.now()
        isian.save()
        _catat_status(pengguna, isian, lama, "ajukan_isian")
    return isian


def verifikasi(pengguna, isian: IsianPeriode) -> IsianPeriode:
    """The holder of the atasan jabatan accepts a submitted report; its values become read-only."""
    with transaction.atomic():
        isian = _ambil_terkunci(isian)
        if not lingkup.boleh_verifikasi(pengguna, isian.jabatan):
            raise TidakBerhak(f"Hanya atasan langsung {isian.jabatan} yang dapat memverifikasi isian ini.")
        _pastikan_status(isian, (Status.DIAJUKAN,), "diverifikasi")
        lama = isian.status
        isian.status = Status.DIVERIFIKASI
        isian.diverifikasi_oleh, isian.diverifikasi_pada = _pengguna_tercatat(pengguna), timezone.now()
        isian.save()
        _catat_status(pengguna, isian, lama, "verifikasi_isian")
    return isian


def kembalikan(pengguna, isian: IsianPeriode, alasan: str) -> IsianPeriode:
    """Send a report back for correction, with a required reason.

    The verifier returns a submitted report; the Camat may also return a verified one. When the
    entry window has closed, the report is reopened for HARI_PERBAIKAN days so it can be fixed.
    """
    alasan = _wajib_alasan(alasan, "mengembalikan isian")
    with transaction.atomic():
        isian = _ambil_terkunci(isian)
        camat = lingkup.boleh_sahkan(pengguna, isian.jabatan.instansi)
        if not (camat or lingkup.boleh_verifikasi(pengguna, isian.jabatan)):
            raise TidakBerhak(f"Anda tidak berhak mengembalikan isian {isian.jabatan}.")
        _pastikan_status(isian, (Status.DIAJUKAN, Status.DIVERIFIKASI) if camat else (Status.DIAJUKAN,), "dikembalikan")
        lama, dibuka_lama = isian.status, isian.dibuka_sampai
        isian.status, isian.catatan_status = Status.DIKEMBALIKAN, alasan
        isian.diverifikasi_oleh = isian.diverifikasi_pada = None
        hari_ini = _hari_ini()
        if hari_ini > masa_isian(isian)[1]:
            perbaikan = hari_ini + timedelta(days=getattr(settings, "KINERJA_HARI_PERBAIKAN", HARI_PERBAIKAN))
            isian.dibuka_sampai = max(perbaikan, isian.dibuka_sampai or perbaikan)
        isian.save()
        _catat_status(
            pengguna,
            isian,
            lama,
            "kembalikan_isian",
            alasan,
            dibuka_sampai=[
                str(dibuka_lama) if dibuka_lama else None,
                str(isian.dibuka_sampai) if isian.dibuka_sampai else None,
            ],
        )
    return isian


def sahkan(pengguna, isian: IsianPeriode) -> IsianPeriode:
    """The Camat approves a verified report (or a submitted one of a jabatan without atasan)."""
    with transaction.atomic():
        isian = _ambil_terkunci(isian)
        if not lingkup.boleh_sahkan(pengguna, isian.jabatan.instansi):
            raise TidakBerhak("Hanya Camat yang dapat mengesahkan isian.")
        boleh = (Status.DIVERIFIKASI, Status.DIAJUKAN) if isian.jabatan.atasan_id is None else (Status.DIVERIFIKASI,)
        _pastikan_status(isian, boleh, "disahkan")
        lama = isian.status
        isian.status = Status.DISAHKAN
        isian.disahkan_oleh, isian.disahkan_pada = _pengguna_tercatat(pengguna), timezone.now()
        isian.save()
        _catat_status(pengguna, isian, lama, "sahkan_isian")
    return isian


def buka_kembali(pengguna, isian: IsianPeriode, alasan: str, *, sampai: date | None = None) -> IsianPeriode:
    """An admin reopens one jabatan and period (after its window, or after approval) with a reason.

    The report goes back to draft (a returned one stays dikembalikan) and is writable until
    ``sampai`` (default: HARI_PERBAIKAN days from today); it must go through the workflow again.
    """
    alasan = _wajib_alasan(alasan, "membuka kembali isian")
    hari_ini = _hari_ini()
    sampai = sampai or hari_ini + timedelta(days=getattr(settings, "KINERJA_HARI_PERBAIKAN", HARI_PERBAIKAN))
    if sampai < hari_ini:
        raise ValidationError("Tanggal buka kembali tidak boleh sebelum hari ini.", code="tanggal")
    with transaction.atomic():
        isian = _ambil_terkunci(isian)
        if not lingkup.boleh_kelola_katalog(pengguna, isian.jabatan.instansi):
            raise TidakBerhak("Hanya admin instansi atau admin pemda yang dapat membuka kembali isian.")
        lama, dibuka_lama = isian.status, isian.dibuka_sampai
        if isian.status != Status.DIKEMBALIKAN:
            isian.status = Status.DRAFT
        isian.dibuka_sampai, isian.catatan_status = sampai, alasan
        isian.diverifikasi_oleh = isian.diverifikasi_pada = None
        isian.disahkan_oleh = isian.disahkan_pada = None
        isian.save()
        _catat_status(
            pengguna,
            isian,
            lama,
            "buka_kembali_isian",
            alasan,
            dibuka_sampai=[str(dibuka_lama) if dibuka_lama else None, str(sampai)],
        )
    return isian


# --- evidence files ---------------------------------------------------------------------------


def jenis_berkas(isi: bytes) -> str | None:
    """The evidence type from the content (magic bytes, and the parts inside Office files), or None."""
    if isi.startswith(b"%PDF-"):
        return "pdf"
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if isi.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if isi.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
                nama = set(arsip.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "[Content_Types].xml" not in nama or any(n.lower().endswith("vbaproject.bin") for n in nama):
            return None  # not Office Open XML, or with macros (.xlsm/.docm)
        if "word/document.xml" in nama:
            return "docx"
        if "xl/workbook.xml" in nama:
            return "xlsx"
    return None


def _nama_aman(nama: str) -> str:
    nama = os.path.basename((nama or "").replace("\\", "/"))
    nama = "".join(c for c in nama if c.isprintable()).strip()
    return (nama or "berkas")[:200]


def _baca_terbatas(berkas) -> bytes:
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    bagian, total = [], 0
    potongan = berkas.chunks() if hasattr(berkas, "chunks") else iter(lambda: berkas.read(65536), b"")
    for isi in potongan:
        total += len(isi)
        if total > MAKS_UKURAN_BUKTI:
            raise ValidationError("Berkas lebih dari 10 MB; perkecil atau pisahkan berkasnya.", code="terlalu_besar")
        bagian.append(isi)
    return b"".join(bagian)


def simpan_bukti(pengguna, isian_atau_nilai: IsianPeriode | NilaiVariabel, berkas) -> BuktiDukung:
    """Attach an evidence file (a Django File/UploadedFile) to a report or one of its values.

    PDF, JPG, PNG, XLSX or DOCX up to 10 MB, recognised by content, never by name; stored under
    MEDIA_ROOT with a random name. The period must be writable, as for values.
    """
    if getattr(berkas, "size", 0) and berkas.size > MAKS_UKURAN_BUKTI:
        raise ValidationError("Berkas lebih dari 10 MB; perkecil atau pisahkan berkasnya.", code="terlalu_besar")
    isi = _baca_terbatas(berkas)
    if not isi:
        raise ValidationError("Berkas kosong.", code="kosong")
    jenis = jenis_berkas(isi)
    if jenis is None:
        raise ValidationError(
            "Jenis berkas tidak diizinkan: isinya bukan PDF, JPG, PNG, XLSX atau DOCX (nama berkas tidak menentukan).",
            code="jenis_berkas",
        )
    with transaction.atomic():
        nilai_variabel = None
        if isinstance(isian_atau_nilai, NilaiVariabel):
            nilai_variabel = isian_atau_nilai
            variabel = _variabel_lengkap(nilai_variabel.variabel_id)
            sasaran = variabel.indikator.sasaran
            isian = _kunci_isian(sasaran.dokumen, sasaran.jabatan, nilai_variabel.periode)
        else:
            isian = _ambil_terkunci(isian_atau_nilai)
        if not lingkup.boleh_isi(pengguna, isian.jabatan):
            raise TidakBerhak(f"Anda tidak berhak mengunggah bukti dukung {isian.jabatan}.")
        terkunci = alasan_terkunci(isian)
        if terkunci:
            raise PeriodeTerkunci(terkunci)
        bukti = BuktiDukung(
            isian=isian,
            nilai_variabel=nilai_variabel,
            nama_asli=_nama_aman(getattr(berkas, "name", "")),
            jenis=jenis,
            ukuran=len(isi),
            sha256=hashlib.sha256(isi).hexdigest(),
            diunggah_oleh=_pengguna_tercatat(pengguna),
        )
        bukti.berkas.save("bukti", ContentFile(isi), save=False)
        try:
            bukti.save()
            catat(
                pengguna,
                "unggah_bukti",
                bukti,
                ringkasan=f"{isian.jabatan} {isian.periode}: {bukti.nama_asli} ({jenis})",
            )
        except Exception:
            bukti.berkas.delete(save=False)
            raise
    return bukti


def buka_bukti(pengguna, bukti: BuktiDukung):
    """The stored evidence file opened for reading, for a user allowed to see its instansi; Http404 otherwise."""
    instansi = bukti.isian.dokumen.instansi
    if not lingkup.boleh_lihat(pengguna, instansi):
        raise Http404("Bukti dukung tidak ditemukan.")
    try:
        return bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti dukung tidak ditemukan di penyimpanan.") from None


__all__ = [
    "HARI_PERBAIKAN",
    "JENIS_BUKTI",
    "MAKS_UKURAN_BUKTI",
    "PERIODE_ISIAN",
    "KonflikVersi",
    "PeriodeTerkunci",
    "TidakBerhak",
    "ajukan",
    "alasan_terkunci",
    "bersihkan_nilai",
    "buka_bukti",
    "buka_kembali",
    "isian_periode",
    "jenis_berkas",
    "kembalikan",
    "masa_isian",
    "nilai_belum_diisi",
    "peringatan_nilai",
    "sahkan",
    "simpan_bukti",
    "simpan_nilai",
    "verifikasi",
    "format_isian",
]
