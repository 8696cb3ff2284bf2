"""The admin shows surveys read-only: changes go through the survey pages and their service."""

import pytest
from django.urls import reverse

from kinerja.survei import layanan

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_but_does_not_change(client, django_user_model, kantor, survei_terisi):
    client.force_login(django_user_model.objects.create(username="super", is_staff=True, is_superuser=True))
    sumber = layanan.hubungkan_indikator(kantor.admin, kantor.indikator_ikm)
    for model, objek in (("survei", survei_terisi), ("sumberikm", sumber)):
        assert client.get(reverse(f"admin:survei_{model}_changelist")).status_code == 200
        halaman = client.get(reverse(f"admin:survei_{model}_change", args=[objek.pk]))
        assert halaman.status_code == 200 and 'name="_save"' not in halaman.content.decode()
        assert client.get(reverse(f"admin:survei_{model}_add")).status_code == 403
        assert client.post(reverse(f"admin:survei_{model}_delete", args=[objek.pk]), {"post": "yes"}).status_code == 403
    assert survei_terisi.responden.count() == 4
