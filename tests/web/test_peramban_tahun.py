"""The planner's new year in a real headless Chromium (Debian's): from this year's decreed IKI, start
next year, paste targets from Excel, change a formula, decree with a new SK (a reused nomor refused
with a message), see what changed and download it as PDF; the pages checked at phone width too."""

import re

import pytest
from django.utils import timezone

from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import Target
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker

from .conftest import KEC_A
from .test_peramban import Pengguna

TEMPEL = """
(([sel, teks]) => {
  const data = new DataTransfer();
  data.setData("text/plain", teks);
  document.querySelector(sel).dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
})
"""
TANPA_GULIR_SAMPING = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def data(live_server, settings, tmp_path):
    from kinerja.demo import buat_demo

    settings.MEDIA_ROOT = tmp_path / "berkas"
    return buat_demo(1)


def _muat(orang, path, gambar=None):
    orang.buka(path)
    assert orang.halaman.evaluate(TANPA_GULIR_SAMPING), f"{path} bergulir ke samping pada lebar ponsel"
    if gambar is not None:
        orang.halaman.screenshot(path=str(gambar), full_page=True)


def test_next_year_target_formula_decree_and_diff(peramban, live_server, data, artifact_dir):
    [a] = data.instansi
    tahun = timezone.localdate().year
    berlaku = dokumen_berlaku(a, tahun)
    perencana = Pengguna(peramban, live_server, f"admin.{KEC_A}")
    ponsel = Pengguna(peramban, live_server, f"admin.{KEC_A}", lebar=390)
    h = perencana.halaman

    # Start next year from the document in force: the target grid opens with last year's figures beside it.
    perencana.buka(f"/dokumen/{berlaku.pk}/")
    h.click(f"text=Mulai IKI {tahun + 1} dari dokumen ini")
    baru = DokumenIKI.objects.get(instansi=a, tahun=tahun + 1)
    h.wait_for_url(re.compile(rf"/dokumen/{baru.pk}/target/"))
    perencana.expect(h.locator("main")).to_contain_text(f"Draft IKI {tahun + 1} dibuat dari IKI {tahun} revisi 1")
    perencana.expect(h.locator("table.kisi-target thead")).to_contain_text(f"{tahun}: target / realisasi")

    # Paste a row copied from Excel into the first annual cell: the whole row fills.
    pertama = h.locator("table.kisi-target input").first
    nama_sel = pertama.get_attribute("name")
    ind = Indikator.objects.get(pk=int(nama_sel.split("-")[1]))
    h.evaluate(TEMPEL, [f'input[name="{nama_sel}"]', "85,5\t20\t40\t60\t85,5\n"])
    perencana.expect(h.locator(f'input[name="t-{ind.pk}-TW3"]')).to_have_value("60")
    h.click("text=Simpan target")
    perencana.expect(h.locator("main")).to_contain_text("tersimpan")
    target = {t.periode: t.nilai for t in Target.objects.filter(indikator=ind)}
    assert target == {"TAHUN": 85.5, "TW1": 20, "TW2": 40, "TW3": 60, "TW4": 85.5}
    _muat(ponsel, f"/dokumen/{baru.pk}/target/", artifact_dir / "tahun-target-ponsel.png")

    # Change a formula through the indicator page.
    rumus_lama = ind.ekspresi
    perencana.buka(f"/indikator/{ind.pk}/ubah/")
    h.fill("#id_ekspresi", f"({rumus_lama}) / 2")
    h.click("main form button[type=submit]:has-text('Simpan')")
    perencana.expect(h.locator("main")).to_contain_text("Indikator tersimpan")
    ind.refresh_from_db()
    assert ind.ekspresi != rumus_lama and ind.ekspresi.replace(" ", "").endswith("/2")

    # Decree: the changes against last year come first; a reused SK nomor is refused with a message.
    _muat(ponsel, f"/dokumen/{baru.pk}/tetapkan/", artifact_dir / "tahun-tetapkan-ponsel.png")
    perencana.buka(f"/dokumen/{baru.pk}/tetapkan/")
    perubahan = h.locator("section.perubahan")
    perencana.expect(perubahan).to_contain_text(f"Perubahan terhadap IKI {tahun} revisi 1")
    perencana.expect(perubahan.locator(".beda-indikator", has_text=ind.nama).locator(".pecahan").first).to_be_visible()
    perencana.expect(perubahan).to_contain_text("85,5")
    h.fill("#id_sk_nomor", berlaku.sk_nomor)
    h.fill("#id_sk_tanggal", f"{tahun + 1}-01-05")
    h.fill("#id_sk_tempat", "Banyuates")
    h.select_option("#id_penandatangan", index=1)
    h.click("text=Ya, tetapkan dokumen ini")
    perencana.expect(h.locator("main form")).to_contain_text(f"Nomor SK “{berlaku.sk_nomor}” sudah dipakai IKI {tahun}")
    baru.refresh_from_db()
    assert baru.status == "draft"
    h.fill("#id_sk_nomor", f"188/05/KEP/434.501/{tahun + 1}")
    h.click("text=Ya, tetapkan dokumen ini")
    perencana.expect(h.locator("main")).to_contain_text(f"ditetapkan dengan SK 188/05/KEP/434.501/{tahun + 1}")
    baru.refresh_from_db()
    assert (baru.status, baru.sk_nomor, baru.sk_tempat) == (
        "ditetapkan",
        f"188/05/KEP/434.501/{tahun + 1}",
        "Banyuates",
    )

    # The diff stays viewable, and downloads as PDF.
    h.click("nav.tab >> text=Perubahan")
    perencana.expect(h.locator("main")).to_contain_text(f"Dari IKI {tahun} revisi 1 ke IKI {tahun + 1} revisi 1")
    perencana.expect(h.locator("main")).to_contain_text("Nomor SK")
    with h.expect_download() as unduhan:
        h.click("text=Unduh PDF")
    isi = open(unduhan.value.path(), "rb").read()
    assert isi.startswith(b"%PDF") and unduhan.value.suggested_filename.endswith(".pdf")
    _muat(ponsel, f"/dokumen/{baru.pk}/perubahan/", artifact_dir / "tahun-perubahan-ponsel.png")
    h.screenshot(path=str(artifact_dir / "tahun-perubahan.png"), full_page=True)
    _muat(ponsel, f"/dokumen/{baru.pk}/")
    perencana.tutup()
    ponsel.tutup()
