"""The planner's year: decree a draft with its own SK after seeing what changed, the diff between any
two documents (page and PDF), next year's draft, and the target grid (rencana aksi) per jabatan.

Thin views: the rules and writes are in kinerja.iki.layanan (tetapkan), kinerja.iki.tahun_baru,
kinerja.iki.beda and kinerja.realisasi.target.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from kinerja import rumus
from kinerja.akun import lingkup
from kinerja.format import format_angka, format_tanggal
from kinerja.iki import beda as beda_mod
from kinerja.iki import layanan, tahun_baru
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.laporan.pecahan import pecahan_html
from kinerja.organisasi.models import Penugasan
from kinerja.pengukuran import rencana_aksi
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import Target
from kinerja.realisasi.target import (
    PERIODE_TARGET,
    pembanding_tahun_lalu,
    peringatan_target_banyak,
    simpan_target_jabatan,
)
from kinerja.telaah.layanan import catat_konfirmasi_penetapan, temuan_galat_terbuka

from .. import akses
from ..umum import urut_pohon

# --- decree -----------------------------------------------------------------------------------


def _penugasan_kepala(dokumen: DokumenIKI):
    """Assignments to the head jabatan during the document's year or the year before (when an SK
    for next year is signed): whoever may sign its SK."""
    awal, akhir = date(dokumen.tahun - 1, 1, 1), date(dokumen.tahun, 12, 31)
    return (
        Penugasan.objects.filter(jabatan__instansi_id=dokumen.instansi_id, jabatan__atasan__isnull=True)
        .filter(mulai__lte=akhir)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=awal))
        .select_related("pegawai", "jabatan")
        .order_by("-mulai")
    )


class FormPenetapan(forms.Form):
    sk_nomor = forms.CharField(label="Nomor SK", max_length=120, help_text="Setiap revisi memakai nomor SK sendiri.")
    sk_tanggal = forms.DateField(label="Tanggal SK", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    sk_tempat = forms.CharField(label="Ditetapkan di", max_length=80, help_text="mis. nama ibu kota kecamatan")
    penandatangan = forms.TypedChoiceField(label="Penandatangan", coerce=int, empty_value=None)

    def __init__(self, *args, penugasan=(), **kwargs):
        super().__init__(*args, **kwargs)
        pilihan, terlihat = [("", "— pilih pemegang jabatan kepala —")], set()
        for p in penugasan:
            if p.pegawai_id in terlihat:
                continue
            terlihat.add(p.pegawai_id)
            judul = {"plt": "Plt. ", "plh": "Plh. "}.get(p.jenis, "") + p.jabatan.nama
            nip = f", NIP {p.pegawai.nip_tampil}" if p.pegawai.nip else ""
            pilihan.append((p.pegawai_id, f"{p.pegawai.nama} — {judul}{nip}"))
        self.fields["penandatangan"].choices = pilihan
        self.fields["penandatangan"].error_messages["invalid_choice"] = "Pilih penandatangan dari daftar."
        for nama, field in self.fields.items():
            field.error_messages["required"] = {
                "sk_nomor": "Nomor SK wajib diisi.",
                "sk_tanggal": "Tanggal SK wajib diisi.",
                "sk_tempat": "Tempat penetapan wajib diisi.",
                "penandatangan": "Pilih penandatangan SK.",
            }[nama]
        self.fields["sk_tanggal"].error_messages["invalid"] = "Tanggal SK tidak sah."


def _pembanding(dokumen: DokumenIKI) -> DokumenIKI | None:
    """What a draft is compared with before its decree: the revision in force of its year, else (a new
    year) last year's document in force."""
    berlaku = dokumen_berlaku(dokumen.instansi_id, dokumen.tahun)
    if berlaku is not None and berlaku.pk != dokumen.pk:
        return berlaku
    return dokumen_berlaku(dokumen.instansi_id, dokumen.tahun - 1)


def _pembanding_dari_daftar(dokumen: DokumenIKI, semua: list[DokumenIKI]) -> DokumenIKI | None:
    """_pembanding read from the instansi's documents already loaded (newest first): the revision this
    one was made from, else the one in force of its year, else last year's, else the one before it."""
    sebelum = [d for d in semua if (d.tahun, d.revisi) < (dokumen.tahun, dokumen.revisi)]
    for syarat in (
        lambda d: d.pk == dokumen.revisi_dari_id,
        lambda d: d.terkunci and d.tahun == dokumen.tahun,
        lambda d: d.terkunci and d.tahun == dokumen.tahun - 1,
        lambda d: True,
    ):
        if pilihan := next((d for d in sebelum if syarat(d)), None):
            return pilihan
    # A draft compared with the revision in force that came after its own (none before it).
    return next((d for d in semua if d.terkunci and d.tahun == dokumen.tahun and d.pk != dokumen.pk), None)


