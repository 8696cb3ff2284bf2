from django.apps import AppConfig


class SurveiConfig(AppConfig):
    name = "kinerja.survei"
    verbose_name = "Survei kepuasan masyarakat"
