"""`kinerja compute`, `isi`, `templat` and `unggah`: output formats, clear errors, locks through the CLI."""

import io
import json
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.cli import main
from kinerja.realisasi import excel
from kinerja.realisasi.models import NilaiVariabel, RiwayatNilai

from .conftest import buat_kantor, tetapkan
from .test_hitung import dokumen  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_compute_prints_a_table_in_indonesian_format(dokumen, capsys):  # noqa: F811
    assert main(["compute", "--instansi", str(dokumen.instansi_id), "--tahun", "2025"]) == 0
    keluaran = capsys.readouterr().out
    assert "Kecamatan Uji — IKI 2025 rev. 1 — periode Tahunan" in keluaran
    judul = keluaran.splitlines()[1].split()
    assert judul == ["No", "Jabatan", "Indikator", "Target", "Realisasi", "Capaian", "Kategori", "Keterangan"]
    desa = next(b for b in keluaran.splitlines() if "Persentase desa tertib" in b).split()
    # target 100 %, realisasi 85,71, capaian 85,71 %, Tinggi, and TW3 was never filled in
    assert desa[-6:] == ["100,00%", "85,71", "85,71%", "Tinggi", "belum", "lengkap"]
    assert "3 indikator: Sangat Tinggi 1, Tinggi 1, Sangat Rendah 1" in keluaran  # in the scale's order


def test_compute_json_numbers_are_exact_to_six_places(dokumen, capsys):  # noqa: F811
    assert main(["compute", "--instansi", str(dokumen.instansi_id), "--tahun", "2025", "--json"]) == 0
    desa = {i["nama"]: i for i in json.loads(capsys.readouterr().out)["indikator"]}["Persentase desa tertib"]
    assert (desa["target"], desa["realisasi"], desa["capaian"], desa["kategori"]) == (
        100.0,
        85.714286,
        85.714286,
        "Tinggi",
    )


def test_compute_by_name_and_for_the_year_so_far(dokumen, capsys):  # noqa: F811
    assert main(["compute", "--instansi", "kecamatan uji", "--tahun", "2025", "--periode", "SD_TW2"]) == 0
    keluaran = capsys.readouterr().out
    assert "periode s.d. Triwulan II" in keluaran
    lpj = next(b for b in keluaran.splitlines() if "Persentase LPJ" in b)
    assert "75,00" in lpj
    assert lpj.rstrip().endswith("target turunan")  # half of the annual 100, derived: said so


