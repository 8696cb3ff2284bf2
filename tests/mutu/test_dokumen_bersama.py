"""Every finding on the three shared documents, reviewed by hand and judged true or false.

Each line is (baris, jenis, the start of the message, judged true on reading the document). The
test fails when a finding appears that nobody reviewed, when a reviewed one disappears, or when
more than a fifth of the findings are judged false — so precision is measured, not hoped.

Notes on the judgement: a Sekretaris and a Kepala Seksi both report to the Camat, so the same
indicator under both is counted as a true overlap (tumpang_tindih); "Prosentase", "Presentase",
"ijin" and "perijinan" are non-standard spellings (KBBI: persentase, izin, perizinan); a sumber data
that names another unit of the office instead of a document is what issue 12 calls janggal.
"""

import pytest

from kinerja.mutu import periksa_berkas

ULASAN = {
    "iki-kecamatan-banyuates-2020.txt": [
        (15, "dasar_hukum_keliru", "Peraturan Menteri Negara PAN Nomor PER/0", True),  # dokumen
        (
            107,
            "penandatangan_janggal",
            "SK penetapan IKI kecamatan ditandatangan",
            False,
        ),  # 'AT' is 'CAMAT' cut short by the conversion, not the document's error
        (124, "salah_ketik", "'peijinan' tampaknya salah ketik untuk '", True),  # Sekretaris Kecamatan Banyuates
        (
            125,
            "salah_ketik",
            "'prosentase' tampaknya salah ketik untuk",
            True,
        ),  # Prosentase penyelesaian pelayanan bidang
        (
            126,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian pelayanan pertan
        (
            127,
            "salah_ketik",
            "'perijinan' tampaknya salah ketik untuk ",
            True,
        ),  # Prosentase penyelesaian pelayanan periji
        (128, "salah_ketik", "'keteritban' tampaknya salah ketik untuk", True),  # Sekretaris Kecamatan Banyuates
        (
            129,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi T",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            129,
            "salah_ketik",
            "'ijin' tampaknya salah ketik untuk 'izin",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            129,
            "salah_ketik",
            "'keramian' tampaknya salah ketik untuk '",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (131, "salah_ketik", "'pengeloalaan' tampaknya salah ketik unt", True),  # Sekretaris Kecamatan Banyuates
        (
            133,
            "salah_ketik",
            "'pertanggungjawban' tampaknya salah keti",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (
            133,
            "salah_ketik",
            "'pertanggungjawan' tampaknya salah ketik",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (
            136,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian usulan anggaran
        (
            138,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (
            141,
            "nama_jabatan_tidak_konsisten",
            "'Sub Bagian Umum dan Kepegawaian' adalah",
            True,
        ),  # Sub Bagian Umum dan Kepegawaian
        (
            157,
            "kegiatan_bukan_indikator",
            "Nama indikator berupa pernyataan keadaan",
            True,
        ),  # Tersedianya arsip surat masuk dan keluar
        (160, "nama_jabatan_tidak_konsisten", "'Sub Bagian Keuangan' adalah nama unit k", True),  # Sub Bagian Keuangan
        (
            171,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sub Ba",
            True,
        ),  # Prosentase Penyelesaian Perencanaan Pemb
        (
            187,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Prosentase Penyelesaian Pelayanan bidang
        (
            187,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase Penyelesaian Pelayanan bidang
        (
            187,
            "salah_ketik",
            "'administraci' tampaknya salah ketik unt",
            True,
        ),  # Kepala Seksi Pemerintahan Kecamatan Bany
        (189, "salah_ketik", "'pertananan' tampaknya salah ketik untuk", True),  # Pertanahan tepat waktu
        (191, "duplikat", "Indikator ini sudah tertulis sebelumnya ", True),  # Prosentase Penyelesaian Pelayanan bidang
        (
            193,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase Penyelesaian Usulan Anggaran
        (
            195,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase Penyelesaian Laporan Pertangg
        (
            198,
            "salah_ketik",
            "'penyelengaraan' tampaknya salah ketik u",
            True,
        ),  # Kepala Seksi Ketentraman dan Ketertiban
        (211, "tumpang_tindih", "Indikator yang sama juga dimiliki Sekret", True),  # Angka Kriminalitas
        (
            212,
            "isian_kosong",
            "Indikator ini tidak mempunyai rumus (pen",
            True,
        ),  # Prosentase Penyelesaian Pengajuan SKCK d
        (
            212,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase Penyelesaian Pengajuan SKCK d
        (
            214,
            "salah_ketik",
            "'peningkatkan' tampaknya salah ketik unt",
            True,
        ),  # Kepala Seksi Pemberdayaan Masyarakat Des
        (
            227,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sub Ba",
            True,
        ),  # Prosentase Penyelesaian Perencanaan Pemb
        (
            228,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase Penyelesaian usulan anggaran
        (
            229,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (
            231,
            "salah_ketik",
            "'kesejateraan' tampaknya salah ketik unt",
            True,
        ),  # Kepala Seksi Kesejahteraan Sosial Kecama
        (
            244,
            "salah_ketik",
            "'perijiinan' tampaknya salah ketik untuk",
            True,
        ),  # Kepala Seksi Kesejahteraan Sosial Kecama
        (
            244,
            "salah_ketik",
            "'keejahteraan' tampaknya salah ketik unt",
            True,
        ),  # Prosentase Penyelesaian Buku Keejahteraa
        (
            246,
            "salah_ketik",
            "'perpustakan' tampaknya salah ketik untu",
            True,
        ),  # Prosentase fasilitasi pelaksanaan perpus
        (255, "penomoran", "Butir d menyusul butir e: penomorannya m", True),  # dokumen
        (258, "tumpang_tindih", "Indikator yang sama juga dimiliki Sekret", True),  # IKM
        (None, "sk_tidak_lengkap", "SK penetapan IKI belum lengkap: nama pen", True),  # dokumen
    ],
    "iki-kecamatan-karang-penang.txt": [
        (
            16,
            "salah_ketik",
            "'prosentase' tampaknya salah ketik untuk",
            True,
        ),  # Prosentase penyelesaian pelayanan bidang
        (
            17,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian pelayanan bidang
        (
            20,
            "salah_ketik",
            "'perijinan' tampaknya salah ketik untuk ",
            True,
        ),  # Prosentase penyelesaian pelayanan periji
        (
            22,
            "indikator_ganda",
            "Nama indikator menyebut 'skck' dan 'ijin",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            22,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi T",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            22,
            "salah_ketik",
            "'ijin' tampaknya salah ketik untuk 'izin",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            23,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase desa yang tertib administrasi
        (
            25,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian usulan anggaran
        (
            26,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Seksi P",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (
            46,
            "kegiatan_bukan_indikator",
            "Nama indikator berupa pernyataan keadaan",
            True,
        ),  # Tersedianya arsip surat masuk dan keluar
        (
            67,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Kepala",
            True,
        ),  # Prosentase penyelesaian perencanaan pemb
        (
            90,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian pelayanan bidang
        (
            93,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian pelayanan bidang
        (
            94,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian usulan anggaran
        (
            95,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (96, "tumpang_tindih", "Indikator yang sama juga dimiliki Sekret", True),  # IKM
        (
            97,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian pelayanan periji
        (114, "tumpang_tindih", "Indikator yang sama juga dimiliki Sekret", True),  # Angka Kriminalitas
        (
            115,
            "indikator_ganda",
            "Nama indikator menyebut 'skck' dan 'ijin",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            115,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian pengajuan SKCK d
        (
            143,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Kepala",
            True,
        ),  # Prosentase penyelesaian perencanaan pemb
        (
            143,
            "salah_ketik",
            "'musrembang' tampaknya salah ketik untuk",
            True,
        ),  # Prosentase penyelesaian perencanaan pemb
        (
            144,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian usulan anggaran
        (
            145,
            "tumpang_tindih",
            "Indikator yang sama juga dimiliki Sekret",
            True,
        ),  # Prosentase penyelesaian laporan pertangg
        (None, "sk_tidak_lengkap", "SK penetapan IKI belum lengkap: nomor, t", True),  # dokumen
    ],
    "iki-kecamatan-sampang-2022.txt": [
        (5, "nama_instansi_salah", "Naskah menyebut 'Dinas Perhubungan Komun", True),  # dokumen
        (39, "dasar_hukum_keliru", "Peraturan Menteri Negara PAN Nomor PER/0", True),  # dokumen
        (206, "duplikat", "Dasar hukum ini sudah disebut pada butir", True),  # dokumen
        (287, "susunan_dokumen", "Judul kolom tabel indikator ini berbeda ", True),  # dokumen
        (
            290,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Persentase dokumen perencanaan dan penye
        (
            290,
            "salah_ketik",
            "'peerencanaan' tampaknya salah ketik unt",
            True,
        ),  # Persentase dokumen perencanaan dan penye
        (
            291,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Persentase Penyerapan anggaran Berdasark
        (
            293,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Kepala Sub Bagian Umum dan Kepegawaian K
        (
            314,
            "nama_tidak_cocok_rumus",
            "Nama indikator menyebut kantor, keamanan",
            True,
        ),  # Penyelenggaraan urusan pemeliharaan kebe
        (
            314,
            "isian_kosong",
            "Sasaran (kinerja utama) untuk indikator ",
            True,
        ),  # Kepala Sub Bagian Umum dan Kepegawaian K
        (
            314,
            "kegiatan_bukan_indikator",
            "'Penyelenggaraan' adalah kegiatan, bukan",
            True,
        ),  # Penyelenggaraan urusan pemeliharaan kebe
        (
            314,
            "sumber_data_janggal",
            "Sumber data menyebut unit lain ('Bag. ke",
            True,
        ),  # Penyelenggaraan urusan pemeliharaan kebe
        (
            317,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Persentase pengajuan kenaikan pangkat
        (
            318,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Persentase pengajuan kenaikan Berkala
        (
            318,
            "nama_tidak_cocok_rumus",
            "Rumus ini memakai 'Jumlah kenaikan pangk",
            True,
        ),  # Persentase pengajuan kenaikan Berkala
        (321, "tanpa_kali_100", "Indikator ini dinyatakan dalam persen, t", True),  # Persentase pengajuan Cuti Pegawai
        (
            322,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Persentase pegawai yang telah mengikuti
        (
            324,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Kepala Sub Bagian Keuangan Kantor Kecama
        (
            338,
            "nama_tidak_cocok_rumus",
            "Rumus ini memakai 'Jumlah laporan keuang",
            True,
        ),  # Persentase Jumlah dokumen perencanaan se
        (
            341,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Staf Sub Bagian Keuangan Kantor Kecamata
        (
            341,
            "salah_ketik",
            "'menyipakan' tampaknya salah ketik untuk",
            True,
        ),  # Staf Sub Bagian Keuangan Kantor Kecamata
        (
            353,
            "rumus_tidak_lengkap",
            "Rumusnya tidak dapat dibaca sebagai perh",
            True,
        ),  # Persentase Laporan Keuangan yangdisusun
        (
            361,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Kepala Seksi Pemerintahan dan Pelayanan
        (
            377,
            "salah_ketik",
            "'prosentase' tampaknya salah ketik untuk",
            True,
        ),  # Prosentase Pemilihan Kepala Desa yang su
        (
            378,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Prosentase Permohonan akta tanah & admin
        (
            378,
            "salah_ketik",
            "'administarsi' tampaknya salah ketik unt",
            True,
        ),  # Prosentase Permohonan akta tanah & admin
        (
            380,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Staf Seksi Pemerintahan dan Pelayanan Um
        (
            392,
            "nama_jabatan_tidak_konsisten",
            "Nama jabatan 'Kepala Seksi Ketentraman d",
            True,
        ),  # Kepala Seksi Ketentraman dan Ketertiban
        (
            392,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Kepala Seksi Ketentraman dan Ketertiban
        (
            401,
            "kegiatan_bukan_indikator",
            "'Pelaksanaan' adalah kegiatan, bukan uku",
            True,
        ),  # Pelaksanaan Program siskamswakarsa
        (
            402,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Presentase Tindak Lanjut Kasus kriminali
        (
            402,
            "salah_ketik",
            "'presentase' tampaknya salah ketik untuk",
            True,
        ),  # Presentase Tindak Lanjut Kasus kriminali
        (
            404,
            "nama_jabatan_tidak_konsisten",
            "Nama jabatan 'Staf Seksi Ketentraman dan",
            True,
        ),  # Staf Seksi Ketentraman dan Ketertiban Ka
        (
            404,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Staf Seksi Ketentraman dan Ketertiban Ka
        (
            411,
            "tanpa_kali_100",
            "Indikator ini dinyatakan dalam persen, t",
            True,
        ),  # Presentase Tindak Lanjut Kasus kriminali
        (
            413,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Kepala Seksi Pemberdayaan Masyarakat Des
        (
            442,
            "kegiatan_bukan_indikator",
            "'Koordinasi' adalah kegiatan, bukan ukur",
            True,
        ),  # Koordinasi perencanaan pelaksanaan progr
        (
            442,
            "salah_ketik",
            "'mursenbangkab' tampaknya salah ketik un",
            True,
        ),  # Koordinasi perencanaan pelaksanaan progr
        (
            442,
            "salah_ketik",
            "'mursenbangcam' tampaknya salah ketik un",
            True,
        ),  # Koordinasi perencanaan pelaksanaan progr
        (
            445,
            "isian_kosong",
            "Tugas jabatan ini tidak diisi (hanya fun",
            True,
        ),  # Staf Seksi Pemberdayaan Masyarakat Desa
        (445, "penomoran", "Uraian jabatan ini bernomor 3, padahal u", True),  # dokumen
        (
            458,
            "rumus_tidak_lengkap",
            "Rumusnya tidak dapat dibaca sebagai perh",
            True,
        ),  # Prosentase sarana prasarana yang tersedi
    ],
}


@pytest.mark.parametrize("nama", sorted(ULASAN))
def test_findings_on_shared_documents_are_the_reviewed_ones(dokumen_dir, nama):
    temuan = periksa_berkas(dokumen_dir / nama)
    dapat = [(t["baris"], t["jenis"], t["pesan"][:40]) for t in temuan]
    diulas = [(baris, jenis, pesan) for baris, jenis, pesan, _ in ULASAN[nama]]
    assert dapat == diulas


def test_at_most_a_fifth_of_the_findings_are_false():
    semua = [benar for daftar in ULASAN.values() for *_, benar in daftar]
    salah = semua.count(False)
    assert salah / len(semua) <= 0.20, f"{salah} dari {len(semua)} temuan salah"


def test_the_known_errors_of_the_shared_documents_are_found(dokumen_dir):
    """Errors issue 12 names in these documents, each at its place with a fitting jenis."""
    sampang = periksa_berkas(dokumen_dir / "iki-kecamatan-sampang-2022.txt")
    assert any(t["jenis"] == "nama_instansi_salah" and "Dinas Perhubungan" in t["pesan"] for t in sampang)
    assert {t["baris"] for t in sampang if t["jenis"] == "tanpa_kali_100"} >= {290, 291, 317, 318, 321, 322}
    assert any(t["jenis"] == "isian_kosong" and "Tugas" in t["pesan"] for t in sampang)
    banyuates = periksa_berkas(dokumen_dir / "iki-kecamatan-banyuates-2020.txt")
    assert any(t["jenis"] == "duplikat" and t["baris"] == 191 for t in banyuates)
