"""Formulas typeset as documents print them: numerator over denominator, then "× 100%".

Pure Python (no Django). Two targets, one walk over the formula tree (kinerja.rumus):

* :func:`pecahan_html` for the web preview and the PDF (WeasyPrint): a fraction is an inline
  table whose first row (the numerator) is ruled off from the second (the denominator);
* :func:`pecahan_omml` for Word: an Office Math (OMML) equation with ``m:f`` fractions. Word does
  not wrap text inside a fraction, so a long numerator or denominator is broken into centred lines
  (``m:eqArr``) that fit the table column.

Variables are shown by their labels (uraian), numbers the Indonesian way (``0,5``), a trailing
``* 100`` as ``× 100%``. Brackets are written only where the structure needs them; a fraction
needs none, its bar groups.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from decimal import Decimal
from html import escape
from xml.sax.saxutils import escape as escape_xml

from kinerja.format import format_angka
from kinerja.rumus import Angka, Negasi, Operasi, Rumus, Variabel, parse
from kinerja.rumus.pohon import KUAT_ATOM, KUAT_NEGASI, KUAT_OPERATOR, Simpul, kali_seratus_persen, kekuatan

__all__ = ["NS_MATH", "NS_WORD", "ada_pecahan", "pecahan_html", "pecahan_omml", "tulis_angka"]

NS_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NS_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TANDA = {"+": "+", "-": "−", "*": "×", "/": "/"}


def tulis_angka(nilai: Decimal) -> str:
    """A formula's number the Indonesian way, as many decimals as written: 100, 0,5, 1.000."""
    return format_angka(nilai, max(0, -nilai.as_tuple().exponent))


def _ke_rumus(rumus: Rumus | str) -> Rumus:
    return rumus if isinstance(rumus, Rumus) else parse(rumus)


def _kekuatan(simpul: Simpul) -> int:
    # A fraction bar groups its numerator and denominator: a fraction never needs brackets.
    if isinstance(simpul, Operasi) and simpul.operator == "/":
        return KUAT_ATOM
    return kekuatan(simpul)


def ada_pecahan(simpul: Simpul) -> bool:
    """Whether the tree holds a division, i.e. whether it prints as a fraction."""
    if isinstance(simpul, Operasi):
        return simpul.operator == "/" or ada_pecahan(simpul.kiri) or ada_pecahan(simpul.kanan)
    if isinstance(simpul, Negasi):
        return ada_pecahan(simpul.isi)
    return False


def _tulis(
    simpul: Simpul,
    *,
    teks: Callable[[str], str],
    variabel: Callable[[str], str],
    kurung: Callable[[str], str],
    pecahan: Callable[[Simpul, Simpul], str],
) -> str:
    """Walk the tree; the callables say how a piece of text, a variable, brackets and a fraction look."""

    def tulis(anak: Simpul) -> str:
        return _tulis(anak, teks=teks, variabel=variabel, kurung=kurung, pecahan=pecahan)

    if isinstance(simpul, Angka):
        return teks(tulis_angka(simpul.nilai))
    if isinstance(simpul, Variabel):
        return variabel(simpul.nama)
    if isinstance(simpul, Negasi):
        isi = tulis(simpul.isi)
        return teks("−") + (kurung(isi) if _kekuatan(simpul.isi) < KUAT_NEGASI else isi)
    if simpul.operator == "/":
        return pecahan(simpul.kiri, simpul.kanan)
    kuat = KUAT_OPERATOR[simpul.operator]
    kiri = tulis(simpul.kiri)
    if _kekuatan(simpul.kiri) < kuat:
        kiri = kurung(kiri)
    kanan = tulis(simpul.kanan)
    # Left associative: a right operand of equal strength keeps its brackets; "a − (−b)" reads
    # better than "a − −b".
    if _kekuatan(simpul.kanan) <= kuat or isinstance(simpul.kanan, Negasi):
        kanan = kurung(kanan)
    return kiri + teks(f" {_TANDA[simpul.operator]} ") + kanan


def _teks_datar(simpul: Simpul, labels: Mapping[str, str]) -> str:
    """One line of plain text for a part without fractions (to be wrapped into lines)."""
    return _tulis(
        simpul,
        teks=str,
        variabel=lambda kode: labels.get(kode) or kode,
        kurung=lambda isi: f"({isi})",
        pecahan=lambda atas, bawah: "",  # never reached: only called on trees without a fraction
    )


