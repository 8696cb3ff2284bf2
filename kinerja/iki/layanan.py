"""Document lifecycle: tetapkan (decree, then immutable) and buat_revisi (copy into a new draft)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from kinerja import rumus
from kinerja.audit.models import catat

from .models import DokumenIKI, Indikator, IndikatorTujuan, Sasaran, Tujuan
from .penguncian import revisi_dibuat


def masalah_penetapan(dokumen: DokumenIKI) -> list[str]:
    """Everything that stops a document from being decreed, in Indonesian; empty when it may be."""
    masalah = []
    if not dokumen.sk_nomor.strip():
        masalah.append("Nomor SK belum diisi.")
    if dokumen.sk_tanggal is None:
        masalah.append("Tanggal SK belum diisi.")
    indikator_list = list(
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan")
        .prefetch_related("variabel__konstanta")
    )
    if not indikator_list:
        masalah.append("Dokumen belum memiliki indikator.")
    for indikator in indikator_list:
        label = f"{indikator.sasaran.jabatan}: {indikator.nama[:60]}"
        if not indikator.ekspresi.strip():
            masalah.append(f"{label} — rumus belum diisi.")
            continue
        try:
            parsed = rumus.parse(indikator.ekspresi)
        except rumus.RumusError as exc:
            masalah.append(f"{label} — rumus tidak sah: {exc}")
            continue
        variabel = {v.kode: v for v in indikator.variabel.all()}
        unknown = sorted(set(parsed.variables) - set(variabel))
        if unknown:
            masalah.append(f"{label} — variabel belum didefinisikan: {', '.join(unknown)}")
        for v in variabel.values():
            if v.konstanta and (v.konstanta.instansi_id != dokumen.instansi_id or v.konstanta.tahun != dokumen.tahun):
                masalah.append(f"{label} — konstanta {v.konstanta.kode} bukan milik instansi/tahun dokumen ini.")
    return masalah


@transaction.atomic
def tetapkan(dokumen: DokumenIKI, pengguna=None) -> DokumenIKI:
    dokumen = DokumenIKI.objects.select_for_update().get(pk=dokumen.pk)
    if dokumen.terkunci:
        raise ValidationError("Dokumen ini sudah ditetapkan.", code="sudah_ditetapkan")
    masalah = masalah_penetapan(dokumen)
    if masalah:
        raise ValidationError(masalah, code="belum_lengkap")
    dokumen.status = DokumenIKI.Status.DITETAPKAN
    dokumen.ditetapkan_pada = timezone.now()
    dokumen.ditetapkan_oleh = pengguna if getattr(pengguna, "is_authenticated", False) else None
    dokumen.save()
    catat(pengguna, "tetapkan", dokumen, perubahan={"status": ["draft", "ditetapkan"]})
    return dokumen


def _copy(obj, **changes):
    obj.pk = obj.id = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj


@transaction.atomic
def buat_revisi(dokumen: DokumenIKI, pengguna=None) -> DokumenIKI:
    """Copy a decreed document with everything under it into a new draft revision."""
    dokumen = DokumenIKI.objects.select_for_update().get(pk=dokumen.pk)
    if not dokumen.terkunci:
        raise ValidationError("Hanya dokumen yang sudah ditetapkan yang dapat direvisi; ubah saja draft ini.")
    draft = DokumenIKI.objects.filter(
        instansi=dokumen.instansi_id, tahun=dokumen.tahun, status=DokumenIKI.Status.DRAFT
    ).first()
    if draft:
        raise ValidationError(
            f"Sudah ada revisi draft (rev. {draft.revisi}) untuk {dokumen.tahun}; lanjutkan yang itu."
        )
    revisi_terakhir = DokumenIKI.objects.filter(instansi=dokumen.instansi_id, tahun=dokumen.tahun).aggregate(
        m=Max("revisi")
    )["m"]
    lama_id = dokumen.pk
    baru = _copy(
        DokumenIKI.objects.get(pk=lama_id),
        revisi=revisi_terakhir + 1,
        status=DokumenIKI.Status.DRAFT,
        revisi_dari_id=lama_id,
        ditetapkan_pada=None,
        ditetapkan_oleh=None,
    )
    for tujuan in Tujuan.objects.filter(dokumen_id=lama_id).prefetch_related("indikator"):
        indikator_tujuan = list(tujuan.indikator.all())
        tujuan_baru = _copy(tujuan, dokumen=baru)
        IndikatorTujuan.objects.bulk_create(
            [IndikatorTujuan(tujuan=tujuan_baru, uraian=it.uraian, urutan=it.urutan) for it in indikator_tujuan]
        )
    peta_indikator, peta_variabel = {}, {}
    for sasaran in Sasaran.objects.filter(dokumen_id=lama_id).prefetch_related("indikator__variabel"):
        indikator_list = list(sasaran.indikator.all())
        sasaran_baru = _copy(sasaran, dokumen=baru)
        for indikator in indikator_list:
            variabel_list = list(indikator.variabel.all())
            lama_indikator_id = indikator.pk
            indikator_baru = _copy(indikator, sasaran=sasaran_baru)
            peta_indikator[lama_indikator_id] = indikator_baru
            for variabel in variabel_list:
                lama_variabel_id = variabel.pk
                peta_variabel[lama_variabel_id] = _copy(variabel, indikator=indikator_baru)
    # Cascading links: links inside the document follow the copies, links outside stay as they were.
    through = Indikator.induk.through
    links = through.objects.filter(from_indikator_id__in=peta_indikator)
    through.objects.bulk_create(
        [
            through(
                from_indikator_id=peta_indikator[link.from_indikator_id].pk,
                to_indikator_id=peta_indikator[link.to_indikator_id].pk
                if link.to_indikator_id in peta_indikator
                else link.to_indikator_id,
            )
            for link in links
        ]
    )
    catat(pengguna, "buat_revisi", baru, ringkasan=f"{baru} dari rev. {dokumen.revisi}")
    revisi_dibuat.send(
        sender=DokumenIKI, lama=dokumen, baru=baru, peta_indikator=peta_indikator, peta_variabel=peta_variabel
    )
    return baru
