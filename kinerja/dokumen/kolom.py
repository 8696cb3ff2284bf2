"""Table columns: what a header cell names, and which column each cell of a row belongs to.

Columns are found by the words of their header, never by position, because offices order
and word them freely (``NO | SASARAN/KINERJA UTAMA | INDIKATOR KINERJA UTAMA |
PENJELASAN/FORMULASI PENGHITUNGAN | SUMBER DATA``, ``Kinerja | Indikator Kinerja Individu |
Rumus | ...``), with or without a Sumber Data column.
"""

import itertools
import re
from collections.abc import Sequence
from enum import Enum

from kinerja.dokumen.markup import bersihkan


class Peran(Enum):
    """The role of a column in an IKI table."""

    NO = "no"
    SASARAN = "sasaran"
    INDIKATOR = "indikator"
    FORMULA = "formula"
    PENJELASAN = "penjelasan"
    SUMBER = "sumber"
    SATUAN = "satuan"
    TARGET = "target"
    POLARITAS = "polaritas"
    CATATAN = "catatan"
    TUJUAN = "tujuan"
    INDIKATOR_TUJUAN = "indikator_tujuan"


def _huruf(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", bersihkan(s).lower()).strip()


def _mirip(kata: str, acuan: str) -> bool:
    """Equal, or (for words of 5+ letters) one letter substituted, inserted or dropped:
    OCR turns ``PENJELASAN`` into ``FENJELASAN``."""
    if kata == acuan:
        return True
    if len(acuan) < 5 or abs(len(kata) - len(acuan)) > 1:
        return False
    if len(kata) == len(acuan):
        return sum(a != b for a, b in zip(kata, acuan)) == 1
    pendek, panjang = sorted((kata, acuan), key=len)
    return any(panjang[:i] + panjang[i + 1 :] == pendek for i in range(len(panjang)))


def _ada_kata(kata_sel: list[str], acuan: Sequence[str]) -> bool:
    return any(_mirip(k, a) for k in kata_sel for a in acuan)


def peran_kolom(judul: str) -> Peran | None:
    """The role named by a header cell, or None for columns the reader ignores."""
    t = _huruf(judul)
    kata = t.split()
    if not kata:
        return None
    if t in ("no", "n", "nomor", "no urut", "nmr"):
        return Peran.NO
    if _ada_kata(kata, ("indikator", "indicator")):
        return Peran.INDIKATOR_TUJUAN if "tujuan" in kata else Peran.INDIKATOR
    if t in ("iki", "iku", "ik"):
        return Peran.INDIKATOR
    if _ada_kata(kata, ("rumus", "formula", "formulasi", "perhitungan", "penghitungan", "menghitung")):
        return Peran.FORMULA
    if _ada_kata(kata, ("penjelasan", "definisi")):
        return Peran.PENJELASAN
    if _ada_kata(kata, ("sumber",)):
        return Peran.SUMBER
    if "satuan" in kata:
        return Peran.SATUAN
    if "target" in kata:
        return Peran.TARGET
    if "polaritas" in kata:
        return Peran.POLARITAS
    if kata[0] in ("keterangan", "catatan", "ket"):
        return Peran.CATATAN
    if _ada_kata(kata, ("sasaran", "kinerja")):
        return Peran.SASARAN
    if "tujuan" in kata:
        return Peran.TUJUAN
    return None


# Every word that appears in IKI table headers: a row made of these only is the second line
# of a header, or a header repeated after a page break.
_KOSAKATA_JUDUL = (
    "no",
    "nomor",
    "sasaran",
    "kinerja",
    "utama",
    "individu",
    "indikator",
    "penjelasan",
    "formulasi",
    "formula",
    "rumus",
    "penghitungan",
    "perhitungan",
    "sumber",
    "data",
    "satuan",
    "target",
    "keterangan",
    "catatan",
    "tujuan",
    "strategis",
    "program",
    "kegiatan",
    "cara",
    "definisi",
    "operasional",
    "polaritas",
    "iki",
    "iku",
    "dan",
    "atau",
    "menghitung",
    "pengukuran",
    "n",
    "o",
)


def kenali_judul(sel: Sequence[str]) -> list[Peran | None] | None:
    """The column roles when ``sel`` is an IKI table header (an indicator column and at least
    one of sasaran, formula or sumber data), else None.

    An empty header cell right of a formula column belongs to it (a merged header cell over
    the formula and its ``X 100 %`` column). A cell mostly of other words is text that merely
    mentions a column's name ("… (indikator tujuan: …)"), not a header.
    """
    peran = [peran_kolom(s) if _kata_judul_cukup(s) else None for s in sel]
    if Peran.INDIKATOR in peran:
        if not {Peran.FORMULA, Peran.PENJELASAN, Peran.SASARAN, Peran.SUMBER} & set(peran):
            return None
    elif not (Peran.TUJUAN in peran and Peran.INDIKATOR_TUJUAN in peran):
        return None
    for i in range(1, len(peran)):
        if peran[i] is None and not sel[i].strip() and peran[i - 1] in (Peran.FORMULA, Peran.PENJELASAN):
            peran[i] = peran[i - 1]
    return peran


def _kata_judul_cukup(sel: str) -> bool:
    """At least half the words of the cell are header words (a cell of many words is text, not a
    header, and is not looked at word by word)."""
    if len(sel.split()) > 16:
        return False
    kata = _huruf(sel).split()
    return 2 * sum(_ada_kata([k], _KOSAKATA_JUDUL) for k in kata) >= len(kata)


def lanjutan_judul(sel: Sequence[str]) -> bool:
    """True when every non-empty cell is made of header words only."""
    isi = [_huruf(s).split() for s in sel if s.strip()]
    return bool(isi) and all(all(_ada_kata([k], _KOSAKATA_JUDUL) for k in kata) for kata in isi)


def baris_nomor_kolom(sel: Sequence[str]) -> bool:
    """True for the ``1 | 2 | 3 | 4 | 5`` row that numbers the columns under a header."""
    angka = [s.strip().strip("()") for s in sel if s.strip()]
    if len(angka) < 3 or not all(a.isdigit() for a in angka):
        return False
    nilai = [int(a) for a in angka]
    return nilai == sorted(set(nilai))


# --- aligning rows that have fewer or more cells than the header -------------------------

_KATA_AWAL_INDIKATOR = re.compile(
    r"^(?:persentase|prosentase|presentase|persentasi|prosentasi|rasio|angka|indeks|indek|nilai|"
    r"tingkat|jumlah|tersedia|terlaksana|tercapai|terpenuhi|cakupan|capaian|rata|ikm|skm|iku|"
    r"realisasi|kualitas|ketepatan|waktu|lama|frekuensi|predikat|opini|skor|hasil|banyaknya)",
    re.IGNORECASE,
)
_KATA_AWAL_SASARAN = re.compile(
    r"^(?:meningkat|terwujud|tercapai|terlaksana|tersedia|terpenuhi|terselenggara|peningkatan|"
    r"menurun|berkurang|optimal|mewujudkan|meningkatkan|terkendali|terjamin|terciptanya|"
    r"terkelola|tertib|efektif|akuntab)",
    re.IGNORECASE,
)
_TANDA_RUMUS = re.compile(r"(?:\bx\s*100|×|\\frac|\bdibagi\b|\bjumlah\b|Σ|∑|\btotal\b|\s/\s|\s:\s|%)", re.IGNORECASE)
_KATA_SUMBER = re.compile(
    r"\b(?:dokumen|laporan|register|buku|data|arsip|bagian|seksi|sub ?bag|subbag|polsek|"
    r"survei|survey|spj|aplikasi|sipd|sakip|bps|dinas|kecamatan|profil|rka|dpa)\b",
    re.IGNORECASE,
)


def _skor(teks: str, peran: Peran | None, posisi_akhir: bool) -> float:
    """How well a cell's text fits a column role (higher is better, 0 when indifferent)."""
    t = bersihkan(teks)
    if not t:
        return 0.0
    if peran is None:
        return -1.0
    if peran is Peran.NO:
        return 3.0 if re.fullmatch(r"\d{1,2}\.?", t) else -3.0
    rumus = bool(_TANDA_RUMUS.search(t))
    if peran is Peran.FORMULA:
        return 2.0 if rumus else -0.5
    if peran is Peran.INDIKATOR:
        return 2.0 if _KATA_AWAL_INDIKATOR.match(t) or "<li" in teks else (-1.0 if rumus else 0.5)
    if peran is Peran.SASARAN:
        return 2.0 if _KATA_AWAL_SASARAN.match(t) else (-1.0 if rumus else 0.2)
    if peran is Peran.SUMBER:
        pendek = len(t.split()) <= 8
        return (
            (1.0 if _KATA_SUMBER.search(t) else 0.0)
            + (0.5 if pendek else -0.5)
            + (1.0 if posisi_akhir else 0.0)
            - (1.5 if rumus else 0.0)
        )
    return 0.0


def sejajarkan(sel: Sequence[str], peran: Sequence[Peran | None]) -> tuple[list[str], bool]:
    """Cells of a row placed under the header's columns, and whether that needed guessing.

    Rows with as many cells as the header map one to one. A row that lost cells (a page broke
    the table and the converter dropped empty columns) is matched to the order of columns that
    best fits each cell's content; a row with extra cells first drops empty ones, then joins
    the surplus into the last column.
    """
    sel = list(sel)
    n = len(peran)
    while len(sel) > n and not sel[-1].strip():
        sel.pop()
    if len(sel) == n:
        return sel, False
    if len(sel) > n:
        kosong = [i for i, s in enumerate(sel) if not s.strip()]
        if len(kosong) >= len(sel) - n:
            # Drop the empty cells whose removal lets the others fit their columns best.
            buang = max(
                itertools.combinations(kosong, len(sel) - n),
                key=lambda b: _skor_susunan([s for i, s in enumerate(sel) if i not in b], peran),
            )
            return [s for i, s in enumerate(sel) if i not in buang], True
        return sel[: n - 1] + [" ".join(s for s in sel[n - 1 :] if s.strip())], True
    pilihan = max(
        itertools.combinations(range(n), len(sel)), key=lambda p: _skor_susunan(sel, [peran[j] for j in p], p, n)
    )
    hasil = [""] * n
    for s, j in zip(sel, pilihan):
        hasil[j] = s
    return hasil, True


def _skor_susunan(
    sel: Sequence[str], peran: Sequence[Peran | None], kolom: Sequence[int] | None = None, n: int = 0
) -> float:
    skor = sum(_skor(s, p, k == len(sel) - 1) for k, (s, p) in enumerate(zip(sel, peran)))
    if kolom is not None:
        # On a tie keep the cells to the right: pages drop leading empty columns.
        skor -= 0.01 * sum(n - 1 - j for j in kolom)
    return skor
