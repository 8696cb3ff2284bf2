"""Periods of entry and of computation, and the entry window of each quarter.

Values are entered per triwulan (TW1–TW4). Computation periods (the ``periode`` argument of
kinerja.realisasi.hitung) are spelled:

- ``TW1`` … ``TW4``: that quarter alone;
- ``S1``, ``S2``: the quarters of the semester (S1 = TW1–TW2, S2 = TW3–TW4);
- ``TAHUN``: the whole year;
- ``SD_TW1`` … ``SD_TW4``: the year so far ("sampai dengan"), the quarters up to and including
  that one; ``SD_TW4`` is the year. "SD TW2", "s.d. TW II" and "sd-tw2" are read too.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from kinerja.pengukuran import Periode

PERIODE_ISIAN = ("TW1", "TW2", "TW3", "TW4")
"""The periods values are entered for."""

TRIWULAN_PELAPORAN = {"triwulanan": (1, 2, 3, 4), "semesteran": (2, 4), "tahunan": (4,)}
"""The quarters in which an indicator of each Indikator.periode_pelaporan is reported."""

BATAS_ISIAN_HARI = 10
"""Default last day of entry: the 10th of the month after the quarter (settings.KINERJA_BATAS_ISIAN_HARI)."""

_SAMPAI = re.compile(r"^\s*s\.?\s*d\.?[\s_\-]*(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class PeriodeHitung:
    kode: str
    triwulan: tuple[int, ...]
    label: str

    @property
    def dari_awal_tahun(self) -> bool:
        """True when the period starts with TW1 (then it is the year so far up to its last quarter)."""
        return self.triwulan[0] == 1


def periode_hitung(teks: str) -> PeriodeHitung:
    """Read a computation period; ValueError with an Indonesian message when it is not one."""
    if not isinstance(teks, str) or not teks.strip():
        raise ValueError("Periode kosong; gunakan TW1–TW4, S1, S2, TAHUN atau SD_TW1–SD_TW4")
    cocok = _SAMPAI.match(teks)
    try:
        periode = Periode.parse(cocok.group(1) if cocok else teks)
    except ValueError:
        raise ValueError(
            f"Periode “{teks.strip()}” tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN atau SD_TW1–SD_TW4"
        ) from None
    triwulan = periode.triwulan_dalam()
    if not triwulan:
        raise ValueError(f"Periode bulanan ({periode.label}) belum didukung; gunakan triwulan, semester atau tahun")
    if cocok:
        if not periode.kode.startswith("TW"):
            raise ValueError(f"“{teks.strip()}”: s.d. hanya untuk triwulan, mis. SD_TW2")
        akhir = triwulan[-1]
        return PeriodeHitung(f"SD_TW{akhir}", tuple(range(1, akhir + 1)), f"s.d. {periode.label}")
    return PeriodeHitung(periode.kode, triwulan, periode.label)


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


def triwulan_dilaporkan(periode_pelaporan: str) -> tuple[int, ...]:
    return TRIWULAN_PELAPORAN.get(periode_pelaporan, TRIWULAN_PELAPORAN["triwulanan"])
