from django.contrib import admin

from kinerja.audit.admin import AuditedAdminMixin

from .models import IsianPeriode, NilaiVariabel, Target


@admin.register(Target)
class TargetAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["indikator", "periode", "nilai", "nilai_hi", "baseline"]
    list_filter = ["periode", "indikator__sasaran__dokumen__tahun", "indikator__sasaran__dokumen__instansi"]
    search_fields = ["indikator__nama"]
    raw_id_fields = ["indikator"]


@admin.register(IsianPeriode)
class IsianPeriodeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["jabatan", "periode", "status", "diajukan_pada", "batas_waktu", "dokumen"]
    list_filter = ["status", "periode", "dokumen__tahun", "dokumen__instansi"]
    search_fields = ["jabatan__nama"]
    raw_id_fields = ["dokumen", "jabatan"]


@admin.register(NilaiVariabel)
class NilaiVariabelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["variabel", "periode", "nilai", "diisi_pada", "versi"]
    list_filter = ["periode", "variabel__indikator__sasaran__dokumen__tahun"]
    search_fields = ["variabel__kode", "variabel__uraian"]
    raw_id_fields = ["variabel"]
    readonly_fields = ["versi"]
