"""Front-end files are vendored (no CDN), carry their licences, and a first page load stays light."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db
BATAS_BYTE = 300 * 1024


@pytest.mark.parametrize(
    ("berkas", "tanda"),
    [
        ("vendor/pico.min.css", "Pico CSS ✨ v2.1.1"),
        ("vendor/htmx.min.js", "htmx 2.0.11 | (c) Big Sky Software | Zero-Clause BSD"),
        ("vendor/chart.umd.min.js", "Chart.js v4.6.1"),
    ],
)
def test_vendored_files_keep_their_licence_header(berkas, tanda):
    isi = open(finders.find(berkas), encoding="utf-8").read(400)
    assert tanda in isi
    assert "Released under the MIT License" in isi or "Licensed under MIT" in isi or "Zero-Clause BSD" in isi


def berat(html: str) -> tuple[int, int]:
    """(bytes, gzip bytes) of a page and every stylesheet and script it links."""
    asli, padat = len(html.encode()), len(gzip.compress(html.encode()))
    aset = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert aset
    for nama in aset:
        isi = open(finders.find(nama), "rb").read()
        asli += len(isi)
        padat += len(gzip.compress(isi))
    return asli, padat


def test_no_page_asks_another_host(masuk, demo):
    client = masuk("camat.banyuates")
    for url in (
        reverse("web:masuk"),
        reverse("web:beranda"),
        reverse("web:dasbor_instansi", args=[demo.instansi[0].pk]),
    ):
        html = client.get(url).content.decode()
        assert not re.search(r'(?:href|src)="(?:https?:)?//', html), url


def test_the_first_page_is_light_even_uncompressed(client, db):
    asli, _ = berat(client.get(reverse("web:masuk")).content.decode())
    assert asli < BATAS_BYTE


def test_the_dashboard_with_its_chart_library_is_light_as_transferred(masuk, demo):
    html = masuk("camat.banyuates").get(reverse("web:dasbor_instansi", args=[demo.instansi[0].pk])).content.decode()
    assert "chart.umd.min.js" in html
    _, padat = berat(html)
    assert padat < BATAS_BYTE


def test_favicon_is_served_at_the_site_root(client):
    respons = client.get("/favicon.ico")
    assert respons.status_code == 200
    isi = b"".join(respons.streaming_content) if respons.streaming else respons.content
    assert isi[:4] == b"\x00\x00\x01\x00"  # an ICO file, not an HTML error page


def test_pages_are_sent_compressed_to_browsers_that_accept_it(masuk, demo):
    klien = masuk("camat.banyuates")
    respons = klien.get(reverse("web:beranda"), headers={"accept-encoding": "gzip"})
    assert respons.status_code == 200 and respons["Content-Encoding"] == "gzip"
    assert b"Selamat datang" in gzip.decompress(respons.content)