@login_required
def tetapkan(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    if dokumen.terkunci:
        messages.error(request, "Dokumen ini sudah ditetapkan dan tidak dapat diubah. Buat revisi untuk mengubahnya.")
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    penugasan = list(_penugasan_kepala(dokumen))
    awal = {
        "sk_nomor": "" if layanan.pemakai_nomor_sk(dokumen, dokumen.sk_nomor) else dokumen.sk_nomor,
        "sk_tanggal": dokumen.sk_tanggal,
        "sk_tempat": dokumen.sk_tempat or dokumen.instansi.nama_wilayah,
        "penandatangan": next((p.pegawai_id for p in penugasan if p.pegawai.nama == dokumen.sk_penandatangan), None),
    }
    form = FormPenetapan(request.POST if request.method == "POST" else None, initial=awal, penugasan=penugasan)
    galat_terbuka = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        dikonfirmasi = request.POST.get("konfirmasi_galat") == "1"
        alasan = request.POST.get("alasan_galat", "").strip()
        try:
            with transaction.atomic():
                layanan.tetapkan(
                    dokumen,
                    request.user,
                    sk_nomor=data["sk_nomor"],
                    sk_tanggal=data["sk_tanggal"],
                    sk_tempat=data["sk_tempat"],
                    penandatangan=data["penandatangan"],
                )
                # Open quality errors (galat) are no block, but decreeing over them is confirmed and
                # recorded; checked once the SK itself is valid, and undone with it when unconfirmed.
                dokumen.refresh_from_db()  # with the SK just written
                galat_terbuka = temuan_galat_terbuka(dokumen)
                if galat_terbuka and not (dikonfirmasi and alasan):
                    raise ValidationError(
                        f"Masih ada {len(galat_terbuka)} galat mutu yang belum diperbaiki atau diabaikan. "
                        "Perbaiki dulu, atau centang konfirmasi dan tulis alasannya untuk tetap menetapkan."
                    )
                if galat_terbuka:
                    catat_konfirmasi_penetapan(dokumen, request.user, alasan)
        except ValidationError as exc:
            dokumen.refresh_from_db()  # the decree was rolled back; show the draft as it is
            if hasattr(exc, "error_dict"):
                for nama, daftar in exc.message_dict.items():
                    form.add_error(nama if nama in form.fields else None, daftar)
            else:
                for pesan in exc.messages:
                    form.add_error(None, pesan)
        else:
            messages.success(
                request, f"Dokumen IKI {dokumen.tahun} revisi {dokumen.revisi} ditetapkan dengan SK {data['sk_nomor']}."
            )
            return redirect("web:dokumen", dokumen_id=dokumen.pk)
    masalah = [m for m in layanan.masalah_penetapan(dokumen) if not m.startswith(("Nomor SK", "Tanggal SK"))]
    pembanding = _pembanding(dokumen)
    return render(
        request,
        "web/tetapkan.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "form": form,
            "masalah": masalah,
            "galat_terbuka": galat_terbuka,
            "pembanding": pembanding,
            # The diff itself is loaded into the page by htmx from the perubahan view (sebagian=1).
            "judul_pembanding": _judul_dokumen(pembanding) if pembanding else "",
        },
    )


# --- diff ---------------------------------------------------------------------------------------


def _pecahan(r: beda_mod.Rumus | None) -> str:
    if r is None or not r.ekspresi:
        return mark_safe("<em>(rumus belum diisi)</em>")
    try:
        return mark_safe(pecahan_html(r.ekspresi, r.label))
    except rumus.RumusError:
        return r.ekspresi


def _teks_target(nilai) -> str:
    if not nilai or nilai[0] is None:
        return "–"
    lo = Decimal(nilai[0]).normalize()
    hi = None if nilai[1] is None else Decimal(nilai[1]).normalize()
    tulis = lambda x: format_angka(x, max(0, -x.as_tuple().exponent))  # noqa: E731
    return f"{tulis(lo)}–{tulis(hi)}" if hi is not None else tulis(lo)


_PERIODE_LABEL = {
    "TAHUN": "Tahunan",
    "TW1": "s.d. TW I",
    "TW2": "s.d. TW II",
    "TW3": "s.d. TW III",
    "TW4": "s.d. TW IV",
}


