"""Quality findings over an IKI document or catalogue (DESIGN.md §7a, docs/mutu.md).

Pure Python, no Django. Entry points:

* :func:`periksa` — the findings of an interchange dict (what :func:`kinerja.dokumen.baca` and
  :func:`kinerja.iki.interchange.ekspor` return), optionally with the document's own lines for the
  checks that read prose (kata pengantar, dasar hukum, numbering, table headers);
* :func:`periksa_berkas` — read a document of any format the importer reads, then :func:`periksa`;
* :data:`JENIS` — the stable vocabulary of ``jenis``; :data:`TINGKAT` — galat, peringatan, saran.

Each finding is a dict with ``jenis``, ``tingkat``, ``jabatan``, ``sasaran``, ``indikator``,
``baris``, ``pesan`` and ``saran_perbaikan``. The checks never raise on odd input: a missing key,
``None`` or a value of the wrong type is read as empty.
"""

import os

from kinerja.mutu.aturan_dokumen import periksa_dokumen
from kinerja.mutu.aturan_indikator import periksa_antar_indikator, periksa_indikator
from kinerja.mutu.aturan_rumus import periksa_rumus
from kinerja.mutu.model import lihat
from kinerja.mutu.temuan import JENIS, TINGKAT

__all__ = ["JENIS", "TINGKAT", "baris_dokumen", "periksa", "periksa_berkas"]

_URUT_TINGKAT = {t: i for i, t in enumerate(TINGKAT)}


def periksa(data, baris_teks: list[tuple[int, str]] | None = None) -> list[dict]:
    """The findings of the interchange dict ``data``, in document order.

    ``baris_teks`` is the document's text as ``(line number, text)`` pairs (table rows with their
    cells joined by a tab), as :func:`baris_dokumen` gives; without it the prose checks are skipped.
    """
    dok = lihat(data, baris_teks)
    hasil = []
    for ind in dok.semua_indikator():
        hasil.extend(periksa_rumus(ind))
        hasil.extend(periksa_indikator(ind))
    hasil.extend(periksa_antar_indikator(dok))
    hasil.extend(periksa_dokumen(dok))
    # One place, one finding of a kind.
    unik, dilihat = [], set()
    for t in hasil:
        kunci = (t["jenis"], t["jabatan"], t["sasaran"], t["indikator"], t["baris"], t["pesan"])
        if kunci not in dilihat:
            dilihat.add(kunci)
            unik.append(t)
    unik.sort(key=lambda t: (t["baris"] is None, t["baris"] or 0, _URUT_TINGKAT[t["tingkat"]]))
    return unik


def _baris_dari_blok(blok_list) -> list[tuple[int, str]]:
    from kinerja.dokumen.blok import Jenis

    hasil = []
    for blok in blok_list:
        if blok.jenis is Jenis.PARAGRAF:
            hasil.append((blok.baris, blok.teks))
        elif blok.jenis is Jenis.BARIS_TABEL:
            hasil.append((blok.baris, "\t".join(blok.sel)))
    return hasil


def baris_dokumen(sumber: str | os.PathLike | bytes, nama_file: str | None = None) -> list[tuple[int, str]]:
    """The document's text as ``(line, text)`` pairs, from the same blocks the reader uses."""
    from kinerja.dokumen.masukan import ambil_bytes, blok_dari, nama_untuk_pesan

    data, nama_file = ambil_bytes(sumber, nama_untuk_pesan(nama_file))
    return _baris_dari_blok(blok_dari(data, nama_file))


def periksa_berkas(sumber: str | os.PathLike | bytes, nama_file: str | None = None) -> list[dict]:
    """Read the document ``sumber`` (any format :func:`kinerja.dokumen.baca` reads) and check it.

    Raises :class:`kinerja.dokumen.DokumenError` for input that is not an IKI document.
    """
    from kinerja.dokumen.masukan import ambil_bytes, blok_dari, nama_untuk_pesan
    from kinerja.dokumen.struktur import susun

    if not isinstance(sumber, str | os.PathLike):
        sumber = bytes(sumber)
    data, nama_file = ambil_bytes(sumber, nama_untuk_pesan(nama_file))
    blok = blok_dari(data, nama_file)  # read once: the structure and the prose checks share it
    return periksa(susun(blok, nama_file), _baris_dari_blok(blok))
