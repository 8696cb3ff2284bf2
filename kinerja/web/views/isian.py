"""Isian Realisasi: entering a jabatan's values for a quarter, evidence files, and the workflow
(ajukan → verifikasi or kembalikan → sahkan, buka kembali). Every write goes through
kinerja.realisasi.layanan, which checks the rights, the entry window and the workflow again."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja import rumus
from kinerja.akun import lingkup
from kinerja.iki.models import Indikator, Variabel
from kinerja.organisasi.models import Jabatan
from kinerja.pengukuran import LABEL_TURUNAN, SKALA
from kinerja.realisasi import layanan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import HasilIndikator, hitung_objek
from kinerja.realisasi.models import BuktiDukung, IsianPeriode, NilaiVariabel
from kinerja.realisasi.periode import PERIODE_ISIAN, jendela_isian

from .. import akses
from ..forms import FormAlasan
from ..ringkasan import matriks_isian
from ..rumus_html import rumus_pecahan
from ..umum import tahun_tersedia, warna_teks

Status = IsianPeriode.Status


# --- the overview: every jabatan × quarter, and the queues -----------------------------------


def pilih_tahun(request, instansi) -> tuple[int | None, list[int]]:
    """The year asked for (?tahun=), else this year when it has a document, else the latest."""
    daftar = tahun_tersedia(instansi)
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun = None
    if tahun not in daftar:
        ini = timezone.localdate().year
        tahun = ini if ini in daftar else (daftar[0] if daftar else None)
    return tahun, daftar


@login_required
@require_GET
def ikhtisar(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    tahun, daftar_tahun = pilih_tahun(request, instansi)
    dokumen = dokumen_berlaku(instansi, tahun) if tahun else None
    baris, antre_verifikasi, antre_sahkan = [], [], []
    if dokumen:
        # One query for the user's jabatan instead of boleh_isi/boleh_verifikasi per row; same rule.
        dipegang = set(lingkup.jabatan_dipegang(request.user).values_list("pk", flat=True))
        for jabatan, sel in matriks_isian(dokumen):
            baris.append(
                {
                    "jabatan": jabatan,
                    "sel": sel,
                    "milik": jabatan.pk in dipegang,
                    "bawahan": jabatan.atasan_id in dipegang,
                }
            )
            for s in sel:
                if s.status == Status.DIAJUKAN and jabatan.atasan_id in dipegang:
                    antre_verifikasi.append(s)
                if s.status == Status.DIVERIFIKASI and lingkup.boleh_sahkan_isian(request.user, jabatan):
                    antre_sahkan.append(s)
    return render(
        request,
        "web/isian_ikhtisar.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "dokumen": dokumen,
            "baris": baris,
            "antre_verifikasi": antre_verifikasi,
            "antre_sahkan": antre_sahkan,
            "periode_list": PERIODE_ISIAN,
        },
    )


# --- one jabatan, one quarter ------------------------------------------------------------------


def _muat(request, dokumen_id, jabatan_id, periode, *, dengan_isian=True):
    """(dokumen, jabatan, isian or None), each inside the user's scope; 404 otherwise."""
    if periode not in PERIODE_ISIAN:
        raise Http404("Periode tidak dikenal.")
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    jabatan = (
        Jabatan.objects.filter(pk=jabatan_id, instansi_id=dokumen.instansi_id)
        .select_related("atasan", "instansi")
        .first()
    )
    if jabatan is None:
        raise Http404("Jabatan tidak ditemukan.")
    if not dengan_isian:
        return dokumen, jabatan, None
    isian = IsianPeriode.objects.filter(dokumen=dokumen, jabatan=jabatan, periode=periode).first()
    return dokumen, jabatan, isian


def _isian_tampil(dokumen, jabatan, periode, isian):
    """The stored report, or an unsaved draft standing in for it (a GET never creates rows)."""
    if isian is not None:
        isian.dokumen = dokumen
        return isian
    return IsianPeriode(
        dokumen=dokumen,
        jabatan=jabatan,
        periode=periode,
        status=Status.DRAFT,
        batas_waktu=jendela_isian(dokumen.tahun, periode)[1],
    )


def _terkunci_tanpa_isian(dokumen, jabatan, periode) -> str | None:
    """Why a report that does not exist yet could not be written: checked before creating its row."""
    return layanan.alasan_terkunci(_isian_tampil(dokumen, jabatan, periode, None))


