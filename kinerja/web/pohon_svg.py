"""The pohon kinerja drawn as SVG: boxes from the head of office (left) to the staff (right).

Pure Python, no Django. The tree grows to the right so that a kecamatan's 60 indicators fit the
width of a page (four or five levels) and run down its length; names wrap onto whole words and are
never cut, so a box is as tall as its name needs.
"""

from dataclasses import dataclass, field
from html import escape

LEBAR_KOTAK = 230
JARAK_KOLOM = 40
JARAK_BARIS = 12
TINGGI_BARIS = 14
HURUF_PER_BARIS = 32  # at 11 px (bold) in a 230 px box, with room to spare
PADDING = 8


@dataclass
class Simpul:
    judul: str
    keterangan: str = ""  # the jabatan
    nilai: str = ""  # capaian and kategori, or why there is none
    warna: str = "#9aa5b1"
    warna_teks: str = "#000000"
    tanda: str = ""  # a fault of the cascade, in plain words
    tautan: str = ""  # the indicator's page, for the HTML tree (the SVG stays a picture)
    anak: list["Simpul"] = field(default_factory=list)


def bungkus(teks: str, lebar: int = HURUF_PER_BARIS) -> list[str]:
    """Lines of at most `lebar` characters broken between words (a longer word stays whole)."""
    baris, kini = [], ""
    for kata in teks.split():
        if kini and len(kini) + 1 + len(kata) > lebar:
            baris.append(kini)
            kini = kata
        else:
            kini = f"{kini} {kata}" if kini else kata
    if kini:
        baris.append(kini)
    return baris or [""]


@dataclass
class _Letak:
    simpul: Simpul
    x: float
    y: float
    tinggi: float
    baris: list[str]
    anak: list["_Letak"]


def _baris_simpul(s: Simpul) -> list[str]:
    baris = bungkus(s.judul)
    if s.keterangan:
        baris += [f"— {b}" for b in bungkus(s.keterangan, HURUF_PER_BARIS - 2)]
    return baris


def _tinggi(baris: list[str], s: Simpul) -> float:
    tambahan = (1 if s.nilai else 0) + (1 if s.tanda else 0)
    return (len(baris) + tambahan) * TINGGI_BARIS + 2 * PADDING


def _atur(s: Simpul, tingkat: int, y_awal: float) -> tuple[_Letak, float]:
    """Lay out a subtree from y_awal down; returns its layout and the next free y."""
    baris = _baris_simpul(s)
    tinggi = _tinggi(baris, s)
    x = tingkat * (LEBAR_KOTAK + JARAK_KOLOM)
    if not s.anak:
        return _Letak(s, x, y_awal, tinggi, baris, []), y_awal + tinggi + JARAK_BARIS
    anak, y = [], y_awal
    for a in s.anak:
        letak, y = _atur(a, tingkat + 1, y)
        anak.append(letak)
    tengah = (anak[0].y + anak[0].tinggi / 2 + anak[-1].y + anak[-1].tinggi / 2) / 2
    atas = max(y_awal, tengah - tinggi / 2)
    return _Letak(s, x, atas, tinggi, baris, anak), max(y, atas + tinggi + JARAK_BARIS)


def _gambar(letak: _Letak, keluar: list[str]) -> None:
    s = letak.simpul
    x, y = letak.x, letak.y
    for a in letak.anak:
        x1, y1 = x + LEBAR_KOTAK, y + letak.tinggi / 2
        x2, y2 = a.x, a.y + a.tinggi / 2
        xm = (x1 + x2) / 2
        keluar.append(f'<path d="M{x1:.0f},{y1:.0f} H{xm:.0f} V{y2:.0f} H{x2:.0f}" fill="none" stroke="#7b8794"/>')
        _gambar(a, keluar)
    keluar.append(
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{LEBAR_KOTAK}" height="{letak.tinggi:.0f}" rx="6" '
        f'fill="#ffffff" stroke="{escape(s.warna)}" stroke-width="2"/>'
    )
    keluar.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="6" height="{letak.tinggi:.0f}" fill="{escape(s.warna)}"/>')
    ty = y + PADDING + 11
    for i, b in enumerate(letak.baris):
        gaya = ' font-weight="bold"' if not b.startswith("— ") else ' fill="#52606d"'
        keluar.append(f'<text x="{x + 12:.0f}" y="{ty + i * TINGGI_BARIS:.0f}"{gaya}>{escape(b)}</text>')
    ty += len(letak.baris) * TINGGI_BARIS
    if s.nilai:
        keluar.append(
            f'<rect x="{x + 10:.0f}" y="{ty - 11:.0f}" width="{LEBAR_KOTAK - 18}" height="{TINGGI_BARIS}" rx="3" '
            f'fill="{escape(s.warna)}"/>'
        )
        keluar.append(f'<text x="{x + 14:.0f}" y="{ty:.0f}" fill="{escape(s.warna_teks)}">{escape(s.nilai)}</text>')
        ty += TINGGI_BARIS
    if s.tanda:
        keluar.append(
            f'<text x="{x + 12:.0f}" y="{ty:.0f}" fill="#b3261e" font-style="italic">{escape(s.tanda)}</text>'
        )


def _kedalaman(s: Simpul) -> int:
    return 1 + max((_kedalaman(a) for a in s.anak), default=0)


def gambar_pohon(akar: list[Simpul], judul: str = "") -> str:
    """A standalone SVG document of the trees under `akar`, one below the other."""
    keluar: list[str] = []
    y = 30.0 if judul else 0.0
    for s in akar:
        letak, y = _atur(s, 0, y)
        _gambar(letak, keluar)
        y += JARAK_BARIS * 2
    lebar = max((_kedalaman(s) for s in akar), default=1) * (LEBAR_KOTAK + JARAK_KOLOM) - JARAK_KOLOM + 4
    tinggi = max(y, 40)
    kepala = f'<text x="0" y="18" font-size="15" font-weight="bold">{escape(judul)}</text>' if judul else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lebar:.0f}" height="{tinggi:.0f}" '
        f'viewBox="-2 -2 {lebar:.0f} {tinggi:.0f}" font-family="sans-serif" font-size="11" role="img">'
        f"<title>{escape(judul or 'Pohon kinerja')}</title>{kepala}{''.join(keluar)}</svg>"
    )
