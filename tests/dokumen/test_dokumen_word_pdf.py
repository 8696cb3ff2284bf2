"""DOCX and PDF documents, built by the tests from invented rows."""

import io

import docx
import pytest
from docx.enum.text import WD_BREAK, WD_UNDERLINE
from docx.oxml import parse_xml
from pdf_buatan import JARAK_BARIS, GarisBawah, Halaman, Pecahan, lebar_teks, tulis_pdf

from kinerja.dokumen import baca, baca_docx, baca_pdf

JUDUL = ["NO", "SASARAN", "INDIKATOR KINERJA", "FORMULASI", "SUMBER DATA"]


def ringkas(hasil: dict) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (j["nama"], s["uraian"], i["nama"], i["formula"]["ekspresi"], i["sumber_data"])
        for j in hasil["jabatan"]
        for s in j["sasaran"]
        for i in s["indikator"]
    ]


def dokumen_word() -> bytes:
    d = docx.Document()
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAMAJU TAHUN 2025")
    d.add_paragraph("JABATAN : Kepala Seksi Pemerintahan")
    d.add_paragraph("FUNGSI :")
    d.add_paragraph("pembinaan pemerintahan desa", style="List Number")
    d.add_paragraph("pelayanan administrasi pertanahan", style="List Number")
    t = d.add_table(rows=5, cols=5)
    for sel, teks in zip(t.rows[0].cells, JUDUL):
        sel.text = teks
    isi = [
        [
            "1",
            "Meningkatnya tertib administrasi desa",
            "Persentase desa tertib administrasi",
            "Jumlah desa tertib administrasi\n9 desa x 100%",
            "Laporan desa",
        ],
        ["", "", "Persentase akta tanah selesai tepat waktu", "", "Register akta"],
        ["", "", "", "", ""],
        [
            "2",
            "Meningkatnya ketertiban",
            "Angka kriminalitas",
            "Jumlah kejadian kriminalitas – Target kejadian kriminalitas",
            "Polsek",
        ],
    ]
    for baris, data in zip(t.rows[1:], isi):
        for sel, teks in zip(baris.cells, data):
            if teks:
                sel.text = teks
    # The sasaran cell spans two rows (vertical merge), the sumber data two columns of row 3.
    t.cell(1, 1).merge(t.cell(3, 1))
    t.cell(3, 3).merge(t.cell(3, 4))
    # The second formula: an underlined numerator, "x 100 %", then the denominator.
    p = t.cell(2, 3).paragraphs[0]
    run = p.add_run("Jumlah akta selesai tepat waktu")
    run.underline = WD_UNDERLINE.SINGLE
    p.add_run(" x 100 % Jumlah permohonan akta")
    t.cell(3, 2).text = "(baris sisipan)"
    d.add_paragraph("JABATAN : Staf Seksi Pemerintahan")
    t2 = d.add_table(rows=2, cols=4)
    for sel, teks in zip(t2.rows[0].cells, ["Sasaran", "Indikator", "Rumus", "Sumber Data"]):
        sel.text = teks
    for sel, teks in zip(
        t2.rows[1].cells, ["Meningkatnya layanan", "Jumlah berkas diarsipkan", "Jumlah berkas diarsipkan", "Arsip"]
    ):
        sel.text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


def test_docx_tabel_word_dengan_sel_gabungan_dan_garis_bawah():
    hasil = baca_docx(dokumen_word(), "contoh.docx")
    assert ringkas(hasil) == [
        (
            "Kepala Seksi Pemerintahan",
            "Meningkatnya tertib administrasi desa",
            "Persentase desa tertib administrasi",
            "desa_tertib_administrasi / jumlah_desa * 100",
            "Laporan desa",
        ),
        (
            "Kepala Seksi Pemerintahan",
            "Meningkatnya tertib administrasi desa",
            "Persentase akta tanah selesai tepat waktu (baris sisipan)",
            "akta_selesai_tepat_waktu / permohonan_akta * 100",
            "Register akta",
        ),
        (
            "Kepala Seksi Pemerintahan",
            "Meningkatnya ketertiban",
            "Angka kriminalitas",
            "kejadian_kriminalitas - target_kejadian_kriminalitas",
            "Polsek",
        ),
        ("Staf Seksi Pemerintahan", "Meningkatnya layanan", "Jumlah berkas diarsipkan", "berkas_diarsipkan", "Arsip"),
    ]
    assert hasil["jabatan"][0]["fungsi"] == ["pembinaan pemerintahan desa", "pelayanan administrasi pertanahan"]
    assert (hasil["instansi"], hasil["tahun"]) == ("Kecamatan Sukamaju", 2025)
    assert baca(dokumen_word(), "contoh.docx") == hasil


