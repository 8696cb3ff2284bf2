"""The landing page: what the user can open (pemda, instansi) and the jabatan they hold."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.akun import lingkup

from .. import akses


@login_required
@require_GET
def beranda(request):
    user = request.user
    return render(request, "web/beranda.html", {
        "pemda_list": list(akses.pemda_terlihat(user)),
        "instansi_list": list(lingkup.instansi_terlihat(user).select_related("pemda")),
        "jabatan_list": list(lingkup.jabatan_dipegang(user).select_related("instansi", "atasan")),
    })
