"""Reading IKI documents (text/Markdown, DOCX, PDF) into the interchange dict of DESIGN.md §7.

Pure Python: no Django import. Entry points:

* :func:`baca` — a path or bytes, of any supported format (decided by content, then name);
* :func:`baca_teks`, :func:`baca_docx`, :func:`baca_pdf` — one format each;
* :class:`DokumenError` — the one error raised for input that is not a usable IKI document
  (empty, binary, corrupt, larger than 50 MB, a scanned PDF without text, or without an indicator
  table), with a clear Indonesian message; every message lives in :mod:`kinerja.dokumen.galat`.

Everything else is read. What is read but cannot be placed — a row without an indicator name, a
cell under no known column, a formula not understood, two names in one cell — is reported in
``peringatan`` with its place (the line of a text document; page, table and row of a DOCX or PDF),
the same place each indicator records in ``tempat``. The output is deterministic and
JSON-serialisable.
"""

import os

from kinerja.dokumen.galat import KOSONG, DokumenError
from kinerja.dokumen.galat import galat as _galat
from kinerja.dokumen.masukan import UKURAN_MAKS, ambil_bytes, blok_dari, nama_untuk_pesan
from kinerja.dokumen.struktur import FORMAT, susun

__all__ = ["FORMAT", "UKURAN_MAKS", "DokumenError", "baca", "baca_docx", "baca_pdf", "baca_teks"]


def baca(sumber: str | os.PathLike | bytes | bytearray | memoryview, nama_file: str | None = None) -> dict:
    """Read the document at path ``sumber`` (or its bytes) into the interchange dict.

    ``nama_file`` names the document in messages and helps when the content is ambiguous (a
    ``.docx`` that is not a zip); for a path it defaults to the file's name.
    """
    data, nama_file = ambil_bytes(sumber, nama_untuk_pesan(nama_file))
    return susun(blok_dari(data, nama_file), nama_file)


def baca_teks(teks: str, nama_file: str | None = None) -> dict:
    """Read a plain-text or Markdown document (as converted from PDF or Word)."""
    from kinerja.dokumen.teks import teks_ke_blok

    if not teks.strip():
        raise _galat(nama_file, KOSONG)
    return susun(teks_ke_blok(teks), nama_file)


def baca_docx(data: bytes, nama_file: str | None = None) -> dict:
    """Read a Word ``.docx`` document given as bytes."""
    from kinerja.dokumen.word import docx_ke_blok

    return susun(docx_ke_blok(bytes(data), nama_file), nama_file)


def baca_pdf(data: bytes, nama_file: str | None = None) -> dict:
    """Read a text-based PDF document given as bytes."""
    from kinerja.dokumen.pdf import pdf_ke_blok

    return susun(pdf_ke_blok(bytes(data), nama_file), nama_file)
