"""Guessing each jabatan's atasan from the kecamatan structure (kinerja.dokumen.atasan)."""

import pytest

from kinerja.dokumen import baca, baca_teks
from kinerja.dokumen.atasan import lengkapi_atasan, nama_kepala


def atasan_per_jabatan(hasil: dict) -> dict[str, str | None]:
    return {j["nama"]: j["atasan"] for j in hasil["jabatan"]}


# --- the three shared documents (expected mapping read from the documents by hand) ---------


def test_banyuates(dokumen_dir):
    hasil = baca(dokumen_dir / "iki-kecamatan-banyuates-2020.txt")
    sekcam = "Sekretaris Kecamatan Banyuates"
    assert atasan_per_jabatan(hasil) == {
        sekcam: "Camat Banyuates",
        "Sub Bagian Umum dan Kepegawaian": sekcam,
        "Sub Bagian Keuangan": sekcam,
        "Kepala Seksi Pemerintahan Kecamatan Banyuates": "Camat Banyuates",
        "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Banyuates": "Camat Banyuates",
        "Kepala Seksi Pemberdayaan Masyarakat Desa Kecamatan Banyuates": "Camat Banyuates",
        "Kepala Seksi Kesejahteraan Sosial Kecamatan Banyuates": "Camat Banyuates",
        "Kepala Seksi Pelayanan Umum dan Informasi Kecamatan Banyuates": "Camat Banyuates",
    }
    assert all(j["atasan_tebakan"] for j in hasil["jabatan"])
    assert not [p for p in hasil["peringatan"] if "atasan" in p]


def test_karang_penang(dokumen_dir):
    hasil = baca(dokumen_dir / "iki-kecamatan-karang-penang.txt")
    sekcam = "Sekretaris Kecamatan Karang Penang"
    assert atasan_per_jabatan(hasil) == {
        sekcam: "Camat Karang Penang",
        "Kepala Sub Bagian Umum dan Kepegawaian Kecamatan Karang Penang": sekcam,
        "Kepala Sub Bagian Keuangan Kecamatan Karang Penang": sekcam,
        "Kepala Seksi Pemerintahan Dan Pelayanan Umum Kecamatan Karang Penang": "Camat Karang Penang",
        "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Karang Penang": "Camat Karang Penang",
        "Kepala Seksi Pemberdayaan Masyarakat Desa Dan Kesejahteraan Sosial Kecamatan Karang Penang": "Camat Karang Penang",
    }
    assert all(j["atasan_tebakan"] for j in hasil["jabatan"])


def test_sampang_staf_di_bawah_kepala_unitnya(dokumen_dir):
    hasil = baca(dokumen_dir / "iki-kecamatan-sampang-2022.txt")
    sekcam = "Sekretaris Kecamatan Sampang Kabupaten Sampang"
    kasubag_keu = "Kepala Sub Bagian Keuangan Kantor Kecamatan Sampang Kabupaten Sampang"
    kasi_pem = "Kepala Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang"
    kasi_trantib = "Kepala Seksi Ketentraman dan Ketertiban Kabupaten Sampang"
    kasi_pmd = "Kepala Seksi Pemberdayaan Masyarakat Desa dan Kesejahteraan Sosial Kecamatan Sampang Kabupaten Sampang"
    assert atasan_per_jabatan(hasil) == {
        sekcam: "Camat Sampang",
        "Kepala Sub Bagian Umum dan Kepegawaian Kantor Kecamatan Sampang Kabupaten Sampang": sekcam,
        kasubag_keu: sekcam,
        "Staf Sub Bagian Keuangan Kantor Kecamatan Sampang Kabupaten Sampang": kasubag_keu,
        kasi_pem: "Camat Sampang",
        "Staf Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang": kasi_pem,
        kasi_trantib: "Camat Sampang",
        "Staf Seksi Ketentraman dan Ketertiban Kabupaten Sampang": kasi_trantib,
        kasi_pmd: "Camat Sampang",
        "Staf Seksi Pemberdayaan Masyarakat Desa dan Kesejahteraan Sosial Kecamatan Sampang Kabupaten Sampang": kasi_pmd,
    }
    assert all(j["atasan_tebakan"] for j in hasil["jabatan"])


# --- invented name variants -----------------------------------------------------------------


def tebak(*nama: str, instansi: str | None = "Kecamatan Sukamaju") -> tuple[dict[str, str | None], list]:
    jabatan = [{"nama": n, "atasan": None, "baris": i + 1} for i, n in enumerate(nama)]
    peringatan = lengkapi_atasan(jabatan, instansi)
    return {j["nama"]: j["atasan"] for j in jabatan}, peringatan


def test_singkatan_dan_penulisan_unit():
    atasan, peringatan = tebak(
        "SEKRETARIS KECAMATAN",
        "Kasubag Umum & Kepegawaian",
        "Kasubbag. Perencanaan dan Keuangan",
        "Sub Bag Program",
        "Kasi Trantib",
        "Seksi Pemerintahan",
        "Pengadministrasi Umum pada Sub Bagian umum dan kepegawaian Kantor Kecamatan Sukamaju",
        "Bendahara Pengeluaran Subbag Perencanaan, Keuangan",
        "Pengelola Data Seksi Pemerintahan Kecamatan Sukamaju Kabupaten Lembah",
        "Staff Seksi trantib kabupaten Lembah",
    )
    assert atasan == {
        "SEKRETARIS KECAMATAN": "Camat Sukamaju",
        "Kasubag Umum & Kepegawaian": "SEKRETARIS KECAMATAN",
        "Kasubbag. Perencanaan dan Keuangan": "SEKRETARIS KECAMATAN",
        "Sub Bag Program": "SEKRETARIS KECAMATAN",
        "Kasi Trantib": "Camat Sukamaju",
        "Seksi Pemerintahan": "Camat Sukamaju",
        "Pengadministrasi Umum pada Sub Bagian umum dan kepegawaian Kantor Kecamatan Sukamaju": "Kasubag Umum & Kepegawaian",
        "Bendahara Pengeluaran Subbag Perencanaan, Keuangan": "Kasubbag. Perencanaan dan Keuangan",
        "Pengelola Data Seksi Pemerintahan Kecamatan Sukamaju Kabupaten Lembah": "Seksi Pemerintahan",
        "Staff Seksi trantib kabupaten Lembah": "Kasi Trantib",
    }
    assert peringatan == []


