"""Word (DOCX) versions of the documents, written with python-docx from the same data as the PDF.

Offices edit these before signing, so the file is built from plain Word parts: real tables with
merged cells and a header row that repeats on every page (w:tblHeader), lists as hanging-indented
paragraphs, formulas as Office Math fractions (see pecahan.pecahan_omml), charts as PNG pictures of the PDF's SVG
(grafik.ke_png), page numbers in the footer. Nothing depends on a template file.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterable, Sequence
from functools import cache

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from kinerja.format import format_angka, format_persen
from kinerja.rumus.pohon import kali_seratus_persen

from . import grafik, huruf
from . import teks as teks_standar
from .isi import (
    BarisPengukuran,
    DokumenIKIData,
    IndikatorDok,
    JabatanDok,
    Pejabat,
    PengukuranData,
    PerjanjianData,
    RekapData,
)
from .kertas import Kertas
from .pecahan import ada_pecahan, pecahan_omml

# The shipped typeface (huruf.py): column widths are measured with its metrics. Word falls back to
# Bookman Old Style, of which it is a clone, where it is not installed (see _daftarkan_huruf).
HURUF = huruf.HURUF
HURUF_PENGGANTI = "Bookman Old Style"
UKURAN = 11
UKURAN_TABEL = 9.5
MARGIN_MM = {"top": 20, "bottom": 20, "left": 25, "right": 20}


_TEMA_HURUF = re.compile(rb'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*(")')


# The faces Word embeds (w:embedRegular …), each from its shipped file.
_HURUF_TERTANAM = (
    ("embedRegular", "texgyrebonum-regular.otf"),
    ("embedBold", "texgyrebonum-bold.otf"),
    ("embedItalic", "texgyrebonum-italic.otf"),
    ("embedBoldItalic", "texgyrebonum-bolditalic.otf"),
)
_JENIS_HURUF_TERTANAM = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


@cache
def _huruf_tersamar(berkas: str) -> tuple[str, bytes]:
    """(fontKey, file) of a shipped face as ECMA-376 §17.8.1 embeds it: the first 32 bytes XORed with
    the key's 16 bytes in reverse order. The key is derived from the file name, so the same document
    gives the same bytes."""
    kunci = uuid.uuid5(uuid.NAMESPACE_URL, f"kinerja/huruf/{berkas}")
    balik = kunci.bytes[::-1]
    isi = bytearray((huruf.FOLDER / berkas).read_bytes())
    for i in range(32):
        isi[i] ^= balik[i % 16]
    return "{" + str(kunci).upper() + "}", bytes(isi)


def _daftarkan_huruf(doc) -> None:
    """The shipped typeface everywhere Word looks for one: the theme's heading and body fonts, the
    document defaults, every style (theme references removed, else headings fall back to the theme's
    Calibri), and the font table with Bookman Old Style as the substitute where it is missing. The
    faces themselves are embedded (w:embedTrueTypeFonts), so LibreOffice, and Word where it takes
    them, set the text in the face the column widths were measured with instead of a fallback."""
    for bagian in doc.part.package.iter_parts():
        if bagian.partname.endswith("/theme/theme1.xml"):
            bagian._blob = _TEMA_HURUF.sub(rb"\g<1>" + HURUF.encode() + rb"\g<2>", bagian.blob)
    styles = doc.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for atribut in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(atribut), None)
        for atribut in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(atribut), HURUF)
    # python-docx keeps the font table as raw bytes: the entry goes in as text.
    font_table = doc.part.part_related_by(RT.FONT_TABLE)
    tertanam = []
    for nomor, (unsur, berkas) in enumerate(_HURUF_TERTANAM, 1):
        kunci, isi = _huruf_tersamar(berkas)
        bagian = Part(PackURI(f"/word/fonts/font{nomor}.odttf"), _JENIS_HURUF_TERTANAM, isi, doc.part.package)
        rid = font_table.relate_to(bagian, RT.FONT)
        tertanam.append(f'<w:{unsur} r:id="{rid}" w:fontKey="{kunci}"/>')
    entri = (
        f'<w:font w:name="{HURUF}"><w:altName w:val="{HURUF_PENGGANTI}"/><w:panose1 w:val="02050604050505020204"/>'
        '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>' + "".join(tertanam) + "</w:font>"
    )
    font_table._blob = re.sub(rb"(<w:fonts[^>]*>)", lambda m: m.group(1) + entri.encode(), font_table.blob, count=1)
    pengaturan = doc.settings.element
    if pengaturan.find(qn("w:embedTrueTypeFonts")) is None:
        zoom = pengaturan.find(qn("w:zoom"))
        tanam = OxmlElement("w:embedTrueTypeFonts")
        if zoom is not None:
            zoom.addnext(tanam)
        else:
            pengaturan.insert(0, tanam)


class Penyusun:
    """A Word document being written, with the few building blocks official documents need."""

    def __init__(self, kertas: Kertas, *, mendatar: bool = False):
        self.doc = Document()
        section = self.doc.sections[0]
        lebar, tinggi = (kertas.tinggi_mm, kertas.lebar_mm) if mendatar else (kertas.lebar_mm, kertas.tinggi_mm)
        section.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(lebar), Mm(tinggi)
        section.top_margin, section.bottom_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGIN_MM["left"]), Mm(MARGIN_MM["right"])
        self.lebar_teks_mm = lebar - MARGIN_MM["left"] - MARGIN_MM["right"]
        # Ruled tables whose column widths are set from their content when the file is saved.
        self._tabel_data: list[tuple[object, list[float], float]] = []
        _daftarkan_huruf(self.doc)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(UKURAN)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.15
        judul = self.doc.styles["Heading 1"]
        judul.font.size, judul.font.bold = Pt(13), True
        judul.font.color.rgb = RGBColor(0, 0, 0)
        judul.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        judul.paragraph_format.space_before, judul.paragraph_format.space_after = Pt(0), Pt(10)
        self._nomor_halaman(section)

    @staticmethod
    def _nomor_halaman(section) -> None:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        p._p.append(field)

    def bagian_baru_nomor_ulang(self) -> None:
        """End the front matter: what came before is numbered i, ii …; a new section on a new page
        starts again at 1 (the footer's PAGE field follows each section's w:pgNumType)."""
        self.doc.add_section(WD_SECTION.NEW_PAGE)
        depan, utama = (bagian._sectPr for bagian in self.doc.sections[-2:])
        for sectPr, atribut in (
            (depan, {"w:fmt": "lowerRoman", "w:start": "1"}),
            (utama, {"w:fmt": "decimal", "w:start": "1"}),
        ):
            for lama in sectPr.findall(qn("w:pgNumType")):
                sectPr.remove(lama)
            nomor = OxmlElement("w:pgNumType")
            for nama, nilai in atribut.items():
                nomor.set(qn(nama), nilai)
            sectPr.insert_element_before(
                nomor,
                "w:cols",
                "w:formProt",
                "w:vAlign",
                "w:noEndnote",
                "w:titlePg",
                "w:textDirection",
                "w:bidi",
                "w:rtlGutter",
                "w:docGrid",
                "w:printerSettings",
                "w:sectPrChange",
            )

    def daftar_isi(self, entri: Sequence[str]) -> None:
        """A real Word table of contents (a TOC field over the headings and outline-level paragraphs).
        Its cached text lists ``entri`` without page numbers, which only Word's layout knows: the
        document asks Word to update its fields on opening (w:updateFields)."""
        self.judul("DAFTAR ISI", ukuran=13, sesudah=10)
        tab = Mm(self.lebar_teks_mm)
        paragraf = []
        for teks in entri or [""]:
            p = self.doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(tab, alignment=WD_TAB_ALIGNMENT.RIGHT, leader=WD_TAB_LEADER.DOTS)
            p.add_run(teks)
            paragraf.append(p)

        def field_char(jenis: str):
            run = OxmlElement("w:r")
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), jenis)
            if jenis == "begin":
                char.set(qn("w:dirty"), "true")
            run.append(char)
            return run

        instr_run = OxmlElement("w:r")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-1" \\h \\z \\u '
        instr_run.append(instr)
        pertama = paragraf[0]._p
        posisi = pertama.index(pertama.r_lst[0]) if pertama.r_lst else len(pertama)
        for i, elemen in enumerate((field_char("begin"), instr_run, field_char("separate"))):
            pertama.insert(posisi + i, elemen)
        paragraf[-1]._p.append(field_char("end"))
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is None:
            perbarui = OxmlElement("w:updateFields")
            perbarui.set(qn("w:val"), "true")
            settings.insert_element_before(perbarui, *_SETELAH_UPDATE_FIELDS)

    def tandai_draf(self) -> None:
        """'DRAF — belum ditetapkan' at the top of every page, as the PDF has it."""
        p = self.doc.sections[0].header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run("DRAF — belum ditetapkan")
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0xBB, 0, 0)

    def simpan(self) -> bytes:
        for tabel, lebar_mm, ukuran in self._tabel_data:
            rapikan_kolom(tabel, sum(lebar_mm), lebar_mm, ukuran)
        self._tabel_data.clear()
        for tbl in self.doc.element.body.iter(qn("w:tbl")):
            tanda_hubung_tak_putus(tbl)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # --- paragraphs -----------------------------------------------------------------------

    def halaman_baru(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def judul(
        self,
        baris: str | Sequence[str],
        *,
        ukuran: float = 13,
        tebal: bool = True,
        sebelum: float = 0,
        sesudah: float = 8,
        gaya: str | None = None,
    ):
        """Centred heading; a sequence gives several lines in one paragraph."""
        p = self.doc.add_paragraph(style=gaya)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(sebelum), Pt(sesudah)
        p.paragraph_format.keep_with_next = True
        for i, teks in enumerate([baris] if isinstance(baris, str) else baris):
            run = p.add_run(teks)
            run.bold, run.font.size = tebal, Pt(ukuran)
            if i < (0 if isinstance(baris, str) else len(baris) - 1):
                run.add_break()
        return p

    def bab(self, baris: Sequence[str]):
        """A chapter heading (Word's Heading 1, so it shows in the navigation pane)."""
        p = self.doc.add_paragraph(style="Heading 1")
        for i, teks in enumerate(baris):
            run = p.add_run(teks)
            if i < len(baris) - 1:
                run.add_break()
        return p

    def paragraf(self, teks: str, *, inden: bool = True, rata: str = "justify", wadah=None, tebal: bool = False):
        p = (wadah or self.doc).add_paragraph()
        p.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
        }[rata]
        if inden:
            p.paragraph_format.first_line_indent = Mm(10)
        p.add_run(teks).bold = tebal
        return p

    def butir(self, penanda: str, teks: str, *, wadah=None, inden_mm: float = 0, gantung_mm: float = 8):
        """One list item: the marker hangs in the margin of the item's text."""
        p = (wadah or self.doc).add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.left_indent = Mm(inden_mm + gantung_mm)
        p.paragraph_format.first_line_indent = Mm(-gantung_mm)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(inden_mm + gantung_mm))
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{penanda}\t{teks}")
        return p

    def blok(self, daftar_blok: Sequence, *, wadah=None, inden: bool = True) -> None:
        """Headings, paragraphs and lists of a standard text (teks.urai)."""
        for blok in daftar_blok:
            if isinstance(blok, teks_standar.Judul):
                p = (wadah or self.doc).add_paragraph()
                p.paragraph_format.space_before = Pt(8)
                p.paragraph_format.keep_with_next = True
                p.add_run(blok.teks).bold = True
            elif isinstance(blok, teks_standar.Paragraf):
                self.paragraf(blok.teks, wadah=wadah, inden=inden)
            else:
                for i, butir in enumerate(blok.butir):
                    self.butir(blok.penanda(i), butir, wadah=wadah, inden_mm=0)

    def tanda_tangan(
        self,
        pejabat: Pejabat,
        *,
        tempat_tanggal: str = "",
        ditetapkan: tuple[str, str] | None = None,
        koma: bool = False,
    ) -> None:
        """The signature block on the right half of the page, kept on one page."""
        baris: list[tuple[str, bool, bool]] = []  # (text, bold, underline)
        if ditetapkan:
            baris += [
                (f"Ditetapkan di\t: {ditetapkan[0]}", False, False),
                (f"pada tanggal\t: {ditetapkan[1]}", False, False),
            ]
        if tempat_tanggal:
            baris.append((tempat_tanggal, False, False))
        baris.append((pejabat.jabatan.upper() + ("," if koma else ""), True, False))
        baris += [("", False, False)] * 3
        baris += _baris_nama(pejabat, nip_kosong=True)
        setengah = Mm(self.lebar_teks_mm / 2)
        for i, (teks, tebal, garis) in enumerate(baris):
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if "\t" in teks else WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.left_indent = setengah
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = i < len(baris) - 1
            if i == 0:
                p.paragraph_format.space_before = Pt(12)
            if "\t" in teks:
                p.paragraph_format.tab_stops.add_tab_stop(setengah + Mm(28))
            run = p.add_run(teks)
            run.bold, run.underline = tebal, garis

    # --- tables ---------------------------------------------------------------------------

    def tabel_isian(
        self,
        baris: Sequence[tuple[str, str | Sequence[str] | Sequence]],
        *,
        label_mm: float = 32,
        gaya_daftar: str = "huruf",
        geser_mm: float = 0,
    ):
        """Label : content rows without borders. Content is a text, a list of texts (a lettered or
        numbered list), or standard-text blocks. ``geser_mm`` indents the whole table."""
        tabel = self.doc.add_table(rows=0, cols=3)
        tabel.autofit = False
        if geser_mm:
            inden = _sisip(tabel._tbl.tblPr, "w:tblInd")
            inden.set(qn("w:w"), str(round(geser_mm * 56.7)))  # twentieths of a point per millimetre
            inden.set(qn("w:type"), "dxa")
        lebar = [label_mm, 4, self.lebar_teks_mm - geser_mm - label_mm - 4]
        for label, isi in baris:
            sel = tabel.add_row().cells
            for kolom, mm in zip(sel, lebar):
                kolom.width = Mm(mm)
            sel[0].paragraphs[0].add_run(label)
            sel[1].paragraphs[0].add_run(":")
            wadah = sel[2]
            if isinstance(isi, str):
                wadah.paragraphs[0].add_run(isi)
                wadah.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            elif isi and not isinstance(isi[0], str):
                self.blok(isi, wadah=wadah, inden=False)
                _hapus_paragraf_pertama(wadah)
            elif len(isi) == 1:
                wadah.paragraphs[0].add_run(isi[0])
            else:
                contoh = teks_standar.Daftar(gaya_daftar)
                for i, butir in enumerate(isi):
                    self.butir(contoh.penanda(i), butir, wadah=wadah, gantung_mm=7)
                _hapus_paragraf_pertama(wadah)
        rapikan_kolom(tabel, sum(lebar), lebar, UKURAN)
        return tabel

    def tabel_data(
        self,
        kepala: Sequence[str],
        lebar_mm: Sequence[float],
        *,
        ukuran: float = UKURAN_TABEL,
        judul: str | None = None,
        kelompok: Sequence[tuple[str, int, int]] = (),
    ):
        """A ruled table whose header rows repeat on every page.

        ``judul`` puts a row across the whole table above the column heads (the sasaran of a
        measurement table). ``kelompok`` (text, first column, last column) groups columns under a
        common head in a row of its own; the heads of the other columns then span both rows."""
        atas = int(judul is not None) + int(bool(kelompok))
        tabel = self.doc.add_table(rows=atas + 1, cols=len(kepala))
        tabel.style = "Table Grid"
        tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
        tabel.autofit = False
        for baris in tabel.rows:
            _tandai(baris, "w:tblHeader")
            _tandai(baris, "w:cantSplit")
            for sel, mm in zip(baris.cells, lebar_mm):
                sel.width = Mm(mm)
                _arsir(sel, "E8E8E8")

        def tulis(sel, teks: str, rata=WD_ALIGN_PARAGRAPH.CENTER) -> None:
            sel.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = sel.paragraphs[0]
            p.alignment = rata
            run = p.add_run(teks)
            run.bold, run.font.size = True, Pt(ukuran)

        if judul is not None:
            tulis(tabel.cell(0, 0).merge(tabel.cell(0, len(kepala) - 1)), judul, WD_ALIGN_PARAGRAPH.LEFT)
        terakhir = atas
        if kelompok:
            dikelompokkan = set()
            for teks, awal, akhir in kelompok:
                tulis(tabel.cell(atas - 1, awal).merge(tabel.cell(atas - 1, akhir)), teks)
                dikelompokkan.update(range(awal, akhir + 1))
            for kolom, teks in enumerate(kepala):
                if kolom in dikelompokkan:
                    tulis(tabel.cell(terakhir, kolom), teks)
                else:
                    tulis(tabel.cell(atas - 1, kolom).merge(tabel.cell(terakhir, kolom)), teks)
        else:
            for kolom, teks in enumerate(kepala):
                tulis(tabel.cell(terakhir, kolom), teks)
        _lebar_kolom(tabel, lebar_mm)
        self._tabel_data.append((tabel, list(lebar_mm), ukuran))
        return tabel

    def rapikan_sekarang(self, tabel, tambahan=None) -> list[float]:
        """Set a ruled table's widths now (rather than on saving), when content to come depends on them."""
        for i, (t, lebar_mm, ukuran) in enumerate(self._tabel_data):
            if t is tabel:
                del self._tabel_data[i]
                return rapikan_kolom(tabel, sum(lebar_mm), lebar_mm, ukuran, tambahan)
        raise ValueError("not a table of tabel_data")

    def gambar(self, png: bytes, lebar_mm: float) -> None:
        """A picture centred on its own line, never wider than the text."""
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(4)
        # Single spacing: a proportional one (Normal's 1.15) stretches the picture's line by as much.
        p.paragraph_format.line_spacing = 1.0
        p.add_run().add_picture(io.BytesIO(png), width=Mm(min(lebar_mm, self.lebar_teks_mm)))

    @staticmethod
    def baris_data(
        tabel,
        isi: Sequence[str | None],
        lebar_mm: Sequence[float],
        *,
        ukuran: float = UKURAN_TABEL,
        kanan: Sequence[int] = (),
        tengah: Sequence[int] = (),
        tebal: bool = False,
        arsir: str | None = None,
    ):
        """Append a row; None leaves a cell empty (for a merged cell or a formula written later)."""
        baris = tabel.add_row()
        _tandai(baris, "w:cantSplit")
        sel_baris = baris.cells
        for kolom, (sel, teks, mm) in enumerate(zip(sel_baris, isi, lebar_mm)):
            sel.width = Mm(mm)
            if arsir:
                _arsir(sel, arsir)
            p = sel.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            if kolom in kanan:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif kolom in tengah:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if teks:
                run = p.add_run(teks)
                run.font.size, run.bold = Pt(ukuran), tebal
        return sel_baris


