"""Keeping the catalogue from the browser: the organisation (unit kerja, jabatan), pegawai and their
penugasan, konstanta, a new document, tujuan and sasaran. Each view loads with the scope checked
(kinerja.web.akses: another office's ids are 404), lets only catalogue keepers write, and calls one
service; the service's messages come back beside the field they name."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja import format as fmt
from kinerja.akun import lingkup
from kinerja.iki import layanan as iki
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Tujuan
from kinerja.organisasi import layanan as organisasi
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan, UnitKerja
from kinerja.realisasi.berlaku import dokumen_berlaku

from .. import akses
from ..forms_katalog import (
    FormDokumenBaru,
    FormJabatan,
    FormKonstanta,
    FormPegawai,
    FormPegawaiBaru,
    FormPenugasan,
    FormSasaran,
    FormTujuan,
    FormUnitKerja,
    tampilkan_galat,
)
from ..umum import urut_pohon

# ------------------------------------------------------------------------------------------------
# Loaders: the object with its instansi, or 404 outside the user's scope.


_unit_kerja = akses.unit_kerja_atau_404
_penugasan = akses.penugasan_atau_404
_konstanta = akses.konstanta_atau_404
_tujuan = akses.tujuan_atau_404


def _pegawai(user, instansi, pk) -> Pegawai:
    """A pegawai of this instansi: one assigned (now or before) to one of its jabatan."""
    pegawai = organisasi.pegawai_instansi(instansi).filter(pk=pk).first()
    if pegawai is None:
        raise Http404("Pegawai tidak ditemukan di instansi ini.")
    return pegawai


def _kelola(request, instansi):
    akses.wajib_kelola_katalog(request.user, instansi)


def _halaman_form(request, form, simpan, *, judul, instansi, kembali, pesan, remah=(), keterangan="", hapus=None):
    """GET shows the form; a valid POST calls ``simpan(cleaned_data)`` and goes to the URL it returns."""
    if request.method == "POST" and form.is_valid():
        try:
            tujuan = simpan(form.cleaned_data)
        except ValidationError as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, pesan)
            return redirect(tujuan)
    return render(
        request,
        "web/kelola_form.html",
        {
            "instansi": instansi,
            "form": form,
            "judul": judul,
            "kembali": kembali,
            "remah": remah,
            "keterangan": keterangan,
            "hapus": hapus,
        },
    )


def _hapus(request, hapus, berhasil: str, kembali: str, gagal: str | None = None):
    """POST only: call the service's delete; its refusal is shown on the page the user came back to."""
    try:
        hapus()
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
        return redirect(gagal or kembali)
    messages.success(request, berhasil)
    return redirect(kembali)


def _arah(request) -> int:
    return -1 if request.POST.get("arah") == "naik" else 1


# ------------------------------------------------------------------------------------------------
# Organisation: unit kerja and jabatan


