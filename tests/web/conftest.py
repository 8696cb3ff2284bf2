"""Fixtures of the web tests: the demo kabupaten with two kecamatan, created once per module.

Creating the demo takes about a second; doing it once per module and rolling each test back
(the `db` fixture) keeps the suite fast. The module's teardown flushes the database so that
later tests (and transactional ones) start from an empty one, as they expect.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from kinerja.demo import buat_demo

KEC_A, KEC_B = "banyuates", "karangpenang"


@pytest.fixture(scope="module", autouse=True)
def _sandi_cepat():
    """A deliberately slow password hash costs a second per login; these tests log in often."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, _sandi_cepat):
    with django_db_blocker.unblock():
        ringkasan = buat_demo(2)
    yield ringkasan
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _tembolok_kosong():
    """Computed results are cached per process; every test starts without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def masuk(client, db, demo):
    """Log the test client in as a demo user: masuk("camat.banyuates")."""

    def _masuk(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return _masuk
