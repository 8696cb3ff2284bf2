"""Indonesian number and date formatting (kinerja.format)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.format import (
    KOSONG,
    NAMA_BULAN,
    format_angka,
    format_persen,
    format_tanggal,
    parse_angka,
    parse_tanggal,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "desimal", "expected"),
    [
        (D("85.71428571428571428571428571"), 2, "85,71"),
        (D("85.715"), 2, "85,72"),
        (D("85.725"), 2, "85,73"),  # half up, not banker's rounding (which gives 85,72)
        (D("85.7149999"), 2, "85,71"),
        (85.715, 2, "85,72"),
        (0.1, 2, "0,10"),
        (D("1234567.89"), 2, "1.234.567,89"),
        (D("1234567.891"), 2, "1.234.567,89"),
        (1234567, 2, "1.234.567,00"),
        (1234567, 0, "1.234.567"),
        (D("999.995"), 2, "1.000,00"),
        (D("-3.5"), 2, "-3,50"),
        (-3.5, 2, "-3,50"),
        (D("-1234.5"), 0, "-1.235"),  # half up rounds away from zero
        (D("-0.001"), 2, "0,00"),
        (D("-0"), 2, "0,00"),
        (0, 2, "0,00"),
        (100, 2, "100,00"),
        (1000, 2, "1.000,00"),
        (D("12.5"), 1, "12,5"),
        (D("0.0005"), 3, "0,001"),
        (D("1E+3"), 2, "1.000,00"),
        (D("1E+30"), 0, "1" + ".000" * 10),
        (None, 2, "–"),
    ],
)
def test_format_angka(value, desimal, expected):
    assert format_angka(value, desimal) == expected


def test_format_angka_default_two_places():
    assert format_angka(D(6) / D(7) * 100) == "85,71"
    assert KOSONG == format_angka(None) == "–"


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), float("inf"), float("nan")])
def test_format_angka_rejects_non_finite(bad):
    with pytest.raises(ValueError, match="bukan bilangan"):
        format_angka(bad)


@pytest.mark.parametrize("bad", ["85,71", True, [1]])
def test_format_angka_rejects_non_numbers(bad):
    with pytest.raises(TypeError):
        format_angka(bad)


def test_format_angka_rejects_negative_places():
    with pytest.raises(ValueError, match="desimal"):
        format_angka(1, -1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("85.71428"), "85,71%"),
        (100, "100,00%"),
        (D("123.456"), "123,46%"),
        (None, "–"),
    ],
)
def test_format_persen(value, expected):
    assert format_persen(value) == expected


def test_format_persen_places():
    assert format_persen(D("85.7"), 0) == "86%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85,71", D("85.71")),
        ("85,70", D("85.70")),
        ("1.234,5", D("1234.5")),
        ("1.234.567,89", D("1234567.89")),
        ("1.234", D("1234")),  # Indonesian convention: "." groups thousands
        ("1.234.567", D("1234567")),
        ("1234.5", D("1234.5")),  # a lone "." that cannot group thousands is a decimal point
        ("85.71", D("85.71")),
        ("0.5", D("0.5")),
        ("1,234.5", D("1234.5")),  # both present: the last one is the decimal separator
        ("1,234,567.5", D("1234567.5")),
        ("1234", D("1234")),
        ("0", D("0")),
        ("-3,50", D("-3.50")),
        ("−3,5", D("-3.5")),
        ("+7", D("7")),
        ("85,71%", D("85.71")),
        ("  85,71 % ", D("85.71")),
        ("1,234", D("1.234")),  # "," is always decimal when alone
    ],
)
def test_parse_angka(text, expected):
    result = parse_angka(text)
    assert result == expected
    assert result.as_tuple() == expected.as_tuple()  # keeps the written places: 85,70 → 85.70


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Angka kosong"),
        ("  ", "Angka kosong"),
        ("%", "Angka kosong"),
        ("abc", "“abc” bukan angka"),
        ("12a", "“12a” bukan angka"),
        ("1 234", "“1 234” bukan angka"),
        ("1.2.3", "“1.2.3” bukan angka"),
        ("1,2,3", "“1,2,3” bukan angka"),
        ("5,", "“5,” bukan angka"),
        ("5.", "“5.” bukan angka"),
        (",5", "“,5” bukan angka"),
        ("-", "“-” bukan angka"),
        ("--5", "“--5” bukan angka"),
        ("12.34,5", "“12.34,5” bukan angka: pemisah ribuan tidak tepat"),
        ("1,234,5.6", "“1,234,5.6” bukan angka: pemisah ribuan tidak tepat"),
        ("1.234,5,6", "“1.234,5,6” bukan angka: pemisah ribuan tidak tepat"),
    ],
)
def test_parse_angka_rejects_junk(text, message):
    with pytest.raises(ValueError) as excinfo:
        parse_angka(text)
    assert str(excinfo.value) == message


finite_decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=6)


@given(finite_decimals, st.integers(0, 4))
def test_parse_angka_inverts_format_angka(value, desimal):
    expected = value.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    assert parse_angka(format_angka(value, desimal)) == expected
    assert parse_angka(format_persen(value, desimal)) == expected


@given(st.integers(-(10**20), 10**20))
def test_integers_round_trip_without_places(value):
    assert parse_angka(format_angka(value, 0)) == value


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_floats_format_as_their_shortest_repr(value):
    expected = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert parse_angka(format_angka(value)) == expected


@given(st.text(max_size=20))
def test_parse_angka_never_crashes(text):
    try:
        assert parse_angka(text).is_finite()
    except ValueError:
        pass


# --------------------------------------------------------------------------------------------
# Dates


def test_nama_bulan():
    assert list(NAMA_BULAN) == list(range(1, 13))
    assert NAMA_BULAN[1] == "Januari" and NAMA_BULAN[8] == "Agustus" and NAMA_BULAN[12] == "Desember"


@pytest.mark.parametrize(
    ("tanggal", "expected"),
    [
        (date(2022, 1, 20), "20 Januari 2022"),
        (date(2020, 1, 6), "6 Januari 2020"),
        (date(2007, 5, 31), "31 Mei 2007"),
        (date(2024, 2, 29), "29 Februari 2024"),
        (date(2021, 11, 1), "1 November 2021"),
    ],
)
def test_format_tanggal(tanggal, expected):
    assert format_tanggal(tanggal) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 Januari 2022", date(2022, 1, 20)),
        ("6 Januari 2020", date(2020, 1, 6)),
        ("06 Januari 2020", date(2020, 1, 6)),
        ("2 Jan 2020", date(2020, 1, 2)),
        ("2 Jan. 2020", date(2020, 1, 2)),
        ("2 JANUARI 2020", date(2020, 1, 2)),
        ("  2   januari   2020 ", date(2020, 1, 2)),
        ("6-Jan-2020", date(2020, 1, 6)),
        ("06-01-2020", date(2020, 1, 6)),
        ("6/1/2020", date(2020, 1, 6)),
        ("06.01.2020", date(2020, 1, 6)),
        ("31/12/2020", date(2020, 12, 31)),
        ("2020-01-06", date(2020, 1, 6)),
        ("31 Mei 2007", date(2007, 5, 31)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17 Agt 1945", date(1945, 8, 17)),
        ("3 Pebruari 2019", date(2019, 2, 3)),
        ("10 Nopember 2019", date(2019, 11, 10)),
        ("1 Sept 2019", date(2019, 9, 1)),
        ("1 Okt 2019", date(2019, 10, 1)),
        ("25 Des 2019", date(2019, 12, 25)),
    ],
)
def test_parse_tanggal(text, expected):
    assert parse_tanggal(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30 Februari 2020", "Tanggal “30 Februari 2020” tidak ada"),
        ("29 Februari 2021", "Tanggal “29 Februari 2021” tidak ada"),
        ("2020-13-01", "Tanggal “2020-13-01” tidak ada"),
        ("32-01-2020", "Tanggal “32-01-2020” tidak ada"),
        ("20 Janvier 2022", "Tanggal “20 Janvier 2022” tidak dikenali; tulis misalnya 20 Januari 2022 atau 2022-01-20"),
        ("Januari 2022", "Tanggal “Januari 2022” tidak dikenali; tulis misalnya 20 Januari 2022 atau 2022-01-20"),
        ("06-01-20", "Tanggal “06-01-20” tidak dikenali; tulis misalnya 20 Januari 2022 atau 2022-01-20"),
        ("", "Tanggal “” tidak dikenali; tulis misalnya 20 Januari 2022 atau 2022-01-20"),
    ],
)
def test_parse_tanggal_errors(text, message):
    with pytest.raises(ValueError) as excinfo:
        parse_tanggal(text)
    assert str(excinfo.value) == message


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_tanggal_inverts_format_tanggal(tanggal):
    assert parse_tanggal(format_tanggal(tanggal)) == tanggal
    assert parse_tanggal(tanggal.isoformat()) == tanggal
    assert parse_tanggal(tanggal.strftime("%d-%m-%Y")) == tanggal
