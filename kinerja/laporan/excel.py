"""Excel workbooks of the catalogue, the measurement tables and the kabupaten recap (openpyxl).

Ready to print and to compute with: numbers are stored as numbers (never formulas, never text)
with number formats that Excel shows in the reader's locale (85,71 on an Indonesian Windows),
columns sized and wrapped, the header frozen and repeated on every printed page, landscape and
fitted to the page width, and an autofilter on the header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kinerja.sel_aman import simpan_buku

from .isi import DokumenIKIData, PengukuranData, RekapData
from .kertas import Kertas

FORMAT_DESIMAL = "#,##0.00"
FORMAT_BULAT = "#,##0"
# Excel's paper codes: 9 is A4, 14 is Folio (8.5 × 13 in, 216 × 330 mm), which is what F4 prints on.
KODE_KERTAS = {"a4": 9, "f4": 14}

_GARIS = Side(style="thin", color="000000")
_BINGKAI = Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS)
_ARSIR_KEPALA = PatternFill("solid", fgColor="E8E8E8")
_ATAS_BUNGKUS = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Kolom:
    judul: str
    lebar: float  # in Excel's character widths
    format: str | None = None  # number format; None for text


class Lembar:
    """One worksheet: title lines, a header row, data rows, print settings."""

    def __init__(self, ws, judul: Sequence[str], kolom: Sequence[Kolom], kertas: Kertas):
        self.ws, self.kolom = ws, list(kolom)
        for baris, teks in enumerate(judul, 1):
            sel = ws.cell(row=baris, column=1, value=teks)
            sel.font = Font(bold=True, size=12 if baris == 1 else 11)
            ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=len(self.kolom))
        self.baris_kepala = len(judul) + 2
        for nomor, k in enumerate(self.kolom, 1):
            sel = ws.cell(row=self.baris_kepala, column=nomor, value=k.judul)
            sel.font, sel.fill, sel.border = Font(bold=True), _ARSIR_KEPALA, _BINGKAI
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(nomor)].width = k.lebar
        ws.freeze_panes = ws.cell(row=self.baris_kepala + 1, column=1)
        ws.print_title_rows = f"{self.baris_kepala}:{self.baris_kepala}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = KODE_KERTAS[kertas.kode]
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddFooter.center.text = "Halaman &P dari &N"
        self.baris_berikut = self.baris_kepala + 1

    def tambah(self, nilai: Sequence) -> None:
        for nomor, (k, v) in enumerate(zip(self.kolom, nilai), 1):
            sel = self.ws.cell(row=self.baris_berikut, column=nomor, value=v)
            sel.border, sel.alignment = _BINGKAI, _ATAS_BUNGKUS
            if k.format:
                sel.number_format = k.format
        self.baris_berikut += 1

    def selesai(self) -> None:
        akhir = max(self.baris_berikut - 1, self.baris_kepala)
        self.ws.auto_filter.ref = f"A{self.baris_kepala}:{get_column_letter(len(self.kolom))}{akhir}"


def _simpan(wb: Workbook) -> bytes:
    return simpan_buku(wb)  # text that looks like a formula stays text


def katalog_xlsx(d: DokumenIKIData, kertas: Kertas) -> bytes:
    """The catalogue: one row per indicator with its formula and targets, and a sheet of variables."""
    wb = Workbook()
    status = "draf, belum ditetapkan" if d.draft else f"Keputusan {d.kepala} Nomor {d.nomor_sk_teks}"
    judul = [f"Indikator Kinerja Individu {d.instansi} {d.pemda} Tahun {d.tahun}", f"Revisi {d.revisi} — {status}"]
    ada_tw = any(j.ada_target_triwulan for j in d.jabatan)
    kolom = [
        Kolom("No", 5, FORMAT_BULAT),
        Kolom("Jabatan", 26),
        Kolom("Sasaran / Kinerja Utama", 32),
        Kolom("Indikator Kinerja", 36),
        Kolom("Penjelasan / Formulasi Penghitungan", 48),
        Kolom("Rumus", 30),
        Kolom("Satuan", 9),
        Kolom("Polaritas", 10),
        Kolom("Target", 11, FORMAT_DESIMAL),
        Kolom("Target (batas atas)", 11, FORMAT_DESIMAL),
    ]
    if ada_tw:
        kolom += [Kolom(f"Target TW {r}", 10, FORMAT_DESIMAL) for r in ("I", "II", "III", "IV")]
    kolom.append(Kolom("Sumber Data", 24))
    ws = wb.active
    ws.title = "Katalog IKI"
    lembar = Lembar(ws, judul, kolom, kertas)
    nomor = 0
    for j in d.jabatan:
        for s in j.sasaran:
            for i in s.indikator:
                nomor += 1
                baris = [
                    nomor,
                    j.nama_lengkap,
                    s.uraian,
                    i.nama,
                    i.rumus_teks,
                    str(i.rumus) if i.rumus else None,
                    i.satuan,
                    i.polaritas,
                    i.target,
                    i.target_hi,
                ]
                if ada_tw:
                    baris += [i.target_triwulan.get(p) for p in ("TW1", "TW2", "TW3", "TW4")]
                lembar.tambah([*baris, i.sumber_data])
    lembar.selesai()

    variabel = Lembar(
        wb.create_sheet("Variabel"),
        judul,
        [
            Kolom("Jabatan", 26),
            Kolom("Indikator Kinerja", 36),
            Kolom("Kode", 22),
            Kolom("Uraian", 48),
            Kolom("Agregasi", 14),
            Kolom("Nilai tetap", 12, FORMAT_DESIMAL),
            Kolom("Konstanta", 22),
        ],
        kertas,
    )
    for j in d.jabatan:
        for s in j.sasaran:
            for i in s.indikator:
                for v in i.variabel:
                    variabel.tambah(
                        [j.nama_lengkap, i.nama, v.kode, v.uraian, v.agregasi, v.nilai_tetap, v.konstanta or None]
                    )
    variabel.selesai()
    return _simpan(wb)


def pengukuran_xlsx(d: PengukuranData, kertas: Kertas) -> bytes:
    """The measurement table of an instansi: one row per indicator."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pengukuran Kinerja"
    lembar = Lembar(
        ws,
        [
            f"Pengukuran Kinerja {d.instansi} {d.pemda} Tahun {d.tahun}",
            f"Periode: {d.periode_label}; kategori menurut skala {d.skala}",
        ],
        [
            Kolom("Jabatan", 26),
            Kolom("Sasaran", 32),
            Kolom("No", 5, FORMAT_BULAT),
            Kolom("Indikator Kinerja", 40),
            Kolom("Satuan", 9),
            Kolom("Target", 11, FORMAT_DESIMAL),
            Kolom("Target (batas atas)", 11, FORMAT_DESIMAL),
            Kolom("Realisasi", 12, FORMAT_DESIMAL),
            Kolom("Capaian (%)", 12, FORMAT_DESIMAL),
            Kolom("Kategori", 14),
            Kolom(f"Realisasi {d.tahun - 1}", 12, FORMAT_DESIMAL),
            Kolom(f"Capaian {d.tahun - 1} (%)", 12, FORMAT_DESIMAL),
            Kolom("Target akhir Renstra", 12, FORMAT_DESIMAL),
            Kolom("Target akhir Renstra (batas atas)", 12, FORMAT_DESIMAL),
            Kolom("Tahun akhir Renstra", 10, "0"),
            Kolom("Capaian terhadap Renstra (%)", 13, FORMAT_DESIMAL),
            Kolom("Data lengkap", 9),
            Kolom("Keterangan", 40),
        ],
        kertas,
    )
    for jabatan, sasaran, b in d.semua_baris:
        lembar.tambah(
            [
                jabatan,
                sasaran,
                b.nomor,
                b.nama,
                b.satuan,
                b.target,
                b.target_hi if b.target_hi != b.target else None,
                b.realisasi,
                b.capaian,
                b.kategori,
                b.realisasi_tahun_lalu,
                b.capaian_tahun_lalu,
                b.target_renstra,
                b.target_renstra_hi if b.target_renstra_hi != b.target_renstra else None,
                b.tahun_akhir_renstra,
                b.capaian_renstra,
                "ya" if b.lengkap else "belum",
                b.alasan,
            ]
        )
    lembar.selesai()
    return _simpan(wb)


