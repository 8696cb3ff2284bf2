from django.urls import path

from . import views

app_name = "impor"

urlpatterns = [
    path("instansi/<int:instansi_id>/", views.unggah, name="unggah"),
    path("<int:pekerjaan_id>/", views.status, name="status"),
    path("<int:pekerjaan_id>/tinjau/", views.tinjau, name="tinjau"),
]
