"""Impor dokumen IKI in the browser: upload, progress, review and "Simpan sebagai draf".

For whoever may manage the instansi's catalogue (its admin, the pemda's admin, a superuser); the
others get 404, as for every object outside their scope. The work is in layanan.py.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja import rumus
from kinerja.akun.lingkup import boleh_kelola_katalog, instansi_atau_404
from kinerja.iki.interchange import PETA_BARU, PETA_LEWATI, ImporDitolak, usulan_peta
from kinerja.organisasi.models import Jabatan
from kinerja.telaah.layanan import temuan_berlabel
from kinerja.web.rumus_html import rumus_pecahan

from . import layanan
from .models import PekerjaanImpor

_BARIS = re.compile(r"^baris (\d+): ")


def _instansi_kelola(user, instansi_id):
    instansi = instansi_atau_404(user, instansi_id)
    if not boleh_kelola_katalog(user, instansi):
        raise Http404("Instansi tidak ditemukan.")
    return instansi


def _pekerjaan(user, pekerjaan_id) -> PekerjaanImpor:
    pekerjaan = PekerjaanImpor.objects.select_related("instansi__pemda", "dokumen").filter(pk=pekerjaan_id).first()
    if pekerjaan is None or not boleh_kelola_katalog(user, pekerjaan.instansi):
        raise Http404("Pekerjaan impor tidak ditemukan.")
    return pekerjaan


@login_required
@require_http_methods(["GET", "POST"])
def unggah(request, instansi_id):
    instansi = _instansi_kelola(request.user, instansi_id)
    if request.method == "POST":
        berkas_list = request.FILES.getlist("berkas")
        if not berkas_list:
            messages.error(request, "Pilih paling sedikit satu berkas.")
        diterima = []
        for berkas in berkas_list:
            try:
                diterima.append(layanan.terima_berkas(berkas, instansi, request.user))
            except layanan.BerkasDitolak as exc:
                messages.error(request, str(exc))
        if len(diterima) == 1 and len(berkas_list) == 1:
            return redirect("impor:status", diterima[0].pk)
        return redirect("impor:unggah", instansi.pk)
    pekerjaan = PekerjaanImpor.objects.filter(instansi=instansi).defer("isi", "hasil", "sumber")[:20]
    return render(
        request,
        "impor/unggah.html",
        {"instansi": instansi, "pekerjaan_list": pekerjaan, "akhiran": ", ".join(layanan.AKHIRAN_DITERIMA)},
    )


@login_required
def status(request, pekerjaan_id):
    pekerjaan = _pekerjaan(request.user, pekerjaan_id)
    if request.headers.get("HX-Request"):
        respons = render(request, "impor/_status.html", {"pekerjaan": pekerjaan})
        if pekerjaan.status == PekerjaanImpor.Status.SIAP:
            respons["HX-Redirect"] = reverse("impor:tinjau", args=[pekerjaan.pk])
        return respons
    if pekerjaan.status == PekerjaanImpor.Status.SIAP:
        return redirect("impor:tinjau", pekerjaan.pk)
    return render(request, "impor/status.html", {"pekerjaan": pekerjaan, "instansi": pekerjaan.instansi})


def _sumber(pekerjaan) -> tuple[list[dict], list[str]]:
    """Source lines, each with the peringatan about it; and the peringatan that name no line."""
    per_baris: dict[int, list[str]] = {}
    lepas = []
    for p in pekerjaan.hasil.get("peringatan") or []:
        m = _BARIS.match(p)
        if m:
            per_baris.setdefault(int(m.group(1)), []).append(p[m.end() :])
        else:
            lepas.append(p)
    baris = [{"nomor": n, "teks": teks, "peringatan": per_baris.pop(n, [])} for n, teks in pekerjaan.sumber]
    # A line the reader numbered but did not hand back as source (rare): listed with the others.
    lepas += [f"baris {n}: {p}" for n, daftar in sorted(per_baris.items()) for p in daftar]
    return baris, lepas


def _katalog(data) -> list[dict]:
    jabatan = []
    for j, entri in enumerate(data["jabatan"]):
        sasaran = []
        for s, sas in enumerate(entri.get("sasaran") or []):
            indikator = []
            for i, ind in enumerate(sas.get("indikator") or []):
                formula = ind.get("formula") or {}
                variabel = formula.get("variabel") or []
                labels = {v["kode"]: v.get("uraian") or v["kode"] for v in variabel}
                try:
                    tampil = rumus_pecahan(formula["ekspresi"], labels) if formula.get("ekspresi") else None
                except rumus.RumusError:
                    tampil = None
                indikator.append(
                    {
                        "kunci": f"{j}-{s}-{i}",
                        "nama": ind.get("nama") or "",
                        "rumus": tampil,
                        "ekspresi": formula.get("ekspresi") or "",
                        "teks": formula.get("teks") or "",
                        "variabel": variabel,
                        "sumber_data": ind.get("sumber_data") or "",
                    }
                )
            sasaran.append({"uraian": sas.get("uraian") or "", "indikator": indikator})
        jabatan.append(
            {
                "nama": entri["nama"],
                "tugas": entri.get("tugas") or [],
                "fungsi": entri.get("fungsi") or [],
                "sasaran": sasaran,
            }
        )
    return jabatan


def _ubahan(post) -> dict:
    ubahan: dict[tuple[int, int, int], dict] = {}
    for kunci, nilai in post.items():
        m = re.fullmatch(r"ind-(\d+)-(\d+)-(\d+)-(nama|ekspresi)", kunci)
        if m:
            ubahan.setdefault((int(m[1]), int(m[2]), int(m[3])), {})[m[4]] = nilai
    return ubahan


@login_required
@require_http_methods(["GET", "POST"])
def tinjau(request, pekerjaan_id):
    pekerjaan = _pekerjaan(request.user, pekerjaan_id)
    if pekerjaan.status != PekerjaanImpor.Status.SIAP:
        if pekerjaan.status == PekerjaanImpor.Status.DISIMPAN and pekerjaan.dokumen_id:
            return redirect("web:dokumen", pekerjaan.dokumen_id)
        return redirect("impor:status", pekerjaan.pk)
    instansi = pekerjaan.instansi
    data = pekerjaan.hasil
    usulan = usulan_peta(data, instansi)
    jabatan_ada = list(Jabatan.objects.filter(instansi=instansi).order_by("urutan", "id").values_list("pk", "nama"))
    masalah: list[str] = []
    pilihan_kini = {}
    if request.method == "POST":
        peta = {}
        for n, c in enumerate(usulan):
            nilai = request.POST.get(f"peta-{n}", "")
            pilihan_kini[n] = nilai
            if nilai in (PETA_BARU, PETA_LEWATI):
                peta[c.nama] = nilai
            elif nilai.isdigit() and int(nilai) in dict(jabatan_ada):
                peta[c.nama] = int(nilai)
            else:
                masalah.append(f"Pilih jabatan untuk '{c.nama}'.")
        teks_tahun = request.POST.get("tahun", "").strip()
        tahun = int(teks_tahun) if teks_tahun.isdigit() else None
        if tahun is None:
            masalah.append("Tahun dokumen wajib diisi (angka, mis. 2024).")
        if not masalah:
            try:
                hasil = layanan.simpan_draf(
                    pekerjaan,
                    request.user,
                    peta,
                    tahun=tahun,
                    data=layanan.terapkan_ubahan(data, _ubahan(request.POST)),
                )
            except ImporDitolak as exc:
                masalah = exc.masalah
            else:
                messages.success(
                    request,
                    f"{pekerjaan.nama_berkas} disimpan sebagai draf {hasil.dokumen}: "
                    f"{hasil.indikator.dibuat} indikator dibuat, {hasil.indikator.diperbarui} diperbarui.",
                )
                return redirect("web:dokumen", hasil.dokumen.pk)
    baris, peringatan_lepas = _sumber(pekerjaan)
    peta_baris = []
    for n, c in enumerate(usulan):
        # The review preselects every suggestion (its confidence shown beside it) for the user to confirm.
        bawaan = c.id if c.id is not None else PETA_BARU
        peta_baris.append(
            {
                "nomor": n,
                "nama": c.nama,
                "usulan": c,
                "persen": round(c.keyakinan * 100),
                "pilihan": str(pilihan_kini.get(n, bawaan)),
            }
        )
    # Each jabatan's mapping is asked at its first appearance in the catalogue.
    katalog = _katalog(data)
    belum = {" ".join(p["nama"].split()).casefold(): p for p in peta_baris}
    for j in katalog:
        j["peta"] = belum.pop(" ".join(j["nama"].split()).casefold(), None)
    return render(
        request,
        "impor/tinjau.html",
        {
            "instansi": instansi,
            "pekerjaan": pekerjaan,
            "data": data,
            "baris": baris,
            "peringatan_lepas": peringatan_lepas,
            # Quality findings before anything is saved; the lines let the prose checks run too.
            "temuan": temuan_berlabel(data, [tuple(b) for b in pekerjaan.sumber]),
            "jumlah_peringatan": len(data.get("peringatan") or []),
            "katalog": katalog,
            "peta": peta_baris,
            "peta_lain": list(belum.values()),
            "jabatan_ada": [(str(pk), nama) for pk, nama in jabatan_ada],
            "sebelumnya": layanan.impor_sebelumnya(pekerjaan),
            "masalah": masalah,
            "tahun": request.POST.get("tahun") if request.method == "POST" else data.get("tahun") or "",
            "PETA_BARU": PETA_BARU,
            "PETA_LEWATI": PETA_LEWATI,
        },
    )
