"""A planner of a kecamatan with no catalogue at all builds a draft IKI from the application's own pages
(no admin, no terminal), on a phone (390 px wide): unit kerja, jabatan with tugas and fungsi, a pegawai
and their penugasan, a konstanta, a new document, a sasaran and an indicator whose formula reads two
variables, one of them the konstanta. No page scrolls sideways; a bad NIP is answered by its field."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Pemda, Penugasan, UnitKerja
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker

SANDI = "perencana-rahasia-2026"
LEBAR_PONSEL = 390


@pytest.fixture
def kecamatan_kosong(live_server):
    pemda = Pemda.objects.create(nama="Kabupaten Contoh")
    instansi = Instansi.objects.create(pemda=pemda, nama="Kecamatan Sukamaju")
    perencana = get_user_model().objects.create_user(username="perencana.sukamaju", password=SANDI)
    Peran.objects.create(pengguna=perencana, jenis="admin_instansi", pemda=pemda, instansi=instansi)
    return instansi


class Halaman:
    def __init__(self, browser, server):
        from playwright.sync_api import expect

        self.expect = expect
        self.server = server.url
        self.konteks = browser.new_context(viewport={"width": LEBAR_PONSEL, "height": 800}, locale="id-ID")
        self.p = self.konteks.new_page()
        self.p.set_default_timeout(15000)

    def buka(self, path):
        self.p.goto(self.server + path)
        self.tanpa_geser()

    def tanpa_geser(self):
        """No sideways scroll of the page itself (wide tables scroll inside their own box)."""
        lebar = self.p.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert lebar[0] <= lebar[1], f"{self.p.url}: halaman {lebar[0]} px di layar {lebar[1]} px"

    def klik(self, selektor):
        self.p.click(selektor)
        self.p.wait_for_load_state()
        self.tanpa_geser()

    def kirim(self, tombol="main form button[type=submit]:has-text('Simpan')"):
        self.klik(tombol)


def test_a_planner_builds_a_draft_from_nothing_on_a_phone(peramban, live_server, kecamatan_kosong, artifact_dir):
    instansi = kecamatan_kosong
    tahun = timezone.localdate().year
    h = Halaman(peramban, live_server)
    h.buka("/masuk/")
    h.p.fill("#id_username", "perencana.sukamaju")
    h.p.fill("#id_password", SANDI)
    h.klik("button[type=submit]")
    h.buka(f"/instansi/{instansi.pk}/katalog/")
    h.expect(h.p.locator("main")).to_contain_text("Belum ada dokumen IKI")

    # Unit kerja, then the Camat and the Sekretaris Kecamatan with their tugas and fungsi.
    h.klik("text=Unit kerja dan jabatan")
    h.klik("text=+ Tambah unit kerja")
    h.p.fill("#id_nama", "Sekretariat Kecamatan")
    h.p.select_option("#id_jenis", "sekretariat")
    h.kirim()
    h.expect(h.p.locator("#unit-kerja")).to_contain_text("Sekretariat Kecamatan")
    h.klik("text=+ Tambah jabatan")
    h.p.fill("#id_nama", "Camat Sukamaju")
    h.p.fill("#id_eselon", "III.a")
    h.p.fill("#id_tugas", "Memimpin penyelenggaraan pemerintahan kecamatan")
    h.p.fill("#id_fungsi", "Pengoordinasian kegiatan pemberdayaan masyarakat")
    h.kirim()
    h.expect(h.p.locator("h1")).to_have_text("Camat Sukamaju")
    h.buka(f"/instansi/{instansi.pk}/organisasi/")
    h.klik("text=+ Tambah jabatan")
    h.p.fill("#id_nama", "Sekretaris Kecamatan")
    h.p.fill("#id_eselon", "III.b")
    h.p.select_option("#id_unit_kerja", label="Sekretariat Kecamatan")
    h.p.select_option("#id_atasan", label="Camat Sukamaju")
    h.p.fill("#id_tugas", "Mengoordinasikan administrasi umum\nMenyusun program dan anggaran")
    h.p.fill("#id_fungsi", "Pengelolaan keuangan kecamatan")
    h.kirim()
    h.expect(h.p.locator("#tugas")).to_contain_text("Menyusun program dan anggaran")
    h.expect(h.p.locator("#fungsi")).to_contain_text("Pengelolaan keuangan kecamatan")
    h.expect(h.p.locator("#pemegang")).to_contain_text("Belum ada pemegang jabatan")

    # A pegawai and the penugasan, from the jabatan page; a mistyped NIP is answered by its field.
    h.klik("text=+ Tugaskan pegawai")
    h.klik("text=Tambah pegawai baru")
    h.p.fill("#id_nama", "Rina Kartika, S.Sos.")
    h.p.fill("#id_nip", "19860627 2014")
    h.p.select_option("#id_pangkat", "III/d")
    h.p.select_option("#id_jenis", "definitif")
    h.p.fill("#id_mulai", f"{tahun}-01-01")
    h.kirim()
    h.expect(h.p.locator("#id_nip ~ .galat-bidang")).to_have_text("NIP tidak sah: NIP harus 18 digit, bukan 12.")
    h.p.fill("#id_nip", "19860627 201412 2 001")
    h.kirim()
    h.expect(h.p.locator("#pemegang")).to_contain_text("Rina Kartika, S.Sos.")
    h.expect(h.p.locator("#pemegang")).to_contain_text("19860627 201412 2 001")
    h.p.screenshot(path=str(artifact_dir / "katalog-jabatan-ponsel.png"), full_page=True)

    # A new draft document for this year, and its konstanta.
    h.buka(f"/instansi/{instansi.pk}/katalog/")
    h.expect(h.p.locator("#id_tahun")).to_have_value(str(tahun))
    h.klik("text=Buat dokumen draft")
    h.expect(h.p.locator("hgroup")).to_contain_text("Draft")
    h.klik(f"main a:has-text('Konstanta {tahun}')")
    h.p.fill("#id_nama", "Jumlah desa")
    h.p.fill("#id_kode", "jumlah_desa")
    h.p.fill("#id_nilai", "12")
    h.kirim("text=Simpan konstanta")
    h.expect(h.p.locator("table")).to_contain_text("Jumlah desa")

    # A sasaran of the Sekretaris Kecamatan, then its indicator with the formula and two variables.
    dokumen = DokumenIKI.objects.get(instansi=instansi, tahun=tahun)
    sekcam = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    h.buka(f"/dokumen/{dokumen.pk}/")
    h.klik(f"a[href='/dokumen/{dokumen.pk}/jabatan/{sekcam.pk}/sasaran-baru/']")
    h.p.fill("#id_uraian", "Meningkatnya tertib administrasi pemerintahan desa")
    h.kirim()
    h.expect(h.p.locator("h1")).to_have_text("Tambah indikator")
    h.p.fill("#id_nama", "Persentase desa yang menyampaikan laporan tepat waktu")
    h.p.fill("#id_penjelasan", "Desa yang laporannya diterima sebelum tanggal 10 dibagi seluruh desa.")
    h.p.select_option("#id_jenis", "output")
    h.p.fill("#id_sumber_data", "Buku agenda surat masuk")
    h.p.fill("#id_penyedia_data", "Subbag Umum")
    h.p.fill("#id_variabel-0-kode", "desa_tepat_waktu")
    h.p.fill("#id_variabel-0-uraian", "Jumlah desa yang melapor tepat waktu")
    h.p.fill("#id_variabel-0-satuan", "desa")
    h.klik("text=+ Tambah variabel")
    h.p.fill("#id_variabel-1-kode", "jumlah_desa")
    h.p.fill("#id_variabel-1-uraian", "Jumlah desa")
    pilihan = h.p.locator("#id_variabel-1-konstanta option").all_inner_texts()
    assert pilihan[0] == "— tidak memakai konstanta —" and len(pilihan) == 2
    h.p.select_option("#id_variabel-1-konstanta", index=1)
    h.p.fill("#id_ekspresi", "desa_tepat_waktu / jumlah_desa * 100")
    h.expect(h.p.locator("#periksa-rumus")).to_contain_text("Rumus sah")
    h.p.screenshot(path=str(artifact_dir / "katalog-indikator-ponsel.png"), full_page=True)
    h.p.fill("#id_target", "90")
    h.kirim()
    h.expect(h.p.locator("h1")).to_have_text("Persentase desa yang menyampaikan laporan tepat waktu")
    h.expect(h.p.locator(".rumus-besar .pecahan")).to_be_visible()
    h.expect(h.p.locator("#paspor")).to_contain_text("Subbag Umum")
    h.buka(f"/dokumen/{dokumen.pk}/")
    h.expect(h.p.locator(f"#jabatan-{sekcam.pk}")).to_be_visible()
    h.expect(h.p.locator("main")).to_contain_text("Meningkatnya tertib administrasi pemerintahan desa")
    h.konteks.close()

    # What the pages built, as stored.
    assert list(UnitKerja.objects.filter(instansi=instansi).values_list("nama", flat=True)) == ["Sekretariat Kecamatan"]
    assert sekcam.atasan.nama == "Camat Sukamaju" and sekcam.unit_kerja.nama == "Sekretariat Kecamatan"
    assert sekcam.tugas == ["Mengoordinasikan administrasi umum", "Menyusun program dan anggaran"]
    rina = Pegawai.objects.get(nama="Rina Kartika, S.Sos.")
    assert rina.pangkat == "III/d" and Penugasan.objects.get(pegawai=rina).mulai == date(tahun, 1, 1)
    ind = Indikator.objects.get(sasaran__dokumen=dokumen)
    assert ind.ekspresi == "desa_tepat_waktu / jumlah_desa * 100" and ind.jenis == "output"
    variabel = {v.kode: v for v in ind.variabel.select_related("konstanta")}
    assert variabel["jumlah_desa"].konstanta.nilai == 12 and variabel["desa_tepat_waktu"].konstanta is None
    dokumen.refresh_from_db()
    assert dokumen.status == "draft" and dokumen.revisi == 1
