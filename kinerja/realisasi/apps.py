from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "kinerja.realisasi"
    verbose_name = "Target dan realisasi"
