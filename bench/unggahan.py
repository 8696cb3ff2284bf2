"""Upload bounds: each generated bomb read in its own process; prints its size, the outcome, the
time taken and the process's peak memory (VmHWM). Every row should end refused, under 300 MB.

    .venv/bin/python bench/unggahan.py
"""

import subprocess
import sys
import textwrap
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
BOM = ["bom_terurai(256)", "bom_baris(400_000)", "bom_baris_jauh()", "bom_kolom()", "sel_panjang(40_000)"]

SATU = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from tests.unggahan import bom
    from kinerja.ikm.berkas import baca_responden
    from kinerja.ikm.errors import IKMError
    data = eval("bom." + sys.argv[2])
    mulai = time.perf_counter()
    try:
        baca_responden(data, "bom.xlsx")
        hasil = "DITERIMA"
    except IKMError as e:
        hasil = "ditolak: " + str(e)[:70]
    detik = time.perf_counter() - mulai
    with open("/proc/self/status") as s:
        puncak = next(int(b.split()[1]) for b in s if b.startswith("VmHWM:")) / 1024
    print(f"{sys.argv[2]:<22} {len(data) / 1024:>8.0f} KB {detik:>6.2f} s {puncak:>6.0f} MB  {hasil}")
    """
)

if __name__ == "__main__":
    print(f"{'bom':<22} {'ukuran':>11} {'waktu':>8} {'puncak':>9}  hasil")
    for bom in BOM:
        subprocess.run([sys.executable, "-c", SATU, str(AKAR), bom], check=True, cwd=AKAR)
