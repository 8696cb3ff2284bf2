"""Organisation models: NIP stored canonically and validated, jabatan chains without cycles, dated assignments."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.kepegawaian import NipError
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Pemda, Penugasan

pytestmark = pytest.mark.django_db


@pytest.fixture
def instansi():
    return Instansi.objects.create(pemda=Pemda.objects.create(nama="Kabupaten Uji"), nama="Kecamatan Uji")


def test_nip_is_stored_as_digits_and_shown_grouped():
    pegawai = Pegawai.objects.create(nama="A", nip="NIP. 19860627 201412 1 001", pangkat="IV/b")
    assert Pegawai.objects.get(pk=pegawai.pk).nip == "198606272014121001"
    assert pegawai.nip_tampil == "19860627 201412 1 001"
    assert pegawai.pangkat_tampil == "Pembina Tingkat I (IV/b)"


@pytest.mark.parametrize("nip", ["19860230 201412 1 001", "1986062720141210", "19860627 201412 3 001"])
def test_impossible_nip_is_refused_in_forms_and_saves(nip):
    pegawai = Pegawai(nama="A", nip=nip)
    with pytest.raises(ValidationError) as exc:
        pegawai.full_clean()
    assert "nip" in exc.value.message_dict
    with pytest.raises(NipError):
        pegawai.save()
    assert not Pegawai.objects.exists()


def test_two_pegawai_cannot_share_a_nip():
    Pegawai.objects.create(nama="A", nip="198606272014121001")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pegawai.objects.create(nama="B", nip="19860627 201412 1 001")


def test_pangkat_choices_are_the_17_golongan():
    choices = [value for value, _ in Pegawai._meta.get_field("pangkat").choices]
    assert len(choices) == 17 and choices[0] == "I/a" and choices[-1] == "IV/e"


def test_atasan_chain_cannot_loop(instansi):
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat")
    sekcam = Jabatan.objects.create(instansi=instansi, nama="Sekcam", atasan=camat)
    camat.atasan = sekcam
    with pytest.raises(ValidationError, match="lingkaran"):
        camat.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Jabatan.objects.filter(pk=camat.pk).update(atasan=camat)


def test_atasan_must_be_in_the_same_instansi(instansi):
    lain = Instansi.objects.create(pemda=instansi.pemda, nama="Kecamatan Lain")
    jabatan = Jabatan(instansi=instansi, nama="Kasi", atasan=Jabatan.objects.create(instansi=lain, nama="Camat"))
    with pytest.raises(ValidationError, match="instansi yang sama"):
        jabatan.full_clean()


def test_tugas_must_be_a_list_of_text(instansi):
    with pytest.raises(ValidationError, match="daftar teks"):
        Jabatan(instansi=instansi, nama="X", tugas="satu tugas").full_clean()


def test_holder_follows_dated_assignments(instansi):
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat")
    lama, baru = Pegawai.objects.create(nama="Lama"), Pegawai.objects.create(nama="Baru")
    Penugasan.objects.create(pegawai=lama, jabatan=camat, mulai=date(2020, 1, 1), selesai=date(2024, 6, 30))
    Penugasan.objects.create(pegawai=baru, jabatan=camat, mulai=date(2024, 7, 1))
    assert camat.pemegang(date(2023, 1, 1)) == lama
    assert camat.pemegang(date(2024, 7, 1)) == baru
    assert camat.pemegang(date(2019, 1, 1)) is None
    with pytest.raises(IntegrityError), transaction.atomic():
        Penugasan.objects.create(pegawai=lama, jabatan=camat, mulai=date(2025, 1, 2), selesai=date(2025, 1, 1))
