"""The Renstra end-of-period targets' one write path, and what the LKjIP reads of them.

A planner (admin instansi, admin pemda) sets, for the indicators of a yearly IKI document, the
target at the end of the Renstra period that covers that year. Each save is one transaction with
an audit record per changed target; bad input raises ValidationError (Indonesian, keyed by field)
changing nothing, anyone else gets TidakBerhak.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.pengukuran import rencana_aksi
from kinerja.realisasi.layanan import TidakBerhak, bersihkan_nilai

from .models import TargetRenstra

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
PANJANG_MAKS = 10  # a Renstra runs five years (six in a transition); ten leaves room, not typos


def berlaku(instansi, tahun: int, identitas: Iterable | None = None) -> dict:
    """{indicator identity: TargetRenstra} of the Renstra periods that cover ``tahun`` (one query)."""
    qs = TargetRenstra.objects.filter(
        instansi_id=getattr(instansi, "pk", instansi), tahun_awal__lte=tahun, tahun_akhir__gte=tahun
    )
    if identitas is not None:
        qs = qs.filter(identitas__in=list(identitas))
    return {t.identitas: t for t in qs.order_by("tahun_awal")}


def periode_bawaan(dokumen: DokumenIKI) -> tuple[int | None, int | None]:
    """The Renstra period most targets covering the document's year already use, else (None, None)."""
    hitungan: dict[tuple[int, int], int] = {}
    for t in berlaku(dokumen.instansi_id, dokumen.tahun).values():
        hitungan[(t.tahun_awal, t.tahun_akhir)] = hitungan.get((t.tahun_awal, t.tahun_akhir), 0) + 1
    if not hitungan:
        return None, None
    return max(hitungan, key=lambda p: (hitungan[p], p))


def _tahun(teks, nama: str, label: str) -> tuple[int | None, dict]:
    teks = str(teks if teks is not None else "").strip()
    if not teks:
        return None, {nama: f"{label} wajib diisi."}
    if not teks.isdigit() or not TAHUN_MIN <= int(teks) <= TAHUN_MAKS:
        return None, {nama: f"{label} harus tahun antara {TAHUN_MIN} dan {TAHUN_MAKS}, mis. 2026."}
    return int(teks), {}


def _periksa_periode(dokumen: DokumenIKI, tahun_awal, tahun_akhir) -> tuple[int, int]:
    awal, galat_awal = _tahun(tahun_awal, "tahun_awal", "Tahun awal Renstra")
    akhir, galat_akhir = _tahun(tahun_akhir, "tahun_akhir", "Tahun akhir Renstra")
    masalah = {**galat_awal, **galat_akhir}
    if not masalah:
        if akhir < awal:
            masalah["tahun_akhir"] = "Tahun akhir Renstra tidak boleh sebelum tahun awalnya."
        elif akhir - awal > PANJANG_MAKS:
            masalah["tahun_akhir"] = f"Periode Renstra paling lama {PANJANG_MAKS} tahun."
        elif not awal <= dokumen.tahun <= akhir:
            masalah["tahun_awal"] = f"Periode Renstra {awal}–{akhir} tidak mencakup tahun IKI ini ({dokumen.tahun})."
    if masalah:
        raise ValidationError(masalah, code="periode_tidak_sah")
    return awal, akhir


def _nilai(teks: str, label: str) -> tuple[Decimal | None, Decimal | None]:
    try:
        lo, hi = rencana_aksi.baca_sel(teks)
        return bersihkan_nilai(lo), bersihkan_nilai(hi)
    except ValueError as exc:
        raise ValidationError(f"{label}: {exc}.") from None
    except ValidationError as exc:
        raise ValidationError(f"{label}: {' '.join(exc.messages)}") from None


def _teks(lo, hi) -> str | None:
    if lo is None:
        return None
    return rencana_aksi.teks_target((lo, hi))


