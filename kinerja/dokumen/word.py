"""Word ``.docx`` documents into :class:`Blok` rows, in body order.

Paragraphs become paragraphs (a numbered or bulleted Word paragraph gets a ``-`` marker, since
its number is not in the text); each table row becomes a row with one cell per grid column: a
horizontally merged cell gives its text once and empty cells for the columns it spans, a
vertically merged continuation cell is empty ("same as above", like in converted text).
Underlined runs are kept as ``<u>…</u>`` (an underline is how a numerator's fraction bar is
drawn) and Word equations' fractions as ``\\frac{}{}``, so the formula reader sees both.

The XML is walked directly with lxml: python-docx's cell objects are far too slow for a
hundred pages of tables.
"""

import io
import re
import zipfile
from html import escape

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from kinerja.dokumen import galat as pesan
from kinerja.dokumen.blok import Blok
from kinerja.dokumen.galat import DokumenError, galat
from kinerja.dokumen.masukan import UKURAN_MAKS
from kinerja.unggahan import Batas, BerkasDitolak, periksa_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_P, _R, _T, _TBL, _TR, _TC = (f"{_W}{n}" for n in ("p", "r", "t", "tbl", "tr", "tc"))
_TAB, _BR, _CR, _SDT, _SDT_ISI = (f"{_W}{n}" for n in ("tab", "br", "cr", "sdt", "sdtContent"))
_TANDA_HUBUNG_TETAP, _TANDA_HUBUNG_LUNAK = f"{_W}noBreakHyphen", f"{_W}softHyphen"
_LEWATI = frozenset(
    f"{_W}{n}"
    for n in (
        "rPr",
        "pPr",
        "tcPr",
        "trPr",
        "tblPr",
        "tblGrid",
        "del",
        "instrText",
        "delText",
        "sdtPr",
        "fldChar",
        "commentReference",
    )
)
_VAL = f"{_W}val"
# The reader's own size limit (masukan.UKURAN_MAKS) governs the file; the zip may unpack to a few times that.
_BATAS_DOCX = Batas(ukuran_berkas=UKURAN_MAKS, total_terurai=4 * UKURAN_MAKS)
_HALAMAN_TERAKHIR = f"{_W}lastRenderedPageBreak"
_HALAMAN_BARU = f"{_W}pageBreakBefore"


def docx_ke_blok(data: bytes, nama_file: str | None = None) -> list[Blok]:
    """Blocks of a .docx; block numbers count paragraphs and table rows from 1, and each block's
    place names its table and row (and page, when the file records its page breaks)."""
    try:
        # Bounds first, from the zip's directory alone: a decompression bomb is refused unread.
        periksa_zip(data, nama_file, _BATAS_DOCX, jenis="dokumen Word (.docx)")
    except BerkasDitolak as exc:
        if zipfile.is_zipfile(io.BytesIO(data)):  # a damaged zip gets the reader's own message below
            raise DokumenError(f"{nama_file}: {exc}" if nama_file and nama_file not in str(exc) else str(exc)) from None
    try:
        dokumen = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError):
        raise galat(nama_file, pesan.DOCX_RUSAK) from None
    body = dokumen.element.body
    tercatat = next(body.iter(_HALAMAN_TERAKHIR), None) is not None
    eksplisit = any(br.get(f"{_W}type") == "page" for br in body.iter(_BR)) or (
        next(body.iter(_HALAMAN_BARU), None) is not None
    )
    tempat = _Tempat(halaman_tercatat=tercatat, halaman_dikenal=tercatat or eksplisit)
    blok: list[Blok] = []
    _badan(body, blok, tempat)
    return blok


class _Tempat:
    """Where the walk through the body is: page, table and paragraph counts.

    Word records where it last broke pages (``w:lastRenderedPageBreak``) in files it saved; a file
    written by another program has only the explicit breaks. Without either, pages are unknown and
    places name the table and row only.
    """

    def __init__(self, halaman_tercatat: bool, halaman_dikenal: bool) -> None:
        self.halaman_tercatat = halaman_tercatat
        self.halaman_dikenal = halaman_dikenal
        self.halaman = 1
        self.tabel = 0
        self.paragraf = 0

    def lewati(self, el: etree._Element) -> None:
        """Count the page breaks inside ``el``."""
        if self.halaman_tercatat:
            jumlah = sum(1 for _ in el.iter(_HALAMAN_TERAKHIR))
        else:
            jumlah = sum(1 for br in el.iter(_BR) if br.get(f"{_W}type") == "page")
            jumlah += sum(1 for h in el.iter(_HALAMAN_BARU) if h.get(_VAL, "true") not in ("0", "false"))
        self.halaman += jumlah

    def _awal(self) -> str:
        return f"halaman {self.halaman}, " if self.halaman_dikenal else ""

    def baris_tabel(self, baris: int) -> str:
        return f"{self._awal()}tabel {self.tabel}, baris {baris}"

    def paragraf_baru(self) -> str:
        self.paragraf += 1
        return f"{self._awal()}paragraf {self.paragraf}"


def _badan(induk: etree._Element, blok: list[Blok], tempat: _Tempat) -> None:
    for el in induk:
        if el.tag == _P:
            nomor = len(blok) + 1
            tempat.lewati(el)
            letak = tempat.paragraf_baru()
            teks = _teks_paragraf(el)
            for baris in teks.split("\n"):
                if baris.strip():
                    blok.append(Blok.paragraf(nomor, baris, letak))
        elif el.tag == _TBL:
            tempat.tabel += 1
            _tabel(el, blok, tempat)
        elif el.tag == _SDT:
            isi = el.find(_SDT_ISI)
            if isi is not None:
                _badan(isi, blok, tempat)


