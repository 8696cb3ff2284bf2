"""The three real IKI documents in ../shared/dokumen/ (read, never copied into the project)."""

import json
import re
import textwrap

import pytest

from kinerja.dokumen import baca, baca_teks


@pytest.fixture
def banyuates(dokumen_dir):
    return baca(dokumen_dir / "iki-kecamatan-banyuates-2020.txt")


@pytest.fixture
def karang_penang(dokumen_dir):
    return baca(dokumen_dir / "iki-kecamatan-karang-penang.txt")


@pytest.fixture
def sampang(dokumen_dir):
    return baca(dokumen_dir / "iki-kecamatan-sampang-2022.txt")


def jumlah_per_jabatan(hasil: dict) -> dict[str, int]:
    return {j["nama"]: sum(len(s["indikator"]) for s in j["sasaran"]) for j in hasil["jabatan"]}


def indikator(hasil: dict, jabatan: str, nama: str, ke: int = 0) -> dict:
    """The ``ke``-th indicator named ``nama`` (case-insensitive prefix) of ``jabatan``."""
    j = next(j for j in hasil["jabatan"] if j["nama"] == jabatan)
    cocok = [i for s in j["sasaran"] for i in s["indikator"] if i["nama"].lower().startswith(nama.lower())]
    return cocok[ke]


def variabel(ind: dict) -> dict[str, dict]:
    return {v["kode"]: v for v in ind["formula"]["variabel"]}


# --- Banyuates 2020: tab-separated rows as wrapped by a PDF converter, OCR damage --------------


def test_banyuates_jabatan_dan_jumlah_indikator(banyuates):
    assert jumlah_per_jabatan(banyuates) == {
        "Sekretaris Kecamatan Banyuates": 10,
        "Sub Bagian Umum dan Kepegawaian": 3,
        "Sub Bagian Keuangan": 3,
        "Kepala Seksi Pemerintahan Kecamatan Banyuates": 5,
        "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Banyuates": 2,
        "Kepala Seksi Pemberdayaan Masyarakat Desa Kecamatan Banyuates": 3,
        "Kepala Seksi Kesejahteraan Sosial Kecamatan Banyuates": 3,
        "Kepala Seksi Pelayanan Umum dan Informasi Kecamatan Banyuates": 2,
    }


def test_banyuates_metadata(banyuates):
    assert banyuates["format"] == "kinerja-iki/1"
    assert banyuates["instansi"] == "Kecamatan Banyuates"
    assert banyuates["kabupaten"] == "Kabupaten Sampang"
    assert banyuates["tahun"] == 2020
    sk = banyuates["sk"]
    assert (sk["nomor"], sk["tanggal"]) == ("188/07/KEP/434.511/2020", "2020-01-06")
    assert sk["nip"] == "198606272014121001"
    assert sk["pangkat"] == "Penata Tingkat I"


def test_banyuates_sasaran_sekretaris(banyuates):
    sekcam = banyuates["jabatan"][0]
    assert [s["uraian"] for s in sekcam["sasaran"]] == [
        "Meningkatkan kinerja pelayanan Peijinan dan administrasi Kependudukan",
        "Meningkatkan partisipasi dalam keamanan dalam keamanan dan keteritban memadai",
        "Meningkatkan Pengeloalaan Administrasi Desa",  # one sasaran wrapped over two rows
    ]
    assert len(sekcam["fungsi"]) == 6
    assert sekcam["tugas"][0].startswith("Membantu camat dalam kegiatan administrasi umum")


