"""Preview and download views: scope checked on the object, files named and typed, errors in Indonesian."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.audit.models import Jejak
from kinerja.laporan.models import TeksStandar

from .conftest import buat_kantor, teks_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_kantor(db):
    return (
        buat_kantor("Kecamatan A", nip=("198606272014121002", "199001012015032003")),
        buat_kantor("Kecamatan B", nip=("198606272014121003", "199001012015032004")),
    )


def url_semua(kantor):
    return [
        reverse("laporan:iki", args=[kantor.instansi.pk, 2025]),
        reverse("laporan:pk", args=[kantor.sekcam.pk, 2025]),
        reverse("laporan:lkjip", args=[kantor.instansi.pk, 2025]),
        reverse("laporan:teks", args=[kantor.instansi.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, dua_kantor):
    a, _ = dua_kantor
    for url in [*url_semua(a), reverse("laporan:rekap", args=[a.instansi.pemda.pk, 2025])]:
        jawab = client.get(url + "?format=pdf")
        assert jawab.status_code == 302 and jawab.url.startswith(reverse("web:masuk")), url


def test_another_office_is_not_found(client, pengguna, dua_kantor):
    a, b = dua_kantor
    client.force_login(pengguna("admin.a", "admin_instansi", instansi=a.instansi))
    for url in url_semua(b):
        for query in ("", "?format=pdf", "?format=docx"):
            assert client.get(url + query).status_code == 404, url + query
    assert client.get(reverse("laporan:rekap", args=[a.instansi.pemda.pk, 2025])).status_code == 404
    assert client.get(reverse("laporan:iki", args=[a.instansi.pk, 2025]) + "?format=docx").status_code == 200


def test_preview_is_the_document_page_with_download_links(client, pengguna, kantor):
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    url = reverse("laporan:iki", args=[kantor.instansi.pk, 2025])
    jawab = client.get(url + "?kertas=f4")
    html = jawab.content.decode()
    assert jawab.status_code == 200 and "KEPUTUSAN" in html.upper() and "Persentase desa tertib" in html
    assert f'href="{url}?kertas=f4&amp;format=pdf"' in html and f'href="{url}?kertas=f4&amp;format=xlsx"' in html
    assert "size: 215mm 330mm" in html and 'class="pecahan"' in html


def test_downloads_are_files_with_their_names_and_types(client, pengguna, kantor):
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    jawab = client.get(reverse("laporan:iki", args=[kantor.instansi.pk, 2025]) + "?format=pdf")
    isi = b"".join(jawab.streaming_content)
    assert jawab["Content-Type"] == "application/pdf"
    assert jawab["Content-Disposition"] == 'attachment; filename="iki-kecamatan-uji-2025.pdf"'
    assert "Persentase desa tertib" in teks_pdf(isi)
    jawab = client.get(reverse("laporan:lkjip", args=[kantor.instansi.pk, 2025]) + "?format=xlsx&periode=SD_TW2")
    assert jawab["Content-Disposition"].endswith('filename="pengukuran-kinerja-kecamatan-uji-2025-sd_tw2.xlsx"')
    ws = load_workbook(io.BytesIO(b"".join(jawab.streaming_content))).active
    assert ws["A2"].value.startswith("Periode: s.d. Triwulan II")
    jawab = client.get(reverse("laporan:pk", args=[kantor.sekcam.pk, 2025]) + "?format=docx&tanggal=2025-07-01")
    assert jawab["Content-Type"].endswith("wordprocessingml.document")


def test_bad_requests_get_a_clear_message(client, pengguna, kantor):
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    iki = reverse("laporan:iki", args=[kantor.instansi.pk, 2025])
    for url, status, pesan in [
        (reverse("laporan:pk", args=[kantor.sekcam.pk, 2025]) + "?format=xlsx", 400, "tidak tersedia sebagai XLSX"),
        (iki + "?kertas=legal", 400, "Ukuran kertas “legal” tidak dikenal"),
        (iki + "?revisi=dua", 400, "bukan nomor revisi"),
        (
            reverse("laporan:iki", args=[kantor.instansi.pk, 2030]),
            404,
            "Belum ada dokumen IKI Kecamatan Uji untuk tahun 2030",
        ),
        (
            reverse("laporan:lkjip", args=[kantor.instansi.pk, 2025]) + "?periode=TW9",
            400,
            "Periode “TW9” tidak dikenal",
        ),
        (reverse("laporan:pk", args=[kantor.sekcam.pk, 2025]) + "?tanggal=31-02-2025", 400, "tidak ada"),
        (iki.replace("2025", "1999"), 400, "di luar rentang"),
    ]:
        jawab = client.get(url)
        assert jawab.status_code == status and pesan in jawab.content.decode(), url
        assert reverse("web:katalog", args=[kantor.instansi.pk]) in jawab.content.decode()  # a way back


def test_the_recap_is_for_pemda_wide_roles(client, pengguna, dua_kantor):
    a, _ = dua_kantor
    url = reverse("laporan:rekap", args=[a.instansi.pemda.pk, 2025])
    client.force_login(pengguna("camat.a", "camat", instansi=a.instansi))
    assert client.get(url).status_code == 404
    client.force_login(pengguna("pemeriksa", "pemeriksa", pemda=a.instansi.pemda))
    jawab = client.get(url)
    assert (
        jawab.status_code == 200 and "Kecamatan A" in jawab.content.decode() and "Kecamatan B" in jawab.content.decode()
    )
    jawab = client.get(url + "?format=xlsx")
    ws = load_workbook(io.BytesIO(b"".join(jawab.streaming_content))).active
    assert {ws["B5"].value, ws["B6"].value} == {"Kecamatan A", "Kecamatan B"}


def test_the_admin_edits_the_standard_texts_with_an_audit_record(client, pengguna, kantor):
    url = reverse("laporan:teks", args=[kantor.instansi.pk])
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    assert client.get(url).status_code == 403
    assert client.post(url, {"bab_3": "Teks lain."}).status_code == 403
    assert not TeksStandar.objects.exists()

    client.force_login(pengguna("admin.uji", "admin_instansi", instansi=kantor.instansi))
    halaman = client.get(url)
    assert halaman.status_code == 200 and "Kata Pengantar" in halaman.content.decode()
    jawab = client.post(url, {"bab_3": "Penutup {instansi}.\r\n\r\nTerima kasih.", "kata_pengantar": ""})
    assert jawab.status_code == 302
    teks = TeksStandar.objects.get(instansi=kantor.instansi)
    assert (teks.bagian, teks.isi, teks.diubah_oleh.username) == (
        "bab_3",
        "Penutup {instansi}.\n\nTerima kasih.",
        "admin.uji",
    )
    jejak = Jejak.objects.get(aksi="ubah_teks_standar")
    assert (
        jejak.pengguna.username == "admin.uji" and jejak.perubahan["bab_3"][1] == "Penutup {instansi}.\n\nTerima kasih."
    )
    pratinjau = client.get(reverse("laporan:iki", args=[kantor.instansi.pk, 2025])).content.decode()
    assert "Penutup Kecamatan Uji." in pratinjau

    jawab = client.post(url, {"bab_3": "Tetap.", "diktum": "Salah {nomor}."})
    assert jawab.status_code == 400 and "Penanda tidak dikenal: {nomor}" in jawab.content.decode()
    assert TeksStandar.objects.get(instansi=kantor.instansi).isi.startswith("Penutup")  # nothing saved

    client.post(url, {"bab_3": ""})
    assert not TeksStandar.objects.exists()  # an empty box goes back to the default
    assert Jejak.objects.filter(aksi="ubah_teks_standar").count() == 2


def test_the_admin_pemda_names_the_bupati_for_every_camat_pk(client, pengguna, kantor):
    pemda = kantor.instansi.pemda
    url = reverse("laporan:kepala_daerah", args=[pemda.pk])
    client.force_login(pengguna("admin.uji", "admin_instansi", instansi=kantor.instansi))
    assert client.get(url).status_code == 404  # not a pemda-wide role
    client.force_login(pengguna("pemeriksa", "pemeriksa", pemda=pemda))
    assert client.get(url).status_code == 403  # sees the pemda, may not change it
    assert client.post(url, {"nama": "X"}).status_code == 403
    client.force_login(pengguna("admin.pemda", "admin_pemda", pemda=pemda))
    assert "Bupati Uji" in client.get(url).content.decode()
    assert client.post(url, {"nama": "  H. Slamet   Junaidi ", "sebutan": ""}).status_code == 302
    assert layanan_pk_kedua(kantor) == ("Bupati Uji", "H. Slamet Junaidi")
    jejak = Jejak.objects.get(aksi="ubah_kepala_daerah")
    assert jejak.pengguna.username == "admin.pemda" and jejak.perubahan["nama"] == ["", "H. Slamet Junaidi"]
    assert client.post(url, {"nama": "N" * 161}).status_code == 400
    assert layanan_pk_kedua(kantor) == ("Bupati Uji", "H. Slamet Junaidi")  # nothing saved
    client.post(url, {"nama": ""})
    assert layanan_pk_kedua(kantor) == ("Bupati Uji", "")


def layanan_pk_kedua(kantor):
    from kinerja.laporan import layanan

    kedua = layanan.data_pk(kantor.camat, 2025).pihak_kedua
    return kedua.jabatan, kedua.nama
