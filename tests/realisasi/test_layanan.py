"""simpan_nilai: scope, entry window, workflow locks, optimistic locking, validation, warnings, history."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.audit.models import Jejak
from kinerja.iki.models import Indikator, Variabel
from kinerja.realisasi import layanan
from kinerja.realisasi.layanan import KonflikVersi, PeriodeTerkunci, TidakBerhak, simpan_nilai
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel, RiwayatNilai
from tests.factories import sk_baru

from .conftest import buat_kantor, tetapkan

pytestmark = pytest.mark.django_db


def test_holder_saves_a_value_with_history_and_audit(kantor, tw):
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "3", catatan="LPJ Januari–Maret")
    assert (nv.nilai, nv.versi, nv.diisi_oleh, nv.catatan) == (Decimal(3), 1, kantor.u_sekcam, "LPJ Januari–Maret")
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "2,5", versi=1, alasan="salah ketik")
    assert nv.nilai == Decimal("2.5") and nv.versi == 2
    riwayat = list(nv.riwayat.values_list("lama", "baru", "versi", "alasan", "pengguna", "sumber"))
    assert riwayat == [
        (None, Decimal(3), 1, "", kantor.u_sekcam.pk, "web"),
        (Decimal(3), Decimal("2.5"), 2, "salah ketik", kantor.u_sekcam.pk, "web"),
    ]
    jejak = Jejak.objects.filter(aksi="isi_nilai", objek_id=str(nv.pk)).order_by("id")
    assert [j.perubahan["nilai"] for j in jejak] == [[None, "3"], ["3", "2.5"]]
    assert jejak.last().alasan == "salah ketik"


def test_saving_the_same_value_again_changes_nothing(kantor, tw):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, Decimal("3.000"))
    assert nv.versi == 1 and nv.riwayat.count() == 1


def test_clearing_a_value_is_recorded(kantor, tw):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "", versi=1)
    assert nv.nilai is None and nv.versi == 2
    assert nv.riwayat.last().lama == Decimal(3) and nv.riwayat.last().baru is None


def test_only_the_holder_may_enter(kantor, tw):
    for user in (kantor.u_camat, kantor.u_admin, kantor.u_lain):
        with pytest.raises(TidakBerhak):
            simpan_nilai(user, kantor.lpj_tepat, tw, 3)
    assert not NilaiVariabel.objects.exists()


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("tiga", "bukan angka"),
        ("1,2345678", "6 angka di belakang koma"),
        (Decimal("1e15"), "terlalu besar"),
        (True, "angka"),
        (float("nan"), "terhingga"),
    ],
)
def test_bad_numbers_are_refused_with_a_message(kantor, tw, nilai, pesan):
    with pytest.raises(ValidationError) as exc:
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, nilai)
    assert pesan in exc.value.messages[0]
    assert not NilaiVariabel.objects.exists()


def test_fixed_and_constant_variables_are_not_entered(kantor, tw):
    lpj = Variabel.objects.get(indikator__sasaran__dokumen=kantor.dokumen, kode="lpj")
    with pytest.raises(ValidationError, match="bernilai tetap"):
        simpan_nilai(kantor.u_sekcam, lpj, tw, 4)
    with pytest.raises(ValidationError, match="TW1–TW4"):
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, "TAHUN", 4)


def test_an_annual_indicator_takes_no_value_before_tw4(django_user_model):
    # A decreed document refuses every change (on PostgreSQL even raw SQL): set the period before decreeing.
    kantor = buat_kantor(django_user_model)
    Indikator.objects.filter(pk=kantor.lpj_tepat.indikator_id).update(periode_pelaporan="tahunan")
    kantor = tetapkan(kantor)
    with pytest.raises(ValidationError, match=r"dilaporkan tahunan \(TW4\); tidak ada isian untuk TW2"):
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, "TW2", 4)


def test_a_closed_window_locks_the_period(django_user_model):
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    with pytest.raises(PeriodeTerkunci, match="Masa pengisian Triwulan I .* berakhir 10 April"):
        simpan_nilai(lalu.u_sekcam, lalu.lpj_tepat, "TW1", 3)
    assert not NilaiVariabel.objects.exists()


def test_a_future_quarter_is_not_open_yet(django_user_model):
    depan = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year + 1, nama="Kecamatan Depan", awalan="d")
    )
    with pytest.raises(PeriodeTerkunci, match="baru dibuka 1 Januari"):
        simpan_nilai(depan.u_sekcam, depan.lpj_tepat, "TW1", 3)


def test_window_rule_from_the_first_day_to_the_tenth_of_the_month_after(kantor):
    from datetime import date

    isian = layanan.isian_periode(kantor.dokumen, kantor.sekcam, "TW2")
    tahun = kantor.dokumen.tahun
    assert layanan.alasan_terkunci(isian, date(tahun, 3, 31)).startswith("Pengisian Triwulan II")
    assert layanan.alasan_terkunci(isian, date(tahun, 4, 1)) is None
    assert layanan.alasan_terkunci(isian, date(tahun, 7, 10)) is None
    assert "berakhir 10 Juli" in layanan.alasan_terkunci(isian, date(tahun, 7, 11))
    tw4 = layanan.isian_periode(kantor.dokumen, kantor.sekcam, "TW4")
    assert layanan.alasan_terkunci(tw4, date(tahun + 1, 1, 10)) is None
    assert layanan.alasan_terkunci(tw4, date(tahun + 1, 1, 11)) is not None


def test_window_length_is_configurable(kantor, settings):
    from datetime import date

    settings.KINERJA_BATAS_ISIAN_HARI = 20
    isian = layanan.isian_periode(kantor.dokumen, kantor.sekcam, "TW1")
    assert layanan.alasan_terkunci(isian, date(kantor.dokumen.tahun, 4, 20)) is None
    assert layanan.alasan_terkunci(isian, date(kantor.dokumen.tahun, 4, 21)) is not None


def test_a_draft_or_superseded_document_takes_no_values(django_user_model, tw):
    draft = buat_kantor(django_user_model)
    with pytest.raises(PeriodeTerkunci, match="belum ditetapkan"):
        simpan_nilai(draft.u_sekcam, draft.lpj_tepat, tw, 3)
    tetapkan(draft)
    baru = draft.dokumen.buat_revisi(draft.u_admin)
    sk_baru(baru).tetapkan(draft.u_admin)
    with pytest.raises(PeriodeTerkunci, match="sudah digantikan"):
        simpan_nilai(draft.u_sekcam, draft.lpj_tepat, tw, 3)


def test_stale_version_is_a_conflict_and_writes_nothing(kantor, tw):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    with pytest.raises(KonflikVersi, match="telah diubah oleh Sekcam menjadi 3") as exc:
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=0)
    assert exc.value.sekarang.nilai == 3
    nv = NilaiVariabel.objects.get()
    assert (nv.nilai, nv.versi, nv.riwayat.count()) == (3, 1, 1)


def test_warnings_are_returned_stored_and_do_not_block(kantor, tw):
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 5)  # lpj (fixed) is 4: numerator above denominator
    assert nv.nilai == 5
    assert any("lebih besar dari penyebut" in p for p in nv.peringatan)
    assert NilaiVariabel.objects.get().peringatan == nv.peringatan
    assert nv.riwayat.get().peringatan == nv.peringatan


def test_a_negative_count_is_refused_and_nothing_changes(kantor, tw):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    with pytest.raises(ValidationError, match="Nilai negatif \\(-1\\) tidak diterima untuk “LPJ tepat waktu”") as exc:
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "-1", versi=1)
    assert exc.value.code == "negatif"
    nv = NilaiVariabel.objects.get()
    assert (nv.nilai, nv.versi) == (3, 1)


def test_a_variable_that_allows_negatives_takes_them(kantor, tw, monkeypatch):
    # Variabel.negatif_boleh is the catalogue's flag; a decreed row cannot change, so every variable
    # loaded in this test reads it as set (a property wins over the value Django stores on the row).
    monkeypatch.setattr(Variabel, "negatif_boleh", property(lambda self: True, lambda self, nilai: None))
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "-1")
    assert nv.nilai == -1


def test_an_ambiguous_comma_is_read_as_a_decimal_with_a_notice(kantor, tw):
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "1,000")
    assert nv.nilai == 1
    assert nv.peringatan[0].startswith("“1,000” dibaca sebagai 1 (koma adalah pemisah desimal)")
    assert nv.riwayat.get().peringatan == nv.peringatan
    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, "2,5", versi=1)
    assert not any("dibaca sebagai" in p for p in nv.peringatan)


def test_warning_rules():
    from types import SimpleNamespace

    def variabel(kode, agregasi="jumlah", satuan="%", ekspresi="a / b * 100", pk=1):
        indikator = SimpleNamespace(pk=99, ekspresi=ekspresi, satuan=satuan, periode_pelaporan="triwulanan")
        return SimpleNamespace(pk=pk, kode=kode, uraian=f"Jumlah {kode}", indikator=indikator)

    a = variabel("a")
    # The other values come from the upload (nilai_lain), so no query is made for them here.
    lonjakan = layanan.peringatan_nilai
    assert lonjakan(a, "TW2", Decimal(40), nilai_lain={(1, "TW1"): Decimal(10)}) != []
    assert lonjakan(a, "TW2", Decimal(30), nilai_lain={(1, "TW1"): Decimal(10)}) == []
    assert lonjakan(a, "TW2", Decimal(3), nilai_lain={(1, "TW1"): Decimal(10)}) != []  # a 3x drop too
    assert lonjakan(a, "TW2", Decimal(3), nilai_lain={(1, "TW1"): Decimal(0)}) == []
    assert lonjakan(a, "TW1", None) == []


@pytest.mark.parametrize("status", ["diajukan", "diverifikasi", "disahkan"])
def test_submitted_verified_and_approved_periods_are_read_only(kantor, tw, status):
    simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    IsianPeriode.objects.filter(jabatan=kantor.sekcam, periode=tw).update(status=status)
    with pytest.raises(PeriodeTerkunci, match=status if status != "diajukan" else "menunggu verifikasi"):
        simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 4, versi=1)
    assert NilaiVariabel.objects.get().nilai == 3


def test_history_is_append_only(kantor, tw):
    from django.core.exceptions import PermissionDenied

    nv = simpan_nilai(kantor.u_sekcam, kantor.lpj_tepat, tw, 3)
    entry = nv.riwayat.get()
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        RiwayatNilai.objects.all().update(baru=9)
    with pytest.raises(PermissionDenied):
        RiwayatNilai.objects.all().delete()


def test_window_isian_stores_its_deadline(kantor, tw):
    isian = layanan.isian_periode(kantor.dokumen, kantor.sekcam, tw)
    assert isian.batas_waktu == layanan.masa_isian(isian)[1]
    assert isian.batas_waktu > timezone.localdate() - timedelta(days=1)


def test_a_value_fed_by_another_module_skips_only_the_holder_check(kantor, tw, django_user_model):
    # e.g. the SKM module feeding "Nilai IKM": it checked its user's right itself.
    nv = simpan_nilai(kantor.u_admin, kantor.lpj_tepat, tw, 3, diumpankan=True, catatan="dari survei")
    assert nv.nilai == 3 and nv.diisi_oleh == kantor.u_admin
    lalu = tetapkan(
        buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
    )
    with pytest.raises(PeriodeTerkunci):
        simpan_nilai(lalu.u_admin, lalu.lpj_tepat, "TW1", 3, diumpankan=True)
