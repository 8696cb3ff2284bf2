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

from .huruf import HURUF_PDF, css_font_face, lebar_teks_pt

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


def _bungkus(teks: str, lebar: float, ukuran: float = 10) -> list[str]:
    """``teks`` broken into lines no wider than ``lebar`` (SVG units) in the shipped typeface: a label is
    printed whole, never cut with "…". A single word wider than the line stands alone on its line."""
    baris: list[str] = []
    for kata in teks.split():
        calon = f"{baris[-1]} {kata}" if baris else kata
        if baris and lebar_teks_pt(calon, ukuran) <= lebar:
            baris[-1] = calon
        else:
            baris.append(kata)
    return baris or [""]


_JARAK_BARIS = 11  # between the lines of a wrapped label


def grafik_batang(batang: Sequence[Batang], *, judul: str = "", satuan: str = "%") -> str:
    """An ``<svg>`` element; the scale runs from 0 to the largest value, at least 120 so 100 sits inside.
    Labels and the title wrap onto as many lines as they need; a row grows with its label."""
    nilai = [b.nilai for b in batang if b.nilai is not None]
    puncak = max([Decimal(120), *(n for n in nilai if n > 0)])
    # A round top for the axis: the next multiple of 20.
    puncak = (puncak / 20).to_integral_value(rounding="ROUND_CEILING") * 20
    lebar_plot = _LEBAR - _KIRI - _KANAN
    judul_baris = _bungkus(judul, _LEBAR - _KIRI) if judul else []
    atas = _ATAS + _JARAK_BARIS * max(0, len(judul_baris) - 1)
    label = [_bungkus(b.label, _KIRI - 8) for b in batang]
    tinggi_baris = [max(_TINGGI_BARIS, _JARAK_BARIS * len(lb) + 6) for lb in label] or [_TINGGI_BARIS]
    bawah_plot = atas + sum(tinggi_baris)
    tinggi = bawah_plot + _BAWAH

    def x(angka: Decimal) -> float:
        return _KIRI + float(max(Decimal(0), min(angka, puncak)) / puncak) * lebar_plot

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_LEBAR} {tinggi}" width="{_LEBAR}" height="{tinggi}" '
        f'font-family="{_HURUF}" font-size="10" role="img" aria-label="{escape(judul or "Grafik capaian")}">'
    ]
    for i, teks in enumerate(judul_baris):
        bagian.append(f'<text x="{_KIRI}" y="{12 + i * _JARAK_BARIS}" font-weight="bold">{escape(teks)}</text>')
    for garis in range(0, int(puncak) + 1, 20):
        gx = x(Decimal(garis))
        bagian.append(
            f'<line x1="{gx:.1f}" y1="{atas}" x2="{gx:.1f}" y2="{bawah_plot}" stroke="#ddd" stroke-width="0.6"/>'
        )
        bagian.append(
            f'<text x="{gx:.1f}" y="{bawah_plot + 12}" text-anchor="middle" fill="#555" font-size="8">{garis}</text>'
        )
    # The 100% line first, so that the bars and their values are drawn over it.
    seratus = x(Decimal(100))
    bagian.append(
        f'<line x1="{seratus:.1f}" y1="{atas - 4}" x2="{seratus:.1f}" y2="{bawah_plot}" stroke="#000" '
        'stroke-width="1" stroke-dasharray="4 3"/>'
    )
    y = atas
    for b, baris_label, tinggi_ini in zip(batang, label, tinggi_baris):
        tengah = y + tinggi_ini / 2 + 3.5
        awal = tengah - _JARAK_BARIS * (len(baris_label) - 1) / 2
        for j, teks in enumerate(baris_label):
            bagian.append(
                f'<text x="{_KIRI - 6}" y="{awal + j * _JARAK_BARIS:.1f}" text-anchor="end">{escape(teks)}</text>'
            )
        if b.nilai is None:
            bagian.append(
                f'<text x="{_KIRI + 4}" y="{tengah:.1f}" fill="#777" font-style="italic">tidak dapat dinilai</text>'
            )
            y += tinggi_ini
            continue
        lebar_batang = x(b.nilai) - _KIRI
        batang_y = tengah - 3.5 - (_TINGGI_BARIS - 6) / 2
        bagian.append(
            f'<rect x="{_KIRI}" y="{batang_y:.1f}" width="{lebar_batang:.1f}" height="{_TINGGI_BARIS - 6}" '
            f'fill="{escape(b.warna)}"/>'
        )
        teks = format_angka(b.nilai) + satuan
        # A white ground under the value keeps it readable where it crosses the 100% line.
        bagian.append(
            f'<rect x="{x(b.nilai) + 2:.1f}" y="{batang_y:.1f}" width="{lebar_teks_pt(teks, 10) + 4:.1f}" '
            f'height="{_TINGGI_BARIS - 6}" fill="#fff"/>'
        )
        bagian.append(f'<text x="{x(b.nilai) + 4:.1f}" y="{tengah:.1f}">{escape(teks)}</text>')
        y += tinggi_ini
    bagian.append(f'<line x1="{_KIRI}" y1="{atas}" x2="{_KIRI}" y2="{bawah_plot}" stroke="#000" stroke-width="0.8"/>')
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
