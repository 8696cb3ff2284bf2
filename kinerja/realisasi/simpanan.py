"""Kept measurements (HasilUkur), like an analytics table: computed once, read many times.

Only decreed documents are kept (their catalogue is locked; only values and rencana aksi targets
can still change, and each change refreshes what it touches in the same transaction via the
signals in ``sambungkan``). A (document, period) is kept as a whole, marked by UkurDokumen; a
reader asking for one that is not kept yet computes it and keeps it (``pastikan``).
``hitung_ulang`` rebuilds everything in batches of documents (``kinerja hitung-ulang``).

kategori is not kept: it follows from the kept capaian and the pemda's scale when read, so a pemda
changing its scale needs no rebuild.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from decimal import Decimal

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from kinerja import rumus
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.pengukuran import Hasil, Ringkasan, kategori
from kinerja.pengukuran import tanpa_rencana_aksi as _tanpa_rencana_aksi

from .models import HasilUkur, NilaiVariabel, Target, UkurDokumen
from .periode import periode_hitung

UKURAN_KELOMPOK = 200
"""Documents computed and written per batch: bounds memory whatever the scope."""

KELOMPOK_UNTUK_PARALEL = 4
"""From this many batches on, a rebuild on PostgreSQL runs in one process per core: fewer are done
before the processes would have started."""


def _angka(teks: str | None) -> Decimal | None:
    return None if teks is None else Decimal(teks)


_KOLOM_TULIS = (
    "dokumen_id",
    "indikator_id",
    "periode",
    "realisasi",
    "realisasi_alasan",
    "target",
    "target_hi",
    "target_turunan",
    "capaian",
    "capaian_alasan",
    "lengkap",
    "dilaporkan",
    "baseline",
    "tanpa_rencana_aksi",
)


def _baris_simpan(periode: str, baris, u, target: dict) -> tuple:
    """One kept row as the tuple of _KOLOM_TULIS, from the engine's measurement of an indicator."""
    realisasi, target_periode, capaian = u.realisasi.nilai, u.target, u.capaian.nilai
    baseline = target.get("TAHUN", (None, None, None))[2]
    # Numbers as exact text, str(Decimal) (read back by _angka), written out inline: a national
    # rebuild writes 330,000 rows.
    return (
        baris.dokumen_id,
        baris.id,
        periode,
        None if realisasi is None else str(realisasi),
        u.realisasi.alasan or "",
        None if target_periode.nilai is None else str(target_periode.nilai),
        None if target_periode.nilai_hi is None else str(target_periode.nilai_hi),
        target_periode.turunan,
        None if capaian is None else str(capaian),
        u.capaian.alasan or "",
        u.lengkap,
        u.dilaporkan,
        None if baseline is None else str(baseline),
        _tanpa_rencana_aksi(target),
    )


@contextmanager
def _tanpa_pengumpul_sampah():
    """Python's cycle collector paused over a batch: a batch is hundreds of thousands of small
    objects without cycles, freed by reference counting, which the collector would otherwise scan
    again and again (a third of a national rebuild's time, bench/nasional.py)."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def _ukur_dan_tulis(dokumen_ids: list[int], daftar_periode: list[str], **saring) -> None:
    """Measure the documents' indicators (``saring`` narrows them) over the periods and write the rows."""
    from .hitung import baca_untuk_simpan, ukur_untuk_simpan

    periode = [periode_hitung(p) for p in daftar_periode]
    with _tanpa_pengumpul_sampah():
        bacaan = baca_untuk_simpan(dokumen_ids, periode, **saring)
        # All rows first: the connection reads nothing else while a COPY is open.
        baris = [_baris_simpan(*h) for h in ukur_untuk_simpan(bacaan, periode)]
        del bacaan
        _tulis(baris)


def _tulis(baris: Iterable[tuple]) -> None:
    """Write kept rows without building a model object per row: COPY on PostgreSQL, else one
    multi-row INSERT statement executed many times. Their marks are held by the caller (see
    ``_hitung_dan_simpan``), so no other writer keeps the same rows meanwhile."""
    tabel = HasilUkur._meta.db_table
    kolom = ", ".join(_KOLOM_TULIS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabel} ({kolom}) FROM STDIN") as salin:
                for b in baris:
                    salin.write_row(b)
            return
        tanda = ", ".join(["%s"] * len(_KOLOM_TULIS))
        cursor.executemany(f"INSERT INTO {tabel} ({kolom}) VALUES ({tanda})", list(baris))


