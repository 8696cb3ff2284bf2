from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "kinerja.realisasi"
    verbose_name = "Target dan realisasi"

    def ready(self):
        from . import revisi, simpanan

        revisi.connect()
        simpanan.sambungkan()
