"""Variations of text/Markdown IKI documents, on small invented documents."""

import pytest

from kinerja.dokumen import DokumenError, baca_teks

T = "\t"


def baris(*sel: str) -> str:
    return T.join(sel)


def semua_indikator(hasil: dict) -> list[dict]:
    return [i for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]]


def ringkas(hasil: dict) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """(jabatan, sasaran, [(indikator, ekspresi)]) per sasaran."""
    return [
        (j["nama"], s["uraian"], [(i["nama"], i["formula"]["ekspresi"]) for i in s["indikator"]])
        for j in hasil["jabatan"]
        for s in j["sasaran"]
    ]


MARKDOWN = """\
# IKI KECAMATAN SUKAMAJU KABUPATEN LEMBAH HIJAU TAHUN 2024

Jabatan : **Camat Sukamaju**

Tugas :

❖ Memimpin penyelenggaraan pemerintahan kecamatan;
❖ Mengoordinasikan kegiatan pemberdayaan masyarakat.

| Indikator Kinerja Individu | Sasaran | Sumber Data | Rumus/Formulasi |
|---|---|---|---|
| Persentase surat selesai tepat waktu | **Meningkatnya** tertib administrasi | Buku agenda | Jumlah surat selesai tepat waktu / Jumlah surat masuk x 100% |
| Nilai IKM | | Survei kepuasan | Nilai IKM |
| Persentase desa tertib<br>administrasi | Meningkatnya tata kelola desa | Laporan desa | Jumlah desa tertib administrasi<br>12 Desa<br>x 100 % |

JABATAN : CAMAT PEMBANTU (Eselon III.b)

| no | sasaran | indikator kinerja individu | penjelasan / formulasi penghitungan |
|----|---------|----------------------------|-------------------------------------|
| 1 | Terwujudnya ketertiban umum | Angka pelanggaran perda | Jumlah pelanggaran perda – Target pelanggaran perda |
"""


def test_tabel_markdown_urutan_kolom_bebas_br_dan_tebal():
    hasil = baca_teks(MARKDOWN)
    assert ringkas(hasil) == [
        (
            "Camat Sukamaju",
            "Meningkatnya tertib administrasi",
            [
                ("Persentase surat selesai tepat waktu", "surat_selesai_tepat_waktu / surat_masuk * 100"),
                ("Nilai IKM", "nilai_ikm"),
            ],
        ),
        (
            "Camat Sukamaju",
            "Meningkatnya tata kelola desa",
            [
                ("Persentase desa tertib administrasi", "desa_tertib_administrasi / jumlah_desa * 100"),
            ],
        ),
        (
            "Camat Pembantu",
            "Terwujudnya ketertiban umum",
            [
                ("Angka pelanggaran perda", "pelanggaran_perda - target_pelanggaran_perda"),
            ],
        ),
    ]
    camat, pembantu = hasil["jabatan"]
    assert camat["tugas"] == [
        "Memimpin penyelenggaraan pemerintahan kecamatan",
        "Mengoordinasikan kegiatan pemberdayaan masyarakat",
    ]
    assert pembantu["eselon"] == "III.B"
    surat, ikm, desa = semua_indikator(hasil)[:3]
    assert surat["sumber_data"] == "Buku agenda"
    assert desa["formula"]["variabel"][1] == {"kode": "jumlah_desa", "uraian": "12 Desa", "nilai_tetap": 12}
    assert (ikm["satuan"], surat["satuan"]) == ("nilai", "%")
    pelanggaran = semua_indikator(hasil)[3]
    assert (pelanggaran["polaritas"], pelanggaran["polaritas_tebakan"]) == ("negatif", True)
    assert pelanggaran["sumber_data"] is None  # the table has no Sumber Data column
    assert (hasil["instansi"], hasil["kabupaten"], hasil["tahun"]) == (
        "Kecamatan Sukamaju",
        "Kabupaten Lembah Hijau",
        2024,
    )


