"""The number of waiting tasks beside "Tugas saya" in the menu of every page.

The menu asks for it in a small request of its own after the page has loaded, so no page pays the
inbox's queries; the count is kept a minute per user, and the home page refreshes it.
"""

from django.core.cache import cache

from .kotak import kotak_tugas

DETIK_SIMPAN = 60


def _kunci(user) -> str:
    return f"tugas:jumlah:{user.pk}"


def simpan_jumlah(user, jumlah: int) -> None:
    cache.set(_kunci(user), jumlah, DETIK_SIMPAN)


def jumlah_tugas(user) -> int:
    jumlah = cache.get(_kunci(user))
    if jumlah is None:
        jumlah = len(kotak_tugas(user))
        simpan_jumlah(user, jumlah)
    return jumlah
