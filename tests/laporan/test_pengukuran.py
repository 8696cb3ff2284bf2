"""LKjIP tables and the kabupaten recap: the numbers of kinerja.realisasi.hitung, printed and tabulated."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.laporan import layanan
from kinerja.laporan.isi import LaporanError, TidakAda
from kinerja.organisasi.models import Instansi
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.realisasi.models import NilaiVariabel, Target

from .conftest import buat_kantor, halaman_pdf, simpan_png

pytestmark = pytest.mark.django_db


def test_pdf_shows_the_computed_numbers_the_indonesian_way(kantor, artifact_dir):
    [desa, lpj] = hitung_instansi(kantor.instansi, 2025)
    assert round(desa.realisasi.nilai, 2) == Decimal("85.71")  # the fixture: 6 of 7 villages
    berkas = layanan.buat_lkjip(kantor.instansi, 2025, "pdf")
    assert berkas.nama == "pengukuran-kinerja-kecamatan-uji-2025-tahun.pdf"
    halaman = " ".join(halaman_pdf(berkas.isi))  # landscape: the Sekcam's table follows on page 2
    assert "PENGUKURAN KINERJA KECAMATAN UJI KABUPATEN UJI TAHUN 2025" in halaman
    assert "Sasaran: Meningkatnya tata kelola desa" in halaman
    assert "Persentase desa tertib % 100 85,71 85,71 Tinggi" in halaman
    # LPJ: 4 of 4 on time against a target of 87,5 → capaian 114,29.
    assert "Persentase LPJ tepat waktu % 87,5 100,00 114,29 Sangat Tinggi" in halaman
    assert "Rata-rata capaian : 100,00% (Sangat Tinggi)" in halaman  # (85,714… + 114,285…) / 2
    # The bars of the charts are labelled (SVG text extracts with odd gaps between its glyphs).
    rapat = halaman.replace(" ", "")
    assert "85,71%" in rapat and "114,29%" in rapat
    simpan_png(berkas.isi, 0, artifact_dir / "laporan-lkjip.png")


def test_last_year_beside_and_one_chart_per_sasaran(kantor):
    lalu = DokumenIKI.objects.create(
        instansi=kantor.instansi, tahun=2024, sk_nomor="188/1/2024", sk_tanggal=date(2024, 1, 2)
    )
    sasaran = Sasaran.objects.create(dokumen=lalu, jabatan=kantor.camat, uraian="Meningkatnya tata kelola desa")
    ini = Indikator.objects.get(
        sasaran__dokumen__instansi=kantor.instansi, sasaran__dokumen__tahun=2025, nama="Persentase desa tertib"
    )
    indikator = Indikator.objects.create(
        sasaran=sasaran, nama="Persentase desa tertib", ekspresi="desa_tertib / 7 * 100", identitas=ini.identitas
    )
    variabel = Variabel.objects.create(
        indikator=indikator, kode="desa_tertib", uraian="Desa tertib", agregasi="terakhir"
    )
    NilaiVariabel.objects.create(variabel=variabel, periode="TW4", nilai=5)
    lalu.tetapkan()
    data = layanan.data_lkjip(kantor.instansi, 2025)
    assert round(data.jabatan[0].sasaran[0].baris[0].realisasi_tahun_lalu, 2) == Decimal("71.43")
    html = layanan.pdf.html_dokumen("lkjip", data, layanan.kertas("a4"))
    assert html.count("<svg") == 2  # one sasaran each for the Camat and the Sekcam
    assert "Realisasi 2024" in html and ">71,43<" in html


def _tahun_lalu_berganti_nama(kantor):
    """Last year's decree holds the desa indicator under another name (same identity), 5 of 7 against 80;
    the LPJ indicator is new this year."""
    lalu = DokumenIKI.objects.create(
        instansi=kantor.instansi, tahun=2024, sk_nomor="188/1/2024", sk_tanggal=date(2024, 1, 2)
    )
    sasaran = Sasaran.objects.create(dokumen=lalu, jabatan=kantor.camat, uraian="Meningkatnya tata kelola desa")
    indikator = Indikator.objects.create(
        sasaran=sasaran,
        nama="Desa yang tertib administrasi",
        ekspresi="desa_tertib / 7 * 100",
        identitas=kantor.desa.identitas,
    )
    variabel = Variabel.objects.create(
        indikator=indikator, kode="desa_tertib", uraian="Desa tertib", agregasi="terakhir"
    )
    NilaiVariabel.objects.create(variabel=variabel, periode="TW4", nilai=5)
    Target.objects.create(indikator=indikator, periode="TAHUN", nilai=Decimal(80))
    lalu.tetapkan()


def test_last_years_capaian_follows_the_identity_across_a_rename(kantor):
    _tahun_lalu_berganti_nama(kantor)
    data = layanan.data_lkjip(kantor.instansi, 2025)
    [desa] = data.jabatan[0].sasaran[0].baris
    [lpj] = data.jabatan[1].sasaran[0].baris
    assert round(desa.capaian_tahun_lalu, 2) == Decimal("89.29")  # 71,43 of 80
    assert lpj.capaian_tahun_lalu is None  # new this year
    halaman = " ".join(halaman_pdf(layanan.buat_lkjip(kantor.instansi, 2025, "pdf").isi))
    assert "Capaian 2024 (%)" in halaman
    assert "Persentase desa tertib % 100 85,71 85,71 Tinggi 71,43 89,29 – –" in halaman
    assert "Persentase LPJ tepat waktu % 87,5 100,00 114,29 Sangat Tinggi – – – –" in halaman
    ws = load_workbook(io.BytesIO(layanan.buat_lkjip(kantor.instansi, 2025, "xlsx").isi))["Pengukuran Kinerja"]
    kepala = [c.value for c in ws[4]]
    nilai = [c.value for c in ws[5]]
    assert round(nilai[kepala.index("Capaian 2024 (%)")], 2) == 89.29


def test_workbook_holds_numbers_not_text(kantor):
    berkas = layanan.buat_lkjip(kantor.instansi, 2025, "xlsx")
    ws = load_workbook(io.BytesIO(berkas.isi))["Pengukuran Kinerja"]
    kepala = [c.value for c in ws[4]]
    assert kepala[3:10] == [
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Target (batas atas)",
        "Realisasi",
        "Capaian (%)",
        "Kategori",
    ]
    desa = {k: ws.cell(row=5, column=i + 1) for i, k in enumerate(kepala)}
    assert desa["Indikator Kinerja"].value == "Persentase desa tertib"
    assert desa["Realisasi"].data_type == "n" and round(desa["Realisasi"].value, 4) == 85.7143
    assert desa["Realisasi"].number_format == "#,##0.00" and desa["Capaian (%)"].number_format == "#,##0.00"
    assert desa["Kategori"].value == "Tinggi" and desa["Data lengkap"].value == "ya"
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4" and ws.auto_filter.ref == "A4:R6"


def test_the_year_so_far_and_unknown_periods(kantor):
    data = layanan.data_lkjip(kantor.instansi, 2025, "sd tw2")
    assert (data.periode, data.periode_label) == ("SD_TW2", "s.d. Triwulan II")
    [desa] = data.jabatan[0].sasaran[0].baris
    assert round(desa.realisasi, 2) == Decimal("57.14")  # 4 of 7 by the end of June
    with pytest.raises(LaporanError, match="Periode “TW9” tidak dikenal"):
        layanan.data_lkjip(kantor.instansi, 2025, "TW9")


def test_missing_values_are_named_not_counted_as_zero(db):
    kantor = buat_kantor(desa_tertib=(3, 4))
    data = layanan.data_lkjip(kantor.instansi, 2025)
    [desa] = data.jabatan[0].sasaran[0].baris
    assert desa.realisasi is not None and not desa.lengkap  # last entered value (TW2), flagged incomplete
    assert data.kelengkapan == 50 and any("1 dari 2 indikator belum lengkap" in p for p in data.peringatan)


def test_only_a_decreed_document_is_measured(db):
    kantor = buat_kantor(tetapkan=False)
    with pytest.raises(TidakAda, match="yang ditetapkan; pengukuran hanya untuk dokumen yang sudah ditetapkan"):
        layanan.buat_lkjip(kantor.instansi, 2025, "pdf")


@pytest.fixture
def kabupaten(db):
    a = buat_kantor("Kecamatan Atas", desa_tertib=(7, 7, 7, 7), nip=("198606272014121002", "199001012015032003"))
    b = buat_kantor(
        "Kecamatan Bawah",
        desa_tertib=(1, 1, 1, 2),
        lpj_tepat=(1, 0, 0, 0),
        nip=("198606272014121003", "199001012015032004"),
    )
    kosong = Instansi.objects.create(pemda=a.instansi.pemda, nama="Kecamatan Kosong")
    return a, b, kosong


def test_recap_ranks_every_kecamatan(kabupaten, artifact_dir):
    a, b, kosong = kabupaten
    data = layanan.data_rekap(a.instansi.pemda, 2025)
    assert [(r.peringkat, r.instansi) for r in data.baris] == [
        (1, "Kecamatan Atas"),
        (2, "Kecamatan Bawah"),
        (None, "Kecamatan Kosong"),
    ]
    atas, bawah, _ = data.baris
    # Atas: 7/7 → 100 and LPJ 100/87,5 → 114,29; mean 107,14.
    assert round(atas.rata_capaian, 2) == Decimal("107.14") and atas.kategori == "Sangat Tinggi"
    assert atas.per_kategori["Sangat Tinggi"] == 2 and atas.kelengkapan == 100
    assert any("Kecamatan Kosong: belum ada dokumen IKI" in p for p in data.peringatan)
    berkas = layanan.buat_rekap(a.instansi.pemda, 2025, "pdf")
    [halaman] = halaman_pdf(berkas.isi)
    assert "REKAPITULASI CAPAIAN KINERJA KECAMATAN KABUPATEN UJI TAHUN 2025" in halaman
    assert "1 Kecamatan Atas 2 2 107,14 Sangat Tinggi 100,00" in halaman
    simpan_png(berkas.isi, 0, artifact_dir / "laporan-rekap.png")


def test_recap_workbook(kabupaten):
    a, _, _ = kabupaten
    ws = load_workbook(io.BytesIO(layanan.buat_rekap(a.instansi.pemda, 2025, "xlsx", kertas="f4").isi))["Rekapitulasi"]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert [r[:2] for r in baris] == [[1, "Kecamatan Atas"], [2, "Kecamatan Bawah"], [None, "Kecamatan Kosong"]]
    assert round(baris[0][4], 2) == 107.14 and ws.cell(row=5, column=5).number_format == "#,##0.00"
    assert ws.page_setup.paperSize == 14 and ws.page_setup.orientation == "landscape"


def test_recap_needs_documents_of_that_year(kabupaten):
    a, _, _ = kabupaten
    with pytest.raises(TidakAda, match="Belum ada dokumen IKI tahun 2019 di Kabupaten Uji"):
        layanan.buat_rekap(a.instansi.pemda, 2019, "xlsx")
