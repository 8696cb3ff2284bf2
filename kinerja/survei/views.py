"""Survey pages (server-rendered, Bahasa Indonesia).

Every view finds its instansi or survey through the scope rules: another office's survey answers
404 whatever the URL; a reader who may not keep the catalogue gets 403 on every write. The views
only collect input and show results; kinerja.survei.layanan decides and writes.
"""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.akun.lingkup import instansi_atau_404, instansi_terlihat
from kinerja.format import format_angka
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.ikm import IKMError

from . import layanan
from .forms import KonfirmasiImporForm, RespondenForm, SumberForm, SurveiForm, UnggahForm
from .laporan import laporan_docx, laporan_pdf, laporan_xlsx, nama_berkas, susun_laporan
from .models import SumberIKM, Survei

SESI_IMPOR = "survei_impor"  # session key: {survei id: the previewed file} until it is confirmed


def _pastikan_kelola(pengguna, instansi) -> None:
    if not layanan.boleh_kelola(pengguna, instansi):
        raise PermissionDenied("Hanya admin instansi atau admin pemda yang dapat mengubah survei.")


def _galat_ke_form(form, galat: ValidationError) -> None:
    """Put a service's ValidationError on the form fields it names, the rest above the form."""
    if not hasattr(galat, "error_dict"):
        form.add_error(None, galat)
        return
    for kunci, pesan in galat.message_dict.items():
        form.add_error(kunci if kunci in form.fields else None, pesan)


def _pesan_galat(request, galat: ValidationError) -> None:
    for pesan in galat.messages:
        messages.error(request, pesan)


# --- instansi level ----------------------------------------------------------------------------


@login_required
@require_GET
def beranda(request):
    instansi = list(instansi_terlihat(request.user).annotate(jumlah_survei=Count("survei")).order_by("nama"))
    if len(instansi) == 1:
        return redirect("survei:daftar", instansi_id=instansi[0].pk)
    return render(request, "survei/beranda.html", {"instansi_list": instansi})


@login_required
@require_GET
def daftar(request, instansi_id):
    instansi = instansi_atau_404(request.user, instansi_id)
    kelola = layanan.boleh_kelola(request.user, instansi)
    survei_list = instansi.survei.annotate(jumlah_responden=Count("responden")).order_by("-tahun", "periode")
    sumber_list = (
        SumberIKM.objects.filter(indikator__sasaran__dokumen__instansi=instansi)
        .select_related("indikator__sasaran__dokumen", "indikator__sasaran__jabatan")
        .order_by("-indikator__sasaran__dokumen__tahun", "-indikator__sasaran__dokumen__revisi")
    )
    return render(
        request,
        "survei/daftar.html",
        {
            "instansi": instansi,
            "survei_list": survei_list,
            "sumber_list": sumber_list,
            "kelola": kelola,
            "form_sumber": SumberForm(_indikator_calon(instansi)) if kelola else None,
        },
    )


def _indikator_calon(instansi) -> list[Indikator]:
    """Indicators that could be fed by the survey: one entry variable, in each year's document in
    force or draft (a link on the document in force is copied when it is revised).
    """
    dokumen = DokumenIKI.objects.filter(instansi=instansi)
    terbaru_ditetapkan = {}
    for d in dokumen.filter(status=DokumenIKI.Status.DITETAPKAN):
        if d.tahun not in terbaru_ditetapkan or d.revisi > terbaru_ditetapkan[d.tahun]:
            terbaru_ditetapkan[d.tahun] = d.revisi
    pilihan = [
        d.pk for d in dokumen if d.status == DokumenIKI.Status.DRAFT or terbaru_ditetapkan.get(d.tahun) == d.revisi
    ]
    indikator = (
        Indikator.objects.filter(sasaran__dokumen__in=pilihan, sumber_ikm__isnull=True)
        .select_related("sasaran__dokumen", "sasaran__jabatan")
        .prefetch_related("variabel")
        .order_by("-sasaran__dokumen__tahun", "-sasaran__dokumen__revisi", "sasaran__jabatan__urutan", "urutan", "id")
    )
    return [i for i in indikator if sum(1 for v in i.variabel.all() if v.diisi) == 1]


@login_required
@require_http_methods(["GET", "POST"])
def buat(request, instansi_id):
    instansi = instansi_atau_404(request.user, instansi_id)
    _pastikan_kelola(request.user, instansi)
    form = SurveiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survei = layanan.buat_survei(request.user, instansi, **form.cleaned_data)
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(request, f"{survei} dibuat. Unggah berkas jawaban atau isi kuesioner satu per satu.")
            return redirect("survei:detail", pk=survei.pk)
    return render(request, "survei/buat.html", {"instansi": instansi, "form": form})


