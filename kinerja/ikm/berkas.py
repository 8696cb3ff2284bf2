"""Reading questionnaire responses from CSV or XLSX files (pure Python, no Django).

One row per respondent, one column per unsur, matched by header name (see :mod:`kinerja.ikm.kolom`)
and never by position. Problems that make the whole file unusable raise :class:`IKMError`; problems
of single rows are collected in :attr:`HasilBaca.kesalahan` so that a preview can list them all.
"""

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from kinerja import unggahan
from kinerja.ikm.errors import IKMError
from kinerja.ikm.hitung import baca_skor, daftar_nomor
from kinerja.ikm.kolom import KOLOM_PROFIL, PemetaanKolom, normalkan, petakan_kolom
from kinerja.ikm.regulasi import REGULASI, Regulasi, ambil_regulasi

BATAS_KESALAHAN = 50
"""At most this many row errors are kept; a preview showing more helps nobody."""

_BARIS_CARI_JUDUL = 20  # title rows above the header are common in rekap sheets
_AWALAN_ZIP = b"PK\x03\x04"
_AWALAN_XLS_LAMA = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EKSTENSI_XLSX = (".xlsx", ".xlsm")
_EKSTENSI_CSV = ("", ".csv", ".txt", ".tsv")
_PEMISAH_CSV = (",", ";", "\t")
_NAMA_LEMBAR_DATA = {"responden", "data", "jawaban"}

Baris = tuple[int, Sequence[object]]  # (row number as a spreadsheet shows it, cells)


@dataclass(frozen=True)
class HasilBaca:
    """What was read from a response file.

    ``responden``: one dict per valid row with every unsur code (score or ``None`` when skipped)
    and every profile key (text or ``None``); rows with an error are left out.
    ``kesalahan``: ``(row number, message)`` per bad cell, at most :data:`BATAS_KESALAHAN`.
    ``kolom``/``kolom_profil``: header text → unsur code / profile key.
    ``lembar``: the XLSX sheet that was read (``None`` for CSV).
    """

    responden: list[dict[str, object]]
    kesalahan: list[tuple[int, str]]
    peringatan: list[str]
    kolom: dict[str, str]
    kolom_profil: dict[str, str]
    lembar: str | None


def baca_responden(
    sumber: str | os.PathLike[str] | bytes | BinaryIO,
    nama_file: str | None = None,
    regulasi: str = "2017",
) -> HasilBaca:
    """Read respondents from a CSV or XLSX file.

    ``sumber`` is a path, the file's bytes, or a binary file object (e.g. an uploaded file);
    ``nama_file`` supplies the extension when it cannot be taken from ``sumber``. The format is
    recognised from the content first (an XLSX is a zip, whatever its name), then from the
    extension. CSV: delimiter ``,`` ``;`` or tab (whichever reveals the unsur headers), UTF-8 with
    or without BOM, UTF-16 with BOM, or cp1252. XLSX: the sheet whose header matches the most unsur,
    preferring sheets named like "Responden" or "Data", else the first.

    Raises :class:`IKMError` for an unreadable, empty or header-only file, a header row without the
    unsur of the regulation, or one unsur claimed by two columns.
    """
    aturan = ambil_regulasi(regulasi)
    isi, nama_file = _ambil_isi(sumber, nama_file)
    if not isi.strip():
        raise IKMError("Berkas kosong")
    try:
        return _baca_terbatas(isi, nama_file, aturan)
    except unggahan.BerkasDitolak as e:
        raise IKMError(str(e)) from None


def _baca_terbatas(isi: bytes, nama_file: str, aturan: Regulasi) -> HasilBaca:
    """Read within the upload bounds of kinerja.unggahan: size, zip, rows, columns, cells and time."""
    unggahan.periksa_ukuran(isi, nama_file)
    tenggat = unggahan.Tenggat(nama_file)
    ekstensi = Path(nama_file).suffix.lower()
    if isi.startswith(_AWALAN_XLS_LAMA):
        raise IKMError("Format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV")
    if isi.startswith(_AWALAN_ZIP):
        baris, lembar = _baca_xlsx(isi, nama_file, aturan, tenggat)
    elif ekstensi in _EKSTENSI_XLSX:
        raise IKMError(f"Berkas {nama_file} rusak atau bukan XLSX yang sah")
    elif ekstensi in _EKSTENSI_CSV:
        baris, lembar = _baca_csv(isi, nama_file, aturan, tenggat), None
    else:
        raise IKMError(f"Format berkas {ekstensi} tidak didukung; unggah berkas CSV atau XLSX")
    return _olah_baris(baris, aturan, lembar)


def _ambil_isi(sumber: str | os.PathLike[str] | bytes | BinaryIO, nama_file: str | None) -> tuple[bytes, str]:
    if isinstance(sumber, (bytes, bytearray, memoryview)):
        return bytes(sumber), nama_file or ""
    if isinstance(sumber, (str, os.PathLike)):
        jalur = Path(sumber)
        try:
            return jalur.read_bytes(), nama_file or jalur.name
        except OSError as e:
            raise IKMError(f"Berkas {jalur.name} tidak dapat dibaca: {e.strerror}") from e
    return sumber.read(), nama_file or getattr(sumber, "name", "") or ""


