"""Realisation data is shown read-only in the admin: every write goes through the service
(kinerja.realisasi.layanan / target), which checks scope, locks and windows and keeps the history."""

from django.contrib import admin

from .models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai, Target


class _HanyaBaca:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Target)
class TargetAdmin(_HanyaBaca, admin.ModelAdmin):
    list_display = ["indikator", "periode", "nilai", "nilai_hi", "baseline"]
    list_filter = ["periode", "indikator__sasaran__dokumen__tahun", "indikator__sasaran__dokumen__instansi"]
    search_fields = ["indikator__nama"]


class BuktiInline(_HanyaBaca, admin.TabularInline):
    model = BuktiDukung
    fields = ["nama_asli", "jenis", "ukuran", "diunggah_oleh", "diunggah_pada"]
    extra = 0


@admin.register(IsianPeriode)
class IsianPeriodeAdmin(_HanyaBaca, admin.ModelAdmin):
    list_display = ["jabatan", "periode", "status", "diajukan_pada", "batas_waktu", "dibuka_sampai", "dokumen"]
    list_filter = ["status", "periode", "dokumen__tahun", "dokumen__instansi"]
    search_fields = ["jabatan__nama"]
    inlines = [BuktiInline]


class RiwayatInline(_HanyaBaca, admin.TabularInline):
    model = RiwayatNilai
    fields = ["waktu", "pengguna", "lama", "baru", "sumber", "alasan", "peringatan"]
    extra = 0


@admin.register(NilaiVariabel)
class NilaiVariabelAdmin(_HanyaBaca, admin.ModelAdmin):
    list_display = ["variabel", "periode", "nilai", "diisi_oleh", "diisi_pada", "versi"]
    list_filter = ["periode", "variabel__indikator__sasaran__dokumen__tahun"]
    search_fields = ["variabel__kode", "variabel__uraian"]
    inlines = [RiwayatInline]
