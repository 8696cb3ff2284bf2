"""Load test of the web application: simulated users against gunicorn on the 30-kecamatan demo.

Sets everything up from scratch in a temporary directory (SQLite), or uses DATABASE_URL when it is
set (the demo is loaded there only if absent): migrations, the demo kabupaten, static files. Then
starts gunicorn on 127.0.0.1 (a free port, loopback only) and runs --pengguna simulated users, each
a thread with its own login, for --detik seconds. They use the application as people do: camats
and pemda staff open dashboards (and the chart's data, tren.json), pejabat open their
Isian Realisasi page and save a value, with a pause of about --jeda seconds between pages.

Prints, per kind of request and for all pages together, the number of requests, p50 and p95
latency (target: p95 < 150 ms for dashboard and entry pages, < 50 ms for the kabupaten dashboard,
which reads kept results), the errors, and the bytes a first
page load transfers (the login page with its CSS and JavaScript, gzip as browsers ask; target
< 300 KB). Stops the server and removes the temporary files by itself.

    .venv/bin/python bench/load.py [--kecamatan 30] [--pengguna 20] [--detik 60] [--workers N]
"""

import argparse
import gzip
import http.client
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

PROYEK = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROYEK))

TARGET_P95_MS = 150
TARGET_P95_KABUPATEN_MS = 50  # the kabupaten dashboard reads kept results (kinerja.realisasi.simpanan)
TARGET_BERAT_KB = 300
HALAMAN = ("dasbor_instansi", "dasbor_pemda", "isian", "ikhtisar_isian")


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def siapkan(args, env) -> list[dict]:
    """Migrate, load the demo, collect static files; return the simulated users and their pages."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from kinerja import demo
    from kinerja.demo import katalog
    from kinerja.iki.models import Variabel
    from kinerja.organisasi.models import Jabatan, Pemda
    from kinerja.realisasi.berlaku import dokumen_berlaku

    call_command("migrate", interactive=False, verbosity=0)
    if not demo.ada_demo():
        mulai = time.perf_counter()
        demo.buat_demo(args.kecamatan)
        print(f"data demo {args.kecamatan} kecamatan dibuat dalam {time.perf_counter() - mulai:.0f} s", flush=True)
    # As after deployment (`kinerja hitung-ulang --semua`): dashboards read kept measurements.
    from kinerja.iki.models import DokumenIKI
    from kinerja.realisasi import simpanan

    mulai = time.perf_counter()
    jumlah = simpanan.hitung_ulang(DokumenIKI.objects.values_list("pk", flat=True))
    print(f"hasil pengukuran {jumlah} dokumen disimpan dalam {time.perf_counter() - mulai:.0f} s", flush=True)
    call_command("collectstatic", interactive=False, verbosity=0)

    hari_ini = timezone.localdate()
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
    pemda = Pemda.objects.get(nama=demo.NAMA_PEMDA)
    instansi = list(pemda.instansi.order_by("pk"))
    rng = random.Random(7)
    pengguna = []
    for n in range(args.pengguna):
        inst = instansi[n % len(instansi)]
        slug = katalog.nama_kecamatan(instansi.index(inst)).lower().replace(" ", "")
        if n % 10 == 0:
            nama = "pemeriksa" if n % 20 else "admin.pemda"
            halaman = [("dasbor_pemda", f"/pemda/{pemda.pk}/dasbor/")] + [
                ("dasbor_instansi", f"/instansi/{i.pk}/dasbor/") for i in rng.sample(instansi, min(3, len(instansi)))
            ]
            pengguna.append({"username": nama, "halaman": halaman, "simpan": []})
        elif n % 3 == 0:
            pengguna.append(
                {
                    "username": f"camat.{slug}",
                    "simpan": [],
                    "halaman": [
                        ("dasbor_instansi", f"/instansi/{inst.pk}/dasbor/"),
                        ("ikhtisar_isian", f"/instansi/{inst.pk}/isian/"),
                    ],
                }
            )
        else:
            kunci = rng.choice(["sekcam", "kasi_pem", "kasubag_umum", "staf_umum", "kasi_trantib"])
            jabatan = Jabatan.objects.get(instansi=inst, nama=katalog.JABATAN_PER_KUNCI[kunci].nama.format(wilayah=""))
            dokumen = dokumen_berlaku(inst, hari_ini.year)
            url_isian = f"/isian/{dokumen.pk}/{jabatan.pk}/{periode}/"
            variabel = list(
                Variabel.objects.filter(
                    indikator__sasaran__dokumen=dokumen,
                    indikator__sasaran__jabatan=jabatan,
                    nilai_tetap=None,
                    konstanta=None,
                ).values_list("pk", flat=True)
            )
            pengguna.append(
                {
                    "username": f"{kunci.replace('_', '.')}.{slug}",
                    "halaman": [
                        ("isian", url_isian),
                        ("isian", url_isian),
                        ("dasbor_instansi", f"/instansi/{inst.pk}/dasbor/"),
                    ],
                    "simpan": [f"{url_isian}nilai/{v}/" for v in variabel],
                }
            )
    return pengguna


class Klien:
    """One simulated person: cookies, CSRF token, a new connection per request (gunicorn closes them)."""

    def __init__(self, port):
        self.port = port
        self.cookie: dict[str, str] = {}

    def minta(self, metode, path, data=None, header=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        kepala = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookie.items()), "Accept-Encoding": "gzip"}
        kepala.update(header or {})
        isi = None
        if data is not None:
            isi = urllib.parse.urlencode(data)
            kepala["Content-Type"] = "application/x-www-form-urlencoded"
        mulai = time.perf_counter()
        conn.request(metode, path, body=isi, headers=kepala)
        respons = conn.getresponse()
        badan = respons.read()
        lama = (time.perf_counter() - mulai) * 1000
        for nilai in respons.headers.get_all("Set-Cookie") or []:
            kunci, _, sisa = nilai.partition("=")
            self.cookie[kunci.strip()] = sisa.split(";", 1)[0]
        conn.close()
        if respons.getheader("Content-Encoding") == "gzip":
            teks = gzip.decompress(badan)
        else:
            teks = badan
        return respons.status, lama, teks, len(badan)

    def masuk(self, username, sandi):
        self.minta("GET", "/masuk/")
        status, *_ = self.minta(
            "POST",
            "/masuk/",
            {"username": username, "password": sandi, "csrfmiddlewaretoken": self.cookie.get("csrftoken", "")},
        )
        if status != 302:
            raise RuntimeError(f"login {username} gagal ({status})")


def jalankan_pengguna(port, orang, sandi, batas, jeda, hasil, kunci, rng):
    klien = Klien(port)
    klien.masuk(orang["username"], sandi)
    while time.monotonic() < batas:
        jenis, path = rng.choice(orang["halaman"])
        status, lama, teks, _ = klien.minta("GET", path)
        catatan = [(jenis, status, lama)]
        if jenis == "dasbor_instansi" and status == 200:
            # The page's chart asks for its data, as a browser would.
            for url in re.findall(rb'data-url="([^"]+)"', teks):
                s, ms, *_ = klien.minta("GET", url.decode().replace("&amp;", "&"))
                catatan.append(("tren_json", s, ms))
        if orang["simpan"] and jenis == "isian" and rng.random() < 0.5:
            url = rng.choice(orang["simpan"])
            vid = url.rstrip("/").rsplit("/", 1)[1]
            s, ms, *_ = klien.minta(
                "POST",
                url,
                {f"nilai-{vid}": str(rng.randint(1, 60))},
                {"X-CSRFToken": klien.cookie.get("csrftoken", ""), "HX-Request": "true"},
            )
            catatan.append(("simpan_nilai", s, ms))
        with kunci:
            for jenis_, s, ms in catatan:
                hasil[jenis_].append((s, ms))
        time.sleep(rng.uniform(0.5, 1.5) * jeda)


def berat_muat_pertama(port, path="/masuk/", klien=None) -> tuple[int, int]:
    """(bytes transferred, bytes uncompressed) of a page with its stylesheets and scripts."""
    klien = klien or Klien(port)
    _, _, teks, dikirim = klien.minta("GET", path)
    asli = len(teks)
    for aset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', teks):
        _, _, isi, n = klien.minta("GET", aset.decode())
        dikirim += n
        asli += len(isi)
    return dikirim, asli


def persentil(nilai, p):
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, max(0, round(p / 100 * len(urut)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecamatan", type=int, default=30)
    parser.add_argument("--pengguna", type=int, default=20)
    parser.add_argument("--detik", type=float, default=60, help="lama uji beban")
    parser.add_argument("--jeda", type=float, default=1.0, help="rata-rata jeda antarhalaman per pengguna (detik)")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="proses gunicorn")
    args = parser.parse_args()

    sementara = tempfile.TemporaryDirectory(prefix="kinerja-beban-")
    env = {
        "KINERJA_VAR_DIR": sementara.name,
        "KINERJA_DEBUG": "0",
        "KINERJA_ALLOWED_HOSTS": "127.0.0.1",
        "KINERJA_LOG_LEVEL": "ERROR",
        # Production settings refuse the public development key: a throw-away one for this run.
        "KINERJA_SECRET_KEY": secrets.token_urlsafe(50),
    }
    server = None
    try:
        pengguna = siapkan(args, env)
        from kinerja.demo import PASSWORD_DEMO

        port = port_bebas()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "kinerja.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--chdir",
                str(PROYEK),
                "--log-level",
                "warning",
            ],
            env={**os.environ, **env},
            start_new_session=True,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn tidak menjawab")

        dikirim, asli = berat_muat_pertama(port)
        klien = Klien(port)
        klien.masuk(pengguna[0]["username"], PASSWORD_DEMO)
        dasbor = next(p for _, p in pengguna[0]["halaman"] if "/instansi/" in p)
        dikirim_dasbor, asli_dasbor = berat_muat_pertama(port, dasbor, klien)

        hasil: dict[str, list] = defaultdict(list)
        kunci = threading.Lock()
        batas = time.monotonic() + args.detik
        beban_awal = os.getloadavg()[0]
        print(
            f"{len(pengguna)} pengguna, {args.detik:.0f} s, gunicorn {args.workers} proses, "
            f"port {port} (127.0.0.1), {os.cpu_count()} CPU, beban mesin {beban_awal:.1f}…",
            flush=True,
        )
        benang = [
            threading.Thread(
                target=jalankan_pengguna,
                daemon=True,
                args=(port, orang, PASSWORD_DEMO, batas, args.jeda, hasil, kunci, random.Random(i)),
            )
            for i, orang in enumerate(pengguna)
        ]
        for b in benang:
            b.start()
        for b in benang:
            b.join(args.detik + 60)

        print(f"\n{'permintaan':<18}{'jumlah':>8}{'p50 ms':>9}{'p95 ms':>9}{'galat':>7}")
        semua_halaman = []
        for jenis in sorted(hasil):
            ms = [m for _, m in hasil[jenis]]
            galat = sum(1 for s, _ in hasil[jenis] if s >= 400)
            print(f"{jenis:<18}{len(ms):>8}{statistics.median(ms):>9.0f}{persentil(ms, 95):>9.0f}{galat:>7}")
            if jenis in HALAMAN:
                semua_halaman += ms
        p95 = persentil(semua_halaman, 95)
        status = "OK" if p95 < TARGET_P95_MS else "LAMBAT"
        print(
            f"{'halaman (semua)':<18}{len(semua_halaman):>8}{statistics.median(semua_halaman):>9.0f}{p95:>9.0f}"
            f"   [{status}: target p95 < {TARGET_P95_MS} ms]"
        )
        if hasil.get("dasbor_pemda"):
            kabupaten = [m for _, m in hasil["dasbor_pemda"]]
            p95_kab = persentil(kabupaten, 95)
            status = "OK" if p95_kab < TARGET_P95_KABUPATEN_MS else "LAMBAT"
            print(
                f"{'dasbor kabupaten':<18}{len(kabupaten):>8}{statistics.median(kabupaten):>9.0f}{p95_kab:>9.0f}"
                f"   [{status}: target p95 < {TARGET_P95_KABUPATEN_MS} ms]"
            )
        total = sum(len(v) for v in hasil.values())
        print(
            f"{total / args.detik:.1f} permintaan/detik; beban mesin (load average 1 menit) "
            f"{beban_awal:.1f} di awal, {os.getloadavg()[0]:.1f} di akhir — proses lain di mesin ikut bersaing"
        )
        status = "OK" if dikirim < TARGET_BERAT_KB * 1024 else "BERAT"
        print(
            f"\nmuat pertama (halaman masuk + CSS + JS): {dikirim / 1024:.0f} KB terkirim (gzip), "
            f"{asli / 1024:.0f} KB tanpa kompresi [{status}: target < {TARGET_BERAT_KB} KB]"
        )
        print(
            f"dasbor instansi + CSS + JS (termasuk Chart.js): {dikirim_dasbor / 1024:.0f} KB terkirim, "
            f"{asli_dasbor / 1024:.0f} KB tanpa kompresi"
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        from django.db import connections

        connections.close_all()
        sementara.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
