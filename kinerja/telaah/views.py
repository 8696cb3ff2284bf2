"""The "Periksa mutu" page of a DokumenIKI (findings, each dismissable with a reason) and the four
stages of choosing IKI per jabatan (usulan, penilaian, pemilihan) with the Lembar Penilaian IKI."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kinerja.akun import lingkup
from kinerja.iki.models import Indikator, Sasaran
from kinerja.mutu import TINGKAT
from kinerja.telaah import layanan, lembar, tahapan
from kinerja.telaah.models import KRITERIA, SKOR_MAKS, SYARAT, Penilai, Usulan
from kinerja.web import akses

JUDUL_TINGKAT = {"galat": "Galat", "peringatan": "Peringatan", "saran": "Saran"}


def _alamat_indikator(dokumen) -> dict[tuple[str, str], int]:
    """(jabatan name, indicator name) → Indikator id, to link a finding to the form that fixes it."""
    baris = Indikator.objects.filter(sasaran__dokumen=dokumen).values_list("sasaran__jabatan__nama", "nama", "pk")
    return {(jab, nama): pk for jab, nama, pk in baris}


def _jabatan_bersasaran(dokumen):
    from kinerja.organisasi.models import Jabatan

    return Jabatan.objects.filter(sasaran__dokumen=dokumen).distinct().order_by("urutan", "nama")


@login_required
def mutu(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    temuan = layanan.temuan_dokumen(dokumen)
    alamat = _alamat_indikator(dokumen)
    for t in temuan:
        t["indikator_id"] = alamat.get((t["jabatan"], t["indikator"]))
    terbuka = [t for t in temuan if t["pengabaian"] is None]
    kelompok = [
        {"tingkat": k, "judul": JUDUL_TINGKAT[k], "temuan": [t for t in terbuka if t["tingkat"] == k]} for k in TINGKAT
    ]
    return render(
        request,
        "telaah/mutu.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "kelompok": [k for k in kelompok if k["temuan"]],
            "jumlah_terbuka": len(terbuka),
            "diabaikan": [t for t in temuan if t["pengabaian"] is not None],
            "boleh_kelola": not dokumen.terkunci and lingkup.boleh_kelola_katalog(request.user, dokumen.instansi),
            "alasan_min": layanan.ALASAN_MIN,
            "jabatan_sasaran": _jabatan_bersasaran(dokumen),
        },
    )


@login_required
@require_POST
def abaikan(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        layanan.abaikan_temuan(dokumen, request.POST.get("kunci", ""), request.POST.get("alasan", ""), request.user)
    except (ValidationError, PermissionDenied) as exc:
        for pesan in getattr(exc, "messages", None) or [str(exc)]:
            messages.error(request, pesan)
    else:
        messages.success(request, "Temuan diabaikan; alasannya tercatat dan terlihat oleh pemeriksa.")
    return redirect("telaah:mutu", dokumen_id=dokumen.pk)


@login_required
@require_POST
def batal_abaikan(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        layanan.batalkan_pengabaian(dokumen, request.POST.get("kunci", ""), request.user)
    except (ValidationError, PermissionDenied) as exc:
        for pesan in getattr(exc, "messages", None) or [str(exc)]:
            messages.error(request, pesan)
    else:
        messages.success(request, "Pengabaian dibatalkan; temuan terbuka kembali.")
    return redirect("telaah:mutu", dokumen_id=dokumen.pk)


# --- the four stages ------------------------------------------------------------------------------


def _jabatan_draft(request, dokumen_id, jabatan_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    if jabatan.instansi_id != dokumen.instansi_id:
        raise Http404
    return dokumen, jabatan


def _angka(teks) -> int:
    return int(teks) if isinstance(teks, str) and teks.isdigit() and len(teks) < 12 else 0


def _calon_penilai(instansi):
    User = get_user_model()
    return (
        User.objects.filter(
            Q(peran__instansi=instansi) | Q(peran__pemda=instansi.pemda, peran__instansi__isnull=True), is_active=True
        )
        .distinct()
        .order_by("first_name", "username")
    )


@login_required
def usulan(request, dokumen_id, jabatan_id):
    """Candidates of one jabatan's sasaran: propose, assess (findings beside), select."""
    dokumen, jabatan = _jabatan_draft(request, dokumen_id, jabatan_id)
    sasaran = list(Sasaran.objects.filter(dokumen=dokumen, jabatan=jabatan).order_by("urutan", "id"))
    planner = not dokumen.terkunci and lingkup.boleh_kelola_katalog(request.user, dokumen.instansi)
    penilai = not dokumen.terkunci and tahapan.boleh_nilai(request.user, dokumen)
    bagian = []
    for s in sasaran:
        calon = []
        for u in s.usulan_indikator.select_related("diusulkan_oleh").prefetch_related("penilaian__penilai"):
            milik = next((p for p in u.penilaian.all() if p.penilai_id == request.user.pk), None)
            calon.append({"u": u, "skor": tahapan.skor_usulan(u), "temuan": tahapan.temuan_usulan(u), "milik": milik})
        bagian.append(
            {
                "sasaran": s,
                "calon": calon,
                "boleh_usulkan": not dokumen.terkunci and tahapan.boleh_usulkan(request.user, s),
            }
        )
    return render(
        request,
        "telaah/usulan.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "jabatan": jabatan,
            "bagian": bagian,
            "planner": planner,
            "penilai": penilai,
            "syarat": SYARAT,
            "kriteria": KRITERIA,
            "skala": range(1, SKOR_MAKS + 1),
            "calon_penilai": _calon_penilai(dokumen.instansi) if planner else [],
            "penilai_kini": set(Penilai.objects.filter(dokumen=dokumen).values_list("pengguna_id", flat=True)),
        },
    )


