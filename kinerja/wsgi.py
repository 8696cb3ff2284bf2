import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
application = get_wsgi_application()

from kinerja.web.keamanan import tolak_kunci_pengembangan  # noqa: E402  (needs the settings loaded)

tolak_kunci_pengembangan()
