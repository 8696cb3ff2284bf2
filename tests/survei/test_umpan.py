"""The survey feeds the linked "Nilai IKM" indicator when it is finalised, through simpan_nilai."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.layanan import isian_periode
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel
from kinerja.survei import layanan
from kinerja.survei.models import Responden, SumberIKM, Survei
from tests.factories import sk_baru

from .conftest import IKM_2017, JAWABAN_2017, KODE_2017, ke_csv, tabel

pytestmark = pytest.mark.django_db


def nilai_ikm(kantor, tw, variabel=None):
    return NilaiVariabel.objects.filter(variabel=variabel or kantor.variabel_ikm, periode=tw).first()


def test_finalising_writes_the_rounded_ikm_into_the_linked_variable(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    umpan = layanan.finalkan(kantor.admin, survei_terisi)

    nilai = nilai_ikm(kantor, tw)
    assert nilai.nilai == Decimal(IKM_2017) and nilai.diisi_oleh == kantor.admin
    assert "Diisi otomatis dari SKM" in nilai.catatan
    assert [(u.indikator, u.triwulan, u.nilai) for u in umpan] == [(kantor.indikator_ikm, tw, Decimal(IKM_2017))]
    survei_terisi.refresh_from_db()
    assert survei_terisi.final and survei_terisi.difinalkan_oleh == kantor.admin
    assert Jejak.objects.filter(aksi="finalkan_skm", objek_id=str(survei_terisi.pk)).exists()
    assert Jejak.objects.filter(aksi="isi_nilai", objek_id=str(nilai.pk)).exists()
    assert Jejak.objects.filter(aksi="hubungkan_ikm").exists()


def test_a_locked_period_refuses_the_feed_and_the_survey_stays_draft(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    isian = isian_periode(kantor.dokumen, kantor.indikator_ikm.sasaran.jabatan, tw)
    IsianPeriode.objects.filter(pk=isian.pk).update(status=IsianPeriode.Status.DISAHKAN)

    with pytest.raises(ValidationError) as galat:
        layanan.finalkan(kantor.admin, survei_terisi)
    pesan = " ".join(galat.value.messages)
    assert "Nilai IKM 77,78 tidak dapat dikirim" in pesan and "sudah dikunci" in pesan
    assert "Nilai Indeks Kepuasan Masyarakat" in pesan and "disahkan" in pesan
    survei_terisi.refresh_from_db()
    assert survei_terisi.status == "draft" and survei_terisi.difinalkan_pada is None
    assert nilai_ikm(kantor, tw) is None
    assert not Jejak.objects.filter(aksi="finalkan_skm").exists()


def test_a_semester_or_year_survey_fills_its_last_quarter():
    assert [layanan.triwulan_umpan(Survei(periode=p)) for p in ("TW1", "TW3", "S1", "S2", "TAHUN")] == [
        "TW1",
        "TW3",
        "TW2",
        "TW4",
        "TW4",
    ]


def test_finalising_without_a_link_writes_nothing(kantor, survei_terisi, tw):
    assert layanan.finalkan(kantor.admin, survei_terisi) == []
    assert not NilaiVariabel.objects.exists()


def test_an_indicator_may_take_one_jenis_layanan(kantor, survei, tw):
    profil = {"Jenis layanan": ["KTP", "KK", "KTP", "KK"]}
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017, profil)), "j.csv", "2017")
    layanan.simpan_impor(kantor.admin, survei, pratinjau)
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm, "  ktp ")
    layanan.finalkan(kantor.admin, survei)
    # KTP = respondents 1 and 3: NRR 3.5, 3, 2, 4, 3, 3, 4, 2, 3 → Σ 27.5 → 27.5/9 × 25 = 76.388… → 76,39
    assert nilai_ikm(kantor, tw).nilai == Decimal("76.39")


def test_a_missing_jenis_layanan_stops_finalising(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm, "Akta")
    with pytest.raises(ValidationError, match="tidak ada responden layanan itu"):
        layanan.finalkan(kantor.admin, survei_terisi)
    survei_terisi.refresh_from_db()
    assert survei_terisi.status == "draft" and nilai_ikm(kantor, tw) is None


def test_reopening_and_finalising_again_writes_the_corrected_value(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    layanan.finalkan(kantor.admin, survei_terisi)
    with pytest.raises(ValidationError, match="sudah final"):
        layanan.finalkan(kantor.admin, survei_terisi)
    layanan.buka_kembali(kantor.admin, survei_terisi, alasan="kuesioner tertinggal")
    layanan.tambah_responden(kantor.admin, survei_terisi, dict.fromkeys(KODE_2017, 4))
    layanan.finalkan(kantor.admin, survei_terisi)
    # With an all-4 fifth respondent: NRR 3.6, 3.2, 2.5, 4, 3.6, 3.2, 4, 2.4, 3.2 → Σ 29.7 → 29.7/9 × 25 = 82.5
    assert nilai_ikm(kantor, tw).nilai == Decimal("82.50")
    assert nilai_ikm(kantor, tw).versi == 2
    assert Jejak.objects.get(aksi="buka_skm").alasan == "kuesioner tertinggal"
    with pytest.raises(ValidationError, match="masih draft"):
        layanan.buka_kembali(kantor.admin, Survei.objects.create(instansi=kantor.instansi, tahun=2030, periode="TW1"))


def test_feeding_again_after_linking_later(kantor, survei_terisi, tw):
    layanan.finalkan(kantor.admin, survei_terisi)
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    assert [u.nilai for u in layanan.umpankan(kantor.admin, survei_terisi)] == [Decimal(IKM_2017)]
    assert nilai_ikm(kantor, tw).nilai == Decimal(IKM_2017)
    layanan.buka_kembali(kantor.admin, survei_terisi)
    with pytest.raises(ValidationError, match="sudah final"):
        layanan.umpankan(kantor.admin, survei_terisi)


def test_unlinking_stops_the_feed_and_keeps_the_values(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    layanan.finalkan(kantor.admin, survei_terisi)
    layanan.lepaskan_indikator(kantor.admin, kantor.indikator_ikm)
    assert not SumberIKM.objects.exists() and nilai_ikm(kantor, tw).nilai == Decimal(IKM_2017)
    assert layanan.umpankan(kantor.admin, survei_terisi) == []
    with pytest.raises(ValidationError, match="tidak diisi dari survei"):
        layanan.lepaskan_indikator(kantor.admin, kantor.indikator_ikm)


def test_only_an_indicator_with_one_entry_variable_can_be_linked(kantor):
    dokumen = DokumenIKI.objects.create(instansi=kantor.instansi, tahun=kantor.dokumen.tahun + 1)
    sasaran = Sasaran.objects.create(
        dokumen=dokumen, jabatan=Jabatan.objects.get(instansi=kantor.instansi, nama="Camat"), uraian="Layanan"
    )
    dua = Indikator.objects.create(sasaran=sasaran, nama="Rasio layanan", ekspresi="a / b * 100")
    Variabel.objects.create(indikator=dua, kode="a", uraian="A")
    Variabel.objects.create(indikator=dua, kode="b", uraian="B")
    with pytest.raises(ValidationError, match="tepat satu variabel isian"):
        layanan.hubungkan_indikator(kantor.admin, dua)
    assert not SumberIKM.objects.exists()


def test_only_catalogue_keepers_link_indicators(kantor):
    with pytest.raises(PermissionDenied):
        layanan.hubungkan_indikator(kantor.camat, kantor.indikator_ikm)
    with pytest.raises(Http404):
        layanan.hubungkan_indikator(kantor.admin_lain, kantor.indikator_ikm)
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    with pytest.raises(PermissionDenied):
        layanan.lepaskan_indikator(kantor.camat, kantor.indikator_ikm)
    assert SumberIKM.objects.count() == 1


def test_a_new_revision_keeps_the_link_and_is_fed_once_decreed(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm, "KTP")
    revisi = kantor.dokumen.buat_revisi(kantor.admin)
    salinan = SumberIKM.objects.get(indikator__sasaran__dokumen=revisi)
    assert salinan.jenis_layanan == "KTP" and salinan.indikator.nama == kantor.indikator_ikm.nama
    # The draft revision is not in force: the survey still feeds the decreed one.
    assert [s.indikator for s in layanan.sumber_untuk(survei_terisi)] == [kantor.indikator_ikm]
    SumberIKM.objects.filter(indikator__sasaran__dokumen=revisi).update(jenis_layanan="")
    sk_baru(revisi).tetapkan(kantor.admin)
    layanan.finalkan(kantor.admin, survei_terisi)
    variabel_baru = salinan.indikator.variabel.get()
    assert nilai_ikm(kantor, tw, variabel_baru).nilai == Decimal(IKM_2017)


def test_the_command_line_feeds_without_a_user(kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(None, kantor.indikator_ikm)
    layanan.finalkan(None, survei_terisi)
    nilai = nilai_ikm(kantor, tw)
    assert nilai.nilai == Decimal(IKM_2017) and nilai.diisi_oleh is None
    assert nilai.riwayat.get().sumber == "survei"
    assert Responden.objects.filter(survei=survei_terisi).count() == 4


def test_the_fed_value_is_rounded_half_up(kantor, tw):
    # Legacy weight, every answer 3: 9 × 3 × 0.111 × 25 = 74.925 exactly → 74,93 (half up; half-even gives 74,92).
    survei = layanan.buat_survei(kantor.admin, kantor.instansi, tahun=kantor.dokumen.tahun, periode=tw, bobot="lama")
    layanan.tambah_responden(kantor.admin, survei, dict.fromkeys(KODE_2017, 3))
    assert layanan.hasil_survei(survei).nilai == Decimal("74.925")
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    layanan.finalkan(kantor.admin, survei)
    assert nilai_ikm(kantor, tw).nilai == Decimal("74.93")