HALAMAN_BERLANJUT = "\n".join(
    [
        "1. JABATAN : Kepala Seksi Tata Usaha",
        "2. FUNGSI : a. penyusunan rencana kerja;",
        "b. pengelolaan arsip dan",
        "pengelolaan surat dinas;",
        "",
        baris(
            "NO", "SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA"
        ),
        baris("1", "Meningkatnya tertib", "Persentase arsip yang", "Jumlah arsip tertata x 100 %", "Daftar"),
        baris("", "arsip kantor", "tertata dengan baik", "Jumlah arsip seluruhnya", "arsip"),
        baris("", "", "Persentase surat keluar", "Jumlah surat keluar tepat waktu", "Agenda surat"),
        "",
        "Halaman 2",
        "",
        baris(
            "NO", "SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA"
        ),
        baris("1", "2", "3", "4", "5"),
        baris("", "", "tepat waktu", "Jumlah surat keluar seluruhnya x 100 %", ""),
        baris("", "", "Rasio pegawai terlatih", "Jumlah pegawai terlatih : Jumlah pegawai", "Data kepegawaian"),
        baris("2", "Meningkatnya kualitas layanan", "Jumlah laporan aset", "Jumlah laporan aset", "Laporan aset"),
    ]
)


def test_baris_terbungkus_dan_tabel_berlanjut_dengan_judul_berulang():
    hasil = baca_teks(HALAMAN_BERLANJUT)
    assert ringkas(hasil) == [
        (
            "Kepala Seksi Tata Usaha",
            "Meningkatnya tertib arsip kantor",
            [
                ("Persentase arsip yang tertata dengan baik", "arsip_tertata / arsip_seluruhnya * 100"),
                # split by the page break: no duplicate row, the name and denominator join up
                ("Persentase surat keluar tepat waktu", "surat_keluar_tepat_waktu / surat_keluar_seluruhnya * 100"),
                ("Rasio pegawai terlatih", "pegawai_terlatih / jumlah_pegawai"),
            ],
        ),
        (
            "Kepala Seksi Tata Usaha",
            "Meningkatnya kualitas layanan",
            [
                ("Jumlah laporan aset", "laporan_aset"),
            ],
        ),
    ]
    jabatan = hasil["jabatan"][0]
    assert jabatan["fungsi"] == ["penyusunan rencana kerja", "pengelolaan arsip dan pengelolaan surat dinas"]
    arsip, surat, rasio, aset = semua_indikator(hasil)
    assert arsip["sumber_data"] == "Daftar arsip"
    assert (rasio["satuan"], aset["satuan"]) == (None, "laporan")


def test_daftar_html_dalam_sel_dan_kolom_kali_seratus():
    teks = "\n".join(
        [
            "1. JABATAN : Kepala Subbagian Keuangan",
            baris(
                "SASARAN/KINERJA INDIVIDU",
                "INDIKATOR KINERJA INDIVIDU",
                "PENJELASAN/FORMULASI PERHITUNGAN",
                "",
                "SUMBER DATA",
            ),
            baris(
                "Meningkatnya akuntabilitas",
                "<ul> <li>Persentase laporan</li> <li>keuangan tepat waktu</li> </ul>",
                "Jumlah laporan tepat waktu Jumlah laporan wajib",
                "_ X 100 %",
                "Arsip &amp; SPJ",
            ),
        ]
    )
    ind = semua_indikator(baca_teks(teks))[0]
    assert ind["nama"] == "Persentase laporan keuangan tepat waktu"
    assert ind["formula"]["ekspresi"] == "laporan_tepat_waktu / laporan_wajib * 100"
    assert ind["sumber_data"] == "Arsip & SPJ"


