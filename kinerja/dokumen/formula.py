"""Understanding the formula text of an indicator into an expression over variables.

Documents write formulas as ``A / B x 100%``, ``A : B x 100%``, ``\\frac{A}{B} \\times 100\\%``,
as a numerator line over a denominator line, as ``<u>A</u> x 100 % B`` (the underline is the
fraction bar), as numerator and denominator run together on one line (``Jumlah A Jumlah B
x 100 %``), with ``Σ``, with constants (``7 desa``), in prose (``A dibagi B dikalikan seratus
persen``), as a count (``Jumlah laporan aset``), a difference (``A – B``) or a composite
(``(A + B + C) / (jumlah desa × 3)``). :func:`pahami` returns the expression in the language of
:mod:`kinerja.rumus` (``a / b * 100``) with the variables it reads, or ``ekspresi=None`` and
the reason when the text cannot be understood.
"""

import re
from dataclasses import dataclass, field

from kinerja.dokumen.kode import kode_dari_teks, kode_unik
from kinerja.dokumen.markup import (
    GARIS_PECAHAN,
    bersihkan,
    html_ke_teks,
    latex_ke_teks,
    markdown_ke_teks,
    rapikan_spasi,
)

# --- what the text says --------------------------------------------------------------------

_KALI_SERATUS = re.compile(
    r"(?:[-_–—]+\s*)?"
    r"(?:(?<![^\W\d_])[xX](?![^\W\d_])|[×*∗·∙]|\bdi\s?kali(?:kan)?(?:\s+dengan)?|\bkali)"
    r"\s*\(?\s*(?:100|seratus)(?![\d.,]?\d)\s*\)?\s*(?:%|persen\b|prosen\b|percent\b)?",
    re.IGNORECASE,
)
_PERSEN_SISA = re.compile(r"\(\s*%\s*\)|%|\bpersen\b", re.IGNORECASE)
# An explanation written in the formula cell: it starts the cell ("Catatan 240 hari"), starts a
# line with a colon or dash after its word ("Penjelasan : …", "Definisi operasional – …"), or
# follows the formula after a colon ("… x 100% (Keterangan: …)"). A bare "surat keterangan"
# inside a variable's name is not one.
_KATA_PENJELASAN = r"(?:penjelasan|keterangan|ket\b\s*\.?|catatan|definisi(?:\s+operasional)?|note)"
_PENJELASAN = re.compile(
    rf"(?:^\W{{0,3}}{_KATA_PENJELASAN}\b\s*[:.\-–]?"
    rf"|(?:^|(?<=\n))[\s(\-–•*]*{_KATA_PENJELASAN}\s*(?:[:\-–]|$|(?=\n))"
    rf"|(?<=[\s(,;]){_KATA_PENJELASAN}\s*:)\s*",
    re.IGNORECASE,
)
# A line that starts the formula after an explanation written first ("Definisi: …" / "Rumus: …").
_LABEL_FORMULA = re.compile(
    r"^\W{0,3}(?:rumus|formula(?:si)?|cara\s+(?:menghitung|perhitungan|penghitungan)|perhitungan|penghitungan)"
    r"\b\s*[:=]?\s*",
    re.IGNORECASE,
)
# "Pembilang: …" / "Penyebut: …": numerator and denominator named as such.
_PEMBILANG = re.compile(r"^\W{0,3}(?:pembilang|numerator)\s*[:=]\s*", re.IGNORECASE | re.MULTILINE)
_PENYEBUT = re.compile(r"^\W{0,3}(?:penyebut|denominator)\s*[:=]\s*", re.IGNORECASE | re.MULTILINE)
# "per" divides in "A per B x 100%" but not before a period or a unit ("kunjungan per bulan").
_PER = re.compile(r"\bper\b(?!\s+(?:bulan|tahun|triwulan|semester|hari|minggu|periode|unsur|orang|kapita)\b)", re.I)
_KATA_OPERATOR = (
    (re.compile(r"\bdi\s?bagi(?:\s+dengan)?\b", re.IGNORECASE), " ÷ "),
    (re.compile(r"\bdi\s?banding(?:kan)?(?:\s+dengan)?\b", re.IGNORECASE), " ÷ "),
    # "A per jumlah B"; "nilai persepsi per unsur" stays a name.
    (re.compile(r"\bper\s+(?=(?:jumlah|jml|total|banyaknya|σ|∑)\b)", re.IGNORECASE), " ÷ "),
    (re.compile(r"\bdi\s?kurangi(?:\s+dengan)?\b", re.IGNORECASE), " − "),
    (re.compile(r"\bditambah(?:kan)?(?:\s+dengan)?\b", re.IGNORECASE), " + "),
    (re.compile(r"\bdi\s?kali(?:kan)?(?:\s+dengan)?\b", re.IGNORECASE), " × "),
)
# LaTeX ``\times`` whose ``\t`` a converter turned into whitespace.
_TIMES_RUSAK = re.compile(r"(?<![A-Za-z])imes(?![A-Za-z])")
_TANDA_IKM = re.compile(r"persepsi|tertimbang|\bnrr\b|unsur\s+pelayanan|\bunsur\b.*\bterisi", re.IGNORECASE)
_NAMA_IKM = re.compile(r"\b(?:ikm|skm|ikp)\b|indeks\s+kepuasan|survei\s+kepuasan|survey\s+kepuasan", re.IGNORECASE)
_NAMA_PERSEN = re.compile(r"^\W*(?:persentase|prosentase|presentase|persentasi|prosentasi|prosentase)\b", re.IGNORECASE)

