"""Keeping the catalogue from its pages: organisation, jabatan page, pegawai and penugasan, konstanta,
a new document, sasaran and tujuan, the formula editor's variable rows. Errors appear by their field."""

import html as html_lib
import re
from datetime import date

import pytest
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Tujuan
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan, UnitKerja

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
ADMIN = f"admin.{KEC_A}"


def teks(respons) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", respons.content.decode())).split())


def galat_di_bidang(respons, nama) -> list[str]:
    """The messages printed inside the field's own block (not only a red border)."""
    html = respons.content.decode()
    blok = re.search(rf'<div class="bidang[^"]*">\s*<label for="id_{nama}">.*?</div>', html, re.S)
    assert blok, f"bidang {nama} tidak ada"
    return [html_lib.unescape(m) for m in re.findall(r'<small class="galat-bidang"[^>]*>(.*?)</small>', blok.group(0))]


@pytest.fixture
def a(demo):
    return demo.instansi[0]


@pytest.fixture
def dokumen(a):
    return DokumenIKI.objects.filter(instansi=a).order_by("-tahun", "-revisi").first()


@pytest.fixture
def draft(masuk, dokumen):
    masuk(ADMIN).post(reverse("web:buat_revisi", args=[dokumen.pk]))
    return DokumenIKI.objects.get(instansi=dokumen.instansi, tahun=dokumen.tahun, status="draft")


def test_the_catalogue_page_leads_to_every_part(masuk, a, dokumen):
    html = masuk(ADMIN).get(reverse("web:katalog", args=[a.pk])).content.decode()
    for url in (
        reverse("web:organisasi", args=[a.pk]),
        reverse("web:pegawai", args=[a.pk]),
        reverse("web:konstanta", args=[a.pk, dokumen.tahun]),
        reverse("web:buat_dokumen", args=[a.pk]),
    ):
        assert url in html
    organisasi = masuk(ADMIN).get(reverse("web:organisasi", args=[a.pk])).content.decode()
    assert reverse("web:tambah_jabatan", args=[a.pk]) in organisasi
    assert reverse("web:tambah_unit_kerja", args=[a.pk]) in organisasi


