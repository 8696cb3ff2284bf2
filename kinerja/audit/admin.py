from django.contrib import admin

from .models import Jejak, catat


class HanyaBacaMixin:
    """Shown in the admin, written only through the service layer, which checks and audits."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Jejak)
class JejakAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["waktu", "pengguna", "aksi", "objek_jenis", "ringkasan"]
    list_filter = ["aksi", "objek_jenis"]
    search_fields = ["ringkasan", "alasan", "objek_id"]
    date_hierarchy = "waktu"


class AuditedAdminMixin:
    """Admin changes are audited like every other write: field-level old → new."""

    def save_model(self, request, obj, form, change):
        perubahan = {
            name: [str(form.initial.get(name, "")), str(form.cleaned_data.get(name, ""))] for name in form.changed_data
        }
        super().save_model(request, obj, form, change)
        catat(request.user, "ubah" if change else "tambah", obj, perubahan=perubahan)

    def delete_model(self, request, obj):
        ringkasan = str(obj)
        super().delete_model(request, obj)
        catat(request.user, "hapus", None, ringkasan=f"{obj._meta.verbose_name}: {ringkasan}")
