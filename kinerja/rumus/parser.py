"""Reading formula text: a hand-written tokenizer and precedence-climbing parser.

Hand-written so that every refusal names the exact place and says in Indonesian what is wrong
("Operator '*' tidak diikuti nilai pada posisi 2"). Only parentheses and signs recurse, and their
nesting is capped, so no input can exhaust the stack; chains such as ``a + b + c`` are loops.
"""

import difflib
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from kinerja.rumus.errors import RumusError
from kinerja.rumus.pohon import (
    KUAT_OPERATOR,
    MAKS_KEDALAMAN,
    MAKS_PANJANG,
    Angka,
    Negasi,
    Operasi,
    Rumus,
    Simpul,
    Variabel,
    kali_seratus_persen,
)

# Typographic signs from documents are read as their ASCII operator. The letter "x" is *not* a
# multiplication sign: it is a valid variable code.
_OPERATOR = {"+": "+", "-": "-", "\u2212": "-", "*": "*", "\u00d7": "*", "/": "/", "\u00f7": "/"}
_DIGIT = "0123456789"


class _Token(NamedTuple):
    jenis: str  # "angka", "nama", "op", "(", ")", "%" or "akhir"
    teks: str  # as written, for messages
    posisi: int
    nilai: Decimal | str | None = None  # the number, the variable code or the ASCII operator


