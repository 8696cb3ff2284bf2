"""Capaian (achievement, percent): realisasi against target, honouring polarity (DESIGN.md §5).

- positif (higher is better): ``realisasi / target × 100``
- negatif (lower is better):  ``(2 − realisasi / target) × 100``
- range target ``[target, target_hi]`` (PermenPAN-RB 8/2021): inside the range the capaian is
  100; outside, the nearest bound serves as the target and the polarity formula applies. So for
  positif, below the range gives ``realisasi / target × 100`` (< 100) and above it
  ``realisasi / target_hi × 100`` (> 100); for negatif, below the range is *better*:
  ``(2 − realisasi / target) × 100`` (> 100), and above it worse:
  ``(2 − realisasi / target_hi) × 100`` (< 100).

Arithmetic is Decimal in the order the formulas are written (``realisasi / target * 100``,
``(2 - realisasi / target) * 100``), so results are exact whenever the quotient terminates
(capaian(1, 8) is exactly 12.5) and otherwise agree to the last of the Decimal context's 28
digits with anyone who computes the same formula. Nothing is rounded for display and nothing is capped: 150 stays 150,
and negative capaian is possible with the negatif formula. Negative targets are computed as
written; whether they make sense is the indicator's business.
"""

from __future__ import annotations

from decimal import Decimal

from ._angka import Angka, ke_decimal
from .hasil import Hasil

__all__ = ["POLARITAS", "capaian"]

POLARITAS: dict[str, str] = {
    "positif": "Positif (makin tinggi makin baik)",
    "negatif": "Negatif (makin rendah makin baik)",
}

_SERATUS = Decimal(100)


def _desimal(angka: Angka) -> Decimal:
    # The engine passes finite Decimals already (a national rebuild asks 700,000 times).
    return angka if type(angka) is Decimal and angka.is_finite() else ke_decimal(angka)


def capaian(
    realisasi: Angka | None,
    target: Angka | None,
    polaritas: str = "positif",
    *,
    target_hi: Angka | None = None,
) -> Hasil:
    """Capaian in percent as a Hasil: ``.nilai`` (exact Decimal) or ``.alasan`` why there is none.

    ``target_hi`` makes ``target`` the lower bound of a range target. Raises ValueError for an
    unknown polaritas or a range whose upper bound is below its lower bound; a missing value or
    a zero target is not an error but a Hasil without nilai.
    """
    if polaritas not in POLARITAS:
        raise ValueError(f"Polaritas “{polaritas}” tidak dikenal; pilih “positif” atau “negatif”")
    batas_bawah = None if target is None else _desimal(target)
    batas_atas = None if target_hi is None else _desimal(target_hi)
    if batas_bawah is not None and batas_atas is not None and batas_atas < batas_bawah:
        raise ValueError(f"Batas atas target ({batas_atas}) lebih kecil dari batas bawahnya ({batas_bawah})")
    if batas_bawah is None:
        return Hasil.tidak_dapat_dihitung("target belum ditetapkan")
    if realisasi is None:
        return Hasil.tidak_dapat_dihitung("realisasi belum ada")
    nilai = _desimal(realisasi)

    if batas_atas is None or nilai < batas_bawah:
        pembanding = batas_bawah
    elif nilai > batas_atas:
        pembanding = batas_atas
    else:
        return Hasil(_SERATUS)
    if pembanding == 0:
        return Hasil.tidak_dapat_dihitung("target nol")
    if polaritas == "positif":
        return Hasil(nilai / pembanding * _SERATUS)
    return Hasil((2 - nilai / pembanding) * _SERATUS)
