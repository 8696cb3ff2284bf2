"""Every shape of issue 10 in one invented document, read as text, DOCX and PDF.

The document (Kecamatan Sidomakmur, invented) is a model — jabatan, table rows, cells with lines —
written out as a Markdown pipe table, as tab-separated text wrapped line by line (as PDF converters
write it), as a Word document with real tables (vertically merged
sasaran cells, a nested table holding a numerator over a denominator) and as a PDF with ruled and
with unruled tables. Its formula cells carry the shapes real documents have: an explanation
(``Penjelasan``, ``Definisi``, ``Catatan``) beside the formula, a qualifier after ``× 100%``,
doubled brackets, a numerator and denominator on separate lines or on separate table rows with or
without a division word, ``:``, ``per`` and ``dibagi`` as division, ``Pembilang:``/``Penyebut:``,
a formula that only repeats the name; and the table has a row without an indicator name, two
indicators written in one cell, and a cell under no known column. Each format must find the
same indicators with the same formulas, and report each piece it could not place at its place.
"""

import io
import re
from dataclasses import dataclass

import docx
import pytest
from pdf_buatan import Halaman, lebar_teks, tulis_pdf
from test_keluarga_dokumen import NILAI_LUAR, _sama_rumus

from kinerja.dokumen import baca, baca_docx, baca_pdf, baca_teks

JUDUL = ["NO", "SASARAN", "INDIKATOR KINERJA", "FORMULASI PENGHITUNGAN", "SUMBER DATA", ""]
# Marks a formula cell that the Word version writes as a nested table (one row per line).
BERSARANG = "⧉"


@dataclass(frozen=True)
class Indikator:
    jabatan: str
    nama: str
    sasaran: str
    sumber: str
    rumus: tuple[str, tuple[str, ...]] | None
    penjelasan: str | None = None


JABATAN: list[tuple[str, list[list[str]]]] = [
    (
        "SEKRETARIS KECAMATAN",
        [
            [
                "1",
                "Meningkatnya tertib administrasi surat",
                "Persentase surat dinas yang diselesaikan",
                "Jumlah surat dinas yang diselesaikan / Jumlah surat dinas yang diterima x 100%\n"
                "Penjelasan : surat dinas adalah surat resmi yang masuk melalui agenda",
                "Buku agenda",
                "",
            ],
            [
                "",
                "",
                "Persentase arsip yang tertata",
                "Definisi: arsip aktif yang disimpan menurut klasifikasi\n"
                "Jumlah arsip yang tertata : Jumlah arsip aktif x 100%",
                "Daftar arsip",
                "",
            ],
            [
                "",
                "",
                "Persentase laporan keuangan tepat waktu",
                "((Jumlah laporan keuangan tepat waktu / Jumlah laporan keuangan wajib)) x 100% "
                "(dihitung setiap semester)",
                "Subbag Keuangan",
                "",
            ],
            [
                "2",
                "Meningkatnya kualitas perencanaan",
                "Persentase usulan musrenbang yang diakomodasi",
                f"{BERSARANG}Jumlah usulan musrenbang yang diakomodasi\nJumlah usulan musrenbang kecamatan\nx 100%",
                "Notulen musrenbang",
                "",
            ],
            [
                "",
                "",
                "Persentase dokumen perencanaan yang disahkan",
                "Jumlah dokumen perencanaan disahkan",
                "Subbag Program",
                "",
            ],
            ["", "", "", "dibagi", "", ""],
            ["", "", "", "Jumlah dokumen perencanaan disusun x 100%", "", ""],
            ["", "", "Persentase kegiatan yang terlaksana", "Jumlah kegiatan yang terlaksana", "Laporan kegiatan", ""],
            ["", "", "", "Jumlah kegiatan yang direncanakan", "", ""],
        ],
    ),
    (
        "KEPALA SEKSI PEMERINTAHAN",
        [
            [
                "1",
                "Meningkatnya tertib administrasi desa",
                "Persentase desa yang menyampaikan LPPD tepat waktu",
                "Jumlah desa yang menyampaikan LPPD tepat waktu per seluruh desa di kecamatan x 100%",
                "Laporan desa",
                "",
            ],
            [
                "",
                "",
                "Persentase sengketa tanah yang difasilitasi",
                "Jumlah sengketa tanah yang difasilitasi dibagi jumlah sengketa tanah yang dilaporkan "
                "dikali 100%\nCatatan: sengketa antarwarga dan antardesa",
                "Register sengketa",
                "",
            ],
            [
                "",
                "",
                "Persentase pelayanan administrasi kependudukan",
                "Persentase pelayanan administrasi kependudukan",
                "Register pelayanan",
                "",
            ],
            [
                "",
                "",
                "Persentase pengaduan yang ditindaklanjuti",
                "Pembilang: jumlah pengaduan yang ditindaklanjuti\nPenyebut: jumlah pengaduan yang diterima\nx 100%",
                "Register pengaduan",
                "",
            ],
            [
                "2",
                "Meningkatnya ketertiban rapat desa",
                "",
                "Jumlah rapat desa yang tertib / Jumlah rapat desa x 100%",
                "Notulen rapat",
                "",
            ],
            [
                "3",
                "Meningkatnya ketenteraman wilayah",
                "1. Persentase gangguan ketertiban yang ditangani\n2. Persentase konflik sosial yang diselesaikan",
                "1. Jumlah gangguan ketertiban yang ditangani / Jumlah gangguan ketertiban x 100%\n"
                "2. Jumlah konflik sosial yang diselesaikan / Jumlah konflik sosial x 100%",
                "Laporan trantib",
                "Lihat lampiran",
            ],
            ["", "", "Indeks kepuasan masyarakat", "Nilai IKM hasil survei", "Laporan SKM", ""],
        ],
    ),
]

