"""Isian through Excel: template download, upload preview, all-or-nothing apply, another office's file."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.realisasi import excel
from kinerja.realisasi.models import RiwayatNilai

from .conftest import KEC_A
from .test_isian import STAF, Isian, teks

pytestmark = pytest.mark.django_db


@pytest.fixture
def isian(demo):
    return Isian(demo.instansi[0])


def isi_templat(isi: bytes, nilai_per_kode: dict) -> bytes:
    buku = load_workbook(io.BytesIO(isi))
    ws = buku[excel.LEMBAR_ISIAN]
    for baris in ws.iter_rows(min_row=excel.BARIS_JUDUL_KOLOM + 1):
        kode = baris[5].value
        if kode in nilai_per_kode:
            baris[excel.KOL_NILAI - 1].value = nilai_per_kode[kode]
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def test_the_jabatan_template_lists_its_variables(masuk, isian):
    respons = masuk(STAF).get(isian.aksi("templat_jabatan"))
    assert respons.status_code == 200 and respons["Content-Type"].startswith("application/vnd.openxmlformats")
    assert respons["Content-Disposition"].endswith('.xlsx"')
    ws = load_workbook(io.BytesIO(respons.content))[excel.LEMBAR_ISIAN]
    kode = {baris[5] for baris in ws.iter_rows(min_row=excel.BARIS_JUDUL_KOLOM + 1, values_only=True)}
    assert kode == set(isian.variabel)


def test_upload_previews_then_applies_through_the_service(masuk, isian):
    client = masuk(STAF)
    url = reverse("web:unggah", args=[isian.dokumen.instansi_id])
    templat = client.get(
        reverse("web:templat_instansi", args=[isian.dokumen.instansi_id]),
        {"tahun": isian.dokumen.tahun, "periode": isian.periode},
    ).content
    berkas = isi_templat(templat, {"surat_diterima": 40, "surat_didistribusikan_tepat": 38})
    pratinjau = client.post(url, {"berkas": SimpleUploadedFile("isian.xlsx", berkas)})
    assert pratinjau.status_code == 200
    halaman = teks(pratinjau)
    assert "Simpan 2 perubahan" in halaman and "Jumlah surat yang diterima" in halaman
    assert isian.nilai("surat_diterima") is None  # the preview writes nothing
    isi = pratinjau.context["isi"]
    respons = client.post(url, {"terapkan": "1", "isi": isi}, follow=True)
    assert "2 nilai dari unggahan Excel tersimpan." in teks(respons)
    assert isian.nilai("surat_diterima") == 40 and isian.nilai("surat_didistribusikan_tepat") == 38
    assert RiwayatNilai.objects.filter(sumber="excel").count() == 2


def test_rows_of_jabatan_the_user_does_not_hold_are_refused_all_or_nothing(masuk, isian):
    client = masuk(STAF)
    templat = excel.buat_template(isian.dokumen.instansi, isian.dokumen.tahun, isian.periode)
    berkas = isi_templat(templat, {"surat_diterima": 40, "lpj_wajib": 4})
    respons = client.post(
        reverse("web:unggah", args=[isian.dokumen.instansi_id]), {"berkas": SimpleUploadedFile("isian.xlsx", berkas)}
    )
    assert "Anda tidak berhak mengisi realisasi Sekretaris Kecamatan" in teks(respons)
    assert "Simpan" not in teks(respons).split("Pratinjau")[1]
    assert isian.nilai("surat_diterima") is None


def test_a_file_of_another_office_reveals_nothing_of_it(masuk, isian, demo):
    b = demo.instansi[1]
    templat = excel.buat_template(b, isian.dokumen.tahun, isian.periode)
    respons = masuk(f"admin.{KEC_A}").post(
        reverse("web:unggah", args=[isian.dokumen.instansi_id]),
        {"berkas": SimpleUploadedFile("isian.xlsx", isi_templat(templat, {}))},
    )
    halaman = teks(respons)
    assert f"Templat ini bukan untuk {isian.dokumen.instansi}" in halaman
    assert "Baris" not in halaman.split("Pratinjau")[1]


def test_a_file_that_is_not_a_template_gets_a_clear_message(masuk, isian):
    respons = masuk(STAF).post(
        reverse("web:unggah", args=[isian.dokumen.instansi_id]),
        {"berkas": SimpleUploadedFile("isian.xlsx", b"bukan excel")},
    )
    assert "bukan XLSX (Excel)" in teks(respons)


def test_a_tampered_confirmation_is_checked_again(masuk, isian):
    respons = masuk(STAF).post(reverse("web:unggah", args=[isian.dokumen.instansi_id]), {"terapkan": "1", "isi": "%%%"})
    assert respons.status_code == 422 and "bukan XLSX (Excel)" in teks(respons)
