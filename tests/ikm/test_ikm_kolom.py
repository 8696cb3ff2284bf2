"""Header matching: columns are found by name, tolerant of case, punctuation and numbering."""

import pytest

from kinerja.ikm import KOLOM_PROFIL, REGULASI, UNSUR_2004, UNSUR_2017, ambil_regulasi
from kinerja.ikm.kolom import normalkan, petakan_kolom

NAMA_2017 = [
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
]
NAMA_2004 = [
    "Prosedur pelayanan",
    "Persyaratan pelayanan",
    "Kejelasan petugas pelayanan",
    "Kedisiplinan petugas pelayanan",
    "Tanggung jawab petugas pelayanan",
    "Kemampuan petugas pelayanan",
    "Kecepatan pelayanan",
    "Keadilan mendapatkan pelayanan",
    "Kesopanan dan keramahan petugas",
    "Kewajaran biaya pelayanan",
    "Kepastian biaya pelayanan",
    "Kepastian jadwal pelayanan",
    "Kenyamanan lingkungan",
    "Keamanan pelayanan",
]


def _kode(judul: str, regulasi: str = "2017") -> str | None:
    pemetaan = petakan_kolom([judul], ambil_regulasi(regulasi))
    return pemetaan.unsur.get(0) or pemetaan.profil.get(0)


def test_definisi_unsur_sesuai_regulasi():
    assert [(u.kode, u.nama) for u in UNSUR_2017] == [(f"U{i}", n) for i, n in enumerate(NAMA_2017, 1)]
    assert [(u.kode, u.nama) for u in UNSUR_2004] == [(f"U{i}", n) for i, n in enumerate(NAMA_2004, 1)]


@pytest.mark.parametrize("regulasi", ["2017", "2004"])
def test_alias_tidak_bertabrakan_dan_sudah_ternormalkan(regulasi):
    semua = [a for u in REGULASI[regulasi].unsur for a in u.alias] + [a for p in KOLOM_PROFIL for a in p.alias]
    assert len(semua) == len(set(semua))
    assert all(normalkan(a) == a for a in semua)


@pytest.mark.parametrize(("regulasi", "nama"), [("2017", NAMA_2017), ("2004", NAMA_2004)])
def test_nama_resmi_dikenali_dalam_urutan_apa_pun(regulasi, nama):
    pemetaan = petakan_kolom(list(reversed(nama)), ambil_regulasi(regulasi))
    assert pemetaan.unsur == {len(nama) - i: f"U{i}" for i in range(1, len(nama) + 1)}
    assert pemetaan.tidak_dikenal == []


@pytest.mark.parametrize(
    ("judul", "kode"),
    [
        ("U1", "U1"),
        ("u1", "U1"),
        ("U 1", "U1"),
        ("U-01", "U1"),
        ("Unsur 9", "U9"),
        ("1. Persyaratan", "U1"),
        ("U1 - Persyaratan", "U1"),
        ("PERSYARATAN PELAYANAN", "U1"),
        ("Sistem, Mekanisme dan Prosedur", "U2"),
        ("Prosedur", "U2"),
        ("Waktu", "U3"),
        ("Biaya", "U4"),
        ("Tarif", "U4"),
        ("Produk", "U5"),
        ("Kompetensi", "U6"),
        ("Perilaku", "U7"),
        ("Pengaduan", "U8"),
        ("Sarana", "U9"),
        ("Sarana & Prasarana", "U9"),
        ("  sarana   dan prasarana ", "U9"),
        # whole questions of the standard questionnaire (e.g. a Google Forms export)
        ("1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", "U1"),
        ("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", "U2"),
        ("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", "U3"),
        ("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", "U4"),
        (
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
            "dalam standar pelayanan dengan hasil yang diberikan?",
            "U5",
        ),
        ("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", "U6"),
        ("Bagaimana pendapat Saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", "U7"),
        ("8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", "U9"),
        ("9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", "U8"),
        ("Jenis Kelamin", "jenis_kelamin"),
        ("L/P", "jenis_kelamin"),
        ("Usia (tahun)", "umur"),
        ("Pendidikan Terakhir", "pendidikan"),
        ("Pekerjaan", "pekerjaan"),
        ("Jenis Layanan", "jenis_layanan"),
        ("Jenis pelayanan yang Anda terima", "jenis_layanan"),
    ],
)
def test_judul_kolom_2017(judul, kode):
    assert _kode(judul) == kode


@pytest.mark.parametrize(
    ("judul", "kode"),
    [
        ("U14", "U14"),
        ("Prosedur", "U1"),
        ("Persyaratan", "U2"),
        ("Tanggung Jawab Petugas", "U5"),
        ("Kecepatan", "U7"),
        ("Kewajaran Biaya", "U10"),
        ("Kepastian Biaya", "U11"),
        (
            "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan "
            "dengan biaya yang telah ditetapkan?",
            "U11",
        ),
        ("Kepastian Jadwal", "U12"),
        ("Bagaimana pendapat Saudara tentang kejelasan dan kepastian petugas yang melayani?", "U3"),
    ],
)
def test_judul_kolom_2004(judul, kode):
    assert _kode(judul, "2004") == kode


@pytest.mark.parametrize(
    "judul", ["No", "Nama Responden", "Cap waktu", "Timestamp", "U10", "Catatan", "1", "Kepastian"]
)
def test_judul_lain_tidak_dikenali(judul):
    pemetaan = petakan_kolom([judul], ambil_regulasi("2017"))
    assert pemetaan.tidak_dikenal == [0]


def test_sel_judul_kosong_dilewati():
    pemetaan = petakan_kolom([None, "", "U1"], ambil_regulasi("2017"))
    assert pemetaan.unsur == {2: "U1"}
    assert pemetaan.tidak_dikenal == []


def test_kecocokan_kuat_mengalahkan_kecocokan_kata_kunci():
    # "Waktu Penyelesaian" is an alias; the question text only matches by keywords.
    judul = ["Kecepatan waktu dalam memberikan pelayanan", "Waktu Penyelesaian"]
    pemetaan = petakan_kolom(judul, ambil_regulasi("2017"))
    assert pemetaan.unsur == {1: "U3"}
    assert pemetaan.tidak_dikenal == [0]
    assert pemetaan.ganda == []


def test_dua_kolom_sama_kuat_untuk_satu_unsur_dilaporkan():
    pemetaan = petakan_kolom(["Waktu", "U3"], ambil_regulasi("2017"))
    assert pemetaan.unsur == {}
    assert pemetaan.ganda == ["Beberapa kolom cocok dengan unsur U3 Waktu Penyelesaian: 'Waktu', 'U3'"]


def test_kolom_profil_ganda_memakai_yang_pertama():
    pemetaan = petakan_kolom(["Umur", "Usia"], ambil_regulasi("2017"))
    assert pemetaan.profil == {0: "umur"}
    assert pemetaan.tidak_dikenal == [1]
