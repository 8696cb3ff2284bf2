"""The `kinerja` command.

Each subcommand is a function taking the parsed arguments; Django is set up only when a
subcommand needs it, so `kinerja --help` answers at once.
"""

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path

import kinerja
from kinerja.cli_argparse import ParserIndonesia


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    django.setup()


def _migrate(verbosity: int = 1):
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_migrate(args):
    _django()
    _migrate(verbosity=args.verbosity)
    return 0


def _progres(selesai: int, total: int, nama: str):
    print(f"  [{selesai}/{total}] {nama}", file=sys.stderr, flush=True)


def cmd_demo(args):
    _django()
    from kinerja import demo

    print("Menyiapkan basis data…", flush=True)
    _migrate(verbosity=0)
    if demo.ada_demo():
        print("Data demo sudah ada; tidak dimuat ulang (hapus var/kinerja.sqlite3 untuk memulai dari awal).")
    else:
        print(f"Memuat data demo: {args.kecamatan} kecamatan, dua tahun…", flush=True)
        ringkasan = demo.buat_demo(args.kecamatan, progres=_progres)
        print(
            f"Selesai: {len(ringkasan.instansi)} kecamatan, {ringkasan.indikator} indikator, "
            f"{ringkasan.nilai} nilai variabel."
        )
    _cetak_login(demo.daftar_login(), args.host, args.port)
    if args.no_serve:
        return 0
    _mulai_worker()
    return _serve(args.host, args.port, args.workers)


def _mulai_worker():
    """One background worker beside the demo's web server (uploaded IKI documents are read there).

    It is a child of this terminal's process group, so Ctrl+C stops it with the server.
    """
    import subprocess

    print("Pekerja latar belakang berjalan (membaca dokumen IKI yang diunggah).", flush=True)
    subprocess.Popen([sys.executable, "-m", "kinerja.cli", "worker"])


def cmd_worker(args):
    """Run the background tasks stored in the database (django-tasks-db's db_worker)."""
    _django()
    from django.core.management import call_command

    if args.migrate:
        _migrate(verbosity=0)
    from kinerja.tugas.tugas_latar import jadwalkan_pengingat

    jadwalkan_pengingat()  # the daily reminders ride on the same worker
    opsi = {"batch": True} if args.sekali else {}
    call_command("db_worker", **opsi)
    return 0


def _cetak_login(login, host: str, port: int):
    from kinerja.demo import PASSWORD_DEMO

    print()
    print(f"Aplikasi web: http://{host}:{port}/   Admin Django: http://{host}:{port}/admin/ (akun admin)")
    print(f"Akun demo (kata sandi semua akun: {PASSWORD_DEMO}):")
    for username, peran, lingkup in login:
        print(f"  {username:<28} {peran:<48} {lingkup}")
    print()


def cmd_serve(args):
    _django()
    if args.migrate:
        _migrate(verbosity=0)
    return _serve(args.host, args.port, args.workers)


def _serve(host: str, port: int, workers: int) -> int:
    """Serve with gunicorn (production-grade, static files through WhiteNoise)."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Kinerja berjalan di http://{host}:{port}/  (Ctrl+C untuk berhenti)", flush=True)
    os.execvp(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kinerja.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            "--chdir",
            str(settings.PROJECT_DIR),
        ],
    )
    return 0  # not reached


def cmd_manage(args):
    """Escape hatch to Django's management commands (createsuperuser, shell, …)."""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kinerja manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = ParserIndonesia(
        prog="kinerja",
        description="Kinerja — Indikator Kinerja Individu (IKI): katalog, pengukuran dan laporan kinerja.",
    )
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH")
    sub.required = True

    def server_options(p):
        p.add_argument("--host", default="127.0.0.1", help="alamat yang didengar (bawaan 127.0.0.1)")
        p.add_argument("--port", type=int, default=8000, help="port (bawaan 8000)")
        p.add_argument("--workers", type=int, default=2, help="jumlah proses gunicorn (bawaan 2)")

    p = sub.add_parser(
        "demo",
        help="siapkan basis data, muat data demo, buat akun demo, lalu jalankan server",
        description="Migrasi basis data, muat data demo (sekali), cetak akun login, jalankan server.",
    )
    p.add_argument(
        "--kecamatan", type=_positive_int, default=3, help="jumlah kecamatan demo (bawaan 3; 30 untuk uji beban)"
    )
    p.add_argument("--no-serve", action="store_true", help="hanya siapkan data, jangan jalankan server")
    server_options(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="jalankan server web", description="Jalankan server web Kinerja (gunicorn).")
    p.add_argument("--migrate", action="store_true", help="jalankan migrasi dulu")
    server_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "worker",
        help="jalankan pekerja latar belakang (membaca dokumen IKI yang diunggah lewat peramban)",
        description="Jalankan tugas latar belakang yang tersimpan di basis data sampai dihentikan (Ctrl+C).",
    )
    p.add_argument("--migrate", action="store_true", help="jalankan migrasi dulu")
    p.add_argument("--sekali", action="store_true", help="kerjakan semua tugas yang menunggu, lalu berhenti")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser(
        "migrate",
        help="siapkan atau perbarui struktur basis data",
        description="Terapkan migrasi basis data (DATABASE_URL, bawaan SQLite di var/).",
    )
    p.add_argument("-v", "--verbosity", type=int, default=1, choices=[0, 1, 2, 3])
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser(
        "manage",
        help="perintah manajemen Django (createsuperuser, shell, …)",
        description="Teruskan argumen ke perintah manajemen Django.",
    )
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)

    # Each app adds its own subcommands in kinerja/<app>/perintah.py: daftarkan(sub, setup_django).
    # Those modules import Django models only inside their handlers, so --help stays fast.
    paket = Path(kinerja.__file__).parent
    for modul in sorted(m.name for m in pkgutil.iter_modules([str(paket)]) if m.ispkg):
        if (paket / modul / "perintah.py").exists():
            importlib.import_module(f"kinerja.{modul}.perintah").daftarkan(sub, _django)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError("harus paling sedikit 1")
    return value


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the reader left: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
