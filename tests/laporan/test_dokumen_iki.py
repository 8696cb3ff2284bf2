"""The Dokumen IKI (cover, Kata Pengantar, Bab I–III, Keputusan, Lampiran) as PDF, DOCX and XLSX."""

import io

import pytest
from openpyxl import load_workbook

from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.laporan import layanan
from kinerja.laporan.isi import LaporanError, TidakAda
from kinerja.laporan.models import TeksStandar
from kinerja.organisasi.models import Jabatan

from .conftest import NIP_CAMAT_TAMPIL, W, buat_kantor, docx, halaman_pdf, simpan_png, teks_docx, teks_pdf, teks_sel

pytestmark = pytest.mark.django_db


def test_pdf_has_every_part_with_names_formulas_and_the_signatory(kantor, artifact_dir):
    berkas = layanan.buat_iki(kantor.instansi, 2025, "pdf")
    assert berkas.isi.startswith(b"%PDF") and berkas.nama == "iki-kecamatan-uji-2025.pdf"
    halaman = halaman_pdf(berkas.isi)
    semua = " ".join(halaman)
    for bagian in (
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II",
        "BAB III PENUTUP",
        "KEPUTUSAN CAMAT UJI",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "KESATU",
        "KEEMPAT",
        "LAMPIRAN",
        "INDIKATOR KINERJA INDIVIDU",
    ):
        assert bagian in semua, bagian
    assert "Nomor 188/01/KEP/2025" in semua and "6 Januari 2025" in semua
    # The Camat holds the jabatan on the SK date: name, pangkat name and NIP as decrees print them.
    assert "Drs. Ahmad Fauzi Uji" in semua and "Penata Tingkat I" in semua and f"NIP. {NIP_CAMAT_TAMPIL}" in semua
    lampiran = [h for h in halaman if "Penjelasan / Formulasi Penghitungan" in h]
    assert len(lampiran) == 2  # one page per jabatan
    camat, sekcam = lampiran
    assert "JABATAN : Camat Uji" in camat and "Persentase desa tertib" in camat
    assert "Jumlah desa tertib" in camat and "Jumlah desa (7)" in camat and "× 100%" in camat
    assert "JABATAN : Sekretaris Kecamatan Uji" in sekcam and "LPJ wajib (4)" in sekcam
    # The table of contents points at real pages.
    # Front matter is numbered i, ii …; BAB I starts again at 1, and the contents say so.
    assert "Kata Pengantar ii" in halaman[2] and "BAB I PENDAHULUAN 1" in halaman[2]
    assert halaman[1].endswith(" ii") and halaman[2].endswith(" iii") and halaman[3].endswith(" 1")
    simpan_png(berkas.isi, halaman.index(camat), artifact_dir / "laporan-iki-lampiran.png")
    simpan_png(
        berkas.isi,
        next(i for i, h in enumerate(halaman) if "MEMUTUSKAN" in h),
        artifact_dir / "laporan-iki-keputusan.png",
    )


@pytest.fixture
def draf(db):
    return buat_kantor(tetapkan=False)