# Who writes kept rows takes their marks first, in the same transaction, in (document, period)
# order: a rebuild, a first reader and a saved value touching the same document then follow one
# another instead of writing the same rows at once (a key violation, or one replacing rows another
# is still writing). Rows never exist without their mark.


def _hitung_dan_simpan(dokumen_ids: list[int], daftar_periode: list[str]) -> int:
    """Compute documents for periods (one read) and keep the results in place of the old ones; the
    marks are taken first, inserted or their moment moved."""
    sekarang = timezone.now()
    with transaction.atomic():
        UkurDokumen.objects.bulk_create(
            [
                UkurDokumen(dokumen_id=d, periode=p, dihitung_pada=sekarang)
                for d in sorted(dokumen_ids)
                for p in sorted(daftar_periode)
            ],
            update_conflicts=True,
            unique_fields=["dokumen", "periode"],
            update_fields=["dihitung_pada"],
        )
        HasilUkur.objects.filter(dokumen_id__in=dokumen_ids, periode__in=daftar_periode).delete()
        _ukur_dan_tulis(dokumen_ids, daftar_periode)
    return len(dokumen_ids)


def _klaim(dokumen_ids: list[int], periode: str, sekarang) -> list[int]:
    """Insert the marks of documents not kept yet for ``periode``; the documents whose mark this
    transaction inserted (one marked by another meanwhile is waited for, then left out)."""
    tabel = UkurDokumen._meta.db_table
    waktu = connection.ops.adapt_datetimefield_value(sekarang)
    nilai = ", ".join(["(%s, %s, %s)"] * len(dokumen_ids))
    params = [x for d in dokumen_ids for x in (d, periode, waktu)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {tabel} (dokumen_id, periode, dihitung_pada) VALUES {nilai} "
            "ON CONFLICT (dokumen_id, periode) DO NOTHING RETURNING dokumen_id",
            params,
        )
        return sorted(d for (d,) in cursor.fetchall())


def _simpan_baru(dokumen_ids: list[int], periode: str):
    """Compute and keep documents not kept yet, each under the mark this reader inserts first (a
    document another reader or a rebuild marked meanwhile is theirs). Returns the moment marked."""
    sekarang = timezone.now()
    with transaction.atomic():
        milik = _klaim(sorted(dokumen_ids), periode, sekarang)
        if milik:
            _ukur_dan_tulis(milik, [periode])
    return sekarang


def pastikan(dokumen_ids: Iterable[int], periode: str) -> dict[int, object]:
    """Keep every listed document for ``periode`` when it is not kept yet, and return when each
    document's kept rows were last computed ({dokumen id: UkurDokumen.dihitung_pada}). Callers pass
    decreed documents only (those in force): a draft may still change without refreshing anything."""
    dokumen_ids = set(dokumen_ids)
    if not dokumen_ids:
        return {}
    ada = dict(
        UkurDokumen.objects.filter(dokumen_id__in=dokumen_ids, periode=periode).values_list(
            "dokumen_id", "dihitung_pada"
        )
    )
    kurang = sorted(dokumen_ids - set(ada))
    for i in range(0, len(kurang), UKURAN_KELOMPOK):
        potong = kurang[i : i + UKURAN_KELOMPOK]
        # (A concurrent reader marking them first leaves another moment in the database: what is
        # kept under this one is then never asked for.)
        ada |= dict.fromkeys(potong, _simpan_baru(potong, periode))
    return ada


_KOLOM_BACA = (
    "dokumen_id",
    "indikator_id",
    "realisasi",
    "realisasi_alasan",
    "target",
    "target_hi",
    "target_turunan",
    "capaian",
    "capaian_alasan",
    "lengkap",
    "dilaporkan",
    "baseline",
    "tanpa_rencana_aksi",
    "indikator__nama",
    "indikator__sasaran_id",
    "indikator__sasaran__uraian",
    "indikator__sasaran__jabatan_id",
    "indikator__sasaran__jabatan__nama",
    "indikator__satuan",
    "indikator__polaritas",
    "indikator__identitas",
)


