"""Workflow per jabatan and period: draft → diajukan → diverifikasi (or dikembalikan) → disahkan; reopening."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.audit.models import Jejak
from kinerja.realisasi import layanan
from kinerja.realisasi.layanan import PeriodeTerkunci, TidakBerhak, simpan_nilai
from kinerja.realisasi.models import IsianPeriode

from .conftest import buat_kantor, tetapkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def isian_sekcam(kantor, tw):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    return layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw)


def test_full_cycle_by_the_right_people(kantor, isian_sekcam):
    isian = layanan.ajukan(kantor.u_sekcam, isian_sekcam)
    assert isian.status == "diajukan" and isian.diajukan_pada is not None
    isian = layanan.verifikasi(kantor.u_camat, isian)
    assert (isian.status, isian.diverifikasi_oleh) == ("diverifikasi", kantor.u_camat)
    isian = layanan.sahkan(kantor.u_camat, isian)
    assert (isian.status, isian.disahkan_oleh) == ("disahkan", kantor.u_camat)
    aksi = list(
        Jejak.objects.filter(objek_id=str(isian.pk), objek_jenis="realisasi.IsianPeriode")
        .order_by("id")
        .values_list("aksi", "perubahan")
    )
    assert aksi == [
        ("ajukan_isian", {"status": ["draft", "diajukan"]}),
        ("verifikasi_isian", {"status": ["diajukan", "diverifikasi"]}),
        ("sahkan_isian", {"status": ["diverifikasi", "disahkan"]}),
    ]


def test_wrong_people_are_refused_at_every_step(kantor, isian_sekcam):
    for user in (kantor.u_camat, kantor.u_admin, kantor.u_lain):
        with pytest.raises(TidakBerhak):
            layanan.ajukan(user, isian_sekcam)
    isian = layanan.ajukan(kantor.u_sekcam, isian_sekcam)
    for user in (kantor.u_sekcam, kantor.u_admin, kantor.u_lain):
        with pytest.raises(TidakBerhak):
            layanan.verifikasi(user, isian)
    with pytest.raises(ValidationError, match="berstatus diajukan; tidak dapat disahkan"):
        layanan.sahkan(kantor.u_camat, isian)  # the sekcam has an atasan: verification comes first
    isian = layanan.verifikasi(kantor.u_camat, isian)
    for user in (kantor.u_sekcam, kantor.u_admin):
        with pytest.raises(TidakBerhak):
            layanan.sahkan(user, isian)
    assert IsianPeriode.objects.get(pk=isian.pk).status == "diverifikasi"


def test_submission_needs_every_value(kantor, tw):
    isian = layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw)
    with pytest.raises(ValidationError, match="1 nilai belum diisi: LPJ tepat waktu"):
        layanan.ajukan(kantor.u_sekcam, isian)
    assert IsianPeriode.objects.get(pk=isian.pk).status == "draft"


def test_returning_needs_a_reason_and_reopens_for_correction(kantor, isian_sekcam, tw):
    isian = layanan.ajukan(kantor.u_sekcam, isian_sekcam)
    for alasan in ("", "   "):
        with pytest.raises(ValidationError, match="Alasan wajib"):
            layanan.kembalikan(kantor.u_camat, isian, alasan)
    isian = layanan.kembalikan(kantor.u_camat, isian, "Lampirkan daftar LPJ")
    assert (isian.status, isian.catatan_status) == ("dikembalikan", "Lampirkan daftar LPJ")
    assert Jejak.objects.get(aksi="kembalikan_isian").alasan == "Lampirkan daftar LPJ"
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=1)
    assert layanan.ajukan(kantor.u_sekcam, isian).status == "diajukan"


def test_only_the_camat_returns_a_verified_report(kantor, isian_sekcam):
    isian = layanan.verifikasi(kantor.u_camat, layanan.ajukan(kantor.u_sekcam, isian_sekcam))
    with pytest.raises(TidakBerhak):
        layanan.kembalikan(kantor.u_sekcam, isian, "bukan haknya")
    assert layanan.kembalikan(kantor.u_camat, isian, "angka tidak sesuai laporan").status == "dikembalikan"


def test_the_camat_cannot_approve_his_own_report(kantor, tw):
    simpan_nilai(kantor.u_camat, kantor.desa_tertib, tw, 5)
    isian = layanan.ajukan(kantor.u_camat, layanan.isian_periode(kantor.dokumen, kantor.camat, tw))
    with pytest.raises(TidakBerhak, match="disahkan oleh admin pemda"):
        layanan.sahkan(kantor.u_camat, isian)


def test_a_report_returned_after_its_window_is_open_for_a_week(django_user_model):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    isian = layanan.isian_periode(lalu.dokumen, lalu.sekcam, "TW3")
    IsianPeriode.objects.filter(pk=isian.pk).update(status="diajukan")
    isian = layanan.kembalikan(lalu.u_camat, isian, "Nilai belum sesuai")
    assert isian.dibuka_sampai == timezone.localdate() + timedelta(days=layanan.HARI_PERBAIKAN)
    assert simpan_nilai(lalu.u_sekcam, lalu.lpj_tepat, "TW3", 3).nilai == 3


def test_admin_reopens_one_jabatan_and_period_with_a_reason(django_user_model):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    isian = layanan.isian_periode(lalu.dokumen, lalu.sekcam, "TW1")
    IsianPeriode.objects.filter(pk=isian.pk).update(status="disahkan")
    with pytest.raises(PeriodeTerkunci):
        simpan_nilai(lalu.u_sekcam, lalu.lpj_tepat, "TW1", 3)
    for user in (lalu.u_sekcam, lalu.u_camat):
        with pytest.raises(TidakBerhak):
            layanan.buka_kembali(user, isian, "perlu koreksi")
    with pytest.raises(ValidationError, match="Alasan wajib"):
        layanan.buka_kembali(lalu.u_admin, isian, "")
    sampai = timezone.localdate() + timedelta(days=3)
    isian = layanan.buka_kembali(lalu.u_admin, isian, "Koreksi temuan Inspektorat", sampai=sampai)
    assert (isian.status, isian.dibuka_sampai, isian.disahkan_oleh) == ("draft", sampai, None)
    jejak = Jejak.objects.get(aksi="buka_kembali_isian")
    assert jejak.alasan == "Koreksi temuan Inspektorat" and jejak.perubahan["status"] == ["disahkan", "draft"]
    assert simpan_nilai(lalu.u_sekcam, lalu.lpj_tepat, "TW1", 3).nilai == 3
    # Only this jabatan and period were reopened.
    with pytest.raises(PeriodeTerkunci):
        simpan_nilai(lalu.u_sekcam, lalu.lpj_tepat, "TW2", 3)
    with pytest.raises(PeriodeTerkunci):
        simpan_nilai(lalu.u_camat, lalu.desa_tertib, "TW1", 3)


def test_reopening_ends_when_its_date_passes(django_user_model):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    isian = layanan.buka_kembali(lalu.u_admin, layanan.isian_periode(lalu.dokumen, lalu.sekcam, "TW1"), "koreksi")
    besok_lusa = isian.dibuka_sampai + timedelta(days=1)
    assert layanan.alasan_terkunci(isian, isian.dibuka_sampai) is None
    assert "dibuka kembali sampai" in layanan.alasan_terkunci(isian, besok_lusa)
    with pytest.raises(ValidationError, match="sebelum hari ini"):
        layanan.buka_kembali(lalu.u_admin, isian, "koreksi", sampai=timezone.localdate() - timedelta(days=1))
