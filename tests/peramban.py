"""What every browser test shares: Debian's Chromium (never a downloaded one) and its marker; the
browser itself is the ``peramban`` fixture of tests/conftest.py. A module marks itself with
``from tests.peramban import TANDA as pytestmark``."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

TANDA = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium Debian (/usr/bin/chromium) tidak terpasang; pasang dengan: apt-get install -y chromium",
    ),
]
