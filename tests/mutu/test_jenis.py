"""Each jenis of kinerja.mutu with an invented case that must be found and one that must not."""

import pytest

from kinerja.mutu import JENIS, TINGKAT, periksa
from tests.mutu.buatan import BAIK, dokumen, indikator, jabatan, persen, satu

BIDANG = ("jenis", "tingkat", "jabatan", "sasaran", "indikator", "baris", "pesan", "saran_perbaikan")


def jenis_dari(data, baris_teks=None):
    return [t["jenis"] for t in periksa(data, baris_teks)]


def test_a_clean_document_has_no_findings():
    assert (
        periksa(
            satu(
                persen(
                    "Persentase izin keramaian yang terbit tepat waktu",
                    "Jumlah izin keramaian yang terbit tepat waktu",
                    "Jumlah permohonan izin keramaian",
                )
            )
        )
        == []
    )


def test_every_finding_has_the_fields_and_a_known_jenis_and_tingkat():
    data = satu(
        persen(
            "Persentase izin keramaian",
            "Jumlah permohonan izin keramaian",
            "Jumlah izin keramaian yang terbit tepat waktu",
        )
    )
    temuan = periksa(data)
    assert temuan
    for t in temuan:
        assert tuple(t) == BIDANG
        assert t["jenis"] in JENIS and t["tingkat"] in TINGKAT
        assert t["pesan"].endswith(".")


def test_rumus_terbalik_whole_above_part_below_with_the_swapped_formula():
    ind = persen(
        "Persentase izin keramaian yang terbit tepat waktu",
        "Jumlah permohonan izin keramaian",
        "Jumlah izin keramaian yang terbit tepat waktu",
    )
    [t] = [t for t in periksa(satu(ind)) if t["jenis"] == "rumus_terbalik"]
    assert t["tingkat"] == "galat"
    assert t["indikator"] == ind["nama"]
    assert (
        t["saran_perbaikan"]
        == "Jumlah izin keramaian yang terbit tepat waktu / Jumlah permohonan izin keramaian × 100%"
    )


def test_rumus_terbalik_when_the_denominator_is_the_numerator_with_a_qualifier():
    ind = persen("Persentase akta jual beli tuntas", "Jumlah akta jual beli", "Jumlah akta jual beli yang tuntas")
    assert "rumus_terbalik" in jenis_dari(satu(ind))


def test_rumus_terbalik_not_for_the_right_way_round_nor_for_a_constant_denominator():
    assert "rumus_terbalik" not in jenis_dari(satu(BAIK))
    ind = indikator(
        "Persentase desa yang menyerahkan APBDes tepat waktu",
        "Jumlah desa yang menyerahkan APBDes tepat waktu / 12 desa × 100%",
        "apbdes_tepat / jumlah_desa * 100",
        [("apbdes_tepat", "Jumlah desa yang menyerahkan APBDes tepat waktu"), ("jumlah_desa", "Jumlah desa")],
    )
    ind["formula"]["variabel"][1]["nilai_tetap"] = 12
    assert "rumus_terbalik" not in jenis_dari(satu(ind))


def test_tanpa_kali_100_with_the_corrected_formula():
    ind = persen(
        "Persentase surat masuk yang diagendakan",
        "Jumlah surat masuk yang diagendakan",
        "Jumlah surat masuk",
        teks="Jumlah surat masuk yang diagendakan / Jumlah surat masuk",
    )
    [t] = [t for t in periksa(satu(ind)) if t["jenis"] == "tanpa_kali_100"]
    assert t["saran_perbaikan"] == "Jumlah surat masuk yang diagendakan / Jumlah surat masuk × 100%"
    ind["formula"]["teks"] += " x 100 %"
    assert "tanpa_kali_100" not in jenis_dari(satu(ind))


