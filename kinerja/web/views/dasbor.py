"""Dashboards: one instansi (capaian per jabatan and sasaran, quarterly trend, late and missing
reports) and one pemda (every kecamatan side by side, ranked, with drill-down).

Numbers come from kinerja.realisasi.hitung; group means, completeness and rankings from
kinerja.pengukuran.
"""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinerja import parameter, pengukuran
from kinerja.akun import lingkup
from kinerja.iki.models import DokumenIKI
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import SKALA, TIDAK_DAPAT_DINILAI, peringkat
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak
from kinerja.realisasi.hitung import hitung_instansi, ringkasan_pemda
from kinerja.realisasi.periode import PERIODE_ISIAN, periode_hitung

from .. import akses
from ..ringkasan import matriks_isian, rekap_isian_banyak
from ..tren import capaian_per_triwulan
from ..umum import WARNA_TANPA_NILAI, dokumen_berlaku_per_tahun, warna_capaian, warna_teks


class Ringkasan(pengukuran.Ringkasan):
    """kinerja.pengukuran's group figures (mean capaian, category, completeness) with their colours."""

    @property
    def warna(self) -> str:
        return warna_capaian(self.rata_rata, self.skala)[0]

    @property
    def warna_teks(self) -> str:
        return warna_capaian(self.rata_rata, self.skala)[1]

    @property
    def lebar_batang(self) -> int:
        """Bar width in percent of the cell: capaian 0–150 % mapped onto 0–100."""
        return 0 if self.rata_rata is None else max(0, min(100, round(self.rata_rata * 100 / 150)))

    def sebaran_urut(self):
        urutan = [p.label for p in self.skala.predikat] + [TIDAK_DAPAT_DINILAI]
        warna = {p.label: p.warna for p in self.skala.predikat} | {TIDAK_DAPAT_DINILAI: WARNA_TANPA_NILAI}
        return [
            {
                "label": label,
                "jumlah": self.sebaran[label],
                "warna": warna[label],
                "warna_teks": warna_teks(warna[label]),
            }
            for label in urutan
            if self.sebaran.get(label)
        ]


PILIHAN_PERIODE = ("TW1", "TW2", "TW3", "TW4", "SD_TW2", "SD_TW3", "S1", "S2", "TAHUN")


def periode_bawaan(tahun: int) -> str:
    """This year: the year so far up to the last closed quarter; earlier years: the whole year."""
    hari_ini = timezone.localdate()
    if tahun < hari_ini.year:
        return "TAHUN"
    selesai = (hari_ini.month - 1) // 3 if tahun == hari_ini.year else 0
    return "TW1" if selesai <= 1 else ("TAHUN" if selesai == 4 else f"SD_TW{selesai}")


def pilih_periode(request, tahun: int) -> str:
    diminta = request.GET.get("periode", "")
    try:
        return periode_hitung(diminta).kode if diminta else periode_bawaan(tahun)
    except ValueError:
        return periode_bawaan(tahun)


def pilih_tahun(request, daftar: list[int]) -> int | None:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun = None
    if tahun in daftar:
        return tahun
    ini = timezone.localdate().year
    return ini if ini in daftar else (daftar[0] if daftar else None)


def pilihan_periode_tampil(terpilih: str):
    kode = list(PILIHAN_PERIODE) + ([terpilih] if terpilih not in PILIHAN_PERIODE else [])
    return [{"kode": k, "label": periode_hitung(k).label, "terpilih": k == terpilih} for k in kode]


