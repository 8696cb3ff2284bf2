"""Reporting periods within a year: triwulan TW1–TW4, semester S1–S2, the year, and months.

A Periode is only a kode (the year is kept beside it): "TW2", "S1", "TAHUN", "B05".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja.format import NAMA_BULAN

__all__ = ["PERIODE", "Periode", "sampai"]

_ROMAWI = ("I", "II", "III", "IV")

_BULAN_PER_KODE: dict[str, tuple[int, ...]] = {
    **{f"TW{t}": tuple(range(3 * t - 2, 3 * t + 1)) for t in range(1, 5)},
    "S1": tuple(range(1, 7)),
    "S2": tuple(range(7, 13)),
    "TAHUN": tuple(range(1, 13)),
    **{f"B{b:02d}": (b,) for b in range(1, 13)},
}

# What people type: "TW 2", "TW II", "Triwulan II", "Semester 1", "Tahunan", "B5", "Mei".
_EJAAN: dict[str, str] = {
    **{kode: kode for kode in _BULAN_PER_KODE},
    **{
        f"{awalan}{angka}": f"TW{t}"
        for t in range(1, 5)
        for awalan in ("TW", "TRIWULAN")
        for angka in (str(t), _ROMAWI[t - 1])
    },
    **{
        f"{awalan}{angka}": f"S{s}"
        for s in (1, 2)
        for awalan in ("S", "SEMESTER")
        for angka in (str(s), _ROMAWI[s - 1])
    },
    "TAHUN": "TAHUN",
    "TAHUNAN": "TAHUN",
    **{f"B{b}": f"B{b:02d}" for b in range(1, 13)},
    **{nama.upper(): f"B{b:02d}" for b, nama in NAMA_BULAN.items()},
}
_SPASI = re.compile(r"[\s\-_]+")


@dataclass(frozen=True)
class Periode:
    """A period of the year, by kode: TW1–TW4, S1, S2, TAHUN, B01–B12."""

    kode: str

    def __post_init__(self) -> None:
        if self.kode not in _BULAN_PER_KODE:
            raise ValueError(f"Periode “{self.kode}” tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN, atau B01–B12")

    @classmethod
    def parse(cls, text: str) -> Periode:
        """Read "TW2", "tw 2", "Triwulan II", "S1", "Semester I", "Tahun", "B05", "Mei"."""
        kunci = _SPASI.sub("", text.strip().upper())
        kode = _EJAAN.get(kunci)
        if kode is None:
            raise ValueError(f"Periode “{text.strip()}” tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN, atau B01–B12")
        return cls(kode)

    @property
    def bulan(self) -> tuple[int, ...]:
        """The months covered, 1–12: TW2 → (4, 5, 6)."""
        return _BULAN_PER_KODE[self.kode]

    def triwulan_dalam(self) -> tuple[int, ...]:
        """The quarters wholly inside this period: S1 → (1, 2), TAHUN → (1, 2, 3, 4), B05 → ()."""
        return tuple(t for t in range(1, 5) if set(range(3 * t - 2, 3 * t + 1)) <= set(self.bulan))

    @property
    def label(self) -> str:
        """Indonesian label: "Triwulan II", "Semester I", "Tahunan", "Mei"."""
        if self.kode.startswith("TW"):
            return f"Triwulan {_ROMAWI[int(self.kode[2:]) - 1]}"
        if self.kode.startswith("S"):
            return f"Semester {_ROMAWI[int(self.kode[1:]) - 1]}"
        if self.kode == "TAHUN":
            return "Tahunan"
        return NAMA_BULAN[self.bulan[0]]

    def __str__(self) -> str:
        return self.kode


PERIODE: tuple[Periode, ...] = tuple(Periode(kode) for kode in _BULAN_PER_KODE)
"""Every period, in the order forms list them: TW1–TW4, S1, S2, TAHUN, B01–B12."""


def sampai(periode: Periode | str) -> tuple[Periode, ...]:
    """The year so far up to the end of ``periode``, in quarters (in months for a month).

    ``sampai("TW2")`` → (TW1, TW2); ``sampai("S2")`` and ``sampai("TAHUN")`` → TW1–TW4;
    ``sampai("B05")`` → B01–B05. Feed the quarters to ``agregasi_variabel`` for year-to-date
    realisasi: ``[t for p in sampai("TW3") for t in p.triwulan_dalam()]`` → [1, 2, 3].
    """
    if isinstance(periode, str):
        periode = Periode.parse(periode)
    bulan_akhir = periode.bulan[-1]
    if periode.kode.startswith("B"):
        return tuple(Periode(f"B{b:02d}") for b in range(1, bulan_akhir + 1))
    return tuple(Periode(f"TW{t}") for t in range(1, bulan_akhir // 3 + 1))
