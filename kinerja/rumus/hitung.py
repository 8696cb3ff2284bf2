"""Evaluating formulas exactly with :class:`decimal.Decimal`, one row or whole columns at once.

A formula is compiled once (cached per tree) into a tree of column operations; a single row is a
column of length one, so the scalar and the vectorised results agree by construction.

Arithmetic runs in a private context of :data:`PRESISI` significant digits and nothing is rounded
beyond that (``10 / 4 * 100`` is exactly 250; ``6 / 7`` carries 28 digits). A division by zero or
a missing or non-numeric value gives *no value* (``None``) with a reason, never 0, infinity or an
exception.

Accepted input values: ``Decimal`` (finite), ``int`` (also numpy integers), ``float`` (finite;
read through its shortest ``repr``, so ``0.1`` is ``Decimal("0.1")``) and ``str`` of the form
``12``, ``-12.5``, ``.5`` with surrounding spaces allowed. ``None`` and blank strings count as
"belum diisi" (not filled in). Anything else, including ``bool``, NaN, infinities, ``"12,5"`` and
``"1e3"``, is "bukan angka" (not a number).
"""

import math
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, localcontext
from functools import lru_cache

from kinerja.rumus.errors import RumusError
from kinerja.rumus.parser import ke_rumus
from kinerja.rumus.pohon import Angka, Negasi, Operasi, Rumus, Simpul, Variabel

PRESISI = 28
"""Significant digits kept by every operation: Python's default Decimal precision, so a value
checked with plain ``Decimal`` arithmetic (or by kinerja.pengukuran) agrees to the last digit."""

_POLA_ANGKA = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")

Kolom = list[Decimal | None]
_Terkompilasi = Callable[[Mapping[str, Kolom], int], Kolom]


@dataclass(frozen=True, slots=True)
class Hasil:
    """A value, or no value with the Indonesian reason it cannot be computed; exactly one is set.

    Shared by everything that computes (formulas here, capaian in kinerja.pengukuran).
    """

    nilai: Decimal | None
    alasan: str | None = None

    def __post_init__(self) -> None:
        if (self.nilai is None) == (self.alasan is None):
            raise ValueError("Hasil harus berisi nilai atau alasan, tidak keduanya")

    @property
    def ada(self) -> bool:
        """Whether there is a value."""
        return self.nilai is not None

    @classmethod
    def tidak_dapat_dihitung(cls, sebab: str) -> "Hasil":
        """No value: ``Hasil.tidak_dapat_dihitung("target nol").alasan == "tidak dapat dihitung: target nol"``."""
        return cls(None, f"tidak dapat dihitung: {sebab}")


def _konteks() -> Context:
    # No traps: an overflow becomes an infinity that is turned into "no value" at the end, instead
    # of an exception in the middle of a column. Division by zero never reaches decimal at all.
    return Context(prec=PRESISI, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])


def ke_decimal(nilai: object) -> Decimal | None:
    """One input value as a finite Decimal, or None when it is missing or not a number."""
    if isinstance(nilai, Decimal):
        return nilai if nilai.is_finite() else None
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, numbers.Integral):
        return Decimal(int(nilai))
    if isinstance(nilai, float):
        return Decimal(str(nilai)) if math.isfinite(nilai) else None
    if isinstance(nilai, str):
        teks = nilai.strip()
        return Decimal(teks) if _POLA_ANGKA.fullmatch(teks) else None
    return None


def _belum_diisi(nilai: object) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def _tambah(xs: Kolom, ys: Kolom) -> Kolom:
    return [None if x is None or y is None else x + y for x, y in zip(xs, ys)]


def _kurang(xs: Kolom, ys: Kolom) -> Kolom:
    return [None if x is None or y is None else x - y for x, y in zip(xs, ys)]


def _kali(xs: Kolom, ys: Kolom) -> Kolom:
    return [None if x is None or y is None else x * y for x, y in zip(xs, ys)]


def _bagi(xs: Kolom, ys: Kolom) -> Kolom:
    return [None if x is None or not y else x / y for x, y in zip(xs, ys)]


_OPERASI_KOLOM = {"+": _tambah, "-": _kurang, "*": _kali, "/": _bagi}


@lru_cache(maxsize=1024)
def _kompilasi(simpul: Simpul) -> _Terkompilasi:
    """A function computing ``simpul`` for ``n`` rows from columns of Decimal-or-None."""
    if isinstance(simpul, Angka):
        tetap = simpul.nilai
        return lambda kolom, n: [tetap] * n
    if isinstance(simpul, Variabel):
        nama = simpul.nama
        return lambda kolom, n: kolom[nama]
    if isinstance(simpul, Negasi):
        isi = _kompilasi(simpul.isi)
        return lambda kolom, n: [None if x is None else -x for x in isi(kolom, n)]
    operasi = _OPERASI_KOLOM[simpul.operator]
    kiri, kanan = _kompilasi(simpul.kiri), _kompilasi(simpul.kanan)
    return lambda kolom, n: operasi(kiri(kolom, n), kanan(kolom, n))


