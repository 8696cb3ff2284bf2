"""Every page of every role at phone width (360 px) and desktop width (1366 px) in a real Chromium:
the page itself never scrolls sideways. Wide tables scroll inside their own box.

The pages are found by walking every URL pattern (as the scope test does) with one kecamatan's ids;
what a role may open (200, HTML) is visited, downloads and refusals are left out.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from kinerja.demo import buat_demo
from tests.peramban import TANDA as pytestmark  # noqa: F401 — Chromium, its marker

from .conftest import KEC_B
from .test_lingkup_url import objek_instansi, url_objek
from .test_peramban import Pengguna

PERAN = ["admin", f"camat.{KEC_B}", f"staf.umum.{KEC_B}"]  # the roles whose pages and menus differ most
LEBAR = (360, 1366)
UKUR = """() => {
  const lebar = document.documentElement.clientWidth;
  const lebih = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > lebar + 1 && getComputedStyle(e).position !== 'fixed'
      && !e.closest('.overflow-auto, .gulir, .gulir-pohon, table, pre');
  }).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return {geser: document.documentElement.scrollWidth - lebar, lebih};
}"""


@pytest.fixture
def halaman_html(live_server, settings, tmp_path):
    """{username: [path]}: the HTML pages each role may open."""
    settings.MEDIA_ROOT = tmp_path
    demo = buat_demo(2)
    urls = url_objek(objek_instansi(demo.instansi[1]), dengan_tanpa_id=True)
    halaman = {}
    for username in PERAN:
        klien = Client()
        klien.force_login(get_user_model().objects.get(username=username))
        halaman[username] = []
        for url in urls:
            if url.startswith(("/api/", "/keluar/")):
                continue
            respons = klien.get(url)
            if respons.status_code == 200 and respons["Content-Type"].startswith("text/html"):
                halaman[username].append(url)
    return halaman


def test_no_page_scrolls_sideways_and_the_menu_stays_short(peramban, live_server, halaman_html):
    masalah = []
    for username, daftar in halaman_html.items():
        for lebar in LEBAR:
            if lebar > 360 and username != "admin":
                continue  # desktop width rarely overflows: the superuser opens every page
            orang = Pengguna(peramban, live_server, username, lebar=lebar)
            for url in daftar:
                orang.buka(url)
                hasil = orang.halaman.evaluate(UKUR)
                if hasil["geser"] > 1:
                    masalah.append(f"{username} {lebar}px {url}: +{hasil['geser']}px {hasil['lebih']}")
            orang.tutup()
    assert sum(len(d) for d in halaman_html.values()) > 40
    assert not masalah, "\n".join(masalah)

    # The navigation leaves the phone screen to the content: two short rows, not four.
    orang = Pengguna(peramban, live_server, f"camat.{KEC_B}", lebar=360)
    orang.buka(next(u for u in halaman_html[f"camat.{KEC_B}"] if "/dasbor/" in u))
    tinggi = orang.halaman.evaluate("document.querySelector('header').getBoundingClientRect().height")
    orang.tutup()
    assert tinggi < 140
