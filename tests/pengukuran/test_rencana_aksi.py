"""Checks of the annual and cumulative quarterly targets, and how a grid cell is read (pure)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.pengukuran.rencana_aksi import baca_sel, periksa_target


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("", (None, None)),
        ("  ", (None, None)),
        ("85,5", (D("85.5"), None)),
        ("1.250", (D(1250), None)),
        ("85.5", (D("85.5"), None)),
        ("80–90", (D(80), D(90))),
        ("80 - 90", (D(80), D(90))),
        ("80-90", (D(80), D(90))),
        ("80 s.d. 90", (D(80), D(90))),
        ("-5", (D(-5), None)),
        ("95%", (D(95), None)),
    ],
)
def test_cells_are_read_the_indonesian_way(teks, hasil):
    assert baca_sel(teks) == hasil


@pytest.mark.parametrize("teks, pesan", [("sembilan", "bukan angka"), ("90–80", "batas atas lebih kecil")])
def test_bad_cells_say_why(teks, pesan):
    with pytest.raises(ValueError, match=pesan):
        baca_sel(teks)


def t(lo, hi=None):
    return (D(lo), None if hi is None else D(hi))


def test_cumulative_targets_must_not_go_down_and_end_at_the_annual_one():
    [turun] = periksa_target({"TW1": t(30), "TW2": t(20)}, True)
    assert "TW2 (20,00) lebih kecil dari TW1 (30,00)" in turun and "tidak boleh turun" in turun
    [tw4] = periksa_target({"TAHUN": t(100), "TW3": t(75), "TW4": t(90)}, True)
    assert "TW4 (90,00) tidak sama dengan target tahunan (100,00)" in tw4
    assert periksa_target({"TAHUN": t(100), "TW1": t(25), "TW2": t(50), "TW3": t(75), "TW4": t(100)}, True) == []


def test_a_level_may_go_down_but_a_ratio_is_not_split_into_parts():
    assert periksa_target({"TW1": t(30), "TW2": t(20)}, False) == []
    tw4, rasio = periksa_target({"TAHUN": t(100), "TW1": t(10), "TW2": t(20), "TW3": t(30), "TW4": t(40)}, False)
    assert "tidak sama dengan target tahunan" in tw4 and "tidak dijumlahkan antartriwulan" in rasio
    pecah = periksa_target({"TAHUN": t(90), "TW1": t(10), "TW2": t(20), "TW3": t(30), "TW4": t(30)}, False)
    assert any("rasio atau tingkat yang tidak dijumlahkan" in p for p in pecah)
    # The same level every quarter is what a ratio looks like: no warning about sums.
    assert periksa_target({"TAHUN": t(95), **{f"TW{i}": t(95) for i in range(1, 5)}}, False) == []


def test_per_quarter_numbers_typed_into_cumulative_cells():
    hasil = periksa_target({"TAHUN": t(100), **{f"TW{i}": t(25) for i in range(1, 5)}}, True)
    assert any("diisi per triwulan" in p for p in hasil)


def test_range_targets():
    [sama] = periksa_target({"TAHUN": t(80, 80)}, False)
    assert "batas bawah dan atas sama" in sama
    campur = periksa_target({"TAHUN": t(80, 90), "TW2": t(85)}, False)
    assert any("berupa rentang, sedangkan s.d. TW2 satu angka" in p for p in campur)
    assert periksa_target({"TAHUN": t(80, 90), "TW4": t(80, 90)}, False) == []


angka = st.integers(min_value=0, max_value=10_000).map(D)


@given(st.lists(angka, min_size=4, max_size=4))
def test_sorted_cumulative_targets_ending_at_the_annual_one_never_warn_about_order(nilai):
    naik = sorted(nilai)
    targets = {f"TW{i + 1}": (v, None) for i, v in enumerate(naik)} | {"TAHUN": (naik[-1], None)}
    assert not [p for p in periksa_target(targets, True) if "tidak boleh turun" in p or "TW4" in p]


@given(st.lists(angka, min_size=2, max_size=4, unique=True))
def test_any_decrease_of_a_cumulative_target_is_named(nilai):
    menurun = sorted(nilai, reverse=True)
    targets = {f"TW{i + 1}": (v, None) for i, v in enumerate(menurun)}
    assert sum("tidak boleh turun" in p for p in periksa_target(targets, True)) == len(menurun) - 1
