"""Writes on accounts that other parts share: a new account for a pegawai of an instansi."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.audit.models import catat

from .models import Peran


def sandi_sementara() -> str:
    """A temporary password to read out or hand over; the user changes it after logging in."""
    return secrets.token_urlsafe(9)


@transaction.atomic
def buat_akun(pelaku, instansi, pegawai, username: str):
    """An account (role pejabat of ``instansi``) for a pegawai without one; returns (account, temporary password).

    The password is returned once and never stored in the audit record.
    """
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": "Nama pengguna wajib diisi."})
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError as exc:
        raise ValidationError({"username": exc.messages}) from exc
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "Nama pengguna ini sudah dipakai."})
    if pegawai.pengguna_id is not None:
        raise ValidationError(f"{pegawai.nama} sudah memiliki akun.")
    sandi = sandi_sementara()
    akun = User.objects.create_user(username=username, password=sandi, first_name=pegawai.nama[:150])
    pegawai.pengguna = akun
    pegawai.save(update_fields=["pengguna"])
    Peran.objects.create(pengguna=akun, jenis=Peran.Jenis.PEJABAT, pemda=instansi.pemda, instansi=instansi)
    catat(pelaku, "buat_akun", akun, ringkasan=f"Akun {akun.username} untuk {pegawai.nama}")
    return akun, sandi
