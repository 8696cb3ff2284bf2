"""The demo kabupaten once per module, and background tasks run at once (the immediate backend)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from kinerja.demo import buat_demo

SEKETIKA = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="module", autouse=True)
def _sandi_cepat():
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
def _tugas_seketika(settings):
    settings.TASKS = SEKETIKA


@pytest.fixture
def masuk(client, db, demo):
    def _masuk(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return _masuk
