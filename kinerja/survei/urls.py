from django.urls import path

from . import views

app_name = "survei"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("instansi/<int:instansi_id>/", views.daftar, name="daftar"),
    path("instansi/<int:instansi_id>/baru/", views.buat, name="buat"),
    path("instansi/<int:instansi_id>/indikator/", views.sumber_tambah, name="sumber_tambah"),
    path("instansi/<int:instansi_id>/indikator/<int:indikator_id>/lepas/", views.sumber_lepas, name="sumber_lepas"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/impor/", views.impor, name="impor"),
    path("<int:pk>/impor/simpan/", views.impor_simpan, name="impor_simpan"),
    path("<int:pk>/responden/", views.responden_daftar, name="responden_daftar"),
    path("<int:pk>/responden/baru/", views.responden_baru, name="responden_baru"),
    path("<int:pk>/responden/<int:nomor>/hapus/", views.responden_hapus, name="responden_hapus"),
    path("<int:pk>/finalkan/", views.finalkan, name="finalkan"),
    path("<int:pk>/buka/", views.buka, name="buka"),
    path("<int:pk>/umpankan/", views.umpankan, name="umpankan"),
    path("<int:pk>/laporan.pdf", views.unduh_pdf, name="unduh_pdf"),
    path("<int:pk>/laporan.xlsx", views.unduh_xlsx, name="unduh_xlsx"),
    path("<int:pk>/laporan.docx", views.unduh_docx, name="unduh_docx"),
]
