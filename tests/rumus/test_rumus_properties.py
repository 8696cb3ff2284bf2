"""Property tests over random formula trees, random columns and arbitrary text."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.rumus import (
    Angka,
    Negasi,
    Operasi,
    Rumus,
    RumusError,
    Variabel,
    evaluate,
    evaluate_many,
    evaluate_many_hasil,
    parse,
    render,
    render_html,
    render_latex,
)
from kinerja.rumus.pohon import Simpul

NAMA = ["a", "b", "c", "x", "k2", "jumlah_desa"]

angka = st.one_of(
    st.integers(0, 1000).map(Decimal),
    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
).map(lambda nilai: Angka(nilai.copy_abs()))


def pohon(operator: str = "+-*/", nama: list[str] = NAMA, daun: st.SearchStrategy = angka):
    return st.recursive(
        st.one_of(st.sampled_from(nama).map(Variabel), daun),
        lambda anak: st.one_of(anak.map(Negasi), st.builds(Operasi, st.sampled_from(operator), anak, anak)),
        max_leaves=12,
    ).filter(lambda simpul: simpul.kedalaman <= 30)


rumus_acak = pohon().map(Rumus)


def berkurung_penuh(simpul: Simpul) -> str:
    """Every operation in brackets: an independent writer that needs no precedence rules."""
    if isinstance(simpul, Operasi):
        return f"({berkurung_penuh(simpul.kiri)}{simpul.operator}{berkurung_penuh(simpul.kanan)})"
    if isinstance(simpul, Negasi):
        return f"(-{berkurung_penuh(simpul.isi)})"
    return str(Rumus(simpul))


@settings(max_examples=300, deadline=None)
@given(rumus_acak)
def test_text_round_trips(rumus: Rumus) -> None:
    assert parse(str(rumus)) == rumus
    assert parse(render(rumus)) == rumus
    assert str(parse(render(rumus))) == str(rumus)
    assert parse(berkurung_penuh(rumus.akar)) == rumus
    # The other renderings never fail either.
    assert render_latex(rumus, {"a": "A_1 %"}) and render_html(rumus, {"b": "<B>"})


nilai_sel = st.one_of(
    st.none(),
    st.just(0),
    st.integers(-5, 5),
    st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["2", " 0.5 ", "-3", "", "x", "0"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pohon(nama=["a", "b", "c"]).map(Rumus), st.integers(0, 8), st.data())
def test_evaluate_many_equals_evaluate_row_by_row(rumus: Rumus, baris: int, data) -> None:
    kolom = {nama: data.draw(st.lists(nilai_sel, min_size=baris, max_size=baris)) for nama in "abc"}
    rows = [{nama: kolom[nama][i] for nama in kolom} for i in range(baris)]
    assert evaluate_many(rumus, kolom) == [evaluate(rumus, row).nilai for row in rows]
    assert evaluate_many_hasil(rumus, kolom) == [evaluate(rumus, row) for row in rows]


def nilai_bulat(simpul: Simpul, nilai: dict[str, int]) -> int:
    """Integer oracle for formulas without division."""
    if isinstance(simpul, Operasi):
        kiri, kanan = nilai_bulat(simpul.kiri, nilai), nilai_bulat(simpul.kanan, nilai)
        return {"+": kiri + kanan, "-": kiri - kanan, "*": kiri * kanan}[simpul.operator]
    if isinstance(simpul, Negasi):
        return -nilai_bulat(simpul.isi, nilai)
    if isinstance(simpul, Variabel):
        return nilai[simpul.nama]
    return int(simpul.nilai)


@settings(max_examples=200, deadline=None)
@given(
    pohon("+-*", ["a", "b"], st.integers(0, 1000).map(lambda i: Angka(Decimal(i)))).map(Rumus),
    st.integers(-1000, 1000),
    st.integers(-1000, 1000),
)
def test_arithmetic_without_division_is_exact(rumus: Rumus, a: int, b: int) -> None:
    assert evaluate(rumus, {"a": a, "b": str(b)}).nilai == nilai_bulat(rumus.akar, {"a": a, "b": b})


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="ab_A19.0 ()+-*/%×÷−\n\x00e")))
def test_any_text_parses_or_raises_rumus_error(teks: str) -> None:
    try:
        rumus = parse(teks)
    except RumusError as error:
        assert isinstance(error.posisi, int) and 0 <= error.posisi <= len(teks)
        assert str(error)
    else:
        assert parse(str(rumus)) == rumus
