"""`kinerja report`: files written where asked, and one clear Indonesian line for every mistake."""

import io

import pytest
from openpyxl import load_workbook

from kinerja.cli import build_parser, main

from .conftest import docx, teks_docx, teks_pdf

pytestmark = pytest.mark.django_db


def test_help_lists_the_reports_and_options():
    bantuan = build_parser()._subparsers._group_actions[0].choices["report"].format_help()
    for kata in (
        "iki",
        "pk",
        "lkjip",
        "rekap",
        "--instansi",
        "--jabatan",
        "--pemda",
        "--tahun",
        "--format",
        "--kertas",
        "--periode",
        "-o FILE",
    ):
        assert kata in bantuan


def test_every_report_to_a_file(kantor, tmp_path, capsys):
    iki = tmp_path / "iki.docx"
    assert (
        main(
            [
                "report",
                "iki",
                "--instansi",
                str(kantor.instansi.pk),
                "--tahun",
                "2025",
                "--format",
                "docx",
                "-o",
                str(iki),
            ]
        )
        == 0
    )
    assert f"Tersimpan: {iki}" in capsys.readouterr().out
    assert "Persentase desa tertib" in teks_docx(docx(iki.read_bytes()))

    pk = tmp_path / "pk.pdf"
    assert (
        main(
            [
                "report",
                "pk",
                "--jabatan",
                str(kantor.sekcam.pk),
                "--tahun",
                "2025",
                "--format",
                "pdf",
                "-o",
                str(pk),
                "--tanggal",
                "2 Januari 2025",
            ]
        )
        == 0
    )
    assert "Uji, 2 Januari 2025" in teks_pdf(pk.read_bytes())

    lkjip = tmp_path / "lkjip.xlsx"
    assert (
        main(
            [
                "report",
                "lkjip",
                "--instansi",
                "Kecamatan Uji",
                "--tahun",
                "2025",
                "--format",
                "xlsx",
                "--periode",
                "SD_TW3",
                "-o",
                str(lkjip),
            ]
        )
        == 0
    )
    assert load_workbook(lkjip).active["D5"].value == "Persentase desa tertib"

    rekap = tmp_path / "rekap.xlsx"
    assert (
        main(
            [
                "report",
                "rekap",
                "--instansi",
                str(kantor.instansi.pk),
                "--tahun",
                "2025",
                "--format",
                "xlsx",
                "-o",
                str(rekap),
            ]
        )
        == 0
    )
    assert load_workbook(io.BytesIO(rekap.read_bytes())).active["B5"].value == "Kecamatan Uji"


def test_default_file_name_and_warnings_on_stderr(kantor, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "pk", "--jabatan", str(kantor.camat.pk), "--tahun", "2025"]) == 0
    keluaran = capsys.readouterr()
    assert (tmp_path / "pk-2025-camat-uji.pdf").read_bytes().startswith(b"%PDF")
    assert "Peringatan: Nama Bupati Uji belum diisi" in keluaran.err


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["iki", "--instansi", "999", "--tahun", "2025"], "instansi '999' tidak ditemukan."),
        (["iki", "--instansi", "Kecamatan Entah", "--tahun", "2025"], "instansi 'Kecamatan Entah' tidak ditemukan."),
        (
            ["iki", "--instansi", "{instansi}", "--tahun", "2031"],
            "Belum ada dokumen IKI Kecamatan Uji untuk tahun 2031.",
        ),
        (["iki", "--tahun", "2025"], "sebutkan --instansi ID untuk iki."),
        (["pk", "--instansi", "{instansi}", "--tahun", "2025"], "sebutkan --jabatan ID."),
        (["pk", "--jabatan", "Camat", "--tahun", "2025"], "--jabatan harus ID jabatan (angka)"),
        (
            ["pk", "--jabatan", "{jabatan}", "--tahun", "2025", "--format", "xlsx"],
            "Perjanjian Kinerja tidak tersedia sebagai XLSX; pilih PDF atau DOCX.",
        ),
        (
            ["pk", "--jabatan", "{jabatan}", "--tahun", "2025", "--tanggal", "kemarin"],
            "Tanggal “kemarin” tidak dikenali",
        ),
        (
            ["lkjip", "--instansi", "{instansi}", "--jabatan", "{jabatan}", "--tahun", "2025"],
            "--jabatan hanya untuk pk",
        ),
        (
            ["lkjip", "--instansi", "{instansi}", "--tahun", "2025", "--periode", "kuartal"],
            "Periode “kuartal” tidak dikenal",
        ),
        (["rekap", "--pemda", "77", "--tahun", "2025"], "pemda '77' tidak ditemukan."),
    ],
)
def test_mistakes_get_one_line_and_exit_code_1(kantor, tmp_path, capsys, argumen, pesan):
    ganti = {"{instansi}": str(kantor.instansi.pk), "{jabatan}": str(kantor.sekcam.pk)}
    argumen = [ganti.get(a, a) for a in argumen]
    assert main(["report", *argumen, "-o", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kinerja report: ") and pesan in err and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_unwritable_target_is_reported(kantor, tmp_path, capsys):
    assert (
        main(
            [
                "report",
                "iki",
                "--instansi",
                str(kantor.instansi.pk),
                "--tahun",
                "2025",
                "--format",
                "xlsx",
                "-o",
                str(tmp_path / "tidak-ada" / "iki.xlsx"),
            ]
        )
        == 1
    )
    assert "tidak dapat menulis" in capsys.readouterr().err
