"""A decreed catalogue for this year with a "Nilai IKM" indicator, the users around a survey, and
builders for response files and response sets with results worked out by hand.

Entry windows depend on today's date, so the survey feeding the indicator is taken in the current
quarter (always open) instead of freezing the clock.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

import openpyxl
import pytest
from django.utils import timezone

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Penugasan
from kinerja.survei import layanan
from tests.factories import katalog_kecil

KODE_2017 = [f"U{i}" for i in range(1, 10)]
KODE_2004 = [f"U{i}" for i in range(1, 15)]

# 2017, four respondents, skipped answers in U3 and U7 (worked out by hand):
# NRR U1..U9 = 3.5, 3, 2, 4, 3.5, 3, 4, 2, 3; Σ = 28; IKM = 28/9 × 25 = 77.777… → 77,78 (B, Baik);
# legacy weight 0.111: 28 × 0.111 × 25 = 77.70; weakest: U3 (2), U8 (2), then U2 (3, first of the 3s).
JAWABAN_2017 = [
    [4, 3, 2, 4, 3, 3, 4, 1, 3],
    [3, 3, 2, 4, 4, 3, 4, 2, 3],
    [3, 3, None, 4, 3, 3, 4, 3, 3],
    [4, 3, 2, 4, 4, 3, None, 2, 3],
]
IKM_2017, IKM_2017_LAMA = "77.78", "77.70"
NRR_2017 = ["3.5", "3", "2", "4", "3.5", "3", "4", "2", "3"]

# 2004, two respondents, U10 skipped once: NRR all 3 except U14 = 3.5; Σ = 42.5;
# IKM = 42.5/14 × 25 = 75.892… → 75,89 (B); legacy 0.071: 42.5 × 0.071 × 25 = 75.4375 → 75,44.
JAWABAN_2004 = [
    [3, 3, 3, 3, 4, 3, 3, 3, 3, None, 3, 3, 3, 3],
    [3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4],
]
IKM_2004, IKM_2004_LAMA = "75.89", "75.44"


def tabel(jawaban, kode, profil=None, judul=None):
    """Header + rows; ``profil`` adds columns {header: [value per row]}; ``judul`` replaces unsur headers."""
    profil = profil or {}
    kepala = list(judul or kode) + list(profil)
    baris = [[*skor, *(nilai[i] for nilai in profil.values())] for i, skor in enumerate(jawaban)]
    return [kepala, *baris]


def ke_csv(baris, pemisah=",") -> bytes:
    teks = io.StringIO()
    csv.writer(teks, delimiter=pemisah, lineterminator="\r\n").writerows(
        [["" if sel is None else sel for sel in satu] for satu in baris]
    )
    return teks.getvalue().encode("utf-8")


def ke_xlsx(baris, nama_lembar="Responden") -> bytes:
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.title = nama_lembar
    for satu in baris:
        ws.append(list(satu))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def triwulan_sekarang() -> str:
    return f"TW{(timezone.localdate().month - 1) // 3 + 1}"


@dataclass
class Kantor:
    dokumen: DokumenIKI
    indikator_ikm: Indikator
    variabel_ikm: Variabel
    admin: object  # admin instansi: manages surveys
    camat: object  # reads only
    admin_lain: object  # admin of another kecamatan
    instansi_lain: Instansi

    @property
    def instansi(self) -> Instansi:
        return self.dokumen.instansi


def buat_pengguna(django_user_model, username, instansi, jenis, jabatan=None):
    user = django_user_model.objects.create(
        username=username
    )  # no password: hashing is slow, tests log in with force_login
    Peran.objects.create(pengguna=user, jenis=jenis, pemda=instansi.pemda, instansi=instansi)
    if jabatan is not None:
        pegawai = Pegawai.objects.create(nama=username.title(), pengguna=user)
        Penugasan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=date(2000, 1, 1))
    return user


def tambah_indikator_ikm(dokumen: DokumenIKI) -> Indikator:
    camat = Jabatan.objects.get(instansi=dokumen.instansi, nama="Camat")
    sasaran = Sasaran.objects.create(dokumen=dokumen, jabatan=camat, uraian="Meningkatnya kepuasan masyarakat")
    indikator = Indikator.objects.create(
        sasaran=sasaran, nama="Nilai Indeks Kepuasan Masyarakat (IKM)", ekspresi="nilai_ikm", satuan="nilai"
    )
    Variabel.objects.create(indikator=indikator, kode="nilai_ikm", uraian="Nilai IKM", agregasi="terakhir")
    return indikator


@pytest.fixture
def kantor(django_user_model) -> Kantor:
    """This year's decreed document with a Nilai IKM indicator (not linked yet) and the users."""
    dokumen = katalog_kecil("Kecamatan Uji", tahun=timezone.localdate().year)
    indikator = tambah_indikator_ikm(dokumen)
    instansi = dokumen.instansi
    camat_jabatan = Jabatan.objects.get(instansi=instansi, nama="Camat")
    admin = buat_pengguna(django_user_model, "admin", instansi, "admin_instansi")
    dokumen = dokumen.tetapkan(admin)
    lain = katalog_kecil("Kecamatan Lain", tahun=dokumen.tahun).instansi
    return Kantor(
        dokumen=dokumen,
        indikator_ikm=indikator,
        variabel_ikm=indikator.variabel.get(),
        admin=admin,
        camat=buat_pengguna(django_user_model, "camat", instansi, "camat", camat_jabatan),
        admin_lain=buat_pengguna(django_user_model, "admin.lain", lain, "admin_instansi"),
        instansi_lain=lain,
    )


@pytest.fixture
def tw() -> str:
    return triwulan_sekarang()


@pytest.fixture
def survei(kantor, tw):
    return layanan.buat_survei(kantor.admin, kantor.instansi, tahun=kantor.dokumen.tahun, periode=tw)


@pytest.fixture
def survei_terisi(kantor, survei):
    """The survey with the four 2017 respondents of JAWABAN_2017."""
    pratinjau = layanan.pratinjau_impor(ke_csv(tabel(JAWABAN_2017, KODE_2017)), "jawaban.csv", "2017")
    layanan.simpan_impor(kantor.admin, survei, pratinjau)
    return survei