@login_required
@require_GET
def organisasi_instansi(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    jabatan = list(Jabatan.objects.filter(instansi=instansi).select_related("unit_kerja", "atasan"))
    pemegang = {}
    for p in Penugasan.objects.aktif().filter(jabatan__instansi=instansi).select_related("pegawai"):
        pemegang.setdefault(p.jabatan_id, []).append(p)
    return render(
        request,
        "web/organisasi.html",
        {
            "instansi": instansi,
            "unit_kerja": list(UnitKerja.objects.filter(instansi=instansi).select_related("induk")),
            "pohon": [(j, tingkat, pemegang.get(j.pk, [])) for j, tingkat in urut_pohon(jabatan)],
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
        },
    )


def _url_organisasi(instansi) -> str:
    return reverse("web:organisasi", args=[instansi.pk])


def _remah_organisasi(instansi):
    return [(reverse("web:katalog", args=[instansi.pk]), "Katalog"), (_url_organisasi(instansi), "Organisasi")]


@login_required
def tambah_unit_kerja(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    _kelola(request, instansi)
    form = FormUnitKerja(request.POST or None, instansi=instansi)

    def simpan(d):
        organisasi.buat_unit_kerja(request.user, instansi, nama=d["nama"], jenis=d["jenis"], induk=d["induk"])
        return _url_organisasi(instansi)

    return _halaman_form(
        request,
        form,
        simpan,
        judul="Tambah unit kerja",
        instansi=instansi,
        kembali=_url_organisasi(instansi),
        pesan="Unit kerja tersimpan.",
        remah=_remah_organisasi(instansi),
    )


@login_required
def ubah_unit_kerja(request, unit_kerja_id):
    unit = _unit_kerja(request.user, unit_kerja_id)
    instansi = unit.instansi
    _kelola(request, instansi)
    awal = {"nama": unit.nama, "jenis": unit.jenis, "induk": unit.induk_id}
    form = FormUnitKerja(request.POST or None, initial=awal, instansi=instansi, unit=unit)

    def simpan(d):
        organisasi.ubah_unit_kerja(request.user, unit, nama=d["nama"], jenis=d["jenis"], induk=d["induk"])
        return _url_organisasi(instansi)

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah unit kerja: {unit.nama}",
        instansi=instansi,
        kembali=_url_organisasi(instansi),
        pesan="Unit kerja tersimpan.",
        remah=_remah_organisasi(instansi),
        hapus=(reverse("web:hapus_unit_kerja", args=[unit.pk]), "Hapus unit kerja ini?"),
    )


@login_required
@require_POST
def hapus_unit_kerja(request, unit_kerja_id):
    unit = _unit_kerja(request.user, unit_kerja_id)
    _kelola(request, unit.instansi)
    return _hapus(
        request,
        lambda: organisasi.hapus_unit_kerja(request.user, unit),
        "Unit kerja dihapus.",
        _url_organisasi(unit.instansi),
    )


@login_required
@require_POST
def geser_unit_kerja(request, unit_kerja_id):
    unit = _unit_kerja(request.user, unit_kerja_id)
    _kelola(request, unit.instansi)
    organisasi.geser_unit_kerja(request.user, unit, _arah(request))
    return redirect(_url_organisasi(unit.instansi) + "#unit-kerja")


def _data_jabatan(d) -> dict:
    return {nama: d[nama] for nama in organisasi.BIDANG_JABATAN}


@login_required
def tambah_jabatan(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    _kelola(request, instansi)
    form = FormJabatan(request.POST or None, instansi=instansi, initial={"atasan": request.GET.get("atasan")})

    def simpan(d):
        jabatan = organisasi.buat_jabatan(request.user, instansi, **_data_jabatan(d))
        return reverse("web:jabatan", args=[jabatan.pk])

    return _halaman_form(
        request,
        form,
        simpan,
        judul="Tambah jabatan",
        instansi=instansi,
        kembali=_url_organisasi(instansi),
        pesan="Jabatan tersimpan.",
        remah=_remah_organisasi(instansi),
    )


@login_required
def ubah_jabatan(request, jabatan_id):
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    instansi = jabatan.instansi
    _kelola(request, instansi)
    form = FormJabatan(request.POST or None, initial=FormJabatan.awal(jabatan), instansi=instansi, jabatan=jabatan)

    def simpan(d):
        organisasi.ubah_jabatan(request.user, jabatan, **_data_jabatan(d))
        return reverse("web:jabatan", args=[jabatan.pk])

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah jabatan: {jabatan.nama}",
        instansi=instansi,
        kembali=reverse("web:jabatan", args=[jabatan.pk]),
        pesan="Jabatan tersimpan.",
        remah=_remah_organisasi(instansi),
        hapus=(reverse("web:hapus_jabatan", args=[jabatan.pk]), "Hapus jabatan ini?"),
    )


@login_required
@require_POST
def hapus_jabatan(request, jabatan_id):
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    _kelola(request, jabatan.instansi)
    return _hapus(
        request,
        lambda: organisasi.hapus_jabatan(request.user, jabatan),
        "Jabatan dihapus.",
        _url_organisasi(jabatan.instansi),
        gagal=reverse("web:jabatan", args=[jabatan.pk]),
    )


@login_required
@require_POST
def geser_jabatan(request, jabatan_id):
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    _kelola(request, jabatan.instansi)
    organisasi.geser_jabatan(request.user, jabatan, _arah(request))
    return redirect(_url_organisasi(jabatan.instansi) + f"#jabatan-{jabatan.pk}")


def _dokumen_jabatan(instansi):
    """The document a jabatan page shows: this year's draft if any, else the one in force, else the newest."""
    from django.utils import timezone

    tahun = timezone.localdate().year
    semua = DokumenIKI.objects.filter(instansi=instansi)
    return (
        semua.filter(tahun=tahun, status=DokumenIKI.Status.DRAFT).first()
        or dokumen_berlaku(instansi, tahun)
        or semua.order_by("-tahun", "-revisi").first()
    )


@login_required
@require_GET
def jabatan(request, jabatan_id):
    """A jabatan on one page: its place, tugas and fungsi, who holds it (and held it), and its IKI."""
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    instansi = jabatan.instansi
    dokumen = _dokumen_jabatan(instansi)
    sasaran, tujuan = [], []
    if dokumen:
        sasaran = list(
            Sasaran.objects.filter(dokumen=dokumen, jabatan=jabatan).prefetch_related(
                Prefetch("indikator", Indikator.objects.order_by("urutan", "id"))
            )
        )
        tujuan = list(Tujuan.objects.filter(dokumen=dokumen, jabatan=jabatan).prefetch_related("indikator"))
    penugasan = list(jabatan.penugasan.select_related("pegawai").order_by("-mulai"))
    aktif = set(Penugasan.objects.aktif().filter(jabatan=jabatan).values_list("pk", flat=True))
    for p in penugasan:
        p.aktif = p.pk in aktif
    return render(
        request,
        "web/jabatan.html",
        {
            "instansi": instansi,
            "jabatan": jabatan,
            "bawahan": list(jabatan.bawahan.order_by("urutan", "nama")),
            "penugasan": penugasan,
            "pemegang": [p for p in penugasan if p.aktif],
            "dokumen": dokumen,
            "sasaran": sasaran,
            "tujuan": tujuan,
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
        },
    )


# ------------------------------------------------------------------------------------------------
# Pegawai and penugasan


@login_required
@require_GET
def daftar_pegawai(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    pegawai = list(
        organisasi.pegawai_instansi(instansi).prefetch_related(
            Prefetch(
                "penugasan",
                Penugasan.objects.filter(jabatan__instansi=instansi).select_related("jabatan").order_by("-mulai"),
            )
        )
    )
    aktif = set(Penugasan.objects.aktif().filter(jabatan__instansi=instansi).values_list("pk", flat=True))
    for p in pegawai:
        p.penugasan_di_sini = list(p.penugasan.all())
        for t in p.penugasan_di_sini:
            t.aktif = t.pk in aktif
    return render(
        request,
        "web/pegawai.html",
        {
            "instansi": instansi,
            "pegawai_list": pegawai,
            "boleh_kelola": lingkup.boleh_kelola_katalog(request.user, instansi),
        },
    )


def _url_pegawai(instansi) -> str:
    return reverse("web:pegawai", args=[instansi.pk])


@login_required
def tambah_pegawai(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    _kelola(request, instansi)
    form = FormPegawaiBaru(request.POST or None, instansi=instansi, initial={"jabatan": request.GET.get("jabatan")})

    def simpan(d):
        organisasi.buat_pegawai(
            request.user,
            nama=d["nama"],
            nip=d["nip"],
            pangkat=d["pangkat"],
            jabatan=d["jabatan"],
            mulai=d["mulai"],
            jenis=d["jenis"],
        )
        return reverse("web:jabatan", args=[d["jabatan"].pk])

    return _halaman_form(
        request,
        form,
        simpan,
        judul="Tambah pegawai",
        instansi=instansi,
        kembali=_url_pegawai(instansi),
        pesan="Pegawai dan penugasannya tersimpan.",
        remah=[(reverse("web:katalog", args=[instansi.pk]), "Katalog"), (_url_pegawai(instansi), "Pegawai")],
        keterangan="Pegawai dicatat bersama jabatan pertamanya di instansi ini.",
    )


@login_required
def ubah_pegawai(request, instansi_id, pegawai_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    pegawai = _pegawai(request.user, instansi, pegawai_id)
    _kelola(request, instansi)
    awal = {"nama": pegawai.nama, "nip": pegawai.nip_tampil, "pangkat": pegawai.pangkat}
    form = FormPegawai(request.POST or None, initial=awal)

    def simpan(d):
        organisasi.ubah_pegawai(request.user, pegawai, nama=d["nama"], nip=d["nip"], pangkat=d["pangkat"])
        return _url_pegawai(instansi)

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah pegawai: {pegawai.nama}",
        instansi=instansi,
        kembali=_url_pegawai(instansi),
        pesan="Data pegawai tersimpan.",
        remah=[(reverse("web:katalog", args=[instansi.pk]), "Katalog"), (_url_pegawai(instansi), "Pegawai")],
        hapus=(reverse("web:hapus_pegawai", args=[instansi.pk, pegawai.pk]), "Hapus pegawai ini beserta penugasannya?"),
    )


@login_required
@require_POST
def hapus_pegawai(request, instansi_id, pegawai_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    pegawai = _pegawai(request.user, instansi, pegawai_id)
    _kelola(request, instansi)
    return _hapus(
        request,
        lambda: organisasi.hapus_pegawai(request.user, pegawai, instansi),
        "Pegawai dihapus.",
        _url_pegawai(instansi),
    )


@login_required
def tambah_penugasan(request, jabatan_id):
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    instansi = jabatan.instansi
    _kelola(request, instansi)
    form = FormPenugasan(request.POST or None, pegawai=organisasi.pegawai_instansi(instansi))

    def simpan(d):
        organisasi.buat_penugasan(
            request.user,
            pegawai=d["pegawai"],
            jabatan=jabatan,
            mulai=d["mulai"],
            selesai=d["selesai"],
            jenis=d["jenis"],
        )
        return reverse("web:jabatan", args=[jabatan.pk])

    url_baru = reverse("web:tambah_pegawai", args=[instansi.pk]) + f"?jabatan={jabatan.pk}"
    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Tugaskan pegawai: {jabatan.nama}",
        instansi=instansi,
        kembali=reverse("web:jabatan", args=[jabatan.pk]),
        pesan="Penugasan tersimpan.",
        remah=[*_remah_organisasi(instansi), (reverse("web:jabatan", args=[jabatan.pk]), jabatan.nama)],
        keterangan=f'Pegawai belum terdaftar? <a href="{url_baru}">Tambah pegawai baru</a> langsung pada jabatan ini.',
    )


@login_required
def ubah_penugasan(request, penugasan_id):
    penugasan = _penugasan(request.user, penugasan_id)
    jabatan = penugasan.jabatan
    _kelola(request, jabatan.instansi)
    awal = {"jenis": penugasan.jenis, "mulai": penugasan.mulai, "selesai": penugasan.selesai}
    form = FormPenugasan(request.POST or None, initial=awal)

    def simpan(d):
        organisasi.ubah_penugasan(request.user, penugasan, jenis=d["jenis"], mulai=d["mulai"], selesai=d["selesai"])
        return reverse("web:jabatan", args=[jabatan.pk])

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Penugasan {penugasan.pegawai.nama} — {jabatan.nama}",
        instansi=jabatan.instansi,
        kembali=reverse("web:jabatan", args=[jabatan.pk]),
        pesan="Penugasan tersimpan.",
        remah=[*_remah_organisasi(jabatan.instansi), (reverse("web:jabatan", args=[jabatan.pk]), jabatan.nama)],
        keterangan="Untuk mengakhiri penugasan, isi tanggal selesai.",
        hapus=(reverse("web:hapus_penugasan", args=[penugasan.pk]), "Hapus penugasan yang salah catat ini?"),
    )


@login_required
@require_POST
def hapus_penugasan(request, penugasan_id):
    penugasan = _penugasan(request.user, penugasan_id)
    _kelola(request, penugasan.jabatan.instansi)
    return _hapus(
        request,
        lambda: organisasi.hapus_penugasan(request.user, penugasan),
        "Penugasan dihapus.",
        reverse("web:jabatan", args=[penugasan.jabatan_id]),
    )


# ------------------------------------------------------------------------------------------------
# Konstanta of a year


@login_required
def konstanta(request, instansi_id, tahun):
    """The constants of a year, with the form to add one on the same page."""
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    boleh_kelola = lingkup.boleh_kelola_katalog(request.user, instansi)
    if request.method == "POST":
        _kelola(request, instansi)
    form = FormKonstanta(request.POST or None) if boleh_kelola else None
    if request.method == "POST" and form.is_valid():
        try:
            iki.buat_konstanta(request.user, instansi, tahun, **form.cleaned_data)
        except ValidationError as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, "Konstanta tersimpan.")
            return redirect("web:konstanta", instansi_id=instansi.pk, tahun=tahun)
    daftar = list(Konstanta.objects.filter(instansi=instansi, tahun=tahun).prefetch_related("variabel__indikator"))
    for k in daftar:
        k.nilai_tampil = fmt.format_angka(k.nilai, max(0, -k.nilai.normalize().as_tuple().exponent))
    return render(
        request,
        "web/konstanta.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "konstanta_list": daftar,
            "form": form,
            "boleh_kelola": boleh_kelola,
        },
    )


