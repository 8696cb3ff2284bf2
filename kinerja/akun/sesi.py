"""Idle timeout: a session lasts SESSION_COOKIE_AGE (KINERJA_SESI_MENIT, default 30 minutes) after
the last request, not after the login.

Django renews a session's expiry whenever the session is saved. Saving on every request
(SESSION_SAVE_EVERY_REQUEST) would add a write to each page; instead the session is touched at
most once a minute (``PERPANJANG_SETELAH``), so the timeout is idle time to within a minute.
"""

import time

KUNCI = "aktif_pada"
PERPANJANG_SETELAH = 60  # seconds


def tandai_aktif(sesi) -> None:
    sesi[KUNCI] = int(time.time())


class SesiAktifMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sesi = getattr(request, "session", None)
        if (
            sesi is not None
            and request.user.is_authenticated
            and int(time.time()) - sesi.get(KUNCI, 0) >= PERPANJANG_SETELAH
        ):
            tandai_aktif(sesi)  # modified: saved by SessionMiddleware with a renewed expiry
        return self.get_response(request)