def test_docx_seratus_halaman_cepat_dan_lengkap():
    d = docx.Document()
    for j in range(10):
        d.add_paragraph(f"JABATAN : Kepala Seksi Contoh {j + 1}")
        t = d.add_table(rows=1, cols=5)
        for sel, teks in zip(t.rows[0].cells, JUDUL):
            sel.text = teks
        for k in range(20):
            sel = t.add_row().cells
            for s, teks in zip(
                sel,
                [
                    str(k + 1),
                    f"Meningkatnya layanan {k + 1}",
                    f"Persentase layanan {k + 1} tepat waktu",
                    f"Jumlah layanan {k + 1} tepat waktu / Jumlah layanan {k + 1} x 100%",
                    "Register",
                ],
            ):
                s.text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    hasil = baca_docx(keluar.getvalue())
    assert [sum(len(s["indikator"]) for s in j["sasaran"]) for j in hasil["jabatan"]] == [20] * 10


def test_pdf_tabel_bergaris_berlanjut_ke_halaman_berikut():
    h1 = Halaman()
    h1.teks("KEPUTUSAN CAMAT SUKAMAJU")
    h1.teks("Nomor: 061/12/KEP/435.101/2023")
    h1.teks("Sukamaju, 2 Januari 2023")
    h1.teks("1. JABATAN : Kepala Seksi Pelayanan Umum")
    h1.teks("2. TUGAS : Melayani masyarakat di kantor kecamatan")
    lebar = [25, 120, 130, 180, 80]
    h1.tabel(
        lebar,
        [
            JUDUL,
            [
                "1",
                "Meningkatnya layanan\nperizinan",
                "Persentase izin terbit\ntepat waktu",
                "Jumlah izin terbit tepat waktu /\nJumlah permohonan izin x 100%",
                "Register izin",
            ],
            ["", "", "Angka pengaduan", "Jumlah pengaduan - Target pengaduan", "Kotak saran"],
        ],
    )
    h2 = Halaman()
    h2.tabel(lebar, [JUDUL, ["", "", "Jumlah surat keluar", "Jumlah surat keluar", "Agenda"]])
    h2.teks("1. JABATAN : Staf Pelayanan Umum")
    h2.kolom((40, "Sasaran"), (200, "Indikator"), (380, "Rumus"))
    h2.kolom((40, "Meningkatnya layanan"), (200, "Jumlah antrian dilayani"), (380, "Jumlah antrian dilayani"))
    hasil = baca_pdf(tulis_pdf([h1, h2]), "contoh.pdf")
    assert ringkas(hasil) == [
        (
            "Kepala Seksi Pelayanan Umum",
            "Meningkatnya layanan perizinan",
            "Persentase izin terbit tepat waktu",
            "izin_terbit_tepat_waktu / permohonan_izin * 100",
            "Register izin",
        ),
        (
            "Kepala Seksi Pelayanan Umum",
            "Meningkatnya layanan perizinan",
            "Angka pengaduan",
            "jumlah_pengaduan - target_pengaduan",
            "Kotak saran",
        ),
        (
            "Kepala Seksi Pelayanan Umum",
            "Meningkatnya layanan perizinan",
            "Jumlah surat keluar",
            "surat_keluar",
            "Agenda",
        ),
        ("Staf Pelayanan Umum", "Meningkatnya layanan", "Jumlah antrian dilayani", "antrian_dilayani", None),
    ]
    assert hasil["sk"]["nomor"] == "061/12/KEP/435.101/2023"
    assert hasil["sk"]["tanggal"] == "2023-01-02"


def test_docx_persamaan_word_dengan_baris_bertumpuk():
    # Word cannot wrap text inside a fraction: a long numerator is stacked lines (m:eqArr).
    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Pemerintahan")
    t = d.add_table(rows=2, cols=4)
    for sel, teks in zip(t.rows[0].cells, ["Sasaran", "Indikator", "Rumus", "Sumber Data"]):
        sel.text = teks
    for sel, teks in zip(t.rows[1].cells, ["Meningkatnya layanan", "Persentase akta tepat waktu", "", "Register"]):
        sel.text = teks

    def r(teks: str) -> str:
        return f"<m:r><m:t xml:space='preserve'>{teks}</m:t></m:r>"

    t.cell(1, 2).paragraphs[0]._p.append(
        parse_xml(
            "<m:oMath xmlns:m='http://schemas.openxmlformats.org/officeDocument/2006/math'><m:f>"
            f"<m:num><m:eqArr><m:e>{r('Jumlah akta tanah yang')}</m:e><m:e>{r('diproses tepat waktu')}</m:e></m:eqArr></m:num>"
            f"<m:den>{r('Jumlah usulan akta tanah')}</m:den></m:f>{r(' × 100%')}</m:oMath>"
        )
    )
    keluar = io.BytesIO()
    d.save(keluar)
    formula = baca_docx(keluar.getvalue())["jabatan"][0]["sasaran"][0]["indikator"][0]["formula"]
    assert formula["ekspresi"] == "akta_tanah_tepat_waktu / usulan_akta_tanah * 100"
    assert formula["variabel"][0]["uraian"] == "Jumlah akta tanah yang diproses tepat waktu"