@login_required
def ubah_konstanta(request, konstanta_id):
    k = _konstanta(request.user, konstanta_id)
    instansi = k.instansi
    _kelola(request, instansi)
    form = FormKonstanta(request.POST or None, initial={"nama": k.nama, "kode": k.kode, "nilai": k.nilai})
    kembali = reverse("web:konstanta", args=[instansi.pk, k.tahun])

    def simpan(d):
        iki.ubah_konstanta(request.user, k, **d)
        return kembali

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah konstanta {k.tahun}: {k.nama}",
        instansi=instansi,
        kembali=kembali,
        pesan="Konstanta tersimpan.",
        remah=[(reverse("web:katalog", args=[instansi.pk]), "Katalog"), (kembali, f"Konstanta {k.tahun}")],
        hapus=(reverse("web:hapus_konstanta", args=[k.pk]), "Hapus konstanta ini?"),
    )


@login_required
@require_POST
def hapus_konstanta(request, konstanta_id):
    k = _konstanta(request.user, konstanta_id)
    _kelola(request, k.instansi)
    kembali = reverse("web:konstanta", args=[k.instansi_id, k.tahun])
    return _hapus(request, lambda: iki.hapus_konstanta(request.user, k), "Konstanta dihapus.", kembali)


# ------------------------------------------------------------------------------------------------
# A new document; tujuan and sasaran of a jabatan in a draft


