"""hitung_ikm and friends: worked cases computed by hand, edge cases and properties."""

import random
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.ikm import (
    SEMUA,
    UNSUR_2004,
    UNSUR_2017,
    IKMError,
    hitung_ikm,
    hitung_ikm_per_layanan,
    sampel_minimum,
    tentukan_mutu,
)

KODE_2017 = [u.kode for u in UNSUR_2017]
KODE_2004 = [u.kode for u in UNSUR_2004]


def _responden(kode: list[str], *skor: int | None) -> dict[str, int | None]:
    return dict(zip(kode, skor, strict=True))


# Ten respondents, 2017; U4 skipped by respondent 5, U8 by respondents 3 and 7.
#            U1 U2 U3 U4    U5 U6 U7 U8    U9
SURVEI_2017 = [
    _responden(KODE_2017, 4, 3, 3, 4, 3, 3, 4, 3, 3),
    _responden(KODE_2017, 3, 3, 2, 4, 3, 4, 4, 3, 3),
    _responden(KODE_2017, 4, 4, 3, 4, 4, 3, 4, None, 3),
    _responden(KODE_2017, 3, 2, 3, 4, 3, 3, 3, 2, 3),
    _responden(KODE_2017, 4, 3, 3, None, 3, 4, 4, 3, 4),
    _responden(KODE_2017, 3, 3, 2, 4, 3, 3, 4, 3, 2),
    _responden(KODE_2017, 4, 4, 4, 4, 4, 4, 4, None, 4),
    _responden(KODE_2017, 3, 3, 3, 4, 3, 3, 3, 3, 3),
    _responden(KODE_2017, 2, 3, 3, 4, 3, 3, 4, 2, 3),
    _responden(KODE_2017, 4, 3, 3, 4, 4, 4, 4, 3, 3),
]
# Column sums / answered:  U1 34/10 = 3.4   U2 31/10 = 3.1   U3 29/10 = 2.9
#                          U4 36/9  = 4     U5 33/10 = 3.3   U6 34/10 = 3.4
#                          U7 38/10 = 3.8   U8 22/8  = 2.75  U9 31/10 = 3.1
# Σ NRR = 29.75
NRR_2017 = {
    "U1": Decimal("3.4"),
    "U2": Decimal("3.1"),
    "U3": Decimal("2.9"),
    "U4": Decimal("4"),
    "U5": Decimal("3.3"),
    "U6": Decimal("3.4"),
    "U7": Decimal("3.8"),
    "U8": Decimal("2.75"),
    "U9": Decimal("3.1"),
}


def test_semua_empat_memberi_100_dan_mutu_a():
    hasil = hitung_ikm([dict.fromkeys(KODE_2017, 4)] * 3)
    assert hasil.nilai == 100
    assert hasil.nilai_1_4 == 4
    assert (hasil.mutu, hasil.kinerja) == ("A", "Sangat Baik")
    assert hasil.peringatan == []


def test_semua_satu_memberi_25_dan_mutu_d():
    hasil = hitung_ikm([dict.fromkeys(KODE_2017, 1)])
    assert hasil.nilai == 25
    assert (hasil.mutu, hasil.kinerja) == ("D", "Tidak Baik")


def test_contoh_2017_dengan_jawaban_terlewati_bobot_tepat():
    hasil = hitung_ikm(SURVEI_2017)
    assert hasil.nrr == NRR_2017
    assert hasil.responden_per_unsur == dict.fromkeys(KODE_2017, 10) | {"U4": 9, "U8": 8}
    assert hasil.jumlah_responden == 10
    # IKM 1–4 = 29.75 / 9 = 119/36;  IKM unit = 29.75 × 25 / 9 = 2975/36 = 82.6388…
    assert hasil.nilai_1_4 == Decimal(119) / Decimal(36)
    assert hasil.nilai == Decimal(2975) / Decimal(36)
    assert hasil.nilai_dibulatkan == Decimal("82.64")
    assert (hasil.mutu, hasil.kinerja) == ("B", "Baik")  # 76.61 ≤ 82.64 < 88.31
    assert hasil.nrr_tertimbang["U8"] == Decimal("2.75") / 9
    assert hasil.bobot_unsur == Decimal(1) / Decimal(9)
    assert (hasil.regulasi, hasil.bobot) == ("2017", "tepat")
    assert hasil.peringatan == []


