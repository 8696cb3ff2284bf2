"""Perjanjian Kinerja: PIHAK PERTAMA holds the jabatan, PIHAK KEDUA its atasan (the Bupati for the Camat)."""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.laporan import layanan
from kinerja.laporan.isi import LaporanError, TidakAda
from kinerja.laporan.models import KepalaDaerah
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from kinerja.realisasi.models import Target

from .conftest import NIP_CAMAT_TAMPIL, NIP_SEKCAM_TAMPIL, docx, halaman_pdf, simpan_png, teks_docx, teks_sel

pytestmark = pytest.mark.django_db


def test_pdf_of_the_sekcam_names_the_camat_as_pihak_kedua(kantor, artifact_dir):
    berkas = layanan.buat_pk(kantor.sekcam, 2025, "pdf")
    assert berkas.nama == "pk-2025-sekretaris-kecamatan-uji.pdf" and berkas.peringatan == []
    pernyataan, lampiran = halaman_pdf(berkas.isi)
    assert "PERJANJIAN KINERJA TAHUN 2025" in pernyataan
    pertama, kedua = pernyataan.split("selanjutnya disebut pihak pertama")
    assert "Nama : Siti Aminah Uji, S.E. Jabatan : Sekretaris Kecamatan Uji" in pertama
    assert "Nama : Drs. Ahmad Fauzi Uji Jabatan : Camat Uji selaku atasan pihak pertama" in kedua
    assert "Uji, 6 Januari 2025" in kedua  # signed on the IKI decree's date by default
    for teks in (pernyataan, lampiran):
        assert f"NIP. {NIP_CAMAT_TAMPIL}" in teks and f"NIP. {NIP_SEKCAM_TAMPIL}" in teks
        assert "PIHAK KEDUA, PIHAK PERTAMA," in teks
    assert "Meningkatnya akuntabilitas" in lampiran and "Persentase LPJ tepat waktu 87,5%" in lampiran
    assert "Persentase desa tertib" not in lampiran  # only the jabatan's own indicators
    simpan_png(berkas.isi, 0, artifact_dir / "laporan-pk.png")


def test_docx_has_the_parties_the_targets_and_both_signatures(kantor):
    dokumen = docx(layanan.buat_pk(kantor.sekcam, 2025, "docx").isi)
    semua = teks_docx(dokumen)
    assert "Siti Aminah Uji, S.E." in semua and "Drs. Ahmad Fauzi Uji" in semua
    assert "selaku atasan pihak pertama, selanjutnya disebut pihak kedua" in semua
    [target] = [t for t in dokumen.tables if teks_sel(t.rows[0].cells[-1]) == "Target"]
    assert [teks_sel(c) for c in target.rows[1].cells] == [
        "1",
        "Meningkatnya akuntabilitas",
        "Persentase LPJ tepat waktu",
        "87,5%",
    ]
    tanda_tangan = [t for t in dokumen.tables if teks_sel(t.rows[0].cells[0]).startswith("PIHAK KEDUA")]
    assert len(tanda_tangan) == 2
    kiri = [teks_sel(r.cells[0]) for r in tanda_tangan[0].rows]
    kanan = [teks_sel(r.cells[1]) for r in tanda_tangan[0].rows]
    # Each line in its own row: the two names (and NIPs) stand at one height.
    assert kanan[kiri.index("Drs. Ahmad Fauzi Uji")] == "Siti Aminah Uji, S.E."
    assert kanan[kiri.index(f"NIP. {NIP_CAMAT_TAMPIL}")] == f"NIP. {NIP_SEKCAM_TAMPIL}"