@login_required
@require_POST
def buat_dokumen(request, instansi_id):
    instansi = lingkup.instansi_atau_404(request.user, instansi_id)
    _kelola(request, instansi)
    form = FormDokumenBaru(request.POST)
    if form.is_valid():
        try:
            dokumen = iki.buat_dokumen(request.user, instansi, form.cleaned_data["tahun"])
        except ValidationError as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, f"Dokumen IKI {dokumen.tahun} dibuat sebagai draft.")
            return redirect("web:dokumen", dokumen_id=dokumen.pk)
    from .katalog import konteks_katalog

    galat = form.errors.get("tahun", []) + list(form.non_field_errors())
    konteks = konteks_katalog(request, instansi, galat_tahun=galat, tahun_baru=request.POST.get("tahun", ""))
    return render(request, "web/katalog.html", konteks)


def _draft_dan_jabatan(request, dokumen_id, jabatan_id):
    dokumen = akses.dokumen_atau_404(request.user, dokumen_id)
    jabatan = akses.jabatan_atau_404(request.user, jabatan_id)
    if jabatan.instansi_id != dokumen.instansi_id:
        raise Http404("Jabatan tidak ditemukan di instansi dokumen ini.")
    _kelola(request, dokumen.instansi)
    return dokumen, jabatan


