"""Checks of an indicator's targets, the annual one and the cumulative quarterly ones (rencana aksi).

Pure Python (no Django). A target is (lo, hi): a single value (hi None) or a range. Quarterly
targets are "s.d. triwulan n" (kinerja.realisasi.target). What is checked follows how the
indicator's variables aggregate (``aditif``: the value over several quarters is the sum of the
quarters' values, see kinerja.realisasi.target.aditif):

- every indicator: the TW4 target is the annual one, a range is not upside down or empty;
- an indicator that adds up: the cumulative targets do not go down, and four quarters that sum to the
  annual target look like per-quarter targets typed where cumulative ones belong;
- a ratio or level (not adding up): quarterly targets that sum to the annual one look like a ratio
  split into parts; a ratio is not summed over quarters;
- ranges: a range whose bounds are equal, or a range on some periods and a single value on
  others, is probably a slip.

Each problem is a warning with its reason, never a refusal: the planner decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from kinerja.format import format_angka, parse_angka

PERIODE = ("TAHUN", "TW1", "TW2", "TW3", "TW4")
_PEMISAH_RENTANG = re.compile(r"\s*(?:s\.?\s*d\.?|sampai|–|—|(?<=\d)\s*-\s*(?=\d))\s*", re.IGNORECASE)


def baca_sel(teks: str | None) -> tuple[Decimal | None, Decimal | None]:
    """A target cell as typed or pasted from Excel: "85,5", "1.250", "80–90", "80 s.d. 90", blank.

    Returns (lo, hi), (None, None) for blank; raises ValueError with an Indonesian message.
    """
    teks = (teks or "").strip()
    if not teks:
        return None, None
    bagian = _PEMISAH_RENTANG.split(teks, maxsplit=1)
    if len(bagian) == 2:
        lo, hi = parse_angka(bagian[0]), parse_angka(bagian[1])
        if hi < lo:
            raise ValueError(f"Rentang “{teks}”: batas atas lebih kecil dari batas bawah")
        return lo, hi
    return parse_angka(teks), None


def teks_target(target: tuple) -> str:
    lo, hi = target[0], target[1]
    return f"{format_angka(lo)}–{format_angka(hi)}" if hi is not None else format_angka(lo)


def periksa_target(targets: Mapping[str, tuple], aditif: bool, polaritas: str = "positif") -> list[str]:
    """Warnings, each with its reason, for an indicator's targets {periode: (lo, hi, …)}."""
    peringatan = []
    tahunan = targets.get("TAHUN")
    tw4 = targets.get("TW4")
    if tahunan and tw4 and (tahunan[0], tahunan[1]) != (tw4[0], tw4[1]):
        peringatan.append(
            f"Target s.d. TW4 ({teks_target(tw4)}) tidak sama dengan target tahunan ({teks_target(tahunan)}): "
            "target triwulan bersifat kumulatif, jadi TW4 harus sama dengan target tahunan."
        )
    per_tw = [targets[f"TW{t}"][0] for t in range(1, 5) if f"TW{t}" in targets]
    if aditif:
        urut = [(f"TW{t}", targets[f"TW{t}"]) for t in range(1, 5) if f"TW{t}" in targets]
        if tahunan and ("TW4", tahunan) not in urut:
            urut.append(("TAHUN", tahunan))
        for (p1, t1), (p2, t2) in zip(urut, urut[1:]):
            if t2[0] < t1[0]:
                peringatan.append(
                    f"Target kumulatif {p2} ({teks_target(t2)}) lebih kecil dari {p1} ({teks_target(t1)}): "
                    "indikator ini menjumlahkan capaian antartriwulan, sehingga targetnya tidak boleh turun."
                )
        if tahunan and len(per_tw) == 4 and sum(per_tw) == tahunan[0] and per_tw[-1] != tahunan[0]:
            peringatan.append(
                "Jumlah target TW1–TW4 sama dengan target tahunan: tampaknya target diisi per triwulan. "
                "Isi target s.d. triwulan (kumulatif), mis. TW2 = TW1 + target triwulan II."
            )
    elif tahunan and len(per_tw) == 4 and sum(per_tw) == tahunan[0] and len(set(per_tw)) > 1:
        peringatan.append(
            f"Jumlah target TW1–TW4 sama dengan target tahunan ({teks_target(tahunan)}), padahal indikator ini "
            "rasio atau tingkat yang tidak dijumlahkan antartriwulan: target tiap triwulan adalah tingkat yang "
            "hendak dicapai s.d. triwulan itu, bukan bagian dari target tahunan."
        )
    peringatan += _periksa_rentang(targets)
    return peringatan


def _periksa_rentang(targets: Mapping[str, tuple]) -> list[str]:
    ada = {p: targets[p] for p in PERIODE if targets.get(p)}
    peringatan = []
    for periode, t in ada.items():
        if t[1] is not None and t[1] == t[0]:
            peringatan.append(
                f"Target {_nama(periode)} berupa rentang dengan batas bawah dan atas sama ({format_angka(t[0])}): "
                "tulis sebagai satu angka."
            )
    rentang = [p for p, t in ada.items() if t[1] is not None]
    tunggal = [p for p, t in ada.items() if t[1] is None]
    if rentang and tunggal:
        peringatan.append(
            f"Target {', '.join(_nama(p) for p in rentang)} berupa rentang, sedangkan "
            f"{', '.join(_nama(p) for p in tunggal)} satu angka: capaian tiap periode dinilai dengan cara berbeda; "
            "pastikan memang demikian."
        )
    return peringatan


def _nama(periode: str) -> str:
    return "tahunan" if periode == "TAHUN" else f"s.d. {periode}"