@login_required
@require_POST
def sumber_tambah(request, instansi_id):
    instansi = instansi_atau_404(request.user, instansi_id)
    _pastikan_kelola(request.user, instansi)
    form = SumberForm(_indikator_calon(instansi), request.POST)
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return redirect("survei:daftar", instansi_id=instansi.pk)
    indikator = Indikator.objects.select_related("sasaran__dokumen__instansi").get(pk=form.cleaned_data["indikator"])
    try:
        layanan.hubungkan_indikator(request.user, indikator, form.cleaned_data["jenis_layanan"])
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, f"Indikator “{indikator.nama}” akan diisi dari hasil survei.")
    return redirect("survei:daftar", instansi_id=instansi.pk)


@login_required
@require_POST
def sumber_lepas(request, instansi_id, indikator_id):
    instansi = instansi_atau_404(request.user, instansi_id)
    _pastikan_kelola(request.user, instansi)
    indikator = get_object_or_404(
        Indikator.objects.select_related("sasaran__dokumen__instansi"),
        pk=indikator_id,
        sasaran__dokumen__instansi=instansi,
    )
    try:
        layanan.lepaskan_indikator(request.user, indikator)
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, f"Indikator “{indikator.nama}” tidak lagi diisi dari survei.")
    return redirect("survei:daftar", instansi_id=instansi.pk)


# --- one survey --------------------------------------------------------------------------------


@login_required
@require_GET
def detail(request, pk):
    survei = layanan.survei_atau_404(request.user, pk)
    try:
        laporan = susun_laporan(survei)
    except IKMError:
        laporan = None
    return render(
        request,
        "survei/detail.html",
        {
            "survei": survei,
            "instansi": survei.instansi,
            "laporan": laporan,
            "kelola": layanan.boleh_kelola(request.user, survei.instansi),
            "sumber_list": layanan.sumber_untuk(survei),
            "triwulan_umpan": layanan.triwulan_umpan(survei),
            "jumlah_responden": survei.responden.count(),
        },
    )


def _survei_draft_untuk_diubah(request, pk) -> Survei:
    survei = layanan.survei_atau_404(request.user, pk)
    _pastikan_kelola(request.user, survei.instansi)
    return survei


