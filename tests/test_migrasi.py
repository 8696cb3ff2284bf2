"""Every model change has its migration: a fresh database gets exactly what the models describe."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exc:
        pytest.fail(f"Ada perubahan model tanpa migrasi (makemigrations --check keluar dengan {exc.code}).")
