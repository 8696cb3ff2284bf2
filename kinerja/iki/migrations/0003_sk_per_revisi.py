"""Each revision's own SK (its tempat), a record of what was decreed, and a
unique SK nomor per instansi.

Before this, a revision reused the SK nomor of the revision it came from. Those later revisions
get their revision written after the nomor, so that the constraint can hold; the first use keeps it.
"""

from django.conf import settings
from django.db import migrations, models


def bedakan_nomor_berulang(apps, schema_editor):
    DokumenIKI = apps.get_model("iki", "DokumenIKI")
    dipakai = set()
    for dok in DokumenIKI.objects.exclude(sk_nomor="").order_by("instansi_id", "tahun", "revisi", "id"):
        kunci = (dok.instansi_id, dok.sk_nomor)
        if kunci in dipakai:
            nomor = f"{dok.sk_nomor} (revisi {dok.revisi})"
            while (dok.instansi_id, nomor) in dipakai:
                nomor += "*"
            DokumenIKI.objects.filter(pk=dok.pk).update(sk_nomor=nomor[:120])
            kunci = (dok.instansi_id, nomor[:120])
        dipakai.add(kunci)


class Migration(migrations.Migration):
    dependencies = [
        ("iki", "0003_merge_0002_indikator_paspor_0002_tugas_per_dokumen"),
        ("organisasi", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="dokumeniki",
            name="isi_penetapan",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="dokumeniki",
            name="sk_tempat",
            field=models.CharField(
                blank=True, help_text="mis. Banyuates", max_length=80, verbose_name="tempat penetapan SK"
            ),
        ),
        migrations.RunPython(bedakan_nomor_berulang, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="dokumeniki",
            constraint=models.UniqueConstraint(
                condition=models.Q(("sk_nomor", ""), _negated=True),
                fields=("instansi", "sk_nomor"),
                name="dokumen_iki_sk_nomor_unik",
                violation_error_message="Nomor SK ini sudah dipakai dokumen IKI lain di instansi ini; "
                "setiap revisi memakai nomor SK sendiri.",
            ),
        ),
    ]
