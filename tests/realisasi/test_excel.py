"""Excel round trip: pre-filled template, preview by row, all-or-nothing commit, locked periods refused."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from kinerja.iki.models import Indikator, Sasaran, Variabel
from kinerja.realisasi import excel, layanan
from kinerja.realisasi.excel import UnggahanGagal, buat_template, pratinjau_unggahan, terapkan_unggahan
from kinerja.realisasi.layanan import KonflikVersi, PeriodeTerkunci
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel

from .conftest import buat_kantor, tetapkan

pytestmark = pytest.mark.django_db


def tambah_indikator_surat(kantor):
    """A second indicator for the sekcam (a plain count), added before the document is decreed."""
    sasaran = Sasaran.objects.get(dokumen=kantor.dokumen, jabatan=kantor.sekcam)
    indikator = Indikator.objects.create(
        sasaran=sasaran, nama="Jumlah surat keluar", ekspresi="surat_keluar", satuan="surat", urutan=2
    )
    Variabel.objects.create(indikator=indikator, kode="surat_keluar", uraian="Jumlah surat keluar")
    return kantor


@pytest.fixture
def kantor2(django_user_model):
    return tetapkan(tambah_indikator_surat(buat_kantor(django_user_model)))


def baris_per_kode(data: bytes) -> dict:
    ws = load_workbook(io.BytesIO(data))[excel.LEMBAR_ISIAN]
    return {ws.cell(r, 6).value: r for r in range(excel.BARIS_JUDUL_KOLOM + 1, ws.max_row + 1) if ws.cell(r, 6).value}


def isi(data: bytes, nilai: dict) -> bytes:
    """Fill the Nilai column (and optionally Catatan) of the rows with these codes, as a user would."""
    buku = load_workbook(io.BytesIO(data))
    ws = buku[excel.LEMBAR_ISIAN]
    baris = baris_per_kode(data)
    for kode, isi_sel in nilai.items():
        nilai_sel, catatan = isi_sel if isinstance(isi_sel, tuple) else (isi_sel, None)
        ws.cell(baris[kode], excel.KOL_NILAI, nilai_sel)
        if catatan is not None:
            ws.cell(baris[kode], excel.KOL_CATATAN, catatan)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def test_template_is_prefilled_protected_and_validated(kantor2, tw):
    layanan.simpan_nilai(kantor2.u_sekcam, kantor2.lpj_tepat, tw, "2,5", catatan="dua LPJ")
    data = buat_template(kantor2.instansi, kantor2.dokumen.tahun, tw)
    buku = load_workbook(io.BytesIO(data))
    ws = buku[excel.LEMBAR_ISIAN]
    assert [c.value for c in ws[excel.BARIS_JUDUL_KOLOM]] == excel.KOLOM
    baris = baris_per_kode(data)
    assert set(baris) == {"desa_tertib", "lpj_tepat", "surat_keluar"}  # fixed values and constants have no row
    r = baris["lpj_tepat"]
    assert ws.cell(r, excel.KOL_ID).value == kantor2.lpj_tepat.pk and ws.cell(r, excel.KOL_VERSI).value == 1
    assert ws.cell(r, excel.KOL_NILAI).value == 2.5 and ws.cell(r, excel.KOL_CATATAN).value == "dua LPJ"
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["B"].hidden
    assert ws.protection.sheet
    assert ws.cell(r, 3).protection.locked and not ws.cell(r, excel.KOL_NILAI).protection.locked
    validasi = ws.data_validations.dataValidation
    assert len(validasi) == 1 and validasi[0].type == "decimal" and "H5" in str(validasi[0].sqref)
    assert buku[excel.LEMBAR_META].sheet_state == "veryHidden"


def test_template_for_one_jabatan_has_only_its_rows(kantor2, tw):
    assert set(baris_per_kode(buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw))) == {
        "lpj_tepat",
        "surat_keluar",
    }


def test_template_needs_a_document_in_force(kantor2, tw):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="belum memiliki dokumen IKI 2001"):
        buat_template(kantor2.instansi, 2001, tw)


def test_round_trip_previews_then_commits(kantor2, tw):
    data = isi(
        buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw), {"lpj_tepat": ("5", "lima"), "surat_keluar": 12}
    )
    pratinjau = pratinjau_unggahan(kantor2.u_sekcam, data)
    assert pratinjau.galat == [] and pratinjau.bisa_diterapkan
    assert [(p.kode, p.lama, p.baru, p.catatan) for p in pratinjau.perubahan] == [
        ("lpj_tepat", None, Decimal(5), "lima"),
        ("surat_keluar", None, Decimal(12), ""),
    ]
    # lpj is fixed at 4: the numerator above it is a warning for that row, not an error.
    assert [baris for baris, pesan in pratinjau.peringatan if "penyebut" in pesan] == [pratinjau.perubahan[0].baris]
    assert not NilaiVariabel.objects.exists()  # a preview writes nothing
    tersimpan = terapkan_unggahan(kantor2.u_sekcam, pratinjau)
    assert {(nv.variabel.kode, nv.nilai) for nv in tersimpan} == {("lpj_tepat", 5), ("surat_keluar", 12)}
    assert {nv.riwayat.get().sumber for nv in tersimpan} == {"excel"}
    # Downloading again and uploading unchanged changes nothing.
    assert (
        pratinjau_unggahan(kantor2.u_sekcam, buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw)).perubahan == []
    )


def test_errors_are_reported_by_row_and_block_the_commit(kantor2, tw):
    data = isi(
        buat_template(kantor2.instansi, kantor2.dokumen.tahun, tw),
        {"lpj_tepat": "dua", "surat_keluar": 3, "desa_tertib": 5},
    )
    baris = baris_per_kode(data)
    pratinjau = pratinjau_unggahan(kantor2.u_sekcam, data)
    galat = dict(pratinjau.galat)
    assert set(galat) == {baris["lpj_tepat"], baris["desa_tertib"]}
    assert "bukan angka" in galat[baris["lpj_tepat"]]
    assert "tidak berhak mengisi realisasi Camat" in galat[baris["desa_tertib"]]
    assert [p.kode for p in pratinjau.perubahan] == ["surat_keluar"]
    with pytest.raises(Exception, match="masih memiliki galat"):
        terapkan_unggahan(kantor2.u_sekcam, pratinjau)
    assert not NilaiVariabel.objects.exists()


@pytest.mark.parametrize("data", [b"bukan excel", b"PK\x03\x04rusak"])
def test_unreadable_files_are_an_error_for_the_whole_file(kantor2, data):
    assert pratinjau_unggahan(kantor2.u_sekcam, data).galat == [(0, "Berkas rusak atau bukan XLSX (Excel) yang sah.")]


def test_a_foreign_workbook_is_not_a_template(kantor2):
    buffer = io.BytesIO()
    Workbook().save(buffer)
    [(baris, pesan)] = pratinjau_unggahan(kantor2.u_sekcam, buffer.getvalue()).galat
    assert baris == 0 and "bukan templat isian Kinerja" in pesan


def test_locked_period_is_refused_through_the_upload(django_user_model):
    lalu = tetapkan(
        tambah_indikator_surat(
            buat_kantor(django_user_model, tahun=timezone.localdate().year - 1, nama="Kecamatan Lalu", awalan="l")
        )
    )
    template = buat_template(lalu.sekcam, lalu.dokumen.tahun, "TW1")
    ws = load_workbook(io.BytesIO(template))[excel.LEMBAR_ISIAN]
    assert "berakhir 10 April" in ws.cell(excel.BARIS_JUDUL_KOLOM + 1, 10).value  # the Keterangan column says why
    pratinjau = pratinjau_unggahan(lalu.u_sekcam, isi(template, {"surat_keluar": 4}))
    assert len(pratinjau.galat) == 1 and "berakhir 10 April" in pratinjau.galat[0][1]
    assert not pratinjau.bisa_diterapkan
    assert not NilaiVariabel.objects.exists()


def test_a_period_locked_between_preview_and_commit_writes_nothing(kantor2, tw):
    pratinjau = pratinjau_unggahan(
        kantor2.u_sekcam,
        isi(buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw), {"lpj_tepat": 3, "surat_keluar": 7}),
    )
    assert pratinjau.bisa_diterapkan
    isian = layanan.isian_periode(kantor2.dokumen, kantor2.sekcam, tw)
    IsianPeriode.objects.filter(pk=isian.pk).update(status="diverifikasi")
    with pytest.raises(UnggahanGagal) as exc:
        terapkan_unggahan(kantor2.u_sekcam, pratinjau)
    assert isinstance(exc.value.sebab, PeriodeTerkunci) and exc.value.baris == pratinjau.perubahan[0].baris
    assert not NilaiVariabel.objects.exists()


def test_all_or_nothing_when_a_later_row_conflicts(kantor2, tw):
    berkas = isi(buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw), {"lpj_tepat": 3, "surat_keluar": 7})
    pratinjau = pratinjau_unggahan(kantor2.u_sekcam, berkas)
    surat = Variabel.objects.get(kode="surat_keluar")
    layanan.simpan_nilai(kantor2.u_sekcam, surat, tw, 9)  # somebody saves on the web after the download
    with pytest.raises(UnggahanGagal) as exc:
        terapkan_unggahan(kantor2.u_sekcam, pratinjau)
    assert isinstance(exc.value.sebab, KonflikVersi) and exc.value.baris == pratinjau.perubahan[1].baris
    assert list(NilaiVariabel.objects.values_list("variabel__kode", "nilai")) == [("surat_keluar", 9)]
    # Previewing the same (now stale) file again reports the conflict on that row.
    [(baris, pesan)] = pratinjau_unggahan(kantor2.u_sekcam, berkas).galat
    assert baris == pratinjau.perubahan[1].baris and "diubah orang lain sejak templat diunduh" in pesan


def test_template_lists_only_indicators_reported_that_quarter(django_user_model):
    # A decreed document refuses every change (on PostgreSQL even raw SQL): set the period before decreeing.
    kantor2 = tambah_indikator_surat(buat_kantor(django_user_model))
    Indikator.objects.filter(nama="Jumlah surat keluar").update(periode_pelaporan="semesteran")
    kantor2 = tetapkan(kantor2)
    tahun = kantor2.dokumen.tahun
    assert set(baris_per_kode(buat_template(kantor2.sekcam, tahun, "TW1"))) == {"lpj_tepat"}
    assert set(baris_per_kode(buat_template(kantor2.sekcam, tahun, "TW2"))) == {"lpj_tepat", "surat_keluar"}


def test_a_formula_in_a_value_or_note_cell_is_refused_by_cell_not_read_as_blank(kantor2, tw):
    layanan.simpan_nilai(kantor2.u_sekcam, kantor2.lpj_tepat, tw, "3")
    data = isi(
        buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw),
        {"lpj_tepat": "=1+1", "surat_keluar": (7, '=HYPERLINK("http://contoh.invalid","klik")')},
    )
    baris = baris_per_kode(data)
    pratinjau = pratinjau_unggahan(kantor2.u_sekcam, data)
    assert pratinjau.galat == [
        (baris["lpj_tepat"], f"Sel H{baris['lpj_tepat']} berisi rumus (=1+1); isi Nilai dengan angka, bukan rumus."),
        (
            baris["surat_keluar"],
            f'Sel I{baris["surat_keluar"]} berisi rumus (=HYPERLINK("http://contoh.invalid","klik); '
            "isi Catatan dengan teks, bukan rumus.",
        ),
    ]
    assert NilaiVariabel.objects.get(variabel=kantor2.lpj_tepat).nilai == 3


def test_a_bomb_uploaded_as_a_template_is_refused_with_a_message(kantor2):
    from tests.unggahan import bom

    [(baris, pesan)] = pratinjau_unggahan(kantor2.u_sekcam, bom.bom_terurai(64), "isian.xlsx").galat
    assert baris == 0 and pesan.startswith("Berkas isian.xlsx terurai menjadi 64 MB")


def test_a_note_that_looks_like_a_formula_is_downloaded_as_text_and_uploads_back_unchanged(kantor2, tw):
    catatan = '=HYPERLINK("http://contoh.invalid","klik")'
    layanan.simpan_nilai(kantor2.u_sekcam, kantor2.lpj_tepat, tw, "3", catatan=catatan)
    data = buat_template(kantor2.sekcam, kantor2.dokumen.tahun, tw)
    sel = load_workbook(io.BytesIO(data))[excel.LEMBAR_ISIAN].cell(baris_per_kode(data)["lpj_tepat"], excel.KOL_CATATAN)
    assert (sel.value, sel.data_type, sel.quotePrefix) == (catatan, "s", True)
    pratinjau = pratinjau_unggahan(kantor2.u_sekcam, data)
    assert pratinjau.galat == [] and pratinjau.perubahan == []
