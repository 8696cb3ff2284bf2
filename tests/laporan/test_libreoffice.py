"""The Word files as LibreOffice lays them out: each DOCX converted to PDF by ``soffice`` and read page
by page with pdfplumber — no signature block alone on a page, no table parted from its heading, no word
of a table cell split across lines, no text running past its cell's edge, and the text set in the
shipped typeface (embedded in the DOCX) rather than a fallback.

Skipped where LibreOffice is not installed. One ``soffice`` run converts every document (a few seconds).
"""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kinerja import dokumen as pembaca_dokumen
from kinerja.iki.interchange import impor
from kinerja.laporan import layanan
from kinerja.organisasi.models import Instansi, Jabatan, Pemda
from tests.conftest import DOKUMEN_DIR

from .conftest import buat_kantor, docx, masalah_halaman_pdf, teks_sel

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang di mesin ini"),
]

_TANDA_BACA = "()[]{}.,;:“”\"'‘’/"


def ke_pdf(berkas: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """{name: DOCX} → {name: PDF} through one headless LibreOffice with a profile of its own."""
    for nama, isi in berkas.items():
        (folder / f"{nama}.docx").write_bytes(isi)
    profil = (folder / "profil").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profil}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{nama}.docx") for nama in berkas),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {nama: (folder / f"{nama}.pdf").read_bytes() for nama in berkas}


def _kata(teks: str) -> str:
    # A non-breaking hyphen may come back from the PDF as U+2011.
    return teks.replace("\u2011", "-").strip(_TANDA_BACA)


def kata_sel(isi_docx: bytes) -> set[str]:
    """Every word of every table cell of the DOCX, formulas included, punctuation stripped."""
    kata = set()
    for tabel in docx(isi_docx).tables:
        for baris in tabel.rows:
            for sel in baris.cells:
                kata.update(_kata(k) for k in teks_sel(sel).split())
    return kata


def kata_terpotong(isi_pdf: bytes, kata_docx: set[str]) -> list[str]:
    """Words printed inside a table that are no word of any cell: the pieces of a word broken across lines."""
    import pdfplumber

    masalah = []
    with pdfplumber.open(io.BytesIO(isi_pdf)) as pdf:
        for nomor, halaman in enumerate(pdf.pages, 1):
            kotak = [t.bbox for t in halaman.find_tables()]
            for w in halaman.extract_words(keep_blank_chars=False, use_text_flow=True):
                x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
                if not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in kotak):
                    continue
                kata = _kata(w["text"])
                if kata and kata not in kata_docx and not _gabungan(kata, kata_docx):
                    masalah.append(f"page {nomor}: {w['text']!r}")
    return masalah


def _gabungan(kata: str, kata_docx: set[str]) -> bool:
    # pdfplumber joins a fraction's "× 100%" or a range's dash to its neighbours when no space is
    # printed between them: a run of whole cell words is fine.
    return all(_kata(k) in kata_docx for k in re.split(r"(?<=[^\s])(?=[×–])|(?<=[×–])", kata) if _kata(k))


def teks_lewat_sel(isi_pdf: bytes) -> list[str]:
    """Characters drawn past the right edge of the table cell they start in (clipped on paper)."""
    import pdfplumber

    masalah = []
    with pdfplumber.open(io.BytesIO(isi_pdf)) as pdf:
        for nomor, halaman in enumerate(pdf.pages, 1):
            for tabel in halaman.find_tables():
                for x0, top, x1, bottom in tabel.cells:
                    for c in halaman.chars:
                        if c["text"].strip() and x0 <= c["x0"] < x1 and top <= c["top"] < bottom and c["x1"] > x1 + 0.5:
                            masalah.append(f"page {nomor}: {c['text']!r} ends {c['x1'] - x1:.1f} pt past its cell")
    return masalah


def bagian_huruf_lain(isi_pdf: bytes) -> float:
    """The share of printed characters not set in the shipped typeface (formulas are LibreOffice's own)."""
    import pdfplumber

    semua = lain = 0
    with pdfplumber.open(io.BytesIO(isi_pdf)) as pdf:
        for halaman in pdf.pages:
            for c in halaman.chars:
                if c["text"].strip():
                    semua += 1
                    lain += "TeXGyreBonum" not in c["fontname"]
    return lain / semua if semua else 0