def test_pdf_garis_pecahan_di_dalam_sel():
    h = Halaman()
    h.teks("1. JABATAN : Kepala Subbagian Umum")
    h.tabel(
        [25, 90, 110, 260, 70],
        [
            JUDUL,
            [
                "1",
                "Meningkatnya disiplin",
                GarisBawah(["Tingkat kehadiran", "pegawai negeri sipil"]),
                Pecahan(
                    ["Jumlah pegawai x (Jumlah hari kerja -", "Jumlah hari tidak masuk)"],
                    ["Jumlah pegawai x Jumlah hari kerja"],
                    "x 100 %",
                ),
                "Daftar hadir",
            ],
            [
                "",
                "",
                "Persentase SPJ tepat waktu",
                Pecahan(["Jumlah SPJ tepat waktu"], ["Jumlah SPJ"], "x 100 %"),
                "Register",
            ],
        ],
    )
    hadir, spj = [i for s in baca_pdf(tulis_pdf([h]))["jabatan"][0]["sasaran"] for i in s["indikator"]]
    # The bar groups what the lines alone leave open: the whole numerator over the whole denominator.
    assert hadir["formula"]["ekspresi"] == (
        "jumlah_pegawai * (hari_kerja - hari_tidak_masuk) / (jumlah_pegawai * hari_kerja) * 100"
    )
    assert hadir["formula"]["teks"] == (
        "(Jumlah pegawai x (Jumlah hari kerja - Jumlah hari tidak masuk)) / (Jumlah pegawai x Jumlah hari kerja) x 100 %"
    )
    # An underlined word with a wider line under it is emphasis, not a fraction.
    assert hadir["nama"] == "Tingkat kehadiran pegawai negeri sipil"
    assert spj["formula"]["ekspresi"] == "spj_tepat_waktu / jumlah_spj * 100"


def test_pdf_pecahan_di_dalam_pembilang():
    h = Halaman()
    h.teks("JABATAN : Kepala Seksi Pemerintahan")
    h.tabel(
        [150, 150, 200],
        [["Sasaran", "Indikator", "Rumus"], ["Meningkatnya tertib desa", "Rasio desa tertib", "\n" * 3]],
    )
    # In the formula cell of the last row (four lines high, its top 14 + 46 points above h.y):
    # a fraction over a denominator.
    x, y = 30 + 150 + 150 + 3, h.y + 14 + 4 * JARAK_BARIS + 6 - 9
    for k, teks in enumerate(["Jumlah desa tertib", "Jumlah desa", "Jumlah kecamatan"]):
        h.tulis_di(x + (100 - lebar_teks(teks)) / 2, y - k * JARAK_BARIS, teks)
    h.garis_di(x + 15, y - 3, x + 85)
    h.garis_di(x, y - JARAK_BARIS - 3, x + 100)
    rasio = baca_pdf(tulis_pdf([h]))["jabatan"][0]["sasaran"][0]["indikator"][0]
    assert rasio["formula"]["ekspresi"] == "desa_tertib / jumlah_desa / jumlah_kecamatan"


def test_docx_jabatan_tugas_fungsi_dalam_tabel_tanpa_garis():
    # Label | : | content rows, a lettered list as paragraphs of one cell, as decrees lay them out.
    d = docx.Document()
    keterangan = d.add_table(rows=3, cols=3)
    for baris, (label, isi) in zip(
        keterangan.rows,
        [
            ("1. JABATAN", ["Kepala Seksi Pemerintahan"]),
            ("2. TUGAS", ["Membantu Camat di bidang pemerintahan"]),
            ("3. FUNGSI", ["a.\tPembinaan pemerintahan desa", "b.\tPelayanan administrasi pertanahan"]),
        ],
    ):
        baris.cells[0].text, baris.cells[1].text, baris.cells[2].text = label, ":", isi[0]
        for lanjut in isi[1:]:
            baris.cells[2].add_paragraph(lanjut)
    t = d.add_table(rows=2, cols=4)
    for sel, teks in zip(t.rows[0].cells, ["Sasaran", "Indikator", "Rumus", "Sumber Data"]):
        sel.text = teks
    for sel, teks in zip(t.rows[1].cells, ["Meningkatnya layanan", "Jumlah akta", "Jumlah akta", "Register"]):
        sel.text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    jabatan = baca_docx(keluar.getvalue())["jabatan"][0]
    assert jabatan["nama"] == "Kepala Seksi Pemerintahan"
    assert jabatan["tugas"] == ["Membantu Camat di bidang pemerintahan"]
    assert jabatan["fungsi"] == ["Pembinaan pemerintahan desa", "Pelayanan administrasi pertanahan"]


