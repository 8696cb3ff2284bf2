"""Survey pages: login, scope on every URL, the upload → preview → confirm flow, the paper form,
finalising, linking indicators and the downloads."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.urls import reverse

from kinerja.realisasi.layanan import isian_periode
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel
from kinerja.survei import layanan
from kinerja.survei.models import Responden, SumberIKM, Survei

from .conftest import IKM_2017, JAWABAN_2017, KODE_2017, ke_csv, ke_xlsx, tabel

pytestmark = pytest.mark.django_db


BACA, TULIS = False, True


def semua_url(kantor, survei):
    """(method, url, writes) of every survey page, with ids of the given office and survey."""
    instansi = kantor.instansi.pk
    return [
        ("get", reverse("survei:daftar", args=[instansi]), BACA),
        ("get", reverse("survei:buat", args=[instansi]), TULIS),
        ("post", reverse("survei:sumber_tambah", args=[instansi]), TULIS),
        ("post", reverse("survei:sumber_lepas", args=[instansi, kantor.indikator_ikm.pk]), TULIS),
        ("get", reverse("survei:detail", args=[survei.pk]), BACA),
        ("get", reverse("survei:impor", args=[survei.pk]), TULIS),
        ("post", reverse("survei:impor_simpan", args=[survei.pk]), TULIS),
        ("get", reverse("survei:responden_daftar", args=[survei.pk]), BACA),
        ("get", reverse("survei:responden_baru", args=[survei.pk]), TULIS),
        ("post", reverse("survei:responden_hapus", args=[survei.pk, 1]), TULIS),
        ("post", reverse("survei:finalkan", args=[survei.pk]), TULIS),
        ("post", reverse("survei:buka", args=[survei.pk]), TULIS),
        ("post", reverse("survei:umpankan", args=[survei.pk]), TULIS),
        ("get", reverse("survei:unduh_pdf", args=[survei.pk]), BACA),
        ("get", reverse("survei:unduh_xlsx", args=[survei.pk]), BACA),
    ]


def test_every_page_needs_a_login(client, kantor, survei_terisi):
    masuk = resolve_url(settings.LOGIN_URL)
    for metode, url, _ in [("get", reverse("survei:beranda"), BACA), *semua_url(kantor, survei_terisi)]:
        respons = getattr(client, metode)(url)
        assert respons.status_code == 302 and respons["Location"].startswith(masuk), url


def test_another_office_gets_404_on_every_url(client, kantor, survei_terisi):
    client.force_login(kantor.admin_lain)
    for metode, url, _ in semua_url(kantor, survei_terisi):
        assert getattr(client, metode)(url).status_code == 404, url
    assert survei_terisi.responden.count() == 4 and survei_terisi.status == "draft"
    assert not SumberIKM.objects.exists()


def test_a_reader_sees_results_but_every_write_is_forbidden(client, kantor, survei_terisi):
    client.force_login(kantor.camat)
    for metode, url, tulis in semua_url(kantor, survei_terisi):
        assert getattr(client, metode)(url).status_code == (403 if tulis else 200), url
    detail = client.get(reverse("survei:detail", args=[survei_terisi.pk])).content.decode()
    assert "77,78" in detail and "Unggah berkas jawaban" not in detail and "Finalkan" not in detail
    assert survei_terisi.responden.count() == 4 and survei_terisi.status == "draft"


def test_home_redirects_a_one_office_user_and_lists_for_the_pemda(client, kantor, django_user_model):
    from kinerja.akun.models import Peran

    client.force_login(kantor.admin)
    assert client.get(reverse("survei:beranda"))["Location"] == reverse("survei:daftar", args=[kantor.instansi.pk])
    pemeriksa = django_user_model.objects.create(username="pemeriksa")
    Peran.objects.create(pengguna=pemeriksa, jenis="pemeriksa", pemda=kantor.instansi.pemda)
    client.force_login(pemeriksa)
    halaman = client.get(reverse("survei:beranda")).content.decode()
    assert "Kecamatan Uji" in halaman and "Kecamatan Lain" in halaman


def test_create_a_survey(client, kantor):
    client.force_login(kantor.admin)
    url = reverse("survei:buat", args=[kantor.instansi.pk])
    assert client.get(url).status_code == 200
    data = {
        "tahun": 2025,
        "periode": "TW2",
        "regulasi": "2017",
        "bobot": "tepat",
        "populasi": "",
        "jenis_layanan": "KTP\nKartu Keluarga\n",
    }
    respons = client.post(url, data)
    survei = Survei.objects.get(instansi=kantor.instansi, tahun=2025, periode="TW2")
    assert respons["Location"] == reverse("survei:detail", args=[survei.pk])
    assert survei.jenis_layanan == ["KTP", "Kartu Keluarga"] and survei.dibuat_oleh == kantor.admin
    ulang = client.post(url, data)
    assert ulang.status_code == 200 and "sudah ada" in ulang.content.decode()
    assert Survei.objects.filter(instansi=kantor.instansi).count() == 1


@pytest.mark.parametrize("ke_berkas, nama", [(ke_csv, "jawaban.csv"), (ke_xlsx, "jawaban.xlsx")])
def test_upload_preview_then_confirm(client, kantor, survei, ke_berkas, nama):
    client.force_login(kantor.admin)
    berkas = SimpleUploadedFile(nama, ke_berkas(tabel(JAWABAN_2017, KODE_2017, {"Catatan": list("abcd")})))
    pratinjau = client.post(reverse("survei:impor", args=[survei.pk]), {"berkas": berkas})
    halaman = pratinjau.content.decode()
    assert pratinjau.status_code == 200 and "77,78" in halaman and "Simpan 4 responden" in halaman
    assert "Catatan" in halaman  # the ignored column is named in a warning
    assert not Responden.objects.exists()

    sidik = pratinjau.context["pratinjau"].sidik
    respons = client.post(reverse("survei:impor_simpan", args=[survei.pk]), {"sidik": sidik})
    assert respons["Location"] == reverse("survei:detail", args=[survei.pk])
    assert survei.responden.count() == 4
    detail = client.get(respons["Location"]).content.decode()
    assert "4 responden dari" in detail and "77,78" in detail and "<svg" in detail
    # The preview is spent: confirming twice does not import twice.
    client.post(reverse("survei:impor_simpan", args=[survei.pk]), {"sidik": sidik})
    assert survei.responden.count() == 4


def test_a_file_with_bad_rows_is_previewed_with_its_errors_and_cannot_be_saved(client, kantor, survei):
    client.force_login(kantor.admin)
    jawaban = [list(baris) for baris in JAWABAN_2017]
    jawaban[1][4] = 9
    berkas = SimpleUploadedFile("salah.xlsx", ke_xlsx(tabel(jawaban, KODE_2017)))
    respons = client.post(reverse("survei:impor", args=[survei.pk]), {"berkas": berkas})
    halaman = respons.content.decode()
    assert (
        "Kesalahan per baris (1)" in halaman
        and "Baris 3, kolom &#x27;U5&#x27; (U5): nilai 9 di luar rentang 1–4" in halaman
    )
    assert "Simpan" not in halaman
    palsu = client.post(reverse("survei:impor_simpan", args=[survei.pk]), {"sidik": respons.context["pratinjau"].sidik})
    assert palsu["Location"] == reverse("survei:impor", args=[survei.pk])
    assert not Responden.objects.exists()


@pytest.mark.parametrize(
    "isi, pesan",
    [
        (b"", "Berkas yang dikirimkan kosong"),
        (b" \r\n;\r\n", "Berkas kosong"),
        (ke_csv([baris[:-1] for baris in tabel(JAWABAN_2017, KODE_2017)]), "Kolom unsur tidak ditemukan: U9"),
    ],
)
def test_an_unusable_file_is_refused_on_the_form(client, kantor, survei, isi, pesan):
    client.force_login(kantor.admin)
    respons = client.post(reverse("survei:impor", args=[survei.pk]), {"berkas": SimpleUploadedFile("x.csv", isi)})
    assert respons.status_code == 200
    assert pesan in respons.content.decode()
    assert not Responden.objects.exists()


def test_paper_questionnaire_form(client, kantor, survei):
    client.force_login(kantor.admin)
    url = reverse("survei:responden_baru", args=[survei.pk])
    halaman = client.get(url).content.decode()
    assert "U8 Penanganan Pengaduan, Saran dan Masukan" in halaman and "Tidak dijawab" in halaman
    kosong = client.post(url, {"jenis_kelamin": "L"})
    assert kosong.status_code == 200 and "paling sedikit satu unsur" in kosong.content.decode()
    respons = client.post(url, {**dict(zip(KODE_2017, map(str, JAWABAN_2017[2]), strict=True)), "U3": "", "umur": "40"})
    assert respons["Location"] == url
    responden = survei.responden.get()
    assert responden.jawaban["U3"] is None and responden.jawaban["U1"] == 3 and responden.umur == "40"
    assert "Responden nomor 1 disimpan" in client.get(url).content.decode()


def test_respondent_list_and_delete(client, kantor, survei_terisi):
    client.force_login(kantor.admin)
    halaman = client.get(reverse("survei:responden_daftar", args=[survei_terisi.pk])).content.decode()
    assert "Responden (4)" in halaman and "jawaban.csv" in halaman
    client.post(reverse("survei:responden_hapus", args=[survei_terisi.pk, 2]))
    assert list(survei_terisi.responden.values_list("nomor", flat=True)) == [1, 3, 4]
    # numbers are not reused: the next questionnaire is number 5
    assert (
        "Responden nomor 5." in client.get(reverse("survei:responden_baru", args=[survei_terisi.pk])).content.decode()
    )


def test_link_indicator_then_finalise_feeds_it(client, kantor, survei_terisi, tw):
    client.force_login(kantor.admin)
    daftar = client.get(reverse("survei:daftar", args=[kantor.instansi.pk]))
    assert kantor.indikator_ikm.pk in dict(daftar.context["form_sumber"].fields["indikator"].choices)
    client.post(reverse("survei:sumber_tambah", args=[kantor.instansi.pk]), {"indikator": kantor.indikator_ikm.pk})
    assert SumberIKM.objects.get().indikator == kantor.indikator_ikm

    respons = client.post(reverse("survei:finalkan", args=[survei_terisi.pk]), follow=True)
    halaman = respons.content.decode()
    assert "Nilai 77,78 diisikan ke indikator" in halaman
    assert NilaiVariabel.objects.get(variabel=kantor.variabel_ikm, periode=tw).nilai == Decimal(IKM_2017)
    assert "Kirim ulang nilai ke indikator" in halaman and "Unggah berkas jawaban" not in halaman

    client.post(reverse("survei:sumber_lepas", args=[kantor.instansi.pk, kantor.indikator_ikm.pk]))
    assert not SumberIKM.objects.exists()


def test_finalising_into_a_locked_period_shows_why(client, kantor, survei_terisi, tw):
    layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    isian = isian_periode(kantor.dokumen, kantor.indikator_ikm.sasaran.jabatan, tw)
    IsianPeriode.objects.filter(pk=isian.pk).update(status=IsianPeriode.Status.DIVERIFIKASI)
    client.force_login(kantor.admin)
    halaman = client.post(reverse("survei:finalkan", args=[survei_terisi.pk]), follow=True).content.decode()
    assert "periode sudah dikunci" in halaman
    survei_terisi.refresh_from_db()
    assert survei_terisi.status == "draft" and not NilaiVariabel.objects.exists()


def test_reopen_needs_a_final_survey(client, kantor, survei_terisi):
    client.force_login(kantor.admin)
    layanan.finalkan(kantor.admin, survei_terisi)
    client.post(reverse("survei:buka", args=[survei_terisi.pk]), {"alasan": "koreksi"})
    survei_terisi.refresh_from_db()
    assert survei_terisi.status == "draft"
    halaman = client.post(reverse("survei:buka", args=[survei_terisi.pk]), follow=True).content.decode()
    assert "masih draft" in halaman


def test_downloads(client, kantor, survei_terisi, survei):
    client.force_login(kantor.camat)  # readers may download
    pdf = client.get(reverse("survei:unduh_pdf", args=[survei_terisi.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert (
        pdf["Content-Disposition"]
        == f'attachment; filename="SKM_Uji_{survei_terisi.tahun}_{survei_terisi.periode}.pdf"'
    )
    xlsx = client.get(reverse("survei:unduh_xlsx", args=[survei_terisi.pk]))
    assert xlsx.content.startswith(b"PK") and xlsx["Content-Disposition"].endswith('.xlsx"')
    kosong = layanan.buat_survei(kantor.admin, kantor.instansi, tahun=2024, periode="TW1")
    assert client.get(reverse("survei:unduh_pdf", args=[kosong.pk])).status_code == 404


def test_upload_can_replace_the_existing_respondents(client, kantor, survei_terisi):
    client.force_login(kantor.admin)
    berkas = SimpleUploadedFile("dua.csv", ke_csv(tabel(JAWABAN_2017[:2], KODE_2017)))
    pratinjau = client.post(reverse("survei:impor", args=[survei_terisi.pk]), {"berkas": berkas, "ganti": "on"})
    halaman = pratinjau.content.decode()
    assert "4 responden yang sudah ada akan diganti" in halaman and 'name="ganti" value="True"' in halaman
    form = pratinjau.context["form"]
    client.post(
        reverse("survei:impor_simpan", args=[survei_terisi.pk]),
        {"sidik": form.initial["sidik"], "ganti": form.initial["ganti"]},
    )
    assert list(survei_terisi.responden.values_list("nomor", flat=True)) == [1, 2]
