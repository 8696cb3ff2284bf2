"""agregasi() and agregasi_variabel(): combining quarterly values (DESIGN.md §4)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.pengukuran import AGREGASI, Periode, agregasi, agregasi_variabel, capaian, sampai

D = Decimal


def test_agregasi_choices():
    assert AGREGASI == {
        "jumlah": "Jumlah",
        "terakhir": "Nilai terakhir",
        "rata_rata": "Rata-rata",
        "maks": "Maksimum",
        "min": "Minimum",
    }


@pytest.mark.parametrize(
    ("values", "cara", "expected"),
    [
        ([1, 2, 3, 4], "jumlah", D(10)),
        ([1, None, 3, None], "jumlah", D(4)),
        ([D("0.1"), D("0.2")], "jumlah", D("0.3")),
        ([0.1, 0.2], "jumlah", D("0.3")),  # floats go through str: exact 0.3
        (["1.5", "2"], "jumlah", D("3.5")),
        ([5, 7, 6, 9], "terakhir", D(9)),
        ([5, 7, None, None], "terakhir", D(7)),
        ([None, None, 4, None], "terakhir", D(4)),
        ([5, 0, None, None], "terakhir", D(0)),  # 0 is a value, None is not
        ([1, 2, 3, 4], "rata_rata", D("2.5")),
        ([1, None, 2, None], "rata_rata", D("1.5")),  # mean of filled values only
        ([1, 1, 2], "rata_rata", D(4) / D(3)),
        ([3, 9, None, 1], "maks", D(9)),
        ([3, 9, None, 1], "min", D(1)),
        ([-3, -9], "maks", D(-3)),
        ([7], "rata_rata", D(7)),
    ],
)
def test_worked_cases(values, cara, expected):
    assert agregasi(values, cara) == expected


@pytest.mark.parametrize("cara", list(AGREGASI))
@pytest.mark.parametrize("values", [[], [None], [None, None, None, None]])
def test_nothing_filled_is_none(values, cara):
    assert agregasi(values, cara) is None


def test_accepts_any_iterable():
    assert agregasi((v for v in [1, 2]), "jumlah") == 3


def test_unknown_cara():
    with pytest.raises(ValueError, match="Cara agregasi “total” tidak dikenal; pilih salah satu: jumlah, terakhir"):
        agregasi([1], "total")


def test_sum_is_exact_beyond_28_digits():
    big, small = D(10) ** 30, D("0.001")
    assert agregasi([big, small], "jumlah") == D("1000000000000000000000000000000.001")


# --------------------------------------------------------------------------------------------
# agregasi_variabel: the year's ratio is Σnum / Σden, not the mean of quarterly ratios

SERIES = {
    # KTP/KK/Akta processed on time (count: jumlah) and requests (count: jumlah)
    "tepat_waktu": [45, 50, 0, 95],
    "usulan": [50, 100, 10, 100],
    # staff on the payroll: a stock, take the last filled value
    "jumlah_pegawai": [20, 21, 21, None],
}
CARA = {"tepat_waktu": "jumlah", "usulan": "jumlah", "jumlah_pegawai": "terakhir"}


def test_year_ratio_is_ratio_of_sums():
    tahun = agregasi_variabel(SERIES, CARA, Periode.parse("TAHUN").triwulan_dalam())
    assert tahun == {"tepat_waktu": D(190), "usulan": D(260), "jumlah_pegawai": D(21)}
    realisasi = tahun["tepat_waktu"] / tahun["usulan"] * 100  # what the formula engine computes
    assert round(realisasi, 2) == D("73.08")
    quarterly = [D(n) / D(d) * 100 for n, d in zip(SERIES["tepat_waktu"], SERIES["usulan"])]
    mean_of_ratios = sum(quarterly) / 4
    assert mean_of_ratios == D("58.75")  # the wrong answer, far from 73.08
    assert capaian(realisasi, 80).nilai.quantize(D("0.01")) == D("91.35")


def test_semester_and_year_to_date():
    assert agregasi_variabel(SERIES, CARA, Periode.parse("S1").triwulan_dalam()) == {
        "tepat_waktu": D(95),
        "usulan": D(150),
        "jumlah_pegawai": D(21),
    }
    sampai_tw3 = [t for p in sampai("TW3") for t in p.triwulan_dalam()]
    assert sampai_tw3 == [1, 2, 3]
    assert agregasi_variabel(SERIES, CARA, sampai_tw3)["usulan"] == D(160)
    assert agregasi_variabel(SERIES, CARA, [4]) == {"tepat_waktu": D(95), "usulan": D(100), "jumlah_pegawai": None}


def test_short_series_and_missing_variables():
    result = agregasi_variabel({"a": [1, 2]}, {"a": "jumlah", "b": "jumlah"}, [1, 2, 3, 4])
    assert result == {"a": D(3), "b": None}
    assert agregasi_variabel({"a": [1, 2]}, {"a": "jumlah"}, [3, 4]) == {"a": None}


def test_quarter_order_and_duplicates_do_not_matter():
    assert agregasi_variabel({"a": [1, 2, 3]}, {"a": "terakhir"}, [3, 1, 3]) == {"a": D(3)}


@pytest.mark.parametrize("triwulan", [[], [0], [5], [1, 5]])
def test_bad_quarters(triwulan):
    with pytest.raises(ValueError, match="Triwulan harus di antara 1 dan 4"):
        agregasi_variabel({"a": [1]}, {"a": "jumlah"}, triwulan)


def test_variable_without_cara():
    with pytest.raises(ValueError, match="Cara agregasi belum ditetapkan untuk variabel: a, c"):
        agregasi_variabel({"a": [1], "b": [1], "c": [1]}, {"b": "jumlah"}, [1])


def test_too_many_values():
    with pytest.raises(ValueError, match="Variabel a memiliki 5 nilai, lebih dari 4 triwulan"):
        agregasi_variabel({"a": [1, 2, 3, 4, 5]}, {"a": "jumlah"}, [1])


def test_bad_cara_for_a_variable():
    with pytest.raises(ValueError, match="Cara agregasi “sum” tidak dikenal"):
        agregasi_variabel({"a": [1]}, {"a": "sum"}, [1])


# --------------------------------------------------------------------------------------------
# Laws

nilai = st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False)
seri = st.lists(st.none() | nilai, max_size=12)


@given(seri, seri)
def test_jumlah_of_concatenation_is_sum_of_jumlahs(a, b):
    parts = [x for x in (agregasi(a, "jumlah"), agregasi(b, "jumlah")) if x is not None]
    expected = sum(parts, D(0)) if parts else None
    assert agregasi(a + b, "jumlah") == expected


@given(seri, st.integers(0, 5))
def test_terakhir_ignores_trailing_none(values, trailing):
    assert agregasi(values + [None] * trailing, "terakhir") == agregasi(values, "terakhir")


@given(seri)
def test_none_entries_are_ignored_by_every_cara(values):
    filled = [v for v in values if v is not None]
    for cara in AGREGASI:
        assert agregasi(values, cara) == agregasi(filled, cara)


@given(st.lists(nilai, min_size=1, max_size=12))
def test_min_le_rata_rata_le_maks(values):
    assert agregasi(values, "min") <= agregasi(values, "rata_rata") <= agregasi(values, "maks")
    assert agregasi(values, "min") == min(values) and agregasi(values, "maks") == max(values)


@given(st.lists(nilai, min_size=1, max_size=12))
def test_rata_rata_times_count_is_jumlah_when_it_terminates(values):
    rata = agregasi(values, "rata_rata")
    jumlah = agregasi(values, "jumlah")
    assert abs(rata * len(values) - jumlah) <= D("1E-12") * max(D(1), abs(jumlah))
