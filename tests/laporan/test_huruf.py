"""The typeface ships with the package: every PDF uses only it, whatever fonts the server has."""

import io

import pytest

from kinerja.laporan import huruf, layanan

pytestmark = pytest.mark.django_db


def font_pdf(isi: bytes) -> set[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        return {c["fontname"].split("+", 1)[-1] for halaman in pdf.pages for c in halaman.chars}


def test_the_shipped_files_and_their_licence_are_in_the_package():
    for nama in ("regular", "bold", "italic", "bolditalic"):
        assert (huruf.FOLDER / f"texgyrebonum-{nama}.otf").stat().st_size > 100_000
    assert "GUST Font License" in (huruf.FOLDER / "GUST-FONT-LICENSE.txt").read_text()


@pytest.mark.parametrize("jenis", ["iki", "lkjip"])
def test_every_glyph_of_a_pdf_is_set_in_the_shipped_typeface(kantor, jenis):
    buat = {"iki": layanan.buat_iki, "lkjip": layanan.buat_lkjip}[jenis]
    fonts = font_pdf(buat(kantor.instansi, 2025, "pdf").isi)
    # WeasyPrint names an embedded @font-face font after its family: the name no system font has.
    assert fonts and all(f.startswith(huruf.HURUF_PDF.replace(" ", "-")) for f in fonts), fonts
    # Bold (headings, table heads) comes from its own file, not a synthesised bold.
    assert any("Bold" in f for f in fonts)


def test_word_width_grows_with_size_and_weight():
    biasa = huruf.lebar_teks_pt("Kependudukan", 10)
    assert biasa == pytest.approx(2 * huruf.lebar_teks_pt("Kependudukan", 5))
    assert huruf.lebar_teks_pt("Kependudukan", 10, tebal=True) > biasa > huruf.lebar_teks_pt("Kependuduk", 10)


def test_the_preview_fetches_the_typeface_from_the_static_files():
    css = huruf.css_font_face(lambda berkas: f"/static/laporan/huruf/{berkas}")
    assert 'url("/static/laporan/huruf/texgyrebonum-bold.otf")' in css
    assert f'url("{(huruf.FOLDER / "texgyrebonum-regular.otf").as_uri()}")' in huruf.css_font_face()


def test_a_docx_carries_the_four_faces_embedded_as_word_expects(kantor):
    """ECMA-376 §17.8.1: each face a part of the font table, its first 32 bytes XORed with its fontKey
    (the GUID's bytes reversed); the settings ask Word to use embedded fonts."""
    import re
    import uuid
    import zipfile

    isi = zipfile.ZipFile(io.BytesIO(layanan.buat_pk(kantor.sekcam, 2025, "docx").isi))
    assert "<w:embedTrueTypeFonts/>" in isi.read("word/settings.xml").decode()
    tabel = isi.read("word/fontTable.xml").decode()
    rel = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', isi.read("word/_rels/fontTable.xml.rels").decode()))
    [entri] = re.findall(rf'<w:font w:name="{huruf.HURUF}">.*?</w:font>', tabel)
    tertanam = re.findall(r'<w:(embed\w+) r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}"/>', entri)
    assert [u for u, _, _ in tertanam] == ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"]
    for (_, rid, kunci), nama in zip(tertanam, ("regular", "bold", "italic", "bolditalic"), strict=True):
        data = bytearray(isi.read(f"word/{rel[rid]}"))
        balik = uuid.UUID(kunci).bytes[::-1]
        for i in range(32):
            data[i] ^= balik[i % 16]
        assert bytes(data) == (huruf.FOLDER / f"texgyrebonum-{nama}.otf").read_bytes()
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in isi.read("[Content_Types].xml").decode()
