"""The import journey in a real headless Chromium (Debian's): upload, watch the progress until the
review opens by itself, map one jabatan to an existing one, save, see the draft; then the review on
a 390 px phone, which must not scroll sideways."""

import re

import pytest

from kinerja.demo import PASSWORD_DEMO, buat_demo
from kinerja.iki.models import DokumenIKI, Sasaran
from kinerja.impor import layanan
from kinerja.impor.models import PekerjaanImpor
from kinerja.organisasi.models import Jabatan
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker

from .dokumen_uji import dokumen_teks


@pytest.fixture
def data(live_server, settings):
    # Jobs wait in the queue until the test plays the worker: the page must poll until then.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return buat_demo(1)


def _masuk(peramban, server, username, lebar):
    konteks = peramban.new_context(viewport={"width": lebar, "height": 900}, locale="id-ID")
    halaman = konteks.new_page()
    halaman.set_default_timeout(15000)
    halaman.goto(server.url + "/masuk/")
    halaman.fill("#id_username", username)
    halaman.fill("#id_password", PASSWORD_DEMO)
    halaman.click("button[type=submit]")
    halaman.wait_for_url(server.url + "/")
    return konteks, halaman


def _unggah_dan_baca(halaman, server, instansi, isi: bytes):
    from playwright.sync_api import expect

    halaman.goto(f"{server.url}/instansi/{instansi.pk}/katalog/")
    halaman.click("text=Impor dokumen IKI")
    halaman.set_input_files("#id_berkas", files=[{"name": "iki-2021.txt", "mimeType": "text/plain", "buffer": isi}])
    halaman.click("button:has-text('Unggah dan baca')")
    halaman.wait_for_url(re.compile(r"/impor/\d+/$"))
    expect(halaman.locator("#status-impor")).to_contain_text("Menunggu giliran")
    pekerjaan = PekerjaanImpor.objects.order_by("-pk").first()
    layanan.baca_pekerjaan(pekerjaan.pk)  # the worker's turn; the page notices by itself
    halaman.wait_for_url(re.compile(r"/impor/\d+/tinjau/$"))
    return pekerjaan


def test_upload_review_map_save_and_see_the_draft(peramban, live_server, data, artifact_dir):
    from playwright.sync_api import expect

    instansi = data.instansi[0]
    jabatan_sebelum = Jabatan.objects.filter(instansi=instansi).count()
    isi = dokumen_teks(6, 2021).encode()
    konteks, halaman = _masuk(peramban, live_server, f"admin.{instansi.nama_wilayah.lower()}", 1280)
    _unggah_dan_baca(halaman, live_server, instansi, isi)
    expect(halaman.locator(".sumber")).to_contain_text("KECAMATAN BANYUATES KABUPATEN SAMPANG TAHUN 2021")
    expect(halaman.locator(".pecahan").first).to_be_visible()
    halaman.screenshot(path=str(artifact_dir / "impor-tinjau.png"), full_page=True)

    pilih = halaman.locator(".peta-jabatan", has_text="Kepala Seksi Pelayanan Umum dan Informasi").locator("select")
    pilih.select_option(label="Jabatan yang ada: Kepala Seksi Pemerintahan")
    halaman.click("button:has-text('Simpan sebagai draf')")
    halaman.wait_for_url(re.compile(r"/dokumen/\d+/$"))
    expect(halaman.locator("main")).to_contain_text("disimpan sebagai draf")
    dokumen = DokumenIKI.objects.get(instansi=instansi, tahun=2021)
    assert dokumen.status == DokumenIKI.Status.DRAFT
    assert Jabatan.objects.filter(instansi=instansi).count() == jabatan_sebelum
    kasi_pem = Jabatan.objects.get(instansi=instansi, nama="Kepala Seksi Pemerintahan")
    assert Sasaran.objects.filter(dokumen=dokumen, jabatan=kasi_pem).exists()
    halaman.goto(f"{live_server.url}/instansi/{instansi.pk}/katalog/")
    expect(halaman.locator("table")).to_contain_text("2021")
    konteks.close()

    # On a phone: the same file is recognised, and the review page does not scroll sideways.
    konteks, ponsel = _masuk(peramban, live_server, f"admin.{instansi.nama_wilayah.lower()}", 390)
    _unggah_dan_baca(ponsel, live_server, instansi, isi)
    expect(ponsel.locator("main")).to_contain_text("Berkas yang sama sudah diimpor")
    assert ponsel.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ponsel.screenshot(path=str(artifact_dir / "impor-tinjau-ponsel.png"), full_page=True)
    konteks.close()
