"""A small decreed catalogue for this year with the people who fill, verify and approve it.

Entry windows depend on today's date, so the fixtures take the current quarter (always open) and
last year (always closed) instead of freezing the clock.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import timezone

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Variabel
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from tests.factories import katalog_kecil


def triwulan_sekarang() -> str:
    return f"TW{(timezone.localdate().month - 1) // 3 + 1}"


@dataclass
class Kantor:
    dokumen: DokumenIKI
    camat: Jabatan
    sekcam: Jabatan
    u_camat: object
    u_sekcam: object
    u_admin: object
    u_lain: object  # a pejabat of the same instansi without these jabatan
    lpj_tepat: Variabel  # sekcam: lpj_tepat / lpj * 100, lpj fixed at 4
    desa_tertib: Variabel  # camat: desa_tertib (terakhir) / jumlah_desa (Konstanta 7) * 100

    @property
    def instansi(self):
        return self.dokumen.instansi


def buat_pengguna(django_user_model, username, instansi, jabatan=None, peran=("pejabat",)):
    user = django_user_model.objects.create(username=username, first_name=username.title())
    for jenis in peran:
        Peran.objects.create(pengguna=user, jenis=jenis, pemda=instansi.pemda, instansi=instansi)
    if jabatan is not None:
        pegawai = Pegawai.objects.create(nama=username.title(), pengguna=user)
        Penugasan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=date(2000, 1, 1))
    return user


def buat_kantor(django_user_model, tahun=None, nama="Kecamatan Uji", awalan="") -> Kantor:
    tahun = tahun or timezone.localdate().year
    dokumen = katalog_kecil(nama, tahun=tahun)
    instansi = dokumen.instansi
    camat = Jabatan.objects.get(instansi=instansi, nama="Camat")
    sekcam = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    staf = Jabatan.objects.create(instansi=instansi, nama="Pengadministrasi Umum", atasan=sekcam)
    kantor = Kantor(
        dokumen=dokumen,
        camat=camat,
        sekcam=sekcam,
        u_camat=buat_pengguna(django_user_model, f"{awalan}camat", instansi, camat, ("pejabat", "camat")),
        u_sekcam=buat_pengguna(django_user_model, f"{awalan}sekcam", instansi, sekcam),
        u_admin=buat_pengguna(django_user_model, f"{awalan}admin", instansi, None, ("admin_instansi",)),
        u_lain=buat_pengguna(django_user_model, f"{awalan}staf", instansi, staf),
        lpj_tepat=Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode="lpj_tepat"),
        desa_tertib=Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode="desa_tertib"),
    )
    return kantor


def tetapkan(kantor: Kantor) -> Kantor:
    kantor.dokumen = kantor.dokumen.tetapkan(kantor.u_admin)
    return kantor


@pytest.fixture
def kantor(django_user_model) -> Kantor:
    """This year's document, decreed, with users; values for the current quarter are open."""
    return tetapkan(buat_kantor(django_user_model))


@pytest.fixture
def tw() -> str:
    return triwulan_sekarang()
