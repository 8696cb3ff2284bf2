"""The catalogue: jabatan tree, indicator page, editing drafts with formula checks, tetapkan, revisi."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.models import Target

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
ADMIN = f"admin.{KEC_A}"


@pytest.fixture
def a(demo):
    return demo.instansi[0]


@pytest.fixture
def dokumen(a):
    return DokumenIKI.objects.filter(instansi=a).order_by("-tahun").first()


@pytest.fixture
def draft(masuk, dokumen):
    """A draft revision of this year's decreed document, made through the page."""
    masuk(ADMIN).post(reverse("web:buat_revisi", args=[dokumen.pk]))
    return DokumenIKI.objects.get(instansi=dokumen.instansi, tahun=dokumen.tahun, status="draft")


def teks(respons) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", respons.content.decode())).split())


def test_catalogue_lists_documents_per_year(masuk, a, django_assert_max_num_queries):
    client = masuk(f"sekcam.{KEC_A}")
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:katalog", args=[a.pk]))
    halaman = teks(respons)
    for d in DokumenIKI.objects.filter(instansi=a):
        assert reverse("web:dokumen", args=[d.pk]) in respons.content.decode()
        assert d.sk_nomor in halaman
    assert "Buat revisi" not in halaman  # a pejabat does not keep the catalogue


def test_document_page_is_the_jabatan_tree_with_tasks_goals_and_indicators(
    masuk, dokumen, django_assert_max_num_queries
):
    client = masuk(f"staf.umum.{KEC_A}")
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:dokumen", args=[dokumen.pk]))
    html = respons.content.decode()
    urutan = [int(n) for n in re.findall(r'id="jabatan-(\d+)"', html)]
    tingkat = [int(n) for n in re.findall(r'class="jabatan" style="--tingkat: (\d+)"', html)]
    jabatan = {j.pk: j for j in Jabatan.objects.filter(instansi=dokumen.instansi)}
    assert set(urutan) == set(jabatan)
    assert tingkat[0] == 0 and jabatan[urutan[0]].atasan_id is None
    for posisi, pk in enumerate(urutan):  # every atasan comes before its bawahan, one level up
        j = jabatan[pk]
        if j.atasan_id:
            assert urutan.index(j.atasan_id) < posisi and tingkat[urutan.index(j.atasan_id)] == tingkat[posisi] - 1
    halaman = teks(respons)
    sekcam = next(j for j in jabatan.values() if j.nama == "Sekretaris Kecamatan")
    assert sekcam.tugas[0] in halaman and sekcam.fungsi[0] in halaman
    for ind in Indikator.objects.filter(sasaran__dokumen=dokumen):
        assert reverse("web:indikator", args=[ind.pk]) in html
        assert ind.sasaran.uraian in halaman
    assert "hanya dapat dibaca" in halaman and reverse("web:tetapkan", args=[dokumen.pk]) not in html
    # The decree itself and each official's Perjanjian Kinerja are one click away.
    assert (
        f"{reverse('laporan:iki', args=[dokumen.instansi_id, dokumen.tahun])}?revisi={dokumen.revisi}&amp;format=pdf"
        in html
    )
    assert reverse("laporan:pk", args=[sekcam.pk, dokumen.tahun]) in html


def test_indicator_page_typesets_the_formula_and_shows_everything_about_it(
    masuk, dokumen, django_assert_max_num_queries
):
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen, ekspresi__contains="jumlah_desa").first()
    induk = list(ind.induk.all())
    client = masuk(ADMIN)
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:indikator", args=[ind.pk]))
    html, halaman = respons.content.decode(), teks(respons)
    assert '<span class="pecahan">' in html
    for v in ind.variabel.select_related("konstanta"):
        assert f'<var title="{v.kode}">' in html and v.uraian in halaman
        if v.konstanta:
            assert f"{v.konstanta.nama} = {v.konstanta.nilai:.0f}" in halaman
    assert ind.get_polaritas_display() in halaman
    target = Target.objects.get(indikator=ind, periode="TAHUN")
    assert f"Tahunan: {target.nilai:.0f},00" in halaman
    for i in induk:
        assert reverse("web:indikator", args=[i.pk]) in html
    # Decreed: read-only, no edit link.
    assert "hanya dapat dibaca" in halaman and reverse("web:ubah_indikator", args=[ind.pk]) not in html


def test_cascade_links_go_both_ways(masuk, dokumen):
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen, pendukung__isnull=False).distinct().first()
    html = masuk(ADMIN).get(reverse("web:indikator", args=[ind.pk])).content.decode()
    bawah = html.split("Didukung oleh")[1]
    for anak in ind.pendukung.all():
        assert reverse("web:indikator", args=[anak.pk]) in bawah