def _url_jabatan_di_dokumen(dokumen, jabatan_id) -> str:
    return reverse("web:dokumen", args=[dokumen.pk]) + f"#jabatan-{jabatan_id}"


def _remah_dokumen(dokumen):
    return [
        (reverse("web:katalog", args=[dokumen.instansi_id]), "Katalog"),
        (reverse("web:dokumen", args=[dokumen.pk]), f"IKI {dokumen.tahun} rev. {dokumen.revisi}"),
    ]


def _terkunci(request, dokumen):
    if dokumen.terkunci:
        messages.error(request, "Dokumen ini sudah ditetapkan dan tidak dapat diubah. Buat revisi untuk mengubahnya.")
        return redirect("web:dokumen", dokumen_id=dokumen.pk)
    return None


@login_required
def tambah_sasaran(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _draft_dan_jabatan(request, dokumen_id, jabatan_id)
    if tolak := _terkunci(request, dokumen):
        return tolak
    form = FormSasaran(request.POST or None)

    def simpan(d):
        sasaran = iki.buat_sasaran(request.user, dokumen, jabatan, uraian=d["uraian"])
        return reverse("web:tambah_indikator", args=[sasaran.pk])

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Tambah sasaran: {jabatan.nama}",
        instansi=dokumen.instansi,
        kembali=_url_jabatan_di_dokumen(dokumen, jabatan.pk),
        pesan="Sasaran tersimpan. Tambahkan indikatornya.",
        remah=_remah_dokumen(dokumen),
    )


