from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kinerja.audit"
    verbose_name = "Jejak audit"

    def ready(self):
        from . import sinyal  # noqa: F401  (decreed documents keep their jabatan names)