def test_contoh_2017_dengan_bobot_lama_mereproduksi_laporan_lama():
    hasil = hitung_ikm(SURVEI_2017, bobot="lama")
    assert hasil.nrr == NRR_2017
    assert hasil.bobot_unsur == Decimal("0.111")
    # NRR tertimbang U1 = 3.4 × 0.111 = 0.3774; Σ = 29.75 × 0.111 = 3.30225; × 25 = 82.55625
    assert hasil.nrr_tertimbang["U1"] == Decimal("0.3774")
    assert hasil.nilai_1_4 == Decimal("3.30225")
    assert hasil.nilai == Decimal("82.55625")
    assert hasil.nilai != hitung_ikm(SURVEI_2017).nilai
    assert hasil.mutu == "B"


def test_bobot_lama_semua_empat_memberi_99_9_dan_99_4():
    assert hitung_ikm([dict.fromkeys(KODE_2017, 4)], bobot="lama").nilai == Decimal("99.9")  # 4 × 0.111 × 9 × 25
    assert hitung_ikm([dict.fromkeys(KODE_2004, 4)], "2004", "lama").nilai == Decimal("99.4")  # 4 × 0.071 × 14 × 25


# Four respondents, 2004 (14 unsur); respondent 4 skipped U12.
SURVEI_2004 = [
    _responden(KODE_2004, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
    _responden(KODE_2004, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
    _responden(KODE_2004, 2, 3, 3, 3, 3, 3, 2, 3, 3, 2, 3, 3, 3, 3),
    _responden(KODE_2004, 3, 3, 3, 4, 3, 3, 3, 3, 4, 3, 3, None, 3, 3),
]
# NRR: U1, U7, U10 = 12/4 = 3;  U4, U9 = 14/4 = 3.5;  U12 = 10/3;  the other eight = 13/4 = 3.25
# Σ NRR = 3·3 + 2·3.5 + 8·3.25 + 10/3 = 42 + 10/3 = 136/3


def test_contoh_2004_bobot_tepat():
    hasil = hitung_ikm(SURVEI_2004, regulasi="2004")
    assert hasil.nrr["U1"] == 3
    assert hasil.nrr["U9"] == Decimal("3.5")
    assert hasil.nrr["U12"] == Decimal(10) / Decimal(3)
    assert hasil.responden_per_unsur["U12"] == 3
    # IKM unit = 136/3 / 14 × 25 = 1700/21 = 80.952…: below 81.26, so B under 2004
    assert hasil.nilai == Decimal(1700) / Decimal(21)
    assert hasil.nilai_dibulatkan == Decimal("80.95")
    assert (hasil.mutu, hasil.kinerja) == ("B", "Baik")
    assert hasil.regulasi == "2004"


def test_contoh_2004_bobot_lama():
    hasil = hitung_ikm(SURVEI_2004, regulasi="2004", bobot="lama")
    assert hasil.bobot_unsur == Decimal("0.071")
    # 136/3 × 0.071 × 25 = 136 × 1.775 / 3 = 241.4 / 3 = 80.4666…
    assert hasil.nilai == Decimal("241.4") / 3
    assert hasil.mutu == "B"


@pytest.mark.parametrize(
    ("nilai", "regulasi", "mutu", "kinerja"),
    [
        ("100", "2017", "A", "Sangat Baik"),
        ("88.31", "2017", "A", "Sangat Baik"),
        ("88.30", "2017", "B", "Baik"),
        ("88.309999", "2017", "B", "Baik"),
        ("76.61", "2017", "B", "Baik"),
        ("76.60", "2017", "C", "Kurang Baik"),
        ("76.605", "2017", "C", "Kurang Baik"),  # printed 76.61, but the unrounded value decides
        ("65.00", "2017", "C", "Kurang Baik"),
        ("64.99", "2017", "D", "Tidak Baik"),
        ("25", "2017", "D", "Tidak Baik"),
        ("81.26", "2004", "A", "Sangat Baik"),
        ("81.25", "2004", "B", "Baik"),
        ("62.51", "2004", "B", "Baik"),
        ("62.50", "2004", "C", "Kurang Baik"),
        ("43.76", "2004", "C", "Kurang Baik"),
        ("43.75", "2004", "D", "Tidak Baik"),
    ],
)
def test_batas_mutu(nilai, regulasi, mutu, kinerja):
    ambang = tentukan_mutu(Decimal(nilai), regulasi)
    assert (ambang.mutu, ambang.kinerja) == (mutu, kinerja)


def _survei_seragam(jumlah_empat: int, jumlah_tiga: int) -> list[dict[str, int]]:
    return [dict.fromkeys(KODE_2017, 4)] * jumlah_empat + [dict.fromkeys(KODE_2017, 3)] * jumlah_tiga


def test_batas_mutu_dari_jawaban():
    # 1331 fours and 1169 threes in every unsur: NRR = (5324 + 3507) / 2500 = 3.5324; × 25 = 88.31
    tepat_batas = hitung_ikm(_survei_seragam(1331, 1169))
    assert tepat_batas.nilai == Decimal("88.31")
    assert tepat_batas.mutu == "A"
    # one four fewer: 8830 / 2500 × 25 = 88.30
    di_bawah = hitung_ikm(_survei_seragam(1330, 1170))
    assert di_bawah.nilai == Decimal("88.30")
    assert di_bawah.mutu == "B"


def test_mutu_diputuskan_pada_nilai_yang_tidak_dibulatkan():
    # 2661 fours, 2339 threes: NRR = 17661 / 5000 = 3.5322; × 25 = 88.305, printed as 88.31
    hasil = hitung_ikm(_survei_seragam(2661, 2339))
    assert hasil.nilai == Decimal("88.305")
    assert hasil.nilai_dibulatkan == Decimal("88.31")
    assert hasil.mutu == "B"


def test_jawaban_terlewati_tidak_dihitung_untuk_unsurnya():
    hasil = hitung_ikm([{"U1": 4, "U2": 2}, {"U1": None, "U2": 4}, {"U1": "", "U2": 3}])
    assert hasil.nrr["U1"] == 4  # 4 / 1, not 4 / 3
    assert hasil.nrr["U2"] == 3  # 9 / 3
    assert hasil.responden_per_unsur["U1"] == 1
    assert hasil.jumlah_responden == 3


def test_unsur_tanpa_jawaban_dikeluarkan_dengan_peringatan():
    jawaban = [dict.fromkeys(KODE_2017, 3) | {"U4": None, "U1": 4}, dict.fromkeys(KODE_2017, 3) | {"U4": None}]
    hasil = hitung_ikm(jawaban)
    assert hasil.nrr["U4"] is None
    assert hasil.nrr_tertimbang["U4"] is None
    assert hasil.responden_per_unsur["U4"] == 0
    # 8 unsur count, weight 1/8: Σ NRR = 3.5 + 7 × 3 = 24.5; 24.5 / 8 × 25 = 76.5625
    assert hasil.bobot_unsur == Decimal("0.125")
    assert hasil.nilai == Decimal("76.5625")
    assert hasil.mutu == "C"
    assert len(hasil.peringatan) == 1
    assert "U4 Biaya/Tarif" in hasil.peringatan[0]
    # legacy weight for 8 unsur is 1/8 rounded to three decimals, i.e. 0.125 as well
    assert hitung_ikm(jawaban, bobot="lama").nilai == Decimal("76.5625")


def test_responden_tanpa_jawaban_sama_sekali_tidak_dihitung():
    hasil = hitung_ikm([dict.fromkeys(KODE_2017, 4), dict.fromkeys(KODE_2017), {"jenis_layanan": "KTP"}])
    assert hasil.jumlah_responden == 1
    assert hasil.nilai == 100
    assert hasil.peringatan == [
        "2 baris tidak menjawab satu unsur pun dan tidak dihitung sebagai responden (baris 2, 3)."
    ]


@pytest.mark.parametrize(
    "nilai",
    [4, "4", " 4 ", Decimal("4"), Decimal("4.0"), 4.0, "4,0"],
)
def test_bentuk_nilai_yang_diterima(nilai):
    assert hitung_ikm([{"U1": nilai}]).nrr["U1"] == 4


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        (5, "Baris 2, U3: nilai 5 di luar rentang 1–4"),
        (0, "Baris 2, U3: nilai 0 di luar rentang 1–4"),
        (-1, "Baris 2, U3: nilai -1 di luar rentang 1–4"),
        ("5", "Baris 2, U3: nilai '5' di luar rentang 1–4"),
        (2.5, "Baris 2, U3: nilai 2.5 bukan bilangan bulat 1–4"),
        (Decimal("2.5"), "Baris 2, U3: nilai 2.5 bukan bilangan bulat 1–4"),
        ("x", "Baris 2, U3: nilai 'x' bukan angka 1–4"),
        (True, "Baris 2, U3: nilai 'True' bukan angka 1–4"),
        (float("nan"), "Baris 2, U3: nilai nan bukan bilangan bulat 1–4"),
        ([3], "Baris 2, U3: nilai '[3]' bukan angka 1–4"),
    ],
)
def test_nilai_di_luar_1_sampai_4_ditolak_dengan_nomor_baris(nilai, pesan):
    with pytest.raises(IKMError) as info:
        hitung_ikm([dict.fromkeys(KODE_2017, 3), dict.fromkeys(KODE_2017, 3) | {"U3": nilai}])
    assert str(info.value) == pesan


