"""baca_responden: CSV and XLSX questionnaires matched by header name, and bad files."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.ikm import BATAS_KESALAHAN, SEMUA, IKMError, baca_responden, hitung_ikm, hitung_ikm_per_layanan

JUDUL_2017 = {
    "U1": "Persyaratan",
    "U2": "Sistem, Mekanisme, dan Prosedur",
    "U3": "Waktu Penyelesaian",
    "U4": "Biaya/Tarif",
    "U5": "Produk Spesifikasi Jenis Pelayanan",
    "U6": "Kompetensi Pelaksana",
    "U7": "Perilaku Pelaksana",
    "U8": "Penanganan Pengaduan, Saran dan Masukan",
    "U9": "Sarana dan Prasarana",
}
PROFIL_KOSONG = dict.fromkeys(["jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan"])

# Six respondents (U1..U9, then jenis kelamin, umur, jenis layanan); "" is a skipped answer.
DATA = [
    [4, 3, 3, 4, 3, 4, 4, 3, 3, "L", 34, "KTP"],
    [3, 3, 2, 4, 3, 3, 4, "", 3, "P", 27, "KTP"],
    [4, 4, 3, "", 4, 3, 4, 3, 4, "P", 45, "Kartu Keluarga"],
    [2, 3, 3, 4, 3, 3, 3, 2, 3, "L", 52, "Kartu Keluarga"],
    [3, 3, 3, 4, 3, 4, 4, 3, 2, "L", 19, "Akta Kelahiran"],
    [4, 4, 4, 4, 4, 4, 4, 4, 4, "P", 61, "KTP"],
]
KOLOM_DATA = [*JUDUL_2017.values(), "Jenis Kelamin", "Umur", "Jenis Layanan"]


def _sebagai_jawaban(baris: list) -> dict:
    return {f"U{i}": (v if v != "" else None) for i, v in enumerate(baris[:9], start=1)}


JAWABAN = [_sebagai_jawaban(b) for b in DATA]


def _susun(kolom: list[str], judul: list[str] = KOLOM_DATA, data: list[list] = DATA) -> list[list]:
    """The table with its columns in the order of ``kolom``."""
    indeks = [judul.index(k) for k in kolom]
    return [kolom] + [[b[i] for i in indeks] for b in data]


KOLOM_TERACAK = [
    "Jenis Layanan",
    "Sarana dan Prasarana",
    "Persyaratan",
    "Umur",
    "Perilaku Pelaksana",
    "Waktu Penyelesaian",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Biaya/Tarif",
    "Jenis Kelamin",
    "Kompetensi Pelaksana",
    "Sistem, Mekanisme, dan Prosedur",
    "Produk Spesifikasi Jenis Pelayanan",
]


def test_csv_dengan_kolom_teracak(buat_csv):
    hasil = baca_responden(buat_csv(_susun(KOLOM_TERACAK)), "survei.csv")
    assert hasil.kesalahan == []
    assert hasil.peringatan == []
    assert hasil.lembar is None
    assert hasil.kolom == {nama: kode for kode, nama in JUDUL_2017.items()}
    assert list(hasil.kolom.values()) == ["U9", "U1", "U7", "U3", "U8", "U4", "U6", "U2", "U5"]  # file order
    assert hasil.kolom_profil == {"Jenis Layanan": "jenis_layanan", "Umur": "umur", "Jenis Kelamin": "jenis_kelamin"}
    assert hasil.responden[1] == _sebagai_jawaban(DATA[1]) | PROFIL_KOSONG | {
        "jenis_kelamin": "P",
        "umur": "27",
        "jenis_layanan": "KTP",
    }
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_xlsx_lembar_data_dengan_baris_judul_di_atas(buat_xlsx):
    isi = buat_xlsx(
        {
            "Petunjuk": [["Isi lembar Data dengan jawaban responden (1–4)."]],
            "Data Responden": [["REKAP SKM KECAMATAN BANYUATES TAHUN 2024"], [], *_susun(KOLOM_TERACAK)],
        }
    )
    hasil = baca_responden(isi, "rekap.xlsx")
    assert hasil.lembar == "Data Responden"
    assert hasil.kesalahan == []
    assert hasil.responden[0]["umur"] == "34"
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_xlsx_memilih_lembar_yang_berisi_kolom_unsur(buat_xlsx):
    isi = buat_xlsx({"Sheet1": [["catatan"]], "Rekap": _susun(KOLOM_DATA)})
    assert baca_responden(isi, "skm.xlsx").lembar == "Rekap"


def test_sumber_berupa_jalur_dan_objek_berkas(tmp_path, buat_csv):
    jalur = tmp_path / "survei.csv"
    jalur.write_bytes(buat_csv(_susun(KOLOM_DATA)))
    dari_jalur = baca_responden(jalur)
    dari_teks_jalur = baca_responden(str(jalur))
    with jalur.open("rb") as berkas:
        dari_objek = baca_responden(berkas)
    assert dari_jalur == dari_teks_jalur == dari_objek
    assert len(dari_jalur.responden) == len(DATA)


def test_berkas_yang_tidak_ada(tmp_path):
    with pytest.raises(IKMError, match="tidak dapat dibaca"):
        baca_responden(tmp_path / "tidak-ada.csv")


@pytest.mark.parametrize("pemisah", [",", ";", "\t"])
@pytest.mark.parametrize("pengodean", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_pemisah_dan_pengodean_csv(buat_csv, pemisah, pengodean):
    tabel = _susun(KOLOM_DATA)
    tabel[1][KOLOM_DATA.index("Jenis Layanan")] = "Surat Keterangan – Domisili"  # en dash: not ASCII
    hasil = baca_responden(buat_csv(tabel, pemisah, pengodean), "survei.csv")
    assert hasil.responden[0]["jenis_layanan"] == "Surat Keterangan – Domisili"
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


@pytest.mark.parametrize("pemisah", [";", "\t", ","])
def test_baris_petunjuk_sep_dari_excel(buat_csv, pemisah):
    isi = f"sep={pemisah}\r\n".encode() + buat_csv(_susun(KOLOM_DATA), pemisah)
    hasil = baca_responden(isi, "survei.csv")
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)
    assert hasil.responden[0]["jenis_layanan"] == "KTP"


def test_ekspor_google_forms(buat_csv):
    # The standard questionnaire asks about sarana (U9) before pengaduan (U8).
    judul = [
        "Cap waktu",
        "Jenis Kelamin",
        "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
        "standar pelayanan dengan hasil yang diberikan?",
        "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "7. Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    ]
    baris = [["2024/03/01 9:15:02", b[9], *b[:7], b[8], b[7]] for b in DATA]
    hasil = baca_responden(buat_csv([judul, *baris]), "Survei Kepuasan (Jawaban).csv")
    assert list(hasil.kolom.values()) == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]
    assert hasil.peringatan == ["Kolom yang tidak dikenali dan diabaikan: 'Cap waktu'."]
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_kolom_tambahan_diabaikan_dengan_peringatan(buat_csv):
    tabel = [["No", "Nama", *KOLOM_DATA, "Catatan"]] + [[i, f"Responden {i}", *b, "-"] for i, b in enumerate(DATA, 1)]
    hasil = baca_responden(buat_csv(tabel), "survei.csv")
    assert hasil.peringatan == ["Kolom yang tidak dikenali dan diabaikan: 'No', 'Nama', 'Catatan'."]
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_nilai_di_luar_rentang_dikumpulkan_dengan_nomor_baris_berkas(buat_csv):
    tabel = _susun(KOLOM_DATA)
    tabel[2][KOLOM_DATA.index("Waktu Penyelesaian")] = 5  # spreadsheet row 3 (header is row 1)
    tabel[4][KOLOM_DATA.index("Persyaratan")] = "x"  # row 5
    tabel[4][KOLOM_DATA.index("Biaya/Tarif")] = 0  # row 5 again
    tabel[5][KOLOM_DATA.index("Sarana dan Prasarana")] = "2.5"  # row 6
    hasil = baca_responden(buat_csv(tabel), "survei.csv")
    assert hasil.kesalahan == [
        (3, "Baris 3, kolom 'Waktu Penyelesaian' (U3): nilai '5' di luar rentang 1–4"),
        (5, "Baris 5, kolom 'Persyaratan' (U1): nilai 'x' bukan angka 1–4"),
        (5, "Baris 5, kolom 'Biaya/Tarif' (U4): nilai '0' di luar rentang 1–4"),
        (6, "Baris 6, kolom 'Sarana dan Prasarana' (U9): nilai '2.5' bukan bilangan bulat 1–4"),
    ]
    assert len(hasil.responden) == len(DATA) - 3  # bad rows are left out


def test_nilai_di_luar_rentang_pada_xlsx(buat_xlsx):
    tabel = [["Rekap"], *_susun(KOLOM_DATA)]
    tabel[3][KOLOM_DATA.index("Kompetensi Pelaksana")] = 7  # sheet row 4: title, header, two data rows above
    hasil = baca_responden(buat_xlsx({"Data": tabel}), "survei.xlsx")
    assert hasil.kesalahan == [(4, "Baris 4, kolom 'Kompetensi Pelaksana' (U6): nilai 7 di luar rentang 1–4")]


def test_kesalahan_dibatasi(buat_csv):
    tabel = [list(JUDUL_2017.values())] + [[9] * 9] * 10
    hasil = baca_responden(buat_csv(tabel), "survei.csv")
    assert len(hasil.kesalahan) == BATAS_KESALAHAN
    assert hasil.kesalahan[-1][0] == 7  # 9 errors per row: rows 2–6 hold 45, row 7 the last 5
    assert hasil.peringatan == [f"Ada 90 kesalahan; hanya {BATAS_KESALAHAN} yang pertama ditampilkan."]
    assert hasil.responden == []


def test_baris_kosong_dan_baris_tanpa_jawaban(buat_csv):
    tabel = _susun(KOLOM_DATA)
    tabel.insert(3, [""] * len(KOLOM_DATA))  # blank row 4: ignored silently
    tabel.insert(5, [""] * 9 + ["L", 40, "KTP"])  # row 6: profile only
    hasil = baca_responden(buat_csv(tabel), "survei.csv")
    assert hasil.peringatan == ["1 baris tanpa jawaban unsur dilewati (baris 6)."]
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_baris_pendek_dianggap_terlewati(buat_csv):
    hasil = baca_responden(buat_csv([list(JUDUL_2017.values()), [4, 4, 4], [3] * 9]), "survei.csv")
    assert hasil.responden[0]["U4"] is None
    assert hitung_ikm(hasil.responden).responden_per_unsur["U1"] == 2


def test_kolom_unsur_hilang(buat_csv):
    kolom = [k for k in KOLOM_DATA if k not in ("Biaya/Tarif", "Sarana dan Prasarana")]
    with pytest.raises(IKMError) as info:
        baca_responden(buat_csv(_susun(kolom)), "survei.csv")
    assert str(info.value) == "Kolom unsur tidak ditemukan: U4 Biaya/Tarif, U9 Sarana dan Prasarana"


def test_judul_ber_koma_tanpa_tanda_kutip_terbaca_sebagai_kolom_ganda():
    # "Sistem, Mekanisme, dan Prosedur" split by an unquoted comma: two columns claim U2.
    teks = ",".join(JUDUL_2017.values()) + "\r\n" + ",".join(["3"] * 9) + "\r\n"
    with pytest.raises(IKMError, match="Beberapa kolom cocok dengan unsur U2 .*: 'Sistem', ' Mekanisme'"):
        baca_responden(teks.encode(), "survei.csv")


def test_kolom_unsur_ganda(buat_csv):
    tabel = [["Waktu", *JUDUL_2017.values()], [3] * 10]
    pesan = "Beberapa kolom cocok dengan unsur U3 Waktu Penyelesaian: 'Waktu', 'Waktu Penyelesaian'"
    with pytest.raises(IKMError, match=pesan):
        baca_responden(buat_csv(tabel), "survei.csv")


def test_tanpa_baris_judul(buat_csv):
    with pytest.raises(IKMError, match="Baris judul kolom tidak ditemukan"):
        baca_responden(buat_csv([["a", "b"], [1, 2]]), "survei.csv")


def test_berkas_2004_dibaca_sebagai_2017_memberi_petunjuk(buat_csv):
    judul = [f"U{i}" for i in range(1, 15)]
    with pytest.raises(IKMError, match="pilih regulasi 2004"):
        baca_responden(buat_csv([judul, [3] * 14]), "survei.csv", regulasi="2017")
    hasil = baca_responden(buat_csv([judul, [3] * 14]), "survei.csv", regulasi="2004")
    assert hitung_ikm(hasil.responden, "2004").nilai == 75


def test_berkas_2017_dibaca_sebagai_2004_memberi_petunjuk(buat_csv):
    with pytest.raises(IKMError, match="pilih regulasi 2017"):
        baca_responden(buat_csv(_susun(KOLOM_DATA)), "survei.csv", regulasi="2004")


def test_berkas_2004_dengan_nama_unsur(buat_xlsx):
    judul = [
        "Keamanan Pelayanan", "Prosedur Pelayanan", "Persyaratan Pelayanan", "Kejelasan Petugas",
        "Kedisiplinan Petugas", "Tanggung Jawab Petugas", "Kemampuan Petugas", "Kecepatan Pelayanan",
        "Keadilan Mendapatkan Pelayanan", "Kesopanan dan Keramahan Petugas", "Kewajaran Biaya",
        "Kepastian Biaya", "Kepastian Jadwal", "Kenyamanan Lingkungan",
    ]  # fmt: skip
    hasil = baca_responden(buat_xlsx({"Responden": [judul, [1] + [4] * 13]}), "skm.xlsx", regulasi="2004")
    assert hasil.responden[0]["U14"] == 1
    assert hasil.responden[0]["U1"] == 4


@pytest.mark.parametrize("isi", [b"", b"   \r\n  \r\n", "\ufeff".encode()])
def test_berkas_csv_kosong(isi):
    with pytest.raises(IKMError, match="^Berkas kosong$"):
        baca_responden(isi, "survei.csv")


def test_berkas_hanya_judul(buat_csv, buat_xlsx):
    with pytest.raises(IKMError, match="hanya berisi baris judul"):
        baca_responden(buat_csv([list(JUDUL_2017.values())]), "survei.csv")
    with pytest.raises(IKMError, match="hanya berisi baris judul"):
        baca_responden(buat_xlsx({"Data": [list(JUDUL_2017.values()), [None] * 9]}), "survei.xlsx")


def test_xlsx_kosong(buat_xlsx):
    with pytest.raises(IKMError, match="^Berkas kosong$"):
        baca_responden(buat_xlsx({"Sheet1": []}), "survei.xlsx")


def test_tidak_ada_responden_yang_menjawab(buat_csv):
    with pytest.raises(IKMError, match="Tidak ada responden yang mengisi jawaban unsur"):
        baca_responden(buat_csv([[*JUDUL_2017.values(), "Umur"], [""] * 9 + [30]]), "survei.csv")


def test_berkas_biner_bernama_csv():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    with pytest.raises(IKMError, match="data biner"):
        baca_responden(png, "survei.csv")


def test_xlsx_rusak(buat_csv):
    with pytest.raises(IKMError, match="rusak atau bukan XLSX"):
        baca_responden(b"ini bukan lembar kerja", "survei.xlsx")
    with pytest.raises(IKMError, match="rusak atau bukan XLSX"):
        baca_responden(buat_csv(_susun(KOLOM_DATA)), "survei.xlsx")


def test_xlsx_terpotong(buat_xlsx):
    isi = buat_xlsx({"Data": _susun(KOLOM_DATA)})
    with pytest.raises(IKMError, match="rusak atau bukan XLSX"):
        baca_responden(isi[: len(isi) // 2], "survei.xlsx")


def test_zip_yang_bukan_xlsx():
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as arsip:
        arsip.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(IKMError, match="rusak atau bukan XLSX"):
        baca_responden(isi.getvalue(), "laporan.docx")


def test_xlsx_bernama_csv_tetap_dibaca(buat_xlsx):
    hasil = baca_responden(buat_xlsx({"Data": _susun(KOLOM_DATA)}), "survei.csv")
    assert hitung_ikm(hasil.responden) == hitung_ikm(JAWABAN)


def test_xls_lama_dan_format_lain_ditolak():
    with pytest.raises(IKMError, match=r"\.xls\) tidak didukung"):
        baca_responden(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "survei.xls")
    with pytest.raises(IKMError, match=r"Format berkas \.pdf tidak didukung"):
        baca_responden(b"%PDF-1.7 ...", "survei.pdf")


def test_per_jenis_layanan_dari_berkas(buat_csv):
    hasil = baca_responden(buat_csv(_susun(KOLOM_TERACAK)), "survei.csv")
    per_layanan = hitung_ikm_per_layanan(hasil.responden)
    assert list(per_layanan) == [SEMUA, "Akta Kelahiran", "Kartu Keluarga", "KTP"]
    assert per_layanan["KTP"].nilai == hitung_ikm([JAWABAN[0], JAWABAN[1], JAWABAN[5]]).nilai
    assert per_layanan["Akta Kelahiran"].jumlah_responden == 1


# --- column order never changes the result ------------------------------------------------------

_SKOR_SEL = st.sampled_from([1, 2, 3, 4, ""])


# The builder fixtures are stateless functions, so sharing them between examples is harmless.
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.lists(st.lists(_SKOR_SEL, min_size=9, max_size=9), min_size=1, max_size=15).filter(
        lambda d: any(v != "" for baris in d for v in baris)
    ),
    urutan=st.permutations(list(JUDUL_2017.values()) + ["Jenis Layanan", "Keterangan"]),
    format_berkas=st.sampled_from(["csv,", "csv;", "csv\t", "xlsx"]),
)
def test_urutan_kolom_tidak_mengubah_hasil(buat_csv, buat_xlsx, data, urutan, format_berkas):
    judul = [*JUDUL_2017.values(), "Jenis Layanan", "Keterangan"]
    tabel = _susun(list(urutan), judul, [[*b, "KTP", "catatan"] for b in data])
    if format_berkas == "xlsx":
        isi = buat_xlsx({"Data": tabel})
    else:
        isi = buat_csv(tabel, format_berkas[-1])
    hasil = baca_responden(isi, "survei.xlsx" if format_berkas == "xlsx" else "survei.csv")
    dibaca = [b for b in data if any(v != "" for v in b)]
    assert hasil.kesalahan == []
    assert hitung_ikm(hasil.responden) == hitung_ikm([_sebagai_jawaban(b) for b in dibaca])