def test_satuan_tidak_cocok_for_a_difference_in_percent_and_a_percentage_in_documents():
    selisih = indikator(
        "Angka gangguan ketertiban",
        "Jumlah gangguan − target gangguan",
        "gangguan - target",
        [("gangguan", "Jumlah gangguan ketertiban"), ("target", "Target gangguan ketertiban")],
    )
    assert "satuan_tidak_cocok" in jenis_dari(satu(selisih))
    rasio = persen(
        "Persentase arsip surat yang tertata", "Jumlah arsip surat yang tertata", "Jumlah arsip surat", satuan="dokumen"
    )
    rasio["nama"] = "Rasio arsip surat yang tertata"
    assert "satuan_tidak_cocok" in jenis_dari(satu(rasio))  # × 100 gives percent, not documents
    rasio["satuan"] = "%"
    assert "satuan_tidak_cocok" not in jenis_dari(satu(rasio))
    selisih["satuan"] = "kejadian"
    assert "satuan_tidak_cocok" not in jenis_dari(satu(selisih))


def test_nama_tidak_cocok_rumus_when_name_and_formula_share_no_subject():
    ind = persen(
        "Persentase kebersihan halaman kantor terjaga", "Jumlah belanja pegawai terbayar", "Jumlah pagu belanja pegawai"
    )
    assert "nama_tidak_cocok_rumus" in jenis_dari(satu(ind))
    # Products of a service stand for the service: KTP and KK are kependudukan.
    ind = persen(
        "Persentase layanan kependudukan tepat waktu",
        "Jumlah KTP dan KK yang terbit tepat waktu",
        "Jumlah permohonan KTP dan KK",
    )
    assert "nama_tidak_cocok_rumus" not in jenis_dari(satu(ind))


def test_nama_tidak_cocok_rumus_when_a_variable_was_copied_from_the_neighbouring_indicator():
    pangkat = persen(
        "Persentase usulan kenaikan pangkat terproses",
        "Jumlah usulan kenaikan pangkat terproses",
        "Jumlah usulan kenaikan pangkat",
        baris=50,
    )
    berkala = persen(
        "Persentase usulan gaji berkala terproses",
        "Jumlah usulan kenaikan pangkat terproses",
        "Jumlah usulan gaji berkala",
        baris=51,
    )
    data = dokumen(jabatan("Kepala Sub Bagian Umum Kecamatan Wringinanom", [pangkat, berkala]))
    [t] = [t for t in periksa(data) if t["jenis"] == "nama_tidak_cocok_rumus"]
    assert t["indikator"] == berkala["nama"] and t["baris"] == 51
    berkala["formula"]["variabel"][0]["uraian"] = "Jumlah usulan gaji berkala terproses"
    assert "nama_tidak_cocok_rumus" not in jenis_dari(data)


@pytest.mark.parametrize(
    ("teks", "jenis"),
    [
        ("Persentase kunjungan lapangan", "rumus_tidak_lengkap"),  # only repeats the name
        ("Jumlah kunjungan yang ** / terlaksana", "rumus_tidak_lengkap"),  # a dangling term
        ("Berita acara kunjungan; foto kegiatan; daftar hadir", "tidak_terukur"),
        ("", "isian_kosong"),
    ],
)
def test_a_formula_that_is_not_one(teks, jenis):
    ind = indikator("Persentase kunjungan lapangan", teks, None, [])
    assert jenis in jenis_dari(satu(ind))


def test_rumus_tidak_lengkap_for_a_percentage_of_one_count_and_not_for_an_index():
    ind = indikator(
        "Persentase kunjungan lapangan",
        "Jumlah kunjungan lapangan",
        "kunjungan",
        [("kunjungan", "Jumlah kunjungan lapangan")],
    )
    assert "rumus_tidak_lengkap" in jenis_dari(satu(ind))
    ind = indikator(
        "Indeks kepuasan masyarakat",
        "Nilai survei kepuasan",
        "nilai_ikm",
        [("nilai_ikm", "Nilai survei kepuasan")],
        satuan="nilai",
    )
    assert "rumus_tidak_lengkap" not in jenis_dari(satu(ind))


