from django.apps import AppConfig


class SurveiConfig(AppConfig):
    name = "kinerja.survei"
    verbose_name = "Survei kepuasan masyarakat"

    def ready(self):
        from kinerja.iki.penguncian import revisi_dibuat

        from .layanan import salin_sumber_ke_revisi

        revisi_dibuat.connect(salin_sumber_ke_revisi, dispatch_uid="survei-salin-sumber-ikm")
