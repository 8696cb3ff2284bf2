"""A tiny PDF writer for tests: text lines and ruled tables in Helvetica, nothing else.

Enough for pdfplumber to find text and ruled tables, without a PDF library dependency. A table
cell holds text (lines split at ``\\n``), a :class:`Pecahan` (a fraction drawn as typeset
documents draw it) or a :class:`GarisBawah` (text with one word underlined).
"""

from dataclasses import dataclass, field

from pdfminer.fontmetrics import FONT_METRICS

LEBAR, TINGGI = 595.0, 842.0  # A4 in points
UKURAN_HURUF = 8.0
JARAK_BARIS = 10.0


def lebar_teks(teks: str) -> float:
    """Width in points of ``teks`` in Helvetica at :data:`UKURAN_HURUF`."""
    lebar = FONT_METRICS["Helvetica"][1]
    return sum(lebar.get(c, 556) for c in teks) * UKURAN_HURUF / 1000


@dataclass
class Pecahan:
    """Numerator lines centred over a bar, denominator lines centred under it, and text
    (``x 100 %``) right of the bar at the height of the numerator's last line."""

    atas: list[str]
    bawah: list[str]
    kanan: str = ""

    @property
    def jumlah_baris(self) -> int:
        return len(self.atas) + len(self.bawah)


@dataclass
class GarisBawah:
    """Lines of text with a rule under the first word of the first line."""

    baris: list[str]

    @property
    def jumlah_baris(self) -> int:
        return len(self.baris)


def _jumlah_baris(isi: "str | Pecahan | GarisBawah") -> int:
    return len(isi.split("\n")) if isinstance(isi, str) else isi.jumlah_baris


@dataclass
class Halaman:
    """Drawing operations of one page, laid out from the top down."""

    perintah: list[str] = field(default_factory=list)
    y: float = TINGGI - 50

    def teks(self, isi: str, x: float = 40.0) -> None:
        self.perintah.append(_teks(x, self.y, isi))
        self.y -= JARAK_BARIS + 4

    def kolom(self, *isi: tuple[float, str]) -> None:
        """One line of text pieces at the given x positions (an unruled table row)."""
        for x, teks in isi:
            self.perintah.append(_teks(x, self.y, teks))
        self.y -= JARAK_BARIS + 4

    def tabel(self, lebar_kolom: list[float], baris: list[list[str]], x: float = 30.0) -> None:
        """A ruled table; a cell's text may hold line breaks."""
        for sel in baris:
            tinggi = JARAK_BARIS * max(_jumlah_baris(s) for s in sel) + 6
            atas, bawah = self.y, self.y - tinggi
            self.perintah.append(_garis(x, atas, x + sum(lebar_kolom), atas))
            kiri = x
            for lebar, isi in zip(lebar_kolom, sel):
                if isinstance(isi, Pecahan):
                    self._pecahan(isi, kiri + 3, atas - 9)
                elif isinstance(isi, GarisBawah):
                    self._garis_bawah(isi, kiri + 3, atas - 9)
                else:
                    for k, potongan in enumerate(isi.split("\n")):
                        if potongan:
                            self.perintah.append(_teks(kiri + 3, atas - 9 - k * JARAK_BARIS, potongan))
                self.perintah.append(_garis(kiri, atas, kiri, bawah))
                kiri += lebar
            self.perintah.append(_garis(kiri, atas, kiri, bawah))
            self.perintah.append(_garis(x, bawah, kiri, bawah))
            self.y = bawah
        self.y -= 14

    def tulis_di(self, x: float, y: float, teks: str) -> None:
        """Text at a position (PDF coordinates: ``y`` is the baseline, from the bottom)."""
        self.perintah.append(_teks(x, y, teks))

    def garis_di(self, x0: float, y: float, x1: float) -> None:
        self.perintah.append(_garis(x0, y, x1, y))

    def _pecahan(self, p: Pecahan, x: float, y: float) -> None:
        lebar_bar = max(lebar_teks(t) for t in p.atas + p.bawah) + 4
        for k, t in enumerate(p.atas + p.bawah):
            self.perintah.append(_teks(x + (lebar_bar - lebar_teks(t)) / 2, y - k * JARAK_BARIS, t))
        y_bar = y - (len(p.atas) - 1) * JARAK_BARIS - 3
        self.perintah.append(_garis(x, y_bar, x + lebar_bar, y_bar))
        if p.kanan:
            self.perintah.append(_teks(x + lebar_bar + 4, y - (len(p.atas) - 1) * JARAK_BARIS, p.kanan))

    def _garis_bawah(self, g: GarisBawah, x: float, y: float) -> None:
        for k, t in enumerate(g.baris):
            self.perintah.append(_teks(x, y - k * JARAK_BARIS, t))
        kata = g.baris[0].split()[0]
        self.perintah.append(_garis(x, y - 2, x + lebar_teks(kata), y - 2))


def _lolos(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _teks(x: float, y: float, isi: str) -> str:
    return f"BT /F1 {UKURAN_HURUF} Tf {x:.1f} {y:.1f} Td ({_lolos(isi)}) Tj ET"


def _garis(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"0.5 w {x0:.1f} {y0:.1f} m {x1:.1f} {y1:.1f} l S"


def tulis_pdf(halaman: list[Halaman]) -> bytes:
    """The PDF file of ``halaman`` (text encoded as Windows-1252)."""
    objek: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    anak = []
    for h in halaman:
        isi = "\n".join(h.perintah).encode("cp1252")
        objek.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(isi), isi))
        objek.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (LEBAR, TINGGI, len(objek))
        )
        anak.append(f"{len(objek)} 0 R")
    objek[1] = f"<< /Type /Pages /Kids [{' '.join(anak)}] /Count {len(anak)} >>".encode()
    keluar = bytearray(b"%PDF-1.4\n")
    posisi = []
    for i, o in enumerate(objek, 1):
        posisi.append(len(keluar))
        keluar += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(keluar)
    keluar += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1)
    for p in posisi:
        keluar += b"%010d 00000 n \n" % p
    keluar += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objek) + 1, xref)
    return bytes(keluar)
