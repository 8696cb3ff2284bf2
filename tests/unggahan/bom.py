"""Small files that decompress or parse into something huge: the uploads the bounds exist for."""

import io
import zipfile

from openpyxl import Workbook

LEMBAR = "xl/worksheets/sheet1.xml"
_AWAL = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_AKHIR = "</sheetData></worksheet>"


def _bagian(nama: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(nama)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def xlsx_dengan_lembar(potongan, *, tambahan: dict[str, bytes] | None = None) -> bytes:
    """A valid workbook whose first sheet's XML is streamed from ``potongan`` (an iterable of str)."""
    asli = io.BytesIO()
    Workbook().save(asli)
    keluaran = io.BytesIO()
    with zipfile.ZipFile(asli) as sumber, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for info in sumber.infolist():
            if info.filename == LEMBAR:
                with tujuan.open(_bagian(LEMBAR), "w", force_zip64=True) as lembar:
                    lembar.write(_AWAL.encode())
                    for teks in potongan:
                        lembar.write(teks.encode())
                    lembar.write(_AKHIR.encode())
            else:
                tujuan.writestr(info, sumber.read(info.filename))
        for nama, isi in (tambahan or {}).items():
            tujuan.writestr(nama, isi)
    return keluaran.getvalue()


def bom_terurai(mb: int) -> bytes:
    """A sheet of ``mb`` MB of whitespace inside its XML: a few hundred KB on disk."""
    blok = " " * (1024 * 1024)
    return xlsx_dengan_lembar(blok for _ in range(mb))


def bom_baris(jumlah: int) -> bytes:
    """``jumlah`` one-cell rows: within every zip bound, refused by the row limit."""
    return xlsx_dengan_lembar(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, jumlah + 1))


def bom_baris_jauh() -> bytes:
    """One cell at the last row of a sheet: read as a million empty rows before it."""
    return xlsx_dengan_lembar(['<row r="1048576"><c r="A1048576"><v>1</v></c></row>'])


def bom_kolom() -> bytes:
    """One cell at the last column: a row a reader pads to 16,384 cells."""
    return xlsx_dengan_lembar(['<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>'])


def sel_panjang(panjang: int) -> bytes:
    return xlsx_dengan_lembar([f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * panjang}</t></is></c></row>'])


def banyak_bagian(jumlah: int) -> bytes:
    return xlsx_dengan_lembar([], tambahan={f"xl/media/gambar{n}.bin": b"" for n in range(jumlah)})


def rasio_tinggi() -> bytes:
    """2 MB of zeros in one part: under the total, over any honest compression ratio."""
    return xlsx_dengan_lembar([], tambahan={"xl/media/nol.bin": b"\0" * (2 * 1024 * 1024)})


def docx_bom(mb: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as arsip:
        arsip.writestr("[Content_Types].xml", "<Types/>")
        with arsip.open(_bagian("word/document.xml"), "w", force_zip64=True) as dokumen:
            for _ in range(mb):
                dokumen.write(b"<w:p/>" * (1024 * 1024 // 6))
    return buffer.getvalue()