# Words that begin a variable; they tell operators from dashes and slashes inside names, and
# mark where a numerator run together with its denominator ends.
_KATA_KEPALA = frozenset(
    {"jumlah", "jml", "total", "target", "realisasi", "nilai", "banyaknya", "rata", "rata-rata", "σ", "∑"}
)
_KATA_PEMISAH = frozenset({"jumlah", "jml", "total", "banyaknya", "σ", "∑"})
# Words after which a number belongs to the text ("dalam 1 tahun"), not to a denominator.
_KATA_SAMBUNG = frozenset(
    {
        "dalam",
        "per",
        "selama",
        "setiap",
        "tiap",
        "pada",
        "di",
        "ke",
        "dari",
        "untuk",
        "sebanyak",
        "minimal",
        "maksimal",
        "kurang",
        "lebih",
    }
)
_PENGUBAH_KEPALA = frozenset({"target", "total", "realisasi"})
# Words no operand ends with: a line ending in one was wrapped ("… − Target" / "jumlah …").
_KATA_GANTUNG = _PENGUBAH_KEPALA | {
    "yang",
    "dan",
    "atau",
    "dari",
    "di",
    "ke",
    "untuk",
    "dengan",
    "pada",
    "oleh",
    "serta",
    "terhadap",
    "per",
    "dalam",
}
# Short words that are alternatives, not a division or a difference: "Desa / Kel", "Desa - Kelurahan".
_PASANGAN_GARIS_MIRING = frozenset({"kel", "kel.", "kelurahan", "desa", "kota", "kab", "kab."})

# Left where "x 100 %" stood with text after it on the same line.
_BEKAS_100 = "\ue000"
_KANDIDAT_OPERATOR = re.compile(r"[()+×*∗·∙÷⁄/:\-–—−]|(?<!\S)[xX](?!\S)")
_ANGKA = re.compile(r"\d+(?:[.,]\d+)*")
_KONSTANTA = re.compile(r"^(\d+(?:[.,]\d+)*)\s+([^\d\s].{0,40})$")
# "Jumlah desa (7)": a variable with its fixed value written beside it.
_NILAI_DALAM_KURUNG = re.compile(r"^(.*?\S)\s*\(\s*(\d+(?:[.,]\d+)*)\s*\)$")
_TAHUN = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class _Operan:
    teks: str


@dataclass(frozen=True)
class _Angka:
    nilai: str


@dataclass(frozen=True)
class _Operasi:
    op: str
    kiri: "_Simpul"
    kanan: "_Simpul"


_Simpul = _Operan | _Angka | _Operasi


class _TidakDipahami(Exception):
    """Internal: the reason a formula could not be understood (Indonesian, for the warning)."""


@dataclass
class HasilRumus:
    """What :func:`pahami` found.

    ``jenis`` is ``kosong``, ``rasio``, ``hitungan`` (a single count), ``selisih``, ``komposit``,
    ``ikm`` or ``tidak_dipahami``; ``masalah`` says why ``ekspresi`` is None.
    """

    teks: str
    ekspresi: str | None
    variabel: list[dict] = field(default_factory=list)
    jenis: str = "kosong"
    persen: bool = False
    dikali_100_ditambahkan: bool = False
    # Explanation written in the formula cell ("Penjelasan: …"), apart from the formula.
    penjelasan: str | None = None
    # Text after "× 100%" that qualifies a complete ratio ("(dihitung per triwulan)"): kept in
    # ``teks``, left out of the expression, reported.
    keterangan: str | None = None
    # The formula only repeats the indicator's name.
    mengulang_nama: bool = False
    masalah: str | None = None

    @property
    def lengkap(self) -> bool:
        return self.ekspresi is not None

    def sebagai_dict(self) -> dict:
        return {"teks": self.teks, "ekspresi": self.ekspresi, "variabel": self.variabel}


# --- entry point ---------------------------------------------------------------------------


