"""Kept measurements keyed by (document, period, indicator): one index instead of three.

Django cannot change a table's primary key into a composite one, and the rows are derived: the
table is made anew, empty, and every mark (UkurDokumen) is dropped with the old rows, so that the
next reader of a document recomputes it (or `kinerja hitung-ulang` rebuilds everything). The new
table is UNLOGGED on PostgreSQL like the one it replaces (0007).
"""

import django.db.models.deletion
from django.db import migrations, models

TABEL = "realisasi_hasilukur"


def _lupakan_tanda(apps, schema_editor):
    apps.get_model("realisasi", "UkurDokumen").objects.all().delete()


def _tanpa_log(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABEL} SET UNLOGGED")


class Migration(migrations.Migration):
    dependencies = [
        ("iki", "0006_penanggung_jawab_lindungi"),
        ("realisasi", "0007_hasil_ukur_unlogged"),
    ]

    operations = [
        migrations.RunPython(_lupakan_tanda, _lupakan_tanda),
        # Backwards, the old table comes back empty and is made UNLOGGED again here.
        migrations.RunPython(migrations.RunPython.noop, _tanpa_log),
        migrations.DeleteModel(name="HasilUkur"),
        migrations.CreateModel(
            name="HasilUkur",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "dokumen", "periode", "indikator", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "dokumen",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="iki.dokumeniki",
                    ),
                ),
                (
                    "indikator",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="iki.indikator",
                    ),
                ),
                ("periode", models.CharField(max_length=6)),
                ("realisasi", models.CharField(blank=True, max_length=80, null=True)),
                ("realisasi_alasan", models.TextField(blank=True)),
                ("target", models.CharField(blank=True, max_length=80, null=True)),
                ("target_hi", models.CharField(blank=True, max_length=80, null=True)),
                ("target_turunan", models.BooleanField(default=False)),
                ("capaian", models.CharField(blank=True, max_length=80, null=True)),
                ("capaian_alasan", models.TextField(blank=True)),
                ("lengkap", models.BooleanField(default=False)),
                ("dilaporkan", models.BooleanField(default=True)),
                ("baseline", models.CharField(blank=True, max_length=80, null=True)),
                ("tanpa_rencana_aksi", models.BooleanField(default=False)),
            ],
            options={
                "verbose_name": "hasil pengukuran tersimpan",
                "verbose_name_plural": "hasil pengukuran tersimpan",
            },
        ),
        migrations.RunPython(_tanpa_log, migrations.RunPython.noop),
    ]