def _tabel(tbl: etree._Element, blok: list[Blok], tempat: _Tempat) -> None:
    nomor_baris = 0
    for tr in tbl.iter(_TR):
        if _tabel_terdekat(tr) is not tbl:
            continue  # a row of a table nested in a cell: part of that cell's text
        nomor_baris += 1
        tempat.lewati(tr)
        sel: list[str] = []
        gabung_atas: list[bool] = []
        awal = tr.find(f"{_W}trPr/{_W}gridBefore")
        if awal is not None:
            sel.extend("" for _ in range(_bilangan(awal.get(_VAL))))
            gabung_atas.extend(False for _ in range(len(sel)))
        for tc in tr.iter(_TC):
            if tc.getparent() is not tr and tc.getparent().tag != _SDT_ISI:
                continue
            rentang = tc.find(f"{_W}tcPr/{_W}gridSpan")
            gabung = tc.find(f"{_W}tcPr/{_W}vMerge")
            lanjutan = gabung is not None and gabung.get(_VAL, "continue") == "continue"
            lebar = _bilangan(rentang.get(_VAL) if rentang is not None else None)
            sel.append("" if lanjutan else _teks_sel(tc))
            sel.extend("" for _ in range(lebar - 1))
            gabung_atas.extend(lanjutan for _ in range(lebar))
        blok.append(Blok.baris_tabel(len(blok) + 1, sel, tempat.baris_tabel(nomor_baris), tuple(gabung_atas)))


def _tabel_terdekat(el: etree._Element) -> etree._Element | None:
    induk = el.getparent()
    while induk is not None and induk.tag != _TBL:
        induk = induk.getparent()
    return induk


def _bilangan(s: str | None) -> int:
    return int(s) if s and s.isdigit() and 0 < int(s) < 64 else 1


def _teks_sel(tc: etree._Element) -> str:
    """A cell's paragraphs as lines; a nested table's rows as lines of space-joined cells."""
    baris: list[str] = []
    for el in tc:
        if el.tag == _P:
            baris.append(_teks_paragraf(el))
        elif el.tag == _TBL:
            for tr in el.iter(_TR):
                baris.append(
                    " ".join(_teks_sel(tc2).replace("\n", " ") for tc2 in tr.iter(_TC) if tc2.getparent() is tr)
                )
    return "\n".join(b for b in baris if b.strip())


def _teks_paragraf(p: etree._Element) -> str:
    keluar: list[str] = []
    _isi(p, keluar)
    teks = re.sub(r"</u>(\s*)<u>", r"\1", "".join(keluar))
    gaya = p.find(f"{_W}pPr/{_W}pStyle")
    berdaftar = p.find(f"{_W}pPr/{_W}numPr") is not None or (
        gaya is not None and "list" in (gaya.get(_VAL) or "").lower()
    )
    return f"- {teks}" if berdaftar and teks.strip() else teks


def _isi(el: etree._Element, keluar: list[str]) -> None:
    for anak in el:
        tag = anak.tag
        if tag in _LEWATI or not isinstance(tag, str):
            continue
        if tag == _R:
            keluar.append(_teks_run(anak))
        elif tag == _TAB:
            keluar.append(" ")
        elif tag in (_BR, _CR):
            keluar.append("\n")
        elif tag == f"{_M}f":
            atas, bawah = _teks_math(anak.find(f"{_M}num")), _teks_math(anak.find(f"{_M}den"))
            keluar.append(f" \\frac{{{atas}}}{{{bawah}}} ")
        elif tag == f"{_M}t":
            keluar.append(escape(anak.text or "", quote=False))
        elif tag == f"{_M}nary":
            keluar.append(f"Σ {_teks_math(anak.find(f'{_M}e'))}")
        elif tag == f"{_M}d":
            keluar.append(f"({_teks_math(anak)})")
        elif tag == f"{_M}eqArr":
            # Lines stacked in an equation: a long numerator wrapped to fit its column.
            keluar.append(" ".join(_teks_math(e) for e in anak.findall(f"{_M}e")))
        else:
            _isi(anak, keluar)


def _teks_math(el: etree._Element | None) -> str:
    if el is None:
        return ""
    keluar: list[str] = []
    _isi(el, keluar)
    return "".join(keluar).strip()


def _teks_run(r: etree._Element) -> str:
    keluar: list[str] = []
    for anak in r:
        if anak.tag == _T:
            keluar.append(escape(anak.text or "", quote=False))
        elif anak.tag == _TAB:
            keluar.append(" ")
        elif anak.tag in (_BR, _CR):
            keluar.append("\n")
        elif anak.tag == _TANDA_HUBUNG_TETAP:
            keluar.append("-")  # Word's non-breaking hyphen ("PBB-P2" kept on one line)
        elif anak.tag == _TANDA_HUBUNG_LUNAK:
            continue  # an optional hyphen is no character of the text
        elif anak.tag not in _LEWATI and isinstance(anak.tag, str):
            _isi(anak, keluar)  # text boxes and the like
    teks = "".join(keluar)
    garis = r.find(f"{_W}rPr/{_W}u")
    if teks.strip() and garis is not None and garis.get(_VAL, "single") not in ("none", "0", "false"):
        return f"<u>{teks}</u>"
    return teks
