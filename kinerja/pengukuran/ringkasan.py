"""Group figures over measured indicators: mean capaian, category, completeness, and rankings.

A group's mean capaian is the plain mean of its indicators' capaian (indicators without capaian
are left out and counted apart). Completeness is the share of indicators whose every value for the
period is entered and whose realisasi could be computed. A ranking orders groups by mean capaian,
best first, ties sharing a rank (1, 2, 2, 4); a group below the completeness threshold, or without
any capaian, is not ranked but listed apart with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from kinerja.format import format_persen

from .skala import SKALA, TIDAK_DAPAT_DINILAI, Skala

__all__ = ["AMBANG_KELENGKAPAN", "Peringkat", "Ringkasan", "peringkat"]

AMBANG_KELENGKAPAN = Decimal(80)
"""Default completeness (percent) a kecamatan needs to be ranked; each pemda may set its own."""


@dataclass
class Ringkasan:
    """Mean capaian of a group of indicators, its category, and how complete the data is."""

    skala: Skala
    jumlah: int = 0
    dinilai: int = 0
    lengkap: int = 0
    total: Decimal = Decimal(0)
    sebaran: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.skala, str):
            self.skala = SKALA[self.skala]

    def tambah(self, hasil) -> None:
        """Count one measured indicator (anything with ``capaian``, ``kategori``, ``lengkap``, ``realisasi``)."""
        self.catat(hasil.capaian.nilai, hasil.kategori, bool(hasil.lengkap and hasil.realisasi.nilai is not None))

    def catat(self, capaian: Decimal | None, kategori: str, lengkap_dan_terhitung: bool) -> None:
        """Count one indicator from its capaian, kategori and whether it is complete and computed."""
        self.jumlah += 1
        self.lengkap += lengkap_dan_terhitung
        if capaian is not None:
            self.dinilai += 1
            self.total += capaian
        self.sebaran[kategori] = self.sebaran.get(kategori, 0) + 1

    @property
    def hitungan(self) -> tuple:
        """The counts alone (without the scale), to be kept and given back to ``dari_hitungan``."""
        return (self.jumlah, self.dinilai, self.lengkap, self.total, dict(self.sebaran))

    @classmethod
    def dari_hitungan(cls, skala: Skala | str, hitungan: tuple) -> Ringkasan:
        jumlah, dinilai, lengkap, total, sebaran = hitungan
        return cls(skala, jumlah, dinilai, lengkap, total, dict(sebaran))

    def gabung(self, lain: Ringkasan) -> None:
        self.jumlah += lain.jumlah
        self.dinilai += lain.dinilai
        self.lengkap += lain.lengkap
        self.total += lain.total
        for label, n in lain.sebaran.items():
            self.sebaran[label] = self.sebaran.get(label, 0) + n

    @property
    def rata_rata(self) -> Decimal | None:
        return self.total / self.dinilai if self.dinilai else None

    @property
    def predikat(self):
        return self.skala.predikat_untuk(self.rata_rata) if self.dinilai else None

    @property
    def label(self) -> str:
        return self.predikat.label if self.dinilai else TIDAK_DAPAT_DINILAI

    @property
    def kelengkapan(self) -> Decimal | None:
        """Percent of indicators complete for the period; None for an empty group."""
        return Decimal(self.lengkap * 100) / self.jumlah if self.jumlah else None


T = TypeVar("T")


@dataclass
class Peringkat(Generic[T]):
    """A ranking: ``berperingkat`` as (rank, item) best first, ``tanpa_peringkat`` as (item, reason)."""

    berperingkat: list[tuple[int, T]]
    tanpa_peringkat: list[tuple[T, str]]

    def peringkat_dari(self, item: T) -> int | None:
        return next((n for n, x in self.berperingkat if x is item), None)


def peringkat(
    daftar: Sequence[T],
    ringkasan: Callable[[T], Ringkasan],
    nama: Callable[[T], str],
    ambang: Decimal | int = AMBANG_KELENGKAPAN,
) -> Peringkat[T]:
    """Rank groups by mean capaian (best first, ties share a rank, then by name); groups without any
    capaian or with completeness below ``ambang`` percent are listed apart, with the reason."""
    ambang = Decimal(ambang)
    urut, lain = [], []
    for item in daftar:
        r = ringkasan(item)
        if r.rata_rata is None:
            lain.append((item, "belum ada capaian yang dapat dinilai"))
        elif r.kelengkapan is None or r.kelengkapan < ambang:
            lain.append(
                (
                    item,
                    f"kelengkapan data {format_persen(r.kelengkapan or Decimal(0))} di bawah ambang "
                    f"{format_persen(ambang)}",
                )
            )
        else:
            urut.append(item)
    urut.sort(key=lambda x: (-ringkasan(x).rata_rata, nama(x)))
    berperingkat: list[tuple[int, T]] = []
    for i, item in enumerate(urut):
        if i and ringkasan(urut[i - 1]).rata_rata == ringkasan(item).rata_rata:
            berperingkat.append((berperingkat[-1][0], item))
        else:
            berperingkat.append((i + 1, item))
    lain.sort(key=lambda p: nama(p[0]))
    return Peringkat(berperingkat, lain)
