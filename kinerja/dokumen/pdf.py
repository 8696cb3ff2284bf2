"""Text-based PDF documents into :class:`Blok` rows, with pdfplumber.

Ruled tables found on a page become table rows (a merged cell's extra columns are empty);
the text outside them becomes lines in reading order, top to bottom. A line whose words are
separated by wide gaps is a row of an unruled table, one cell per gap — the same shape a
tab-separated text conversion has. Block numbers count these lines and rows from 1.

A horizontal rule inside a cell with lines of text centred above and below it is a fraction
bar (an equation, or a numerator underlined over its denominator): that part of the cell is
written ``\\frac{numerator}{denominator}``, so the formula reader keeps the grouping the bar
gives, which the lines alone lose.
"""

import io
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from kinerja.dokumen import galat as pesan
from kinerja.dokumen.blok import Blok
from kinerja.dokumen.galat import galat
from kinerja.dokumen.kolom import kenali_judul, peran_kolom
from kinerja.dokumen.markup import ada_penanda_daftar

# Words further apart than this (in points, about three characters) are in different cells.
_CELAH_SEL = 18.0
_TOLERANSI_BARIS = 3.0
# A rule shorter than this (in points) is a dash or a stray mark, not a fraction bar.
_GARIS_MIN = 8.0


def pdf_ke_blok(data: bytes, nama_file: str | None = None) -> list[Blok]:
    """Blocks of a PDF; raises for corrupt, locked or text-less (scanned) files."""
    if not data.strip():
        raise galat(nama_file, pesan.KOSONG)
    baris: list[tuple[list[str] | str, str]] = []  # table rows (cells) and text lines with their place
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for nomor_halaman, halaman in enumerate(pdf.pages, 1):
                baris.extend(_halaman(halaman, nomor_halaman))
    except PDFPasswordIncorrect:
        raise galat(nama_file, pesan.PDF_BERSANDI) from None
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, PDFPasswordIncorrect):
            raise galat(nama_file, pesan.PDF_BERSANDI) from None
        raise galat(nama_file, pesan.PDF_RUSAK) from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise galat(nama_file, pesan.PDF_RUSAK) from None
    if not baris:
        raise galat(nama_file, pesan.PDF_PINDAIAN)
    return [
        Blok.baris_tabel(nomor, b, tempat) if isinstance(b, list) else Blok.paragraf(nomor, b, tempat)
        for nomor, (b, tempat) in enumerate(baris, 1)
    ]


def _halaman(halaman: "pdfplumber.page.Page", nomor_halaman: int) -> list[tuple[list[str] | str, str]]:
    """The page's table rows and text lines, ordered top to bottom, each with its place: table and
    row for a ruled table, the line of the page for text and unruled rows."""
    tabel = halaman.find_tables()
    kotak = [t.bbox for t in tabel]
    garis = _garis_mendatar(halaman) if tabel else []
    kata_halaman: list[_Kata] | None = None
    urutan: list[tuple[float, int, list[str] | str, str]] = []
    for nomor_tabel, t in enumerate(sorted(tabel, key=lambda t: (t.bbox[1], t.bbox[0])), 1):
        for k, (baris, baris_kotak) in enumerate(zip(t.extract(), t.rows)):
            sel = []
            for teks, kotak_sel in zip(baris, baris_kotak.cells):
                bar = [g for g in garis if kotak_sel is not None and g.di_dalam(kotak_sel)]
                if bar:
                    if kata_halaman is None:
                        kata_halaman = [_Kata.dari(k) for k in halaman.extract_words(keep_blank_chars=False)]
                    teks = _teks_sel_berpecahan([k for k in kata_halaman if k.di_dalam(kotak_sel)], bar)
                sel.append((teks or "").strip())
            if any(sel):
                urutan.append((t.bbox[1], k, sel, f"halaman {nomor_halaman}, tabel {nomor_tabel}, baris {k + 1}"))

    def di_luar_tabel(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in kotak)

    luar = halaman.filter(di_luar_tabel) if kotak else halaman
    for nomor_baris, (atas, potongan) in enumerate(
        _baris_kata(luar.extract_words(keep_blank_chars=False, use_text_flow=False)), 1
    ):
        urutan.append(
            (atas, 0, potongan if len(potongan) > 1 else potongan[0], f"halaman {nomor_halaman}, baris {nomor_baris}")
        )
    urutan.sort(key=lambda u: (u[0], u[1]))
    return [(isi, tempat) for _, _, isi, tempat in urutan]


