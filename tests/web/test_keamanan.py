"""Hardening: the development key refused outside DEBUG, check --deploy clean, CSP, idle sessions."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

AKAR = Path(__file__).resolve().parents[2]
PRODUKSI = {
    "KINERJA_HTTPS": "1",
    "KINERJA_SECRET_KEY": "k" * 20 + "Z9-_aB" * 10,
    "KINERJA_ALLOWED_HOSTS": "kinerja.contoh.go.id",
    "KINERJA_EMAIL_HOST": "smtp.contoh.go.id",
}


def jalankan(kode_atau_perintah: list[str], tmp_path, **env):
    lingkungan = {k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")}
    lingkungan |= {"DJANGO_SETTINGS_MODULE": "kinerja.settings", "KINERJA_VAR_DIR": str(tmp_path)} | env
    return subprocess.run(
        [sys.executable, *kode_atau_perintah], capture_output=True, text=True, env=lingkungan, cwd=AKAR, timeout=120
    )


def test_the_server_refuses_to_start_outside_debug_with_the_development_key(tmp_path):
    hasil = jalankan(["-c", "import kinerja.wsgi"], tmp_path)
    assert hasil.returncode != 0 and "Kunci rahasia pengembangan (publik) tidak boleh dipakai" in hasil.stderr
    assert jalankan(["-c", "import kinerja.wsgi"], tmp_path, KINERJA_DEBUG="1").returncode == 0
    assert jalankan(["-c", "import kinerja.wsgi"], tmp_path, KINERJA_SECRET_KEY="r" * 60).returncode == 0


def test_a_key_generated_for_this_machine_is_used_and_kept_private(tmp_path):
    kode = "import django; django.setup(); from kinerja.web.keamanan import siapkan_kunci; print(siapkan_kunci())"
    kunci = jalankan(["-c", kode], tmp_path).stdout.strip()
    assert len(kunci) >= 50 and (tmp_path / "kunci-rahasia").stat().st_mode & 0o077 == 0
    assert jalankan(["-c", "import kinerja.wsgi"], tmp_path).returncode == 0  # found, not the public key


def test_check_deploy_is_clean_with_the_production_settings_of_the_readme(tmp_path):
    hasil = jalankan(["-m", "django", "check", "--deploy"], tmp_path, **PRODUKSI)
    assert hasil.returncode == 0 and "no issues" in hasil.stdout + hasil.stderr, hasil.stdout + hasil.stderr
    dev = jalankan(["-m", "django", "check", "--deploy"], tmp_path)
    assert "kinerja.E001" in dev.stdout + dev.stderr


@pytest.mark.django_db
def test_pages_carry_a_csp_without_inline_script(client):
    csp = client.get(reverse("web:masuk"))["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_no_template_has_an_inline_script_or_event_handler():
    inline = []
    for berkas in (AKAR / "kinerja").rglob("*.html"):
        teks = berkas.read_text()
        inline += [f"{berkas.name}: <script>" for _ in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", teks)]
        inline += [f"{berkas.name}: {m}" for m in re.findall(r"\son[a-z]+=\"", teks)]
        inline += [f"{berkas.name}: javascript:" for _ in re.findall(r"javascript:", teks)]
    assert inline == []


@pytest.mark.django_db
def test_sessions_end_after_30_idle_minutes_and_activity_renews_them(client, django_user_model):
    from kinerja.akun import sesi

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(django_user_model.objects.create(username="pegawai"))
    assert "sessionid" not in client.get(reverse("web:beranda")).cookies  # just logged in: nothing to renew
    s = client.session
    s[sesi.KUNCI] -= sesi.PERPANJANG_SETELAH  # a minute later
    s.save()
    respons = client.get(reverse("web:beranda"))
    assert respons.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    kode = "import kinerja.settings as s; print(s.SESSION_COOKIE_AGE)"
    assert jalankan(["-c", kode], Path("/tmp"), KINERJA_SESI_MENIT="10").stdout.strip() == "600"
