"""The formula tree: immutable nodes, the :class:`Rumus` wrapper and the canonical text writer.

Nodes compare and hash by structure. Every node knows its ``kedalaman`` (depth) without walking
the tree, so that the parser can refuse trees too deep for the recursive walkers in this package
(see :data:`MAKS_KEDALAMAN`).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal

from kinerja.rumus.errors import RumusError

MAKS_PANJANG = 2000
"""Longest accepted formula text, in characters."""

MAKS_KEDALAMAN = 100
"""Deepest allowed tree, and deepest nesting of brackets and signs while parsing.

Every walker here recurses once per level; 100 keeps them far below Python's recursion limit even
when called from deep in a web request, and is far beyond any real indicator formula.
"""

POLA_NAMA = re.compile(r"[a-z][a-z0-9_]*")
# Binding strength, for parsing and for deciding where brackets are needed when writing a tree out.
KUAT_OPERATOR = {"+": 1, "-": 1, "*": 2, "/": 2}
KUAT_NEGASI = 3
KUAT_ATOM = 4
_SATUAN = Decimal(1)


@dataclass(frozen=True, slots=True)
class Angka:
    """A number literal: finite, not negative (``-5`` is ``Negasi(Angka(5))``), normalised."""

    nilai: Decimal
    kedalaman: int = field(default=1, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        nilai = self.nilai
        if not isinstance(nilai, Decimal) or not nilai.is_finite() or nilai.is_signed():
            raise ValueError(f"Angka harus Decimal berhingga dan tidak negatif: {nilai!r}")
        # Trailing fractional zeros are dropped so that equal numbers ("0.50", ".5") have one
        # canonical text ("0.5"), but whole numbers keep exponent 0: 100 stays 100, not 1E+2,
        # which would leak into results (2.5 * 1E+2 is 2.5E+2). The contexts are wide enough
        # that neither step rounds.
        lebar = Context(prec=len(nilai.as_tuple().digits), Emax=MAX_EMAX, Emin=MIN_EMIN)
        nilai = nilai.normalize(lebar)
        _, digit, eksponen = nilai.as_tuple()
        if max(nilai.adjusted() + 1, 1) + max(-eksponen, 0) > MAKS_PANJANG:  # digits written
            raise RumusError(f"Angka terlalu panjang untuk ditulis dalam rumus: {nilai}")
        if eksponen > 0:
            nilai = nilai.quantize(_SATUAN, context=Context(prec=len(digit) + eksponen))
        object.__setattr__(self, "nilai", nilai)


@dataclass(frozen=True, slots=True)
class Variabel:
    """A variable code, ``[a-z][a-z0-9_]*``."""

    nama: str
    kedalaman: int = field(default=1, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.nama, str) or not POLA_NAMA.fullmatch(self.nama):
            raise ValueError(f"Nama variabel tidak sah: {self.nama!r}")


@dataclass(frozen=True, slots=True)
class Negasi:
    """Unary minus."""

    isi: "Simpul"
    kedalaman: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kedalaman", self.isi.kedalaman + 1)


@dataclass(frozen=True, slots=True)
class Operasi:
    """A binary operation; ``operator`` is one of ``+ - * /``."""

    operator: str
    kiri: "Simpul"
    kanan: "Simpul"
    kedalaman: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.operator not in KUAT_OPERATOR:
            raise ValueError(f"Operator tidak dikenal: {self.operator!r}")
        object.__setattr__(self, "kedalaman", max(self.kiri.kedalaman, self.kanan.kedalaman) + 1)


Simpul = Angka | Variabel | Negasi | Operasi


def kekuatan(simpul: Simpul) -> int:
    """How tightly ``simpul`` binds when written out (higher: needs brackets less often)."""
    if isinstance(simpul, Operasi):
        return KUAT_OPERATOR[simpul.operator]
    return KUAT_NEGASI if isinstance(simpul, Negasi) else KUAT_ATOM


def tulis_angka(nilai: Decimal) -> str:
    """Plain decimal notation, never exponent notation (which the parser rejects)."""
    return format(nilai, "f")


def tulis(simpul: Simpul, *, nama: Callable[[str], str] = str, kali: str = "*") -> str:
    """Write ``simpul`` as infix text with the fewest brackets that keep its structure.

    Operators are left associative, so a right operand of equal strength keeps its brackets:
    ``a - (b - c)``, ``a * (b / c)``. ``nama`` maps a variable code to its shown text and ``kali``
    is the multiplication sign shown.
    """

    def dalam_kurung(anak: Simpul, perlu: bool) -> str:
        teks = tulis(anak, nama=nama, kali=kali)
        return f"({teks})" if perlu else teks

    if isinstance(simpul, Angka):
        return tulis_angka(simpul.nilai)
    if isinstance(simpul, Variabel):
        return nama(simpul.nama)
    if isinstance(simpul, Negasi):
        return "-" + dalam_kurung(simpul.isi, kekuatan(simpul.isi) < KUAT_NEGASI)
    kuat = KUAT_OPERATOR[simpul.operator]
    kiri = dalam_kurung(simpul.kiri, kekuatan(simpul.kiri) < kuat)
    kanan = dalam_kurung(simpul.kanan, kekuatan(simpul.kanan) <= kuat)
    tanda = kali if simpul.operator == "*" else simpul.operator
    return f"{kiri} {tanda} {kanan}"


def kali_seratus_persen(simpul: Simpul) -> bool:
    """Whether the formula ends in ``* 100``, which is shown (and may be written) as ``× 100%``."""
    return (
        isinstance(simpul, Operasi)
        and simpul.operator == "*"
        and isinstance(simpul.kanan, Angka)
        and simpul.kanan.nilai == 100
    )


def _kumpulkan_variabel(simpul: Simpul, hasil: set[str]) -> None:
    if isinstance(simpul, Variabel):
        hasil.add(simpul.nama)
    elif isinstance(simpul, Negasi):
        _kumpulkan_variabel(simpul.isi, hasil)
    elif isinstance(simpul, Operasi):
        _kumpulkan_variabel(simpul.kiri, hasil)
        _kumpulkan_variabel(simpul.kanan, hasil)


@dataclass(frozen=True)
class Rumus:
    """A parsed formula. Equal (and equally hashed) when the trees are equal.

    ``teks`` (also ``str()``) is the canonical text, which parses back to an equal ``Rumus``;
    ``variables`` is the frozenset of variable codes used.
    """

    akar: Simpul
    teks: str = field(init=False, compare=False, repr=False)
    variables: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.akar.kedalaman > MAKS_KEDALAMAN:
            raise RumusError(f"Rumus terlalu bertingkat (lebih dari {MAKS_KEDALAMAN} tingkat)")
        nama: set[str] = set()
        _kumpulkan_variabel(self.akar, nama)
        object.__setattr__(self, "variables", frozenset(nama))
        object.__setattr__(self, "teks", tulis(self.akar))

    def __str__(self) -> str:
        return self.teks

    def __repr__(self) -> str:
        return f"Rumus({self.teks!r})"
