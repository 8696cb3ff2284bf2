"""Who is acting in the current request, for audit records written from model signals.

Changes made outside the service layer (the Django admin, ``manage.py changepassword``, a role
granted in the admin) are caught by signals, which have no request: the middleware keeps the
request's user in a context variable for them. Outside a request the actor is unknown (None).
"""

from contextvars import ContextVar

_pelaku: ContextVar = ContextVar("kinerja_pelaku", default=None)


def pelaku_sekarang():
    user = _pelaku.get()
    return user if getattr(user, "is_authenticated", False) else None


class PelakuMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _pelaku.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _pelaku.reset(token)
