"""The demo catalogue: the positions and indicators of a kecamatan, as plain data.

Invented for the demo in the shape of real kecamatan IKI documents: every formula kind appears
(ratio, count, difference, composite, attendance, an outside index). `induk` names the superior's
indicator an indicator supports (cascading); a few are deliberately left unlinked.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class JabatanDemo:
    kunci: str
    nama: str  # "{wilayah}" is replaced by the kecamatan's name
    jenis: str
    eselon: str
    atasan: str | None
    unit: str
    tugas: tuple[str, ...] = ()
    fungsi: tuple[str, ...] = ()


@dataclass(frozen=True)
class VariabelDemo:
    kode: str
    uraian: str
    agregasi: str = "jumlah"
    konstanta: str | None = None  # kode of a Konstanta
    nilai_tetap: int | None = None
    # How the generator draws a quarter's value: ("total", lo, hi) a fresh count,
    # ("bagian", kode, lo%, hi%) a share of another variable, ("tetap", n) a stock.
    pola: tuple = ("total", 10, 60)


@dataclass(frozen=True)
class IndikatorDemo:
    kunci: str
    jabatan: str
    sasaran: str
    nama: str
    ekspresi: str
    variabel: tuple[VariabelDemo, ...]
    satuan: str = "%"
    polaritas: str = "positif"
    sumber_data: str = ""
    target: tuple = (100,)  # (value,) or (lo, hi) for a range target
    induk: tuple[str, ...] = ()
    catatan: str = ""
    periode_pelaporan: str = "triwulanan"


UNIT_KERJA = [
    ("pimpinan", "Pimpinan", "pimpinan"),
    ("sekretariat", "Sekretariat Kecamatan", "sekretariat"),
    ("umum", "Sub Bagian Umum dan Kepegawaian", "subbagian"),
    ("program", "Sub Bagian Perencanaan dan Keuangan", "subbagian"),
    ("pem", "Seksi Pemerintahan", "seksi"),
    ("trantib", "Seksi Ketentraman dan Ketertiban Umum", "seksi"),
    ("pmd", "Seksi Pemberdayaan Masyarakat dan Desa", "seksi"),
    ("kesos", "Seksi Kesejahteraan Sosial", "seksi"),
    ("yanum", "Seksi Pelayanan Umum", "seksi"),
]

JABATAN = [
    JabatanDemo(
        "camat",
        "Camat {wilayah}",
        "struktural",
        "III.a",
        None,
        "pimpinan",
        tugas=("Memimpin penyelenggaraan sebagian urusan pemerintahan yang dilimpahkan Bupati di wilayah kecamatan",),
        fungsi=(
            "Penyelenggaraan urusan pemerintahan umum",
            "Pengoordinasian kegiatan pemberdayaan masyarakat",
            "Pengoordinasian upaya penyelenggaraan ketenteraman dan ketertiban umum",
            "Pembinaan dan pengawasan penyelenggaraan kegiatan desa",
        ),
    ),
    JabatanDemo(
        "sekcam",
        "Sekretaris Kecamatan",
        "struktural",
        "III.b",
        "camat",
        "sekretariat",
        tugas=("Membantu Camat dalam penyelenggaraan administrasi umum, kepegawaian, keuangan dan program",),
        fungsi=(
            "Pengoordinasian penyusunan rencana dan program kerja kecamatan",
            "Pengelolaan urusan keuangan dan perlengkapan kecamatan",
            "Pelaksanaan tata usaha umum dan kepegawaian",
        ),
    ),
    JabatanDemo(
        "kasubag_umum",
        "Kepala Sub Bagian Umum dan Kepegawaian",
        "struktural",
        "IV.b",
        "sekcam",
        "umum",
        tugas=(
            "Menyusun rencana kerja Sub Bagian Umum dan Kepegawaian",
            "Melaksanakan administrasi surat menyurat dan kearsipan",
            "Mengelola administrasi kepegawaian dan barang milik daerah",
        ),
    ),
    JabatanDemo(
        "kasubag_program",
        "Kepala Sub Bagian Perencanaan dan Keuangan",
        "struktural",
        "IV.b",
        "sekcam",
        "program",
        tugas=(
            "Menyiapkan bahan penyusunan rencana strategis dan rencana kerja",
            "Melaksanakan penatausahaan keuangan kecamatan",
            "Menyusun laporan kinerja dan laporan keuangan",
        ),
    ),
    JabatanDemo(
        "kasi_pem",
        "Kepala Seksi Pemerintahan",
        "struktural",
        "IV.a",
        "camat",
        "pem",
        tugas=("Melaksanakan pembinaan penyelenggaraan pemerintahan desa dan administrasi pertanahan",),
    ),
    JabatanDemo(
        "kasi_trantib",
        "Kepala Seksi Ketentraman dan Ketertiban Umum",
        "struktural",
        "IV.a",
        "camat",
        "trantib",
        tugas=("Mengoordinasikan penyelenggaraan ketenteraman dan ketertiban umum serta penegakan perda",),
    ),
    JabatanDemo(
        "kasi_pmd",
        "Kepala Seksi Pemberdayaan Masyarakat dan Desa",
        "struktural",
        "IV.a",
        "camat",
        "pmd",
        tugas=("Memfasilitasi pengelolaan keuangan desa dan pemberdayaan masyarakat desa",),
    ),
    JabatanDemo(
        "kasi_kesos",
        "Kepala Seksi Kesejahteraan Sosial",
        "struktural",
        "IV.a",
        "camat",
        "kesos",
        tugas=("Melaksanakan pelayanan kesejahteraan sosial, keagamaan dan penerimaan daerah",),
    ),
    JabatanDemo(
        "kasi_yanum",
        "Kepala Seksi Pelayanan Umum",
        "struktural",
        "IV.a",
        "camat",
        "yanum",
        tugas=("Melaksanakan pelayanan administrasi terpadu kecamatan, kependudukan dan perizinan",),
    ),
    JabatanDemo(
        "staf_umum",
        "Pengadministrasi Umum",
        "pelaksana",
        "",
        "kasubag_umum",
        "umum",
        tugas=("Menerima, mencatat dan mendistribusikan surat",),
    ),
    JabatanDemo(
        "staf_barang",
        "Pengurus Barang",
        "pelaksana",
        "",
        "kasubag_umum",
        "umum",
        tugas=("Mencatat dan melaporkan barang milik daerah",),
    ),
    JabatanDemo(
        "staf_keuangan",
        "Pengadministrasi Keuangan",
        "pelaksana",
        "",
        "kasubag_program",
        "program",
        tugas=("Memverifikasi surat pertanggungjawaban dan menyusun laporan kas",),
    ),
    JabatanDemo(
        "staf_kependudukan",
        "Pengadministrasi Kependudukan",
        "pelaksana",
        "",
        "kasi_yanum",
        "yanum",
        tugas=("Memverifikasi dan menginput berkas permohonan dokumen kependudukan",),
    ),
    JabatanDemo(
        "caraka", "Caraka", "pelaksana", "", "kasubag_umum", "umum", tugas=("Mengantar surat dan dokumen dinas",)
    ),
]


def _rasio(
    kunci,
    jabatan,
    sasaran,
    nama,
    pembilang,
    penyebut,
    *,
    sumber,
    target=(100,),
    induk=(),
    lo=70,
    hi=100,
    total=(10, 80),
    penyebut_agregasi="jumlah",
    polaritas="positif",
):
    """The most common kind: numerator / denominator × 100."""
    (kode_a, uraian_a), (kode_b, uraian_b) = pembilang, penyebut
    return IndikatorDemo(
        kunci,
        jabatan,
        sasaran,
        nama,
        f"{kode_a} / {kode_b} * 100",
        (
            VariabelDemo(
                kode_a,
                uraian_a,
                "jumlah" if penyebut_agregasi == "jumlah" else "terakhir",
                pola=("bagian", kode_b, lo, hi),
            ),
            VariabelDemo(kode_b, uraian_b, penyebut_agregasi, pola=("total", *total)),
        ),
        sumber_data=sumber,
        target=target,
        induk=induk,
        polaritas=polaritas,
    )


def _per_desa(kunci, jabatan, sasaran, nama, kode, uraian, *, sumber, induk=(), target=(100,)):
    """A count of villages against the kecamatan's jumlah desa constant."""
    return IndikatorDemo(
        kunci,
        jabatan,
        sasaran,
        nama,
        f"{kode} / jumlah_desa * 100",
        (
            VariabelDemo(kode, uraian, "terakhir", pola=("desa", 60, 100)),
            VariabelDemo("jumlah_desa", "Jumlah desa", "terakhir", konstanta="jumlah_desa"),
        ),
        sumber_data=sumber,
        target=target,
        induk=induk,
        periode_pelaporan="triwulanan",
    )