def test_tujuan_dan_indikator_tujuan_serta_sk_setelah_tabel():
    teks = "\n".join(
        [
            "LAMPIRAN",
            "1. JABATAN : Sekretaris Kecamatan",
            "2. TUGAS : Membantu camat dalam urusan administrasi",
            "3. TUJUAN : Terwujudnya administrasi yang tertib",
            "4. INDIKATOR TUJUAN :",
            "- Nilai SAKIP kecamatan",
            "- Persentase dokumen perencanaan tepat waktu",
            baris("Sasaran", "Indikator", "Rumus", "Sumber Data"),
            baris(
                "Meningkatnya kualitas perencanaan",
                "Persentase dokumen perencanaan tepat waktu",
                "Σ dokumen perencanaan tepat waktu / Σ dokumen perencanaan x 100%",
                "Renja",
            ),
            "",
            "KEPUTUSAN CAMAT SUKAMAJU",
            "Nomor : 050 / 17 / KEP / 435.201 / 2024",
            "TENTANG PENETAPAN INDIKATOR KINERJA INDIVIDU",
            "Ditetapkan di : Sukamaju",
            "Pada tanggal : 3 Pebruari 2024",
            "CAMAT SUKAMAJU,",
            "DEWI LESTARI, S.Sos",
            "Pembina",
            "NIP. 19800101 200501 2 003",
        ]
    )
    hasil = baca_teks(teks)
    jabatan = hasil["jabatan"][0]
    assert jabatan["tujuan"] == ["Terwujudnya administrasi yang tertib"]
    assert jabatan["indikator_tujuan"] == ["Nilai SAKIP kecamatan", "Persentase dokumen perencanaan tepat waktu"]
    assert semua_indikator(hasil)[0]["formula"]["ekspresi"] == "perencanaan_tepat_waktu / dokumen_perencanaan * 100"
    assert hasil["sk"] == {
        "nomor": "050/17/KEP/435.201/2024",
        "tanggal": "2024-02-03",
        "penandatangan": "DEWI LESTARI, S.Sos",
        "nip": "198001012005012003",
        "pangkat": "Pembina",
        "jabatan_penandatangan": "Camat Sukamaju",
    }
    assert hasil["tahun"] == 2024


def test_rumus_prosa_kehadiran_dan_catatan():
    teks = "\n".join(
        [
            "JABATAN : Kepala Subbagian Umum",
            baris("No", "Sasaran", "Indikator", "Formulasi", "Sumber data"),
            baris(
                "1",
                "Meningkatnya disiplin pegawai",
                "Persentase kehadiran pegawai",
                "Jumlah pegawai x (jumlah hari kerja – jumlah hari tidak masuk) / (jumlah pegawai x jumlah hari kerja) x 100%",
                "Daftar hadir",
            ),
            "Catatan: 240 hari kerja efektif",
            baris(
                "",
                "",
                "Persentase tindak lanjut pengaduan",
                "Jumlah pengaduan yang ditindaklanjuti dibagi jumlah pengaduan dikalikan seratus persen",
                "Register",
            ),
            baris(
                "",
                "",
                "Rata-rata capaian desa",
                "(Jumlah desa lapor tepat waktu + Jumlah desa lapor lengkap + Jumlah desa lapor benar) / (jumlah desa × 3) x 100%",
                "Rekap",
            ),
        ]
    )
    hadir, aduan, desa = semua_indikator(baca_teks(teks))
    assert hadir["formula"]["ekspresi"] == (
        "jumlah_pegawai * (hari_kerja - hari_tidak_masuk) / (jumlah_pegawai * hari_kerja) * 100"
    )
    assert hadir["catatan"] == "240 hari kerja efektif"
    assert {v["kode"]: v.get("nilai_tetap") for v in hadir["formula"]["variabel"]} == {
        "jumlah_pegawai": None,
        "hari_kerja": 240,
        "hari_tidak_masuk": None,
    }
    assert aduan["formula"]["ekspresi"] == "pengaduan_ditindaklanjuti / jumlah_pengaduan * 100"
    assert aduan["polaritas"] == "positif"
    assert desa["formula"]["ekspresi"] == (
        "(desa_lapor_tepat_waktu + desa_lapor_lengkap + desa_lapor_benar) / (jumlah_desa * 3) * 100"
    )


def test_rumus_yang_tidak_dipahami_menjadi_peringatan_dengan_nomor_baris():
    teks = "\n".join(
        [
            "JABATAN : Staf Pelaksana",
            baris("Sasaran", "Indikator", "Formula"),
            baris("Meningkatnya layanan", "Persentase layanan prima", "lihat lampiran / / x"),
            baris("", "Persentase berkas lengkap", ""),
        ]
    )
    hasil = baca_teks(teks)
    prima, berkas = semua_indikator(hasil)
    assert prima["formula"] == {"teks": "lihat lampiran / / x", "ekspresi": None, "variabel": []}
    assert any(p.startswith("baris 3: rumus tidak dipahami") for p in hasil["peringatan"])
    assert any(p.startswith("baris 4: indikator tanpa rumus") for p in hasil["peringatan"])


