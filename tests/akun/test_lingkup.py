"""Scope rules: a user of Kecamatan A never sees Kecamatan B unless their role spans the pemda."""

from datetime import date

import pytest
from django.http import Http404

from kinerja.akun import lingkup
from kinerja.akun.models import Peran
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_kecamatan():
    return katalog_kecil("Kecamatan A").instansi, katalog_kecil("Kecamatan B").instansi


def pengguna(django_user_model, nama, jenis, instansi, pemda=None):
    user = django_user_model.objects.create(username=nama)
    Peran.objects.create(
        pengguna=user, jenis=jenis, pemda=pemda or instansi.pemda, instansi=instansi if pemda is None else None
    )
    return user


def test_instansi_roles_see_only_their_instansi(django_user_model, dua_kecamatan):
    a, b = dua_kecamatan
    for jenis in ("admin_instansi", "pejabat", "camat"):
        user = pengguna(django_user_model, jenis, jenis, a)
        assert list(lingkup.instansi_terlihat(user)) == [a]
        assert lingkup.boleh_lihat(user, a) and not lingkup.boleh_lihat(user, b)
        assert lingkup.instansi_atau_404(user, a.pk) == a
        with pytest.raises(Http404):
            lingkup.instansi_atau_404(user, b.pk)
        with pytest.raises(Http404):
            lingkup.instansi_atau_404(user, 999999)


def test_pemda_roles_see_every_instansi_of_their_pemda(django_user_model, dua_kecamatan):
    a, b = dua_kecamatan
    for jenis in ("admin_pemda", "pemeriksa"):
        user = pengguna(django_user_model, jenis, jenis, None, pemda=a.pemda)
        assert set(lingkup.instansi_terlihat(user)) == {a, b}
    assert lingkup.boleh_kelola_katalog(django_user_model.objects.get(username="admin_pemda"), b)
    assert not lingkup.boleh_kelola_katalog(django_user_model.objects.get(username="pemeriksa"), b)


def test_anonymous_sees_nothing(dua_kecamatan):
    from django.contrib.auth.models import AnonymousUser

    assert not lingkup.instansi_terlihat(AnonymousUser()).exists()
    assert not lingkup.boleh_lihat(AnonymousUser(), dua_kecamatan[0])


def test_holder_enters_and_superior_verifies(django_user_model, dua_kecamatan):
    a, _ = dua_kecamatan
    camat, sekcam = (
        Jabatan.objects.get(instansi=a, nama="Camat"),
        Jabatan.objects.get(instansi=a, nama="Sekretaris Kecamatan"),
    )
    u_camat, u_sek = (django_user_model.objects.create(username=n) for n in ("c", "s"))
    for user, jabatan in ((u_camat, camat), (u_sek, sekcam)):
        Penugasan.objects.create(
            pegawai=Pegawai.objects.create(nama=user.username, pengguna=user), jabatan=jabatan, mulai=date(2020, 1, 1)
        )
    assert lingkup.boleh_isi(u_sek, sekcam) and not lingkup.boleh_isi(u_camat, sekcam)
    assert lingkup.boleh_verifikasi(u_camat, sekcam) and not lingkup.boleh_verifikasi(u_sek, sekcam)
    assert not lingkup.boleh_verifikasi(u_camat, camat)  # nobody above the Camat in the instansi
    Penugasan.objects.filter(pegawai__pengguna=u_sek).update(selesai=date(2021, 1, 1))
    assert not lingkup.boleh_isi(u_sek, sekcam)  # an ended assignment gives no rights
