"""The server refuses to run outside DEBUG with the public development secret key.

With that key anyone can forge session cookies and password-reset links. ``kinerja serve`` and
``kinerja demo`` create a random key for this machine (settings.BERKAS_KUNCI) when none is
configured; a server started any other way without KINERJA_SECRET_KEY stops here (kinerja.wsgi),
and ``check --deploy`` reports it.
"""

import secrets

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

PESAN = (
    "Kunci rahasia pengembangan (publik) tidak boleh dipakai di luar DEBUG: isi KINERJA_SECRET_KEY "
    "(mis. python -c 'import secrets; print(secrets.token_urlsafe(50))') atau jalankan lewat `kinerja serve`."
)


def memakai_kunci_pengembangan() -> bool:
    return not settings.DEBUG and settings.SECRET_KEY == settings.KUNCI_PENGEMBANGAN


def tolak_kunci_pengembangan() -> None:
    if memakai_kunci_pengembangan():
        raise ImproperlyConfigured(PESAN)


def siapkan_kunci() -> str:
    """The machine's generated key (created 0600 on first use) when no KINERJA_SECRET_KEY is set."""
    berkas = settings.BERKAS_KUNCI
    if not berkas.exists():
        berkas.parent.mkdir(parents=True, exist_ok=True)
        berkas.touch(mode=0o600)
        berkas.write_text(secrets.token_urlsafe(50))
    return berkas.read_text().strip()


@register(Tags.security, deploy=True)
def periksa_kunci(app_configs, **kwargs):
    return [Error(PESAN, id="kinerja.E001")] if memakai_kunci_pengembangan() else []