SEKCAM, KASI = "Sekretaris Kecamatan", "Kepala Seksi Pemerintahan"
RASIO = "{0} / {1} * 100"
HARAPAN = [
    Indikator(
        SEKCAM,
        "Persentase surat dinas yang diselesaikan",
        "Meningkatnya tertib administrasi surat",
        "Buku agenda",
        (RASIO, ("Jumlah surat dinas yang diselesaikan", "Jumlah surat dinas yang diterima")),
        "surat dinas adalah surat resmi yang masuk melalui agenda",
    ),
    Indikator(
        SEKCAM,
        "Persentase arsip yang tertata",
        "Meningkatnya tertib administrasi surat",
        "Daftar arsip",
        (RASIO, ("Jumlah arsip yang tertata", "Jumlah arsip aktif")),
        "arsip aktif yang disimpan menurut klasifikasi",
    ),
    Indikator(
        SEKCAM,
        "Persentase laporan keuangan tepat waktu",
        "Meningkatnya tertib administrasi surat",
        "Subbag Keuangan",
        (RASIO, ("Jumlah laporan keuangan tepat waktu", "Jumlah laporan keuangan wajib")),
    ),
    Indikator(
        SEKCAM,
        "Persentase usulan musrenbang yang diakomodasi",
        "Meningkatnya kualitas perencanaan",
        "Notulen musrenbang",
        (RASIO, ("Jumlah usulan musrenbang yang diakomodasi", "Jumlah usulan musrenbang kecamatan")),
    ),
    Indikator(
        SEKCAM,
        "Persentase dokumen perencanaan yang disahkan",
        "Meningkatnya kualitas perencanaan",
        "Subbag Program",
        (RASIO, ("Jumlah dokumen perencanaan disahkan", "Jumlah dokumen perencanaan disusun")),
    ),
    Indikator(
        SEKCAM,
        "Persentase kegiatan yang terlaksana",
        "Meningkatnya kualitas perencanaan",
        "Laporan kegiatan",
        (RASIO, ("Jumlah kegiatan yang terlaksana", "Jumlah kegiatan yang direncanakan")),
    ),
    Indikator(
        KASI,
        "Persentase desa yang menyampaikan LPPD tepat waktu",
        "Meningkatnya tertib administrasi desa",
        "Laporan desa",
        (RASIO, ("Jumlah desa yang menyampaikan LPPD tepat waktu", "seluruh desa di kecamatan")),
    ),
    Indikator(
        KASI,
        "Persentase sengketa tanah yang difasilitasi",
        "Meningkatnya tertib administrasi desa",
        "Register sengketa",
        (RASIO, ("Jumlah sengketa tanah yang difasilitasi", "jumlah sengketa tanah yang dilaporkan")),
        "sengketa antarwarga dan antardesa",
    ),
    Indikator(
        KASI,
        "Persentase pelayanan administrasi kependudukan",
        "Meningkatnya tertib administrasi desa",
        "Register pelayanan",
        None,  # the formula only repeats the name: reported, no expression
    ),
    Indikator(
        KASI,
        "Persentase pengaduan yang ditindaklanjuti",
        "Meningkatnya tertib administrasi desa",
        "Register pengaduan",
        (RASIO, ("jumlah pengaduan yang ditindaklanjuti", "jumlah pengaduan yang diterima")),
    ),
    Indikator(
        KASI,
        "Persentase gangguan ketertiban yang ditangani",
        "Meningkatnya ketenteraman wilayah",
        "Laporan trantib",
        (RASIO, ("Jumlah gangguan ketertiban yang ditangani", "Jumlah gangguan ketertiban")),
    ),
    Indikator(
        KASI,
        "Persentase konflik sosial yang diselesaikan",
        "Meningkatnya ketenteraman wilayah",
        "Laporan trantib",
        (RASIO, ("Jumlah konflik sosial yang diselesaikan", "Jumlah konflik sosial")),
    ),
    Indikator(
        KASI,
        "Indeks kepuasan masyarakat",
        "Meningkatnya ketenteraman wilayah",
        "Laporan SKM",
        NILAI_LUAR,
    ),
]

