"""Kept measurements as UNLOGGED tables on PostgreSQL (no write-ahead log).

They are derived rows that any reader can compute again (kinerja.realisasi.simpanan.pastikan).
After a crash PostgreSQL empties both tables together, marks and rows, so nothing claims to be
kept that is not: the next readers recompute what they ask for. A national rebuild writes a
third of a million rows; without the log it takes a sixth less time (bench/nasional.py).
"""

from django.db import migrations

TABEL = ("realisasi_ukurdokumen", "realisasi_hasilukur")


def _ubah(jenis: str):
    def ubah(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for tabel in TABEL:
            schema_editor.execute(f"ALTER TABLE {tabel} SET {jenis}")

    return ubah


class Migration(migrations.Migration):
    dependencies = [("realisasi", "0006_hasil_ukur_tanpa_kunci_asing")]

    operations = [migrations.RunPython(_ubah("UNLOGGED"), _ubah("LOGGED"))]