def _hapus_paragraf_pertama(sel) -> None:
    """A new cell starts with an empty paragraph; drop it when the content added its own."""
    pertama = sel.paragraphs[0]
    if not pertama.text and len(sel.paragraphs) > 1:
        pertama._p.getparent().remove(pertama._p)


# Word refuses a file whose property elements are out of schema order, so each one is inserted
# before the first of the elements that must follow it.
_SETELAH = {
    "w:cantSplit": (
        "w:trHeight",
        "w:tblHeader",
        "w:tblCellSpacing",
        "w:jc",
        "w:hidden",
        "w:ins",
        "w:del",
        "w:trPrChange",
    ),
    "w:tblHeader": ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
    "w:shd": (
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
        "w:headers",
        "w:cellIns",
        "w:cellDel",
        "w:cellMerge",
        "w:tcPrChange",
    ),
    "w:tblInd": (
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    ),
    "w:pBdr": (
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ),
}


_SETELAH_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def tingkat_kerangka(p, tingkat: int = 0) -> None:
    """An outline level on a paragraph that is no Heading, so the Daftar Isi lists it."""
    pPr = p._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(tingkat))
    pPr.insert_element_before(lvl, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _sisip(induk, tag: str):
    """A new property element ``tag`` inside ``induk``, at its place in the schema order."""
    elemen = OxmlElement(tag)
    induk.insert_element_before(elemen, *_SETELAH[tag])
    return elemen


def _tandai(baris, tag: str) -> None:
    """Set a row property: w:tblHeader (repeat on every page) or w:cantSplit (never split a row)."""
    _sisip(baris._tr.get_or_add_trPr(), tag).set(qn("w:val"), "true")


def _arsir(sel, warna: str) -> None:
    shd = _sisip(sel._tc.get_or_add_tcPr(), "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)


# Word's default left and right cell margins (108 twentieths of a point each, "Table Grid"), and half a
# millimetre of air so a word exactly as wide as its column still fits after rounding.
MARGIN_SEL_MM = 2 * 108 / 56.7 + 0.5
_MM_PER_PT = 25.4 / 72


def lebar_kata_mm(teks: str, ukuran: float, *, tebal: bool = False) -> float:
    """The width of the widest word of ``teks`` (what cannot break) in the shipped typeface."""
    return max((huruf.lebar_teks_pt(kata, ukuran, tebal=tebal) for kata in teks.split()), default=0) * _MM_PER_PT


def bagi_lebar(total_mm: float, bagian: Sequence[float], minimal_mm: Sequence[float]) -> list[float]:
    """Column widths filling ``total_mm``: each column its share ``bagian`` of the text width, but
    never narrower than ``minimal_mm`` (its longest word); what a column lacks comes from the others
    in proportion to what they have to spare. When even the minima do not fit, they are scaled down
    together (a word then has to break, but every column keeps its proportion)."""
    jumlah_bagian = sum(bagian) or 1
    lebar = [total_mm * b / jumlah_bagian for b in bagian]
    if sum(minimal_mm) >= total_mm:
        return [m * total_mm / sum(minimal_mm) for m in minimal_mm]
    for _ in range(len(lebar)):
        kurang = sum(max(0.0, m - w) for w, m in zip(lebar, minimal_mm))
        if kurang <= 1e-9:
            break
        lebar = [max(w, m) for w, m in zip(lebar, minimal_mm)]
        longgar = [max(0.0, w - m) for w, m in zip(lebar, minimal_mm)]
        total_longgar = sum(longgar)
        lebar = [w - kurang * g / total_longgar for w, g in zip(lebar, longgar)]
    return lebar


_W_B = qn("w:b")


def _unit_sel(tc, ukuran: float) -> Iterable[tuple[str, float, bool]]:
    """(text, size, bold) of each run of a table cell, Word runs and Office Math runs alike."""
    for r in tc.iter(qn("w:r"), "{http://schemas.openxmlformats.org/officeDocument/2006/math}r"):
        teks = "".join(
            t.text or "" for t in r.iter(qn("w:t"), "{http://schemas.openxmlformats.org/officeDocument/2006/math}t")
        )
        if not teks.strip():
            continue
        sz = next(r.iter(qn("w:sz")), None)
        b = next(r.iter(_W_B), None)
        tebal = b is not None and b.get(qn("w:val"), "true") not in ("0", "false")
        yield teks, int(sz.get(qn("w:val"))) / 2 if sz is not None else ukuran, tebal


def lebar_minimal_kolom(tabel, ukuran: float) -> list[float]:
    """Per grid column, the width its longest word needs (cells spanning several columns left out)."""
    minimal = [0.0] * len(tabel._tbl.tblGrid.gridCol_lst)
    for tr in tabel._tbl.tr_lst:
        kolom = 0
        for tc in tr.tc_lst:
            if tc.grid_span == 1 and kolom < len(minimal):
                for teks, besar, tebal in _unit_sel(tc, ukuran):
                    minimal[kolom] = max(minimal[kolom], lebar_kata_mm(teks, besar, tebal=tebal) + MARGIN_SEL_MM)
            kolom += tc.grid_span
    return minimal


def rapikan_kolom(tabel, total_mm: float, bagian: Sequence[float], ukuran: float, tambahan=None) -> list[float]:
    """Set the table's column widths from its content (see bagi_lebar) and return them.
    ``tambahan`` maps a column to a width it needs besides its words (a formula written later)."""
    minimal = lebar_minimal_kolom(tabel, ukuran)
    for kolom, mm in (tambahan or {}).items():
        minimal[kolom] = max(minimal[kolom], mm + MARGIN_SEL_MM)
    lebar = bagi_lebar(total_mm, bagian, minimal)
    for tr in tabel._tbl.tr_lst:
        kolom = 0
        for tc in tr.tc_lst:
            tc.width = Mm(sum(lebar[kolom : kolom + tc.grid_span]))
            kolom += tc.grid_span
    _lebar_kolom(tabel, lebar)
    return lebar


def _lebar_kolom(tabel, lebar_mm: Sequence[float]) -> None:
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    for kolom, mm in zip(tabel.columns, lebar_mm):
        kolom.width = Mm(mm)


_TANDA_HUBUNG = re.compile(r"(?<=\w)-(?=\w)")


def tanda_hubung_tak_putus(tbl) -> None:
    """Hyphens inside a word of a table cell ("PBB-P2", "SP4N-LAPOR") become Word's non-breaking hyphen,
    so a code is never split at the line's end: its column is already as wide as the whole word."""
    for run in tbl.iter(qn("w:r")):
        for t in run.findall(qn("w:t")):
            bagian = _TANDA_HUBUNG.split(t.text or "")
            if len(bagian) == 1:
                continue
            posisi = list(run).index(t)
            run.remove(t)
            unsur = []
            for i, potongan in enumerate(bagian):
                if i:
                    unsur.append(OxmlElement("w:noBreakHyphen"))
                baru = OxmlElement("w:t")
                baru.text = potongan
                baru.set(qn("xml:space"), "preserve")
                unsur.append(baru)
            for geser, u in enumerate(unsur):
                run.insert(posisi + geser, u)


def tetap_dengan_berikut(tabel, baris: Sequence | None = None) -> None:
    """Keep these rows (all by default) on the page of what follows them: Word keeps a row with the next
    when its paragraphs are "keep with next", and a row that cannot split stays whole."""
    for row in tabel.rows if baris is None else baris:
        if row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None:
            _tandai(row, "w:cantSplit")
        for sel in row.cells:
            for p in sel.paragraphs:
                p.paragraph_format.keep_with_next = True


def _gabung_ke_bawah(tabel, kolom: int, dari: int, sampai: int) -> None:
    if sampai > dari:
        tabel.cell(dari, kolom).merge(tabel.cell(sampai, kolom))


_KALI_SERATUS = " × 100%"
# LibreOffice sets an imported Office Math formula in its own 12 pt serif (Liberation Serif), whatever
# size and face the runs ask for. Measured against the shipped face at 12 pt, its capitals are at most
# 0.94 as wide and everything else 0.85. A formula's lines are broken for the wider of the two settings,
# so it fits its cell in Word and in LibreOffice alike, instead of losing "× 100%" past the cell's edge.
_UKURAN_RUMUS_LO = 12
_SKALA_RUMUS_LO = {True: 0.94, False: 0.85}  # by str.isupper()


def _lebar_rumus_pt(teks: str, ukuran: float) -> float:
    lo = sum(huruf.lebar_teks_pt(c, _UKURAN_RUMUS_LO) * _SKALA_RUMUS_LO[c.isupper()] for c in teks)
    return max(huruf.lebar_teks_pt(teks, ukuran), lo)


def _lebar_kali_mm(ukuran: float) -> float:
    # "× 100%" stands beside the fraction as one piece.
    return _lebar_rumus_pt(_KALI_SERATUS, ukuran) * _MM_PER_PT


def _formula_kali_seratus(indikator: IndikatorDok) -> bool:
    return (
        indikator.rumus is not None and ada_pecahan(indikator.rumus.akar) and kali_seratus_persen(indikator.rumus.akar)
    )


def lebar_rumus_mm(indikator: IndikatorDok, ukuran: float = UKURAN_TABEL) -> float:
    """What a formula needs on one line: its longest word, with "× 100%" beside a fraction."""
    teks = " ".join([*indikator.labels.values(), indikator.rumus_teks])
    kali = _lebar_kali_mm(ukuran) if _formula_kali_seratus(indikator) else 0
    kata = teks.replace(_KALI_SERATUS.strip(), "").split()
    return max((_lebar_rumus_pt(k, ukuran) for k in kata), default=0) * _MM_PER_PT + kali


def tulis_rumus(sel, indikator: IndikatorDok, *, lebar_mm: float, ukuran: float = UKURAN_TABEL) -> None:
    """The formula in a cell of ``lebar_mm``: an Office Math fraction whose lines are broken to fit beside
    "× 100%", plain text when it has no division, or the written explanation when there is no formula."""
    p = sel.paragraphs[0]
    if indikator.rumus is not None and ada_pecahan(indikator.rumus.akar):
        ruang = lebar_mm - MARGIN_SEL_MM
        if _formula_kali_seratus(indikator):
            ruang -= _lebar_kali_mm(ukuran)
        p._p.append(
            parse_xml(
                pecahan_omml(
                    indikator.rumus,
                    indikator.labels,
                    ukuran_pt=ukuran,
                    huruf=HURUF,
                    muat=lambda baris: _lebar_rumus_pt(baris, ukuran) * _MM_PER_PT <= ruang,
                )
            )
        )
        return
    p.add_run(indikator.rumus_teks).font.size = Pt(ukuran)


# ---------------------------------------------------------------------------------------------
# Dokumen IKI

LEBAR_LAMPIRAN = (0.05, 0.18, 0.19, 0.41, 0.17)


def tabel_lampiran(penyusun: Penyusun, jabatan: JabatanDok) -> None:
    lebar = [penyusun.lebar_teks_mm * f for f in LEBAR_LAMPIRAN]
    tabel = penyusun.tabel_data(
        ["No", "Sasaran / Kinerja Utama", "Indikator Kinerja", "Penjelasan / Formulasi Penghitungan", "Sumber Data"],
        lebar,
    )
    tetap_dengan_berikut(tabel)  # the head rows with the first indicator
    rumus: list[tuple[object, IndikatorDok]] = []
    for nomor, sasaran in enumerate(jabatan.sasaran, 1):
        awal = len(tabel.rows)
        if not sasaran.indikator:
            penyusun.baris_data(tabel, [str(nomor), sasaran.uraian, "belum ada indikator", "", ""], lebar, tengah=[0])
            continue
        for i, indikator in enumerate(sasaran.indikator):
            pertama = i == 0
            sel = penyusun.baris_data(
                tabel,
                [
                    str(nomor) if pertama else None,
                    sasaran.uraian if pertama else None,
                    indikator.nama,
                    None,
                    indikator.sumber_data,
                ],
                lebar,
                tengah=[0],
            )
            rumus.append((sel[3], indikator))
        _gabung_ke_bawah(tabel, 0, awal, len(tabel.rows) - 1)
        _gabung_ke_bawah(tabel, 1, awal, len(tabel.rows) - 1)
    # The widths first (the formulas' longest words and "× 100%" included), then the formulas broken
    # into lines that fit the column they got.
    perlu = max((lebar_rumus_mm(i) for _, i in rumus), default=0)
    lebar = penyusun.rapikan_sekarang(tabel, {3: perlu})
    for sel, indikator in rumus:
        tulis_rumus(sel, indikator, lebar_mm=lebar[3])


def iki_docx(d: DokumenIKIData, kertas: Kertas) -> bytes:
    """The whole IKI document: cover, Kata Pengantar, Bab I–III, the Keputusan and its Lampiran."""
    w = Penyusun(kertas)
    if d.draft:
        w.tandai_draf()
    w.judul(["DOKUMEN", "INDIKATOR KINERJA INDIVIDU", "(IKI)"], ukuran=20, sebelum=120, sesudah=40)
    w.judul([d.instansi.upper(), d.pemda.upper()], ukuran=16, sesudah=30)
    w.judul(f"TAHUN {d.tahun}", ukuran=16, sesudah=150)
    if d.draft:
        w.judul(f"DRAF — BELUM DITETAPKAN (revisi {d.revisi})", ukuran=11)
    w.judul([f"PEMERINTAH {d.pemda.upper()}", d.instansi.upper(), str(d.tahun)], ukuran=13)

    w.halaman_baru()
    w.bab(["KATA PENGANTAR"])
    w.blok(d.teks["kata_pengantar"])
    w.tanda_tangan(d.penandatangan, tempat_tanggal=d.tempat_tanggal)

    w.halaman_baru()
    w.daftar_isi(
        [
            "KATA PENGANTAR",
            "BAB I PENDAHULUAN",
            f"BAB II INDIKATOR KINERJA INDIVIDU {d.instansi} {d.pemda}".upper(),
            "BAB III PENUTUP",
            f"KEPUTUSAN {d.kepala.upper()}",
            "LAMPIRAN",
        ]
    )

    # Front matter numbered i, ii …; BAB I opens a section numbered from 1 again.
    w.bagian_baru_nomor_ulang()
    for i, (judul, bagian) in enumerate(
        (
            (["BAB I", "PENDAHULUAN"], "bab_1"),
            (["BAB II", "INDIKATOR KINERJA INDIVIDU", f"{d.instansi} {d.pemda}".upper()], "bab_2"),
            (["BAB III", "PENUTUP"], "bab_3"),
        )
    ):
        if i:
            w.halaman_baru()
        w.bab(judul)
        w.blok(d.teks[bagian])
    w.tanda_tangan(d.penandatangan, tempat_tanggal=d.tempat_tanggal)

    w.halaman_baru()
    tulis_kop(w, d.kop)
    tingkat_kerangka(w.judul([f"KEPUTUSAN {d.kepala.upper()}"], ukuran=12, sesudah=0))
    w.judul(f"NOMOR: {d.nomor_sk_teks}", ukuran=12, tebal=False)
    w.judul(
        ["TENTANG", "PENETAPAN INDIKATOR KINERJA INDIVIDU", f"{d.instansi} {d.pemda} TAHUN {d.tahun}".upper()],
        ukuran=12,
    )
    w.judul(f"{d.kepala.upper()},", ukuran=12)
    w.tabel_isian([("Menimbang", d.menimbang if len(d.menimbang) != 1 else d.menimbang[0])], gaya_daftar="huruf")
    w.tabel_isian([("Mengingat", d.mengingat if len(d.mengingat) != 1 else d.mengingat[0])], gaya_daftar="angka")
    w.judul("MEMUTUSKAN:", ukuran=12, sebelum=6)
    diktum = w.tabel_isian(
        [
            (
                "Menetapkan",
                f"KEPUTUSAN {d.kepala} TENTANG PENETAPAN INDIKATOR KINERJA INDIVIDU {d.instansi} "
                f"{d.pemda} TAHUN {d.tahun}.".upper(),
            )
        ]
        + [(nama, blok) for nama, blok in d.diktum]
    )
    # The signature never sits alone on a page: the last diktum goes with it.
    tetap_dengan_berikut(diktum, [diktum.rows[-1]])
    w.tanda_tangan(d.penandatangan, ditetapkan=d.ditetapkan, koma=True)
    if d.tembusan:
        p = w.paragraf("Tembusan:", inden=False, rata="left")
        p.paragraph_format.space_before, p.paragraph_format.keep_with_next = Pt(18), True
        for nomor, penerima in enumerate(d.tembusan, 1):
            w.butir(f"{nomor}.", penerima, gantung_mm=6)

    w.halaman_baru()
    lampiran = w.tabel_isian(
        [
            ("LAMPIRAN", f"KEPUTUSAN {d.kepala.upper()}"),
            ("NOMOR", d.nomor_sk_teks),
            ("TANGGAL", d.tanggal_sk_teks),
            ("TENTANG", f"PENETAPAN INDIKATOR KINERJA INDIVIDU {d.instansi} {d.pemda} TAHUN {d.tahun}".upper()),
        ],
        label_mm=24,
        geser_mm=w.lebar_teks_mm * 0.4,
    )
    tingkat_kerangka(lampiran.rows[0].cells[0].paragraphs[0])
    # A column this narrow, justified, opens wide gaps between the few words of a line ("KEPUTUSAN     CAMAT").
    for baris in lampiran.rows:
        for p in baris.cells[2].paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for indeks, jabatan in enumerate(d.jabatan):
        if indeks:
            w.halaman_baru()
        # The heading, the jabatan's particulars and the table's head rows stay on one page.
        w.judul("INDIKATOR KINERJA INDIVIDU", ukuran=12, sebelum=8)
        tetap_dengan_berikut(w.tabel_isian(jabatan.keterangan))
        jarak = w.doc.add_paragraph().paragraph_format
        jarak.space_after, jarak.keep_with_next = Pt(0), True
        tabel_lampiran(w, jabatan)
    if d.jabatan:
        w.tanda_tangan(d.penandatangan, koma=True)
    return w.simpan()


_UKURAN_KOP = {"pemerintah": (13, True), "kantor": (15, True), "alamat": (9, False), "kontak": (9, False)}
LEBAR_LAMBANG_MM = 22


def tulis_kop(w: Penyusun, kop) -> None:
    """The letterhead (kinerja.laporan.kop): the lambang daerah left of the centred lines when the pemda
    has one, a double rule under it all."""
    if kop.lambang_png:
        tabel = w.doc.add_table(rows=1, cols=2)
        tabel.autofit = False
        kiri, kanan = tabel.rows[0].cells
        gambar = kiri.paragraphs[0]
        gambar.add_run().add_picture(io.BytesIO(kop.lambang_png), height=Mm(25))
        wadah = kanan
        _lebar_kolom(tabel, [LEBAR_LAMBANG_MM + 6, w.lebar_teks_mm - LEBAR_LAMBANG_MM - 6])
        for sel, mm in zip(tabel.rows[0].cells, [LEBAR_LAMBANG_MM + 6, w.lebar_teks_mm - LEBAR_LAMBANG_MM - 6]):
            sel.width = Mm(mm)
            sel.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    else:
        wadah = w.doc
    for i, (kelas, teks) in enumerate(kop.baris):
        p = wadah.paragraphs[0] if wadah is not w.doc and i == 0 else wadah.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(0), Pt(0)
        p.paragraph_format.keep_with_next = True
        ukuran, tebal = _UKURAN_KOP[kelas]
        run = p.add_run(teks)
        run.font.size, run.bold = Pt(ukuran), tebal
    garis = w.doc.add_paragraph()
    garis.paragraph_format.space_after = Pt(10)
    garis.add_run().font.size = Pt(2)
    _garis_bawah(garis)


def _garis_bawah(p) -> None:
    """The double rule under a letterhead."""
    bawah = OxmlElement("w:bottom")
    for nama, nilai in (("w:val", "double"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "000000")):
        bawah.set(qn(nama), nilai)
    _sisip(p._p.get_or_add_pPr(), "w:pBdr").append(bawah)


# ---------------------------------------------------------------------------------------------
# Perjanjian Kinerja


def _baris_nama(pejabat: Pejabat, *, nip_kosong: bool) -> list[tuple[str, bool, bool]]:
    """The lines under a signature, (text, bold, underline): name, pangkat, NIP — or dotted blanks
    to fill in by hand when nobody holds the jabatan."""
    if not pejabat.terisi:
        return [("(………………………………………)", False, False)] + ([("NIP. ………………………………", False, False)] if nip_kosong else [])
    baris = [(pejabat.nama, True, True)]
    if pejabat.pangkat:
        baris.append((pejabat.pangkat, False, False))
    if pejabat.nip:
        baris.append((f"NIP. {pejabat.nip}", False, False))
    return baris


def _pihak(w: Penyusun, pejabat: Pejabat) -> None:
    w.tabel_isian([("Nama", pejabat.nama or "………………………………………"), ("Jabatan", pejabat.jabatan)], label_mm=22)


def _dua_tanda_tangan(w: Penyusun, d: PerjanjianData) -> None:
    """Place and date, then the two signatories side by side: each line in a row of its own, so both
    names stand at one height however the titles wrap; all kept on one page with the place and date."""
    p = w.doc.add_paragraph(d.tempat_tanggal)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.keep_with_next = True
    pihak = d.penandatangan_urut
    baris_pihak = [
        [(judul, True, False)]
        + [(pejabat.jabatan, False, False)]
        + [("", False, False)] * 3
        + _baris_nama(pejabat, nip_kosong=False)
        for judul, pejabat in pihak
    ]
    # Rows: title, jabatan, the space to sign, then name, pangkat and NIP (blank where one has none).
    nama = [b[5:] for b in baris_pihak]
    panjang = max(len(n) for n in nama)
    nama = [n + [("", False, False)] * (panjang - len(n)) for n in nama]
    kolom = [b[:5] + n for b, n in zip(baris_pihak, nama)]
    tabel = w.doc.add_table(rows=len(kolom[0]), cols=len(kolom))
    tabel.autofit = False
    for r, row in enumerate(tabel.rows):
        for sel, isi in zip(row.cells, kolom):
            sel.width = Mm(w.lebar_teks_mm / len(kolom))
            teks, tebal, garis = isi[r]
            para = sel.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.space_after = Pt(0)
            run = para.add_run(teks)
            run.bold, run.underline = tebal, garis
    tetap_dengan_berikut(tabel, tabel.rows[:-1])
    _tandai(tabel.rows[-1], "w:cantSplit")
    _lebar_kolom(tabel, [w.lebar_teks_mm / len(kolom)] * len(kolom))


def pk_docx(d: PerjanjianData, kertas: Kertas) -> bytes:
    """The Perjanjian Kinerja: the statement page, then its lampiran with the targets."""
    w = Penyusun(kertas)
    if d.draft:
        w.tandai_draf()
    w.judul(["PERJANJIAN KINERJA TAHUN " + str(d.tahun), d.instansi.upper(), d.pemda.upper()], ukuran=13, sesudah=14)
    w.blok(d.teks["pk_pembuka"], inden=False)
    _pihak(w, d.pihak_pertama)
    w.paragraf("selanjutnya disebut pihak pertama", inden=False)
    _pihak(w, d.pihak_kedua)
    w.paragraf("selaku atasan pihak pertama, selanjutnya disebut pihak kedua", inden=False)
    w.blok(d.teks["pk_isi"], inden=False)
    _dua_tanda_tangan(w, d)

    w.halaman_baru()
    w.judul(["PERJANJIAN KINERJA TAHUN " + str(d.tahun), d.pihak_pertama.jabatan.upper()], ukuran=12, sesudah=10)
    triwulan = d.jabatan.ada_target_triwulan
    kepala = ["No", "Sasaran", "Indikator Kinerja", "Target"]
    bagian = [0.07, 0.33, 0.42, 0.18]
    if triwulan:
        kepala += ["TW I", "TW II", "TW III", "TW IV"]
        bagian = [0.05, 0.22, 0.29, 0.12, 0.08, 0.08, 0.08, 0.08]
    lebar = [w.lebar_teks_mm * f for f in bagian]
    tabel = w.tabel_data(kepala, lebar)
    for nomor, sasaran in enumerate(d.jabatan.sasaran, 1):
        awal = len(tabel.rows)
        for i, indikator in enumerate(sasaran.indikator):
            isi = [
                str(nomor) if i == 0 else None,
                sasaran.uraian if i == 0 else None,
                indikator.nama,
                indikator.target_teks,
            ]
            if triwulan:
                isi += [indikator.target_tw_teks(p) for p in ("TW1", "TW2", "TW3", "TW4")]
            w.baris_data(tabel, isi, lebar, tengah=[0], kanan=list(range(3, len(isi))))
        _gabung_ke_bawah(tabel, 0, awal, len(tabel.rows) - 1)
        _gabung_ke_bawah(tabel, 1, awal, len(tabel.rows) - 1)
    if d.program:
        # The programs and their budgets (PermenPAN-RB 53/2014) under the targets.
        w.doc.add_paragraph().paragraph_format.space_after = Pt(0)
        lebar = [w.lebar_teks_mm * f for f in (0.06, 0.54, 0.24, 0.16)]
        program = w.tabel_data(["No", "Program", "Anggaran", "Keterangan"], lebar)
        for nomor, (nama, anggaran, keterangan) in enumerate(d.program, 1):
            w.baris_data(
                program, [str(nomor), nama, f"Rp{format_angka(anggaran)}", keterangan], lebar, tengah=[0], kanan=[2]
            )
        w.baris_data(
            program, [None, "Jumlah", f"Rp{format_angka(d.jumlah_anggaran)}", None], lebar, kanan=[2], tebal=True
        )
    _dua_tanda_tangan(w, d)
    return w.simpan()


# ---------------------------------------------------------------------------------------------
# Pengukuran Kinerja (LKjIP tables) and the kabupaten recap


def _keterangan(w: Penyusun, teks: str) -> None:
    p = w.paragraf(teks, inden=False)
    p.paragraph_format.space_before = Pt(4)
    for run in p.runs:
        run.font.size, run.italic = Pt(9), True


def _periode_judul(d: PengukuranData | RekapData) -> str:
    # A whole year needs no period after "TAHUN 2025"; a part of it does, as in the PDF.
    return f"TAHUN {d.tahun}" + ("" if d.periode in ("TAHUN", "SD_TW4") else f" ({d.periode_label})")


LEBAR_PENGUKURAN = (0.04, 0.24, 0.06, 0.08, 0.08, 0.08, 0.10, 0.08, 0.08, 0.08, 0.08)


def _catatan(sel, b: BarisPengukuran) -> None:
    """Why a value is missing, or that the data is not complete, small under the indicator's name."""
    catatan = b.alasan or (None if b.lengkap else "data belum lengkap")
    if catatan:
        p = sel.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(catatan)
        run.font.size, run.italic = Pt(8), True
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def lkjip_docx(d: PengukuranData, kertas: Kertas) -> bytes:
    """The measurement tables, landscape: per jabatan and sasaran the indicators' target, realisasi,
    capaian and kategori beside last year's realisasi and capaian and the Renstra end target with the
    capaian against it, each table followed by its bar chart."""
    w = Penyusun(kertas, mendatar=True)
    w.judul(["PENGUKURAN KINERJA", f"{d.instansi} {d.pemda}".upper(), _periode_judul(d)], ukuran=13, sesudah=10)
    w.tabel_isian(
        [
            ("Jumlah indikator", f"{d.jumlah_indikator} ({d.jumlah_dinilai} dapat dinilai)"),
            ("Rata-rata capaian", f"{format_persen(d.rata_capaian)} ({d.kategori_rata})"),
            ("Kelengkapan data", format_persen(d.kelengkapan)),
        ],
        label_mm=40,
    )
    _keterangan(
        w,
        "Capaian = realisasi ÷ target × 100% untuk indikator positif; (2 − realisasi ÷ target) × 100% "
        "untuk indikator negatif (makin rendah makin baik). Kategori menurut skala " + d.skala + ". "
        "Capaian terhadap Renstra: realisasi tahun ini dibandingkan dengan target akhir periode Renstra menurut "
        "aturan yang sama.",
    )
    semua_sasaran = [s for j in d.jabatan for s in j.sasaran]
    png = iter(grafik.ke_png([s.grafik_svg for s in semua_sasaran]))
    lebar = [w.lebar_teks_mm * f for f in LEBAR_PENGUKURAN]
    kepala = [
        "No",
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Kategori",
        f"Realisasi {d.tahun - 1}",
        f"Capaian {d.tahun - 1} (%)",
        d.judul_renstra,
        "Capaian terhadap Renstra (%)",
    ]
    for nomor, jabatan in enumerate(d.jabatan, 1):
        p = w.paragraf(f"{nomor}. {jabatan.nama}", inden=False, rata="left", tebal=True)
        p.paragraph_format.space_before, p.paragraph_format.keep_with_next = Pt(10), True
        for sasaran in jabatan.sasaran:
            tabel = w.tabel_data(kepala, lebar, judul=f"Sasaran: {sasaran.uraian}")
            for b in sasaran.baris:
                sel = w.baris_data(
                    tabel,
                    [
                        str(b.nomor),
                        b.nama,
                        b.satuan,
                        b.target_teks,
                        format_angka(b.realisasi),
                        format_angka(b.capaian),
                        b.kategori,
                        format_angka(b.realisasi_tahun_lalu),
                        format_angka(b.capaian_tahun_lalu),
                        d.target_renstra_teks(b),
                        format_angka(b.capaian_renstra),
                    ],
                    lebar,
                    tengah=[0, 2],
                    kanan=[3, 4, 5, 7, 8, 9, 10],
                )
                _catatan(sel[1], b)
            # The chart goes on the page of its table's last row.
            tetap_dengan_berikut(tabel, [tabel.rows[-1]])
            w.gambar(next(png), grafik.LEBAR_MM)
    return w.simpan()


def rekap_docx(d: RekapData, kertas: Kertas) -> bytes:
    """The kabupaten recap: every kecamatan with its rank, mean capaian and completeness, best first."""
    w = Penyusun(kertas, mendatar=True)
    w.judul(["REKAPITULASI CAPAIAN KINERJA KECAMATAN", d.pemda.upper(), _periode_judul(d)], ukuran=13, sesudah=10)
    kepala = [
        "Peringkat",
        "Kecamatan",
        "Jumlah indikator",
        "Dapat dinilai",
        "Rata-rata capaian (%)",
        "Kategori",
        "Kelengkapan data (%)",
        *d.label_kategori,
    ]
    tetap = (0.08, 0.20, 0.08, 0.08, 0.10, 0.12, 0.10)
    sisa = (1 - sum(tetap)) / max(1, len(d.label_kategori))
    lebar = [w.lebar_teks_mm * f for f in (*tetap, *[sisa] * len(d.label_kategori))]
    kelompok = [("Jumlah indikator per kategori", len(tetap), len(kepala) - 1)] if d.label_kategori else []
    tabel = w.tabel_data(kepala, lebar, kelompok=kelompok)
    for b in d.baris:
        w.baris_data(
            tabel,
            [
                str(b.peringkat) if b.peringkat else "–",
                b.instansi,
                str(b.jumlah_indikator),
                str(b.jumlah_dinilai),
                format_angka(b.rata_capaian),
                b.kategori,
                format_angka(b.kelengkapan),
                *(str(n) for n in b.per_kategori.values()),
            ],
            lebar,
            tengah=[0],
            kanan=[2, 3, 4, 6, *range(len(tetap), len(kepala))],
        )
    _keterangan(
        w,
        "Rata-rata capaian: rerata capaian indikator yang dapat dinilai. Kelengkapan data: persentase "
        f"indikator yang semua nilai variabelnya untuk periode {d.periode_label} sudah diisi. Kategori "
        f"menurut skala {d.skala}.",
    )
    [png] = grafik.ke_png([d.grafik_svg])
    w.gambar(png, grafik.LEBAR_MM)
    return w.simpan()
