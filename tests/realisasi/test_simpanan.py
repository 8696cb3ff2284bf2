"""Kept measurements (HasilUkur): equal to a fresh computation digit for digit, refreshed by the
changes that touch them, rebuilt by `kinerja hitung-ulang`."""

import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.cli import main
from kinerja.iki.models import Indikator, Variabel
from kinerja.pengukuran import Ringkasan
from kinerja.realisasi import simpanan
from kinerja.realisasi.hitung import _hitung_dokumen, hitung_instansi, hitung_pemda
from kinerja.realisasi.models import HasilUkur, NilaiVariabel, Target, UkurDokumen
from kinerja.realisasi.periode import periode_hitung

from .test_hitung import dokumen  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PERIODE = ["TW1", "TW2", "TW3", "TW4", "S1", "S2", "SD_TW2", "SD_TW3", "TAHUN"]


def segar(dok, periode):
    """A fresh computation, nothing kept."""
    return _hitung_dokumen([dok.pk], {}, periode_hitung(periode), {dok.pk: "permendagri_86_2017"})[dok.pk]


def sama(kept, fresh):
    for a, b in zip(kept, fresh, strict=True):
        assert (a.indikator_id, a.realisasi, a.target, a.target_hi, a.capaian, a.kategori, a.lengkap) == (
            b.indikator_id,
            b.realisasi,
            b.target,
            b.target_hi,
            b.capaian,
            b.kategori,
            b.lengkap,
        )
        assert (a.target_turunan, a.dilaporkan, a.baseline, a.tanpa_rencana_aksi) == (
            b.target_turunan,
            b.dilaporkan,
            b.baseline,
            b.tanpa_rencana_aksi,
        )


@pytest.mark.parametrize("periode", PERIODE)
def test_kept_results_equal_a_fresh_computation_exactly(dokumen, periode):  # noqa: F811
    pertama = hitung_instansi(dokumen.instansi, 2025, periode)  # computes and keeps
    assert UkurDokumen.objects.filter(dokumen=dokumen, periode=periode).exists()
    assert HasilUkur.objects.filter(dokumen=dokumen, periode=periode).count() == len(pertama)
    sama(hitung_instansi(dokumen.instansi, 2025, periode), segar(dokumen, periode))


_angka = st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False, allow_infinity=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.none(), _angka), min_size=8, max_size=8), st.sampled_from(PERIODE))
def test_after_any_values_the_kept_rows_equal_the_fresh_computation(dokumen, nilai, periode):  # noqa: F811
    hitung_instansi(dokumen.instansi, 2025, periode)
    for kode, potong in (("tepat", nilai[:4]), ("masuk", nilai[4:])):
        variabel = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode=kode)
        for t, angka in enumerate(potong, 1):
            NilaiVariabel.objects.update_or_create(variabel=variabel, periode=f"TW{t}", defaults={"nilai": angka})
    sama(hitung_instansi(dokumen.instansi, 2025, periode), segar(dokumen, periode))


def _ringkasan_segar(dok, periode) -> tuple:
    r = Ringkasan("permendagri_86_2017")
    for h in segar(dok, periode):
        r.tambah(h)
    return r.hitungan


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.one_of(st.none(), _angka), min_size=2, max_size=2), min_size=1, max_size=4))
def test_the_kept_counts_of_a_kabupaten_follow_every_saved_value(dokumen, perubahan):  # noqa: F811
    """The kabupaten's counts are kept per document under the moment its rows were computed: after
    each saved value they equal the counts of a fresh computation."""
    from kinerja.realisasi.hitung import ringkasan_pemda

    pemda = dokumen.instansi.pemda
    tepat = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode="tepat")
    masuk = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode="masuk")
    for nilai_tepat, nilai_masuk in perubahan:
        assert ringkasan_pemda(pemda, 2025, "TW1")[dokumen.instansi_id].hitungan == _ringkasan_segar(dokumen, "TW1")
        for variabel, angka in ((tepat, nilai_tepat), (masuk, nilai_masuk)):
            NilaiVariabel.objects.update_or_create(variabel=variabel, periode="TW1", defaults={"nilai": angka})
    assert ringkasan_pemda(pemda, 2025, "TW1")[dokumen.instansi_id].hitungan == _ringkasan_segar(dokumen, "TW1")


