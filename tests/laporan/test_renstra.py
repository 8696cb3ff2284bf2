"""The Renstra end-of-period targets: one write path with its permission and audit, and the LKjIP
table printing them with this year's capaian against them (PDF, DOCX, XLSX)."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Indikator
from kinerja.laporan import layanan
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import capaian
from kinerja.realisasi.layanan import TidakBerhak
from kinerja.renstra.layanan import simpan_target_renstra
from kinerja.renstra.models import TargetRenstra

from .conftest import docx, halaman_pdf, teks_sel
from .test_pengukuran import _tahun_lalu_berganti_nama

pytestmark = pytest.mark.django_db


@pytest.fixture
def perencana(kantor, pengguna):
    return pengguna("perencana", "admin_instansi", instansi=kantor.instansi)


def _isi(kantor, **per_indikator):
    return {getattr(kantor, nama).pk: teks for nama, teks in per_indikator.items()}


def test_saved_with_an_audit_record_and_printed_with_the_capaian_against_it(kantor, perencana):
    assert simpan_target_renstra(perencana, kantor.dokumen, "2021", "2026", _isi(kantor, desa="90", lpj="95–100")) == 2
    desa = TargetRenstra.objects.get(identitas=kantor.desa.identitas)
    assert (desa.instansi, desa.tahun_awal, desa.tahun_akhir, desa.nilai, desa.nilai_hi) == (
        kantor.instansi,
        2021,
        2026,
        90,
        None,
    )
    jejak = Jejak.objects.filter(aksi="tambah_target_renstra")
    assert jejak.count() == 2 and all(j.pengguna == perencana for j in jejak)
    assert {tuple(j.perubahan["target_renstra"][1][:2]) for j in jejak} == {(2021, 2026)}

    data = layanan.data_lkjip(kantor.instansi, 2025)
    [b_desa] = data.jabatan[0].sasaran[0].baris
    [b_lpj] = data.jabatan[1].sasaran[0].baris
    # The capaian rule of kinerja.pengukuran with the indicator's polarity: 85,71 of 90; 100 inside 95–100.
    assert b_desa.capaian_renstra == capaian(b_desa.realisasi, Decimal(90), kantor.desa.polaritas).nilai
    assert round(b_desa.capaian_renstra, 2) == Decimal("95.24") and b_lpj.capaian_renstra == 100
    assert data.judul_renstra == "Target akhir Renstra (2026)"

    halaman = " ".join(halaman_pdf(layanan.buat_lkjip(kantor.instansi, 2025, "pdf").isi))
    assert "Target akhir Renstra (2026)" in halaman
    assert "Persentase desa tertib % 100 85,71 85,71 Tinggi – – 90 95,24" in halaman
    assert "Sangat Tinggi – – 95–100 100,00" in halaman

    _, camat, _ = docx(layanan.buat_lkjip(kantor.instansi, 2025, "docx").isi).tables
    assert [teks_sel(c) for c in camat.rows[1].cells][9] == "Target akhir Renstra (2026)"
    assert [teks_sel(c) for c in camat.rows[2].cells][9:] == ["90", "95,24"]

    ws = load_workbook(io.BytesIO(layanan.buat_lkjip(kantor.instansi, 2025, "xlsx").isi))["Pengukuran Kinerja"]
    kepala = [c.value for c in ws[4]]
    desa_xl, lpj_xl = ({k: c.value for k, c in zip(kepala, ws[n], strict=True)} for n in (5, 6))
    assert desa_xl["Target akhir Renstra"] == 90 and desa_xl["Tahun akhir Renstra"] == 2026
    assert round(desa_xl["Capaian terhadap Renstra (%)"], 2) == 95.24
    assert (lpj_xl["Target akhir Renstra"], lpj_xl["Target akhir Renstra (batas atas)"]) == (95, 100)


def test_without_a_renstra_target_the_table_shows_a_dash(kantor, perencana):
    simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, _isi(kantor, desa="90"))
    data = layanan.data_lkjip(kantor.instansi, 2025)
    [b_lpj] = data.jabatan[1].sasaran[0].baris
    assert b_lpj.target_renstra is None and b_lpj.capaian_renstra is None
    assert data.target_renstra_teks(b_lpj) == "–"


def test_the_target_follows_the_indicator_identity_across_years_and_names(kantor, perencana):
    _tahun_lalu_berganti_nama(kantor)
    lalu = DokumenIKI.objects.get(instansi=kantor.instansi, tahun=2024)
    lama = Indikator.objects.get(sasaran__dokumen=lalu)
    simpan_target_renstra(perencana, lalu, 2021, 2026, {lama.pk: "90"})
    [b_desa] = layanan.data_lkjip(kantor.instansi, 2025).jabatan[0].sasaran[0].baris
    assert b_desa.target_renstra == 90  # set on last year's "Desa yang tertib administrasi"


def test_a_period_that_ended_is_not_this_years(kantor, perencana):
    _tahun_lalu_berganti_nama(kantor)
    lalu = DokumenIKI.objects.get(instansi=kantor.instansi, tahun=2024)
    simpan_target_renstra(perencana, lalu, 2019, 2024, {Indikator.objects.get(sasaran__dokumen=lalu).pk: "90"})
    [b_desa] = layanan.data_lkjip(kantor.instansi, 2025).jabatan[0].sasaran[0].baris
    assert b_desa.target_renstra is None


@pytest.mark.parametrize(
    ("awal", "akhir", "isian", "kunci", "pesan"),
    [
        ("2021", "2026", {"desa": "sembilan puluh"}, "desa", "bukan angka"),
        ("2021", "2026", {"desa": "9" * 30}, "desa", "terlalu besar"),
        ("2021", "2026", {"desa": "90–80"}, "desa", "batas atas lebih kecil"),
        ("2026", "2030", {"desa": "90"}, "tahun_awal", "tidak mencakup tahun IKI ini (2025)"),
        ("2026", "2021", {"desa": "90"}, "tahun_akhir", "tidak boleh sebelum"),
        ("", "2026", {"desa": "90"}, "tahun_awal", "wajib diisi"),
        ("dua ribu", "2026", {"desa": "90"}, "tahun_awal", "harus tahun"),
        ("2000", "2026", {"desa": "90"}, "tahun_akhir", "paling lama 10 tahun"),
    ],
)
def test_bad_input_is_named_and_changes_nothing(kantor, perencana, awal, akhir, isian, kunci, pesan):
    simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, _isi(kantor, lpj="80"))
    sebelum = list(TargetRenstra.objects.values_list("identitas", "nilai"))
    with pytest.raises(ValidationError) as galat:
        simpan_target_renstra(perencana, kantor.dokumen, awal, akhir, _isi(kantor, lpj="99", **isian))
    kunci = str(kantor.desa.pk) if kunci == "desa" else kunci
    assert any(pesan in m for m in galat.value.message_dict[kunci])
    assert list(TargetRenstra.objects.values_list("identitas", "nilai")) == sebelum


def test_an_indicator_of_another_document_is_refused(kantor, perencana):
    lain = Indikator.objects.exclude(sasaran__dokumen=kantor.dokumen).first() or kantor.desa
    with pytest.raises(ValidationError, match="tidak dikenal untuk dokumen ini"):
        simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, {lain.pk + 10_000: "90"})
    assert not TargetRenstra.objects.exists()


def test_overlapping_renstra_periods_of_one_indicator_are_refused(kantor, perencana):
    _tahun_lalu_berganti_nama(kantor)
    lalu = DokumenIKI.objects.get(instansi=kantor.instansi, tahun=2024)
    simpan_target_renstra(perencana, lalu, 2019, 2024, {Indikator.objects.get(sasaran__dokumen=lalu).pk: "80"})
    with pytest.raises(ValidationError) as galat:
        simpan_target_renstra(perencana, kantor.dokumen, 2024, 2029, _isi(kantor, desa="90"))
    assert "2019–2024 yang bertumpang" in galat.value.message_dict[str(kantor.desa.pk)][0]
    assert TargetRenstra.objects.count() == 1


def test_a_blank_cell_removes_the_target_with_an_audit_record(kantor, perencana):
    simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, _isi(kantor, desa="90"))
    assert simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, _isi(kantor, desa="90")) == 0
    assert simpan_target_renstra(perencana, kantor.dokumen, 2021, 2026, _isi(kantor, desa=" ")) == 1
    assert not TargetRenstra.objects.exists()
    assert Jejak.objects.filter(aksi="hapus_target_renstra").count() == 1


@pytest.mark.parametrize("jenis", ["camat", "pejabat", "pemeriksa", "admin_instansi lain", "admin_pemda lain"])
def test_only_the_offices_planner_may_save(kantor, pengguna, jenis):
    from kinerja.organisasi.models import Pemda

    if jenis == "admin_instansi lain":
        user = pengguna(
            "lain",
            "admin_instansi",
            instansi=Instansi.objects.create(pemda=kantor.instansi.pemda, nama="Kecamatan Lain"),
        )
    elif jenis == "admin_pemda lain":
        user = pengguna("lain", "admin_pemda", pemda=Pemda.objects.create(nama="Kabupaten Lain"))
    elif jenis == "pemeriksa":
        user = pengguna("lain", "pemeriksa", pemda=kantor.instansi.pemda)
    else:
        user = pengguna("lain", jenis, instansi=kantor.instansi)
    with pytest.raises(TidakBerhak, match="Hanya admin instansi atau admin pemda"):
        simpan_target_renstra(user, kantor.dokumen, 2021, 2026, _isi(kantor, desa="90"))
    assert not TargetRenstra.objects.exists() and not Jejak.objects.filter(aksi__endswith="renstra").exists()


def test_the_pemdas_admin_may_save(kantor, pengguna):
    user = pengguna("bagor", "admin_pemda", pemda=kantor.instansi.pemda)
    assert simpan_target_renstra(user, kantor.dokumen, 2021, 2026, _isi(kantor, desa="90")) == 1
