"""Separation of duties: nobody verifies or approves a report they entered or submitted."""

from datetime import date

import pytest

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.organisasi.models import Pegawai, Penugasan
from kinerja.realisasi import layanan
from kinerja.realisasi.layanan import TidakBerhak, simpan_nilai
from kinerja.realisasi.models import IsianPeriode

pytestmark = pytest.mark.django_db


def pengguna_pemda(django_user_model, username, instansi, jenis):
    user = django_user_model.objects.create(username=username)
    Peran.objects.create(pengguna=user, jenis=jenis, pemda=instansi.pemda)
    return user


def test_the_head_of_office_is_verified_and_approved_at_the_kabupaten(kantor, tw, django_user_model):
    pemeriksa = pengguna_pemda(django_user_model, "inspektur", kantor.instansi, Peran.Jenis.PEMERIKSA)
    admin_pemda = pengguna_pemda(django_user_model, "bagor", kantor.instansi, Peran.Jenis.ADMIN_PEMDA)
    simpan_nilai(kantor.u_camat, kantor.desa_tertib, tw, 5)
    isian = layanan.ajukan(kantor.u_camat, layanan.isian_periode(kantor.dokumen, kantor.camat, tw))
    for orang in (kantor.u_camat, kantor.u_admin, kantor.u_sekcam):
        with pytest.raises(TidakBerhak, match="diverifikasi oleh pemeriksa atau admin pemda"):
            layanan.verifikasi(orang, isian)
    with pytest.raises(TidakBerhak, match="disahkan oleh admin pemda"):
        layanan.sahkan(kantor.u_camat, isian)
    isian = layanan.verifikasi(pemeriksa, isian)
    with pytest.raises(TidakBerhak, match="disahkan oleh admin pemda"):
        layanan.sahkan(kantor.u_camat, isian)
    isian = layanan.sahkan(admin_pemda, isian)
    assert (isian.status, isian.diverifikasi_oleh, isian.disahkan_oleh) == ("disahkan", pemeriksa, admin_pemda)


def test_a_plt_does_not_verify_the_report_he_entered(kantor, tw):
    """The Camat, also Plt Sekcam, enters a value of the Sekcam's report: he can verify nor approve it."""
    pegawai = Pegawai.objects.get(pengguna=kantor.u_camat)
    Penugasan.objects.create(pegawai=pegawai, jabatan=kantor.sekcam, mulai=date(2000, 1, 1), jenis="plt")
    simpan_nilai(kantor.u_camat, kantor.lpj_tepat, tw, 3)
    isian = layanan.ajukan(kantor.u_sekcam, layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw))
    with pytest.raises(
        TidakBerhak, match="Anda ikut mengisi isian Sekretaris Kecamatan .*harus diverifikasi orang lain"
    ):
        layanan.verifikasi(kantor.u_camat, isian)
    assert IsianPeriode.objects.get(pk=isian.pk).status == "diajukan"
    assert not Jejak.objects.filter(aksi="verifikasi_isian").exists()


def test_a_plt_does_not_verify_the_report_he_submitted(kantor, tw):
    pegawai = Pegawai.objects.get(pengguna=kantor.u_camat)
    Penugasan.objects.create(pegawai=pegawai, jabatan=kantor.sekcam, mulai=date(2000, 1, 1), jenis="plt")
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    isian = layanan.ajukan(kantor.u_camat, layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw))
    with pytest.raises(TidakBerhak, match="Anda ikut mengajukan"):
        layanan.verifikasi(kantor.u_camat, isian)


def test_the_approver_did_not_enter_the_report(kantor, tw, django_user_model):
    """The Camat verifies a report somebody else entered, but cannot approve one he entered as Plt."""
    pegawai = Pegawai.objects.get(pengguna=kantor.u_camat)
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    isian = layanan.ajukan(kantor.u_sekcam, layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw))
    isian = layanan.verifikasi(kantor.u_camat, isian)
    assert layanan.sahkan(kantor.u_camat, isian).status == "disahkan"
    # Next quarter-like cycle after reopening: the Camat now enters a value as Plt.
    isian = layanan.buka_kembali(kantor.u_admin, isian, "koreksi")
    Penugasan.objects.create(pegawai=pegawai, jabatan=kantor.sekcam, mulai=date(2000, 1, 1), jenis="plt")
    simpan_nilai(kantor.u_camat, kantor.lpj_tepat, tw, 4)
    Penugasan.objects.filter(pegawai=pegawai, jabatan=kantor.sekcam).delete()
    isian = layanan.ajukan(kantor.u_sekcam, isian)
    with pytest.raises(TidakBerhak, match="ikut mengisi"):
        layanan.verifikasi(kantor.u_camat, isian)
