"""Turning whatever the user gives (a path or bytes) into blocks, by content first.

The file's first bytes decide (``PK`` zip → DOCX, ``%PDF`` → PDF), then its name; anything
else must be text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252). Bad input gets
one :class:`DokumenError` with an Indonesian message, never a traceback.
"""

import os
import re
from pathlib import Path

from kinerja.dokumen import galat as pesan
from kinerja.dokumen.blok import Blok
from kinerja.dokumen.galat import DokumenError, galat

UKURAN_MAKS = 50 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_ZIP_KOSONG = b"PK\x05\x06"
_PDF = b"%PDF"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, old .xls


def _terlalu_besar(ukuran: int, nama_file: str | None) -> DokumenError:
    return galat(nama_file, pesan.terlalu_besar(ukuran, UKURAN_MAKS))


def ambil_bytes(
    sumber: str | os.PathLike | bytes | bytearray | memoryview, nama_file: str | None
) -> tuple[bytes, str | None]:
    """The content and the file name; the size is checked before anything is read."""
    if isinstance(sumber, (bytes, bytearray, memoryview)):
        data = bytes(sumber)
        if len(data) > UKURAN_MAKS:
            raise _terlalu_besar(len(data), nama_file)
        return data, nama_file
    path = Path(sumber)
    nama_file = nama_file or path.name
    try:
        ukuran = path.stat().st_size
        if ukuran > UKURAN_MAKS:
            raise _terlalu_besar(ukuran, nama_file)
        if not path.is_file():
            raise galat(nama_file, pesan.BUKAN_BERKAS)
        return path.read_bytes(), nama_file
    except FileNotFoundError:
        raise galat(nama_file, pesan.TIDAK_DITEMUKAN) from None
    except PermissionError:
        raise galat(nama_file, pesan.IZIN_DITOLAK) from None
    except IsADirectoryError:
        raise galat(nama_file, pesan.BUKAN_BERKAS) from None


def jenis_isi(data: bytes, nama_file: str | None) -> str:
    """``docx``, ``pdf`` or ``teks``; raises for empty, binary or mislabelled content."""
    akhiran = Path(nama_file or "").suffix.lower()
    if not data.strip():
        raise galat(nama_file, pesan.KOSONG)
    if data.startswith((_ZIP, _ZIP_KOSONG)):
        return "docx"
    if data.lstrip()[:4] == _PDF:
        return "pdf"
    if data.startswith(_OLE) or akhiran == ".doc":
        raise galat(nama_file, pesan.WORD_LAMA)
    if akhiran == ".docx":
        raise galat(nama_file, pesan.DOCX_BUKAN_ZIP)
    if akhiran == ".pdf":
        raise galat(nama_file, pesan.PDF_TANPA_TANDA)
    if data.lstrip().startswith(b"{\\rtf"):
        raise galat(nama_file, pesan.RTF)
    return "teks"


def dekode_teks(data: bytes, nama_file: str | None) -> str:
    """Text of ``data``; raises when it is binary rather than text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise galat(nama_file, pesan.UTF16_RUSAK) from None
    contoh = data[:65536]
    kendali = sum(1 for c in contoh if c < 32 and c not in (9, 10, 12, 13))
    if b"\x00" in contoh or kendali > len(contoh) * 0.01:
        raise galat(nama_file, pesan.BINER)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def blok_dari(data: bytes, nama_file: str | None) -> list[Blok]:
    """Blocks of the document in ``data``, whatever its format."""
    jenis = jenis_isi(data, nama_file)
    if jenis == "docx":
        from kinerja.dokumen.word import docx_ke_blok

        return docx_ke_blok(data, nama_file)
    if jenis == "pdf":
        from kinerja.dokumen.pdf import pdf_ke_blok

        return pdf_ke_blok(data, nama_file)
    from kinerja.dokumen.teks import teks_ke_blok

    return teks_ke_blok(dekode_teks(data, nama_file))


def nama_untuk_pesan(nama_file: str | None) -> str | None:
    return re.sub(r"[\r\n]+", " ", nama_file) if nama_file else None