def _judul_dokumen(dokumen: DokumenIKI) -> str:
    return f"IKI {dokumen.tahun} revisi {dokumen.revisi}"


def _tampil_beda(lama: DokumenIKI, baru: DokumenIKI) -> dict:
    """The diff of two documents, ready for the templates (formulas as fractions, numbers the Indonesian way)."""
    hasil = beda_mod.bandingkan(layanan.isi_beda(lama), layanan.isi_beda(baru))
    indikator = []
    for b in hasil.indikator:
        indikator.append(
            {
                "b": b,
                "rumus_lama": _pecahan(b.rumus_lama) if b.rumus_baru else None,
                "rumus_baru": _pecahan(b.rumus_baru) if b.rumus_baru else None,
                "target": [(_PERIODE_LABEL.get(p, p), _teks_target(a), _teks_target(z)) for p, a, z in b.target],
            }
        )
    bagian = [
        (len(hasil.jabatan_tambah) + len(hasil.jabatan_hapus) + len(hasil.jabatan), "jabatan berubah"),
        (len(hasil.indikator_tambah), "indikator ditambah"),
        (len(hasil.indikator_hapus), "indikator dihapus"),
        (len(hasil.rumus_berubah), "rumus berubah"),
        (len(hasil.target_berubah), "indikator dengan target berubah"),
    ]
    ringkasan = ", ".join(f"{n} {apa}" for n, apa in bagian if n) or "tidak ada perubahan isi"
    sk = []
    for judul, a, z in hasil.sk:
        if judul == "Tanggal SK":
            a = format_tanggal(date.fromisoformat(a)) if a else ""
            z = format_tanggal(date.fromisoformat(z)) if z else ""
        sk.append((judul, a, z))
    return {
        "lama": lama,
        "baru": baru,
        "judul_lama": _judul_dokumen(lama),
        "judul_baru": _judul_dokumen(baru),
        "hasil": hasil,
        "ganti": [i for i in indikator if i["b"].nama_lama or i["b"].lain],
        "rumus": [i for i in indikator if i["rumus_baru"] is not None],
        "target": [i for i in indikator if i["target"]],
        "sk": sk,
        "ringkasan": ringkasan,
    }


def _dokumen_instansi(user, dokumen: DokumenIKI, pk) -> DokumenIKI:
    try:
        lain = akses.dokumen_atau_404(user, int(pk))
    except (TypeError, ValueError):
        raise Http404 from None
    if lain.instansi_id != dokumen.instansi_id:
        raise Http404
    return lain


@login_required
@require_GET
def perubahan(request, dokumen_id):
    """What changed from one document (``dari``, by default the one before) to this one; ``format=pdf`` downloads it."""
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    sebagian = request.GET.get("sebagian") == "1"  # only the diff, for the decree page
    semua = (
        []
        if sebagian
        else list(DokumenIKI.objects.filter(instansi_id=dokumen.instansi_id).order_by("-tahun", "-revisi"))
    )
    if request.GET.get("dari"):
        dari = _dokumen_instansi(request.user, dokumen, request.GET["dari"])
    elif semua:
        dari = _pembanding_dari_daftar(dokumen, semua)
    else:
        dari = (dokumen.revisi_dari if dokumen.revisi_dari_id else None) or _pembanding(dokumen)
    konteks = {
        "instansi": dokumen.instansi,
        "dokumen": dokumen,
        "semua": semua,
        "dari": dari,
        "beda": _tampil_beda(dari, dokumen) if dari else None,
    }
    if request.GET.get("format") == "pdf" and dari is not None:
        from kinerja.laporan.pdf import ke_pdf

        html = render_to_string("web/perubahan_pdf.html", konteks)
        nama = f"perubahan-iki-{dokumen.tahun}-rev{dari.revisi}-ke-rev{dokumen.revisi}.pdf"
        if dari.tahun != dokumen.tahun:
            nama = f"perubahan-iki-{dari.tahun}-rev{dari.revisi}-ke-{dokumen.tahun}-rev{dokumen.revisi}.pdf"
        respons = HttpResponse(ke_pdf(html), content_type="application/pdf")
        respons["Content-Disposition"] = f'attachment; filename="{nama}"'
        return respons
    if sebagian:
        return render(request, "web/_perubahan_sebagian.html", konteks)
    return render(request, "web/perubahan.html", konteks)


# --- next year ------------------------------------------------------------------------------------