def rekap_xlsx(d: RekapData, kertas: Kertas) -> bytes:
    """The kabupaten recap: one row per kecamatan, best mean capaian first."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekapitulasi"
    lembar = Lembar(
        ws,
        [
            f"Rekapitulasi Capaian Kinerja Kecamatan {d.pemda} Tahun {d.tahun}",
            f"Periode: {d.periode_label}; kategori menurut skala {d.skala}",
        ],
        [
            Kolom("Peringkat", 10, FORMAT_BULAT),
            Kolom("Kecamatan", 28),
            Kolom("Jumlah indikator", 11, FORMAT_BULAT),
            Kolom("Dapat dinilai", 11, FORMAT_BULAT),
            Kolom("Rata-rata capaian (%)", 13, FORMAT_DESIMAL),
            Kolom("Kategori", 14),
            Kolom("Kelengkapan data (%)", 13, FORMAT_DESIMAL),
        ]
        + [Kolom(label, 11, FORMAT_BULAT) for label in d.label_kategori],
        kertas,
    )
    for b in d.baris:
        lembar.tambah(
            [
                b.peringkat,
                b.instansi,
                b.jumlah_indikator,
                b.jumlah_dinilai,
                b.rata_capaian,
                b.kategori,
                b.kelengkapan,
                *b.per_kategori.values(),
            ]
        )
    lembar.selesai()
    return _simpan(wb)
