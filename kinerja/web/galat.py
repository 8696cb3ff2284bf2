"""An Indonesian message on every error response that would otherwise have an empty body.

Django answers a wrong HTTP method (``require_http_methods``) with an empty 405, and a few other
refusals the same way; a user or an API client should always be told what went wrong.
"""

from django.http import JsonResponse

PESAN = {
    405: "Metode HTTP ini tidak diizinkan untuk alamat ini.",
    400: "Permintaan tidak sah.",
    403: "Anda tidak berhak mengakses alamat ini.",
    404: "Tidak ditemukan.",
    413: "Isi permintaan terlalu besar.",
}


class PesanGalatMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        if 400 <= respons.status_code < 500 and not getattr(respons, "streaming", False) and not respons.content:
            pesan = PESAN.get(respons.status_code, "Permintaan tidak dapat diproses.")
            pengganti = JsonResponse({"galat": pesan}, status=respons.status_code)
            for nama in ("Allow", "WWW-Authenticate"):
                if nama in respons:
                    pengganti[nama] = respons[nama]
            return pengganti
        return respons
