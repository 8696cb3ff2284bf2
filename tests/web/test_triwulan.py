"""The dashboard's quarterly trend, from kinerja.realisasi.hitung (the one engine)."""

import pytest
from django.utils import timezone

from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.web.tren import capaian_per_triwulan

pytestmark = pytest.mark.django_db


def test_the_trend_is_the_mean_capaian_of_each_quarter(demo):
    instansi = demo.instansi[0]
    tahun = timezone.localdate().year - 1
    dokumen = dokumen_berlaku(instansi, tahun)
    tren = capaian_per_triwulan([dokumen.pk])[dokumen.pk]
    for tw in range(1, 5):
        nilai = [h.capaian.nilai for h in hitung_instansi(instansi, tahun, f"TW{tw}") if h.capaian.nilai is not None]
        assert tren[tw - 1] == sum(nilai) / len(nilai)
