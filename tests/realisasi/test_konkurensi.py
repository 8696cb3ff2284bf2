"""Two people saving the same value at once on PostgreSQL: nothing is lost silently.

Each thread has its own database connection (Django opens one per thread). A pause inside the
locked section, after the checks and before the write, makes the two transactions overlap for
certain: without the row lock both would read version 0 and the second write would silently
replace the first.
"""

import threading
import time

import pytest
from django.db import connection, connections

from kinerja.realisasi import layanan
from kinerja.realisasi.layanan import KonflikVersi
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel, RiwayatNilai

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def hanya_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Uji konkurensi butuh PostgreSQL (SQLite tidak mendukung SELECT … FOR UPDATE antarkoneksi); "
            "jalankan dengan DATABASE_URL=postgres://…"
        )


@pytest.fixture
def lambat(monkeypatch):
    """Hold the lock a moment inside simpan_nilai, so that the second writer has to wait for the first."""
    asli = layanan.peringatan_nilai

    def peringatan_lambat(*args, **kwargs):
        time.sleep(0.3)
        return asli(*args, **kwargs)

    monkeypatch.setattr(layanan, "peringatan_nilai", peringatan_lambat)


def bersamaan(*tugas):
    """Run the callables in threads released together; [(result or None, exception or None)]."""
    mulai = threading.Barrier(len(tugas))
    hasil = [None] * len(tugas)

    def jalankan(i, fungsi):
        try:
            mulai.wait()
            hasil[i] = (fungsi(), None)
        except Exception as exc:
            hasil[i] = (None, exc)
        finally:
            connections.close_all()

    benang = [threading.Thread(target=jalankan, args=(i, f)) for i, f in enumerate(tugas)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(timeout=30)
    return hasil


def test_same_version_saved_twice_one_wins_the_other_gets_a_conflict(kantor, tw, lambat):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 2)
    hasil = bersamaan(
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3, versi=1),
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=1),
    )
    menang = [nv for nv, exc in hasil if exc is None]
    kalah = [exc for nv, exc in hasil if exc is not None]
    assert len(menang) == 1 and len(kalah) == 1 and isinstance(kalah[0], KonflikVersi), hasil
    nv = NilaiVariabel.objects.get()
    assert (nv.nilai, nv.versi) == (menang[0].nilai, 2)
    assert kalah[0].sekarang.nilai == nv.nilai  # the loser is told what is stored now
    assert list(RiwayatNilai.objects.order_by("versi").values_list("lama", "baru")) == [(None, 2), (2, nv.nilai)]


def test_first_value_of_a_new_report_saved_twice(kantor, tw, lambat):
    hasil = bersamaan(
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3, versi=0),
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=0),
    )
    kalah = [exc for _, exc in hasil if exc is not None]
    assert len(kalah) == 1 and isinstance(kalah[0], KonflikVersi), hasil
    assert NilaiVariabel.objects.get().versi == 1 and RiwayatNilai.objects.count() == 1
    assert IsianPeriode.objects.count() == 1  # created once although both wanted to create it


def test_without_a_version_both_land_in_order_and_the_history_shows_both(kantor, tw, lambat):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 2)
    hasil = bersamaan(
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3, sumber="api"),
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, sumber="api"),
    )
    assert all(exc is None for _, exc in hasil), hasil
    nv = NilaiVariabel.objects.get()
    riwayat = list(RiwayatNilai.objects.order_by("versi").values_list("lama", "baru", "versi"))
    assert nv.versi == 3 and len(riwayat) == 3
    (_, awal, _), (lama1, baru1, _), (lama2, baru2, _) = riwayat
    # Each change starts from the one before it: the second writer saw the first's value.
    assert lama1 == awal == 2 and lama2 == baru1 and baru2 == nv.nilai and {baru1, baru2} == {3, 4}


