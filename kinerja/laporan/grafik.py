"""Bar charts as inline SVG for the printed reports (no JavaScript: WeasyPrint draws SVG itself).

Pure Python (no Django). One horizontal bar per item, its length the capaian in percent, coloured
by its category; a dashed line marks 100%. Items without a value get no bar and say why in words.
Word cannot show SVG everywhere, so ke_png turns the same charts into PNG pictures for the DOCX.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from kinerja.format import format_angka

from .huruf import HURUF_PDF, css_font_face

__all__ = ["LEBAR_MM", "Batang", "grafik_batang", "ke_png"]

_TINGGI_BARIS = 18
_LEBAR = 600
_KIRI = 190  # room for the labels
_KANAN = 60  # room for the value written after the bar
_ATAS = 20
_BAWAH = 18
# The shipped typeface (huruf.py): the page's @font-face rules make it known to the SVG text as well.
_HURUF = f"'{HURUF_PDF}', serif"
# The chart's printed width: CSS pixels are 1/96 inch.
LEBAR_MM = _LEBAR * 25.4 / 96
# PDF points per CSS pixel is 0.75; this scale gives 1200 pixels across, about 190 dpi at LEBAR_MM.
_SKALA_PNG = 1200 / (_LEBAR * 0.75)


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Decimal | None
    warna: str = "#4a77a8"


def _potong(teks: str, maks: int) -> str:
    return teks if len(teks) <= maks else teks[: maks - 1].rstrip() + "…"


def grafik_batang(batang: Sequence[Batang], *, judul: str = "", satuan: str = "%") -> str:
    """An ``<svg>`` element; the scale runs from 0 to the largest value, at least 120 so 100 sits inside."""
    nilai = [b.nilai for b in batang if b.nilai is not None]
    puncak = max([Decimal(120), *(n for n in nilai if n > 0)])
    # A round top for the axis: the next multiple of 20.
    puncak = (puncak / 20).to_integral_value(rounding="ROUND_CEILING") * 20
    lebar_plot = _LEBAR - _KIRI - _KANAN
    tinggi = _ATAS + _BAWAH + _TINGGI_BARIS * max(1, len(batang))

    def x(angka: Decimal) -> float:
        return _KIRI + float(max(Decimal(0), min(angka, puncak)) / puncak) * lebar_plot

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_LEBAR} {tinggi}" width="{_LEBAR}" height="{tinggi}" '
        f'font-family="{_HURUF}" font-size="10" role="img" aria-label="{escape(judul or "Grafik capaian")}">'
    ]
    if judul:
        bagian.append(f'<text x="{_KIRI}" y="12" font-weight="bold">{escape(_potong(judul, 90))}</text>')
    bawah_plot = _ATAS + _TINGGI_BARIS * max(1, len(batang))
    for garis in range(0, int(puncak) + 1, 20):
        gx = x(Decimal(garis))
        bagian.append(
            f'<line x1="{gx:.1f}" y1="{_ATAS}" x2="{gx:.1f}" y2="{bawah_plot}" stroke="#ddd" stroke-width="0.6"/>'
        )
        bagian.append(
            f'<text x="{gx:.1f}" y="{bawah_plot + 12}" text-anchor="middle" fill="#555" font-size="8">{garis}</text>'
        )
    # The 100% line first, so that the bars and their values are drawn over it.
    seratus = x(Decimal(100))
    bagian.append(
        f'<line x1="{seratus:.1f}" y1="{_ATAS - 4}" x2="{seratus:.1f}" y2="{bawah_plot}" stroke="#000" '
        'stroke-width="1" stroke-dasharray="4 3"/>'
    )
    for i, b in enumerate(batang):
        y = _ATAS + i * _TINGGI_BARIS
        tengah = y + _TINGGI_BARIS / 2 + 3.5
        bagian.append(f'<text x="{_KIRI - 6}" y="{tengah:.1f}" text-anchor="end">{escape(_potong(b.label, 34))}</text>')
        if b.nilai is None:
            bagian.append(
                f'<text x="{_KIRI + 4}" y="{tengah:.1f}" fill="#777" font-style="italic">tidak dapat dinilai</text>'
            )
            continue
        lebar_batang = x(b.nilai) - _KIRI
        bagian.append(
            f'<rect x="{_KIRI}" y="{y + 3}" width="{lebar_batang:.1f}" height="{_TINGGI_BARIS - 6}" fill="{escape(b.warna)}"/>'
        )
        teks = format_angka(b.nilai) + satuan
        # A white ground under the value keeps it readable where it crosses the 100% line.
        bagian.append(
            f'<rect x="{x(b.nilai) + 2:.1f}" y="{y + 3}" width="{len(teks) * 5.6 + 4:.1f}" '
            f'height="{_TINGGI_BARIS - 6}" fill="#fff"/>'
        )
        bagian.append(f'<text x="{x(b.nilai) + 4:.1f}" y="{tengah:.1f}">{escape(teks)}</text>')
    bagian.append(f'<line x1="{_KIRI}" y1="{_ATAS}" x2="{_KIRI}" y2="{bawah_plot}" stroke="#000" stroke-width="0.8"/>')
    bagian.append("</svg>")
    return "".join(bagian)


def ke_png(daftar_svg: Sequence[str]) -> list[bytes]:
    """Each chart of ``grafik_batang`` as a PNG picture, drawn exactly as in the PDF.

    There is no SVG rasteriser among the dependencies, so WeasyPrint lays the charts out as one PDF,
    a page the size of each chart, and pdfium (which pdfplumber already brings) paints the pages.
    """
    if not daftar_svg:
        return []
    # Imported here: both load native libraries that the rest of the application does without.
    import pypdfium2
    from weasyprint import HTML

    gaya, isi = [], []
    for nomor, svg in enumerate(daftar_svg):
        lebar, tinggi = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
        gaya.append(f"@page g{nomor} {{ size: {lebar}px {tinggi}px; margin: 0 }} .g{nomor} {{ page: g{nomor} }}")
        isi.append(f'<div class="g{nomor}">{svg}</div>')
    html = (
        f"<html><head><style>{css_font_face()} {' '.join(gaya)} body {{ margin: 0 }} div {{ break-after: page }} "
        f"svg {{ display: block }}</style></head><body>{''.join(isi)}</body></html>"
    )
    dokumen = pypdfium2.PdfDocument(HTML(string=html).write_pdf())
    try:
        hasil = []
        for halaman in dokumen:
            # A bar chart has few colours: a 64-colour palette halves the file and looks the same.
            gambar = halaman.render(scale=_SKALA_PNG).to_pil().convert("RGB").quantize(64)
            buffer = io.BytesIO()
            gambar.save(buffer, "PNG")
            hasil.append(buffer.getvalue())
        return hasil
    finally:
        dokumen.close()