def test_banyuates_rumus(banyuates):
    j = "Sekretaris Kecamatan Banyuates"
    ikm = indikator(banyuates, j, "IKM")
    assert ikm["formula"]["ekspresi"] == "nilai_ikm"
    assert ikm["satuan"] == "nilai"
    # Numerator and denominator run together on one line.
    adminduk = indikator(banyuates, j, "Prosentase penyelesaian pelayanan bidang administrasi")
    assert adminduk["formula"]["ekspresi"] == "ktp_kk_akta_tepat_waktu / usulan_pembuatann_ktp_kk_akta * 100"
    assert adminduk["sumber_data"] == "Laporan kependudukan"
    # The underlined numerator: <u>A</u> x 100 % B
    skck = indikator(banyuates, j, "Prosentase penyelesaian pengajuan SKCK")
    assert skck["formula"]["ekspresi"] == "skck_ijin_keramaian_tepat / usulan_pembuatann_skck_ijin * 100"
    # Difference with an en dash.
    kriminal = indikator(banyuates, j, "Angka Kriminalitas")
    assert kriminal["formula"]["ekspresi"] == "kejadian_kriminalitas - target_kriminalitas"
    assert (kriminal["polaritas"], kriminal["polaritas_tebakan"]) == ("negatif", True)
    # Numerator row, then "20 desa" in the next row: a constant, name wrapped over two rows.
    desa = indikator(banyuates, j, "Prosentase desa yang tertib administrasi")
    assert desa["formula"]["ekspresi"] == "desa_tertib_administrasi / jumlah_desa * 100"
    assert variabel(desa)["jumlah_desa"]["nilai_tetap"] == 20
    assert desa["sumber_data"] == "Administrasi desa"
    laporan = indikator(banyuates, j, "Prosentase penyelesaian laporan pertanggungjawaban kecamatan tepat waktu")
    assert laporan["sumber_data"] == "Bagian keuangan"


def test_banyuates_dua_baris_dan_konstanta_setelah_kali_seratus(banyuates):
    # "A x" over "B" in two rows: the rest of "x 100 %" was lost in conversion.
    pem = indikator(
        banyuates, "Kepala Seksi Pemerintahan Kecamatan Banyuates", "Prosentase Penyelesaian Pelayanan bidang"
    )
    assert pem["formula"]["ekspresi"] == "ktp_kk_akta_tepat_waktu / usulan_pembuatan_ktp_kk_akta * 100"
    # "A_ x 100 % 20 desa" on one line: the denominator is where "x 100 %" stood.
    apbdes = indikator(
        banyuates, "Kepala Seksi Pemberdayaan Masyarakat Desa Kecamatan Banyuates", "Prosentase Penyelesaian usulan"
    )
    assert apbdes["formula"]["ekspresi"] == "dokumen_apbdes_tepat_waktu / jumlah_desa * 100"
    gaji = indikator(banyuates, "Sub Bagian Keuangan", "Prosentase penyelesaian gaji")
    assert gaji["formula"]["ekspresi"] == "sp2d_gaji_dicairkan / dokumen_spp_spm_gaji_dibuat * 100"


def test_banyuates_yang_tidak_terbaca_menjadi_peringatan(banyuates):
    skck = indikator(banyuates, "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Banyuates", "Prosentase")
    assert skck["formula"]["ekspresi"] is None
    assert any(p.startswith("baris 212: indikator tanpa rumus") for p in banyuates["peringatan"])
    assert any("dua kali" in p for p in banyuates["peringatan"])


# --- Karang Penang: LaTeX fractions, a table continued with its header repeated -----------------


def test_karang_penang_jabatan_dan_jumlah_indikator(karang_penang):
    assert jumlah_per_jabatan(karang_penang) == {
        "Sekretaris Kecamatan Karang Penang": 10,
        "Kepala Sub Bagian Umum dan Kepegawaian Kecamatan Karang Penang": 7,
        "Kepala Sub Bagian Keuangan Kecamatan Karang Penang": 3,
        "Kepala Seksi Pemerintahan Dan Pelayanan Umum Kecamatan Karang Penang": 6,
        "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Karang Penang": 2,
        "Kepala Seksi Pemberdayaan Masyarakat Desa Dan Kesejahteraan Sosial Kecamatan Karang Penang": 5,
    }


def test_karang_penang_header_berulang_tidak_membuat_sasaran_baru(karang_penang):
    sekcam = karang_penang["jabatan"][0]
    assert [len(s["indikator"]) for s in sekcam["sasaran"]] == [4, 2, 4]
    assert sekcam["sasaran"][0]["indikator"][3]["nama"] == "Prosentase penyelesaian pelayanan perijinan tepat waktu"


