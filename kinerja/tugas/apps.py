from django.apps import AppConfig


class TugasConfig(AppConfig):
    name = "kinerja.tugas"
    verbose_name = "Tugas dan pengingat"