def _jumlah(kunci, jabatan, sasaran, nama, kode, uraian, *, sumber, target, satuan, induk=(), lo=1, hi=6):
    """A plain count."""
    return IndikatorDemo(
        kunci,
        jabatan,
        sasaran,
        nama,
        kode,
        (VariabelDemo(kode, uraian, "jumlah", pola=("total", lo, hi)),),
        satuan=satuan,
        sumber_data=sumber,
        target=target,
        induk=induk,
    )


S_CAMAT_LAYANAN = "Meningkatnya kualitas pelayanan publik di kecamatan"
S_CAMAT_TRANTIB = "Terwujudnya ketenteraman dan ketertiban masyarakat"
S_CAMAT_DESA = "Meningkatnya kualitas tata kelola pemerintahan desa"
S_SEKCAM = "Meningkatnya akuntabilitas kinerja dan keuangan kecamatan"
S_UMUM = "Meningkatnya kualitas pelayanan administrasi umum dan kepegawaian"
S_PROGRAM = "Meningkatnya kualitas perencanaan dan pengelolaan keuangan"
S_PEM = "Meningkatnya tertib administrasi pemerintahan desa dan pertanahan"
S_TRANTIB = "Menurunnya gangguan ketenteraman dan ketertiban umum"
S_PMD = "Meningkatnya kemandirian dan tata kelola keuangan desa"
S_KESOS = "Meningkatnya kualitas pelayanan kesejahteraan sosial"
S_YANUM = "Meningkatnya kecepatan pelayanan administrasi terpadu"

