"""The demo kabupaten: shaped like real kecamatan IKI, every formula kind, a realistic spread of values."""

from collections import Counter
from datetime import date

import pytest

from kinerja import rumus
from kinerja.akun.models import Peran
from kinerja.demo import buat_demo, katalog
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel, Target

pytestmark = pytest.mark.django_db
HARI_INI = date(2026, 11, 21)


@pytest.fixture
def demo():
    return buat_demo(3, hari_ini=HARI_INI)


def jenis_rumus(ekspresi: str) -> str:
    if "hari_kerja" in ekspresi:
        return "kehadiran"
    if ekspresi == "nilai_ikm":
        return "ikm"
    if "(" in ekspresi and "+" in ekspresi:
        return "komposit"
    if "/" in ekspresi:
        return "rasio"
    if "-" in ekspresi:
        return "selisih"
    return "jumlah"


def test_each_kecamatan_is_shaped_like_a_real_one(demo):
    assert len(demo.instansi) == 3
    for instansi in demo.instansi:
        nama = Counter(
            "Kasubag"
            if j.nama.startswith("Kepala Sub Bagian")
            else "Kasi"
            if j.nama.startswith("Kepala Seksi")
            else j.jenis
            for j in Jabatan.objects.filter(instansi=instansi)
        )
        assert nama["Kasubag"] == 2 and 4 <= nama["Kasi"] <= 5 and nama["pelaksana"] >= 3
        assert Jabatan.objects.filter(instansi=instansi, nama__startswith="Camat", atasan=None).count() == 1
        assert Jabatan.objects.filter(instansi=instansi, nama="Sekretaris Kecamatan").exists()
        for dokumen in DokumenIKI.objects.filter(instansi=instansi):
            assert dokumen.status == "ditetapkan"
            indikator = Indikator.objects.filter(sasaran__dokumen=dokumen)
            assert indikator.count() >= 40
            assert {jenis_rumus(i.ekspresi) for i in indikator} == {
                "kehadiran",
                "ikm",
                "komposit",
                "rasio",
                "selisih",
                "jumlah",
            }
            assert Target.objects.filter(indikator__sasaran__dokumen=dokumen).count() == indikator.count()
    assert Counter(d.tahun for d in DokumenIKI.objects.all()) == {2025: 3, 2026: 3}


def test_indicators_cascade_and_use_constants(demo):
    assert Indikator.induk.through.objects.count() > 50
    assert Variabel.objects.filter(konstanta__kode="jumlah_desa").exists()
    assert Variabel.objects.filter(nilai_tetap__isnull=False).exists()
    for indikator in Indikator.objects.prefetch_related("variabel", "induk"):
        assert set(rumus.parse(indikator.ekspresi).variables) <= {v.kode for v in indikator.variabel.all()}
        for induk in indikator.induk.all():  # supports a superior's indicator in the same revision
            assert induk.sasaran.dokumen_id == indikator.sasaran.dokumen_id
            assert (
                induk.sasaran.jabatan_id == indikator.sasaran.jabatan.atasan_id
                or induk.sasaran.jabatan.atasan_id is None
            )


def test_values_have_a_realistic_spread(demo):
    isian = IsianPeriode.objects.all()
    assert set(isian.filter(dokumen__tahun=2025).values_list("periode", flat=True)) == {"TW1", "TW2", "TW3", "TW4"}
    assert set(isian.filter(dokumen__tahun=2026).values_list("periode", flat=True)) == {"TW1", "TW2", "TW3"}
    assert set(isian.filter(dokumen__tahun=2025).values_list("status", flat=True)) == {"disahkan"}
    assert {"draft", "diajukan", "diverifikasi"} <= set(
        isian.filter(periode="TW3", dokumen__tahun=2026).values_list("status", flat=True)
    )
    assert any(i.terlambat for i in isian)
    assert not all(i.terlambat for i in isian)
    # Missing: a submitted-or-not report with no values at all, and single forgotten values.
    kosong = [
        i
        for i in isian
        if not NilaiVariabel.objects.filter(
            variabel__indikator__sasaran__jabatan=i.jabatan_id,
            variabel__indikator__sasaran__dokumen=i.dokumen_id,
            periode=i.periode,
        ).exists()
    ]
    assert kosong
    # Zero denominators: some ratio has a 0 in its denominator for some quarter.
    penyebut = [
        kode
        for i in Indikator.objects.all()
        if jenis_rumus(i.ekspresi) == "rasio"
        for kode in [i.ekspresi.split("/")[1].split("*")[0].strip()]
    ]
    assert NilaiVariabel.objects.filter(variabel__kode__in=penyebut, nilai=0).exists()
    # Every value a user enters is for a variable without a fixed value or constant.
    assert not NilaiVariabel.objects.filter(variabel__konstanta__isnull=False).exists()


def test_demo_users_cover_every_role(demo):
    assert set(Peran.objects.values_list("jenis", flat=True)) == {
        "admin_pemda",
        "admin_instansi",
        "pejabat",
        "camat",
        "pemeriksa",
    }
    from kinerja.demo import daftar_login

    login = {u: peran for u, peran, _ in daftar_login()}
    assert set(login) == {
        "admin",
        "admin.pemda",
        "pemeriksa",
        "admin.banyuates",
        "camat.banyuates",
        "sekcam.banyuates",
        "kasi.pem.banyuates",
        "staf.umum.banyuates",
    }
    assert login["sekcam.banyuates"] == "Pejabat: Sekretaris Kecamatan"
    for jabatan in Jabatan.objects.all():
        pemegang = jabatan.pemegang(HARI_INI)
        assert pemegang is not None and pemegang.pengguna is not None and len(pemegang.nip) == 18


def test_demo_refuses_to_load_twice(demo):
    with pytest.raises(ValueError, match="sudah ada"):
        buat_demo(1, hari_ini=HARI_INI)


def test_catalogue_names_are_unique():
    assert len({i.nama for i in katalog.INDIKATOR}) == len(katalog.INDIKATOR)
    assert len({i.kunci for i in katalog.INDIKATOR}) == len(katalog.INDIKATOR)


def test_more_kecamatan_scale_up():
    ringkasan = buat_demo(5, hari_ini=HARI_INI)
    assert len(ringkasan.instansi) == 5
    assert len({i.nama for i in ringkasan.instansi}) == 5


def test_ikm_indicator_reports_the_finalised_surveys(demo):
    from kinerja.ikm import hitung_ikm
    from kinerja.survei.models import SumberIKM, Survei

    assert SumberIKM.objects.filter(indikator__ekspresi="nilai_ikm").count() == 6  # 3 kecamatan × 2 years
    surveys = Survei.objects.filter(status="final")
    assert {(s.tahun, s.periode) for s in surveys} == {(2025, "S1"), (2025, "S2"), (2026, "S1")}
    for survei in surveys:
        ikm = hitung_ikm(r.jawaban for r in survei.responden.all()).nilai_dibulatkan
        assert 25 <= ikm <= 100
        nilai = NilaiVariabel.objects.filter(
            variabel__kode="nilai_ikm",
            periode="TW2" if survei.periode == "S1" else "TW4",
            variabel__indikator__sasaran__dokumen__instansi=survei.instansi,
            variabel__indikator__sasaran__dokumen__tahun=survei.tahun,
        ).values_list("nilai", flat=True)
        assert set(nilai) <= {ikm}  # present unless the whole report is still missing
