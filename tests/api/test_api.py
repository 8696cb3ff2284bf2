"""The JSON API: the same scope, locks, versions and audit as the web pages, with JSON errors."""

import base64
import json

import pytest
from django.test import Client

from kinerja.demo import PASSWORD_DEMO
from kinerja.iki.models import Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi import layanan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi
from kinerja.realisasi.models import NilaiVariabel, RiwayatNilai
from kinerja.realisasi.periode import PERIODE_ISIAN
from tests.web.conftest import KEC_A, KEC_B

pytestmark = pytest.mark.django_db


def basic(username, password=PASSWORD_DEMO):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def sekcam(demo, indeks=0):
    instansi = demo.instansi[indeks]
    jabatan = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    dokumen = dokumen_berlaku(instansi, max(d.tahun for d in instansi.dokumen_iki.all()))
    variabel = Variabel.objects.filter(
        indikator__sasaran__dokumen=dokumen, indikator__sasaran__jabatan=jabatan, nilai_tetap=None, konstanta=None
    ).first()
    status = {p: layanan.alasan_terkunci(layanan.isian_periode(dokumen, jabatan, p)) for p in PERIODE_ISIAN}
    terbuka = next(p for p, alasan in status.items() if alasan is None)
    terkunci = next(p for p, alasan in status.items() if alasan is not None)
    return instansi, dokumen, variabel, terbuka, terkunci


def url_nilai(variabel, periode):
    return f"/api/v1/variabel/{variabel.pk}/nilai/{periode}/"


def put(client, url, data, **extra):
    return client.put(url, json.dumps(data), content_type="application/json", **extra)


def test_without_login_the_api_asks_for_it(demo):
    instansi = demo.instansi[0]
    response = Client().get(f"/api/v1/instansi/{instansi.pk}/capaian/?tahun=2025")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    assert "login" in response.json()["galat"].lower()


def test_capaian_over_basic_auth_matches_the_computation(demo):
    instansi = demo.instansi[0]
    response = Client().get(
        f"/api/v1/instansi/{instansi.pk}/capaian/?tahun=2025&periode=TAHUN", **basic(f"camat.{KEC_A}")
    )
    assert response.status_code == 200
    data = response.json()
    harapan = hitung_instansi(instansi, 2025, "TAHUN")
    assert [i["nama"] for i in data["indikator"]] == [h.nama for h in harapan]
    pertama = next(h for h in harapan if h.capaian.nilai is not None)
    baris = next(i for i in data["indikator"] if i["id"] == pertama.indikator_id)
    assert baris["capaian"] == pytest.approx(float(pertama.capaian.nilai), abs=1e-6)
    assert baris["kategori"] == pertama.kategori


@pytest.mark.parametrize(
    "query, pesan",
    [
        ("", "tahun"),
        ("?tahun=2025&periode=TW9", "Periode"),
        ("?tahun=2099", "belum memiliki"),
        ("?tahun=1990", "di luar rentang 2000–2100"),
    ],
)
def test_bad_queries_get_clear_messages(demo, query, pesan):
    instansi = demo.instansi[0]
    response = Client().get(f"/api/v1/instansi/{instansi.pk}/capaian/{query}", **basic(f"camat.{KEC_A}"))
    assert response.status_code in (400, 404)
    assert pesan in response.json()["galat"]


def test_another_office_is_not_found(demo):
    b, _, variabel_b, terbuka, _ = sekcam(demo, 1)
    auth = basic(f"sekcam.{KEC_A}")
    assert Client().get(f"/api/v1/instansi/{b.pk}/capaian/?tahun=2025", **auth).status_code == 404
    assert Client().get(url_nilai(variabel_b, terbuka), **auth).status_code == 404
    assert put(Client(), url_nilai(variabel_b, terbuka), {"nilai": 5}, **auth).status_code == 404
    assert not NilaiVariabel.objects.filter(variabel=variabel_b, periode=terbuka, nilai=5, versi__gt=1).exists()