def test_lampiran_groups_the_rows_of_a_sasaran_and_repeats_the_header_on_every_page(draf):
    kantor = draf
    sasaran = Sasaran.objects.get(dokumen=kantor.dokumen, jabatan=kantor.camat)
    for nomor in range(24):
        i = Indikator.objects.create(
            sasaran=sasaran,
            nama=f"Indikator tambahan {nomor:02d} " + "panjang " * 12,
            ekspresi="x / y * 100",
            urutan=10 + nomor,
            sumber_data="Register",
        )
        Variabel.objects.create(indikator=i, kode="x", uraian="Jumlah berkas yang selesai tepat waktu " * 2)
        Variabel.objects.create(indikator=i, kode="y", uraian="Jumlah berkas yang masuk")
    html = layanan.pdf.html_dokumen("iki", layanan.data_iki(kantor.instansi, 2025), layanan.kertas("a4"))
    assert html.count('rowspan="25"') == 2  # No and Sasaran span the sasaran's 25 rows
    berkas = layanan.buat_iki(kantor.instansi, 2025, "pdf")
    halaman = [h for h in halaman_pdf(berkas.isi) if "Indikator tambahan" in h]
    assert len(halaman) >= 2
    assert all("Penjelasan / Formulasi Penghitungan" in h for h in halaman)
    assert "DRAF — belum ditetapkan" in halaman[0]

    dokumen = docx(layanan.buat_iki(kantor.instansi, 2025, "docx").isi)
    assert dokumen.sections[0].header.paragraphs[0].text == "DRAF — belum ditetapkan"
    tabel = next(t for t in dokumen.tables if "Indikator tambahan 00" in teks_docx_tabel(t))
    kepala = tabel.rows[0]._tr
    assert kepala.find(f"{W}trPr/{W}tblHeader") is not None
    assert tabel.rows[1]._tr.find(f"{W}trPr/{W}tblHeader") is None
    # No and Sasaran are merged down the sasaran's rows: restart on the first, continue below.
    for kolom in (0, 1):
        gabung = [tabel.rows[r]._tr.findall(f"{W}tc")[kolom].find(f"{W}tcPr/{W}vMerge") for r in range(1, 26)]
        assert gabung[0].get(f"{W}val") == "restart"
        assert all(g is not None and g.get(f"{W}val") in (None, "continue") for g in gabung[1:])
    assert teks_sel(tabel.cell(25, 1)) == "Meningkatnya tata kelola desa"


def teks_docx_tabel(tabel):
    return " ".join(teks_sel(c) for r in tabel.rows for c in r.cells)


def test_docx_has_the_same_content_with_office_math_fractions(kantor):
    berkas = layanan.buat_iki(kantor.instansi, 2025, "docx")
    assert berkas.nama.endswith(".docx")
    dokumen = docx(berkas.isi)
    semua = teks_docx(dokumen)
    for bagian in (
        "KATA PENGANTAR",
        "BAB I",
        "PENDAHULUAN",
        "BAB III",
        "KEPUTUSAN CAMAT UJI",
        "Menimbang",
        "MEMUTUSKAN:",
        "KESATU",
        "LAMPIRAN",
        f"NIP. {NIP_CAMAT_TAMPIL}",
        "Penata Tingkat I",
    ):
        assert bagian in semua, bagian
    lampiran = [t for t in dokumen.tables if "Sumber Data" in teks_docx_tabel(t)]
    assert len(lampiran) == 2
    baris = lampiran[0].rows[1]
    assert teks_sel(baris.cells[2]) == "Persentase desa tertib"
    rumus = baris.cells[3]._tc
    M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    [pecahan] = rumus.iter(f"{M}f")
    assert "".join(t.text for t in pecahan.find(f"{M}num").iter(f"{M}t")) == "Jumlah desa tertib"
    assert "".join(t.text for t in pecahan.find(f"{M}den").iter(f"{M}t")) == "Jumlah desa (7)"
    assert "× 100%" in teks_sel(baris.cells[3])
    section = dokumen.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == ""  # decreed: no draft mark


def test_f4_paper(kantor):
    section = docx(layanan.buat_iki(kantor.instansi, 2025, "docx", kertas="f4").isi).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    html = layanan.pdf.html_dokumen("iki", layanan.data_iki(kantor.instansi, 2025), layanan.kertas("f4"))
    assert "size: 215mm 330mm" in html
    with pytest.raises(LaporanError, match="kertas"):
        layanan.buat_iki(kantor.instansi, 2025, "pdf", kertas="legal")


