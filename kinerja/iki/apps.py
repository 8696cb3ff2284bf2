from django.apps import AppConfig


class IkiConfig(AppConfig):
    name = "kinerja.iki"
    verbose_name = "Katalog IKI"

    def ready(self):
        from . import penguncian

        penguncian.connect()
