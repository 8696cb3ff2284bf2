"""Next year's IKI, started from this year's: the same jabatan, sasaran, indicators and variables.

The new year begins as a draft (revision 1) copied from the document in force of the year (the
newest decreed revision) or, when nothing has been decreed yet, from the year's draft (e.g. one
made by import). Jabatan with their tugas and fungsi belong to the instansi, not to a year, so they
carry over; their tugas and fungsi as this year's document states them (UraianJabatan) are copied
with it. The year's constants are copied to the new year (they are facts of that
year and stay editable there: a decreed document locks the old ones). Targets are not carried:
the planner sets them again, with last year's target and realisasi beside each
(kinerja.realisasi.target.pembanding_tahun_lalu).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kinerja.audit.models import catat

from .layanan import _copy, salin_isi
from .models import DokumenIKI, Konstanta, Sasaran, UraianJabatan

TAHUN_TERAKHIR = 2100  # DokumenIKI's check constraint dokumen_iki_tahun_wajar


def dokumen_sumber(instansi, tahun: int) -> DokumenIKI | None:
    """The document a new year starts from: the newest decreed revision of ``tahun``, else its draft."""
    semua = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun).order_by("-revisi")
    return semua.filter(status=DokumenIKI.Status.DITETAPKAN).first() or semua.first()


def masalah_tahun_baru(dokumen: DokumenIKI) -> list[str]:
    """Why next year cannot be started from this document, in Indonesian; empty when it can."""
    tahun = dokumen.tahun + 1
    if tahun > TAHUN_TERAKHIR:
        return [f"Tahun {tahun} di luar rentang yang didukung (sampai {TAHUN_TERAKHIR})."]
    masalah = []
    ada = DokumenIKI.objects.filter(instansi_id=dokumen.instansi_id, tahun=tahun).order_by("-revisi").first()
    if ada is not None:
        masalah.append(
            f"IKI tahun {tahun} sudah ada (revisi {ada.revisi}, {ada.get_status_display().lower()}); lanjutkan yang itu."
        )
    sumber = dokumen_sumber(dokumen.instansi_id, dokumen.tahun)
    if sumber is not None and sumber.pk != dokumen.pk:
        masalah.append(
            f"Tahun {tahun} dimulai dari IKI {dokumen.tahun} revisi {sumber.revisi} "
            f"({sumber.get_status_display().lower()}), bukan dari revisi {dokumen.revisi}."
        )
    if not Sasaran.objects.filter(dokumen=dokumen).exists():
        masalah.append(f"IKI {dokumen.tahun} belum memiliki sasaran; tidak ada yang dapat dibawa ke tahun {tahun}.")
    return masalah


@transaction.atomic
def mulai_tahun_baru(dokumen: DokumenIKI, pengguna=None) -> DokumenIKI:
    """Start next year's draft from ``dokumen`` (see the module docstring); raises ValidationError, changing nothing."""
    dokumen = DokumenIKI.objects.select_for_update().get(pk=dokumen.pk)
    masalah = masalah_tahun_baru(dokumen)
    if masalah:
        raise ValidationError(masalah, code="tahun_baru")
    tahun = dokumen.tahun + 1
    peta_konstanta = {}
    ada = {k.kode: k for k in Konstanta.objects.filter(instansi_id=dokumen.instansi_id, tahun=tahun)}
    dipakai = Konstanta.objects.filter(variabel__indikator__sasaran__dokumen=dokumen).values("pk")
    for konstanta in Konstanta.objects.filter(
        Q(pk__in=dipakai) | Q(instansi_id=dokumen.instansi_id, tahun=dokumen.tahun)
    ).order_by("kode", "tahun"):
        lama_id = konstanta.pk
        if konstanta.kode not in ada:
            ada[konstanta.kode] = _copy(konstanta, tahun=tahun)
        peta_konstanta[lama_id] = ada[konstanta.kode]
    baru = _copy(
        DokumenIKI.objects.get(pk=dokumen.pk),
        tahun=tahun,
        revisi=1,
        status=DokumenIKI.Status.DRAFT,
        revisi_dari=None,
        sk_nomor="",
        sk_tanggal=None,
        isi_penetapan=None,
        ditetapkan_pada=None,
        ditetapkan_oleh=None,
    )
    # Links to indicators outside the document point into last year: they are not carried.
    peta_indikator, _ = salin_isi(dokumen.pk, baru, peta_konstanta=peta_konstanta, tautan_luar=False)
    for uraian in UraianJabatan.objects.filter(dokumen_id=dokumen.pk):  # tugas and fungsi as this year's
        _copy(uraian, dokumen=baru)
    catat(
        pengguna,
        "tahun_baru",
        baru,
        ringkasan=(
            f"IKI {tahun} dimulai dari IKI {dokumen.tahun} revisi {dokumen.revisi}: "
            f"{len(peta_indikator)} indikator, {len(peta_konstanta)} konstanta"
        ),
    )
    return baru
