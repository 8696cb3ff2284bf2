"""Targets: setting them (the one write path) and reading what they imply for an indicator.

A quarterly target is cumulative, "target s.d. triwulan n", as rencana aksi forms write it; how a
period is compared with the targets, additivity and the pro rata "target turunan" are
kinerja.pengukuran.target's rules, used here and by kinerja.realisasi.hitung.

Annual targets belong to the decreed document: once the document is ditetapkan they change only
through a new revision. Quarterly targets (rencana aksi) may still be set on the document in force.
"""

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.format import format_angka
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.pengukuran import rencana_aksi
from kinerja.pengukuran.target import PERIODE_TARGET, aditif, peringatan_target, tanpa_rencana_aksi

from .models import Target

__all__ = [
    "PERIODE_TARGET",
    "aditif",
    "indikator_tanpa_rencana_aksi",
    "isi_baseline",
    "peringatan_target",
    "peringatan_target_indikator",
    "simpan_target",
]
_ENAM_DESIMAL = Decimal("0.000001")  # Target.baseline keeps 6 decimals; last year's ratio may have 50


def _teks(target: tuple) -> str:
    lo, hi = target[0], target[1]
    return f"{format_angka(lo)}–{format_angka(hi)}" if hi is not None else format_angka(lo)


def indikator_tanpa_rencana_aksi(dokumen: DokumenIKI) -> list[Indikator]:
    """Indicators of a document with an annual target but no quarterly one (no rencana aksi): their
    in-year targets are derived pro rata ("target turunan") until the planner sets them."""
    targets: dict[int, dict[str, tuple]] = {}
    for indikator_id, periode, lo, hi in (
        Target.objects.filter(indikator__sasaran__dokumen=dokumen)
        .order_by()
        .values_list("indikator_id", "periode", "nilai", "nilai_hi")
    ):
        targets.setdefault(indikator_id, {})[periode] = (lo, hi)
    ids = [i for i, t in targets.items() if tanpa_rencana_aksi(t)]
    return list(
        Indikator.objects.filter(pk__in=ids)
        .select_related("sasaran__jabatan")
        .order_by("sasaran__jabatan__urutan", "sasaran__jabatan_id", "sasaran__urutan", "sasaran_id", "urutan", "id")
    )


def _aditif_indikator(indikator: Indikator) -> bool:
    variabel = list(indikator.variabel.all())
    cara = {v.kode: v.agregasi for v in variabel if v.diisi}
    tetap = {v.kode for v in variabel if not v.diisi}
    return aditif(indikator.ekspresi, cara, tetap)


def peringatan_target_indikator(indikator: Indikator) -> list[str]:
    targets = {t.periode: (t.nilai, t.nilai_hi) for t in Target.objects.filter(indikator=indikator)}
    return peringatan_target(targets, _aditif_indikator(indikator), indikator.polaritas)


def realisasi_tahun_lalu(indikator: Indikator) -> Decimal | None:
    """Last year's annual realisasi of this indicator: the one with the same identity in last year's document in force."""
    from .hitung import hitung_instansi

    dokumen = indikator.sasaran.dokumen
    for hasil in hitung_instansi(dokumen.instansi_id, dokumen.tahun - 1):
        if hasil.identitas == indikator.identitas:
            return hasil.realisasi.nilai
    return None


def _angka(nilai, nama: str) -> Decimal | None:
    from .layanan import bersihkan_nilai

    try:
        return bersihkan_nilai(nilai)
    except ValidationError as exc:
        raise ValidationError({nama: exc.messages}) from None