def _hitung(rumus: Rumus, kolom: Mapping[str, Kolom], n: int) -> Kolom:
    """Raw results: None after a zero divisor or missing value, non-finite after an overflow."""
    with localcontext(_konteks()):
        return _kompilasi(rumus.akar)(kolom, n)


def _rapikan(nilai: Decimal | None) -> Decimal | None:
    """The final value: None unless finite; zero without a minus sign (``-a`` with a = 0)."""
    if nilai is None or not nilai.is_finite():
        return None
    return nilai.copy_abs() if nilai.is_zero() else nilai


def evaluate(rumus: Rumus | str, values: Mapping[str, object]) -> Hasil:
    """The value of ``rumus`` for one set of variable values (extra keys are ignored).

    Missing values take priority over non-numeric ones, which take priority over a zero divisor;
    every missing (or non-numeric) variable is named, sorted.
    """
    rumus = ke_rumus(rumus)
    nama_urut = sorted(rumus.variables)
    kosong = [nama for nama in nama_urut if _belum_diisi(values.get(nama))]
    if kosong:
        return Hasil.tidak_dapat_dihitung(f"nilai {', '.join(kosong)} belum diisi")
    kolom = {nama: [ke_decimal(values[nama])] for nama in nama_urut}
    bukan_angka = [nama for nama in nama_urut if kolom[nama][0] is None]
    if bukan_angka:
        return Hasil.tidak_dapat_dihitung(f"nilai {', '.join(bukan_angka)} bukan angka")
    mentah = _hitung(rumus, kolom, 1)[0]
    if mentah is None:
        return Hasil.tidak_dapat_dihitung("penyebut nol")
    if not mentah.is_finite():
        return Hasil.tidak_dapat_dihitung("hasil di luar jangkauan")
    return Hasil(_rapikan(mentah))


def _jumlah_baris(columns: Mapping[str, Sequence[object]]) -> int:
    panjang = {nama: len(isi) for nama, isi in columns.items()}
    if len(set(panjang.values())) > 1:
        rincian = ", ".join(f"{nama}={n}" for nama, n in sorted(panjang.items()))
        raise RumusError(f"Panjang kolom tidak sama: {rincian}")
    return next(iter(panjang.values()), 0)


def evaluate_many(rumus: Rumus | str, columns: Mapping[str, Sequence[object]]) -> list[Decimal | None]:
    """``evaluate(rumus, row).nilai`` for every row of equal-length columns, computed column-wise.

    A variable without a column is missing in every row. Columns of unequal length raise
    :class:`RumusError`.
    """
    rumus = ke_rumus(rumus)
    n = _jumlah_baris(columns)
    kolom = {
        nama: [ke_decimal(x) for x in columns[nama]] if nama in columns else [None] * n for nama in rumus.variables
    }
    return [_rapikan(nilai) for nilai in _hitung(rumus, kolom, n)]


def evaluate_many_hasil(rumus: Rumus | str, columns: Mapping[str, Sequence[object]]) -> list[Hasil]:
    """Like :func:`evaluate_many`, with the reason for every row without a value."""
    rumus = ke_rumus(rumus)
    hasil = []
    for i, nilai in enumerate(evaluate_many(rumus, columns)):
        if nilai is None:
            # Rows without a value are few; working out their reason one by one is cheap.
            baris = {nama: columns[nama][i] for nama in rumus.variables if nama in columns}
            hasil.append(evaluate(rumus, baris))
        else:
            hasil.append(Hasil(nilai))
    return hasil


def substitute(rumus: Rumus | str, values: Mapping[str, object]) -> Rumus:
    """``rumus`` with the given variables replaced by fixed numbers (e.g. a Konstanta's value).

    Raises :class:`RumusError` when one of the given values is missing or not a number.
    """
    rumus = ke_rumus(rumus)
    tetap: dict[str, Simpul] = {}
    for nama in rumus.variables & values.keys():
        angka = ke_decimal(values[nama])
        if angka is None:
            raise RumusError(f"Nilai tetap untuk '{nama}' bukan angka: {values[nama]!r}")
        # Literals are never negative: a negative value becomes a negated literal, as parsed.
        literal = Angka(angka.copy_abs())
        tetap[nama] = Negasi(literal) if angka < 0 else literal
    return Rumus(_ganti(rumus.akar, tetap))


def _ganti(simpul: Simpul, tetap: Mapping[str, Simpul]) -> Simpul:
    if isinstance(simpul, Variabel):
        return tetap.get(simpul.nama, simpul)
    if isinstance(simpul, Negasi):
        return Negasi(_ganti(simpul.isi, tetap))
    if isinstance(simpul, Operasi):
        return Operasi(simpul.operator, _ganti(simpul.kiri, tetap), _ganti(simpul.kanan, tetap))
    return simpul
