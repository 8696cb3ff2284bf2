"""Measuring indicators over a period: the one engine behind every number shown (DESIGN.md §4–§5).

For each indicator: its entered variables are aggregated over the quarters of the period it is
reported in (``agregasi``, or already by the database), the formula is applied to the aggregates
(parsed once per distinct expression and evaluated column-wise with ``rumus.evaluate_many`` over
every indicator sharing it), the target of the period is chosen (``target_untuk_periode``), and the
capaian and kategori follow. When there is no value the reason is worded for a person, naming
variables by their uraian, never by their codes.

Pure: no Django. kinerja.realisasi.hitung reads the database and feeds this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from kinerja import rumus

from .agregasi import agregasi
from .capaian import capaian
from .hasil import Hasil
from .periode import Periode, triwulan_dilaporkan
from .skala import Skala, kategori
from .target import TargetPeriode, aditif, target_untuk_periode

__all__ = [
    "IndikatorUkur",
    "Ukuran",
    "VariabelUkur",
    "agregat_dari_hitungan",
    "agregat_indikator",
    "alasan_belum_diisi",
    "ukur_banyak",
    "ukur_teragregasi",
]

ALASAN_RUMUS_KOSONG = "tidak dapat dihitung: rumus belum diisi"
ALASAN_RUMUS_TIDAK_SAH = "tidak dapat dihitung: rumus indikator belum sah; perbaiki rumusnya di katalog"


class VariabelUkur(NamedTuple):
    """A variable of an indicator: entered per quarter (``tetap`` None) or a fixed value / Konstanta.

    A named tuple, not a dataclass: a national recompute builds half a million of them."""

    kode: str
    uraian: str
    agregasi: str = "jumlah"
    tetap: Decimal | None = None


class IndikatorUkur:
    """What the engine needs to know of an indicator to measure it (plain attributes: a national
    recompute builds hundreds of thousands; additivity is worked out only when a period needs it)."""

    __slots__ = ("ekspresi", "polaritas", "periode_pelaporan", "variabel", "targets", "_aditif")

    def __init__(
        self,
        ekspresi: str,
        polaritas: str = "positif",
        periode_pelaporan: str = "triwulanan",
        variabel: tuple[VariabelUkur, ...] = (),
        targets: Mapping[str, tuple] | None = None,
    ) -> None:
        self.ekspresi = ekspresi
        self.polaritas = polaritas
        self.periode_pelaporan = periode_pelaporan
        self.variabel = tuple(variabel)
        self.targets = targets if targets is not None else {}
        self._aditif: bool | None = None

    def __repr__(self) -> str:
        return f"IndikatorUkur({self.ekspresi!r}, {self.polaritas!r}, {self.periode_pelaporan!r})"

    @property
    def cara(self) -> dict[str, str]:
        return {v.kode: v.agregasi for v in self.variabel if v.tetap is None}

    @property
    def aditif(self) -> bool:
        if self._aditif is None:
            self._aditif = _aditif(
                self.ekspresi,
                tuple(sorted(self.cara.items())),
                frozenset(v.kode for v in self.variabel if v.tetap is not None),
            )
        return self._aditif

    def dilaporkan(self, periode: Periode) -> tuple[int, ...]:
        """The quarters of ``periode`` in which this indicator is reported."""
        return _dilaporkan(self.periode_pelaporan, periode.kode)


# Indicators of a country share a few hundred formulas and three rhythms: each rule is worked out
# once per distinct input, not once per indicator.
@lru_cache(maxsize=4096)
def _aditif(ekspresi: str, cara: tuple, tetap: frozenset) -> bool:
    return aditif(ekspresi, dict(cara), tetap)


@lru_cache(maxsize=256)
def _dilaporkan(periode_pelaporan: str, kode: str) -> tuple[int, ...]:
    laporan = triwulan_dilaporkan(periode_pelaporan)
    return tuple(t for t in Periode(kode).triwulan if t in laporan)


class Ukuran(NamedTuple):
    """An indicator measured over a period (a named tuple: a national rebuild makes 330,000)."""

    realisasi: Hasil
    target: TargetPeriode
    capaian: Hasil
    kategori: str
    lengkap: bool  # every value the period needs is entered (the realisasi may still fail, e.g. a zero divisor)
    dilaporkan: bool = True  # False: the indicator is not reported in this period (semesteran in TW1)

    @property
    def lengkap_dan_terhitung(self) -> bool:
        """Complete for completeness counts: every value entered and the realisasi computed."""
        return self.lengkap and self.realisasi.nilai is not None


def _daftar(nama: Sequence[str]) -> str:
    kutip = [f"“{n}”" for n in nama]
    return kutip[0] if len(kutip) == 1 else f"{', '.join(kutip[:-1])} dan {kutip[-1]}"


def alasan_belum_diisi(uraian: Sequence[str]) -> str:
    """The reason a realisasi cannot be computed because these variables are not filled in."""
    return f"tidak dapat dihitung: nilai {_daftar(uraian)} belum diisi"


def _alasan_orang(parsed: rumus.Rumus, indikator: IndikatorUkur, agregat: Mapping[str, Decimal | None]) -> Hasil:
    """Why a row has no value, worded with the variables' uraian (never their codes)."""
    uraian = {v.kode: v.uraian or "variabel tanpa uraian" for v in indikator.variabel}
    kosong = [
        uraian.get(kode, "variabel yang tidak ada di indikator")
        for kode in sorted(parsed.variables)
        if agregat.get(kode) is None
    ]
    if kosong:
        return Hasil(None, alasan_belum_diisi(list(dict.fromkeys(kosong))))
    # Every value is there: the formula engine's own reason (zero divisor, out of range) names no variable.
    return rumus.evaluate(parsed, agregat)


