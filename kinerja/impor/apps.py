from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "kinerja.impor"
    verbose_name = "Impor dokumen IKI"
