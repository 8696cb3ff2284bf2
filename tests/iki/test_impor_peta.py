"""Importing maps the document's jabatan onto the instansi's (never a silent duplicate), keeps the
year's tugas and fungsi with its document, and keeps the SK's signatory."""

import copy
import json
from pathlib import Path

import pytest

from kinerja.cli import main
from kinerja.iki.interchange import PETA_BARU, PETA_LEWATI, ImporDitolak, baca_peta, buat_peta, impor
from kinerja.iki.models import DokumenIKI, UraianJabatan
from kinerja.laporan.isi import baca_iki, baca_katalog
from kinerja.organisasi.models import Instansi, Jabatan, Pemda

DATA = Path(__file__).parent / "data"


@pytest.fixture
def dokumen_json():
    return json.loads((DATA / "iki-contoh.json").read_text(encoding="utf-8"))


@pytest.fixture
def instansi(db):
    pemda = Pemda.objects.create(nama="Kabupaten Contoh")
    instansi = Instansi.objects.create(pemda=pemda, nama="Kecamatan Contoh")
    Jabatan.objects.create(instansi=instansi, nama="Camat Contoh", urutan=0, tugas=["Tugas camat sekarang"])
    Jabatan.objects.create(
        instansi=instansi, nama="Kepala Seksi Ketentraman dan Ketertiban Umum", urutan=1, tugas=["Tugas kini"]
    )
    Jabatan.objects.create(instansi=instansi, nama="Kepala Seksi Pelayanan Umum", urutan=2)
    return instansi


def test_jabatan_spelled_differently_are_mapped_not_duplicated(instansi, dokumen_json):
    sebelum = set(Jabatan.objects.values_list("nama", flat=True))
    hasil = impor(dokumen_json, instansi)
    assert set(Jabatan.objects.values_list("nama", flat=True)) == sebelum
    keputusan = {p["dokumen"]: (p["jabatan"], p["keputusan"]) for p in hasil.pemetaan}
    assert keputusan["Kepala Seksi Ketentraman dan Ketertiban"] == (
        "Kepala Seksi Ketentraman dan Ketertiban Umum",
        "dipetakan",
    )
    trantib = Jabatan.objects.get(nama="Kepala Seksi Ketentraman dan Ketertiban Umum")
    assert trantib.sasaran.filter(dokumen=hasil.dokumen).exists()


def test_an_unsure_match_is_left_out_and_listed_until_the_mapping_says(instansi, dokumen_json):
    data = copy.deepcopy(dokumen_json)
    data["jabatan"][1]["nama"] = "Kepala Seksi Pelayanan Umum dan Informasi"
    hasil = impor(data, instansi)
    assert hasil.dilewati == ["Kepala Seksi Pelayanan Umum dan Informasi"]
    assert any("tidak diimpor" in p and "Kepala Seksi Pelayanan Umum" in p for p in hasil.peringatan)
    assert not Jabatan.objects.filter(nama="Kepala Seksi Pelayanan Umum dan Informasi").exists()

    pelayanan = Jabatan.objects.get(nama="Kepala Seksi Pelayanan Umum")
    hasil = impor(data, instansi, peta={"kepala seksi PELAYANAN umum dan informasi": pelayanan.pk})
    assert hasil.dilewati == [] and pelayanan.sasaran.filter(dokumen=hasil.dokumen).count() == 1

    hasil = impor(data, instansi, peta={"Kepala Seksi Pelayanan Umum dan Informasi": PETA_BARU})
    baru = Jabatan.objects.get(nama="Kepala Seksi Pelayanan Umum dan Informasi")
    assert baru.sasaran.filter(dokumen=hasil.dokumen).count() == 1


def test_a_name_like_no_existing_jabatan_becomes_a_new_one(instansi, dokumen_json):
    data = copy.deepcopy(dokumen_json)
    data["jabatan"][1]["nama"] = "Kepala Seksi Pembangunan"
    hasil = impor(data, instansi)
    assert [p["keputusan"] for p in hasil.pemetaan if p["dokumen"] == "Kepala Seksi Pembangunan"] == ["baru"]
    assert Jabatan.objects.filter(instansi=instansi, nama="Kepala Seksi Pembangunan").exists()


