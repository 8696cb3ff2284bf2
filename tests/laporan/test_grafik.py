"""The SVG bar chart of the printed reports."""

import re
from decimal import Decimal
from xml.etree import ElementTree

from kinerja.laporan.grafik import Batang, grafik_batang

SVG = "{http://www.w3.org/2000/svg}"


def test_one_bar_per_value_coloured_and_labelled_the_indonesian_way():
    svg = ElementTree.fromstring(
        grafik_batang(
            [
                Batang("1. Desa tertib", Decimal("85.714"), "#7fbf7b"),
                Batang("2. LPJ", Decimal(100), "#1b7837"),
                Batang("3. IKM", None),
            ],
            judul="Capaian",
        )
    )
    batang = [r for r in svg.findall(f"{SVG}rect") if r.get("fill") != "#fff"]  # white: the grounds of the values
    assert [b.get("fill") for b in batang] == ["#7fbf7b", "#1b7837"]
    assert float(batang[0].get("width")) < float(batang[1].get("width"))
    teks = [t.text for t in svg.iter(f"{SVG}text")]
    assert "85,71%" in teks and "100,00%" in teks and "tidak dapat dinilai" in teks and "Capaian" in teks


def test_the_axis_grows_to_the_largest_value_and_labels_are_escaped():
    svg = ElementTree.fromstring(grafik_batang([Batang("<b>", Decimal(250))]))
    teks = [t.text for t in svg.iter(f"{SVG}text")]
    assert "260" in teks and "<b>" in teks  # parsed back from &lt;b&gt;


def test_a_long_label_and_title_are_printed_whole_on_several_lines():
    label = "Persentase pelayanan administrasi kependudukan yang diselesaikan tepat waktu sesuai standar pelayanan"
    judul = "Capaian: " + "Meningkatnya kualitas pelayanan publik di seluruh desa dan kelurahan " * 2
    svg = grafik_batang([Batang(label, Decimal("85.5")), Batang("Pendek", Decimal(100))], judul=judul)
    assert "…" not in svg
    # Labels are right-aligned to the axis; the title is bold. Every line, in order, makes the whole text.
    baris_label = re.findall(r'<text [^>]*text-anchor="end">([^<>]+)</text>', svg)
    baris_judul = re.findall(r'<text [^>]*font-weight="bold">([^<>]+)</text>', svg)
    assert " ".join(baris_label) == label + " Pendek" and len(baris_label) >= 4
    assert " ".join(baris_judul) == " ".join(judul.split()) and len(baris_judul) >= 2
    # The row of the long label is taller than the short one's: the bars keep the rows' centres.
    tinggi = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    assert tinggi > 20 + 18 + 2 * 18
