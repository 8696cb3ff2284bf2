"""One indicator for one quarter: the realisasi from that quarter's values and the capaian against
the quarter's target. Used by the entry page (recomputed as values are typed) and by the dashboard's
trend (every indicator, four quarters, from four queries).

Over a single quarter there is nothing to aggregate (any variable's aggregate over one quarter is
its value), so this agrees with kinerja.realisasi.hitung for the periods TW1–TW4, which
tests/web/test_triwulan.py checks indicator by indicator; longer periods are hitung's alone.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from kinerja import rumus
from kinerja.pengukuran import Hasil, capaian
from kinerja.realisasi.periode import periode_hitung, triwulan_dilaporkan
from kinerja.realisasi.target import aditif, target_untuk_periode


@dataclass(frozen=True)
class HasilTriwulan:
    dilaporkan: bool  # False: the indicator is not reported this quarter (semesteran, tahunan)
    realisasi: rumus.Hasil | None = None
    target: tuple[Decimal | None, Decimal | None] = (None, None)
    capaian: Hasil | None = None


def nilai_tetap(variabel) -> Decimal | None:
    """The fixed value or Konstanta of a variable that is not entered per period, else None."""
    if variabel.nilai_tetap is not None:
        return variabel.nilai_tetap
    return variabel.konstanta.nilai if variabel.konstanta_id else None


def hitung_triwulan(
    indikator, variabel: Iterable, nilai: Mapping[int, Decimal | None], targets: Mapping[str, tuple], triwulan: int
) -> HasilTriwulan:
    """``variabel``: the indicator's Variabel rows (konstanta joined); ``nilai``: {variabel id: this
    quarter's value}; ``targets``: {Target.periode: (nilai, nilai_hi, …)} of the indicator."""
    if triwulan not in triwulan_dilaporkan(indikator.periode_pelaporan):
        return HasilTriwulan(False)
    variabel = list(variabel)
    tetap = {v.kode: nilai_tetap(v) for v in variabel if not v.diisi}
    if not indikator.ekspresi.strip():
        realisasi = rumus.Hasil(None, "tidak dapat dihitung: rumus belum diisi")
    else:
        try:
            realisasi = rumus.evaluate(
                indikator.ekspresi, {v.kode: tetap.get(v.kode, nilai.get(v.pk)) for v in variabel}
            )
        except rumus.RumusError as exc:
            realisasi = rumus.Hasil(None, f"tidak dapat dihitung: rumus tidak sah ({exc})")
    cara = {v.kode: v.agregasi for v in variabel if v.diisi}
    target = target_untuk_periode(
        targets, periode_hitung(f"TW{triwulan}"), aditif(indikator.ekspresi, cara, set(tetap))
    )
    return HasilTriwulan(
        True, realisasi, target, capaian(realisasi.nilai, target[0], indikator.polaritas, target_hi=target[1])
    )
