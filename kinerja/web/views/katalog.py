"""The IKI catalogue: documents per instansi and year, the jabatan tree, indicators, editing drafts,
decreeing (tetapkan) and revising. Decreed documents are shown read-only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kinerja import rumus
from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.iki import layanan
from kinerja.iki.models import DokumenIKI, DokumenTerkunci, Indikator, Sasaran, Tujuan
from kinerja.organisasi.models import Jabatan, Penugasan
from kinerja.realisasi.models import Target
from kinerja.realisasi.target import peringatan_target_indikator, simpan_target

from .. import akses
from ..forms import FormDokumen, FormIndikator, FormsetVariabel, FormTarget
from ..forms_katalog import tampilkan_galat
from ..rumus_html import rumus_pecahan
from ..umum import urut_pohon


def konteks_katalog(request, instansi, **lain) -> dict:
    """What the catalogue page shows; also used to show it again with the new-document form's errors."""
    dokumen = list(DokumenIKI.objects.filter(instansi=instansi).order_by("-tahun", "-revisi"))
    ada_draft = {d.tahun for d in dokumen if not d.terkunci}
    terakhir = {}
    for d in dokumen:
        terakhir.setdefault(d.tahun, d)
    for d in dokumen:
        # A revision starts from the newest decreed document of a year that has no draft yet.
        d.boleh_direvisi = d.terkunci and d.tahun not in ada_draft and terakhir[d.tahun] is d
    return {
        "instansi": instansi,
        "dokumen_list": dokumen,
        "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
        "tahun_konstanta": dokumen[0].tahun if dokumen else timezone.localdate().year,
        "tahun_baru": dokumen[0].tahun + 1 if dokumen else timezone.localdate().year,
        **lain,
    }


@login_required
@require_GET
def katalog(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    return render(request, "web/katalog.html", konteks_katalog(request, instansi))


def _pemegang(instansi):
    return {
        p.jabatan_id: p.pegawai
        for p in Penugasan.objects.aktif().filter(jabatan__instansi=instansi).select_related("pegawai")
    }


@login_required
@require_GET
def dokumen(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    instansi = dokumen.instansi
    jabatan = list(Jabatan.objects.filter(instansi=instansi).select_related("unit_kerja"))
    sasaran_per_jabatan: dict[int, list] = {}
    for s in Sasaran.objects.filter(dokumen=dokumen).prefetch_related(
        Prefetch("indikator", Indikator.objects.order_by("urutan", "id"))
    ):
        sasaran_per_jabatan.setdefault(s.jabatan_id, []).append(s)
    tujuan_per_jabatan: dict[int, list] = {}
    for t in Tujuan.objects.filter(dokumen=dokumen).prefetch_related("indikator"):
        tujuan_per_jabatan.setdefault(t.jabatan_id, []).append(t)
    pemegang = _pemegang(instansi)
    pohon = [
        {
            "jabatan": j,
            "tingkat": tingkat,
            "sasaran": sasaran_per_jabatan.get(j.pk, []),
            "tujuan": tujuan_per_jabatan.get(j.pk, []),
            "pemegang": pemegang.get(j.pk),
        }
        for j, tingkat in urut_pohon(jabatan)
    ]
    return render(
        request,
        "web/dokumen.html",
        {
            "instansi": instansi,
            "dokumen": dokumen,
            "pohon": pohon,
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
            "jumlah_indikator": sum(len(s.indikator.all()) for daftar in sasaran_per_jabatan.values() for s in daftar),
        },
    )


@login_required
@require_GET
def indikator(request, indikator_id):
    ind = akses.indikator_atau_404(request.user, indikator_id)
    dokumen = ind.sasaran.dokumen
    variabel = list(ind.variabel.select_related("konstanta"))
    labels = {v.kode: v.uraian for v in variabel}
    rumus_tampil, rumus_masalah = None, None
    if ind.ekspresi:
        try:
            rumus_tampil = rumus_pecahan(ind.ekspresi, labels)
        except rumus.RumusError as exc:
            rumus_masalah = str(exc)
    return render(
        request,
        "web/indikator.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "indikator": ind,
            "variabel": variabel,
            "rumus_tampil": rumus_tampil,
            "rumus_masalah": rumus_masalah,
            "target": list(Target.objects.filter(indikator=ind)),
            "induk": list(ind.induk.select_related("sasaran__jabatan")),
            "pendukung": list(
                ind.pendukung.select_related("sasaran__jabatan").order_by("sasaran__jabatan__urutan", "urutan")
            ),
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, dokumen.instansi),
        },
    )