def test_karang_penang_rumus_latex(karang_penang):
    j = "Sekretaris Kecamatan Karang Penang"
    adminduk = indikator(karang_penang, j, "Prosentase penyelesaian pelayanan bidang administrasi")
    assert adminduk["formula"]["ekspresi"] == "ktp_kk_diproses_tepat_waktu / usulan_pembuatan_ktp_kk * 100"
    assert adminduk["formula"]["teks"] == (
        "Jumlah KTP dan KK yang diproses tepat waktu / Jumlah usulan pembuatan KTP dan KK × 100%"
    )
    assert variabel(adminduk)["ktp_kk_diproses_tepat_waktu"]["uraian"] == "Jumlah KTP dan KK yang diproses tepat waktu"
    desa = indikator(karang_penang, j, "Prosentase desa yang tertib")
    assert desa["formula"]["ekspresi"] == "desa_tertib_administrasi / jumlah_desa * 100"
    assert variabel(desa)["jumlah_desa"] == {"kode": "jumlah_desa", "uraian": "7 desa", "nilai_tetap": 7}
    gaji = indikator(
        karang_penang, "Kepala Sub Bagian Keuangan Kecamatan Karang Penang", "Prosentase penyelesaian gaji"
    )
    # The dash inside \text{SPP – SPM} is part of a name, not a subtraction.
    assert gaji["formula"]["ekspresi"] == "sp2d_gaji_dicairkan / dokumen_spp_spm_gaji_dibuat * 100"
    kriminal = indikator(karang_penang, "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Karang Penang", "Angka")
    assert kriminal["formula"]["ekspresi"] == "kejadian_kriminalitas - target_kriminalitas"
    assert kriminal["satuan"] == "kejadian"
    assert kriminal["sumber_data"] == "Polsek, Koramil, Kecamatan"


def test_karang_penang_tanpa_sk(karang_penang):
    assert karang_penang["instansi"] == "Kecamatan Karang Penang"
    assert karang_penang["sk"]["nomor"] is None
    assert karang_penang["tahun"] is None
    assert "nomor SK penetapan IKI tidak ditemukan" in karang_penang["peringatan"]


# --- Sampang 2022: SK before the tables, HTML lists in cells, the "X 100 %" column ---------------


def test_sampang_jabatan_dan_jumlah_indikator(sampang):
    assert jumlah_per_jabatan(sampang) == {
        "Sekretaris Kecamatan Sampang Kabupaten Sampang": 4,
        "Kepala Sub Bagian Umum dan Kepegawaian Kantor Kecamatan Sampang Kabupaten Sampang": 7,
        "Kepala Sub Bagian Keuangan Kantor Kecamatan Sampang Kabupaten Sampang": 3,
        "Staf Sub Bagian Keuangan Kantor Kecamatan Sampang Kabupaten Sampang": 1,
        "Kepala Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang": 3,
        "Staf Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang": 2,
        "Kepala Seksi Ketentraman dan Ketertiban Kabupaten Sampang": 2,
        "Staf Seksi Ketentraman dan Ketertiban Kabupaten Sampang": 1,
        "Kepala Seksi Pemberdayaan Masyarakat Desa dan Kesejahteraan Sosial Kecamatan Sampang Kabupaten Sampang": 2,
        "Staf Seksi Pemberdayaan Masyarakat Desa dan Kesejahteraan Sosial Kecamatan Sampang Kabupaten Sampang": 1,
    }


def test_sampang_sk(sampang):
    sk = sampang["sk"]
    assert sk["nomor"] == "188/1.A/KEP/434.503/2022"  # from the decree itself, spaces removed
    assert sk["tanggal"] == "2022-01-20"
    assert sk["penandatangan"] == "YUDHI ADIDARTA KARMA, S.STP, M.Si"
    assert (sk["nip"], sk["pangkat"], sk["jabatan_penandatangan"]) == (
        "197807201998041001",
        "Pembina TK. I",
        "Camat Sampang",
    )
    assert (sampang["instansi"], sampang["kabupaten"], sampang["tahun"]) == (
        "Kecamatan Sampang",
        "Kabupaten Sampang",
        2022,
    )
    # Chapter I quotes another number: worth a look.
    assert any("188/01.A/KEP/434.403/2022" in p for p in sampang["peringatan"])


