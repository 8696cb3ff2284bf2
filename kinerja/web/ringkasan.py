"""Reporting status of an instansi's jabatan per quarter: submitted, late, missing.

"Terlambat" (late): submitted after the deadline. "Belum masuk" (missing): the deadline has
passed (and no reopening is running) and the report is still a draft or returned. Both feed the
Isian Realisasi overview and the dashboards.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.models import IsianPeriode
from kinerja.realisasi.periode import PERIODE_ISIAN, jendela_isian

Status = IsianPeriode.Status
BELUM_SELESAI = (Status.DRAFT, Status.DIKEMBALIKAN)


@dataclass
class SelIsian:
    jabatan: Jabatan | None
    periode: str
    isian: IsianPeriode | None
    mulai: date
    batas: date
    hari_ini: date

    @property
    def status(self) -> str:
        return self.isian.status if self.isian else "kosong"

    @property
    def label(self) -> str:
        if self.isian:
            return self.isian.get_status_display()
        return "Belum dibuka" if not self.dibuka else "Belum diisi"

    @property
    def dibuka(self) -> bool:
        return self.hari_ini >= self.mulai

    @property
    def terlambat(self) -> bool:
        return bool(self.isian and self.isian.terlambat)

    @property
    def belum_masuk(self) -> bool:
        batas = self.isian.batas_waktu if self.isian and self.isian.batas_waktu else self.batas
        if self.isian and self.isian.dibuka_sampai and self.hari_ini <= self.isian.dibuka_sampai:
            return False
        return self.hari_ini > batas and (self.isian is None or self.isian.status in BELUM_SELESAI)


def jabatan_pengisi(dokumen):
    """Jabatan that enter values in this document: those with at least one variable entered per period."""
    return (
        Jabatan.objects.filter(
            sasaran__dokumen=dokumen,
            sasaran__indikator__variabel__nilai_tetap__isnull=True,
            sasaran__indikator__variabel__konstanta__isnull=True,
        )
        .distinct()
        .order_by("urutan", "nama")
    )


def matriks_isian(dokumen, hari_ini: date | None = None) -> list[tuple[Jabatan, list[SelIsian]]]:
    """Every entering jabatan with its four quarters, from two queries."""
    hari_ini = hari_ini or timezone.localdate()
    isian = {
        (i.jabatan_id, i.periode): i for i in IsianPeriode.objects.filter(dokumen=dokumen, periode__in=PERIODE_ISIAN)
    }
    jendela = {p: jendela_isian(dokumen.tahun, p) for p in PERIODE_ISIAN}
    return [
        (j, [SelIsian(j, p, isian.get((j.pk, p)), *jendela[p], hari_ini) for p in PERIODE_ISIAN])
        for j in jabatan_pengisi(dokumen).select_related("atasan")
    ]


@dataclass
class RekapIsian:
    """Counts over the quarters whose entry window has opened, for one document."""

    laporan: int = 0  # reports expected so far: entering jabatan × opened quarters
    masuk: int = 0  # submitted (diajukan, diverifikasi or disahkan)
    terlambat: int = 0
    belum_masuk: int = 0

    @property
    def persen_masuk(self):
        return None if not self.laporan else self.masuk * 100 / self.laporan

    @property
    def persen_tepat_waktu(self):
        """Share of the expected reports submitted by their deadline (DHIS2's "reporting rate on time")."""
        return None if not self.laporan else max(0, self.masuk - self.terlambat) * 100 / self.laporan


class _Isian(NamedTuple):
    """The columns of an IsianPeriode that the counts read."""

    status: str
    diajukan_pada: object
    batas_waktu: object
    dibuka_sampai: object

    @property
    def terlambat(self) -> bool:
        return IsianPeriode.terlambat_pada(self.batas_waktu, self.diajukan_pada)


def _kunci_versi(dokumen_id: int) -> str:
    return f"rekap-isian-versi:{dokumen_id}"


def rekap_berubah(dokumen_ids) -> None:
    """The reports of these documents changed (status, deadline, reopening): their kept counts are
    read again. A new token per document, at once (for a reader in the same transaction) and after
    the commit (for a reader that counted the old rows meanwhile and kept them under the old token)."""

    def ganti():
        cache.set_many({_kunci_versi(d): uuid.uuid4().hex for d in dokumen_ids}, None)

    ganti()
    transaction.on_commit(ganti)


def _isian_berubah(sender, instance, **kwargs) -> None:
    rekap_berubah([instance.dokumen_id])


def sambungkan() -> None:
    for sinyal in (post_save, post_delete):
        sinyal.connect(_isian_berubah, sender=IsianPeriode, dispatch_uid=f"rekap-isian-{sinyal}")


def _versi(dokumen_ids: list[int]) -> str:
    """One key for the documents and their current tokens. A token missing (never set, or culled
    from the cache) is made new: the counts are then read again, never taken from an older entry."""
    kunci = [_kunci_versi(d) for d in sorted(dokumen_ids)]
    token = cache.get_many(kunci)
    for k in kunci:
        if k not in token:
            cache.add(k, uuid.uuid4().hex, None)  # add: a token a concurrent change just set stays
            token[k] = cache.get(k) or uuid.uuid4().hex
    return hashlib.sha256("|".join(f"{k}={token[k]}" for k in kunci).encode()).hexdigest()[:32]


def rekap_isian_per_triwulan(dokumen_ids, tahun: int, hari_ini: date | None = None) -> dict[int, dict[str, RekapIsian]]:
    """{dokumen id: {TW1…TW4: RekapIsian}} for many documents of one year (a whole pemda) from two
    queries; a quarter whose entry window has not opened is left out.

    Kept in the cache per day and documents until a report of one of them changes (``sambungkan``):
    a saved value changes no count, and the kabupaten dashboard reads these on every view. The
    documents are the decreed ones in force, whose entering jabatan cannot change."""
    hari_ini = hari_ini or timezone.localdate()
    dokumen_ids = list(dokumen_ids)
    kunci = f"rekap-isian:{tahun}:{hari_ini.isoformat()}:{_versi(dokumen_ids)}"
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = _hitung_rekap(dokumen_ids, tahun, hari_ini)
        cache.set(kunci, hasil, 24 * 3600)
    return hasil


def _hitung_rekap(dokumen_ids, tahun: int, hari_ini: date) -> dict[int, dict[str, RekapIsian]]:
    pengisi: dict[int, set[int]] = {}
    for dokumen_id, jabatan_id in (
        Jabatan.objects.filter(
            sasaran__dokumen__in=dokumen_ids,
            sasaran__indikator__variabel__nilai_tetap__isnull=True,
            sasaran__indikator__variabel__konstanta__isnull=True,
        )
        .values_list("sasaran__dokumen_id", "pk")
        .distinct()
    ):
        pengisi.setdefault(dokumen_id, set()).add(jabatan_id)
    # Light records, not model instances: a pemda has thousands of reports.
    isian = {
        (d, j, p): _Isian(status, diajukan, batas, dibuka)
        for d, j, p, status, diajukan, batas, dibuka in IsianPeriode.objects.filter(
            dokumen__in=dokumen_ids, periode__in=PERIODE_ISIAN
        ).values_list("dokumen_id", "jabatan_id", "periode", "status", "diajukan_pada", "batas_waktu", "dibuka_sampai")
    }
    hasil = {}
    for dokumen_id in dokumen_ids:
        hasil[dokumen_id] = {}
        for periode in PERIODE_ISIAN:
            mulai, batas = jendela_isian(tahun, periode)
            if hari_ini < mulai:
                continue
            rekap = hasil[dokumen_id][periode] = RekapIsian()
            for jabatan_id in pengisi.get(dokumen_id, ()):
                sel = SelIsian(None, periode, isian.get((dokumen_id, jabatan_id, periode)), mulai, batas, hari_ini)
                rekap.laporan += 1
                rekap.masuk += sel.isian is not None and sel.isian.status not in BELUM_SELESAI
                rekap.terlambat += sel.terlambat
                rekap.belum_masuk += sel.belum_masuk
    return hasil


def rekap_isian_banyak(dokumen_ids, tahun: int, hari_ini: date | None = None) -> dict[int, RekapIsian]:
    """{dokumen id: RekapIsian} over every opened quarter, for many documents of one year."""
    hasil = {}
    for dokumen_id, per_triwulan in rekap_isian_per_triwulan(dokumen_ids, tahun, hari_ini).items():
        jumlah = RekapIsian()
        for rekap in per_triwulan.values():
            jumlah.laporan += rekap.laporan
            jumlah.masuk += rekap.masuk
            jumlah.terlambat += rekap.terlambat
            jumlah.belum_masuk += rekap.belum_masuk
        hasil[dokumen_id] = jumlah
    return hasil
