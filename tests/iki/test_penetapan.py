"""Decree with its own SK, revisions without the old SK, next year's draft, and what a diff reads."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.audit.models import Jejak
from kinerja.iki import layanan
from kinerja.iki.models import (
    DokumenIKI,
    Indikator,
    IndikatorTujuan,
    Konstanta,
    Sasaran,
    Tujuan,
    UraianJabatan,
    Variabel,
)
from kinerja.iki.tahun_baru import dokumen_sumber, masalah_tahun_baru, mulai_tahun_baru
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from kinerja.realisasi.models import Target
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db

NIP_CAMAT = "198003152005011002"


@pytest.fixture
def pengguna(django_user_model):
    return django_user_model.objects.create(username="perencana")


@pytest.fixture
def dokumen():
    """A draft with a Camat (the head: no atasan) held by a pegawai, and a Sekcam held by another."""
    dok = katalog_kecil()
    camat = Jabatan.objects.get(instansi=dok.instansi, nama="Camat")
    sekcam = Jabatan.objects.get(instansi=dok.instansi, nama="Sekretaris Kecamatan")
    kepala = Pegawai.objects.create(nama="Drs. Ahmad Fauzi", nip=NIP_CAMAT, pangkat="IV/a")
    Penugasan.objects.create(pegawai=kepala, jabatan=camat, mulai=date(2020, 1, 1))
    lain = Pegawai.objects.create(nama="Siti Rahma, S.AP", nip="198505202010012003")
    Penugasan.objects.create(pegawai=lain, jabatan=sekcam, mulai=date(2020, 1, 1))
    return dok


def kepala(dokumen):
    return Pegawai.objects.get(nip=NIP_CAMAT)


def sk(dokumen, **ubah):
    return {
        "sk_nomor": "188/07/KEP/434.501/2025",
        "sk_tanggal": date(2025, 1, 8),
        "sk_tempat": "Uji",
        "penandatangan": kepala(dokumen),
    } | ubah


def test_tetapkan_writes_the_sk_from_the_head_and_records_what_was_decreed(dokumen, pengguna):
    hasil = layanan.tetapkan(dokumen, pengguna, **sk(dokumen))
    assert hasil.status == "ditetapkan"
    assert (hasil.sk_nomor, hasil.sk_tanggal, hasil.sk_tempat) == ("188/07/KEP/434.501/2025", date(2025, 1, 8), "Uji")
    assert (hasil.sk_penandatangan, hasil.sk_penandatangan_nip) == ("Drs. Ahmad Fauzi", NIP_CAMAT)
    assert hasil.sk_penandatangan_pangkat and hasil.sk_penandatangan_jabatan == "Camat"
    assert hasil.isi_penetapan["sk"]["nomor"] == "188/07/KEP/434.501/2025"
    assert hasil.isi_penetapan["jabatan"][0]["nama"] == "Camat"
    jejak = Jejak.objects.get(aksi="tetapkan", objek_id=str(hasil.pk))
    assert jejak.pengguna == pengguna and jejak.perubahan["sk_nomor"][1] == "188/07/KEP/434.501/2025"
    assert jejak.perubahan["sk_tempat"] == ["", "Uji"]


def test_a_plt_signs_with_his_title(dokumen):
    camat = Jabatan.objects.get(instansi=dokumen.instansi, nama="Camat")
    Penugasan.objects.filter(jabatan=camat).update(selesai=date(2024, 12, 31))
    plt = Pegawai.objects.create(nama="Budi Santoso", nip="197901012006041001")
    Penugasan.objects.create(pegawai=plt, jabatan=camat, jenis="plt", mulai=date(2025, 1, 1))
    assert [p.pegawai for p in layanan.calon_penandatangan(dokumen.instansi, date(2025, 1, 8))] == [plt]
    hasil = layanan.tetapkan(dokumen, **sk(dokumen, penandatangan=plt))
    assert hasil.sk_penandatangan_jabatan == "Plt. Camat"


@pytest.mark.parametrize(
    "ubah, bidang, pesan",
    [
        ({"sk_nomor": "  "}, "sk_nomor", "Nomor SK wajib diisi"),
        ({"sk_nomor": "x" * 121}, "sk_nomor", "terlalu panjang"),
        ({"sk_tanggal": None}, "sk_tanggal", "Tanggal SK wajib diisi"),
        ({"sk_tanggal": date(2022, 1, 8)}, "sk_tanggal", "harus dalam tahun 2024 atau 2025"),
        ({"sk_tempat": ""}, "sk_tempat", "Tempat penetapan SK wajib diisi"),
        ({"penandatangan": None}, "penandatangan", "Pilih penandatangan"),
        ("sekcam", "penandatangan", "memegang jabatan kepala instansi"),
        ({"sk_tanggal": date(2019, 6, 1)}, "sk_tanggal", "harus dalam tahun"),
    ],
)
def test_a_bad_sk_is_refused_with_a_message_and_changes_nothing(dokumen, pengguna, ubah, bidang, pesan):
    if ubah == "sekcam":
        ubah = {"penandatangan": Pegawai.objects.get(nip="198505202010012003")}
    sebelum = DokumenIKI.objects.filter(pk=dokumen.pk).values().get()
    with pytest.raises(ValidationError) as exc:
        layanan.tetapkan(dokumen, pengguna, **sk(dokumen, **ubah))
    assert any(pesan in m for m in exc.value.message_dict[bidang])
    assert DokumenIKI.objects.filter(pk=dokumen.pk).values().get() == sebelum
    assert not Jejak.objects.filter(aksi="tetapkan").exists()


def test_every_revision_needs_its_own_sk_nomor(dokumen, pengguna):
    pertama = layanan.tetapkan(dokumen, pengguna, **sk(dokumen))
    revisi = layanan.buat_revisi(pertama, pengguna)
    assert (revisi.sk_nomor, revisi.sk_tanggal) == ("", None)
    assert revisi.sk_tempat == "Uji" and revisi.sk_penandatangan == "Drs. Ahmad Fauzi"  # kept as suggestions
    with pytest.raises(ValidationError) as exc:
        layanan.tetapkan(revisi, pengguna, **sk(dokumen, sk_tanggal=date(2025, 7, 1)))
    [pesan] = exc.value.message_dict["sk_nomor"]
    assert "sudah dipakai IKI 2025 revisi 1" in pesan and "SK sendiri" in pesan
    revisi.refresh_from_db()
    assert revisi.status == "draft" and revisi.sk_nomor == ""
    # A nomor already on another draft is refused too (the database would refuse it anyway).
    lain = DokumenIKI.objects.create(instansi=dokumen.instansi, tahun=2026, sk_nomor="188/31/KEP/2025")
    with pytest.raises(ValidationError, match="sudah dipakai IKI 2026 revisi 1"):
        layanan.tetapkan(revisi, pengguna, **sk(dokumen, sk_nomor="188/31/KEP/2025", sk_tanggal=date(2025, 7, 1)))
    lain.delete()
    kedua = layanan.tetapkan(revisi, pengguna, **sk(dokumen, sk_nomor="188/31/KEP/2025", sk_tanggal=date(2025, 7, 1)))
    assert kedua.sk_nomor == "188/31/KEP/2025" and pertama.sk_nomor != kedua.sk_nomor


def test_the_database_refuses_a_reused_nomor_too(dokumen):
    lain = DokumenIKI.objects.create(instansi=dokumen.instansi, tahun=2026, sk_nomor="")
    DokumenIKI.objects.create(instansi=dokumen.instansi, tahun=2027, sk_nomor="")  # blank is not a nomor
    with pytest.raises(IntegrityError), transaction.atomic():
        DokumenIKI.objects.filter(pk=lain.pk).update(sk_nomor=dokumen.sk_nomor)
    # Another instansi may use the same nomor.
    tetangga = katalog_kecil("Kecamatan Tetangga", pemda=dokumen.instansi.pemda)
    assert tetangga.sk_nomor == dokumen.sk_nomor


def test_isi_beda_carries_targets_and_the_decreed_record_wins(dokumen, pengguna):
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    Target.objects.create(indikator=ind, periode="TAHUN", nilai=Decimal("85.5"))
    Target.objects.create(indikator=ind, periode="TW2", nilai=Decimal(40), nilai_hi=Decimal(50))
    isi = layanan.isi_beda(dokumen)
    [item] = [i for j in isi["jabatan"] for s in j["sasaran"] for i in s["indikator"] if i["nama"] == ind.nama]
    assert item["target"] == {"TAHUN": ["85.5", None], "TW2": ["40", "50"]}
    assert item["formula"]["ekspresi"] == "desa_tertib / jumlah_desa * 100"
    layanan.tetapkan(dokumen, pengguna, **sk(dokumen))
    camat = Jabatan.objects.get(instansi=dokumen.instansi, nama="Camat")
    Jabatan.objects.filter(pk=camat.pk).update(tugas=["Tugas yang ditambah kemudian"])
    dokumen.refresh_from_db()
    assert layanan.isi_beda(dokumen)["jabatan"][0]["tugas"] == []  # as decreed, not as edited later


# --- next year ----------------------------------------------------------------------------------


def test_next_year_carries_everything_but_the_targets(dokumen, pengguna):
    Tujuan.objects.create(dokumen=dokumen, jabatan=dokumen.sasaran.first().jabatan, uraian="Tata kelola baik")
    IndikatorTujuan.objects.create(tujuan=Tujuan.objects.get(dokumen=dokumen), uraian="Indeks tata kelola")
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    Target.objects.create(indikator=ind, periode="TAHUN", nilai=90)
    Konstanta.objects.create(instansi=dokumen.instansi, tahun=2025, kode="hari_kerja", nama="Hari kerja", nilai=240)
    camat = Jabatan.objects.get(instansi=dokumen.instansi, nama="Camat")
    UraianJabatan.objects.create(dokumen=dokumen, jabatan=camat, tugas=["Memimpin kecamatan"], fungsi=["Koordinasi"])
    berlaku = layanan.tetapkan(dokumen, pengguna, **sk(dokumen))
    assert dokumen_sumber(dokumen.instansi, 2025) == berlaku

    baru = mulai_tahun_baru(berlaku, pengguna)
    assert (baru.tahun, baru.revisi, baru.status, baru.sk_nomor, baru.sk_tanggal) == (2026, 1, "draft", "", None)
    assert baru.revisi_dari is None and baru.isi_penetapan is None and baru.sk_tempat == "Uji"
    lama_isi, baru_isi = layanan.isi_beda(berlaku), layanan.isi_beda(baru)
    for j_lama, j_baru in zip(lama_isi["jabatan"], baru_isi["jabatan"], strict=True):
        for s_lama, s_baru in zip(j_lama["sasaran"], j_baru["sasaran"], strict=True):
            assert s_lama["uraian"] == s_baru["uraian"]
            for i_lama, i_baru in zip(s_lama["indikator"], s_baru["indikator"], strict=True):
                assert i_baru["formula"] == i_lama["formula"] and i_baru["target"] == {}
    assert IndikatorTujuan.objects.filter(tujuan__dokumen=baru).count() == 1
    uraian = UraianJabatan.objects.get(dokumen=baru, jabatan=camat)  # this year's tugas and fungsi carried
    assert (uraian.tugas, uraian.fungsi) == (["Memimpin kecamatan"], ["Koordinasi"])
    # Constants: copied to the new year, editable there while last year's stay locked.
    baru_konstanta = Konstanta.objects.filter(instansi=dokumen.instansi, tahun=2026)
    assert sorted(baru_konstanta.values_list("kode", flat=True)) == ["hari_kerja", "jumlah_desa"]
    v = Variabel.objects.get(indikator__sasaran__dokumen=baru, kode="jumlah_desa")
    assert v.konstanta.tahun == 2026
    Konstanta.objects.filter(pk=v.konstanta_id).update(nilai=8)
    assert Konstanta.objects.get(instansi=dokumen.instansi, tahun=2025, kode="jumlah_desa").nilai == 7
    # The cascading link inside the document follows the copies.
    anak = Indikator.objects.get(sasaran__dokumen=baru, nama="Persentase LPJ tepat waktu")
    assert [i.sasaran.dokumen_id for i in anak.induk.all()] == [baru.pk]
    jejak = Jejak.objects.get(aksi="tahun_baru")
    assert jejak.objek_id == str(baru.pk) and "IKI 2026 dimulai dari IKI 2025 revisi 1" in jejak.ringkasan


def test_next_year_copies_every_field_of_a_row(dokumen):
    ind = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    Indikator.objects.filter(pk=ind.pk).update(
        penjelasan="Desa tertib dibagi jumlah desa", sumber_data="Laporan desa", catatan="Catatan", satuan="persen"
    )
    baru = mulai_tahun_baru(dokumen)
    salinan = Indikator.objects.get(sasaran__dokumen=baru, nama="Persentase desa tertib")
    lewati = {"id", "sasaran"}
    for field in Indikator._meta.concrete_fields:
        if field.name not in lewati:
            assert getattr(salinan, field.attname) == getattr(Indikator.objects.get(pk=ind.pk), field.attname)


def test_next_year_starts_from_a_draft_when_nothing_is_decreed(dokumen):
    assert dokumen_sumber(dokumen.instansi, 2025) == dokumen
    baru = mulai_tahun_baru(dokumen)
    assert baru.tahun == 2026 and Sasaran.objects.filter(dokumen=baru).count() == 2


@pytest.mark.parametrize("keadaan", ["sudah_ada", "bukan_sumber", "kosong", "tahun_terakhir"])
def test_next_year_refused_with_a_reason_and_nothing_made(dokumen, pengguna, keadaan):
    if keadaan == "sudah_ada":
        mulai_tahun_baru(dokumen)
        pesan = "IKI tahun 2026 sudah ada (revisi 1, draft)"
    elif keadaan == "bukan_sumber":
        berlaku = layanan.tetapkan(dokumen, pengguna, **sk(dokumen))
        layanan.buat_revisi(berlaku)
        berlaku.refresh_from_db()
        dokumen = DokumenIKI.objects.get(tahun=2025, revisi=2)
        pesan = "dimulai dari IKI 2025 revisi 1"
    elif keadaan == "kosong":
        Sasaran.objects.filter(dokumen=dokumen).delete()
        pesan = "belum memiliki sasaran"
    else:
        DokumenIKI.objects.filter(pk=dokumen.pk).update(tahun=2100)
        dokumen.refresh_from_db()
        pesan = "di luar rentang"
    jumlah = (DokumenIKI.objects.count(), Konstanta.objects.count(), Indikator.objects.count(), Jejak.objects.count())
    assert any(pesan in m for m in masalah_tahun_baru(dokumen))
    with pytest.raises(ValidationError) as exc:
        mulai_tahun_baru(dokumen, pengguna)
    assert any(pesan in m for m in exc.value.messages)
    assert (
        DokumenIKI.objects.count(),
        Konstanta.objects.count(),
        Indikator.objects.count(),
        Jejak.objects.count(),
    ) == jumlah


def test_a_form_on_the_model_names_the_reused_nomor_in_indonesian(dokumen):
    lain = DokumenIKI(instansi=dokumen.instansi, tahun=2026, sk_nomor=dokumen.sk_nomor)
    with pytest.raises(ValidationError, match="Nomor SK ini sudah dipakai dokumen IKI lain"):
        lain.full_clean()


def test_importing_into_a_revision_does_not_copy_the_sk_nomor_in_force():
    from kinerja.iki.interchange import ekspor, impor

    berlaku = layanan.tetapkan(katalog_kecil())
    revisi = layanan.buat_revisi(berlaku)
    data = ekspor(berlaku)  # states revision 1's SK nomor
    hasil = impor(data, berlaku.instansi, tahun=2025)
    assert hasil.dokumen == revisi
    revisi.refresh_from_db()
    assert revisi.sk_nomor == ""
    assert any(f"Nomor SK {berlaku.sk_nomor} sudah dipakai IKI 2025 revisi 1" in p for p in hasil.peringatan)