def pahami(teks: str, nama_indikator: str = "", catatan: str | None = None) -> HasilRumus:
    """Understand ``teks`` (raw cell text, markup allowed) of the indicator ``nama_indikator``.

    ``catatan`` is a note found elsewhere for the indicator ("240 hari kerja efektif"): its
    numbers give fixed values to the variables they name. An explanation written in the cell
    itself (``Penjelasan``, ``Keterangan``, ``Catatan``, ``Definisi``) is set apart as
    ``penjelasan`` and does the same.
    """
    tampil, _ = _pisah_penjelasan(bersihkan(teks, satu_baris=False))
    s, penjelasan = _pisah_penjelasan(_ganti_lambang(_normalisasi(teks)))
    penjelasan = bersihkan(penjelasan) if penjelasan else None
    catatan_semua = " ".join(c for c in (penjelasan, catatan) if c) or None
    hasil = HasilRumus(teks=tampil, ekspresi=None, penjelasan=penjelasan)

    if _TANDA_IKM.search(s) or (_NAMA_IKM.search(nama_indikator) and not _ada_isi(s)):
        hasil.ekspresi, hasil.jenis = "nilai_ikm", "ikm"
        hasil.variabel = [{"kode": "nilai_ikm", "uraian": "Nilai IKM"}]
        return hasil
    if not _ada_isi(s):
        hasil.masalah = "rumus kosong"
        return hasil

    s = _PENYEBUT.sub("÷ ", _PEMBILANG.sub("", s))
    s, persen, hasil.keterangan = _ambil_kali_seratus(s)
    hasil.mengulang_nama = _inti(s) == _inti(nama_indikator) != ""
    if hasil.mengulang_nama and adalah_nama_persen(nama_indikator):
        hasil.jenis, hasil.masalah, hasil.persen = "tidak_dipahami", "rumus hanya mengulang nama indikator", persen
        return hasil
    for pola, ganti in _KATA_OPERATOR:
        s = pola.sub(ganti, s)
    try:
        pohon = _pohon(s)
        if isinstance(pohon, _Operan) and (persen or adalah_nama_persen(nama_indikator)):
            pohon = _pisah_per(pohon.teks) or pohon
        if isinstance(pohon, _Operan) and persen:
            pohon = _pisah_konstanta(pohon.teks)
        jenis = _jenis(pohon)
        if not persen and jenis == "rasio" and _NAMA_PERSEN.match(nama_indikator):
            persen = hasil.dikali_100_ditambahkan = True
        if persen:
            pohon = _Operasi("*", pohon, _Angka("100"))
        variabel, kode_operan = _variabel(pohon, catatan_semua)
    except _TidakDipahami as e:
        hasil.jenis, hasil.masalah, hasil.persen = "tidak_dipahami", str(e), persen
        hasil.dikali_100_ditambahkan = False
        return hasil
    hasil.ekspresi = _tulis(pohon, kode_operan)
    hasil.variabel, hasil.jenis, hasil.persen = variabel, jenis, persen
    return hasil


# "P = A / B x 100 %" with a legend "dimana A = jumlah …, B = jumlah …" (or "Keterangan:", or
# one "A = …" line each): the letters stand for the texts.
_AWAL_LEGENDA = re.compile(
    r"(?:\bdi\s?mana\b|\bketerangan\b|\bket\s*\.|\bdengan\b)\s*:?\s*(?=[A-Za-z]\s*[=:]\s)"
    r"|\n\s*(?=[A-Za-z]\s*=\s)",
    re.IGNORECASE,
)
_DEFINISI = re.compile(
    r"(?<![\w])([A-Za-z])\s*[=:]\s*(.+?)\s*(?=[,;]?\s*(?:dan\s+)?(?<![\w])[A-Za-z]\s*[=:]\s|[;\n]|$)"
)
_LABEL_RUMUS = re.compile(r"^\s*[^=\n()]{1,40}?\s*=\s*(?=\S)")


def _ganti_lambang(s: str) -> str:
    """The formula with the letters its legend defines replaced by their texts, and without a
    leading "Capaian =" label; ``s`` itself when it has no such parts."""
    m = _AWAL_LEGENDA.search(s)
    if "=" not in s and m is None:
        return s
    rumus, legenda = s, ""
    if m:
        rumus, legenda = s[: m.start()], s[m.end() :]
    definisi = {h: d.strip(" ,.") for h, d in _DEFINISI.findall(legenda)}
    rumus = _LABEL_RUMUS.sub("", rumus, count=1)
    if not definisi:
        return rumus if legenda == "" else s
    # "x" is only a letter here when the legend defines it and it is not "x 100".
    pola = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, definisi)) + r")(?![\w])(?!\s*100)")
    return pola.sub(lambda m: definisi[m.group(1)], rumus)


def _pisah_penjelasan(s: str) -> tuple[str, str | None]:
    """The formula of a cell and the explanation written with it (or None).

    An explanation after the formula runs to the end of the cell. One written first ("Definisi:
    …", then the formula) runs until a line labelled as the formula ("Rumus: …") or a line that
    reads as one (it has "× 100%", or a division between head words).
    """
    m = _PENJELASAN.search(s)
    if m is None:
        return _LABEL_FORMULA.sub("", s, count=1) if _LABEL_FORMULA.match(s) else s, None
    sebelum, sesudah = s[: m.start()], s[m.end() :]
    if _ada_isi(sebelum):
        return _LABEL_FORMULA.sub("", sebelum.strip(), count=1).strip(" ,;("), sesudah.strip(" )") or None
    baris = sesudah.split("\n")
    pertama = next((k for k, b in enumerate(baris) if b.strip()), None)
    if pertama is not None and _baris_rumus(baris[pertama]):
        # "Penjelasan : A / B x 100%": in a Penjelasan/Formulasi column the word only labels it.
        return "\n".join(baris[pertama:]).strip(), None
    for k, b in enumerate(baris[1:], 1):
        if _LABEL_FORMULA.match(b) or _baris_rumus(b):
            rumus = "\n".join(baris[k:])
            return _LABEL_FORMULA.sub("", rumus.strip(), count=1), "\n".join(baris[:k]).strip() or None
    return "", sesudah.strip() or None


