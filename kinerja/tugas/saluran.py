"""Channels a reminder can travel by. E-mail is built in; another channel (WhatsApp, SMS) is a class
with the same two methods named in settings.KINERJA_SALURAN_PENGINGAT — no provider is built in."""

from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


class Saluran(Protocol):
    nama: str

    def alamat(self, pengguna) -> str | None:
        """Where this channel reaches the person, or None when it cannot."""

    def kirim(self, pengguna, subjek: str, isi: str) -> None:
        """Send one message; raise on failure (the reminder is then not recorded as sent)."""


class SaluranSurel:
    nama = "surel"

    def alamat(self, pengguna) -> str | None:
        return pengguna.email or None

    def kirim(self, pengguna, subjek: str, isi: str) -> None:
        send_mail(subjek, isi, None, [pengguna.email])


def saluran_aktif() -> list[Saluran]:
    return [import_string(jalur)() for jalur in settings.KINERJA_SALURAN_PENGINGAT]
