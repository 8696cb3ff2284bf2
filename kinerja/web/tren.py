"""The dashboard's quarterly trend: the average capaian of a document's indicators in each quarter.

Four queries for any number of documents (an instansi's this year and last), then
kinerja.web.triwulan per indicator and quarter.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch

from kinerja.iki.models import Indikator, Variabel
from kinerja.realisasi.models import NilaiVariabel, Target
from kinerja.realisasi.periode import PERIODE_ISIAN

from .triwulan import hitung_triwulan


def capaian_per_triwulan(dokumen_ids) -> dict[int, list[Decimal | None]]:
    """{dokumen id: [average capaian of TW1, TW2, TW3, TW4]}; None for a quarter without any capaian."""
    indikator = list(
        Indikator.objects.filter(sasaran__dokumen__in=dokumen_ids)
        .select_related("sasaran")
        .prefetch_related(Prefetch("variabel", Variabel.objects.select_related("konstanta")))
    )
    nilai: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for vid, periode, angka in NilaiVariabel.objects.filter(
        variabel__indikator__sasaran__dokumen__in=dokumen_ids, periode__in=PERIODE_ISIAN, nilai__isnull=False
    ).values_list("variabel_id", "periode", "nilai"):
        nilai[int(periode[2])][vid] = angka
    targets: dict[int, dict[str, tuple]] = defaultdict(dict)
    for ind_id, periode, lo, hi in Target.objects.filter(indikator__sasaran__dokumen__in=dokumen_ids).values_list(
        "indikator_id", "periode", "nilai", "nilai_hi"
    ):
        targets[ind_id][periode] = (lo, hi)
    jumlah: dict[int, list[list[Decimal]]] = {d: [[], [], [], []] for d in dokumen_ids}
    for ind in indikator:
        for tw in range(1, 5):
            hasil = hitung_triwulan(ind, ind.variabel.all(), nilai[tw], targets[ind.pk], tw)
            if hasil.capaian is not None and hasil.capaian.nilai is not None:
                jumlah[ind.sasaran.dokumen_id][tw - 1].append(hasil.capaian.nilai)
    return {d: [sum(x) / len(x) if x else None for x in per_tw] for d, per_tw in jumlah.items()}
