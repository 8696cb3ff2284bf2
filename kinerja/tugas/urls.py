from django.urls import path

from . import views

app_name = "tugas"

urlpatterns = [
    path("pengingat/", views.pengingat, name="pengingat"),
    path("jumlah/", views.jumlah, name="jumlah"),
]