def test_pesan_kesalahan_seperti_contoh_di_isu():
    jawaban = [dict.fromkeys(KODE_2017, 3)] * 11 + [dict.fromkeys(KODE_2017, 3) | {"U3": 5}]
    with pytest.raises(IKMError, match="^Baris 12, U3: nilai 5 di luar rentang 1–4$"):
        hitung_ikm(jawaban)


def test_ikm_error_adalah_value_error():
    assert issubclass(IKMError, ValueError)


@pytest.mark.parametrize("kunci", ["U10", "U0", "u1", "Persyaratan", "nama"])
def test_kunci_tak_dikenal_ditolak(kunci):
    with pytest.raises(IKMError, match=f"Baris 1: '{kunci}' bukan kode unsur regulasi 2017"):
        hitung_ikm([{"U1": 3, kunci: 3}])


def test_u10_sah_pada_2004_tetapi_tidak_pada_2017():
    assert hitung_ikm([{"U10": 2}], regulasi="2004").nrr["U10"] == 2
    with pytest.raises(IKMError):
        hitung_ikm([{"U10": 2}], regulasi="2017")


def test_kolom_profil_diabaikan_dalam_perhitungan():
    baris = {"U1": 4, "jenis_layanan": "KTP", "umur": "35", "jenis_kelamin": "P", "pendidikan": None, "pekerjaan": "x"}
    assert hitung_ikm([baris]).nilai == 100