def _baris_rumus(b: str) -> bool:
    """A line that reads as a formula of its own: "× 100%", or a head word then a division."""
    if _KALI_SERATUS.search(b):
        return True
    kata = b.split()[0].lower() if b.split() else ""
    return kata in _KATA_KEPALA and bool(re.search(r"\s[/÷:]\s|\bdi\s?bagi\b", b, re.IGNORECASE))


def _inti(s: str) -> str:
    """Words of a formula or a name, for telling whether one only repeats the other."""
    return " ".join(re.findall(r"[^\W_]+", s.replace(_BEKAS_100, " ").lower()))


def _pisah_per(teks: str) -> _Simpul | None:
    """ "A per B" in a percentage that has no other division: the one "per" that is not before a
    period or a unit divides."""
    posisi = [m for m in _PER.finditer(teks) if _ada_isi(teks[: m.start()]) and _ada_isi(teks[m.end() :])]
    if len(posisi) != 1:
        return None
    m = posisi[0]
    return _Operasi("/", _Operan(teks[: m.start()]), _Operan(teks[m.end() :]))


def ada_kali_seratus(teks: str) -> bool:
    """Whether ``teks`` has "× 100%" (or a spelled-out form of it)."""
    return bool(_KALI_SERATUS.search(teks))


def adalah_nama_persen(nama: str) -> bool:
    return bool(_NAMA_PERSEN.match(nama))


def masih_terbuka(teks: str) -> bool:
    """True when formula text stops mid-expression: an open bracket, or an operator or a lone
    "x" at its end — the rest is on the next row."""
    s = _normalisasi(teks)
    return s.count("(") > s.count(")") or bool(re.search(r"(?:[+×*/÷⁄:(]|\s[-–−xX])\s*$", s))


# --- text normalisation --------------------------------------------------------------------


def _normalisasi(teks: str) -> str:
    s = html_ke_teks(teks, GARIS_PECAHAN)
    s = latex_ke_teks(s, untuk_rumus=True)
    s = markdown_ke_teks(s)
    s = _TIMES_RUSAK.sub(" × ", s)
    s = s.replace("∑", "Σ").replace("✕", "×").replace("✖", "×")
    s = re.sub(r"\\([_*%&#$.\-])", r"\1", s)
    # "x 100 %" wrapped over two lines is still one factor.
    s = re.sub(r"(?<![^\W\d_])([xX×*])[ \t]*\n\s*(100|seratus)\b", r"\1 \2", s)
    s = re.sub(r"\b(100|seratus)[ \t]*\n\s*(%|persen\b)", r"\1 \2", s)
    return rapikan_spasi(s)


def _ada_isi(s: str) -> bool:
    return bool(re.search(r"[^\W_]", s))


def _ambil_kali_seratus(s: str) -> tuple[str, bool, str | None]:
    """``s`` without ``x 100 %`` (and its spelled-out forms), whether there was one, and the text
    that qualifies a complete ratio after it ("A / B × 100% (per triwulan)"), or None.

    Where text follows it on its line, :data:`_BEKAS_100` marks the place: in
    ``A x 100 % 20 desa`` it is the fraction bar.
    """
    persen = False
    keterangan = None
    baris = s.split("\n")
    for i, b in enumerate(baris):
        m = _KALI_SERATUS.search(b)
        if m is None:
            continue
        persen = True
        ada_sesudah = _ada_isi(b[m.end() :]) or any(_ada_isi(b2) for b2 in baris[i + 1 :])
        sesudah = " ".join(x.strip() for x in [b[m.end() :], *baris[i + 1 :]] if x.strip())
        if (
            ada_sesudah
            and not _awal_operan(_kata_setelah(sesudah, 0).lstrip("("))
            and _rasio_lengkap("\n".join([*baris[:i], b[: m.start()]]))
        ):
            # "A / B × 100% (per triwulan)": the rest qualifies the ratio; a head word or a
            # number there would be a denominator instead ("A × 100% 20 desa").
            keterangan = sesudah
            baris = [*baris[:i], b[: m.start()]]
            break
        tanda = _BEKAS_100 if b[: m.start()].strip() and ada_sesudah else " "
        baris[i] = b[: m.start()] + tanda + _KALI_SERATUS.sub(" ", b[m.end() :])
    # A lone "x" ending a line that a denominator line follows: the rest of "x 100 %" was lost.
    for i in range(len(baris) - 1):
        if re.search(r"\s[xX×]\s*$", baris[i]) and _ada_isi(baris[i + 1]):
            baris[i] = re.sub(r"\s[xX×]\s*$", _BEKAS_100, baris[i])
            persen = True
    s = "\n".join(baris)
    if _PERSEN_SISA.search(s) and persen:
        s = _PERSEN_SISA.sub(" ", s)
    elif re.search(r"\(\s*%\s*\)\s*$|%\s*$", s):
        s, persen = _PERSEN_SISA.sub(" ", s), True
    return s, persen, keterangan.strip(" ,;") or None if keterangan else None


