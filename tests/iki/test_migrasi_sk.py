"""Migration 0003_sk_per_revisi: revisions that reused their SK nomor get a distinct one, then the
nomor is unique per instansi."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

SEBELUM = [("iki", "0003_merge_0002_indikator_paspor_0002_tugas_per_dokumen"), ("organisasi", "0001_initial")]
SESUDAH = [("iki", "0003_sk_per_revisi")]


@pytest.mark.django_db(transaction=True)
def test_reused_nomor_are_told_apart_before_the_constraint():
    executor = MigrationExecutor(connection)
    executor.migrate(SEBELUM)
    apps = executor.loader.project_state(SEBELUM).apps
    Pemda, Instansi = apps.get_model("organisasi", "Pemda"), apps.get_model("organisasi", "Instansi")
    DokumenIKI = apps.get_model("iki", "DokumenIKI")
    pemda = Pemda.objects.create(nama="Kabupaten Migrasi")
    a = Instansi.objects.create(pemda=pemda, nama="Kecamatan A")
    b = Instansi.objects.create(pemda=pemda, nama="Kecamatan B")
    for revisi in (1, 2, 3):
        DokumenIKI.objects.create(instansi=a, tahun=2025, revisi=revisi, sk_nomor="188/1/2025", status="ditetapkan")
    DokumenIKI.objects.create(instansi=b, tahun=2025, revisi=1, sk_nomor="188/1/2025")
    DokumenIKI.objects.create(instansi=b, tahun=2026, revisi=1, sk_nomor="")
    DokumenIKI.objects.create(instansi=b, tahun=2027, revisi=1, sk_nomor="")

    executor = MigrationExecutor(connection)
    executor.migrate(SESUDAH)
    apps = executor.loader.project_state(SESUDAH).apps
    DokumenIKI = apps.get_model("iki", "DokumenIKI")
    nomor = dict(DokumenIKI.objects.filter(instansi__nama="Kecamatan A").values_list("revisi", "sk_nomor"))
    assert nomor == {1: "188/1/2025", 2: "188/1/2025 (revisi 2)", 3: "188/1/2025 (revisi 3)"}
    assert DokumenIKI.objects.filter(instansi__nama="Kecamatan B", sk_nomor="188/1/2025").count() == 1
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
