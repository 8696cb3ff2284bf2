"""Reusing computed results while the data under them has not changed.

A result is stored in Django's cache under a key that includes a fingerprint (sidik) of every row
it was computed from, so a changed value, target or document in force gives a new key and the
stale entry is simply never read again (and expires). The fingerprint costs a few indexed
aggregate queries, far less than the computation it saves (hitung_pemda reads every value of a
kabupaten). NilaiVariabel.versi rises on every change through the service and values are never
deleted from a document in force, so (count, Σ versi, latest diisi_pada) changes whenever any
value does; targets are few and hashed row by row.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from kinerja.realisasi.models import NilaiVariabel, Target
from kinerja.realisasi.periode import periode_hitung

UMUR_DETIK = 300


def sidik_data(dokumen_ids, periode: str) -> str:
    """A fingerprint of the targets of these documents and of their values in the quarters of
    ``periode`` (a computation period, kinerja.realisasi.periode): entering this quarter's values
    leaves the year-so-far up to last quarter, and its cached results, untouched."""
    dokumen_ids = sorted(dokumen_ids)
    triwulan = [f"TW{t}" for t in periode_hitung(periode).triwulan]
    nilai = NilaiVariabel.objects.filter(
        variabel__indikator__sasaran__dokumen__in=dokumen_ids, periode__in=triwulan
    ).aggregate(n=Count("id"), v=Sum("versi"), t=Max("diisi_pada"))
    target = (
        Target.objects.filter(indikator__sasaran__dokumen__in=dokumen_ids)
        .order_by("pk")
        .values_list("pk", "periode", "nilai", "nilai_hi", "baseline")
    )
    isi = repr((dokumen_ids, triwulan, nilai["n"], nilai["v"], nilai["t"], list(target)))
    return hashlib.sha256(isi.encode()).hexdigest()[:32]


def ambil_atau_hitung(kunci: str, hitung):
    """The cached value under ``kunci`` or, when absent, ``hitung()`` stored there."""
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = hitung()
        cache.set(kunci, hasil, UMUR_DETIK)
    return hasil