def test_the_mapping_file_is_checked_and_names_its_bad_entries(instansi, dokumen_json):
    peta = buat_peta(dokumen_json, instansi)
    assert [j["dokumen"] for j in peta["jabatan"]] == ["Camat Contoh", "Kepala Seksi Ketentraman dan Ketertiban"]
    peta["jabatan"][0]["pilihan"] = 99999
    peta["jabatan"][1]["pilihan"] = "mungkin"
    with pytest.raises(ImporDitolak) as exc:
        baca_peta(peta, instansi)
    assert "peta.jabatan[0].pilihan: jabatan ID 99999 tidak ada" in str(exc.value)
    assert "peta.jabatan[1].pilihan: 'mungkin' tidak dikenal" in str(exc.value)


def test_cli_peta_round_trip(instansi, tmp_path, capsys):
    berkas = tmp_path / "dok.json"
    data = json.loads((DATA / "iki-contoh.json").read_text(encoding="utf-8"))
    data["jabatan"][1]["nama"] = "Kepala Seksi Pelayanan Umum dan Informasi"
    berkas.write_text(json.dumps(data), encoding="utf-8")
    peta_path = tmp_path / "peta.json"
    args = ["import", str(berkas), "--instansi", str(instansi.pk)]
    assert main([*args, "--dry-run", "--peta-keluar", str(peta_path)]) == 0
    assert not DokumenIKI.objects.exists()
    err = capsys.readouterr().err
    assert "Kepala Seksi Pelayanan Umum dan Informasi → Kepala Seksi Pelayanan Umum" in err and "keyakinan" in err
    peta = json.loads(peta_path.read_text(encoding="utf-8"))
    usulan = {j["dokumen"]: j for j in peta["jabatan"]}
    assert (
        usulan["Kepala Seksi Pelayanan Umum dan Informasi"]["pilihan"]
        == Jabatan.objects.get(nama="Kepala Seksi Pelayanan Umum").pk
    )
    usulan["Camat Contoh"]["pilihan"] = PETA_LEWATI
    peta_path.write_text(json.dumps(peta), encoding="utf-8")

    assert main([*args, "--peta", str(peta_path)]) == 0
    out = capsys.readouterr().out
    assert "dipetakan : Kepala Seksi Pelayanan Umum dan Informasi → Kepala Seksi Pelayanan Umum" in out
    assert "tidak diimpor: Camat Contoh" in out
    dokumen = DokumenIKI.objects.get()
    assert {s.jabatan.nama for s in dokumen.sasaran.all()} == {"Kepala Seksi Pelayanan Umum"}

    # Without a mapping the rule is printed along with what it left out.
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Tanpa --peta" in out and "tidak diimpor: Kepala Seksi Pelayanan Umum dan Informasi" in out


def test_each_year_prints_its_own_documents_tugas(instansi, dokumen_json):
    lama = copy.deepcopy(dokumen_json)
    for entri in lama["jabatan"]:
        entri["tugas"] = [f"Tugas {entri['nama']} tahun 2023"]
    baru = impor(dokumen_json, instansi, tahun=2024).dokumen
    tua = impor(lama, instansi, tahun=2023).dokumen
    tugas = {j.nama: j.tugas for j in baca_katalog(baru)}
    assert tugas["Camat Contoh"] == dokumen_json["jabatan"][0]["tugas"]
    assert {j.nama: j.tugas for j in baca_katalog(tua)}["Camat Contoh"] == ["Tugas Camat Contoh tahun 2023"]
    # The jabatan's own (current) description is not overwritten by either year.
    assert Jabatan.objects.get(nama="Camat Contoh").tugas == ["Tugas camat sekarang"]
    assert UraianJabatan.objects.filter(dokumen=baru).count() == 2


def test_a_revision_keeps_its_years_tugas(instansi, dokumen_json):
    from kinerja.iki.layanan import buat_revisi

    dokumen = impor(dokumen_json, instansi).dokumen
    DokumenIKI.objects.filter(pk=dokumen.pk).update(status="ditetapkan")
    revisi = buat_revisi(dokumen)
    assert {j.nama: j.tugas for j in baca_katalog(revisi)} == {j.nama: j.tugas for j in baca_katalog(dokumen)}


