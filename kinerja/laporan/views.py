"""Preview and download of the documents: /laporan/<jenis>/…/?format=pdf|docx|xlsx&kertas=a4|f4.

Without ``format`` a view shows the document as a web page (the same template as the PDF) with
download buttons. Every view checks the scope on the object itself (kinerja.akun.lingkup; the
kabupaten recap needs a pemda-wide role): another office's ids give 404, as if they did not exist.
"""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.akun import lingkup
from kinerja.format import parse_tanggal
from kinerja.iki.models import DokumenIKI
from kinerja.organisasi.models import Instansi
from kinerja.web.akses import jabatan_atau_404, pemda_atau_404

from . import layanan, pdf
from . import teks as teks_standar
from .isi import LaporanError, TidakAda, teks_instansi
from .models import KepalaDaerah, TeksStandar, sebutan_kepala_daerah


def _halaman_galat(request, pesan: str, status: int, instansi=None) -> HttpResponse:
    return render(request, "laporan/galat.html", {"pesan": pesan, "instansi": instansi}, status=status)


def _tahun(tahun: int) -> None:
    if not 2000 <= tahun <= 2100:
        raise LaporanError(f"Tahun {tahun} di luar rentang 2000–2100.")


def _tautan_unduh(request, jenis: str, instansi=None) -> list[tuple[str, str]]:
    """Download links that keep the page's other parameters (kertas, periode, tanggal …)."""
    tetap = {k: v for k, v in request.GET.items() if k != "format"}
    tautan = [
        (f"Unduh {f.upper()}", f"{request.path}?{urlencode({**tetap, 'format': f})}")
        for f in layanan.LAPORAN[jenis].format
    ]
    kertas = tetap.get("kertas", "a4").lower()
    lain = "f4" if kertas == "a4" else "a4"
    tautan.append((f"Kertas {lain.upper()}", f"{request.path}?{urlencode({**tetap, 'kertas': lain})}"))
    if jenis in layanan.DAPAT_DITANDATANGANI:
        objek_id, tahun = request.resolver_match.kwargs.values()
        tautan.append(("Tanda tangan elektronik", reverse(f"laporan:tandatangani_{jenis}", args=[objek_id, tahun])))
    if jenis == "pk" and instansi is not None and lingkup.boleh_kelola_katalog(request.user, instansi):
        jabatan_id, tahun = request.resolver_match.kwargs.values()
        tautan.append(("Program dan anggaran", reverse("laporan:program_pk", args=[jabatan_id, tahun])))
    if jenis == "iki" and instansi is not None and lingkup.boleh_kelola_katalog(request.user, instansi):
        tautan.append(("Kop surat", reverse("laporan:kop", args=[instansi.pk])))
        tautan.append(("Teks standar", reverse("laporan:teks", args=[instansi.pk])))
    return tautan


def _sajikan(request, jenis: str, baca, nama_dasar, judul: str, instansi=None) -> HttpResponse:
    """Read the data with ``baca()`` and answer with the page, or the file asked for in ?format=."""
    format = request.GET.get("format", "").strip().lower()
    try:
        kertas = layanan.kertas(request.GET.get("kertas"))
        if format:
            layanan.periksa_format(jenis, format)
        data = baca()
    except LaporanError as exc:
        return _halaman_galat(request, str(exc), 404 if isinstance(exc, TidakAda) else 400, instansi)
    if not format:
        laporan = layanan.LAPORAN[jenis]
        html = pdf.html_dokumen(
            laporan.template,
            data,
            kertas,
            pratinjau=True,
            unduhan=_tautan_unduh(request, jenis, instansi),
            judul=judul,
            mendatar=laporan.mendatar,
        )
        return HttpResponse(html)
    berkas = layanan.tulis(jenis, data, format, kertas.kode, nama_dasar(data))
    return FileResponse(
        io.BytesIO(berkas.isi), as_attachment=True, filename=berkas.nama, content_type=berkas.content_type
    )