INDIKATOR = [
    # Camat
    IndikatorDemo(
        "ikm",
        "camat",
        S_CAMAT_LAYANAN,
        "Nilai Indeks Kepuasan Masyarakat (IKM)",
        "nilai_ikm",
        (VariabelDemo("nilai_ikm", "Nilai IKM hasil survei kepuasan masyarakat", "terakhir", pola=("ikm",)),),
        satuan="nilai",
        sumber_data="Survei Kepuasan Masyarakat",
        target=(82,),
    ),
    _rasio(
        "layanan_tepat",
        "camat",
        S_CAMAT_LAYANAN,
        "Persentase pelayanan administrasi yang diselesaikan tepat waktu",
        ("layanan_tepat_waktu", "Jumlah pelayanan administrasi yang selesai tepat waktu"),
        ("layanan_masuk", "Jumlah permohonan pelayanan administrasi"),
        sumber="Laporan PATEN",
        target=(95,),
        lo=80,
        total=(120, 400),
    ),
    IndikatorDemo(
        "kriminalitas",
        "camat",
        S_CAMAT_TRANTIB,
        "Angka kriminalitas",
        "kejadian_kriminalitas - target_kriminalitas",
        (
            VariabelDemo("kejadian_kriminalitas", "Jumlah kejadian kriminalitas", pola=("total", 0, 6)),
            VariabelDemo("target_kriminalitas", "Target jumlah kriminalitas", "terakhir", nilai_tetap=2),
        ),
        satuan="kejadian",
        polaritas="negatif",
        sumber_data="Polsek",
        target=(8,),
    ),
    IndikatorDemo(
        "tata_kelola_desa",
        "camat",
        S_CAMAT_DESA,
        "Indeks tata kelola administrasi desa",
        "(desa_apbdes_tepat + desa_spj_tepat + desa_profil_mutakhir) / (jumlah_desa * 3) * 100",
        (
            VariabelDemo(
                "desa_apbdes_tepat",
                "Jumlah desa yang menetapkan APBDes tepat waktu",
                "terakhir",
                pola=("desa", 50, 100),
            ),
            VariabelDemo(
                "desa_spj_tepat", "Jumlah desa yang menyampaikan SPJ tepat waktu", "terakhir", pola=("desa", 50, 100)
            ),
            VariabelDemo(
                "desa_profil_mutakhir", "Jumlah desa dengan profil desa mutakhir", "terakhir", pola=("desa", 40, 100)
            ),
            VariabelDemo("jumlah_desa", "Jumlah desa", "terakhir", konstanta="jumlah_desa"),
        ),
        sumber_data="Seksi Pemerintahan dan Seksi PMD",
        target=(85,),
    ),
    # Sekretaris
    IndikatorDemo(
        "kehadiran",
        "sekcam",
        S_SEKCAM,
        "Tingkat kehadiran pegawai",
        "jumlah_pegawai * (hari_kerja - rata_tidak_masuk) / (jumlah_pegawai * hari_kerja) * 100",
        (
            VariabelDemo("jumlah_pegawai", "Jumlah pegawai", "terakhir", pola=("tetap", 18, 30)),
            VariabelDemo("hari_kerja", "Jumlah hari kerja efektif", "jumlah", pola=("hari_kerja",)),
            VariabelDemo(
                "rata_tidak_masuk", "Rata-rata hari tidak masuk kerja per pegawai", "jumlah", pola=("total", 0, 4)
            ),
        ),
        sumber_data="Rekap absensi",
        target=(95, 100),
        catatan="Hari kerja efektif menurut kalender kerja.",
    ),
    _rasio(
        "lpj_tepat",
        "sekcam",
        S_SEKCAM,
        "Persentase laporan pertanggungjawaban kecamatan tepat waktu",
        ("lpj_tepat_waktu", "Jumlah laporan pertanggungjawaban yang selesai tepat waktu"),
        ("lpj_wajib", "Jumlah laporan pertanggungjawaban yang wajib disusun"),
        sumber="Sub Bagian Perencanaan dan Keuangan",
        total=(3, 8),
    ),
    _rasio(
        "rekomendasi_tl",
        "sekcam",
        S_SEKCAM,
        "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti",
        ("rekomendasi_ditindaklanjuti", "Jumlah rekomendasi hasil pemeriksaan yang ditindaklanjuti"),
        ("rekomendasi_diterima", "Jumlah rekomendasi hasil pemeriksaan"),
        sumber="Laporan Hasil Pemeriksaan Inspektorat",
        total=(0, 5),
        lo=50,
    ),
    _jumlah(
        "laporan_kinerja",
        "sekcam",
        S_SEKCAM,
        "Jumlah laporan kinerja yang disusun",
        "laporan_kinerja",
        "Jumlah laporan kinerja (LKjIP, laporan triwulan) yang disusun",
        sumber="Sekretariat Kecamatan",
        target=(5,),
        satuan="dokumen",
        lo=1,
        hi=2,
    ),
    # Kasubag Umum dan Kepegawaian
    _rasio(
        "surat_tepat",
        "kasubag_umum",
        S_UMUM,
        "Persentase surat yang diadministrasikan tepat waktu",
        ("surat_tepat_waktu", "Jumlah surat masuk dan keluar yang diadministrasikan tepat waktu"),
        ("surat_total", "Jumlah surat masuk dan keluar"),
        sumber="Buku agenda surat",
        total=(60, 200),
        induk=("layanan_tepat",),
    ),
    _rasio(
        "kenaikan_pangkat",
        "kasubag_umum",
        S_UMUM,
        "Persentase usulan kenaikan pangkat yang diproses tepat waktu",
        ("usulan_kp_tepat", "Jumlah usulan kenaikan pangkat yang diproses tepat waktu"),
        ("usulan_kp", "Jumlah pegawai yang berhak naik pangkat"),
        sumber="Sub Bagian Umum dan Kepegawaian",
        total=(0, 4),
        induk=("kehadiran",),
    ),
    _rasio(
        "kompetensi",
        "kasubag_umum",
        S_UMUM,
        "Persentase pegawai yang mengikuti pengembangan kompetensi",
        ("pegawai_dilatih", "Jumlah pegawai yang mengikuti pengembangan kompetensi"),
        ("pegawai_total", "Jumlah pegawai"),
        sumber="Sub Bagian Umum dan Kepegawaian",
        target=(60,),
        total=(18, 30),
        penyebut_agregasi="terakhir",
        lo=5,
        hi=40,
        induk=("kehadiran",),
    ),
    _jumlah(
        "laporan_bmd",
        "kasubag_umum",
        S_UMUM,
        "Jumlah laporan barang milik daerah",
        "laporan_bmd",
        "Jumlah laporan barang milik daerah yang disampaikan",
        sumber="Pengurus Barang",
        target=(4,),
        satuan="laporan",
        lo=0,
        hi=2,
        induk=("lpj_tepat",),
    ),
    # Kasubag Perencanaan dan Keuangan
    _rasio(
        "dok_perencanaan",
        "kasubag_program",
        S_PROGRAM,
        "Persentase dokumen perencanaan yang tersusun tepat waktu",
        ("dok_perencanaan_tepat", "Jumlah dokumen perencanaan yang tersusun tepat waktu"),
        ("dok_perencanaan_wajib", "Jumlah dokumen perencanaan yang wajib disusun"),
        sumber="Sub Bagian Perencanaan dan Keuangan",
        total=(1, 4),
        induk=("laporan_kinerja",),
    ),
    _rasio(
        "serapan_anggaran",
        "kasubag_program",
        S_PROGRAM,
        "Persentase realisasi anggaran",
        ("realisasi_anggaran", "Jumlah realisasi belanja (rupiah)"),
        ("pagu_anggaran", "Pagu anggaran (rupiah)"),
        sumber="Laporan realisasi anggaran",
        target=(90, 100),
        total=(2_000_000_000, 2_000_000_000),
        penyebut_agregasi="terakhir",
        lo=15,
        hi=30,
        induk=("lpj_tepat",),
    ),
    _rasio(
        "spj_tepat",
        "kasubag_program",
        S_PROGRAM,
        "Persentase SPJ yang disampaikan tepat waktu",
        ("spj_tepat_waktu", "Jumlah SPJ yang disampaikan tepat waktu"),
        ("spj_total", "Jumlah SPJ"),
        sumber="Bendahara Pengeluaran",
        total=(10, 40),
        induk=("lpj_tepat",),
    ),
    _jumlah(
        "laporan_keuangan",
        "kasubag_program",
        S_PROGRAM,
        "Jumlah laporan keuangan yang disusun",
        "laporan_keuangan",
        "Jumlah laporan keuangan bulanan dan semesteran",
        sumber="Bendahara",
        target=(14,),
        satuan="laporan",
        lo=3,
        hi=4,
        induk=("lpj_tepat",),
    ),
    # Kasi Pemerintahan
    _per_desa(
        "desa_tertib",
        "kasi_pem",
        S_PEM,
        "Persentase desa yang tertib administrasi",
        "desa_tertib_administrasi",
        "Jumlah desa yang tertib administrasi",
        sumber="Seksi Pemerintahan",
        induk=("tata_kelola_desa",),
    ),
    _rasio(
        "akta_tanah",
        "kasi_pem",
        S_PEM,
        "Persentase akta tanah yang diproses tepat waktu",
        ("akta_tanah_tepat", "Jumlah akta tanah yang diproses tepat waktu"),
        ("akta_tanah_usulan", "Jumlah usulan pembuatan akta tanah"),
        sumber="Seksi Pemerintahan",
        total=(5, 40),
        induk=("layanan_tepat",),
    ),
    _rasio(
        "sengketa_batas",
        "kasi_pem",
        S_PEM,
        "Persentase sengketa batas desa yang terselesaikan",
        ("sengketa_selesai", "Jumlah sengketa batas desa yang terselesaikan"),
        ("sengketa_masuk", "Jumlah sengketa batas desa yang dilaporkan"),
        sumber="Seksi Pemerintahan",
        total=(0, 2),
        lo=0,
        target=(75,),
    ),
    IndikatorDemo(
        "laporan_desa",
        "kasi_pem",
        S_PEM,
        "Persentase laporan penyelenggaraan pemerintahan desa",
        "(desa_lppd + desa_lkppd) / (jumlah_desa * 2) * 100",
        (
            VariabelDemo("desa_lppd", "Jumlah desa yang menyampaikan LPPD", "terakhir", pola=("desa", 50, 100)),
            VariabelDemo("desa_lkppd", "Jumlah desa yang menyampaikan LKPPD", "terakhir", pola=("desa", 50, 100)),
            VariabelDemo("jumlah_desa", "Jumlah desa", "terakhir", konstanta="jumlah_desa"),
        ),
        sumber_data="Seksi Pemerintahan",
        target=(90,),
        induk=("tata_kelola_desa",),
    ),
    # Kasi Trantib
    IndikatorDemo(
        "pelanggaran_perda",
        "kasi_trantib",
        S_TRANTIB,
        "Angka pelanggaran peraturan daerah",
        "pelanggaran_perda - batas_pelanggaran",
        (
            VariabelDemo("pelanggaran_perda", "Jumlah pelanggaran perda yang ditemukan", pola=("total", 0, 8)),
            VariabelDemo("batas_pelanggaran", "Batas toleransi jumlah pelanggaran", "terakhir", nilai_tetap=10),
        ),
        satuan="kejadian",
        polaritas="negatif",
        sumber_data="Satpol PP Kecamatan",
        target=(5,),
        induk=("kriminalitas",),
    ),
    _rasio(
        "skck",
        "kasi_trantib",
        S_TRANTIB,
        "Persentase pengantar SKCK dan izin keramaian yang diproses tepat waktu",
        ("skck_tepat", "Jumlah pengantar SKCK dan izin keramaian yang diproses tepat waktu"),
        ("skck_usulan", "Jumlah permohonan pengantar SKCK dan izin keramaian"),
        sumber="Seksi Trantib",
        total=(10, 70),
        induk=("layanan_tepat",),
    ),
    _jumlah(
        "patroli",
        "kasi_trantib",
        S_TRANTIB,
        "Jumlah kegiatan patroli ketertiban",
        "patroli",
        "Jumlah kegiatan patroli dan operasi ketertiban",
        sumber="Seksi Trantib",
        target=(24,),
        satuan="kegiatan",
        lo=3,
        hi=9,
    ),
    _rasio(
        "gangguan_tertangani",
        "kasi_trantib",
        S_TRANTIB,
        "Persentase gangguan ketertiban yang tertangani",
        ("gangguan_tertangani", "Jumlah gangguan ketertiban yang tertangani"),
        ("gangguan_dilaporkan", "Jumlah gangguan ketertiban yang dilaporkan"),
        sumber="Seksi Trantib",
        total=(0, 10),
        lo=60,
        induk=("kriminalitas",),
    ),
    # Kasi PMD
    _per_desa(
        "apbdes",
        "kasi_pmd",
        S_PMD,
        "Persentase desa yang menetapkan APBDes tepat waktu",
        "apbdes_tepat_waktu",
        "Jumlah dokumen APBDes yang selesai tepat waktu",
        sumber="Seksi PMD",
        induk=("tata_kelola_desa",),
    ),
    _per_desa(
        "spj_dana_desa",
        "kasi_pmd",
        S_PMD,
        "Persentase SPJ dana desa yang disampaikan tepat waktu",
        "spj_dana_desa_tepat",
        "Jumlah dokumen SPJ desa yang selesai tepat waktu",
        sumber="Seksi PMD",
        induk=("tata_kelola_desa",),
    ),
    _per_desa(
        "rkpdes",
        "kasi_pmd",
        S_PMD,
        "Persentase desa yang menetapkan RKPDes tepat waktu",
        "rkpdes_tepat_waktu",
        "Jumlah desa yang menetapkan RKPDes tepat waktu",
        sumber="Seksi PMD",
        induk=("tata_kelola_desa",),
    ),
    _rasio(
        "bumdes",
        "kasi_pmd",
        S_PMD,
        "Persentase BUMDes yang aktif",
        ("bumdes_aktif", "Jumlah BUMDes yang aktif"),
        ("bumdes_terdaftar", "Jumlah BUMDes yang terdaftar"),
        sumber="Seksi PMD",
        target=(70,),
        total=(5, 20),
        penyebut_agregasi="terakhir",
        lo=40,
        hi=90,
    ),
    _jumlah(
        "musrenbang",
        "kasi_pmd",
        S_PMD,
        "Jumlah musyawarah perencanaan pembangunan desa yang difasilitasi",
        "musrenbang_desa",
        "Jumlah musrenbang desa yang difasilitasi",
        sumber="Seksi PMD",
        target=(12,),
        satuan="kegiatan",
        lo=0,
        hi=8,
        induk=("tata_kelola_desa",),
    ),
    # Kasi Kesos
    _rasio(
        "bansos",
        "kasi_kesos",
        S_KESOS,
        "Persentase usulan bantuan sosial yang diverifikasi tepat waktu",
        ("bansos_tepat", "Jumlah usulan bantuan sosial yang diverifikasi tepat waktu"),
        ("bansos_usulan", "Jumlah usulan bantuan sosial"),
        sumber="Seksi Kesejahteraan Sosial",
        total=(20, 120),
        induk=("layanan_tepat",),
    ),
    _rasio(
        "sktm",
        "kasi_kesos",
        S_KESOS,
        "Persentase rekomendasi SKTM yang diterbitkan tepat waktu",
        ("sktm_tepat", "Jumlah rekomendasi SKTM yang diterbitkan tepat waktu"),
        ("sktm_permohonan", "Jumlah permohonan rekomendasi SKTM"),
        sumber="Seksi Kesejahteraan Sosial",
        total=(10, 60),
        induk=("layanan_tepat",),
    ),
    _jumlah(
        "kegiatan_sosial",
        "kasi_kesos",
        S_KESOS,
        "Jumlah kegiatan sosial keagamaan yang difasilitasi",
        "kegiatan_sosial",
        "Jumlah kegiatan sosial keagamaan yang difasilitasi",
        sumber="Seksi Kesejahteraan Sosial",
        target=(8,),
        satuan="kegiatan",
        lo=0,
        hi=4,
    ),
    _rasio(
        "tunggakan_pbb",
        "kasi_kesos",
        S_KESOS,
        "Persentase tunggakan PBB-P2",
        ("tunggakan_pbb", "Jumlah tunggakan PBB-P2 (rupiah)"),
        ("ketetapan_pbb", "Jumlah ketetapan PBB-P2 (rupiah)"),
        sumber="Laporan UPT Pendapatan",
        target=(10,),
        total=(400_000_000, 400_000_000),
        penyebut_agregasi="terakhir",
        lo=2,
        hi=8,
        polaritas="negatif",
    ),
    # Kasi Pelayanan Umum (only in kecamatan with five seksi)
    _rasio(
        "ktp_kk",
        "kasi_yanum",
        S_YANUM,
        "Persentase KTP dan KK yang diproses tepat waktu",
        ("ktp_kk_tepat_waktu", "Jumlah KTP dan KK yang diproses tepat waktu"),
        ("ktp_kk_usulan", "Jumlah usulan pembuatan KTP dan KK"),
        sumber="Laporan kependudukan",
        total=(80, 300),
        induk=("layanan_tepat",),
    ),
    _rasio(
        "perizinan",
        "kasi_yanum",
        S_YANUM,
        "Persentase dokumen perizinan yang diproses tepat waktu",
        ("izin_tepat_waktu", "Jumlah dokumen perizinan yang diproses tepat waktu"),
        ("izin_usulan", "Jumlah usulan dokumen perizinan"),
        sumber="Seksi Pelayanan Umum",
        total=(5, 40),
        induk=("layanan_tepat",),
    ),
    _rasio(
        "pengaduan",
        "kasi_yanum",
        S_YANUM,
        "Persentase pengaduan masyarakat yang ditindaklanjuti",
        ("pengaduan_ditindaklanjuti", "Jumlah pengaduan yang ditindaklanjuti"),
        ("pengaduan_masuk", "Jumlah pengaduan yang diterima"),
        sumber="Kotak pengaduan dan SP4N-LAPOR",
        total=(0, 12),
        lo=60,
        induk=("ikm",),
    ),
    _jumlah(
        "layanan_diberikan",
        "kasi_yanum",
        S_YANUM,
        "Jumlah pelayanan administrasi terpadu yang diberikan",
        "layanan_diberikan",
        "Jumlah pelayanan administrasi terpadu yang diberikan",
        sumber="Laporan PATEN",
        target=(800,),
        satuan="layanan",
        lo=120,
        hi=320,
        induk=("ikm",),
    ),
    # Pelaksana
    _rasio(
        "distribusi_surat",
        "staf_umum",
        S_UMUM,
        "Persentase surat yang didistribusikan tepat waktu",
        ("surat_didistribusikan_tepat", "Jumlah surat yang didistribusikan tepat waktu"),
        ("surat_diterima", "Jumlah surat yang diterima"),
        sumber="Buku agenda surat",
        total=(40, 150),
        induk=("surat_tepat",),
    ),
    _jumlah(
        "arsip",
        "staf_umum",
        S_UMUM,
        "Jumlah arsip yang ditata",
        "arsip_ditata",
        "Jumlah berkas arsip yang ditata",
        sumber="Daftar arsip",
        target=(400,),
        satuan="berkas",
        lo=50,
        hi=150,
        induk=("surat_tepat",),
    ),
    _rasio(
        "inventaris",
        "staf_barang",
        S_UMUM,
        "Persentase barang inventaris yang tercatat",
        ("barang_tercatat", "Jumlah barang yang tercatat dalam KIB"),
        ("barang_total", "Jumlah barang inventaris"),
        sumber="Kartu Inventaris Barang",
        total=(150, 400),
        penyebut_agregasi="terakhir",
        lo=85,
        hi=100,
        induk=("laporan_bmd",),
    ),
    _jumlah(
        "mutasi_barang",
        "staf_barang",
        S_UMUM,
        "Jumlah laporan mutasi barang",
        "laporan_mutasi_barang",
        "Jumlah laporan mutasi barang",
        sumber="Pengurus Barang",
        target=(4,),
        satuan="laporan",
        lo=0,
        hi=2,
        induk=("laporan_bmd",),
    ),
    _rasio(
        "verifikasi_spj",
        "staf_keuangan",
        S_PROGRAM,
        "Persentase SPJ yang diverifikasi tepat waktu",
        ("spj_diverifikasi_tepat", "Jumlah SPJ yang diverifikasi tepat waktu"),
        ("spj_masuk", "Jumlah SPJ masuk"),
        sumber="Buku verifikasi SPJ",
        total=(10, 40),
        induk=("spj_tepat",),
    ),
    _jumlah(
        "laporan_kas",
        "staf_keuangan",
        S_PROGRAM,
        "Jumlah laporan kas bulanan",
        "laporan_kas",
        "Jumlah laporan kas bulanan",
        sumber="Bendahara",
        target=(12,),
        satuan="laporan",
        lo=2,
        hi=3,
        induk=("laporan_keuangan",),
    ),
    _rasio(
        "berkas_kependudukan",
        "staf_kependudukan",
        S_YANUM,
        "Persentase berkas kependudukan yang diverifikasi",
        ("berkas_diverifikasi", "Jumlah berkas kependudukan yang diverifikasi"),
        ("berkas_masuk", "Jumlah berkas kependudukan yang masuk"),
        sumber="Register berkas",
        total=(80, 300),
        induk=("ktp_kk",),
    ),
    _jumlah(
        "input_kependudukan",
        "staf_kependudukan",
        S_YANUM,
        "Jumlah berkas kependudukan yang diinput",
        "berkas_diinput",
        "Jumlah berkas kependudukan yang diinput ke SIAK",
        sumber="SIAK",
        target=(900,),
        satuan="berkas",
        lo=100,
        hi=350,
        induk=("ktp_kk",),
    ),
    _rasio(
        "antar_surat",
        "caraka",
        S_UMUM,
        "Persentase surat yang diantar tepat waktu",
        ("surat_diantar_tepat", "Jumlah surat yang diantar tepat waktu"),
        ("surat_diantar", "Jumlah surat yang diantar"),
        sumber="Buku ekspedisi",
        total=(30, 120),
        induk=("surat_tepat",),
    ),
    _jumlah(
        "antar_naskah_desa",
        "caraka",
        S_UMUM,
        "Jumlah naskah dinas yang diantar ke desa",
        "naskah_ke_desa",
        "Jumlah naskah dinas yang diantar ke desa",
        sumber="Buku ekspedisi",
        target=(120,),
        satuan="naskah",
        lo=15,
        hi=45,
        induk=("surat_tepat",),
    ),
]

