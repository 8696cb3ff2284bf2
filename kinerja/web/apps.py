from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kinerja.web"
    verbose_name = "Aplikasi web"

    def ready(self):
        from . import keamanan, masuk  # noqa: F401  (login-throttling receivers; the secret-key check)
        from .ringkasan import sambungkan

        sambungkan()
