"""Periode: quarters, semesters, the year and months."""

import pytest

from kinerja.pengukuran import PERIODE, Periode, sampai


def test_all_periods_in_form_order():
    assert [p.kode for p in PERIODE] == [
        "TW1",
        "TW2",
        "TW3",
        "TW4",
        "S1",
        "S2",
        "TAHUN",
        "B01",
        "B02",
        "B03",
        "B04",
        "B05",
        "B06",
        "B07",
        "B08",
        "B09",
        "B10",
        "B11",
        "B12",
    ]


@pytest.mark.parametrize(
    ("kode", "label", "bulan", "triwulan"),
    [
        ("TW1", "Triwulan I", (1, 2, 3), (1,)),
        ("TW2", "Triwulan II", (4, 5, 6), (2,)),
        ("TW3", "Triwulan III", (7, 8, 9), (3,)),
        ("TW4", "Triwulan IV", (10, 11, 12), (4,)),
        ("S1", "Semester I", (1, 2, 3, 4, 5, 6), (1, 2)),
        ("S2", "Semester II", (7, 8, 9, 10, 11, 12), (3, 4)),
        ("TAHUN", "Tahunan", tuple(range(1, 13)), (1, 2, 3, 4)),
        ("B01", "Januari", (1,), ()),
        ("B05", "Mei", (5,), ()),
        ("B12", "Desember", (12,), ()),
    ],
)
def test_period_facts(kode, label, bulan, triwulan):
    periode = Periode(kode)
    assert periode.label == label
    assert periode.bulan == bulan
    assert periode.triwulan_dalam() == triwulan
    assert str(periode) == kode


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("TW2", "TW2"),
        ("tw2", "TW2"),
        ("TW 2", "TW2"),
        ("TW-II", "TW2"),
        ("Triwulan II", "TW2"),
        ("triwulan 4", "TW4"),
        ("S1", "S1"),
        ("Semester I", "S1"),
        ("semester 2", "S2"),
        ("TAHUN", "TAHUN"),
        ("Tahunan", "TAHUN"),
        ("tahun", "TAHUN"),
        ("B05", "B05"),
        ("B5", "B05"),
        ("b12", "B12"),
        ("Mei", "B05"),
        ("  januari ", "B01"),
    ],
)
def test_parse(text, kode):
    assert Periode.parse(text) == Periode(kode)


@pytest.mark.parametrize("text", ["TW5", "TW0", "S3", "B13", "B00", "", "Triwulan V", "Q1"])
def test_parse_rejects(text):
    with pytest.raises(ValueError, match="tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN, atau B01–B12"):
        Periode.parse(text)


def test_constructor_rejects_non_canonical_codes():
    with pytest.raises(ValueError, match="Periode “tw2” tidak dikenal"):
        Periode("tw2")


def test_every_period_parses_from_its_kode_and_label():
    for periode in PERIODE:
        assert Periode.parse(periode.kode) == periode
        assert Periode.parse(periode.label) == periode


@pytest.mark.parametrize(
    ("periode", "expected"),
    [
        ("TW1", ["TW1"]),
        ("TW2", ["TW1", "TW2"]),
        ("TW3", ["TW1", "TW2", "TW3"]),
        ("TW4", ["TW1", "TW2", "TW3", "TW4"]),
        ("S1", ["TW1", "TW2"]),
        ("S2", ["TW1", "TW2", "TW3", "TW4"]),
        ("TAHUN", ["TW1", "TW2", "TW3", "TW4"]),
        ("B01", ["B01"]),
        ("B05", ["B01", "B02", "B03", "B04", "B05"]),
    ],
)
def test_sampai(periode, expected):
    assert [p.kode for p in sampai(periode)] == expected
    assert sampai(Periode.parse(periode)) == sampai(periode)


def test_sampai_covers_the_months_from_january():
    for periode in PERIODE:
        months = [b for p in sampai(periode) for b in p.bulan]
        assert months == list(range(1, periode.bulan[-1] + 1))


def test_quarters_partition_the_year():
    months = [b for t in range(1, 5) for b in Periode(f"TW{t}").bulan]
    assert months == list(range(1, 13))
