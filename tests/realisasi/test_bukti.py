"""Evidence files: type by content not name, size limit, random storage name, scope-checked opening."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from kinerja.audit.models import Jejak
from kinerja.realisasi import layanan
from kinerja.realisasi.layanan import PeriodeTerkunci, TidakBerhak, simpan_bukti
from kinerja.realisasi.models import BuktiDukung

from .conftest import buat_kantor, buat_pengguna, tetapkan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "berkas"
    return settings.MEDIA_ROOT


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def zip_bytes(names) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as arsip:
        for name in names:
            arsip.writestr(name, "x")
    return buffer.getvalue()


@pytest.fixture
def isian(kantor, tw):
    return layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw)


def test_a_pdf_is_stored_under_a_random_name_and_audited(kantor, isian, media):
    bukti = simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("../../laporan LPJ.pdf", PDF))
    assert (bukti.jenis, bukti.nama_asli, bukti.ukuran) == ("pdf", "laporan LPJ.pdf", len(PDF))
    disimpan = Path(bukti.berkas.path)
    assert disimpan.is_relative_to(media) and disimpan.read_bytes() == PDF
    assert "laporan" not in disimpan.name and disimpan.suffix == ".pdf"
    assert Jejak.objects.filter(aksi="unggah_bukti", objek_id=str(bukti.pk)).exists()


@pytest.mark.parametrize(
    "nama, isi, jenis",
    [
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "jpg"),
        ("grafik.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        ("rekap.xlsx", None, "xlsx"),
        ("nota.docx", None, "docx"),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),  # named .pdf, is a PNG: stored as PNG
    ],
)
def test_allowed_types_are_recognised_by_content(kantor, isian, nama, isi, jenis):
    isi = isi or (xlsx_bytes() if jenis == "xlsx" else docx_bytes())
    bukti = simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile(nama, isi))
    assert bukti.jenis == jenis and bukti.berkas.name.endswith("." + jenis)


@pytest.mark.parametrize(
    "nama, isi",
    [
        ("laporan.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),  # a Windows executable
        ("laporan.docx", zip_bytes(["payload.exe"])),  # a zip, but not Office
        ("rekap.xlsx", zip_bytes(["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"])),  # macros
        ("catatan.pdf", b"just text pretending"),
        ("kosong.pdf", b""),
    ],
)
def test_other_content_is_refused_whatever_the_name(kantor, isian, media, nama, isi):
    with pytest.raises(ValidationError):
        simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile(nama, isi))
    assert not BuktiDukung.objects.exists()
    assert not media.exists() or not any(media.rglob("*.*"))


def test_files_over_10_mb_are_refused(kantor, isian):
    besar = PDF + b"0" * (layanan.MAKS_UKURAN_BUKTI - len(PDF) + 1)
    with pytest.raises(ValidationError, match="10 MB"):
        simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("besar.pdf", besar))
    pas = PDF + b"0" * (layanan.MAKS_UKURAN_BUKTI - len(PDF))
    assert simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("pas.pdf", pas)).ukuran == layanan.MAKS_UKURAN_BUKTI


def test_evidence_for_a_value(kantor, tw):
    nv = layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    bukti = simpan_bukti(kantor.u_sekcam, nv, SimpleUploadedFile("lpj.pdf", PDF))
    assert bukti.nilai_variabel == nv and bukti.isian.jabatan == kantor.sekcam and bukti.isian.periode == tw


def test_only_the_holder_uploads_and_not_into_a_locked_period(kantor, isian, django_user_model):
    with pytest.raises(TidakBerhak):
        simpan_bukti(kantor.u_camat, isian, SimpleUploadedFile("a.pdf", PDF))
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    with pytest.raises(PeriodeTerkunci):
        simpan_bukti(
            lalu.u_sekcam, layanan.isian_periode(lalu.dokumen, lalu.sekcam, "TW1"), SimpleUploadedFile("a.pdf", PDF)
        )
    assert not BuktiDukung.objects.exists()


def test_opening_checks_scope(kantor, isian, django_user_model):
    bukti = simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("lpj.pdf", PDF))
    with layanan.buka_bukti(kantor.u_camat, bukti) as berkas:
        assert berkas.read() == PDF
    lain = buat_kantor(django_user_model, nama="Kecamatan Lain", awalan="x")
    orang_luar = buat_pengguna(django_user_model, "luar", lain.instansi, None, ("admin_instansi",))
    from django.contrib.auth.models import AnonymousUser

    for user in (orang_luar, AnonymousUser()):
        with pytest.raises(Http404):
            layanan.buka_bukti(user, bukti)


def test_an_office_zip_bomb_is_not_stored_as_evidence(kantor, isian):
    from tests.unggahan import bom

    with pytest.raises(ValidationError, match="terurai menjadi 64 MB"):
        simpan_bukti(kantor.u_sekcam, isian, SimpleUploadedFile("bom.xlsx", bom.bom_terurai(64)))
    assert not BuktiDukung.objects.exists()
