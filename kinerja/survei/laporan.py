"""The SKM result report: one assembly (:func:`susun_laporan`) read by the web page, the PDF
(WeasyPrint) and the XLSX (openpyxl), so the three always show the same numbers.

Displayed precision follows the usual SKM report: NRR with 2 decimals, NRR tertimbang and the
1–4 index with 3, the IKM unit pelayanan with 2 (all rounded half up, only for display).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kinerja.format import format_angka, format_tanggal
from kinerja.ikm import SEMUA, HasilIKM, Unsur, ambil_regulasi
from kinerja.sel_aman import simpan_buku

from .grafik import grafik_nrr
from .layanan import hasil_per_layanan, jawaban_survei
from .models import Responden, Survei
from .profil import Kelompok, hitung_profil

DESIMAL_NRR = 2
DESIMAL_TERTIMBANG = 3
DESIMAL_IKM = 2
JUMLAH_PRIORITAS = 3


def bulatkan(nilai: Decimal | None, desimal: int) -> Decimal | None:
    return None if nilai is None else nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class BarisUnsur:
    unsur: Unsur
    responden: int
    nrr: Decimal | None
    nrr_tertimbang: Decimal | None
    prioritas: int | None  # 1 = the weakest unsur


@dataclass(frozen=True)
class LaporanSKM:
    survei: Survei
    hasil: HasilIKM
    baris: list[BarisUnsur]
    per_layanan: dict[str, HasilIKM]  # without the overall result; empty when no jenis layanan was given
    profil: dict[str, list[Kelompok]]
    grafik: str

    @property
    def prioritas(self) -> list[BarisUnsur]:
        return sorted((b for b in self.baris if b.prioritas), key=lambda b: b.prioritas)

    @property
    def nama_regulasi(self) -> str:
        return ambil_regulasi(self.survei.regulasi).nama


def susun_laporan(survei: Survei) -> LaporanSKM:
    """Everything the report shows. Raises :class:`~kinerja.ikm.IKMError` without respondents."""
    semua = hasil_per_layanan(survei)
    hasil = semua.pop(SEMUA)
    urutan_lemah = {kode: i for i, kode in enumerate(hasil.unsur_terlemah(JUMLAH_PRIORITAS), start=1)}
    baris = [
        BarisUnsur(
            unsur=unsur,
            responden=hasil.responden_per_unsur[unsur.kode],
            nrr=hasil.nrr[unsur.kode],
            nrr_tertimbang=hasil.nrr_tertimbang[unsur.kode],
            prioritas=urutan_lemah.get(unsur.kode),
        )
        for unsur in ambil_regulasi(survei.regulasi).unsur
    ]
    return LaporanSKM(
        survei=survei,
        hasil=hasil,
        baris=baris,
        per_layanan=semua,
        profil=hitung_profil(jawaban_survei(survei)),
        grafik=grafik_nrr(hasil, JUMLAH_PRIORITAS),
    )


def nama_berkas(survei: Survei, ekstensi: str) -> str:
    wilayah = survei.instansi.nama_wilayah.replace(" ", "_")
    return f"SKM_{wilayah}_{survei.tahun}_{survei.periode}.{ekstensi}"


# --- PDF ---------------------------------------------------------------------------------------


def penandatangan(laporan: LaporanSKM, pada: date | None = None):
    """The head of the instansi (the Camat) who signs the report, as of ``pada`` (today by default)."""
    from kinerja.laporan.isi import kepala_instansi, pejabat_dari_pegawai, sebutan_kepala

    instansi = laporan.survei.instansi
    puncak = kepala_instansi(instansi)
    return pejabat_dari_pegawai(
        sebutan_kepala(instansi), puncak.pemegang(pada or timezone.localdate()) if puncak else None
    )


def tempat_tanggal(laporan: LaporanSKM, pada: date | None = None) -> str:
    return f"{laporan.survei.instansi.nama_wilayah}, {format_tanggal(pada or timezone.localdate())}"


def laporan_pdf(laporan: LaporanSKM) -> bytes:
    """The report as the other official documents print: the shipped typeface, the instansi's kop surat
    above and the head's signature below."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    from kinerja.laporan.huruf import HURUF_PDF, css_font_face
    from kinerja.laporan.kop import kop_instansi

    html = render_to_string(
        "survei/laporan_pdf.html",
        {
            "laporan": laporan,
            "dicetak": format_tanggal(timezone.localdate()),
            "huruf_css": mark_safe(css_font_face()),
            "huruf": HURUF_PDF,
            "kop": kop_instansi(laporan.survei.instansi),
            "pejabat": penandatangan(laporan),
            "tempat_tanggal": tempat_tanggal(laporan),
        },
    )
    return HTML(string=html).write_pdf()


