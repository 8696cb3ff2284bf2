"""tetapkan (decree) and buat_revisi (copy into a new draft revision)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.iki.penguncian import revisi_dibuat
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


def test_tetapkan_locks_and_audits(django_user_model):
    user = django_user_model.objects.create(username="camat")
    dokumen = katalog_kecil().tetapkan(user)
    assert dokumen.status == "ditetapkan" and dokumen.ditetapkan_oleh == user and dokumen.ditetapkan_pada
    jejak = Jejak.objects.get(aksi="tetapkan")
    assert jejak.pengguna == user and jejak.objek_id == str(dokumen.pk)
    with pytest.raises(ValidationError, match="sudah ditetapkan"):
        dokumen.tetapkan(user)


@pytest.mark.parametrize(
    "rusak, pesan",
    [
        (lambda d: DokumenIKI.objects.filter(pk=d.pk).update(sk_nomor=""), "Nomor SK belum diisi"),
        (lambda d: DokumenIKI.objects.filter(pk=d.pk).update(sk_tanggal=None), "Tanggal SK belum diisi"),
        (lambda d: Indikator.objects.filter(sasaran__dokumen=d).update(ekspresi="a +"), "rumus tidak sah"),
        (lambda d: Indikator.objects.filter(sasaran__dokumen=d).update(ekspresi=""), "rumus belum diisi"),
        (lambda d: Variabel.objects.filter(kode="lpj").delete(), "variabel belum didefinisikan: lpj"),
        (lambda d: Indikator.objects.filter(sasaran__dokumen=d).delete(), "belum memiliki indikator"),
    ],
)
def test_tetapkan_refuses_an_incomplete_document(rusak, pesan):
    dokumen = katalog_kecil()
    rusak(dokumen)
    with pytest.raises(ValidationError) as exc:
        dokumen.tetapkan()
    assert any(pesan in m for m in exc.value.messages), exc.value.messages
    dokumen.refresh_from_db()
    assert dokumen.status == "draft"
    assert not Jejak.objects.filter(aksi="tetapkan").exists()


def test_buat_revisi_copies_everything_into_a_draft():
    lama = katalog_kecil().tetapkan()
    received = {}
    revisi_dibuat.connect(lambda sender, **kw: received.update(kw), weak=False, dispatch_uid="t")
    try:
        baru = lama.buat_revisi()
    finally:
        revisi_dibuat.disconnect(dispatch_uid="t")
    assert (baru.revisi, baru.status, baru.revisi_dari_id) == (2, "draft", lama.pk)
    # A revision is decreed by its own SK: nomor and date are left for the decree to fill.
    assert (baru.sk_nomor, baru.sk_tanggal) == ("", None) and baru.instansi_id == lama.instansi_id

    def snapshot(dokumen):
        return sorted(
            (
                i.sasaran.jabatan.nama,
                i.sasaran.uraian,
                i.nama,
                i.ekspresi,
                tuple(sorted((v.kode, v.nilai_tetap, v.konstanta_id) for v in i.variabel.all())),
                tuple(sorted(p.nama for p in i.induk.all())),
            )
            for i in Indikator.objects.filter(sasaran__dokumen=dokumen)
        )

    assert snapshot(baru) == snapshot(lama)
    # Cascading links point inside the new revision, not back into the old one.
    anak = Indikator.objects.get(sasaran__dokumen=baru, nama__startswith="Persentase LPJ")
    assert anak.induk.get().sasaran.dokumen_id == baru.pk
    assert set(received["peta_indikator"]) == set(
        Indikator.objects.filter(sasaran__dokumen=lama).values_list("pk", flat=True)
    )
    # The new draft is editable, the old revision is not touched.
    anak.nama = "Diubah di revisi 2"
    anak.save()
    assert not Indikator.objects.filter(sasaran__dokumen=lama, nama="Diubah di revisi 2").exists()


def test_only_one_draft_revision_at_a_time_and_only_from_a_decree():
    lama = katalog_kecil().tetapkan()
    draft = lama.buat_revisi()
    with pytest.raises(ValidationError, match="Sudah ada revisi draft"):
        lama.buat_revisi()
    with pytest.raises(ValidationError, match="Hanya dokumen yang sudah ditetapkan"):
        draft.buat_revisi()
    assert DokumenIKI.objects.filter(instansi=lama.instansi).count() == 2


def test_database_refuses_duplicate_revision_and_variable_codes():
    dokumen = katalog_kecil()
    with pytest.raises(IntegrityError), transaction.atomic():
        DokumenIKI.objects.create(instansi=dokumen.instansi, tahun=dokumen.tahun, revisi=dokumen.revisi)
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Variabel.objects.create(indikator=indikator, kode=indikator.variabel.first().kode, uraian="kembar")
