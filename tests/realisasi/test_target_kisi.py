"""The target grid of a jabatan (simpan_target_jabatan) and last year's figures beside it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.audit.models import Jejak
from kinerja.iki.models import Indikator
from kinerja.iki.tahun_baru import mulai_tahun_baru
from kinerja.realisasi.layanan import TidakBerhak
from kinerja.realisasi.models import NilaiVariabel, Target
from kinerja.realisasi.target import pembanding_tahun_lalu, simpan_target_jabatan

from .conftest import buat_kantor

pytestmark = pytest.mark.django_db


@pytest.fixture
def kantor(django_user_model):
    return buat_kantor(django_user_model, tahun=2025)


def lpj(kantor):
    return Indikator.objects.get(sasaran__dokumen=kantor.dokumen, nama="Persentase LPJ tepat waktu")


def test_the_grid_saves_every_cell_with_audit_and_warns(kantor):
    ind = lpj(kantor)
    peringatan = simpan_target_jabatan(
        kantor.u_admin,
        kantor.dokumen,
        kantor.sekcam,
        {(ind.pk, "TAHUN"): "85,5", (ind.pk, "TW1"): "30", (ind.pk, "TW2"): "20", (ind.pk, "TW4"): "80–90"},
    )
    target = {t.periode: (t.nilai, t.nilai_hi) for t in Target.objects.filter(indikator=ind)}
    assert target == {
        "TAHUN": (Decimal("85.5"), None),
        "TW1": (30, None),
        "TW2": (20, None),
        "TW4": (80, 90),
    }
    assert Jejak.objects.filter(aksi="tambah_target").count() == 4
    # lpj_tepat / lpj(4) * 100 adds up over quarters: TW2 below TW1 is named; TW4 is not the annual target.
    assert any("TW2 (20,00) lebih kecil dari TW1 (30,00)" in p for p in peringatan[ind.pk])
    assert any("tidak sama dengan target tahunan" in p for p in peringatan[ind.pk])
    # Unchanged cells are not written again; a blank cell removes its target.
    simpan_target_jabatan(
        kantor.u_admin, kantor.dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "85,5", (ind.pk, "TW2"): ""}
    )
    assert Jejak.objects.filter(aksi="ubah_target").count() == 0
    assert Jejak.objects.filter(aksi="hapus_target").count() == 1
    assert not Target.objects.filter(indikator=ind, periode="TW2").exists()


@pytest.mark.parametrize(
    "isian, kunci, pesan",
    [
        ({"TAHUN": "90", "TW1": "banyak"}, "TW1", "“banyak” bukan angka"),
        ({"TAHUN": "90", "TW3": "90–80"}, "TW3", "batas atas lebih kecil"),
        ({"TAHUN": "90", "TW2": "1e99"}, "TW2", ""),
    ],
)
def test_one_bad_cell_saves_nothing_and_names_the_cell(kantor, isian, kunci, pesan):
    ind = lpj(kantor)
    with pytest.raises(ValidationError) as exc:
        simpan_target_jabatan(kantor.u_admin, kantor.dokumen, kantor.sekcam, {(ind.pk, p): v for p, v in isian.items()})
    [teks] = exc.value.message_dict[f"{ind.pk}-{kunci}"]
    assert pesan in teks and ind.nama[:30] in teks and f"s.d. {kunci}" in teks
    assert not Target.objects.exists() and not Jejak.objects.filter(aksi__endswith="_target").exists()


def test_cells_of_another_jabatan_or_unknown_periods_are_refused(kantor):
    ind = lpj(kantor)
    for kunci in ((ind.pk, "S1"), (ind.pk + 999, "TAHUN")):
        with pytest.raises(ValidationError, match="muat ulang"):
            simpan_target_jabatan(kantor.u_admin, kantor.dokumen, kantor.sekcam, {kunci: "90"})
    with pytest.raises(ValidationError, match="muat ulang"):  # sekcam's indicator in the camat's grid
        simpan_target_jabatan(kantor.u_admin, kantor.dokumen, kantor.camat, {(ind.pk, "TAHUN"): "90"})
    assert not Target.objects.exists()


def test_only_catalogue_managers(kantor):
    ind = lpj(kantor)
    with pytest.raises(TidakBerhak, match="admin instansi"):
        simpan_target_jabatan(kantor.u_sekcam, kantor.dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "banyak"})
    assert not Target.objects.exists()


def test_annual_targets_of_a_decreed_document_only_by_revision(kantor):
    ind = lpj(kantor)
    simpan_target_jabatan(kantor.u_admin, kantor.dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "90"})
    dokumen = kantor.dokumen.tetapkan(kantor.u_admin)
    with pytest.raises(ValidationError) as exc:
        simpan_target_jabatan(kantor.u_admin, dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "95", (ind.pk, "TW1"): "20"})
    assert "melalui revisi" in exc.value.message_dict[f"{ind.pk}-TAHUN"][0]
    assert not Target.objects.filter(periode="TW1").exists()
    # The same annual value alongside a quarterly one is fine: the rencana aksi may still be planned.
    simpan_target_jabatan(kantor.u_admin, dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "90", (ind.pk, "TW1"): "20"})
    assert Target.objects.get(indikator=ind, periode="TW1").nilai == 20


def test_next_year_shows_last_years_target_and_realisasi(kantor):
    ind = lpj(kantor)
    simpan_target_jabatan(kantor.u_admin, kantor.dokumen, kantor.sekcam, {(ind.pk, "TAHUN"): "75"})
    for periode, nilai in (("TW1", 1), ("TW2", 1), ("TW3", 0), ("TW4", 1)):
        NilaiVariabel.objects.create(variabel=kantor.lpj_tepat, periode=periode, nilai=nilai)
    lalu = kantor.dokumen.tetapkan(kantor.u_admin)
    baru = mulai_tahun_baru(lalu, kantor.u_admin)
    assert not Target.objects.filter(indikator__sasaran__dokumen=baru).exists()
    ind_baru = Indikator.objects.get(sasaran__dokumen=baru, nama=ind.nama)
    pembanding = pembanding_tahun_lalu(baru)
    assert pembanding[ind_baru.pk]["target"] == (75, None)
    assert pembanding[ind_baru.pk]["realisasi"] == 75  # 3 of 4 LPJ on time
    assert pembanding_tahun_lalu(lalu) == {}  # nothing decreed the year before
