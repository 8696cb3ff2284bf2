"""Bounds for every uploaded file (pure Python, no Django): one owner for the limits and their messages.

An uploaded XLSX or DOCX is a zip whose parts may decompress to thousands of times their size;
a spreadsheet may hold a million rows in a few kilobytes. Every reader of uploads (Excel values,
SKM answers, evidence files, the document importer) goes through here, in this order:

1. ``periksa_ukuran``: the file itself is not larger than ``Batas.ukuran_berkas``;
2. ``periksa_zip``: before anything parses it, the zip's declared uncompressed total, its
   compression ratio and its number of parts are within bounds. The declared sizes can be
   trusted because :mod:`zipfile` never inflates a part past its declared size (a lying header
   ends in a CRC error, i.e. a damaged file);
3. ``baris_terbatas``: while a sheet is read, its rows, columns, cell lengths and the time spent
   stay within bounds (``Tenggat``: a cooperative deadline that also works outside the main
   thread, where signals cannot interrupt a request).

Every refusal is a :class:`BerkasDitolak` (a ValueError) with an Indonesian message naming the file.
"""

import io
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from kinerja.format import format_angka

MB = 1024 * 1024


@dataclass(frozen=True)
class Batas:
    """Limits of one kind of upload. The defaults fit every legitimate template, SKM file and IKI document."""

    ukuran_berkas: int = 10 * MB
    """The uploaded file itself."""
    total_terurai: int = 30 * MB
    """Sum of the declared uncompressed sizes of a zip's parts."""
    rasio: int = 100
    """Uncompressed / compressed, for the whole zip and for every part larger than ``_BAGIAN_KECIL``."""
    anggota: int = 1000
    """Parts in a zip."""
    baris: int = 10_000
    kolom: int = 100
    sel: int = 400_000
    """Cells read in total (rows × their length) from one file."""
    panjang_sel: int = 32_767
    """Characters in one cell: Excel's own limit."""
    detik: float = 30.0
    """Time spent reading one file."""


BATAS = Batas()
"""The limits used when a caller gives none."""

_BAGIAN_KECIL = MB  # a tiny part (an empty sheet's XML) may compress 1000:1 legitimately


class BerkasDitolak(ValueError):
    """An upload refused before or while it was read; ``str()`` is the message for the user."""


def _nama(nama_file: str | None) -> str:
    return f"Berkas {nama_file}" if nama_file else "Berkas"


def _mb(jumlah: int) -> str:
    return f"{jumlah / MB:.0f} MB" if jumlah >= MB else f"{jumlah / 1024:.0f} KB"


def periksa_ukuran(data: bytes, nama_file: str | None = None, batas: Batas = BATAS) -> None:
    """Refuse a file larger than ``batas.ukuran_berkas``."""
    if len(data) > batas.ukuran_berkas:
        raise BerkasDitolak(
            f"{_nama(nama_file)} berukuran {_mb(len(data))}, melebihi batas {_mb(batas.ukuran_berkas)}; "
            "perkecil atau pisahkan berkasnya."
        )


def periksa_zip(
    data: bytes, nama_file: str | None = None, batas: Batas = BATAS, *, jenis: str = "berkas Office (.xlsx/.docx)"
) -> None:
    """Check a zip (XLSX, DOCX) before it is parsed: size, parts, declared total and compression ratio.

    Raises :class:`BerkasDitolak` for a file that is too large, not a readable zip, or a zip bomb.
    Reads only the central directory; nothing is decompressed. ``jenis`` names the expected kind in
    the message for a damaged file.
    """
    periksa_ukuran(data, nama_file, batas)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            bagian = arsip.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise BerkasDitolak(f"{_nama(nama_file)} rusak atau bukan {jenis} yang sah.") from None
    if len(bagian) > batas.anggota:
        raise BerkasDitolak(
            f"{_nama(nama_file)} berisi {len(bagian)} bagian (paling banyak {batas.anggota}); berkas ditolak."
        )
    terurai = sum(b.file_size for b in bagian)
    termampat = sum(b.compress_size for b in bagian)
    if terurai > batas.total_terurai:
        raise BerkasDitolak(
            f"{_nama(nama_file)} terurai menjadi {_mb(terurai)} (paling banyak {_mb(batas.total_terurai)}); "
            "berkas terlalu besar atau tidak wajar, berkas ditolak."
        )
    if terurai > _BAGIAN_KECIL and terurai > batas.rasio * max(termampat, 1):
        raise BerkasDitolak(
            f"{_nama(nama_file)} termampat {terurai // max(termampat, 1)} kali (paling banyak {batas.rasio} kali); "
            "isinya tidak wajar, berkas ditolak."
        )
    for b in bagian:
        if b.file_size > _BAGIAN_KECIL and b.file_size > batas.rasio * max(b.compress_size, 1):
            raise BerkasDitolak(
                f"{_nama(nama_file)}: bagian {b.filename[:80]} termampat "
                f"{b.file_size // max(b.compress_size, 1)} kali (paling banyak {batas.rasio} kali); berkas ditolak."
            )


