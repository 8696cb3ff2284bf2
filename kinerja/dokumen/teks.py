"""Plain text and Markdown (as converted from PDF or Word) into :class:`Blok` rows.

A line with tabs is a table row (one cell per tab); a Markdown pipe row ``| a | b |`` too;
an HTML ``<table>`` gives one row per ``<tr>``. Everything else is a paragraph. Cell text is
kept raw (markup included): the structure reader decides how to clean each column.
"""

import re
from html.parser import HTMLParser

from kinerja.dokumen.blok import Blok

# Converters that wrote LaTeX through a string with escapes turned ``\times`` into a tab and
# ``imes``, ``\text`` into a tab and ``ext{``, ``\frac`` into a form feed and ``rac{``.
_ESCAPE_RUSAK = (
    (re.compile(r"\t(?=imes\b|ext\{|extbf\{|frac\{)"), r"\\t"),
    (re.compile(r"\x0c(?=rac\{)"), r"\\f"),
    (re.compile(r"\r(?=ight\b)"), r"\\r"),
)
_PEMISAH_GRID = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_PEMISAH_PIPA = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPA = re.compile(r"(?<!\\)\|")
_TABEL_HTML = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def _perbaiki_escape(teks: str) -> str:
    for pola, ganti in _ESCAPE_RUSAK:
        teks = pola.sub(ganti, teks)
    return teks


def _sel_pipa(baris: str) -> list[str] | None:
    """Cells of a Markdown pipe-table row, or None when the line is not one."""
    s = baris.strip()
    if not s.startswith("|") or len(_PIPA.findall(s)) < 2:
        return None
    potong = _PIPA.split(s)[1:]
    if potong and not potong[-1].strip():
        potong = potong[:-1]
    return [p.replace("\\|", "|") for p in potong]


class _PembacaTabelHtml(HTMLParser):
    """Rows of an HTML table: a ``colspan`` cell is followed by empty cells, a cell covered by a
    ``rowspan`` from above is empty (an empty cell means "same as above" in IKI tables)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.baris: list[tuple[int, list[str]]] = []
        self._sel: list[str] | None = None
        self._isi: list[str] | None = None
        self._rentang: dict[int, int] = {}  # column -> rows still covered by a rowspan
        self._span = (1, 1)
        self._baris_mulai = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._sel = []
            self._baris_mulai = self.getpos()[0]
        elif tag in ("td", "th") and self._sel is not None:
            self._isi_rowspan()
            a = dict(attrs)
            self._span = (_angka(a.get("colspan")), _angka(a.get("rowspan")))
            self._isi = []
        elif self._isi is not None:
            self._isi.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._sel is not None and self._isi is not None:
            colspan, rowspan = self._span
            if rowspan > 1:
                self._rentang[len(self._sel)] = rowspan - 1
            self._sel.append("".join(self._isi))
            self._sel.extend("" for _ in range(colspan - 1))
            self._isi = None
        elif tag == "tr" and self._sel is not None:
            self._isi_rowspan()
            self.baris.append((self._baris_mulai, self._sel))
            self._sel = None
            self._rentang = {k: v - 1 for k, v in self._rentang.items() if v > 1}
        elif self._isi is not None:
            self._isi.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._isi is not None:
            self._isi.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _isi_rowspan(self) -> None:
        assert self._sel is not None
        while len(self._sel) in self._rentang:
            self._sel.append("")


def _angka(s: str | None) -> int:
    return int(s) if s and s.strip().isdigit() and 0 < int(s) < 100 else 1


def _blok_tabel_html(potongan: str, baris_awal: int) -> list[Blok]:
    pembaca = _PembacaTabelHtml()
    pembaca.feed(potongan)
    pembaca.close()
    return [Blok.baris_tabel(baris_awal + nomor - 1, sel) for nomor, sel in pembaca.baris]


def _blok_baris(baris: str, nomor: int) -> Blok | None:
    if not baris.strip():
        return None
    if _PEMISAH_GRID.match(baris):
        return Blok.batas(nomor)
    if "|" in baris and _PEMISAH_PIPA.match(baris):
        return None
    if "\t" in baris:
        return Blok.baris_tabel(nomor, baris.split("\t"))
    sel = _sel_pipa(baris)
    if sel is not None:
        return Blok.baris_tabel(nomor, sel)
    return Blok.paragraf(nomor, baris)


def teks_ke_blok(teks: str) -> list[Blok]:
    """Blocks of a text document; line numbers are 1-based lines of ``teks``."""
    teks = _perbaiki_escape(teks.replace("\r\n", "\n")).replace("\r", "\n").replace("\x0c", "\n")
    hasil: list[Blok] = []
    awal, nomor = 0, 1
    potongan_html = list(_TABEL_HTML.finditer(teks)) if "<table" in teks.lower() else []
    for m in potongan_html:
        for baris in teks[awal : m.start()].split("\n"):
            if (b := _blok_baris(baris, nomor)) is not None:
                hasil.append(b)
            nomor += 1
        nomor -= 1  # the table starts on the line where the text before it ended
        hasil.extend(_blok_tabel_html(m.group(0), nomor))
        nomor += m.group(0).count("\n")
        awal = m.end()
    for baris in teks[awal:].split("\n"):
        if (b := _blok_baris(baris, nomor)) is not None:
            hasil.append(b)
        nomor += 1
    return hasil
