"""Which revision of an instansi's DokumenIKI is in force for a year.

Rule: the ditetapkan revision with the highest revision number. A draft revision is never in
force (it may still change); an older decreed revision stops being in force the moment a newer
one is decreed. Reports and computations of a year read only the revision in force, so editing
a formula in a new revision never changes what an earlier revision computed, and last year's
capaian stays what it was.
"""

from kinerja.iki.models import DokumenIKI


def dokumen_berlaku(instansi, tahun: int) -> DokumenIKI | None:
    """The DokumenIKI in force for ``instansi`` (object or id) in ``tahun``, or None."""
    instansi_id = getattr(instansi, "pk", instansi)
    return (
        DokumenIKI.objects.filter(instansi_id=instansi_id, tahun=tahun, status=DokumenIKI.Status.DITETAPKAN)
        .order_by("-revisi")
        .first()
    )


def dokumen_berlaku_banyak(instansi_ids, tahun_list) -> dict[tuple[int, int], int]:
    """{(instansi id, tahun): id of the DokumenIKI in force} for many instansi and years, in one query."""
    berlaku: dict[tuple[int, int], tuple[int, int]] = {}
    baris = (
        DokumenIKI.objects.filter(
            instansi_id__in=instansi_ids, tahun__in=tahun_list, status=DokumenIKI.Status.DITETAPKAN
        )
        .order_by()
        .values_list("instansi_id", "tahun", "revisi", "id")
    )
    for instansi_id, tahun, revisi, dokumen_id in baris:
        kunci = (instansi_id, tahun)
        if kunci not in berlaku or revisi > berlaku[kunci][0]:
            berlaku[kunci] = (revisi, dokumen_id)
    return {kunci: dokumen_id for kunci, (_, dokumen_id) in berlaku.items()}


def masih_berlaku(dokumen: DokumenIKI) -> bool:
    """Whether ``dokumen`` is the revision in force for its instansi and year."""
    return (
        dokumen.status == DokumenIKI.Status.DITETAPKAN
        and not DokumenIKI.objects.filter(
            instansi_id=dokumen.instansi_id,
            tahun=dokumen.tahun,
            status=DokumenIKI.Status.DITETAPKAN,
            revisi__gt=dokumen.revisi,
        ).exists()
    )
