"""`kinerja import` and `kinerja export` on the command line, in-process and as a real process."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.audit.models import Jejak
from kinerja.cli import main
from kinerja.iki.interchange import ekspor
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Variabel
from kinerja.organisasi.models import Instansi, Jabatan, Pemda
from tests.factories import katalog_kecil

DATA = Path(__file__).parent / "data"
CONTOH_TXT = DATA / "iki-contoh.txt"
CONTOH_JSON = DATA / "iki-contoh.json"


@pytest.fixture
def instansi(db):
    pemda = Pemda.objects.get_or_create(nama="Kabupaten Contoh")[0]
    return Instansi.objects.create(pemda=pemda, nama="Kecamatan Contoh")


@pytest.fixture
def dokumen_modul():
    return pytest.importorskip("kinerja.dokumen")


def jumlah_baris() -> dict:
    return {
        m.__name__: m.objects.count() for m in (DokumenIKI, Jabatan, Sasaran, Indikator, Variabel, Konstanta, Jejak)
    }


def jalankan(capsys, *args):
    kode = main(list(args))
    out, err = capsys.readouterr()
    return kode, out, err


def test_import_and_export_have_indonesian_help():
    for perintah, kata in (("import", "--dry-run"), ("export", "--revisi")):
        hasil = subprocess.run(
            [sys.executable, "-m", "kinerja.cli", perintah, "--help"], capture_output=True, text=True, timeout=60
        )
        assert hasil.returncode == 0 and kata in hasil.stdout and "tahun dokumen IKI" in hasil.stdout


# --- dry run -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_json_prints_the_documents_interchange_json_and_writes_nothing(capsys, dokumen_modul):
    before = jumlah_baris()
    kode, out, err = jalankan(capsys, "import", "--dry-run", "--json", str(CONTOH_TXT))
    assert kode == 0 and err == ""
    assert json.loads(out) == dokumen_modul.baca(CONTOH_TXT, str(CONTOH_TXT))
    assert jumlah_baris() == before


@pytest.mark.django_db
def test_dry_run_json_of_several_files_is_a_list_with_progress_on_stderr(capsys, dokumen_modul):
    kode, out, err = jalankan(capsys, "import", "--dry-run", "--json", str(CONTOH_TXT), str(CONTOH_JSON))
    assert kode == 0
    hasil = json.loads(out)
    assert [d["instansi"] for d in hasil] == ["Kecamatan Contoh", "Kecamatan Contoh"]
    assert hasil[1] == json.loads(CONTOH_JSON.read_text(encoding="utf-8"))
    assert f"[1/2] {CONTOH_TXT}" in err and f"[2/2] {CONTOH_JSON}" in err


@pytest.mark.django_db
def test_dry_run_without_json_prints_a_readable_summary(capsys):
    before = jumlah_baris()
    kode, out, _ = jalankan(capsys, "import", "--dry-run", str(CONTOH_JSON))
    assert kode == 0
    assert "Kecamatan Contoh (Kabupaten Contoh), tahun 2024" in out
    assert "188/03/KEP/434.999/2024, 8 Januari 2024" in out
    assert "2 jabatan, 2 sasaran, 4 indikator (1 tanpa rumus), 5 variabel" in out
    assert "- Camat Contoh: 2 indikator" in out
    assert "Peringatan (1):" in out and "baris 40: rumus tidak dipahami" in out
    assert jumlah_baris() == before


# --- import ------------------------------------------------------------------------------------


def test_import_reports_the_counts_and_a_second_import_creates_nothing(capsys, instansi):
    kode, out, err = jalankan(capsys, "import", "--instansi", str(instansi.pk), str(CONTOH_JSON))
    assert kode == 0 and err == ""
    assert "IKI Kecamatan Contoh 2024 rev. 1 (Draft) (baru)" in out
    assert "indikator : 4 dibuat, 0 diperbarui, 0 tetap" in out
    assert "konstanta dibuat: jumlah_desa" in out
    assert Indikator.objects.filter(sasaran__dokumen__instansi=instansi).count() == 4
    kode, out, _ = jalankan(capsys, "import", "--instansi", "kecamatan contoh", str(CONTOH_JSON))
    assert kode == 0 and "indikator : 0 dibuat, 0 diperbarui, 4 tetap" in out
    assert Indikator.objects.filter(sasaran__dokumen__instansi=instansi).count() == 4


def test_import_of_a_text_document(capsys, instansi, dokumen_modul):
    kode, out, _ = jalankan(capsys, "import", "--instansi", str(instansi.pk), str(CONTOH_TXT))
    assert kode == 0 and "indikator : 4 dibuat" in out
    assert Variabel.objects.get(kode="jumlah_desa").konstanta.nilai == 9


def test_import_json_reports_the_result_as_json(capsys, instansi):
    kode, out, _ = jalankan(capsys, "import", "--json", "--instansi", str(instansi.pk), str(CONTOH_JSON))
    hasil = json.loads(out)
    assert kode == 0 and hasil["dokumen"]["tahun"] == 2024 and hasil["dokumen"]["baru"] is True
    assert hasil["indikator"] == {"dibuat": 4, "diperbarui": 0, "tetap": 0, "dihapus": 0}
    assert hasil["peringatan"][0].startswith("baris 40")


def test_import_needs_an_instansi(capsys, instansi):
    kode, out, err = jalankan(capsys, "import", str(CONTOH_JSON))
    assert kode == 1 and out == "" and "--instansi" in err and len(err.splitlines()) == 1
    assert not DokumenIKI.objects.exists()
    kode, _, err = jalankan(capsys, "import", "--instansi", "999999", str(CONTOH_JSON))
    assert kode == 1 and err.strip() == "kinerja import: instansi '999999' tidak ditemukan."


def test_the_year_comes_from_the_document_or_tahun(capsys, instansi, tmp_path):
    tanpa_tahun = tmp_path / "tanpa-tahun.json"
    data = json.loads(CONTOH_JSON.read_text(encoding="utf-8"))
    data["tahun"] = None
    tanpa_tahun.write_text(json.dumps(data), encoding="utf-8")
    kode, _, err = jalankan(capsys, "import", "--instansi", str(instansi.pk), str(tanpa_tahun))
    assert kode == 1 and "tahun tidak tertulis di dokumen; sebutkan dengan --tahun N" in err
    assert not DokumenIKI.objects.exists()
    kode, out, _ = jalankan(capsys, "import", "--instansi", str(instansi.pk), "--tahun", "2023", str(tanpa_tahun))
    assert kode == 0 and DokumenIKI.objects.get().tahun == 2023


def test_a_decreed_year_is_refused_with_one_line(capsys, instansi):
    dokumen = katalog_kecil(nama_instansi="Kecamatan Terkunci", tahun=2024).tetapkan()
    before = jumlah_baris()
    kode, out, err = jalankan(capsys, "import", "--instansi", str(dokumen.instansi_id), str(CONTOH_JSON))
    assert kode == 1 and out == ""
    assert len(err.splitlines()) == 1 and "sudah ditetapkan" in err and "revisi baru" in err
    assert jumlah_baris() == before


def test_several_files_are_all_or_nothing_when_one_cannot_be_read(capsys, instansi, tmp_path):
    kosong = tmp_path / "kosong.json"
    kosong.write_bytes(b"")
    kode, out, err = jalankan(capsys, "import", "--instansi", str(instansi.pk), str(CONTOH_JSON), str(kosong))
    assert kode == 1 and out == ""
    assert f"kinerja import: {kosong}: berkas kosong." in err
    assert "1 dari 2 berkas gagal; tidak ada yang diimpor" in err
    assert not DokumenIKI.objects.exists() and not Jabatan.objects.exists()


def test_several_files_are_all_or_nothing_when_one_import_is_refused(capsys, instansi, tmp_path):
    katalog_kecil(nama_instansi="Kecamatan Terkunci", tahun=2023).tetapkan()
    terkunci = Instansi.objects.get(nama="Kecamatan Terkunci")
    tahun_2023 = tmp_path / "iki-2023.json"
    data = json.loads(CONTOH_JSON.read_text(encoding="utf-8"))
    data["tahun"] = 2023
    tahun_2023.write_text(json.dumps(data), encoding="utf-8")
    before = jumlah_baris()
    kode, _, err = jalankan(capsys, "import", "--instansi", str(terkunci.pk), str(CONTOH_JSON), str(tahun_2023))
    assert kode == 1 and f"{tahun_2023}: Dokumen IKI Kecamatan Terkunci tahun 2023" in err
    assert jumlah_baris() == before  # the 2024 file, imported first, was rolled back too


# --- bad input ---------------------------------------------------------------------------------


def _kosong(path):
    path.write_bytes(b"")


def _biner(path):
    path.write_bytes(bytes(range(256)) * 64)


def _besar(path):
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is actually written to disk


def _folder(path):
    path.mkdir()


def _json_rusak(path):
    path.write_text('{"format": "kinerja-iki/1", "jabatan": [', encoding="utf-8")


def _json_bukan_iki(path):
    path.write_text('{"format": "kinerja-iki/1", "jabatan": [{"nama": 7}]}', encoding="utf-8")


BERKAS_BURUK = [
    ("kosong.txt", _kosong, "berkas kosong", True),
    (
        "surat.txt",
        lambda p: p.write_text("Kepada Yth. Bapak Camat\n\nDengan hormat, kami mengundang rapat.\n", encoding="utf-8"),
        "Bukan dokumen IKI",
        True,
    ),
    ("acak.bin", _biner, "biner", True),
    ("bukan-zip.docx", lambda p: p.write_text("ini teks biasa, bukan arsip Word", encoding="utf-8"), ".docx", True),
    ("kosong.pdf", _kosong, "kosong", True),
    ("besar.txt", _besar, "terlalu besar", True),
    ("tidak-ada.txt", lambda p: None, "tidak ditemukan", True),
    ("sebuah-folder", _folder, "bukan berkas biasa", True),
    ("tidak-ada.json", lambda p: None, "tidak ditemukan", False),
    ("folder.json", _folder, "bukan berkas biasa", False),
    ("besar.json", _besar, "terlalu besar", False),
    ("rusak.json", _json_rusak, "bukan JSON yang sah (baris 1", False),
    ("bukan-iki.json", _json_bukan_iki, "isi tidak sah: dokumen tidak memuat satu indikator pun yang sah", False),
    ("biner.json", _biner, "bukan teks UTF-8", False),
]


@pytest.mark.parametrize("nama, buat, pesan, lewat_pembaca", BERKAS_BURUK, ids=[b[0] for b in BERKAS_BURUK])
@pytest.mark.parametrize(
    "mode", [["--dry-run", "--json"], ["--instansi", "Kecamatan Contoh"]], ids=["dry-run", "impor"]
)
def test_bad_input_gets_one_indonesian_line_and_writes_nothing(
    capsys, instansi, tmp_path, nama, buat, pesan, lewat_pembaca, mode
):
    if lewat_pembaca:
        pytest.importorskip("kinerja.dokumen")
    path = tmp_path / nama
    buat(path)
    before = jumlah_baris()
    kode, out, err = jalankan(capsys, "import", *mode, str(path))
    assert kode == 1 and out == ""
    baris = err.splitlines()
    assert len(baris) == 1 and baris[0].startswith("kinerja import: ") and str(path) in baris[0]
    assert pesan in baris[0] and "Traceback" not in err
    assert jumlah_baris() == before


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path, dokumen_modul):
    rusak = tmp_path / "laporan.docx"
    rusak.write_bytes(b"\x00\x01 bukan zip")
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "import", "--dry-run", "--json", str(rusak)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 1 and hasil.stdout == ""
    assert hasil.stderr.strip().splitlines() == [
        f"kinerja import: {rusak}: berkas .docx rusak: isinya bukan arsip zip."
    ]


def test_dry_run_json_in_a_real_process(tmp_path, dokumen_modul):
    salinan = tmp_path / "iki contoh 2024.txt"  # a name with spaces, as offices name their files
    shutil.copy(CONTOH_TXT, salinan)
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "import", "--dry-run", "--json", str(salinan)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert hasil.returncode == 0, hasil.stderr
    data = json.loads(hasil.stdout)
    assert data["format"] == "kinerja-iki/1" and data["tahun"] == 2024
    assert [j["nama"] for j in data["jabatan"]] == ["Camat Contoh", "Kepala Seksi Ketentraman dan Ketertiban"]
    assert data["jabatan"][1]["sasaran"][0]["indikator"][0]["formula"]["ekspresi"] == (
        "kejadian_gangguan_ketertiban - target_gangguan_ketertiban"
    )


# --- export ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_prints_the_latest_revision(capsys):
    dokumen = katalog_kecil().tetapkan()
    revisi = dokumen.buat_revisi()
    Indikator.objects.filter(sasaran__dokumen=revisi, nama="Persentase LPJ tepat waktu").update(satuan="persen")
    kode, out, err = jalankan(capsys, "export", "--instansi", str(dokumen.instansi_id), "--tahun", "2025", "--json")
    assert kode == 0 and err == ""
    assert json.loads(out) == ekspor(revisi)
    kode, out, _ = jalankan(capsys, "export", "--instansi", "Kecamatan Uji", "--tahun", "2025", "--revisi", "1")
    assert kode == 0 and json.loads(out) == ekspor(dokumen)


@pytest.mark.django_db
def test_export_to_a_file_imports_back_into_another_instansi(capsys, tmp_path):
    dokumen = katalog_kecil()
    berkas = tmp_path / "iki-uji.json"
    kode, out, err = jalankan(
        capsys, "export", "--instansi", str(dokumen.instansi_id), "--tahun", "2025", "-o", str(berkas)
    )
    assert kode == 0 and out == "" and f"Ditulis: {berkas}" in err
    lain = Instansi.objects.create(pemda=dokumen.instansi.pemda, nama="Kecamatan Tujuan")
    kode, out, _ = jalankan(capsys, "import", "--instansi", str(lain.pk), str(berkas))
    assert kode == 0 and "indikator : 2 dibuat" in out
    assert ekspor(DokumenIKI.objects.get(instansi=lain)) | {"instansi": "Kecamatan Uji"} == json.loads(
        berkas.read_text(encoding="utf-8")
    )


@pytest.mark.django_db
def test_export_errors_are_one_line(capsys, tmp_path):
    dokumen = katalog_kecil()
    kode, out, err = jalankan(capsys, "export", "--instansi", str(dokumen.instansi_id), "--tahun", "2019")
    assert kode == 1 and out == "" and err.strip() == "kinerja export: tidak ada dokumen IKI Kecamatan Uji tahun 2019."
    kode, _, err = jalankan(capsys, "export", "--instansi", "Kecamatan Entah", "--tahun", "2025")
    assert kode == 1 and err.strip() == "kinerja export: instansi 'Kecamatan Entah' tidak ditemukan."
    kode, _, err = jalankan(
        capsys,
        "export",
        "--instansi",
        str(dokumen.instansi_id),
        "--tahun",
        "2025",
        "-o",
        str(tmp_path / "tidak-ada" / "iki.json"),
    )
    assert kode == 1 and len(err.splitlines()) == 1 and "tidak dapat ditulis" in err


def test_import_summary_names_the_head_and_the_signatory_it_created(capsys, dokumen_dir, db):
    sampang = Instansi.objects.create(
        pemda=Pemda.objects.get_or_create(nama="Kabupaten Sampang")[0], nama="Kecamatan Sampang"
    )
    kode, out, _ = jalankan(
        capsys, "import", "--instansi", str(sampang.pk), str(dokumen_dir / "iki-kecamatan-sampang-2022.txt")
    )
    assert kode == 0
    assert "jabatan pimpinan dibuat: Camat Sampang" in out
    assert "pegawai   : 1 dibuat" in out and "penugasan : 1 dibuat" in out
