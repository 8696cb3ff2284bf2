import pytest
from django.urls import reverse
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.organisasi.models import Instansi, Pemda, Jabatan

def test_halaman(masuk, demo, django_assert_max_num_queries):
    c = masuk("admin.banyuates")
    a = demo.instansi[0]
    d = DokumenIKI.objects.filter(instansi=a).order_by("-tahun").first()
    i = Indikator.objects.filter(sasaran__dokumen=d).first()
    j = Jabatan.objects.get(instansi=a, nama="Sekretaris Kecamatan")
    for url in [reverse("web:beranda"), reverse("web:katalog", args=[a.pk]), reverse("web:dokumen", args=[d.pk]),
                reverse("web:kaskade", args=[d.pk]), reverse("web:indikator", args=[i.pk]),
                reverse("web:isian_instansi", args=[a.pk]), reverse("web:isian", args=[d.pk, j.pk, "TW3"]),
                reverse("web:isian", args=[d.pk, j.pk, "TW4"]),
                reverse("web:dasbor_instansi", args=[a.pk]), reverse("web:capaian_json", args=[a.pk]) + "?tahun=2026&periode=TW1"]:
        with django_assert_max_num_queries(50) as q:
            r = c.get(url)
        print(url, r.status_code, len(q.captured_queries))
        assert r.status_code == 200, r.content[:3000]
    c = masuk("admin.pemda")
    r = c.get(reverse("web:dasbor_pemda", args=[a.pemda_id]))
    assert r.status_code == 200
