"""Paper sizes offered for printed documents."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kertas:
    kode: str
    nama: str
    lebar_mm: int
    tinggi_mm: int


KERTAS: dict[str, Kertas] = {
    "a4": Kertas("a4", "A4 (210 × 297 mm)", 210, 297),
    # F4 ("folio") is what many Indonesian offices still file decrees on.
    "f4": Kertas("f4", "F4 (215 × 330 mm)", 215, 330),
}
KERTAS_BAWAAN = "a4"
