"""Isian Realisasi: entering values through the service, live recomputation, evidence, the workflow."""

import html as html_lib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.iki.models import Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
STAF, ATASAN, CAMAT, ADMIN = (f"{u}.{KEC_A}" for u in ("staf.umum", "kasubag.umum", "camat", "admin"))
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def teks(respons) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", respons.content.decode())).split())


class Isian:
    """The staff member's report for the quarter open today, and its URLs."""

    def __init__(self, instansi):
        hari_ini = timezone.localdate()
        self.dokumen = dokumen_berlaku(instansi, hari_ini.year)
        self.jabatan = Jabatan.objects.get(instansi=instansi, nama="Pengadministrasi Umum")
        self.periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
        self.args = [self.dokumen.pk, self.jabatan.pk, self.periode]
        self.url = reverse("web:isian", args=self.args)
        self.variabel = {
            v.kode: v
            for v in Variabel.objects.filter(
                indikator__sasaran__dokumen=self.dokumen,
                indikator__sasaran__jabatan=self.jabatan,
                nilai_tetap=None,
                konstanta=None,
            )
        }

    def aksi(self, nama):
        return reverse(f"web:{nama}", args=self.args)

    def url_nilai(self, kode):
        return reverse("web:simpan_nilai", args=[*self.args, self.variabel[kode].pk])

    def isi(self, client, kode, nilai, versi=None):
        v = self.variabel[kode]
        if versi is None:
            nv = NilaiVariabel.objects.filter(variabel=v, periode=self.periode).first()
            versi = nv.versi if nv else 0
        return client.post(
            self.url_nilai(kode), {f"nilai-{v.pk}": nilai, f"versi-{v.pk}": versi}, HTTP_HX_REQUEST="true"
        )

    def nilai(self, kode):
        nv = NilaiVariabel.objects.filter(variabel=self.variabel[kode], periode=self.periode).first()
        return nv.nilai if nv else None

    def status(self):
        isian = IsianPeriode.objects.filter(dokumen=self.dokumen, jabatan=self.jabatan, periode=self.periode).first()
        return isian.status if isian else None


@pytest.fixture
def isian(demo):
    return Isian(demo.instansi[0])


def test_the_holder_sees_one_form_for_all_variables_and_a_get_writes_nothing(
    masuk, isian, django_assert_max_num_queries
):
    client = masuk(STAF)
    with django_assert_max_num_queries(15):
        respons = client.get(isian.url)
    html = respons.content.decode()
    for v in isian.variabel.values():
        assert f'name="nilai-{v.pk}"' in html and f'hx-post="{isian.url_nilai(v.kode)}"' in html
    assert "Ajukan untuk verifikasi" in html
    assert isian.status() is None  # looking creates no report


def test_a_value_is_saved_through_the_service_and_the_indicator_recomputed(masuk, isian, django_assert_max_num_queries):
    client = masuk(STAF)
    isian.isi(client, "surat_diterima", "7")
    # Not a page but a write: about 15 of these queries are the service's locks, checks, history and audit.
    with django_assert_max_num_queries(25):
        respons = isian.isi(client, "surat_didistribusikan_tepat", "6", versi=0)
    assert respons.status_code == 200
    html = respons.content.decode()
    assert "Tersimpan." in html
    assert 'hx-swap-oob="true"' in html  # the indicator's result block is replaced beside the field
    halaman = teks(respons)
    assert "85,71 %" in halaman and "85,71%" in halaman and "Tinggi" in halaman  # realisasi, capaian, kategori
    assert isian.nilai("surat_didistribusikan_tepat") == 6
    v = isian.variabel["surat_didistribusikan_tepat"]
    assert f'name="versi-{v.pk}" value="1"' in html
    assert RiwayatNilai.objects.filter(nilai_variabel__variabel=v, sumber="web").count() == 1
    assert isian.status() == "draft"


def test_indonesian_decimals_are_read_and_bad_input_changes_nothing(masuk, isian):
    client = masuk(STAF)
    isian.isi(client, "arsip_ditata", "12,5")
    assert str(isian.nilai("arsip_ditata").normalize()) == "12.5"
    respons = isian.isi(client, "arsip_ditata", "dua belas")
    assert "bukan angka" in teks(respons) and 'value="dua belas"' in respons.content.decode()
    assert str(isian.nilai("arsip_ditata").normalize()) == "12.5"


def test_a_stale_version_is_refused_with_who_changed_it(masuk, isian):
    client = masuk(STAF)
    isian.isi(client, "arsip_ditata", "10")
    respons = isian.isi(client, "arsip_ditata", "11", versi=0)
    assert "telah diubah oleh" in teks(respons)
    assert isian.nilai("arsip_ditata") == 10