def test_a_pejabat_reads_but_cannot_keep_the_organisation(masuk, a):
    client = masuk(f"sekcam.{KEC_A}")
    assert client.get(reverse("web:organisasi", args=[a.pk])).status_code == 200
    sekcam = Jabatan.objects.get(instansi=a, nama="Sekretaris Kecamatan")
    for url in (
        reverse("web:tambah_jabatan", args=[a.pk]),
        reverse("web:ubah_jabatan", args=[sekcam.pk]),
        reverse("web:tambah_pegawai", args=[a.pk]),
        reverse("web:tambah_penugasan", args=[sekcam.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("web:konstanta", args=[a.pk, 2025]), {"kode": "x"}).status_code == 403
    assert client.post(reverse("web:buat_dokumen", args=[a.pk]), {"tahun": "2040"}).status_code == 403


def test_the_jabatan_page_shows_tasks_functions_holder_and_iki_together(masuk, a, dokumen):
    sekcam = Jabatan.objects.get(instansi=a, nama="Sekretaris Kecamatan")
    halaman = teks(masuk(f"staf.umum.{KEC_A}").get(reverse("web:jabatan", args=[sekcam.pk])))
    assert sekcam.tugas[0] in halaman and sekcam.fungsi[0] in halaman
    assert sekcam.pemegang().nama in halaman
    for ind in Indikator.objects.filter(sasaran__dokumen=dokumen, sasaran__jabatan=sekcam):
        assert ind.nama in halaman


def test_unit_kerja_and_jabatan_through_the_pages(masuk, a):
    client = masuk(ADMIN)
    respons = client.post(
        reverse("web:tambah_unit_kerja", args=[a.pk]), {"nama": "Seksi Trantib Baru", "jenis": "seksi"}
    )
    assert respons.status_code == 302
    unit = UnitKerja.objects.get(instansi=a, nama="Seksi Trantib Baru")
    ganda = client.post(reverse("web:tambah_unit_kerja", args=[a.pk]), {"nama": "Seksi Trantib Baru", "jenis": "seksi"})
    assert galat_di_bidang(ganda, "nama") == ["Unit kerja “Seksi Trantib Baru” sudah ada di instansi ini."]
    camat = Jabatan.objects.get(instansi=a, atasan=None)
    respons = client.post(
        reverse("web:tambah_jabatan", args=[a.pk]),
        {
            "nama": "Kasi Trantib Baru",
            "jenis": "struktural",
            "eselon": "IV.a",
            "unit_kerja": unit.pk,
            "atasan": camat.pk,
            "tugas": "Menjaga ketertiban\nMembina linmas",
            "fungsi": "Pelaksanaan ketertiban umum",
        },
    )
    jab = Jabatan.objects.get(instansi=a, nama="Kasi Trantib Baru")
    assert respons["Location"] == reverse("web:jabatan", args=[jab.pk])
    assert jab.tugas == ["Menjaga ketertiban", "Membina linmas"] and jab.atasan == camat
    assert Jejak.objects.filter(aksi="tambah_jabatan", objek_id=str(jab.pk)).exists()
    lingkar = client.post(
        reverse("web:ubah_jabatan", args=[camat.pk]), {"nama": camat.nama, "jenis": "struktural", "atasan": jab.pk}
    )
    assert "Rantai atasan membentuk lingkaran." in galat_di_bidang(lingkar, "atasan")
    camat.refresh_from_db()
    assert camat.atasan_id is None
    # The select lists only this instansi's jabatan, and says so when another is posted.
    asing = Jabatan.objects.exclude(instansi=a).first()
    salah = client.post(
        reverse("web:ubah_jabatan", args=[jab.pk]), {"nama": jab.nama, "jenis": "struktural", "atasan": asing.pk}
    )
    assert galat_di_bidang(salah, "atasan") == ["Pilihan ini tidak tersedia; pilih salah satu dari daftar."]
    terpakai = client.post(reverse("web:hapus_jabatan", args=[camat.pk]), follow=True)
    assert "tidak dapat dihapus" in teks(terpakai) and Jabatan.objects.filter(pk=camat.pk).exists()


def test_pegawai_with_penugasan_and_a_bad_nip_by_its_field(masuk, a):
    client = masuk(ADMIN)
    caraka = Jabatan.objects.get(instansi=a, nama="Caraka")
    data = {
        "nama": "Siti Rahma",
        "nip": "1986 0627",
        "pangkat": "",
        "jabatan": caraka.pk,
        "jenis": "definitif",
        "mulai": "2025-01-02",
    }
    sebelum = Pegawai.objects.count()
    salah = client.post(reverse("web:tambah_pegawai", args=[a.pk]), data)
    assert galat_di_bidang(salah, "nip") == ["NIP tidak sah: NIP harus 18 digit, bukan 8."]
    assert Pegawai.objects.count() == sebelum
    respons = client.post(
        reverse("web:tambah_pegawai", args=[a.pk]), data | {"nip": "19860627 201412 2 003", "pangkat": "II/a"}
    )
    assert respons["Location"] == reverse("web:jabatan", args=[caraka.pk])
    siti = Pegawai.objects.get(nama="Siti Rahma")
    assert siti.pangkat == "II/a" and Penugasan.objects.get(pegawai=siti).jabatan == caraka
    daftar = teks(client.get(reverse("web:pegawai", args=[a.pk])))
    assert "Siti Rahma" in daftar and "19860627 201412 2 003" in daftar
    # Ending the assignment from the jabatan page's history.
    penugasan = Penugasan.objects.get(pegawai=siti)
    mundur = client.post(
        reverse("web:ubah_penugasan", args=[penugasan.pk]),
        {"jenis": "definitif", "mulai": "2025-01-02", "selesai": "2024-12-31"},
    )
    assert galat_di_bidang(mundur, "selesai") == ["Tanggal selesai tidak boleh sebelum tanggal mulai."]
    client.post(
        reverse("web:ubah_penugasan", args=[penugasan.pk]),
        {"jenis": "definitif", "mulai": "2025-01-02", "selesai": "2025-06-30"},
    )
    penugasan.refresh_from_db()
    assert penugasan.selesai == date(2025, 6, 30)


def test_konstanta_page_adds_and_refuses_by_field(masuk, a, dokumen):
    client = masuk(ADMIN)
    url = reverse("web:konstanta", args=[a.pk, dokumen.tahun])
    ada = Konstanta.objects.filter(instansi=a, tahun=dokumen.tahun).first()
    assert ada.nama in teks(client.get(url))
    ganda = client.post(url, {"nama": "Lagi", "kode": ada.kode, "nilai": "3"})
    assert galat_di_bidang(ganda, "kode") == [f"Kode “{ada.kode}” sudah dipakai konstanta lain tahun {dokumen.tahun}."]
    bukan_angka = client.post(url, {"nama": "Luas", "kode": "luas_wilayah", "nilai": "tiga"})
    assert galat_di_bidang(bukan_angka, "nilai")
    assert client.post(url, {"nama": "Luas wilayah", "kode": "luas_wilayah", "nilai": "12,5"}).status_code == 302
    assert Konstanta.objects.get(instansi=a, tahun=dokumen.tahun, kode="luas_wilayah").nilai == 12.5
    assert "12,5" in teks(client.get(url))


def test_a_new_document_and_a_duplicate_year_by_the_field(masuk, a, dokumen):
    client = masuk(ADMIN)
    ganda = client.post(reverse("web:buat_dokumen", args=[a.pk]), {"tahun": dokumen.tahun})
    assert ganda.status_code == 200
    assert re.search(r'id="id_tahun"[^>]*aria-invalid="true"', ganda.content.decode())
    assert f"Sudah ada dokumen IKI {dokumen.tahun}" in teks(ganda)
    respons = client.post(reverse("web:buat_dokumen", args=[a.pk]), {"tahun": dokumen.tahun + 5})
    baru = DokumenIKI.objects.get(instansi=a, tahun=dokumen.tahun + 5)
    assert respons["Location"] == reverse("web:dokumen", args=[baru.pk]) and baru.status == "draft"


def test_sasaran_and_tujuan_on_a_draft_and_refused_on_a_decree(masuk, a, dokumen, draft):
    client = masuk(ADMIN)
    kasi = Jabatan.objects.get(instansi=a, nama="Sekretaris Kecamatan")
    url = reverse("web:tambah_sasaran", args=[draft.pk, kasi.pk])
    kosong = client.post(url, {"uraian": " "})
    assert galat_di_bidang(kosong, "uraian")
    respons = client.post(url, {"uraian": "Meningkatnya layanan arsip"})
    sasaran = Sasaran.objects.get(dokumen=draft, uraian="Meningkatnya layanan arsip")
    assert respons["Location"] == reverse("web:tambah_indikator", args=[sasaran.pk])

    def urutan():
        return list(Sasaran.objects.filter(dokumen=draft, jabatan=kasi).order_by("urutan", "id"))

    sebelum = urutan()
    assert sebelum[-1] == sasaran and len(sebelum) > 1
    client.post(reverse("web:geser_sasaran", args=[sasaran.pk]), {"arah": "naik"})
    assert urutan() == [*sebelum[:-2], sasaran, sebelum[-2]]
    client.post(
        reverse("web:tambah_tujuan", args=[draft.pk, kasi.pk]),
        {"uraian": "Tata kelola tertib", "indikator": "Indeks tata kelola\nNilai SAKIP"},
    )
    tujuan = Tujuan.objects.get(dokumen=draft, jabatan=kasi)
    assert list(tujuan.indikator.values_list("uraian", flat=True)) == ["Indeks tata kelola", "Nilai SAKIP"]
    halaman = teks(client.get(reverse("web:dokumen", args=[draft.pk])))
    assert "Tata kelola tertib" in halaman and "Nilai SAKIP" in halaman
    assert client.post(reverse("web:hapus_sasaran", args=[sasaran.pk])).status_code == 302
    assert not Sasaran.objects.filter(pk=sasaran.pk).exists()
    # The decreed document: the pages send the user back with the reason, nothing is written.
    ditolak = client.post(reverse("web:tambah_sasaran", args=[dokumen.pk, kasi.pk]), {"uraian": "X"}, follow=True)
    assert "sudah ditetapkan" in teks(ditolak)
    assert not Sasaran.objects.filter(dokumen=dokumen, uraian="X").exists()


def test_variable_rows_are_indonesian_and_offer_only_this_year_s_constants(masuk, a, draft):
    client = masuk(ADMIN)
    sasaran = Sasaran.objects.filter(dokumen=draft).first()
    html = client.get(reverse("web:tambah_indikator", args=[sasaran.pk])).content.decode()
    templat = html.split('<template id="variabel-kosong">')[1].split("</template>")[0]
    assert "Select an option" not in html and "---------" not in html
    assert "— tidak memakai konstanta —" in templat
    ditawarkan = {int(v) for v in re.findall(r'<option value="(\d+)"', templat)}
    sah = set(Konstanta.objects.filter(instansi=a, tahun=draft.tahun).values_list("pk", flat=True))
    assert ditawarkan == sah and sah
    asing = Konstanta.objects.exclude(instansi=a).first()
    data = {
        "nama": "Rasio baru",
        "ekspresi": "x / y * 100",
        "satuan": "%",
        "polaritas": "positif",
        "periode_pelaporan": "triwulanan",
        "variabel-TOTAL_FORMS": "2",
        "variabel-INITIAL_FORMS": "0",
        "variabel-MIN_NUM_FORMS": "0",
        "variabel-MAX_NUM_FORMS": "1000",
        "variabel-0-kode": "x",
        "variabel-0-uraian": "Pembilang",
        "variabel-0-agregasi": "jumlah",
        "variabel-1-kode": "y",
        "variabel-1-uraian": "Penyebut",
        "variabel-1-agregasi": "jumlah",
        "variabel-1-konstanta": asing.pk,
    }
    ditolak = client.post(reverse("web:tambah_indikator", args=[sasaran.pk]), data)
    assert "Konstanta ini bukan milik instansi dan tahun dokumen ini; pilih dari daftar." in teks(ditolak)
    assert not Indikator.objects.filter(sasaran=sasaran, nama="Rasio baru").exists()
    sendiri = Konstanta.objects.filter(instansi=a, tahun=draft.tahun).first()
    diterima = client.post(
        reverse("web:tambah_indikator", args=[sasaran.pk]),
        data | {"variabel-1-konstanta": sendiri.pk, "jenis": "output", "penyedia_data": "Kasi Pemerintahan"},
    )
    assert diterima.status_code == 302, teks(diterima)
    baru = Indikator.objects.get(sasaran=sasaran, nama="Rasio baru")
    assert baru.variabel.get(kode="y").konstanta == sendiri and baru.jenis == "output"
    halaman = teks(client.get(reverse("web:indikator", args=[baru.pk])))
    assert "Output (keluaran)" in halaman and "Kasi Pemerintahan" in halaman


def test_a_constant_of_a_decreed_document_refuses_with_the_reason_on_the_form(masuk, a, dokumen):
    k = Konstanta.objects.filter(instansi=a, tahun=dokumen.tahun, variabel__isnull=False).first()
    respons = masuk(ADMIN).post(
        reverse("web:ubah_konstanta", args=[k.pk]), {"nama": k.nama, "kode": k.kode, "nilai": "99"}
    )
    assert respons.status_code == 200 and "sudah ditetapkan" in teks(respons)
    assert Konstanta.objects.get(pk=k.pk).nilai == k.nilai


def test_the_small_edits_through_their_buttons(masuk, a, draft):
    client = masuk(ADMIN)
    # Unit kerja: add two, move the second up, delete one.
    for nama in ("Seksi A Baru", "Seksi B Baru"):
        client.post(reverse("web:tambah_unit_kerja", args=[a.pk]), {"nama": nama, "jenis": "seksi"})
    b = UnitKerja.objects.get(instansi=a, nama="Seksi B Baru")
    sebelum = list(UnitKerja.objects.filter(instansi=a).order_by("urutan", "nama"))
    client.post(reverse("web:geser_unit_kerja", args=[b.pk]), {"arah": "naik"})
    sesudah = list(UnitKerja.objects.filter(instansi=a).order_by("urutan", "nama"))
    assert sesudah.index(b) == sebelum.index(b) - 1
    assert client.post(reverse("web:hapus_unit_kerja", args=[b.pk])).status_code == 302
    assert not UnitKerja.objects.filter(pk=b.pk).exists()
    # Indicators of one sasaran: move the last one up.
    sasaran = next(s for s in Sasaran.objects.filter(dokumen=draft) if s.indikator.count() > 1)
    urut = list(sasaran.indikator.order_by("urutan", "id"))
    client.post(reverse("web:geser_indikator", args=[urut[-1].pk]), {"arah": "naik"})
    assert list(sasaran.indikator.order_by("urutan", "id")) == [*urut[:-2], urut[-1], urut[-2]]
    # Tujuan: edit its indicators, then delete it.
    jab = sasaran.jabatan
    client.post(reverse("web:tambah_tujuan", args=[draft.pk, jab.pk]), {"uraian": "Tujuan uji", "indikator": "A"})
    tujuan = Tujuan.objects.get(dokumen=draft, uraian="Tujuan uji")
    client.post(reverse("web:ubah_tujuan", args=[tujuan.pk]), {"uraian": "Tujuan uji", "indikator": "B\nC"})
    assert list(tujuan.indikator.values_list("uraian", flat=True)) == ["B", "C"]
    client.post(reverse("web:hapus_tujuan", args=[tujuan.pk]))
    assert not Tujuan.objects.filter(pk=tujuan.pk).exists()
    # A pegawai recorded by mistake goes with its penugasan.
    caraka = Jabatan.objects.get(instansi=a, nama="Caraka")
    client.post(
        reverse("web:tambah_pegawai", args=[a.pk]),
        {"nama": "Salah Catat", "jabatan": caraka.pk, "jenis": "plh", "mulai": "2025-02-01"},
    )
    salah = Pegawai.objects.get(nama="Salah Catat")
    client.post(
        reverse("web:ubah_pegawai", args=[a.pk, salah.pk]), {"nama": "Salah Catat Sekali", "nip": "", "pangkat": ""}
    )
    salah.refresh_from_db()
    assert salah.nama == "Salah Catat Sekali"
    client.post(reverse("web:hapus_pegawai", args=[a.pk, salah.pk]))
    assert not Pegawai.objects.filter(pk=salah.pk).exists()
    assert {j.aksi for j in Jejak.objects.filter(aksi__in=["hapus_pegawai", "hapus_tujuan", "urutkan_indikator"])} == {
        "hapus_pegawai",
        "hapus_tujuan",
        "urutkan_indikator",
    }