def test_compute_json_has_plain_numbers(dokumen, capsys):  # noqa: F811
    assert (
        main(["compute", "--instansi", str(dokumen.instansi_id), "--tahun", "2025", "--periode", "TW3", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["tahun"], data["periode"], data["dokumen"]["revisi"]) == (2025, "TW3", 1)
    per_nama = {i["nama"]: i for i in data["indikator"]}
    surat = per_nama["Persentase surat tepat waktu"]
    assert surat["realisasi"] is None and surat["lengkap"] is False
    # A count that adds up over quarters, with only an annual target (100): TW3 alone is a quarter of it,
    # derived pro rata and marked so.
    lpj = per_nama["Persentase LPJ tepat waktu"]
    assert (lpj["target"], lpj["target_turunan"], lpj["realisasi"], lpj["capaian"]) == (25.0, True, 0.0, 0.0)
    desa = per_nama["Persentase desa tertib"]
    assert desa["realisasi"] is None and "“Jumlah desa tertib” belum diisi" in desa["realisasi_alasan"]
    assert "desa_tertib" not in desa["realisasi_alasan"]


@pytest.mark.parametrize(
    "argumen, pesan",
    [
        (["--instansi", "999999", "--tahun", "2025"], "instansi '999999' tidak ditemukan."),
        (["--instansi", "Kecamatan Entah", "--tahun", "2025"], "instansi 'Kecamatan Entah' tidak ditemukan."),
        (["--tahun", "2019"], "Kecamatan Uji belum memiliki dokumen IKI tahun 2019 yang ditetapkan."),
        (["--tahun", "2025", "--periode", "TW9"], "Periode “TW9” tidak dikenal"),
    ],
)
def test_compute_errors_are_clear_and_exit_1(dokumen, capsys, argumen, pesan):  # noqa: F811
    if "--instansi" not in argumen:
        argumen = ["--instansi", str(dokumen.instansi_id), *argumen]
    assert main(["compute", *argumen]) == 1
    keluaran = capsys.readouterr()
    assert keluaran.err.startswith("kinerja compute: ") and pesan in keluaran.err and keluaran.out == ""


def test_isi_saves_through_the_service_with_warnings(kantor, tw, capsys):
    assert (
        main(["isi", "--pengguna", "sekcam", "--variabel", str(kantor.lpj_tepat.pk), "--periode", tw, "--nilai", "5"])
        == 0
    )
    keluaran = capsys.readouterr().out
    assert f"Tersimpan: lpj_tepat {tw} = 5 (versi 1)" in keluaran and "Peringatan: Pembilang" in keluaran
    assert RiwayatNilai.objects.get().sumber == "cli"
    # A stale version through the CLI is a conflict too.
    assert (
        main(
            [
                "isi",
                "--pengguna",
                "sekcam",
                "--variabel",
                str(kantor.lpj_tepat.pk),
                "--periode",
                tw,
                "--nilai",
                "4",
                "--versi",
                "0",
            ]
        )
        == 1
    )
    assert "telah diubah" in capsys.readouterr().err
    assert NilaiVariabel.objects.get().nilai == 5


def test_isi_refuses_a_locked_period(django_user_model, capsys):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    assert (
        main(["isi", "--pengguna", "lsekcam", "--variabel", str(lalu.lpj_tepat.pk), "--periode", "TW1", "--nilai", "2"])
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("kinerja isi: Masa pengisian Triwulan I") and "berakhir 10 April" in err
    assert not NilaiVariabel.objects.exists()


@pytest.mark.parametrize(
    "argumen, pesan",
    [
        (["--pengguna", "camat"], "tidak berhak mengisi realisasi Sekretaris Kecamatan"),
        (["--pengguna", "siapa"], "pengguna 'siapa' tidak ditemukan"),
        (["--pengguna", "sekcam", "--nilai", "tiga"], "bukan angka"),
    ],
)
def test_isi_errors(kantor, tw, capsys, argumen, pesan):
    semua = {"--pengguna": "sekcam", "--variabel": str(kantor.lpj_tepat.pk), "--periode": tw, "--nilai": "2"}
    semua.update(dict(zip(argumen[::2], argumen[1::2])))
    assert main(["isi", *[x for kv in semua.items() for x in kv]]) == 1
    assert pesan in capsys.readouterr().err
    assert not NilaiVariabel.objects.exists()


def test_templat_and_unggah_round_trip(kantor, tw, tmp_path, capsys):
    berkas = tmp_path / "isian.xlsx"
    assert (
        main(
            [
                "templat",
                "--jabatan",
                str(kantor.sekcam.pk),
                "--tahun",
                str(kantor.dokumen.tahun),
                "--periode",
                tw,
                "-o",
                str(berkas),
            ]
        )
        == 0
    )
    buku = load_workbook(berkas)
    buku[excel.LEMBAR_ISIAN].cell(excel.BARIS_JUDUL_KOLOM + 1, excel.KOL_NILAI, 3)
    buku.save(berkas)
    assert main(["unggah", str(berkas), "--pengguna", "sekcam"]) == 0
    assert "belum disimpan" in capsys.readouterr().out and not NilaiVariabel.objects.exists()
    assert main(["unggah", str(berkas), "--pengguna", "sekcam", "--terapkan"]) == 0
    assert "1 nilai disimpan." in capsys.readouterr().out
    assert NilaiVariabel.objects.get().nilai == Decimal(3)


def test_unggah_refuses_a_locked_period(django_user_model, tmp_path, capsys):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    data = excel.buat_template(lalu.sekcam, lalu.dokumen.tahun, "TW1")
    buku = load_workbook(io.BytesIO(data))
    buku[excel.LEMBAR_ISIAN].cell(excel.BARIS_JUDUL_KOLOM + 1, excel.KOL_NILAI, 3)
    berkas = tmp_path / "lalu.xlsx"
    buku.save(berkas)
    assert main(["unggah", str(berkas), "--pengguna", "lsekcam", "--terapkan"]) == 1
    err = capsys.readouterr().err
    assert "GALAT: Masa pengisian Triwulan I" in err and "tidak ada yang disimpan" in err
    assert not NilaiVariabel.objects.exists()