@login_required
@require_GET
def iki(request, instansi_id: int, tahun: int):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)

    def baca():
        _tahun(tahun)
        revisi = request.GET.get("revisi")
        if revisi is not None and not revisi.isdigit():
            raise LaporanError(f"Revisi “{revisi}” bukan nomor revisi.")
        return layanan.data_iki(instansi, tahun, int(revisi) if revisi else None)

    return _sajikan(
        request,
        "iki",
        baca,
        lambda d: f"iki {instansi.nama} {tahun}",
        f"Dokumen IKI {instansi} Tahun {tahun}",
        instansi,
    )


@login_required
@require_GET
def pk(request, jabatan_id: int, tahun: int):
    jabatan = jabatan_atau_404(request.user, jabatan_id)

    def baca():
        _tahun(tahun)
        tanggal = _tanggal(request.GET.get("tanggal"))
        return layanan.data_pk(jabatan, tahun, tanggal)

    return _sajikan(
        request,
        "pk",
        baca,
        lambda d: f"pk {tahun} {d.pihak_pertama.jabatan}",
        f"Perjanjian Kinerja {jabatan} Tahun {tahun}",
        jabatan.instansi,
    )


def _tanggal(teks: str | None) -> date | None:
    if not teks:
        return None
    try:
        return parse_tanggal(teks)
    except ValueError as exc:
        raise LaporanError(str(exc)) from None


@login_required
@require_GET
def lkjip(request, instansi_id: int, tahun: int):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    periode = request.GET.get("periode") or "TAHUN"

    def baca():
        _tahun(tahun)
        return layanan.data_lkjip(instansi, tahun, periode)

    return _sajikan(
        request,
        "lkjip",
        baca,
        lambda d: f"pengukuran kinerja {instansi.nama} {tahun} {d.periode}",
        f"Pengukuran Kinerja {instansi} Tahun {tahun}",
        instansi,
    )


