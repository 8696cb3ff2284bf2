"""The planner's Renstra page: reached from the target grid, saves through kinerja.renstra.layanan,
names a bad cell, and refuses everyone but the office's planner (another office: 404, nothing changes)."""

import html as html_lib
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.renstra.models import TargetRenstra

from .conftest import KEC_A, KEC_B

pytestmark = pytest.mark.django_db
ADMIN = f"admin.{KEC_A}"


def teks(respons) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", respons.content.decode())).split())


@pytest.fixture
def dokumen(demo):
    return DokumenIKI.objects.filter(instansi=demo.instansi[0], status="ditetapkan").order_by("-tahun").first()


def test_from_the_target_grid_to_the_renstra_page_and_saved(masuk, dokumen):
    client = masuk(ADMIN)
    url = reverse("web:target_renstra", args=[dokumen.pk])
    assert f'href="{url}"' in client.get(reverse("web:target_jabatan", args=[dokumen.pk])).content.decode()
    halaman = client.get(url)
    indikator = list(Indikator.objects.filter(sasaran__dokumen=dokumen))
    assert halaman.status_code == 200 and "Target akhir periode Renstra" in teks(halaman)
    assert all(f'name="r-{i.pk}"' in halaman.content.decode() for i in indikator)
    pertama, kedua = indikator[:2]
    respons = client.post(
        url,
        {"tahun_awal": "2021", "tahun_akhir": "2026", f"r-{pertama.pk}": "90,5", f"r-{kedua.pk}": "80–90"},
        follow=True,
    )
    assert "Target akhir Renstra tersimpan (2 berubah)." in teks(respons)
    assert TargetRenstra.objects.get(identitas=pertama.identitas).nilai == Decimal("90.5")
    assert (
        TargetRenstra.objects.get(identitas=kedua.identitas).nilai_hi,
        Jejak.objects.filter(aksi="tambah_target_renstra").count(),
    ) == (90, 2)
    isi = respons.content.decode()
    assert 'value="90,5"' in isi and 'value="2021"' in isi and 'value="2026"' in isi


def test_a_bad_cell_is_named_and_nothing_changes(masuk, dokumen):
    client = masuk(ADMIN)
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    respons = client.post(
        reverse("web:target_renstra", args=[dokumen.pk]),
        {"tahun_awal": "2021", "tahun_akhir": "2026", f"r-{ind.pk}": "sembilan"},
    )
    assert respons.status_code == 200
    assert "Target Renstra belum disimpan" in teks(respons) and "“sembilan” bukan angka" in teks(respons)
    assert 'aria-invalid="true"' in respons.content.decode() and 'value="sembilan"' in respons.content.decode()
    assert not TargetRenstra.objects.exists()


@pytest.mark.parametrize(
    ("username", "status"), [(f"sekcam.{KEC_A}", 403), (f"camat.{KEC_A}", 403), (f"admin.{KEC_B}", 404)]
)
def test_others_are_refused_and_nothing_changes(masuk, dokumen, username, status):
    client = masuk(username)
    url = reverse("web:target_renstra", args=[dokumen.pk])
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    assert client.get(url).status_code == status
    assert client.post(url, {"tahun_awal": "2021", "tahun_akhir": "2026", f"r-{ind.pk}": "90"}).status_code == status
    assert not TargetRenstra.objects.exists()
