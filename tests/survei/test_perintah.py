"""`kinerja survei impor` and `kinerja survei finalkan`, in-process."""

from decimal import Decimal

import pytest

from kinerja.audit.models import Jejak
from kinerja.cli import main
from kinerja.realisasi.models import NilaiVariabel
from kinerja.survei import layanan
from kinerja.survei.models import Responden, Survei

from .conftest import IKM_2004_LAMA, IKM_2017, JAWABAN_2004, JAWABAN_2017, KODE_2004, KODE_2017, ke_csv, ke_xlsx, tabel

pytestmark = pytest.mark.django_db


def jalankan(capsys, *args):
    kode = main(["survei", *map(str, args)])
    keluaran = capsys.readouterr()
    return kode, keluaran.out, keluaran.err


@pytest.fixture
def berkas(tmp_path):
    def tulis(nama, isi):
        jalur = tmp_path / nama
        jalur.write_bytes(isi)
        return jalur

    return tulis


def test_dry_run_prints_the_index_and_writes_nothing(capsys, kantor, berkas):
    jalur = berkas("jawaban.csv", ke_csv(tabel(JAWABAN_2017, KODE_2017)))
    kode, out, err = jalankan(
        capsys, "impor", "--instansi", kantor.instansi.pk, "--tahun", 2025, "--periode", "tw2", jalur, "--dry-run"
    )
    assert kode == 0, err
    assert "Responden sah: 4" in out and "IKM: 77,78" in out and "Mutu: B (Baik)" in out
    assert "  U1    3,50  Persyaratan" in out and "  U8    2,00  Penanganan Pengaduan, Saran dan Masukan" in out
    assert "tidak ada yang disimpan" in out
    assert not Survei.objects.exists() and not Jejak.objects.filter(aksi__endswith="skm").exists()


def test_import_creates_the_survey_and_saves_the_rows(capsys, kantor, berkas):
    jalur = berkas("lama.xlsx", ke_xlsx(tabel(JAWABAN_2004, KODE_2004)))
    kode, out, err = jalankan(
        capsys,
        "impor",
        "--instansi",
        "Kecamatan Uji",
        "--tahun",
        2019,
        "--periode",
        "TAHUN",
        jalur,
        "--regulasi",
        "2004",
        "--bobot",
        "lama",
        "--populasi",
        50,
    )
    assert kode == 0, err
    assert f"IKM: {IKM_2004_LAMA.replace('.', ',')}" in out and "Disimpan: 2 responden" in out
    survei = Survei.objects.get(instansi=kantor.instansi, tahun=2019, periode="TAHUN")
    assert (survei.regulasi, survei.bobot, survei.populasi, survei.responden.count()) == ("2004", "lama", 50, 2)
    assert Jejak.objects.get(aksi="impor_skm").pengguna is None
    # A second file is added to the same survey, under its regulation.
    kode, out, _ = jalankan(
        capsys, "impor", "--instansi", kantor.instansi.pk, "--tahun", 2019, "--periode", "TAHUN", jalur
    )
    assert kode == 0 and survei.responden.count() == 4
    kode, _, err = jalankan(
        capsys,
        "impor",
        "--instansi",
        kantor.instansi.pk,
        "--tahun",
        2019,
        "--periode",
        "TAHUN",
        jalur,
        "--regulasi",
        "2017",
    )
    assert kode == 1 and "memakai regulasi 2004, bukan 2017" in err


def test_errors_by_row_exit_non_zero_and_nothing_is_written(capsys, kantor, berkas):
    jawaban = [list(baris) for baris in JAWABAN_2017]
    jawaban[0][0], jawaban[2][8] = 5, "empat"
    jalur = berkas("salah.csv", ke_csv(tabel(jawaban, KODE_2017, {"Catatan": list("abcd")})))
    kode, out, err = jalankan(
        capsys, "impor", "--instansi", kantor.instansi.pk, "--tahun", 2025, "--periode", "TW1", jalur
    )
    assert kode == 1
    assert "Kesalahan (2):" in out
    assert "Baris 2, kolom 'U1' (U1): nilai '5' di luar rentang 1–4" in out
    assert "Baris 4, kolom 'U9' (U9): nilai 'empat' bukan angka 1–4" in out
    assert "IKM: 77,78" not in out and "(dari baris yang sah saja)" in out
    assert "Kolom yang tidak dikenali dan diabaikan: 'Catatan'" in out
    assert "2 kesalahan di salah.csv; tidak ada yang disimpan" in err
    assert not Survei.objects.exists() and not Responden.objects.exists()


@pytest.mark.parametrize(
    "nama, isi, pesan",
    [
        ("kosong.csv", b"", "Berkas kosong"),
        (
            "kurang.csv",
            ke_csv([baris[1:] for baris in tabel(JAWABAN_2017, KODE_2017)]),
            "Kolom unsur tidak ditemukan: U1",
        ),
        ("data.ods", b"bukan lembar kerja", "tidak didukung"),
    ],
)
def test_an_unusable_file_is_one_clear_line(capsys, kantor, berkas, nama, isi, pesan):
    jalur = berkas(nama, isi)
    kode, _, err = jalankan(
        capsys, "impor", "--instansi", kantor.instansi.pk, "--tahun", 2025, "--periode", "TW1", jalur
    )
    assert kode == 1 and pesan in err and "Traceback" not in err
    assert not Survei.objects.exists()


def test_missing_file_and_unknown_instansi(capsys, kantor, tmp_path):
    kode, _, err = jalankan(
        capsys,
        "impor",
        "--instansi",
        kantor.instansi.pk,
        "--tahun",
        2025,
        "--periode",
        "TW1",
        tmp_path / "tidak-ada.csv",
    )
    assert kode == 1 and "tidak dapat dibaca" in err
    jalur = tmp_path / "j.csv"
    jalur.write_bytes(ke_csv(tabel(JAWABAN_2017, KODE_2017)))
    kode, _, err = jalankan(
        capsys, "impor", "--instansi", "Kecamatan Entah", "--tahun", 2025, "--periode", "TW1", jalur
    )
    assert kode == 1 and "instansi 'Kecamatan Entah' tidak ditemukan" in err


def test_finalkan_feeds_the_linked_indicator(capsys, kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    args = ("--instansi", kantor.instansi.pk, "--tahun", survei_terisi.tahun, "--periode", tw)
    kode, out, err = jalankan(capsys, "finalkan", *args)
    assert kode == 0, err
    assert (
        "final: IKM 77,78 (B, Baik)" in out and f"Nilai 77,78 diisikan ke “{kantor.indikator_ikm.nama}” ({tw})" in out
    )
    assert NilaiVariabel.objects.get(variabel=kantor.variabel_ikm, periode=tw).nilai == Decimal(IKM_2017)
    kode, _, err = jalankan(capsys, "finalkan", *args)
    assert kode == 1 and "sudah final" in err
    kode, _, err = jalankan(capsys, "finalkan", "--instansi", kantor.instansi.pk, "--tahun", 2001, "--periode", "TW1")
    assert kode == 1 and "belum ada survei" in err
