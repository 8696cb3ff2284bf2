"""What a process of a parallel rebuild (kinerja.realisasi.simpanan.hitung_ulang) runs.

A process started fresh (spawn) unpickles these functions before Django is set up: this module
imports nothing of Django's models at import time. A forked one has Django set up already.
"""

import os


def siapkan(modul_pengaturan: str, basis_data: dict) -> None:
    """Set Django up on the caller's settings and database (a test database too)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", modul_pengaturan)
    import django

    django.setup()
    from django.db import connections

    opsi = dict(basis_data.get("OPTIONS") or {})
    # The processes already share the cores: PostgreSQL's own parallel workers would only compete.
    opsi["options"] = f"{opsi.get('options', '')} -c max_parallel_workers_per_gather=0".strip()
    connections["default"].settings_dict.update(basis_data, OPTIONS=opsi)


def kerjakan(dokumen_ids: list[int], daftar_periode: list[str]) -> int:
    """Keep one batch (its own transaction); the number of documents kept."""
    from .simpanan import _hitung_dan_simpan

    return _hitung_dan_simpan(dokumen_ids, daftar_periode)
