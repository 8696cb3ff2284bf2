"""Short readable variable codes derived from a variable's text.

``Jumlah KTP dan KK yang diproses tepat waktu`` becomes ``ktp_kk_diproses_tepat_waktu``: ASCII
snake_case in the formula language's identifier syntax ``[a-z][a-z0-9_]*``, at most
:data:`PANJANG_MAKS` characters, without the words that carry no meaning in a code.
"""

import re
import unicodedata

PANJANG_MAKS = 30

# Words dropped from every code: function words, and "jumlah"/"total" which nearly every
# variable starts with.
_KATA_BUANG = frozenset(
    {
        "jumlah",
        "jml",
        "total",
        "banyaknya",
        "yang",
        "yg",
        "dan",
        "dengan",
        "dg",
        "dgn",
        "atau",
        "dari",
        "di",
        "ke",
        "pada",
        "untuk",
        "utk",
        "dalam",
        "dlm",
        "oleh",
        "terhadap",
        "serta",
        "para",
        "setiap",
        "tiap",
        "seluruh",
        "semua",
        "telah",
        "sudah",
        "akan",
        "adalah",
        "sebagai",
        "tsb",
        "tersebut",
        "the",
        "of",
        "and",
        "se",
        "per",
        "efektif",
    }
)
# Dropped in this order, only while a code is too long: they rarely tell two variables apart.
_KATA_LEMAH = (
    "diproses",
    "dibuat",
    "pembuatan",
    "selesai",
    "penyelesaian",
    "pelaksanaan",
    "dilaksanakan",
    "disusun",
    "penyusunan",
    "kegiatan",
    "tahun",
    "berjalan",
    "dokumen",
)


def _kata(teks: str) -> list[str]:
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_.lower())


def kode_dari_teks(teks: str) -> str:
    """A code for ``teks`` (not yet unique: see :func:`kode_unik`)."""
    semua = _kata(teks)
    kata = [k for k in semua if k not in _KATA_BUANG]
    if len(kata) == 1 and semua and semua[0] in ("jumlah", "jml", "total", "banyaknya"):
        kata = ["jumlah", kata[0]]  # "Jumlah PNS" reads better as jumlah_pns than as pns
    if not kata:
        kata = semua or ["nilai"]
    for lemah in _KATA_LEMAH:
        if len("_".join(kata)) <= PANJANG_MAKS:
            break
        if lemah in kata and len(kata) > 1:
            kata = [k for k in kata if k != lemah]
    kode = ""
    for k in kata:
        calon = f"{kode}_{k}" if kode else k
        if len(calon) > PANJANG_MAKS:
            break
        kode = calon
    if not kode:
        kode = kata[0][:PANJANG_MAKS]
    if not kode[0].isalpha():
        kode = ("v_" + kode)[:PANJANG_MAKS]
    return kode


def kode_unik(kode: str, terpakai: set[str]) -> str:
    """``kode``, or ``kode_2``, ``kode_3``… when taken; the result is added to ``terpakai``."""
    hasil, n = kode, 2
    while hasil in terpakai:
        akhiran = f"_{n}"
        hasil = kode[: PANJANG_MAKS - len(akhiran)] + akhiran
        n += 1
    terpakai.add(hasil)
    return hasil
