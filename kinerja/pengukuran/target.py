"""Targets per period: which target a period's realisasi is compared with (DESIGN.md §5).

Targets are annual (``TAHUN``) and cumulative per quarter (rencana aksi, ``TW1``–``TW4``): a
quarterly target is "target s.d. triwulan n", the level to reach by the end of that quarter
counting from January, so the TW4 target is the annual one. For a period:

- a period starting at TW1 (TW1, S1, SD_TWn, TAHUN) uses the cumulative target up to its last
  quarter: TWn's target, or the annual one for the full year (TW4's when no annual target);
- a later single quarter (TW2–TW4) or S2 uses, when the indicator **adds up** over quarters, the
  increment (cumulative target at its end minus that just before it), else the cumulative target;
- an indicator adds up over quarters when its formula is a sum of ``jumlah`` variables scaled by
  numbers (a count ``a``, ``a + b``, ``a / 7 * 100``); ratios (``a / b``), stocks (``terakhir``)
  and anything with a constant term do not;
- a quarter without its own target: an indicator that does not add up is compared with the
  annual target (its level applies all year, e.g. 95 % on time); one that adds up gets a
  **target turunan**, the annual target pro rata (s.d. TW1 25 %, s.d. TW2 50 %, s.d. TW3 75 %),
  marked ``turunan`` so that every place showing it can say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import NamedTuple

from kinerja import rumus
from kinerja.rumus.pohon import Angka, Negasi
from kinerja.rumus.pohon import Variabel as SimpulVariabel

from .periode import Periode

__all__ = [
    "LABEL_TURUNAN",
    "PERIODE_TARGET",
    "TargetPeriode",
    "aditif",
    "peringatan_target",
    "target_untuk_periode",
    "tanpa_rencana_aksi",
]

PERIODE_TARGET = ("TAHUN", "TW1", "TW2", "TW3", "TW4")
LABEL_TURUNAN = "target turunan"
"""How a target derived pro rata from the annual one is labelled wherever it shows."""

_LINEAR, _KONSTAN = "linear", "konstan"
_TRIWULAN_SETAHUN = 4
_KODE_TRIWULAN = tuple(p for p in PERIODE_TARGET if p != "TAHUN")


class TargetPeriode(NamedTuple):
    """The target of one period: ``nilai`` (or lower bound), ``nilai_hi`` (upper bound of a range),
    and whether it was derived pro rata from the annual target instead of set (``turunan``).
    A named tuple: a national rebuild makes one per indicator and period."""

    nilai: Decimal | None = None
    nilai_hi: Decimal | None = None
    turunan: bool = False

    @property
    def ada(self) -> bool:
        return self.nilai is not None


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


def aditif(ekspresi: str, cara: Mapping[str, str], tetap: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether an indicator's value over several quarters is the sum of its quarterly values.

    ``cara`` gives the aggregation of each entered variable, ``tetap`` the codes with a fixed
    value or Konstanta.
    """
    try:
        akar = rumus.parse(ekspresi).akar
    except rumus.RumusError:
        return False
    return _jenis(akar, cara, set(tetap)) == _LINEAR


def _kumulatif(targets: Mapping[str, tuple], triwulan: int, aditif_: bool) -> TargetPeriode | None:
    if triwulan == 0:
        return TargetPeriode(Decimal(0))
    if triwulan == _TRIWULAN_SETAHUN:
        pilihan = targets.get("TAHUN") or targets.get("TW4")
        return TargetPeriode(pilihan[0], pilihan[1]) if pilihan else None
    sendiri = targets.get(f"TW{triwulan}")
    if sendiri:
        return TargetPeriode(sendiri[0], sendiri[1])
    tahunan = targets.get("TAHUN")
    if not tahunan:
        return None
    if not aditif_:
        return TargetPeriode(tahunan[0], tahunan[1])
    # Pro rata: n quarters of four. Dividing by 4 always terminates, so the share is exact.
    lo, hi = tahunan[0], tahunan[1]
    return TargetPeriode(
        lo * triwulan / _TRIWULAN_SETAHUN,
        None if hi is None else hi * triwulan / _TRIWULAN_SETAHUN,
        turunan=True,
    )


def target_untuk_periode(
    targets: Mapping[str, tuple], periode: Periode | str, aditif_: bool | Callable[[], bool]
) -> TargetPeriode:
    """The target to compare a period's realisasi with; ``TargetPeriode()`` (no nilai) when there is none.

    ``targets`` maps a target period (TAHUN, TW1–TW4) to ``(nilai, nilai_hi, …)``, as stored.
    ``aditif_`` may be a function giving it: it is then asked only when the period needs it (the
    year's target never does).
    """
    if isinstance(periode, str):
        periode = Periode.untuk_hitung(periode)
    triwulan = periode.triwulan
    if triwulan == (1, 2, 3, 4):
        akhir = _kumulatif(targets, 4, False)  # the year's own target, whatever the additivity
        return akhir if akhir is not None else TargetPeriode()
    if callable(aditif_):
        aditif_ = aditif_()
    akhir = _kumulatif(targets, triwulan[-1], aditif_)
    if akhir is None:
        return TargetPeriode()
    if periode.dari_awal_tahun or not aditif_:
        return akhir
    awal = _kumulatif(targets, triwulan[0] - 1, aditif_)
    if awal is None:
        return TargetPeriode()
    lo = akhir.nilai - awal.nilai
    hi = akhir.nilai_hi - awal.nilai_hi if akhir.nilai_hi is not None and awal.nilai_hi is not None else None
    return TargetPeriode(lo, hi if hi is not None and hi >= lo else None, akhir.turunan or awal.turunan)


def tanpa_rencana_aksi(targets: Mapping[str, tuple]) -> bool:
    """Whether an indicator has an annual target but no quarterly one (no rencana aksi yet)."""
    # Asked for every indicator of a national rebuild: an annual target alone answers at once.
    if not targets.get("TAHUN"):
        return False
    return len(targets) == 1 or not any(map(targets.get, _KODE_TRIWULAN))


def peringatan_target(targets: Mapping[str, tuple], aditif_: bool, polaritas: str = "positif") -> list[str]:
    """Where the quarterly (cumulative) targets contradict the annual one or each other; the checks
    live in kinerja.pengukuran.rencana_aksi, shared with the planner's target grid."""
    from .rencana_aksi import periksa_target

    return periksa_target(targets, aditif_, polaritas)
