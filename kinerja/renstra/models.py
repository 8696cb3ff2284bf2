"""The Renstra (Rencana Strategis) end-of-period target of an indicator.

Kept per instansi and indicator identity (Indikator.identitas, the same in every revision and year),
so one Renstra target serves every yearly IKI of its period. Written only by kinerja.renstra.layanan.
"""

from django.db import models
from django.db.models import F, Q

from kinerja.organisasi.models import Instansi


class TargetRenstra(models.Model):
    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="target_renstra")
    identitas = models.UUIDField(help_text="Indikator.identitas: sama di setiap revisi dan tahun")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(max_digits=20, decimal_places=6, help_text="Target akhir, atau batas bawah rentang")
    nilai_hi = models.DecimalField("batas atas", max_digits=20, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = "target Renstra"
        verbose_name_plural = "target Renstra"
        ordering = ["instansi", "identitas", "tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "identitas", "tahun_awal"], name="renstra_unik_per_periode"),
            models.CheckConstraint(condition=Q(tahun_akhir__gte=F("tahun_awal")), name="renstra_periode_urut"),
            models.CheckConstraint(
                condition=Q(nilai_hi__isnull=True) | Q(nilai_hi__gte=F("nilai")), name="renstra_rentang_urut"
            ),
        ]

    def __str__(self):
        return f"Renstra {self.tahun_awal}–{self.tahun_akhir}: {self.nilai}"