def test_masukan_kosong_ditolak():
    with pytest.raises(IKMError, match="^Tidak ada responden$"):
        hitung_ikm([])
    with pytest.raises(IKMError, match="^Tidak ada responden yang mengisi jawaban$"):
        hitung_ikm([{"U1": None}, {}])


def test_baris_bukan_pemetaan_ditolak():
    with pytest.raises(IKMError, match="^Baris 1: "):
        hitung_ikm([[4, 4, 4]])


def test_regulasi_dan_bobot_tak_dikenal_ditolak():
    with pytest.raises(IKMError, match="Regulasi tidak dikenal"):
        hitung_ikm(SURVEI_2017, regulasi="2020")
    with pytest.raises(IKMError, match="Bobot tidak dikenal"):
        hitung_ikm(SURVEI_2017, bobot="bulat")


def test_generator_diterima():
    assert hitung_ikm(r for r in SURVEI_2017).nilai == hitung_ikm(SURVEI_2017).nilai


def test_unsur_terlemah_sebagai_prioritas_perbaikan():
    # U8 2.75 < U3 2.9 < U2 3.1 = U9 3.1 (tie broken by regulation order)
    assert hitung_ikm(SURVEI_2017).unsur_terlemah() == ["U8", "U3", "U2"]


def test_per_jenis_layanan_dan_keseluruhan():
    responden = [r | {"jenis_layanan": "KTP"} for r in SURVEI_2017[:4]]
    responden += [r | {"jenis_layanan": " kartu  keluarga "} for r in SURVEI_2017[4:7]]
    responden += [SURVEI_2017[7] | {"jenis_layanan": "Kartu Keluarga"}]
    responden += [r | {"jenis_layanan": None} for r in SURVEI_2017[8:]]
    hasil = hitung_ikm_per_layanan(responden)

    assert list(hasil) == [SEMUA, "kartu keluarga", "KTP"]
    assert hasil[SEMUA].nilai == hitung_ikm(SURVEI_2017).nilai
    assert hasil[SEMUA].peringatan == ["2 responden tanpa jenis layanan hanya dihitung pada hasil 'Semua'."]
    assert hasil["KTP"].jumlah_responden == 4
    assert hasil["KTP"].nilai == hitung_ikm(SURVEI_2017[:4]).nilai
    assert hasil["kartu keluarga"].jumlah_responden == 4
    # respondents 5–8: respondent 5 skipped U4 and 7 skipped U8
    assert hasil["kartu keluarga"].responden_per_unsur["U4"] == 3
    assert hasil["kartu keluarga"].nilai == hitung_ikm(SURVEI_2017[4:8]).nilai


