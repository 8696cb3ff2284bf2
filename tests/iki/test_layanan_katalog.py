"""The catalogue's write path (kinerja.iki.layanan): a draft's tujuan, sasaran, indikator with its
variables, konstanta and a new document. Each write is audited; bad input changes nothing and says
why, by field; a decreed document refuses every one of them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from kinerja.audit.models import Jejak
from kinerja.iki import layanan
from kinerja.iki.models import DokumenIKI, DokumenTerkunci, Indikator, IndikatorTujuan, Konstanta, Sasaran, Tujuan
from kinerja.organisasi.models import Instansi, Jabatan
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def pengguna(django_user_model):
    return django_user_model.objects.create(username="perencana")


@pytest.fixture
def dokumen():
    return katalog_kecil()


def sekcam(dokumen):
    return Jabatan.objects.get(instansi=dokumen.instansi, nama="Sekretaris Kecamatan")


def jejak(aksi):
    return list(Jejak.objects.filter(aksi=aksi))


def potret(dokumen):
    """Everything a catalogue write could touch, to prove a refused one touched nothing."""
    return (
        list(Sasaran.objects.filter(dokumen=dokumen).values_list("pk", "uraian", "urutan")),
        list(Indikator.objects.filter(sasaran__dokumen=dokumen).values()),
        sorted(
            (v.indikator_id, v.kode, v.uraian, v.konstanta_id, v.nilai_tetap, v.negatif_boleh)
            for v in layanan.Variabel.objects.filter(indikator__sasaran__dokumen=dokumen)
        ),
        list(Tujuan.objects.filter(dokumen=dokumen).values_list("pk", "uraian")),
        list(Konstanta.objects.filter(instansi=dokumen.instansi).values_list("pk", "kode", "nilai")),
        Jejak.objects.count(),
    )


def baris(v):
    return {
        "id": v.pk,
        "kode": v.kode,
        "uraian": v.uraian,
        "satuan": v.satuan,
        "agregasi": v.agregasi,
        "nilai_tetap": v.nilai_tetap,
        "konstanta": v.konstanta,
        "negatif_boleh": v.negatif_boleh,
    }


# ------------------------------------------------------------------------------------------------
# A new document


def test_buat_dokumen_makes_an_empty_draft_once(pengguna, dokumen):
    baru = layanan.buat_dokumen(pengguna, dokumen.instansi, 2026)
    assert (baru.tahun, baru.revisi, baru.status) == (2026, 1, "draft")
    assert jejak("buat_dokumen")[0].objek_id == str(baru.pk)
    with pytest.raises(ValidationError) as exc:
        layanan.buat_dokumen(pengguna, dokumen.instansi, 2026)
    assert "Sudah ada dokumen IKI 2026" in exc.value.message_dict["tahun"][0]
    for salah, pesan in ((1999, "antara 2000 dan 2100"), ("dua ribu", "berupa angka")):
        with pytest.raises(ValidationError, match=pesan):
            layanan.buat_dokumen(pengguna, dokumen.instansi, salah)
    assert DokumenIKI.objects.filter(instansi=dokumen.instansi).count() == 2


# ------------------------------------------------------------------------------------------------
# Sasaran and tujuan


def test_sasaran_create_edit_reorder_delete_each_audited(pengguna, dokumen):
    jab = sekcam(dokumen)
    pertama = Sasaran.objects.get(dokumen=dokumen, jabatan=jab)
    kedua = layanan.buat_sasaran(pengguna, dokumen, jab, uraian="  Meningkatnya   tertib arsip ")
    assert kedua.uraian == "Meningkatnya tertib arsip" and kedua.urutan > pertama.urutan
    layanan.ubah_sasaran(pengguna, kedua, uraian="Meningkatnya tertib administrasi")
    layanan.geser_sasaran(pengguna, kedua, -1)
    urut = list(Sasaran.objects.filter(dokumen=dokumen, jabatan=jab).order_by("urutan").values_list("pk", flat=True))
    assert urut == [kedua.pk, pertama.pk]
    layanan.hapus_sasaran(pengguna, kedua)
    assert not Sasaran.objects.filter(pk=kedua.pk).exists()
    for aksi in ("tambah_sasaran", "ubah_sasaran", "urutkan_sasaran", "hapus_sasaran"):
        assert len(jejak(aksi)) == 1, aksi
    assert jejak("ubah_sasaran")[0].perubahan == {
        "uraian": ["Meningkatnya tertib arsip", "Meningkatnya tertib administrasi"]
    }


def test_sasaran_refuses_an_empty_text_and_a_foreign_jabatan(pengguna, dokumen):
    lain = katalog_kecil(nama_instansi="Kecamatan Lain")
    sebelum = potret(dokumen)
    with pytest.raises(ValidationError) as exc:
        layanan.buat_sasaran(pengguna, dokumen, sekcam(dokumen), uraian="   ")
    assert exc.value.message_dict == {"uraian": ["Uraian sasaran wajib diisi."]}
    with pytest.raises(ValidationError) as exc:
        layanan.buat_sasaran(pengguna, dokumen, sekcam(lain), uraian="Sasaran")
    assert "instansi dokumen ini" in exc.value.message_dict["jabatan"][0]
    assert potret(dokumen) == sebelum


def test_tujuan_keeps_its_indicators_as_an_ordered_list(pengguna, dokumen):
    jab = sekcam(dokumen)
    tujuan = layanan.buat_tujuan(pengguna, dokumen, jab, uraian="Tata kelola baik", indikator="Indeks A\n\nIndeks B\n")
    assert list(tujuan.indikator.values_list("uraian", "urutan")) == [("Indeks A", 1), ("Indeks B", 2)]
    layanan.ubah_tujuan(pengguna, tujuan, indikator=["Indeks B", "Indeks C"])
    assert list(tujuan.indikator.values_list("uraian", flat=True)) == ["Indeks B", "Indeks C"]
    assert jejak("ubah_tujuan")[0].perubahan["indikator"] == [["Indeks A", "Indeks B"], ["Indeks B", "Indeks C"]]
    layanan.hapus_tujuan(pengguna, tujuan)
    assert not IndikatorTujuan.objects.exists() and len(jejak("hapus_tujuan")) == 1


# ------------------------------------------------------------------------------------------------
# Indikator with its passport and variables


def test_a_new_indicator_with_its_passport_and_variables_in_one_call(pengguna, dokumen):
    jab = sekcam(dokumen)
    sasaran = Sasaran.objects.get(dokumen=dokumen, jabatan=jab)
    desa = Konstanta.objects.get(instansi=dokumen.instansi, kode="jumlah_desa")
    induk = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    ind = layanan.simpan_indikator(
        pengguna,
        sasaran,
        {
            "nama": "Persentase desa dibina",
            "penjelasan": "Desa yang menerima pembinaan administrasi dibagi jumlah desa.",
            "jenis": "outcome",
            "ekspresi": "dibina / desa × 100",
            "satuan": "%",
            "polaritas": "positif",
            "sumber_data": "Laporan pembinaan",
            "penyedia_data": "Kasi Pemerintahan",
            "periode_pelaporan": "semesteran",
        },
        [
            {"kode": "dibina", "uraian": "Desa dibina", "satuan": "desa", "agregasi": "terakhir"},
            {"kode": "desa", "uraian": "Jumlah desa", "konstanta": desa},
            {"kode": "selisih", "uraian": "Selisih anggaran", "negatif_boleh": True},
        ],
        induk=[induk],
    )
    ind.refresh_from_db()
    assert ind.ekspresi == "dibina / desa * 100" and ind.jenis == "outcome" and ind.penanggung_jawab == jab
    assert ind.penyedia_data == "Kasi Pemerintahan" and ind.periode_pelaporan == "semesteran"
    assert [(v.kode, v.urutan) for v in ind.variabel.all()] == [("dibina", 1), ("desa", 2), ("selisih", 3)]
    assert ind.variabel.get(kode="desa").konstanta == desa and ind.variabel.get(kode="selisih").negatif_boleh
    assert list(ind.induk.all()) == [induk]
    catatan = jejak("tambah_indikator")[0]
    assert catatan.perubahan["jenis"] == ["", "outcome"]
    assert catatan.perubahan["variabel"] == ["dibina", "desa", "selisih"]


def test_editing_replaces_renames_reorders_and_deletes_variables(pengguna, dokumen):
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    lpj_tepat, lpj = ind.variabel.order_by("id")
    layanan.simpan_indikator(
        pengguna,
        ind.sasaran,
        {"ekspresi": "tepat / lpj * 100"},
        [baris(lpj) | {"nilai_tetap": Decimal(5)}, baris(lpj_tepat) | {"kode": "tepat"}],
        indikator=ind,
    )
    assert [(v.kode, v.nilai_tetap) for v in ind.variabel.order_by("urutan")] == [("lpj", 5), ("tepat", None)]
    lpj_tepat.refresh_from_db()
    layanan.simpan_indikator(pengguna, ind.sasaran, {"ekspresi": "tepat"}, [baris(lpj_tepat)], indikator=ind)
    assert list(ind.variabel.values_list("kode", flat=True)) == ["tepat"]
    terakhir, pertama = jejak("ubah_indikator")  # newest first
    assert terakhir.perubahan == {"ekspresi": ["tepat / lpj * 100", "tepat"], "variabel": ["lpj"]}
    assert sorted(pertama.perubahan["variabel"]) == ["lpj", "tepat"]


@pytest.mark.parametrize(
    ("data", "variabel", "bidang", "pesan"),
    [
        ({"ekspresi": "lpj_tepat / "}, None, "ekspresi", "Rumus tidak sah"),
        ({"ekspresi": "lpj_tepat / lpj_semua * 100"}, None, "ekspresi", "Variabel 'lpj_semua' tidak dikenal"),
        ({"nama": "  "}, None, "nama", "Nama indikator wajib diisi."),
        ({"polaritas": "lebih_baik"}, None, "polaritas", "lebih_baik"),
        ({"jenis": "dampak"}, None, "jenis", "dampak"),
        ({}, [{"kode": "Besar", "uraian": "x"}], "variabel", "Variabel baris 1 (Besar): Kode hanya huruf kecil"),
        (
            {},
            [{"kode": "a", "uraian": "x"}, {"kode": "a", "uraian": "y"}],
            "variabel",
            "kode dipakai lebih dari sekali",
        ),
        ({}, [{"kode": "a", "uraian": " "}], "variabel", "Variabel baris 1 (a): uraian wajib diisi."),
        ({}, [{"kode": "a", "uraian": "x", "agregasi": "median"}], "variabel", "agregasi “median” tidak dikenal"),
        (
            {},
            [{"kode": "a", "uraian": "x", "nilai_tetap": Decimal(1), "konstanta": "desa"}],
            "variabel",
            "nilai tetap atau konstanta, tidak keduanya",
        ),
        ({}, [{"kode": "a", "uraian": "x", "konstanta": "asing"}], "variabel", "bukan milik instansi dan tahun"),
        ({}, [{"kode": "a", "uraian": "x", "konstanta": "tahun_lalu"}], "variabel", "bukan milik instansi dan tahun"),
        ({}, [{"id": "asing", "kode": "a", "uraian": "x"}], "variabel", "bukan variabel indikator ini"),
        (
            {},
            [{"kode": "a", "uraian": "x", "nilai_tetap": Decimal("1.1234567")}],
            "variabel",
            "Variabel baris 1 (a): nilai tetap",
        ),
    ],
)
def test_bad_indicator_input_changes_nothing_and_names_the_field(pengguna, dokumen, data, variabel, bidang, pesan):
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    lain = katalog_kecil(nama_instansi="Kecamatan Lain")
    konstanta = {
        "desa": Konstanta.objects.get(instansi=dokumen.instansi, kode="jumlah_desa"),
        "asing": Konstanta.objects.get(instansi=lain.instansi, kode="jumlah_desa"),
        "tahun_lalu": Konstanta.objects.create(
            instansi=dokumen.instansi, tahun=2024, kode="hari", nama="Hari", nilai=1
        ),
    }
    asing = layanan.Variabel.objects.filter(indikator__sasaran__dokumen=lain).first()
    if variabel is None:
        variabel = [baris(v) for v in ind.variabel.all()]
    else:
        variabel = [
            v
            | ({"konstanta": konstanta[v["konstanta"]]} if "konstanta" in v else {})
            | ({"id": asing.pk} if v.get("id") == "asing" else {})
            for v in variabel
        ]
    sebelum = potret(dokumen)
    with pytest.raises(ValidationError) as exc:
        layanan.simpan_indikator(pengguna, ind.sasaran, data, variabel, indikator=ind)
    assert any(pesan in m for m in exc.value.message_dict[bidang]), exc.value.message_dict
    assert potret(dokumen) == sebelum


def test_induk_must_be_an_indicator_of_the_atasan_in_the_same_document(pengguna, dokumen):
    camat_ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    anak = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    variabel = [baris(v) for v in camat_ind.variabel.all()]
    with pytest.raises(ValidationError) as exc:  # the Camat supports nobody above him
        layanan.simpan_indikator(pengguna, camat_ind.sasaran, {}, variabel, indikator=camat_ind, induk=[anak])
    assert "milik atasan jabatan ini" in exc.value.message_dict["induk"][0]
    assert not camat_ind.induk.exists()


def test_delete_and_reorder_indicators(pengguna, dokumen):
    sasaran = Sasaran.objects.get(dokumen=dokumen, jabatan=sekcam(dokumen))
    pertama = sasaran.indikator.get()
    kedua = layanan.simpan_indikator(
        pengguna, sasaran, {"nama": "Jumlah rapat", "ekspresi": "rapat"}, [{"kode": "rapat", "uraian": "Rapat"}]
    )
    layanan.geser_indikator(pengguna, kedua, -1)
    assert list(sasaran.indikator.order_by("urutan", "id")) == [kedua, pertama]
    layanan.hapus_indikator(pengguna, kedua)
    assert list(sasaran.indikator.all()) == [pertama]
    assert len(jejak("urutkan_indikator")) == 1 and len(jejak("hapus_indikator")) == 1


# ------------------------------------------------------------------------------------------------
# A decreed document refuses every write


def test_a_decreed_document_refuses_every_catalogue_write(pengguna, dokumen):
    dokumen.tetapkan()
    jab = sekcam(dokumen)
    sasaran = Sasaran.objects.get(dokumen=dokumen, jabatan=jab)
    ind = sasaran.indikator.get()
    tujuan_tidak_ada = Tujuan(dokumen=dokumen, jabatan=jab, uraian="x")
    sebelum = potret(dokumen)
    upaya = [
        lambda: layanan.buat_sasaran(pengguna, dokumen, jab, uraian="Baru"),
        lambda: layanan.ubah_sasaran(pengguna, sasaran, uraian="Ubah"),
        lambda: layanan.hapus_sasaran(pengguna, sasaran),
        lambda: layanan.geser_sasaran(pengguna, sasaran, 1),
        lambda: layanan.buat_tujuan(pengguna, dokumen, jab, uraian="Tujuan"),
        lambda: layanan.hapus_tujuan(pengguna, tujuan_tidak_ada),
        lambda: layanan.simpan_indikator(
            pengguna, sasaran, {"nama": "Ubah"}, [baris(v) for v in ind.variabel.all()], indikator=ind
        ),
        lambda: layanan.simpan_indikator(pengguna, sasaran, {"nama": "Baru"}, []),
        lambda: layanan.hapus_indikator(pengguna, ind),
        lambda: layanan.geser_indikator(pengguna, ind, 1),
        lambda: layanan.ubah_konstanta(pengguna, Konstanta.objects.get(kode="jumlah_desa"), nilai=Decimal(8)),
    ]
    for coba in upaya:
        with pytest.raises(DokumenTerkunci, match="sudah ditetapkan"):
            coba()
    assert potret(dokumen) == sebelum


# ------------------------------------------------------------------------------------------------
# Konstanta


def test_konstanta_create_edit_delete(pengguna, dokumen):
    k = layanan.buat_konstanta(pengguna, dokumen.instansi, 2025, kode="hari_kerja", nama="Hari kerja", nilai="240")
    assert k.nilai == 240
    layanan.ubah_konstanta(pengguna, k, nilai=Decimal("241.5"))
    k.refresh_from_db()
    assert k.nilai == Decimal("241.5")
    assert jejak("ubah_konstanta")[0].perubahan == {"nilai": ["240", "241.5"]}
    layanan.hapus_konstanta(pengguna, k)
    assert not Konstanta.objects.filter(pk=k.pk).exists() and len(jejak("hapus_konstanta")) == 1


@pytest.mark.parametrize(
    ("data", "bidang", "pesan"),
    [
        ({"kode": "jumlah_desa", "nama": "Lagi", "nilai": 1}, "kode", "sudah dipakai konstanta lain tahun 2025"),
        ({"kode": "Jumlah", "nama": "Besar", "nilai": 1}, "kode", "Kode hanya huruf kecil"),
        ({"kode": "kosong", "nama": " ", "nilai": 1}, "nama", "Nama konstanta wajib diisi."),
        ({"kode": "tanpa", "nama": "Tanpa nilai", "nilai": None}, "nilai", "Nilai konstanta wajib diisi."),
        ({"kode": "huruf", "nama": "Huruf", "nilai": "tujuh"}, "nilai", "tujuh"),
    ],
)
def test_bad_konstanta_changes_nothing(pengguna, dokumen, data, bidang, pesan):
    sebelum = potret(dokumen)
    with pytest.raises(ValidationError) as exc:
        layanan.buat_konstanta(pengguna, dokumen.instansi, 2025, **data)
    assert any(pesan in m for m in exc.value.message_dict[bidang]), exc.value.message_dict
    assert potret(dokumen) == sebelum


def test_a_constant_in_use_cannot_be_deleted(pengguna, dokumen):
    desa = Konstanta.objects.get(instansi=dokumen.instansi, kode="jumlah_desa")
    with pytest.raises(ValidationError, match="masih dipakai variabel Jumlah desa"):
        layanan.hapus_konstanta(pengguna, desa)
    assert Konstanta.objects.filter(pk=desa.pk).exists()


def test_the_constants_offered_are_this_instansi_and_year_only(dokumen):
    katalog_kecil(nama_instansi="Kecamatan Lain")
    Konstanta.objects.create(instansi=dokumen.instansi, tahun=2024, kode="lama", nama="Lama", nilai=1)
    assert [k.kode for k in layanan.pilihan_konstanta(dokumen)] == ["jumlah_desa"]
    assert Instansi.objects.count() == 2


# ------------------------------------------------------------------------------------------------
# Property: whatever order is asked, reordering gives exactly that order and keeps the numbers.


class TestUrutan(TestCase):
    @settings(max_examples=25, deadline=None)
    @given(st.permutations(range(4)))
    def test_urutkan_sasaran_follows_any_permutation(self, permutasi):
        dokumen = katalog_kecil(nama_instansi=f"Kecamatan P{''.join(map(str, permutasi))}")
        jab = sekcam(dokumen)
        for i in range(3):
            layanan.buat_sasaran(None, dokumen, jab, uraian=f"Sasaran {i}")
        ids = list(Sasaran.objects.filter(dokumen=dokumen, jabatan=jab).order_by("urutan").values_list("pk", flat=True))
        nomor = sorted(Sasaran.objects.filter(pk__in=ids).values_list("urutan", flat=True))
        diminta = [ids[i] for i in permutasi]
        layanan.urutkan_sasaran(None, dokumen, jab, diminta)
        hasil = Sasaran.objects.filter(dokumen=dokumen, jabatan=jab).order_by("urutan")
        assert list(hasil.values_list("pk", flat=True)) == diminta
        assert sorted(hasil.values_list("urutan", flat=True)) == nomor
        with pytest.raises(ValidationError, match="tepat satu kali"):
            layanan.urutkan_sasaran(None, dokumen, jab, diminta[:-1])


def test_tujuan_move_up_and_down(pengguna, dokumen):
    jab = sekcam(dokumen)
    satu = layanan.buat_tujuan(pengguna, dokumen, jab, uraian="Satu")
    dua = layanan.buat_tujuan(pengguna, dokumen, jab, uraian="Dua")
    layanan.geser_tujuan(pengguna, dua, -1)
    assert list(Tujuan.objects.filter(dokumen=dokumen).order_by("urutan")) == [dua, satu]
    layanan.geser_tujuan(pengguna, dua, -1)  # already first: nothing moves, nothing is recorded
    assert len(jejak("urutkan_tujuan")) == 1
    with pytest.raises(ValidationError, match="naik"):
        layanan.geser_tujuan(pengguna, dua, 2)


def test_two_variables_may_swap_their_codes(pengguna, dokumen):
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    lpj_tepat, lpj = ind.variabel.order_by("id")
    layanan.simpan_indikator(
        pengguna,
        ind.sasaran,
        {"ekspresi": "lpj / lpj_tepat * 100"},
        [baris(lpj_tepat) | {"kode": "lpj"}, baris(lpj) | {"kode": "lpj_tepat"}],
        indikator=ind,
    )
    assert dict(ind.variabel.values_list("pk", "kode")) == {lpj_tepat.pk: "lpj", lpj.pk: "lpj_tepat"}


def test_a_constant_needs_a_plausible_year(pengguna, dokumen):
    with pytest.raises(ValidationError) as exc:
        layanan.buat_konstanta(pengguna, dokumen.instansi, 0, kode="x", nama="X", nilai=1)
    assert exc.value.message_dict["tahun"] == ["Tahun konstanta harus antara 2000 dan 2100."]
