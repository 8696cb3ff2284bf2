"""No table row, however broken, makes a document with a valid indicator unusable.

A property test over generated rows — empty names, garbage cells, huge text, odd unicode, missing
or extra columns — written between the header and a valid indicator, as Markdown, as tab-separated
text and as a Word table: the reader never refuses the document, the validation of the import
(:func:`saring_json`) never refuses it, what it keeps is valid, and the valid indicator is kept
with its formula.
"""

import io
import re

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.dokumen import baca_docx, baca_teks
from kinerja.iki.interchange import saring_json, validasi_json

JUDUL = ["NO", "SASARAN", "INDIKATOR KINERJA", "FORMULASI", "SUMBER DATA"]
SAH = [
    "99",
    "Meningkatnya tertib surat",
    "Persentase surat yang selesai",
    "Jumlah surat selesai / Jumlah surat masuk x 100%",
    "Agenda",
]
EKSPRESI_SAH = "surat_selesai / surat_masuk * 100"

_POTONGAN = st.sampled_from(
    [
        "Jumlah",
        "x 100%",
        "/",
        ":",
        "dibagi",
        "per",
        "((",
        "))",
        "Penjelasan :",
        "Keterangan:",
        "1.",
        "-",
        "Persentase",
        "Σ",
        "×",
        "√",
        "\u200b",
        "é",
        "漢字",
        "🙂",
        "0",
        "1.000,5",
        "Sasaran",
        "Indikator",
        "desa",
    ]
)
_TEKS_ANEH = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
_SEL = st.one_of(
    st.just(""),
    _TEKS_ANEH,
    st.lists(_POTONGAN, max_size=6).map(" ".join),
    st.builds(lambda t, n: t * n, st.sampled_from(["Jumlah surat ", "ꦧ", "x"]), st.integers(100, 2000)),
)
_BARIS = st.lists(st.lists(_SEL, max_size=8), min_size=1, max_size=6)


def _tanpa_pemisah(teks: str) -> str:
    """A cell's text that cannot end the cell or the row in the text formats."""
    return re.sub(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029|]", " ", teks)


def _markdown(baris: list[list[str]]) -> str:
    def pipa(sel):
        return "| " + " | ".join(_tanpa_pemisah(s) for s in sel) + " |"

    return "\n".join(["JABATAN : Kepala Seksi Umum", pipa(JUDUL), "|---|---|---|---|---|", *map(pipa, baris)])


def _tab(baris: list[list[str]]) -> str:
    return "\n".join(
        ["JABATAN : Kepala Seksi Umum", "\t".join(JUDUL), *("\t".join(_tanpa_pemisah(s) for s in b) for b in baris)]
    )


def _docx(baris: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Umum")
    t = d.add_table(rows=0, cols=max(len(JUDUL), *(len(b) for b in baris)))
    for b in [JUDUL, *baris]:
        sel = t.add_row().cells
        for k, teks in enumerate(b):
            sel[k].text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


def _periksa(hasil: dict):
    bersih = saring_json(hasil)  # raises ImporDitolak if the document were refused
    assert validasi_json(bersih) == []
    indikator = [i for j in bersih["jabatan"] for s in j["sasaran"] for i in s["indikator"]]
    sah = [i for i in indikator if i["nama"] == SAH[2]]
    assert sah and sah[-1]["formula"]["ekspresi"] == EKSPRESI_SAH
    assert all(i["nama"].strip() for i in indikator)


def _dokumen(acak: list[list[str]]) -> list[list[str]]:
    # The header again before the valid row: whatever the generated rows did (a new jabatan, a
    # closing chapter, a header of another table), the valid row is read as a row of an IKI table.
    return [*acak, JUDUL, SAH]


_CEPAT = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_CEPAT
@given(_BARIS)
def test_baris_acak_markdown_tidak_menolak_dokumen(acak):
    _periksa(baca_teks(_markdown(_dokumen(acak)), "acak.md"))


@_CEPAT
@given(_BARIS)
def test_baris_acak_teks_bertab_tidak_menolak_dokumen(acak):
    _periksa(baca_teks(_tab(_dokumen(acak)), "acak.txt"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BARIS.map(lambda b: [[_tanpa_pemisah(s) for s in sel] for sel in b]))
def test_baris_acak_docx_tidak_menolak_dokumen(acak):
    _periksa(baca_docx(_docx(_dokumen(acak)), "acak.docx"))


def test_baris_tanpa_nama_indikator_tidak_menolak_dokumen():
    """The case of issue 10: one row without an indicator name."""
    teks = _markdown([SAH, ["", "", "", "Jumlah laporan / Jumlah kegiatan x 100%", "Laporan"]])
    hasil = baca_teks(teks, "satu-baris-kosong.md")
    assert any(re.match(r"baris 5: baris tabel tanpa nama indikator", p) for p in hasil["peringatan"])
    _periksa(hasil)