def test_quarterly_range_targets_print_as_ranges_and_the_names_align_when_a_title_wraps(kantor):
    from kinerja.realisasi.models import Target

    for nomor, (lo, hi) in enumerate([(20, 25), (45, 50), (70, 75), (95, 100)], 1):
        Target.objects.create(indikator=kantor.lpj, periode=f"TW{nomor}", nilai=lo, nilai_hi=hi)
    data = layanan.data_pk(kantor.sekcam, 2025)
    [indikator] = data.jabatan.sasaran[0].indikator
    assert [indikator.target_tw_teks(p) for p in ("TW1", "TW4")] == ["20–25%", "95–100%"]
    # A title long enough to wrap (set directly: a jabatan named by a decreed document keeps its name).
    type(kantor.sekcam).objects.filter(pk=kantor.sekcam.pk).update(
        nama="Sekretaris Kecamatan yang Membawahi Umum, Kepegawaian, Keuangan dan Perencanaan"
    )
    isi = layanan.buat_pk(kantor.sekcam, 2025, "pdf").isi
    semua = " ".join(halaman_pdf(isi))
    assert "20–25% 45–50% 70–75% 95–100%" in semua
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        kata = [k for k in pdf.pages[0].extract_words() if k["text"] in ("Fauzi", "Aminah")]
    # The last "Fauzi" and "Aminah" are the names under the signatures (the first ones name the parties).
    fauzi = max(k["top"] for k in kata if k["text"] == "Fauzi")
    aminah = max(k["top"] for k in kata if k["text"] == "Aminah")
    assert abs(fauzi - aminah) < 1


def test_the_camat_agrees_with_the_bupati(kantor):
    data = layanan.data_pk(kantor.camat, 2025)
    assert data.pihak_kedua.jabatan == "Bupati Uji" and not data.pihak_kedua.terisi
    assert any("Nama Bupati Uji belum diisi" in p for p in data.peringatan)
    assert not any("/laporan/" in p for p in data.peringatan)  # words for a person, not a path
    KepalaDaerah.objects.create(pemda=kantor.instansi.pemda, nama="H. Slamet Junaidi")
    data = layanan.data_pk(kantor.camat, 2025)
    assert (data.pihak_kedua.jabatan, data.pihak_kedua.nama) == ("Bupati Uji", "H. Slamet Junaidi")
    assert data.peringatan == []
    semua = " ".join(halaman_pdf(layanan.buat_pk(kantor.camat, 2025, "pdf").isi))
    assert "Nama : H. Slamet Junaidi Jabatan : Bupati Uji" in semua


def test_the_holders_on_the_signing_date(kantor):
    pengganti = Pegawai.objects.create(nama="Budi Pengganti", nip="197512312000031003", pangkat="IV/a")
    Penugasan.objects.filter(jabatan=kantor.camat).update(selesai=date(2025, 6, 30))
    Penugasan.objects.create(pegawai=pengganti, jabatan=kantor.camat, mulai=date(2025, 7, 1))
    januari = layanan.data_pk(kantor.sekcam, 2025)
    juli = layanan.data_pk(kantor.sekcam, 2025, date(2025, 7, 15))
    assert januari.pihak_kedua.nama == "Drs. Ahmad Fauzi Uji"
    assert (juli.pihak_kedua.nama, juli.pihak_kedua.pangkat, juli.pihak_kedua.nip) == (
        "Budi Pengganti",
        "Pembina",
        "19751231 200003 1 003",
    )
    assert juli.tempat_tanggal == "Uji, 15 Juli 2025"
    Penugasan.objects.filter(jabatan=kantor.sekcam).delete()
    kosong = layanan.data_pk(kantor.sekcam, 2025)
    assert not kosong.pihak_pertama.terisi and any("PIHAK PERTAMA kosong" in p for p in kosong.peringatan)


def test_quarterly_targets_add_columns(kantor):
    for tw, nilai in enumerate(("25", "50", "75", "87.5"), 1):
        Target.objects.create(indikator=kantor.lpj, periode=f"TW{tw}", nilai=Decimal(nilai))
    halaman = halaman_pdf(layanan.buat_pk(kantor.sekcam, 2025, "pdf").isi)
    assert "Target per Triwulan" in halaman[1] and "25% 50% 75% 87,5%" in halaman[1]
    dokumen = docx(layanan.buat_pk(kantor.sekcam, 2025, "docx").isi)
    [target] = [t for t in dokumen.tables if teks_sel(t.rows[0].cells[0]) == "No"]
    assert [teks_sel(c) for c in target.rows[0].cells][-4:] == ["TW I", "TW II", "TW III", "TW IV"]
    assert [teks_sel(c) for c in target.rows[1].cells][-4:] == ["25%", "50%", "75%", "87,5%"]


