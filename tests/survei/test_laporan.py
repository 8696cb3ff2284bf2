"""The SKM report: the PDF and XLSX are opened and their numbers checked; the SVG chart."""

import io
import re
from decimal import Decimal

import openpyxl
import pdfplumber
import pytest

from kinerja.ikm import hitung_ikm
from kinerja.survei import layanan
from kinerja.survei.grafik import WARNA_BIASA, WARNA_PRIORITAS, grafik_nrr
from kinerja.survei.laporan import laporan_pdf, laporan_xlsx, nama_berkas, susun_laporan

from .conftest import IKM_2017, JAWABAN_2004, JAWABAN_2017, KODE_2004, KODE_2017, ke_csv, tabel

pytestmark = pytest.mark.django_db

PROFIL = {
    "Jenis layanan": ["KTP", "KK", "KTP", ""],
    "Umur": ["25", "41", "", "67"],
    "Jenis kelamin": ["L", "Perempuan", "laki-laki", "P"],
}


@pytest.fixture
def laporan(kantor, survei):
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017, PROFIL)), "j.csv", "2017")
    layanan.simpan_impor(kantor.admin, survei, pratinjau)
    return susun_laporan(survei)


def teks_pdf(isi: bytes) -> str:
    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        return "\n".join(halaman.extract_text() for halaman in pdf.pages)


def test_pdf_shows_the_standard_table_in_indonesian_numbers(laporan):
    isi = laporan_pdf(laporan)
    assert isi.startswith(b"%PDF-")
    teks = teks_pdf(isi)
    assert "Laporan Hasil Survei Kepuasan Masyarakat" in teks and "Kecamatan Uji" in teks
    assert "Nilai IKM: 77,78 — mutu B (Baik)" in teks
    assert re.search(r"IKM unit pelayanan \(× 25\) 77,78", teks)
    assert re.search(r"Jumlah NRR tertimbang \(IKM skala 1–4\) 3,111", teks)
    assert re.search(r"1 U1 Persyaratan 4 3,50 0,389", teks)
    assert re.search(r"3 U3 Waktu Penyelesaian \(prioritas 1\) 3 2,00 0,222", teks)
    assert "1. U3 Waktu Penyelesaian — NRR 2,00" in teks
    assert "3. U2 Sistem, Mekanisme, dan Prosedur — NRR 3,00" in teks
    assert "KTP 2 76,39 C Kurang Baik" in teks  # per jenis layanan
    assert "Laki-laki 2 50,00%" in teks and "Tidak diisi 1 25,00%" in teks  # profile
    assert "77.78" not in teks and "3.50" not in teks


def test_xlsx_holds_the_numbers_as_numbers(laporan):
    buku = openpyxl.load_workbook(io.BytesIO(laporan_xlsx(laporan)))
    assert buku.sheetnames == ["Hasil", "Profil", "Per layanan", "Responden"]
    hasil = {baris[2]: baris for baris in buku["Hasil"].iter_rows(min_row=6, values_only=True) if baris[2]}
    assert hasil["Persyaratan"][3:7] == (4, 3.5, 0.389, None)
    assert hasil["Waktu Penyelesaian"][3:7] == (3, 2, 0.222, 1)
    assert hasil["IKM unit pelayanan (× 25)"][5] == 77.78
    assert hasil["Jumlah NRR tertimbang (IKM 1–4)"][5] == 3.111
    assert hasil["Mutu pelayanan"][5] == "B" and hasil["Kinerja unit pelayanan"][5] == "Baik"
    profil = [baris for baris in buku["Profil"].iter_rows(min_row=4, values_only=True)]
    assert ("Jenis Kelamin", "Laki-laki", 2, 50) in profil and ("Umur", "> 50 tahun", 1, 25) in profil
    assert list(buku["Per layanan"].iter_rows(min_row=4, values_only=True)) == [
        ("KK", 1, 77.78, "B", "Baik"),
        ("KTP", 2, 76.39, "C", "Kurang Baik"),
    ]


def test_xlsx_answers_sheet_imports_back_to_the_same_index(laporan):
    pratinjau = layanan.pratinjau_impor(laporan_xlsx(laporan), "laporan.xlsx", "2017")
    assert pratinjau.lembar == "Responden" and not pratinjau.kesalahan
    assert pratinjau.hasil.nilai_dibulatkan == Decimal(IKM_2017)
    assert [r["jenis_layanan"] for r in pratinjau.responden] == ["KTP", "KK", "KTP", None]


