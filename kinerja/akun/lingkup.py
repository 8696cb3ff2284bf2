"""Who may see and do what, checked on the object itself (never only in menus).

Every view, download and command that touches an instansi's data goes through these functions;
a user outside the scope gets 404 from `instansi_atau_404`, not a hint that the object exists.
"""

from django.db.models import Q
from django.http import Http404

from kinerja.organisasi.models import Instansi, Jabatan, Penugasan

from .models import Peran

PERAN_PEMDA = {Peran.Jenis.ADMIN_PEMDA, Peran.Jenis.PEMERIKSA}


def _peran(user):
    if not getattr(user, "is_authenticated", False):
        return []
    if not hasattr(user, "_peran_cache"):
        user._peran_cache = list(Peran.objects.filter(pengguna=user))
    return user._peran_cache


def peran_pengguna(user) -> list[Peran]:
    """The user's roles, read once per user object."""
    return list(_peran(user))


def instansi_terlihat(user):
    """The instansi whose data the user may read."""
    if not getattr(user, "is_authenticated", False):
        return Instansi.objects.none()
    if user.is_superuser:
        return Instansi.objects.all()
    peran = _peran(user)
    pemda = {p.pemda_id for p in peran if p.jenis in PERAN_PEMDA}
    instansi = {p.instansi_id for p in peran if p.instansi_id}
    return Instansi.objects.filter(Q(pemda__in=pemda) | Q(pk__in=instansi))


def boleh_lihat(user, instansi) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return any(
        (p.jenis in PERAN_PEMDA and p.pemda_id == instansi.pemda_id) or p.instansi_id == instansi.pk
        for p in _peran(user)
    )


def instansi_atau_404(user, pk) -> Instansi:
    instansi = Instansi.objects.select_related("pemda").filter(pk=pk).first()
    if instansi is None or not boleh_lihat(user, instansi):
        raise Http404("Instansi tidak ditemukan.")
    return instansi


def boleh_kelola_katalog(user, instansi) -> bool:
    """Catalogue, targets and users of an instansi: admin instansi, admin pemda, superuser."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        (p.jenis == Peran.Jenis.ADMIN_PEMDA and p.pemda_id == instansi.pemda_id)
        or (p.jenis == Peran.Jenis.ADMIN_INSTANSI and p.instansi_id == instansi.pk)
        for p in _peran(user)
    )


def jabatan_dipegang(user, pada=None):
    """The jabatan the user holds today (or on `pada`) through their Pegawai's Penugasan."""
    if not getattr(user, "is_authenticated", False):
        return Jabatan.objects.none()
    ids = Penugasan.objects.aktif(pada).filter(pegawai__pengguna=user).values("jabatan_id")
    return Jabatan.objects.filter(pk__in=ids)


def boleh_isi(user, jabatan, pada=None) -> bool:
    """Values of a jabatan are entered by its holder."""
    return jabatan_dipegang(user, pada).filter(pk=jabatan.pk).exists()


def _peran_pemda(user, instansi, jenis) -> bool:
    return any(p.jenis in jenis and p.pemda_id == instansi.pemda_id for p in _peran(user))


def boleh_verifikasi(user, jabatan, pada=None) -> bool:
    """The holder of the atasan jabatan verifies the jabatan directly below.

    The head of office (a jabatan without atasan) is verified at the kabupaten: by the pemda's
    pemeriksa or admin pemda, never inside the office he heads.
    """
    if jabatan.atasan_id is None:
        return _peran_pemda(user, jabatan.instansi, PERAN_PEMDA)
    return jabatan_dipegang(user, pada).filter(pk=jabatan.atasan_id).exists()


def boleh_sahkan(user, instansi) -> bool:
    """The Camat approves the reports of his instansi (except his own: see boleh_sahkan_isian)."""
    return any(p.jenis == Peran.Jenis.CAMAT and p.instansi_id == instansi.pk for p in _peran(user))


def boleh_sahkan_isian(user, jabatan) -> bool:
    """Who approves this jabatan's report: the Camat, or for the head of office himself the admin pemda."""
    if jabatan.atasan_id is None:
        return _peran_pemda(user, jabatan.instansi, {Peran.Jenis.ADMIN_PEMDA})
    return boleh_sahkan(user, jabatan.instansi)
