"""hitung_instansi / hitung_pemda through the database: aggregation over quarters, periods, targets,
the revision in force, last year's realisasi, and a fixed, small number of queries."""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.hitung import hitung_instansi, hitung_pemda
from kinerja.realisasi.models import NilaiVariabel, Target
from tests.factories import katalog_kecil, sk_baru

pytestmark = pytest.mark.django_db


def isi_nilai(dokumen, kode, *per_triwulan):
    variabel = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode=kode)
    NilaiVariabel.objects.bulk_create(
        NilaiVariabel(variabel=variabel, periode=f"TW{t}", nilai=Decimal(str(n)))
        for t, n in enumerate(per_triwulan, 1)
        if n is not None
    )


def tambah_rasio(dokumen):
    """Sekcam: surat tepat waktu / surat masuk × 100, both counted per quarter (jumlah)."""
    sasaran = Sasaran.objects.get(dokumen=dokumen, jabatan__nama="Sekretaris Kecamatan")
    indikator = Indikator.objects.create(
        sasaran=sasaran, nama="Persentase surat tepat waktu", ekspresi="tepat / masuk * 100", urutan=5
    )
    Variabel.objects.create(indikator=indikator, kode="tepat", uraian="Surat tepat waktu")
    Variabel.objects.create(indikator=indikator, kode="masuk", uraian="Surat masuk")
    return indikator


@pytest.fixture
def dokumen():
    dokumen = katalog_kecil(tahun=2025)
    tambah_rasio(dokumen)
    for indikator in Indikator.objects.filter(sasaran__dokumen=dokumen):
        Target.objects.create(indikator=indikator, periode="TAHUN", nilai=100)
    dokumen = dokumen.tetapkan()
    isi_nilai(dokumen, "desa_tertib", 3, 5, None, 6)  # terakhir: a stock, the last filled quarter counts
    isi_nilai(dokumen, "lpj_tepat", 1, 2, 0, 1)  # jumlah over lpj fixed at 4 per period
    isi_nilai(dokumen, "tepat", 9, 1, None, None)
    isi_nilai(dokumen, "masuk", 10, 30, None, None)
    return dokumen


def per_nama(hasil):
    return {h.nama: h for h in hasil}


@pytest.mark.parametrize(
    "periode, desa, lpj, surat",
    [
        ("TAHUN", Decimal(6) / 7 * 100, Decimal(100), Decimal(25)),
        ("SD_TW3", Decimal(5) / 7 * 100, Decimal(75), Decimal(25)),
        ("S1", Decimal(5) / 7 * 100, Decimal(75), Decimal(25)),  # Σ9+1 / Σ10+30, not the mean of 90 % and 3 %
        ("TW1", Decimal(3) / 7 * 100, Decimal(25), Decimal(90)),
        ("TW3", None, Decimal(0), None),
        ("S2", Decimal(6) / 7 * 100, Decimal(25), None),
    ],
)
def test_jumlah_and_terakhir_aggregate_over_the_quarters_of_the_period(dokumen, periode, desa, lpj, surat):
    hasil = per_nama(hitung_instansi(dokumen.instansi, 2025, periode))
    for nama, harapan in (
        ("Persentase desa tertib", desa),
        ("Persentase LPJ tepat waktu", lpj),
        ("Persentase surat tepat waktu", surat),
    ):
        nilai = hasil[nama].realisasi.nilai
        assert (nilai is None and harapan is None) or abs(nilai - harapan) < Decimal("1e-20"), (periode, nama, nilai)


def test_missing_values_are_named_never_zero(dokumen):
    hasil = per_nama(hitung_instansi(dokumen.instansi, 2025, "TW3"))
    desa = hasil["Persentase desa tertib"]
    assert desa.realisasi.alasan == "tidak dapat dihitung: nilai “Jumlah desa tertib” belum diisi"
    assert desa.capaian.alasan == "tidak dapat dihitung: realisasi belum ada"
    assert desa.kategori == "Tidak dapat dinilai" and not desa.lengkap
    assert hasil["Persentase LPJ tepat waktu"].lengkap  # a 0 is a value


def test_results_carry_the_catalogue_fields_in_document_order(dokumen):
    hasil = hitung_instansi(dokumen.instansi, 2025)
    assert [h.jabatan for h in hasil] == ["Camat", "Sekretaris Kecamatan", "Sekretaris Kecamatan"]
    lpj = hasil[1]
    assert (lpj.sasaran, lpj.satuan, lpj.polaritas, lpj.target, lpj.periode, lpj.dokumen_id) == (
        "Meningkatnya akuntabilitas",
        "%",
        "positif",
        Decimal(100),
        "TAHUN",
        dokumen.pk,
    )
    assert lpj.capaian.nilai == 100 and lpj.kategori == "Sangat Tinggi"
    desa = hasil[0]
    # 6 of 7 villages (TW3 missing, so not complete): capaian 85,71 % of the target 100 is Tinggi (76–90).
    assert not desa.lengkap and desa.kategori == "Tinggi"
    assert round(desa.capaian.nilai, 20) == round(desa.realisasi.nilai, 20) == round(Decimal(600) / 7, 20)


