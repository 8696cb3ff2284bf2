"""Category scales for capaian: data, not code, so each pemda can pick or store its own.

A scale is a list of predikat ordered from the best down, each with the lowest capaian that
earns it (``batas_bawah``); the last predikat has no lower bound and takes everything below.
Only lower bounds count, which settles the gaps in regulation tables: Permendagri 86/2017 writes
"≥ 91 Sangat Tinggi, 76–90 Tinggi, …, ≤ 50 Sangat Rendah", so 90.5 is Tinggi (it does not reach
91) and 50.5 is Sangat Rendah (it does not reach 51).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ._angka import Angka, ke_decimal

__all__ = [
    "SKALA",
    "SKALA_BAIK",
    "SKALA_PERMENDAGRI_86_2017",
    "TIDAK_DAPAT_DINILAI",
    "Predikat",
    "Skala",
    "kategori",
]

TIDAK_DAPAT_DINILAI = "Tidak dapat dinilai"
"""The category of a missing capaian (no target, no realisasi, target nol)."""

_WARNA = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Predikat:
    """One step of a scale: ``label`` for capaian ≥ ``batas_bawah`` (None: no lower bound)."""

    batas_bawah: Decimal | None
    label: str
    warna: str  # hex colour for dashboards: "#1b7837"


@dataclass(frozen=True)
class Skala:
    """A named category scale; ``predikat`` runs from the highest lower bound down."""

    kode: str
    nama: str
    predikat: tuple[Predikat, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "predikat", tuple(self.predikat))
        if not self.predikat:
            raise ValueError(f"Skala “{self.nama}” tidak memiliki predikat")
        *berbatas, terbawah = self.predikat
        if terbawah.batas_bawah is not None or any(p.batas_bawah is None for p in berbatas):
            raise ValueError(
                f"Skala “{self.nama}”: hanya predikat terakhir (terendah) yang tanpa batas bawah, "
                "dan ia wajib tanpa batas bawah"
            )
        batas = [p.batas_bawah for p in berbatas]
        if any(atas <= bawah for atas, bawah in zip(batas, batas[1:])):
            raise ValueError(f"Skala “{self.nama}”: batas bawah harus menurun dari atas ke bawah")
        labels = [p.label for p in self.predikat]
        if any(not label.strip() for label in labels) or len(set(labels)) != len(labels):
            raise ValueError(f"Skala “{self.nama}”: label predikat harus terisi dan berbeda")
        for p in self.predikat:
            if not _WARNA.fullmatch(p.warna):
                raise ValueError(f"Skala “{self.nama}”: warna “{p.warna}” bukan kode #RRGGBB")

    def predikat_untuk(self, nilai: Angka) -> Predikat:
        """The predikat earned by capaian ``nilai``: the first whose lower bound it reaches."""
        angka = ke_decimal(nilai)
        return next(p for p in self.predikat if p.batas_bawah is None or angka >= p.batas_bawah)

    def ke_dict(self) -> dict[str, Any]:
        """JSON-ready dict (bounds as strings, to stay exact) for storing in a JSONField."""
        return {
            "kode": self.kode,
            "nama": self.nama,
            "predikat": [
                {
                    "batas_bawah": None if p.batas_bawah is None else str(p.batas_bawah),
                    "label": p.label,
                    "warna": p.warna,
                }
                for p in self.predikat
            ],
        }

    @classmethod
    def dari_dict(cls, data: Mapping[str, Any]) -> Skala:
        """Inverse of ke_dict; bounds may be strings or numbers. ValueError on a malformed dict."""
        try:
            return cls(
                kode=str(data["kode"]),
                nama=str(data["nama"]),
                predikat=tuple(_predikat_dari_dict(p) for p in data["predikat"]),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"Data skala tidak lengkap atau salah bentuk: {error}") from None


def _predikat_dari_dict(data: Mapping[str, Any]) -> Predikat:
    batas = data["batas_bawah"]
    return Predikat(
        batas_bawah=None if batas is None else ke_decimal(batas),
        label=str(data["label"]),
        warna=str(data["warna"]),
    )


def _skala(kode: str, nama: str, labels: Iterable[str]) -> Skala:
    # Permendagri 86/2017 breakpoints, shared by every scale shipped here.
    batas = (Decimal(91), Decimal(76), Decimal(66), Decimal(51), None)
    warna = ("#1b7837", "#7fbf7b", "#f6c141", "#f1a340", "#d73027")
    return Skala(kode, nama, tuple(map(Predikat, batas, labels, warna)))


SKALA_PERMENDAGRI_86_2017 = _skala(
    "permendagri_86_2017",
    "Permendagri 86/2017 (Sangat Tinggi – Sangat Rendah)",
    ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"),
)
SKALA_BAIK = _skala(
    "baik",
    "Sangat Baik – Sangat Kurang (batas Permendagri 86/2017)",
    ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
)
SKALA: dict[str, Skala] = {s.kode: s for s in (SKALA_PERMENDAGRI_86_2017, SKALA_BAIK)}
"""The scales a pemda can choose, by kode."""


def kategori(nilai: Angka | None, skala: Skala | str | None = None) -> str:
    """Category label of a capaian on ``skala`` (a Skala, a kode from SKALA; default Permendagri).

    A missing capaian (None) is "Tidak dapat dinilai", never the lowest category.
    """
    if skala is None:
        skala = SKALA_PERMENDAGRI_86_2017
    elif isinstance(skala, str):
        if skala not in SKALA:
            raise ValueError(f"Skala “{skala}” tidak dikenal; pilih salah satu: {', '.join(SKALA)}")
        skala = SKALA[skala]
    if nilai is None:
        return TIDAK_DAPAT_DINILAI
    return skala.predikat_untuk(nilai).label
