"""Showing formulas: readable Indonesian text, LaTeX and HTML."""

import pytest

from kinerja.rumus import parse, render, render_html, render_latex

LABEL = {"a": "Jumlah A", "b": "Jumlah B", "c": "Jumlah C"}


@pytest.mark.parametrize(
    ("rumus", "harapan"),
    [
        ("a / b * 100", "Jumlah A / Jumlah B × 100%"),
        ("(a + b) / c", "(Jumlah A + Jumlah B) / Jumlah C"),
        ("a - (b - c)", "Jumlah A - (Jumlah B - Jumlah C)"),
        ("a * b", "Jumlah A × Jumlah B"),
        ("a * 100 + b", "Jumlah A × 100 + Jumlah B"),
        ("a / desa * 100", "Jumlah A / desa × 100%"),
        ("-(a + b) * 0.5", "-(Jumlah A + Jumlah B) × 0.5"),
    ],
)
def test_render_with_labels(rumus: str, harapan: str) -> None:
    assert render(parse(rumus), LABEL) == harapan


def test_render_without_labels_parses_back() -> None:
    rumus = parse("(a + b + c) / (desa * 3) * 100")
    assert render(rumus) == "(a + b + c) / (desa × 3) × 100%"
    assert parse(render(rumus)) == rumus
    assert render("a*b") == "a × b"


@pytest.mark.parametrize(
    ("rumus", "harapan"),
    [
        ("a / b * 100", r"\frac{\text{Jumlah A}}{\text{Jumlah B}} \times 100\%"),
        ("(a + b) / c", r"\frac{\text{Jumlah A} + \text{Jumlah B}}{\text{Jumlah C}}"),
        ("(a + b) * c", r"\left(\text{Jumlah A} + \text{Jumlah B}\right) \times \text{Jumlah C}"),
        ("a - -b", r"\text{Jumlah A} - \left(-\text{Jumlah B}\right)"),
        ("hari_kerja * 0.5", r"\text{hari\_kerja} \times 0{,}5"),
    ],
)
def test_render_latex(rumus: str, harapan: str) -> None:
    assert render_latex(parse(rumus), LABEL) == harapan


def test_render_latex_escapes_labels() -> None:
    assert render_latex("a", {"a": r"50% & {x}_1 #\ $"}) == (r"\text{50\% \& \{x\}\_1 \#\textbackslash{} \$}")


def test_render_html_escapes_and_marks_variables() -> None:
    assert render_html("a / b * 100", {"a": "<b>A</b> & co"}) == (
        '<var title="a">&lt;b&gt;A&lt;/b&gt; &amp; co</var> / <var title="b">b</var> × 100%'
    )
