"""The whole quarterly cycle in a real headless Chromium (Debian's, never a downloaded one).

Each role logs in; a pejabat enters values (saved by htmx as they are typed), uploads evidence and
submits; the superior returns the report with a reason, then verifies it; the Camat approves;
another office's URLs answer 404; dashboard screenshots (desktop and phone) go to test-artifacts/.
A value saved in the browser shows at once on the kecamatan and the kabupaten dashboards.
"""

import re

import pytest
from django.utils import timezone

from kinerja.demo import PASSWORD_DEMO, buat_demo
from kinerja.iki.models import DokumenIKI, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import BuktiDukung, IsianPeriode, NilaiVariabel
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker

from .conftest import KEC_A


@pytest.fixture
def data(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "berkas"
    return buat_demo(2)


class Pengguna:
    """One person in their own browser context (own cookies)."""

    def __init__(self, peramban, server, username, lebar=1280):
        from playwright.sync_api import expect

        self.expect = expect
        self.server = server.url
        self.konteks = peramban.new_context(viewport={"width": lebar, "height": 900}, locale="id-ID")
        self.halaman = self.konteks.new_page()
        self.halaman.set_default_timeout(15000)
        self.buka("/masuk/")
        self.halaman.fill("#id_username", username)
        self.halaman.fill("#id_password", PASSWORD_DEMO)
        self.halaman.click("button[type=submit]")
        self.halaman.wait_for_url(self.server + "/")

    def buka(self, path):
        return self.halaman.goto(self.server + path)

    def tutup(self):
        # A page's own requests after "load" (the chart's data) must end before the test does: the
        # live server still answering one would hold the database while it is flushed.
        self.halaman.wait_for_load_state("networkidle")
        self.konteks.close()


def test_each_role_logs_in_and_out(peramban, live_server, data):
    sambutan = {
        "admin.pemda": "Kabupaten Sampang",
        "pemeriksa": "Kabupaten Sampang",
        f"admin.{KEC_A}": "Kecamatan Banyuates",
        f"camat.{KEC_A}": "Jabatan Anda",
        f"kasubag.umum.{KEC_A}": "Jabatan Anda",
        f"staf.umum.{KEC_A}": "Jabatan Anda",
    }
    for username, teks in sambutan.items():
        orang = Pengguna(peramban, live_server, username)
        orang.expect(orang.halaman.locator("main")).to_contain_text(teks)
        orang.halaman.click("details.dropdown summary")
        orang.halaman.click("form.form-keluar button")
        orang.halaman.wait_for_url(re.compile(r"/masuk/$"))
        orang.tutup()


def _isi(orang, variabel, nilai):
    kotak = orang.halaman.locator(f"#nilai-{variabel.pk}")
    kotak.fill(nilai)
    kotak.press("Tab")
    orang.expect(orang.halaman.locator(f"#baris-nilai-{variabel.pk} .tersimpan")).to_be_visible()


def test_the_quarterly_cycle_in_the_browser(peramban, live_server, data, tmp_path, artifact_dir):
    a, b = data.instansi
    hari_ini = timezone.localdate()
    dokumen = dokumen_berlaku(a, hari_ini.year)
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
    url_isian = f"/isian/{dokumen.pk}/{staf.pk}/{periode}/"
    variabel = {
        v.kode: v
        for v in Variabel.objects.filter(indikator__sasaran__dokumen=dokumen, indikator__sasaran__jabatan=staf)
    }

    # The pejabat enters values (each saved as it is left), sees the indicator recomputed, uploads evidence, submits.
    pejabat = Pengguna(peramban, live_server, f"staf.umum.{KEC_A}")
    pejabat.buka(url_isian)
    _isi(pejabat, variabel["surat_diterima"], "7")
    _isi(pejabat, variabel["surat_didistribusikan_tepat"], "6")
    hasil = pejabat.halaman.locator(f"#hasil-{variabel['surat_diterima'].indikator_id}")
    pejabat.expect(hasil).to_contain_text("85,71 %")
    pejabat.expect(hasil).to_contain_text("Tinggi")
    _isi(pejabat, variabel["arsip_ditata"], "120")
    bukti = tmp_path / "buku-agenda.pdf"
    bukti.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pejabat.halaman.set_input_files("#id_berkas", str(bukti))
    pejabat.halaman.click("#bukti button[type=submit]")
    pejabat.expect(pejabat.halaman.locator("#bukti")).to_contain_text("buku-agenda.pdf")
    pejabat.halaman.click("text=Ajukan untuk verifikasi")
    pejabat.expect(pejabat.halaman.locator("#status-isian")).to_have_text("Diajukan")
    assert BuktiDukung.objects.filter(isian__jabatan=staf, nama_asli="buku-agenda.pdf").exists()

    # The superior finds it in the queue and returns it with a reason.
    atasan = Pengguna(peramban, live_server, f"kasubag.umum.{KEC_A}")
    atasan.buka(f"/instansi/{a.pk}/isian/")
    atasan.halaman.click(f"#antrean-verifikasi a[href='{url_isian}']")
    atasan.halaman.click("text=Kembalikan untuk diperbaiki…")
    atasan.halaman.fill("#alasan-kembali", "Jumlah arsip tidak sesuai daftar arsip.")
    atasan.halaman.click("#tindakan details[open] button[type=submit]")
    atasan.expect(atasan.halaman.locator("#status-isian")).to_have_text("Dikembalikan")

    # The pejabat reads the reason, corrects the value and submits again.
    pejabat.buka(url_isian)
    pejabat.expect(pejabat.halaman.locator(".pesan-kembali")).to_contain_text("Jumlah arsip tidak sesuai daftar arsip.")
    _isi(pejabat, variabel["arsip_ditata"], "115")
    pejabat.halaman.click("text=Ajukan untuk verifikasi")
    pejabat.expect(pejabat.halaman.locator("#status-isian")).to_have_text("Diajukan")

    # The superior verifies; the Camat approves from the queue.
    atasan.buka(url_isian)
    atasan.halaman.click("#tindakan button:has-text('Verifikasi')")
    atasan.expect(atasan.halaman.locator("#status-isian")).to_have_text("Diverifikasi")
    camat = Pengguna(peramban, live_server, f"camat.{KEC_A}")
    camat.buka(f"/instansi/{a.pk}/isian/")
    camat.halaman.click(f"#antrean-sahkan a[href='{url_isian}']")
    camat.halaman.click("#tindakan button:has-text('Sahkan')")
    camat.expect(camat.halaman.locator("#status-isian")).to_have_text("Disahkan")
    isian = IsianPeriode.objects.get(dokumen=dokumen, jabatan=staf, periode=periode)
    assert isian.status == "disahkan"
    assert NilaiVariabel.objects.get(variabel=variabel["arsip_ditata"], periode=periode).nilai == 115

    # Another office's pages answer 404, whoever of this office asks.
    dokumen_b = DokumenIKI.objects.filter(instansi=b).first()
    for orang in (pejabat, atasan, camat):
        for path in (f"/instansi/{b.pk}/dasbor/", f"/dokumen/{dokumen_b.pk}/", f"/instansi/{b.pk}/isian/"):
            respons = orang.buka(path)
            assert respons.status == 404
            orang.expect(orang.halaman.locator("h1")).to_have_text("Halaman tidak ditemukan")

    # The dashboard, on a desktop and on a phone: the chart draws, nothing overflows sideways.
    camat.buka(f"/instansi/{a.pk}/dasbor/")
    camat.expect(camat.halaman.locator("#grafik-tren[data-siap='1']")).to_be_attached()
    camat.halaman.screenshot(path=str(artifact_dir / "dasbor-instansi.png"), full_page=True)
    ponsel = Pengguna(peramban, live_server, f"camat.{KEC_A}", lebar=390)
    ponsel.buka(f"/instansi/{a.pk}/dasbor/")
    ponsel.expect(ponsel.halaman.locator("#grafik-tren[data-siap='1']")).to_be_attached()
    assert ponsel.halaman.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ponsel.halaman.screenshot(path=str(artifact_dir / "dasbor-instansi-ponsel.png"), full_page=True)
    pemda = Pengguna(peramban, live_server, "admin.pemda", lebar=390)
    pemda.buka(f"/pemda/{a.pemda_id}/dasbor/")
    assert pemda.halaman.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    pemda.halaman.screenshot(path=str(artifact_dir / "dasbor-pemda-ponsel.png"), full_page=True)
    for orang in (pejabat, atasan, camat, ponsel, pemda):
        orang.tutup()


def test_a_value_saved_in_the_browser_shows_at_once_on_both_dashboards(peramban, live_server, data):
    """Both dashboards read kept results (the kabupaten's counts kept per kecamatan in the cache):
    a value saved in the browser must show on the next view of each, nothing waits for a rebuild."""
    a, _ = data.instansi
    hari_ini = timezone.localdate()
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"  # the open quarter: nothing entered yet
    dokumen = dokumen_berlaku(a, hari_ini.year)
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    variabel = {
        v.kode: v
        for v in Variabel.objects.filter(indikator__sasaran__dokumen=dokumen, indikator__sasaran__jabatan=staf)
    }
    kabupaten = Pengguna(peramban, live_server, "admin.pemda")
    camat = Pengguna(peramban, live_server, f"camat.{KEC_A}")
    url_kabupaten = f"/pemda/{a.pemda_id}/dasbor/?periode={periode}"
    url_kecamatan = f"/instansi/{a.pk}/dasbor/?periode={periode}"
    baris_a = kabupaten.halaman.locator("tr", has_text=a.nama)
    for orang, url in ((kabupaten, url_kabupaten), (camat, url_kecamatan)):
        orang.buka(url)  # read once, so that what is kept is what must change
        orang.expect(orang.halaman.locator("main")).not_to_contain_text("85,71%")

    pejabat = Pengguna(peramban, live_server, f"staf.umum.{KEC_A}")
    pejabat.buka(f"/isian/{dokumen.pk}/{staf.pk}/{periode}/")
    _isi(pejabat, variabel["surat_diterima"], "7")
    _isi(pejabat, variabel["surat_didistribusikan_tepat"], "6")
    pejabat.expect(pejabat.halaman.locator(f"#hasil-{variabel['surat_diterima'].indikator_id}")).to_contain_text(
        "85,71 %"
    )

    kabupaten.buka(url_kabupaten)
    kabupaten.expect(baris_a.first).to_contain_text("85,71% · Tinggi")
    camat.buka(url_kecamatan)
    camat.expect(camat.halaman.locator("main")).to_contain_text("85,71%")
    for orang in (kabupaten, camat, pejabat):
        orang.tutup()


def test_the_formula_is_checked_while_typing(peramban, live_server, data):
    a = data.instansi[0]
    dokumen = dokumen_berlaku(a, timezone.localdate().year)
    admin = Pengguna(peramban, live_server, f"admin.{KEC_A}")
    admin.buka(f"/instansi/{a.pk}/katalog/")
    admin.halaman.click(f"form[action='/dokumen/{dokumen.pk}/revisi/'] button")
    admin.expect(admin.halaman.locator("hgroup")).to_contain_text("Draft")
    admin.halaman.locator("a[href^='/indikator/']").first.click()
    admin.halaman.click("text=Ubah indikator")
    periksa = admin.halaman.locator("#periksa-rumus")
    admin.expect(periksa).to_contain_text("Rumus sah")
    admin.halaman.fill("#id_ekspresi", "nilai_ikmm")
    admin.expect(periksa).to_contain_text("Variabel 'nilai_ikmm' tidak dikenal; mungkin maksudnya 'nilai_ikm'?")
    admin.halaman.fill("#id_ekspresi", "nilai_ikm")
    admin.expect(periksa).to_contain_text("Rumus sah")
    admin.tutup()
