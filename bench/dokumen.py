"""Reading speed of kinerja.dokumen: each shared text document (target < 50 ms), a generated
100-page DOCX (target < 3 s), and one invented 60-indicator document per format — text, DOCX and
text-based PDF — whose reading is the part of "upload to review page" (issue 10: < 5 s) that the
reader owns. Run: ``.venv/bin/python bench/dokumen.py``."""

import io
import statistics
import sys
import time
from pathlib import Path

import docx

from kinerja.dokumen import baca, baca_docx

AKAR = Path(__file__).resolve().parents[1]
DOKUMEN = AKAR.parent / "shared" / "dokumen"
# The tests' small PDF writer (text and ruled tables), so that the bench needs no PDF library.
sys.path.insert(0, str(AKAR / "tests" / "dokumen"))
JUDUL = ["NO", "SASARAN", "INDIKATOR KINERJA", "PENJELASAN / FORMULASI", "SUMBER DATA"]


def waktu(fungsi, ulang: int) -> float:
    """Median seconds of ``ulang`` calls (after one warm-up call)."""
    fungsi()
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil)


def docx_seratus_halaman() -> bytes:
    """About 100 pages: 35 jabatan, each with tugas and a 30-row IKI table (invented text)."""
    d = docx.Document()
    for j in range(35):
        d.add_paragraph(f"{j + 1}. JABATAN : Kepala Seksi Contoh {j + 1}")
        d.add_paragraph("2. TUGAS :")
        for k in range(8):
            d.add_paragraph(f"Menyusun rencana kerja bidang contoh nomor {k + 1} setiap tahun;", style="List Number")
        t = d.add_table(rows=1, cols=5)
        for sel, teks in zip(t.rows[0].cells, JUDUL):
            sel.text = teks
        for k in range(30):
            isi = [
                str(k // 3 + 1) if k % 3 == 0 else "",
                f"Meningkatnya mutu layanan contoh {k // 3 + 1}" if k % 3 == 0 else "",
                f"Persentase berkas contoh {k + 1} yang selesai tepat waktu",
                f"Jumlah berkas contoh {k + 1} yang selesai tepat waktu\nJumlah berkas contoh {k + 1} yang diterima x 100%",
                "Register berkas",
            ]
            for sel, teks in zip(t.add_row().cells, isi):
                sel.text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


def enam_puluh_indikator() -> list[tuple[str, list[list[str]]]]:
    """Six jabatan of ten indicators each (invented), with the formula shapes of real documents:
    an explanation beside the formula, a numerator over a denominator, words as division."""
    bentuk = [
        "Jumlah {a} / Jumlah {b} x 100%\nPenjelasan : {a} dihitung dari register",
        "Jumlah {a}\nJumlah {b}\nx 100%",
        "Jumlah {a} dibagi jumlah {b} dikali 100%",
        "((Jumlah {a} : Jumlah {b})) x 100% (setiap triwulan)",
        "Jumlah {a}",
    ]
    jabatan = []
    for j in range(6):
        baris = []
        for k in range(10):
            a, b = f"berkas layanan {j}{k} selesai", f"berkas layanan {j}{k} diterima"
            nama = (
                f"Jumlah berkas layanan {j}{k} selesai" if k % 5 == 4 else f"Persentase berkas layanan {j}{k} selesai"
            )
            baris.append(
                [
                    str(k // 5 + 1) if k % 5 == 0 else "",
                    f"Meningkatnya mutu layanan {j}{k // 5}" if k % 5 == 0 else "",
                    nama,
                    bentuk[k % 5].format(a=a, b=b),
                    "Register layanan",
                ]
            )
        jabatan.append((f"Kepala Seksi Layanan {j + 1}", baris))
    return jabatan


def sebagai_teks(jabatan) -> bytes:
    keluar = ["INDIKATOR KINERJA INDIVIDU KECAMATAN CONTOH TAHUN 2025"]
    for nama, baris in jabatan:
        keluar += [f"JABATAN : {nama}", "| " + " | ".join(JUDUL) + " |", "|---|---|---|---|---|"]
        keluar += ["| " + " | ".join(s.replace("\n", "<br>") for s in sel) + " |" for sel in baris]
    return "\n".join(keluar).encode()


def sebagai_docx(jabatan) -> bytes:
    d = docx.Document()
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN CONTOH TAHUN 2025")
    for nama, baris in jabatan:
        d.add_paragraph(f"JABATAN : {nama}")
        t = d.add_table(rows=1, cols=5)
        for sel, teks in zip(t.rows[0].cells, JUDUL):
            sel.text = teks
        for isi in baris:
            for sel, teks in zip(t.add_row().cells, isi):
                sel.text = teks
    keluar = io.BytesIO()
    d.save(keluar)
    return keluar.getvalue()


def sebagai_pdf(jabatan) -> bytes:
    from pdf_buatan import Halaman, lebar_teks, tulis_pdf

    lebar_kolom = [20.0, 90.0, 130.0, 240.0, 70.0]

    def bungkus(teks: str, lebar: float) -> str:
        hasil = []
        for paragraf in teks.split("\n"):
            baris = ""
            for kata in paragraf.split():
                calon = f"{baris} {kata}".strip()
                if baris and lebar_teks(calon) > lebar - 8:
                    hasil.append(baris)
                    baris = kata
                else:
                    baris = calon
            hasil.append(baris)
        return "\n".join(hasil)

    halaman = []
    for nama, baris in jabatan:
        for potong in (baris[:5], baris[5:]):  # half a jabatan's table per page, the header repeated
            h = Halaman()
            h.teks(f"JABATAN : {nama}")
            h.tabel(
                lebar_kolom, [JUDUL] + [[bungkus(s, w) for s, w in zip(sel, lebar_kolom)] for sel in potong], x=20.0
            )
            halaman.append(h)
    return tulis_pdf(halaman)


def main() -> int:
    gagal = False
    if DOKUMEN.is_dir():
        for berkas in sorted(DOKUMEN.glob("*.txt")):
            detik = waktu(lambda: baca(berkas), 20)
            gagal |= detik >= 0.05
            print(f"{berkas.name:45} {detik * 1000:7.1f} ms  (target < 50 ms)")
    else:
        print(f"{DOKUMEN} tidak ada: dokumen bersama dilewati")
    data = docx_seratus_halaman()
    detik = waktu(lambda: baca_docx(data), 3)
    hasil = baca_docx(data)
    jumlah = sum(len(s["indikator"]) for j in hasil["jabatan"] for s in j["sasaran"])
    gagal |= detik >= 3
    print(
        f"{'DOCX buatan (' + str(len(data) // 1024) + ' KB, ' + str(jumlah) + ' indikator)':45} {detik * 1000:7.1f} ms  (target < 3 s)"
    )
    model = enam_puluh_indikator()
    for format_, berkas in (
        ("txt", sebagai_teks(model)),
        ("docx", sebagai_docx(model)),
        ("pdf", sebagai_pdf(model)),
    ):
        detik = waktu(lambda: baca(berkas, f"enam-puluh.{format_}"), 3)
        hasil = baca(berkas, f"enam-puluh.{format_}")
        ditemukan = sum(len(s["indikator"]) for j in hasil["jabatan"] for s in j["sasaran"])
        dipahami = sum(
            1 for j in hasil["jabatan"] for s in j["sasaran"] for i in s["indikator"] if i["formula"]["ekspresi"]
        )
        gagal |= detik >= 5 or ditemukan != 60
        label = f"60 indikator, {format_} ({len(berkas) // 1024} KB): {ditemukan} ditemukan, {dipahami} rumus"
        print(f"{label:55} {detik * 1000:7.1f} ms  (target < 5 s)")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
