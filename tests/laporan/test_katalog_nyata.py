"""Documents of the demo kabupaten and of catalogues imported from the shared real IKI documents,
read back as an official would: lampiran tables matching the source, the right superior in every PK,
the numbers of the computation service."""

from datetime import date

import pytest

from kinerja import dokumen as pembaca_dokumen
from kinerja.demo import buat_demo
from kinerja.format import format_angka
from kinerja.iki.interchange import impor
from kinerja.iki.models import Indikator
from kinerja.laporan import layanan
from kinerja.organisasi.models import Instansi, Jabatan, Pemda
from kinerja.realisasi.hitung import hitung_instansi

from .conftest import docx, teks_sel

pytestmark = pytest.mark.django_db


def tabel_lampiran(berkas: bytes) -> list[list[list[str]]]:
    """The lampiran tables of an IKI DOCX, each as rows of cell texts (header row left out)."""
    tabel = [t for t in docx(berkas).tables if teks_sel(t.rows[0].cells[-1]) == "Sumber Data"]
    return [[[teks_sel(c) for c in r.cells] for r in t.rows[1:]] for t in tabel]


@pytest.fixture
def demo(db):
    return buat_demo(1, hari_ini=date(2026, 11, 21)).instansi[0]


def test_demo_lampiran_lists_every_indicator_of_every_jabatan_in_order(demo):
    tabel = tabel_lampiran(layanan.buat_iki(demo, 2026, "docx").isi)
    data = layanan.data_iki(demo, 2026)
    assert len(tabel) == len(data.jabatan) >= 14
    for jabatan, baris in zip(data.jabatan, tabel, strict=True):
        indikator = Indikator.objects.filter(
            sasaran__dokumen__instansi=demo, sasaran__dokumen__tahun=2026, sasaran__jabatan_id=jabatan.id
        ).order_by("sasaran__urutan", "urutan")
        assert [b[2] for b in baris] == [i.nama for i in indikator]
        assert [b[4] for b in baris] == [i.sumber_data for i in indikator]


def test_demo_every_pk_names_the_superior_holder(demo):
    for jabatan in Jabatan.objects.filter(instansi=demo, atasan__isnull=False, sasaran__dokumen__tahun=2026).distinct():
        data = layanan.data_pk(jabatan, 2026)
        pemegang_atasan = jabatan.atasan.pemegang(data.tanggal)
        assert data.pihak_kedua.nama == pemegang_atasan.nama, jabatan
        assert data.pihak_pertama.nama == jabatan.pemegang(data.tanggal).nama
        assert data.pihak_kedua.nip == pemegang_atasan.nip_tampil


def test_demo_measurement_matches_the_computation_service(demo):
    hasil = {h.indikator_id: h for h in hitung_instansi(demo, 2026, "SD_TW3")}
    data = layanan.data_lkjip(demo, 2026, "SD_TW3")
    baris = [b for _, _, b in data.semua_baris]
    assert len(baris) == len(hasil) == data.jumlah_indikator
    for b in baris:
        h = hasil[b.indikator_id]
        assert (b.nama, b.realisasi, b.capaian, b.kategori) == (h.nama, h.realisasi.nilai, h.capaian.nilai, h.kategori)
    html = layanan.pdf.html_dokumen("lkjip", data, layanan.kertas("a4"))
    for b in baris[:10]:
        assert f">{format_angka(b.realisasi)}<" in html


@pytest.mark.parametrize(
    "nama", ["iki-kecamatan-banyuates-2020.txt", "iki-kecamatan-karang-penang.txt", "iki-kecamatan-sampang-2022.txt"]
)
def test_imported_shared_document_prints_the_same_lampiran(dokumen_dir, nama):
    data = pembaca_dokumen.baca(dokumen_dir / nama)
    pemda = Pemda.objects.create(nama="Kabupaten Contoh")
    instansi = Instansi.objects.create(pemda=pemda, nama=data["instansi"] or "Kecamatan Contoh")
    tahun = data["tahun"] or 2021
    impor(data, instansi, tahun=tahun)
    tabel = tabel_lampiran(layanan.buat_iki(instansi, tahun, "docx").isi)
    sumber = [j for j in data["jabatan"] if any(s["indikator"] for s in j["sasaran"])]
    assert len(tabel) == len(sumber)
    for jabatan, baris in zip(sumber, tabel, strict=True):
        indikator = [i for s in jabatan["sasaran"] for i in s["indikator"]]
        assert [b[2] for b in baris] == [" ".join(i["nama"].split()) for i in indikator], jabatan["nama"]
        for b, i in zip(baris, indikator):
            formula = i["formula"] or {}
            for variabel in formula.get("variabel") or []:
                if variabel.get("nilai_tetap") is None:
                    assert " ".join(variabel["uraian"].split()) in b[3], (i["nama"], b[3])
            if not formula.get("ekspresi"):
                assert b[3] == " ".join((formula.get("teks") or "").split())
        nomor_sasaran = [b[0] for b in baris]
        assert nomor_sasaran == sorted(nomor_sasaran, key=int)  # merged cells repeat the sasaran's number