def laporan_docx(laporan: LaporanSKM) -> bytes:
    """The report in Word: kop, the IKM, the table of unsur with the weakest marked, the signature."""
    from kinerja.laporan.kertas import KERTAS, KERTAS_BAWAAN
    from kinerja.laporan.kop import kop_instansi
    from kinerja.laporan.word import Penyusun, tulis_kop

    survei, hasil = laporan.survei, laporan.hasil
    w = Penyusun(KERTAS[KERTAS_BAWAAN])
    tulis_kop(w, kop_instansi(survei.instansi))
    w.judul(
        ["LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", f"{survei.instansi.nama} — {survei.label_periode} {survei.tahun}"],
        ukuran=13,
        sesudah=4,
    )
    w.judul(f"{laporan.nama_regulasi} · {hasil.jumlah_responden} responden", ukuran=10, tebal=False)
    w.paragraf(
        f"Nilai IKM: {format_angka(bulatkan(hasil.nilai, DESIMAL_IKM))} — mutu {hasil.mutu} ({hasil.kinerja})",
        inden=False,
        tebal=True,
    )
    lebar = [w.lebar_teks_mm * f for f in (0.06, 0.09, 0.45, 0.12, 0.10, 0.18)]
    tabel = w.tabel_data(["No", "Kode", "Unsur pelayanan", "Responden", "NRR", "NRR tertimbang"], lebar)
    for nomor, satu in enumerate(laporan.baris, start=1):
        w.baris_data(
            tabel,
            [
                str(nomor),
                satu.unsur.kode,
                satu.unsur.nama,
                str(satu.responden),
                format_angka(bulatkan(satu.nrr, DESIMAL_NRR)),
                format_angka(bulatkan(satu.nrr_tertimbang, DESIMAL_TERTIMBANG), DESIMAL_TERTIMBANG),
            ],
            lebar,
            tengah=[0, 1],
            kanan=[3, 4, 5],
            arsir="F6D5D1" if satu.prioritas else None,
        )
    if laporan.prioritas:
        w.paragraf(
            "Prioritas perbaikan (unsur dengan NRR terendah, diarsir): "
            + "; ".join(f"{b.prioritas}. {b.unsur.nama}" for b in laporan.prioritas)
            + ".",
            inden=False,
        )
    for catatan in hasil.peringatan:
        w.paragraf(f"Catatan: {catatan}", inden=False)
    w.tanda_tangan(penandatangan(laporan), tempat_tanggal=tempat_tanggal(laporan))
    return w.simpan()


# --- XLSX --------------------------------------------------------------------------------------

_TEBAL = Font(bold=True)
_JUDUL = Font(bold=True, size=13)
_LATAR_KEPALA = PatternFill("solid", fgColor="DDE7F0")
_LATAR_PRIORITAS = PatternFill("solid", fgColor="F6D5D1")
_FORMAT = {DESIMAL_NRR: "0.00", DESIMAL_TERTIMBANG: "0.000"}


def laporan_xlsx(laporan: LaporanSKM) -> bytes:
    """Sheets Hasil (the SKM table), Profil, Per layanan (when given) and Responden (the raw answers).

    Numbers are written as numbers, rounded as the report prints them; the raw answers on
    "Responden" let anyone recompute them.
    """
    buku = openpyxl.Workbook()
    _lembar_hasil(buku.active, laporan)
    _lembar_profil(buku.create_sheet("Profil"), laporan)
    if laporan.per_layanan:
        _lembar_layanan(buku.create_sheet("Per layanan"), laporan)
    _lembar_responden(buku.create_sheet("Responden"), laporan.survei)
    for ws in buku.worksheets:
        _atur_cetak(ws, survei=laporan.survei)
    return simpan_buku(buku)  # profile fields typed by respondents stay text


# The row of column heads on each sheet, repeated on every printed page.
_BARIS_KEPALA = {"Hasil": 5, "Profil": 3, "Per layanan": 3, "Responden": 1}


