"""The dashboard's quarterly trend: the average capaian of a document's indicators in each quarter.

The numbers are kinerja.realisasi.hitung's for the periods TW1–TW4; the mean is kinerja.pengukuran's.
"""

from decimal import Decimal

from kinerja.pengukuran import SKALA_PERMENDAGRI_86_2017, Ringkasan
from kinerja.realisasi.hitung import hitung_dokumen_banyak
from kinerja.realisasi.periode import PERIODE_ISIAN


def capaian_per_triwulan(dokumen_ids) -> dict[int, list[Decimal | None]]:
    """{dokumen id: [average capaian of TW1, TW2, TW3, TW4]}; None for a quarter without any capaian."""
    dokumen_ids = list(dokumen_ids)
    rata: dict[int, list[Decimal | None]] = {d: [] for d in dokumen_ids}
    for per_dokumen in hitung_dokumen_banyak(dokumen_ids, PERIODE_ISIAN).values():
        for dokumen_id, hasil in per_dokumen.items():
            ringkasan = Ringkasan(SKALA_PERMENDAGRI_86_2017)  # the scale does not change the mean
            for h in hasil:
                if h.dilaporkan:
                    ringkasan.tambah(h)
            rata[dokumen_id].append(ringkasan.rata_rata)
    return rata
