"""Configuration from the environment: a production (HTTPS) server refuses to start without a secret key."""

import os
import subprocess
import sys


def run_settings(**env):
    lingkungan = {k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")} | env
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import kinerja.settings as s; print(s.SESSION_COOKIE_SECURE if hasattr(s, 'SESSION_COOKIE_SECURE') else False, s.DATABASES['default']['ENGINE'])",
        ],
        capture_output=True,
        text=True,
        env=lingkungan,
        timeout=60,
    )


def test_https_without_secret_key_is_refused():
    hasil = run_settings(KINERJA_HTTPS="1")
    assert hasil.returncode != 0 and "KINERJA_SECRET_KEY wajib" in hasil.stderr


def test_https_with_secret_key_uses_secure_cookies():
    hasil = run_settings(KINERJA_HTTPS="1", KINERJA_SECRET_KEY="x" * 50)
    assert hasil.returncode == 0 and hasil.stdout.split()[0] == "True"


def test_database_url_selects_postgresql_and_default_is_sqlite():
    assert run_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/kinerja").stdout.split()[1].endswith("postgresql")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("KINERJA_")}
    default = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kinerja.settings as s; print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    engine, name = default.stdout.split()
    assert engine.endswith("sqlite3") and name.endswith("var/kinerja.sqlite3")


def test_gunicorn_workers_share_one_file_cache_per_database():
    kode = "import kinerja.settings as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'], c['KEY_PREFIX'])"
    lingkungan = {k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")}
    hasil = [
        subprocess.run(
            [sys.executable, "-c", kode],
            capture_output=True,
            text=True,
            timeout=60,
            env=lingkungan | {"DATABASE_URL": url},
        ).stdout.split()
        for url in ("postgres://u@127.0.0.1:5432/satu", "postgres://u@127.0.0.1:5432/dua")
    ]
    assert all(h[0].endswith("FileBasedCache") and h[1].endswith("var/tembolok") for h in hasil)
    assert hasil[0][2] != hasil[1][2]


def test_postgresql_connections_compile_no_query_with_jit():
    """The batch reads of a rebuild crossed JIT's cost line and spent more compiling than they saved."""
    hasil = subprocess.run(
        [sys.executable, "-c", "import kinerja.settings as s; print(s.DATABASES['default']['OPTIONS']['options'])"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")}
        | {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/contoh"},
        timeout=60,
    )
    assert hasil.returncode == 0 and "-c jit=off" in hasil.stdout