def baca(
    dokumen_ids: list[int], periode: str, skala: dict[int, str], dokumen_lalu: dict[int, int] | None = None
) -> dict[int, list]:
    """{dokumen id: [HasilIndikator]} from the kept rows (``pastikan`` first), in catalogue order;
    with ``dokumen_lalu`` ({document: last year's in force}) last year's realisasi beside each row."""
    from .hitung import HasilIndikator

    dokumen_lalu = dokumen_lalu or {}
    lalu = realisasi_per_identitas(set(dokumen_lalu.values()), periode) if dokumen_lalu else {}

    per_dokumen: dict[int, list] = {d: [] for d in dokumen_ids}
    baris = (
        HasilUkur.objects.filter(dokumen_id__in=dokumen_ids, periode=periode)
        .order_by(
            "dokumen_id",
            "indikator__sasaran__jabatan__urutan",
            "indikator__sasaran__jabatan_id",
            "indikator__sasaran__urutan",
            "indikator__sasaran_id",
            "indikator__urutan",
            "indikator_id",
        )
        .values_list(*_KOLOM_BACA)
    )
    for (
        dokumen_id,
        indikator_id,
        realisasi,
        realisasi_alasan,
        target,
        target_hi,
        turunan,
        capaian,
        capaian_alasan,
        lengkap,
        dilaporkan,
        baseline,
        tanpa_rencana_aksi,
        nama,
        sasaran_id,
        sasaran,
        jabatan_id,
        jabatan,
        satuan,
        polaritas,
        identitas,
    ) in baris:
        nilai_capaian = _angka(capaian)
        per_dokumen[dokumen_id].append(
            HasilIndikator(
                indikator_id=indikator_id,
                nama=nama,
                sasaran_id=sasaran_id,
                sasaran=sasaran,
                jabatan_id=jabatan_id,
                jabatan=jabatan,
                satuan=satuan,
                polaritas=polaritas,
                target=_angka(target),
                target_hi=_angka(target_hi),
                realisasi=rumus.Hasil(_angka(realisasi), realisasi_alasan or None),
                capaian=Hasil(nilai_capaian, capaian_alasan or None),
                kategori=kategori(nilai_capaian, skala.get(dokumen_id)),
                realisasi_tahun_lalu=lalu.get((dokumen_lalu.get(dokumen_id), identitas)),
                lengkap=lengkap,
                periode=periode,
                dokumen_id=dokumen_id,
                baseline=_angka(baseline),
                target_turunan=turunan,
                dilaporkan=dilaporkan,
                tanpa_rencana_aksi=tanpa_rencana_aksi,
                identitas=identitas,
            )
        )
    return per_dokumen


def ringkasan(
    dokumen_ids: list[int], periode: str, skala: dict[int, str], jenis=Ringkasan, versi: dict[int, object] | None = None
) -> dict[int, Ringkasan]:
    """{dokumen id: Ringkasan (or its subclass ``jenis``)} from the kept rows (``pastikan`` first):
    four columns per indicator, no catalogue join, no result objects — what a kabupaten dashboard
    needs of each kecamatan.

    ``versi`` ({dokumen id: when its rows were last computed}, what ``pastikan`` returns) lets each
    document's counts be kept in the cache under that moment: a saved value, which recomputes one
    document's rows and moves its moment, leaves the other documents' counts where they are."""
    versi = versi or {}
    kunci = {d: f"ringkasan-ukur:{d}:{periode}:{skala[d]}:{versi[d].isoformat()}" for d in dokumen_ids if d in versi}
    tersimpan = cache.get_many(list(kunci.values())) if kunci else {}
    hitungan = {d: tersimpan[k] for d, k in kunci.items() if k in tersimpan}
    kurang = [d for d in dokumen_ids if d not in hitungan]
    if kurang:
        baru = {d: jenis(skala[d]) for d in kurang}
        for dokumen_id, realisasi, capaian, lengkap in (
            HasilUkur.objects.filter(dokumen_id__in=kurang, periode=periode)
            .order_by()
            .values_list("dokumen_id", "realisasi", "capaian", "lengkap")
        ):
            nilai = _angka(capaian)
            baru[dokumen_id].catat(nilai, kategori(nilai, skala[dokumen_id]), lengkap and realisasi is not None)
        hitungan |= {d: r.hitungan for d, r in baru.items()}
        cache.set_many({kunci[d]: baru[d].hitungan for d in kurang if d in kunci}, 24 * 3600)
    return {d: jenis.dari_hitungan(skala[d], hitungan[d]) for d in dokumen_ids}


def realisasi_per_identitas(dokumen_ids: Iterable[int], periode: str) -> dict[tuple[int, object], Decimal | None]:
    """{(dokumen id, indikator identitas): kept realisasi} — last year's values for this year's rows."""
    return {
        (d, identitas): _angka(realisasi)
        for d, identitas, realisasi in HasilUkur.objects.filter(dokumen_id__in=list(dokumen_ids), periode=periode)
        .order_by()
        .values_list("dokumen_id", "indikator__identitas", "realisasi")
    }


# --- refreshing what a change touches ---------------------------------------------------------