def test_kategori_uses_the_pemda_scale(dokumen):
    dokumen.instansi.pemda.skala_capaian = "baik"
    dokumen.instansi.pemda.save()
    assert {h.kategori for h in hitung_instansi(dokumen.instansi, 2025)} <= {
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang",
        "Sangat Kurang",
        "Tidak dapat dinilai",
    }
    assert "Sangat Baik" in {h.kategori for h in hitung_instansi(dokumen.instansi, 2025)}


def test_unknown_period_is_an_error(dokumen):
    with pytest.raises(ValueError, match="tidak dikenal"):
        hitung_instansi(dokumen.instansi, 2025, "TW5")


def test_no_document_in_force_gives_nothing(dokumen):
    assert hitung_instansi(dokumen.instansi, 2024) == []
    draft = katalog_kecil("Kecamatan Draft", tahun=2025)
    assert hitung_instansi(draft.instansi, 2025) == []
    assert len(hitung_instansi(draft.instansi, 2025, dokumen=draft)) == 2  # a draft only when asked for by name


def test_the_revision_in_force_decides_and_old_results_stay(dokumen):
    instansi = dokumen.instansi
    sebelum = per_nama(hitung_instansi(instansi, 2025))["Persentase surat tepat waktu"].realisasi.nilai
    baru = dokumen.buat_revisi()
    Indikator.objects.filter(sasaran__dokumen=baru, nama="Persentase surat tepat waktu").update(
        ekspresi="tepat / masuk * 1000"
    )
    # The draft is not in force: results do not move.
    assert per_nama(hitung_instansi(instansi, 2025))["Persentase surat tepat waktu"].realisasi.nilai == sebelum
    sk_baru(baru).tetapkan()
    sesudah = per_nama(hitung_instansi(instansi, 2025))["Persentase surat tepat waktu"]
    assert sesudah.realisasi.nilai == sebelum * 10 and sesudah.dokumen_id == baru.pk
    # The old revision still computes what it always did.
    lama = per_nama(hitung_instansi(instansi, 2025, dokumen=dokumen))["Persentase surat tepat waktu"]
    assert lama.realisasi.nilai == sebelum
    # A revision carries every indicator's identity.
    identitas = lambda d: sorted(Indikator.objects.filter(sasaran__dokumen=d).values_list("identitas", flat=True))  # noqa: E731
    assert identitas(baru) == identitas(dokumen) and len(set(identitas(dokumen))) == 3


def dokumen_tahun_berikut(
    dokumen_lalu, ekspresi_surat="tepat / masuk * 100", tetapkan=True, nama="Persentase  surat tepat waktu", sama=True
):
    """Next year's document of the same instansi, its indicator a copy of last year's surat indicator
    (the same identity, as "Tahun baru" copies it) unless ``sama`` is False."""
    instansi = dokumen_lalu.instansi
    dokumen = DokumenIKI.objects.create(
        instansi=instansi, tahun=dokumen_lalu.tahun + 1, sk_nomor="188/02", sk_tanggal=date(2026, 1, 5)
    )
    sekcam = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    sasaran = Sasaran.objects.create(dokumen=dokumen, jabatan=sekcam, uraian="Meningkatnya akuntabilitas")
    lalu = Indikator.objects.get(sasaran__dokumen=dokumen_lalu, nama="Persentase surat tepat waktu")
    identitas = {"identitas": lalu.identitas} if sama else {}
    indikator = Indikator.objects.create(sasaran=sasaran, nama=nama, ekspresi=ekspresi_surat, **identitas)
    Variabel.objects.create(indikator=indikator, kode="tepat", uraian="Surat tepat waktu")
    Variabel.objects.create(indikator=indikator, kode="masuk", uraian="Surat masuk")
    return dokumen.tetapkan() if tetapkan else dokumen


def test_last_years_realisasi_follows_the_indicators_identity_not_its_name(dokumen):
    ini = dokumen_tahun_berikut(dokumen, ekspresi_surat="tepat / masuk * 1000", nama="Surat diselesaikan tepat waktu")
    [hasil] = hitung_instansi(dokumen.instansi, 2026)
    # Last year's value comes from last year's formula, not this year's.
    assert hasil.realisasi_tahun_lalu == Decimal(25)
    [s1] = hitung_instansi(dokumen.instansi, 2026, "S1")
    assert s1.realisasi_tahun_lalu == Decimal(25) and ini.pk == s1.dokumen_id


def test_a_new_indicator_with_last_years_name_has_no_last_year(dokumen):
    dokumen_tahun_berikut(dokumen, nama="Persentase surat tepat waktu", sama=False)
    [hasil] = hitung_instansi(dokumen.instansi, 2026)
    assert hasil.realisasi_tahun_lalu is None