def _skor_judul(baris: Iterable[Baris], aturan: Regulasi) -> tuple[int, int] | None:
    """(index, score) of the row among the first few that names the most unsur; None if none does."""
    terbaik = None
    for indeks, (_, sel) in enumerate(islice(baris, _BARIS_CARI_JUDUL)):
        pemetaan = petakan_kolom(sel, aturan)
        skor = len(pemetaan.unsur) + len(pemetaan.ganda)
        if skor and (terbaik is None or skor > terbaik[1]):
            terbaik = (indeks, skor)
    return terbaik


def _baca_xlsx(isi: bytes, nama_file: str, aturan: Regulasi, tenggat: unggahan.Tenggat) -> tuple[list[Baris], str]:
    buku = unggahan.buka_xlsx(isi, nama_file, data_only=True)

    def _baris_lembar(lembar: ReadOnlyWorksheet) -> Iterator[Baris]:
        rows = unggahan.baris_terbatas(
            lembar.iter_rows(values_only=True), nama_file, tenggat=tenggat, lembar=lembar.title
        )
        return enumerate(rows, start=1)

    try:
        # Sheets named like the data come first, so that they win ties.
        urutan = sorted(buku.worksheets, key=lambda ws: not (_NAMA_LEMBAR_DATA & set(normalkan(ws.title).split())))
        terpilih, skor_terbaik = urutan[0], 0
        for lembar in urutan:
            lembar.reset_dimensions()  # some writers store wrong dimensions; read what is there
            cocok = _skor_judul(_baris_terisi(_baris_lembar(lembar)), aturan)
            if cocok and cocok[1] > skor_terbaik:
                terpilih, skor_terbaik = lembar, cocok[1]
        return list(_baris_lembar(terpilih)), terpilih.title
    except unggahan.BerkasDitolak:
        raise
    except Exception as e:  # a damaged sheet fails only while its rows are parsed
        raise IKMError("Berkas XLSX rusak atau bukan XLSX yang sah") from e
    finally:
        buku.close()


def _baca_csv(isi: bytes, nama_file: str, aturan: Regulasi, tenggat: unggahan.Tenggat) -> list[Baris]:
    teks = _dekode(isi)
    baris_pertama, _, sisa = teks.partition("\n")
    petunjuk = baris_pertama.rstrip("\r")
    if petunjuk.lower().startswith("sep=") and len(petunjuk) == 5:
        # Excel's hint line "sep=;" is not shown as a row when Excel opens the file.
        pemisah_pilihan: Sequence[str] = (petunjuk[4],)
        teks = sisa
    else:
        pemisah_pilihan = _PEMISAH_CSV
    pemisah = max(pemisah_pilihan, key=lambda p: _skor_pemisah(teks, p, aturan))
    try:
        baris = unggahan.baris_terbatas(csv.reader(io.StringIO(teks), delimiter=pemisah), nama_file, tenggat=tenggat)
        return list(enumerate(baris, start=1))
    except csv.Error as e:
        raise IKMError(f"Berkas CSV tidak dapat dibaca: {e}") from e


def _skor_pemisah(teks: str, pemisah: str, aturan: Regulasi) -> tuple[int, int]:
    """Prefer the delimiter that reveals the most unsur headers, then the one giving the most columns."""
    try:
        awal = list(islice(enumerate(csv.reader(io.StringIO(teks), delimiter=pemisah), start=1), _BARIS_CARI_JUDUL))
    except csv.Error:
        return (-1, 0)
    cocok = _skor_judul(awal, aturan)
    return (cocok[1] if cocok else 0, max((len(sel) for _, sel in awal), default=0))


def _dekode(isi: bytes) -> str:
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return isi.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IKMError("Berkas CSV rusak: teks UTF-16 tidak sah") from e
    if b"\x00" in isi:
        raise IKMError("Berkas bukan CSV: isinya data biner, bukan teks")
    try:
        return isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return isi.decode("cp1252")  # what Excel on Windows writes for "CSV (Comma delimited)"
    except UnicodeDecodeError as e:
        raise IKMError("Berkas bukan CSV: pengodean teks tidak dikenali") from e


