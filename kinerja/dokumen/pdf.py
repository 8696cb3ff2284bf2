"""Text-based PDF documents into :class:`Blok` rows, with pdfplumber.

Ruled tables found on a page become table rows (a merged cell's extra columns are empty);
the text outside them becomes lines in reading order, top to bottom. A line whose words are
separated by wide gaps is a row of an unruled table, one cell per gap — the same shape a
tab-separated text conversion has. Block numbers count these lines and rows from 1.
"""

import io

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from kinerja.dokumen.blok import Blok
from kinerja.dokumen.galat import DokumenError

# Words further apart than this (in points, about three characters) are in different cells.
_CELAH_SEL = 18.0
_TOLERANSI_BARIS = 3.0


def _galat(nama_file: str | None, pesan: str) -> DokumenError:
    return DokumenError(f"{nama_file}: {pesan}" if nama_file else pesan)


def pdf_ke_blok(data: bytes, nama_file: str | None = None) -> list[Blok]:
    """Blocks of a PDF; raises for corrupt, locked or text-less (scanned) files."""
    if not data.strip():
        raise _galat(nama_file, "berkas kosong.")
    baris: list[list[str] | str] = []  # table rows (cells) and text lines, in reading order
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for halaman in pdf.pages:
                baris.extend(_halaman(halaman))
    except PDFPasswordIncorrect:
        raise _galat(nama_file, "PDF terkunci dengan kata sandi.") from None
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, PDFPasswordIncorrect):
            raise _galat(nama_file, "PDF terkunci dengan kata sandi.") from None
        raise _galat(nama_file, "berkas PDF rusak dan tidak dapat dibaca.") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise _galat(nama_file, "berkas PDF rusak dan tidak dapat dibaca.") from None
    if not baris:
        raise _galat(nama_file, "PDF tidak berisi teks (hasil pindaian?); jalankan OCR lebih dulu.")
    return [Blok.baris_tabel(nomor, b) if isinstance(b, list) else Blok.paragraf(nomor, b)
            for nomor, b in enumerate(baris, 1)]


def _halaman(halaman: "pdfplumber.page.Page") -> list[list[str] | str]:
    """The page's table rows and text lines, ordered top to bottom."""
    tabel = halaman.find_tables()
    kotak = [t.bbox for t in tabel]
    urutan: list[tuple[float, int, list[str] | str]] = []
    for t in tabel:
        for k, baris in enumerate(t.extract()):
            sel = [(s or "").strip() for s in baris]
            if any(sel):
                urutan.append((t.bbox[1], k, sel))

    def di_luar_tabel(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in kotak)

    luar = halaman.filter(di_luar_tabel) if kotak else halaman
    for atas, potongan in _baris_kata(luar.extract_words(keep_blank_chars=False, use_text_flow=False)):
        urutan.append((atas, 0, potongan if len(potongan) > 1 else potongan[0]))
    urutan.sort(key=lambda u: (u[0], u[1]))
    return [isi for _, _, isi in urutan]


def _baris_kata(kata: list[dict]) -> list[tuple[float, list[str]]]:
    """Words grouped into lines by their top, each line split into cells at wide gaps."""
    baris: list[list[dict]] = []
    for k in sorted(kata, key=lambda k: (round(k["top"]), k["x0"])):
        if baris and abs(baris[-1][0]["top"] - k["top"]) <= _TOLERANSI_BARIS:
            baris[-1].append(k)
        else:
            baris.append([k])
    hasil = []
    for b in baris:
        b.sort(key=lambda k: k["x0"])
        sel = [b[0]["text"]]
        for kiri, kanan in zip(b, b[1:]):
            if kanan["x0"] - kiri["x1"] > _CELAH_SEL:
                sel.append(kanan["text"])
            else:
                sel[-1] += " " + kanan["text"]
        hasil.append((b[0]["top"], sel))
    return hasil
