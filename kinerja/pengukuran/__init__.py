"""Measuring performance: capaian, category scales, aggregation over periods (pure, no Django).

DESIGN.md §4–§5. The formula engine (kinerja.rumus) computes a realisasi from aggregated
variables; this package aggregates those variables, compares the realisasi with its target,
and puts the capaian on a category scale.
"""

from .agregasi import AGREGASI, agregasi, agregasi_variabel
from .capaian import POLARITAS, capaian
from .hasil import Hasil
from .periode import PERIODE, Periode, sampai
from .skala import (
    SKALA,
    SKALA_BAIK,
    SKALA_PERMENDAGRI_86_2017,
    TIDAK_DAPAT_DINILAI,
    Predikat,
    Skala,
    kategori,
)

__all__ = [
    "AGREGASI",
    "PERIODE",
    "POLARITAS",
    "SKALA",
    "SKALA_BAIK",
    "SKALA_PERMENDAGRI_86_2017",
    "TIDAK_DAPAT_DINILAI",
    "Hasil",
    "Periode",
    "Predikat",
    "Skala",
    "agregasi",
    "agregasi_variabel",
    "capaian",
    "kategori",
    "sampai",
]
