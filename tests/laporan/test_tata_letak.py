"""Every generated document checked as an official would look at it: no word broken inside a DOCX
column, no signature block alone on a PDF page, no table parted from its heading."""

import pytest

from kinerja.laporan import layanan, word
from kinerja.organisasi.models import Jabatan

from .conftest import buat_kantor, docx, kolom_terlalu_sempit, masalah_halaman_pdf

pytestmark = pytest.mark.django_db


def semua_dokumen(kantor, format: str):
    yield "iki", layanan.buat_iki(kantor.instansi, 2025, format)
    yield "pk", layanan.buat_pk(Jabatan.objects.get(pk=kantor.sekcam.pk), 2025, format)
    yield "lkjip", layanan.buat_lkjip(kantor.instansi, 2025, format)
    yield "rekap", layanan.buat_rekap(kantor.instansi.pemda, 2025, format)


def test_no_docx_column_is_narrower_than_its_longest_word(kantor):
    for jenis, berkas in semua_dokumen(kantor, "docx"):
        assert kolom_terlalu_sempit(docx(berkas.isi)) == [], jenis


def test_no_pdf_page_holds_a_lone_signature_or_a_heading_without_its_table(kantor):
    for jenis, berkas in semua_dokumen(kantor, "pdf"):
        assert masalah_halaman_pdf(berkas.isi) == [], jenis


def test_the_widths_give_a_narrow_column_what_its_longest_word_needs():
    lebar = word.bagi_lebar(100, [0.1, 0.6, 0.3], [25, 10, 10])
    assert lebar[0] == pytest.approx(25) and sum(lebar) == pytest.approx(100)
    # The room comes from the others in proportion to their slack (50 and 20 over their minima).
    assert lebar[1] - 10 == pytest.approx((60 - 10) - 15 * 50 / 70)
    # Minima that cannot all fit share the width in their proportion.
    assert word.bagi_lebar(30, [1, 1], [40, 20]) == pytest.approx([20, 10])


def test_a_long_word_widens_its_column_in_the_docx(db):
    kantor = buat_kantor(tetapkan=False)
    sasaran = kantor.desa.sasaran
    sasaran.uraian = "Meningkatnya Kependudukanpencatatan desa"
    sasaran.save()
    dokumen = docx(layanan.buat_iki(kantor.instansi, 2025, "docx").isi)
    assert kolom_terlalu_sempit(dokumen) == []


def test_a_hyphen_inside_a_word_of_a_table_cell_does_not_break():
    from docx import Document

    from .conftest import W, teks_sel

    tabel = Document().add_table(rows=1, cols=1)
    tabel.cell(0, 0).text = "Tunggakan PBB-P2 lewat SP4N-LAPOR - dua arah"
    word.tanda_hubung_tak_putus(tabel._tbl)
    assert len(list(tabel._tbl.iter(f"{W}noBreakHyphen"))) == 2  # the dash between words stays a plain one
    assert teks_sel(tabel.cell(0, 0)) == "Tunggakan PBB-P2 lewat SP4N-LAPOR - dua arah"
    assert tabel.cell(0, 0).text == "Tunggakan PBB-P2 lewat SP4N-LAPOR - dua arah"
