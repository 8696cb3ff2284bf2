from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kinerja.web"
    verbose_name = "Aplikasi web"

    def ready(self):
        from . import masuk  # noqa: F401  (connects the login-throttling signal receivers)