def simpan_target(
    pengguna, indikator: Indikator, periode: str, nilai, nilai_hi=None, *, baseline=None
) -> tuple[Target | None, list[str]]:
    """Set (or with ``nilai`` blank, remove) an indicator's target for TAHUN or a cumulative TWn.

    Only catalogue managers of the instansi (lingkup.boleh_kelola_katalog). The annual target of a
    decreed document is refused (change it by a revision). ``baseline`` defaults to last year's
    realisasi for the annual target. Returns the target (None when removed) and the warnings of
    the indicator's targets as they now stand.
    """
    if periode not in PERIODE_TARGET:
        raise ValidationError(f"Periode target “{periode}” tidak dikenal; gunakan TAHUN atau TW1–TW4 (kumulatif).")
    lo, hi, base = _angka(nilai, "nilai"), _angka(nilai_hi, "nilai_hi"), _angka(baseline, "baseline")
    if lo is None and hi is not None:
        raise ValidationError({"nilai": "Isi batas bawah untuk target rentang."})
    if hi is not None and hi < lo:
        raise ValidationError({"nilai_hi": "Batas atas tidak boleh lebih kecil dari batas bawah."})
    with transaction.atomic():
        indikator = Indikator.objects.select_related("sasaran__dokumen__instansi").get(pk=indikator.pk)
        dokumen = indikator.sasaran.dokumen
        if not lingkup.boleh_kelola_katalog(pengguna, dokumen.instansi):
            from .layanan import TidakBerhak

            raise TidakBerhak("Hanya admin instansi atau admin pemda yang dapat mengubah target.")
        if periode == "TAHUN" and dokumen.status == DokumenIKI.Status.DITETAPKAN:
            raise ValidationError(
                "Target tahunan adalah bagian dokumen IKI yang sudah ditetapkan; ubah melalui revisi dokumen.",
                code="terkunci",
            )
        lama = Target.objects.select_for_update().filter(indikator=indikator, periode=periode).first()
        sebelum = None if lama is None else [str(lama.nilai), None if lama.nilai_hi is None else str(lama.nilai_hi)]
        if lo is None:
            if lama is not None:
                lama.delete()
                catat(
                    pengguna,
                    "hapus_target",
                    indikator,
                    ringkasan=f"Target {periode} dihapus: {indikator.nama[:80]}",
                    perubahan={"target": [sebelum, None]},
                )
            target = None
        else:
            if base is None and periode == "TAHUN":
                base = (
                    lama.baseline if lama is not None and lama.baseline is not None else realisasi_tahun_lalu(indikator)
                )
            target = lama or Target(indikator=indikator, periode=periode)
            target.nilai, target.nilai_hi = lo, hi
            if base is not None:
                target.baseline = base.quantize(_ENAM_DESIMAL)
            target.save()
            catat(
                pengguna,
                "ubah_target" if lama else "tambah_target",
                target,
                ringkasan=f"Target {periode} {indikator.nama[:80]}: {_teks((lo, hi))}",
                perubahan={"target": [sebelum, [str(lo), None if hi is None else str(hi)]]},
            )
    return target, peringatan_target_indikator(indikator)


def isi_baseline(pengguna, dokumen: DokumenIKI) -> int:
    """Fill the empty baseline of every annual target of a document from last year's realisasi; how many were filled.

    Baselines are facts about last year, not decisions: they may be filled on a decreed document.
    """
    from .hitung import hitung_instansi

    if not lingkup.boleh_kelola_katalog(pengguna, dokumen.instansi):
        from .layanan import TidakBerhak

        raise TidakBerhak("Hanya admin instansi atau admin pemda yang dapat mengisi baseline.")
    lalu = {h.identitas: h.realisasi.nilai for h in hitung_instansi(dokumen.instansi_id, dokumen.tahun - 1)}
    terisi = 0
    with transaction.atomic():
        for target in (
            Target.objects.select_for_update()
            .filter(indikator__sasaran__dokumen=dokumen, periode="TAHUN", baseline__isnull=True)
            .select_related("indikator__sasaran")
        ):
            nilai = lalu.get(target.indikator.identitas)
            if nilai is not None:
                target.baseline = nilai.quantize(_ENAM_DESIMAL)
                target.save(update_fields=["baseline"])
                terisi += 1
        if terisi:
            catat(
                pengguna,
                "isi_baseline",
                dokumen,
                ringkasan=f"{terisi} baseline diisi dari realisasi {dokumen.tahun - 1}",
            )
    return terisi


# --- the target grid of a jabatan (rencana aksi) ------------------------------------------------