def test_rumus_janggal_same_terms_above_and_below_and_a_product_counting_twice():
    ind = indikator(
        "Persentase laporan desa diterima",
        "Jumlah laporan desa / Jumlah laporan desa × 100%",
        "a / b * 100",
        [("a", "Jumlah laporan desa"), ("b", "Jumlah laporan desa")],
    )
    assert "rumus_janggal" in jenis_dari(satu(ind))
    ind = indikator(
        "Jumlah luas lahan kritis tertangani",
        "luas × luas",
        "luas * luas",
        [("luas", "Luas lahan kritis tertangani")],
        satuan="ha",
    )
    assert "rumus_janggal" in jenis_dari(satu(ind))
    hadir = indikator(
        "Persentase kehadiran pegawai",
        "pegawai × (hari kerja − tidak masuk) / (pegawai × hari kerja) × 100%",
        "pegawai * (hari - absen) / (pegawai * hari) * 100",
        [("pegawai", "Jumlah pegawai"), ("hari", "Jumlah hari kerja"), ("absen", "Jumlah hari tidak masuk")],
    )
    assert "rumus_janggal" not in jenis_dari(satu(hadir))


def test_kegiatan_bukan_indikator():
    ind = persen(
        "Pelaksanaan ronda keliling desa",
        "Jumlah ronda keliling yang terlaksana",
        "Jumlah ronda keliling yang direncanakan",
    )
    assert "kegiatan_bukan_indikator" in jenis_dari(satu(ind))
    ind["nama"] = "Persentase ronda keliling desa yang terlaksana"
    assert "kegiatan_bukan_indikator" not in jenis_dari(satu(ind))


def test_duplikat_within_one_jabatan_only():
    a = persen(
        "Persentase izin reklame terbit tepat waktu",
        "Jumlah izin reklame terbit tepat waktu",
        "Jumlah permohonan izin reklame",
        baris=60,
    )
    b = dict(a, baris=62)
    data = dokumen(jabatan("Kepala Seksi Pelayanan Kecamatan Wringinanom", [a, b]))
    [t] = [t for t in periksa(data) if t["jenis"] == "duplikat"]
    assert t["baris"] == 62 and "baris 60" in t["pesan"]
    data = dokumen(jabatan("Kepala Seksi Pelayanan Kecamatan Wringinanom", [a]))
    assert "duplikat" not in jenis_dari(data)


def test_tumpang_tindih_between_peers_but_not_down_the_chain_of_command():
    a = persen(
        "Persentase izin reklame terbit tepat waktu",
        "Jumlah izin reklame terbit tepat waktu",
        "Jumlah permohonan izin reklame",
    )
    camat = jabatan("Camat Wringinanom", [BAIK])
    kasi_a = jabatan("Kepala Seksi Pelayanan Kecamatan Wringinanom", [a], atasan="Camat Wringinanom")
    kasi_b = jabatan("Kepala Seksi Ketentraman Kecamatan Wringinanom", [dict(a)], atasan="Camat Wringinanom")
    staf = jabatan("Pengadministrasi Seksi Pelayanan", [dict(a)], atasan="Kepala Seksi Pelayanan Kecamatan Wringinanom")
    temuan = [t for t in periksa(dokumen(camat, kasi_a, kasi_b, staf)) if t["jenis"] == "tumpang_tindih"]
    assert [t["jabatan"] for t in temuan] == ["Kepala Seksi Ketentraman Kecamatan Wringinanom"]


def test_indikator_ganda():
    ind = persen(
        "Persentase rekomendasi IMB dan izin reklame tepat waktu",
        "Jumlah rekomendasi IMB tepat waktu",
        "Jumlah permohonan rekomendasi IMB",
    )
    assert "indikator_ganda" in jenis_dari(satu(ind))
    ind = persen(
        "Persentase rekomendasi IMB dan izin reklame tepat waktu",
        "Jumlah rekomendasi IMB dan izin reklame tepat waktu",
        "Jumlah permohonan rekomendasi IMB dan izin reklame",
    )
    assert "indikator_ganda" not in jenis_dari(satu(ind))
    ind = persen("Persentase surat masuk dan persentase surat keluar terarsip", "Jumlah surat terarsip", "Jumlah surat")
    assert "indikator_ganda" in jenis_dari(satu(ind))


