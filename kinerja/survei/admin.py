"""Admin: read-mostly views of surveys; changes go through the web pages and kinerja.survei.layanan."""

from django.contrib import admin

from .models import Responden, SumberIKM, Survei


class RespondenInline(admin.TabularInline):
    model = Responden
    extra = 0
    fields = ["nomor", "jawaban", "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan", "sumber"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Survei)
class SurveiAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "periode", "regulasi", "bobot", "status", "dibuat_pada"]
    list_filter = ["tahun", "periode", "status", "regulasi", "instansi"]
    readonly_fields = ["instansi", "tahun", "periode", "regulasi", "bobot", "populasi", "jenis_layanan", "status",
                       "dibuat_oleh", "dibuat_pada", "difinalkan_oleh", "difinalkan_pada"]
    inlines = [RespondenInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SumberIKM)
class SumberIKMAdmin(admin.ModelAdmin):
    list_display = ["indikator", "jenis_layanan", "dibuat_oleh", "dibuat_pada"]
    list_filter = ["indikator__sasaran__dokumen__tahun", "indikator__sasaran__dokumen__instansi"]
    raw_id_fields = ["indikator"]
    readonly_fields = ["indikator", "jenis_layanan", "dibuat_oleh", "dibuat_pada"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
