"""Pengukuran Kinerja and the kabupaten recap as Word files: the same numbers as the PDF, tables Word repeats."""

import io

import pytest
from django.urls import reverse
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from PIL import Image

from kinerja.cli import main
from kinerja.format import format_angka
from kinerja.laporan import grafik, layanan
from kinerja.organisasi.models import Instansi
from kinerja.realisasi.hitung import hitung_instansi, hitung_pemda

from .conftest import W, buat_kantor, docx, teks_docx, teks_sel

pytestmark = pytest.mark.django_db

JENIS_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def baris_teks(tabel) -> list[list[str]]:
    return [[teks_sel(sel) for sel in baris.cells] for baris in tabel.rows]


def baris_kepala(tabel) -> list[bool]:
    """Per row: does Word repeat it at the top of every page?"""
    return [baris._tr.find(f"{W}trPr/{W}tblHeader") is not None for baris in tabel.rows]


def gambar_png(dokumen) -> list[bytes]:
    return [
        dokumen.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        for shape in dokumen.inline_shapes
    ]


def test_one_table_per_sasaran_with_the_computed_numbers_the_indonesian_way(kantor):
    hasil = {h.nama: h for h in hitung_instansi(kantor.instansi, 2025)}
    berkas = layanan.buat_lkjip(kantor.instansi, 2025, "docx")
    assert berkas.nama == "pengukuran-kinerja-kecamatan-uji-2025-tahun.docx" and berkas.content_type == JENIS_DOCX
    dokumen = docx(berkas.isi)
    teks = teks_docx(dokumen)
    assert "PENGUKURAN KINERJA KECAMATAN UJI KABUPATEN UJI TAHUN 2025" in teks
    assert "1. Camat" in teks and "2. Sekretaris Kecamatan" in teks
    assert "Rata-rata capaian : 100,00% (Sangat Tinggi)" in teks

    ringkasan, camat, sekcam = dokumen.tables
    for tabel in (camat, sekcam):
        assert baris_kepala(tabel) == [True, True, False]  # sasaran and column heads repeat, the indicator does not
        assert baris_teks(tabel)[1] == [
            "No",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Kategori",
            "Realisasi 2024",
            "Capaian 2024 (%)",
            "Target akhir Renstra",
            "Capaian terhadap Renstra (%)",
        ]
    assert dokumen.sections[0].orientation == WD_ORIENT.LANDSCAPE  # eleven columns need the width
    assert set(baris_teks(camat)[0]) == {"Sasaran: Meningkatnya tata kelola desa"}  # one cell across the table
    desa, lpj = hasil["Persentase desa tertib"], hasil["Persentase LPJ tepat waktu"]
    assert baris_teks(camat)[2] == [
        "1",
        "Persentase desa tertib",
        "%",
        "100",
        format_angka(desa.realisasi.nilai),
        format_angka(desa.capaian.nilai),
        desa.kategori,
        "–",
        "–",
        "–",
        "–",
    ]
    assert baris_teks(camat)[2][4:6] == ["85,71", "85,71"]
    assert baris_teks(sekcam)[2][3:7] == ["87,5", format_angka(lpj.realisasi.nilai), "114,29", "Sangat Tinggi"]

    # The chart of each sasaran, drawn as in the PDF, as a PNG picture the chart's width.
    png = gambar_png(dokumen)
    assert len(png) == 2 and all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in png)
    assert all(abs(s.width - Mm(grafik.LEBAR_MM)) < Mm(0.1) for s in dokumen.inline_shapes)


def test_last_years_capaian_in_the_docx(kantor):
    from .test_pengukuran import _tahun_lalu_berganti_nama

    _tahun_lalu_berganti_nama(kantor)
    _, camat, sekcam = docx(layanan.buat_lkjip(kantor.instansi, 2025, "docx").isi).tables
    assert baris_teks(camat)[2][7:9] == ["71,43", "89,29"]
    assert baris_teks(sekcam)[2][7:9] == ["–", "–"]


def test_a_missing_value_is_a_dash_with_its_reason(db):
    kantor = buat_kantor(desa_tertib=(3, 4), lpj_tepat=())
    dokumen = docx(layanan.buat_lkjip(kantor.instansi, 2025, "docx", kertas="f4").isi)
    _, camat, sekcam = dokumen.tables
    assert baris_teks(sekcam)[2][:7] == [
        "1",
        "Persentase LPJ tepat waktu tidak dapat dihitung: nilai “LPJ tepat waktu” belum diisi",
        "%",
        "87,5",
        "–",
        "–",
        "Tidak dapat dinilai",
    ]
    assert baris_teks(camat)[2][1] == "Persentase desa tertib data belum lengkap"  # a value, but from TW2 only
    assert round(dokumen.sections[0].page_width.mm) == 330  # F4, turned


def test_the_chart_pictures_show_the_bars(kantor):
    """The PNG is the SVG painted, not an empty page: the bar's category colour is in it."""
    data = layanan.data_lkjip(kantor.instansi, 2025)
    [desa] = data.jabatan[0].sasaran[0].baris
    [png] = grafik.ke_png([data.jabatan[0].sasaran[0].grafik_svg])
    gambar = Image.open(io.BytesIO(png)).convert("RGB")
    assert gambar.width == 1200
    warna = {f"#{r:02x}{g:02x}{b:02x}" for _, (r, g, b) in gambar.getcolors(maxcolors=1 << 16)}
    assert desa.warna.lower() in warna