AWAL = [
    "KEPUTUSAN CAMAT SIDOMAKMUR",
    "TENTANG INDIKATOR KINERJA INDIVIDU KECAMATAN SIDOMAKMUR KABUPATEN WANASARI TAHUN 2024",
]


def _sel(teks: str) -> str:
    return teks.replace(BERSARANG, "")


# --- writing the model out ------------------------------------------------------------------------


def sebagai_markdown() -> str:
    baris = [*AWAL, ""]
    for jabatan, isi in JABATAN:
        baris += [f"JABATAN : {jabatan}", "", "| " + " | ".join(JUDUL) + " |", "|" + "---|" * len(JUDUL)]
        baris += ["| " + " | ".join(_sel(s).replace("\n", "<br>") for s in sel) + " |" for sel in isi]
        baris.append("")
    return "\n".join(baris)


def sebagai_teks_bertab() -> str:
    """As a PDF-to-text converter writes a table: one line per printed line, cells split by tabs,
    each cell wrapped in its column (the shared documents' style)."""
    baris = [*AWAL, ""]
    for jabatan, isi in JABATAN:
        baris += [f"JABATAN : {jabatan}", "\t".join(JUDUL[:-1])]
        for sel in isi:
            kolom = [_bungkus(_sel(s), w - 22) for s, w in zip(sel[:-1], LEBAR_KOLOM)]
            for k in range(max(len(c) for c in kolom)):
                baris.append("\t".join(c[k] if k < len(c) else "" for c in kolom))
        baris.append("")
    return "\n".join(baris)


def sebagai_docx() -> bytes:
    d = docx.Document()
    for teks in AWAL:
        d.add_paragraph(teks)
    for jabatan, isi in JABATAN:
        d.add_paragraph(f"JABATAN : {jabatan}")
        t = d.add_table(rows=len(isi) + 1, cols=len(JUDUL))
        t.style = "Table Grid"
        for sel, teks in zip(t.rows[0].cells, JUDUL):
            sel.text = teks
        for r, data in enumerate(isi, 1):
            for k, teks in enumerate(data):
                sel = t.cell(r, k)
                if teks.startswith(BERSARANG):
                    # A numerator over a denominator as a table nested in the cell, "x 100%" below.
                    *pecahan, kali = teks[1:].split("\n")
                    sel.paragraphs[0].text = ""
                    dalam = sel.add_table(rows=len(pecahan), cols=1)
                    for baris, potongan in zip(dalam.rows, pecahan):
                        baris.cells[0].text = potongan
                    sel.add_paragraph(kali)
                elif teks:
                    baris_sel = teks.split("\n")
                    sel.text = baris_sel[0]
                    for lanjut in baris_sel[1:]:
                        sel.add_paragraph(lanjut)
        # The sasaran (and NO) cell spans the rows of its sasaran: a vertical merge.
        for k in (0, 1):
            awal = None
            for r in range(1, len(isi) + 2):
                if r == len(isi) + 1 or isi[r - 1][k]:
                    if awal is not None and r - 1 > awal:
                        t.cell(awal, k).merge(t.cell(r - 1, k))
                    awal = r
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


