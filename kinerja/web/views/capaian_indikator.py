"""An indicator's page of results: its formula, target, realisasi and capaian in every quarter
against last year's (the same indicator by identity), who entered, verified and approved each
quarter, the evidence, and every change of its values (old → new, by whom, when, why)."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja import rumus
from kinerja.iki.models import DokumenIKI
from kinerja.pengukuran.skala import SKALA, kategori
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak
from kinerja.realisasi.models import BuktiDukung, IsianPeriode, RiwayatNilai
from kinerja.realisasi.periode import PERIODE_ISIAN, periode_hitung
from kinerja.realisasi.simpanan import baca_indikator

from .. import akses
from ..rumus_html import rumus_pecahan
from ..umum import warna_capaian

PERIODE = (*PERIODE_ISIAN, "TAHUN")
TINGGI_GRAFIK = 120  # px of the tallest bar


def _batang(nilai: Decimal | None, puncak: Decimal) -> int:
    return 0 if nilai is None or puncak <= 0 else max(2, int(nilai * TINGGI_GRAFIK / puncak))


@login_required
@require_GET
def capaian_indikator(request, indikator_id):
    ind = akses.indikator_atau_404(request.user, indikator_id)
    dokumen = ind.sasaran.dokumen
    instansi = dokumen.instansi
    variabel = list(ind.variabel.select_related("konstanta"))
    try:
        rumus_tampil = rumus_pecahan(ind.ekspresi, {v.kode: v.uraian for v in variabel}) if ind.ekspresi else None
    except rumus.RumusError:
        rumus_tampil = None
    konteks = {"instansi": instansi, "dokumen": dokumen, "indikator": ind, "rumus_tampil": rumus_tampil}
    if dokumen.status != DokumenIKI.Status.DITETAPKAN:
        return render(request, "web/capaian_indikator.html", konteks | {"draf": True})

    lalu_id = dokumen_berlaku_banyak([instansi.pk], [dokumen.tahun - 1]).get((instansi.pk, dokumen.tahun - 1))
    hasil = baca_indikator(ind, lalu_id, PERIODE)
    skala = SKALA[instansi.pemda.skala_capaian]
    isian = {
        i.periode: i
        for i in IsianPeriode.objects.filter(dokumen=dokumen, jabatan_id=ind.sasaran.jabatan_id).select_related(
            "diverifikasi_oleh", "disahkan_oleh"
        )
    }
    baris = []
    for periode in PERIODE:
        ini, lalu = hasil.get((True, periode)), hasil.get((False, periode))
        capaian = ini["capaian"] if ini else None
        warna, teks = warna_capaian(capaian, skala)
        baris.append(
            {
                "periode": periode,
                "label": periode_hitung(periode).label,
                "ini": ini,
                "lalu": lalu,
                "kategori": kategori(capaian, skala),
                "warna": warna,
                "warna_teks": teks,
                "isian": isian.get(periode),
            }
        )
    # The chart: realisasi of each quarter, this year beside last year, on one scale.
    angka = [b[k]["realisasi"] for b in baris[:4] for k in ("ini", "lalu") if b[k] and b[k]["realisasi"] is not None]
    puncak = max([a for a in angka if a > 0], default=Decimal(0))
    for b in baris[:4]:
        b["tinggi_ini"] = _batang(b["ini"] and b["ini"]["realisasi"], puncak)
        b["tinggi_lalu"] = _batang(b["lalu"] and b["lalu"]["realisasi"], puncak)
    riwayat = (
        RiwayatNilai.objects.filter(nilai_variabel__variabel__indikator=ind)
        .select_related("pengguna", "nilai_variabel__variabel")
        .order_by("-waktu", "-id")[:200]
    )
    bukti = (
        BuktiDukung.objects.filter(isian__dokumen=dokumen, isian__jabatan_id=ind.sasaran.jabatan_id)
        .select_related("isian", "diunggah_oleh")
        .order_by("isian__periode", "diunggah_pada")
    )
    konteks |= {
        "baris": baris,
        "grafik": baris[:4],
        "tahun_lalu": dokumen.tahun - 1 if lalu_id else None,
        "tinggi_grafik": TINGGI_GRAFIK,
        "riwayat": list(riwayat),
        "bukti": list(bukti),
    }
    return render(request, "web/capaian_indikator.html", konteks)