def test_camat_di_dokumen_tanpa_atasan_dan_menjadi_atasan():
    atasan, peringatan = tebak("Camat", "Kepala Seksi Pelayanan Umum", "Sekretaris Kecamatan")
    assert atasan == {"Camat": None, "Kepala Seksi Pelayanan Umum": "Camat", "Sekretaris Kecamatan": "Camat"}
    assert peringatan == []


def test_pelaksana_tanpa_unit_dan_sekretaris_tidak_tertulis():
    atasan, peringatan = tebak("Pengadministrasi Umum", "Caraka", "Staf Sekretariat", "Kepala Sub Bagian Keuangan")
    assert atasan == dict.fromkeys(
        ["Pengadministrasi Umum", "Caraka", "Staf Sekretariat", "Kepala Sub Bagian Keuangan"], "Sekretaris Kecamatan"
    )
    assert peringatan == []


def test_seksi_dengan_kata_sambung_berbeda_tidak_tertukar_dengan_sub_bagian():
    atasan, _ = tebak(
        "Kepala Sub Bagian Pemerintahan",
        "Kepala Seksi Pemerintahan dan Umum",
        "Staf Seksi Pemerintahan & Umum",
        "Staf Sub Bagian Pemerintahan",
    )
    assert atasan["Staf Seksi Pemerintahan & Umum"] == "Kepala Seksi Pemerintahan dan Umum"
    assert atasan["Staf Sub Bagian Pemerintahan"] == "Kepala Sub Bagian Pemerintahan"


def test_tak_tertebak_diberi_peringatan():
    atasan, peringatan = tebak("Staf Seksi Kebersihan", "Penyuluh Agama", "Camat Pembantu Wilayah Utara")
    assert atasan == dict.fromkeys(["Staf Seksi Kebersihan", "Penyuluh Agama", "Camat Pembantu Wilayah Utara"])
    assert [baris for baris, _ in peringatan] == [1, 2, 3]
    assert "kepala unitnya tidak ada di dokumen" in peringatan[0][1]
    assert "Penyuluh Agama" in peringatan[1][1]


@pytest.mark.parametrize(
    "instansi, kepala",
    [
        ("Kecamatan Karang   Penang", "Camat Karang Penang"),
        ("KECAMATAN Banyuates", "Camat Banyuates"),
        ("Kelurahan Gunung Sekar", "Lurah Gunung Sekar"),
        (None, "Camat"),
    ],
)
def test_nama_kepala_dari_instansi(instansi, kepala):
    assert nama_kepala(instansi) == kepala


def test_kelurahan_sekretaris_lurah():
    atasan, _ = tebak("Kepala Seksi Ketentraman", "Pengadministrasi Umum", instansi="Kelurahan Gunung Sekar")
    assert atasan == {"Kepala Seksi Ketentraman": "Lurah Gunung Sekar", "Pengadministrasi Umum": "Sekretaris Kelurahan"}


DOKUMEN = """\
IKI KECAMATAN SUKAMAJU TAHUN 2024

JABATAN : Kepala Seksi Pemerintahan
Atasan langsung : Sekretaris Kecamatan

| Sasaran | Indikator Kinerja Individu | Formulasi | Sumber Data |
|---|---|---|---|
| Tertib administrasi | Persentase surat selesai | Jumlah surat selesai / Jumlah surat masuk x 100% | Agenda |

JABATAN : Staf Seksi Pemerintahan

| Sasaran | Indikator Kinerja Individu | Formulasi | Sumber Data |
|---|---|---|---|
| Tertib arsip | Jumlah arsip tertata | Jumlah arsip tertata | Buku arsip |

JABATAN : Penyuluh Lapangan

| Sasaran | Indikator Kinerja Individu | Formulasi | Sumber Data |
|---|---|---|---|
| Penyuluhan | Jumlah penyuluhan | Jumlah penyuluhan | Laporan |
"""


def test_pembaca_menebak_hanya_yang_tidak_tertulis():
    hasil = baca_teks(DOKUMEN)
    jabatan = {j["nama"]: (j["atasan"], j["atasan_tebakan"]) for j in hasil["jabatan"]}
    assert jabatan == {
        "Kepala Seksi Pemerintahan": ("Sekretaris Kecamatan", False),
        "Staf Seksi Pemerintahan": ("Kepala Seksi Pemerintahan", True),
        "Penyuluh Lapangan": (None, False),
    }
    assert [p for p in hasil["peringatan"] if "atasan" in p] == [
        "baris 16: atasan jabatan Penyuluh Lapangan tidak dapat ditebak "
        "(namanya tidak dikenali sebagai jabatan di kecamatan); isi sendiri"
    ]