@login_required
@require_POST
def mulai_tahun_baru(request, dokumen_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    akses.wajib_kelola_katalog(request.user, dokumen.instansi)
    try:
        baru = tahun_baru.mulai_tahun_baru(dokumen, request.user)
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    messages.success(
        request,
        f"Draft IKI {baru.tahun} dibuat dari IKI {dokumen.tahun} revisi {dokumen.revisi}. "
        "Isi targetnya; target dan realisasi tahun lalu ditampilkan sebagai pembanding.",
    )
    return redirect("web:target_jabatan", dokumen_id=baru.pk)


# --- target grid -------------------------------------------------------------------------------------


def sel_target(lo, hi) -> str:
    """A stored target (or range) as a grid cell shows it, every decimal kept; "" without one."""
    if lo is None:
        return ""
    return _teks_target([str(lo), None if hi is None else str(hi)])


@login_required
def target_jabatan(request, dokumen_id):
    """All targets of a jabatan's indicators in one grid: annual and cumulative per triwulan."""
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    instansi = dokumen.instansi
    akses.wajib_kelola_katalog(request.user, instansi)
    semua = list(
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    jabatan_dokumen = {ind.sasaran.jabatan_id: ind.sasaran.jabatan for ind in semua}
    pilihan = [j for j, _ in urut_pohon(sorted(jabatan_dokumen.values(), key=lambda j: (j.urutan, j.nama)))]
    if not pilihan:
        messages.error(request, "Dokumen ini belum memiliki indikator; tambahkan sasaran dan indikator lebih dahulu.")
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    jabatan = next((j for j in pilihan if str(j.pk) == (request.POST or request.GET).get("jabatan")), pilihan[0])
    indikator = [ind for ind in semua if ind.sasaran.jabatan_id == jabatan.pk]
    galat, peringatan = {}, {}
    if request.method == "POST":
        isian = {}
        for ind in indikator:
            for periode in PERIODE_TARGET:
                nama = f"t-{ind.pk}-{periode}"
                if nama in request.POST:
                    isian[(ind.pk, periode)] = request.POST[nama]
        try:
            peringatan = simpan_target_jabatan(request.user, dokumen, jabatan, isian)
        except ValidationError as exc:
            galat = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            messages.error(request, "Target belum disimpan: perbaiki isian yang ditandai. Tidak ada yang berubah.")
        else:
            messages.success(request, f"Target {jabatan.nama} tersimpan.")
            if any(peringatan.values()):
                messages.warning(request, "Ada peringatan target; lihat keterangan di bawah indikatornya.")
            return redirect(f"{request.path}?jabatan={jabatan.pk}")
    daftar_target = list(Target.objects.filter(indikator__in=indikator))
    target = {(t.indikator_id, t.periode): t for t in daftar_target}
    lalu = pembanding_tahun_lalu(dokumen, indikator)
    if not peringatan:
        peringatan = peringatan_target_banyak(indikator, daftar_target)
    baris, sasaran_lalu = [], None
    for ind in indikator:
        sel = []
        for periode in PERIODE_TARGET:
            nama = f"t-{ind.pk}-{periode}"
            t = target.get((ind.pk, periode))
            nilai = (
                request.POST[nama] if galat and nama in request.POST else (sel_target(t.nilai, t.nilai_hi) if t else "")
            )
            sel.append(
                {
                    "nama": nama,
                    "periode": periode,
                    "label": _PERIODE_LABEL[periode],
                    "nilai": nilai,
                    "galat": galat.get(f"{ind.pk}-{periode}", []),
                    "terkunci": periode == "TAHUN" and dokumen.terkunci,
                }
            )
        pembanding = lalu.get(ind.pk) or {}
        t_lalu, r_lalu = pembanding.get("target"), pembanding.get("realisasi")
        baris.append(
            {
                "indikator": ind,
                "sasaran_baru": ind.sasaran_id != sasaran_lalu,
                "sel": sel,
                "target_lalu": rencana_aksi.teks_target(t_lalu) if t_lalu else "–",
                "realisasi_lalu": format_angka(r_lalu) if r_lalu is not None else "–",
                "peringatan": peringatan.get(ind.pk, []),
            }
        )
        sasaran_lalu = ind.sasaran_id
    return render(
        request,
        "web/target_jabatan.html",
        {
            "instansi": instansi,
            "dokumen": dokumen,
            "jabatan": jabatan,
            "pilihan": pilihan,
            "baris": baris,
            "periode": [_PERIODE_LABEL[p] for p in PERIODE_TARGET],
            "galat_umum": galat.get("", []) + galat.get("__all__", []),
            "ada_tahun_lalu": bool(lalu),
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
        },
    )
