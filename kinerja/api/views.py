"""A small JSON API for other tools: read the computation, read and write a variable's value.

Writes go through kinerja.realisasi.layanan.simpan_nilai like every other path, so scope, entry
windows, workflow locks, optimistic versions, history and audit apply unchanged. Authentication:
the browser session (with its CSRF token) or HTTP Basic for scripts (throttled like the login
page). Errors are JSON {"galat": "…"} in Indonesian with a fitting status: 400 bad input,
401 not logged in, 403 not allowed, 404 outside the user's scope, 409 version conflict,
423 period locked.
"""

import base64
import binascii
from functools import wraps

from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kinerja import parameter
from kinerja.akun import lingkup
from kinerja.iki.models import Variabel
from kinerja.realisasi import layanan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi, sebagai_json
from kinerja.realisasi.models import NilaiVariabel, RiwayatNilai
from kinerja.realisasi.periode import periode_hitung
from kinerja.web.masuk import alamat_ip, pesan_terblokir, terblokir


def galat(pesan: str, status: int, **header) -> JsonResponse:
    response = JsonResponse({"galat": pesan}, status=status)
    for nama, nilai in header.items():
        response[nama.replace("_", "-")] = nilai
    return response


def _pengguna_basic(request):
    """The user named by an Authorization: Basic header, or None when there is none."""
    jenis, _, kredensial = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if jenis.lower() != "basic":
        return None
    try:
        username, _, password = base64.b64decode(kredensial).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise PermissionDenied("Header Authorization tidak sah.") from None
    if terblokir(username, alamat_ip(request)):
        raise PermissionDenied(pesan_terblokir())
    user = authenticate(request, username=username, password=password)
    if user is None:
        raise PermissionDenied("Nama pengguna atau kata sandi salah.")
    return user


def api(view):
    """Authenticate (session or Basic), enforce CSRF for session writes, and turn errors into JSON."""

    @csrf_exempt
    @wraps(view)
    def dibungkus(request, *args, **kwargs):
        try:
            basic = _pengguna_basic(request)
        except PermissionDenied as exc:
            return galat(str(exc), 401, WWW_Authenticate='Basic realm="Kinerja"')
        if basic is not None:
            request.user = basic
        elif not request.user.is_authenticated:
            return galat("Perlu login (sesi atau HTTP Basic).", 401, WWW_Authenticate='Basic realm="Kinerja"')
        elif request.method not in ("GET", "HEAD", "OPTIONS"):
            # A browser session carries cookies: the same CSRF rule as every form.
            ditolak = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
            if ditolak is not None:
                return galat("Token CSRF tidak ada atau tidak sah.", 403)
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return galat(str(exc) or "Tidak ditemukan.", 404)
        except layanan.PeriodeTerkunci as exc:
            return galat(" ".join(exc.messages), 423)
        except layanan.KonflikVersi as exc:
            return galat(" ".join(exc.messages), 409)
        except ValidationError as exc:
            return galat(" ".join(exc.messages), 400)
        except PermissionDenied as exc:
            return galat(str(exc) or "Tidak berhak.", 403)

    return dibungkus


@api
@require_GET
def capaian(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    try:
        tahun = parameter.baca_tahun(request.GET.get("tahun", ""))
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    try:
        periode = periode_hitung(request.GET.get("periode", "TAHUN"))
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    dokumen = dokumen_berlaku(instansi, tahun)
    if dokumen is None:
        raise Http404(f"{instansi} belum memiliki dokumen IKI tahun {tahun} yang ditetapkan.")
    hasil = hitung_instansi(instansi, tahun, periode.kode)
    return JsonResponse(sebagai_json(instansi, tahun, periode.kode, dokumen, hasil))


def _variabel_atau_404(user, variabel_id) -> Variabel:
    variabel = Variabel.objects.select_related("indikator__sasaran__dokumen__instansi").filter(pk=variabel_id).first()
    if variabel is None or not lingkup.boleh_lihat(user, variabel.indikator.sasaran.dokumen.instansi):
        raise Http404("Variabel tidak ditemukan.")
    return variabel


def _nilai_json(variabel: Variabel, periode: str, nilai: NilaiVariabel | None) -> dict:
    return {
        "variabel": {"id": variabel.pk, "kode": variabel.kode, "uraian": variabel.uraian},
        "periode": periode,
        "nilai": None if nilai is None or nilai.nilai is None else str(nilai.nilai.normalize()),
        "versi": nilai.versi if nilai else 0,
        "catatan": nilai.catatan if nilai else "",
        "peringatan": getattr(nilai, "peringatan", []) if nilai else [],
    }


@api
@require_http_methods(["GET", "PUT", "POST"])
def nilai(request, variabel_id, periode):
    variabel = _variabel_atau_404(request.user, variabel_id)
    if request.method == "GET":
        return JsonResponse(_nilai_json(variabel, periode, variabel.nilai.filter(periode=periode).first()))
    try:
        data = parameter.baca_json(request.body)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if not isinstance(data, dict) or "nilai" not in data:
        raise ValidationError('JSON harus berupa objek dengan kunci "nilai".')
    versi = data.get("versi")
    if versi is not None and (isinstance(versi, bool) or not isinstance(versi, int)):
        raise ValidationError('"versi" harus bilangan bulat (0 bila nilai belum ada).')
    tersimpan = layanan.simpan_nilai(
        request.user,
        variabel,
        periode,
        data["nilai"],
        versi=versi,
        catatan=str(data.get("catatan") or ""),
        alasan=str(data.get("alasan") or ""),
        sumber=RiwayatNilai.Sumber.API,
    )
    return JsonResponse(_nilai_json(variabel, periode, tersimpan))
