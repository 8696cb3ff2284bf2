"""Accounts of an instansi kept by its admin: list, new account, password reset, (de)activation."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan

from .conftest import KEC_A, KEC_B

pytestmark = pytest.mark.django_db
User = get_user_model()
ADMIN = f"admin.{KEC_A}"


def bisa_masuk(username, sandi) -> bool:
    client = Client()
    client.post(reverse("web:masuk"), {"username": username, "password": sandi})
    return "_auth_user_id" in client.session


def test_the_list_shows_this_office_only_and_only_its_admin_may_see_it(masuk, demo, django_assert_max_num_queries):
    a = demo.instansi[0]
    assert masuk(f"sekcam.{KEC_A}").get(reverse("web:pengguna", args=[a.pk])).status_code == 403
    client = masuk(ADMIN)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("web:pengguna", args=[a.pk])).content.decode()
    assert f"camat.{KEC_A}" in html and f"staf.umum.{KEC_A}" in html
    assert KEC_B not in html and "admin.pemda" not in html
    assert reverse("web:atur_ulang_sandi", args=[a.pk, client.session["_auth_user_id"]]) not in html  # not oneself


def test_password_reset_shows_a_new_password_once_and_audits_without_it(masuk, demo):
    a = demo.instansi[0]
    staf = User.objects.get(username=f"staf.umum.{KEC_A}")
    User.objects.filter(pk=staf.pk).update(email="")  # without an address the reset is a temporary password
    respons = masuk(ADMIN).post(reverse("web:atur_ulang_sandi", args=[a.pk, staf.pk]))
    sandi = re.search(r'<code class="sandi">([^<]+)</code>', respons.content.decode()).group(1)
    assert len(sandi) >= 12 and bisa_masuk(staf.username, sandi)
    jejak = Jejak.objects.get(aksi="atur_ulang_sandi", objek_id=str(staf.pk))
    assert sandi not in jejak.ringkasan and sandi not in str(jejak.perubahan)


def test_a_deactivated_account_cannot_log_in(masuk, demo):
    from kinerja.demo import PASSWORD_DEMO

    a = demo.instansi[0]
    staf = User.objects.get(username=f"staf.umum.{KEC_A}")
    client = masuk(ADMIN)
    client.post(reverse("web:ubah_aktif", args=[a.pk, staf.pk]))
    assert not bisa_masuk(staf.username, PASSWORD_DEMO)
    client.post(reverse("web:ubah_aktif", args=[a.pk, staf.pk]))
    assert bisa_masuk(staf.username, PASSWORD_DEMO)
    assert Jejak.objects.filter(aksi="nonaktifkan_akun", objek_id=str(staf.pk)).exists()


def test_accounts_beyond_the_office_are_out_of_reach(masuk, demo):
    a, b = demo.instansi
    client = masuk(ADMIN)
    pemda = User.objects.get(username="admin.pemda")
    assert client.post(reverse("web:atur_ulang_sandi", args=[a.pk, pemda.pk])).status_code == 404
    ganda = User.objects.get(username=f"kasi.pem.{KEC_A}")
    Peran.objects.create(pengguna=ganda, jenis="pejabat", pemda=b.pemda, instansi=b)  # also works in B
    assert client.post(reverse("web:atur_ulang_sandi", args=[a.pk, ganda.pk])).status_code == 403
    sendiri = User.objects.get(username=ADMIN)
    assert client.post(reverse("web:ubah_aktif", args=[a.pk, sendiri.pk])).status_code == 403
    assert User.objects.get(pk=sendiri.pk).is_active


def test_a_new_account_for_an_assigned_pegawai(masuk, demo):
    a = demo.instansi[0]
    pegawai = Pegawai.objects.create(nama="Siti Aminah, S.E.")
    Penugasan.objects.create(
        pegawai=pegawai, jabatan=Jabatan.objects.get(instansi=a, nama="Caraka"), mulai=date(2020, 1, 1), jenis="plt"
    )
    client = masuk(ADMIN)
    assert "Siti Aminah" in client.get(reverse("web:pengguna", args=[a.pk])).content.decode()
    url = reverse("web:buat_akun", args=[a.pk, pegawai.pk])
    dipakai = client.post(url, {"username": f"camat.{KEC_A}"}, follow=True)
    assert "sudah dipakai" in dipakai.content.decode()
    respons = client.post(url, {"username": "siti.aminah"})
    sandi = re.search(r'<code class="sandi">([^<]+)</code>', respons.content.decode()).group(1)
    akun = User.objects.get(username="siti.aminah")
    pegawai.refresh_from_db()
    assert pegawai.pengguna == akun and akun.first_name == "Siti Aminah, S.E."
    assert list(akun.peran.values_list("jenis", "instansi")) == [("pejabat", a.pk)]
    assert bisa_masuk("siti.aminah", sandi)
    assert client.post(url, {"username": "lagi"}).status_code == 404  # has an account now
