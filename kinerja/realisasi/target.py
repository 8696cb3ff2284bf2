"""Targets: annual, and cumulative per triwulan (rencana aksi), single values or ranges [lo, hi].

A quarterly target is "target s.d. triwulan n", the level to reach by the end of that quarter
counting from January, as rencana aksi forms write it; the TW4 target is therefore the annual
target. How a period is compared with the targets (``target_untuk_periode``):

- a period starting at TW1 (TW1, S1, SD_TWn, TAHUN) uses the cumulative target up to its last
  quarter: TWn's target, or the annual one for the full year (TW4's when no annual target);
- a later single quarter (TW2–TW4) or S2 uses, when the indicator **adds up** over quarters, the
  increment (cumulative target at its end minus that just before it), else the cumulative target;
- an indicator adds up over quarters when its formula is a sum of ``jumlah`` variables scaled by
  numbers (a count ``a``, ``a + b``, ``a / 7 * 100``); ratios (``a / b``), stocks (``terakhir``)
  and anything with a constant term do not;
- with no quarterly target set, an indicator that does not add up is compared with the annual
  target (its level applies all year, e.g. 95 % on time); one that adds up has no target.

Annual targets belong to the decreed document: once the document is ditetapkan they change only
through a new revision. Quarterly targets (rencana aksi) may still be set on the document in force.
"""

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja import rumus
from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.format import format_angka
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.pengukuran import rencana_aksi
from kinerja.rumus.pohon import Angka, Negasi
from kinerja.rumus.pohon import Variabel as SimpulVariabel

from .models import Target
from .periode import PeriodeHitung

PERIODE_TARGET = ("TAHUN", "TW1", "TW2", "TW3", "TW4")
_ENAM_DESIMAL = Decimal("0.000001")  # Target.baseline keeps 6 decimals; last year's ratio may have 50

_LINEAR, _KONSTAN = "linear", "konstan"


def _jenis(simpul, cara: Mapping[str, str], tetap: set[str]) -> str | None:
    """'linear' (a sum of jumlah variables scaled by numbers), 'konstan', or None (neither)."""
    if isinstance(simpul, Angka):
        return _KONSTAN
    if isinstance(simpul, SimpulVariabel):
        if simpul.nama in tetap:
            return _KONSTAN
        return _LINEAR if cara.get(simpul.nama) == "jumlah" else None
    if isinstance(simpul, Negasi):
        return _jenis(simpul.isi, cara, tetap)
    kiri, kanan = _jenis(simpul.kiri, cara, tetap), _jenis(simpul.kanan, cara, tetap)
    if None in (kiri, kanan):
        return None
    if simpul.operator in "+-":
        return kiri if kiri == kanan else None
    if simpul.operator == "*":
        return _KONSTAN if kiri == kanan == _KONSTAN else (_LINEAR if _KONSTAN in (kiri, kanan) else None)
    return kiri if kanan == _KONSTAN else None  # "/": only division by a constant keeps linearity


def aditif(ekspresi: str, cara: Mapping[str, str], tetap: set[str] = frozenset()) -> bool:
    """Whether an indicator's value over several quarters is the sum of its quarterly values.

    ``cara`` gives the aggregation of each entered variable, ``tetap`` the codes with a fixed
    value or Konstanta.
    """
    try:
        akar = rumus.parse(ekspresi).akar
    except rumus.RumusError:
        return False
    return _jenis(akar, cara, set(tetap)) == _LINEAR


def _kumulatif(targets: Mapping[str, tuple], triwulan: int, aditif_: bool) -> tuple | None:
    if triwulan == 0:
        return (Decimal(0), None)
    if triwulan == 4:
        pilihan = targets.get("TAHUN") or targets.get("TW4")
    else:
        pilihan = targets.get(f"TW{triwulan}") or (None if aditif_ else targets.get("TAHUN"))
    return (pilihan[0], pilihan[1]) if pilihan else None


