"""Targets: additivity of formulas, which target a period is compared with, warnings, simpan_target, baselines."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from kinerja.audit.models import Jejak
from kinerja.iki.models import Indikator
from kinerja.pengukuran import TargetPeriode, target_untuk_periode
from kinerja.realisasi.layanan import TidakBerhak
from kinerja.realisasi.models import Target
from kinerja.realisasi.periode import periode_hitung
from kinerja.realisasi.target import (
    aditif,
    indikator_tanpa_rencana_aksi,
    isi_baseline,
    peringatan_target,
    simpan_target,
)

from .conftest import buat_kantor


@pytest.mark.parametrize(
    "ekspresi, cara, tetap, harapan",
    [
        ("a", {"a": "jumlah"}, set(), True),
        ("a + b - c", {"a": "jumlah", "b": "jumlah", "c": "jumlah"}, set(), True),
        ("a / desa * 100", {"a": "jumlah"}, {"desa"}, True),
        ("-a * 2", {"a": "jumlah"}, set(), True),
        ("a / b * 100", {"a": "jumlah", "b": "jumlah"}, set(), False),
        ("a", {"a": "terakhir"}, set(), False),
        ("a - target", {"a": "jumlah"}, {"target"}, False),  # a constant term does not add up
        ("a * b", {"a": "jumlah", "b": "jumlah"}, set(), False),
        ("a +", {"a": "jumlah"}, set(), False),
    ],
)
def test_aditif(ekspresi, cara, tetap, harapan):
    assert aditif(ekspresi, cara, tetap) is harapan


T = {"TAHUN": (Decimal(100), None), "TW1": (Decimal(20), None), "TW2": (Decimal(50), None), "TW3": (Decimal(75), None)}


@pytest.mark.parametrize(
    "periode, aditif_, harapan",
    [
        ("TAHUN", True, 100),
        ("SD_TW4", True, 100),
        ("SD_TW2", True, 50),
        ("S1", True, 50),
        ("TW1", True, 20),
        ("TW2", True, 30),
        ("TW4", True, 25),
        ("S2", True, 50),
        ("TW2", False, 50),
        ("TW4", False, 100),
        ("S2", False, 100),
    ],
)
def test_target_for_each_period(periode, aditif_, harapan):
    assert target_untuk_periode(T, periode_hitung(periode), aditif_) == TargetPeriode(Decimal(harapan))


def _pasangan(target: TargetPeriode) -> tuple:
    return (target.nilai, target.nilai_hi)


def test_without_quarterly_targets_levels_use_the_annual_target_and_counts_a_pro_rata_one():
    tahunan = {"TAHUN": (Decimal(95), None)}
    assert target_untuk_periode(tahunan, periode_hitung("TW2"), False) == TargetPeriode(Decimal(95))
    assert target_untuk_periode(tahunan, periode_hitung("SD_TW2"), True) == TargetPeriode(Decimal("47.5"), turunan=True)
    assert target_untuk_periode(tahunan, periode_hitung("TW1"), True) == TargetPeriode(Decimal("23.75"), turunan=True)
    assert target_untuk_periode(tahunan, periode_hitung("TW3"), True) == TargetPeriode(Decimal("23.75"), turunan=True)
    assert target_untuk_periode(tahunan, periode_hitung("S2"), True) == TargetPeriode(Decimal("47.5"), turunan=True)
    assert target_untuk_periode(tahunan, periode_hitung("TAHUN"), True) == TargetPeriode(Decimal(95))
    assert target_untuk_periode({}, periode_hitung("TAHUN"), True) == TargetPeriode()
    assert target_untuk_periode({"TW4": (Decimal(8), None)}, periode_hitung("TAHUN"), True) == TargetPeriode(Decimal(8))
    # Without an annual target there is nothing to derive from.
    assert target_untuk_periode({"TW4": (Decimal(8), None)}, periode_hitung("TW1"), True) == TargetPeriode()


@given(
    st.decimals(min_value=0, max_value=10**12, places=6, allow_nan=False, allow_infinity=False),
    st.sampled_from([None, Decimal(0), Decimal("0.5"), Decimal(7)]),
)
def test_pro_rata_targets_are_exact_quarters_of_the_annual_one(tahunan, lebar):
    hi = None if lebar is None else tahunan + lebar
    targets = {"TAHUN": (tahunan, hi)}
    for n in range(1, 4):
        kumulatif = target_untuk_periode(targets, periode_hitung(f"SD_TW{n}"), True)
        assert kumulatif.turunan
        assert kumulatif.nilai == tahunan * n / 4
        assert kumulatif.nilai * 4 == tahunan * n  # exact, no rounding
        assert kumulatif.nilai_hi == (None if hi is None else hi * n / 4)
    per_triwulan = [target_untuk_periode(targets, periode_hitung(f"TW{t}"), True).nilai for t in range(1, 5)]
    assert sum(per_triwulan) == tahunan


def test_range_targets_follow_the_same_rules():
    rentang = {
        "TW1": (Decimal(10), Decimal(20)),
        "TW2": (Decimal(25), Decimal(40)),
        "TAHUN": (Decimal(60), Decimal(80)),
    }
    assert _pasangan(target_untuk_periode(rentang, periode_hitung("SD_TW2"), True)) == (Decimal(25), Decimal(40))
    assert _pasangan(target_untuk_periode(rentang, periode_hitung("TW2"), True)) == (Decimal(15), Decimal(20))
    assert _pasangan(target_untuk_periode(rentang, periode_hitung("TW2"), False)) == (Decimal(25), Decimal(40))


@pytest.mark.parametrize(
    "teks, kode",
    [
        ("SD_TW2", "SD_TW2"),
        ("s.d. TW II", "SD_TW2"),
        ("sd-tw3", "SD_TW3"),
        ("Triwulan 1", "TW1"),
        ("semester 2", "S2"),
        ("tahunan", "TAHUN"),
    ],
)
def test_period_spellings(teks, kode):
    assert periode_hitung(teks).kode == kode


@pytest.mark.parametrize("teks", ["", "TW5", "SD_S1", "Mei", "SD_TAHUN"])
def test_bad_periods(teks):
    with pytest.raises(ValueError):
        periode_hitung(teks)


def test_warnings_where_quarterly_targets_contradict_the_annual_one():
    d = Decimal
    assert peringatan_target({"TAHUN": (d(100), None), "TW4": (d(100), None)}, True) == []
    [tw4] = peringatan_target({"TAHUN": (d(100), None), "TW4": (d(90), None)}, False)
    assert "TW4 (90,00) tidak sama dengan target tahunan (100,00)" in tw4
    turun = peringatan_target({"TW1": (d(30), None), "TW2": (d(20), None)}, True)
    assert len(turun) == 1 and "TW2 (20,00) lebih kecil dari TW1 (30,00)" in turun[0]
    assert peringatan_target({"TW1": (d(30), None), "TW2": (d(20), None)}, False) == []  # a level may go down
    per_triwulan = peringatan_target({"TAHUN": (d(100), None), **{f"TW{t}": (d(25), None) for t in range(1, 5)}}, True)
    assert any("diisi per triwulan" in p for p in per_triwulan)


@pytest.mark.django_db
class TestSimpanTarget:
    @pytest.fixture
    def kantor_draft(self, django_user_model):
        return buat_kantor(django_user_model)

    def indikator(self, kantor, nama="Persentase LPJ tepat waktu"):
        return Indikator.objects.get(sasaran__dokumen=kantor.dokumen, nama=nama)

    def test_catalogue_managers_set_targets_with_audit(self, kantor_draft):
        lpj = self.indikator(kantor_draft)
        target, peringatan = simpan_target(kantor_draft.u_admin, lpj, "TAHUN", "90", "100")
        assert (target.nilai, target.nilai_hi, peringatan) == (90, 100, [])
        target, peringatan = simpan_target(kantor_draft.u_admin, lpj, "TW4", "80")
        assert any("TW4" in p for p in peringatan)
        assert [j.aksi for j in Jejak.objects.filter(aksi__endswith="_target").order_by("id")] == [
            "tambah_target",
            "tambah_target",
        ]
        simpan_target(kantor_draft.u_admin, lpj, "TW4", "")
        assert not Target.objects.filter(periode="TW4").exists() and Jejak.objects.filter(aksi="hapus_target").exists()

    def test_the_planner_sees_indicators_without_rencana_aksi(self, kantor_draft):
        lpj = self.indikator(kantor_draft)
        desa = self.indikator(kantor_draft, "Persentase desa tertib")
        assert indikator_tanpa_rencana_aksi(kantor_draft.dokumen) == []  # no target at all: nothing to derive
        simpan_target(kantor_draft.u_admin, lpj, "TAHUN", 100)
        simpan_target(kantor_draft.u_admin, desa, "TAHUN", 100)
        assert indikator_tanpa_rencana_aksi(kantor_draft.dokumen) == [desa, lpj]  # jabatan order: Camat first
        simpan_target(kantor_draft.u_admin, lpj, "TW2", 50)
        assert indikator_tanpa_rencana_aksi(kantor_draft.dokumen) == [desa]

    def test_others_may_not(self, kantor_draft):
        for user in (kantor_draft.u_sekcam, kantor_draft.u_camat):
            with pytest.raises(TidakBerhak):
                simpan_target(user, self.indikator(kantor_draft), "TAHUN", 90)
        assert not Target.objects.exists()

    @pytest.mark.parametrize(
        "periode, nilai, hi, pesan",
        [
            ("S1", 1, None, "TAHUN atau TW1–TW4"),
            ("TAHUN", "banyak", None, "bukan angka"),
            ("TAHUN", 90, 80, "Batas atas"),
            ("TAHUN", None, 80, "batas bawah"),
        ],
    )
    def test_bad_targets(self, kantor_draft, periode, nilai, hi, pesan):
        with pytest.raises(ValidationError) as exc:
            simpan_target(kantor_draft.u_admin, self.indikator(kantor_draft), periode, nilai, hi)
        assert pesan in str(exc.value)
        assert not Target.objects.exists()

    def test_annual_target_of_a_decreed_document_changes_only_by_revision(self, kantor_draft):
        lpj = self.indikator(kantor_draft)
        simpan_target(kantor_draft.u_admin, lpj, "TAHUN", 90)
        kantor_draft.dokumen.tetapkan()
        with pytest.raises(ValidationError, match="melalui revisi"):
            simpan_target(kantor_draft.u_admin, lpj, "TAHUN", 95)
        target, _ = simpan_target(kantor_draft.u_admin, lpj, "TW2", 40)  # rencana aksi may still be planned
        assert target.nilai == 40 and Target.objects.get(periode="TAHUN").nilai == 90

    def test_baseline_is_last_years_realisasi(self, django_user_model):
        from tests.factories import katalog_kecil

        from .test_hitung import dokumen_tahun_berikut, isi_nilai, tambah_rasio

        lalu = katalog_kecil(tahun=2025)
        tambah_rasio(lalu)
        lalu = lalu.tetapkan()
        isi_nilai(lalu, "tepat", 1, 1, 1, None)
        isi_nilai(lalu, "masuk", 2, 2, 2, None)
        ini = dokumen_tahun_berikut(lalu, tetapkan=False)
        from .conftest import buat_pengguna

        admin = buat_pengguna(django_user_model, "admin", lalu.instansi, None, ("admin_instansi",))
        surat = Indikator.objects.get(sasaran__dokumen=ini)
        target, _ = simpan_target(admin, surat, "TW1", 50)
        assert target.baseline is None  # baselines belong to the annual target
        target, _ = simpan_target(admin, surat, "TAHUN", 80)
        assert target.baseline == Decimal(50)  # 3 of 6 letters on time last year
        Target.objects.filter(pk=target.pk).update(baseline=None)
        ini.tetapkan()
        assert isi_baseline(admin, ini) == 1  # a fact about last year: allowed on the decreed document
        assert Target.objects.get(indikator=surat, periode="TAHUN").baseline == Decimal(50)
        assert isi_baseline(admin, ini) == 0  # already filled
        with pytest.raises(TidakBerhak):
            isi_baseline(None, ini)
