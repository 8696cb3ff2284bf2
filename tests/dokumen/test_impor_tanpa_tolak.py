"""The import never refuses a whole document for one row (issue 10): read, then imported."""

import pytest
from test_bentuk_sel import HARAPAN, sebagai_docx, sebagai_pdf

from kinerja.dokumen import baca
from kinerja.iki.interchange import ImporDitolak, impor
from kinerja.iki.models import Indikator
from kinerja.organisasi.models import Instansi, Pemda

pytestmark = pytest.mark.django_db


def _instansi() -> Instansi:
    return Instansi.objects.create(pemda=Pemda.objects.create(nama="Kabupaten Wanasari"), nama="Kecamatan Sidomakmur")


@pytest.mark.parametrize("berkas", [lambda: (sebagai_docx(), "s.docx"), lambda: (sebagai_pdf(True), "s.pdf")])
def test_dokumen_dengan_baris_tanpa_nama_diimpor_dengan_peringatan(berkas):
    data = baca(*berkas())
    hasil = impor(data, _instansi())
    assert Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).count() == len(HARAPAN)
    assert any("baris tabel tanpa nama indikator" in p for p in hasil.peringatan)


def test_indikator_tanpa_nama_di_json_dilewati_bukan_menolak_dokumen():
    data = baca(sebagai_docx(), "s.docx")
    # As a hand-edited interchange file may have it: a row whose name was emptied.
    sasaran = data["jabatan"][1]["sasaran"][0]
    sasaran["indikator"][0]["nama"] = " "
    hasil = impor(data, _instansi())
    assert Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).count() == len(HARAPAN) - 1
    assert any(
        p.startswith(
            "jabatan[1].sasaran[0].indikator[0] (tabel 2, baris 2): indikator dilewati (nama: tidak boleh kosong)"
        )
        for p in hasil.peringatan
    ), hasil.peringatan


def test_dokumen_tanpa_satu_indikator_pun_yang_sah_ditolak():
    data = baca(sebagai_docx(), "s.docx")
    for j in data["jabatan"]:
        for s in j["sasaran"]:
            for i in s["indikator"]:
                i["nama"] = ""
    with pytest.raises(ImporDitolak, match="tidak memuat satu indikator pun yang sah"):
        impor(data, _instansi())
    assert not Indikator.objects.exists()
