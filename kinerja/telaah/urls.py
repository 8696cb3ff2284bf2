from django.urls import path

from kinerja.telaah import views

app_name = "telaah"

urlpatterns = [
    path("dokumen/<int:dokumen_id>/mutu/", views.mutu, name="mutu"),
    path("dokumen/<int:dokumen_id>/mutu/abaikan/", views.abaikan, name="abaikan"),
    path("dokumen/<int:dokumen_id>/mutu/batal-abaikan/", views.batal_abaikan, name="batal_abaikan"),
    path("dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/usulan/", views.usulan, name="usulan"),
    path("dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/usulan/baru/", views.usulkan, name="usulkan"),
    path("dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/usulan/nilai/", views.nilai, name="nilai"),
    path("dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/usulan/pilih/", views.pilih, name="pilih"),
    path(
        "dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/usulan/penilai/",
        views.tetapkan_penilai,
        name="tetapkan_penilai",
    ),
    path(
        "dokumen/<int:dokumen_id>/lembar-penilaian.xlsx",
        views.lembar_penilaian,
        {"format": "xlsx"},
        name="lembar_penilaian_xlsx",
    ),
    path(
        "dokumen/<int:dokumen_id>/lembar-penilaian.pdf",
        views.lembar_penilaian,
        {"format": "pdf"},
        name="lembar_penilaian_pdf",
    ),
]
