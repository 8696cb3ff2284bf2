"""The kop surat: the pemda's lambang and the instansi's office, address, kode pos, telephone, e-mail and
website on the decree, in PDF and DOCX; Tembusan under the signature; the settings page."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja.audit.models import Jejak
from kinerja.laporan import layanan
from kinerja.laporan.kop import kop_instansi

from .conftest import docx, halaman_pdf, teks_docx

pytestmark = pytest.mark.django_db


def gambar_png(lebar=400, tinggi=500) -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), (200, 30, 30)).save(keluaran, "PNG")
    return keluaran.getvalue()


ISIAN = {
    "nama_kantor": "Kantor Kecamatan Uji",
    "alamat": "Jalan Raya Uji No. 1",
    "kode_pos": "69263",
    "telepon": "(0323) 123456",
    "email": "kec.uji@ujikab.go.id",
    "laman": "uji.ujikab.go.id",
    "tembusan": "Bupati Uji\nSekretaris Daerah Kabupaten Uji\n\n",
}


def test_the_kop_and_tembusan_are_printed_in_pdf_and_docx(kantor):
    layanan.simpan_kop(kantor.instansi, ISIAN, lambang=("lambang.png", gambar_png()))
    kantor.instansi.refresh_from_db()
    kop = kop_instansi(kantor.instansi)
    assert kop.pemerintah == "PEMERINTAH KABUPATEN UJI" and kop.kantor == "KANTOR KECAMATAN UJI"
    assert kop.alamat == "Jalan Raya Uji No. 1, Kode Pos 69263"
    # Re-encoded no higher than the print needs.
    assert Image.open(io.BytesIO(kop.lambang_png)).height == 300

    halaman = halaman_pdf(layanan.buat_iki(kantor.instansi, 2025, "pdf").isi)
    keputusan = next(h for h in halaman if "MEMUTUSKAN" in h)
    assert "PEMERINTAH KABUPATEN UJI KANTOR KECAMATAN UJI Jalan Raya Uji No. 1, Kode Pos 69263" in keputusan
    assert "Telepon (0323) 123456 · Pos-el: kec.uji@ujikab.go.id · Laman: uji.ujikab.go.id" in keputusan
    semua = " ".join(halaman)
    assert "Tembusan: 1. Bupati Uji 2. Sekretaris Daerah Kabupaten Uji" in semua

    dokumen = docx(layanan.buat_iki(kantor.instansi, 2025, "docx").isi)
    teks = teks_docx(dokumen)
    assert "KANTOR KECAMATAN UJI" in teks and "Kode Pos 69263" in teks and "Pos-el: kec.uji@ujikab.go.id" in teks
    assert "Tembusan:" in teks and "Sekretaris Daerah Kabupaten Uji" in teks
    assert len(dokumen.inline_shapes) == 1  # the lambang


def test_bad_input_changes_nothing_and_names_the_field(kantor):
    with pytest.raises(ValidationError) as galat:
        layanan.simpan_kop(
            kantor.instansi,
            {**ISIAN, "kode_pos": "692", "email": "bukan email"},
            lambang=("lambang.png", b"bukan gambar"),
        )
    assert set(galat.value.message_dict) == {"kode_pos", "email", "lambang"}
    kantor.instansi.refresh_from_db()
    assert kantor.instansi.telepon == "" and not kantor.instansi.pemda.lambang
    assert not Jejak.objects.filter(aksi__in=["ubah_kop_surat", "ubah_lambang_daerah"]).exists()


def test_the_settings_page(client, pengguna, kantor):
    url = reverse("laporan:kop", args=[kantor.instansi.pk])
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    assert client.get(url).status_code == 403
    client.force_login(pengguna("admin.pemda", "admin_pemda", pemda=kantor.instansi.pemda))
    assert url in client.get(reverse("laporan:iki", args=[kantor.instansi.pk, 2025])).content.decode()
    jawab = client.post(url, {**ISIAN, "lambang": SimpleUploadedFile("lambang.png", gambar_png())})
    assert jawab.status_code == 302
    kantor.instansi.refresh_from_db()
    assert kantor.instansi.kode_pos == "69263" and kantor.instansi.pemda.lambang
    assert Jejak.objects.filter(aksi="ubah_kop_surat").exists() and Jejak.objects.filter(aksi="ubah_lambang_daerah")
    jawab = client.post(url, {**ISIAN, "kode_pos": "abc"})
    assert jawab.status_code == 400 and "Kode pos terdiri dari 5 angka." in jawab.content.decode()