def test_per_jenis_layanan_tanpa_layanan_sama_sekali():
    hasil = hitung_ikm_per_layanan(SURVEI_2017, populasi=10)
    assert list(hasil) == [SEMUA]
    assert hasil[SEMUA].peringatan == []
    assert hasil[SEMUA].sampel_minimum == 10


def test_per_jenis_layanan_nomor_baris_kesalahan_menurut_seluruh_masukan():
    responden = [{"U1": 3, "jenis_layanan": "A"}, {"U1": 3, "jenis_layanan": "B"}, {"U1": 9, "jenis_layanan": "B"}]
    with pytest.raises(IKMError, match="^Baris 3, U1: "):
        hitung_ikm_per_layanan(responden)


def test_jenis_layanan_bernama_semua_ditolak():
    with pytest.raises(IKMError, match="tidak boleh bernama 'Semua'"):
        hitung_ikm_per_layanan([{"U1": 3, "jenis_layanan": "semua"}])


@pytest.mark.parametrize(
    ("populasi", "minimum"),
    # 3.841·N·0.25 / (0.0025·(N−1) + 0.96025):
    #   N=10:    9.6025 / 0.98275   =   9.77 → 10
    #   N=50:   48.0125 / 1.08275   =  44.34 → 44
    #   N=100:  96.025  / 1.20775   =  79.51 → 80
    #   N=500: 480.125  / 2.20775   = 217.47 → 217
    #   N=1000: 960.25  / 3.45775   = 277.71 → 278
    #   N=10000: 9602.5 / 25.95775  = 369.93 → 370
    [(1, 1), (10, 10), (50, 44), (100, 80), (500, 217), (1000, 278), (10000, 370)],
)
def test_sampel_minimum_krejcie_morgan(populasi, minimum):
    assert sampel_minimum(populasi) == minimum


@given(st.integers(min_value=1, max_value=10**7))
def test_sampel_minimum_tidak_melebihi_populasi_dan_naik(populasi):
    assert 1 <= sampel_minimum(populasi) <= populasi
    assert sampel_minimum(populasi) <= sampel_minimum(populasi + 1)


