from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("v1/instansi/<int:instansi_id>/capaian/", views.capaian, name="capaian"),
    path("v1/variabel/<int:variabel_id>/nilai/<str:periode>/", views.nilai, name="nilai"),
]