@pytest.fixture
def kabupaten(db):
    a = buat_kantor("Kecamatan Atas", desa_tertib=(7, 7, 7, 7), nip=("198606272014121002", "199001012015032003"))
    b = buat_kantor(
        "Kecamatan Bawah",
        desa_tertib=(1, 1, 1, 2),
        lpj_tepat=(1, 0, 0, 0),
        nip=("198606272014121003", "199001012015032004"),
    )
    Instansi.objects.create(pemda=a.instansi.pemda, nama="Kecamatan Kosong")
    return a, b


def test_the_recap_lists_every_kecamatan_by_rank(kabupaten):
    a, b = kabupaten
    pemda = a.instansi.pemda
    berkas = layanan.buat_rekap(pemda, 2025, "docx")
    assert berkas.nama == "rekap-kinerja-kabupaten-uji-2025-tahun.docx"
    dokumen = docx(berkas.isi)
    assert dokumen.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert "REKAPITULASI CAPAIAN KINERJA KECAMATAN KABUPATEN UJI TAHUN 2025" in teks_docx(dokumen)
    [tabel] = dokumen.tables
    baris = baris_teks(tabel)
    assert baris_kepala(tabel) == [True, True, False, False, False]
    assert baris[0][7:] == ["Jumlah indikator per kategori"] * 5 and baris[0][:2] == ["Peringkat", "Kecamatan"]
    assert baris[1][7:] == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    hasil = hitung_pemda(pemda, 2025, "TAHUN")
    rata_atas = sum(h.capaian.nilai for h in hasil[a.instansi.pk]) / 2
    assert baris[2] == [
        "1",
        "Kecamatan Atas",
        "2",
        "2",
        format_angka(rata_atas),
        "Sangat Tinggi",
        "100,00",
        "2",
        "0",
        "0",
        "0",
        "0",
    ]
    assert baris[2][4] == "107,14"
    assert baris[3][:2] == ["2", "Kecamatan Bawah"]
    assert baris[4][:7] == ["–", "Kecamatan Kosong", "0", "0", "–", "Tidak dapat dinilai", "–"]
    assert len(gambar_png(dokumen)) == 1


def test_the_views_give_docx_in_scope_only(client, pengguna, kabupaten):
    a, b = kabupaten
    lkjip_a = reverse("laporan:lkjip", args=[a.instansi.pk, 2025])
    rekap = reverse("laporan:rekap", args=[a.instansi.pemda.pk, 2025])
    client.force_login(pengguna("camat.a", "camat", instansi=a.instansi))
    assert f'href="{lkjip_a}?format=docx"' in client.get(lkjip_a).content.decode()
    jawab = client.get(lkjip_a + "?format=docx")
    assert jawab.status_code == 200 and jawab["Content-Type"] == JENIS_DOCX
    assert "Kecamatan Atas".upper() in teks_docx(docx(b"".join(jawab.streaming_content)))
    assert client.get(reverse("laporan:lkjip", args=[b.instansi.pk, 2025]) + "?format=docx").status_code == 404
    assert client.get(rekap + "?format=docx").status_code == 404  # a camat sees no kabupaten recap

    client.force_login(pengguna("pemeriksa", "pemeriksa", pemda=a.instansi.pemda))
    assert f'href="{rekap}?format=docx"' in client.get(rekap).content.decode()
    jawab = client.get(rekap + "?format=docx&kertas=f4")
    assert jawab.status_code == 200
    dokumen = docx(b"".join(jawab.streaming_content))
    assert round(dokumen.sections[0].page_width.mm) == 330  # F4, turned
    assert [baris[1] for baris in baris_teks(dokumen.tables[0])[2:]] == [
        "Kecamatan Atas",
        "Kecamatan Bawah",
        "Kecamatan Kosong",
    ]


def test_the_command_writes_both_as_docx(kabupaten, tmp_path, capsys):
    a, _ = kabupaten
    lkjip = tmp_path / "lkjip.docx"
    assert (
        main(
            [
                "report",
                "lkjip",
                "--instansi",
                str(a.instansi.pk),
                "--tahun",
                "2025",
                "--format",
                "docx",
                "-o",
                str(lkjip),
            ]
        )
        == 0
    )
    assert f"Tersimpan: {lkjip}" in capsys.readouterr().out
    assert "Persentase LPJ tepat waktu" in teks_docx(docx(lkjip.read_bytes()))
    rekap = tmp_path / "rekap.docx"
    assert (
        main(
            [
                "report",
                "rekap",
                "--pemda",
                str(a.instansi.pemda.pk),
                "--tahun",
                "2025",
                "--format",
                "docx",
                "-o",
                str(rekap),
            ]
        )
        == 0
    )
    assert "Kecamatan Bawah" in teks_docx(docx(rekap.read_bytes()))
