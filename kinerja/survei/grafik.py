"""The bar chart of NRR per unsur as inline SVG: the same markup on the web page and in the PDF
(WeasyPrint draws inline SVG), so no JavaScript and no image files.
"""

from html import escape

from kinerja.format import format_angka
from kinerja.ikm import HasilIKM, ambil_regulasi
from kinerja.laporan.huruf import HURUF_PDF

LEBAR = 720
_TINGGI_BARIS = 26
_ATAS = 30  # room for the scale numbers
_BAWAH = 34  # room for the legend
_KIRI = 330  # unsur names
_KANAN = 50  # value labels after the longest bar
_SKALA_MAKS = 4
WARNA_BIASA = "#2f6f9f"
WARNA_PRIORITAS = "#c0392b"


def grafik_nrr(hasil: HasilIKM, jumlah_prioritas: int = 3) -> str:
    """SVG markup: one horizontal bar per unsur on the 1–4 scale, the weakest in red.

    Unsur nobody answered get no bar and the text "tidak dijawab".
    """
    aturan = ambil_regulasi(hasil.regulasi)
    prioritas = set(hasil.unsur_terlemah(jumlah_prioritas))
    lebar_plot = LEBAR - _KIRI - _KANAN
    tinggi = _ATAS + _TINGGI_BARIS * len(aturan.unsur) + _BAWAH

    def x(nilai) -> float:
        return _KIRI + lebar_plot * float(nilai) / _SKALA_MAKS

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik-nrr" role="img" width="{LEBAR}" height="{tinggi}" '
        f'viewBox="0 0 {LEBAR} {tinggi}" font-family="\'{HURUF_PDF}\', sans-serif" font-size="12">',
        f"<title>Nilai rata-rata (NRR) per unsur pelayanan, skala 1–{_SKALA_MAKS}</title>",
    ]
    bawah_plot = _ATAS + _TINGGI_BARIS * len(aturan.unsur)
    for garis in range(_SKALA_MAKS + 1):
        gx = x(garis)
        bagian.append(f'<line x1="{gx:.1f}" y1="{_ATAS - 4}" x2="{gx:.1f}" y2="{bawah_plot}" stroke="#ccc"/>')
        bagian.append(f'<text x="{gx:.1f}" y="{_ATAS - 10}" text-anchor="middle" fill="#555">{garis}</text>')
    for i, unsur in enumerate(aturan.unsur):
        y = _ATAS + i * _TINGGI_BARIS
        tengah = y + _TINGGI_BARIS / 2 + 4
        bagian.append(
            f'<text x="{_KIRI - 8}" y="{tengah:.1f}" text-anchor="end">{escape(_pendekkan(unsur.label))}</text>'
        )
        nrr = hasil.nrr.get(unsur.kode)
        if nrr is None:
            bagian.append(f'<text x="{_KIRI + 4}" y="{tengah:.1f}" fill="#777">tidak dijawab</text>')
            continue
        warna = WARNA_PRIORITAS if unsur.kode in prioritas else WARNA_BIASA
        bagian.append(
            f'<rect x="{_KIRI}" y="{y + 4}" width="{x(nrr) - _KIRI:.1f}" height="{_TINGGI_BARIS - 8}" fill="{warna}">'
            f"<title>{escape(unsur.label)}: {format_angka(nrr)}</title></rect>"
        )
        bagian.append(f'<text x="{x(nrr) + 4:.1f}" y="{tengah:.1f}">{format_angka(nrr)}</text>')
    legenda_y = bawah_plot + 22
    bagian.append(f'<rect x="{_KIRI}" y="{legenda_y - 10}" width="12" height="12" fill="{WARNA_PRIORITAS}"/>')
    bagian.append(f'<text x="{_KIRI + 18}" y="{legenda_y}">Prioritas perbaikan (NRR terendah)</text>')
    bagian.append("</svg>")
    return "".join(bagian)


def _pendekkan(teks: str, batas: int = 42) -> str:
    return teks if len(teks) <= batas else teks[: batas - 1].rstrip() + "…"
