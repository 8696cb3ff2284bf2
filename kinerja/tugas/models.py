"""What was reminded to whom (each reminder is sent once) and who asked for no reminders."""

from django.conf import settings
from django.db import models


class PreferensiPengingat(models.Model):
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferensi_pengingat"
    )
    aktif = models.BooleanField("kirim pengingat", default=True)

    class Meta:
        verbose_name = "preferensi pengingat"
        verbose_name_plural = "preferensi pengingat"

    def __str__(self):
        return f"{self.pengguna}: {'aktif' if self.aktif else 'tidak aktif'}"


class PengingatTerkirim(models.Model):
    """One reminder sent; the key names the occasion (a report's deadline, one return, one submission)."""

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kunci = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20)
    saluran = models.CharField(max_length=40)
    dikirim_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pengingat terkirim"
        verbose_name_plural = "pengingat terkirim"
        constraints = [models.UniqueConstraint(fields=["pengguna", "kunci"], name="pengingat_sekali_per_kunci")]

    def __str__(self):
        return f"{self.pengguna} · {self.kunci}"
