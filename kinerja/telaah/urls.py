from django.urls import path

from kinerja.telaah import views

app_name = "telaah"

urlpatterns = [
    path("dokumen/<int:dokumen_id>/mutu/", views.mutu, name="mutu"),
    path("dokumen/<int:dokumen_id>/mutu/abaikan/", views.abaikan, name="abaikan"),
    path("dokumen/<int:dokumen_id>/mutu/batal-abaikan/", views.batal_abaikan, name="batal_abaikan"),
]
