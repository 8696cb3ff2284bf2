"""The functional core stays importable without Django (DESIGN.md §8)."""

import subprocess
import sys


def test_pure_modules_do_not_import_django():
    code = "import sys, kinerja.pengukuran, kinerja.format, kinerja.kepegawaian; sys.exit('django' in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)
