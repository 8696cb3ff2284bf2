"""A decreed document keeps the names it was decreed with: a jabatan it names is not renamed.

The export and the documents of a decreed year read the jabatan's name; renaming it would
rewrite a decreed document after the fact. A new organisation gets new jabatan (and the next
year's document refers to them), the decreed years keep theirs.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver

from kinerja.organisasi.models import Jabatan

DITETAPKAN = "ditetapkan"


def disebut_dokumen_ditetapkan(jabatan_id) -> bool:
    from kinerja.iki.models import Indikator, Sasaran, Tujuan

    return (
        Sasaran.objects.filter(jabatan_id=jabatan_id, dokumen__status=DITETAPKAN).exists()
        or Tujuan.objects.filter(jabatan_id=jabatan_id, dokumen__status=DITETAPKAN).exists()
        or Indikator.objects.filter(Q(penanggung_jawab_id=jabatan_id), sasaran__dokumen__status=DITETAPKAN).exists()
    )


@receiver(pre_save, sender=Jabatan, dispatch_uid="audit-nama-jabatan-ditetapkan")
def _nama_jabatan_tetap(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    lama = Jabatan.objects.filter(pk=instance.pk).values_list("nama", flat=True).first()
    if lama is not None and lama != instance.nama and disebut_dokumen_ditetapkan(instance.pk):
        raise ValidationError(
            f"Jabatan “{lama}” disebut dalam dokumen IKI yang sudah ditetapkan; namanya tidak dapat diubah. "
            "Buat jabatan baru untuk susunan organisasi yang baru.",
            code="nama_ditetapkan",
        )