def test_warnings_are_shown_but_do_not_block(masuk, isian):
    client = masuk(STAF)
    isian.isi(client, "surat_diterima", "5")
    respons = isian.isi(client, "surat_didistribusikan_tepat", "9")
    assert "lebih besar dari penyebut" in teks(respons)
    assert isian.nilai("surat_didistribusikan_tepat") == 9


def test_others_see_the_values_read_only_and_cannot_write(masuk, isian):
    isian.isi(masuk(STAF), "arsip_ditata", "10")
    client = masuk(ATASAN)
    html = client.get(isian.url).content.decode()
    v = isian.variabel["arsip_ditata"]
    assert f'name="nilai-{v.pk}"' not in html and f'<output id="nilai-{v.pk}">10,00</output>' in html
    respons = isian.isi(client, "arsip_ditata", "99")
    assert "tidak berhak" in teks(respons)
    assert isian.nilai("arsip_ditata") == 10


def test_the_whole_form_posts_without_javascript(masuk, isian):
    client = masuk(STAF)
    data = {f"nilai-{v.pk}": "" for v in isian.variabel.values()} | {
        f"versi-{v.pk}": "0" for v in isian.variabel.values()
    }
    data[f"nilai-{isian.variabel['surat_diterima'].pk}"] = "20"
    data[f"nilai-{isian.variabel['arsip_ditata'].pk}"] = "x"
    respons = client.post(isian.url, data)
    assert respons.status_code == 422
    assert "1 nilai tidak tersimpan" in teks(respons) and "bukan angka" in teks(respons)
    assert isian.nilai("surat_diterima") == 20 and isian.nilai("arsip_ditata") is None
    data[f"nilai-{isian.variabel['arsip_ditata'].pk}"] = "30"
    data[f"versi-{isian.variabel['surat_diterima'].pk}"] = "1"
    respons = client.post(isian.url, data, follow=True)
    assert "1 nilai tersimpan." in teks(respons)
    assert isian.nilai("arsip_ditata") == 30


def isi_semua(client, isian):
    for kode in isian.variabel:
        isian.isi(client, kode, "8" if kode != "surat_didistribusikan_tepat" else "7")


def test_the_quarterly_cycle_submit_return_verify_approve(masuk, isian):
    staf = masuk(STAF)
    isian.isi(staf, "arsip_ditata", "10")
    respons = staf.post(isian.aksi("ajukan"), follow=True)
    assert "nilai belum diisi" in teks(respons) and isian.status() == "draft"
    isi_semua(staf, isian)
    respons = staf.post(isian.aksi("ajukan"), follow=True)
    assert "Isian diajukan" in teks(respons) and isian.status() == "diajukan"
    assert 'name="nilai-' not in respons.content.decode()  # read-only once submitted

    atasan = masuk(ATASAN)
    ikhtisar = atasan.get(reverse("web:isian_instansi", args=[isian.dokumen.instansi_id]))
    antrean = ikhtisar.content.decode().split('id="antrean-verifikasi"')[1].split("</section>")[0]
    assert isian.url in antrean
    respons = atasan.post(isian.aksi("kembalikan"), {"alasan": ""}, follow=True)
    assert "Alasan wajib diisi" in teks(respons) and isian.status() == "diajukan"
    atasan.post(isian.aksi("kembalikan"), {"alasan": "Lampirkan buku agenda surat."})
    assert isian.status() == "dikembalikan"

    staf = masuk(STAF)
    halaman = teks(staf.get(isian.url))
    assert "Dikembalikan untuk diperbaiki: Lampirkan buku agenda surat." in halaman
    isian.isi(staf, "arsip_ditata", "12")
    staf.post(isian.aksi("ajukan"))
    assert isian.status() == "diajukan"

    camat = masuk(CAMAT)
    assert camat.post(isian.aksi("sahkan"), follow=True).status_code == 200 and isian.status() == "diajukan"
    atasan = masuk(ATASAN)
    atasan.post(isian.aksi("verifikasi"))
    assert isian.status() == "diverifikasi"
    camat = masuk(CAMAT)
    ikhtisar = camat.get(reverse("web:isian_instansi", args=[isian.dokumen.instansi_id])).content.decode()
    assert isian.url in ikhtisar.split('id="antrean-sahkan"')[1].split("</section>")[0]
    respons = camat.post(isian.aksi("sahkan"), follow=True)
    assert "Isian disahkan" in teks(respons) and isian.status() == "disahkan"


