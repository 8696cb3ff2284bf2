"""The cascade view: supporting indicators beneath each of the Camat's, orphans and uncovered flagged."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.web.views.kaskade import susun_kaskade
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def katalog():
    """katalog_kecil (Camat ← Sekcam) plus a staff position under the Sekcam:

    - Camat "desa tertib" is supported by Sekcam "LPJ", which is supported by Staf "arsip";
    - Sekcam "rapat" supports nothing (orphan) and is supported by nobody (uncovered: Sekcam has bawahan);
    - Staf "surat" supports nothing (orphan) but is not uncovered (staff have no bawahan).
    """
    dokumen = katalog_kecil()
    sekcam = Jabatan.objects.get(instansi=dokumen.instansi, nama="Sekretaris Kecamatan")
    staf = Jabatan.objects.create(instansi=dokumen.instansi, nama="Pengadministrasi Umum", atasan=sekcam)
    s_sek = Sasaran.objects.get(dokumen=dokumen, jabatan=sekcam)
    s_staf = Sasaran.objects.create(dokumen=dokumen, jabatan=staf, uraian="Tertib administrasi")

    def indikator(sasaran, nama):
        ind = Indikator.objects.create(sasaran=sasaran, nama=nama, ekspresi="x")
        Variabel.objects.create(indikator=ind, kode="x", uraian="x")
        return ind

    rapat = indikator(s_sek, "Jumlah rapat")
    arsip = indikator(s_staf, "Jumlah arsip")
    arsip.induk.add(Indikator.objects.get(nama="Persentase LPJ tepat waktu"))
    surat = indikator(s_staf, "Jumlah surat")
    return dokumen, rapat, arsip, surat


def test_supporters_hang_beneath_the_camat_indicator_level_by_level(katalog):
    dokumen, *_ = katalog
    data = susun_kaskade(dokumen)
    [blok] = data["sasaran_akar"]
    assert blok["jabatan"].nama == "Camat"
    [baris] = blok["indikator"]
    assert baris["indikator"].nama == "Persentase desa tertib"
    [lpj] = baris["anak"]
    assert lpj["indikator"].nama == "Persentase LPJ tepat waktu"
    assert [a["indikator"].nama for a in lpj["anak"]] == ["Jumlah arsip"] and lpj["anak"][0]["anak"] == []


def test_orphans_and_uncovered_indicators_are_flagged(katalog):
    dokumen, rapat, arsip, surat = katalog
    data = susun_kaskade(dokumen)
    assert {i.nama for i in data["yatim"]} == {"Jumlah rapat", "Jumlah surat"}
    assert {i.nama for i in data["tidak_didukung"]} == {"Jumlah rapat"}
    # Once linked, neither flag remains.
    rapat.induk.add(Indikator.objects.get(nama="Persentase desa tertib"))
    Indikator.objects.get(nama="Jumlah surat").induk.add(rapat)
    data = susun_kaskade(dokumen)
    assert data["yatim"] == [] and data["tidak_didukung"] == []


def test_links_into_another_document_do_not_count(katalog):
    dokumen, rapat, *_ = katalog
    lain = katalog_kecil("Kecamatan Lain", pemda=dokumen.instansi.pemda)
    rapat.induk.add(Indikator.objects.get(sasaran__dokumen=lain, nama="Persentase desa tertib"))
    assert rapat in susun_kaskade(dokumen)["yatim"]


def test_the_page_shows_the_tree_and_both_flags(client, katalog, django_assert_max_num_queries):
    dokumen, rapat, arsip, surat = katalog
    user = get_user_model().objects.create(username="pemeriksa.uji")
    Peran.objects.create(pengguna=user, jenis="pemeriksa", pemda=dokumen.instansi.pemda)
    client.force_login(user)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("web:kaskade", args=[dokumen.pk])).content.decode()
    yatim = html.split('id="yatim"')[1].split("</section>")[0]
    assert reverse("web:indikator", args=[rapat.pk]) in yatim and reverse("web:indikator", args=[surat.pk]) in yatim
    assert reverse("web:indikator", args=[arsip.pk]) not in yatim
    kosong = html.split('id="tidak-didukung"')[1].split("</section>")[0]
    assert reverse("web:indikator", args=[rapat.pk]) in kosong
    # The tree nests: arsip sits in the branch of LPJ, which sits in the branch of the Camat's indicator.
    pohon = html.split('<ul class="pohon">')[1]
    camat = pohon.index("Persentase desa tertib")
    lpj = pohon.index("Persentase LPJ tepat waktu")
    assert camat < lpj < pohon.index(reverse("web:indikator", args=[arsip.pk]))
    assert pohon[camat:lpj].count("<ul>") == 1 and "<details open>" in pohon[:lpj]
    # Plain words only: no internal tag such as "yatim" reaches the user.
    assert ">yatim<" not in html


def test_the_tree_downloads_as_svg_and_pdf(client, katalog):
    import xml.etree.ElementTree as ET

    import pdfplumber

    dokumen, rapat, arsip, surat = katalog
    user = get_user_model().objects.create(username="pemeriksa.uji")
    Peran.objects.create(pengguna=user, jenis="pemeriksa", pemda=dokumen.instansi.pemda)
    client.force_login(user)
    svg = client.get(reverse("web:kaskade_svg", args=[dokumen.pk]) + "?periode=TAHUN")
    assert svg["Content-Type"].startswith("image/svg+xml") and "attachment" in svg["Content-Disposition"]
    akar = ET.fromstring(svg.content)
    teks = " ".join(t.text or "" for t in akar.iter("{http://www.w3.org/2000/svg}text"))
    for nama in ("Persentase desa tertib", "Persentase LPJ tepat waktu", "Jumlah arsip", "Jumlah rapat"):
        assert nama in teks
    assert "Tidak dapat dinilai" in teks and "belum didukung bawahan" in teks
    pdf = client.get(reverse("web:kaskade_pdf", args=[dokumen.pk]))
    assert pdf.content[:5] == b"%PDF-"
    import io

    with pdfplumber.open(io.BytesIO(pdf.content)) as berkas:
        halaman = " ".join(p.extract_text() or "" for p in berkas.pages)
    assert "Pohon Kinerja" in halaman and "Tidak mendukung indikator atasan" in halaman


def test_the_demo_cascade_page_fits_the_query_budget(masuk, demo, django_assert_max_num_queries):
    dokumen = DokumenIKI.objects.filter(instansi=demo.instansi[0]).first()
    client = masuk("camat.banyuates")
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:kaskade", args=[dokumen.pk]))
    data = susun_kaskade(dokumen)
    assert f"{len(data['yatim'])} tidak mendukung indikator atasan" in respons.content.decode()
