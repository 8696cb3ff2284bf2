"""Formula injection: text that looks like a formula is written to XLSX and CSV as text."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from kinerja.sel_aman import AWALAN_RUMUS, sel_csv, simpan_buku, tampak_rumus

BERBAHAYA = [
    '=HYPERLINK("http://contoh.invalid","klik")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
]


def _tulis_baca(nilai: list[object]) -> list:
    buku = Workbook()
    for kolom, isi in enumerate(nilai, start=1):
        buku.active.cell(1, kolom, isi)
    return [sel for sel in load_workbook(io.BytesIO(simpan_buku(buku))).active[1]]


def test_every_dangerous_text_comes_back_as_the_same_text_never_a_formula():
    sel = _tulis_baca(BERBAHAYA)
    assert [s.value for s in sel] == BERBAHAYA
    assert {s.data_type for s in sel} == {"s"}
    assert all(s.quotePrefix for s in sel)


def test_numbers_and_ordinary_text_are_unchanged():
    sel = _tulis_baca([12.5, -3, "Surat keluar", None])
    assert [(s.value, s.data_type, s.quotePrefix) for s in sel[:3]] == [
        (12.5, "n", False),
        (-3, "n", False),
        ("Surat keluar", "s", False),
    ]


@given(st.text(max_size=30))
def test_any_text_survives_a_round_trip_as_text(teks):
    teks = "".join(c for c in teks if c.isprintable() or c in "\t\r")  # XML cannot carry other controls
    [sel] = _tulis_baca([teks or "x"])
    assert sel.data_type == "s" and sel.value == (teks or "x")


@pytest.mark.parametrize("teks", BERBAHAYA)
def test_csv_fields_get_an_apostrophe(teks):
    keluaran = io.StringIO()
    csv.writer(keluaran).writerow([sel_csv(teks), sel_csv(5), sel_csv("biasa")])
    [baris] = list(csv.reader(io.StringIO(keluaran.getvalue())))
    assert baris == ["'" + teks, "5", "biasa"]


def test_the_prefixes_are_the_owasp_ones():
    assert set(AWALAN_RUMUS) == {"=", "+", "-", "@", "\t", "\r"}
    assert not tampak_rumus(5) and not tampak_rumus("5") and tampak_rumus("-5")