def test_range_targets_and_units(kantor):
    Target.objects.filter(indikator=kantor.lpj, periode="TAHUN").update(nilai=Decimal(80), nilai_hi=Decimal(90))
    [indikator] = layanan.data_pk(kantor.sekcam, 2025).jabatan.sasaran[0].indikator
    assert indikator.target_teks == "80–90%"
    indikator.satuan, indikator.target, indikator.target_hi = "kejadian", Decimal(1250), None
    assert indikator.target_teks == "1.250 kejadian"


def test_refusals(kantor):
    with pytest.raises(LaporanError, match="tidak tersedia sebagai XLSX; pilih PDF atau DOCX"):
        layanan.buat_pk(kantor.sekcam, 2025, "xlsx")
    with pytest.raises(LaporanError, match="tidak berada di tahun 2025"):
        layanan.data_pk(kantor.sekcam, 2025, date(2026, 1, 2))
    tanpa_indikator = Jabatan.objects.create(instansi=kantor.instansi, nama="Caraka", atasan=kantor.sekcam)
    with pytest.raises(TidakAda, match="Caraka belum memiliki sasaran dan indikator"):
        layanan.data_pk(tanpa_indikator, 2025)


def test_the_planner_enters_programs_and_budgets_printed_under_the_targets(client, pengguna, kantor):
    from django.core.exceptions import ValidationError
    from django.urls import reverse

    from kinerja.audit.models import Jejak

    sekcam = kantor.sekcam
    sekcam.eselon = "III.b"
    sekcam.save()
    teks = "Program Penunjang Urusan Pemerintahan; 1.250.000.000; APBD\nProgram Pelayanan Publik; 300.000.000,50"
    assert layanan.simpan_program(sekcam, 2025, teks) == 2
    data = layanan.data_pk(sekcam, 2025)
    assert str(data.jumlah_anggaran) == "1550000000.50"
    semua = " ".join(halaman_pdf(layanan.buat_pk(sekcam, 2025, "pdf").isi))
    assert "1 Program Penunjang Urusan Pemerintahan Rp1.250.000.000,00 APBD" in semua
    assert "Jumlah Rp1.550.000.000,50" in semua
    lampiran = teks_docx(docx(layanan.buat_pk(sekcam, 2025, "docx").isi))
    assert "Program Pelayanan Publik" in lampiran and "Rp1.550.000.000,50" in lampiran
    assert Jejak.objects.filter(aksi="ubah_program_pk").count() == 1

    with pytest.raises(ValidationError) as galat:
        layanan.simpan_program(sekcam, 2025, "Program A; satu juta\nProgram B")
    assert galat.value.message_dict["program"][0].startswith("Baris 1:")
    assert len(galat.value.message_dict["program"]) == 2
    assert layanan.data_pk(sekcam, 2025).jumlah_anggaran > 0  # unchanged
    staf = kantor.camat
    staf.eselon = ""
    with pytest.raises(ValidationError, match="bukan jabatan eselon III/IV"):
        layanan.simpan_program(staf, 2025, "Program A; 1")

    url = reverse("laporan:program_pk", args=[sekcam.pk, 2025])
    client.force_login(pengguna("admin.uji", "admin_instansi", instansi=kantor.instansi))
    assert url in client.get(reverse("laporan:pk", args=[sekcam.pk, 2025])).content.decode()
    assert "Program Pelayanan Publik; 300.000.000,50" in client.get(url).content.decode()
    jawab = client.post(url, {"program": "Program C; -5"})
    assert jawab.status_code == 400 and "tidak boleh negatif" in jawab.content.decode()
    assert client.post(url, {"program": "Program C; 5.000.000"}).status_code == 302
    assert [p[0] for p in layanan.data_pk(sekcam, 2025).program] == ["Program C"]