KONSTANTA = [
    ("jumlah_desa", "Jumlah desa", None),  # per kecamatan, drawn by the generator
    ("hari_kerja_efektif", "Hari kerja efektif setahun", 240),
]

# Quarterly hari kerja efektif used by the attendance indicator (sums to 240).
HARI_KERJA_TRIWULAN = (58, 61, 62, 59)

NAMA_DEPAN = [
    "Ahmad",
    "Moh.",
    "Abdul",
    "Achmad",
    "Hasan",
    "Sutrisno",
    "Bambang",
    "Rudi",
    "Agus",
    "Imam",
    "Fathor",
    "Slamet",
    "Siti",
    "Nur",
    "Ainul",
    "Dewi",
    "Fitri",
    "Lailatul",
    "Rina",
    "Yuni",
    "Sri",
    "Endang",
    "Hosniyah",
    "Maimunah",
]
NAMA_BELAKANG = [
    "Rahman",
    "Hidayat",
    "Syafi'i",
    "Santoso",
    "Wahyudi",
    "Hakim",
    "Fauzi",
    "Ridwan",
    "Sholeh",
    "Mahfud",
    "Zainal",
    "Rohmah",
    "Hasanah",
    "Fatimah",
    "Wulandari",
    "Lestari",
    "Susanti",
    "Aminah",
    "Kholifah",
    "Sari",
]
GELAR = ["", "", ", S.Sos", ", S.STP", ", S.E.", ", S.H.", ", S.AP", ", M.Si", ", S.Kom"]

KECAMATAN = [
    "Banyuates",
    "Karang Penang",
    "Sampang",
    "Camplong",
    "Omben",
    "Kedungdung",
    "Jrengik",
    "Tambelangan",
    "Robatal",
    "Sokobanah",
    "Ketapang",
    "Pangarengan",
    "Torjun",
    "Sreseh",
]


def nama_kecamatan(indeks: int) -> str:
    """The kecamatan names of the demo kabupaten; beyond them, numbered ones for benchmarks."""
    if indeks < len(KECAMATAN):
        return KECAMATAN[indeks]
    return f"Contoh {indeks + 1}"


JABATAN_PER_KUNCI = {j.kunci: j for j in JABATAN}
