"""Django's admin with Kinerja's site: for superusers only.

Everyone else works through the application, whose every page and service checks the instansi
(kinerja.akun.lingkup); the admin is not scoped, so a staff account there would reach every
kecamatan's rows.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SitusAdmin(admin.AdminSite):
    site_header = "Administrasi Kinerja"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


class KinerjaAdminConfig(AdminConfig):
    default_site = "kinerja.akun.situs.SitusAdmin"
