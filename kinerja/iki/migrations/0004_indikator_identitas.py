"""A stable identity per indicator, carried by every copy (revision, new year).

Existing indicators are given one identity per (instansi, jabatan, name): the rule that matched
last year's indicator until now, so last year's realisasi stays where it was.
"""

import uuid

from django.db import migrations, models


def beri_identitas(apps, schema_editor):
    Indikator = apps.get_model("iki", "Indikator")
    per_kunci: dict[tuple, uuid.UUID] = {}
    baris = Indikator.objects.order_by("id").values_list(
        "id", "sasaran__dokumen__instansi_id", "sasaran__jabatan_id", "nama"
    )
    per_identitas: dict[uuid.UUID, list[int]] = {}
    for pk, instansi_id, jabatan_id, nama in baris.iterator(chunk_size=2000):
        kunci = (instansi_id, jabatan_id, " ".join(nama.lower().split()))
        identitas = per_kunci.setdefault(kunci, uuid.uuid4())
        per_identitas.setdefault(identitas, []).append(pk)
    for identitas, ids in per_identitas.items():
        Indikator.objects.filter(pk__in=ids).update(identitas=identitas)


class Migration(migrations.Migration):
    dependencies = [
        ("iki", "0003_sk_per_revisi"),
    ]

    operations = [
        migrations.AddField(
            model_name="indikator",
            name="identitas",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(beri_identitas, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="indikator",
            name="identitas",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                help_text="Sama untuk indikator yang sama di setiap revisi dan tahun (disalin bersama indikator)",
            ),
        ),
    ]
