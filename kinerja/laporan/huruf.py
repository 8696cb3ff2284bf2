"""The typeface shipped with Kinerja, so a document looks the same on every server.

TeX Gyre Bonum (a Bookman look, GUST Font License, see static/laporan/huruf/GUST-FONT-LICENSE.txt) sits in
the package. WeasyPrint gets it through @font-face rules pointing at the files, under a family name no
system has (``HURUF_PDF``), so the text never falls to whatever fonts fontconfig happens to find. Word
documents name the public family (``HURUF``) in their styles and theme and carry the four faces embedded
(kinerja.laporan.word), which LibreOffice uses; where Word does not take them, its substitute is Bookman
Old Style.

Pure Python (no Django): the width of a word at a size, for the DOCX column widths, reads the same
files with fontTools (which WeasyPrint already depends on).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

__all__ = ["FOLDER", "HURUF", "HURUF_PDF", "css_font_face", "lebar_teks_pt"]

FOLDER = Path(__file__).resolve().parent / "static" / "laporan" / "huruf"
HURUF = "TeX Gyre Bonum"
# A family name of our own: an installed "TeX Gyre Bonum" (fonts-texgyre) or any other font can never
# be chosen in its place.
HURUF_PDF = "Kinerja Bonum"

# (file, CSS font-weight, CSS font-style)
_BERKAS = (
    ("texgyrebonum-regular.otf", "normal", "normal"),
    ("texgyrebonum-bold.otf", "bold", "normal"),
    ("texgyrebonum-italic.otf", "normal", "italic"),
    ("texgyrebonum-bolditalic.otf", "bold", "italic"),
)


def css_font_face(url_berkas: Callable[[str], str] | None = None) -> str:
    """@font-face rules for the shipped typeface.

    Without ``url_berkas`` the rules name the files by file URL (for WeasyPrint on the server); with it
    (file name → its static URL, hashed by the static files storage) a browser showing the preview
    downloads them.
    """
    aturan = []
    for berkas, tebal, gaya in _BERKAS:
        url = url_berkas(berkas) if url_berkas is not None else (FOLDER / berkas).as_uri()
        aturan.append(
            f'@font-face {{ font-family: "{HURUF_PDF}"; src: url("{url}") format("opentype"); '
            f"font-weight: {tebal}; font-style: {gaya}; }}"
        )
    return "\n".join(aturan)


@cache
def _metrik(tebal: bool) -> tuple[dict[int, int], dict[str, int], int]:
    from fontTools.ttLib import TTFont  # only the DOCX writer needs it

    font = TTFont(FOLDER / _BERKAS[1 if tebal else 0][0], lazy=True)
    return (
        dict(font.getBestCmap()),
        {nama: lebar for nama, (lebar, _) in font["hmtx"].metrics.items()},
        font["head"].unitsPerEm,
    )


def lebar_teks_pt(teks: str, ukuran_pt: float, *, tebal: bool = False) -> float:
    """The advance width of ``teks`` set in the shipped typeface at ``ukuran_pt`` points (no kerning,
    which only ever narrows it a little, so the figure errs on the safe side)."""
    peta, lebar, per_em = _metrik(tebal)
    # A character the font lacks is drawn by a fallback font; the width of "M" is a generous guess.
    cadangan = lebar.get(peta.get(ord("M"), ""), per_em)
    satuan = sum(lebar.get(peta.get(ord(huruf), ""), cadangan) for huruf in teks)
    return satuan * ukuran_pt / per_em
