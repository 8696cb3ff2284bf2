"""A ditetapkan DokumenIKI and everything under it refuse every change, at the ORM level.

Each locked model names, in `kunci_path`, the lookup from itself to its document's status.
Saves and deletes (including cascades, which send pre_delete) are checked by signals against the
database state, not the in-memory object; queryset update/delete/bulk_create are checked in bulk.
A Konstanta used by a decreed document is locked too: changing it would change decreed results.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.dispatch import Signal

DITETAPKAN = "ditetapkan"

# Sent after buat_revisi with lama, baru, peta_indikator {old id: new}, peta_variabel {old id: new}.
revisi_dibuat = Signal()


class DokumenTerkunci(ValidationError):
    def __init__(self, objek=None):
        nama = f" ({objek._meta.verbose_name})" if objek is not None else ""
        super().__init__(
            "Dokumen IKI sudah ditetapkan dan tidak dapat diubah" + nama + ". Buat revisi baru untuk mengubahnya.",
            code="terkunci",
        )


def _parent_lookup(model):
    """(parent model, fk attname, lookup from the parent) when the lock path starts with a forward FK."""
    first, _, rest = model.kunci_path.partition("__")
    if not rest:
        return None
    field = model._meta.get_field(first)
    if not field.many_to_one:
        return None
    return field.related_model, field.attname, rest


def _locked_rows(queryset) -> bool:
    return queryset.filter(**{queryset.model.kunci_path: DITETAPKAN}).exists()


def _parents_locked(model, objs) -> bool:
    lookup = _parent_lookup(model)
    if lookup is None:
        return False
    parent_model, attname, rest = lookup
    ids = {getattr(obj, attname) for obj in objs} - {None}
    return bool(ids) and parent_model._default_manager.filter(pk__in=ids, **{rest: DITETAPKAN}).exists()


class TerkunciQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if _locked_rows(self):
            raise DokumenTerkunci()
        return super().update(**kwargs)

    def delete(self):
        if _locked_rows(self):
            raise DokumenTerkunci()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if _parents_locked(self.model, objs):
            raise DokumenTerkunci()
        return super().bulk_create(objs, *args, **kwargs)


def is_locked(instance) -> bool:
    """True when the instance, as stored or as about to be stored, belongs to a ditetapkan document."""
    model = type(instance)
    if instance.pk is not None and _locked_rows(model._default_manager.filter(pk=instance.pk)):
        return True
    return _parents_locked(model, [instance])


def _locked_models():
    from .models import DokumenIKI, Indikator, IndikatorTujuan, Konstanta, Sasaran, Tujuan, UraianJabatan, Variabel

    return DokumenIKI, Tujuan, IndikatorTujuan, Sasaran, Indikator, Variabel, Konstanta, UraianJabatan


def _refuse_if_locked(sender, instance, **kwargs):
    if kwargs.get("raw"):  # loaddata of a fixture: trusted as it was dumped
        return
    if is_locked(instance):
        raise DokumenTerkunci(instance)


def connect():
    for model in _locked_models():
        pre_save.connect(_refuse_if_locked, sender=model, dispatch_uid=f"kunci-simpan-{model.__name__}")
        pre_delete.connect(_refuse_if_locked, sender=model, dispatch_uid=f"kunci-hapus-{model.__name__}")
    from .models import Indikator

    m2m_changed.connect(_refuse_locked_induk, sender=Indikator.induk.through, dispatch_uid="kunci-induk")


def _refuse_locked_induk(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Cascading links belong to the supporting (bawahan) indicator: refuse when it is locked."""
    if not action.startswith("pre_"):
        return
    from .models import Indikator

    if not reverse:
        changed = {instance.pk}
    elif pk_set is not None:
        changed = set(pk_set)
    else:
        changed = set(instance.pendukung.values_list("pk", flat=True))
    if Indikator.objects.filter(pk__in=changed, sasaran__dokumen__status=DITETAPKAN).exists():
        raise DokumenTerkunci()
