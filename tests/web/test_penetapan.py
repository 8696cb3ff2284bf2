"""Decree page with its own SK and the diff, the diff page and PDF, next year, the target grid."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.models import Target

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
ADMIN = f"admin.{KEC_A}"


def teks(respons) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", respons.content.decode())).split())


@pytest.fixture
def a(demo):
    return demo.instansi[0]


@pytest.fixture
def berlaku(a):
    return DokumenIKI.objects.filter(instansi=a).order_by("-tahun").first()


@pytest.fixture
def draft(masuk, berlaku):
    masuk(ADMIN).post(reverse("web:buat_revisi", args=[berlaku.pk]))
    return DokumenIKI.objects.get(instansi=berlaku.instansi, tahun=berlaku.tahun, status="draft")


def kepala(dokumen):
    camat = Jabatan.objects.get(instansi=dokumen.instansi, atasan__isnull=True)
    return camat.pemegang()


def isian_sk(dokumen, **ubah):
    return {
        "sk_nomor": f"188/77/KEP/{dokumen.tahun}",
        "sk_tanggal": f"{dokumen.tahun}-07-01",
        "sk_tempat": "Banyuates",
        "penandatangan": str(kepala(dokumen).pk),
    } | ubah


def test_decree_asks_its_own_sk_and_shows_the_changes_first(masuk, berlaku, draft):
    client = masuk(ADMIN)
    ind = Indikator.objects.filter(sasaran__dokumen=draft, ekspresi__contains="/").first()
    Indikator.objects.filter(pk=ind.pk).update(ekspresi=f"({ind.ekspresi}) / 2")
    tahunan = Target.objects.get(indikator=ind, periode="TAHUN")
    Target.objects.filter(pk=tahunan.pk).update(nilai=tahunan.nilai + 1)

    halaman = client.get(reverse("web:tetapkan", args=[draft.pk]))
    isi = teks(halaman)
    assert f"Perubahan terhadap IKI {berlaku.tahun} revisi {berlaku.revisi} (yang berlaku)" in isi
    assert kepala(draft).nama in isi and "Nomor SK" in isi
    # The diff is loaded into the page (htmx) from the diff view.
    url_isi = f"{reverse('web:perubahan', args=[draft.pk])}?dari={berlaku.pk}&amp;sebagian=1"
    assert f'hx-get="{url_isi}"' in halaman.content.decode()
    bagian = client.get(html_lib.unescape(url_isi))
    isi = teks(bagian)
    assert ind.nama in isi and f"Rumus IKI {berlaku.tahun} revisi 1" in isi and "1 rumus berubah" in isi
    assert bagian.content.decode().count('class="pecahan"') >= 2  # both formulas as fractions
    assert "<html" not in bagian.content.decode()
    assert 'value="' + berlaku.sk_nomor + '"' not in halaman.content.decode()  # revision 1's nomor not offered

    kosong = client.post(reverse("web:tetapkan", args=[draft.pk]), {})
    assert "Nomor SK wajib diisi." in teks(kosong) and "Pilih penandatangan SK." in teks(kosong)
    dipakai = client.post(reverse("web:tetapkan", args=[draft.pk]), isian_sk(draft, sk_nomor=berlaku.sk_nomor))
    assert f"Nomor SK “{berlaku.sk_nomor}” sudah dipakai IKI {berlaku.tahun} revisi 1" in teks(dipakai)
    draft.refresh_from_db()
    assert draft.status == "draft" and not Jejak.objects.filter(aksi="tetapkan", objek_id=str(draft.pk)).exists()

    konfirmasi = {
        "konfirmasi_galat": "1",
        "alasan_galat": "Rumus dibagi dua disengaja",
    }  # the halved formula is a galat
    respons = client.post(
        reverse("web:tetapkan", args=[draft.pk]), isian_sk(draft, sk_tempat="Sampang") | konfirmasi, follow=True
    )
    assert f"ditetapkan dengan SK 188/77/KEP/{draft.tahun}" in teks(respons)
    draft.refresh_from_db()
    assert (draft.status, draft.sk_nomor, draft.sk_tempat) == ("ditetapkan", f"188/77/KEP/{draft.tahun}", "Sampang")
    assert draft.sk_penandatangan == kepala(draft).nama
    # The regenerated Dokumen IKI prints this revision's own SK.
    cetak = teks(client.get(reverse("laporan:iki", args=[draft.instansi_id, draft.tahun]) + "?revisi=2"))
    assert f"188/77/KEP/{draft.tahun}" in cetak and berlaku.sk_nomor not in cetak
    assert f"Sampang, 1 Juli {draft.tahun}" in cetak and kepala(draft).nama in cetak


def test_the_diff_stays_viewable_and_downloadable(masuk, berlaku, draft):
    client = masuk(ADMIN)
    sekcam = Jabatan.objects.get(instansi=draft.instansi, nama="Sekretaris Kecamatan")
    Jabatan.objects.filter(pk=sekcam.pk).update(tugas=[*sekcam.tugas, "Menyusun laporan kinerja triwulanan"])
    client.post(reverse("web:tetapkan", args=[draft.pk]), isian_sk(draft))
    Jabatan.objects.filter(pk=sekcam.pk).update(tugas=sekcam.tugas)  # edited again later: the record stays

    halaman = teks(client.get(reverse("web:perubahan", args=[draft.pk])))
    assert f"Dari IKI {berlaku.tahun} revisi 1 ke IKI {draft.tahun} revisi 2" in halaman
    assert "Tugas ditambah Menyusun laporan kinerja triwulanan" in halaman
    assert f"188/77/KEP/{draft.tahun}" in halaman
    mundur = teks(client.get(reverse("web:perubahan", args=[berlaku.pk]) + f"?dari={draft.pk}"))
    assert "Tugas dihapus Menyusun laporan kinerja triwulanan" in mundur

    pdf = client.get(reverse("web:perubahan", args=[draft.pk]) + f"?dari={berlaku.pk}&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert f"perubahan-iki-{draft.tahun}-rev1-ke-rev2.pdf" in pdf["Content-Disposition"]
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.content)) as berkas:
        isi_pdf = " ".join((h.extract_text() or "") for h in berkas.pages)
    isi_pdf = " ".join(isi_pdf.split())
    assert "Perubahan Indikator Kinerja Individu" in isi_pdf and "Menyusun laporan kinerja triwulanan" in isi_pdf
    assert f"188/77/KEP/{draft.tahun}" in isi_pdf


def test_the_diff_of_another_office_is_404(masuk, demo, berlaku):
    lain = DokumenIKI.objects.exclude(instansi=berlaku.instansi).first()
    respons = masuk(ADMIN).get(reverse("web:perubahan", args=[berlaku.pk]) + f"?dari={lain.pk}")
    assert respons.status_code == 404
    assert masuk(ADMIN).get(reverse("web:perubahan", args=[berlaku.pk]) + "?dari=x").status_code == 404


def test_next_year_from_the_document_page_to_the_target_grid(masuk, berlaku):
    client = masuk(ADMIN)
    assert f"Mulai IKI {berlaku.tahun + 1} dari dokumen ini" in teks(
        client.get(reverse("web:dokumen", args=[berlaku.pk]))
    )
    respons = client.post(reverse("web:tahun_baru", args=[berlaku.pk]), follow=True)
    baru = DokumenIKI.objects.get(instansi=berlaku.instansi, tahun=berlaku.tahun + 1)
    halaman = teks(respons)
    assert f"Draft IKI {baru.tahun} dibuat dari IKI {berlaku.tahun} revisi 1" in halaman
    assert f"{berlaku.tahun}: target / realisasi" in halaman
    # Last year's annual target is shown beside each empty cell.
    ind = (
        Indikator.objects.filter(sasaran__dokumen=baru).order_by("sasaran__jabatan__urutan", "sasaran__urutan").first()
    )
    lama = Target.objects.get(indikator__sasaran__dokumen=berlaku, indikator__nama=ind.nama, periode="TAHUN")
    assert not Target.objects.filter(indikator__sasaran__dokumen=baru).exists()
    assert f'name="t-{ind.pk}-TAHUN" value=""' in respons.content.decode()
    assert lama.nilai is not None
    again = client.post(reverse("web:tahun_baru", args=[berlaku.pk]), follow=True)
    assert f"IKI tahun {baru.tahun} sudah ada" in teks(again)


def test_next_year_is_for_catalogue_managers_only(masuk, berlaku):
    respons = masuk(f"sekcam.{KEC_A}").post(reverse("web:tahun_baru", args=[berlaku.pk]))
    assert respons.status_code == 403
    assert not DokumenIKI.objects.filter(tahun=berlaku.tahun + 1).exists()


def test_target_grid_refuses_a_bad_cell_and_saves_good_ones_with_warnings(masuk, draft):
    client = masuk(ADMIN)
    ind = (
        Indikator.objects.filter(sasaran__dokumen=draft, variabel__agregasi="jumlah", ekspresi__regex=r"^[a-z_]+$")
        .distinct()
        .first()
    )
    jabatan = ind.sasaran.jabatan
    url = reverse("web:target_jabatan", args=[draft.pk])
    awal = {t.periode: t.nilai for t in Target.objects.filter(indikator=ind)}
    salah = client.post(url, {"jabatan": jabatan.pk, f"t-{ind.pk}-TW1": "tiga puluh", f"t-{ind.pk}-TW2": "20"})
    isi = teks(salah)
    assert "Target belum disimpan" in isi and "“tiga puluh” bukan angka" in isi
    assert 'aria-invalid="true"' in salah.content.decode()
    assert {t.periode: t.nilai for t in Target.objects.filter(indikator=ind)} == awal
    respons = client.post(
        url,
        {"jabatan": jabatan.pk, f"t-{ind.pk}-TW1": "30", f"t-{ind.pk}-TW2": "20", f"t-{ind.pk}-TW3": "40,5"},
        follow=True,
    )
    isi = teks(respons)
    assert f"Target {jabatan.nama} tersimpan." in isi
    assert "TW2 (20,00) lebih kecil dari TW1 (30,00)" in isi
    assert Target.objects.get(indikator=ind, periode="TW3").nilai == 40.5
    assert 'value="40,5"' in respons.content.decode()


def test_the_sk_form_of_a_draft_refuses_a_reused_nomor(masuk, berlaku, draft):
    respons = masuk(ADMIN).post(
        reverse("web:ubah_dokumen", args=[draft.pk]),
        {
            "sk_nomor": berlaku.sk_nomor,
            "sk_tanggal": "",
            "sk_penandatangan": "",
            "sk_penandatangan_pangkat": "",
            "sk_penandatangan_nip": "",
        },
    )
    assert respons.status_code == 200
    assert f"Nomor SK “{berlaku.sk_nomor}” sudah dipakai IKI {berlaku.tahun} revisi 1" in teks(respons)
    draft.refresh_from_db()
    assert draft.sk_nomor == ""


def test_decreeing_over_open_quality_errors_asks_for_confirmation_and_records_it(masuk, draft):
    from kinerja.telaah.layanan import temuan_galat_terbuka

    client = masuk(ADMIN)
    ind = Indikator.objects.filter(sasaran__dokumen=draft, ekspresi__contains="* 100").first()
    Indikator.objects.filter(pk=ind.pk).update(
        nama="Persentase surat yang selesai tepat waktu", ekspresi=ind.ekspresi.replace(" * 100", "")
    )
    assert temuan_galat_terbuka(draft)
    tanpa = client.post(reverse("web:tetapkan", args=[draft.pk]), isian_sk(draft))
    assert "galat mutu yang belum diperbaiki" in teks(tanpa) and "Persentase surat yang selesai" in teks(tanpa)
    draft.refresh_from_db()
    assert draft.status == "draft"
    isian = isian_sk(draft) | {"konfirmasi_galat": "1", "alasan_galat": "Rumus diperbaiki pada revisi berikut"}
    client.post(reverse("web:tetapkan", args=[draft.pk]), isian)
    draft.refresh_from_db()
    assert draft.status == "ditetapkan"
    jejak = Jejak.objects.get(aksi="tetapkan_dengan_galat", objek_id=str(draft.pk))
    assert jejak.alasan == "Rumus diperbaiki pada revisi berikut" and jejak.perubahan["galat_terbuka"]
