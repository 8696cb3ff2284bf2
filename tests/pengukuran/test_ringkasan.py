"""Group means, completeness and rankings (kinerja.pengukuran.ringkasan)."""

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.pengukuran import Hasil, Ringkasan, peringkat


@dataclass
class _Hasil:
    capaian: Hasil
    realisasi: Hasil
    kategori: str
    lengkap: bool


def _ringkasan(isi: list[tuple[Decimal | None, bool]]) -> Ringkasan:
    r = Ringkasan("permendagri_86_2017")
    for capaian, lengkap in isi:
        ada = Hasil(capaian) if capaian is not None else Hasil(None, "tidak dapat dihitung: target belum ditetapkan")
        r.tambah(_Hasil(ada, Hasil(Decimal(1)), "x", lengkap))
    return r


def test_mean_and_completeness():
    r = _ringkasan([(Decimal(100), True), (Decimal(50), False), (None, True)])
    assert r.rata_rata == 75
    assert r.kelengkapan == Decimal(200) / 3
    assert (r.jumlah, r.dinilai, r.lengkap) == (3, 2, 2)


_kelompok = st.lists(
    st.tuples(st.one_of(st.none(), st.decimals(0, 200, places=2)), st.booleans()), min_size=0, max_size=6
)


@given(st.lists(_kelompok, max_size=8), st.integers(0, 100))
def test_a_ranking_lists_every_group_once_ranks_only_complete_ones_and_ties_share_a_rank(kelompok, ambang):
    daftar = [(f"K{i:02d}", _ringkasan(isi)) for i, isi in enumerate(kelompok)]
    hasil = peringkat(daftar, lambda x: x[1], lambda x: x[0], ambang)
    semua = [x for _, x in hasil.berperingkat] + [x for x, _ in hasil.tanpa_peringkat]
    assert sorted(n for n, _ in semua) == sorted(n for n, _ in daftar)
    for _, (_, r) in hasil.berperingkat:
        assert r.rata_rata is not None and r.kelengkapan >= ambang
    for (_, r), alasan in hasil.tanpa_peringkat:
        assert r.rata_rata is None or r.kelengkapan < ambang
        assert alasan
    for (n1, (_, r1)), (n2, (_, r2)) in zip(hasil.berperingkat, hasil.berperingkat[1:]):
        assert r1.rata_rata >= r2.rata_rata
        assert (n1 == n2) == (r1.rata_rata == r2.rata_rata)
    if hasil.berperingkat:
        assert hasil.berperingkat[0][0] == 1


def test_the_reason_names_the_completeness_and_the_threshold():
    kurang = ("Kec. A", _ringkasan([(Decimal(90), True), (Decimal(90), False)]))
    hasil = peringkat([kurang], lambda x: x[1], lambda x: x[0])
    assert hasil.tanpa_peringkat == [(kurang, "kelengkapan data 50,00% di bawah ambang 80,00%")]