def _jalankan(request, aksi, pesan_berhasil):
    try:
        aksi()
    except (ValidationError, PermissionDenied) as exc:
        for pesan in getattr(exc, "messages", None) or [str(exc)]:
            messages.error(request, pesan)
        return False
    messages.success(request, pesan_berhasil)
    return True


@login_required
@require_POST
def usulkan(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _jabatan_draft(request, dokumen_id, jabatan_id)
    sasaran = get_object_or_404(Sasaran, pk=_angka(request.POST.get("sasaran")), dokumen=dokumen, jabatan=jabatan)
    isian = {k: request.POST.get(k, "") for k in ("nama", "penjelasan", "satuan", "sumber_data", "alasan")}
    _jalankan(request, lambda: tahapan.usulkan(sasaran, request.user, **isian), "Usulan indikator tersimpan.")
    return redirect("telaah:usulan", dokumen_id=dokumen.pk, jabatan_id=jabatan.pk)


@login_required
@require_POST
def nilai(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _jabatan_draft(request, dokumen_id, jabatan_id)
    usulan_id = request.POST.get("usulan", "")
    calon = get_object_or_404(
        Usulan, pk=int(usulan_id) if usulan_id.isdigit() else 0, sasaran__dokumen=dokumen, sasaran__jabatan=jabatan
    )
    syarat = {k: request.POST.get(k) == "ya" for k, _ in SYARAT}
    kriteria = {k: request.POST.get(k) for k, _ in KRITERIA}
    _jalankan(
        request,
        lambda: tahapan.nilai(
            calon, request.user, syarat=syarat, kriteria=kriteria, catatan=request.POST.get("catatan", "")
        ),
        "Penilaian tersimpan.",
    )
    return redirect("telaah:usulan", dokumen_id=dokumen.pk, jabatan_id=jabatan.pk)


@login_required
@require_POST
def pilih(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _jabatan_draft(request, dokumen_id, jabatan_id)
    sasaran = get_object_or_404(Sasaran, pk=_angka(request.POST.get("sasaran")), dokumen=dokumen, jabatan=jabatan)
    ids = [i for i in request.POST.getlist("usulan") if i.isdigit()]
    _jalankan(
        request, lambda: tahapan.pilih(sasaran, ids, request.user), "Usulan terpilih menjadi indikator dokumen ini."
    )
    return redirect("telaah:usulan", dokumen_id=dokumen.pk, jabatan_id=jabatan.pk)


@login_required
@require_POST
def tetapkan_penilai(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _jabatan_draft(request, dokumen_id, jabatan_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    ids = [i for i in request.POST.getlist("penilai") if i.isdigit()]
    pengguna = list(_calon_penilai(dokumen.instansi).filter(pk__in=ids))
    _jalankan(request, lambda: tahapan.tetapkan_penilai(dokumen, pengguna, request.user), "Penilai ditetapkan.")
    return redirect("telaah:usulan", dokumen_id=dokumen.pk, jabatan_id=jabatan.pk)


@login_required
def lembar_penilaian(request, dokumen_id, format):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    nama = f"lembar-penilaian-iki-{dokumen.instansi.pk}-{dokumen.tahun}-rev{dokumen.revisi}"
    if format == "xlsx":
        respons = HttpResponse(
            lembar.lembar_xlsx(dokumen),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif format == "pdf":
        respons = HttpResponse(lembar.lembar_pdf(dokumen), content_type="application/pdf")
    else:
        raise Http404
    respons["Content-Disposition"] = f'attachment; filename="{nama}.{format}"'
    return respons
