from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Kinerja — Indikator Kinerja Individu"
admin.site.site_title = "Kinerja"
admin.site.index_title = "Administrasi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("laporan/", include("kinerja.laporan.urls")),
    path("survei/", include("kinerja.survei.urls")),
    path("api/", include("kinerja.api.urls")),
    path("tugas/", include("kinerja.tugas.urls")),
    path("impor/", include("kinerja.impor.urls")),
    path("telaah/", include("kinerja.telaah.urls")),
    path("", include("kinerja.web.urls")),
]