def test_tabel_html():
    teks = """JABATAN : Kepala Seksi Kesejahteraan Sosial
<table>
<tr><th>NO</th><th>SASARAN</th><th>INDIKATOR</th><th colspan="2">RUMUS</th><th>SUMBER DATA</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">Meningkatnya layanan sosial</td><td>Persentase bantuan tepat sasaran</td>
<td>Jumlah bantuan tepat sasaran<br>Jumlah bantuan disalurkan</td><td>x 100%</td><td>Laporan bansos</td></tr>
<tr><td>Jumlah kegiatan penyuluhan</td><td>Jumlah kegiatan penyuluhan</td><td></td><td>Notulen</td></tr>
</table>
"""
    assert ringkas(baca_teks(teks)) == [
        (
            "Kepala Seksi Kesejahteraan Sosial",
            "Meningkatnya layanan sosial",
            [
                ("Persentase bantuan tepat sasaran", "bantuan_tepat_sasaran / bantuan_disalurkan * 100"),
                ("Jumlah kegiatan penyuluhan", "kegiatan_penyuluhan"),
            ],
        )
    ]


def test_tabel_grid_memisahkan_baris():
    teks = "\n".join(
        [
            "JABATAN : Lurah Contoh",
            "+----+---------------------+---------------------------+",
            "| No | Indikator           | Rumus                     |",
            "+====+=====================+===========================+",
            "| 1  | Persentase KTP      | Jumlah KTP selesai /      |",
            "|    | selesai             | Jumlah permohonan KTP     |",
            "+----+---------------------+---------------------------+",
            "|    | Jumlah posyandu     | Jumlah posyandu aktif     |",
            "+----+---------------------+---------------------------+",
            "|    | Jumlah kader aktif  | Jumlah kader aktif        |",
            "+----+---------------------+---------------------------+",
        ]
    )
    assert [(i["nama"], i["formula"]["ekspresi"]) for i in semua_indikator(baca_teks(teks))] == [
        ("Persentase KTP selesai", "ktp_selesai / permohonan_ktp * 100"),
        ("Jumlah posyandu", "posyandu_aktif"),
        ("Jumlah kader aktif", "kader_aktif"),
    ]


@pytest.mark.parametrize(
    "teks",
    [
        "Hanya surat biasa tanpa tabel indikator.\nSalam.",
        "Nama\tAlamat\nBudi\tJalan Mawar 1",
    ],
)
def test_bukan_dokumen_iki(teks):
    with pytest.raises(DokumenError, match="Bukan dokumen IKI"):
        baca_teks(teks)


def test_teks_kosong():
    with pytest.raises(DokumenError, match="kosong"):
        baca_teks("  \n\t\n")


def test_baris_jabatan_dengan_eselon_dan_penomoran_huruf():
    teks = "\n".join(
        [
            "A. JABATAN : CAMAT (Eselon III)",
            "B. TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan",
            baris("No", "Sasaran", "Indikator", "Rumus"),
            baris("1", "Meningkatnya layanan", "Jumlah layanan terpadu", "Jumlah layanan terpadu"),
        ]
    )
    jabatan = baca_teks(teks)["jabatan"][0]
    assert (jabatan["nama"], jabatan["eselon"]) == ("Camat", "III")
    assert jabatan["tugas"] == ["Memimpin penyelenggaraan pemerintahan kecamatan"]


def test_tabel_tujuan_dan_indikator_tujuan():
    teks = "\n".join(
        [
            "JABATAN : Sekretaris Kecamatan",
            baris("TUJUAN", "INDIKATOR TUJUAN"),
            baris("Terwujudnya tata kelola yang baik", "Nilai SAKIP"),
            baris("", "Nilai IKM"),
            baris("No", "Sasaran", "Indikator", "Rumus", "Sumber Data"),
            baris("1", "Meningkatnya layanan", "Jumlah layanan terpadu", "Jumlah layanan terpadu", "Register"),
        ]
    )
    jabatan = baca_teks(teks)["jabatan"][0]
    assert jabatan["tujuan"] == ["Terwujudnya tata kelola yang baik"]
    assert jabatan["indikator_tujuan"] == ["Nilai SAKIP", "Nilai IKM"]
    assert jabatan["sasaran"][0]["indikator"][0]["sumber_data"] == "Register"