def test_kaskade_tidak_konsisten():
    induk = persen(
        "Persentase izin reklame terbit tepat waktu",
        "Jumlah izin reklame terbit tepat waktu",
        "Jumlah permohonan izin reklame",
    )
    anak = persen(
        "Persentase berkas reklame diverifikasi",
        "Jumlah berkas reklame diverifikasi",
        "Jumlah berkas reklame masuk",
        induk=["Persentase izin reklame terbit tepat waktu"],
    )
    camat = jabatan("Camat Wringinanom", [induk])
    kasi = jabatan("Kepala Seksi Pelayanan Kecamatan Wringinanom", [anak], atasan="Camat Wringinanom")
    assert "kaskade_tidak_konsisten" not in jenis_dari(dokumen(camat, kasi))
    anak["induk"] = ["Persentase jalan desa beraspal"]
    assert "kaskade_tidak_konsisten" in jenis_dari(dokumen(camat, kasi))
    lain = persen("Persentase posyandu aktif", "Jumlah posyandu aktif", "Jumlah posyandu")
    lain["induk"] = ["Persentase izin reklame terbit tepat waktu"]
    kasi["sasaran"][0]["indikator"] = [lain]
    assert "kaskade_tidak_konsisten" in jenis_dari(dokumen(camat, kasi))


def test_nama_instansi_salah_in_the_foreword_and_in_a_jabatan():
    data = satu(BAIK)
    teks = [
        (
            3,
            "Dengan ditetapkannya Indikator Kinerja Individu (IKI) pada Dinas Pertanian Kabupaten Tanjungsari, diharapkan …",
        )
    ]
    [t] = [t for t in periksa(data, teks) if t["jenis"] == "nama_instansi_salah"]
    assert t["baris"] == 3 and "Dinas Pertanian" in t["pesan"]
    benar = [
        (3, "Dengan ditetapkannya Indikator Kinerja Individu (IKI) pada Kantor Kecamatan Wringinanom, diharapkan …")
    ]
    assert "nama_instansi_salah" not in jenis_dari(data, benar)
    data["jabatan"][1]["nama"] = "Kepala Seksi Pelayanan Kecamatan Sukamaju"
    assert "nama_instansi_salah" in jenis_dari(data)


def test_nama_jabatan_tidak_konsisten():
    data = satu(BAIK)
    data["jabatan"].append(
        jabatan("Sub Bagian Keuangan", [persen("Persentase SPJ tepat waktu", "Jumlah SPJ tepat waktu", "Jumlah SPJ")])
    )
    assert "nama_jabatan_tidak_konsisten" in jenis_dari(data)
    data = satu(BAIK)
    data["jabatan"][1]["atasan"] = "Camat Wringinanon"
    assert "nama_jabatan_tidak_konsisten" in jenis_dari(data)
    assert "nama_jabatan_tidak_konsisten" not in jenis_dari(satu(BAIK))


@pytest.mark.parametrize(
    "sk",
    [
        {"nomor": None, "tanggal": "2031-01-08", "penandatangan": "SITI"},
        {"nomor": "800/…/KEP/2031", "tanggal": "2031-01-08", "penandatangan": "SITI"},
        {"nomor": "800/15/KEP/2031", "tanggal": None, "penandatangan": "SITI"},
        {"nomor": "800/15/KEP/2031", "tanggal": "2031-01-08", "penandatangan": ""},
    ],
)
def test_sk_tidak_lengkap_one_finding_for_the_sk(sk):
    temuan = [t for t in periksa(satu(BAIK, sk=sk)) if t["jenis"] == "sk_tidak_lengkap"]
    assert len(temuan) == 1


def test_sk_tidak_lengkap_says_a_date_lacks_its_day():
    sk = {"nomor": "800/15/KEP/2031", "tanggal": None, "penandatangan": "SITI"}
    [t] = [
        t
        for t in periksa(satu(BAIK, sk=sk), [(90, "Ditetapkan di Wringinanom pada tanggal      Januari 2031")])
        if t["jenis"] == "sk_tidak_lengkap"
    ]
    assert "tanpa hari" in t["pesan"]