@login_required
@require_GET
def rekap(request, pemda_id: int, tahun: int):
    pemda = pemda_atau_404(request.user, pemda_id)
    periode = request.GET.get("periode") or "TAHUN"

    def baca():
        _tahun(tahun)
        return layanan.data_rekap(pemda, tahun, periode)

    return _sajikan(
        request,
        "rekap",
        baca,
        lambda d: f"rekap kinerja {pemda.nama} {tahun} {d.periode}",
        f"Rekapitulasi Capaian Kinerja {pemda} Tahun {tahun}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def teks(request, instansi_id: int):
    """The standard texts of an instansi's documents, editable by its admin (admin instansi/pemda)."""
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    if not lingkup.boleh_kelola_katalog(request.user, instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat mengubah teks standar dokumen.")
    sekarang = teks_instansi(instansi)
    masalah = {}
    if request.method == "POST":
        kiriman = {bagian: request.POST.get(bagian, "") for bagian in teks_standar.BAGIAN if bagian in request.POST}
        try:
            diubah = layanan.simpan_teks(instansi, kiriman, request.user)
        except ValidationError as exc:
            masalah = exc.message_dict
            sekarang.update(kiriman)
        else:
            messages.success(request, f"{len(diubah)} teks disimpan." if diubah else "Tidak ada perubahan.")
            return redirect("laporan:teks", instansi_id=instansi.pk)
    milik = set(TeksStandar.objects.filter(instansi=instansi).values_list("bagian", flat=True))
    bagian = [
        {
            "kode": kode,
            "label": label,
            "isi": sekarang[kode],
            "sendiri": kode in milik,
            "masalah": masalah.get(kode, []),
        }
        for kode, label in teks_standar.BAGIAN.items()
    ]
    return render(
        request,
        "laporan/teks.html",
        {
            "instansi": instansi,
            "bagian": bagian,
            "penanda": teks_standar.PENANDA,
            "pratinjau_url": reverse("laporan:iki", args=[instansi.pk, _tahun_terakhir(instansi)]),
        },
        status=400 if masalah else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def kepala_daerah(request, pemda_id: int):
    """The Bupati / Wali Kota named as PIHAK KEDUA in the Camat's Perjanjian Kinerja."""
    pemda = pemda_atau_404(request.user, pemda_id)
    # Whoever may manage the catalogue of any instansi of this pemda, whichever it is: lingkup grants
    # that to the admin pemda and the superuser only, so ask it of a stand-in instansi of the pemda.
    if not lingkup.boleh_kelola_katalog(request.user, Instansi(pemda=pemda)):
        raise PermissionDenied("Hanya admin pemda yang dapat mengubah nama kepala daerah.")
    sekarang = KepalaDaerah.objects.filter(pemda=pemda).first()
    isian = {"nama": sekarang.nama if sekarang else "", "sebutan": sekarang.sebutan if sekarang else ""}
    masalah = {}
    if request.method == "POST":
        isian = {"nama": request.POST.get("nama", ""), "sebutan": request.POST.get("sebutan", "")}
        try:
            layanan.simpan_kepala_daerah(pemda, isian["nama"], isian["sebutan"], request.user)
        except ValidationError as exc:
            masalah = exc.message_dict
        else:
            messages.success(request, "Kepala daerah disimpan.")
            return redirect("laporan:kepala_daerah", pemda_id=pemda.pk)
    return render(
        request,
        "laporan/kepala_daerah.html",
        {
            "pemda": pemda,
            "isian": isian,
            "masalah": masalah,
            "sebutan_bawaan": sebutan_kepala_daerah(pemda),
        },
        status=400 if masalah else 200,
    )


def _tahun_terakhir(instansi) -> int:
    tahun = DokumenIKI.objects.filter(instansi=instansi).order_by("-tahun").values_list("tahun", flat=True).first()
    return tahun or timezone.localdate().year


# --- PAdES signatures -------------------------------------------------------------------------

_BATAS_P12 = 256 * 1024  # a PKCS#12 with its chain is a few kilobytes
_BATAS_PDF = 30 * 1024 * 1024


def _unggahan(request, nama: str, batas: int, label: str) -> bytes:
    berkas = request.FILES.get(nama)
    if berkas is None:
        raise LaporanError(f"{label} belum dipilih.")
    if berkas.size > batas:
        raise LaporanError(f"{label} “{berkas.name}” terlalu besar (paling besar {batas // 1024} KB).")
    return berkas.read()


@login_required
@require_http_methods(["GET", "POST"])
def tandatangani_iki(request, instansi_id: int, tahun: int):
    return _tandatangani(request, "iki", instansi_id, tahun)


@login_required
@require_http_methods(["GET", "POST"])
def tandatangani_pk(request, jabatan_id: int, tahun: int):
    return _tandatangani(request, "pk", jabatan_id, tahun)


def _tandatangani(request, jenis: str, objek_id: int, tahun: int):
    """Sign the decreed Dokumen IKI (jenis "iki", an instansi) or a PK (jenis "pk", a jabatan) with the
    pemda's certificate, uploaded with its password for this one signature and kept nowhere."""
    if jenis == "iki":
        objek = lingkup.instansi_atau_404(request.user, objek_id)
        instansi = objek
        nama_dasar = f"iki {objek.nama} {tahun}"
    elif jenis == "pk":
        objek = jabatan_atau_404(request.user, objek_id)
        instansi = objek.instansi
        nama_dasar = None
    else:
        return _halaman_galat(request, "Dokumen ini tidak ditandatangani secara elektronik.", 404)
    if not lingkup.boleh_kelola_katalog(request.user, instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat menandatangani secara elektronik.")
    judul = f"{layanan.LAPORAN[jenis].judul} {objek} Tahun {tahun}"
    pesan = ""
    if request.method == "POST":
        try:
            _tahun(tahun)
            p12 = _unggahan(request, "sertifikat", _BATAS_P12, "Berkas sertifikat (.p12/.pfx)")
            data = layanan.data_iki(objek, tahun) if jenis == "iki" else layanan.data_pk(objek, tahun)
            berkas = layanan.tandatangani(
                jenis,
                objek,
                data,
                p12,
                request.POST.get("sandi", ""),
                nama_dasar or f"pk {tahun} {data.pihak_pertama.jabatan}",
                request.user,
                kertas=request.POST.get("kertas") or None,
            )
        except LaporanError as exc:
            pesan = str(exc)
        else:
            return FileResponse(
                io.BytesIO(berkas.isi), as_attachment=True, filename=berkas.nama, content_type=berkas.content_type
            )
    return render(
        request,
        "laporan/tandatangani.html",
        {"judul": judul, "pesan": pesan, "instansi": instansi},
        status=400 if pesan else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def verifikasi(request):
    """Check an uploaded signed PDF: every signature, intact or not, and who signed it."""
    from . import tanda_tangan

    hasil, pesan, nama = None, "", ""
    if request.method == "POST":
        try:
            isi = _unggahan(request, "pdf", _BATAS_PDF, "Berkas PDF")
            nama = request.FILES["pdf"].name
            hasil = tanda_tangan.periksa_pdf(isi)
        except (LaporanError, tanda_tangan.TandaTanganError) as exc:
            pesan = str(exc)
    return render(
        request,
        "laporan/verifikasi.html",
        {"hasil": hasil, "pesan": pesan, "nama": nama},
        status=400 if pesan else 200,
    )


# --- the letterhead (kop surat) ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def kop(request, instansi_id: int):
    """The kop surat of an instansi's documents (admin instansi or pemda); the lambang daerah is the
    pemda's, so only whoever manages the pemda may change it."""
    from .kop import kop_instansi

    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    if not lingkup.boleh_kelola_katalog(request.user, instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat mengubah kop surat.")
    boleh_lambang = lingkup.boleh_kelola_katalog(request.user, Instansi(pemda=instansi.pemda))
    isian = {b: getattr(instansi, b) for b in layanan.BIDANG_KOP}
    masalah = {}
    if request.method == "POST":
        isian = {b: request.POST.get(b, "") for b in layanan.BIDANG_KOP}
        berkas = request.FILES.get("lambang") if boleh_lambang else None
        try:
            if berkas is not None and berkas.size > layanan.BATAS_LAMBANG:
                raise ValidationError({"lambang": [f"“{berkas.name}” terlalu besar."]})
            diubah = layanan.simpan_kop(
                instansi,
                isian,
                lambang=(berkas.name, berkas.read()) if berkas is not None else None,
                hapus_lambang=boleh_lambang and request.POST.get("hapus_lambang") == "1",
                pengguna=request.user,
            )
        except ValidationError as exc:
            masalah = exc.message_dict
        else:
            messages.success(request, "Kop surat disimpan." if diubah else "Tidak ada perubahan.")
            return redirect("laporan:kop", instansi_id=instansi.pk)
    return render(
        request,
        "laporan/kop.html",
        {
            "instansi": instansi,
            "isian": isian,
            "masalah": masalah,
            "boleh_lambang": boleh_lambang,
            "kop": kop_instansi(instansi),
            "pratinjau_url": reverse("laporan:iki", args=[instansi.pk, _tahun_terakhir(instansi)]) + "#keputusan",
        },
        status=400 if masalah else 200,
    )


# --- programs and budgets of a PK ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def program_pk(request, jabatan_id: int, tahun: int):
    """The planner (admin instansi or pemda) enters the programs and budgets of an eselon III/IV head's PK."""
    from .models import ProgramAnggaran

    jabatan = jabatan_atau_404(request.user, jabatan_id)
    if not lingkup.boleh_kelola_katalog(request.user, jabatan.instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat mengisi program dan anggaran PK.")
    try:
        _tahun(tahun)
    except LaporanError as exc:
        return _halaman_galat(request, str(exc), 400, jabatan.instansi)
    from kinerja.format import format_angka

    teks = "\n".join(
        "; ".join(x for x in (p.program, format_angka(p.anggaran), p.keterangan) if x)
        for p in ProgramAnggaran.objects.filter(jabatan=jabatan, tahun=tahun)
    )
    masalah = []
    if request.method == "POST":
        teks = request.POST.get("program", "")
        try:
            jumlah = layanan.simpan_program(jabatan, tahun, teks, request.user)
        except ValidationError as exc:
            masalah = exc.message_dict.get("program", [])
        else:
            messages.success(request, f"{jumlah} program disimpan.")
            return redirect("laporan:program_pk", jabatan_id=jabatan.pk, tahun=tahun)
    return render(
        request,
        "laporan/program_pk.html",
        {
            "jabatan": jabatan,
            "tahun": tahun,
            "teks": teks,
            "masalah": masalah,
            "boleh": layanan.boleh_program(jabatan),
            "pk_url": reverse("laporan:pk", args=[jabatan.pk, tahun]),
        },
        status=400 if masalah else 200,
    )
