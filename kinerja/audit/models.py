"""Append-only audit trail: who changed what, when, old → new, and why."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models


def _tolak(model, perbuatan: str):
    return PermissionDenied(f"{model._meta.verbose_name.capitalize()} tidak boleh {perbuatan}.")


class _TambahSajaQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise _tolak(self.model, "diubah")

    def delete(self):
        raise _tolak(self.model, "dihapus")


class TambahSaja(models.Model):
    """A record that is appended, never rewritten or removed (the audit trail, a value's history).

    Cascading deletes from a parent go through Django's collector, not these methods, so a
    draft's rows can still be removed with their parent.
    """

    objects = _TambahSajaQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise _tolak(self, "diubah")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise _tolak(self, "dihapus")


class Jejak(TambahSaja):
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    # PROTECT: an account named in the audit trail is deactivated, never deleted.
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pengguna_nama = models.CharField(
        "nama pelaku", max_length=320, blank=True, help_text="Nama pelaku saat itu; tidak berubah bila akun diubah"
    )
    aksi = models.CharField(max_length=40)
    objek_jenis = models.CharField("jenis objek", max_length=80)
    objek_id = models.CharField("ID objek", max_length=40, blank=True)
    ringkasan = models.CharField(max_length=300)
    perubahan = models.JSONField(default=dict, blank=True, help_text="{field: [lama, baru]}")
    alasan = models.TextField(blank=True)

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["objek_jenis", "objek_id"])]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi}: {self.ringkasan}"

    @staticmethod
    def nama_pelaku(pengguna) -> str:
        """The actor as named at the time: "username (Full Name)"."""
        if pengguna is None:
            return ""
        nama = pengguna.get_full_name() if hasattr(pengguna, "get_full_name") else ""
        return f"{pengguna.get_username()} ({nama})" if nama else pengguna.get_username()


def catat(pengguna, aksi: str, objek, ringkasan: str = "", perubahan: dict | None = None, alasan: str = "") -> Jejak:
    """Record one audited action; call it inside the same transaction as the change."""
    if pengguna is not None and not getattr(pengguna, "is_authenticated", False):
        pengguna = None
    return Jejak.objects.create(
        pengguna=pengguna,
        pengguna_nama=Jejak.nama_pelaku(pengguna),
        aksi=aksi,
        objek_jenis=objek._meta.label if objek is not None else "",
        objek_id=str(objek.pk) if objek is not None and objek.pk is not None else "",
        ringkasan=(ringkasan or str(objek))[:300],
        perubahan=perubahan or {},
        alasan=alasan,
    )
