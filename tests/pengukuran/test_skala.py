"""Category scales and kategori() (Permendagri 86/2017 breakpoints)."""

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.pengukuran import (
    SKALA,
    SKALA_BAIK,
    SKALA_PERMENDAGRI_86_2017,
    TIDAK_DAPAT_DINILAI,
    Predikat,
    Skala,
    kategori,
)

D = Decimal


@pytest.mark.parametrize(
    ("nilai", "tinggi_rendah", "baik_kurang"),
    [
        (D(150), "Sangat Tinggi", "Sangat Baik"),
        (D(100), "Sangat Tinggi", "Sangat Baik"),
        (D(91), "Sangat Tinggi", "Sangat Baik"),
        (D("90.99"), "Tinggi", "Baik"),
        (D("90.5"), "Tinggi", "Baik"),  # in the regulation's gap between 90 and 91
        (D(90), "Tinggi", "Baik"),
        (D(76), "Tinggi", "Baik"),
        (D("75.5"), "Sedang", "Cukup"),
        (D(75), "Sedang", "Cukup"),
        (D(66), "Sedang", "Cukup"),
        (D("65.99"), "Rendah", "Kurang"),
        (D(51), "Rendah", "Kurang"),
        (D("50.5"), "Sangat Rendah", "Sangat Kurang"),
        (D(50), "Sangat Rendah", "Sangat Kurang"),
        (D(0), "Sangat Rendah", "Sangat Kurang"),
        (D(-20), "Sangat Rendah", "Sangat Kurang"),
    ],
)
def test_boundaries(nilai, tinggi_rendah, baik_kurang):
    assert kategori(nilai) == tinggi_rendah
    assert kategori(nilai, SKALA_PERMENDAGRI_86_2017) == tinggi_rendah
    assert kategori(nilai, "permendagri_86_2017") == tinggi_rendah
    assert kategori(nilai, SKALA_BAIK) == baik_kurang
    assert kategori(nilai, "baik") == baik_kurang


@pytest.mark.parametrize("nilai", [91, 91.0, "91", D("91.000")])
def test_accepts_numbers_of_any_kind(nilai):
    assert kategori(nilai) == "Sangat Tinggi"


def test_missing_capaian_is_not_a_category():
    assert kategori(None) == TIDAK_DAPAT_DINILAI == "Tidak dapat dinilai"
    assert kategori(None, "baik") == TIDAK_DAPAT_DINILAI


def test_unknown_scale_code():
    with pytest.raises(ValueError, match="Skala “lama” tidak dikenal; pilih salah satu: permendagri_86_2017, baik"):
        kategori(80, "lama")


def test_scale_registry():
    assert SKALA == {"permendagri_86_2017": SKALA_PERMENDAGRI_86_2017, "baik": SKALA_BAIK}
    for kode, skala in SKALA.items():
        assert skala.kode == kode
        assert skala.nama
        assert [p.batas_bawah for p in skala.predikat] == [D(91), D(76), D(66), D(51), None]
        assert all(p.warna.startswith("#") and len(p.warna) == 7 for p in skala.predikat)


def test_predikat_untuk_gives_colour():
    predikat = SKALA_PERMENDAGRI_86_2017.predikat_untuk(95)
    assert predikat == SKALA_PERMENDAGRI_86_2017.predikat[0]
    assert predikat.label == "Sangat Tinggi"


@pytest.mark.parametrize("skala", list(SKALA.values()), ids=list(SKALA))
def test_dict_round_trip_through_json(skala):
    data = json.loads(json.dumps(skala.ke_dict()))
    assert data["predikat"][0] == {
        "batas_bawah": "91",
        "label": skala.predikat[0].label,
        "warna": skala.predikat[0].warna,
    }
    assert Skala.dari_dict(data) == skala


def test_custom_scale_from_dict_with_numeric_bounds():
    skala = Skala.dari_dict(
        {
            "kode": "tiga",
            "nama": "Tiga tingkat",
            "predikat": [
                {"batas_bawah": 100, "label": "Tercapai", "warna": "#00AA00"},
                {"batas_bawah": 72.5, "label": "Hampir", "warna": "#aaaa00"},
                {"batas_bawah": None, "label": "Belum", "warna": "#aa0000"},
            ],
        }
    )
    assert skala.predikat[1].batas_bawah == D("72.5")
    assert [kategori(v, skala) for v in (120, 100, D("99.9"), D("72.5"), 72, -1)] == [
        "Tercapai",
        "Tercapai",
        "Hampir",
        "Hampir",
        "Belum",
        "Belum",
    ]


def test_single_predikat_scale():
    skala = Skala("satu", "Satu", [Predikat(None, "Semua", "#000000")])
    assert skala.predikat == (Predikat(None, "Semua", "#000000"),)
    assert kategori(-(10**9), skala) == kategori(10**9, skala) == "Semua"


def _p(batas, label, warna="#123456"):
    return Predikat(None if batas is None else D(batas), label, warna)


@pytest.mark.parametrize(
    ("predikat", "message"),
    [
        ([], "tidak memiliki predikat"),
        ([_p(50, "A"), _p(0, "B")], "hanya predikat terakhir"),
        ([_p(None, "A"), _p(None, "B")], "hanya predikat terakhir"),
        ([_p(50, "A"), _p(60, "B"), _p(None, "C")], "batas bawah harus menurun"),
        ([_p(50, "A"), _p(50, "B"), _p(None, "C")], "batas bawah harus menurun"),
        ([_p(50, "A"), _p(None, "A")], "label predikat harus terisi dan berbeda"),
        ([_p(50, " "), _p(None, "A")], "label predikat harus terisi dan berbeda"),
        ([_p(50, "A", "red"), _p(None, "B")], "warna “red” bukan kode #RRGGBB"),
    ],
)
def test_invalid_scales(predikat, message):
    with pytest.raises(ValueError, match=message):
        Skala("x", "X", predikat)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kode": "x", "nama": "X"},
        {"kode": "x", "nama": "X", "predikat": [{"label": "A", "warna": "#000000"}]},
        {"kode": "x", "nama": "X", "predikat": None},
    ],
)
def test_malformed_dict(data):
    with pytest.raises(ValueError, match="Data skala tidak lengkap atau salah bentuk"):
        Skala.dari_dict(data)


def test_dict_with_bad_bound():
    data = SKALA_BAIK.ke_dict()
    data["predikat"][0]["batas_bawah"] = "sembilan puluh"
    with pytest.raises(ValueError, match="bukan angka"):
        Skala.dari_dict(data)


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000, places=3),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000, places=3),
)
def test_higher_capaian_never_gets_a_lower_category(a, b):
    lo, hi = sorted((a, b))
    for skala in SKALA.values():
        labels = [p.label for p in skala.predikat]
        assert labels.index(kategori(hi, skala)) <= labels.index(kategori(lo, skala))
