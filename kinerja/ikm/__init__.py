"""Survei Kepuasan Masyarakat (SKM) and its index (IKM), in pure Python (no Django).

Regulations: PermenPAN-RB 14/2017 (9 unsur, in force) and KepMenPAN 25/2004 (14 unsur).

    NRR per unsur      = Σ scores / respondents who answered that unsur (skipped answers do not count)
    NRR tertimbang     = NRR × bobot (1/n exactly; or, with bobot="lama", 1/n rounded to 0.111 / 0.071)
    IKM (1–4)          = Σ NRR tertimbang
    IKM unit pelayanan = IKM × 25  (25–100 with exact weights)

Decisions (details in the functions' docstrings):

* Arithmetic is exact (fractions); values are returned as Decimal (28 significant digits) and are
  never rounded for display — ``HasilIKM.nilai_dibulatkan`` gives the two-decimal figure reports print.
* The mutu letter is decided on the unrounded value (:func:`tentukan_mutu`): 88.305 prints as
  88.31 but is "B". The conversion table lists two-decimal intervals with gaps (…76.60 | 76.61…);
  comparing the exact value with the lower bounds closes the gaps without inventing a rounding step.
* An unsur nobody answered is left out and the weight 1/n is spread over the answered unsur
  (a warning in ``HasilIKM.peringatan``): counting it as 0 would punish a gap in the data.
  A respondent who answered no unsur at all is not counted (warning too).
* Legacy weights ("lama") are 1/n rounded to three decimals (0.111, 0.071); only the weight is
  rounded, NRR and NRR tertimbang keep full precision.
* :func:`hitung_ikm` stops at the first bad answer (row and unsur in the message);
  :func:`baca_responden` collects every bad cell so that a preview can list them.
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