@login_required
def ubah_sasaran(request, sasaran_id):
    sasaran = akses.sasaran_atau_404(request.user, sasaran_id)
    dokumen = sasaran.dokumen
    _kelola(request, dokumen.instansi)
    if tolak := _terkunci(request, dokumen):
        return tolak
    form = FormSasaran(request.POST or None, initial={"uraian": sasaran.uraian})
    kembali = _url_jabatan_di_dokumen(dokumen, sasaran.jabatan_id)

    def simpan(d):
        iki.ubah_sasaran(request.user, sasaran, uraian=d["uraian"])
        return kembali

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah sasaran: {sasaran.jabatan.nama}",
        instansi=dokumen.instansi,
        kembali=kembali,
        pesan="Sasaran tersimpan.",
        remah=_remah_dokumen(dokumen),
        hapus=(reverse("web:hapus_sasaran", args=[sasaran.pk]), "Hapus sasaran ini beserta semua indikatornya?"),
    )


@login_required
@require_POST
def hapus_sasaran(request, sasaran_id):
    sasaran = akses.sasaran_atau_404(request.user, sasaran_id)
    _kelola(request, sasaran.dokumen.instansi)
    kembali = _url_jabatan_di_dokumen(sasaran.dokumen, sasaran.jabatan_id)
    return _hapus(request, lambda: iki.hapus_sasaran(request.user, sasaran), "Sasaran dihapus.", kembali)


@login_required
@require_POST
def geser_sasaran(request, sasaran_id):
    sasaran = akses.sasaran_atau_404(request.user, sasaran_id)
    _kelola(request, sasaran.dokumen.instansi)
    try:
        iki.geser_sasaran(request.user, sasaran, _arah(request))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect(_url_jabatan_di_dokumen(sasaran.dokumen, sasaran.jabatan_id))


@login_required
@require_POST
def geser_indikator(request, indikator_id):
    ind = akses.indikator_atau_404(request.user, indikator_id)
    dokumen = ind.sasaran.dokumen
    _kelola(request, dokumen.instansi)
    try:
        iki.geser_indikator(request.user, ind, _arah(request))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect(_url_jabatan_di_dokumen(dokumen, ind.sasaran.jabatan_id))


@login_required
def tambah_tujuan(request, dokumen_id, jabatan_id):
    dokumen, jabatan = _draft_dan_jabatan(request, dokumen_id, jabatan_id)
    if tolak := _terkunci(request, dokumen):
        return tolak
    form = FormTujuan(request.POST or None)
    kembali = _url_jabatan_di_dokumen(dokumen, jabatan.pk)

    def simpan(d):
        iki.buat_tujuan(request.user, dokumen, jabatan, uraian=d["uraian"], indikator=d["indikator"])
        return kembali

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Tambah tujuan: {jabatan.nama}",
        instansi=dokumen.instansi,
        kembali=kembali,
        pesan="Tujuan tersimpan.",
        remah=_remah_dokumen(dokumen),
    )


@login_required
def ubah_tujuan(request, tujuan_id):
    tujuan = _tujuan(request.user, tujuan_id)
    dokumen = tujuan.dokumen
    _kelola(request, dokumen.instansi)
    if tolak := _terkunci(request, dokumen):
        return tolak
    awal = {"uraian": tujuan.uraian, "indikator": "\n".join(tujuan.indikator.values_list("uraian", flat=True))}
    form = FormTujuan(request.POST or None, initial=awal)
    kembali = _url_jabatan_di_dokumen(dokumen, tujuan.jabatan_id)

    def simpan(d):
        iki.ubah_tujuan(request.user, tujuan, uraian=d["uraian"], indikator=d["indikator"])
        return kembali

    return _halaman_form(
        request,
        form,
        simpan,
        judul=f"Ubah tujuan: {tujuan.jabatan.nama}",
        instansi=dokumen.instansi,
        kembali=kembali,
        pesan="Tujuan tersimpan.",
        remah=_remah_dokumen(dokumen),
        hapus=(reverse("web:hapus_tujuan", args=[tujuan.pk]), "Hapus tujuan ini beserta indikatornya?"),
    )


@login_required
@require_POST
def hapus_tujuan(request, tujuan_id):
    tujuan = _tujuan(request.user, tujuan_id)
    _kelola(request, tujuan.dokumen.instansi)
    kembali = _url_jabatan_di_dokumen(tujuan.dokumen, tujuan.jabatan_id)
    return _hapus(request, lambda: iki.hapus_tujuan(request.user, tujuan), "Tujuan dihapus.", kembali)


@login_required
@require_POST
def geser_tujuan(request, tujuan_id):
    tujuan = _tujuan(request.user, tujuan_id)
    _kelola(request, tujuan.dokumen.instansi)
    try:
        iki.geser_tujuan(request.user, tujuan, _arah(request))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect(_url_jabatan_di_dokumen(tujuan.dokumen, tujuan.jabatan_id))
