"""Every page of the web application answers with at most 15 SQL queries on the demo data.

Walks every GET-able URL pattern of the "web" namespace (django.urls.get_resolver, as the scope
test does), filled with Kecamatan A's ids, a draft revision for the catalogue so that the edit
pages render their forms. Writes (POST) go through the service layer and are not pages.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja.iki import layanan as layanan_iki
from kinerja.iki.models import Indikator, Konstanta, Variabel
from kinerja.organisasi.models import Jabatan, Penugasan
from kinerja.realisasi import layanan
from kinerja.realisasi.berlaku import dokumen_berlaku

from .conftest import KEC_A
from .test_lingkup_url import PDF_KECIL, semua_pola

pytestmark = pytest.mark.django_db
BATAS = 15


@pytest.fixture
def url_a(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a = demo.instansi[0]
    hari_ini = timezone.localdate()
    berlaku = dokumen_berlaku(a, hari_ini.year)
    draft = layanan_iki.buat_revisi(berlaku)
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
    bukti = layanan.simpan_bukti(
        staf.pemegang().pengguna,
        layanan.isian_periode(berlaku, staf, periode),
        ContentFile(PDF_KECIL, name="bukti.pdf"),
    )
    indikator = Indikator.objects.filter(sasaran__dokumen=draft).first()
    id_a = {
        "instansi_id": a.pk,
        "pemda_id": a.pemda_id,
        "dokumen_id": draft.pk,
        "sasaran_id": indikator.sasaran_id,
        "indikator_id": indikator.pk,
        "bukti_id": bukti.pk,
        "tahun": hari_ini.year,
        "pengguna_id": staf.pemegang().pengguna_id,
        "pegawai_id": staf.pemegang().pk,
        "unit_kerja_id": staf.unit_kerja_id,
        "penugasan_id": Penugasan.objects.aktif().filter(jabatan=staf).first().pk,
        "konstanta_id": Konstanta.objects.filter(instansi=a, tahun=draft.tahun).first().pk,
        "tujuan_id": layanan_iki.buat_tujuan(None, draft, staf, uraian="Tujuan", indikator=["Satu", "Dua"]).pk,
    }
    # Entry pages belong to the document in force.
    id_isian = {
        "dokumen_id": berlaku.pk,
        "jabatan_id": staf.pk,
        "periode": periode,
        "variabel_id": Variabel.objects.filter(indikator__sasaran__dokumen=berlaku, indikator__sasaran__jabatan=staf)
        .first()
        .pk,
    }
    urls = []
    for namespace, nama, param, _ in semua_pola():
        if namespace != "web":
            continue
        nilai = {p: id_isian[p] if ("jabatan_id" in param and p in id_isian) else id_a[p] for p in param}
        urls.append(reverse(f"web:{nama}", kwargs=nilai))
    return urls


@pytest.mark.parametrize("username", ["admin", f"admin.{KEC_A}", f"staf.umum.{KEC_A}", "pemeriksa"])
def test_every_page_within_the_query_budget(url_a, username, django_assert_max_num_queries):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    diperiksa = 0
    for url in url_a:
        with django_assert_max_num_queries(BATAS, info=url):
            status = client.get(url).status_code
        diperiksa += status == 200
    assert diperiksa >= 10
