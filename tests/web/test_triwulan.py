"""The web's single-quarter computation agrees with kinerja.realisasi.hitung, indicator by indicator."""

import pytest
from django.db.models import Prefetch
from django.utils import timezone

from kinerja.iki.models import Indikator, Variabel
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.realisasi.models import NilaiVariabel, Target
from kinerja.web.tren import capaian_per_triwulan
from kinerja.web.triwulan import hitung_triwulan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("selisih_tahun", [1, 0])
def test_each_quarter_matches_hitung(demo, selisih_tahun):
    instansi = demo.instansi[1]
    tahun = timezone.localdate().year - selisih_tahun
    dokumen = dokumen_berlaku(instansi, tahun)
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).prefetch_related(
        Prefetch("variabel", Variabel.objects.select_related("konstanta"))
    )
    dibandingkan = 0
    for tw in range(1, 5):
        acuan = {h.indikator_id: h for h in hitung_instansi(instansi, tahun, f"TW{tw}")}
        nilai = dict(
            NilaiVariabel.objects.filter(variabel__indikator__sasaran__dokumen=dokumen, periode=f"TW{tw}").values_list(
                "variabel_id", "nilai"
            )
        )
        for ind in indikator:
            targets = {t.periode: (t.nilai, t.nilai_hi) for t in Target.objects.filter(indikator=ind)}
            hasil = hitung_triwulan(ind, ind.variabel.all(), nilai, targets, tw)
            h = acuan[ind.pk]
            if not hasil.dilaporkan:
                assert h.realisasi.nilai is None
                continue
            assert hasil.realisasi.nilai == h.realisasi.nilai, (ind.nama, tw)
            assert hasil.target == (h.target, h.target_hi), (ind.nama, tw)
            assert hasil.capaian.nilai == h.capaian.nilai, (ind.nama, tw)
            dibandingkan += hasil.capaian.nilai is not None
    assert dibandingkan > 50


def test_the_trend_is_the_mean_capaian_of_each_quarter(demo):
    instansi = demo.instansi[0]
    tahun = timezone.localdate().year - 1
    dokumen = dokumen_berlaku(instansi, tahun)
    tren = capaian_per_triwulan([dokumen.pk])[dokumen.pk]
    for tw in range(1, 5):
        nilai = [h.capaian.nilai for h in hitung_instansi(instansi, tahun, f"TW{tw}") if h.capaian.nilai is not None]
        assert tren[tw - 1] == sum(nilai) / len(nilai)
