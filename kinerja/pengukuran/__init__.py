"""Measuring performance, the one engine (pure, no Django; DESIGN.md §4–§5).

It owns the period type (``Periode``), the target of a period (``target_untuk_periode``, with
pro rata "target turunan"), additivity, aggregation over quarters, the measurement of indicators
(``ukur_banyak`` / ``ukur_teragregasi``: realisasi, capaian, kategori, completeness, and reasons
worded with variable uraian), group means and rankings (``Ringkasan``, ``peringkat``) and the
category scales. kinerja.realisasi.hitung is its only database reader.
"""

from .agregasi import AGREGASI, agregasi, agregasi_variabel
from .capaian import POLARITAS, capaian
from .hasil import Hasil
from .periode import PERIODE, TRIWULAN_PELAPORAN, Periode, sampai, triwulan_dilaporkan
from .ringkasan import AMBANG_KELENGKAPAN, Peringkat, Ringkasan, peringkat
from .skala import (
    SKALA,
    SKALA_BAIK,
    SKALA_PERMENDAGRI_86_2017,
    TIDAK_DAPAT_DINILAI,
    Predikat,
    Skala,
    kategori,
)
from .target import LABEL_TURUNAN, PERIODE_TARGET, TargetPeriode, aditif, tanpa_rencana_aksi, target_untuk_periode
from .ukur import (
    IndikatorUkur,
    Ukuran,
    VariabelUkur,
    agregat_dari_hitungan,
    agregat_indikator,
    alasan_belum_diisi,
    ukur_banyak,
    ukur_teragregasi,
)

__all__ = [
    "AGREGASI",
    "AMBANG_KELENGKAPAN",
    "LABEL_TURUNAN",
    "PERIODE_TARGET",
    "TRIWULAN_PELAPORAN",
    "IndikatorUkur",
    "Peringkat",
    "Ringkasan",
    "TargetPeriode",
    "Ukuran",
    "VariabelUkur",
    "aditif",
    "agregat_dari_hitungan",
    "agregat_indikator",
    "alasan_belum_diisi",
    "peringkat",
    "tanpa_rencana_aksi",
    "target_untuk_periode",
    "triwulan_dilaporkan",
    "ukur_banyak",
    "ukur_teragregasi",
    "PERIODE",
    "POLARITAS",
    "SKALA",
    "SKALA_BAIK",
    "SKALA_PERMENDAGRI_86_2017",
    "TIDAK_DAPAT_DINILAI",
    "Hasil",
    "Periode",
    "Predikat",
    "Skala",
    "agregasi",
    "agregasi_variabel",
    "capaian",
    "kategori",
    "sampai",
]