def test_quarterly_targets_are_cumulative(dokumen):
    lpj = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    surat = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase surat tepat waktu")
    for indikator in (lpj, surat):
        Target.objects.bulk_create(
            Target(indikator=indikator, periode=f"TW{t}", nilai=n) for t, n in ((1, 20), (2, 50), (3, 75))
        )
    hasil = {h.nama: h for h in hitung_instansi(dokumen.instansi, 2025, "SD_TW2")}
    assert hasil["Persentase LPJ tepat waktu"].target == 50
    hasil = {h.nama: h for h in hitung_instansi(dokumen.instansi, 2025, "TW2")}
    # lpj_tepat / 4 * 100 adds up over quarters: TW2 alone is measured against 50 − 20.
    assert hasil["Persentase LPJ tepat waktu"].target == 30
    assert hasil["Persentase LPJ tepat waktu"].capaian.nilai == Decimal(50) / 30 * 100
    # A ratio does not add up: TW2 alone is measured against the level set for TW2.
    assert hasil["Persentase surat tepat waktu"].target == 50
    hasil = {h.nama: h for h in hitung_instansi(dokumen.instansi, 2025, "TW4")}
    assert hasil["Persentase LPJ tepat waktu"].target == 25  # annual 100 − 75


def test_range_targets_reach_capaian(dokumen):
    Target.objects.filter(indikator__nama="Persentase surat tepat waktu").update(nilai=20, nilai_hi=30)
    surat = per_nama(hitung_instansi(dokumen.instansi, 2025))["Persentase surat tepat waktu"]
    assert (surat.target, surat.target_hi, surat.capaian.nilai) == (20, 30, 100)


def test_query_count_does_not_grow_with_indicators_or_instansi(dokumen, django_assert_max_num_queries):
    # Computing and keeping (first reader) and reading what is kept (every later reader).
    with django_assert_max_num_queries(10):
        hitung_instansi(dokumen.instansi, 2025)
    with django_assert_max_num_queries(5):
        hitung_instansi(dokumen.instansi, 2025)
    for nama in ("Kecamatan B", "Kecamatan C"):
        lain = katalog_kecil(nama, tahun=2025, pemda=dokumen.instansi.pemda)
        tambah_rasio(lain)
        lain.tetapkan()
    with django_assert_max_num_queries(10):
        hasil = hitung_pemda(dokumen.instansi.pemda, 2025)
    assert sorted(len(h) for h in hasil.values()) == [3, 3, 3]
    with django_assert_max_num_queries(5):
        hitung_pemda(dokumen.instansi.pemda, 2025)
    with django_assert_max_num_queries(10):
        hitung_instansi(dokumen.instansi, 2025, "SD_TW2")


def test_hitung_pemda_agrees_with_hitung_instansi(dokumen):
    lain = katalog_kecil("Kecamatan B", tahun=2025, pemda=dokumen.instansi.pemda).tetapkan()
    isi_nilai(lain, "desa_tertib", 7, 7, 7, 7)
    semua = hitung_pemda(dokumen.instansi.pemda, 2025, "SD_TW3")
    assert set(semua) == {dokumen.instansi_id, lain.instansi_id}
    for instansi_id, hasil in semua.items():
        assert hasil == hitung_instansi(instansi_id, 2025, "SD_TW3")


def test_indicators_reported_per_semester_or_year_use_only_their_quarters():
    dokumen = katalog_kecil(tahun=2025)
    indikator = tambah_rasio(dokumen)
    Indikator.objects.filter(pk=indikator.pk).update(periode_pelaporan="semesteran")
    Indikator.objects.filter(sasaran__dokumen=dokumen, nama="Persentase desa tertib").update(
        periode_pelaporan="tahunan"
    )
    dokumen = dokumen.tetapkan()
    isi_nilai(dokumen, "tepat", None, 3, None, 5)
    isi_nilai(dokumen, "masuk", None, 4, None, 6)
    isi_nilai(dokumen, "desa_tertib", None, None, None, 7)
    tahun = per_nama(hitung_instansi(dokumen.instansi, 2025))
    assert (
        tahun["Persentase surat tepat waktu"].realisasi.nilai == Decimal(80)
        and tahun["Persentase surat tepat waktu"].lengkap
    )
    assert tahun["Persentase desa tertib"].realisasi.nilai == Decimal(100) and tahun["Persentase desa tertib"].lengkap
    tw2 = per_nama(hitung_instansi(dokumen.instansi, 2025, "TW2"))
    assert tw2["Persentase surat tepat waktu"].realisasi.nilai == Decimal(75)
    assert tw2["Persentase desa tertib"].realisasi.alasan == (
        "tidak dapat dihitung: indikator tahunan tidak dilaporkan pada periode ini"
    )