def test_sampang_nama_dari_daftar_html_dan_rumus(sampang):
    staf = "Staf Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang"
    lap = indikator(sampang, staf, "Persentase Laporan")
    assert lap["nama"] == "Persentase Laporan kependudukan Tepat Waktu"
    assert lap["formula"]["ekspresi"] == "laporan_kependudukan_tepat / laporan_kependudukan_1_tahun * 100"
    kasi_pmd = "Kepala Seksi Pemberdayaan Masyarakat Desa dan Kesejahteraan Sosial Kecamatan Sampang Kabupaten Sampang"
    koordinasi = indikator(sampang, kasi_pmd, "Koordinasi")
    # "… Target jumlah …": the qualifier goes with the denominator.
    assert koordinasi["formula"]["ekspresi"] == "usulan_musrenbangcam_dikomodir / target_usulan_mursenbangcam * 100"
    assert [s["uraian"] for s in next(j for j in sampang["jabatan"] if j["nama"] == kasi_pmd)["sasaran"]] == [
        "Meningkatnya pengelolaan administrasi desa",
        "Meningkatnya kenyamanan, ketertiban dan keamanan lingkungan",
    ]
    tindak = indikator(sampang, "Kepala Seksi Ketentraman dan Ketertiban Kabupaten Sampang", "Presentase Tindak Lanjut")
    assert tindak["polaritas"] == "positif"  # handling crime cases: more is better
    pemilihan = indikator(
        sampang,
        "Kepala Seksi Pemerintahan dan Pelayanan Umum Kantor Kecamatan Sampang Kabupaten Sampang",
        "Prosentase Pemilihan",
    )
    assert pemilihan["formula"]["ekspresi"] == "pemilihan_kepala_desa / target_desa_yangmelakukan * 100"
    assert (
        variabel(pemilihan)["target_desa_yangmelakukan"]["uraian"]
        == "Jumlah Target Desa yangmelakukan Pemilihan kepala Desa"
    )


def test_sampang_baris_yang_kehilangan_kolom(sampang):
    umum = "Kepala Sub Bagian Umum dan Kepegawaian Kantor Kecamatan Sampang Kabupaten Sampang"
    berkala = indikator(sampang, umum, "Persentase pengajuan kenaikan Berkala")
    assert berkala["sumber_data"] == "Dokumen pengajuan kenaikan Berkala"
    assert berkala["formula"]["ekspresi"] == "kenaikan_pangkat_berjalan / target_kenaikan_berkala * 100"
    cuti = indikator(sampang, umum, "Persentase pengajuan Cuti")
    assert cuti["nama"] == "Persentase pengajuan Cuti Pegawai"
    assert any(p.startswith("baris 321: rumus persentase tanpa") for p in sampang["peringatan"])


def test_sampang_daftar_rumus_menjadi_peringatan(sampang):
    staf = indikator(sampang, "Staf Sub Bagian Keuangan Kantor Kecamatan Sampang Kabupaten Sampang", "Persentase")
    assert staf["formula"]["ekspresi"] is None
    assert staf["formula"]["teks"].startswith("Dokumen keuanganyaitu:")
    assert any(re.match(r"baris 353: rumus tidak dipahami", p) for p in sampang["peringatan"])


# --- all documents -------------------------------------------------------------------------


@pytest.fixture
def semua(banyuates, karang_penang, sampang):
    return [banyuates, karang_penang, sampang]


def test_json_dan_ekspresi_hanya_memakai_variabel_yang_didaftar(semua):
    for hasil in semua:
        assert json.loads(json.dumps(hasil)) == hasil
        for j in hasil["jabatan"]:
            for s in j["sasaran"]:
                for ind in s["indikator"]:
                    f = ind["formula"]
                    kode = [v["kode"] for v in f["variabel"]]
                    assert len(kode) == len(set(kode))
                    assert all(re.fullmatch(r"[a-z][a-z0-9_]{0,29}", k) for k in kode)
                    if f["ekspresi"] is not None:
                        assert set(re.findall(r"[a-z][a-z0-9_]*", f["ekspresi"])) == set(kode)


def test_setiap_ekspresi_dapat_diurai_mesin_rumus(semua):
    rumus = pytest.importorskip("kinerja.rumus")
    for hasil in semua:
        for j in hasil["jabatan"]:
            for s in j["sasaran"]:
                for ind in s["indikator"]:
                    if ind["formula"]["ekspresi"]:
                        pohon = rumus.parse(ind["formula"]["ekspresi"])
                        assert pohon.variables == {v["kode"] for v in ind["formula"]["variabel"]}


