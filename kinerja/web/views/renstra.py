"""The planner's Renstra end-of-period targets for the indicators of a yearly IKI document.

Thin: the rules and the write are kinerja.renstra.layanan's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from kinerja.iki.models import Indikator
from kinerja.renstra import layanan

from .. import akses
from ..umum import urut_pohon
from .penetapan import sel_target


@login_required
def target_renstra(request, dokumen_id):
    """Every indicator of the document, grouped by jabatan and sasaran, with its Renstra end target."""
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    indikator = list(
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    tersimpan = layanan.berlaku(dokumen.instansi_id, dokumen.tahun, {i.identitas for i in indikator})
    galat: dict[str, list[str]] = {}
    awal, akhir = layanan.periode_bawaan(dokumen)
    if request.method == "POST":
        awal, akhir = request.POST.get("tahun_awal", ""), request.POST.get("tahun_akhir", "")
        isian = {i.pk: request.POST[f"r-{i.pk}"] for i in indikator if f"r-{i.pk}" in request.POST}
        try:
            berubah = layanan.simpan_target_renstra(request.user, dokumen, awal, akhir, isian)
        except ValidationError as exc:
            galat = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            messages.error(
                request, "Target Renstra belum disimpan: perbaiki isian yang ditandai. Tidak ada yang berubah."
            )
        else:
            messages.success(request, f"Target akhir Renstra tersimpan ({berubah} berubah).")
            return redirect(request.path)
    jabatan = {i.sasaran.jabatan_id: i.sasaran.jabatan for i in indikator}
    urutan = {
        j.pk: n for n, (j, _) in enumerate(urut_pohon(sorted(jabatan.values(), key=lambda j: (j.urutan, j.nama))))
    }
    kelompok: list[dict] = []
    for ind in sorted(indikator, key=lambda i: urutan[i.sasaran.jabatan_id]):
        if not kelompok or kelompok[-1]["jabatan"].pk != ind.sasaran.jabatan_id:
            kelompok.append({"jabatan": ind.sasaran.jabatan, "baris": []})
        t = tersimpan.get(ind.identitas)
        nama = f"r-{ind.pk}"
        nilai = request.POST.get(nama, "") if galat else (sel_target(t.nilai, t.nilai_hi) if t else "")
        kelompok[-1]["baris"].append(
            {
                "indikator": ind,
                "sasaran_baru": not kelompok[-1]["baris"]
                or kelompok[-1]["baris"][-1]["indikator"].sasaran_id != ind.sasaran_id,
                "nama": nama,
                "nilai": nilai,
                "periode": f"{t.tahun_awal}–{t.tahun_akhir}" if t else "",
                "galat": galat.get(str(ind.pk), []),
            }
        )
    return render(
        request,
        "web/target_renstra.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "kelompok": kelompok,
            "tahun_awal": awal or "",
            "tahun_akhir": akhir or "",
            "galat_awal": galat.get("tahun_awal", []),
            "galat_akhir": galat.get("tahun_akhir", []),
            "galat_umum": galat.get("", []) + galat.get("__all__", []),
        },
    )
