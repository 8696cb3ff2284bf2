"""Standard texts: the clerk's markup, placeholders, diktum names, and the defaults themselves."""

import pytest

from kinerja.laporan import teks
from kinerja.laporan.teks import Daftar, Judul, Paragraf


def test_markup_gives_headings_paragraphs_and_lists():
    blok = teks.urai(
        "# 1.1 Latar Belakang\n"
        "Baris pertama\nbaris kedua paragraf yang sama.\n\n"
        "Daftar:\n"
        "1. satu\n"
        "   lanjutan butir satu\n"
        "2) dua\n"
        "a. huruf\n"
        "- titik\n"
        "• titik lagi\n\n"
        "Penutup."
    )
    assert blok == [
        Judul("1.1 Latar Belakang"),
        Paragraf("Baris pertama baris kedua paragraf yang sama."),
        Paragraf("Daftar:"),
        Daftar("angka", ("satu lanjutan butir satu", "dua")),
        Daftar("huruf", ("huruf",)),
        Daftar("titik", ("titik", "titik lagi")),
        Paragraf("Penutup."),
    ]


def test_list_markers_print_as_documents_write_them():
    assert [Daftar("angka").penanda(i) for i in (0, 9)] == ["1.", "10."]
    assert [Daftar("huruf").penanda(i) for i in (0, 25, 26, 27)] == ["a.", "z.", "aa.", "ab."]
    assert Daftar("titik").penanda(3) == "•"


def test_placeholders_are_filled_and_blank_ones_left_to_fill_by_hand():
    hasil = teks.isi_penanda(
        "{camat} Nomor {nomor_sk} tahun {tahun} {bukan_penanda}",
        {"camat": "Camat Banyuates", "nomor_sk": "", "tahun": "2026"},
    )
    assert hasil == f"Camat Banyuates Nomor {teks.KOSONG} tahun 2026 {{bukan_penanda}}"


def test_unknown_placeholders_are_refused_with_the_allowed_ones_named():
    assert teks.periksa("Teks {instansi} dan {tahun}.") == []
    [pesan] = teks.periksa("{kecamatan} dan {instansi} dan {kabupaten}")
    assert "{kabupaten}, {kecamatan}" in pesan and "{instansi}" in pesan.split("dapat dipakai:")[1]


@pytest.mark.parametrize(
    ("indeks", "nama"),
    [
        (0, "KESATU"),
        (1, "KEDUA"),
        (3, "KEEMPAT"),
        (8, "KESEMBILAN"),
        (9, "KESEPULUH"),
        (10, "KESEBELAS"),
        (11, "KEDUA BELAS"),
        (18, "KESEMBILAN BELAS"),
        (19, "KE-20"),
    ],
)
def test_diktum_names(indeks, nama):
    assert teks.urutan_diktum(indeks) == nama


def test_every_replaceable_text_has_a_default_that_passes_its_own_check():
    assert teks.BAWAAN.keys() == teks.BAGIAN.keys()
    for bagian, isi in teks.BAWAAN.items():
        assert teks.periksa(isi) == [], bagian
        assert teks.urai(isi), bagian


def test_default_menimbang_and_mengingat_are_lists():
    for bagian, gaya in (("menimbang", "huruf"), ("mengingat", "angka")):
        [daftar] = teks.urai(teks.BAWAAN[bagian])
        assert isinstance(daftar, Daftar) and daftar.gaya == gaya and len(daftar.butir) >= 2
