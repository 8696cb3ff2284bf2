"""The landing page: the user's own work first (their jabatan's report for the open quarter, reports
waiting for their verification), then what they can open (pemda, instansi)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinerja.akun import lingkup
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak
from kinerja.realisasi.models import IsianPeriode

from .. import akses


@login_required
@require_GET
def beranda(request):
    user = request.user
    hari_ini = timezone.localdate()
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"
    jabatan = list(lingkup.jabatan_dipegang(user).select_related("instansi"))
    berlaku = dokumen_berlaku_banyak({j.instansi_id for j in jabatan}, [hari_ini.year]) if jabatan else {}
    for j in jabatan:
        j.dokumen_id = berlaku.get((j.instansi_id, hari_ini.year))
    menunggu = (
        list(
            IsianPeriode.objects.filter(
                jabatan__atasan__in=[j.pk for j in jabatan], status=IsianPeriode.Status.DIAJUKAN
            )
            .select_related("jabatan", "dokumen")
            .order_by("diajukan_pada")
        )
        if jabatan
        else []
    )
    return render(
        request,
        "web/beranda.html",
        {
            "pemda_list": list(akses.pemda_terlihat(user)),
            "instansi_list": list(lingkup.instansi_terlihat(user).select_related("pemda")),
            "jabatan_list": jabatan,
            "periode": periode,
            "tahun": hari_ini.year,
            "menunggu": menunggu,
        },
    )