def test_only_the_verifier_verifies(masuk, isian):
    staf = masuk(STAF)
    isi_semua(staf, isian)
    staf.post(isian.aksi("ajukan"))
    assert staf.post(isian.aksi("verifikasi")).status_code == 403
    assert masuk(f"sekcam.{KEC_A}").post(isian.aksi("verifikasi")).status_code == 403
    assert isian.status() == "diajukan"


def test_the_admin_reopens_with_a_reason(masuk, isian):
    staf = masuk(STAF)
    isi_semua(staf, isian)
    staf.post(isian.aksi("ajukan"))
    admin = masuk(ADMIN)
    assert "Buka kembali" in admin.get(isian.url).content.decode()
    admin.post(isian.aksi("buka_kembali"), {"alasan": "Salah ketik jumlah arsip"})
    assert isian.status() == "draft"
    assert (
        IsianPeriode.objects.get(dokumen=isian.dokumen, jabatan=isian.jabatan, periode=isian.periode).catatan_status
        == "Salah ketik jumlah arsip"
    )


def test_evidence_upload_and_download(masuk, isian, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staf = masuk(STAF)
    respons = staf.post(
        isian.aksi("unggah_bukti"), {"berkas": SimpleUploadedFile("agenda surat.pdf", PDF)}, follow=True
    )
    assert "Bukti dukung “agenda surat.pdf” tersimpan." in teks(respons)
    bukti = BuktiDukung.objects.get(isian__jabatan=isian.jabatan)
    assert reverse("web:unduh_bukti", args=[bukti.pk]) in respons.content.decode()
    unduh = masuk(CAMAT).get(reverse("web:unduh_bukti", args=[bukti.pk]))
    assert unduh.status_code == 200 and unduh["Content-Type"] == "application/pdf"
    assert b"".join(unduh.streaming_content) == PDF
    assert 'attachment; filename="agenda surat.pdf"' in unduh["Content-Disposition"]
    staf = masuk(STAF)  # the same test client, logged in again
    ditolak = staf.post(isian.aksi("unggah_bukti"), {"berkas": SimpleUploadedFile("x.pdf", b"bukan pdf")}, follow=True)
    assert "Jenis berkas tidak diizinkan" in teks(ditolak)
    assert BuktiDukung.objects.filter(isian__jabatan=isian.jabatan).count() == 1
    assert (
        masuk(CAMAT).post(isian.aksi("unggah_bukti"), {"berkas": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403
    )


def test_overview_shows_every_jabatan_and_quarter_with_late_and_missing(masuk, isian, django_assert_max_num_queries):
    client = masuk(CAMAT)
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:isian_instansi", args=[isian.dokumen.instansi_id]))
    html = respons.content.decode()
    terlambat = IsianPeriode.objects.filter(dokumen=isian.dokumen)
    jumlah_terlambat = sum(1 for i in terlambat if i.terlambat)
    assert html.count(">terlambat</span>") == jumlah_terlambat > 0
    for i in terlambat:
        assert reverse("web:isian", args=[isian.dokumen.pk, i.jabatan_id, i.periode]) in html
    assert "belum masuk" in html


def test_unknown_period_and_a_jabatan_of_the_document_elsewhere_are_404(masuk, isian, demo):
    client = masuk(STAF)
    assert client.get(reverse("web:isian", args=[isian.dokumen.pk, isian.jabatan.pk, "TW5"])).status_code == 404
    lain = Jabatan.objects.filter(instansi=demo.instansi[1]).first()
    assert client.get(reverse("web:isian", args=[isian.dokumen.pk, lain.pk, isian.periode])).status_code == 404
    assert get_user_model().objects.filter(username=STAF).exists()


def test_a_refused_action_leaves_no_report_row_behind(masuk, isian, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lalu = dokumen_berlaku(isian.dokumen.instansi, isian.dokumen.tahun - 1)  # its quarters are all closed
    IsianPeriode.objects.filter(dokumen=lalu, jabatan=isian.jabatan, periode="TW2").delete()
    args = [lalu.pk, isian.jabatan.pk, "TW2"]
    staf = masuk(STAF)
    respons = staf.post(reverse("web:ajukan", args=args), follow=True)
    assert "berakhir 10 Juli" in teks(respons)
    respons = staf.post(
        reverse("web:unggah_bukti", args=args), {"berkas": SimpleUploadedFile("a.pdf", PDF)}, follow=True
    )
    assert "berakhir 10 Juli" in teks(respons)
    assert not IsianPeriode.objects.filter(dokumen=lalu, jabatan=isian.jabatan, periode="TW2").exists()
    assert not BuktiDukung.objects.exists()
