"""The formula typeset for the web: fractions from the tree, labels escaped, brackets only where needed."""

import re

import pytest

from kinerja import rumus
from kinerja.web.rumus_html import rumus_pecahan


def teks(html: str) -> str:
    """What a reader sees, with the fraction bar written as '⁄' between numerator and denominator."""
    html = html.replace('</span><span class="penyebut">', " ⁄ ")
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_ratio_is_a_fraction_with_labels_and_percent():
    html = rumus_pecahan("tepat / usulan * 100", {"tepat": "KTP tepat waktu", "usulan": "Usulan KTP"})
    assert html.startswith(
        '<span class="rumus"><span class="pecahan"><span class="pembilang"><var title="tepat">KTP tepat waktu</var>'
    )
    assert '<span class="penyebut"><var title="usulan">Usulan KTP</var></span>' in html
    assert html.endswith('<span class="angka">100</span>%</span>')
    assert teks(html) == "KTP tepat waktu ⁄ Usulan KTP × 100%"


def test_fraction_bar_groups_so_sums_need_no_brackets_inside_but_do_outside():
    html = rumus_pecahan("(a + b + c) / (desa * 3) * 100")
    pembilang = re.search(r'<span class="pembilang">(.*?)</span><span class="penyebut">', html).group(1)
    assert "kurung" not in pembilang and teks(pembilang) == "a + b + c"
    assert teks(html) == "a + b + c ⁄ desa × 3 × 100%"
    # Outside a fraction the structure still needs its brackets.
    assert teks(rumus_pecahan("a * (b - c)")) == "a × (b − c)"
    assert teks(rumus_pecahan("a - (b - c)")) == "a − (b − c)"
    assert teks(rumus_pecahan("-(a + b)")) == "−(a + b)"


def test_labels_and_codes_are_escaped():
    html = rumus_pecahan("a / b", {"a": "<script>alert(1)</script>", "b": 'x" onmouseover="y'})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'onmouseover="y' not in html


def test_decimal_comma_and_no_percent_without_times_hundred():
    assert teks(rumus_pecahan("a * 0.5")) == "a × 0,5"
    assert "%" not in rumus_pecahan("a / b")


def test_bad_formula_raises_the_engine_error():
    with pytest.raises(rumus.RumusError):
        rumus_pecahan("a / ")
