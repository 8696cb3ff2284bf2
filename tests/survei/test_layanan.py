"""The survey service: preview and import (CSV/XLSX, both regulations, bad files), paper
questionnaires, results, scope and audit."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kinerja.audit.models import Jejak
from kinerja.ikm import IKMError
from kinerja.survei import layanan
from kinerja.survei.models import Responden, Survei

from .conftest import (
    IKM_2004,
    IKM_2004_LAMA,
    IKM_2017,
    IKM_2017_LAMA,
    JAWABAN_2004,
    JAWABAN_2017,
    KODE_2004,
    KODE_2017,
    NRR_2017,
    ke_csv,
    ke_xlsx,
    tabel,
)

pytestmark = pytest.mark.django_db

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


@pytest.mark.parametrize("ke_berkas, nama", [(ke_csv, "jawaban.csv"), (ke_xlsx, "jawaban.xlsx")])
@pytest.mark.parametrize(
    "jawaban, kode, regulasi, bobot, ikm",
    [
        (JAWABAN_2017, KODE_2017, "2017", "tepat", IKM_2017),
        (JAWABAN_2017, KODE_2017, "2017", "lama", IKM_2017_LAMA),
        (JAWABAN_2004, KODE_2004, "2004", "tepat", IKM_2004),
        (JAWABAN_2004, KODE_2004, "2004", "lama", IKM_2004_LAMA),
    ],
)
def test_preview_gives_the_known_index_and_writes_nothing(ke_berkas, nama, jawaban, kode, regulasi, bobot, ikm):
    pratinjau = layanan.pratinjau_impor(ke_berkas(tabel(jawaban, kode)), nama, regulasi, bobot=bobot)
    assert pratinjau.bisa_disimpan and not pratinjau.kesalahan
    assert len(pratinjau.responden) == len(jawaban)
    assert pratinjau.hasil.nilai_dibulatkan == Decimal(ikm)
    assert pratinjau.hasil.mutu == "B" and pratinjau.hasil.kinerja == "Baik"
    assert not Responden.objects.exists() and not Jejak.objects.filter(aksi="impor_skm").exists()


def test_preview_matches_columns_by_name_not_position():
    urutan = [8, 0, 5, 2, 7, 1, 4, 3, 6]  # a questionnaire with its own order and full unsur names
    jawaban = [[baris[i] for i in urutan] for baris in JAWABAN_2017]
    pratinjau = layanan.pratinjau_impor(
        ke_csv(tabel(jawaban, KODE_2017, judul=[NAMA_2017[i] for i in urutan]), pemisah=";"), "acak.csv", "2017"
    )
    assert [pratinjau.hasil.nrr[k] for k in KODE_2017] == [Decimal(n) for n in NRR_2017]
    assert pratinjau.hasil.nilai_dibulatkan == Decimal(IKM_2017)


def test_preview_lists_scores_outside_1_to_4_by_row():
    jawaban = [list(baris) for baris in JAWABAN_2017]
    jawaban[1][2] = 5
    jawaban[3][8] = 0
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(jawaban, KODE_2017)), "salah.csv", "2017")
    assert not pratinjau.bisa_disimpan
    assert [baris for baris, _ in pratinjau.kesalahan] == [3, 5]  # spreadsheet rows: the header is row 1
    assert "di luar rentang 1–4" in pratinjau.kesalahan[0][1] and "U3" in pratinjau.kesalahan[0][1]
    assert len(pratinjau.responden) == 2  # the IKM shown is that of the valid rows only


def test_preview_keeps_extra_columns_out_of_the_index_with_a_warning():
    baris = tabel(
        JAWABAN_2017, KODE_2017, profil={"Catatan petugas": ["a", "b", "c", "d"], "Jenis Kelamin": list("LPLP")}
    )
    pratinjau = layanan.pratinjau_impor(ke_xlsx(baris), "lebih.xlsx", "2017")
    assert pratinjau.bisa_disimpan
    assert pratinjau.hasil.nilai_dibulatkan == Decimal(IKM_2017)
    assert any("Catatan petugas" in p for p in pratinjau.peringatan)
    assert pratinjau.kolom_profil == {"Jenis Kelamin": "jenis_kelamin"}


@pytest.mark.parametrize(
    "isi, nama, pesan",
    [
        (b"", "kosong.csv", "Berkas kosong"),
        (
            ke_csv(tabel(JAWABAN_2017, KODE_2017))[:40].split(b"\r\n")[0] + b"\r\n",
            "judul.csv",
            "hanya berisi baris judul",
        ),
        (ke_csv([row[:7] for row in tabel(JAWABAN_2017, KODE_2017)]), "kurang.csv", "Kolom unsur tidak ditemukan: U8"),
        (ke_xlsx([row[:8] for row in tabel(JAWABAN_2017, KODE_2017)]), "kurang.xlsx", "U9 Sarana dan Prasarana"),
        (ke_xlsx([]), "kosong.xlsx", "Berkas kosong"),
        (b"bukan,data\r\n1,2\r\n", "lain.csv", "Baris judul kolom tidak ditemukan"),
        (ke_csv(tabel(JAWABAN_2004, KODE_2004)), "2004.csv", "pilih regulasi 2004"),
        (
            ke_csv(tabel(JAWABAN_2017, KODE_2017, {"Layanan": ["KTP", "Semua", "", ""]})),
            "semua.csv",
            "jenis layanan tidak boleh bernama 'Semua'",
        ),
    ],
)
def test_preview_refuses_an_unusable_file(isi, nama, pesan):
    with pytest.raises(IKMError, match=pesan):
        layanan.pratinjau_impor(isi, nama, "2017")


def test_import_saves_all_rows_with_an_audit_record(kantor, survei):
    profil = {"Jenis layanan": ["KTP", "KK", "KTP", ""], "Umur": ["25", "41", "", "67"]}
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017, profil)), "jawaban.csv", "2017")
    baru = layanan.simpan_impor(kantor.admin, survei, pratinjau)
    assert [r.nomor for r in baru] == [1, 2, 3, 4]
    pertama = Responden.objects.get(survei=survei, nomor=1)
    assert pertama.jawaban == dict(zip(KODE_2017, JAWABAN_2017[0], strict=True))
    assert (pertama.jenis_layanan, pertama.umur, pertama.sumber, pertama.dibuat_oleh) == (
        "KTP",
        "25",
        "jawaban.csv",
        kantor.admin,
    )
    assert Responden.objects.get(survei=survei, nomor=3).jawaban["U3"] is None
    jejak = Jejak.objects.get(aksi="impor_skm")
    assert jejak.pengguna == kantor.admin and jejak.perubahan["jumlah_responden"] == [0, 4]
    hasil = layanan.hasil_survei(survei)
    assert hasil.nilai_dibulatkan == Decimal(IKM_2017) and hasil.unsur_terlemah(3) == ["U3", "U8", "U2"]
    per_layanan = layanan.hasil_per_layanan(survei)
    assert list(per_layanan) == ["Semua", "KK", "KTP"]
    assert per_layanan["KTP"].jumlah_responden == 2


def test_a_second_import_appends_or_replaces(kantor, survei_terisi):
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017[:2], KODE_2017)), "tambahan.csv", "2017")
    layanan.simpan_impor(kantor.admin, survei_terisi, pratinjau)
    assert list(survei_terisi.responden.values_list("nomor", flat=True)) == [1, 2, 3, 4, 5, 6]
    layanan.simpan_impor(kantor.admin, survei_terisi, pratinjau, ganti=True)
    assert survei_terisi.responden.count() == 2
    assert Jejak.objects.filter(aksi="impor_skm").first().perubahan["jumlah_responden"] == [6, 2]


def test_import_with_errors_is_refused_whole(kantor, survei):
    jawaban = [list(baris) for baris in JAWABAN_2017]
    jawaban[0][0] = 7
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(jawaban, KODE_2017)), "salah.csv", "2017")
    with pytest.raises(ValidationError, match="1 kesalahan"):
        layanan.simpan_impor(kantor.admin, survei, pratinjau)
    assert not survei.responden.exists() and not Jejak.objects.filter(aksi="impor_skm").exists()


def test_import_refuses_another_regulation_and_a_final_survey(kantor, survei_terisi):
    pratinjau_2004 = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2004, KODE_2004)), "lama.csv", "2004")
    with pytest.raises(ValidationError, match="regulasi 2004"):
        layanan.simpan_impor(kantor.admin, survei_terisi, pratinjau_2004)
    layanan.finalkan(kantor.admin, survei_terisi)
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017)), "lagi.csv", "2017")
    with pytest.raises(ValidationError, match="sudah final"):
        layanan.simpan_impor(kantor.admin, survei_terisi, pratinjau)
    with pytest.raises(ValidationError, match="sudah final"):
        layanan.tambah_responden(kantor.admin, survei_terisi, {"U1": 4})
    assert survei_terisi.responden.count() == 4


def test_only_catalogue_keepers_write_and_other_offices_get_404(kantor, survei):
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017)), "jawaban.csv", "2017")
    with pytest.raises(PermissionDenied):
        layanan.simpan_impor(kantor.camat, survei, pratinjau)
    with pytest.raises(PermissionDenied):
        layanan.tambah_responden(kantor.camat, survei, {"U1": 4})
    with pytest.raises(PermissionDenied):
        layanan.buat_survei(kantor.camat, kantor.instansi, tahun=2024, periode="TW1")
    with pytest.raises(Http404):
        layanan.simpan_impor(kantor.admin_lain, survei, pratinjau)
    with pytest.raises(Http404):
        layanan.finalkan(kantor.admin_lain, survei)
    with pytest.raises(Http404):
        layanan.survei_atau_404(kantor.admin_lain, survei.pk)
    assert layanan.survei_atau_404(kantor.camat, survei.pk) == survei  # reading is allowed
    assert not survei.responden.exists()


def test_paper_questionnaire_validates_every_field_at_once(kantor, survei):
    with pytest.raises(ValidationError) as galat:
        layanan.tambah_responden(kantor.admin, survei, {"U1": "5", "U2": "dua", "U10": 3})
    assert set(galat.value.message_dict) == {"U1", "U2", "U10"}
    assert "di luar rentang 1–4" in galat.value.message_dict["U1"][0]
    with pytest.raises(ValidationError, match="tidak boleh bernama 'Semua'"):
        layanan.tambah_responden(kantor.admin, survei, {"U1": 4, "jenis_layanan": " semua "})
    with pytest.raises(ValidationError, match="paling sedikit satu unsur"):
        layanan.tambah_responden(kantor.admin, survei, {"U1": "", "jenis_kelamin": "L"})
    assert not survei.responden.exists()

    pertama = layanan.tambah_responden(kantor.admin, survei, {"U1": "4", "U9": 2, "umur": " 35 ", "jenis_kelamin": "P"})
    kedua = layanan.tambah_responden(kantor.admin, survei, dict(zip(KODE_2017, JAWABAN_2017[0], strict=True)))
    assert (pertama.nomor, kedua.nomor) == (1, 2)
    assert pertama.jawaban == {"U1": 4, **dict.fromkeys(KODE_2017[1:8]), "U9": 2}
    assert (pertama.umur, pertama.jenis_kelamin, pertama.sumber) == ("35", "P", "formulir")
    assert Jejak.objects.filter(aksi="tambah_responden_skm").count() == 2
    # Skipped unsur do not count: U1 = (4 + 4) / 2, U2 only from the second respondent.
    assert layanan.hasil_survei(survei).nrr["U1"] == 4 and layanan.hasil_survei(survei).nrr["U2"] == 3


def test_deleting_a_respondent_keeps_the_other_numbers(kantor, survei_terisi):
    layanan.hapus_responden(kantor.admin, survei_terisi.responden.get(nomor=2))
    assert list(survei_terisi.responden.values_list("nomor", flat=True)) == [1, 3, 4]
    assert layanan.tambah_responden(kantor.admin, survei_terisi, {"U1": 1}).nomor == 5
    assert Jejak.objects.filter(aksi="hapus_responden_skm").exists()


def test_a_period_has_one_survey_and_the_year_is_checked(kantor, survei):
    with pytest.raises(ValidationError, match="sudah ada"):
        layanan.buat_survei(kantor.admin, kantor.instansi, tahun=survei.tahun, periode=survei.periode)
    with pytest.raises(ValidationError, match="antara 2000 dan 2100"):
        layanan.buat_survei(kantor.admin, kantor.instansi, tahun=1999, periode="TW1")
    with pytest.raises(ValidationError) as galat:
        layanan.buat_survei(kantor.admin, kantor.instansi, tahun=2025, periode="TW9")
    assert "periode" in galat.value.message_dict
    with pytest.raises(ValidationError, match="tidak boleh bernama 'Semua'"):
        layanan.buat_survei(kantor.admin, kantor.instansi, tahun=2025, periode="TW1", jenis_layanan=["KTP", "semua"])
    dibuat = layanan.buat_survei(
        kantor.admin,
        kantor.instansi,
        tahun=2025,
        periode="S1",
        regulasi="2004",
        bobot="lama",
        populasi=500,
        jenis_layanan=[" KTP ", "ktp", "", "Kartu  Keluarga"],
    )
    assert dibuat.jenis_layanan == ["KTP", "Kartu Keluarga"]
    assert str(dibuat) == "SKM Kecamatan Uji Semester I 2025"
    assert Survei.objects.filter(instansi=kantor.instansi).count() == 2


def test_result_warns_when_the_sample_is_below_the_minimum(kantor, survei_terisi):
    Survei.objects.filter(pk=survei_terisi.pk).update(populasi=100)
    survei_terisi.refresh_from_db()
    hasil = layanan.hasil_survei(survei_terisi)
    assert hasil.sampel_minimum == 80
    assert any("kurang dari sampel minimum" in p for p in hasil.peringatan)


def test_a_survey_without_respondents_has_no_result_and_cannot_be_finalised(kantor, survei):
    with pytest.raises(IKMError):
        layanan.hasil_survei(survei)
    with pytest.raises(ValidationError, match="Tidak ada responden"):
        layanan.finalkan(kantor.admin, survei)
    survei.refresh_from_db()
    assert survei.status == "draft"
