"""The "Periksa mutu" and "Pemilihan IKI" pages in a real headless Chromium at 360 px wide."""

import pytest
from django.contrib.auth import get_user_model

from kinerja.akun.models import Peran
from kinerja.iki.models import Indikator, Sasaran, Variabel
from kinerja.telaah.models import Pengabaian
from tests.factories import katalog_kecil
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker


@pytest.fixture
def halaman(peramban, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    dokumen = katalog_kecil()
    sasaran = Sasaran.objects.get(dokumen=dokumen, jabatan__nama="Sekretaris Kecamatan")
    ind = Indikator.objects.create(
        sasaran=sasaran, nama="Persentase surat keterangan terbit tepat waktu", ekspresi="a / b * 100", satuan="%"
    )
    Variabel.objects.create(
        indikator=ind, kode="a", uraian="Jumlah permohonan surat keterangan yang masuk ke kecamatan"
    )
    Variabel.objects.create(indikator=ind, kode="b", uraian="Jumlah surat keterangan yang terbit tepat waktu")
    user = get_user_model().objects.create_user("perencana", password="rahasia-uji-1")
    Peran.objects.create(
        pengguna=user, jenis=Peran.Jenis.ADMIN_INSTANSI, pemda=dokumen.instansi.pemda, instansi=dokumen.instansi
    )
    konteks = peramban.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", "rahasia-uji-1")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    yield page, live_server.url, dokumen, sasaran
    konteks.close()


def _tanpa_gulir_samping(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_findings_page_at_360px_and_a_dismissal_through_it(halaman, artifact_dir):
    page, url, dokumen, _ = halaman
    page.goto(f"{url}/dokumen/{dokumen.pk}/")
    page.click("text=Periksa mutu")
    page.wait_for_selector("text=Pembilang")
    assert _tanpa_gulir_samping(page)
    page.screenshot(path=str(artifact_dir / "periksa-mutu-360.png"), full_page=True)
    kartu = page.locator("article.temuan", has_text="Pembilang").first
    kartu.locator("summary").click()
    kartu.locator("textarea[name=alasan]").fill("Dibahas dalam rapat; tetap dipakai tahun ini.")
    kartu.locator("button", has_text="Abaikan").click()
    page.wait_for_selector("text=Alasan diabaikan:")
    assert Pengabaian.objects.filter(dokumen=dokumen, jenis="rumus_terbalik").exists()
    assert _tanpa_gulir_samping(page)


def test_selection_page_at_360px(halaman):
    page, url, dokumen, sasaran = halaman
    page.goto(f"{url}/telaah/dokumen/{dokumen.pk}/jabatan/{sasaran.jabatan_id}/usulan/")
    page.click("text=Usulkan indikator untuk sasaran ini")
    page.fill("input[name=nama]", "Persentase SPJ desa yang diverifikasi tepat waktu")
    page.fill(
        "textarea[name=penjelasan]", "Jumlah SPJ desa yang diverifikasi tepat waktu / Jumlah SPJ desa masuk x 100 %"
    )
    page.fill("input[name=sumber_data]", "Register SPJ desa")
    page.fill("textarea[name=alasan]", "Pekerjaan utama jabatan ini.")
    page.click("button:has-text('Usulkan')")
    page.wait_for_selector("text=Usulan indikator tersimpan.")
    assert _tanpa_gulir_samping(page)
