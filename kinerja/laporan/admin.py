from django.contrib import admin

from kinerja.audit.admin import AuditedAdminMixin

from .models import KepalaDaerah, TeksStandar


@admin.register(KepalaDaerah)
class KepalaDaerahAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["pemda", "jabatan", "nama"]


@admin.register(TeksStandar)
class TeksStandarAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["instansi", "bagian", "diubah_pada"]
    list_filter = ["bagian", "instansi__pemda"]
