"""Formulas as fractions: HTML for the PDF and the preview, Office Math for Word."""

from xml.etree import ElementTree

import pytest

from kinerja.laporan.pecahan import NS_MATH, ada_pecahan, pecahan_html, pecahan_omml, tulis_angka
from kinerja.rumus import parse

M = "{%s}" % NS_MATH
LABEL = {"a": "Jumlah KTP yang diproses tepat waktu", "b": "Jumlah usulan KTP"}


def html(teks, labels=LABEL):
    return ElementTree.fromstring(f"<div>{pecahan_html(teks, labels)}</div>".replace("&nbsp;", "&#160;"))


def teks_kelas(akar, kelas):
    return [" ".join("".join(e.itertext()).split()) for e in akar.iter() if e.get("class") == kelas]


def test_ratio_times_hundred_is_a_fraction_with_hundred_percent_beside_it():
    akar = html("a / b * 100")
    assert teks_kelas(akar, "pembilang") == ["Jumlah KTP yang diproses tepat waktu"]
    assert teks_kelas(akar, "penyebut") == ["Jumlah usulan KTP"]
    assert teks_kelas(akar, "rumus-kali") == ["× 100%"]


def test_composite_formula_keeps_brackets_only_where_needed():
    akar = html("(a + b + c) / (desa * 3) * 100", {"desa": "Jumlah desa (7)"})
    assert teks_kelas(akar, "pembilang") == ["a + b + c"]
    assert teks_kelas(akar, "penyebut") == ["Jumlah desa (7) × 3"]
    assert " ".join("".join(html("a - (b - c)", {}).itertext()).split()) == "a − (b − c)"
    assert " ".join("".join(html("(a - b) * c", {}).itertext()).split()) == "(a − b) × c"


def test_nested_fraction_and_numbers_written_the_indonesian_way():
    akar = html("a / (b / c) * 0.5", {})
    assert len(teks_kelas(akar, "pecahan")) == 2
    assert "0,5" in "".join(akar.itertext())
    assert [tulis_angka(parse(t).akar.nilai) for t in ("100", "0.5", "1000", "2.25")] == ["100", "0,5", "1.000", "2,25"]


def test_labels_are_escaped():
    keluaran = pecahan_html("a / b", {"a": "<script>alert(1)</script>", "b": "B & C"})
    assert "<script>" not in keluaran and "&lt;script&gt;" in keluaran and "B &amp; C" in keluaran


def test_formula_without_division_has_no_fraction():
    assert not ada_pecahan(parse("kejadian - target").akar)
    assert ada_pecahan(parse("-(a / b)").akar)
    assert teks_kelas(html("kejadian - target", {}), "pecahan") == []


def omml(teks, labels=LABEL, **kw):
    return ElementTree.fromstring(pecahan_omml(teks, labels, **kw))


def test_omml_fraction_with_numerator_and_denominator_text():
    akar = omml("a / b * 100", lebar=80)
    assert akar.tag == f"{M}oMath"
    [f] = akar.iter(f"{M}f")
    assert "".join(t.text for t in f.find(f"{M}num").iter(f"{M}t")) == LABEL["a"]
    assert "".join(t.text for t in f.find(f"{M}den").iter(f"{M}t")) == LABEL["b"]
    assert [t.text for t in akar.findall(f"{M}r/{M}t")] == [" × 100%"]
    # Normal (upright) text in the table's font and size, not italic math.
    assert all(r.find(f"{M}rPr/{M}nor") is not None for r in akar.iter(f"{M}r"))


def test_omml_breaks_long_parts_into_lines_that_fit_the_column():
    akar = omml("a / b * 100", lebar=16)
    num = next(akar.iter(f"{M}num"))
    baris = ["".join(t.text for t in e.iter(f"{M}t")) for e in num.iter(f"{M}e")]
    assert len(baris) > 1 and all(len(b) <= 16 for b in baris)
    assert " ".join(baris) == LABEL["a"]


def test_omml_brackets_are_delimiters():
    akar = omml("(a - b) / c", {})
    assert next(akar.iter(f"{M}num")).find(f"{M}r") is not None  # a − b has no fraction: one line of text
    akar = omml("(a / b - c) * d", {})
    assert len(list(akar.iter(f"{M}d"))) == 1


@pytest.mark.parametrize("rumus", ["a", "a / b", "a / b * 100", "(a + b) / (c - d) * 100", "-a / b", "a / (b / c)"])
def test_omml_is_well_formed_xml(rumus):
    assert omml(rumus, {"a": 'A & B <tepat> "waktu"', "b": "]]>"}).tag == f"{M}oMath"
