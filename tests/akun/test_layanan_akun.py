"""A new account for a pegawai (kinerja.akun.layanan.buat_akun): role pejabat, audited, password never logged."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kinerja.akun.layanan import buat_akun
from kinerja.audit.models import Jejak
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


def test_buat_akun_links_the_pegawai_and_gives_the_pejabat_role(django_user_model):
    instansi = katalog_kecil().instansi
    admin = django_user_model.objects.create(username="admin.uji")
    pegawai = Pegawai.objects.create(nama="Budi Santoso")
    Penugasan.objects.create(pegawai=pegawai, jabatan=Jabatan.objects.get(nama="Camat"), mulai=date(2025, 1, 1))
    akun, sandi = buat_akun(admin, instansi, pegawai, " budi.s ")
    pegawai.refresh_from_db()
    assert akun.username == "budi.s" and pegawai.pengguna == akun and akun.check_password(sandi)
    assert list(akun.peran.values_list("jenis", "instansi")) == [("pejabat", instansi.pk)]
    jejak = Jejak.objects.get(aksi="buat_akun")
    assert jejak.pengguna == admin and sandi not in jejak.ringkasan + str(jejak.perubahan)
    with pytest.raises(ValidationError, match="sudah memiliki akun"):
        buat_akun(admin, instansi, pegawai, "budi.lain")


@pytest.mark.parametrize(
    ("username", "pesan"), [("BUDI.S", "sudah dipakai"), ("budi s!", "nama pengguna"), ("", "wajib")]
)
def test_buat_akun_refuses_a_bad_username_and_changes_nothing(django_user_model, username, pesan):
    instansi = katalog_kecil().instansi
    django_user_model.objects.create(username="budi.s")
    pegawai = Pegawai.objects.create(nama="Budi Santoso")
    sebelum = django_user_model.objects.count()
    with pytest.raises(ValidationError) as exc:
        buat_akun(None, instansi, pegawai, username)
    assert pesan.lower() in " ".join(exc.value.message_dict["username"]).lower()
    assert django_user_model.objects.count() == sebelum and not Jejak.objects.exists()
