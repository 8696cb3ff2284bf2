"""The pohon kinerja as SVG: whole words on every line, children to the right of their parent."""

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from kinerja.web.pohon_svg import HURUF_PER_BARIS, LEBAR_KOTAK, Simpul, bungkus, gambar_pohon

SVG = "{http://www.w3.org/2000/svg}"


@given(st.lists(st.text(alphabet="abcdefghij ,()%", min_size=1, max_size=30), min_size=1, max_size=12))
def test_wrapping_keeps_every_word_whole_and_in_order(kata):
    teks = " ".join(kata)
    baris = bungkus(teks)
    assert " ".join(baris).split() == teks.split()
    assert all(len(b) <= HURUF_PER_BARIS or " " not in b for b in baris)


def _kotak(svg: str):
    akar = ET.fromstring(svg)
    return [r for r in akar.iter(f"{SVG}rect") if r.get("width") == str(LEBAR_KOTAK)]


def test_children_stand_right_of_their_parent_and_no_boxes_overlap():
    daun = [Simpul(judul=f"Indikator staf nomor {n} dengan nama yang cukup panjang untuk dibungkus") for n in range(4)]
    tengah = [Simpul(judul="Sekretaris", anak=daun[:3]), Simpul(judul="Kasi", anak=daun[3:])]
    svg = gambar_pohon([Simpul(judul="Camat", nilai="85,71% · Tinggi", warna="#1b7837", anak=tengah)], "Uji")
    kotak = [(float(r.get("x")), float(r.get("y")), float(r.get("height"))) for r in _kotak(svg)]
    assert len(kotak) == 7
    assert sorted({x for x, _, _ in kotak}) == [0, LEBAR_KOTAK + 40, 2 * (LEBAR_KOTAK + 40)]
    for x in {x for x, _, _ in kotak}:
        kolom = sorted((y, y + h) for kx, y, h in kotak if kx == x)
        assert all(a[1] <= b[0] for a, b in zip(kolom, kolom[1:]))
    assert "85,71% · Tinggi" in svg and 'stroke="#1b7837"' in svg


def test_names_are_escaped():
    svg = gambar_pohon([Simpul(judul="A < B & C", keterangan='"Kasi"')])
    assert "A &lt; B &amp; C" in svg
    ET.fromstring(svg)