def test_the_instansi_own_texts_replace_the_defaults(kantor):
    TeksStandar.objects.create(
        instansi=kantor.instansi, bagian="bab_3", isi="Penutup khusus {instansi} untuk tahun {tahun}."
    )
    TeksStandar.objects.create(instansi=kantor.instansi, bagian="diktum", isi="Diktum satu.\n\nDiktum dua.")
    semua = teks_docx(docx(layanan.buat_iki(kantor.instansi, 2025, "docx").isi))
    assert "Penutup khusus Kecamatan Uji untuk tahun 2025." in semua
    assert "KESATU : Diktum satu." in semua and "KEDUA : Diktum dua." in semua and "KETIGA" not in semua
    assert "Perubahan indikator hanya dilakukan" not in semua  # the default Bab III is gone


def test_signatory_written_on_the_decree_wins_and_an_invalid_nip_is_shown_as_typed(draf):
    kantor = draf
    DokumenIKI.objects.filter(pk=kantor.dokumen.pk).update(
        sk_penandatangan="H. Moh. Plt Camat", sk_penandatangan_pangkat="Pembina Tk. I", sk_penandatangan_nip="123"
    )
    data = layanan.data_iki(kantor.instansi, 2025)
    p = data.penandatangan
    assert (p.jabatan, p.nama, p.pangkat, p.nip) == ("Camat Uji", "H. Moh. Plt Camat", "Pembina Tingkat I", "123")


def test_no_holder_and_no_signatory_leaves_a_blank_and_says_so(draf):
    kantor = draf
    Jabatan.objects.get(pk=kantor.camat.pk).penugasan.all().delete()
    data = layanan.data_iki(kantor.instansi, 2025)
    assert not data.penandatangan.terisi and data.draft
    assert any("Penandatangan keputusan belum diisi" in p for p in data.peringatan)
    assert any("masih draf" in p for p in data.peringatan)
    assert "(………………………………………)" in teks_pdf(layanan.buat_iki(kantor.instansi, 2025, "pdf").isi)


def test_the_catalogue_workbook(kantor):
    berkas = layanan.buat_iki(kantor.instansi, 2025, "xlsx")
    wb = load_workbook(io.BytesIO(berkas.isi))
    ws = wb["Katalog IKI"]
    kepala = [c.value for c in ws[4]]
    assert kepala[:5] == [
        "No",
        "Jabatan",
        "Sasaran / Kinerja Utama",
        "Indikator Kinerja",
        "Penjelasan / Formulasi Penghitungan",
    ]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert [b[3] for b in baris] == ["Persentase desa tertib", "Persentase LPJ tepat waktu"]
    assert baris[0][4] == "Jumlah desa tertib / Jumlah desa (7) × 100%"
    assert baris[0][5] == "desa_tertib / jumlah_desa * 100"
    target = ws.cell(row=6, column=kepala.index("Target") + 1)
    assert target.value == 87.5 and target.data_type == "n" and target.number_format == "#,##0.00"
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.paperSize == 9
    assert all(ws.cell(row=5, column=k).alignment.wrap_text for k in range(1, len(kepala) + 1))
    variabel = [[c.value for c in r] for r in wb["Variabel"].iter_rows(min_row=5)]
    assert ["Sekretaris Kecamatan Uji", "Persentase LPJ tepat waktu", "lpj", "LPJ wajib", "Jumlah", 4, None] in variabel
    assert not any(isinstance(v, str) and v.startswith("=") for r in baris for v in r)
    assert (
        load_workbook(io.BytesIO(layanan.buat_iki(kantor.instansi, 2025, "xlsx", kertas="f4").isi))[
            "Katalog IKI"
        ].page_setup.paperSize
        == 14
    )


def test_revisions_and_missing_years(kantor):
    revisi = kantor.dokumen.buat_revisi()
    assert layanan.data_iki(kantor.instansi, 2025).revisi == 1  # the decreed revision is in force
    assert layanan.data_iki(kantor.instansi, 2025, revisi=revisi.revisi).draft
    with pytest.raises(TidakAda, match="revisi 9 tidak ada"):
        layanan.data_iki(kantor.instansi, 2025, revisi=9)
    with pytest.raises(TidakAda, match="Belum ada dokumen IKI Kecamatan Uji untuk tahun 2031"):
        layanan.buat_iki(kantor.instansi, 2031, "pdf")


