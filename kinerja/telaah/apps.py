from django.apps import AppConfig


class TelaahConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.telaah"
    verbose_name = "Telaah mutu IKI"
