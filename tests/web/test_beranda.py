"""The landing page leads each user to their own work."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import IsianPeriode

from .conftest import KEC_A

pytestmark = pytest.mark.django_db


def test_a_pejabat_goes_straight_to_the_open_quarter_and_sees_what_waits_for_verification(
    masuk, demo, django_assert_max_num_queries
):
    a = demo.instansi[0]
    hari_ini = timezone.localdate()
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
    dokumen = dokumen_berlaku(a, hari_ini.year)
    kasubag = Jabatan.objects.get(instansi=a, nama="Kepala Sub Bagian Umum dan Kepegawaian")
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    IsianPeriode.objects.filter(dokumen=dokumen, jabatan=staf, periode="TW1").update(status="diajukan")
    client = masuk(f"kasubag.umum.{KEC_A}")
    with django_assert_max_num_queries(15):
        html = client.get(reverse("web:beranda")).content.decode()
    assert reverse("web:isian", args=[dokumen.pk, kasubag.pk, periode]) in html
    menunggu = html.split("Menunggu verifikasi Anda")[1]
    assert reverse("web:isian", args=[dokumen.pk, staf.pk, "TW1"]) in menunggu


def test_pemda_users_see_their_pemda_and_every_kecamatan(masuk, demo):
    html = masuk("pemeriksa").get(reverse("web:beranda")).content.decode()
    assert reverse("web:dasbor_pemda", args=[demo.pemda.pk]) in html
    for instansi in demo.instansi:
        assert reverse("web:dasbor_instansi", args=[instansi.pk]) in html
    assert "Jabatan Anda" not in html


def test_an_instansi_user_sees_only_their_instansi(masuk, demo):
    html = masuk(f"admin.{KEC_A}").get(reverse("web:beranda")).content.decode()
    assert reverse("web:dasbor_instansi", args=[demo.instansi[0].pk]) in html
    assert reverse("web:dasbor_instansi", args=[demo.instansi[1].pk]) not in html
    assert reverse("web:dasbor_pemda", args=[demo.pemda.pk]) not in html