def test_pdf_isi_keterangan_jabatan_yang_terbungkus():
    h = Halaman()
    isi = 110 + lebar_teks(": ")  # where the text after the colon starts
    h.kolom((40, "1. JABATAN"), (110, ": Kepala Seksi Pemerintahan"))
    h.kolom((40, "2. TUGAS"), (110, ": Membantu Camat dalam penyelenggaraan pemerintahan"))
    h.kolom((isi, "Umum di wilayah kecamatan"))
    h.kolom((40, "3. FUNGSI"), (110, ": a. Pembinaan pemerintahan desa dan"))
    h.kolom((isi, "kelurahan"))
    h.kolom((isi, "b. Pelayanan administrasi pertanahan"))
    h.tabel(
        [150, 150, 200], [["Sasaran", "Indikator", "Rumus"], ["Meningkatnya layanan", "Jumlah akta", "Jumlah akta"]]
    )
    jabatan = baca_pdf(tulis_pdf([h]))["jabatan"][0]
    assert jabatan["tugas"] == ["Membantu Camat dalam penyelenggaraan pemerintahan Umum di wilayah kecamatan"]
    assert jabatan["fungsi"] == ["Pembinaan pemerintahan desa dan kelurahan", "Pelayanan administrasi pertanahan"]


def test_pdf_hasil_pindai_tanpa_teks_mendapat_pesannya_sendiri():
    from pdf_buatan import Halaman

    from kinerja.dokumen import DokumenError

    gambar = Halaman()
    gambar.garis_di(40, 700, 500)  # only drawings, as a scan's page has no text either
    for data in (tulis_pdf([gambar]), tulis_pdf([Halaman(), Halaman()])):
        with pytest.raises(DokumenError) as e:
            baca_pdf(data, "pindai.pdf")
        assert str(e.value) == "pindai.pdf: PDF hasil pindai, tidak ada teks; jalankan OCR lebih dahulu"


def _docx_dua_halaman(pemisah: str) -> bytes:
    """An IKI table, a page break, and a second table whose second row has no name."""
    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Umum")
    for nomor in range(2):
        t = d.add_table(rows=3, cols=5)
        for sel, teks in zip(t.rows[0].cells, JUDUL):
            sel.text = teks
        isi = [
            str(nomor + 1),
            "Meningkatnya layanan",
            f"Persentase surat {nomor} selesai",
            "Jumlah surat selesai / Jumlah surat x 100%",
            "Agenda",
        ]
        for sel, teks in zip(t.rows[1].cells, isi):
            sel.text = teks
        t.rows[2].cells[3].text = "Jumlah rapat / Jumlah undangan x 100%"
        t.rows[2].cells[0].text = "9"
        if nomor == 0:
            p = d.add_paragraph()
            if pemisah == "eksplisit":
                p.add_run().add_break(WD_BREAK.PAGE)
            else:
                # What Word writes where it broke the page when it last laid the file out.
                p.add_run("lanjutan")._r.append(
                    parse_xml(
                        '<w:lastRenderedPageBreak xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
                    )
                )
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


@pytest.mark.parametrize("pemisah", ["eksplisit", "tercatat"])
def test_docx_peringatan_menyebut_halaman_tabel_dan_baris(pemisah):
    hasil = baca_docx(_docx_dua_halaman(pemisah), "dua-halaman.docx")
    tanpa_nama = [p for p in hasil["peringatan"] if "tanpa nama indikator" in p]
    assert [p.split(":")[0] for p in tanpa_nama] == ["halaman 1, tabel 1, baris 3", "halaman 2, tabel 2, baris 3"]
    assert [i["tempat"] for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]] == [
        "halaman 1, tabel 1, baris 2",
        "halaman 2, tabel 2, baris 2",
    ]