def _atur_cetak(ws, *, survei: Survei) -> None:
    """Print setup: A4, as wide as the page (landscape for the wide answer sheet), the column heads on
    every page, the report's name in the header and the page number in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ws.title == "Responden" else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.print_options.horizontalCentered = True
    baris = _BARIS_KEPALA.get(ws.title)
    if baris:
        ws.print_title_rows = f"{baris}:{baris}"
    ws.oddHeader.center.text = f"SKM {survei.instansi.nama} — {survei.label_periode} {survei.tahun}"
    ws.oddFooter.center.text = "Halaman &P dari &N"


def _kepala(ws, baris: int, judul: list[str]) -> None:
    for kolom, teks in enumerate(judul, start=1):
        sel = ws.cell(baris, kolom, teks)
        sel.font, sel.fill = _TEBAL, _LATAR_KEPALA
        sel.alignment = Alignment(wrap_text=True, vertical="center")


def _angka(ws, baris: int, kolom: int, nilai: Decimal | None, desimal: int):
    sel = ws.cell(baris, kolom, None if nilai is None else float(bulatkan(nilai, desimal)))
    sel.number_format = _FORMAT.get(desimal, "0.00")
    return sel


def _lebar(ws, lebar: list[int]) -> None:
    for i, satu in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = satu


def _lembar_hasil(ws, laporan: LaporanSKM) -> None:
    survei, hasil = laporan.survei, laporan.hasil
    ws.title = "Hasil"
    ws["A1"] = "Hasil Survei Kepuasan Masyarakat"
    ws["A1"].font = _JUDUL
    ws["A2"] = f"{survei.instansi} — {survei.label_periode} {survei.tahun}"
    ws["A3"] = f"{laporan.nama_regulasi}; jumlah responden {hasil.jumlah_responden}"
    _kepala(ws, 5, ["No", "Kode", "Unsur pelayanan", "Responden", "NRR", "NRR tertimbang", "Prioritas perbaikan"])
    baris = 6
    for nomor, satu in enumerate(laporan.baris, start=1):
        ws.cell(baris, 1, nomor)
        ws.cell(baris, 2, satu.unsur.kode)
        ws.cell(baris, 3, satu.unsur.nama)
        ws.cell(baris, 4, satu.responden)
        _angka(ws, baris, 5, satu.nrr, DESIMAL_NRR)
        _angka(ws, baris, 6, satu.nrr_tertimbang, DESIMAL_TERTIMBANG)
        if satu.prioritas:
            ws.cell(baris, 7, satu.prioritas)
            for kolom in range(1, 8):
                ws.cell(baris, kolom).fill = _LATAR_PRIORITAS
        baris += 1
    ringkasan = [
        ("Bobot per unsur", hasil.bobot_unsur, 4),
        ("Jumlah NRR tertimbang (IKM 1–4)", hasil.nilai_1_4, DESIMAL_TERTIMBANG),
        ("IKM unit pelayanan (× 25)", hasil.nilai, DESIMAL_IKM),
    ]
    baris += 1
    for label, nilai, desimal in ringkasan:
        ws.cell(baris, 3, label).font = _TEBAL
        sel = ws.cell(baris, 6, float(bulatkan(nilai, desimal)))
        sel.number_format = "0." + "0" * desimal
        sel.font = _TEBAL
        baris += 1
    ws.cell(baris, 3, "Mutu pelayanan").font = _TEBAL
    ws.cell(baris, 6, hasil.mutu).font = _TEBAL
    ws.cell(baris + 1, 3, "Kinerja unit pelayanan").font = _TEBAL
    ws.cell(baris + 1, 6, hasil.kinerja).font = _TEBAL
    baris += 3
    for peringatan in hasil.peringatan:
        ws.cell(baris, 1, f"Catatan: {peringatan}")
        baris += 1
    _lebar(ws, [5, 7, 44, 11, 9, 15, 19])


def _lembar_profil(ws, laporan: LaporanSKM) -> None:
    ws["A1"] = "Profil responden"
    ws["A1"].font = _JUDUL
    _kepala(ws, 3, ["Profil", "Kelompok", "Jumlah", "Persen"])
    baris = 4
    for nama, kelompok in laporan.profil.items():
        for satu in kelompok:
            ws.cell(baris, 1, nama)
            ws.cell(baris, 2, satu.label)
            ws.cell(baris, 3, satu.jumlah)
            ws.cell(baris, 4, round(satu.persen, 2)).number_format = "0.00"
            baris += 1
    _lebar(ws, [18, 30, 10, 10])


def _lembar_layanan(ws, laporan: LaporanSKM) -> None:
    ws["A1"] = "IKM per jenis layanan"
    ws["A1"].font = _JUDUL
    _kepala(ws, 3, ["Jenis layanan", "Responden", "IKM", "Mutu", "Kinerja"])
    for baris, (nama, hasil) in enumerate(laporan.per_layanan.items(), start=4):
        ws.cell(baris, 1, nama)
        ws.cell(baris, 2, hasil.jumlah_responden)
        _angka(ws, baris, 3, hasil.nilai, DESIMAL_IKM)
        ws.cell(baris, 4, hasil.mutu)
        ws.cell(baris, 5, hasil.kinerja)
    _lebar(ws, [30, 11, 9, 7, 14])


def _lembar_responden(ws, survei: Survei) -> None:
    kode = list(survei.kode_unsur)
    profil = [Responden._meta.get_field(k).verbose_name.capitalize() for k in Responden.PROFIL]
    _kepala(ws, 1, ["No", *kode, *profil])
    for baris, r in enumerate(survei.responden.order_by("nomor"), start=2):
        ws.cell(baris, 1, r.nomor)
        for kolom, k in enumerate(kode, start=2):
            ws.cell(baris, kolom, r.jawaban.get(k))
        for kolom, k in enumerate(Responden.PROFIL, start=2 + len(kode)):
            ws.cell(baris, kolom, getattr(r, k) or None)
    ws.freeze_panes = "B2"
