"""Login throttling: after MASUK_MAKS_GAGAL failures for one username from one IP address within
MASUK_JENDELA_MENIT minutes, further logins for that pair are refused until the window passes.

Failures are recorded from Django's `user_login_failed` signal and refused in the authentication
backend, so the admin login is throttled as well as ours. Attempts made while blocked count as
failures too: an attacker who keeps trying stays blocked.
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


def jendela() -> timedelta:
    return timedelta(minutes=getattr(settings, "MASUK_JENDELA_MENIT", 15))


def alamat_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _normal(username: str) -> str:
    return (username or "").strip().lower()[:150]


def terblokir(username: str, ip: str | None) -> bool:
    sejak = timezone.now() - jendela()
    gagal = PercobaanMasuk.objects.filter(username=_normal(username), ip=ip, waktu__gte=sejak)
    return gagal.count() >= maks_gagal()


def pesan_terblokir() -> str:
    menit = int(jendela().total_seconds() // 60)
    return (
        f"Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini. "
        f"Silakan coba lagi setelah {menit} menit, atau hubungi admin instansi."
    )


class BackendTerbatas(ModelBackend):
    """ModelBackend that refuses a username+IP pair with too many recent failures."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and terblokir(username, alamat_ip(request)):
            # PermissionDenied stops the other backends too and fires user_login_failed.
            raise PermissionDenied(pesan_terblokir())
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="web-catat-gagal-masuk")
def _catat_gagal(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    if not username:
        return
    sebelum = timezone.now() - jendela()
    PercobaanMasuk.objects.filter(waktu__lt=sebelum).delete()  # keep the table small
    PercobaanMasuk.objects.create(username=_normal(username), ip=alamat_ip(request))


@receiver(user_logged_in, dispatch_uid="web-hapus-gagal-masuk")
def _hapus_gagal(sender, request, user, **kwargs):
    PercobaanMasuk.objects.filter(username=_normal(user.get_username()), ip=alamat_ip(request)).delete()