def test_a_value_cannot_slip_in_after_the_report_is_submitted(kantor, tw, lambat):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    isian = IsianPeriode.objects.get()

    def ajukan_sesaat_kemudian():
        time.sleep(0.1)  # the value's transaction is already inside its locked section
        return layanan.ajukan(kantor.u_sekcam, isian)

    (_, galat_simpan), (_, galat_ajukan) = bersamaan(
        lambda: layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 9, versi=1), ajukan_sesaat_kemudian
    )
    assert galat_simpan is None and galat_ajukan is None
    isian.refresh_from_db()
    nv = NilaiVariabel.objects.get()
    # Submission waited for the value: the report was submitted with 9 in it, not changed after.
    assert isian.status == "diajukan" and nv.nilai == 9 and nv.diisi_pada < isian.diajukan_pada


def _dokumen_berisi(nama: str):
    """A decreed document with values in three quarters."""
    from decimal import Decimal

    from kinerja.iki.models import Variabel
    from tests.factories import katalog_kecil

    dokumen = katalog_kecil(nama).tetapkan()
    isi = Variabel.objects.filter(indikator__sasaran__dokumen=dokumen, nilai_tetap__isnull=True)
    for n, variabel in enumerate(isi):
        for t in (1, 2, 4):
            NilaiVariabel.objects.create(variabel=variabel, periode=f"TW{t}", nilai=Decimal(n * 3 + t))
    return dokumen


def _tersimpan_sama_dengan_segar(dokumen, periode="TAHUN"):
    from kinerja.realisasi import simpanan
    from kinerja.realisasi.models import HasilUkur

    from .test_simpanan import sama, segar

    kept = simpanan.baca([dokumen.pk], periode, {dokumen.pk: "permendagri_86_2017"})[dokumen.pk]
    assert len(kept) == HasilUkur.objects.filter(dokumen=dokumen, periode=periode).count() > 0
    sama(kept, segar(dokumen, periode))


def test_a_rebuild_waits_for_a_first_reader_keeping_the_same_document():
    """The reader marks the document first and holds its transaction a moment; the rebuild's
    batch must wait for it, then replace its rows, instead of failing on the key."""
    from django.db import transaction

    from kinerja.realisasi import simpanan

    dokumen = _dokumen_berisi("Kecamatan Pembaca Dulu")
    ditandai = threading.Event()

    def pembaca():
        with transaction.atomic():
            simpanan._simpan_baru([dokumen.pk], "TAHUN")
            ditandai.set()
            time.sleep(0.5)

    def pembangun():
        assert ditandai.wait(10)
        return simpanan.hitung_ulang([dokumen.pk], ["TAHUN"], proses=1)

    (_, galat_pembaca), (jumlah, galat_pembangun) = bersamaan(pembaca, pembangun)
    assert galat_pembaca is None and galat_pembangun is None and jumlah == 1
    _tersimpan_sama_dengan_segar(dokumen)


def test_a_first_reader_waits_for_a_rebuild_of_the_same_document_and_keeps_nothing_twice(monkeypatch):
    """The rebuild holds its batch's marks a moment; the reader, who found nothing kept, waits for
    them and then reads the rebuild's rows rather than writing its own beside them."""
    from kinerja.realisasi import simpanan
    from kinerja.realisasi.hitung import hitung_instansi

    dokumen = _dokumen_berisi("Kecamatan Pembangun Dulu")
    ditandai = threading.Event()
    asli = simpanan._ukur_dan_tulis

    def lambat(*args, **kwargs):
        asli(*args, **kwargs)
        if threading.current_thread().name == "pembangun":
            ditandai.set()
            time.sleep(0.5)

    monkeypatch.setattr(simpanan, "_ukur_dan_tulis", lambat)

    def pembangun():
        threading.current_thread().name = "pembangun"
        return simpanan.hitung_ulang([dokumen.pk], ["TAHUN"], proses=1)

    def pembaca():
        assert ditandai.wait(10)
        return hitung_instansi(dokumen.instansi, 2025, "TAHUN")

    (_, galat_pembangun), (hasil, galat_pembaca) = bersamaan(pembangun, pembaca)
    assert galat_pembangun is None and galat_pembaca is None and hasil
    _tersimpan_sama_dengan_segar(dokumen)