@login_required
@require_http_methods(["GET", "POST"])
def impor(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    if survei.final:
        messages.error(request, f"{survei} sudah final; buka kembali untuk menambah responden.")
        return redirect("survei:detail", pk=survei.pk)
    form = UnggahForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        isi = berkas.read()
        try:
            pratinjau = layanan.pratinjau_impor(isi, berkas.name, survei.regulasi, bobot=survei.bobot)
        except IKMError as e:
            form.add_error("berkas", f"{berkas.name}: {e}")
        else:
            if pratinjau.bisa_disimpan:
                tersimpan = request.session.get(SESI_IMPOR, {})
                tersimpan[str(survei.pk)] = {
                    "nama_file": berkas.name,
                    "isi": base64.b64encode(isi).decode("ascii"),
                    "sidik": pratinjau.sidik,
                }
                request.session[SESI_IMPOR] = tersimpan
            konfirmasi = KonfirmasiImporForm(initial={"sidik": pratinjau.sidik, "ganti": form.cleaned_data["ganti"]})
            return render(
                request,
                "survei/pratinjau.html",
                {
                    "survei": survei,
                    "instansi": survei.instansi,
                    "pratinjau": pratinjau,
                    "form": konfirmasi,
                    "ganti": form.cleaned_data["ganti"],
                    "jumlah_sekarang": survei.responden.count(),
                    "kolom": [
                        (kode, judul, pratinjau.hasil.nrr[kode] if pratinjau.hasil else None)
                        for judul, kode in pratinjau.kolom.items()
                    ],
                    "contoh": [
                        [r[kode] for kode in survei.kode_unsur] + [r["jenis_layanan"]] for r in pratinjau.responden[:20]
                    ],
                },
            )
    return render(request, "survei/impor.html", {"survei": survei, "instansi": survei.instansi, "form": form})


@login_required
@require_POST
def impor_simpan(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    form = KonfirmasiImporForm(request.POST)
    tersimpan = request.session.get(SESI_IMPOR, {})
    berkas = tersimpan.get(str(survei.pk))
    if not form.is_valid() or berkas is None or berkas["sidik"] != form.cleaned_data["sidik"]:
        messages.error(request, "Pratinjau ini sudah tidak berlaku; unggah berkasnya sekali lagi.")
        return redirect("survei:impor", pk=survei.pk)
    try:
        pratinjau = layanan.pratinjau_impor(
            base64.b64decode(berkas["isi"]), berkas["nama_file"], survei.regulasi, bobot=survei.bobot
        )
        baru = layanan.simpan_impor(request.user, survei, pratinjau, ganti=form.cleaned_data["ganti"])
    except IKMError as e:
        messages.error(request, str(e))
        return redirect("survei:impor", pk=survei.pk)
    except ValidationError as e:
        _pesan_galat(request, e)
        return redirect("survei:impor", pk=survei.pk)
    tersimpan.pop(str(survei.pk))
    request.session[SESI_IMPOR] = tersimpan
    messages.success(request, f"{len(baru)} responden dari {berkas['nama_file']} disimpan.")
    return redirect("survei:detail", pk=survei.pk)


@login_required
@require_http_methods(["GET", "POST"])
def responden_baru(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    if survei.final:
        messages.error(request, f"{survei} sudah final; buka kembali untuk menambah responden.")
        return redirect("survei:detail", pk=survei.pk)
    form = RespondenForm(survei, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            responden = layanan.tambah_responden(request.user, survei, form.cleaned_data)
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(request, f"Responden nomor {responden.nomor} disimpan. Isi kuesioner berikutnya.")
            return redirect("survei:responden_baru", pk=survei.pk)
    return render(
        request,
        "survei/responden_form.html",
        {
            "survei": survei,
            "instansi": survei.instansi,
            "form": form,
            "nomor": layanan.nomor_berikut(survei),
        },
    )


@login_required
@require_GET
def responden_daftar(request, pk):
    survei = layanan.survei_atau_404(request.user, pk)
    halaman = Paginator(survei.responden.order_by("nomor"), 100).get_page(request.GET.get("halaman"))
    kode = survei.kode_unsur
    baris = [(r, [r.jawaban.get(k) for k in kode]) for r in halaman]
    return render(
        request,
        "survei/responden_daftar.html",
        {
            "survei": survei,
            "instansi": survei.instansi,
            "halaman": halaman,
            "baris": baris,
            "kode_unsur": kode,
            "kelola": layanan.boleh_kelola(request.user, survei.instansi) and not survei.final,
        },
    )


@login_required
@require_POST
def responden_hapus(request, pk, nomor):
    survei = _survei_draft_untuk_diubah(request, pk)
    responden = get_object_or_404(survei.responden, nomor=nomor)
    try:
        layanan.hapus_responden(request.user, responden)
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, f"Responden nomor {nomor} dihapus.")
    return redirect("survei:responden_daftar", pk=survei.pk)


def _pesan_umpan(request, umpan: list[layanan.Umpan]) -> None:
    for satu in umpan:
        messages.success(
            request,
            f"Nilai {format_angka(satu.nilai)} diisikan ke indikator “{satu.indikator.nama}” ({satu.triwulan}).",
        )


@login_required
@require_POST
def finalkan(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    try:
        umpan = layanan.finalkan(request.user, survei)
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, f"{survei} sudah final.")
        _pesan_umpan(request, umpan)
    return redirect("survei:detail", pk=survei.pk)


@login_required
@require_POST
def buka(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    try:
        layanan.buka_kembali(request.user, survei, alasan=request.POST.get("alasan", "").strip())
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, f"{survei} dibuka kembali sebagai draft.")
    return redirect("survei:detail", pk=survei.pk)


@login_required
@require_POST
def umpankan(request, pk):
    survei = _survei_draft_untuk_diubah(request, pk)
    try:
        umpan = layanan.umpankan(request.user, survei)
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        if not umpan:
            messages.warning(request, "Belum ada indikator dokumen IKI yang berlaku yang diisi dari survei ini.")
        _pesan_umpan(request, umpan)
    return redirect("survei:detail", pk=survei.pk)


# --- report downloads --------------------------------------------------------------------------


def _unduhan(request, pk, buat, ekstensi: str, jenis: str) -> HttpResponse:
    survei = layanan.survei_atau_404(request.user, pk)
    try:
        laporan = susun_laporan(survei)
    except IKMError as e:
        raise Http404(f"Belum ada hasil: {e}") from e
    respons = HttpResponse(buat(laporan), content_type=jenis)
    respons["Content-Disposition"] = f'attachment; filename="{nama_berkas(survei, ekstensi)}"'
    return respons


@login_required
@require_GET
def unduh_pdf(request, pk):
    return _unduhan(request, pk, laporan_pdf, "pdf", "application/pdf")


@login_required
@require_GET
def unduh_xlsx(request, pk):
    return _unduhan(
        request, pk, laporan_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@login_required
@require_GET
def unduh_docx(request, pk):
    return _unduhan(
        request,
        pk,
        laporan_docx,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
