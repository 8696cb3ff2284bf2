from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "kinerja.akun"
    verbose_name = "Akun dan peran"
