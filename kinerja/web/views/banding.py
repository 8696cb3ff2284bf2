"""The kabupaten's view by indicator: one indicator compared across every kecamatan (chart, table,
Excel), and how completely and on time each kecamatan reported in each quarter (as DHIS2's
reporting rates).

Kecamatan write their own IKI, so "the same indicator" is the same name once case, spacing and
punctuation are set aside; the list offers the names most kecamatan share first.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.format import format_angka, format_persen
from kinerja.laporan.excel import Kolom, Lembar
from kinerja.laporan.kertas import KERTAS, KERTAS_BAWAAN
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.skala import SKALA
from kinerja.realisasi.hitung import hitung_pemda
from kinerja.realisasi.periode import PERIODE_ISIAN, periode_hitung
from kinerja.sel_aman import simpan_buku

from .. import akses
from ..ringkasan import rekap_isian_per_triwulan
from ..umum import dokumen_berlaku_per_tahun, warna_capaian
from .dasbor import pilih_periode, pilih_tahun, pilihan_periode_tampil


def kunci_nama(nama: str) -> str:
    """The name as kecamatan write it, with case, spacing and punctuation set aside."""
    return " ".join(re.sub(r"[^\w%]+", " ", nama.casefold()).split())


_TANPA_NILAI = warna_capaian(None, None)


@dataclass
class BarisBanding:
    instansi: Instansi
    hasil: object | None  # HasilIndikator, None when the kecamatan has no such indicator
    warna: str = _TANPA_NILAI[0]
    warna_teks: str = _TANPA_NILAI[1]

    @property
    def capaian(self) -> Decimal | None:
        return self.hasil.capaian.nilai if self.hasil else None

    @property
    def lebar_batang(self) -> int:
        return min(100, int(self.capaian or 0) * 100 // 150) if self.capaian is not None else 0


def _data(request, pemda_id):
    pemda = akses.pemda_atau_404(request.user, pemda_id)
    skala = SKALA[pemda.skala_capaian]
    instansi_list = list(Instansi.objects.filter(pemda=pemda).order_by("nama"))
    berlaku = dokumen_berlaku_per_tahun([i.pk for i in instansi_list])
    daftar_tahun = sorted({t for _, t in berlaku}, reverse=True)
    tahun = pilih_tahun(request, daftar_tahun)
    konteks = {"pemda": pemda, "tahun": tahun, "daftar_tahun": daftar_tahun, "instansi_list": instansi_list}
    if tahun is None:
        return konteks
    periode = pilih_periode(request, tahun)
    hasil = hitung_pemda(pemda, tahun, periode)
    per_nama: dict[str, dict[int, object]] = defaultdict(dict)
    tampil: dict[str, str] = {}
    for instansi_id, daftar in hasil.items():
        for h in daftar:
            kunci = kunci_nama(h.nama)
            per_nama[kunci].setdefault(instansi_id, h)
            tampil.setdefault(kunci, h.nama)
    pilihan = sorted(per_nama, key=lambda k: (-len(per_nama[k]), tampil[k]))
    kunci = request.GET.get("indikator", "")
    kunci = kunci if kunci in per_nama else (pilihan[0] if pilihan else "")
    baris = []
    for i in instansi_list:
        h = per_nama.get(kunci, {}).get(i.pk)
        b = BarisBanding(i, h)
        b.warna, b.warna_teks = warna_capaian(b.capaian, skala)
        baris.append(b)
    baris.sort(key=lambda b: (b.hasil is None, b.capaian is None, -(b.capaian or 0), b.instansi.nama))
    dokumen_instansi = {berlaku[(i.pk, tahun)]: i for i in instansi_list if (i.pk, tahun) in berlaku}
    laporan = rekap_isian_per_triwulan(list(dokumen_instansi), tahun)
    pelaporan = [
        (i, [laporan.get(d, {}).get(p) for p in PERIODE_ISIAN])
        for d, i in sorted(dokumen_instansi.items(), key=lambda p: p[1].nama)
    ]
    konteks.update(
        {
            "periode": periode,
            "label_periode": periode_hitung(periode).label,
            "pilihan_periode": pilihan_periode_tampil(periode),
            "pilihan_indikator": [(k, tampil[k], len(per_nama[k])) for k in pilihan],
            "kunci": kunci,
            "nama_indikator": tampil.get(kunci, ""),
            "baris": baris,
            "pelaporan": pelaporan,
            "triwulan": PERIODE_ISIAN,
        }
    )
    return konteks


@login_required
@require_GET
def banding_indikator(request, pemda_id):
    return render(request, "web/banding_indikator.html", _data(request, pemda_id))


def _teks(nilai, persen=False) -> str:
    if nilai is None:
        return "–"
    return format_persen(nilai) if persen else format_angka(nilai)


@login_required
@require_GET
def banding_indikator_xlsx(request, pemda_id):
    from openpyxl import Workbook

    konteks = _data(request, pemda_id)
    wb = Workbook()
    judul = [
        f"Perbandingan indikator antar kecamatan — {konteks['pemda'].nama}",
        f"{konteks.get('nama_indikator', '')} · {konteks.get('label_periode', '')} {konteks.get('tahun') or ''}",
    ]
    kolom = [
        Kolom("Kecamatan", 28),
        Kolom("Target", 12, "#,##0.00"),
        Kolom("Realisasi", 12, "#,##0.00"),
        Kolom("Capaian (%)", 12, "#,##0.00"),
        Kolom("Kategori", 16),
        Kolom("Data lengkap", 12),
    ]
    lembar = Lembar(wb.active, judul, kolom, KERTAS[KERTAS_BAWAAN])
    wb.active.title = "Per kecamatan"
    for b in konteks.get("baris", []):
        h = b.hasil
        if h is None:
            lembar.tambah([b.instansi.nama, None, None, None, "Tidak memiliki indikator ini", ""])
            continue
        lembar.tambah(
            [b.instansi.nama, h.target, h.realisasi.nilai, h.capaian.nilai, h.kategori, "ya" if h.lengkap else "tidak"]
        )
    lembar.selesai()
    kolom_lapor = [Kolom("Kecamatan", 28)] + [
        Kolom(f"{periode_hitung(p).label} {jenis}", 14, "0.00")
        for p in PERIODE_ISIAN
        for jenis in ("masuk (%)", "tepat waktu (%)")
    ]
    lapor = Lembar(
        wb.create_sheet("Pelaporan"), ["Kelengkapan dan ketepatan waktu pelaporan"], kolom_lapor, KERTAS[KERTAS_BAWAAN]
    )
    for instansi, per_triwulan in konteks.get("pelaporan", []):
        nilai = [instansi.nama]
        for rekap in per_triwulan:
            nilai += [rekap.persen_masuk, rekap.persen_tepat_waktu] if rekap and rekap.laporan else [None, None]
        lapor.tambah(nilai)
    lapor.selesai()
    respons = HttpResponse(
        simpan_buku(wb), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    respons["Content-Disposition"] = f'attachment; filename="perbandingan-indikator-{konteks.get("tahun") or ""}.xlsx"'
    return respons
