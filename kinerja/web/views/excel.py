"""Isian Realisasi through Excel: download a pre-filled template, upload it, review the preview,
then apply it all-or-nothing (kinerja.realisasi.excel does the reading, checking and writing).

The preview is not stored on the server: the confirmation form carries the uploaded file back,
and applying reads and checks it again from scratch, so nothing the browser sends is trusted.
"""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.akun import lingkup
from kinerja.iki.models import DokumenIKI
from kinerja.realisasi import excel
from kinerja.realisasi.periode import PERIODE_ISIAN

from .isian import _muat, pilih_tahun

MAKS_UKURAN_UNGGAHAN = 5 * 1024 * 1024
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _respons_xlsx(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


def _nama_berkas(*bagian) -> str:
    return "-".join(str(b).lower().replace(" ", "-") for b in bagian) + ".xlsx"


@login_required
@require_GET
def templat_jabatan(request, dokumen_id, jabatan_id, periode):
    dokumen, jabatan, _ = _muat(request, dokumen_id, jabatan_id, periode)
    jabatan.instansi = dokumen.instansi
    try:
        isi = excel.buat_template(jabatan, dokumen.tahun, periode)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("web:isian", dokumen.pk, jabatan.pk, periode)
    return _respons_xlsx(isi, _nama_berkas("isian", jabatan.nama, periode, dokumen.tahun))


@login_required
@require_GET
def templat_instansi(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    tahun, _ = pilih_tahun(request, instansi)
    periode = request.GET.get("periode", "")
    if tahun is None or periode not in PERIODE_ISIAN:
        messages.error(request, "Pilih tahun dan triwulan templat.")
        return redirect("web:unggah", instansi.pk)
    try:
        isi = excel.buat_template(instansi, tahun, periode)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("web:unggah", instansi.pk)
    return _respons_xlsx(isi, _nama_berkas("isian", instansi.nama_wilayah, periode, tahun))


class FormUnggah(forms.Form):
    berkas = forms.FileField(label="Berkas templat yang sudah diisi (.xlsx)")

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > MAKS_UKURAN_UNGGAHAN:
            raise ValidationError("Berkas lebih dari 5 MB; templat isian tidak sebesar itu.")
        return berkas


def _pratinjau(request, instansi, isi: bytes, nama_file: str | None = None):
    """The service's preview, or a single error when the file belongs to another instansi (its rows
    would name another office's jabatan and values: not shown)."""
    pratinjau = excel.pratinjau_unggahan(request.user, isi, nama_file)
    if (
        pratinjau.dokumen_id is not None
        and not DokumenIKI.objects.filter(pk=pratinjau.dokumen_id, instansi=instansi).exists()
    ):
        pratinjau = excel.Pratinjau(galat=[(0, f"Templat ini bukan untuk {instansi}; unduh templat dari halaman ini.")])
    return pratinjau


@login_required
@require_http_methods(["GET", "POST"])
def unggah(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    tahun, daftar_tahun = pilih_tahun(request, instansi)
    konteks = {"instansi": instansi, "tahun": tahun, "daftar_tahun": daftar_tahun, "periode_list": PERIODE_ISIAN}
    if request.method == "GET":
        return render(request, "web/unggah.html", {**konteks, "form": FormUnggah()})
    if "terapkan" in request.POST:
        try:
            isi = base64.b64decode(request.POST.get("isi", ""), validate=True)
        except (binascii.Error, ValueError):
            isi = b""
        pratinjau = _pratinjau(request, instansi, isi)
        if pratinjau.bisa_diterapkan:
            try:
                tersimpan = excel.terapkan_unggahan(request.user, pratinjau)
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(request, f"{len(tersimpan)} nilai dari unggahan Excel tersimpan.")
                return redirect("web:unggah", instansi.pk)
        return render(
            request,
            "web/unggah.html",
            {**konteks, "form": FormUnggah(), "pratinjau": pratinjau, "isi": request.POST.get("isi", "")},
            status=422,
        )
    form = FormUnggah(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "web/unggah.html", {**konteks, "form": form}, status=422)
    isi = form.cleaned_data["berkas"].read()
    pratinjau = _pratinjau(request, instansi, isi, form.cleaned_data["berkas"].name)
    return render(
        request,
        "web/unggah.html",
        {
            **konteks,
            "form": FormUnggah(),
            "pratinjau": pratinjau,
            "isi": base64.b64encode(isi).decode("ascii"),
        },
    )