def simpan_target_renstra(pengguna, dokumen: DokumenIKI, tahun_awal, tahun_akhir, isian: Mapping[int, str]) -> int:
    """Save the Renstra end targets of a document's indicators for the period ``tahun_awal``–``tahun_akhir``.

    ``isian`` maps an indicator id of the document to the cell as typed ("85,5", "80–90", blank to
    remove). All or nothing: a cell that is not a number, an indicator not of this document, a
    period that does not cover the document's year or that overlaps another Renstra period of the
    same indicator raises ValidationError and nothing is saved. Returns how many targets changed.
    """
    if not lingkup.boleh_kelola_katalog(pengguna, dokumen.instansi):
        raise TidakBerhak("Hanya admin instansi atau admin pemda yang dapat mengubah target Renstra.")
    awal, akhir = _periksa_periode(dokumen, tahun_awal, tahun_akhir)
    indikator = {i.pk: i for i in Indikator.objects.filter(sasaran__dokumen=dokumen)}
    masalah, baru = {}, {}
    for ind_id, teks in isian.items():
        ind = indikator.get(ind_id)
        if ind is None:
            raise ValidationError("Isian target Renstra tidak dikenal untuk dokumen ini; muat ulang halaman.")
        try:
            baru[ind.identitas] = (ind, *_nilai(teks, ind.nama[:60]))
        except ValidationError as exc:
            masalah[str(ind_id)] = exc.messages
    if masalah:
        raise ValidationError(masalah, code="target_tidak_sah")
    berubah = 0
    with transaction.atomic():
        ada = {
            t.identitas: t
            for t in TargetRenstra.objects.select_for_update()
            .filter(instansi_id=dokumen.instansi_id, identitas__in=list(baru))
            .filter(tahun_awal__lte=dokumen.tahun, tahun_akhir__gte=dokumen.tahun)
        }
        # Another Renstra period of the same indicator may not overlap the one being saved.
        tumpang = (
            TargetRenstra.objects.filter(instansi_id=dokumen.instansi_id, identitas__in=list(baru))
            .filter(tahun_awal__lte=akhir, tahun_akhir__gte=awal)
            .exclude(pk__in=[t.pk for t in ada.values()])
        )
        for t in tumpang:
            ind = baru[t.identitas][0]
            if baru[t.identitas][1] is not None:
                masalah[str(ind.pk)] = [
                    f"{ind.nama[:60]}: sudah ada target Renstra {t.tahun_awal}–{t.tahun_akhir} yang bertumpang "
                    f"tahun dengan {awal}–{akhir}."
                ]
        if masalah:
            raise ValidationError(masalah, code="periode_bertumpang")
        for identitas, (ind, lo, hi) in baru.items():
            lama = ada.get(identitas)
            if (lama is None and lo is None) or (
                lama is not None
                and (lama.tahun_awal, lama.tahun_akhir, lama.nilai, lama.nilai_hi) == (awal, akhir, lo, hi)
            ):
                continue
            sebelum = None if lama is None else [lama.tahun_awal, lama.tahun_akhir, _teks(lama.nilai, lama.nilai_hi)]
            sesudah = None if lo is None else [awal, akhir, _teks(lo, hi)]
            if lo is None:
                lama.delete()
                aksi, objek = "hapus_target_renstra", ind
            else:
                objek = lama or TargetRenstra(instansi_id=dokumen.instansi_id, identitas=identitas)
                objek.tahun_awal, objek.tahun_akhir, objek.nilai, objek.nilai_hi = awal, akhir, lo, hi
                objek.save()
                aksi = "ubah_target_renstra" if lama else "tambah_target_renstra"
            catat(
                pengguna,
                aksi,
                objek,
                ringkasan=f"Target akhir Renstra {awal}–{akhir}: {ind.nama[:200]}",
                perubahan={"target_renstra": [sebelum, sesudah]},
            )
            berubah += 1
    return berubah
