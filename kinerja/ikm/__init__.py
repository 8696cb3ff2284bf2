"""Survei Kepuasan Masyarakat (SKM) and its index (IKM), in pure Python (no Django).

Regulations: PermenPAN-RB 14/2017 (9 unsur, in force) and KepMenPAN 25/2004 (14 unsur).

    NRR per unsur      = Σ scores / respondents who answered that unsur (skipped answers do not count)
    NRR tertimbang     = NRR × bobot (1/n exactly; or, with bobot="lama", 1/n rounded to 0.111 / 0.071)
    IKM (1–4)          = Σ NRR tertimbang
    IKM unit pelayanan = IKM × 25  (25–100 with exact weights)

Decisions (see the functions for details):

* Arithmetic is exact (fractions); values are returned as Decimal, never rounded for display —
  ``HasilIKM.nilai_dibulatkan`` gives the two-decimal figure reports print.
* The mutu letter is decided on the unrounded value (:func:`tentukan_mutu`).
* An unsur nobody answered is left out and its weight spread over the others, with a warning
  in ``HasilIKM.peringatan``; a respondent who answered nothing is not counted.
* Legacy weights are not rounded further; only the weight itself is (0.111, 0.071).
"""

from kinerja.ikm.berkas import BATAS_KESALAHAN, HasilBaca, baca_responden
from kinerja.ikm.errors import IKMError
from kinerja.ikm.hitung import (
    BOBOT_LAMA,
    BOBOT_TEPAT,
    SEMUA,
    HasilIKM,
    hitung_ikm,
    hitung_ikm_per_layanan,
    sampel_minimum,
    tentukan_mutu,
)
from kinerja.ikm.kolom import KOLOM_PROFIL, KolomProfil
from kinerja.ikm.regulasi import REGULASI, UNSUR_2004, UNSUR_2017, Regulasi, Unsur, ambil_regulasi

__all__ = [
    "BATAS_KESALAHAN",
    "BOBOT_LAMA",
    "BOBOT_TEPAT",
    "KOLOM_PROFIL",
    "REGULASI",
    "SEMUA",
    "UNSUR_2004",
    "UNSUR_2017",
    "HasilBaca",
    "HasilIKM",
    "IKMError",
    "KolomProfil",
    "Regulasi",
    "Unsur",
    "ambil_regulasi",
    "baca_responden",
    "hitung_ikm",
    "hitung_ikm_per_layanan",
    "sampel_minimum",
    "tentukan_mutu",
]