def _tolak_bila_terkunci(request, dokumen):
    """A decreed document is read-only: say so and send the user back instead of showing a form."""
    if dokumen.terkunci:
        messages.error(request, "Dokumen ini sudah ditetapkan dan tidak dapat diubah. Buat revisi untuk mengubahnya.")
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    return None


def _isian_indikator(request, dokumen, sasaran, ind=None):
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    if tolak := _tolak_bila_terkunci(request, dokumen):
        return tolak
    target = Target.objects.filter(indikator=ind, periode="TAHUN").first() if ind else None
    awal = {"induk": list(ind.induk.all()) if ind else [], "penanggung_jawab": sasaran.jabatan}
    if ind:
        awal |= {nama: getattr(ind, nama) for nama in FormIndikator.BIDANG_INDIKATOR}
    if target:
        awal |= {"target": target.nilai, "target_hi": target.nilai_hi}
    data = request.POST if request.method == "POST" else None
    form = FormIndikator(
        data,
        initial=awal,
        induk_pilihan=layanan.pilihan_induk(dokumen, sasaran.jabatan),
        jabatan_pilihan=Jabatan.objects.filter(instansi_id=dokumen.instansi_id),
    )
    formset = FormsetVariabel(
        data,
        instance=ind or Indikator(sasaran=sasaran),
        konstanta=layanan.pilihan_konstanta(dokumen),
        prefix="variabel",
    )
    if data is not None and form.is_valid() and formset.is_valid():
        for masalah in rumus.validate(form.cleaned_data["ekspresi"], formset.kode_aktif()):
            form.add_error("ekspresi", masalah)
        if form.is_valid():
            try:
                tersimpan = _simpan_indikator(request.user, sasaran, ind, form, formset, target)
            except DokumenTerkunci as exc:
                messages.error(request, exc.messages[0])
                return redirect("web:dokumen", dokumen_id=dokumen.pk)
            except ValidationError as exc:
                tampilkan_galat(form, exc)
            else:
                messages.success(request, "Indikator tersimpan.")
                return redirect("web:indikator", indikator_id=tersimpan.pk)
    return render(
        request,
        "web/indikator_form.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "sasaran": sasaran,
            "indikator": ind,
            "form": form,
            "formset": formset,
            "ada_konstanta": layanan.pilihan_konstanta(dokumen).exists(),
        },
    )


@transaction.atomic
def _simpan_indikator(pengguna, sasaran, ind, form, formset, target):
    """The indicator through the catalogue service, then its annual target through the target service."""
    data = form.cleaned_data
    isi = {nama: data[nama] for nama in FormIndikator.BIDANG_INDIKATOR}
    isi["penanggung_jawab"] = data["penanggung_jawab"] or sasaran.jabatan
    ind = layanan.simpan_indikator(
        pengguna, sasaran, isi, formset.baris_variabel(), indikator=ind, induk=list(data["induk"])
    )
    lama_target = (target.nilai, target.nilai_hi) if target else (None, None)
    if (data["target"], data["target_hi"]) != lama_target:
        simpan_target(pengguna, ind, "TAHUN", data["target"], data["target_hi"])  # audits itself
    return ind


