"""A new revision carries targets, values (with history), report statuses and evidence; values entered
in the revision in force while the new one is drafted are carried over when it is decreed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.realisasi import layanan
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.realisasi.models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai, Target
from tests.factories import sk_baru

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def nilai_di(dokumen, kode, periode):
    return NilaiVariabel.objects.get(
        variabel__indikator__sasaran__dokumen=dokumen, variabel__kode=kode, periode=periode
    )


def test_revision_copies_targets_values_statuses_and_evidence(kantor, tw):
    lpj = kantor.lpj_tepat.indikator
    Target.objects.create(indikator=lpj, periode="TAHUN", nilai=90, nilai_hi=100, baseline=80)
    Target.objects.create(indikator=lpj, periode="TW2", nilai=40)
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 2)
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3, versi=1, alasan="koreksi")
    isian = layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw)
    layanan.simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("lpj.pdf", b"%PDF-1.4 x"))
    layanan.ajukan(kantor.u_sekcam, isian)

    baru = kantor.dokumen.buat_revisi(kantor.u_admin)
    assert sorted(
        Target.objects.filter(indikator__sasaran__dokumen=baru).values_list("periode", "nilai", "nilai_hi", "baseline")
    ) == [
        ("TAHUN", 90, 100, 80),
        ("TW2", 40, None, None),
    ]
    salinan = nilai_di(baru, "lpj_tepat", tw)
    assert (salinan.nilai, salinan.versi, salinan.diisi_oleh) == (3, 2, kantor.u_sekcam)
    assert list(salinan.riwayat.values_list("lama", "baru", "sumber")) == [
        (None, 2, "web"),
        (2, 3, "web"),
        (None, 3, "revisi"),
    ]
    isian_baru = IsianPeriode.objects.get(dokumen=baru, jabatan=kantor.sekcam, periode=tw)
    assert isian_baru.status == "diajukan"
    bukti = BuktiDukung.objects.get(isian=isian_baru)
    assert bukti.berkas.name == BuktiDukung.objects.get(isian=isian).berkas.name  # the same stored file
    # The old revision's rows are untouched.
    assert nilai_di(kantor.dokumen, "lpj_tepat", tw).riwayat.count() == 2


def test_values_entered_while_the_revision_is_drafted_are_carried_over_on_decree(kantor, tw):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 2)
    baru = kantor.dokumen.buat_revisi(kantor.u_admin)
    # The old revision stays in force: entry goes on there.
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=1)
    layanan.simpan_nilai(kantor.u_camat, kantor.desa_tertib, tw, 5)
    layanan.ajukan(kantor.u_camat, layanan.isian_periode(kantor.dokumen, kantor.camat, tw))
    assert nilai_di(baru, "lpj_tepat", tw).nilai == 2
    sk_baru(baru).tetapkan(kantor.u_admin)
    assert nilai_di(baru, "lpj_tepat", tw).nilai == 4
    assert nilai_di(baru, "desa_tertib", tw).nilai == 5
    assert IsianPeriode.objects.get(dokumen=baru, jabatan=kantor.camat, periode=tw).status == "diajukan"
    riwayat = list(nilai_di(baru, "lpj_tepat", tw).riwayat.values_list("baru", "sumber"))
    assert riwayat == [(2, "web"), (2, "revisi"), (4, "web"), (4, "revisi")]
    # From now on the new revision is the one in force and takes the values.
    assert {h.dokumen_id for h in hitung_instansi(kantor.instansi, kantor.dokumen.tahun, tw)} == {baru.pk}
    lpj_baru = nilai_di(baru, "lpj_tepat", tw).variabel
    assert layanan.simpan_nilai(kantor.u_sekcam, lpj_baru, tw, 1, versi=2).versi == 3
    assert RiwayatNilai.objects.filter(nilai_variabel__variabel=lpj_baru).count() == 5


def test_a_variable_added_in_the_revision_starts_empty(kantor, tw):
    from kinerja.iki.models import Variabel

    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 2)
    baru = kantor.dokumen.buat_revisi(kantor.u_admin)
    indikator = Variabel.objects.get(indikator__sasaran__dokumen=baru, kode="lpj_tepat").indikator
    Variabel.objects.create(indikator=indikator, kode="lpj_baru", uraian="Tambahan")
    sk_baru(baru).tetapkan(kantor.u_admin)
    assert not NilaiVariabel.objects.filter(variabel__kode="lpj_baru").exists()
