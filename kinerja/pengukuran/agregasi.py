"""Aggregating a variable's values over periods (DESIGN.md §4).

Each variable says how its quarterly values combine into a longer period: counts of events are
summed (``jumlah``), stocks take the last value (``terakhir``), and so on. The realisasi of a
longer period is then the formula applied to the aggregated variables, so a year's ratio is
Σnumerator / Σdenominator, not the mean of four quarterly ratios: aggregate with
``agregasi_variabel`` first, evaluate the formula second.

``None`` means "not filled in" and is skipped, never read as 0; a variable with nothing filled
aggregates to None whatever the cara.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal

from ._angka import Angka, ke_decimal

__all__ = ["AGREGASI", "agregasi", "agregasi_variabel"]

AGREGASI: dict[str, str] = {
    "jumlah": "Jumlah",
    "terakhir": "Nilai terakhir",
    "rata_rata": "Rata-rata",
    "maks": "Maksimum",
    "min": "Minimum",
}
"""Ways to aggregate, kode → label (usable as Django choices via ``AGREGASI.items()``)."""

JUMLAH_TRIWULAN = 4

# Sums are exact (no rounding at 28 digits), so that summing in parts equals summing at once.
_KONTEKS_PENJUMLAHAN = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def agregasi(values: Iterable[Angka | None], cara: str) -> Decimal | None:
    """Aggregate values given in period order; None entries (not filled) are skipped.

    ``jumlah`` is the exact sum, ``terakhir`` the last filled value, ``rata_rata`` the mean of
    the filled values (one division, rounded to the Decimal context only if it does not
    terminate), ``maks``/``min`` the extremes. Returns None when no value is filled.
    """
    if cara not in AGREGASI:
        raise ValueError(f"Cara agregasi “{cara}” tidak dikenal; pilih salah satu: {', '.join(AGREGASI)}")
    terisi = [ke_decimal(v) for v in values if v is not None]
    if not terisi:
        return None
    if cara == "terakhir":
        return terisi[-1]
    if cara == "maks":
        return max(terisi)
    if cara == "min":
        return min(terisi)
    jumlah = _jumlah(terisi)
    return jumlah if cara == "jumlah" else jumlah / len(terisi)


def _jumlah(angka: list[Decimal]) -> Decimal:
    total = angka[0]
    for a in angka[1:]:
        total = _KONTEKS_PENJUMLAHAN.add(total, a)
    return total


def agregasi_variabel(
    series: Mapping[str, Sequence[Angka | None]],
    cara: Mapping[str, str],
    triwulan: Iterable[int],
) -> dict[str, Decimal | None]:
    """Aggregate every variable over the chosen quarters, ready for the formula engine.

    ``series[kode][i]`` is the value of triwulan ``i + 1`` (a shorter list: later quarters not
    filled yet); ``cara[kode]`` is a key of AGREGASI; ``triwulan`` lists the quarters of the
    period, e.g. ``Periode.parse("S1").triwulan_dalam()`` = (1, 2). Every variable in ``series``
    needs a cara; a variable with a cara but no series comes back as None (nothing filled).
    """
    daftar = list(triwulan)
    if not daftar or any(t not in range(1, JUMLAH_TRIWULAN + 1) for t in daftar):
        raise ValueError(f"Triwulan harus di antara 1 dan {JUMLAH_TRIWULAN}, bukan {daftar}")
    pilihan = sorted(set(daftar))
    tanpa_cara = sorted(set(series) - set(cara))
    if tanpa_cara:
        raise ValueError(f"Cara agregasi belum ditetapkan untuk variabel: {', '.join(tanpa_cara)}")
    hasil: dict[str, Decimal | None] = {}
    for kode, cara_variabel in cara.items():
        nilai = list(series.get(kode, ()))
        if len(nilai) > JUMLAH_TRIWULAN:
            raise ValueError(f"Variabel {kode} memiliki {len(nilai)} nilai, lebih dari {JUMLAH_TRIWULAN} triwulan")
        dipilih = [nilai[t - 1] for t in pilihan if t <= len(nilai)]
        hasil[kode] = agregasi(dipilih, cara_variabel)
    return hasil