def test_a_saved_value_and_a_target_refresh_what_they_touch(dokumen):  # noqa: F811
    def surat():
        return {h.nama: h for h in hitung_instansi(dokumen.instansi, 2025, "TW1")}["Persentase surat tepat waktu"]

    assert surat().realisasi.nilai == 90
    nilai = NilaiVariabel.objects.get(variabel__kode="tepat", periode="TW1")
    nilai.nilai = Decimal(5)
    nilai.save()
    assert surat().realisasi.nilai == 50
    target = Target.objects.create(indikator_id=surat().indikator_id, periode="TW1", nilai=40)
    assert (surat().target, surat().target_turunan) == (40, False)
    target.delete()
    assert (surat().target, surat().target_turunan) == (100, False)  # a ratio: the annual target


def test_hitung_ulang_rebuilds_every_period_with_progress(dokumen, capsys):  # noqa: F811
    assert main(["hitung-ulang", "--pemda", str(dokumen.instansi.pemda_id)]) == 0
    keluaran = capsys.readouterr().out
    assert "Menghitung ulang 1 dokumen IKI" in keluaran and "1/1 dokumen" in keluaran
    assert set(UkurDokumen.objects.values_list("periode", flat=True)) == set(simpanan.PERIODE_SIMPAN)
    HasilUkur.objects.filter(periode="TAHUN").update(capaian="1")  # spoilt behind the engine's back
    assert main(["hitung-ulang", "--instansi", str(dokumen.instansi_id)]) == 0
    sama(hitung_pemda(dokumen.instansi.pemda, 2025)[dokumen.instansi_id], segar(dokumen, "TAHUN"))
    assert main(["hitung-ulang", "--semua", "--tahun", "2025"]) == 0


def test_drafts_are_never_kept(dokumen):  # noqa: F811
    draft = dokumen.buat_revisi()
    hitung_instansi(dokumen.instansi, 2025, "TW1", dokumen=draft)
    assert not UkurDokumen.objects.filter(dokumen=draft).exists()


# SQLite keeps decimals as floats (15 significant digits, as Django reads them back); within that
# its sums come back exact. PostgreSQL sums numeric exactly at any size.
_BATAS_SQLITE = 10**8


@pytest.mark.parametrize("benih", [1, 2, 3])
def test_the_database_aggregates_every_cara_rhythm_and_fill_pattern_as_the_engine_does(benih):
    """Exhaustive over cara × reporting rhythm × which quarters are filled × period: the database's
    aggregates (kinerja.realisasi.hitung._baca_variabel, finished by agregat_dari_hitungan) equal
    kinerja.pengukuran.agregat_indikator over the same stored values, digit for digit."""
    from django.db import connection

    from kinerja.iki.models import Indikator, Sasaran
    from kinerja.pengukuran import AGREGASI, TRIWULAN_PELAPORAN, agregat_indikator
    from kinerja.realisasi.hitung import _baca, _masukan
    from tests.factories import katalog_kecil

    batas = 10**13 if connection.vendor == "postgresql" else _BATAS_SQLITE
    acak = random.Random(benih)
    draf = katalog_kecil("Kecamatan Agregat")  # a draft: its catalogue may still grow
    sasaran = Sasaran.objects.filter(dokumen=draf).first()
    nilai_baru = []
    for cara in AGREGASI:
        for pelaporan in TRIWULAN_PELAPORAN:
            indikator = Indikator.objects.create(
                sasaran=sasaran, nama=f"Uji {cara} {pelaporan}", ekspresi="a", periode_pelaporan=pelaporan
            )
            for pola in range(16):  # which of the four quarters are filled
                variabel = Variabel.objects.create(
                    indikator=indikator, kode=f"v{pola}", uraian=f"Variabel {pola}", agregasi=cara
                )
                for t in range(1, 5):
                    if pola >> (t - 1) & 1:
                        angka = Decimal(acak.randint(-batas * 10**6, batas * 10**6)).scaleb(-6)
                        nilai_baru.append(NilaiVariabel(variabel=variabel, periode=f"TW{t}", nilai=angka))
                    elif acak.random() < 0.5:  # a value entered, then emptied: its row stays, empty
                        nilai_baru.append(NilaiVariabel(variabel=variabel, periode=f"TW{t}", nilai=None))
    NilaiVariabel.objects.bulk_create(nilai_baru)
    disimpan: dict[int, dict[int, Decimal]] = {}
    for vid, periode, angka in NilaiVariabel.objects.filter(variabel__indikator__sasaran__dokumen=draf).values_list(
        "variabel_id", "periode", "nilai"
    ):
        disimpan.setdefault(vid, {})[int(periode[2])] = angka
    daftar_periode = [periode_hitung(p) for p in PERIODE]
    bacaan = _baca([draf.pk], daftar_periode)
    for periode in daftar_periode:
        for baris, (_, agregat, lengkap) in zip(bacaan.indikator, _masukan(bacaan, periode)):
            per_kode = {v.kode: disimpan.get(vid, {}) for vid, v in baris.variabel if v.tetap is None}
            assert (agregat, lengkap) == agregat_indikator(baris.ukur, per_kode, periode), (baris.nama, periode)