def test_surat_keterangan_di_dalam_nama_variabel_bukan_catatan():
    from kinerja.dokumen.formula import pahami

    hasil = pahami("Jumlah surat keterangan yang selesai tepat waktu / Jumlah permohonan surat keterangan x 100 %")
    assert hasil.ekspresi == "surat_keterangan_tepat_waktu / permohonan_surat_keterangan * 100"
    assert hasil.penjelasan is None


def test_nilai_tetap_di_dalam_kurung_setelah_nama_variabel():
    from kinerja.dokumen.formula import pahami

    hasil = pahami("Jumlah desa yang tertib / Jumlah desa (1.250) x 100%")
    assert hasil.ekspresi == "desa_tertib / jumlah_desa * 100"
    assert hasil.variabel[1] == {"kode": "jumlah_desa", "uraian": "Jumlah desa", "nilai_tetap": 1250}
    assert pahami("Jumlah LPJ tepat waktu / LPJ wajib (0,5) x 100%").variabel[1]["nilai_tetap"] == 0.5
    # A year in brackets qualifies the text; it is not a value.
    tahun = pahami("Jumlah penduduk miskin (2020) / Jumlah penduduk x 100%").variabel[0]
    assert tahun["uraian"] == "Jumlah penduduk miskin (2020)" and "nilai_tetap" not in tahun


def test_keterangan_dalam_kurung_di_tengah_nama_variabel():
    from kinerja.dokumen.formula import pahami

    hasil = pahami("Jumlah laporan kinerja (LKjIP, laporan\ntriwulan) yang disusun")
    assert hasil.ekspresi == "laporan_kinerja_lkjip_laporan"
    assert hasil.variabel[0]["uraian"] == "Jumlah laporan kinerja (LKjIP, laporan triwulan) yang disusun"


def test_selisih_dengan_nama_berhuruf_besar_dan_baris_terbungkus():
    from kinerja.dokumen.formula import pahami

    toleransi = pahami("Jumlah pelanggaran perda yang ditemukan − Batas toleransi pelanggaran")
    assert toleransi.ekspresi == "pelanggaran_perda_ditemukan - batas_toleransi_pelanggaran"
    # A line ending in "Target" goes on in the next line, even one starting with "jumlah".
    kriminal = pahami("Jumlah kejadian kriminalitas − Target\njumlah kriminalitas")
    assert kriminal.ekspresi == "kejadian_kriminalitas - target_kriminalitas"
    # A dash inside a name stays text: no quantity before it, or alternatives around it.
    assert pahami("Persentase SPP - SPM tepat waktu / Jumlah SPP x 100%").ekspresi == (
        "persentase_spp_spm_tepat_waktu / jumlah_spp * 100"
    )
    assert pahami("Jumlah surat Desa - Kelurahan yang diterbitkan").ekspresi == "surat_desa_kelurahan"


def test_baris_yang_hanya_menyebut_nama_kolom_bukan_judul_tabel():
    teks = "\n".join(
        [
            baris("1. JABATAN", ":", "Camat Sukamaju"),
            baris(
                "2. TUJUAN", ":", "Meningkatnya kualitas pemerintahan desa (indikator tujuan: Indeks tata kelola desa)"
            ),
            baris("No", "Sasaran", "Indikator", "Rumus"),
            baris("1", "Meningkatnya tertib desa", "Jumlah desa tertib", "Jumlah desa tertib"),
        ]
    )
    jabatan = baca_teks(teks)["jabatan"][0]
    assert jabatan["tujuan"] == ["Meningkatnya kualitas pemerintahan desa (indikator tujuan: Indeks tata kelola desa)"]
    assert jabatan["sasaran"][0]["indikator"][0]["nama"] == "Jumlah desa tertib"