@dataclass
class BarisVariabel:
    variabel: Variabel
    nilai: NilaiVariabel | None
    ketikan: str | None = None  # what the user typed, shown again when it was refused
    galat: str = ""
    tersimpan: bool = False

    @property
    def tetap(self) -> Decimal | None:
        """The fixed value or Konstanta of a variable that is not entered per period, else None."""
        if self.variabel.nilai_tetap is not None:
            return self.variabel.nilai_tetap
        return self.variabel.konstanta.nilai if self.variabel.konstanta_id else None

    @property
    def isian_teks(self) -> str:
        if self.ketikan is not None:
            return self.ketikan
        if self.nilai is None or self.nilai.nilai is None:
            return ""
        return format(self.nilai.nilai.normalize(), "f").replace(".", ",")

    @property
    def versi(self) -> int:
        return self.nilai.versi if self.nilai else 0


@dataclass
class BarisIndikator:
    indikator: Indikator
    variabel: list[BarisVariabel]
    dilaporkan: bool
    rumus_html: str = ""
    realisasi: rumus.Hasil | None = None
    target: tuple = (None, None)
    label_target: str = ""  # "target turunan" when derived pro rata from the annual target
    capaian: object = None
    predikat: object = None
    warna_teks: str = ""
    peringatan: list[str] = field(default_factory=list)


def _baris_indikator(ind, nilai, hasil: HasilIndikator | None, skala) -> BarisIndikator:
    """The indicator's realisasi for this one quarter and its capaian against the quarter's target,
    as kinerja.realisasi.hitung measures them."""
    variabel = [BarisVariabel(v, nilai.get(v.pk)) for v in ind.variabel.all()]
    baris = BarisIndikator(ind, variabel, hasil is not None and hasil.dilaporkan)
    if baris.dilaporkan:
        baris.realisasi, baris.capaian = hasil.realisasi, hasil.capaian
        baris.target = (hasil.target, hasil.target_hi)
        baris.label_target = LABEL_TURUNAN if hasil.target_turunan else ""
    labels = {b.variabel.kode: b.variabel.uraian for b in variabel}
    try:
        baris.rumus_html = rumus_pecahan(ind.ekspresi, labels) if ind.ekspresi else ""
    except rumus.RumusError:
        baris.rumus_html = ""
    if baris.capaian is not None and baris.capaian.nilai is not None:
        baris.predikat = skala.predikat_untuk(baris.capaian.nilai)
        baris.warna_teks = warna_teks(baris.predikat.warna)
    baris.peringatan = [p for b in variabel if b.nilai for p in b.nilai.peringatan]
    return baris