def test_docx_tanpa_pemisah_halaman_menyebut_tabel_dan_baris_saja():
    hasil = baca_docx(dokumen_word(), "contoh.docx")
    assert [i["tempat"] for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]][:2] == [
        "tabel 1, baris 2",
        "tabel 1, baris 3",
    ]


def test_docx_sel_sumber_data_yang_digabung_ke_bawah_milik_setiap_indikatornya():
    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Umum")
    isi = [
        JUDUL,
        [
            "1",
            "Meningkatnya tertib surat",
            "Persentase surat selesai",
            "Jumlah surat selesai / Jumlah surat x 100%",
            "Register surat",
        ],
        ["", "", "Persentase surat terarsip", "Jumlah surat terarsip / Jumlah surat x 100%", ""],
        ["", "", "Persentase rapat terlaksana", "Jumlah rapat terlaksana", "Notulen"],
        ["", "", "", "Jumlah rapat direncanakan x 100%", ""],
    ]
    t = d.add_table(rows=len(isi), cols=5)
    for r, baris in enumerate(isi):
        for k, teks in enumerate(baris):
            if teks:
                t.cell(r, k).text = teks
    t.cell(1, 4).merge(t.cell(2, 4))  # one sumber data for two indicators
    t.cell(3, 2).merge(t.cell(4, 2))  # one name over the numerator's and the denominator's rows
    t.cell(3, 4).merge(t.cell(4, 4))
    keluar = io.BytesIO()
    d.save(keluar)
    hasil = baca_docx(keluar.getvalue(), "gabung.docx")
    assert [(i["nama"], i["sumber_data"], i["formula"]["ekspresi"]) for _, _, i in _indikator(hasil)] == [
        ("Persentase surat selesai", "Register surat", "surat_selesai / jumlah_surat * 100"),
        ("Persentase surat terarsip", "Register surat", "surat_terarsip / jumlah_surat * 100"),
        ("Persentase rapat terlaksana", "Notulen", "rapat_terlaksana / rapat_direncanakan * 100"),
    ]


def _indikator(hasil: dict):
    return [(j, s, i) for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"]]


def test_docx_tabel_bersarang_pecahan_dengan_kali_100_di_sampingnya():
    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Umum")
    t = d.add_table(rows=2, cols=5)
    for sel, teks in zip(t.rows[0].cells, JUDUL):
        sel.text = teks
    for sel, teks in zip(t.rows[1].cells, ["1", "Meningkatnya tertib surat", "Persentase surat selesai", "", "Agenda"]):
        sel.text = teks
    # The numerator over the denominator in a nested table, "x 100%" in a cell merged beside both.
    dalam = t.cell(1, 3).add_table(rows=2, cols=2)
    dalam.cell(0, 0).text = "Jumlah surat selesai"
    dalam.cell(1, 0).text = "Jumlah surat masuk"
    dalam.cell(0, 1).merge(dalam.cell(1, 1)).text = "x 100%"
    keluar = io.BytesIO()
    d.save(keluar)
    (_, _, ind), *_ = _indikator(baca_docx(keluar.getvalue(), "bersarang.docx"))
    assert ind["formula"]["ekspresi"] == "surat_selesai / surat_masuk * 100"
    assert [v["uraian"] for v in ind["formula"]["variabel"]] == ["Jumlah surat selesai", "Jumlah surat masuk"]


def test_docx_tanda_hubung_tetap_dan_lunak_dibaca_sebagai_teksnya():
    """Word's non-breaking hyphen (as Kinerja writes "PBB-P2" in a table) is a hyphen; an optional one is nothing."""
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_paragraph("JABATAN : Kepala Seksi Kesejahteraan Sosial")
    t = d.add_table(rows=2, cols=4)
    for sel, teks in zip(t.rows[0].cells, ["Sasaran", "Indikator", "Rumus", "Sumber Data"], strict=True):
        sel.text = teks
    for sel, teks in zip(t.rows[1].cells, ["Meningkatnya pendapatan", "", "Jumlah tunggakan", "Laporan"], strict=True):
        sel.text = teks
    run = t.cell(1, 1).paragraphs[0].add_run("Persentase tunggakan PBB")
    run._r.append(OxmlElement("w:noBreakHyphen"))
    for potongan, lunak in (("P2 ter", True), ("bayar", False)):
        teks = OxmlElement("w:t")
        teks.text = potongan
        run._r.append(teks)
        if lunak:
            run._r.append(OxmlElement("w:softHyphen"))
    keluar = io.BytesIO()
    d.save(keluar)
    [(_, _, nama, _, _)] = ringkas(baca_docx(keluar.getvalue(), "contoh.docx"))
    assert nama == "Persentase tunggakan PBB-P2 terbayar"