def _olah_baris(baris: list[Baris], aturan: Regulasi, lembar: str | None) -> HasilBaca:
    baris = list(_baris_terisi(baris))
    if not baris:
        raise IKMError("Berkas kosong")
    judul_ditemukan = _skor_judul(baris, aturan)
    if judul_ditemukan is None:
        raise IKMError(
            "Baris judul kolom tidak ditemukan: tidak ada kolom yang bernama unsur "
            "(mis. 'U1' atau 'Persyaratan') pada 20 baris pertama"
        )
    indeks_judul = judul_ditemukan[0]
    judul = baris[indeks_judul][1]
    pemetaan = petakan_kolom(judul, aturan)
    _periksa_kolom_unsur(pemetaan, judul, aturan)

    data = baris[indeks_judul + 1 :]
    if not data:
        raise IKMError("Berkas hanya berisi baris judul, tanpa data responden")

    nama_kolom = {i: str(judul[i]).strip() for i in (*pemetaan.unsur, *pemetaan.profil)}
    responden: list[dict[str, object]] = []
    kesalahan: list[tuple[int, str]] = []
    jumlah_kesalahan = 0
    tanpa_jawaban = []
    for nomor, sel in data:
        satu: dict[str, object] = {}
        salah_di_baris = False
        for indeks, kode in pemetaan.unsur.items():
            try:
                satu[kode] = baca_skor(_sel(sel, indeks))
            except IKMError as e:
                salah_di_baris = True
                jumlah_kesalahan += 1
                if len(kesalahan) < BATAS_KESALAHAN:
                    kesalahan.append((nomor, f"Baris {nomor}, kolom '{nama_kolom[indeks]}' ({kode}): {e}"))
        if salah_di_baris:
            continue
        if all(satu[kode] is None for kode in pemetaan.unsur.values()):
            tanpa_jawaban.append(nomor)
            continue
        profil = {p.kunci: None for p in KOLOM_PROFIL}
        profil.update({kunci: _teks_profil(_sel(sel, i)) for i, kunci in pemetaan.profil.items()})
        responden.append({kode: satu[kode] for kode in aturan.kode_unsur} | profil)

    if not responden and not kesalahan:
        raise IKMError("Tidak ada responden yang mengisi jawaban unsur")
    peringatan = []
    if jumlah_kesalahan > len(kesalahan):
        peringatan.append(f"Ada {jumlah_kesalahan} kesalahan; hanya {len(kesalahan)} yang pertama ditampilkan.")
    if tanpa_jawaban:
        peringatan.append(
            f"{len(tanpa_jawaban)} baris tanpa jawaban unsur dilewati (baris {daftar_nomor(tanpa_jawaban)})."
        )
    if pemetaan.tidak_dikenal:
        nama = ", ".join(f"'{str(judul[i]).strip()}'" for i in pemetaan.tidak_dikenal)
        peringatan.append(f"Kolom yang tidak dikenali dan diabaikan: {nama}.")
    return HasilBaca(
        responden=responden,
        kesalahan=kesalahan,
        peringatan=peringatan,
        kolom={nama_kolom[i]: kode for i, kode in sorted(pemetaan.unsur.items())},
        kolom_profil={nama_kolom[i]: kunci for i, kunci in sorted(pemetaan.profil.items())},
        lembar=lembar,
    )


def _periksa_kolom_unsur(pemetaan: PemetaanKolom, judul: Sequence[object], aturan: Regulasi) -> None:
    """Raise when the header does not give exactly one column for every unsur of the regulation.

    Also raise when the header fits the other regulation better: a 2004 file with columns U1–U14
    has all of U1–U9 and would otherwise be read as a 2017 survey without complaint.
    """
    lengkap = _lengkap(pemetaan, aturan)
    for lain in REGULASI.values():
        pemetaan_lain = petakan_kolom(judul, lain)
        lebih_cocok = not lengkap or len(pemetaan_lain.unsur) > len(pemetaan.unsur)
        if lain is not aturan and _lengkap(pemetaan_lain, lain) and lebih_cocok:
            raise IKMError(
                f"Kolom berkas ini cocok dengan {len(lain.unsur)} unsur {lain.nama}, bukan "
                f"{len(aturan.unsur)} unsur {aturan.nama}; pilih regulasi {lain.kode}."
            )
    if lengkap:
        return
    hilang = pemetaan.kode_hilang(aturan)
    masalah = list(pemetaan.ganda)
    if hilang:
        masalah.append("Kolom unsur tidak ditemukan: " + ", ".join(aturan.cari_unsur(k).label for k in hilang))
    raise IKMError("; ".join(masalah))


def _lengkap(pemetaan: PemetaanKolom, aturan: Regulasi) -> bool:
    return not pemetaan.ganda and not pemetaan.kode_hilang(aturan)


def _sel(sel: Sequence[object], indeks: int) -> object:
    return sel[indeks] if indeks < len(sel) else None  # CSV and XLSX rows may be ragged


def _baris_terisi(baris: Iterable[Baris]) -> Iterator[Baris]:
    """Rows with at least one filled cell (row numbers are kept, so messages still match the sheet)."""
    return ((nomor, sel) for nomor, sel in baris if any(_terisi(v) for v in sel))


def _terisi(nilai: object) -> bool:
    return nilai is not None and str(nilai).strip() != ""


def _teks_profil(nilai: object) -> str | None:
    if not _terisi(nilai):
        return None
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))  # an age typed into Excel may come back as 35.0
    if isinstance(nilai, (datetime, date)):
        return nilai.isoformat()
    return " ".join(str(nilai).split())