def test_the_sk_signatory_is_kept_even_without_a_name(instansi, dokumen_json):
    data = copy.deepcopy(dokumen_json)
    data["sk"] = {
        "nomor": "188/1/2024",
        "tanggal": "2024-01-08",
        "penandatangan": None,
        "pangkat": "Penata Tingkat I",
        "nip": "198606272014121001",
        "jabatan_penandatangan": "Camat Contoh",
    }
    dokumen = impor(data, instansi).dokumen
    dokumen.refresh_from_db()
    assert (dokumen.sk_penandatangan_nip, dokumen.sk_penandatangan_pangkat, dokumen.sk_penandatangan_jabatan) == (
        "198606272014121001",
        "Penata Tingkat I",
        "Camat Contoh",
    )
    ttd = baca_iki(dokumen).penandatangan
    assert ttd.nip == "19860627 201412 1 001" and ttd.pangkat == "Penata Tingkat I"


@pytest.mark.django_db
def test_shared_banyuates_2020_into_the_demo_creates_no_existing_jabatan(dokumen_dir):
    from kinerja.demo import buat_demo
    from kinerja.dokumen import baca

    buat_demo(1)
    instansi = Instansi.objects.get(nama="Kecamatan Banyuates")
    sebelum = {j.pk: j.nama for j in Jabatan.objects.filter(instansi=instansi)}
    tugas_demo = {j.pk: list(j.tugas) for j in Jabatan.objects.filter(instansi=instansi)}
    data = baca(dokumen_dir / "iki-kecamatan-banyuates-2020.txt")
    peta = {j["dokumen"]: j["pilihan"] for j in buat_peta(data, instansi)["jabatan"]}
    hasil = impor(data, instansi, peta=peta)
    assert {j.pk: j.nama for j in Jabatan.objects.filter(instansi=instansi)} == sebelum
    assert hasil.dilewati == [] and hasil.jabatan.dibuat == 0
    # The 2020 document prints the 2020 tugas, not the demo's; the demo's jabatan keep theirs.
    katalog = baca_katalog(hasil.dokumen)
    sekcam = next(j for j in katalog if j.nama == "Sekretaris Kecamatan")
    entri = next(j for j in data["jabatan"] if j["nama"].startswith("Sekretaris Kecamatan"))
    assert sekcam.tugas == entri["tugas"] != tugas_demo[sekcam.id]
    assert {j.pk: list(j.tugas) for j in Jabatan.objects.filter(instansi=instansi)} == tugas_demo
    # The signatory's NIP and pangkat are kept and printed, not the demo Camat's.
    ttd = baca_iki(hasil.dokumen).penandatangan
    assert ttd.nip.replace(" ", "") == data["sk"]["nip"] and ttd.pangkat


def test_a_variable_is_linked_to_the_years_konstanta_of_the_same_name(instansi, dokumen_json):
    from kinerja.iki.models import Konstanta, Variabel

    patroli = Konstanta.objects.create(
        instansi=instansi, tahun=2024, kode="patroli_setahun", nama="Target gangguan ketertiban", nilai=12
    )
    impor(dokumen_json, instansi)
    assert Variabel.objects.get(kode="target_gangguan").konstanta == patroli
    # Another year's constant of that name is not this year's.
    Konstanta.objects.create(
        instansi=instansi, tahun=2023, kode="gangguan_2023", nama="Jumlah gangguan ketertiban", nilai=1
    )
    impor(dokumen_json, instansi)
    assert Variabel.objects.get(kode="gangguan").konstanta is None


def test_a_signatory_without_a_name_is_named_by_the_pegawai_of_his_nip(instansi, dokumen_json):
    from kinerja.organisasi.models import Pegawai

    Pegawai.objects.create(nama="Drs. Ahmad Fauzi", nip="198606272014121001")
    data = copy.deepcopy(dokumen_json)
    data["sk"] |= {"penandatangan": None, "nip": "19860627 201412 1 001", "pangkat": "Penata Tingkat I"}
    hasil = impor(data, instansi)
    hasil.dokumen.refresh_from_db()
    assert hasil.dokumen.sk_penandatangan == "Drs. Ahmad Fauzi"
    assert any("menurut NIP" in p for p in hasil.peringatan)