LEBAR_KOLOM = [18.0, 82.0, 120.0, 226.0, 70.0, 40.0]


def _bungkus(teks: str, lebar: float) -> list[str]:
    """Lines of ``teks`` as a typesetter wraps them in a column ``lebar`` points wide."""
    hasil = []
    for paragraf in teks.split("\n"):
        baris = ""
        for kata in paragraf.split():
            calon = f"{baris} {kata}".strip()
            if baris and lebar_teks(calon) > lebar:
                hasil.append(baris)
                baris = kata
            else:
                baris = calon
        hasil.append(baris)
    return hasil


def sebagai_pdf(bergaris: bool) -> bytes:
    halaman = []
    for nomor, (jabatan, isi) in enumerate(JABATAN):
        h = Halaman()
        if nomor == 0:
            for teks in AWAL:
                h.teks(teks[:110])
        h.teks(f"JABATAN : {jabatan}")
        if bergaris:
            h.tabel(
                LEBAR_KOLOM,
                [JUDUL] + [["\n".join(_bungkus(_sel(s), w - 8)) for s, w in zip(sel, LEBAR_KOLOM)] for sel in isi],
                x=20.0,
            )
        else:
            x = [20.0]
            for w in LEBAR_KOLOM[:-1]:
                x.append(x[-1] + w)
            for sel in [JUDUL, *isi]:
                # Without rules a cell under no header has no column at all: it is left out here.
                kolom = [_bungkus(_sel(s), w - 22) for s, w in zip(sel[:-1], LEBAR_KOLOM)]
                for k in range(max(len(c) for c in kolom)):
                    h.kolom(*((x[j], c[k]) for j, c in enumerate(kolom) if k < len(c) and c[k]))
                h.y -= 4
        halaman.append(h)
    return tulis_pdf(halaman)


# --- checking what was read -----------------------------------------------------------------------


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").lower()).strip()


def _semua(hasil: dict) -> list[tuple[str, str, dict]]:
    return [(j["nama"], s["uraian"], i) for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]]


def _peringatan(hasil: dict, kata: str) -> list[str]:
    return [p for p in hasil["peringatan"] if kata in p]


FORMAT = {
    "teks": (lambda: baca_teks(sebagai_markdown(), "sidomakmur.md"), r"baris \d+"),
    "teks-bertab": (lambda: baca_teks(sebagai_teks_bertab(), "sidomakmur.txt"), r"baris \d+"),
    "docx": (lambda: baca_docx(sebagai_docx(), "sidomakmur.docx"), r"tabel \d, baris \d+"),
    "pdf-bergaris": (lambda: baca_pdf(sebagai_pdf(True), "sidomakmur.pdf"), r"halaman \d, tabel \d, baris \d+"),
    "pdf-tanpa-garis": (lambda: baca_pdf(sebagai_pdf(False), "sidomakmur.pdf"), r"halaman \d, baris \d+"),
}


# Formats written line by line as printed (no cell holds two lines), where a cell under no header
# has no column either.
PER_BARIS_CETAK = {"teks-bertab", "pdf-tanpa-garis"}


@pytest.fixture(scope="module", params=sorted(FORMAT))
def dibaca(request):
    baca_format, tempat = FORMAT[request.param]
    return request.param, baca_format(), tempat


def test_setiap_indikator_ditemukan_di_jabatan_sasaran_dan_sumbernya(dibaca):
    nama_format, hasil, _ = dibaca
    terbaca = _semua(hasil)
    for h in HARAPAN:
        cocok = [(j, s, i) for j, s, i in terbaca if _norm(i["nama"]) == _norm(h.nama)]
        assert len(cocok) == 1, (nama_format, h.nama, [i["nama"] for _, _, i in terbaca])
        jabatan, sasaran, ind = cocok[0]
        sumber = h.sumber
        if nama_format in PER_BARIS_CETAK and h.nama == "Persentase konflik sosial yang diselesaikan":
            # Line by line, the second name of the cell is a row of its own, below the sumber data.
            sumber = None
        assert (jabatan, _norm(sasaran), _norm(ind["sumber_data"])) == (h.jabatan, _norm(h.sasaran), _norm(sumber))
    assert len(terbaca) == len(HARAPAN), [i["nama"] for _, _, i in terbaca]