def pembanding_tahun_lalu(dokumen: DokumenIKI, indikator=None) -> dict[int, dict]:
    """For each indicator of ``dokumen`` (or of the given ``indikator`` of it): last year's annual
    target and realisasi of the same indicator.

    {indikator id: {"target": (lo, hi) or None, "realisasi": Decimal or None}}. The same indicator is
    the one with the same identity (``identitas``, carried across revisions and years), else the one
    of the same jabatan with the same name in last year's document in force.
    """
    from .hitung import hitung_instansi

    hasil_lalu = hitung_instansi(dokumen.instansi_id, dokumen.tahun - 1)
    if not hasil_lalu:
        return {}
    per_nama = {(h.jabatan_id, " ".join(h.nama.lower().split())): h for h in hasil_lalu}
    per_identitas = {str(h.identitas): h for h in hasil_lalu if h.identitas}
    if indikator is None:
        indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).select_related("sasaran")
    hasil = {}
    for ind in indikator:
        identitas = str(ind.identitas or "")
        h = per_identitas.get(identitas) if identitas else None
        h = h or per_nama.get((ind.sasaran.jabatan_id, " ".join(ind.nama.lower().split())))
        if h is not None:
            target = (h.target, h.target_hi) if h.target is not None else None
            hasil[ind.pk] = {"target": target, "realisasi": h.realisasi.nilai}
    return hasil


def peringatan_target_banyak(indikator, target=None) -> dict[int, list[str]]:
    """peringatan_target_indikator for many indicators at once: {indikator id: warnings}.

    ``target`` may give their Target rows already loaded.
    """
    from django.db.models import prefetch_related_objects

    indikator = list(indikator)
    prefetch_related_objects(indikator, "variabel")
    if target is None:
        target = Target.objects.filter(indikator__in=indikator)
    per_indikator: dict[int, dict] = {}
    for t in target:
        per_indikator.setdefault(t.indikator_id, {})[t.periode] = (t.nilai, t.nilai_hi)
    return {i.pk: peringatan_target(per_indikator.get(i.pk, {}), _aditif_indikator(i), i.polaritas) for i in indikator}


def simpan_target_jabatan(pengguna, dokumen: DokumenIKI, jabatan, isian: Mapping[tuple[int, str], str]) -> dict:
    """Save a jabatan's target grid: ``isian`` maps (indikator id, periode) to the cell as typed
    ("85,5", "80–90", blank to remove). All cells or none: a cell that is not a number, or an
    indicator not of this jabatan's sasaran in this document, raises ValidationError naming the
    cell, and nothing is saved. Unchanged cells are not written. The annual targets of a decreed
    document are refused (simpan_target); anyone but a catalogue manager gets TidakBerhak. Returns {indikator id: warnings} for the jabatan's
    indicators as they now stand (warnings never block).
    """
    if not lingkup.boleh_kelola_katalog(pengguna, dokumen.instansi):
        from .layanan import TidakBerhak

        raise TidakBerhak("Hanya admin instansi atau admin pemda yang dapat mengubah target.")
    indikator = {
        i.pk: i
        for i in Indikator.objects.filter(sasaran__dokumen=dokumen, sasaran__jabatan=jabatan).prefetch_related(
            "variabel"
        )
    }
    ada = {(t.indikator_id, t.periode): (t.nilai, t.nilai_hi) for t in Target.objects.filter(indikator__in=indikator)}
    masalah, berubah = {}, {}
    for (ind_id, periode), teks in isian.items():
        ind = indikator.get(ind_id)
        if ind is None or periode not in PERIODE_TARGET:
            raise ValidationError("Isian target tidak dikenal untuk jabatan ini; muat ulang halaman.")
        label = f"{ind.nama[:60]} — {'tahunan' if periode == 'TAHUN' else 's.d. ' + periode}"
        try:
            nilai = rencana_aksi.baca_sel(teks)
        except ValueError as exc:
            masalah[f"{ind_id}-{periode}"] = f"{label}: {exc}."
            continue
        if nilai != ada.get((ind_id, periode), (None, None)):
            if periode == "TAHUN" and dokumen.terkunci:
                masalah[f"{ind_id}-{periode}"] = (
                    f"{label}: target tahunan dokumen yang sudah ditetapkan hanya dapat diubah melalui revisi."
                )
                continue
            berubah[(ind_id, periode)] = nilai
    if masalah:
        raise ValidationError(masalah, code="target_tidak_sah")
    with transaction.atomic():
        for (ind_id, periode), (lo, hi) in berubah.items():
            try:
                simpan_target(pengguna, indikator[ind_id], periode, lo, hi)
            except ValidationError as exc:
                raise ValidationError({f"{ind_id}-{periode}": exc.messages}) from None
    return peringatan_target_banyak(indikator.values())
