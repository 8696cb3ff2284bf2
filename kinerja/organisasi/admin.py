from django.contrib import admin

from .models import Instansi, Jabatan, Pegawai, Pemda, Penugasan, UnitKerja


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "skala_capaian"]
    search_fields = ["nama"]


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "pemda"]
    list_filter = ["pemda"]
    search_fields = ["nama"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "instansi"]
    list_filter = ["jenis", "instansi"]
    search_fields = ["nama"]


class PenugasanInline(admin.TabularInline):
    model = Penugasan
    extra = 0
    autocomplete_fields = ["pegawai"]


@admin.register(Jabatan)
class JabatanAdmin(admin.ModelAdmin):
    list_display = ["nama", "instansi", "jenis", "eselon", "atasan"]
    list_filter = ["jenis", "instansi"]
    search_fields = ["nama", "instansi__nama"]
    autocomplete_fields = ["atasan", "unit_kerja"]
    inlines = [PenugasanInline]


@admin.register(Pegawai)
class PegawaiAdmin(admin.ModelAdmin):
    list_display = ["nama", "nip_tampil", "pangkat"]
    search_fields = ["nama", "nip"]
    autocomplete_fields = ["pengguna"]

    @admin.display(description="NIP")
    def nip_tampil(self, obj):
        return obj.nip_tampil


@admin.register(Penugasan)
class PenugasanAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "jabatan", "jenis", "mulai", "selesai"]
    list_filter = ["jenis", "jabatan__instansi"]
    search_fields = ["pegawai__nama", "jabatan__nama"]
    autocomplete_fields = ["pegawai", "jabatan"]