def _baris_kata(kata: list[dict]) -> list[tuple[float, list[str]]]:
    """Words grouped into lines by their top, each line split into cells at wide gaps.

    A line of one piece that starts where the last cell of the line right above starts is that
    cell wrapped (``2. TUGAS : Memimpin … yang dilimpahkan`` / ``Bupati di wilayah …``): it is
    joined to it, on a line of its own when it starts a list item.
    """
    baris: list[list[dict]] = []
    for k in sorted(kata, key=lambda k: (round(k["top"]), k["x0"])):
        if baris and abs(baris[-1][0]["top"] - k["top"]) <= _TOLERANSI_BARIS:
            baris[-1].append(k)
        else:
            baris.append([k])
    hasil: list[tuple[float, list[str]]] = []
    sebelumnya: tuple[float, float] | None = None  # (bottom, x0 of the last cell) of a line of cells
    jangkar: list[float] | None = None  # where each column of the unruled IKI table above starts
    for b in baris:
        b.sort(key=lambda k: k["x0"])
        judul = _judul_tanpa_garis(b)
        if judul is not None:
            jangkar = [x for x, _ in judul]
            hasil.append((b[0]["top"], [t for _, t in judul]))
            sebelumnya = None
            continue
        if jangkar is not None:
            kolom = _ke_kolom(b, jangkar)
            if kolom is not None:
                hasil.append((b[0]["top"], kolom))
                sebelumnya = None
                continue
            jangkar = None  # a line across the columns: the table has ended
        sel = [b[0]["text"]]
        awal_sel = [b[0]["x0"]]  # where the last cell's text starts (after a leading colon)
        for kiri, kanan in zip(b, b[1:]):
            if kanan["x0"] - kiri["x1"] > _CELAH_SEL:
                sel.append(kanan["text"])
                awal_sel.append(kanan["x0"])
            else:
                if sel[-1] in (":", "："):
                    awal_sel[-1] = kanan["x0"]
                sel[-1] += " " + kanan["text"]
        atas, bawah = b[0]["top"], max(k["bottom"] for k in b)
        if (
            len(sel) == 1
            and sebelumnya is not None
            and abs(awal_sel[0] - sebelumnya[1]) <= 2
            and atas - sebelumnya[0] <= 0.8 * (bawah - atas)
        ):
            sel_atas = hasil[-1][1]
            sel_atas[-1] += ("\n" if ada_penanda_daftar(sel[0]) else " ") + sel[0]
            sebelumnya = (bawah, sebelumnya[1])
            continue
        sebelumnya = (bawah, awal_sel[-1]) if len(sel) > 1 else None
        hasil.append((atas, sel))
    return hasil


def _potong_kata(b: list[dict], celah: float) -> list[tuple[float, str]]:
    """The words of a line joined into pieces wherever the gap is at most ``celah``: (x0, text)."""
    potongan = [(b[0]["x0"], b[0]["text"])]
    for kiri, kanan in zip(b, b[1:]):
        if kanan["x0"] - kiri["x1"] > celah:
            potongan.append((kanan["x0"], kanan["text"]))
        else:
            potongan[-1] = (potongan[-1][0], f"{potongan[-1][1]} {kanan['text']}")
    return potongan


def _celah_kolom(k: dict) -> float:
    """A gap wider than a word space (about a quarter of the text height) at this text size."""
    return max(3.0, 0.45 * (k["bottom"] - k["top"]))


