"""Periods within a year: triwulan TW1–TW4, semester S1–S2, the year, months, and the year so far.

A Periode is only a kode (the year is kept beside it): "TW2", "S1", "TAHUN", "B05", "SD_TW2".
It is the one period type of the application: values are entered per quarter (TW1–TW4), and a
measurement is made over any period whose quarters it covers (``Periode.untuk_hitung``):

- ``TW1`` … ``TW4``: that quarter alone;
- ``S1``, ``S2``: the quarters of the semester (S1 = TW1–TW2, S2 = TW3–TW4);
- ``TAHUN``: the whole year;
- ``SD_TW1`` … ``SD_TW4``: the year so far ("sampai dengan"), the quarters up to and including
  that one; ``SD_TW4`` is the year. "SD TW2", "s.d. TW II" and "sd-tw2" are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja.format import NAMA_BULAN

__all__ = ["PERIODE", "TRIWULAN_PELAPORAN", "Periode", "sampai", "triwulan_dilaporkan"]

_ROMAWI = ("I", "II", "III", "IV")

_BULAN_PER_KODE: dict[str, tuple[int, ...]] = {
    **{f"TW{t}": tuple(range(3 * t - 2, 3 * t + 1)) for t in range(1, 5)},
    "S1": tuple(range(1, 7)),
    "S2": tuple(range(7, 13)),
    "TAHUN": tuple(range(1, 13)),
    **{f"B{b:02d}": (b,) for b in range(1, 13)},
}
# The year so far up to the end of a quarter: the same months as TW1 … TWn, labelled "s.d.".
_SAMPAI_TRIWULAN: dict[str, tuple[int, ...]] = {f"SD_TW{t}": tuple(range(1, 3 * t + 1)) for t in range(1, 5)}
_SEMUA_KODE = {**_BULAN_PER_KODE, **_SAMPAI_TRIWULAN}
_SAMPAI = re.compile(r"^\s*s\.?\s*d\.?[\s_\-]*(.+)$", re.IGNORECASE)
# Asked for once per indicator and period by the engine: worked out once here.
_TRIWULAN_PER_KODE: dict[str, tuple[int, ...]] = {
    kode: tuple(t for t in range(1, 5) if set(range(3 * t - 2, 3 * t + 1)) <= set(bulan))
    for kode, bulan in _SEMUA_KODE.items()
}
_EJAAN_SAMPAI = {kode.replace("_", ""): kode for kode in _SAMPAI_TRIWULAN}
_KODE_HITUNG = "TW1–TW4, S1, S2, TAHUN atau SD_TW1–SD_TW4"

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
    """A period of the year, by kode: TW1–TW4, S1, S2, TAHUN, B01–B12, SD_TW1–SD_TW4."""

    kode: str

    def __post_init__(self) -> None:
        if self.kode not in _SEMUA_KODE:
            raise ValueError(f"Periode “{self.kode}” tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN, atau B01–B12")

    @classmethod
    def untuk_hitung(cls, teks: str) -> Periode:
        """A period to measure over (quarters only): "TW2", "S1", "TAHUN", "SD_TW2", "s.d. TW II".

        ValueError with an Indonesian message for anything else, months included.
        """
        if not isinstance(teks, str) or not teks.strip():
            raise ValueError(f"Periode kosong; gunakan {_KODE_HITUNG}")
        cocok = _SAMPAI.match(teks)
        try:
            periode = cls.parse(cocok.group(1) if cocok else teks)
        except ValueError:
            raise ValueError(f"Periode “{teks.strip()}” tidak dikenal; gunakan {_KODE_HITUNG}") from None
        if not periode.triwulan:
            raise ValueError(f"Periode bulanan ({periode.label}) belum didukung; gunakan triwulan, semester atau tahun")
        if cocok:
            if not periode.kode.startswith("TW"):
                raise ValueError(f"“{teks.strip()}”: s.d. hanya untuk triwulan, mis. SD_TW2")
            return cls(f"SD_TW{periode.triwulan[-1]}")
        return periode

    @classmethod
    def parse(cls, text: str) -> Periode:
        """Read "TW2", "tw 2", "Triwulan II", "S1", "Semester I", "Tahun", "B05", "Mei"."""
        kunci = _SPASI.sub("", text.strip().upper())
        kode = _EJAAN.get(kunci) or _EJAAN_SAMPAI.get(kunci)
        if kode is None:
            raise ValueError(f"Periode “{text.strip()}” tidak dikenal; gunakan TW1–TW4, S1, S2, TAHUN, atau B01–B12")
        return cls(kode)

    @property
    def bulan(self) -> tuple[int, ...]:
        """The months covered, 1–12: TW2 → (4, 5, 6)."""
        return _SEMUA_KODE[self.kode]

    def triwulan_dalam(self) -> tuple[int, ...]:
        """The quarters wholly inside this period: S1 → (1, 2), TAHUN → (1, 2, 3, 4), B05 → ()."""
        return _TRIWULAN_PER_KODE[self.kode]

    @property
    def triwulan(self) -> tuple[int, ...]:
        """Same as ``triwulan_dalam()``: the quarters a measurement over this period aggregates."""
        return _TRIWULAN_PER_KODE[self.kode]

    @property
    def dari_awal_tahun(self) -> bool:
        """True when the period starts with TW1 (then it is the year so far up to its last quarter)."""
        triwulan = self.triwulan
        return bool(triwulan) and triwulan[0] == 1

    @property
    def label(self) -> str:
        """Indonesian label: "Triwulan II", "Semester I", "Tahunan", "Mei"."""
        if self.kode.startswith("SD_"):
            return f"s.d. {Periode(self.kode[3:]).label}"
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
"""Every period of its own, in the order forms list them: TW1–TW4, S1, S2, TAHUN, B01–B12."""

TRIWULAN_PELAPORAN: dict[str, tuple[int, ...]] = {"triwulanan": (1, 2, 3, 4), "semesteran": (2, 4), "tahunan": (4,)}
"""The quarters in which an indicator of each reporting rhythm (Indikator.periode_pelaporan) is reported."""


def triwulan_dilaporkan(periode_pelaporan: str) -> tuple[int, ...]:
    """The quarters an indicator reporting ``periode_pelaporan`` is reported in (triwulanan when unknown)."""
    return TRIWULAN_PELAPORAN.get(periode_pelaporan, TRIWULAN_PELAPORAN["triwulanan"])


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