def target_untuk_periode(
    targets: Mapping[str, tuple], periode: PeriodeHitung, aditif_: bool
) -> tuple[Decimal | None, Decimal | None]:
    """(target or lower bound, upper bound) to compare a period's realisasi with; (None, None) when unknown.

    ``targets`` maps Target.periode to (nilai, nilai_hi, …), as stored.
    """
    akhir = _kumulatif(targets, periode.triwulan[-1], aditif_)
    if akhir is None:
        return None, None
    if periode.dari_awal_tahun or not aditif_:
        return akhir
    awal = _kumulatif(targets, periode.triwulan[0] - 1, aditif_)
    if awal is None:
        return None, None
    lo = akhir[0] - awal[0]
    hi = akhir[1] - awal[1] if akhir[1] is not None and awal[1] is not None else None
    return lo, (hi if hi is not None and hi >= lo else None)


def peringatan_target(targets: Mapping[str, tuple], aditif_: bool, polaritas: str = "positif") -> list[str]:
    """Where the quarterly (cumulative) targets contradict the annual one or each other (the checks
    live in kinerja.pengukuran.rencana_aksi)."""
    return rencana_aksi.periksa_target(targets, aditif_, polaritas)


def _teks(target: tuple) -> str:
    lo, hi = target[0], target[1]
    return f"{format_angka(lo)}–{format_angka(hi)}" if hi is not None else format_angka(lo)


def _aditif_indikator(indikator: Indikator) -> bool:
    variabel = list(indikator.variabel.all())
    cara = {v.kode: v.agregasi for v in variabel if v.diisi}
    tetap = {v.kode for v in variabel if not v.diisi}
    return aditif(indikator.ekspresi, cara, tetap)


def peringatan_target_indikator(indikator: Indikator) -> list[str]:
    targets = {t.periode: (t.nilai, t.nilai_hi) for t in Target.objects.filter(indikator=indikator)}
    return peringatan_target(targets, _aditif_indikator(indikator), indikator.polaritas)


def realisasi_tahun_lalu(indikator: Indikator) -> Decimal | None:
    """Last year's annual realisasi of this indicator (same jabatan and name, last year's document in force)."""
    from .hitung import hitung_instansi

    sasaran = indikator.sasaran
    kunci = " ".join(indikator.nama.lower().split())
    for hasil in hitung_instansi(sasaran.dokumen.instansi_id, sasaran.dokumen.tahun - 1):
        if hasil.jabatan_id == sasaran.jabatan_id and " ".join(hasil.nama.lower().split()) == kunci:
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
    lalu = {
        (h.jabatan_id, " ".join(h.nama.lower().split())): h.realisasi.nilai
        for h in hitung_instansi(dokumen.instansi_id, dokumen.tahun - 1)
    }
    terisi = 0
    with transaction.atomic():
        for target in (
            Target.objects.select_for_update()
            .filter(indikator__sasaran__dokumen=dokumen, periode="TAHUN", baseline__isnull=True)
            .select_related("indikator__sasaran")
        ):
            nilai = lalu.get((target.indikator.sasaran.jabatan_id, " ".join(target.indikator.nama.lower().split())))
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


def _punya_identitas() -> bool:
    return any(f.name == "identitas" for f in Indikator._meta.concrete_fields)


def pembanding_tahun_lalu(dokumen: DokumenIKI, indikator=None) -> dict[int, dict]:
    """For each indicator of ``dokumen`` (or of the given ``indikator`` of it): last year's annual
    target and realisasi of the same indicator.

    {indikator id: {"target": (lo, hi) or None, "realisasi": Decimal or None}}. The same indicator is
    the one with the same identity when the model keeps one (``identitas``), else the one of the same
    jabatan with the same name in last year's document in force.
    """
    from .hitung import hitung_instansi

    hasil_lalu = hitung_instansi(dokumen.instansi_id, dokumen.tahun - 1)
    if not hasil_lalu:
        return {}
    per_id = {h.indikator_id: h for h in hasil_lalu}
    per_nama = {(h.jabatan_id, " ".join(h.nama.lower().split())): h for h in hasil_lalu}
    per_identitas = {}
    if _punya_identitas():
        per_identitas = {
            str(identitas): per_id[pk]
            for pk, identitas in Indikator.objects.filter(pk__in=per_id).values_list("pk", "identitas")
            if identitas
        }
    if indikator is None:
        indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).select_related("sasaran")
    hasil = {}
    for ind in indikator:
        identitas = str(getattr(ind, "identitas", "") or "")
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
