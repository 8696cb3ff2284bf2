from django.contrib import admin

from .models import Peran


@admin.register(Peran)
class PeranAdmin(admin.ModelAdmin):
    list_display = ["pengguna", "jenis", "pemda", "instansi"]
    list_filter = ["jenis", "pemda"]
    search_fields = ["pengguna__username", "pengguna__first_name", "instansi__nama"]
    autocomplete_fields = ["pengguna"]
