"""The organisation's write path (kinerja.organisasi.layanan): unit kerja, jabatan, pegawai, penugasan.
Each write is audited; bad input raises a message by field and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kinerja.audit.models import Jejak
from kinerja.iki.models import Sasaran
from kinerja.organisasi import layanan
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Pemda, Penugasan, UnitKerja
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db

NIP = "19860627 201412 1 001"


@pytest.fixture
def pengguna(django_user_model):
    return django_user_model.objects.create(username="perencana")


@pytest.fixture
def instansi():
    return Instansi.objects.create(pemda=Pemda.objects.create(nama="Kabupaten Uji"), nama="Kecamatan Kosong")


def potret():
    return (
        list(UnitKerja.objects.values()),
        list(Jabatan.objects.values()),
        list(Pegawai.objects.values()),
        list(Penugasan.objects.values()),
        Jejak.objects.count(),
    )


def aksi():
    return [j.aksi for j in Jejak.objects.order_by("id")]


def test_unit_kerja_and_jabatan_built_from_nothing(pengguna, instansi):
    sekretariat = layanan.buat_unit_kerja(pengguna, instansi, nama=" Sekretariat ", jenis="sekretariat")
    umum = layanan.buat_unit_kerja(pengguna, instansi, nama="Subbag Umum", jenis="subbagian", induk=sekretariat)
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat", eselon="III.a", tugas="Memimpin kecamatan\n\n")
    sekcam = layanan.buat_jabatan(
        pengguna,
        instansi,
        nama="Sekretaris Kecamatan",
        unit_kerja=sekretariat,
        atasan=camat,
        tugas=["Mengoordinasikan administrasi", "  Membina   pegawai "],
        fungsi="Penyusunan program\nPengelolaan keuangan",
    )
    assert sekretariat.nama == "Sekretariat" and umum.induk == sekretariat
    assert camat.tugas == ["Memimpin kecamatan"] and camat.fungsi == []
    assert sekcam.tugas == ["Mengoordinasikan administrasi", "Membina pegawai"]
    assert sekcam.fungsi == ["Penyusunan program", "Pengelolaan keuangan"] and sekcam.urutan > camat.urutan
    layanan.ubah_jabatan(pengguna, sekcam, eselon="III.b", tugas=["Satu tugas"])
    sekcam.refresh_from_db()
    assert sekcam.eselon == "III.b" and sekcam.tugas == ["Satu tugas"]
    catatan = Jejak.objects.get(aksi="ubah_jabatan")
    assert catatan.perubahan == {
        "eselon": ["", "III.b"],
        "tugas": [["Mengoordinasikan administrasi", "Membina pegawai"], ["Satu tugas"]],
    }
    layanan.geser_jabatan(pengguna, sekcam, -1)
    assert list(Jabatan.objects.filter(instansi=instansi).order_by("urutan")) == [sekcam, camat]
    assert aksi() == ["tambah_unit_kerja"] * 2 + ["tambah_jabatan"] * 2 + ["ubah_jabatan", "urutkan_jabatan"]


@pytest.mark.parametrize(
    ("buat", "bidang", "pesan"),
    [
        (lambda p, i, j: layanan.buat_jabatan(p, i, nama="camat"), "nama", "Jabatan “camat” sudah ada"),
        (lambda p, i, j: layanan.buat_jabatan(p, i, nama=""), "nama", "tidak boleh kosong"),
        (lambda p, i, j: layanan.buat_jabatan(p, i, nama="Kasi", jenis="direktur"), "jenis", "direktur"),
        (lambda p, i, j: layanan.buat_jabatan(p, i, nama="Kasi", tugas=[1, 2]), "tugas", "daftar teks"),
        (lambda p, i, j: layanan.ubah_jabatan(p, j["camat"], atasan=j["camat"]), "atasan", "atasannya sendiri"),
        (lambda p, i, j: layanan.ubah_jabatan(p, j["camat"], atasan=j["sekcam"]), "atasan", "lingkaran"),
        (lambda p, i, j: layanan.ubah_jabatan(p, j["sekcam"], atasan=j["asing"]), "atasan", "instansi yang sama"),
        (
            lambda p, i, j: layanan.buat_unit_kerja(p, i, nama="Umum", jenis="seksi", induk=j["unit_asing"]),
            "induk",
            "sama",
        ),
        (lambda p, i, j: layanan.buat_unit_kerja(p, i, nama="Umum", jenis="bidang"), "jenis", "bidang"),
    ],
)
def test_bad_organisation_input_changes_nothing(pengguna, instansi, buat, bidang, pesan):
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat")
    sekcam = layanan.buat_jabatan(pengguna, instansi, nama="Sekretaris Kecamatan", atasan=camat)
    lain = katalog_kecil(nama_instansi="Kecamatan Lain").instansi
    j = {
        "camat": camat,
        "sekcam": sekcam,
        "asing": Jabatan.objects.get(instansi=lain, nama="Camat"),
        "unit_asing": UnitKerja.objects.create(instansi=lain, nama="Seksi Asing", jenis="seksi"),
    }
    sebelum = potret()
    with pytest.raises(ValidationError) as exc:
        buat(pengguna, instansi, j)
    assert any(pesan in m for m in exc.value.message_dict[bidang]), exc.value.message_dict
    assert potret() == sebelum


def test_a_jabatan_in_use_is_not_deleted_and_says_why(pengguna):
    dokumen = katalog_kecil()
    camat = Jabatan.objects.get(instansi=dokumen.instansi, nama="Camat")
    with pytest.raises(ValidationError) as exc:
        layanan.hapus_jabatan(pengguna, camat)
    assert "masih menjadi atasan jabatan lain" in exc.value.messages[0]
    assert "sasaran atau tujuan" in exc.value.messages[0]
    kosong = layanan.buat_jabatan(pengguna, dokumen.instansi, nama="Caraka", jenis="pelaksana")
    layanan.hapus_jabatan(pengguna, kosong)
    assert not Jabatan.objects.filter(pk=kosong.pk).exists() and Jejak.objects.filter(aksi="hapus_jabatan").exists()
    assert Sasaran.objects.filter(jabatan=camat).exists()


def test_a_unit_kerja_with_jabatan_is_not_deleted(pengguna, instansi):
    unit = layanan.buat_unit_kerja(pengguna, instansi, nama="Seksi Pemerintahan", jenis="seksi")
    kasi = layanan.buat_jabatan(pengguna, instansi, nama="Kasi Pemerintahan", unit_kerja=unit)
    with pytest.raises(ValidationError, match="masih memiliki jabatan"):
        layanan.hapus_unit_kerja(pengguna, unit)
    layanan.ubah_jabatan(pengguna, kasi, unit_kerja=None)
    layanan.hapus_unit_kerja(pengguna, unit)
    assert not UnitKerja.objects.exists()


def test_pegawai_with_the_first_penugasan_then_more(pengguna, instansi):
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat")
    sekcam = layanan.buat_jabatan(pengguna, instansi, nama="Sekretaris Kecamatan", atasan=camat)
    pegawai = layanan.buat_pegawai(
        pengguna, nama="Drs. Ahmad", nip="NIP. " + NIP, pangkat="Pembina Tk. I", jabatan=camat, mulai=date(2024, 1, 2)
    )
    assert pegawai.nip == NIP.replace(" ", "") and pegawai.pangkat == "IV/b"
    assert camat.pemegang(date(2024, 6, 1)) == pegawai
    plt = layanan.buat_penugasan(pengguna, pegawai=pegawai, jabatan=sekcam, mulai=date(2024, 3, 1), jenis="plt")
    layanan.ubah_penugasan(pengguna, plt, selesai=date(2024, 5, 31))
    assert sekcam.pemegang(date(2024, 6, 1)) is None and sekcam.pemegang(date(2024, 4, 1)) == pegawai
    layanan.ubah_pegawai(pengguna, pegawai, pangkat="IV/c")
    pegawai.refresh_from_db()
    assert pegawai.pangkat == "IV/c"
    assert list(layanan.pegawai_instansi(instansi)) == [pegawai]
    assert aksi()[-5:] == ["tambah_pegawai", "tambah_penugasan", "tambah_penugasan", "ubah_penugasan", "ubah_pegawai"]
    assert Jejak.objects.get(aksi="ubah_pegawai").perubahan == {"pangkat": ["IV/b", "IV/c"]}


@pytest.mark.parametrize(
    ("data", "bidang", "pesan"),
    [
        ({"nip": "1986062720141210"}, "nip", "NIP harus 18 digit, bukan 16"),
        ({"nip": "19861327 201412 1 001"}, "nip", "Tanggal lahir 1986-13-27 pada NIP tidak ada"),
        ({"nip": NIP}, "nip", "sudah terdaftar untuk pegawai lain"),
        ({"pangkat": "Penata Agung"}, "pangkat", "tidak dikenal"),
        ({"pangkat": "Pembina (III/a)"}, "pangkat", "tidak konsisten"),
        ({"nama": " "}, "nama", "Nama pegawai wajib diisi."),
        ({"mulai": None}, "mulai", "Tanggal mulai penugasan wajib diisi."),
    ],
)
def test_bad_pegawai_changes_nothing(pengguna, instansi, data, bidang, pesan):
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat")
    layanan.buat_pegawai(pengguna, nama="Yang Lama", nip=NIP)
    sebelum = potret()
    isi = {"nama": "Budi", "nip": "", "pangkat": "", "jabatan": camat, "mulai": date(2024, 1, 1)} | data
    with pytest.raises(ValidationError) as exc:
        layanan.buat_pegawai(pengguna, **isi)
    assert any(pesan in m for m in exc.value.message_dict[bidang]), exc.value.message_dict
    assert potret() == sebelum


def test_penugasan_dates_are_checked(pengguna, instansi):
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat")
    pegawai = layanan.buat_pegawai(pengguna, nama="Budi", jabatan=camat, mulai=date(2024, 1, 1))
    sebelum = potret()
    with pytest.raises(ValidationError) as exc:
        layanan.buat_penugasan(
            pengguna, pegawai=pegawai, jabatan=camat, mulai=date(2024, 6, 1), selesai=date(2024, 5, 1)
        )
    assert exc.value.message_dict == {"selesai": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]}
    with pytest.raises(ValidationError, match="sudah ditugaskan pada jabatan yang sama"):
        layanan.buat_penugasan(pengguna, pegawai=pegawai, jabatan=camat, mulai=date(2025, 1, 1))
    assert potret() == sebelum
    penugasan = Penugasan.objects.get()
    layanan.ubah_penugasan(pengguna, penugasan, selesai=date(2024, 12, 31))
    layanan.buat_penugasan(pengguna, pegawai=pegawai, jabatan=camat, mulai=date(2025, 1, 1), jenis="plt")
    assert Penugasan.objects.count() == 2


def test_hapus_pegawai_only_when_it_is_this_instansi_s_alone(pengguna, instansi, django_user_model):
    camat = layanan.buat_jabatan(pengguna, instansi, nama="Camat")
    lain = katalog_kecil(nama_instansi="Kecamatan Lain").instansi
    pindahan = layanan.buat_pegawai(pengguna, nama="Pindahan", jabatan=camat, mulai=date(2024, 1, 1))
    layanan.buat_penugasan(
        pengguna, pegawai=pindahan, jabatan=Jabatan.objects.get(instansi=lain, nama="Camat"), mulai=date(2025, 1, 1)
    )
    with pytest.raises(ValidationError, match="juga bertugas di instansi lain"):
        layanan.hapus_pegawai(pengguna, pindahan, instansi)
    salah = layanan.buat_pegawai(pengguna, nama="Salah catat", jabatan=camat, mulai=date(2024, 1, 1))
    layanan.hapus_pegawai(pengguna, salah, instansi)
    assert not Pegawai.objects.filter(pk=salah.pk).exists()
    assert Jejak.objects.filter(aksi="hapus_pegawai").count() == 1


def test_unit_kerja_move(pengguna, instansi):
    a = layanan.buat_unit_kerja(pengguna, instansi, nama="Sekretariat", jenis="sekretariat")
    b = layanan.buat_unit_kerja(pengguna, instansi, nama="Seksi Pemerintahan", jenis="seksi")
    layanan.geser_unit_kerja(pengguna, a, 1)
    assert list(UnitKerja.objects.filter(instansi=instansi).order_by("urutan")) == [b, a]
    assert Jejak.objects.get(aksi="urutkan_unit_kerja").perubahan["urutan"] == {str(a.pk): [1, 2], str(b.pk): [2, 1]}
