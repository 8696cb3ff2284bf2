"""Login with our own Indonesian pages, throttling, logout by POST, password change, CSRF."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.demo import PASSWORD_DEMO
from kinerja.web.models import PercobaanMasuk

pytestmark = pytest.mark.django_db

USER = "sekcam.banyuates"


def login(client, username=USER, password=PASSWORD_DEMO, ip="10.0.0.1", url=None):
    return client.post(url or reverse("web:masuk"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_page_is_ours_and_indonesian(client, demo):
    respons = client.get(reverse("web:masuk"))
    assert respons.status_code == 200
    html = respons.content.decode()
    assert 'lang="id"' in html and "Nama pengguna" in html and "Kata sandi" in html
    assert "csrfmiddlewaretoken" in html
    assert "django-admin" not in html and "Django administration" not in html


def test_good_login_goes_home_and_bad_login_says_why(client, demo):
    salah = login(client, password="salah")
    assert salah.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in salah.content.decode()
    assert "_auth_user_id" not in client.session
    benar = login(client)
    assert benar.status_code == 302 and benar["Location"] == reverse("web:beranda")
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(username=USER).pk)


def test_anonymous_is_sent_to_our_login_page(client, demo):
    respons = client.get(reverse("web:beranda"))
    assert respons.status_code == 302 and respons["Location"].startswith(reverse("web:masuk") + "?next=")


def test_five_failures_block_the_username_from_every_address_with_a_clear_message(client, demo, settings):
    settings.MASUK_MAKS_GAGAL = 5
    for _ in range(5):
        assert "_auth_user_id" not in client.session
        login(client, password="salah")
    # Now even the right password is refused, with the reason.
    respons = login(client)
    assert "_auth_user_id" not in client.session
    assert "Terlalu banyak percobaan masuk yang gagal" in respons.content.decode()
    # Changing address does not help; another username from this address still gets in.
    assert login(Client(), ip="10.0.0.2").status_code != 302
    assert login(Client(), username="camat.banyuates").status_code == 302


def test_attempts_while_blocked_count_and_the_right_password_never_slips_through(client, demo, settings):
    settings.MASUK_MAKS_GAGAL = 3
    for _ in range(3):
        login(client, password="salah")
    for _ in range(5):
        assert login(Client()).status_code != 302  # the right password, still blocked
    from kinerja.web.models import PercobaanMasuk

    assert PercobaanMasuk.objects.count() == 8


def test_one_address_guessing_many_usernames_is_blocked(demo, settings):
    settings.MASUK_MAKS_GAGAL, settings.MASUK_MAKS_GAGAL_IP = 5, 4
    for nama in ("a", "b", "c", "d"):
        login(Client(), username=nama, password="salah")
    assert login(Client(), username="camat.banyuates").status_code != 302
    assert login(Client(), username="camat.banyuates", ip="10.0.0.9").status_code == 302


def test_the_block_ends_when_the_window_passes(client, demo, settings):
    settings.MASUK_MAKS_GAGAL = 2
    login(client, password="salah")
    login(client, password="salah")
    assert login(client).status_code == 200  # blocked
    lama = PercobaanMasuk.objects.filter(username=USER)
    for percobaan in lama:
        PercobaanMasuk.objects.filter(pk=percobaan.pk).update(waktu=percobaan.waktu - timedelta(minutes=16))
    assert login(client).status_code == 302


def test_success_clears_earlier_failures(client, demo, settings):
    settings.MASUK_MAKS_GAGAL = 3
    login(client, password="salah")
    login(client, password="salah")
    assert login(client).status_code == 302
    assert not PercobaanMasuk.objects.filter(username=USER).exists()


def test_the_admin_login_is_throttled_too(client, demo, settings):
    settings.MASUK_MAKS_GAGAL = 2
    for _ in range(2):
        client.post(reverse("admin:login"), {"username": "admin", "password": "salah"}, REMOTE_ADDR="10.0.0.9")
    respons = client.post(
        reverse("admin:login"), {"username": "admin", "password": PASSWORD_DEMO}, REMOTE_ADDR="10.0.0.9"
    )
    assert respons.status_code == 200 and "_auth_user_id" not in client.session


def test_logout_only_by_post(client, demo):
    login(client)
    assert client.get(reverse("web:keluar")).status_code == 405
    assert "_auth_user_id" in client.session
    respons = client.post(reverse("web:keluar"))
    assert respons.status_code == 302 and respons["Location"] == reverse("web:masuk")
    assert "_auth_user_id" not in client.session


def test_every_page_form_has_a_csrf_token_and_posts_without_one_are_refused(demo):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("web:masuk"))
    respons = client.post(reverse("web:masuk"), {"username": USER, "password": PASSWORD_DEMO})
    assert respons.status_code == 403
    client.force_login(get_user_model().objects.get(username=USER))
    assert client.post(reverse("web:keluar")).status_code == 403


def test_password_change_needs_the_old_one_and_is_audited(client, demo):
    user = get_user_model().objects.get(username=USER)
    client.force_login(user)
    assert "Kata sandi lama" in client.get(reverse("web:ganti_sandi")).content.decode()
    salah = client.post(
        reverse("web:ganti_sandi"),
        {
            "old_password": "salah",
            "new_password1": "Kinerja-baru-2026!",
            "new_password2": "Kinerja-baru-2026!",
        },
    )
    assert salah.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD_DEMO)
    respons = client.post(
        reverse("web:ganti_sandi"),
        {
            "old_password": PASSWORD_DEMO,
            "new_password1": "Kinerja-baru-2026!",
            "new_password2": "Kinerja-baru-2026!",
        },
    )
    assert respons.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Kinerja-baru-2026!")
    assert Jejak.objects.filter(aksi="ganti_sandi", pengguna=user).exists()
    assert "_auth_user_id" in client.session  # still logged in after changing it
