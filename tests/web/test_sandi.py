"""Password resets without the admin learning a password; first-login change; reuse refused; admin site."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import Jejak

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
User = get_user_model()
ADMIN = f"admin.{KEC_A}"
SANDI_BARU = "Kopi-Tubruk-Sampang-2026"


def _sandi_dari(respons) -> str:
    return re.search(r'<code class="sandi">([^<]+)</code>', respons.content.decode()).group(1)


def test_an_admin_instansi_cannot_reset_the_camat(masuk, demo):
    a = demo.instansi[0]
    camat = User.objects.get(username=f"camat.{KEC_A}")
    lama = camat.password
    client = masuk(ADMIN)
    assert client.post(reverse("web:atur_ulang_sandi", args=[a.pk, camat.pk])).status_code == 403
    camat.refresh_from_db()
    assert camat.password == lama
    assert (
        reverse("web:atur_ulang_sandi", args=[a.pk, camat.pk])
        not in client.get(reverse("web:pengguna", args=[a.pk])).content.decode()
    )


def test_a_temporary_password_must_be_changed_at_first_login(masuk, demo):
    a = demo.instansi[0]
    staf = User.objects.get(username=f"staf.umum.{KEC_A}")
    User.objects.filter(pk=staf.pk).update(email="")  # without an address the reset is a temporary password
    sementara = _sandi_dari(masuk(ADMIN).post(reverse("web:atur_ulang_sandi", args=[a.pk, staf.pk])))
    client = Client()
    client.post(reverse("web:masuk"), {"username": staf.username, "password": sementara})
    respons = client.get(reverse("web:beranda"))
    assert respons.status_code == 302 and respons["Location"] == reverse("web:ganti_sandi")
    # The temporary password itself cannot be kept.
    tolak = client.post(
        reverse("web:ganti_sandi"),
        {"old_password": sementara, "new_password1": sementara, "new_password2": sementara},
    )
    assert "sudah pernah Anda pakai" in tolak.content.decode()
    client.post(
        reverse("web:ganti_sandi"),
        {"old_password": sementara, "new_password1": SANDI_BARU, "new_password2": SANDI_BARU},
    )
    assert client.get(reverse("web:beranda")).status_code == 200
    assert Jejak.objects.filter(aksi="atur_ulang_sandi", objek_id=str(staf.pk)).exists()
    assert Jejak.objects.filter(aksi="sandi_diubah", objek_id=str(staf.pk)).count() == 2


def test_with_an_email_address_the_reset_is_a_one_time_link_the_admin_never_sees(masuk, demo):
    a = demo.instansi[0]
    staf = User.objects.get(username=f"staf.umum.{KEC_A}")
    staf.email = "staf@contoh.invalid"
    staf.save()
    lama = staf.password
    respons = masuk(ADMIN).post(reverse("web:atur_ulang_sandi", args=[a.pk, staf.pk]))
    assert 'class="sandi"' not in respons.content.decode() and "Tautan sekali pakai" in respons.content.decode()
    staf.refresh_from_db()
    assert staf.password == lama  # nothing changes until the owner uses the link
    [surat] = mail.outbox
    assert surat.to == ["staf@contoh.invalid"]
    tautan = re.search(r"http://testserver(/sandi/atur/\S+/)", surat.body).group(1)
    pemilik = Client()
    halaman = pemilik.get(tautan, follow=True)
    assert halaman.status_code == 200
    pemilik.post(halaman.redirect_chain[-1][0], {"new_password1": SANDI_BARU, "new_password2": SANDI_BARU})
    staf.refresh_from_db()
    assert staf.check_password(SANDI_BARU)
    assert "tidak berlaku lagi" in Client().get(tautan, follow=True).content.decode()  # used once


def test_the_django_admin_is_for_superusers_only(masuk, demo):
    staf = User.objects.get(username=ADMIN)
    staf.is_staff = True
    staf.save()
    client = masuk(ADMIN)
    for url in ("/admin/", "/admin/organisasi/jabatan/"):
        respons = client.get(url)
        assert respons.status_code == 302 and "/admin/login/" in respons["Location"]
    assert masuk("admin").get("/admin/organisasi/jabatan/").status_code == 200
    jejak = Jejak.objects.get(aksi="ubah_hak_akun", objek_id=str(staf.pk))
    assert jejak.perubahan == {"is_staff": [False, True]}
