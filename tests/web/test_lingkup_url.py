"""A user of Kecamatan A gets 404 for every URL of Kecamatan B, and a pemda-wide user for every URL
of another pemda: not 403, not a redirect, not a hint that the object exists.

Every URL pattern of the project is enumerated with django.urls.get_resolver, so a new URL cannot
escape: its ids are filled with B's objects by parameter name (ID_BERSAMA, or ID_PER_NAMESPACE for
names whose meaning depends on the app). A parameter name that is not known fails the test: add it
here. Only the Django admin is left out (staff only, with its own permission checks).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kinerja.akun.models import Peran
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Tujuan, Variabel
from kinerja.impor.models import PekerjaanImpor
from kinerja.organisasi.models import Jabatan, Pegawai, Pemda, Penugasan, UnitKerja
from kinerja.realisasi import layanan
from kinerja.realisasi.periode import PERIODE_ISIAN
from kinerja.survei.models import Responden, Survei

from .conftest import KEC_A

pytestmark = pytest.mark.django_db

NAMESPACE_DIKECUALIKAN = {"admin"}
PENGGUNA_A = [f"admin.{KEC_A}", f"camat.{KEC_A}", f"sekcam.{KEC_A}", f"kasi.pem.{KEC_A}", f"staf.umum.{KEC_A}"]
PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def semua_pola(resolver=None, namespace="", prefix_kwargs=()):
    """(namespace, name, parameter names, fixed default kwargs) of every URL pattern, depth first."""
    resolver = resolver or get_resolver()
    for pola in resolver.url_patterns:
        nama_param = tuple(pola.pattern.regex.groupindex)
        if isinstance(pola, URLResolver):
            ns = ":".join(filter(None, [namespace, pola.namespace]))
            yield from semua_pola(pola, ns, prefix_kwargs + nama_param)
        elif isinstance(pola, URLPattern):
            yield namespace, pola.name, prefix_kwargs + nama_param, pola.default_args


@pytest.fixture
def objek_b(demo, settings, tmp_path):
    """B's objects, one of each kind a URL can name, with an open quarter to attach evidence to."""
    settings.MEDIA_ROOT = tmp_path
    return objek_instansi(demo.instansi[1])


def objek_instansi(b) -> dict:
    """One object of each kind a URL can name, of instansi `b` (also used by the page-width walk)."""
    dokumen = DokumenIKI.objects.filter(instansi=b).order_by("-tahun", "-revisi").first()
    sekcam = Jabatan.objects.get(instansi=b, nama="Sekretaris Kecamatan")
    sasaran = Sasaran.objects.filter(dokumen=dokumen, jabatan=sekcam).first()
    indikator = Indikator.objects.filter(sasaran=sasaran).first()
    variabel = Variabel.objects.filter(indikator=indikator, nilai_tetap=None, konstanta=None).first()
    periode_buka = next(
        p for p in PERIODE_ISIAN if layanan.alasan_terkunci(layanan.isian_periode(dokumen, sekcam, p)) is None
    )
    pemegang = get_user_model().objects.get(username=sekcam.pemegang().pengguna.username)
    berkas = ContentFile(PDF_KECIL, name="bukti.pdf")
    bukti = layanan.simpan_bukti(pemegang, layanan.isian_periode(dokumen, sekcam, periode_buka), berkas)
    survei = Survei.objects.create(instansi=b, tahun=dokumen.tahun, periode="TAHUN")
    pegawai_tanpa_akun = Pegawai.objects.create(nama="Pegawai Baru B")
    Penugasan.objects.create(pegawai=pegawai_tanpa_akun, jabatan=sekcam, mulai=dokumen.sk_tanggal, jenis="plh")
    Responden.objects.create(survei=survei, nomor=1, jawaban=dict.fromkeys(survei.kode_unsur, 4))
    pekerjaan = PekerjaanImpor.objects.create(instansi=b, nama_berkas="iki.txt", hash_isi="0" * 64)
    # A draft of next year holds a tujuan (the decreed documents refuse new rows).
    draft_b = DokumenIKI.objects.create(instansi=b, tahun=dokumen.tahun + 1)
    tujuan = Tujuan.objects.create(dokumen=draft_b, jabatan=sekcam, uraian="Tujuan B")
    return {
        "ID_BERSAMA": {
            "instansi_id": b.pk,
            "pemda_id": b.pemda_id,
            "dokumen_id": dokumen.pk,
            "sasaran_id": sasaran.pk,
            "indikator_id": indikator.pk,
            "jabatan_id": sekcam.pk,
            "variabel_id": variabel.pk,
            "bukti_id": bukti.pk,
            "periode": periode_buka,
            "tahun": dokumen.tahun,
            "pengguna_id": pemegang.pk,
            "pegawai_id": pegawai_tanpa_akun.pk,
            "unit_kerja_id": UnitKerja.objects.filter(instansi=b).first().pk,
            "penugasan_id": Penugasan.objects.filter(jabatan__instansi=b).first().pk,
            "konstanta_id": Konstanta.objects.filter(instansi=b).first().pk,
            "tujuan_id": tujuan.pk,
        },
        "ID_PER_NAMESPACE": {"survei": {"pk": survei.pk, "nomor": 1}, "impor": {"pekerjaan_id": pekerjaan.pk}},
    }


