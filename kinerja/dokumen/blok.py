"""The intermediate representation every input format is turned into.

Text, DOCX and PDF readers all produce a flat list of :class:`Blok` in document order: a
paragraph (one line of text) or a table row (its cells). The structure reader works on that
list only, so one set of rules serves every format.
"""

from dataclasses import dataclass
from enum import Enum


class Jenis(Enum):
    PARAGRAF = "paragraf"
    BARIS_TABEL = "baris_tabel"
    # A rule between table rows that is known to end a row (grid tables, real Word rows):
    # the next row starts a new logical row even if it looks like a continuation.
    BATAS = "batas"


@dataclass(frozen=True, slots=True)
class Blok:
    """One paragraph or table row; ``baris`` is the 1-based line (or block) number, ``tempat`` its
    place as the user finds it ("halaman 3, tabel 1, baris 4"); empty means "baris <baris>"."""

    baris: int
    jenis: Jenis
    teks: str = ""
    sel: tuple[str, ...] = ()
    tempat: str = ""
    # Per cell: True where the cell is the continuation of a cell merged down from the row above
    # (known in Word files only); such a cell says "the same as above".
    gabung_atas: tuple[bool, ...] = ()

    @classmethod
    def paragraf(cls, baris: int, teks: str, tempat: str = "") -> "Blok":
        return cls(baris, Jenis.PARAGRAF, teks=teks, tempat=tempat)

    @classmethod
    def baris_tabel(
        cls, baris: int, sel: tuple[str, ...] | list[str], tempat: str = "", gabung_atas: tuple[bool, ...] = ()
    ) -> "Blok":
        return cls(baris, Jenis.BARIS_TABEL, sel=tuple(sel), tempat=tempat, gabung_atas=tuple(gabung_atas))

    @property
    def letak(self) -> str:
        """The place named in a warning."""
        return self.tempat or f"baris {self.baris}"

    @classmethod
    def batas(cls, baris: int) -> "Blok":
        return cls(baris, Jenis.BATAS)