def test_setiap_rumus_dengan_pembilang_dan_penyebut_yang_benar(dibaca):
    nama_format, hasil, _ = dibaca
    per_nama = {_norm(i["nama"]): i for _, _, i in _semua(hasil)}
    for h in HARAPAN:
        ind = per_nama[_norm(h.nama)]
        if h.rumus is None:
            assert ind["formula"]["ekspresi"] is None
        else:
            assert _sama_rumus(ind["formula"], h.rumus), (nama_format, h.nama, ind["formula"])


def test_penjelasan_dipisah_dari_rumus(dibaca):
    _, hasil, _ = dibaca
    per_nama = {_norm(i["nama"]): i for _, _, i in _semua(hasil)}
    for h in HARAPAN:
        ind = per_nama[_norm(h.nama)]
        assert _norm(ind["penjelasan"]) == _norm(h.penjelasan), (h.nama, ind["penjelasan"])
        for kata in ("penjelasan", "definisi", "catatan"):
            assert kata not in ind["formula"]["teks"].lower()


def test_yang_tidak_terbaca_menjadi_peringatan_di_tempatnya(dibaca):
    nama_format, hasil, tempat = dibaca
    laporan = {
        "keterangan setelah '× 100%'": "dihitung setiap semester",
        "rumus hanya mengulang nama indikator": "Persentase pelayanan administrasi kependudukan",
        "baris tabel tanpa nama indikator": "Jumlah rapat desa yang tertib",
        "sel di luar kolom yang dikenal": "Lihat lampiran",
    }
    if nama_format not in PER_BARIS_CETAK:
        # Line by line, each line of a cell is a row of its own: the two names are two rows already.
        laporan["dua nama indikator dalam satu sel"] = "Persentase konflik sosial yang diselesaikan"
    else:
        del laporan["sel di luar kolom yang dikenal"]
    for kata, isi in laporan.items():
        cocok = _peringatan(hasil, kata)
        assert len(cocok) == 1, (nama_format, kata, hasil["peringatan"])
        assert re.match(rf"{tempat}: ", cocok[0]) and isi in " ".join(cocok[0].split()), (nama_format, cocok[0])
    # The qualifier stays in the formula's text.
    keuangan = next(i for _, _, i in _semua(hasil) if i["nama"] == "Persentase laporan keuangan tepat waktu")
    assert "dihitung setiap semester" in " ".join(keuangan["formula"]["teks"].split())
    for _, _, ind in _semua(hasil):
        assert re.fullmatch(tempat, ind["tempat"]), ind["tempat"]


def test_impor_tidak_menolak_dokumen_karena_satu_baris(dibaca):
    from kinerja.iki.interchange import saring_json, validasi_json

    _, hasil, _ = dibaca
    bersih = saring_json(hasil)
    assert validasi_json(bersih) == []
    assert len(_semua(bersih)) == len(HARAPAN)


def test_format_berkas_dikenali_dari_isinya():
    assert len(_semua(baca(sebagai_docx(), "tanpa-akhiran"))) == len(HARAPAN)
    assert len(_semua(baca(sebagai_pdf(True)))) == len(HARAPAN)


@pytest.mark.parametrize(
    ("sel", "nama"),
    [
        # Two names, each starting like an indicator name, without numbers.
        (
            "Persentase surat yang selesai\nPersentase arsip yang tertata",
            ["Persentase surat yang selesai", "Persentase arsip yang tertata"],
        ),
        # Bulleted items with wrapped lines.
        (
            "- Persentase surat yang\nselesai tepat waktu\n- Jumlah arsip tertata",
            ["Persentase surat yang selesai tepat waktu", "Jumlah arsip tertata"],
        ),
        # One name wrapped: a continuation in lower case, after a joining word, or a lone word.
        ("Persentase surat yang\nselesai", ["Persentase surat yang selesai"]),
        (
            "Persentase penyelesaian laporan dari\nRealisasi anggaran",
            ["Persentase penyelesaian laporan dari Realisasi anggaran"],
        ),
        ("Persentase\nRealisasi anggaran kecamatan", ["Persentase Realisasi anggaran kecamatan"]),
    ],
)
def test_nama_tergabung_dalam_satu_sel(sel, nama):
    from kinerja.dokumen.tabel import pisah_nama

    assert pisah_nama([sel]) == nama


