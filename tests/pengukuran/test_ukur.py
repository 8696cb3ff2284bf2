"""The one measurement engine: reasons in words, pro rata targets, exactness of the column path."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja import rumus
from kinerja.pengukuran import IndikatorUkur, Periode, VariabelUkur, agregasi, capaian, ukur_banyak

SURAT = IndikatorUkur(
    "tepat / usulan * 100",
    variabel=(VariabelUkur("tepat", "Surat selesai tepat waktu"), VariabelUkur("usulan", "Surat diusulkan")),
    targets={"TAHUN": (Decimal(90), None)},
)
KEGIATAN = IndikatorUkur(
    "kegiatan", variabel=(VariabelUkur("kegiatan", "Kegiatan terlaksana"),), targets={"TAHUN": (Decimal(10), None)}
)


def test_reasons_name_variables_by_their_uraian_never_their_code():
    [u] = ukur_banyak([(SURAT, {"tepat": {1: Decimal(3)}})], "TW1", "permendagri_86_2017")
    assert u.realisasi.alasan == "tidak dapat dihitung: nilai “Surat diusulkan” belum diisi"
    [u] = ukur_banyak([(SURAT, {})], "TW1", "permendagri_86_2017")
    assert (
        u.realisasi.alasan
        == "tidak dapat dihitung: nilai “Surat selesai tepat waktu” dan “Surat diusulkan” belum diisi"
    )
    [u] = ukur_banyak([(SURAT, {"tepat": {1: Decimal(3)}, "usulan": {1: Decimal(0)}})], "TW1", "permendagri_86_2017")
    assert u.realisasi.alasan == "tidak dapat dihitung: penyebut nol"
    assert u.lengkap is not False  # both values entered


def test_a_count_with_only_an_annual_target_gets_a_pro_rata_target_a_ratio_the_annual_one():
    [kegiatan, surat] = ukur_banyak(
        [(KEGIATAN, {"kegiatan": {1: Decimal(2), 2: Decimal(3)}}), (SURAT, {"tepat": {2: 9}, "usulan": {2: 10}})],
        "SD_TW2",
        "permendagri_86_2017",
    )
    assert (kegiatan.target.nilai, kegiatan.target.turunan) == (Decimal(5), True)
    assert kegiatan.capaian.nilai == 100
    assert (surat.target.nilai, surat.target.turunan) == (Decimal(90), False)


_angka = st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False)


@given(
    st.lists(
        st.tuples(
            st.lists(st.one_of(st.none(), _angka), min_size=4, max_size=4),
            st.lists(st.one_of(st.none(), _angka), min_size=4, max_size=4),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["TW1", "TW3", "S1", "S2", "SD_TW3", "TAHUN"]),
)
def test_the_column_path_equals_one_indicator_at_a_time_exactly(baris, kode):
    periode = Periode.untuk_hitung(kode)
    masukan = [(SURAT, {"tepat": dict(enumerate(a, start=1)), "usulan": dict(enumerate(b, start=1))}) for a, b in baris]
    hasil = ukur_banyak(masukan, periode, "permendagri_86_2017")
    for (a, b), u in zip(baris, hasil):
        tepat = agregasi([a[t - 1] for t in periode.triwulan], "jumlah")
        usulan = agregasi([b[t - 1] for t in periode.triwulan], "jumlah")
        satu = rumus.evaluate("tepat / usulan * 100", {"tepat": tepat, "usulan": usulan})
        assert u.realisasi.nilai == satu.nilai
        assert u.capaian.nilai == capaian(satu.nilai, 90).nilai


def test_a_fixed_value_is_among_the_aggregates_from_values_and_from_the_database_alike():
    from kinerja.pengukuran import agregat_dari_hitungan, agregat_indikator, ukur_teragregasi

    per_pegawai = IndikatorUkur(
        "surat / pegawai",
        variabel=(VariabelUkur("surat", "Surat selesai"), VariabelUkur("pegawai", "Jumlah pegawai", tetap=Decimal(8))),
        targets={"TAHUN": (Decimal(5), None)},
    )
    tahun = Periode.untuk_hitung("TAHUN")
    dari_nilai = agregat_indikator(per_pegawai, {"surat": {t: Decimal(10) for t in (1, 2, 3, 4)}}, tahun)
    dari_basis_data = agregat_dari_hitungan(per_pegawai, tahun, {"surat": (4, Decimal(40))})
    assert dari_nilai == dari_basis_data == ({"surat": Decimal(40), "pegawai": Decimal(8)}, True)
    [u] = ukur_teragregasi([(per_pegawai, *dari_basis_data)], tahun, None)
    assert (u.realisasi.nilai, u.capaian.nilai) == (Decimal(5), Decimal(100))