def test_menimbang_typed_with_markers_does_not_print_them_twice(draf):
    kantor = draf
    DokumenIKI.objects.filter(pk=kantor.dokumen.pk).update(
        menimbang=["a. bahwa satu;", "b) bahwa dua {instansi};"], mengingat=[]
    )
    data = layanan.data_iki(kantor.instansi, 2025)
    assert data.menimbang == ["bahwa satu;", "bahwa dua Kecamatan Uji;"]
    assert data.mengingat[0].startswith("Undang-Undang Nomor 23 Tahun 2014")


def test_text_that_looks_like_a_formula_stays_text_in_excel(draf):
    Indikator.objects.filter(pk=draf.desa.pk).update(nama='=HYPERLINK("http://contoh.invalid","klik")')
    ws = load_workbook(io.BytesIO(layanan.buat_iki(draf.instansi, 2025, "xlsx").isi))["Katalog IKI"]
    sel = ws.cell(row=5, column=4)
    assert sel.data_type == "s" and sel.value == '=HYPERLINK("http://contoh.invalid","klik")'


def test_reading_a_document_takes_the_same_queries_whatever_its_size(draf, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as kecil:
        layanan.data_iki(draf.instansi, 2025)
    sasaran = Sasaran.objects.get(dokumen=draf.dokumen, jabatan=draf.sekcam)
    for nomor in range(10):
        i = Indikator.objects.create(sasaran=sasaran, nama=f"Tambahan {nomor}", ekspresi="x / y * 100")
        Variabel.objects.create(indikator=i, kode="x", uraian="X")
        Variabel.objects.create(indikator=i, kode="y", uraian="Y")
    with django_assert_max_num_queries(len(kecil.captured_queries)):
        data = layanan.data_iki(draf.instansi, 2025)
    assert data.jumlah_indikator == 12


# The order of property elements that Word checks (ECMA-376 Part 1, §17.4 and §17.3.1.26): a file
# with them out of order opens in LibreOffice but Word calls it corrupt.
URUTAN_SKEMA = {
    "trPr": [
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
    ],
    "tcPr": [
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
    ],
    "tblPr": [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    ],
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
}


@pytest.mark.parametrize("jenis", ["iki", "pk"])
def test_word_files_keep_the_schema_order_of_properties(kantor, jenis):
    from kinerja.realisasi.models import Target

    Target.objects.create(indikator=kantor.lpj, periode="TW1", nilai=25)
    berkas = (
        layanan.buat_iki(kantor.instansi, 2025, "docx")
        if jenis == "iki"
        else layanan.buat_pk(kantor.sekcam, 2025, "docx")
    )
    body = docx(berkas.isi).element.body
    diperiksa = 0
    for tag, urutan in URUTAN_SKEMA.items():
        for elemen in body.iter(f"{W}{tag}"):
            anak = [a.tag.removeprefix(W) for a in elemen]
            assert set(anak) <= set(urutan), (tag, anak)
            assert anak == sorted(anak, key=urutan.index), (tag, anak)
            diperiksa += 1
    assert diperiksa > 50


def test_docx_numbers_the_front_matter_in_roman_and_has_a_contents_field(kantor):
    dokumen = docx(layanan.buat_iki(kantor.instansi, 2025, "docx").isi)
    depan, utama = dokumen.sections
    assert depan._sectPr.find(f"{W}pgNumType").get(f"{W}fmt") == "lowerRoman"
    nomor = utama._sectPr.find(f"{W}pgNumType")
    assert (nomor.get(f"{W}fmt"), nomor.get(f"{W}start")) == ("decimal", "1")
    instr = [t.text for t in dokumen.element.body.iter(f"{W}instrText")]
    assert any(i.strip().startswith("TOC ") for i in instr)
    assert dokumen.settings.element.find(f"{W}updateFields") is not None