def segarkan_indikator(indikator_ids: Iterable[int]) -> None:
    """Recompute the kept rows of these indicators for every period their documents keep."""
    indikator_ids = set(indikator_ids)
    per_dokumen: dict[int, set[int]] = {}
    for indikator_id, dokumen_id in Indikator.objects.filter(pk__in=indikator_ids).values_list(
        "pk", "sasaran__dokumen_id"
    ):
        per_dokumen.setdefault(dokumen_id, set()).add(indikator_id)
    periode_per_dokumen: dict[int, list[str]] = {}
    with transaction.atomic():
        for dokumen_id, periode in (
            UkurDokumen.objects.select_for_update()
            .filter(dokumen_id__in=per_dokumen)
            .order_by("dokumen_id", "periode")
            .values_list("dokumen_id", "periode")
        ):
            periode_per_dokumen.setdefault(dokumen_id, []).append(periode)
        for dokumen_id, daftar_periode in periode_per_dokumen.items():
            ids = per_dokumen[dokumen_id]
            HasilUkur.objects.filter(dokumen_id=dokumen_id, periode__in=daftar_periode, indikator_id__in=ids).delete()
            _ukur_dan_tulis([dokumen_id], daftar_periode, pk__in=ids)
            # A new moment: what was kept of this document's rows (``ringkasan``) is read again.
            UkurDokumen.objects.filter(dokumen_id=dokumen_id, periode__in=daftar_periode).update(
                dihitung_pada=timezone.now()
            )


def lupakan_dokumen(dokumen_ids: Iterable[int]) -> None:
    """Drop what is kept for these documents; the next reader computes them again."""
    dokumen_ids = list(dokumen_ids)
    with transaction.atomic():
        UkurDokumen.objects.filter(dokumen_id__in=dokumen_ids).delete()
        HasilUkur.objects.filter(dokumen_id__in=dokumen_ids).delete()


PERIODE_SIMPAN = ("TW1", "TW2", "TW3", "TW4", "S1", "S2", "SD_TW2", "SD_TW3", "TAHUN")
"""The periods ``hitung_ulang`` keeps: every period the dashboards offer."""


def hitung_ulang(
    dokumen_ids: Iterable[int],
    daftar_periode: Iterable[str] = PERIODE_SIMPAN,
    kemajuan: Callable[[int, int], None] | None = None,
    *,
    proses: int | None = None,
) -> int:
    """Rebuild the kept rows of decreed documents in batches; returns how many documents were kept.

    On PostgreSQL, outside a caller's transaction, from KELOMPOK_UNTUK_PARALEL batches on (or with
    ``proses`` > 1), the batches are shared by ``proses`` processes (one per core when None): one
    measures in Python while the database reads and writes for another. Each batch is its own
    transaction either way."""
    ids = sorted(
        DokumenIKI.objects.filter(pk__in=list(dokumen_ids), status=DokumenIKI.Status.DITETAPKAN).values_list(
            "pk", flat=True
        )
    )
    daftar_periode = list(daftar_periode)
    kelompok = [ids[i : i + UKURAN_KELOMPOK] for i in range(0, len(ids), UKURAN_KELOMPOK)]
    if proses is None:
        proses = (os.cpu_count() or 1) if len(kelompok) >= KELOMPOK_UNTUK_PARALEL else 1
    proses = min(proses, len(kelompok))
    # A second process would not see a caller's uncommitted rows; SQLite has one writer anyway.
    if proses > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block:
        selesai_per_kelompok = _hitung_paralel(_kelompok_menyusut(ids, proses), daftar_periode, proses)
    else:
        selesai_per_kelompok = (_hitung_dan_simpan(potong, daftar_periode) for potong in kelompok)
    selesai = 0
    for jumlah in selesai_per_kelompok:
        selesai += jumlah
        if kemajuan:
            kemajuan(selesai, len(ids))
    if connection.vendor == "postgresql" and len(ids) > UKURAN_KELOMPOK:
        _perbarui_statistik(len(ids) * len(daftar_periode))
    return len(ids)


