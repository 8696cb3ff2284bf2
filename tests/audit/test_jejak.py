"""The audit trail is append-only: no update, no delete, through the ORM or the admin."""

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.audit.models import Jejak, catat
from kinerja.organisasi.models import Pemda

pytestmark = pytest.mark.django_db


@pytest.fixture
def jejak(django_user_model):
    user = django_user_model.objects.create(username="u")
    return catat(user, "ubah", Pemda.objects.create(nama="Kabupaten Uji"), perubahan={"nama": ["A", "B"]}, alasan="uji")


def test_catat_records_who_what_and_why(jejak):
    assert (jejak.pengguna.username, jejak.aksi, jejak.objek_jenis, jejak.alasan) == (
        "u",
        "ubah",
        "organisasi.Pemda",
        "uji",
    )
    assert jejak.perubahan == {"nama": ["A", "B"]}


@pytest.mark.parametrize(
    "action",
    [
        lambda j: j.save(),
        lambda j: j.delete(),
        lambda j: Jejak.objects.filter(pk=j.pk).update(alasan="diubah"),
        lambda j: Jejak.objects.all().delete(),
    ],
)
def test_trail_cannot_be_changed(jejak, action):
    jejak.alasan = "diubah"
    with pytest.raises(PermissionDenied):
        action(jejak)
    assert Jejak.objects.get(pk=jejak.pk).alasan == "uji"


def test_admin_shows_the_trail_read_only(admin_client, jejak):
    assert admin_client.get("/admin/audit/jejak/").status_code == 200
    assert admin_client.post(f"/admin/audit/jejak/{jejak.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/audit/jejak/add/").status_code == 403
    assert Jejak.objects.filter(pk=jejak.pk).exists()