def _judul_tanpa_garis(b: list[dict]) -> list[tuple[float, str]] | None:
    """The header of an unruled IKI table — its cells and where each starts — or None. Header
    cells are split at any gap wider than a word space, as narrow columns (NO) sit close; but a
    header has wide gaps between some columns, which a justified line of prose has not."""
    if len(b) < 3 or len(_potong_kata(b, _CELAH_SEL)) < 2:
        return None
    potongan = _potong_kata(b, _celah_kolom(b[0]))
    teks = [t for _, t in potongan]
    if not 3 <= len(potongan) <= 12 or kenali_judul(teks) is None:
        return None
    # Most cells of a header name a column; a justified sentence that mentions "Indikator Kinerja"
    # is mostly other words.
    if 5 * sum(1 for t in teks if peran_kolom(t) is not None) < 3 * len(teks):
        return None
    return potongan


def _ke_kolom(b: list[dict], jangkar: list[float]) -> list[str] | None:
    """A line of an unruled table as one cell per column, each word in the column it starts in;
    None when the line is not a row of that table (it starts left of it, or runs across a column
    boundary without the gap that separates cells)."""
    sel = [""] * len(jangkar)
    sebelumnya: tuple[int, dict] | None = None
    for k in b:
        if k["x0"] + 3 < jangkar[0]:
            return None
        j = max(i for i, x in enumerate(jangkar) if x <= k["x0"] + 3)
        if sebelumnya is not None and sebelumnya[0] != j and k["x0"] - sebelumnya[1]["x1"] <= _celah_kolom(k):
            return None
        sel[j] = f"{sel[j]} {k['text']}".strip()
        sebelumnya = (j, k)
    return sel


# --- fraction bars inside table cells -------------------------------------------------------


@dataclass(frozen=True)
class _Garis:
    x0: float
    x1: float
    y: float

    def di_dalam(self, kotak: tuple[float, float, float, float]) -> bool:
        """Strictly inside the cell: not one of its borders, nor a border of a neighbour."""
        x0, atas, x1, bawah = kotak
        return x0 + 1 < self.x0 and self.x1 < x1 - 1 and atas + 2 < self.y < bawah - 2


@dataclass(frozen=True)
class _Kata:
    x0: float
    x1: float
    atas: float
    bawah: float
    teks: str

    @classmethod
    def dari(cls, k: dict) -> "_Kata":
        # Braces would end a \frac group early; in text they are brackets anyway.
        return cls(k["x0"], k["x1"], k["top"], k["bottom"], k["text"].replace("{", "(").replace("}", ")"))

    @property
    def tengah_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def tengah_y(self) -> float:
        return (self.atas + self.bawah) / 2

    @property
    def tinggi(self) -> float:
        return self.bawah - self.atas

    def di_dalam(self, kotak: tuple[float, float, float, float]) -> bool:
        x0, atas, x1, bawah = kotak
        return x0 <= self.tengah_x <= x1 and atas <= self.tengah_y <= bawah


def _garis_mendatar(halaman: "pdfplumber.page.Page") -> list[_Garis]:
    """Horizontal rules of the page; the two edges of a thin filled rectangle are one rule."""
    hasil: list[_Garis] = []
    for e in sorted(
        (e for e in halaman.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= _GARIS_MIN),
        key=lambda e: (e["top"], e["x0"]),
    ):
        g = _Garis(e["x0"], e["x1"], e["top"])
        if hasil and abs(hasil[-1].y - g.y) < 1.5 and g.x0 < hasil[-1].x1 and hasil[-1].x0 < g.x1:
            continue
        hasil.append(g)
    return hasil


def _baris_kata_sel(kata: list[_Kata]) -> list[list[_Kata]]:
    """Words grouped into lines by their vertical centre, top to bottom, each left to right."""
    baris: list[list[_Kata]] = []
    for k in sorted(kata, key=lambda k: k.tengah_y):
        if baris and any(_sebaris(k, lain) for lain in baris[-1]):
            baris[-1].append(k)
        else:
            baris.append([k])
    return [sorted(b, key=lambda k: k.x0) for b in baris]


def _sebaris(a: _Kata, b: _Kata) -> bool:
    """On one line: equal centres, or one's centre within the other's height when that is a
    whole fraction ("× 100%" beside it, at the height of its bar)."""
    if abs(a.tengah_y - b.tengah_y) <= max(2.0, 0.4 * min(a.tinggi, b.tinggi)):
        return True
    tinggi, pendek = (a, b) if a.tinggi > b.tinggi else (b, a)
    return tinggi.tinggi > 2 * pendek.tinggi and tinggi.atas < pendek.tengah_y < tinggi.bawah


