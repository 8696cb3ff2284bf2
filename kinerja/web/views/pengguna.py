"""Accounts of an instansi, kept by its admin: who has which role and jabatan, new accounts for
assigned pegawai, password resets and (de)activation. An account with any role outside the
instansi (or a superuser) is left to the admin pemda: an admin instansi cannot take it over."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kinerja.akun import lingkup
from kinerja.akun.layanan import buat_akun as buat_akun_pegawai
from kinerja.akun.layanan import sandi_sementara
from kinerja.audit.models import catat
from kinerja.organisasi.models import Pegawai, Penugasan

from .. import akses

User = get_user_model()


def _instansi_kelola(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    akses.wajib(
        lingkup.boleh_kelola_katalog(request.user, instansi),
        "Hanya admin instansi atau admin pemda yang dapat mengelola akun.",
    )
    return instansi


def _dikelola(pengguna, instansi) -> bool:
    peran = list(pengguna.peran.all())
    return not pengguna.is_superuser and bool(peran) and all(p.instansi_id == instansi.pk for p in peran)


def _pengguna_atau_404(request, instansi, pengguna_id):
    pengguna = (
        User.objects.filter(pk=pengguna_id, peran__instansi=instansi).prefetch_related("peran").distinct().first()
    )
    if pengguna is None:
        raise Http404("Akun tidak ditemukan.")
    if not _dikelola(pengguna, instansi) or pengguna.pk == request.user.pk:
        raise PermissionDenied("Akun ini dikelola admin pemda (atau akun Anda sendiri: gunakan Ganti kata sandi).")
    return pengguna


class FormAkunBaru(forms.Form):
    username = forms.CharField(label="Nama pengguna", max_length=150, validators=[UnicodeUsernameValidator()])

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("Nama pengguna ini sudah dipakai.")
        return username


@login_required
@require_GET
def daftar(request, instansi_id):
    instansi = _instansi_kelola(request, instansi_id)
    jabatan_per_pegawai: dict[int, list] = {}
    tanpa_akun = []
    for p in (
        Penugasan.objects.aktif()
        .filter(jabatan__instansi=instansi)
        .select_related("pegawai", "jabatan")
        .order_by("jabatan__urutan")
    ):
        jabatan_per_pegawai.setdefault(p.pegawai.pengguna_id, []).append(p.jabatan)
        if p.pegawai.pengguna_id is None:
            tanpa_akun.append(p)
    akun = list(User.objects.filter(peran__instansi=instansi).prefetch_related("peran").distinct().order_by("username"))
    for a in akun:
        a.jabatan_di_sini = jabatan_per_pegawai.get(a.pk, [])
        a.dikelola = _dikelola(a, instansi) and a.pk != request.user.pk
        a.peran_di_sini = sorted({p.get_jenis_display() for p in a.peran.all()})
    return render(
        request,
        "web/pengguna.html",
        {
            "instansi": instansi,
            "akun_list": akun,
            "tanpa_akun": tanpa_akun,
            "form": FormAkunBaru(),
        },
    )


def _tampilkan_sandi(request, instansi, pengguna, sandi, judul):
    """The new password is shown once, in this response only (never in a message cookie or a log)."""
    return render(
        request,
        "web/sandi_sementara.html",
        {
            "instansi": instansi,
            "pengguna": pengguna,
            "sandi": sandi,
            "judul": judul,
        },
    )


@login_required
@require_POST
def atur_ulang_sandi(request, instansi_id, pengguna_id):
    instansi = _instansi_kelola(request, instansi_id)
    pengguna = _pengguna_atau_404(request, instansi, pengguna_id)
    sandi = sandi_sementara()
    with transaction.atomic():
        pengguna.set_password(sandi)
        pengguna.save(update_fields=["password"])
        catat(request.user, "atur_ulang_sandi", pengguna, ringkasan=f"Kata sandi {pengguna.username} diatur ulang")
    return _tampilkan_sandi(request, instansi, pengguna, sandi, "Kata sandi diatur ulang")


@login_required
@require_POST
def ubah_aktif(request, instansi_id, pengguna_id):
    instansi = _instansi_kelola(request, instansi_id)
    pengguna = _pengguna_atau_404(request, instansi, pengguna_id)
    with transaction.atomic():
        pengguna.is_active = not pengguna.is_active
        pengguna.save(update_fields=["is_active"])
        catat(
            request.user,
            "aktifkan_akun" if pengguna.is_active else "nonaktifkan_akun",
            pengguna,
            perubahan={"is_active": [not pengguna.is_active, pengguna.is_active]},
        )
    messages.success(request, f"Akun {pengguna.username} {'diaktifkan' if pengguna.is_active else 'dinonaktifkan'}.")
    return redirect("web:pengguna", instansi.pk)


@login_required
@require_POST
def buat_akun(request, instansi_id, pegawai_id):
    instansi = _instansi_kelola(request, instansi_id)
    pegawai = (
        Pegawai.objects.filter(
            pk=pegawai_id,
            pengguna__isnull=True,
            penugasan__in=Penugasan.objects.aktif().filter(jabatan__instansi=instansi),
        )
        .distinct()
        .first()
    )
    if pegawai is None:
        raise Http404("Pegawai tidak ditemukan di instansi ini, atau sudah memiliki akun.")
    form = FormAkunBaru(request.POST)
    if not form.is_valid():
        for pesan in form.errors.get("username", []):
            messages.error(request, f"{pegawai.nama}: {pesan}")
        return redirect("web:pengguna", instansi.pk)
    try:
        pengguna, sandi = buat_akun_pegawai(request.user, instansi, pegawai, form.cleaned_data["username"])
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, f"{pegawai.nama}: {pesan}")
        return redirect("web:pengguna", instansi.pk)
    return _tampilkan_sandi(request, instansi, pengguna, sandi, "Akun dibuat")