def test_the_whole_country_streams_in_batches_and_agrees_with_each_pemda(dokumen):  # noqa: F811
    from kinerja.realisasi.hitung import hitung_nasional
    from tests.factories import katalog_kecil

    lain = katalog_kecil("Kecamatan Lain", tahun=2025).tetapkan()
    semua = dict(hitung_nasional(2025, "SD_TW3", kelompok=1))
    assert set(semua) == {dokumen.instansi_id, lain.instansi_id}
    assert semua[dokumen.instansi_id] == hitung_pemda(dokumen.instansi.pemda, 2025, "SD_TW3")[dokumen.instansi_id]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("berutas", [False, True], ids=["pemanggil-apa-adanya", "pemanggil-berutas"])
def test_a_rebuild_shared_by_processes_equals_a_fresh_computation(monkeypatch, berutas):
    """On PostgreSQL the batches are shared by processes with their own connections (committed
    data, hence a transactional test), forked from a single-threaded caller (this test alone),
    started fresh from a threaded one (forced here, never faked the other way: forking a threaded
    process may deadlock); every batch must come out as a fresh computation does."""
    from django.db import connection

    from tests.factories import katalog_kecil

    if connection.vendor != "postgresql":
        pytest.skip("hitung ulang oleh beberapa proses hanya dipakai pada PostgreSQL")
    dokumen_ids = [katalog_kecil(f"Kecamatan Kelompok {n}").tetapkan().pk for n in range(3)]
    isi = Variabel.objects.filter(indikator__sasaran__dokumen_id__in=dokumen_ids, nilai_tetap__isnull=True)
    for n, variabel in enumerate(isi):
        for t in (1, 2, 4):
            NilaiVariabel.objects.create(variabel=variabel, periode=f"TW{t}", nilai=Decimal(n * 3 + t))
    monkeypatch.setattr(simpanan, "UKURAN_KELOMPOK", 1)
    kemajuan = []
    asli, dipakai = simpanan._hitung_paralel, []

    def dicatat(kelompok, daftar_periode, proses):
        dipakai.append(proses)
        yield from asli(kelompok, daftar_periode, proses)

    monkeypatch.setattr(simpanan, "_hitung_paralel", dicatat)
    if berutas:
        monkeypatch.setattr(simpanan.threading, "active_count", lambda: 2)
    assert simpanan.hitung_ulang(dokumen_ids, ["TAHUN", "S1"], lambda a, b: kemajuan.append((a, b)), proses=2) == 3
    assert dipakai == [2]
    assert kemajuan == [(1, 3), (2, 3), (3, 3)]
    from kinerja.iki.models import DokumenIKI

    for dok in DokumenIKI.objects.filter(pk__in=dokumen_ids):
        for periode in ("TAHUN", "S1"):
            kept = simpanan.baca([dok.pk], periode, {dok.pk: "permendagri_86_2017"})[dok.pk]
            assert kept and len(kept) == HasilUkur.objects.filter(dokumen=dok, periode=periode).count()
            sama(kept, segar(dok, periode))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3000), st.integers(2, 8), st.integers(1, 300))