def _ke_teks(kata: list[_Kata]) -> str:
    return "\n".join(" ".join(k.teks for k in b) for b in _baris_kata_sel(kata))


def _baris_bertumpuk(baris: list[list[_Kata]], y: float, ke_atas: bool) -> list[list[_Kata]]:
    """The lines stacked right against the rule at ``y``, going up (or down) while the gap
    between lines stays under a line's height."""
    urut = sorted(baris, key=lambda b: -b[0].bawah if ke_atas else b[0].atas)
    hasil: list[list[_Kata]] = []
    tepi = y
    for b in urut:
        atas, bawah = min(k.atas for k in b), max(k.bawah for k in b)
        tinggi = max(k.tinggi for k in b)
        jarak = tepi - bawah if ke_atas else atas - tepi
        if jarak < -1.5 or jarak > 0.9 * tinggi:
            break
        hasil.append(b)
        tepi = atas if ke_atas else bawah
    return hasil


def _melewati(y: float, g: _Garis, kata: list[_Kata], kanan: bool = True) -> bool:
    """Whether the line at height ``y`` has words left of the rule ``g`` (or right of it)."""
    return any(abs(k.tengah_y - y) <= 0.4 * k.tinggi and (k.x0 < g.x0 - 2 or kanan and k.x1 > g.x1 + 2) for k in kata)


def _teks_sel_berpecahan(kata: list[_Kata], garis: list[_Garis]) -> str:
    """The cell's text with each fraction bar read as ``\\frac{…}{…}``; the widest bar first, so a
    fraction inside a numerator or denominator is read with it."""
    garis = sorted(garis, key=lambda g: g.x1 - g.x0, reverse=True)
    for i, g in enumerate(garis):
        dalam = [k for k in kata if g.x0 - 1 <= k.tengah_x <= g.x1 + 1]
        atas = _baris_bertumpuk(_baris_kata_sel([k for k in dalam if k.tengah_y < g.y]), g.y, ke_atas=True)
        bawah = _baris_bertumpuk(_baris_kata_sel([k for k in dalam if k.tengah_y > g.y]), g.y, ke_atas=False)
        if not atas or not bawah:
            continue
        # A fraction's lines are centred over its bar: text left of the rule on the line above,
        # or running past it on the line below, makes it an underline within a paragraph.
        # ("× 100%" may stand right of the bar, as high as the numerator's last line.)
        if _melewati(atas[0][0].tengah_y, g, kata, kanan=False) or _melewati(bawah[0][0].tengah_y, g, kata):
            continue
        pembilang = [k for b in atas for k in b]
        penyebut = [k for b in bawah for k in b]
        puncak, dasar = min(k.atas for k in pembilang), max(k.bawah for k in penyebut)
        lain = garis[:i] + garis[i + 1 :]

        def di_bawah_bar(h: _Garis, lo: float, hi: float) -> bool:
            return g.x0 - 1 <= h.x0 and h.x1 <= g.x1 + 1 and lo < h.y < hi

        atas_teks = _satu_baris(pembilang, [h for h in lain if di_bawah_bar(h, puncak, g.y)])
        bawah_teks = _satu_baris(penyebut, [h for h in lain if di_bawah_bar(h, g.y, dasar)])
        pecahan = _Kata(g.x0, g.x1, puncak, dasar, f"\\frac{{{atas_teks}}}{{{bawah_teks}}}")
        terpakai = set(map(id, pembilang + penyebut))
        return _teks_sel_berpecahan(
            [k for k in kata if id(k) not in terpakai] + [pecahan],
            [h for h in lain if not di_bawah_bar(h, puncak, dasar)],
        )
    return _ke_teks(kata)


def _satu_baris(kata: list[_Kata], garis: list[_Garis]) -> str:
    """A numerator or denominator as one line (a fraction inside it read as well)."""
    return " ".join((_teks_sel_berpecahan(kata, garis) if garis else _ke_teks(kata)).split())
