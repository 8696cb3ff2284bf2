"""An audit trail nothing erases: PROTECT, names as they were, audited account events, PG triggers."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran
from kinerja.realisasi import layanan
from kinerja.realisasi.models import RiwayatNilai
from tests.realisasi.conftest import buat_kantor, tetapkan, triwulan_sekarang

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def kantor(django_user_model):
    return tetapkan(buat_kantor(django_user_model))


@pytest.fixture
def tw():
    return triwulan_sekarang()


def test_a_user_named_by_a_decreed_document_or_the_audit_is_deactivated_never_deleted(kantor):
    admin = kantor.u_admin
    assert DokumenIKI.objects.get(pk=kantor.dokumen.pk).ditetapkan_oleh == admin
    with pytest.raises(ProtectedError):
        User.objects.filter(pk=admin.pk).delete()
    admin.is_active = False
    admin.save()
    dokumen = DokumenIKI.objects.get(pk=kantor.dokumen.pk)
    assert dokumen.ditetapkan_oleh == admin


def test_the_holder_who_entered_a_value_cannot_be_deleted(kantor, tw):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    with pytest.raises(ProtectedError):
        kantor.u_sekcam.delete()
    assert RiwayatNilai.objects.get().pengguna == kantor.u_sekcam


def test_a_jabatan_named_by_a_decreed_document_is_neither_deleted_nor_renamed(kantor):
    indikator = Indikator.objects.filter(sasaran__dokumen=kantor.dokumen, sasaran__jabatan=kantor.sekcam).first()
    assert Sasaran.objects.filter(dokumen=kantor.dokumen, jabatan=kantor.sekcam).exists()
    with pytest.raises(ProtectedError):
        kantor.sekcam.delete()
    kantor.sekcam.nama = "Sekretaris Camat"
    with pytest.raises(ValidationError, match="disebut dalam dokumen IKI yang sudah ditetapkan"):
        kantor.sekcam.save()
    assert Indikator.objects.get(pk=indikator.pk).sasaran.jabatan.nama == "Sekretaris Kecamatan"


def test_audit_rows_keep_the_actors_name_as_it_was(kantor):
    jejak = Jejak.objects.filter(pengguna=kantor.u_admin).first()
    nama_lama = jejak.pengguna_nama
    assert nama_lama == f"{kantor.u_admin.username} ({kantor.u_admin.get_full_name()})"
    kantor.u_admin.first_name = "Nama Baru"
    kantor.u_admin.save()
    assert Jejak.objects.get(pk=jejak.pk).pengguna_nama == nama_lama


def test_role_and_superuser_grants_logins_and_failed_logins_are_audited(kantor):
    user = kantor.u_lain
    user.set_password("Sandi-Panjang-Sekali-1")
    user.save()
    Peran.objects.create(pengguna=user, jenis="admin_instansi", pemda=kantor.instansi.pemda, instansi=kantor.instansi)
    user.is_superuser = True
    user.save()
    Peran.objects.filter(pengguna=user, jenis="admin_instansi").delete()
    client = Client()
    client.post(reverse("web:masuk"), {"username": user.username, "password": "salah"})
    client.post(reverse("web:masuk"), {"username": user.username, "password": "Sandi-Panjang-Sekali-1"})
    aksi = list(Jejak.objects.filter(objek_id__in=["", str(user.pk)]).order_by("id").values_list("aksi", flat=True))
    for harus in ("sandi_diubah", "beri_peran", "ubah_hak_akun", "cabut_peran", "gagal_masuk", "masuk"):
        assert harus in aksi
    gagal = Jejak.objects.get(aksi="gagal_masuk")
    assert user.username in gagal.ringkasan and gagal.pengguna is None


postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="Pemicu basis data hanya dipasang pada PostgreSQL; jalankan dengan DATABASE_URL=postgres://…",
)


def _ditolak(sql, params=()):
    with pytest.raises(DatabaseError, match="ditolak"), transaction.atomic(), connection.cursor() as kursor:
        kursor.execute(sql, params)


@postgres
def test_postgres_refuses_updates_and_deletes_of_audit_and_history_rows(kantor, tw):
    layanan.simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    _ditolak("UPDATE audit_jejak SET ringkasan = 'dihapus'")
    _ditolak("DELETE FROM audit_jejak")
    _ditolak("UPDATE realisasi_riwayatnilai SET baru = 99")
    _ditolak("DELETE FROM realisasi_riwayatnilai")
    with pytest.raises(DatabaseError), transaction.atomic():
        Jejak._base_manager.all().update(ringkasan="lewat _base_manager")


@postgres
def test_postgres_refuses_writes_to_decreed_documents_by_any_path(kantor):
    dokumen = kantor.dokumen
    _ditolak("UPDATE iki_dokumeniki SET sk_nomor = 'palsu' WHERE id = %s", [dokumen.pk])
    _ditolak("DELETE FROM iki_sasaran WHERE dokumen_id = %s", [dokumen.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        Indikator._base_manager.filter(sasaran__dokumen=dokumen).update(nama="lewat _base_manager")
    indikator = list(Indikator.objects.filter(sasaran__dokumen=dokumen)[:2])
    _ditolak(
        "INSERT INTO iki_indikator_induk (from_indikator_id, to_indikator_id) VALUES (%s, %s)",
        [indikator[0].pk, indikator[-1].pk],
    )
    # A draft stays writable.
    draft = dokumen.buat_revisi(kantor.u_admin)
    with connection.cursor() as kursor:
        kursor.execute("UPDATE iki_dokumeniki SET sk_nomor = 'draf' WHERE id = %s", [draft.pk])
