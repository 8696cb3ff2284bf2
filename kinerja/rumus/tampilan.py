"""Showing formulas to people: plain Indonesian text, LaTeX for documents, HTML for the web.

All three replace variable codes by their labels (uraian) when given, write multiplication as
``×`` and a trailing ``* 100`` as ``× 100%``. Without labels, :func:`render` gives text that
:func:`~kinerja.rumus.parse` reads back to the same formula.
"""

from collections.abc import Mapping
from html import escape

from kinerja.rumus.parser import ke_rumus
from kinerja.rumus.pohon import (
    KUAT_ATOM,
    KUAT_NEGASI,
    Angka,
    Negasi,
    Operasi,
    Rumus,
    Simpul,
    Variabel,
    kali_seratus_persen,
    kekuatan,
    tulis,
    tulis_angka,
)


def render(rumus: Rumus | str, labels: Mapping[str, str] | None = None) -> str:
    """``Jumlah A / Jumlah B × 100%``; codes without a label are shown as they are."""
    rumus = ke_rumus(rumus)
    labels = labels or {}
    teks = tulis(rumus.akar, nama=lambda kode: labels.get(kode) or kode, kali="×")
    return teks + "%" if kali_seratus_persen(rumus.akar) else teks


def render_html(rumus: Rumus | str, labels: Mapping[str, str] | None = None) -> str:
    """Like :func:`render`, HTML-escaped, each variable in a ``<var>`` titled with its code."""
    rumus = ke_rumus(rumus)
    labels = labels or {}

    def nama(kode: str) -> str:
        return f'<var title="{escape(kode)}">{escape(labels.get(kode) or kode)}</var>'

    teks = tulis(rumus.akar, nama=nama, kali="×")
    return teks + "%" if kali_seratus_persen(rumus.akar) else teks


_LATEX_KHUSUS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "$": r"\$",
        "&": r"\&",
        "#": r"\#",
        "_": r"\_",
        "%": r"\%",
        "^": r"\textasciicircum{}",
        "~": r"\textasciitilde{}",
    }
)


def render_latex(rumus: Rumus | str, labels: Mapping[str, str] | None = None) -> str:
    r"""``\frac{\text{Jumlah A}}{\text{Jumlah B}} \times 100\%``, decimals with a comma."""
    rumus = ke_rumus(rumus)
    teks = _latex(rumus.akar, labels or {})
    return teks + r"\%" if kali_seratus_persen(rumus.akar) else teks


def _kekuatan_latex(simpul: Simpul) -> int:
    # A fraction bar groups its numerator and denominator, so a fraction never needs brackets.
    if isinstance(simpul, Operasi) and simpul.operator == "/":
        return KUAT_ATOM
    return kekuatan(simpul)


def _latex(simpul: Simpul, labels: Mapping[str, str]) -> str:
    def dalam_kurung(anak: Simpul, perlu: bool) -> str:
        teks = _latex(anak, labels)
        return rf"\left({teks}\right)" if perlu else teks

    if isinstance(simpul, Angka):
        return tulis_angka(simpul.nilai).replace(".", "{,}")
    if isinstance(simpul, Variabel):
        label = labels.get(simpul.nama) or simpul.nama
        return r"\text{" + label.translate(_LATEX_KHUSUS) + "}"
    if isinstance(simpul, Negasi):
        return "-" + dalam_kurung(simpul.isi, _kekuatan_latex(simpul.isi) < KUAT_NEGASI)
    if simpul.operator == "/":
        return rf"\frac{{{_latex(simpul.kiri, labels)}}}{{{_latex(simpul.kanan, labels)}}}"
    kuat = kekuatan(simpul)
    kiri = dalam_kurung(simpul.kiri, _kekuatan_latex(simpul.kiri) < kuat)
    # "a - (-b)" reads better than "a - -b" in print.
    kanan = dalam_kurung(simpul.kanan, _kekuatan_latex(simpul.kanan) <= kuat or isinstance(simpul.kanan, Negasi))
    tanda = r"\times" if simpul.operator == "*" else simpul.operator
    return f"{kiri} {tanda} {kanan}"
