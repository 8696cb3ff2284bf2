"""No 500s: every URL pattern and API endpoint, walked with hostile parameters, answers 4xx (or a page
that ignored the bad parameter) with an Indonesian message — never a server error."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from .test_lingkup_url import NAMESPACE_DIKECUALIKAN, objek_b, semua_pola  # noqa: F401  (objek_b: fixture)

pytestmark = pytest.mark.django_db

ANGKA_RAKSASA = "99999999999999999999"
KUERI_JAHAT = [
    {"tahun": ANGKA_RAKSASA, "periode": "TW9", "jabatan": "-1"},
    {"tahun": "-2026", "periode": "x" * 3000, "halaman": ANGKA_RAKSASA},
    {"tahun": "dua ribu", "q": '=HYPERLINK("x")' * 200, "indikator": "[]"},
]
KATA_INDONESIA = ("tidak", "Tidak", "galat", "harus", "wajib", "Halaman", "Masuk", "berhak", "ditemukan")


def _url_jahat(objek_b):  # noqa: F811  (the fixture imported above)
    """Every named URL filled with real ids, and again with a 20-digit id and an overlong text."""
    for namespace, nama, param, _ in semua_pola():
        if namespace.split(":")[0] in NAMESPACE_DIKECUALIKAN or nama is None:
            continue
        nama_lengkap = f"{namespace}:{nama}" if namespace else nama
        asli = {}
        for p in param:
            asli[p] = objek_b["ID_PER_NAMESPACE"].get(namespace, {}).get(p, objek_b["ID_BERSAMA"].get(p, "MQ"))
        yield reverse(nama_lengkap, kwargs=asli)
        if param:
            jahat = {p: (ANGKA_RAKSASA if isinstance(v, int) else "x" * 3000) for p, v in asli.items()}
            yield reverse(nama_lengkap, kwargs=jahat)


def _periksa(respons, url):
    assert respons.status_code < 500, url
    if 400 <= respons.status_code < 500:
        teks = respons.content.decode("utf-8", "replace")
        assert any(kata in teks for kata in KATA_INDONESIA), (url, respons.status_code, teks[:200])


def test_every_url_with_hostile_parameters_answers_without_a_server_error(objek_b):  # noqa: F811  (the fixture imported above)
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    diperiksa = 0
    for url in _url_jahat(objek_b):
        for kueri in KUERI_JAHAT:
            _periksa(client.get(url, kueri), url)
            diperiksa += 1
        _periksa(client.post(url, {k: v * 50 for k, v in KUERI_JAHAT[0].items()}), url)
    assert diperiksa > 150


def test_the_trend_json_refuses_an_impossible_year_in_indonesian(objek_b):  # noqa: F811  (the fixture imported above)
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    instansi = objek_b["ID_BERSAMA"]["instansi_id"]
    for tahun in (ANGKA_RAKSASA, "-1", "1999", "abc"):
        respons = client.get(reverse("web:tren_json", args=[instansi]), {"tahun": tahun})
        assert respons.status_code == 400 and "Tahun" in respons.json()["galat"]


@pytest.mark.parametrize(
    "isi",
    [
        b"[" * 100_000,
        b'{"nilai": ' + b"[" * 50 + b"1" + b"]" * 50 + b"}",
        json.dumps({"nilai": [1, 2]}).encode(),
        json.dumps({"nilai": {"a": 1}}).encode(),
        json.dumps({"nilai": "9" * 100_000}).encode(),
        json.dumps({"nilai": 1, "versi": "satu"}).encode(),
        json.dumps({"nilai": 1, "versi": 10**30}).encode(),
        json.dumps({"nilai": 1e308 * 10}).encode(),
        b"\xff\xfe\x00",
        b"nilai=1",
        json.dumps([1, 2, 3]).encode(),
    ],
    ids=lambda isi: repr(isi[:20]),
)
def test_the_api_refuses_hostile_bodies_with_4xx(objek_b, isi):  # noqa: F811  (the fixture imported above)
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    url = reverse("api:nilai", args=[objek_b["ID_BERSAMA"]["variabel_id"], objek_b["ID_BERSAMA"]["periode"]])
    respons = client.put(url, isi, content_type="application/json")
    assert 400 <= respons.status_code < 500, respons.content[:200]
    assert respons.json()["galat"]
