"""Reading speed of kinerja.dokumen: each shared text document (target < 50 ms) and a generated
100-page DOCX (target < 3 s). Run: ``.venv/bin/python bench/dokumen.py``."""

import io
import statistics
import sys
import time
from pathlib import Path

import docx

from kinerja.dokumen import baca, baca_docx

DOKUMEN = Path(__file__).resolve().parents[1].parent / "shared" / "dokumen"
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
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