def test_deterministik(dokumen_dir, semua):
    for berkas, hasil in zip(sorted(dokumen_dir.glob("*.txt")), semua):
        assert baca(berkas) == hasil


# --- the clean document re-wrapped like a PDF converter wraps cells ------------------------------


def bungkus_tabel(teks: str, lebar: int, gaya: str) -> str:
    """Every IKI row of ``teks`` split over several physical rows, each cell wrapped at ``lebar``
    characters; a LaTeX fraction is written the way converted PDFs show it: ``gaya`` "dua_baris"
    (numerator x 100 %, then denominator), "garis_bawah" (A x 100 % B) or "berurutan" (A B x 100 %)."""
    keluar = []
    for baris in teks.split("\n"):
        if "\t" not in baris or baris.startswith("NO\t"):
            keluar.append(baris)
            continue
        potongan = []
        for sel in baris.split("\t"):
            m = re.search(r"\\frac\{\\text\{(.*?)\}\}\{(.*?)\}\} ?\\times 100\\%", sel)
            if m:
                atas, bawah = m.group(1), re.sub(r"\\text\{\s*(.*?)\}", r"\1", m.group(2)).strip()
                susunan = {
                    "dua_baris": [f"{atas} x 100 %", bawah],
                    "garis_bawah": [f"{atas} x 100 % {bawah}"],
                    "berurutan": [f"{atas} {bawah} x 100 %"],
                }[gaya]
                potongan.append([p for s in susunan for p in textwrap.wrap(s, lebar + 15)])
            else:
                potongan.append(textwrap.wrap(sel, lebar) or [""])
        for i in range(max(len(p) for p in potongan)):
            keluar.append("\t".join(p[i] if i < len(p) else "" for p in potongan))
    return "\n".join(keluar)


@pytest.mark.parametrize("lebar", [20, 25, 30, 40])
@pytest.mark.parametrize("gaya", ["dua_baris", "garis_bawah", "berurutan"])
def test_sel_terbungkus_memberi_katalog_yang_sama(dokumen_dir, karang_penang, lebar, gaya):
    def ringkas(hasil):
        return [
            (j["nama"], s["uraian"], i["nama"], i["formula"]["ekspresi"], i["sumber_data"])
            for j in hasil["jabatan"]
            for s in j["sasaran"]
            for i in s["indikator"]
        ]

    asli = (dokumen_dir / "iki-kecamatan-karang-penang.txt").read_text(encoding="utf-8")
    assert ringkas(baca_teks(bungkus_tabel(asli, lebar, gaya))) == ringkas(karang_penang)


# --- no loss: what the shared documents gave before issue 10, at least --------------------------

# (jabatan, indicators, indicators with an understood formula) per document, as read before the
# reader learnt to keep going past broken rows; none of these may go down.
SEBELUMNYA = {
    "iki-kecamatan-banyuates-2020.txt": (8, 31, 30),
    "iki-kecamatan-karang-penang.txt": (6, 33, 33),
    "iki-kecamatan-sampang-2022.txt": (10, 26, 24),
}


@pytest.mark.parametrize("nama", sorted(SEBELUMNYA))
def test_dokumen_bersama_terbaca_tanpa_kehilangan(dokumen_dir, nama):
    from kinerja.iki.interchange import saring_json

    hasil = baca(dokumen_dir / nama)
    indikator = [i for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]]
    jabatan, jumlah, dipahami = SEBELUMNYA[nama]
    assert len(hasil["jabatan"]) >= jabatan
    assert len(indikator) >= jumlah
    assert sum(1 for i in indikator if i["formula"]["ekspresi"]) >= dipahami
    # The import's validation keeps every indicator the reader found.
    bersih = saring_json(hasil)
    assert sum(len(s["indikator"]) for j in bersih["jabatan"] for s in j["sasaran"]) == len(indikator)
    assert bersih["peringatan"] == hasil["peringatan"]
    assert all(re.fullmatch(r"baris \d+", i["tempat"]) for i in indikator)