def test_report_of_a_2004_survey_lists_fourteen_unsur(kantor):
    survei = layanan.buat_survei(
        kantor.admin, kantor.instansi, tahun=2020, periode="TAHUN", regulasi="2004", bobot="lama"
    )
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2004, KODE_2004)), "lama.csv", "2004", bobot="lama")
    layanan.simpan_impor(kantor.admin, survei, pratinjau)
    laporan = susun_laporan(survei)
    assert [b.unsur.kode for b in laporan.baris] == KODE_2004 and not laporan.per_layanan and not laporan.profil
    teks = teks_pdf(laporan_pdf(laporan))
    assert "KepMenPAN Nomor 25 Tahun 2004" in teks and "IKM unit pelayanan (× 25) 75,44" in teks
    assert "Bobot tiap unsur 0,0710 (dibulatkan seperti laporan lama)" in teks
    assert nama_berkas(survei, "pdf") == "SKM_Uji_2020_TAHUN.pdf"


def test_chart_has_a_bar_per_answered_unsur_with_the_weakest_marked():
    jawaban = [dict(zip(KODE_2017, baris, strict=True)) for baris in JAWABAN_2017]
    for satu in jawaban:
        satu["U6"] = None  # nobody answered U6
    svg = grafik_nrr(hitung_ikm(jawaban))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count(f'fill="{WARNA_BIASA}"') == 5
    assert svg.count(f'fill="{WARNA_PRIORITAS}"') == 3 + 1  # three bars and the legend
    assert "U6 Kompetensi Pelaksana</text>" in svg and "tidak dijawab" in svg
    assert ">3,50</text>" in svg and "U8 Penanganan Pengaduan, Saran dan Masukan" in svg
    lebar = {kode: float(w) for w, kode in re.findall(r'width="([\d.]+)" height="\d+" fill="#\w+"><title>(U\d+)', svg)}
    assert len(lebar) == 8 and "U6" not in lebar
    assert lebar["U4"] == 2 * lebar["U3"]  # bars are proportional to NRR (4 vs 2)


def test_profile_text_that_looks_like_a_formula_stays_text_in_the_xlsx(kantor, survei):
    jahat = '=HYPERLINK("http://contoh.invalid","klik")'
    profil = {**PROFIL, "Jenis layanan": [jahat, "@SUM(1)", "KTP", ""]}
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017, profil)), "j.csv", "2017")
    layanan.simpan_impor(kantor.admin, survei, pratinjau)
    buku = openpyxl.load_workbook(io.BytesIO(laporan_xlsx(susun_laporan(survei))))
    sel = [
        s for lembar in buku.worksheets for baris in lembar.iter_rows() for s in baris if s.value in (jahat, "@SUM(1)")
    ]
    assert len(sel) >= 2 and {(s.data_type, s.quotePrefix) for s in sel} == {("s", True)}


def test_the_report_is_a_peer_of_the_official_documents(laporan):
    """Kop, signature and the shipped typeface in the PDF; the same in a DOCX; XLSX print setup."""
    from kinerja.laporan.huruf import HURUF_PDF
    from kinerja.survei.laporan import laporan_docx

    isi = laporan_pdf(laporan)
    teks = teks_pdf(isi)
    instansi = laporan.survei.instansi
    assert f"PEMERINTAH {instansi.pemda.nama.upper()}" in teks and instansi.nama.upper() in teks
    # The head's signature block: place and date, then the jabatan.
    from kinerja.laporan.isi import sebutan_kepala

    assert f"{instansi.nama_wilayah}, " in teks and f"{sebutan_kepala(instansi).upper()}," in teks
    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        fonts = {c["fontname"].split("+", 1)[-1] for h in pdf.pages for c in h.chars}
    assert all(f.startswith(HURUF_PDF.replace(" ", "-")) for f in fonts), fonts

    import docx

    dokumen = docx.Document(io.BytesIO(laporan_docx(laporan)))
    semua = "\n".join(p.text for p in dokumen.paragraphs)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in semua and instansi.nama.upper() in semua
    assert any(laporan.baris[0].unsur.nama in c.text for t in dokumen.tables for r in t.rows for c in r.cells)

    buku = openpyxl.load_workbook(io.BytesIO(laporan_xlsx(laporan)))
    for ws in buku.worksheets:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage and "&P" in ws.oddFooter.center.text
    assert buku["Hasil"].print_title_rows == "$5:$5"
    assert buku["Responden"].page_setup.orientation == "landscape"


def test_kinerja_report_skm_writes_each_format(laporan, tmp_path, capsys):
    from kinerja.cli import main

    survei = laporan.survei
    dasar = ["report", "skm", "--instansi", str(survei.instansi.pk), "--tahun", str(survei.tahun)]
    for format in ("pdf", "docx", "xlsx"):
        tujuan = tmp_path / f"skm.{format}"
        assert main([*dasar, "--periode", survei.periode, "--format", format, "-o", str(tujuan)]) == 0
        assert tujuan.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert main([*dasar[:-1], "1999", "--format", "pdf"]) == 1
    assert "tidak ada SKM" in capsys.readouterr().err
