"""The cascade: the Camat's sasaran and indicators, and beneath each the subordinates' indicators
that support it (Indikator.induk), level by level. Flags two faults of a cascade:

- yatim (orphan): an indicator below the Camat that supports nothing;
- tidak didukung (uncovered): an indicator of a jabatan that has bawahan, supported by nobody.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.iki.models import Indikator, Sasaran
from kinerja.organisasi.models import Jabatan

from .. import akses


def susun_kaskade(dokumen) -> dict:
    """Everything the page shows, from three queries."""
    jabatan = {j.pk: j for j in Jabatan.objects.filter(instansi_id=dokumen.instansi_id)}
    punya_bawahan = {j.atasan_id for j in jabatan.values() if j.atasan_id}
    indikator = {
        i.pk: i
        for i in Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran")
        .order_by("sasaran__jabatan__urutan", "sasaran__urutan", "urutan", "id")
    }
    pendukung: dict[int, list[int]] = {}
    punya_induk: set[int] = set()
    for anak_id, induk_id in Indikator.induk.through.objects.filter(from_indikator_id__in=indikator).values_list(
        "from_indikator_id", "to_indikator_id"
    ):
        if induk_id in indikator:
            pendukung.setdefault(induk_id, []).append(anak_id)
            punya_induk.add(anak_id)
    posisi = {pk: n for n, pk in enumerate(indikator)}
    for daftar in pendukung.values():
        daftar.sort(key=posisi.__getitem__)

    for ind in indikator.values():
        jab = jabatan[ind.sasaran.jabatan_id]
        ind.jabatan = jab
        ind.yatim = jab.atasan_id is not None and ind.pk not in punya_induk
        ind.tidak_didukung = jab.pk in punya_bawahan and not pendukung.get(ind.pk)

    def cabang(induk_id, tingkat, jalur):
        for anak_id in pendukung.get(induk_id, []):
            if anak_id in jalur:  # a link loop would never end; show the indicator once
                continue
            yield {"indikator": indikator[anak_id], "tingkat": tingkat}
            yield from cabang(anak_id, tingkat + 1, jalur | {anak_id})

    akar = [j for j in jabatan.values() if j.atasan_id is None]
    sasaran_akar = []
    for s in Sasaran.objects.filter(dokumen=dokumen, jabatan__in=akar).order_by("jabatan__urutan", "urutan", "id"):
        daftar = [i for i in indikator.values() if i.sasaran_id == s.pk]
        sasaran_akar.append(
            {
                "sasaran": s,
                "jabatan": jabatan[s.jabatan_id],
                "indikator": [{"indikator": i, "cabang": list(cabang(i.pk, 1, {i.pk}))} for i in daftar],
            }
        )
    return {
        "sasaran_akar": sasaran_akar,
        "yatim": [i for i in indikator.values() if i.yatim],
        "tidak_didukung": [i for i in indikator.values() if i.tidak_didukung],
        "jumlah_indikator": len(indikator),
    }


@login_required
@require_GET
def kaskade(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    return render(
        request, "web/kaskade.html", {"instansi": dokumen.instansi, "dokumen": dokumen, **susun_kaskade(dokumen)}
    )
