"""Audit of what happens to accounts outside the service layer: logins, failed logins, role and
superuser grants, password changes and Django-admin changes all land in the audit trail."""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from kinerja.audit.models import Jejak, catat
from kinerja.audit.pelaku import pelaku_sekarang

from . import sandi, sesi
from .models import Peran

User = get_user_model()
_HAK = ("is_superuser", "is_staff", "is_active")


def _ip(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "?") if request is not None else "?"


@receiver(user_logged_in, dispatch_uid="akun-audit-masuk")
def _masuk(sender, request, user, **kwargs):
    catat(user, "masuk", user, ringkasan=f"{user.get_username()} masuk dari {_ip(request)}")
    if request is not None and hasattr(request, "session"):
        sandi.tandai_sesi(request, user)
        sesi.tandai_aktif(request.session)


@receiver(user_login_failed, dispatch_uid="akun-audit-gagal-masuk")
def _gagal_masuk(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username") or "")[:150]
    catat(None, "gagal_masuk", None, ringkasan=f"Gagal masuk sebagai “{username}” dari {_ip(request)}")


@receiver(pre_save, sender=User, dispatch_uid="akun-audit-hak")
def _hak_dan_sandi(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    lama = User.objects.filter(pk=instance.pk).values(*_HAK, "password").first()
    if lama is None:
        return
    berubah = {f: [lama[f], getattr(instance, f)] for f in _HAK if lama[f] != getattr(instance, f)}
    if berubah:
        ringkasan = ", ".join(f"{f} {a} → {b}" for f, (a, b) in berubah.items())
        catat(pelaku_sekarang(), "ubah_hak_akun", instance, ringkasan=f"{instance}: {ringkasan}", perubahan=berubah)
    if lama["password"] != instance.password:
        catat(pelaku_sekarang(), "sandi_diubah", instance, ringkasan=f"Kata sandi {instance} diubah")


@receiver(post_save, sender=Peran, dispatch_uid="akun-audit-peran")
def _peran_disimpan(sender, instance, created, raw=False, **kwargs):
    if not raw:
        aksi = "beri_peran" if created else "ubah_peran"
        catat(pelaku_sekarang(), aksi, instance.pengguna, ringkasan=f"{aksi.replace('_', ' ')}: {instance}")


@receiver(post_delete, sender=Peran, dispatch_uid="akun-audit-cabut-peran")
def _peran_dicabut(sender, instance, **kwargs):
    catat(pelaku_sekarang(), "cabut_peran", instance.pengguna, ringkasan=f"cabut peran: {instance}")


@receiver(post_save, sender=LogEntry, dispatch_uid="akun-audit-admin")
def _catatan_admin(sender, instance, created, **kwargs):
    if not created:
        return
    aksi = {ADDITION: "admin_tambah", CHANGE: "admin_ubah", DELETION: "admin_hapus"}
    Jejak.objects.create(
        pengguna=instance.user,
        pengguna_nama=Jejak.nama_pelaku(instance.user),
        aksi=aksi.get(instance.action_flag, "admin"),
        objek_jenis=instance.content_type.model_class()._meta.label if instance.content_type_id else "",
        objek_id=str(instance.object_id or "")[:40],
        ringkasan=f"Admin: {instance.object_repr} — {instance.get_change_message() or instance.get_action_flag_display()}"[
            :300
        ],
    )