def _rasio_lengkap(s: str) -> bool:
    """True when ``s`` (what stands before "× 100%") already divides one thing by another, so
    that text after it only qualifies the ratio."""
    for pola, ganti in _KATA_OPERATOR[:3]:
        s = pola.sub(ganti, s)
    baris = _baris_formula(s)
    if len(baris) == 2 and not masih_terbuka(s):
        return True  # a numerator line over a denominator line
    if len(baris) != 1:
        return False
    try:
        pohon = _urai(_token_baris(baris[0]))
    except _TidakDipahami:
        return False
    return isinstance(pohon, _Operasi) and pohon.op == "/"


# --- tokens --------------------------------------------------------------------------------


def _kata_setelah(s: str, i: int) -> str:
    m = re.match(r"\s*(\S+)", s[i:])
    return m.group(1).lower() if m else ""


# Words are looked for in this much text before a position: a regex anchored at the end of a long
# string would otherwise try every start, and a huge cell would take seconds.
_JENDELA = 200


def _kata_sebelum(s: str, i: int) -> str:
    m = re.search(r"(\S+)\s*$", s[max(0, i - _JENDELA) : i])
    return m.group(1).lower() if m else ""


def _awal_operan(kata: str) -> bool:
    """True when ``kata`` can only start a new operand: a head word, a number, a bracket."""
    kata = kata.strip(",.;")
    return kata in _KATA_KEPALA or kata.startswith(("(", "σ", "∑")) or bool(_ANGKA.fullmatch(kata))


def _operator(s: str, m: re.Match[str]) -> str | None:
    """The operator the candidate ``m`` in the line ``s`` stands for, or None when it is text."""
    c, i, j = m.group(), m.start(), m.end()
    kiri, kanan = s[:i].strip(), s[j:].strip()
    spasi_kiri = i > 0 and s[i - 1].isspace()
    spasi_kanan = j < len(s) and s[j].isspace()
    if c in "()":
        return c
    if c in "+":
        return "+"
    if c in "×*∗·∙" or c in "xX":
        return "*" if kiri and kanan else None
    if c in "÷⁄":
        return "/"
    if c == "/":
        if not (spasi_kiri or spasi_kanan):
            # "selesai/Jumlah surat masuk", "tepat waktu/20 desa" divide; "Desa/Kelurahan",
            # "SPP/SPM" are names.
            kata_kanan = _kata_setelah(s, j).strip(",.;")
            konstanta = bool(_ANGKA.fullmatch(kata_kanan)) and bool(re.match(r"\S+\s+[^\W\d_]", s[j:]))
            return "/" if kiri and (kata_kanan in _KATA_KEPALA or konstanta) else None
        kata_kiri, kata_kanan = _kata_sebelum(s, i), _kata_setelah(s, j)
        if not kanan or _awal_operan(kata_kanan):
            return "/"
        pendek = len(kata_kiri) <= 4 and len(kata_kanan) <= 4
        return None if pendek or kata_kanan in _PASANGAN_GARIS_MIRING else "/"
    if c == ":":
        return ":" if kiri and kanan and (spasi_kiri or spasi_kanan) else None
    # dashes
    if (
        spasi_kiri
        and spasi_kanan
        and kiri
        and (_awal_operan(_kata_setelah(s, j)) or kiri.endswith(")") or _antara_dua_besaran(s, i, j))
    ):
        return "-"
    return None


def _antara_dua_besaran(s: str, i: int, j: int) -> bool:
    """A spaced dash between a quantity ("Jumlah pelanggaran …") and a capitalised name
    ("Batas toleransi …") is a minus: names are not joined by a spaced dash."""
    kanan = re.match(r"\s*([^\W\d_]+)", s[j:])
    if (
        kanan is None
        or len(kanan.group(1)) < 3
        or not kanan.group(1)[0].isupper()
        or kanan.group(1).isupper()
        or kanan.group(1).lower() in _PASANGAN_GARIS_MIRING
    ):
        return False
    operan_kiri = re.split(r"[(+×*/÷⁄:−–-]\s", s[:i])[-1]
    return _kata_setelah(operan_kiri, 0).strip(",.;") in _KATA_KEPALA