@pytest.fixture(scope="module")
def hasil(django_db_setup, django_db_blocker, tmp_path_factory):
    """{name: (DOCX, PDF)} of the small office's documents and of a catalogue imported from ../shared/."""
    from django.db import transaction

    berkas: dict[str, bytes] = {}
    with django_db_blocker.unblock(), transaction.atomic():
        kantor = buat_kantor()
        berkas["iki"] = layanan.buat_iki(kantor.instansi, 2025, "docx").isi
        berkas["pk"] = layanan.buat_pk(Jabatan.objects.get(pk=kantor.sekcam.pk), 2025, "docx").isi
        berkas["lkjip"] = layanan.buat_lkjip(kantor.instansi, 2025, "docx").isi
        berkas["rekap"] = layanan.buat_rekap(kantor.instansi.pemda, 2025, "docx").isi
        sumber = DOKUMEN_DIR / "iki-kecamatan-sampang-2022.txt"
        if sumber.is_file():
            data = pembaca_dokumen.baca(sumber)
            instansi = Instansi.objects.create(
                pemda=Pemda.objects.create(nama="Kabupaten Contoh"), nama="Kecamatan Contoh"
            )
            tahun = data["tahun"] or 2022
            impor(data, instansi, tahun=tahun)
            berkas["iki-nyata"] = layanan.buat_iki(instansi, tahun, "docx").isi
            kepala = Jabatan.objects.filter(instansi=instansi, sasaran__dokumen__tahun=tahun).distinct().first()
            berkas["pk-nyata"] = layanan.buat_pk(kepala, tahun, "docx").isi
        transaction.set_rollback(True)
    pdf = ke_pdf(berkas, tmp_path_factory.mktemp("libreoffice"))
    return {nama: (berkas[nama], pdf[nama]) for nama in berkas}


def test_no_lone_signature_and_no_heading_parted_from_its_table(hasil):
    for nama, (_, pdf) in hasil.items():
        assert masalah_halaman_pdf(pdf) == [], nama


def test_no_word_of_a_table_cell_is_split_across_lines(hasil):
    for nama, (isi_docx, pdf) in hasil.items():
        assert kata_terpotong(pdf, kata_sel(isi_docx)) == [], nama


def test_no_text_runs_past_its_cell(hasil):
    for nama, (_, pdf) in hasil.items():
        assert teks_lewat_sel(pdf) == [], nama


def test_the_text_is_set_in_the_embedded_typeface(hasil):
    for nama, (_, pdf) in hasil.items():
        assert bagian_huruf_lain(pdf) < 0.15, nama


def test_the_checks_see_a_broken_word_and_a_lone_signature(tmp_path, db):
    """The checks themselves: a column too narrow for its word, and a page holding only a signature."""
    from docx import Document
    from docx.shared import Mm

    dokumen = Document()
    tabel = dokumen.add_table(rows=1, cols=2)
    tabel.style = "Table Grid"
    tabel.autofit = False
    for kolom, sel, mm in zip(tabel.columns, tabel.rows[0].cells, (12, 60), strict=True):
        kolom.width = sel.width = Mm(mm)
    tabel.rows[0].cells[0].text = "Pertanggungjawaban"
    tabel.rows[0].cells[1].text = "Jumlah"
    dokumen.add_page_break()
    for baris in ("Banyuates, 6 Januari 2025", "CAMAT BANYUATES,", "", "", "Nur Santoso", "NIP. 19811101 200408 2 006"):
        dokumen.add_paragraph(baris)
    buffer = io.BytesIO()
    dokumen.save(buffer)
    isi = buffer.getvalue()
    [pdf] = ke_pdf({"uji": isi}, tmp_path).values()
    assert kata_terpotong(pdf, kata_sel(isi))
    assert any("signature block alone" in m for m in masalah_halaman_pdf(pdf))
    assert bagian_huruf_lain(pdf) > 0.5  # python-docx's default face, not the shipped one
