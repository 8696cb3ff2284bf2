"""Login throttling, counted per username and per address separately.

Within MASUK_JENDELA_MENIT minutes, a username with MASUK_MAKS_GAGAL failed attempts (from any
address) is refused, and so is an address with MASUK_MAKS_GAGAL_IP failed attempts (for any
usernames: guessing many accounts from one machine). Every refused attempt is itself recorded,
so an attacker who keeps trying stays blocked, and the right password does not get through a
block. A successful login clears only that username's failures, never the address's.

Failures are recorded from Django's `user_login_failed` signal and refused in the authentication
backend, so the admin login and the API's Basic authentication are throttled as well as ours.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils import timezone

from .models import PercobaanMasuk


def maks_gagal() -> int:
    return getattr(settings, "MASUK_MAKS_GAGAL", 5)


def maks_gagal_ip() -> int:
    return getattr(settings, "MASUK_MAKS_GAGAL_IP", 4 * maks_gagal())


def jendela() -> timedelta:
    return timedelta(minutes=getattr(settings, "MASUK_JENDELA_MENIT", 15))


def alamat_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _normal(username: str) -> str:
    return (username or "").strip().lower()[:150]


def terblokir(username: str, ip: str | None) -> bool:
    sejak = timezone.now() - jendela()
    baru = PercobaanMasuk.objects.filter(waktu__gte=sejak)
    if baru.filter(username=_normal(username)).count() >= maks_gagal():
        return True
    return ip is not None and baru.filter(ip=ip).count() >= maks_gagal_ip()


def pesan_terblokir() -> str:
    menit = int(jendela().total_seconds() // 60)
    return (
        f"Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini atau dari alamat ini. "
        f"Silakan coba lagi setelah {menit} menit, atau hubungi admin instansi."
    )


class BackendTerbatas(ModelBackend):
    """ModelBackend that refuses a username+IP pair with too many recent failures."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and terblokir(username, alamat_ip(request)):
            # PermissionDenied stops the other backends too and fires user_login_failed.
            raise PermissionDenied(pesan_terblokir())
        return super().authenticate(request, username=username, password=password, **kwargs)


def catat_percobaan(username: str, ip: str | None) -> None:
    """Record one failed or refused attempt (a refused one counts: trying during a block extends it)."""
    sebelum = timezone.now() - jendela()
    PercobaanMasuk.objects.filter(waktu__lt=sebelum).delete()  # keep the table small
    PercobaanMasuk.objects.create(username=_normal(username), ip=ip)


@receiver(user_login_failed, dispatch_uid="web-catat-gagal-masuk")
def _catat_gagal(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    if username:
        catat_percobaan(username, alamat_ip(request))


@receiver(user_logged_in, dispatch_uid="web-hapus-gagal-masuk")
def _hapus_gagal(sender, request, user, **kwargs):
    PercobaanMasuk.objects.filter(username=_normal(user.get_username())).delete()
