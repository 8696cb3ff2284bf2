"""A small office with people, targets and a year of values, and readers for the generated files."""

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Penugasan
from kinerja.realisasi.models import NilaiVariabel, Target
from tests.factories import katalog_kecil

NIP_CAMAT = "198606272014121001"
NIP_CAMAT_TAMPIL = "19860627 201412 1 001"
NIP_SEKCAM = "199001012015032002"
NIP_SEKCAM_TAMPIL = "19900101 201503 2 002"


@dataclass
class Kantor:
    dokumen: DokumenIKI
    instansi: Instansi
    camat: Jabatan
    sekcam: Jabatan
    desa: Indikator  # Camat: desa_tertib / jumlah_desa (7) * 100
    lpj: Indikator  # Sekcam: lpj_tepat / lpj (4) * 100


def buat_kantor(
    nama="Kecamatan Uji",
    tahun=2025,
    desa_tertib=(3, 4, 5, 6),
    lpj_tepat=(1, 1, 1, 1),
    tetapkan=True,
    nip=(NIP_CAMAT, NIP_SEKCAM),
):
    """katalog_kecil plus a Camat and a Sekcam holding their jabatan, targets and four quarters of values.

    With the defaults the year's realisasi are 6/7 × 100 = 85,71 (desa; last value) and 4/4 × 100 = 100 (LPJ; summed).
    """
    dokumen = katalog_kecil(nama, tahun)
    instansi = dokumen.instansi
    camat = Jabatan.objects.get(instansi=instansi, nama="Camat")
    sekcam = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    desa = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase desa tertib")
    lpj = Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu")
    wilayah = instansi.nama_wilayah
    p_camat = Pegawai.objects.create(nama=f"Drs. Ahmad Fauzi {wilayah}", nip=nip[0], pangkat="III/d")
    p_sekcam = Pegawai.objects.create(nama=f"Siti Aminah {wilayah}, S.E.", nip=nip[1], pangkat="III/c")
    Penugasan.objects.create(pegawai=p_camat, jabatan=camat, mulai=date(tahun - 1, 1, 1))
    Penugasan.objects.create(pegawai=p_sekcam, jabatan=sekcam, mulai=date(tahun - 1, 1, 1))
    Target.objects.create(indikator=desa, periode="TAHUN", nilai=Decimal(100))
    Target.objects.create(indikator=lpj, periode="TAHUN", nilai=Decimal("87.5"))
    for tw, nilai in enumerate(desa_tertib, 1):
        NilaiVariabel.objects.create(variabel=desa.variabel.get(kode="desa_tertib"), periode=f"TW{tw}", nilai=nilai)
    for tw, nilai in enumerate(lpj_tepat, 1):
        NilaiVariabel.objects.create(variabel=lpj.variabel.get(kode="lpj_tepat"), periode=f"TW{tw}", nilai=nilai)
    if tetapkan:
        dokumen.tetapkan()
        dokumen.refresh_from_db()
    return Kantor(dokumen, instansi, camat, sekcam, desa, lpj)


@pytest.fixture
def kantor(db) -> Kantor:
    return buat_kantor()


@pytest.fixture
def pengguna(django_user_model):
    """pengguna("nama", "camat", instansi=…) or pengguna("nama", "admin_pemda", pemda=…): a user with that role."""

    def buat(username, jenis, *, instansi=None, pemda=None):
        user = django_user_model.objects.create_user(username=username, password="rahasia-uji-123")
        Peran.objects.create(
            pengguna=user, jenis=jenis, pemda=pemda or instansi.pemda, instansi=instansi if pemda is None else None
        )
        return user

    return buat


def _teks_halaman(halaman) -> str:
    """A page's text as a reader takes it in: lines outside tables as they run, and each table row as
    its cells one after another (a cell's wrapped lines joined), so what a test looks for does not
    depend on where a column's text happens to wrap."""
    tabel = halaman.find_tables()
    kotak = [t.bbox for t in tabel]

    def di_luar(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in kotak)

    baris = [(b["top"], b["text"]) for b in halaman.filter(di_luar).extract_text_lines()]
    for t in tabel:
        for isi, baris_tabel in zip(t.extract(), t.rows):
            baris.append((baris_tabel.bbox[1], " ".join(" ".join((sel or "").split()) for sel in isi if sel)))
    return " ".join(" ".join(teks for _, teks in sorted(baris, key=lambda b: b[0])).split())


def teks_pdf(isi: bytes) -> str:
    """All text of a PDF (see _teks_halaman), pages joined, whitespace collapsed to single spaces."""
    return " ".join(halaman_pdf(isi))