def _kelompok_menyusut(ids: list[int], proses: int) -> list[list[int]]:
    """Batches for ``proses`` processes: UKURAN_KELOMPOK documents each, then smaller towards the
    end (a share of what is left, down to a quarter of a batch), so that no process is left
    working alone on a full last batch while the others wait."""
    kelompok = []
    terkecil = max(1, UKURAN_KELOMPOK // 4)
    i = 0
    while i < len(ids):
        ukuran = min(UKURAN_KELOMPOK, max(terkecil, -(-(len(ids) - i) // (2 * proses))))
        kelompok.append(ids[i : i + ukuran])
        i += ukuran
    return kelompok


def _perbarui_statistik(tanda_ditulis: int) -> bool:
    """ANALYZE the kept tables when the planner believes they hold fewer marks than a rebuild just
    wrote (a first rebuild, or one much larger than before): until autovacuum came by, reading a
    kabupaten would scan the whole table. A rebuild of what was kept already changes little, and
    analyzing costs half a second at national size. True when analyzed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [UkurDokumen._meta.db_table])
        (perkiraan,) = cursor.fetchone()
        if perkiraan >= tanda_ditulis:
            return False
        cursor.execute(f"ANALYZE {HasilUkur._meta.db_table}, {UkurDokumen._meta.db_table}")
    return True


def _hitung_paralel(kelompok: list[list[int]], daftar_periode: list[str], proses: int):
    """Yield each batch's number of documents as one of ``proses`` processes keeps it, each on its
    own connection to the caller's database (a test database too). The processes are forked when
    the caller runs a single thread (a second to start them saved); a threaded caller, whose other
    threads might hold locks a fork would copy, gets freshly started ones (spawn)."""
    from django.conf import settings

    from . import proses as proses_hitung

    awal = (settings.SETTINGS_MODULE, dict(connection.settings_dict))
    connection.close()  # a forked process must not share this connection's socket
    konteks = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
    with ProcessPoolExecutor(proses, konteks, proses_hitung.siapkan, awal) as kumpulan:
        tugas = [kumpulan.submit(proses_hitung.kerjakan, potong, daftar_periode) for potong in kelompok]
        try:
            for selesai in as_completed(tugas):
                yield selesai.result()
        finally:
            for t in tugas:
                t.cancel()


def _nilai_berubah(sender, instance, **kwargs):
    # One query when nothing of the value's document is kept (a draft, or not read yet).
    if UkurDokumen.objects.filter(dokumen__sasaran__indikator__variabel__pk=instance.variabel_id).exists():
        indikator_id = Indikator.objects.filter(variabel__pk=instance.variabel_id).values_list("pk", flat=True).first()
        if indikator_id is not None:
            segarkan_indikator([indikator_id])


def _target_berubah(sender, instance, **kwargs):
    if UkurDokumen.objects.filter(dokumen__sasaran__indikator__pk=instance.indikator_id).exists():
        segarkan_indikator([instance.indikator_id])


def sambungkan() -> None:
    """Refresh kept rows when a value or a target changes (in the same transaction as the change).

    The catalogue of a decreed document (indicators, variables, their Konstanta) is locked, so values
    and rencana aksi targets are all that can change under a kept row."""
    for sinyal in (post_save, post_delete):
        sinyal.connect(_nilai_berubah, sender=NilaiVariabel, dispatch_uid="simpanan-nilai")
        sinyal.connect(_target_berubah, sender=Target, dispatch_uid="simpanan-target")


def baca_indikator(indikator, dokumen_lalu_id: int | None, daftar_periode: Iterable[str]) -> dict:
    """One indicator's kept results over several periods, this year and (by identity) last year:
    {(this year: bool, periode): {realisasi, target, target_hi, capaian, their reasons}}. Keeps what is missing first; three queries when
    everything is kept already."""
    daftar_periode = list(daftar_periode)
    dokumen_ids = {indikator.sasaran.dokumen_id} | ({dokumen_lalu_id} if dokumen_lalu_id else set())
    ada = set(
        UkurDokumen.objects.filter(dokumen_id__in=dokumen_ids, periode__in=daftar_periode).values_list(
            "dokumen_id", "periode"
        )
    )
    for periode in daftar_periode:
        kurang = sorted(d for d in dokumen_ids if (d, periode) not in ada)
        if kurang:
            _simpan_baru(kurang, periode)
    baris = HasilUkur.objects.filter(periode__in=daftar_periode).filter(
        Q(dokumen_id=indikator.sasaran.dokumen_id, indikator=indikator)
        | Q(dokumen_id=dokumen_lalu_id or 0, indikator__identitas=indikator.identitas)
    )
    return {
        (b.indikator_id == indikator.pk, b.periode): {
            "realisasi": _angka(b.realisasi),
            "realisasi_alasan": b.realisasi_alasan,
            "target": _angka(b.target),
            "target_hi": _angka(b.target_hi),
            "target_turunan": b.target_turunan,
            "capaian": _angka(b.capaian),
            "capaian_alasan": b.capaian_alasan,
        }
        for b in baris
    }