def test_a_decreed_document_cannot_be_edited_from_the_web(masuk, dokumen):
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    client = masuk(ADMIN)
    respons = client.post(
        reverse("web:ubah_indikator", args=[ind.pk]), {"nama": "Diubah", "ekspresi": "a"}, follow=True
    )
    assert "sudah ditetapkan dan tidak dapat diubah" in teks(respons)
    ind.refresh_from_db()
    assert ind.nama != "Diubah"
    assert client.post(reverse("web:hapus_indikator", args=[ind.pk])).status_code == 302
    assert Indikator.objects.filter(pk=ind.pk).exists()


def test_buat_revisi_gives_an_editable_draft_once(masuk, dokumen, draft):
    assert draft.revisi == dokumen.revisi + 1 and draft.revisi_dari_id == dokumen.pk
    respons = masuk(ADMIN).post(reverse("web:buat_revisi", args=[dokumen.pk]), follow=True)
    assert "Sudah ada revisi draft" in teks(respons)
    assert DokumenIKI.objects.filter(instansi=dokumen.instansi, tahun=dokumen.tahun).count() == 2


def test_a_pejabat_may_read_but_not_edit_the_catalogue(masuk, draft):
    ind = Indikator.objects.filter(sasaran__dokumen=draft).first()
    client = masuk(f"sekcam.{KEC_A}")
    assert client.get(reverse("web:ubah_indikator", args=[ind.pk])).status_code == 403
    assert client.post(reverse("web:buat_revisi", args=[draft.pk])).status_code == 403
    assert client.get(reverse("web:periksa_rumus", args=[draft.pk]), {"ekspresi": "a"}).status_code == 403
    assert client.post(reverse("web:tetapkan", args=[draft.pk])).status_code == 403


def data_form(ind, **ubah):
    """The edit form as the page would post it, with the indicator's current values."""
    variabel = list(ind.variabel.all())
    target = Target.objects.filter(indikator=ind, periode="TAHUN").first()
    data = {
        "nama": ind.nama,
        "ekspresi": ind.ekspresi,
        "penjelasan": ind.penjelasan,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "periode_pelaporan": ind.periode_pelaporan,
        "sumber_data": ind.sumber_data,
        "induk": [i.pk for i in ind.induk.all()],
        "target": str(target.nilai).replace(".", ",") if target else "",
        "target_hi": str(target.nilai_hi).replace(".", ",") if target and target.nilai_hi is not None else "",
        "variabel-TOTAL_FORMS": str(len(variabel) + 1),
        "variabel-INITIAL_FORMS": str(len(variabel)),
        "variabel-MIN_NUM_FORMS": "0",
        "variabel-MAX_NUM_FORMS": "1000",
        f"variabel-{len(variabel)}-agregasi": "jumlah",  # the empty extra row, as the browser posts it
    }
    for n, v in enumerate(variabel):
        data |= {
            f"variabel-{n}-id": str(v.pk),
            f"variabel-{n}-kode": v.kode,
            f"variabel-{n}-uraian": v.uraian,
            f"variabel-{n}-agregasi": v.agregasi,
            f"variabel-{n}-nilai_tetap": "" if v.nilai_tetap is None else str(v.nilai_tetap),
            f"variabel-{n}-konstanta": v.konstanta_id or "",
        }
    return data | ubah


def test_editing_a_draft_indicator_with_a_new_variable_in_the_same_submit(masuk, draft):
    ind = Indikator.objects.filter(sasaran__dokumen=draft, ekspresi__regex=r"^[a-z_]+ / [a-z_]+ \* 100$").first()
    n = ind.variabel.count()
    data = data_form(
        ind,
        nama="Persentase baru",
        ekspresi=f"({ind.ekspresi.split(' / ')[0]} + tambahan) / {ind.ekspresi.split(' / ')[1].split(' ')[0]} * 100",
        target="90,5",
    )
    data |= {
        f"variabel-{n}-kode": "tambahan",
        f"variabel-{n}-uraian": "Jumlah tambahan",
        f"variabel-{n}-agregasi": "jumlah",
    }
    client = masuk(ADMIN)
    respons = client.post(reverse("web:ubah_indikator", args=[ind.pk]), data)
    assert respons.status_code == 302, teks(respons)
    ind.refresh_from_db()
    assert ind.nama == "Persentase baru" and "tambahan" in ind.ekspresi
    assert Variabel.objects.filter(indikator=ind, kode="tambahan", uraian="Jumlah tambahan").exists()
    assert str(Target.objects.get(indikator=ind, periode="TAHUN").nilai.normalize()) == "90.5"
    jejak = Jejak.objects.filter(aksi="ubah_indikator", objek_id=str(ind.pk)).get()
    assert jejak.perubahan["nama"][1] == "Persentase baru" and jejak.perubahan["variabel"] == ["tambahan"]


@pytest.mark.parametrize(
    ("ekspresi", "pesan"),
    [
        ("tidak_ada / 2 * 100", "Variabel 'tidak_ada' tidak dikenal"),
        ("a / ", "Rumus"),
        ("", "tidak boleh kosong"),
    ],
)
def test_a_bad_formula_is_refused_and_nothing_changes(masuk, draft, ekspresi, pesan):
    ind = Indikator.objects.filter(sasaran__dokumen=draft).first()
    sebelum = (ind.nama, ind.ekspresi, ind.variabel.count())
    respons = masuk(ADMIN).post(
        reverse("web:ubah_indikator", args=[ind.pk]), data_form(ind, nama="X", ekspresi=ekspresi)
    )
    assert respons.status_code == 200
    assert pesan.lower() in teks(respons).lower()
    ind.refresh_from_db()
    assert (ind.nama, ind.ekspresi, ind.variabel.count()) == sebelum