def _huruf_nama(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_")


def _tokens(teks: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(teks):
        c = teks[i]
        if c.isspace():
            i += 1
        elif c in _DIGIT or c == ".":
            tokens.append(_baca_angka(teks, i))
            i += len(tokens[-1].teks)
        elif c.isascii() and (c.isalpha() or c == "_"):
            tokens.append(_baca_nama(teks, i))
            i += len(tokens[-1].teks)
        elif c in _OPERATOR:
            if c in "*/" and teks[i + 1 : i + 2] == c:
                raise RumusError(f"Operator '{c}{c}' tidak diizinkan pada posisi {i}", i)
            tokens.append(_Token("op", c, i, _OPERATOR[c]))
            i += 1
        elif c in "()%":
            tokens.append(_Token(c, c, i))
            i += 1
        else:
            raise RumusError(f"Karakter tidak dikenal {c!r} pada posisi {i}", i)
    tokens.append(_Token("akhir", "", len(teks)))
    return tokens


def _baca_angka(teks: str, awal: int) -> _Token:
    """Read ``100``, ``0.5``, ``3.`` or ``.5``; refuse ``1.2.3``, ``1e5`` and ``2a``."""
    akhir = awal
    while akhir < len(teks) and teks[akhir] in _DIGIT:
        akhir += 1
    if akhir < len(teks) and teks[akhir] == ".":
        akhir += 1
        while akhir < len(teks) and teks[akhir] in _DIGIT:
            akhir += 1
    angka = teks[awal:akhir]
    if angka == ".":
        raise RumusError(f"Titik '.' tanpa angka pada posisi {awal}", awal)
    if akhir < len(teks) and teks[akhir] == ".":
        raise RumusError(f"Angka '{angka}.' memakai lebih dari satu titik pada posisi {akhir}", akhir)
    if akhir < len(teks) and _huruf_nama(teks[akhir]):
        raise RumusError(
            f"Angka '{angka}' langsung diikuti '{teks[akhir]}' pada posisi {akhir}: tulis operator "
            "di antaranya (notasi eksponen seperti 1e5 tidak didukung)",
            akhir,
        )
    return _Token("angka", angka, awal, Decimal(angka))


def _baca_nama(teks: str, awal: int) -> _Token:
    akhir = awal
    while akhir < len(teks) and _huruf_nama(teks[akhir]):
        akhir += 1
    nama = teks[awal:akhir]
    if nama[0] == "_":
        raise RumusError(f"Nama variabel harus diawali huruf, bukan '_' pada posisi {awal}", awal)
    if nama != nama.lower():
        raise RumusError(
            f"Nama variabel '{nama}' pada posisi {awal} harus huruf kecil: tulis '{nama.lower()}'",
            awal,
        )
    if akhir < len(teks) and teks[akhir] == ".":
        raise RumusError(f"Akses atribut '{nama}.' tidak diizinkan pada posisi {akhir}", akhir)
    return _Token("nama", nama, awal, nama)


class _Parser:
    """Precedence climbing over the token list; left associative binary operators."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0

    @property
    def sekarang(self) -> _Token:
        return self.tokens[self.i]

    @property
    def sebelumnya(self) -> _Token | None:
        return self.tokens[self.i - 1] if self.i else None

    def rumus(self) -> Simpul:
        akar = self.ekspresi(1, 0)
        # A trailing "%" is only allowed as in "... * 100%", the way documents write percentages.
        if (
            self.sekarang.jenis == "%"
            and kali_seratus_persen(akar)
            and self.sebelumnya.jenis == "angka"
            and self.tokens[self.i + 1].jenis == "akhir"
        ):
            self.i += 1
        if self.sekarang.jenis != "akhir":
            raise self.salah_sesudah_nilai(self.sekarang)
        return akar

    def ekspresi(self, kuat_minimum: int, tingkat: int) -> Simpul:
        kiri = self.operand(tingkat)
        while (token := self.sekarang).jenis == "op" and KUAT_OPERATOR[token.nilai] >= kuat_minimum:
            self.i += 1
            kanan = self.ekspresi(KUAT_OPERATOR[token.nilai] + 1, tingkat)
            kiri = self.periksa(Operasi(token.nilai, kiri, kanan), token)
        return kiri

    def operand(self, tingkat: int) -> Simpul:
        token = self.sekarang
        if tingkat > MAKS_KEDALAMAN:
            raise self.terlalu_dalam(token)
        if token.jenis not in ("angka", "nama", "(") and token.nilai not in ("+", "-"):
            raise self.nilai_hilang(token)
        self.i += 1
        if token.jenis == "angka":
            return Angka(token.nilai)
        if token.jenis == "nama":
            if self.sekarang.jenis == "(":
                raise RumusError(
                    f"Pemanggilan fungsi '{token.teks}(...)' tidak diizinkan pada posisi {token.posisi}",
                    token.posisi,
                )
            return Variabel(token.nilai)
        if token.jenis == "(":
            isi = self.ekspresi(1, tingkat + 1)
            if self.sekarang.jenis == "akhir":
                raise RumusError(f"Kurung buka '(' pada posisi {token.posisi} tidak ditutup", token.posisi)
            if self.sekarang.jenis != ")":
                raise self.salah_sesudah_nilai(self.sekarang)
            self.i += 1
            return isi
        isi = self.operand(tingkat + 1)
        return isi if token.nilai == "+" else self.periksa(Negasi(isi), token)

    def periksa(self, simpul: Simpul, token: _Token) -> Simpul:
        if simpul.kedalaman > MAKS_KEDALAMAN:
            raise self.terlalu_dalam(token)
        return simpul

    @staticmethod
    def terlalu_dalam(token: _Token) -> RumusError:
        return RumusError(
            f"Rumus terlalu bertingkat (lebih dari {MAKS_KEDALAMAN} tingkat) pada posisi {token.posisi}",
            token.posisi,
        )

    def nilai_hilang(self, token: _Token) -> RumusError:
        """A value was expected at ``token``."""
        sebelum = self.sebelumnya
        if token.jenis == "%":
            return _persen_salah(token)
        if token.jenis == "op":
            return RumusError(
                f"Operator '{token.teks}' tidak didahului nilai pada posisi {token.posisi}",
                token.posisi,
            )
        if sebelum is None:
            if token.jenis == "akhir":
                return RumusError("Rumus kosong", 0)
            return RumusError(f"Kurung tutup ')' tidak ada pasangannya pada posisi {token.posisi}", token.posisi)
        if sebelum.jenis == "op":
            return RumusError(
                f"Operator '{sebelum.teks}' tidak diikuti nilai pada posisi {sebelum.posisi}",
                sebelum.posisi,
            )
        if token.jenis == "akhir":
            return RumusError(f"Kurung buka '(' pada posisi {sebelum.posisi} tidak ditutup", sebelum.posisi)
        return RumusError(f"Kurung '()' kosong pada posisi {sebelum.posisi}", sebelum.posisi)

    def salah_sesudah_nilai(self, token: _Token) -> RumusError:
        """``token`` follows a complete value but is neither an operator nor the expected end."""
        if token.jenis == ")":
            return RumusError(f"Kurung tutup ')' tidak ada pasangannya pada posisi {token.posisi}", token.posisi)
        if token.jenis == "%":
            return _persen_salah(token)
        return RumusError(
            f"Tidak ada operator di antara '{self.sebelumnya.teks}' dan '{token.teks}' pada posisi {token.posisi}",
            token.posisi,
        )


def _persen_salah(token: _Token) -> RumusError:
    return RumusError(
        f"Tanda '%' pada posisi {token.posisi} hanya boleh di akhir rumus, sesudah '* 100'",
        token.posisi,
    )


def parse(teks: object) -> Rumus:
    """Parse formula text; raises :class:`RumusError` (and nothing else) on any bad input."""
    if not isinstance(teks, str):
        raise RumusError(f"Rumus harus berupa teks, bukan {type(teks).__name__}")
    if len(teks) > MAKS_PANJANG:
        raise RumusError(f"Rumus terlalu panjang: {len(teks)} karakter (maksimum {MAKS_PANJANG})", MAKS_PANJANG)
    return _parse_teks(teks)


def ke_rumus(rumus: Rumus | str) -> Rumus:
    """``rumus`` itself, or the parsed text."""
    return rumus if isinstance(rumus, Rumus) else parse(rumus)


@lru_cache(maxsize=1024)
def _parse_teks(teks: str) -> Rumus:
    # Cached: callers evaluate the same few formula texts over and over.
    return Rumus(_Parser(_tokens(teks)).rumus())


def validate(teks: object, allowed_variables: Iterable[str] | None = None) -> list[str]:
    """Problems with a formula typed into a form, in Indonesian; empty when it is fine.

    A syntax error is the only problem reported when there is one; otherwise each variable not in
    ``allowed_variables`` is named, with the closest known code as a hint.
    """
    try:
        rumus = parse(teks)
    except RumusError as error:
        return [str(error)]
    if allowed_variables is None:
        return []
    dikenal = sorted(set(allowed_variables))
    masalah = []
    for nama in sorted(rumus.variables.difference(dikenal)):
        mirip = difflib.get_close_matches(nama, dikenal, n=1)
        saran = f"; mungkin maksudnya '{mirip[0]}'?" if mirip else ""
        masalah.append(f"Variabel '{nama}' tidak dikenal{saran}")
    return masalah