def test_the_shared_batches_cover_every_document_once_and_shrink_towards_the_end(jumlah, proses, ukuran):
    """Batches shared by processes keep every document once, in order, none above UKURAN_KELOMPOK;
    once fewer documents are left than the processes would share in two rounds of full batches,
    each batch is at most a share of what is left (or a quarter batch), so that the processes
    finish close together."""
    import unittest.mock

    with unittest.mock.patch.object(simpanan, "UKURAN_KELOMPOK", ukuran):
        ids = list(range(jumlah))
        kelompok = simpanan._kelompok_menyusut(ids, proses)
    assert [d for potong in kelompok for d in potong] == ids
    sisa = jumlah
    for potong in kelompok:
        assert 1 <= len(potong) <= ukuran
        assert len(potong) <= max(ukuran // 4, 1, -(-sisa // (2 * proses)))
        sisa -= len(potong)
    assert [len(p) for p in kelompok] == sorted((len(p) for p in kelompok), reverse=True)


def test_a_rebuild_inside_a_callers_transaction_stays_in_this_process(monkeypatch, dokumen):  # noqa: F811
    """Another process would not see the caller's uncommitted rows: the batches are kept in turn."""
    from django.db import transaction

    monkeypatch.setattr(simpanan, "_hitung_paralel", lambda *a: pytest.fail("proses lain dipakai"))
    monkeypatch.setattr(simpanan, "UKURAN_KELOMPOK", 1)
    with transaction.atomic():
        assert simpanan.hitung_ulang([dokumen.pk], ["TAHUN"], proses=2) == 1
    assert HasilUkur.objects.filter(dokumen=dokumen, periode="TAHUN").exists()


def test_the_planner_statistics_are_renewed_only_when_a_rebuild_outgrows_them(dokumen):  # noqa: F811
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("statistik perencana kueri hanya milik PostgreSQL")
    hitung_instansi(dokumen.instansi, 2025, "TAHUN")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {UkurDokumen._meta.db_table}")
    ada = UkurDokumen.objects.count()
    assert simpanan._perbarui_statistik(ada + 1000)  # more marks than the planner knows: analyzed
    assert not simpanan._perbarui_statistik(ada)  # what it knows already: left to autovacuum


def test_a_value_row_of_no_quarter_counts_in_no_period(dokumen):  # noqa: F811
    """Only TW1–TW4 rows are values (the entry path writes nothing else); a stray row of another
    period code must not slip into a year's sum."""
    sebelum = {p: segar(dokumen, p) for p in ("TAHUN", "S1", "TW2")}
    variabel = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode="tepat")
    NilaiVariabel.objects.create(variabel=variabel, periode="S1", nilai=Decimal(1000))
    for periode, hasil in sebelum.items():
        sama(segar(dokumen, periode), hasil)


def test_the_kept_tables_are_unlogged_on_postgresql():
    """Derived rows, emptied together with their marks after a crash (migration 0007)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("UNLOGGED hanya milik PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relpersistence FROM pg_class WHERE relname IN (%s, %s)",
            [HasilUkur._meta.db_table, UkurDokumen._meta.db_table],
        )
        assert dict(cursor.fetchall()) == {HasilUkur._meta.db_table: "u", UkurDokumen._meta.db_table: "u"}


@pytest.mark.django_db(transaction=True)
def test_migration_0008_makes_the_kept_table_anew_keyed_by_document_and_drops_every_mark():
    """Kept rows cannot be carried into a composite key: the table is made anew, empty, and the
    marks go with the old rows so that nothing claims to be kept that is not. Backwards, the old
    table comes back, UNLOGGED on PostgreSQL like the new one."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from tests.factories import katalog_kecil

    sebelum = [("realisasi", "0007_hasil_ukur_unlogged")]
    sesudah = [("realisasi", "0008_hasil_ukur_kunci_dokumen")]

    def pindah(tujuan):
        executor = MigrationExecutor(connection)
        executor.migrate(tujuan)

    def tanpa_log() -> bool:
        if connection.vendor != "postgresql":
            return True
        with connection.cursor() as cursor:
            cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = %s", [HasilUkur._meta.db_table])
            return cursor.fetchone()[0] == "u"

    dok = katalog_kecil("Kecamatan Migrasi").tetapkan()
    indikator_id = Indikator.objects.filter(sasaran__dokumen=dok).values_list("pk", flat=True).first()
    pindah(sebelum)
    try:
        assert tanpa_log()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {HasilUkur._meta.db_table} (dokumen_id, indikator_id, periode, realisasi_alasan,"
                " capaian_alasan, target_turunan, lengkap, dilaporkan, tanpa_rencana_aksi)"
                " VALUES (%s, %s, 'TAHUN', '', '', false, true, true, false)",
                [dok.pk, indikator_id],
            )
        UkurDokumen.objects.create(dokumen=dok, periode="TAHUN")
        pindah(sesudah)
        assert not UkurDokumen.objects.exists() and not HasilUkur.objects.exists()
        assert tanpa_log()
        hitung_instansi(dok.instansi, 2025, "TAHUN")  # the next reader keeps it again
        assert HasilUkur.objects.filter(dokumen=dok, periode="TAHUN").count() == 2
        pindah(sebelum)
        assert tanpa_log() and not UkurDokumen.objects.exists()
    finally:
        pindah(sesudah)
