"""The demo kabupaten the benchmarks measure: in a temporary SQLite database, or in DATABASE_URL
when it is set (the demo is loaded there only if absent). Shared by bench/compute.py and
bench/reports.py.
"""

import contextlib
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HARI_INI = date(2026, 11, 21)


@contextlib.contextmanager
def kabupaten_demo(jumlah_kecamatan: int):
    """Set up Django on the benchmark database and yield the demo Pemda; clean up afterwards."""
    sementara = None
    if not os.environ.get("DATABASE_URL"):
        sementara = tempfile.TemporaryDirectory(prefix="kinerja-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{sementara.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kinerja import demo
    from kinerja.organisasi.models import Pemda

    call_command("migrate", interactive=False, verbosity=0)
    if not demo.ada_demo():
        mulai = time.perf_counter()
        demo.buat_demo(jumlah_kecamatan, hari_ini=HARI_INI)
        print(f"data demo {jumlah_kecamatan} kecamatan dibuat dalam {time.perf_counter() - mulai:.1f} s")
    try:
        yield Pemda.objects.get(nama=demo.NAMA_PEMDA)
    finally:
        if sementara:
            connection.close()
            sementara.cleanup()
