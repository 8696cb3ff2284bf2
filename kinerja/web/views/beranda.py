"""The landing page: the user's own work first ("Tugas saya": values to fill, reports returned or
waiting for them, surveys and drafts), then what they can open (pemda, instansi)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinerja.akun import lingkup
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak
from kinerja.tugas.konteks import simpan_jumlah
from kinerja.tugas.kotak import kelompokkan, kotak_tugas

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
    tugas = kotak_tugas(user, hari_ini)
    simpan_jumlah(user, len(tugas))
    return render(
        request,
        "web/beranda.html",
        {
            "pemda_list": list(akses.pemda_terlihat(user)),
            "instansi_list": list(lingkup.instansi_terlihat(user).select_related("pemda")),
            "jabatan_list": jabatan,
            "periode": periode,
            "tahun": hari_ini.year,
            "tugas": tugas,
            "kelompok_tugas": kelompokkan(tugas),
        },
    )
