"""Loading objects for a view with the scope checked on the object itself.

Every loader returns the object with its instansi (and pemda) joined in, or raises Http404 when
the object does not exist *or* lies outside the user's scope: a user of Kecamatan A cannot even
learn that an id of Kecamatan B exists. The rules themselves live in kinerja.akun.lingkup.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kinerja.akun import lingkup
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Tujuan
from kinerja.organisasi.models import Jabatan, Pemda, Penugasan, UnitKerja


def _atau_404(queryset, pk, instansi_dari, user):
    obj = queryset.filter(pk=pk).first()
    if obj is None or not lingkup.boleh_lihat(user, instansi_dari(obj)):
        raise Http404(f"{queryset.model._meta.verbose_name.capitalize()} tidak ditemukan.")
    return obj


def pemda_terlihat(user):
    """The pemda the user may see whole (all its kecamatan side by side): superuser, admin pemda, pemeriksa."""
    if not getattr(user, "is_authenticated", False):
        return Pemda.objects.none()
    if user.is_superuser:
        return Pemda.objects.all()
    return Pemda.objects.filter(peran__pengguna=user, peran__jenis__in=lingkup.PERAN_PEMDA).distinct()


def pemda_atau_404(user, pk) -> Pemda:
    """The pemda when the user may see all of it (one query: the pemda and the role together)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("Pemerintah daerah tidak ditemukan.")
    qs = Pemda.objects.filter(pk=pk)
    if not user.is_superuser:
        qs = qs.filter(peran__pengguna=user, peran__jenis__in=lingkup.PERAN_PEMDA)
    pemda = qs.first()
    if pemda is None:
        raise Http404("Pemerintah daerah tidak ditemukan.")
    return pemda


def dokumen_atau_404(user, pk) -> DokumenIKI:
    return _atau_404(DokumenIKI.objects.select_related("instansi__pemda"), pk, lambda d: d.instansi, user)


def sasaran_atau_404(user, pk) -> Sasaran:
    qs = Sasaran.objects.select_related("dokumen__instansi__pemda", "jabatan")
    return _atau_404(qs, pk, lambda s: s.dokumen.instansi, user)


def indikator_atau_404(user, pk) -> Indikator:
    qs = Indikator.objects.select_related("sasaran__dokumen__instansi__pemda", "sasaran__jabatan")
    return _atau_404(qs, pk, lambda i: i.sasaran.dokumen.instansi, user)


def jabatan_atau_404(user, pk) -> Jabatan:
    return _atau_404(Jabatan.objects.select_related("instansi__pemda"), pk, lambda j: j.instansi, user)


def unit_kerja_atau_404(user, pk) -> UnitKerja:
    return _atau_404(UnitKerja.objects.select_related("instansi__pemda"), pk, lambda u: u.instansi, user)


def penugasan_atau_404(user, pk) -> Penugasan:
    qs = Penugasan.objects.select_related("jabatan__instansi__pemda", "pegawai")
    return _atau_404(qs, pk, lambda p: p.jabatan.instansi, user)


def konstanta_atau_404(user, pk) -> Konstanta:
    return _atau_404(Konstanta.objects.select_related("instansi__pemda"), pk, lambda k: k.instansi, user)


def tujuan_atau_404(user, pk) -> Tujuan:
    qs = Tujuan.objects.select_related("dokumen__instansi__pemda", "jabatan")
    return _atau_404(qs, pk, lambda t: t.dokumen.instansi, user)


def wajib(boleh: bool, pesan: str) -> None:
    """Inside the user's scope but not their job (a pejabat editing the catalogue): 403 with why."""
    if not boleh:
        raise PermissionDenied(pesan)


def wajib_kelola_katalog(user, instansi) -> None:
    wajib(
        lingkup.boleh_kelola_katalog(user, instansi),
        "Hanya admin instansi atau admin pemda yang dapat mengubah katalog IKI.",
    )
