"""PAdES signatures with a throw-away certificate made in the test: signed by pyHanko, checked by pyHanko."""

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.laporan import layanan, tanda_tangan
from kinerja.laporan.isi import LaporanError
from kinerja.organisasi.models import Jabatan

from .conftest import buat_kantor

pytestmark = pytest.mark.django_db

SANDI = "sandi-uji"


@pytest.fixture(scope="module")
def sertifikat():
    """(PKCS#12 bytes, certificate DER): a self-signed certificate for the Camat, valid for a day."""
    kunci = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nama = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Drs. Ahmad Fauzi Uji"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kabupaten Uji"),
        ]
    )
    sekarang = dt.datetime.now(dt.UTC)
    sert = (
        x509.CertificateBuilder()
        .subject_name(nama)
        .issuer_name(nama)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(hours=1))
        .not_valid_after(sekarang + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True)
        .sign(kunci, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"camat", kunci, sert, None, serialization.BestAvailableEncryption(SANDI.encode())
    )
    return p12, sert.public_bytes(serialization.Encoding.DER)


def test_a_decreed_iki_is_signed_and_the_signature_validates(kantor, sertifikat):
    p12, der = sertifikat
    berkas = layanan.tandatangani("iki", kantor.instansi, layanan.data_iki(kantor.instansi, 2025), p12, SANDI, "iki")
    assert berkas.nama == "iki-ttd.pdf" and berkas.isi.startswith(b"%PDF")
    [hasil] = tanda_tangan.periksa_pdf(berkas.isi)
    assert hasil.penanda_tangan == "Drs. Ahmad Fauzi Uji" and hasil.organisasi == "Pemerintah Kabupaten Uji"
    assert hasil.utuh and hasil.seluruh_berkas and hasil.sah and hasil.lokasi == "Uji"
    assert not hasil.terpercaya  # no root given
    [dipercaya] = tanda_tangan.periksa_pdf(berkas.isi, [der])
    assert dipercaya.terpercaya
    assert Jejak.objects.filter(aksi="tandatangani_dokumen", ringkasan__contains="Drs. Ahmad Fauzi Uji").exists()


def test_a_changed_byte_breaks_the_signature(kantor, sertifikat):
    p12, _ = sertifikat
    isi = layanan.tandatangani("iki", kantor.instansi, layanan.data_iki(kantor.instansi, 2025), p12, SANDI, "x").isi
    # A digit of the page content changed: the PDF still opens, the signed digest no longer matches.
    posisi = isi.index(b"/Producer")
    rusak = isi[:posisi] + b"/Producex" + isi[posisi + 9 :]
    [hasil] = tanda_tangan.periksa_pdf(rusak)
    assert not hasil.utuh and not hasil.sah


def test_a_pk_is_signed(kantor, sertifikat):
    p12, _ = sertifikat
    sekcam = Jabatan.objects.get(pk=kantor.sekcam.pk)
    berkas = layanan.tandatangani("pk", sekcam, layanan.data_pk(sekcam, 2025), p12, SANDI, "pk")
    assert tanda_tangan.periksa_pdf(berkas.isi)[0].sah


def test_a_draft_a_wrong_password_and_an_unsigned_pdf(db, sertifikat):
    p12, _ = sertifikat
    draf = buat_kantor(tetapkan=False)
    with pytest.raises(LaporanError, match="masih draf"):
        layanan.tandatangani("iki", draf.instansi, layanan.data_iki(draf.instansi, 2025), p12, SANDI, "x")
    kantor = buat_kantor(nama="Kecamatan Dua", nip=("198001012005011001", "198202022006042002"))
    with pytest.raises(LaporanError, match="kata sandi salah"):
        layanan.tandatangani("iki", kantor.instansi, layanan.data_iki(kantor.instansi, 2025), p12, "salah", "x")
    assert not Jejak.objects.filter(aksi="tandatangani_dokumen").exists()
    assert tanda_tangan.periksa_pdf(layanan.buat_iki(kantor.instansi, 2025, "pdf").isi) == []
    with pytest.raises(tanda_tangan.TandaTanganError, match="bukan PDF"):
        tanda_tangan.periksa_pdf(b"PK\x03\x04 not a pdf")


def test_the_pages_sign_and_verify(client, pengguna, kantor, sertifikat):
    p12, _ = sertifikat
    client.force_login(pengguna("admin.uji", "admin_instansi", instansi=kantor.instansi))
    url = reverse("laporan:tandatangani_iki", args=[kantor.instansi.pk, 2025])
    assert url in client.get(reverse("laporan:iki", args=[kantor.instansi.pk, 2025])).content.decode()
    jawab = client.post(url, {"sertifikat": SimpleUploadedFile("camat.p12", p12), "sandi": "salah"})
    assert jawab.status_code == 400 and "kata sandi salah" in jawab.content.decode()
    jawab = client.post(url, {"sertifikat": SimpleUploadedFile("camat.p12", p12), "sandi": SANDI})
    assert jawab["Content-Type"] == "application/pdf"
    bertanda = b"".join(jawab.streaming_content)
    jawab = client.post(reverse("laporan:verifikasi"), {"pdf": SimpleUploadedFile("iki.pdf", bertanda)})
    html = jawab.content.decode()
    assert jawab.status_code == 200 and "Tanda tangan sah" in html and "Drs. Ahmad Fauzi Uji" in html


def test_a_camat_without_admin_rights_cannot_sign(client, pengguna, kantor):
    client.force_login(pengguna("camat.uji", "camat", instansi=kantor.instansi))
    jawab = client.get(reverse("laporan:tandatangani_iki", args=[kantor.instansi.pk, 2025]))
    assert jawab.status_code == 403
