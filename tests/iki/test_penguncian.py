"""A ditetapkan document and everything under it refuse every change through the ORM."""

from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from kinerja.iki.models import (
    DokumenIKI,
    DokumenTerkunci,
    Indikator,
    IndikatorTujuan,
    Konstanta,
    Sasaran,
    Tujuan,
    Variabel,
)
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumen():
    dokumen = katalog_kecil()
    Tujuan.objects.create(dokumen=dokumen, jabatan=dokumen.sasaran.first().jabatan, uraian="Tujuan A")
    IndikatorTujuan.objects.create(tujuan=dokumen.tujuan.first(), uraian="Indikator tujuan A")
    return dokumen.tetapkan()


def refused(action):
    with pytest.raises(DokumenTerkunci), transaction.atomic():
        action()


def test_draft_can_be_changed():
    dokumen = katalog_kecil()
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    indikator.nama = "Nama baru"
    indikator.save()
    Indikator.objects.filter(pk=indikator.pk).update(satuan="persen")
    assert Indikator.objects.get(pk=indikator.pk).satuan == "persen"


def test_document_fields_refused(dokumen):
    dokumen.sk_nomor = "lain"
    refused(dokumen.save)
    refused(lambda: DokumenIKI.objects.filter(pk=dokumen.pk).update(sk_nomor="lain"))
    refused(dokumen.delete)
    refused(lambda: DokumenIKI.objects.filter(pk=dokumen.pk).delete())
    assert DokumenIKI.objects.get(pk=dokumen.pk).sk_nomor == "188/01/KEP/2025"


@pytest.mark.parametrize("model", [Tujuan, IndikatorTujuan, Sasaran, Indikator, Variabel])
def test_every_child_refuses_save_update_delete(dokumen, model):
    obj = model.objects.first()
    field = "kode" if model is Variabel else ("nama" if model is Indikator else "uraian")
    setattr(obj, field, "diubah")
    refused(obj.save)
    refused(lambda: model.objects.filter(pk=obj.pk).update(**{field: "diubah"}))
    refused(lambda: model.objects.bulk_update([obj], [field]))
    refused(obj.delete)
    refused(lambda: model.objects.all().delete())
    assert getattr(model.objects.get(pk=obj.pk), field) != "diubah"


def test_new_rows_under_a_locked_document_refused(dokumen):
    sasaran = dokumen.sasaran.first()
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    refused(lambda: Sasaran.objects.create(dokumen=dokumen, jabatan=sasaran.jabatan, uraian="baru"))
    refused(lambda: Indikator.objects.create(sasaran=sasaran, nama="baru", ekspresi="a"))
    refused(lambda: Variabel.objects.create(indikator=indikator, kode="baru", uraian="baru"))
    refused(lambda: Variabel.objects.bulk_create([Variabel(indikator=indikator, kode="lagi", uraian="x")]))
    assert Variabel.objects.filter(kode__in=["baru", "lagi"]).count() == 0


def test_moving_a_row_out_of_a_locked_document_refused(dokumen):
    draft = katalog_kecil("Kecamatan Lain")
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    indikator.sasaran = draft.sasaran.first()
    refused(indikator.save)


def test_cascading_links_refused_both_directions(dokumen):
    anak, induk = (
        Indikator.objects.get(nama__startswith=n, sasaran__dokumen=dokumen)
        for n in ("Persentase LPJ", "Persentase desa")
    )
    refused(lambda: anak.induk.clear())
    refused(lambda: anak.induk.remove(induk))
    refused(lambda: induk.pendukung.clear())
    refused(lambda: induk.pendukung.remove(anak))
    assert list(anak.induk.all()) == [induk]


def test_cascade_delete_from_above_refused(dokumen):
    for action in (dokumen.instansi.delete, dokumen.sasaran.first().jabatan.delete):
        with pytest.raises((DokumenTerkunci, ProtectedError)), transaction.atomic():
            action()
    assert Indikator.objects.filter(sasaran__dokumen=dokumen).count() == 2


def test_konstanta_used_by_a_decree_is_locked(dokumen):
    konstanta = Konstanta.objects.get(kode="jumlah_desa")
    konstanta.nilai = Decimal(20)
    refused(konstanta.save)
    refused(lambda: Konstanta.objects.filter(pk=konstanta.pk).update(nilai=20))
    unused = Konstanta.objects.create(
        instansi=dokumen.instansi, tahun=2025, kode="hari_kerja", nama="Hari kerja", nilai=240
    )
    unused.nilai = 238
    unused.save()  # not used by any decreed formula: free to change
