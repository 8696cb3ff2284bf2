"""Through the admin, a ditetapkan document is view-only; the actions decree and revise."""

import pytest

from kinerja.iki.models import DokumenIKI, Indikator
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumen():
    return katalog_kecil().tetapkan()


def test_locked_indikator_change_post_is_refused(admin_client, dokumen):
    indikator = Indikator.objects.filter(sasaran__dokumen=dokumen).first()
    url = f"/admin/iki/indikator/{indikator.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert b'name="nama"' not in page.content  # rendered read-only
    response = admin_client.post(url, {"nama": "Diubah lewat admin", "sasaran": indikator.sasaran_id})
    assert response.status_code == 403
    assert Indikator.objects.get(pk=indikator.pk).nama == indikator.nama


def test_locked_document_cannot_be_deleted_in_admin(admin_client, dokumen):
    response = admin_client.post(f"/admin/iki/dokumeniki/{dokumen.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert DokumenIKI.objects.filter(pk=dokumen.pk).exists()


def test_draft_indikator_can_be_edited_in_admin_and_is_audited(admin_client):
    from kinerja.audit.models import Jejak

    indikator = Indikator.objects.filter(sasaran__dokumen=katalog_kecil()).first()
    page = admin_client.get(f"/admin/iki/indikator/{indikator.pk}/change/")
    assert b'name="nama"' in page.content
    data = {
        "sasaran": indikator.sasaran_id,
        "nama": "Nama baru",
        "ekspresi": indikator.ekspresi,
        "satuan": "%",
        "polaritas": "positif",
        "periode_pelaporan": "triwulanan",
        "urutan": 0,
        "variabel-TOTAL_FORMS": 0,
        "variabel-INITIAL_FORMS": 0,
    }
    response = admin_client.post(f"/admin/iki/indikator/{indikator.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Indikator.objects.get(pk=indikator.pk).nama == "Nama baru"
    jejak = Jejak.objects.get(aksi="ubah", objek_id=str(indikator.pk))
    assert jejak.perubahan["nama"][1] == "Nama baru"


def test_admin_actions_decree_and_revise(admin_client):
    dokumen = katalog_kecil()
    admin_client.post("/admin/iki/dokumeniki/", {"action": "aksi_tetapkan", "_selected_action": [dokumen.pk]})
    dokumen.refresh_from_db()
    assert dokumen.status == "ditetapkan"
    admin_client.post("/admin/iki/dokumeniki/", {"action": "aksi_buat_revisi", "_selected_action": [dokumen.pk]})
    assert DokumenIKI.objects.filter(instansi=dokumen.instansi, revisi=2, status="draft").exists()


def test_admin_action_reports_what_blocks_a_decree(admin_client):
    dokumen = katalog_kecil()
    DokumenIKI.objects.filter(pk=dokumen.pk).update(sk_nomor="")
    response = admin_client.post(
        "/admin/iki/dokumeniki/", {"action": "aksi_tetapkan", "_selected_action": [dokumen.pk]}, follow=True
    )
    assert "Nomor SK belum diisi" in response.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.status == "draft"