def test_the_holder_writes_a_value_with_versions_and_history(demo):
    _, _, variabel, terbuka, _ = sekcam(demo)
    client, auth = Client(), basic(f"sekcam.{KEC_A}")
    awal = client.get(url_nilai(variabel, terbuka), **auth).json()
    response = put(
        client, url_nilai(variabel, terbuka), {"nilai": "12,5", "versi": awal["versi"], "catatan": "lewat API"}, **auth
    )
    assert response.status_code == 200, response.content
    assert response.json()["nilai"] == "12.5" and response.json()["versi"] == awal["versi"] + 1
    tersimpan = NilaiVariabel.objects.get(variabel=variabel, periode=terbuka)
    assert tersimpan.riwayat.filter(sumber=RiwayatNilai.Sumber.API).exists()
    # A second writer who still holds the old version is told, not silently overwritten.
    konflik = put(client, url_nilai(variabel, terbuka), {"nilai": 99, "versi": awal["versi"]}, **auth)
    assert konflik.status_code == 409 and konflik.json()["galat"]
    assert NilaiVariabel.objects.get(variabel=variabel, periode=terbuka).nilai == 12.5


def test_a_locked_period_refuses_api_writes(demo):
    _, _, variabel, _, terkunci = sekcam(demo)
    sebelum = list(NilaiVariabel.objects.filter(variabel=variabel, periode=terkunci).values_list("nilai", "versi"))
    response = put(Client(), url_nilai(variabel, terkunci), {"nilai": 1}, **basic(f"sekcam.{KEC_A}"))
    assert response.status_code == 423
    assert response.json()["galat"]
    assert (
        list(NilaiVariabel.objects.filter(variabel=variabel, periode=terkunci).values_list("nilai", "versi")) == sebelum
    )


def test_only_the_holder_may_write(demo):
    _, _, variabel, terbuka, _ = sekcam(demo)
    response = put(Client(), url_nilai(variabel, terbuka), {"nilai": 3}, **basic(f"kasi.pem.{KEC_A}"))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "body, pesan",
    [
        ("bukan json", "JSON"),
        ("[1, 2]", "objek"),
        ('{"nilai": 1, "versi": "x"}', "versi"),
        ('{"nilai": "dua belas"}', ""),
    ],
)
def test_bad_bodies_are_refused(demo, body, pesan):
    _, _, variabel, terbuka, _ = sekcam(demo)
    response = Client().put(
        url_nilai(variabel, terbuka), body, content_type="application/json", **basic(f"sekcam.{KEC_A}")
    )
    assert response.status_code == 400
    assert pesan in response.json()["galat"]


def test_session_writes_need_the_csrf_token(demo):
    _, _, variabel, terbuka, _ = sekcam(demo)
    client = Client(enforce_csrf_checks=True)
    client.force_login(Jabatan.objects.get(instansi=demo.instansi[0], nama="Sekretaris Kecamatan").pemegang().pengguna)
    response = put(client, url_nilai(variabel, terbuka), {"nilai": 4})
    assert response.status_code == 403 and "CSRF" in response.json()["galat"]
    assert client.get(url_nilai(variabel, terbuka)).status_code == 200


def test_wrong_passwords_are_throttled(demo, settings):
    instansi = demo.instansi[0]
    url = f"/api/v1/instansi/{instansi.pk}/capaian/?tahun=2025"
    for _ in range(settings.MASUK_MAKS_GAGAL):
        assert Client().get(url, **basic(f"camat.{KEC_A}", "salah")).status_code == 401
    from kinerja.web.masuk import pesan_terblokir

    terblokir = Client().get(url, **basic(f"camat.{KEC_A}"))  # even the right password now waits
    assert terblokir.status_code == 401
    assert terblokir.json()["galat"] == pesan_terblokir()


def test_other_office_user_of_b_exists(demo):
    assert (
        Client()
        .get(f"/api/v1/instansi/{demo.instansi[1].pk}/capaian/?tahun=2025", **basic(f"camat.{KEC_B}"))
        .status_code
        == 200
    )