@login_required
def ubah_indikator(request, indikator_id):
    ind = akses.indikator_atau_404(request.user, indikator_id)
    return _isian_indikator(request, ind.sasaran.dokumen, ind.sasaran, ind)


@login_required
def tambah_indikator(request, sasaran_id):
    sasaran = akses.sasaran_atau_404(request.user, sasaran_id)
    return _isian_indikator(request, sasaran.dokumen, sasaran)


@login_required
@require_POST
def hapus_indikator(request, indikator_id):
    ind = akses.indikator_atau_404(request.user, indikator_id)
    dokumen = ind.sasaran.dokumen
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    if tolak := _tolak_bila_terkunci(request, dokumen):
        return tolak
    try:
        layanan.hapus_indikator(request.user, ind)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Indikator dihapus.")
    return redirect("web:dokumen", dokumen_id=dokumen.pk)


@login_required
def target_indikator(request, indikator_id):
    """Annual and cumulative quarterly targets; the annual one only while the document is a draft."""
    ind = akses.indikator_atau_404(request.user, indikator_id)
    dokumen = ind.sasaran.dokumen
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    awal = {}
    for t in Target.objects.filter(indikator=ind):
        awal |= {f"{t.periode}-nilai": t.nilai, f"{t.periode}-nilai_hi": t.nilai_hi}
    form = FormTarget(request.POST or None, initial=awal, tahunan_terkunci=dokumen.terkunci)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # all periods or none
                peringatan = []
                for periode, (nilai, nilai_hi) in form.berubah().items():
                    _, peringatan = simpan_target(request.user, ind, periode, nilai, nilai_hi)
        except ValidationError as exc:
            for pesan in exc.messages:
                form.add_error(None, pesan)
        else:
            messages.success(request, "Target tersimpan.")
            for pesan in peringatan:
                messages.warning(request, pesan)
            return redirect("web:indikator", indikator_id=ind.pk)
    return render(
        request,
        "web/target_form.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "indikator": ind,
            "form": form,
            "peringatan": peringatan_target_indikator(ind),
        },
    )


@login_required
@require_GET
def periksa_rumus(request, dokumen_id):
    """htmx: check the formula being typed against the variable codes in the same form."""
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    teks = request.GET.get("ekspresi", "")
    kode, labels = [], {}
    for nama, nilai in request.GET.items():
        if nama.startswith("variabel-") and nama.endswith("-kode") and nilai.strip():
            awalan = nama.removesuffix("kode")
            if request.GET.get(awalan + "DELETE"):
                continue
            kode.append(nilai.strip())
            labels[nilai.strip()] = request.GET.get(awalan + "uraian", "").strip()
    masalah = rumus.validate(teks, kode) if teks.strip() else ["Rumus belum diisi."]
    pratinjau = None if masalah else rumus_pecahan(teks, labels)
    return render(request, "web/_periksa_rumus.html", {"masalah": masalah, "pratinjau": pratinjau})


@login_required
def ubah_dokumen(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    if tolak := _tolak_bila_terkunci(request, dokumen):
        return tolak
    form = FormDokumen(request.POST or None, instance=dokumen)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            catat(
                request.user,
                "ubah_dokumen",
                dokumen,
                perubahan={
                    nama: [str(form.initial.get(nama) or ""), str(form.cleaned_data[nama] or "")]
                    for nama in form.changed_data
                },
            )
        messages.success(request, "Data SK tersimpan.")
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    return render(request, "web/dokumen_form.html", {"instansi": dokumen.instansi, "dokumen": dokumen, "form": form})


@login_required
@require_POST
def buat_revisi(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        baru = layanan.buat_revisi(dokumen, request.user)
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
        return redirect("web:katalog", instansi_id=dokumen.instansi_id)
    messages.success(request, f"Revisi {baru.revisi} dibuat sebagai draft; ubah lalu tetapkan kembali.")
    return redirect("web:dokumen", dokumen_id=baru.pk)
