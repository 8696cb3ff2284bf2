app_name = "survei"
urlpatterns: list = []