def test_formula_is_checked_while_typing(masuk, draft, django_assert_max_num_queries):
    url = reverse("web:periksa_rumus", args=[draft.pk])
    client = masuk(ADMIN)
    with django_assert_max_num_queries(15):
        baik = client.get(
            url,
            {
                "ekspresi": "tepat / semua * 100",
                "variabel-0-kode": "tepat",
                "variabel-0-uraian": "Selesai tepat waktu",
                "variabel-1-kode": "semua",
                "variabel-1-uraian": "Semua berkas",
            },
        )
    assert "Rumus sah" in teks(baik) and '<span class="pecahan">' in baik.content.decode()
    assert "Selesai tepat waktu" in teks(baik)
    salah = client.get(url, {"ekspresi": "tepat / semu * 100", "variabel-0-kode": "tepat", "variabel-1-kode": "semua"})
    assert "mungkin maksudnya 'semua'" in teks(salah)
    dihapus = client.get(
        url,
        {
            "ekspresi": "tepat / semua",
            "variabel-0-kode": "tepat",
            "variabel-1-kode": "semua",
            "variabel-1-DELETE": "on",
        },
    )
    assert "Variabel 'semua' tidak dikenal" in teks(dihapus)


def test_add_and_delete_an_indicator_in_a_draft(masuk, draft):
    sasaran = draft.sasaran.first()
    client = masuk(ADMIN)
    respons = client.post(
        reverse("web:tambah_indikator", args=[sasaran.pk]),
        {
            "nama": "Jumlah rapat koordinasi",
            "ekspresi": "rapat",
            "satuan": "kali",
            "polaritas": "positif",
            "periode_pelaporan": "triwulanan",
            "target": "12",
            "variabel-TOTAL_FORMS": "1",
            "variabel-INITIAL_FORMS": "0",
            "variabel-MIN_NUM_FORMS": "0",
            "variabel-MAX_NUM_FORMS": "1000",
            "variabel-0-kode": "rapat",
            "variabel-0-uraian": "Rapat koordinasi",
            "variabel-0-agregasi": "jumlah",
        },
    )
    assert respons.status_code == 302
    baru = Indikator.objects.get(sasaran=sasaran, nama="Jumlah rapat koordinasi")
    assert list(baru.variabel.values_list("kode", flat=True)) == ["rapat"]
    assert Target.objects.get(indikator=baru, periode="TAHUN").nilai == 12
    assert client.post(reverse("web:hapus_indikator", args=[baru.pk])).status_code == 302
    assert not Indikator.objects.filter(pk=baru.pk).exists()
    assert Jejak.objects.filter(aksi="hapus_indikator", objek_id=str(baru.pk)).exists()


def test_quarterly_targets_on_the_document_in_force_but_not_the_annual_one(masuk, dokumen):
    ind = Indikator.objects.filter(sasaran__dokumen=dokumen, satuan="laporan").first()
    tahunan = Target.objects.get(indikator=ind, periode="TAHUN")
    url = reverse("web:target_indikator", args=[ind.pk])
    assert masuk(f"sekcam.{KEC_A}").get(url).status_code == 403
    client = masuk(ADMIN)
    assert 'name="TAHUN-nilai"' in client.get(url).content.decode()
    data = {"TAHUN-nilai": "999", "TW1-nilai": "1", "TW2-nilai": "3", "TW3-nilai": "2"}
    respons = client.post(url, data, follow=True)
    assert "Target tersimpan." in teks(respons)
    assert "lebih kecil dari TW2" in teks(respons)  # a cumulative target going down is flagged
    assert Target.objects.get(indikator=ind, periode="TAHUN").nilai == tahunan.nilai  # decreed: unchanged
    assert {t.periode: t.nilai for t in Target.objects.filter(indikator=ind, periode__startswith="TW")} == {
        "TW1": 1,
        "TW2": 3,
        "TW3": 2,
    }
    assert "s.d. Triwulan II: 3,00" in teks(client.get(reverse("web:indikator", args=[ind.pk])))
    ditolak = client.post(url, {"TW1-nilai": "abc"})
    assert "bukan angka" in teks(ditolak) and Target.objects.get(indikator=ind, periode="TW1").nilai == 1


def test_the_planner_reaches_the_document_settings_from_the_catalogue(masuk, demo):
    a = demo.instansi[0]
    html = masuk(f"admin.{KEC_A}").get(reverse("web:katalog", args=[a.pk])).content.decode()
    assert reverse("laporan:kop", args=[a.pk]) in html and reverse("laporan:teks", args=[a.pk]) in html