def test_penandatangan_janggal():
    sk = {
        "nomor": "800/15/KEP/2031",
        "tanggal": "2031-01-08",
        "penandatangan": "SITI",
        "jabatan_penandatangan": "Sekretaris Kecamatan",
    }
    assert "penandatangan_janggal" in jenis_dari(satu(BAIK, sk=sk))
    sk["jabatan_penandatangan"] = "Camat Wringinanom"
    sk["nip"] = "19781340 200501 1 001"  # month 13
    assert "penandatangan_janggal" in jenis_dari(satu(BAIK, sk=sk))
    sk["nip"] = "19780720 200501 1 001"
    assert "penandatangan_janggal" not in jenis_dari(satu(BAIK, sk=sk))
    teks = [
        (1, "CAMAT WRINGINANOM"),
        (2, "NIP. 19780720 200501 1 001"),
        (8, "CAMAT WRINGINANOM"),
        (9, "NIP. 19800101 200601 2 003"),
    ]
    assert "penandatangan_janggal" in jenis_dari(satu(BAIK, sk=sk), teks)


def test_dasar_hukum_keliru_wrong_title_and_a_repealed_law():
    salah = [
        (
            20,
            "2. Peraturan Menteri Negara PAN Nomor PER/09/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja Individu di Lingkungan Instansi Pemerintah;",
        )
    ]
    assert "dasar_hukum_keliru" in jenis_dari(satu(BAIK), salah)
    benar = [
        (
            20,
            "2. Peraturan Menteri Negara PAN Nomor PER/09/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;",
        )
    ]
    assert "dasar_hukum_keliru" not in jenis_dari(satu(BAIK), benar)
    lama = [(21, "1. Peraturan Pemerintah Nomor 19 Tahun 2008 tentang Kecamatan;")]
    assert "dasar_hukum_keliru" in jenis_dari(satu(BAIK), lama)
    data = satu(BAIK)
    data["sk"]["mengingat"] = ["Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]
    assert "dasar_hukum_keliru" not in jenis_dari(data)


def test_sumber_data_janggal_another_unit_or_a_note():
    ind = persen(
        "Persentase izin reklame terbit tepat waktu",
        "Jumlah izin reklame terbit tepat waktu",
        "Jumlah permohonan izin reklame",
        sumber_data="Seksi Ketentraman",
    )
    assert "sumber_data_janggal" in jenis_dari(satu(ind))
    ind["sumber_data"] = "Seksi Pelayanan"  # its own unit
    assert "sumber_data_janggal" not in jenis_dari(satu(ind))
    ind["sumber_data"] = "Belum ada, menunggu aplikasi"
    assert "sumber_data_janggal" in jenis_dari(satu(ind))
    ind["sumber_data"] = "Register izin reklame"
    assert "sumber_data_janggal" not in jenis_dari(satu(ind))


def test_isian_kosong_tugas_and_sasaran():
    data = satu(BAIK)
    data["jabatan"][1]["tugas"] = []
    data["jabatan"][1]["sasaran"][0]["uraian"] = ""
    temuan = [t for t in periksa(data) if t["jenis"] == "isian_kosong"]
    assert len(temuan) == 2
    assert "isian_kosong" not in jenis_dari(satu(BAIK))


def test_penomoran():
    teks = [(1, "1. Undang-Undang A;"), (2, "2. Peraturan B;"), (3, "4. Peraturan C;")]
    [t] = [t for t in periksa(satu(BAIK), teks) if t["jenis"] == "penomoran"]
    assert t["baris"] == 3
    teks = [(1, "1. Undang-Undang A;"), (2, "2. Peraturan B;"), (3, "3. Peraturan C;"), (5, "1. Menetapkan …")]
    assert "penomoran" not in jenis_dari(satu(BAIK), teks)


def test_penomoran_of_letters_and_of_jabatan_blocks():
    teks = [(1, "a. menyusun program;"), (2, "b. membina desa;"), (3, "b. melaksanakan tugas lain.")]
    [t] = [t for t in periksa(satu(BAIK), teks) if t["jenis"] == "penomoran"]
    assert t["baris"] == 3 and "berulang" in t["pesan"]
    teks[2] = (3, "c. melaksanakan tugas lain.")
    assert "penomoran" not in jenis_dari(satu(BAIK), teks)
    blok = []
    for baris, nomor, nama in [(10, 1, "Camat"), (20, 1, "Sekretaris"), (30, 3, "Kepala Seksi")]:
        blok += [(baris, f"{nomor}. JABATAN : {nama}"), (baris + 1, "Sasaran\tIndikator\tSumber Data")]
    [t] = [t for t in periksa(satu(BAIK), blok) if t["jenis"] == "penomoran"]
    assert t["baris"] == 30


def test_susunan_dokumen_a_header_unlike_the_others():
    umum = "Sasaran\tIndikator Kinerja\tFormulasi Penghitungan\tSumber Data"
    teks = [(10, umum), (20, umum), (30, umum), (40, "Kinerja\tIndikator Kinerja\tFormulasi Penghitungan\tSumber Data")]
    [t] = [t for t in periksa(satu(BAIK), teks) if t["jenis"] == "susunan_dokumen"]
    assert t["baris"] == 40
    # a header split over two rows is the same header
    teks[-1] = (40, "Sasaran\tIndikator Kinerja\tFormulasi")
    teks.append((41, "\t\tPenghitungan\tSumber Data"))
    assert "susunan_dokumen" not in jenis_dari(satu(BAIK), teks)


def test_salah_ketik_once_per_word_and_not_for_real_words():
    ind = persen(
        "Persentase pelayanan administrasi kependudkan tepat waktu",
        "Jumlah KTP terbit tepat waktu",
        "Jumlah permohonan KTP",
    )
    data = satu(ind)
    [t] = [t for t in periksa(data) if t["jenis"] == "salah_ketik"]
    assert t["saran_perbaikan"] == "kependudukan"
    ind["nama"] = "Persentase penerapan administrasi kependudukan tepat waktu"
    assert "salah_ketik" not in jenis_dari(data)


def test_tanpa_kali_100_in_a_catalogue_formula_without_text():
    ind = indikator(
        "Persentase pegawai yang hadir",
        "",
        "hadir / pegawai",
        [("hadir", "Jumlah pegawai yang hadir"), ("pegawai", "Jumlah pegawai")],
    )
    [t] = [t for t in periksa(satu(ind)) if t["jenis"] == "tanpa_kali_100"]
    assert t["saran_perbaikan"] == "Jumlah pegawai yang hadir / Jumlah pegawai × 100%"
    ind["formula"]["ekspresi"] = "hadir / pegawai * 100"
    assert "tanpa_kali_100" not in jenis_dari(satu(ind))


def test_rumus_terbalik_with_the_whole_written_as_seluruhnya():
    ind = persen("Persentase pegawai yang hadir", "Jumlah pegawai seluruhnya", "Jumlah pegawai yang hadir")
    assert "rumus_terbalik" in jenis_dari(satu(ind))


def test_nama_tidak_cocok_rumus_not_for_an_acronym_nor_a_composite_index():
    ind = indikator(
        "Persentase laporan keuangan badan usaha desa",
        "",
        "(lkbud + 0) / desa * 100",
        [("lkbud", "Jumlah LKBUD yang diserahkan"), ("desa", "Jumlah desa")],
    )
    assert "nama_tidak_cocok_rumus" not in jenis_dari(satu(ind))
    indeks = indikator(
        "Indeks tata kelola pemerintahan desa",
        "",
        "(a + b + c) / (desa * 3) * 100",
        [
            ("a", "Jumlah APBDes tepat waktu"),
            ("b", "Jumlah SPJ tepat waktu"),
            ("c", "Jumlah profil mutakhir"),
            ("desa", "Jumlah desa"),
        ],
    )
    assert "nama_tidak_cocok_rumus" not in jenis_dari(satu(indeks))


def test_isian_kosong_once_when_no_jabatan_has_tugas():
    data = dokumen(
        *[jabatan(f"Kepala Seksi {n} Kecamatan Wringinanom", [BAIK], tugas=()) for n in ("Satu", "Dua", "Tiga")]
    )
    temuan = [t for t in periksa(data) if t["jenis"] == "isian_kosong"]
    assert len(temuan) == 1 and temuan[0]["jabatan"] is None