def url_b(objek_b):
    """Every URL of the project filled with B's ids (or a failure naming the unknown parameters)."""
    return url_objek(objek_b)


def url_objek(objek_b, dengan_tanpa_id: bool = False):
    """Every URL filled with these ids; with `dengan_tanpa_id`, the URLs without ids too."""
    hasil, tidak_dikenal = [], []
    for namespace, nama, param, _bawaan in semua_pola():
        if namespace.split(":")[0] in NAMESPACE_DIKECUALIKAN or not (param or dengan_tanpa_id):
            continue
        nilai = {}
        for p in param:
            if p in objek_b["ID_PER_NAMESPACE"].get(namespace, {}):
                nilai[p] = objek_b["ID_PER_NAMESPACE"][namespace][p]
            elif p in objek_b["ID_BERSAMA"]:
                nilai[p] = objek_b["ID_BERSAMA"][p]
            else:
                tidak_dikenal.append(f"{namespace}:{nama} <{p}>")
        if nama is None:
            tidak_dikenal.append(f"{namespace}: pola tanpa nama {param}")
            continue
        if len(nilai) == len(param):
            hasil.append(reverse(f"{namespace}:{nama}" if namespace else nama, kwargs=nilai))
    if tidak_dikenal:
        pytest.fail("Parameter URL belum dikenal oleh uji lingkup; tambahkan ke objek_b: " + ", ".join(tidak_dikenal))
    return hasil


def test_the_walk_covers_every_web_url_with_ids(objek_b):
    urls = url_b(objek_b)
    web = [n for ns, n, param, _ in semua_pola() if ns == "web" and param]
    assert (
        len([u for u in urls if not u.startswith(("/survei/", "/laporan/", "/api/", "/impor/", "/telaah/"))])
        == len(web)
        > 20
    )
    assert len([u for u in urls if u.startswith("/api/")]) == len([n for ns, n, p, _ in semua_pola() if ns == "api"])


def test_superuser_reaches_every_url_of_b_so_the_ids_are_real(objek_b):
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    for url in url_b(objek_b):
        assert client.get(url).status_code != 404, url


@pytest.mark.parametrize("username", PENGGUNA_A)
def test_users_of_a_get_404_for_every_url_of_b(objek_b, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    for url in url_b(objek_b):
        status = {client.get(url).status_code, client.post(url).status_code}
        # 405 answers a method the URL never accepts, whatever the id: it reveals nothing.
        assert status <= {404, 405} and 404 in status, f"{username} {url}: {status}"


@pytest.mark.parametrize("jenis", ["admin_pemda", "pemeriksa"])
def test_pemda_wide_users_of_another_pemda_get_404_for_every_url(objek_b, jenis):
    lain = Pemda.objects.create(nama="Kabupaten Lain")
    user = get_user_model().objects.create(username=f"{jenis}.lain")
    Peran.objects.create(pengguna=user, jenis=jenis, pemda=lain)
    client = Client()
    client.force_login(user)
    for url in url_b(objek_b):
        status = {client.get(url).status_code, client.post(url).status_code}
        assert status <= {404, 405} and 404 in status, f"{jenis} {url}: {status}"