def ukur_teragregasi(
    baris: Iterable[tuple[IndikatorUkur, Mapping[str, Decimal | None], bool]],
    periode: Periode,
    skala: Skala | str | None,
) -> list[Ukuran]:
    """Measure rows whose variables are already aggregated over the period.

    Each row is ``(indikator, {kode: aggregate or None}, lengkap)``, the aggregates with the fixed
    values among them, as ``agregat_indikator`` and ``agregat_dari_hitungan`` give them (read,
    never changed). Rows come back in the same order.
    ``skala`` None: kategori is left empty (for kept results, where it follows from the capaian
    and the pemda's scale when read).
    """
    baris = list(baris)
    realisasi: list[Hasil | None] = [None] * len(baris)
    dilaporkan = [bool(indikator.dilaporkan(periode)) for indikator, _, _ in baris]
    kelompok: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, (indikator, agregat, _) in enumerate(baris):
        if not indikator.ekspresi.strip():
            realisasi[i] = Hasil(None, ALASAN_RUMUS_KOSONG)
            continue
        if not dilaporkan[i]:
            realisasi[i] = Hasil(
                None, f"tidak dapat dihitung: indikator {indikator.periode_pelaporan} tidak dilaporkan pada periode ini"
            )
            continue
        kelompok[indikator.ekspresi].append((i, agregat))
    for ekspresi, daftar in kelompok.items():
        try:
            parsed = rumus.parse(ekspresi)
        except rumus.RumusError:
            for i, _ in daftar:
                realisasi[i] = Hasil(None, ALASAN_RUMUS_TIDAK_SAH)
            continue
        kolom = {kode: [nilai.get(kode) for _, nilai in daftar] for kode in parsed.variables}
        for (i, nilai), angka in zip(daftar, rumus.evaluate_many(parsed, kolom)):
            realisasi[i] = Hasil(angka) if angka is not None else _alasan_orang(parsed, baris[i][0], nilai)
    hasil = []
    for (indikator, _, lengkap), nilai_realisasi, dilaporkan_ in zip(baris, realisasi, dilaporkan):
        target = target_untuk_periode(indikator.targets, periode, lambda indikator=indikator: indikator.aditif)
        nilai_capaian = capaian(nilai_realisasi.nilai, target.nilai, indikator.polaritas, target_hi=target.nilai_hi)
        hasil.append(
            Ukuran(  # positional: a national rebuild makes 330,000
                nilai_realisasi,
                target,
                nilai_capaian,
                kategori(nilai_capaian.nilai, skala) if skala is not None else "",
                lengkap or not dilaporkan_,
                dilaporkan_,
            )
        )
    return hasil


def agregat_indikator(
    indikator: IndikatorUkur, nilai: Mapping[str, Mapping[int, Decimal | None]], periode: Periode
) -> tuple[dict[str, Decimal | None], bool]:
    """The entered variables aggregated over the quarters of ``periode`` the indicator reports in,
    with the fixed ones as they are, and whether every entered value is filled in.
    ``nilai[kode][triwulan]`` is a value."""
    dilaporkan = indikator.dilaporkan(periode)
    agregat: dict[str, Decimal | None] = {}
    lengkap = True
    for v in indikator.variabel:
        if v.tetap is not None:
            agregat[v.kode] = v.tetap
            continue
        per_tw = nilai.get(v.kode, {})
        deret = [per_tw.get(t) for t in dilaporkan]
        lengkap = lengkap and None not in deret
        agregat[v.kode] = agregasi(deret, v.agregasi)
    return agregat, lengkap


def agregat_dari_hitungan(
    indikator: IndikatorUkur, periode: Periode, hitungan: Mapping[str, tuple[int, Decimal | None]]
) -> tuple[dict[str, Decimal | None], bool]:
    """What ``agregat_indikator`` gives, from what a database aggregated: per entered variable,
    ``(n, partial)`` over the quarters of ``periode`` the indicator reports in, where ``n`` is the
    number of filled values and ``partial`` their sum for ``rata_rata`` and the aggregate itself
    for every other cara (kinerja.realisasi.hitung builds that SQL from ``agregasi.AGREGASI``).
    The mean is divided here, exactly as ``agregasi`` divides it; fixed variables come as they are."""
    jumlah_triwulan = len(indikator.dilaporkan(periode))
    agregat: dict[str, Decimal | None] = {}
    lengkap = True
    for v in indikator.variabel:
        if v.tetap is not None:
            agregat[v.kode] = v.tetap
            continue
        n, sebagian = hitungan.get(v.kode, (0, None))
        # A variable has at most one value per quarter: all of them filled is n == the quarters.
        lengkap = lengkap and n == jumlah_triwulan
        if not n:
            agregat[v.kode] = None
        elif v.agregasi == "rata_rata":
            agregat[v.kode] = sebagian / n
        else:
            agregat[v.kode] = sebagian
    return agregat, lengkap


def ukur_banyak(
    baris: Iterable[tuple[IndikatorUkur, Mapping[str, Mapping[int, Decimal | None]]]],
    periode: Periode | str,
    skala: Skala | str,
) -> list[Ukuran]:
    """Measure indicators from their quarterly values: ``(indikator, {kode: {triwulan: value}})`` per row."""
    if isinstance(periode, str):
        periode = Periode.untuk_hitung(periode)
    return ukur_teragregasi(
        ((indikator, *agregat_indikator(indikator, nilai, periode)) for indikator, nilai in baris), periode, skala
    )
