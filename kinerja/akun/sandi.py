"""Passwords: who may reset whose, how a reset reaches the owner, reuse refused, first-login change.

- An admin never learns a password the owner chose. A reset is a one-time link e-mailed to the
  owner (Django's password-reset tokens, invalid once used or once the password changes) when the
  account has an e-mail address; otherwise a temporary password, shown once to the admin, that the
  owner must change at first login (``wajib_ganti``, enforced by ``WajibGantiSandiMiddleware``).
- Nobody resets the password of an account that ranks above them (``PERINGKAT``): an admin
  instansi does not reset the Camat's, an admin pemda not a superuser's; no one resets their own.
- Every reset is audited and the owner is notified by e-mail when an address is known.
- ``SandiTidakDipakaiUlang``: the current and the last ``RIWAYAT`` passwords cannot be chosen again.
"""

import secrets
from dataclasses import dataclass
from smtplib import SMTPException

from django.contrib.auth.hashers import check_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kinerja.audit.models import catat

from . import lingkup
from .models import Peran, RiwayatSandi, StatusSandi

RIWAYAT = 5
"""How many previous passwords are refused besides the current one."""

PERINGKAT = {
    Peran.Jenis.PEJABAT: 1,
    Peran.Jenis.ADMIN_INSTANSI: 2,
    Peran.Jenis.CAMAT: 3,
    Peran.Jenis.PEMERIKSA: 4,
    Peran.Jenis.ADMIN_PEMDA: 5,
}
PERINGKAT_SUPERUSER = 10


def peringkat(pengguna) -> int:
    """The highest rank among the account's roles (a superuser outranks every role)."""
    if pengguna.is_superuser:
        return PERINGKAT_SUPERUSER
    prefetch = getattr(pengguna, "_prefetched_objects_cache", {})
    peran = prefetch["peran"] if "peran" in prefetch else lingkup.peran_pengguna(pengguna)  # both cached
    return max((PERINGKAT.get(p.jenis, 0) for p in peran), default=0)


def boleh_atur_ulang(pelaku, pengguna) -> bool:
    """Whether ``pelaku`` may reset ``pengguna``'s password: never their own, never a higher rank."""
    return pelaku.pk != pengguna.pk and peringkat(pengguna) <= peringkat(pelaku)


def sandi_sementara() -> str:
    return secrets.token_urlsafe(12)


def tautan_atur_ulang(pengguna, dasar_url: str) -> str:
    """The one-time link to set a new password (valid until used, the password changes, or it expires)."""
    uid = urlsafe_base64_encode(force_bytes(pengguna.pk))
    token = default_token_generator.make_token(pengguna)
    return dasar_url.rstrip("/") + reverse("web:atur_sandi", args=[uid, token])


@dataclass(frozen=True)
class HasilAturUlang:
    cara: str  # "tautan": e-mailed to the owner; "sementara": shown once to the admin
    sandi_sementara: str | None = None


def atur_ulang(pelaku, pengguna, *, dasar_url: str) -> HasilAturUlang:
    """Reset ``pengguna``'s password on behalf of ``pelaku``; audited, the owner notified.

    With an e-mail address: a one-time link is sent and the password in force keeps working until
    it is used. Without: a temporary password replaces it and must be changed at first login.
    """
    if not boleh_atur_ulang(pelaku, pengguna):
        raise PermissionDenied("Anda tidak berhak mengatur ulang kata sandi akun ini (peran pemiliknya lebih tinggi).")
    with transaction.atomic():
        if pengguna.email:
            tautan = tautan_atur_ulang(pengguna, dasar_url)
            catat(pelaku, "atur_ulang_sandi", pengguna, ringkasan=f"Tautan atur ulang sandi dikirim ke {pengguna}")
            try:  # inside the transaction: no audit of a link that never left
                send_mail(
                    "Atur ulang kata sandi Kinerja",
                    f"Admin {pelaku} meminta pengaturan ulang kata sandi akun {pengguna.username}.\n"
                    f"Buka tautan berikut (sekali pakai) untuk membuat kata sandi baru:\n{tautan}\n\n"
                    "Abaikan pesan ini bila Anda tidak memerlukannya; kata sandi lama tetap berlaku.",
                    None,
                    [pengguna.email],
                )
            except (OSError, SMTPException):
                raise ValidationError(
                    f"E-mail ke {pengguna.email} tidak dapat dikirim; periksa pengaturan e-mail server lalu coba lagi.",
                    code="surel_gagal",
                ) from None
            return HasilAturUlang("tautan")
        sandi = sandi_sementara()
        pengguna.set_password(sandi)
        pengguna.save(update_fields=["password"])
        StatusSandi.objects.update_or_create(pengguna=pengguna, defaults={"wajib_ganti": True})
        catat(
            pelaku,
            "atur_ulang_sandi",
            pengguna,
            ringkasan=f"Kata sandi sementara untuk {pengguna} (wajib diganti saat masuk)",
        )
    return HasilAturUlang("sementara", sandi)


def wajib_ganti(pengguna) -> bool:
    return StatusSandi.objects.filter(pengguna=pengguna, wajib_ganti=True).exists()


class SandiTidakDipakaiUlang:
    """Password validator: the current password and the last RIWAYAT ones cannot be chosen again.

    ``password_changed`` (called by Django whenever a password is saved) keeps the history and
    ends a temporary password's must-change state; ``atur_ulang`` sets that state after saving.
    """

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        lama = [user.password] + list(
            RiwayatSandi.objects.filter(pengguna=user).values_list("sandi", flat=True)[:RIWAYAT]
        )
        if any(h and check_password(password, h) for h in lama):
            raise ValidationError(
                f"Kata sandi ini sudah pernah Anda pakai; pilih kata sandi yang berbeda dari {RIWAYAT + 1} kata sandi terakhir.",
                code="sandi_dipakai_ulang",
            )

    def password_changed(self, password, user=None):
        if user is None or user.pk is None:
            return
        RiwayatSandi.objects.create(pengguna=user, sandi=user.password)
        StatusSandi.objects.filter(pengguna=user).update(wajib_ganti=False)

    def get_help_text(self):
        return f"Kata sandi tidak boleh sama dengan {RIWAYAT + 1} kata sandi terakhir Anda."


KUNCI_SESI = "wajib_ganti_sandi"


def tandai_sesi(request, pengguna) -> None:
    """At login: remember in the session whether this account must change its password first."""
    if wajib_ganti(pengguna):
        request.session[KUNCI_SESI] = True
    else:
        request.session.pop(KUNCI_SESI, None)


class WajibGantiSandiMiddleware:
    """Sends an account with a temporary password to the change-password page until it is changed."""

    BEBAS = ("web:ganti_sandi", "web:keluar")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sesi = getattr(request, "session", None)
        if (
            sesi is not None
            and sesi.get(KUNCI_SESI)
            and request.user.is_authenticated
            and request.path not in {reverse(nama) for nama in self.BEBAS}
        ):
            return redirect("web:ganti_sandi")
        return self.get_response(request)
