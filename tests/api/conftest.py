# The API tests use the web tests' demo kabupaten (two kecamatan, created once per module).
from tests.web.conftest import _sandi_cepat, _tembolok_kosong, demo, masuk  # noqa: F401
