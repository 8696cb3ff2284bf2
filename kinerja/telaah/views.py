"""The "Periksa mutu" page of a DokumenIKI: its findings, each dismissable with a reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kinerja.akun import lingkup
from kinerja.iki.models import Indikator
from kinerja.mutu import TINGKAT
from kinerja.telaah import layanan
from kinerja.web import akses

JUDUL_TINGKAT = {"galat": "Galat", "peringatan": "Peringatan", "saran": "Saran"}


def _alamat_indikator(dokumen) -> dict[tuple[str, str], int]:
    """(jabatan name, indicator name) → Indikator id, to link a finding to the form that fixes it."""
    baris = Indikator.objects.filter(sasaran__dokumen=dokumen).values_list("sasaran__jabatan__nama", "nama", "pk")
    return {(jab, nama): pk for jab, nama, pk in baris}


@login_required
def mutu(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    temuan = layanan.temuan_dokumen(dokumen)
    alamat = _alamat_indikator(dokumen)
    for t in temuan:
        t["indikator_id"] = alamat.get((t["jabatan"], t["indikator"]))
    terbuka = [t for t in temuan if t["pengabaian"] is None]
    kelompok = [
        {"tingkat": k, "judul": JUDUL_TINGKAT[k], "temuan": [t for t in terbuka if t["tingkat"] == k]} for k in TINGKAT
    ]
    return render(
        request,
        "telaah/mutu.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "kelompok": [k for k in kelompok if k["temuan"]],
            "jumlah_terbuka": len(terbuka),
            "diabaikan": [t for t in temuan if t["pengabaian"] is not None],
            "boleh_kelola": not dokumen.terkunci and lingkup.boleh_kelola_katalog(request.user, dokumen.instansi),
            "alasan_min": layanan.ALASAN_MIN,
        },
    )


@login_required
@require_POST
def abaikan(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        layanan.abaikan_temuan(dokumen, request.POST.get("kunci", ""), request.POST.get("alasan", ""), request.user)
    except (ValidationError, PermissionDenied) as exc:
        for pesan in getattr(exc, "messages", None) or [str(exc)]:
            messages.error(request, pesan)
    else:
        messages.success(request, "Temuan diabaikan; alasannya tercatat dan terlihat oleh pemeriksa.")
    return redirect("telaah:mutu", dokumen_id=dokumen.pk)


@login_required
@require_POST
def batal_abaikan(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        layanan.batalkan_pengabaian(dokumen, request.POST.get("kunci", ""), request.user)
    except (ValidationError, PermissionDenied) as exc:
        for pesan in getattr(exc, "messages", None) or [str(exc)]:
            messages.error(request, pesan)
    else:
        messages.success(request, "Pengabaian dibatalkan; temuan terbuka kembali.")
    return redirect("telaah:mutu", dokumen_id=dokumen.pk)
