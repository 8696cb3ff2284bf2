from django.conf import settings
from django.db import models

from kinerja.iki.models import DokumenIKI


class Pengabaian(models.Model):
    """A finding of the quality checks that a reviewer dismissed, with the reason.

    A finding has no identity of its own (it is recomputed from the document each time), so it is
    matched by ``kunci``: its jenis and the place it points at. Kept for good: whoever verifies
    the draft sees who dismissed what and why.
    """

    dokumen = models.ForeignKey(DokumenIKI, on_delete=models.CASCADE, related_name="pengabaian_temuan")
    kunci = models.CharField(max_length=64, help_text="sidik jenis dan tempat temuan")
    jenis = models.CharField(max_length=40)
    tingkat = models.CharField(max_length=12)
    tempat = models.CharField(max_length=500, blank=True)
    pesan = models.TextField()
    alasan = models.TextField()
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pengabaian temuan"
        verbose_name_plural = "pengabaian temuan"
        ordering = ["-pada", "-id"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "kunci"], name="pengabaian_satu_per_temuan")]

    def __str__(self):
        return f"{self.jenis}: {self.tempat}"