def halaman_pdf(isi: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        return [_teks_halaman(halaman) for halaman in pdf.pages]


def simpan_png(isi: bytes, nomor_halaman: int, tujuan) -> None:
    """Render one PDF page (0-based) to a PNG file with pdfium, as a reviewer would look at it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(isi)
    try:
        pdf[nomor_halaman].render(scale=1.5).to_pil().save(tujuan)
    finally:
        pdf.close()


def docx(isi: bytes):
    import docx as python_docx

    return python_docx.Document(io.BytesIO(isi))


M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _teks_xml(elemen) -> str:
    # Word runs may split a word (joined as they are); each math run is a token of its own, and line
    # breaks and tabs separate words.
    potongan = []
    for p in elemen.iter(f"{W}p"):
        potongan.append(" ")
        for t in p.iter(f"{W}t", f"{M}t", f"{W}br", f"{W}tab", f"{W}noBreakHyphen"):
            if t.tag == f"{M}t":
                potongan.append(f" {t.text} ")
            elif t.tag == f"{W}noBreakHyphen":
                potongan.append("-")
            else:
                potongan.append(t.text or "" if t.tag == f"{W}t" else " ")
    return " ".join("".join(potongan).split())


def teks_sel(sel) -> str:
    """A table cell's text including its Office Math (python-docx's .text leaves equations out)."""
    return _teks_xml(sel._tc)


def teks_docx(dokumen) -> str:
    """Every text of the document body, paragraphs and tables, equations included."""
    return _teks_xml(dokumen.element.body)


# --- layout checks run on every generated document ----------------------------------------------

_TWIP_MM = 25.4 / 1440
_MARGIN_SEL_TWIP = 2 * 108  # Word's default left and right cell margins


def kolom_terlalu_sempit(dokumen) -> list[str]:
    """Every word of a DOCX table measured in the shipped typeface at its run's size and weight against
    its grid column: the words that would have to break inside (empty when none)."""
    from kinerja.laporan import huruf

    masalah = []
    for tbl in dokumen.element.body.iter(f"{W}tbl"):
        kolom_mm = [int(c.get(f"{W}w")) * _TWIP_MM for c in tbl.find(f"{W}tblGrid").iter(f"{W}gridCol")]
        for tr in tbl.iter(f"{W}tr"):
            kolom = 0
            for tc in tr.findall(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                lebar = int(span.get(f"{W}val")) if span is not None else 1
                if lebar == 1:
                    ruang = kolom_mm[kolom] - _MARGIN_SEL_TWIP * _TWIP_MM
                    for r in tc.iter(f"{W}r", f"{M}r"):
                        teks = "".join(
                            "-" if t.tag == f"{W}noBreakHyphen" else t.text or ""
                            for t in r.iter(f"{W}t", f"{M}t", f"{W}noBreakHyphen")
                        )
                        sz = r.find(f".//{W}sz")
                        ukuran = int(sz.get(f"{W}val")) / 2 if sz is not None else 11
                        b = r.find(f".//{W}b")
                        tebal = (b is not None and b.get(f"{W}val", "true") not in ("0", "false")) or (
                            tr.find(f"{W}trPr/{W}tblHeader") is not None
                        )
                        for kata in teks.split():
                            mm = huruf.lebar_teks_pt(kata, ukuran, tebal=tebal) * 25.4 / 72
                            if mm > ruang:
                                masalah.append(f"{kata!r} {mm:.1f} mm in a column of {ruang:.1f} mm")
                kolom += lebar
    return masalah


def _baris_isi(halaman) -> list[dict]:
    """The page's text lines between the top and bottom margins (page number and draft mark left out)."""
    batas = 20 * 72 / 25.4 - 4
    return [
        b
        for b in halaman.extract_text_lines()
        if b["top"] > batas and b["bottom"] < halaman.height - batas and b["text"].strip()
    ]


def masalah_halaman_pdf(isi: bytes) -> list[str]:
    """Page by page: a signature block alone on a page, and a heading left at a page's foot while its
    table starts on the next page."""
    import pdfplumber

    masalah = []
    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        halaman = list(pdf.pages)
        for nomor, h in enumerate(halaman, 1):
            baris = _baris_isi(h)
            tabel = h.find_tables()
            tanda_tangan = any(b["text"].startswith(("NIP.", "(……")) for b in baris)
            # The page opens with the block itself: "Ditetapkan di", "Uji, 6 Januari 2025" or "CAMAT UJI,".
            pertama = baris[0]["text"].strip() if baris else ""
            membuka = (
                pertama.startswith("Ditetapkan di")
                or re.fullmatch(r"[\w .'-]+, \d{1,2} \w+ \d{4}", pertama)
                or (pertama.isupper() and pertama.endswith(","))
            )
            if tanda_tangan and membuka and not tabel:
                masalah.append(f"page {nomor}: the signature block alone: {' / '.join(b['text'] for b in baris)}")
            if baris and nomor < len(halaman):
                akhir = max(baris, key=lambda b: b["bottom"])
                di_bawah_tabel = all(akhir["top"] > t.bbox[3] for t in tabel)
                tebal = all("Bold" in c["fontname"] for c in akhir["chars"] if c["text"].strip())
                berikut = halaman[nomor]
                tabel_berikut = berikut.find_tables()
                baris_berikut = _baris_isi(berikut)
                tabel_di_atas = (
                    tabel_berikut
                    and baris_berikut
                    and min(b["top"] for b in baris_berikut) >= min(t.bbox[1] for t in tabel_berikut) - 1
                )
                if di_bawah_tabel and tebal and tabel_di_atas:
                    masalah.append(f"page {nomor}: the heading {akhir['text']!r} is parted from its table")
    return masalah
