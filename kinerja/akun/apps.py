from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "kinerja.akun"
    verbose_name = "Akun dan peran"

    def ready(self):
        from . import sinyal  # noqa: F401  (connects the account audit receivers)
