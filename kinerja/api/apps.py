from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kinerja.api"
    verbose_name = "API JSON"
