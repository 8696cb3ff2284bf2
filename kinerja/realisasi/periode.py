"""Periods of entry and the entry window of each quarter.

Values are entered per triwulan (TW1–TW4). Computation periods are kinerja.pengukuran.Periode
(``periode_hitung`` reads one: TW1–TW4, S1, S2, TAHUN, SD_TW1–SD_TW4).
"""

from datetime import date

from django.conf import settings

from kinerja.pengukuran import TRIWULAN_PELAPORAN, Periode, triwulan_dilaporkan

PERIODE_ISIAN = ("TW1", "TW2", "TW3", "TW4")
"""The periods values are entered for."""

BATAS_ISIAN_HARI = 10
"""Default last day of entry: the 10th of the month after the quarter (settings.KINERJA_BATAS_ISIAN_HARI)."""


def periode_hitung(teks: str) -> Periode:
    """Read a computation period; ValueError with an Indonesian message when it is not one."""
    return Periode.untuk_hitung(teks)


def nomor_triwulan(periode: str) -> int:
    """3 for "TW3"; ValueError for anything that is not an entry period."""
    if periode not in PERIODE_ISIAN:
        raise ValueError(f"Periode pengisian “{periode}” tidak dikenal; nilai diisi per triwulan: TW1–TW4")
    return int(periode[2])


def jendela_isian(tahun: int, periode: str) -> tuple[date, date]:
    """(first day, last day) of entry for a quarter: from the quarter's first day to the Nth of the month after."""
    triwulan = nomor_triwulan(periode)
    hari = getattr(settings, "KINERJA_BATAS_ISIAN_HARI", BATAS_ISIAN_HARI)
    mulai = date(tahun, 3 * triwulan - 2, 1)
    batas = date(tahun + 1, 1, hari) if triwulan == 4 else date(tahun, 3 * triwulan + 1, hari)
    return mulai, batas


__all__ = [
    "BATAS_ISIAN_HARI",
    "PERIODE_ISIAN",
    "TRIWULAN_PELAPORAN",
    "jendela_isian",
    "nomor_triwulan",
    "periode_hitung",
    "triwulan_dilaporkan",
]
