"""Shared fixtures.

Real IKI documents live in ../shared/dokumen/ beside the checkout; tests that read them skip
when that folder is absent so that a clone elsewhere still passes.
"""

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"
DOKUMEN_DIR = SHARED_DIR / "dokumen"
ARTIFACT_DIR = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture
def dokumen_dir() -> Path:
    if not DOKUMEN_DIR.is_dir():
        pytest.skip("../shared/dokumen/ tidak ada di mesin ini")
    return DOKUMEN_DIR


@pytest.fixture
def artifact_dir() -> Path:
    ARTIFACT_DIR.mkdir(exist_ok=True)
    return ARTIFACT_DIR


@pytest.fixture(autouse=True, scope="session")
def _static_root_exists():
    """WhiteNoise warns when STATIC_ROOT is missing; the session-wide live server sees the real one."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True, scope="session")
def _live_server_one_request_at_a_time_on_sqlite():
    """On SQLite the live server shares the test's in-memory database, and so its one connection,
    with every request thread: two requests at once (a page and the data its script fetches) would
    use that connection together ("bad parameter or other API misuse"). There it serves one request
    at a time, as Django's own non-threaded server does (closing each connection); on PostgreSQL
    every request thread has a connection of its own."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    if connection.vendor != "sqlite":
        yield
        return

    class SatuPermintaan(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # Requests are served in the server thread, which holds the shared connection already.
            super().__init__(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(LiveServerThread, "server_class", SatuPermintaan)
        yield


@pytest.fixture(autouse=True)
def _cache_per_test_process(settings):
    """Tests never share the file cache of a real server (var/tembolok)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()  # the database is new for every test; what was kept for an earlier one is not its


@pytest.fixture(autouse=True)
def _plain_static_files(settings, tmp_path_factory):
    """Tests render pages without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def peramban():
    """One Debian Chromium per module (tests.peramban marks the modules that use it)."""
    from playwright.sync_api import sync_playwright

    from tests.peramban import ARGUMEN, CHROMIUM

    # Playwright's sync API keeps an event loop on this thread; Django would then refuse every ORM
    # call of the test itself. Nothing async touches the database here, so let it through.
    with pytest.MonkeyPatch.context() as mp, sync_playwright() as p:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMEN)
        yield browser
        browser.close()
