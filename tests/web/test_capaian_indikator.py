"""An indicator's results page: quarters against last year, who verified, evidence, every change."""

from datetime import date

import pytest
from django.urls import reverse

from kinerja.iki.models import Indikator
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi import simpanan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.realisasi.models import NilaiVariabel, RiwayatNilai

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
TAHUN = date.today().year


@pytest.fixture
def indikator(demo):
    a = demo.instansi[0]
    dokumen = dokumen_berlaku(a, TAHUN)
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    return Indikator.objects.filter(sasaran__dokumen=dokumen, sasaran__jabatan=staf).first()


def test_each_quarter_with_last_years_realisasi_and_the_computation_behind_it(masuk, indikator, demo):
    from kinerja.format import format_angka

    klien = masuk(f"staf.umum.{KEC_A}")
    html = klien.get(reverse("web:capaian_indikator", args=[indikator.pk])).content.decode()
    tabel = html.split('id="judul-capaian"')[1].split("</table>")[0]
    for periode in ("TW1", "TW4", "TAHUN"):
        [h] = [h for h in hitung_instansi(demo.instansi[0], TAHUN, periode) if h.indikator_id == indikator.pk]
        if h.realisasi.nilai is not None:
            assert format_angka(h.realisasi.nilai) in tabel
    assert f"Realisasi {TAHUN - 1}" in tabel  # the demo decreed last year too
    assert "<svg" in html and f"{TAHUN - 1}" in html.split('id="judul-grafik"')[1]


def test_every_change_of_a_value_is_listed_with_who_and_why(masuk, indikator):
    nv = NilaiVariabel.objects.filter(variabel__indikator=indikator).first()
    RiwayatNilai.objects.create(
        nilai_variabel=nv,
        lama=nv.nilai,
        baru=(nv.nilai or 0) + 3,
        alasan="Salah ketik di buku agenda",
        versi=nv.versi + 1,
    )
    html = masuk(f"staf.umum.{KEC_A}").get(reverse("web:capaian_indikator", args=[indikator.pk])).content.decode()
    riwayat = html.split('id="judul-riwayat"')[1]
    assert "Salah ketik di buku agenda" in riwayat and nv.variabel.uraian in riwayat
    assert nv.variabel.kode not in riwayat.replace(nv.variabel.uraian, "")


def test_the_page_stays_within_the_query_budget(masuk, indikator, django_assert_max_num_queries):
    from kinerja.iki.models import DokumenIKI

    simpanan.hitung_ulang(DokumenIKI.objects.values_list("pk", flat=True))
    klien = masuk(f"staf.umum.{KEC_A}")
    with django_assert_max_num_queries(15):
        assert klien.get(reverse("web:capaian_indikator", args=[indikator.pk])).status_code == 200


def test_the_definition_page_leads_to_it(masuk, indikator):
    html = masuk(f"staf.umum.{KEC_A}").get(reverse("web:indikator", args=[indikator.pk])).content.decode()
    assert reverse("web:capaian_indikator", args=[indikator.pk]) in html