@login_required
@require_GET
def dasbor_instansi(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    skala = SKALA[instansi.pemda.skala_capaian]
    berlaku = dokumen_berlaku_per_tahun([instansi.pk])
    daftar_tahun = sorted((t for _, t in berlaku), reverse=True)
    tahun = pilih_tahun(request, daftar_tahun)
    konteks = {"instansi": instansi, "tahun": tahun, "daftar_tahun": daftar_tahun, "skala": skala}
    dokumen = DokumenIKI.objects.get(pk=berlaku[(instansi.pk, tahun)]) if tahun else None
    if dokumen is None:
        return render(request, "web/dasbor_instansi.html", konteks)
    periode = pilih_periode(request, tahun)
    hasil = hitung_instansi(instansi, tahun, periode, dokumen=dokumen)
    semua = Ringkasan(skala)
    jabatan: dict[int, dict] = {}
    for h in hasil:
        semua.tambah(h)
        j = jabatan.setdefault(h.jabatan_id, {"nama": h.jabatan, "ringkasan": Ringkasan(skala), "sasaran": {}})
        j["ringkasan"].tambah(h)
        s = j["sasaran"].setdefault(h.sasaran_id, {"uraian": h.sasaran, "ringkasan": Ringkasan(skala), "indikator": []})
        s["ringkasan"].tambah(h)
        warna, teks = warna_capaian(h.capaian.nilai, skala)
        s["indikator"].append({"hasil": h, "warna": warna, "warna_teks": teks})
    terlambat, belum_masuk = [], []
    for _, sel in matriks_isian(dokumen):
        terlambat += [s for s in sel if s.terlambat]
        belum_masuk += [s for s in sel if s.belum_masuk]
    tren = f"{reverse('web:tren_json', args=[instansi.pk])}?tahun={tahun}"
    konteks.update(
        {
            "dokumen": dokumen,
            "periode": periode,
            "label_periode": periode_hitung(periode).label,
            "pilihan_periode": pilihan_periode_tampil(periode),
            "ringkasan": semua,
            "jabatan_list": [{**j, "sasaran": list(j["sasaran"].values())} for j in jabatan.values()],
            "terlambat": terlambat,
            "belum_masuk": belum_masuk,
            "url_tren": tren,
            # For the planner: indicators whose in-year targets are still derived pro rata.
            "tanpa_rencana_aksi": [h for h in hasil if h.tanpa_rencana_aksi],
        }
    )
    return render(request, "web/dasbor_instansi.html", konteks)


@login_required
@require_GET
def tren_json(request, instansi_id):
    """The trend chart's data: average capaian per quarter of a year and the year before."""
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    try:
        tahun = parameter.baca_tahun(request.GET.get("tahun", ""))
    except ValueError as exc:
        return JsonResponse({"galat": str(exc)}, status=400)
    berlaku = dokumen_berlaku_banyak([instansi.pk], [tahun - 1, tahun])
    dokumen = {t: berlaku[(instansi.pk, t)] for t in (tahun - 1, tahun) if (instansi.pk, t) in berlaku}
    rata = capaian_per_triwulan(list(dokumen.values()))
    respons = JsonResponse(
        {
            "label": [periode_hitung(p).label for p in PERIODE_ISIAN],
            "seri": [
                {"tahun": t, "rata_rata": [None if x is None else float(round(x, 2)) for x in rata[d]]}
                for t, d in dokumen.items()
            ],
        }
    )
    respons["Cache-Control"] = "private, max-age=60"
    return respons


@login_required
@require_GET
def dasbor_pemda(request, pemda_id):
    pemda = akses.pemda_atau_404(request.user, pemda_id)
    skala = SKALA[pemda.skala_capaian]
    instansi_list = list(Instansi.objects.filter(pemda=pemda).order_by("nama"))
    berlaku = dokumen_berlaku_per_tahun([i.pk for i in instansi_list])
    daftar_tahun = sorted({t for _, t in berlaku}, reverse=True)
    tahun = pilih_tahun(request, daftar_tahun)
    konteks = {"pemda": pemda, "tahun": tahun, "daftar_tahun": daftar_tahun, "skala": skala}
    if tahun is None:
        return render(request, "web/dasbor_pemda.html", konteks)
    periode = pilih_periode(request, tahun)
    # Read from the kept results (kinerja.realisasi.simpanan): a saved value refreshes only what it
    # touches, and leaves the kept reporting counts (rekap_isian_banyak) alone.
    ringkasan_instansi = ringkasan_pemda(pemda, tahun, periode, Ringkasan)
    dokumen_instansi = {berlaku[(i.pk, tahun)]: i.pk for i in instansi_list if (i.pk, tahun) in berlaku}
    rekap = rekap_isian_banyak(list(dokumen_instansi), tahun)
    rekap_per_instansi = {instansi_id: rekap[d] for d, instansi_id in dokumen_instansi.items()}
    baris = [
        {
            "instansi": i,
            "ringkasan": ringkasan_instansi.get(i.pk, Ringkasan(skala)),
            "rekap": rekap_per_instansi.get(i.pk),
        }
        for i in instansi_list
    ]
    # Ranked by mean capaian (kinerja.pengukuran.peringkat); below the pemda's completeness threshold
    # or without any capaian, a kecamatan is listed apart with the reason.
    urutan = peringkat(baris, lambda b: b["ringkasan"], lambda b: b["instansi"].nama, pemda.ambang_kelengkapan)
    for n, b in urutan.berperingkat:
        b["peringkat"] = n
    for b, alasan in urutan.tanpa_peringkat:
        b["peringkat"], b["alasan"] = None, alasan
    baris = [b for _, b in urutan.berperingkat]
    tanpa_peringkat = [b for b, _ in urutan.tanpa_peringkat]
    semua = Ringkasan(skala)
    for r in ringkasan_instansi.values():
        semua.gabung(r)
    konteks.update(
        {
            "periode": periode,
            "label_periode": periode_hitung(periode).label,
            "pilihan_periode": pilihan_periode_tampil(periode),
            "baris": baris,
            "tanpa_peringkat": tanpa_peringkat,
            "jumlah_instansi": len(baris) + len(tanpa_peringkat),
            "ambang_kelengkapan": pemda.ambang_kelengkapan,
            "ringkasan": semua,
        }
    )
    return render(request, "web/dasbor_pemda.html", konteks)
