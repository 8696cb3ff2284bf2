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


@pytest.fixture(autouse=True)
def _cache_per_test_process(settings):
    """Tests never share the file cache of a real server (var/tembolok)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _plain_static_files(settings, tmp_path_factory):
    """Tests render pages without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)
