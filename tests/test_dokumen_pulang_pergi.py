"""Document → catalogue → document → catalogue.

A catalogue is rendered as the official Dokumen IKI (kinerja.laporan, DOCX and PDF), the file is
read back with kinerja.dokumen, and the catalogue read back must match the source: the jabatan
(by the name the document prints) with their tugas and fungsi, the indicators of each, their
sasaran, sumber data and formulas, and the decree's number, date and signatory. Then the
read-back JSON is imported into a fresh instansi: its export, and its own document read back,
must match again. Variable codes derived from the printed text may differ from the source's;
what must match is each formula's structure with its variables' uraian and fixed values, which
the document prints beside them ("Jumlah desa (7)").

Not printed, so not compared: eselon, atasan, satuan, polaritas, catatan, targets, cascading
links, variable codes and aggregation.
"""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.demo import buat_demo
from kinerja.dokumen import baca
from kinerja.iki.interchange import ekspor, impor
from kinerja.iki.models import DokumenIKI
from kinerja.laporan import layanan
from kinerja.laporan.isi import nama_jabatan_lengkap
from kinerja.organisasi.models import Instansi, Jabatan, Pemda
from kinerja.rumus import Angka, Negasi, Variabel, parse
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


def bentuk_rumus(formula: dict):
    """The formula's tree with each variable replaced by (uraian, fixed value): codes left out."""
    if formula["ekspresi"] is None:
        return None
    per_kode = {v["kode"]: v for v in formula["variabel"]}

    def jalan(simpul):
        if isinstance(simpul, Variabel):
            v = per_kode[simpul.nama]
            tetap = v.get("nilai_tetap")
            return ("variabel", v["uraian"], None if tetap is None else Decimal(str(tetap)))
        if isinstance(simpul, Angka):
            return ("angka", simpul.nilai)
        if isinstance(simpul, Negasi):
            return ("negasi", jalan(simpul.isi))
        return (simpul.operator, jalan(simpul.kiri), jalan(simpul.kanan))

    return jalan(parse(formula["ekspresi"]).akar)


def ringkas(data: dict) -> dict[str, dict]:
    """Jabatan name → its tugas, fungsi and indicators as (sasaran, nama, sumber data, formula structure)."""
    return {
        j["nama"]: {
            "tugas": j["tugas"],
            "fungsi": j["fungsi"],
            "indikator": [
                (s["uraian"], i["nama"], i.get("sumber_data") or None, bentuk_rumus(i["formula"]))
                for s in j["sasaran"]
                for i in s["indikator"]
            ],
        }
        for j in data["jabatan"]
    }


def harapan(dokumen: DokumenIKI) -> dict[str, dict]:
    """The source catalogue as the document shows it: jabatan under their printed names."""
    instansi = dokumen.instansi
    return {
        nama_jabatan_lengkap(Jabatan.objects.get(instansi=instansi, nama=nama), instansi): isi
        for nama, isi in ringkas(ekspor(dokumen)).items()
    }


def periksa_sama(dibaca: dict[str, dict], diharapkan: dict[str, dict]) -> None:
    assert list(dibaca) == list(diharapkan)
    assert {j: len(isi["indikator"]) for j, isi in dibaca.items()} == {
        j: len(isi["indikator"]) for j, isi in diharapkan.items()
    }
    for jabatan, isi in diharapkan.items():
        assert (dibaca[jabatan]["tugas"], dibaca[jabatan]["fungsi"]) == (isi["tugas"], isi["fungsi"]), jabatan
        for baca_i, harap_i in zip(dibaca[jabatan]["indikator"], isi["indikator"]):
            assert baca_i == harap_i, f"{jabatan} / {harap_i[1]}"


@pytest.fixture(params=["demo", "kecil"])
def dokumen(request) -> DokumenIKI:
    if request.param == "demo":
        instansi = buat_demo(1, hari_ini=date(2026, 11, 21)).instansi[0]
        return DokumenIKI.objects.filter(instansi=instansi, tahun=2026).order_by("-revisi").first()
    return katalog_kecil()


@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_dokumen_iki_dibaca_kembali_menjadi_katalog_yang_sama(dokumen, format):
    berkas = layanan.buat_iki(dokumen.instansi, dokumen.tahun, format)
    dibaca = baca(berkas.isi, berkas.nama)
    diharapkan = harapan(dokumen)

    periksa_sama(ringkas(dibaca), diharapkan)
    assert dibaca["peringatan"] == []
    assert (dibaca["instansi"], dibaca["kabupaten"], dibaca["tahun"]) == (
        dokumen.instansi.nama,
        dokumen.instansi.pemda.nama,
        dokumen.tahun,
    )
    assert (dibaca["sk"]["nomor"], dibaca["sk"]["tanggal"]) == (dokumen.sk_nomor, dokumen.sk_tanggal.isoformat())
    # The signatory: the demo's decree names one; katalog_kecil's leaves the name line empty.
    assert (dibaca["sk"]["penandatangan"], dibaca["sk"].get("nip")) == (
        dokumen.sk_penandatangan or None,
        dokumen.sk_penandatangan_nip or None,
    )

    # The full loop: the catalogue read back, imported into a fresh instansi, exports the same,
    # and its own document reads back the same again.
    salinan = Instansi.objects.create(pemda=Pemda.objects.create(nama="Kabupaten Salinan"), nama=dokumen.instansi.nama)
    hasil = impor(dibaca, salinan)
    periksa_sama(ringkas(ekspor(hasil.dokumen)), diharapkan)
    berkas_salinan = layanan.buat_iki(salinan, hasil.dokumen.tahun, format)
    periksa_sama(ringkas(baca(berkas_salinan.isi, berkas_salinan.nama)), diharapkan)