def test_rumus_tergabung_dipisah_sebanyak_nama():
    from kinerja.dokumen.tabel import pisah_rumus

    dua = "Jumlah surat selesai /\nJumlah surat masuk x 100%\nJumlah arsip tertata\nJumlah arsip x 100%"
    assert pisah_rumus([dua], 2) == [
        "Jumlah surat selesai /\nJumlah surat masuk x 100%",
        "Jumlah arsip tertata\nJumlah arsip x 100%",
    ]
    assert pisah_rumus(["Jumlah surat selesai / Jumlah surat masuk\nJumlah arsip : Jumlah rak"], 2) == [
        "Jumlah surat selesai / Jumlah surat masuk",
        "Jumlah arsip : Jumlah rak",
    ]
    # A numerator over a denominator is one formula, not two.
    assert pisah_rumus(["Jumlah surat selesai\nJumlah surat masuk"], 2) is None


def test_sasaran_tanpa_indikator_disebut_tempatnya():
    hasil = baca_teks(sebagai_markdown())
    assert "baris 26: sasaran tanpa indikator dilewati: Meningkatnya ketertiban rapat desa" in hasil["peringatan"]


@pytest.mark.parametrize(
    ("teks", "penjelasan", "keterangan"),
    [
        ("Penjelasan : Jumlah surat selesai / Jumlah surat masuk x 100%", None, None),
        ("Penjelasan:\nJumlah surat selesai / Jumlah surat masuk x 100%", None, None),
        (
            "Definisi operasional: surat dinas saja.\nRumus: Jumlah surat selesai / Jumlah surat masuk x 100%",
            "surat dinas saja.",
            None,
        ),
        ("Jumlah surat selesai / Jumlah surat masuk x 100%\nKet: surat dinas", "surat dinas", None),
        ("Jumlah surat selesai / Jumlah surat masuk x 100%, Keterangan: surat dinas", "surat dinas", None),
        ("Jumlah surat selesai / Jumlah surat masuk x 100% = ... %", None, None),
        ("Jumlah surat selesai / Jumlah surat masuk × 100% pada tahun berjalan", None, "pada tahun berjalan"),
        (
            "(( Jumlah surat selesai / Jumlah surat masuk )) x 100 %\n(dihitung per triwulan)",
            None,
            "(dihitung per triwulan)",
        ),
        ("Jumlah surat selesai\n______________ x 100%\nJumlah surat masuk", None, None),
        ("Pembilang: Jumlah surat selesai\nPenyebut: Jumlah surat masuk\nx 100%", None, None),
        ("Jumlah surat selesai per Jumlah surat masuk x 100%", None, None),
        ("Jumlah surat selesai dibagi dengan Jumlah surat masuk kali 100 persen", None, None),
    ],
)
def test_rumus_dipisah_dari_penjelasan_dan_keterangan(teks, penjelasan, keterangan):
    from kinerja.dokumen.formula import pahami

    hasil = pahami(teks, "Persentase surat selesai")
    assert hasil.ekspresi == "surat_selesai / surat_masuk * 100", hasil
    assert [v["uraian"] for v in hasil.variabel] == ["Jumlah surat selesai", "Jumlah surat masuk"]
    assert (hasil.penjelasan, hasil.keterangan) == (penjelasan, keterangan)


def test_keterangan_setelah_100_bukan_penyebut():
    from kinerja.dokumen.formula import pahami

    # After a formula that does not divide yet, what follows "x 100%" is its denominator.
    hasil = pahami("Jumlah desa tertib x 100 % 20 desa", "Persentase desa tertib")
    assert (hasil.ekspresi, hasil.keterangan) == ("desa_tertib / jumlah_desa * 100", None)
    hasil = pahami("Jumlah desa tertib / Jumlah desa x 100 % Jumlah desa binaan", "Persentase desa tertib")
    assert hasil.keterangan is None