class Tenggat:
    """A deadline for reading one file, checked between rows (``periksa``)."""

    def __init__(self, nama_file: str | None = None, batas: Batas = BATAS):
        self.nama_file, self.detik = nama_file, batas.detik
        self.akhir = time.monotonic() + batas.detik

    def periksa(self) -> None:
        if time.monotonic() > self.akhir:
            raise BerkasDitolak(
                f"{_nama(self.nama_file)} terlalu lama dibaca (lebih dari {self.detik:.0f} detik); "
                "perkecil atau pisahkan berkasnya."
            )


def _panjang(isi: object) -> int:
    return len(isi) if isinstance(isi, str) else 0


def baris_terbatas(
    baris: Iterable[Sequence[object]],
    nama_file: str | None = None,
    batas: Batas = BATAS,
    *,
    tenggat: Tenggat | None = None,
    lembar: str | None = None,
) -> Iterator[Sequence[object]]:
    """The rows of a sheet or CSV, refused (:class:`BerkasDitolak`) as soon as one exceeds a limit.

    Checks the number of rows, the columns of each row, the total number of cells, the length of
    every text cell (values, or openpyxl cells whose ``.value`` is checked) and the deadline.
    Trailing empty cells do not count as columns.
    """
    tenggat = tenggat or Tenggat(nama_file, batas)
    tempat = f"{_nama(nama_file)}{f', lembar {lembar}' if lembar else ''}"
    jumlah_sel = 0
    for nomor, sel in enumerate(baris, start=1):
        if nomor > batas.baris:
            raise BerkasDitolak(f"{tempat} berisi lebih dari {format_angka(batas.baris, 0)} baris; pisahkan berkasnya.")
        if nomor % 256 == 0:
            tenggat.periksa()
        isi = [getattr(s, "value", s) for s in sel]
        lebar = len(isi)
        while lebar and isi[lebar - 1] in (None, ""):
            lebar -= 1
        if lebar > batas.kolom:
            raise BerkasDitolak(f"{tempat}, baris {nomor}: lebih dari {batas.kolom} kolom terisi; berkas ditolak.")
        jumlah_sel += len(isi)
        if jumlah_sel > batas.sel:
            raise BerkasDitolak(f"{tempat} berisi terlalu banyak sel (lebih dari {format_angka(batas.sel, 0)}).")
        for kolom, nilai in enumerate(isi, start=1):
            if _panjang(nilai) > batas.panjang_sel:
                raise BerkasDitolak(
                    f"{tempat}, baris {nomor} kolom {kolom}: isi sel lebih dari {format_angka(batas.panjang_sel, 0)} karakter."
                )
        yield sel
    tenggat.periksa()


def buka_xlsx(data: bytes, nama_file: str | None = None, batas: Batas = BATAS, *, data_only: bool = False):
    """An openpyxl workbook (read-only, streamed) of an upload that passed :func:`periksa_zip`.

    ``data_only=False`` keeps formulas visible (a formula cell's ``data_type`` is ``"f"``), so that
    readers can refuse them instead of reading the cached value or a blank.
    """
    import openpyxl  # imported here: the document importer uses only periksa_zip

    periksa_zip(data, nama_file, batas, jenis="XLSX (Excel)")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # zipfile, XML and openpyxl raise many types on damaged input
        raise BerkasDitolak(f"{_nama(nama_file)} rusak atau bukan XLSX (Excel) yang sah.") from None
