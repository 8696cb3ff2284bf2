"""Benchmark: realisasi and capaian of every indicator of a 30-kecamatan kabupaten.

Builds the demo data set (kinerja.demo.buat_demo(30): two years, 41–46 indicators per kecamatan,
quarterly values) in a temporary SQLite database, or uses DATABASE_URL when it is set (the demo
is loaded there only if absent), then times kinerja.realisasi.hitung.hitung_pemda for the full
year and for the year so far, reads from the database included. Target: < 0.5 s.

    .venv/bin/python bench/compute.py [--kecamatan 30] [--ulang 5]
"""

import argparse
import sys
import time

from _kabupaten import HARI_INI, kabupaten_demo

TARGET_DETIK = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecamatan", type=int, default=30)
    parser.add_argument("--ulang", type=int, default=5, help="jumlah pengukuran (diambil yang tercepat dan median)")
    args = parser.parse_args()

    with kabupaten_demo(args.kecamatan) as pemda:
        return _ukur(args, pemda)


def _ukur(args, pemda) -> int:
    from django.conf import settings
    from django.db import connection, reset_queries

    from kinerja import demo
    from kinerja.realisasi.hitung import hitung_pemda

    tahun_lalu, tahun_ini = demo.tahun_demo(HARI_INI)
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
    return 0


def _evaluate_many_100k() -> None:
    """The formula engine over columns alone: 100,000 rows of a ratio."""
    import time
    from decimal import Decimal

    from kinerja.rumus import evaluate_many

    kolom = {"a": [Decimal(i % 997) for i in range(100_000)], "b": [i % 13 for i in range(100_000)]}
    mulai = time.perf_counter()
    evaluate_many("a / b * 100", kolom)
    print(f"evaluate_many, 100.000 baris rasio: {time.perf_counter() - mulai:.3f} s")


if __name__ == "__main__":
    _evaluate_many_100k()
    sys.exit(main())
