"""Django settings, configured from the environment.

KINERJA_SECRET_KEY, KINERJA_DEBUG, KINERJA_ALLOWED_HOSTS and DATABASE_URL; the default database
is an SQLite file under var/ in the checkout so that a fresh machine needs no set-up.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
import django
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("KINERJA_VAR_DIR", PROJECT_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


DEBUG = _env_bool("KINERJA_DEBUG", False)
KUNCI_PENGEMBANGAN = "kinerja-dev-only-not-secret-" + "x" * 32
"""Public, for tests and DEBUG only: kinerja.wsgi refuses to serve with it outside DEBUG."""
BERKAS_KUNCI = VAR_DIR / "kunci-rahasia"
"""A key generated on this machine by ``kinerja serve``/``demo`` when none is configured."""
SECRET_KEY = os.environ.get("KINERJA_SECRET_KEY", "")
if not SECRET_KEY:
    if _env_bool("KINERJA_HTTPS", False):
        raise ImproperlyConfigured("KINERJA_SECRET_KEY wajib diisi bila Kinerja dilayani lewat HTTPS (produksi).")
    try:
        SECRET_KEY = BERKAS_KUNCI.read_text().strip()
    except OSError:
        SECRET_KEY = KUNCI_PENGEMBANGAN
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("KINERJA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]

INSTALLED_APPS = [
    "kinerja.akun.situs.KinerjaAdminConfig",  # django.contrib.admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kinerja.audit",
    "kinerja.organisasi",
    "kinerja.akun",
    "kinerja.iki",
    "kinerja.realisasi",
    "kinerja.survei",
    "kinerja.laporan",
    "kinerja.renstra",
    "kinerja.telaah",
    "kinerja.web",
    "kinerja.api",
    "kinerja.tugas",
    "django_tasks_db",
    "kinerja.impor",
]

# Background tasks (reading uploaded IKI documents) are stored in the database and run by
# `kinerja worker` (django-tasks-db's db_worker): no extra server on SQLite or PostgreSQL.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages travel compressed over slow connections; CSRF tokens are masked per response (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "kinerja.web.galat.PesanGalatMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinerja.audit.pelaku.PelakuMiddleware",
    "kinerja.akun.sandi.WajibGantiSandiMiddleware",
    "kinerja.akun.sesi.SesiAktifMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kinerja.urls"
WSGI_APPLICATION = "kinerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kinerja.sqlite3'}",
        conn_max_age=int(os.environ.get("KINERJA_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL, a busy timeout and write transactions that take the lock when they begin (IMMEDIATE):
    # a kecamatan server has a few writers, and they should wait for each other, not fail with
    # "database is locked" when a read inside a transaction turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL compiles a query with JIT once its estimated cost is high; the measurement's batch
    # reads cross that line and spent 20–40 ms compiling each (bench/nasional.py) to save less.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

# Django's cache is shared by every gunicorn worker through files under var/; the prefix keeps two
# databases served from one checkout apart. (Measurements are kept in the database instead:
# kinerja.realisasi.simpanan.)
_db = DATABASES["default"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "tembolok"),
        "KEY_PREFIX": hashlib.sha256(f"{_db['ENGINE']}|{_db.get('HOST')}|{_db['NAME']}".encode()).hexdigest()[:12],
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "kinerja.akun.sandi.SandiTidakDipakaiUlang"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "web" / "akar"
MEDIA_ROOT = VAR_DIR / "berkas"  # evidence files: outside the web root, served only through views

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if _env_bool("KINERJA_HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("KINERJA_HSTS_SUBDOMAIN", True)
    SECURE_HSTS_PRELOAD = _env_bool("KINERJA_HSTS_PRELOAD", True)
    if _env_bool("KINERJA_DI_BALIK_PROKSI", False):
        # Behind nginx/Caddy that terminates TLS and sets X-Forwarded-Proto (and only then).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (Django 6): scripts only from our own static files, never inline; no
# frames, plugins or foreign form targets. Inline style attributes remain allowed (layout only).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGIN_URL = "web:masuk"
LOGIN_REDIRECT_URL = "web:beranda"
LOGOUT_REDIRECT_URL = "web:masuk"
# Refuses a username+IP after repeated failures, for our login page and the admin's alike.
AUTHENTICATION_BACKENDS = ["kinerja.web.masuk.BackendTerbatas"]
MASUK_MAKS_GAGAL = int(os.environ.get("KINERJA_MASUK_MAKS_GAGAL", "5"))
MASUK_JENDELA_MENIT = int(os.environ.get("KINERJA_MASUK_JENDELA_MENIT", "15"))
# Idle timeout: a session ends after KINERJA_SESI_MENIT minutes (default 30) without a request;
# every request renews it. A shared office computer left alone does not stay logged in.
SESSION_COOKIE_AGE = int(os.environ.get("KINERJA_SESI_MENIT", "30")) * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KINERJA_LOG_LEVEL", "WARNING")},
}

# E-mail (password-reset links, reminders): through SMTP when KINERJA_EMAIL_HOST is set, otherwise
# written as files under var/surel/ so the demo shows them. Reminders may also travel by other
# channels: dotted paths of kinerja.tugas.saluran.Saluran classes.
KINERJA_URL = os.environ.get("KINERJA_URL", "http://127.0.0.1:8000")
KINERJA_SALURAN_PENGINGAT = ["kinerja.tugas.saluran.SaluranSurel"]
DEFAULT_FROM_EMAIL = os.environ.get("KINERJA_EMAIL_DARI", "Kinerja <kinerja@localhost>")
if os.environ.get("KINERJA_EMAIL_HOST"):
    _SUREL = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["KINERJA_EMAIL_HOST"],
            "port": int(os.environ.get("KINERJA_EMAIL_PORT", "587")),
            "username": os.environ.get("KINERJA_EMAIL_USER", ""),
            "password": os.environ.get("KINERJA_EMAIL_PASSWORD", ""),
            "use_tls": _env_bool("KINERJA_EMAIL_TLS", True),
            "timeout": 20,
        },
    }
else:
    _SUREL = {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": VAR_DIR / "surel"},
    }
if django.VERSION >= (6, 1):
    MAILERS = {"default": _SUREL}
else:  # Django 5.2 LTS (Python 3.11) knows only the EMAIL_* settings
    EMAIL_BACKEND = _SUREL["BACKEND"]
    _OPSI = _SUREL["OPTIONS"]
    EMAIL_FILE_PATH = _OPSI.get("file_path")
    EMAIL_HOST, EMAIL_PORT = _OPSI.get("host", "localhost"), _OPSI.get("port", 25)
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _OPSI.get("username", ""), _OPSI.get("password", "")
    EMAIL_USE_TLS = _OPSI.get("use_tls", False)