def _indikator_isian(dokumen, jabatan, periode, hanya=None) -> list[BarisIndikator]:
    qs = Indikator.objects.filter(sasaran__dokumen=dokumen, sasaran__jabatan=jabatan)
    if hanya is not None:
        qs = qs.filter(pk=hanya)
    indikator = list(
        qs.select_related("sasaran")
        .prefetch_related(Prefetch("variabel", Variabel.objects.select_related("konstanta")))
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    ids = [i.pk for i in indikator]
    nilai = {nv.variabel_id: nv for nv in NilaiVariabel.objects.filter(variabel__indikator__in=ids, periode=periode)}
    kode_skala = dokumen.instansi.pemda.skala_capaian
    hasil = hitung_objek(indikator, {v: nv.nilai for v, nv in nilai.items()}, periode, kode_skala)
    skala = SKALA[kode_skala]
    return [_baris_indikator(i, nilai, hasil.get(i.pk), skala) for i in indikator]


def _hak(user, dokumen, jabatan, isian) -> dict:
    instansi = dokumen.instansi
    hak = {
        "isi": lingkup.boleh_isi(user, jabatan),
        "verifikasi": lingkup.boleh_verifikasi(user, jabatan),
        "sahkan": lingkup.boleh_sahkan_isian(user, jabatan),
        "kelola": lingkup.boleh_kelola_katalog(user, instansi),
    }
    hak["alasan_terkunci"] = layanan.alasan_terkunci(isian)
    hak["ubah"] = hak["isi"] and hak["alasan_terkunci"] is None
    status = isian.status
    hak["ajukan"] = hak["ubah"] and status in (Status.DRAFT, Status.DIKEMBALIKAN)
    terlibat = (
        (hak["verifikasi"] or hak["sahkan"])
        and status in (Status.DIAJUKAN, Status.DIVERIFIKASI)
        and layanan.keterlibatan(user, isian)
    )
    hak["verifikasi_sekarang"] = hak["verifikasi"] and status == Status.DIAJUKAN and not terlibat
    hak["kembalikan_sekarang"] = (
        status == Status.DIAJUKAN
        and (hak["verifikasi"] or hak["sahkan"])
        or (status == Status.DIVERIFIKASI and hak["sahkan"])
    )
    hak["sahkan_sekarang"] = hak["sahkan"] and status == Status.DIVERIFIKASI and not terlibat
    hak["buka_sekarang"] = hak["kelola"] and isian.pk is not None
    return hak


def _halaman(request, dokumen, jabatan, periode, isian, indikator=None, status=200):
    isian = _isian_tampil(dokumen, jabatan, periode, isian)
    indikator = indikator if indikator is not None else _indikator_isian(dokumen, jabatan, periode)
    pemegang = jabatan.pemegang()
    return render(
        request,
        "web/isian.html",
        {
            "instansi": dokumen.instansi,
            "dokumen": dokumen,
            "jabatan": jabatan,
            "periode": periode,
            "isian": isian,
            "indikator_list": indikator,
            "hak": _hak(request.user, dokumen, jabatan, isian),
            "pemegang": pemegang,
            "bukti_list": list(isian.bukti.all()) if isian.pk else [],
            "form_bukti": FormBukti(),
            "periode_list": PERIODE_ISIAN,
        },
        status=status,
    )


def _simpan(user, baris_variabel: BarisVariabel, periode, teks: str, versi_teks: str) -> bool:
    """Save one typed value through the service; on refusal keep the text and the reason. True if saved."""
    try:
        versi = int(versi_teks)
    except (TypeError, ValueError):
        versi = None
    try:
        baris_variabel.nilai = layanan.simpan_nilai(user, baris_variabel.variabel, periode, teks, versi=versi)
    except PermissionDenied as exc:
        baris_variabel.ketikan, baris_variabel.galat = teks, str(exc) or "Anda tidak berhak mengisi nilai ini."
    except ValidationError as exc:
        baris_variabel.ketikan, baris_variabel.galat = teks, " ".join(exc.messages)
    else:
        return True
    return False


def _berubah(baris_variabel: BarisVariabel, teks: str) -> bool:
    lama = baris_variabel.nilai.nilai if baris_variabel.nilai else None
    try:
        return layanan.bersihkan_nilai(teks) != lama
    except ValidationError:
        return True  # let the service refuse it with its message


@login_required
@require_http_methods(["GET", "POST"])
def isian(request, dokumen_id, jabatan_id, periode):
    dokumen, jabatan, isian_ = _muat(request, dokumen_id, jabatan_id, periode)
    if request.method == "GET":
        return _halaman(request, dokumen, jabatan, periode, isian_)
    # Without JavaScript the whole form comes at once: save what changed, report what was refused.
    indikator = _indikator_isian(dokumen, jabatan, periode)
    tersimpan, gagal = 0, 0
    for baris in indikator:
        if not baris.dilaporkan:
            continue
        for bv in baris.variabel:
            teks = request.POST.get(f"nilai-{bv.variabel.pk}")
            if bv.tetap is not None or teks is None or not _berubah(bv, teks):
                continue
            if _simpan(request.user, bv, periode, teks, request.POST.get(f"versi-{bv.variabel.pk}")):
                tersimpan += 1
            else:
                gagal += 1
    if gagal:
        messages.error(request, f"{gagal} nilai tidak tersimpan; lihat keterangan pada isian yang ditandai.")
        isian_ = IsianPeriode.objects.filter(dokumen=dokumen, jabatan=jabatan, periode=periode).first()
        # Recompute with what was stored, keeping the refused texts beside it.
        segar = {b.indikator.pk: b for b in _indikator_isian(dokumen, jabatan, periode)}
        for baris in indikator:
            ditolak = {bv.variabel.pk: bv for bv in baris.variabel if bv.galat}
            for bv in segar[baris.indikator.pk].variabel:
                if bv.variabel.pk in ditolak:
                    bv.ketikan, bv.galat = ditolak[bv.variabel.pk].ketikan, ditolak[bv.variabel.pk].galat
        return _halaman(request, dokumen, jabatan, periode, isian_, list(segar.values()), status=422)
    messages.success(request, f"{tersimpan} nilai tersimpan." if tersimpan else "Tidak ada nilai yang berubah.")
    return redirect(request.path)


@login_required
@require_POST
def simpan_nilai(request, dokumen_id, jabatan_id, periode, variabel_id):
    """htmx: save one value when its field changes; answer with the indicator's block recomputed."""
    dokumen, jabatan, _ = _muat(request, dokumen_id, jabatan_id, periode, dengan_isian=False)
    variabel = (
        Variabel.objects.filter(
            pk=variabel_id, indikator__sasaran__dokumen=dokumen, indikator__sasaran__jabatan=jabatan
        )
        .select_related("konstanta")
        .first()
    )
    if variabel is None:
        raise Http404("Variabel tidak ditemukan.")
    dikirim = BarisVariabel(variabel, None)
    disimpan = _simpan(
        request.user,
        dikirim,
        periode,
        request.POST.get(f"nilai-{variabel.pk}", ""),
        request.POST.get(f"versi-{variabel.pk}"),
    )
    # Recompute from what is stored now (somebody else may have saved the indicator's other values).
    [baris] = _indikator_isian(dokumen, jabatan, periode, hanya=variabel.indikator_id)
    bv = next(b for b in baris.variabel if b.variabel.pk == variabel.pk)
    bv.tersimpan = disimpan
    if not disimpan:
        bv.ketikan, bv.galat = dikirim.ketikan, dikirim.galat
    return render(
        request,
        "web/_isian_respons.html",
        {
            "b": baris,
            "bv": bv,
            "dokumen": dokumen,
            "jabatan": jabatan,
            "periode": periode,
            "hak": {"ubah": True},
        },
    )


# --- workflow ------------------------------------------------------------------------------------


_AKSI = {
    "ajukan": (layanan.ajukan, False, "Isian diajukan untuk diverifikasi atasan."),
    "verifikasi": (layanan.verifikasi, False, "Isian diverifikasi."),
    "kembalikan": (layanan.kembalikan, True, "Isian dikembalikan untuk diperbaiki."),
    "sahkan": (layanan.sahkan, False, "Isian disahkan."),
    "buka_kembali": (layanan.buka_kembali, True, "Isian dibuka kembali untuk diperbaiki."),
}


@login_required
@require_POST
def aksi(request, dokumen_id, jabatan_id, periode, aksi):
    dokumen, jabatan, isian_ = _muat(request, dokumen_id, jabatan_id, periode)
    fungsi, perlu_alasan, pesan = _AKSI[aksi]
    if isian_ is None:
        if aksi != "ajukan" or not lingkup.boleh_isi(request.user, jabatan):
            messages.error(request, "Belum ada isian untuk jabatan dan periode ini.")
            return redirect("web:isian", dokumen.pk, jabatan.pk, periode)
        if terkunci := _terkunci_tanpa_isian(dokumen, jabatan, periode):
            messages.error(request, terkunci)
            return redirect("web:isian", dokumen.pk, jabatan.pk, periode)
        isian_ = layanan.isian_periode(dokumen, jabatan, periode)
    argumen = []
    if perlu_alasan:
        form = FormAlasan(request.POST)
        if not form.is_valid():
            messages.error(request, "Alasan wajib diisi.")
            return redirect("web:isian", dokumen.pk, jabatan.pk, periode)
        argumen.append(form.cleaned_data["alasan"])
    try:
        fungsi(request.user, isian_, *argumen)
    except ValidationError as exc:
        for teks in exc.messages:
            messages.error(request, teks)
    else:
        messages.success(request, pesan)
    kembali = request.POST.get("kembali", "")
    if kembali == "ikhtisar":
        return redirect("web:isian_instansi", dokumen.instansi_id)
    return redirect("web:isian", dokumen.pk, jabatan.pk, periode)


# --- evidence files ------------------------------------------------------------------------------


class FormBukti(forms.Form):
    berkas = forms.FileField(
        label="Berkas bukti dukung", help_text="PDF, JPG, PNG, XLSX atau DOCX, paling besar 10 MB."
    )


@login_required
@require_POST
def unggah_bukti(request, dokumen_id, jabatan_id, periode):
    dokumen, jabatan, isian_ = _muat(request, dokumen_id, jabatan_id, periode)
    if not lingkup.boleh_isi(request.user, jabatan):
        raise PermissionDenied(f"Hanya pemegang jabatan {jabatan} yang dapat mengunggah bukti dukung.")
    form = FormBukti(request.POST, request.FILES)
    terkunci = _terkunci_tanpa_isian(dokumen, jabatan, periode) if isian_ is None else None
    if not form.is_valid():
        messages.error(request, "Pilih berkas yang akan diunggah.")
    elif terkunci:
        messages.error(request, terkunci)
    else:
        try:
            bukti = layanan.simpan_bukti(
                request.user, isian_ or layanan.isian_periode(dokumen, jabatan, periode), form.cleaned_data["berkas"]
            )
        except ValidationError as exc:
            for teks in exc.messages:
                messages.error(request, teks)
        else:
            messages.success(request, f"Bukti dukung “{bukti.nama_asli}” tersimpan.")
    return redirect(reverse("web:isian", args=[dokumen.pk, jabatan.pk, periode]) + "#bukti")


_JENIS_KONTEN = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@login_required
@require_GET
def unduh_bukti(request, bukti_id):
    bukti = BuktiDukung.objects.select_related("isian__dokumen__instansi__pemda").filter(pk=bukti_id).first()
    if bukti is None or not lingkup.boleh_lihat(request.user, bukti.isian.dokumen.instansi):
        raise Http404("Bukti dukung tidak ditemukan.")
    berkas = layanan.buka_bukti(request.user, bukti)
    return FileResponse(
        berkas, as_attachment=True, filename=bukti.nama_asli, content_type=_JENIS_KONTEN.get(bukti.jenis)
    )
