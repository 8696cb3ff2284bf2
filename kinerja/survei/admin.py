"""Admin: read-mostly views of surveys; changes go through the web pages and kinerja.survei.layanan."""

from django.contrib import admin

from kinerja.audit.admin import HanyaBacaMixin

from .models import Responden, SumberIKM, Survei


class RespondenInline(HanyaBacaMixin, admin.TabularInline):
    model = Responden
    extra = 0
    fields = ["nomor", "jawaban", "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan", "sumber"]
    readonly_fields = fields


@admin.register(Survei)
class SurveiAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["instansi", "tahun", "periode", "regulasi", "bobot", "status", "dibuat_pada"]
    list_filter = ["tahun", "periode", "status", "regulasi", "instansi"]
    readonly_fields = [
        "instansi",
        "tahun",
        "periode",
        "regulasi",
        "bobot",
        "populasi",
        "jenis_layanan",
        "status",
        "dibuat_oleh",
        "dibuat_pada",
        "difinalkan_oleh",
        "difinalkan_pada",
    ]
    inlines = [RespondenInline]


@admin.register(SumberIKM)
class SumberIKMAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["indikator", "jenis_layanan", "dibuat_oleh", "dibuat_pada"]
    list_filter = ["indikator__sasaran__dokumen__tahun", "indikator__sasaran__dokumen__instansi"]
    raw_id_fields = ["indikator"]
    readonly_fields = ["indikator", "jenis_layanan", "dibuat_oleh", "dibuat_pada"]
