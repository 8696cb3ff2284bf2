"""capaian(): positif, negatif, range targets, missing values (DESIGN.md §5)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.pengukuran import POLARITAS, Hasil, capaian

D = Decimal


@pytest.mark.parametrize(
    ("realisasi", "target", "polaritas", "expected"),
    [
        # positif: realisasi / target × 100
        (D(85), D(100), "positif", D(85)),
        (D(100), D(100), "positif", D(100)),
        (D(150), D(100), "positif", D(150)),  # not capped
        (D(0), D(100), "positif", D(0)),
        (D(1), D(8), "positif", D("12.5")),
        (D(20), D(7), "positif", D(2000) / D(7)),
        (D("0.5"), D("0.25"), "positif", D(200)),
        (D(-5), D(10), "positif", D(-50)),
        # negatif: (2 − realisasi / target) × 100
        (D(8), D(10), "negatif", D(120)),
        (D(10), D(10), "negatif", D(100)),
        (D(12), D(10), "negatif", D(80)),
        (D(0), D(10), "negatif", D(200)),
        (D(25), D(10), "negatif", D(-50)),  # far worse than target: below zero, not capped
        (D(3), D(4), "negatif", D(125)),
    ],
)
def test_worked_cases(realisasi, target, polaritas, expected):
    assert capaian(realisasi, target, polaritas) == Hasil(expected)


def test_default_polarity_is_positif():
    assert capaian(80, 100).nilai == 80


def test_negatif_matches_design_alternative_formula():
    # DESIGN.md: (target − (realisasi − target)) / target × 100 is the same number as
    # (2 − realisasi / target) × 100; computed in another order it differs only in the 28th digit.
    r, t = D(13), D(11)
    assert capaian(r, t, "negatif").nilai == (2 - r / t) * 100
    assert abs(capaian(r, t, "negatif").nilai - (t - (r - t)) * 100 / t) < D("1e-24")


def test_exactness_six_sevenths():
    hasil = capaian(6, 7)
    assert hasil.nilai == D(6) / D(7) * 100
    assert str(hasil.nilai) == "85.71428571428571428571428571"
    assert hasil.alasan is None


def test_single_division_keeps_results_exact_or_rounds_once():
    assert capaian(D("0.1"), D("0.3")).nilai == D(100) / D(3)
    assert capaian(1, 3).nilai * 3 == D("99.99999999999999999999999999")
    assert capaian(D("33.3"), 111).nilai == D(30)
    assert capaian(7, 7, "negatif").nilai == 100


@pytest.mark.parametrize(
    ("realisasi", "target"),
    [("85", "100"), (85, 100), (85.0, 100.0), (D("85"), "100"), (" 85 ", 100), ("8.5E1", "1E2")],
)
def test_accepts_str_int_float(realisasi, target):
    assert capaian(realisasi, target).nilai == 85


def test_float_goes_through_str():
    # Decimal(0.1) would be 0.1000000000000000055511151231257827…
    assert capaian(0.1, 0.4).nilai == D(25)


@pytest.mark.parametrize(
    ("realisasi", "target", "alasan"),
    [
        (5, 0, "tidak dapat dihitung: target nol"),
        (0, 0, "tidak dapat dihitung: target nol"),
        (5, "0.00", "tidak dapat dihitung: target nol"),
        (None, 10, "tidak dapat dihitung: realisasi belum ada"),
        (5, None, "tidak dapat dihitung: target belum ditetapkan"),
        (None, None, "tidak dapat dihitung: target belum ditetapkan"),
        (None, 0, "tidak dapat dihitung: realisasi belum ada"),
    ],
)
@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
def test_no_value_with_reason(realisasi, target, alasan, polaritas):
    assert capaian(realisasi, target, polaritas) == Hasil(None, alasan)


# --------------------------------------------------------------------------------------------
# Range targets [target, target_hi] (PermenPAN-RB 8/2021)


@pytest.mark.parametrize(
    ("realisasi", "polaritas", "expected"),
    [
        # range [80, 90]
        (80, "positif", 100),
        (85, "positif", 100),
        (90, "positif", 100),
        (60, "positif", 75),  # below: 60 / 80
        (99, "positif", 110),  # above: 99 / 90
        (80, "negatif", 100),
        (90, "negatif", 100),
        (60, "negatif", 125),  # below is better: 2 − 60/80
        (99, "negatif", 90),  # above is worse: 2 − 99/90
        (0, "positif", 0),
        (0, "negatif", 200),
    ],
)
def test_range_target(realisasi, polaritas, expected):
    assert capaian(realisasi, 80, polaritas, target_hi=90) == Hasil(D(expected))


def test_degenerate_range_equals_single_target():
    for r in (D(5), D(10), D(15)):
        for polaritas in POLARITAS:
            assert capaian(r, 10, polaritas, target_hi=10) == capaian(r, 10, polaritas)


def test_range_with_zero_lower_bound():
    # Inside [0, 5] is fine; below 0 would divide by the zero bound.
    assert capaian(0, 0, target_hi=5).nilai == 100
    assert capaian(3, 0, target_hi=5).nilai == 100
    assert capaian(10, 0, target_hi=5).nilai == 200
    assert capaian(-1, 0, target_hi=5) == Hasil(None, "tidak dapat dihitung: target nol")
    assert capaian(1, 0, target_hi=0) == Hasil(None, "tidak dapat dihitung: target nol")


def test_range_missing_values():
    assert capaian(None, 80, target_hi=90).alasan == "tidak dapat dihitung: realisasi belum ada"
    assert capaian(85, None, target_hi=90).alasan == "tidak dapat dihitung: target belum ditetapkan"


def test_range_upper_below_lower_is_an_error():
    with pytest.raises(ValueError, match=r"Batas atas target \(70\) lebih kecil dari batas bawahnya \(80\)"):
        capaian(75, 80, target_hi=70)


# --------------------------------------------------------------------------------------------
# Bad arguments


@pytest.mark.parametrize("polaritas", ["Positif", "naik", "", "netral"])
def test_unknown_polarity(polaritas):
    with pytest.raises(ValueError, match="Polaritas .* tidak dikenal; pilih “positif” atau “negatif”"):
        capaian(1, 1, polaritas)


@pytest.mark.parametrize("bad", ["delapan", "85,5", "NaN", "Infinity"])
def test_non_numeric_strings(bad):
    with pytest.raises(ValueError):
        capaian(bad, 100)


@pytest.mark.parametrize("bad", [True, [1], object()])
def test_non_numbers(bad):
    with pytest.raises(TypeError):
        capaian(bad, 100)


def test_hasil_holds_exactly_one_of_value_or_reason():
    with pytest.raises(ValueError):
        Hasil(None, None)
    with pytest.raises(ValueError):
        Hasil(D(1), "x")
    assert Hasil.tidak_dapat_dihitung("penyebut nol").alasan == "tidak dapat dihitung: penyebut nol"
    assert Hasil(D(0)).ada and not Hasil.tidak_dapat_dihitung("target nol").ada


# --------------------------------------------------------------------------------------------
# Properties

angka = st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False, allow_infinity=False)
target_positif = st.decimals(min_value=D("0.0001"), max_value=10**6, places=4)


@given(angka, angka, target_positif)
def test_positif_is_increasing_in_realisasi(r1, r2, target):
    lo, hi = sorted((r1, r2))
    assert capaian(lo, target).nilai <= capaian(hi, target).nilai


@given(angka, angka, target_positif)
def test_negatif_is_decreasing_in_realisasi(r1, r2, target):
    lo, hi = sorted((r1, r2))
    assert capaian(lo, target, "negatif").nilai >= capaian(hi, target, "negatif").nilai


@given(angka, target_positif, target_positif, st.sampled_from(sorted(POLARITAS)))
def test_range_monotonic(r, a, b, polaritas):
    lo, hi = sorted((a, b))
    nilai = capaian(r, lo, polaritas, target_hi=hi).nilai
    if lo <= r <= hi:
        assert nilai == 100
    elif (r > hi) == (polaritas == "positif"):
        assert nilai > 100
    else:
        assert nilai < 100


@given(angka.filter(lambda t: t != 0), st.sampled_from(sorted(POLARITAS)))
def test_meeting_the_target_is_100(target, polaritas):
    assert capaian(target, target, polaritas).nilai == 100


@given(angka, target_positif)
def test_positif_and_negatif_mirror_around_100(r, target):
    positif = capaian(r, target).nilai
    negatif = capaian(r, target, "negatif").nilai
    assert abs(positif + negatif - 200) <= D("1E-20") * max(1, abs(positif))


@given(angka, target_positif, target_positif, st.sampled_from(sorted(POLARITAS)))
def test_range_inside_is_100(r, a, b, polaritas):
    lo, hi = sorted((a, b))
    inside = min(max(r, lo), hi)
    assert capaian(inside, lo, polaritas, target_hi=hi) == Hasil(D(100))
