"""Realisation data is shown read-only in the admin: every write goes through the service
(kinerja.realisasi.layanan / target), which checks scope, locks and windows and keeps the history."""

from django.contrib import admin

from kinerja.audit.admin import HanyaBacaMixin

from .models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai, Target


@admin.register(Target)
class TargetAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["indikator", "periode", "nilai", "nilai_hi", "baseline"]
    list_filter = ["periode", "indikator__sasaran__dokumen__tahun", "indikator__sasaran__dokumen__instansi"]
    search_fields = ["indikator__nama"]


class BuktiInline(HanyaBacaMixin, admin.TabularInline):
    model = BuktiDukung
    fields = ["nama_asli", "jenis", "ukuran", "diunggah_oleh", "diunggah_pada"]
    extra = 0


@admin.register(IsianPeriode)
class IsianPeriodeAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["jabatan", "periode", "status", "diajukan_pada", "batas_waktu", "dibuka_sampai", "dokumen"]
    list_filter = ["status", "periode", "dokumen__tahun", "dokumen__instansi"]
    search_fields = ["jabatan__nama"]
    inlines = [BuktiInline]


class RiwayatInline(HanyaBacaMixin, admin.TabularInline):
    model = RiwayatNilai
    fields = ["waktu", "pengguna", "lama", "baru", "sumber", "alasan", "peringatan"]
    extra = 0


@admin.register(NilaiVariabel)
class NilaiVariabelAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["variabel", "periode", "nilai", "diisi_oleh", "diisi_pada", "versi"]
    list_filter = ["periode", "variabel__indikator__sasaran__dokumen__tahun"]
    search_fields = ["variabel__kode", "variabel__uraian"]
    inlines = [RiwayatInline]
