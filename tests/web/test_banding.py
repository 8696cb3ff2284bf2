"""The kabupaten's view by indicator: one indicator across every kecamatan, and reporting rates."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.organisasi.models import Instansi
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_pemda
from kinerja.realisasi.models import IsianPeriode
from kinerja.web.views.banding import kunci_nama

pytestmark = pytest.mark.django_db
TAHUN = date.today().year


def test_names_match_across_case_spacing_and_punctuation():
    assert kunci_nama("Persentase  Surat Masuk, yang didistribusikan (tepat waktu)") == kunci_nama(
        "persentase surat masuk yang didistribusikan tepat waktu"
    )
    assert kunci_nama("Nilai IKM (%)") != kunci_nama("Nilai IKM")


def _indikator_bersama(demo):
    hasil = hitung_pemda(demo.pemda, TAHUN - 1, "TAHUN")
    nama = {i: {kunci_nama(h.nama): h for h in d} for i, d in hasil.items()}
    a, b = demo.instansi
    kunci = sorted(set(nama[a.pk]) & set(nama[b.pk]))[0]
    return kunci, nama[a.pk][kunci], nama[b.pk][kunci]


def test_one_indicator_compared_across_every_kecamatan(masuk, demo):
    kunci, ha, hb = _indikator_bersama(demo)
    klien = masuk("pemeriksa")
    url = reverse("web:banding_indikator", args=[demo.pemda.pk])
    html = klien.get(url, {"tahun": TAHUN - 1, "periode": "TAHUN", "indikator": kunci}).content.decode()
    from kinerja.format import format_persen

    for instansi, h in zip(demo.instansi, (ha, hb), strict=True):
        assert instansi.nama in html
        if h.capaian.nilai is not None:
            assert format_persen(h.capaian.nilai) in html
    # A kecamatan without the indicator is listed, and says so.
    Instansi.objects.create(pemda=demo.pemda, nama="Kecamatan Tanpa IKI")
    html = klien.get(url, {"tahun": TAHUN - 1, "periode": "TAHUN", "indikator": kunci}).content.decode()
    tabel = html.split("<tbody>")[1].split("</tbody>")[0]
    baris = [b for b in tabel.split("<tr>") if "Kecamatan Tanpa IKI" in b][0]
    assert "Tidak memiliki indikator ini" in baris
    assert "Tidak memiliki indikator ini" not in "".join(b for b in tabel.split("<tr>") if demo.instansi[0].nama in b)


def test_the_comparison_downloads_as_excel(masuk, demo):
    kunci, ha, hb = _indikator_bersama(demo)
    respons = masuk("admin.pemda").get(
        reverse("web:banding_indikator_xlsx", args=[demo.pemda.pk]),
        {"tahun": TAHUN - 1, "periode": "TAHUN", "indikator": kunci},
    )
    wb = load_workbook(io.BytesIO(respons.content))
    baris = {r[0]: r for r in wb["Per kecamatan"].iter_rows(min_row=4, values_only=True) if r[0]}
    for instansi, h in zip(demo.instansi, (ha, hb), strict=True):
        if h.capaian.nilai is not None:
            assert baris[instansi.nama][3] == pytest.approx(float(h.capaian.nilai))
        assert baris[instansi.nama][4] == h.kategori
    assert "Pelaporan" in wb.sheetnames


def test_reporting_rates_follow_the_submitted_reports(masuk, demo):
    a = demo.instansi[0]
    dokumen = dokumen_berlaku(a, TAHUN)
    url = reverse("web:banding_indikator", args=[demo.pemda.pk])
    klien = masuk("pemeriksa")

    def sel_tw1():
        html = klien.get(url, {"tahun": TAHUN}).content.decode()
        bagian = html.split('id="judul-pelaporan"')[1]
        baris = [b for b in bagian.split("<tr>") if a.nama in b][0]
        return baris.split("<td>")[2]

    def ubah(**kolom):  # saved one by one, as the workflow saves them: the kept counts follow
        for isian in IsianPeriode.objects.filter(dokumen=dokumen, periode="TW1"):
            for nama, nilai in kolom.items():
                setattr(isian, nama, nilai)
            isian.save()

    ubah(status="draft", diajukan_pada=None)
    assert "masuk 0,00" in sel_tw1()
    ubah(status="disahkan")
    assert "masuk 0,00" not in sel_tw1()


def test_the_kabupaten_has_its_menu(masuk, demo):
    html = masuk("pemeriksa").get(reverse("web:dasbor_pemda", args=[demo.pemda.pk])).content.decode()
    menu = html.split('class="menu"')[1].split("</ul>")[0]
    assert reverse("web:banding_indikator", args=[demo.pemda.pk]) in menu
    assert reverse("laporan:kepala_daerah", args=[demo.pemda.pk]) in menu
