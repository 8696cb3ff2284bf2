"""Benchmark: realisasi and capaian of every indicator of a 30-kecamatan kabupaten.

Builds the demo data set (kinerja.demo.buat_demo(30): two years, 41–46 indicators per kecamatan,
quarterly values) in a temporary SQLite database, or uses DATABASE_URL when it is set (the demo
is loaded there only if absent), then times kinerja.realisasi.hitung.hitung_pemda for the full
year and for the year so far, reads from the database included. Target: < 0.5 s.

    .venv/bin/python bench/compute.py [--kecamatan 30] [--ulang 5]
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_DETIK = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecamatan", type=int, default=30)
    parser.add_argument("--ulang", type=int, default=5, help="jumlah pengukuran (diambil yang tercepat dan median)")
    args = parser.parse_args()

    sementara = None
    if not os.environ.get("DATABASE_URL"):
        sementara = tempfile.TemporaryDirectory(prefix="kinerja-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{sementara.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries

    from kinerja import demo
    from kinerja.organisasi.models import Pemda
    from kinerja.realisasi.hitung import hitung_pemda

    call_command("migrate", interactive=False, verbosity=0)
    hari_ini = date(2026, 11, 21)
    if not demo.ada_demo():
        mulai = time.perf_counter()
        demo.buat_demo(args.kecamatan, hari_ini=hari_ini)
        print(f"data demo {args.kecamatan} kecamatan dibuat dalam {time.perf_counter() - mulai:.1f} s")
    pemda = Pemda.objects.get(nama=demo.NAMA_PEMDA)
    tahun_lalu, tahun_ini = demo.tahun_demo(hari_ini)
    print(f"basis data: {connection.vendor}")
    for tahun, periode in ((tahun_lalu, "TAHUN"), (tahun_ini, "SD_TW3")):
        waktu = []
        for _ in range(args.ulang):
            connection.close()  # every run pays for its own connection and reads, nothing cached
            mulai = time.perf_counter()
            hasil = hitung_pemda(pemda, tahun, periode)
            waktu.append(time.perf_counter() - mulai)
        jumlah = sum(len(h) for h in hasil.values())
        terhitung = sum(1 for h in hasil.values() for x in h if x.capaian.nilai is not None)
        from django.conf import settings

        settings.DEBUG = True
        reset_queries()
        hitung_pemda(pemda, tahun, periode)
        kueri = len(connection.queries)
        settings.DEBUG = False
        terbaik, median = min(waktu), sorted(waktu)[len(waktu) // 2]
        status = "OK" if median < TARGET_DETIK else "LAMBAT"
        print(
            f"hitung_pemda {tahun} {periode}: {len(hasil)} instansi, {jumlah} indikator ({terhitung} dengan capaian), "
            f"{kueri} kueri; terbaik {terbaik:.3f} s, median {median:.3f} s, "
            f"{jumlah / median:,.0f} indikator/detik [{status}: target < {TARGET_DETIK} s]"
        )
    if sementara:
        connection.close()
        sementara.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