def _token_baris(s: str) -> list[str | _Operan]:
    """Operators (``+ - * / ( )``; ``:`` becomes ``/``) and operand texts of one line."""
    token: list[str | _Operan] = []
    teks = ""
    awal = 0
    for m in _KANDIDAT_OPERATOR.finditer(s):
        op = _operator(s, m)
        if op is None:
            continue
        teks = s[awal : m.start()]
        if teks.strip():
            token.append(_Operan(teks))
        token.append("/" if op == ":" else op)
        awal = m.end()
    if s[awal:].strip():
        token.append(_Operan(s[awal:]))
    return _gabung_kurung_keterangan(token)


def _gabung_kurung_keterangan(token: list[str | _Operan]) -> list[str | _Operan]:
    """``Laporan bulanan (12 dokumen)``: brackets right after an operand and holding no
    operator describe it; they are part of its text, not a group, and so is the lower-case
    rest of the sentence after them (``Jumlah laporan (LKjIP, laporan triwulan) yang disusun``)."""
    hasil: list[str | _Operan] = []
    i = 0
    while i < len(token):
        t = token[i]
        if (
            t == "("
            and hasil
            and isinstance(hasil[-1], _Operan)
            and i + 2 < len(token)
            and isinstance(token[i + 1], _Operan)
            and token[i + 2] == ")"
        ):
            teks = f"{hasil[-1].teks.rstrip()} ({token[i + 1].teks.strip()})"
            i += 3
            if i < len(token) and isinstance(token[i], _Operan) and token[i].teks.strip()[:1].islower():
                teks = f"{teks} {token[i].teks.strip()}"
                i += 1
            hasil[-1] = _Operan(teks)
            continue
        hasil.append(t)
        i += 1
    return hasil


# --- parsing -------------------------------------------------------------------------------