@pytest.mark.parametrize("populasi", [0, -5, 2.5, True, "100"])
def test_populasi_tidak_sah_ditolak(populasi):
    with pytest.raises(IKMError, match="Populasi harus bilangan bulat positif"):
        sampel_minimum(populasi)


def test_peringatan_sampel_kurang_dari_minimum():
    hasil = hitung_ikm(SURVEI_2017, populasi=100)
    assert hasil.sampel_minimum == 80
    assert hasil.populasi == 100
    assert hasil.peringatan == [
        "Jumlah responden (10) kurang dari sampel minimum Krejcie–Morgan (80) untuk populasi 100."
    ]
    assert hitung_ikm(SURVEI_2017, populasi=10).peringatan == []
    assert hitung_ikm(SURVEI_2017, populasi=5).peringatan == ["Jumlah responden (10) melebihi populasi (5)."]


# --- properties --------------------------------------------------------------------------------

_SKOR = st.sampled_from([1, 2, 3, 4, None])


@st.composite
def survei(draw, regulasi: str = "2017"):
    kode = KODE_2017 if regulasi == "2017" else KODE_2004
    baris = draw(st.lists(st.fixed_dictionaries({k: _SKOR for k in kode}), min_size=1, max_size=30))
    if not any(v is not None for r in baris for v in r.values()):
        baris[0] = baris[0] | {kode[0]: draw(st.integers(1, 4))}
    return baris


@given(st.sampled_from(["2017", "2004"]).flatmap(lambda reg: st.tuples(st.just(reg), survei(reg))))
def test_ikm_selalu_antara_25_dan_100(kasus):
    regulasi, jawaban = kasus
    hasil = hitung_ikm(jawaban, regulasi)
    assert 25 <= hasil.nilai <= 100
    assert 1 <= hasil.nilai_1_4 <= 4
    # IKM = mean of the NRR of the unsur that were answered × 25
    nrr = [Fraction(n) for n in hasil.nrr.values() if n is not None]
    assert abs(Fraction(hasil.nilai) - sum(nrr) / len(nrr) * 25) < Fraction(1, 10**20)
    assert hasil.mutu == tentukan_mutu(hasil.nilai, regulasi).mutu


@given(survei(), st.randoms(use_true_random=False))
def test_urutan_responden_tidak_mengubah_hasil(jawaban, acak):
    teracak = list(jawaban)
    acak.shuffle(teracak)
    for bobot in ("tepat", "lama"):
        assert hitung_ikm(teracak, bobot=bobot) == hitung_ikm(jawaban, bobot=bobot)


@settings(max_examples=50)
@given(survei())
def test_bobot_lama_dekat_dengan_bobot_tepat(jawaban):
    # A weight rounded to three decimals is off by at most 0.0005, so with k unsur answered the index
    # moves by at most 4 × k × 0.0005 × 25 = 0.05·k. With all 9 answered, 0.111 < 1/9 lowers it.
    tepat = hitung_ikm(jawaban)
    lama = hitung_ikm(jawaban, bobot="lama")
    unsur_terjawab = sum(n is not None for n in tepat.nrr.values())
    assert abs(tepat.nilai - lama.nilai) <= Decimal("0.05") * unsur_terjawab
    if unsur_terjawab == 9:
        assert Decimal(0) < tepat.nilai - lama.nilai <= Decimal("0.1")


def test_urutan_kunci_dalam_baris_tidak_mengubah_hasil():
    acak = random.Random(7)
    teracak = []
    for baris in SURVEI_2017:
        kunci = list(baris)
        acak.shuffle(kunci)
        teracak.append({k: baris[k] for k in kunci})
    assert hitung_ikm(teracak) == hitung_ikm(SURVEI_2017)


def test_paket_tidak_mengimpor_django():
    kode = "import sys, kinerja.ikm; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", kode], check=False).returncode == 0