def pecahan_html(rumus: Rumus | str, labels: Mapping[str, str] | None = None) -> str:
    """HTML (escaped) for the formula; style it with the classes rumus, pecahan, pembilang, penyebut."""
    rumus = _ke_rumus(rumus)
    labels = labels or {}

    def pecahan(atas: Simpul, bawah: Simpul) -> str:
        return (
            '<span class="pecahan"><span class="pembilang"><span>'
            + tulis(atas)
            + '</span></span><span class="penyebut"><span>'
            + tulis(bawah)
            + "</span></span></span>"
        )

    def tulis(simpul: Simpul) -> str:
        return _tulis(
            simpul,
            teks=escape,
            variabel=lambda kode: f'<span class="rumus-var">{escape(labels.get(kode) or kode)}</span>',
            kurung=lambda isi: f"({isi})",
            pecahan=pecahan,
        )

    akar = rumus.akar
    if kali_seratus_persen(akar):
        # Two cells side by side, so that "× 100%" stays beside the fraction instead of wrapping under it.
        return (
            f'<span class="rumus"><span class="rumus-isi">{tulis(akar.kiri)}</span>'
            '<span class="rumus-kali">×&nbsp;100%</span></span>'
        )
    return f'<span class="rumus"><span class="rumus-isi">{tulis(akar)}</span></span>'


def _bungkus(teks: str, muat: Callable[[str], bool]) -> list[str]:
    """Greedy line breaking by measure: as many words on a line as fit; a word too long stays whole."""
    baris: list[str] = []
    for kata in teks.split():
        if baris and muat(f"{baris[-1]} {kata}"):
            baris[-1] = f"{baris[-1]} {kata}"
        else:
            baris.append(kata)
    return baris


def pecahan_omml(
    rumus: Rumus | str,
    labels: Mapping[str, str] | None = None,
    *,
    lebar: int = 40,
    ukuran_pt: float = 10,
    huruf: str = "Arial",
    muat: Callable[[str], bool] | None = None,
) -> str:
    """An ``m:oMath`` element (XML text declaring its namespaces) for a formula with a fraction.

    ``lebar`` is how many characters fit on one line of the column: longer numerators and
    denominators are broken into lines; ``muat`` (does this line fit?), when given, decides instead,
    for callers that can measure text. Text runs are "normal text" (``m:nor``) in ``huruf`` at
    ``ukuran_pt``, so the formula looks like the table around it rather than italic math.
    """
    rumus = _ke_rumus(rumus)
    labels = labels or {}
    setengah_pt = round(ukuran_pt * 2)
    rpr = (
        f'<w:rPr><w:rFonts w:ascii="{escape_xml(huruf)}" w:hAnsi="{escape_xml(huruf)}"/>'
        f'<w:sz w:val="{setengah_pt}"/><w:szCs w:val="{setengah_pt}"/></w:rPr>'
    )

    def run(isi: str) -> str:
        return f'<m:r><m:rPr><m:nor/></m:rPr>{rpr}<m:t xml:space="preserve">{escape_xml(isi)}</m:t></m:r>'

    def bagian(simpul: Simpul) -> str:
        # A numerator or denominator: plain text broken into centred lines, or structure if nested.
        if ada_pecahan(simpul):
            return tulis(simpul)
        teks = _teks_datar(simpul, labels)
        baris = (_bungkus(teks, muat) if muat else textwrap.wrap(teks, lebar, break_long_words=False)) or [""]
        if len(baris) == 1:
            return run(baris[0])
        return "<m:eqArr>" + "".join(f"<m:e>{run(b)}</m:e>" for b in baris) + "</m:eqArr>"

    def tulis(simpul: Simpul) -> str:
        return _tulis(
            simpul,
            teks=run,
            variabel=lambda kode: run(labels.get(kode) or kode),
            kurung=lambda isi: f"<m:d><m:e>{isi}</m:e></m:d>",
            pecahan=lambda atas, bawah: f"<m:f><m:num>{bagian(atas)}</m:num><m:den>{bagian(bawah)}</m:den></m:f>",
        )

    akar = rumus.akar
    isi = tulis(akar.kiri) + run(" × 100%") if kali_seratus_persen(akar) else tulis(akar)
    return f'<m:oMath xmlns:m="{NS_MATH}" xmlns:w="{NS_WORD}">{isi}</m:oMath>'