def _baris_formula(s: str) -> list[str]:
    """Lines of the formula with wrapped lines joined back: a line that starts in lower case
    (and not with a head word such as "jumlah"), that follows an operator or an open bracket,
    or that starts with an operator, continues the line above."""
    hasil: list[str] = []
    for b in s.split("\n"):
        b = b.strip()
        minus = bool(hasil) and re.match(r"[-–−]\s", b) and _awal_operan(_kata_setelah(b, 1))
        if not minus:
            b = re.sub(r"^[-–—•❖●▪*]\s+", "", b)  # a list bullet, not a minus
        b = re.sub(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+(?=\D)", "", b)  # "1. Jumlah …": an item number
        if not _ada_isi(b) and not re.search(r"[()+×*/÷⁄:]", b):
            continue
        kata = b.split()[0].lower() if b.split() else ""
        lanjutan = hasil and (
            minus
            or (b[0].islower() and kata not in _KATA_KEPALA)
            or (b[0].islower() and _kata_sebelum(hasil[-1], len(hasil[-1])) in _KATA_GANTUNG)
            or b[0] in ",;)"
            or re.search(r"(?:[+×*/÷⁄(]|\s[-–−])\s*$", hasil[-1])
            or re.match(r"[+×*/÷⁄:]", b)
            or hasil[-1].count("(") > hasil[-1].count(")")
        )
        if lanjutan:
            hasil[-1] = f"{hasil[-1]} {b}"
        else:
            hasil.append(b)
    return hasil


def _kelompok_pecahan(baris: list[str]) -> list[str]:
    """Lines grouped into numerator and denominator (or one group).

    The line that ends where "x 100 %" stood closes the numerator; otherwise a line that starts
    with a head word ("Jumlah …", "Target …", "7 desa") starts a part, and other lines (a name
    wrapped at a capital: "Kepegawaian yang harus ada") continue the part above. Two lines
    with no such sign are a numerator over a denominator.
    """
    for k, b in enumerate(baris[:-1]):
        if b.rstrip().endswith(_BEKAS_100):
            return [" ".join(baris[: k + 1]), " ".join(baris[k + 1 :])]
    kelompok: list[str] = []
    for b in baris:
        kata = b.split()[0].lower().strip(",.") if b.split() else ""
        if not kelompok or kata in _KATA_KEPALA or _ANGKA.match(kata) or b.startswith("("):
            kelompok.append(b)
        else:
            kelompok[-1] = f"{kelompok[-1]} {b}"
    if len(kelompok) == 1 and len(baris) == 2 and len(_titik_pisah(kelompok[0])) != 1:
        return baris
    return kelompok


def _pohon(s: str) -> _Simpul:
    """The expression tree of the normalised formula ``s``."""
    baris = _baris_formula(s)
    if not baris:
        raise _TidakDipahami("rumus kosong")
    kelompok = _kelompok_pecahan(baris) if len(baris) > 1 else baris
    if len(kelompok) > 2:
        raise _TidakDipahami("rumus lebih dari dua baris")
    if len(kelompok) == 2:
        # A numerator line over a denominator line.
        return _Operasi("/", _urai(_token_baris(kelompok[0])), _urai(_token_baris(kelompok[1])))
    token = _token_baris(kelompok[0])
    if len(token) == 1 and isinstance(token[0], _Operan):
        return _pisah_tersirat(token[0].teks)
    return _urai(token)


def _titik_pisah(teks: str) -> list[int]:
    """Where a denominator may start in text that runs numerator and denominator together:
    before a head word ("Jumlah", "Total", "Σ") that does not follow another one, or before the
    "Target" qualifying it; failing that, where "x 100 %" stood."""
    kata = list(re.finditer(r"[^\s\ue000]+", teks))
    pisah = [
        _geser_ke_pengubah(teks, m.start())
        for k, m in enumerate(kata)
        if k > 0 and m.group().lower().strip(",.") in _KATA_PEMISAH and kata[k - 1].group().lower() not in _KATA_PEMISAH
    ]
    if len(pisah) != 1 and _BEKAS_100 in teks.strip(" " + _BEKAS_100):
        return [teks.index(_BEKAS_100)]
    return pisah


def _pisah_tersirat(teks: str) -> _Simpul:
    """Numerator and denominator run together without an operator (``Jumlah A Jumlah B``,
    ``A x 100 % 20 desa``) become a ratio; a single operand is a count."""
    pisah = _titik_pisah(teks)
    if len(pisah) == 1:
        return _Operasi("/", _Operan(teks[: pisah[0]]), _Operan(teks[pisah[0] :]))
    if pisah:
        raise _TidakDipahami("pembilang dan penyebut tidak dapat dipisahkan")
    return _Operan(teks)


def _pisah_konstanta(teks: str) -> _Simpul:
    """A percentage whose only text ends in a number of things (``Jumlah desa tertib 7 desa``):
    that number is the denominator."""
    m = re.search(r"\s(\d+(?:[.,]\d+)?\s+[^\W\d_]+)[\s\ue000]*$", teks)
    sebelum = teks[: m.start()].split()[-1].lower() if m and teks[: m.start()].split() else ""
    if m is None or sebelum in _KATA_SAMBUNG:
        raise _TidakDipahami("penyebut tidak ditemukan")
    return _Operasi("/", _Operan(teks[: m.start()]), _Operan(m.group(1)))


def _geser_ke_pengubah(teks: str, posisi: int) -> int:
    """Move a split left over a "Target"/"Total" that qualifies the head word after it."""
    awal = max(0, posisi - _JENDELA)
    sebelum = re.search(r"(\S+)\s+$", teks[awal:posisi])
    if sebelum and sebelum.group(1).lower() in _PENGUBAH_KEPALA:
        return awal + sebelum.start(1)
    return posisi


def _urai(token: list[str | _Operan]) -> _Simpul:
    """Precedence parsing of ``+ -`` over ``* /`` with brackets."""
    posisi = 0

    def lihat() -> str | _Operan | None:
        return token[posisi] if posisi < len(token) else None

    def ambil() -> str | _Operan | None:
        nonlocal posisi
        t = lihat()
        posisi += 1
        return t

    def ekspresi() -> _Simpul:
        kiri = suku()
        while lihat() in ("+", "-"):
            op = ambil()
            kiri = _Operasi(str(op), kiri, suku())
        return kiri

    def suku() -> _Simpul:
        kiri = faktor()
        while lihat() in ("*", "/"):
            op = ambil()
            kiri = _Operasi(str(op), kiri, faktor())
        return kiri

    def faktor() -> _Simpul:
        t = ambil()
        if t == "(":
            isi = ekspresi()
            if ambil() != ")":
                raise _TidakDipahami("kurung tidak seimbang")
            return isi
        if isinstance(t, _Operan):
            return _sebagai_angka(t) or t
        if t is None:
            raise _TidakDipahami("operand hilang di akhir rumus")
        raise _TidakDipahami(f"operand hilang sebelum '{t}'")

    hasil = ekspresi()
    if posisi < len(token):
        raise _TidakDipahami("susunan operator tidak dikenali")
    return hasil


def _sebagai_angka(t: _Operan) -> _Angka | None:
    teks = t.teks.strip()
    if _ANGKA.fullmatch(teks) and _sebagai_bilangan(_nilai_angka(teks)) is not None:
        return _Angka(_nilai_angka(teks))
    return None  # text, or digits that are no number ("0.0.0", a section number)


def _nilai_angka(teks: str) -> str:
    """``1.000`` → ``1000``, ``2,5`` → ``2.5`` (Indonesian number writing)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", teks):
        return teks.replace(".", "")
    return teks.replace(",", ".")


# --- variables and rendering ---------------------------------------------------------------


def _uraian(teks: str) -> str:
    """An operand's text as a variable description: no Σ, bullets, stray marks or letters."""
    t = bersihkan(teks.replace(GARIS_PECAHAN, " ").replace(_BEKAS_100, " "))
    t = re.sub(r"^[\s.,;:_\-–—*Σσ]+|[\s.,;:_\-–—*=…]+$", "", t)
    t = re.sub(r"^[a-z]\s+(?=\S)|\s+[a-z]$", "", t)  # OCR crumbs: "%n Jumlah", "tahun n"
    return t.strip()


def _operan(pohon: _Simpul) -> list[_Operan]:
    if isinstance(pohon, _Operan):
        return [pohon]
    if isinstance(pohon, _Operasi):
        return _operan(pohon.kiri) + _operan(pohon.kanan)
    return []


def _variabel(pohon: _Simpul, catatan: str | None) -> tuple[list[dict], dict[_Operan, str]]:
    """The variable list (one per distinct text, in reading order) and each operand's code."""
    daftar: list[dict] = []
    per_uraian: dict[str, str] = {}
    kode_operan: dict[_Operan, str] = {}
    terpakai: set[str] = set()
    konstanta_catatan = _konstanta_catatan(catatan)
    for op in _operan(pohon):
        uraian = _uraian(op.teks)
        if not uraian or not _ada_isi(uraian):
            raise _TidakDipahami("operand kosong")
        nilai_kurung = None
        if (
            (m := _NILAI_DALAM_KURUNG.match(uraian))
            and not _TAHUN.fullmatch(m.group(2))
            and (nilai_kurung := _sebagai_bilangan(_nilai_angka(m.group(2)))) is not None
        ):
            uraian = m.group(1)
        kunci = re.sub(r"\s+", " ", uraian.lower())
        if kunci not in per_uraian:
            var: dict = {"uraian": uraian}
            if nilai_kurung is not None:
                kode = kode_dari_teks(uraian)
                var["nilai_tetap"] = nilai_kurung
            elif (m := _KONSTANTA.match(uraian)) and _sebagai_bilangan(_nilai_angka(m.group(1))) is not None:
                benda = m.group(2).strip()
                kode = kode_dari_teks(benda)
                if len(kode.split("_")) == 1 and not kode.startswith("jumlah"):
                    kode = f"jumlah_{kode}"
                var["nilai_tetap"] = _sebagai_bilangan(_nilai_angka(m.group(1)))
            else:
                kode = kode_dari_teks(uraian)
                if (nilai := _nilai_dari_catatan(uraian, konstanta_catatan)) is not None:
                    var["nilai_tetap"] = nilai
            var = {"kode": kode_unik(kode, terpakai), **var}
            per_uraian[kunci] = var["kode"]
            daftar.append(var)
        kode_operan[op] = per_uraian[kunci]
    return daftar, kode_operan


def _sebagai_bilangan(teks: str) -> int | float | None:
    """The number ``teks`` writes, or None when it is none ("0.0.0")."""
    try:
        nilai = float(teks)
    except ValueError:
        return None
    return int(nilai) if nilai.is_integer() else nilai


def _isi_kata(teks: str) -> set[str]:
    return {
        k
        for k in re.findall(r"[a-z]+", teks.lower())
        if k not in ("jumlah", "efektif", "yang", "total", "dalam", "satu", "per")
    }


def _konstanta_catatan(catatan: str | None) -> list[tuple[set[str], int | float]]:
    """Numbers a note gives to things: "240 hari kerja efektif" → ({hari, kerja}, 240)."""
    if not catatan:
        return []
    hasil = []
    for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s+((?:[A-Za-z]+\s*){1,3})", catatan):
        kata = _isi_kata(m.group(2))
        if kata and (nilai := _sebagai_bilangan(_nilai_angka(m.group(1)))) is not None:
            hasil.append((kata, nilai))
    return hasil


def _nilai_dari_catatan(uraian: str, konstanta: list[tuple[set[str], int | float]]) -> int | float | None:
    kata = _isi_kata(uraian)
    for benda, nilai in konstanta:
        if kata and kata <= benda:
            return nilai
    return None


def _jenis(pohon: _Simpul) -> str:
    if isinstance(pohon, _Operan):
        return "hitungan"
    if isinstance(pohon, _Operasi) and pohon.op == "/":
        return "rasio" if len(_operan(pohon)) <= 2 else "komposit"
    if isinstance(pohon, _Operasi) and pohon.op == "-" and len(_operan(pohon)) == 2:
        return "selisih"
    return "komposit"


_TINGKAT = {"+": 1, "-": 1, "*": 2, "/": 2}


def _tulis(pohon: _Simpul, kode: dict[_Operan, str]) -> str:
    """The expression with the fewest brackets that keep its meaning."""
    if isinstance(pohon, _Operan):
        return kode[pohon]
    if isinstance(pohon, _Angka):
        return pohon.nilai
    kiri, kanan = _tulis(pohon.kiri, kode), _tulis(pohon.kanan, kode)
    tingkat = _TINGKAT[pohon.op]
    if isinstance(pohon.kiri, _Operasi) and _TINGKAT[pohon.kiri.op] < tingkat:
        kiri = f"({kiri})"
    if isinstance(pohon.kanan, _Operasi):
        tingkat_kanan = _TINGKAT[pohon.kanan.op]
        if tingkat_kanan < tingkat or (tingkat_kanan == tingkat and pohon.op in "-/"):
            kanan = f"({kanan})"
    return f"{kiri} {pohon.op} {kanan}"
