app_name = "laporan"
urlpatterns: list = []
