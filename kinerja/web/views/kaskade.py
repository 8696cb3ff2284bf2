"""The cascade drawn as a pohon kinerja: the Camat's sasaran and indicators, and beneath each the
subordinates' indicators that support it (Indikator.induk), level by level, each coloured by its
capaian category for the chosen period; downloadable as SVG and PDF. Flags two faults of a cascade:

- yatim (orphan): an indicator below the Camat that supports nothing;
- tidak didukung (uncovered): an indicator of a jabatan that has bawahan, supported by nobody.
"""

import base64

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.format import format_persen
from kinerja.iki.models import Indikator, Sasaran
from kinerja.laporan.pdf import ke_pdf
from kinerja.organisasi.models import Jabatan
from kinerja.pengukuran.skala import SKALA, TIDAK_DAPAT_DINILAI, kategori
from kinerja.realisasi.hitung import hitung_instansi

from .. import akses
from ..pohon_svg import Simpul, gambar_pohon
from ..umum import warna_capaian
from .dasbor import pilih_periode, pilihan_periode_tampil

TANDA_YATIM = "tidak mendukung indikator atasan"
TANDA_TIDAK_DIDUKUNG = "belum didukung bawahan"


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

    def pohon(induk_id, jalur):
        return [
            {"indikator": indikator[anak_id], "anak": pohon(anak_id, jalur | {anak_id})}
            for anak_id in pendukung.get(induk_id, [])
            if anak_id not in jalur
        ]

    akar = [j for j in jabatan.values() if j.atasan_id is None]
    sasaran_akar = []
    for s in Sasaran.objects.filter(dokumen=dokumen, jabatan__in=akar).order_by("jabatan__urutan", "urutan", "id"):
        daftar = [i for i in indikator.values() if i.sasaran_id == s.pk]
        sasaran_akar.append(
            {
                "sasaran": s,
                "jabatan": jabatan[s.jabatan_id],
                "indikator": [{"indikator": i, "anak": pohon(i.pk, {i.pk})} for i in daftar],
            }
        )
    return {
        "sasaran_akar": sasaran_akar,
        "yatim": [i for i in indikator.values() if i.yatim],
        "tidak_didukung": [i for i in indikator.values() if i.tidak_didukung],
        "jumlah_indikator": len(indikator),
    }


def _hasil_per_indikator(dokumen, periode) -> dict:
    """{indikator id: (capaian text, colour, text colour)} for the period, from the one computation."""
    skala = SKALA[dokumen.instansi.pemda.skala_capaian]
    hasil = {}
    for h in hitung_instansi(dokumen.instansi, dokumen.tahun, periode, dokumen=dokumen):
        nilai = h.capaian.nilai
        label = kategori(nilai, skala)
        hasil[h.indikator_id] = (
            f"{format_persen(nilai)} · {label}" if nilai is not None else label,
            *warna_capaian(nilai, skala),
        )
    return hasil


def _tanda(ind) -> str:
    return TANDA_TIDAK_DIDUKUNG if ind.tidak_didukung else ""


def _simpul(ind, anak, hasil) -> Simpul:
    nilai, warna, teks = hasil.get(ind.pk) or (TIDAK_DAPAT_DINILAI, *warna_capaian(None, None))
    return Simpul(
        judul=ind.nama,
        keterangan=ind.jabatan.nama,
        nilai=nilai,
        warna=warna,
        warna_teks=teks,
        tanda=_tanda(ind),
        tautan=reverse("web:indikator", args=[ind.pk]),
        anak=[_simpul(a["indikator"], a["anak"], hasil) for a in anak],
    )


def _data_pohon(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    periode = pilih_periode(request, dokumen.tahun)
    data = susun_kaskade(dokumen)
    hasil = _hasil_per_indikator(dokumen, periode)
    for blok in data["sasaran_akar"]:
        for baris in blok["indikator"]:
            baris["simpul"] = _simpul(baris["indikator"], baris["anak"], hasil)
    for ind in data["yatim"]:
        ind.simpul = _simpul(ind, [], hasil)
    return dokumen, periode, data


def _judul(dokumen, periode) -> str:
    from kinerja.realisasi.periode import periode_hitung

    return f"Pohon Kinerja {dokumen.instansi.nama} {dokumen.tahun} · {periode_hitung(periode).label}"


@login_required
@require_GET
def kaskade(request, dokumen_id):
    dokumen, periode, data = _data_pohon(request, dokumen_id)
    return render(
        request,
        "web/kaskade.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "periode": periode,
            "pilihan_periode": pilihan_periode_tampil(periode),
            **data,
        },
    )


def _semua_simpul(data) -> list[Simpul]:
    return [b["simpul"] for blok in data["sasaran_akar"] for b in blok["indikator"]]


@login_required
@require_GET
def kaskade_svg(request, dokumen_id):
    dokumen, periode, data = _data_pohon(request, dokumen_id)
    svg = gambar_pohon(_semua_simpul(data) + [i.simpul for i in data["yatim"]], _judul(dokumen, periode))
    respons = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    respons["Content-Disposition"] = f'attachment; filename="pohon-kinerja-{dokumen.tahun}-rev{dokumen.revisi}.svg"'
    return respons


@login_required
@require_GET
def kaskade_pdf(request, dokumen_id):
    dokumen, periode, data = _data_pohon(request, dokumen_id)

    def gambar(akar):
        svg = gambar_pohon(akar)
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

    html = render_to_string(
        "web/pohon_pdf.html",
        {
            "judul": _judul(dokumen, periode),
            "pohon": [
                (blok["jabatan"].nama, blok["sasaran"].uraian, [gambar([b["simpul"]]) for b in blok["indikator"]])
                for blok in data["sasaran_akar"]
            ],
            "yatim": gambar([i.simpul for i in data["yatim"]]) if data["yatim"] else None,
        },
    )
    respons = HttpResponse(ke_pdf(html), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="pohon-kinerja-{dokumen.tahun}-rev{dokumen.revisi}.pdf"'
    return respons
