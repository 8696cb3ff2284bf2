"""The interchange JSON against the catalogue: validation, import rules, idempotence, export round trip."""

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.demo import buat_demo
from kinerja.iki.interchange import FORMAT, ImporDitolak, ekspor, impor, saring_json, validasi_json
from kinerja.iki.models import DokumenIKI, Indikator, IndikatorTujuan, Konstanta, Sasaran, Tujuan, Variabel
from kinerja.organisasi.models import Instansi, Jabatan, Pemda
from kinerja.realisasi.models import NilaiVariabel, Target
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def contoh() -> dict:
    return json.loads((DATA / "iki-contoh.json").read_text(encoding="utf-8"))


@pytest.fixture
def instansi():
    pemda = Pemda.objects.get_or_create(nama="Kabupaten Contoh")[0]
    return Instansi.objects.create(pemda=pemda, nama="Kecamatan Contoh")


def contoh_lengkap() -> dict:
    """The example without its formula-less indicator, so that it can be decreed."""
    data = contoh()
    del data["jabatan"][1]["sasaran"][0]["indikator"][1]
    return data


def jumlah_baris() -> dict:
    """Row counts of every table an import may write."""
    return {
        model.__name__: model.objects.count()
        for model in (
            DokumenIKI,
            Jabatan,
            Tujuan,
            IndikatorTujuan,
            Sasaran,
            Indikator,
            Variabel,
            Konstanta,
            Jejak,
            Indikator.induk.through,
        )
    }


def snapshot(dokumen: DokumenIKI) -> dict:
    """The catalogue of a document read straight from the models (not through ekspor)."""
    jabatan = {}
    for s in Sasaran.objects.filter(dokumen=dokumen).order_by("urutan", "id"):
        jabatan.setdefault(s.jabatan, {"tujuan": [], "sasaran": []})["sasaran"].append(s)
    for t in Tujuan.objects.filter(dokumen=dokumen).order_by("urutan", "id"):
        jabatan.setdefault(t.jabatan, {"tujuan": [], "sasaran": []})["tujuan"].append(t)

    def variabel(v):
        k = v.konstanta
        return (
            v.kode,
            v.uraian,
            v.satuan,
            v.agregasi,
            v.nilai_tetap,
            (k.kode, k.nama, k.tahun, k.nilai) if k else None,
        )

    def indikator(i):
        return {
            "nama": i.nama,
            "penjelasan": i.penjelasan,
            "ekspresi": i.ekspresi,
            "satuan": i.satuan,
            "polaritas": i.polaritas,
            "sumber_data": i.sumber_data,
            "catatan": i.catatan,
            "periode_pelaporan": i.periode_pelaporan,
            "penanggung_jawab": i.penanggung_jawab.nama if i.penanggung_jawab else None,
            "induk": sorted((x.sasaran.jabatan.nama, x.nama) for x in i.induk.all()),
            "variabel": [variabel(v) for v in i.variabel.order_by("urutan", "id")],
        }

    return {
        "sk": (
            dokumen.sk_nomor,
            dokumen.sk_tanggal,
            dokumen.sk_penandatangan,
            dokumen.sk_penandatangan_pangkat,
            dokumen.sk_penandatangan_nip,
            dokumen.menimbang,
            dokumen.mengingat,
        ),
        "jabatan": [
            {
                "nama": j.nama,
                "eselon": j.eselon,
                "jenis": j.jenis,
                "atasan": j.atasan.nama if j.atasan else None,
                "tugas": j.tugas,
                "fungsi": j.fungsi,
                "tujuan": [
                    (t.uraian, [it.uraian for it in t.indikator.order_by("urutan", "id")]) for t in isi["tujuan"]
                ],
                "sasaran": [
                    (s.uraian, [indikator(i) for i in s.indikator.order_by("urutan", "id")]) for s in isi["sasaran"]
                ],
            }
            for j, isi in sorted(jabatan.items(), key=lambda pair: (pair[0].urutan, pair[0].nama))
        ],
    }


# --- validation --------------------------------------------------------------------------------


def test_the_example_and_unknown_keys_are_valid():
    data = contoh()
    data["alat_pembuat"] = "pengolah lain"
    data["jabatan"][0]["sasaran"][0]["indikator"][0]["polaritas_tebakan"] = True
    assert validasi_json(data) == []


def _ubah(fungsi):
    data = contoh()
    fungsi(data)
    return data


def _indikator(data, j=0, s=0, i=0):
    return data["jabatan"][j]["sasaran"][s]["indikator"][i]


@pytest.mark.parametrize(
    "ubah, masalah",
    [
        (lambda d: d["jabatan"][1].pop("nama"), "jabatan[1].nama: wajib diisi"),
        (lambda d: _indikator(d, 1).update(nama="  "), "jabatan[1].sasaran[0].indikator[0].nama: tidak boleh kosong"),
        (
            lambda d: _indikator(d, 1, 0, 0)["formula"].update(ekspresi="gangguan - * 2"),
            "jabatan[1].sasaran[0].indikator[0].formula.ekspresi: rumus tidak sah: ",
        ),
        (
            lambda d: _indikator(d, 0, 0, 1)["formula"].update(ekspresi="desa_tepat_waktu / jumlah_desa * 100"),
            "jabatan[0].sasaran[0].indikator[1].formula.ekspresi: variabel belum didefinisikan: jumlah_desa",
        ),
        (
            lambda d: _indikator(d, 0, 0, 1)["formula"]["variabel"][1].update(kode="desa_tepat_waktu"),
            "jabatan[0].sasaran[0].indikator[1].formula.variabel[1].kode: kode 'desa_tepat_waktu' dipakai lebih dari sekali",
        ),
        (
            lambda d: _indikator(d)["formula"]["variabel"][0].update(kode="Nilai IKM"),
            "jabatan[0].sasaran[0].indikator[0].formula.variabel[0].kode: kode 'Nilai IKM' tidak sah",
        ),
        (lambda d: d.update(tahun="2024"), "tahun: harus berupa bilangan bulat, bukan teks"),
        (lambda d: d.update(tahun=1999), "tahun: 1999 di luar rentang"),
        (lambda d: d.update(jabatan={"nama": "Camat"}), "jabatan: harus berupa daftar, bukan objek"),
        (lambda d: d.update(jabatan=[]), "jabatan: kosong"),
        (lambda d: d.pop("jabatan"), "jabatan: wajib ada"),
        (lambda d: d["jabatan"][0].update(tugas="Memimpin"), "jabatan[0].tugas: harus berupa daftar, bukan teks"),
        (lambda d: d["jabatan"][0]["fungsi"].append(7), "jabatan[0].fungsi[2]: harus berupa teks, bukan bilangan"),
        (
            lambda d: _indikator(d, 0, 0, 1)["formula"]["variabel"][1].update(nilai_tetap="9"),
            "formula.variabel[1].nilai_tetap: harus berupa bilangan, bukan teks",
        ),
        (
            lambda d: _indikator(d, 0, 0, 1)["formula"]["variabel"][1].update(nilai_tetap=True),
            "formula.variabel[1].nilai_tetap: harus berupa bilangan, bukan true/false",
        ),
        (
            lambda d: _indikator(d, 0, 0, 1)["formula"]["variabel"][1].update(nilai_tetap=0.1234567),
            "paling banyak 6 angka di belakang koma",
        ),
        (lambda d: _indikator(d, 0, 0, 1)["formula"]["variabel"][1].update(nilai_tetap=1e15), "di luar batas"),
        (lambda d: _indikator(d).update(polaritas="naik"), "indikator[0].polaritas: 'naik' tidak dikenal"),
        (lambda d: _indikator(d).update(satuan="x" * 41), "indikator[0].satuan: terlalu panjang (41 karakter"),
        (lambda d: _indikator(d).update(formula="nilai_ikm"), "indikator[0].formula: harus berupa objek, bukan teks"),
        (lambda d: _indikator(d)["formula"].update(ekspresi=42), "formula.ekspresi: harus berupa teks, bukan bilangan"),
        (lambda d: d["sk"].update(tanggal="8 Januari 2024"), "sk.tanggal: '8 Januari 2024' bukan tanggal ISO"),
        (lambda d: d.update(format="kinerja-iki/9"), "format: 'kinerja-iki/9' tidak dikenal"),
        (
            lambda d: d["jabatan"][0]["sasaran"][0].update(uraian=None),
            "sasaran[0].uraian: harus berupa teks, bukan null",
        ),
        (
            lambda d: d["jabatan"][0]["sasaran"][0]["indikator"].append("IKM"),
            "jabatan[0].sasaran[0].indikator[2]: harus berupa objek, bukan teks",
        ),
    ],
)
def test_invalid_pieces_are_left_out_with_their_path_and_only_a_shapeless_document_is_refused(instansi, ubah, masalah):
    data = _ubah(ubah)
    problems = validasi_json(data)
    assert any(masalah in p for p in problems), problems
    before = jumlah_baris()
    if any(p.startswith(("format: ", "jabatan: ")) for p in problems):
        # Not an IKI document at the top: refused whole, nothing written.
        with pytest.raises(ImporDitolak) as exc:
            impor(data, instansi)
        assert exc.value.masalah == problems
        assert jumlah_baris() == before
        return
    bersih = saring_json(data)
    assert validasi_json(bersih) == []
    for problem in problems:
        path, sebab = problem.split(": ", 1)
        assert any(sebab in w and path.startswith(w.split(":")[0].split(" (")[0]) for w in bersih["peringatan"]), (
            problem,
            bersih["peringatan"],
        )
    if masalah.startswith("tahun"):
        with pytest.raises(ImporDitolak, match="Tahun dokumen tidak diketahui"):
            impor(data, instansi)
        assert jumlah_baris() == before
        return
    hasil = impor(data, instansi)
    assert any(sebab_in(problems, w) for w in hasil.peringatan)
    assert Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).exists()


def sebab_in(problems: list[str], peringatan: str) -> bool:
    return any(p.split(": ", 1)[1] in peringatan for p in problems)


def test_validation_of_something_that_is_not_an_object():
    assert validasi_json([1, 2]) == ["(dokumen): harus berupa objek JSON, bukan daftar"]


def test_every_problem_is_reported_not_only_the_first():
    data = contoh()
    data["tahun"] = "dua ribu"
    _indikator(data, 1)["formula"]["ekspresi"] = "(("
    assert len(validasi_json(data)) == 2


# --- import ------------------------------------------------------------------------------------


def test_import_creates_a_draft_with_everything_under_it(instansi):
    hasil = impor(contoh(), instansi)
    dokumen = hasil.dokumen
    assert hasil.dokumen_baru and dokumen.status == "draft" and (dokumen.tahun, dokumen.revisi) == (2024, 1)
    assert (dokumen.sk_nomor, dokumen.sk_tanggal, dokumen.sk_penandatangan) == (
        "188/03/KEP/434.999/2024",
        date(2024, 1, 8),
        "Rahmat Hidayat, S.Sos",
    )
    assert (hasil.jabatan.dibuat, hasil.sasaran.dibuat, hasil.indikator.dibuat, hasil.variabel.dibuat) == (2, 2, 4, 5)
    camat, kasi = Jabatan.objects.filter(instansi=instansi).order_by("urutan")
    assert camat.nama == "Camat Contoh" and camat.fungsi[1] == "Pembinaan penyelenggaraan pemerintahan desa"
    assert kasi.atasan == camat
    ikm, desa = Indikator.objects.filter(sasaran__jabatan=camat).order_by("urutan")
    assert (ikm.ekspresi, ikm.satuan, ikm.sumber_data) == ("nilai_ikm", "nilai", "Laporan survei kepuasan")
    assert desa.penjelasan == "Jumlah desa yang tepat waktu / 9 desa x 100 %"
    tanpa_rumus = Indikator.objects.get(nama="Persentase patroli yang terlaksana")
    assert tanpa_rumus.ekspresi == "" and tanpa_rumus.catatan == "Catatan: 48 patroli setahun"
    assert Indikator.objects.get(nama="Angka gangguan ketertiban").polaritas == "negatif"
    tujuan = Tujuan.objects.get(dokumen=dokumen)
    assert [it.uraian for it in tujuan.indikator.order_by("urutan")] == [
        "Indeks kepuasan masyarakat",
        "Persentase desa dengan tata kelola baik",
    ]
    assert hasil.peringatan[0].startswith("baris 40: rumus tidak dipahami")


def test_import_is_audited(instansi):
    hasil = impor(contoh(), instansi)
    jejak = Jejak.objects.get(aksi="impor")
    assert jejak.objek_id == str(hasil.dokumen.pk) and jejak.perubahan["indikator"]["dibuat"] == 4


def test_importing_twice_duplicates_nothing(instansi):
    impor(contoh(), instansi)
    sebelum = jumlah_baris()
    kedua = impor(contoh(), instansi)
    sesudah = jumlah_baris()
    assert sesudah.pop("Jejak") == sebelum.pop("Jejak") + 1
    assert sesudah == sebelum
    assert not kedua.dokumen_baru
    for jenis, jumlah in (("jabatan", 2), ("sasaran", 2), ("indikator", 4), ("variabel", 5)):
        hitungan = getattr(kedua, jenis)
        assert (hitungan.dibuat, hitungan.diperbarui, hitungan.dihapus, hitungan.tetap) == (0, 0, 0, jumlah)


def test_a_decreed_year_is_refused_and_nothing_is_written(instansi):
    impor(contoh_lengkap(), instansi).dokumen.tetapkan()
    before = jumlah_baris()
    with pytest.raises(ImporDitolak, match=r"sudah ditetapkan .*Buat revisi baru"):
        impor(contoh(), instansi)
    assert jumlah_baris() == before


def test_after_a_revision_the_import_updates_the_new_draft(instansi):
    dokumen = impor(contoh_lengkap(), instansi).dokumen.tetapkan()
    revisi = dokumen.buat_revisi()
    data = contoh_lengkap()
    _indikator(data)["sumber_data"] = "Aplikasi survei"
    hasil = impor(data, instansi)
    assert hasil.dokumen == revisi and hasil.indikator.diperbarui == 1
    assert Indikator.objects.get(sasaran__dokumen=revisi, nama="Nilai IKM kecamatan").sumber_data == "Aplikasi survei"
    assert Indikator.objects.get(sasaran__dokumen=dokumen, nama="Nilai IKM kecamatan").sumber_data != "Aplikasi survei"


def test_the_year_comes_from_the_document_or_the_caller(instansi):
    data = contoh()
    data["tahun"] = None
    with pytest.raises(ImporDitolak, match="Tahun dokumen tidak diketahui"):
        impor(data, instansi)
    assert impor(data, instansi, tahun=2023).dokumen.tahun == 2023
    assert impor(contoh(), instansi, tahun=2025).dokumen.tahun == 2025


def test_a_user_who_may_not_manage_the_catalogue_is_refused(instansi):
    orang = get_user_model().objects.create(username="staf")
    with pytest.raises(ImporDitolak, match="tidak berwenang"):
        impor(contoh(), instansi, pengguna=orang)
    assert not DokumenIKI.objects.exists()
    Peran.objects.create(pengguna=orang, jenis="admin_instansi", pemda=instansi.pemda, instansi=instansi)
    del orang._peran_cache
    impor(contoh(), instansi, pengguna=orang)
    assert Jejak.objects.get(aksi="impor").pengguna == orang


def test_sk_fields_the_document_leaves_out_are_kept(instansi):
    impor(contoh(), instansi)
    data = contoh()
    data["sk"] = {"nomor": None, "tanggal": "2024-02-01", "nip": "198606272014121001", "pangkat": "Penata Tingkat I"}
    dokumen = impor(data, instansi).dokumen
    dokumen.refresh_from_db()
    assert (dokumen.sk_nomor, dokumen.sk_tanggal, dokumen.sk_penandatangan) == (
        "188/03/KEP/434.999/2024",
        date(2024, 2, 1),
        "Rahmat Hidayat, S.Sos",
    )
    assert (dokumen.sk_penandatangan_nip, dokumen.sk_penandatangan_pangkat) == (
        "198606272014121001",
        "Penata Tingkat I",
    )


def test_a_different_instansi_name_is_a_warning(instansi):
    data = contoh()
    data["instansi"] = "Kecamatan Lain"
    assert (
        "Dokumen menyebut 'Kecamatan Lain', tetapi diimpor ke 'Kecamatan Contoh'." in impor(data, instansi).peringatan
    )


# --- jabatan -----------------------------------------------------------------------------------


def test_existing_jabatan_are_matched_by_name_and_only_filled_in(instansi):
    camat = Jabatan.objects.create(
        instansi=instansi, nama="CAMAT  CONTOH", tugas=["Tugas yang sudah ada"], eselon="III.a"
    )
    hasil = impor(contoh(), instansi)
    camat.refresh_from_db()
    assert Jabatan.objects.filter(instansi=instansi).count() == 2
    assert camat.tugas == ["Tugas yang sudah ada"] and camat.eselon == "III.a"
    assert camat.fungsi == contoh()["jabatan"][0]["fungsi"]
    assert (hasil.jabatan.dibuat, hasil.jabatan.diperbarui) == (1, 1)
    assert Jabatan.objects.get(nama="Kepala Seksi Ketentraman dan Ketertiban").atasan == camat


def test_names_signed_with_the_office_name_match_the_plain_jabatan(instansi):
    kasi = Jabatan.objects.create(instansi=instansi, nama="Kepala Seksi Ketentraman dan Ketertiban")
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat")
    data = contoh()
    data["jabatan"][0]["nama"] = "Camat Contoh"
    data["jabatan"][1]["nama"] = "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Contoh"
    data["jabatan"][1]["atasan"] = "Camat Contoh"
    impor(data, instansi)
    assert set(Jabatan.objects.filter(instansi=instansi)) == {kasi, camat}
    kasi.refresh_from_db()
    assert kasi.atasan == camat


def test_atasan_is_left_alone_when_the_document_does_not_state_it(instansi):
    lain = Jabatan.objects.create(instansi=instansi, nama="Sekretaris Kecamatan")
    kasi = Jabatan.objects.create(instansi=instansi, nama="Kepala Seksi Ketentraman dan Ketertiban", atasan=lain)
    data = contoh()
    del data["jabatan"][1]["atasan"]
    impor(data, instansi)
    kasi.refresh_from_db()
    assert kasi.atasan == lain


def test_a_stated_atasan_updates_an_existing_jabatan(instansi):
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat Contoh", tugas=["t"], fungsi=["f"])
    kasi = Jabatan.objects.create(instansi=instansi, nama="Kepala Seksi Ketentraman dan Ketertiban", tugas=["t"])
    hasil = impor(contoh(), instansi)
    kasi.refresh_from_db()
    assert kasi.atasan == camat
    assert (hasil.jabatan.dibuat, hasil.jabatan.diperbarui, hasil.jabatan.tetap) == (0, 1, 1)


def test_an_unknown_atasan_is_a_warning(instansi):
    data = contoh()
    data["jabatan"][1]["atasan"] = "Bupati Contoh"
    hasil = impor(data, instansi)
    assert Jabatan.objects.get(nama="Kepala Seksi Ketentraman dan Ketertiban").atasan is None
    assert any("Atasan 'Bupati Contoh'" in p and "tidak ditemukan" in p for p in hasil.peringatan)


def test_an_atasan_that_would_make_a_cycle_is_not_set(instansi):
    kasi = Jabatan.objects.create(instansi=instansi, nama="Kepala Seksi Ketentraman dan Ketertiban")
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat Contoh", atasan=kasi)
    hasil = impor(contoh(), instansi)
    kasi.refresh_from_db()
    assert kasi.atasan is None and camat.atasan == kasi
    assert any("membentuk lingkaran" in p for p in hasil.peringatan)


def test_a_jabatan_listed_twice_is_one_jabatan(instansi):
    data = contoh()
    lanjutan = copy.deepcopy(data["jabatan"][0])
    lanjutan["sasaran"][0]["uraian"] = "Sasaran di halaman berikut"
    data["jabatan"].append(lanjutan)
    hasil = impor(data, instansi)
    assert hasil.jabatan.dibuat == 2
    assert Sasaran.objects.filter(jabatan__nama="Camat Contoh").count() == 2


# --- updating a draft --------------------------------------------------------------------------


def test_a_corrected_file_updates_matched_rows_and_removes_the_rest(instansi):
    pertama = impor(contoh(), instansi)
    ikm = Indikator.objects.get(nama="Nilai IKM kecamatan")
    Target.objects.create(indikator=ikm, periode="TAHUN", nilai=Decimal(80))
    data = contoh()
    _indikator(data)["satuan"] = "indeks"
    del data["jabatan"][0]["sasaran"][0]["indikator"][1]
    data["jabatan"][1]["sasaran"][0]["uraian"] = "Terjaganya ketenteraman dan ketertiban umum"
    hasil = impor(data, instansi)
    assert hasil.dokumen == pertama.dokumen
    assert (hasil.indikator.diperbarui, hasil.indikator.dihapus, hasil.indikator.dibuat) == (1, 3, 2)
    assert (hasil.sasaran.dibuat, hasil.sasaran.dihapus) == (1, 1)
    assert str(hasil.indikator) == "2 dibuat, 1 diperbarui, 0 tetap, 3 dihapus"
    ikm.refresh_from_db()
    assert ikm.satuan == "indeks" and ikm.target.get().nilai == 80  # same row: its target survives
    assert not Indikator.objects.filter(nama__startswith="Persentase desa").exists()
    assert Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).count() == 3


def test_jabatan_the_file_does_not_mention_keep_their_rows(instansi):
    impor(contoh(), instansi)
    data = contoh()
    del data["jabatan"][1]
    hasil = impor(data, instansi)
    assert hasil.indikator.dihapus == 0
    assert Indikator.objects.filter(sasaran__jabatan__nama="Kepala Seksi Ketentraman dan Ketertiban").count() == 2


def test_removing_a_variable_with_realisation_values_is_refused(instansi):
    impor(contoh(), instansi)
    variabel = Variabel.objects.get(kode="gangguan")
    NilaiVariabel.objects.create(variabel=variabel, periode="TW1", nilai=Decimal(3))
    data = contoh()
    del data["jabatan"][1]["sasaran"][0]["indikator"][0]
    before = jumlah_baris()
    with pytest.raises(ImporDitolak, match="sudah memiliki nilai realisasi"):
        impor(data, instansi)
    assert jumlah_baris() == before


def test_repeated_indicator_names_match_in_order(instansi):
    data = contoh()
    indikator = data["jabatan"][1]["sasaran"][0]["indikator"]
    indikator.append(copy.deepcopy(indikator[0]))
    indikator[2]["sumber_data"] = "Laporan Polsek"
    impor(data, instansi)
    kedua = impor(data, instansi)
    assert kedua.indikator.tetap == 5 and kedua.indikator.dibuat == 0
    assert list(
        Indikator.objects.filter(nama="Angka gangguan ketertiban")
        .order_by("urutan")
        .values_list("sumber_data", flat=True)
    ) == ["Laporan Satpol PP", "Laporan Polsek"]


# --- constants ---------------------------------------------------------------------------------


def test_a_known_constant_is_created_from_the_document_and_linked(instansi):
    hasil = impor(contoh(), instansi)
    desa = Variabel.objects.get(kode="desa")
    assert desa.nilai_tetap is None and desa.konstanta.kode == "jumlah_desa" and desa.konstanta.nilai == 9
    assert (desa.konstanta.instansi, desa.konstanta.tahun) == (instansi, 2024)
    assert hasil.konstanta_dibuat == ["jumlah_desa"]
    assert Variabel.objects.get(kode="target_gangguan").nilai_tetap == 12  # not a known constant


def test_an_existing_constant_wins_over_the_documents_number_with_a_warning(instansi):
    Konstanta.objects.create(instansi=instansi, tahun=2024, kode="jumlah_desa", nama="Jumlah desa", nilai=10)
    hasil = impor(contoh(), instansi)
    assert Variabel.objects.get(kode="desa").konstanta.nilai == 10
    assert Konstanta.objects.count() == 1 and hasil.konstanta_dibuat == []
    assert any("dokumen menyebut 9, tetapi konstanta jumlah_desa tahun 2024 bernilai 10" in p for p in hasil.peringatan)


def test_a_variable_named_like_an_existing_constant_links_to_it(instansi):
    Konstanta.objects.create(instansi=instansi, tahun=2024, kode="target_gangguan", nama="Target gangguan", nilai=12)
    impor(contoh(), instansi)
    assert Variabel.objects.get(kode="target_gangguan").konstanta.kode == "target_gangguan"


def test_constants_of_another_year_are_not_used(instansi):
    Konstanta.objects.create(instansi=instansi, tahun=2023, kode="jumlah_desa", nama="Jumlah desa", nilai=8)
    impor(contoh(), instansi)
    assert Variabel.objects.get(kode="desa").konstanta.tahun == 2024


def test_an_explicit_null_konstanta_keeps_the_fixed_value(instansi):
    data = contoh()
    _indikator(data, 0, 0, 1)["formula"]["variabel"][1]["konstanta"] = None
    impor(data, instansi)
    desa = Variabel.objects.get(kode="desa")
    assert desa.konstanta is None and desa.nilai_tetap == 9


def test_an_explicit_konstanta_without_a_value_is_refused(instansi):
    data = contoh()
    variabel = _indikator(data, 1)["formula"]["variabel"][0]
    variabel["konstanta"] = "jumlah_kejadian"
    with pytest.raises(ImporDitolak, match="konstanta 'jumlah_kejadian' tahun 2024 belum ada"):
        impor(data, instansi)
    assert not DokumenIKI.objects.exists()


# --- cascading and tujuan ----------------------------------------------------------------------


def test_induk_links_by_name_and_warns_when_not_found(instansi):
    data = contoh()
    _indikator(data, 1)["induk"] = [
        {"jabatan": "Camat Contoh", "indikator": "Nilai IKM kecamatan"},
        {"jabatan": "Camat Contoh", "indikator": "Indikator yang tidak ada"},
    ]
    hasil = impor(data, instansi)
    gangguan = Indikator.objects.get(nama="Angka gangguan ketertiban")
    assert [i.nama for i in gangguan.induk.all()] == ["Nilai IKM kecamatan"]
    assert any("'Indikator yang tidak ada' (Camat Contoh) tidak ditemukan" in p for p in hasil.peringatan)
    _indikator(data, 1)["induk"] = []
    assert impor(data, instansi).indikator.diperbarui == 1
    assert not gangguan.induk.exists()


def test_several_tujuan_without_detail_attach_their_indicators_to_the_first(instansi):
    data = contoh()
    data["jabatan"][0]["tujuan"].append("Terwujudnya desa yang mandiri")
    hasil = impor(data, instansi)
    pertama, kedua = Tujuan.objects.order_by("urutan")
    assert pertama.indikator.count() == 2 and kedua.indikator.count() == 0
    assert any("tujuan pertama" in p for p in hasil.peringatan)


def test_tujuan_rinci_keeps_each_tujuan_with_its_indicators(instansi):
    data = contoh()
    data["jabatan"][0]["tujuan_rinci"] = [
        {"uraian": "Tujuan satu", "indikator": ["Indikator satu"]},
        {"uraian": "Tujuan dua", "indikator": ["Indikator dua", "Indikator tiga"]},
    ]
    impor(data, instansi)
    assert [(t.uraian, t.indikator.count()) for t in Tujuan.objects.order_by("urutan")] == [
        ("Tujuan satu", 1),
        ("Tujuan dua", 2),
    ]


# --- export and round trips --------------------------------------------------------------------


def test_export_writes_the_interchange_format():
    dokumen = katalog_kecil()
    data = ekspor(dokumen)
    assert validasi_json(data) == []
    assert (data["format"], data["instansi"], data["kabupaten"], data["tahun"]) == (
        FORMAT,
        "Kecamatan Uji",
        "Kabupaten Uji",
        2025,
    )
    assert data["sk"]["nomor"] == "188/01/KEP/2025" and data["sk"]["tanggal"] == "2025-01-06"
    camat, sekcam = data["jabatan"]
    assert (camat["nama"], sekcam["atasan"]) == ("Camat", "Camat")
    indikator = sekcam["sasaran"][0]["indikator"][0]
    assert indikator["formula"]["ekspresi"] == "lpj_tepat / lpj * 100"
    assert indikator["formula"]["variabel"][1] | {} == {
        "kode": "lpj",
        "uraian": "LPJ wajib",
        "nilai_tetap": 4,
        "satuan": "",
        "agregasi": "jumlah",
        "konstanta": None,
    }
    assert indikator["induk"] == [{"jabatan": "Camat", "indikator": "Persentase desa tertib"}]
    desa = camat["sasaran"][0]["indikator"][0]["formula"]["variabel"][1]
    assert (desa["nilai_tetap"], desa["konstanta"]) == (7, "jumlah_desa")
    assert data["konstanta"] == [{"kode": "jumlah_desa", "nama": "Jumlah desa", "nilai": 7}]
    json.dumps(data)  # plain JSON types only


def test_export_warns_about_links_outside_the_document():
    dokumen = katalog_kecil()
    lain = katalog_kecil("Kecamatan Lain")
    luar = Indikator.objects.get(sasaran__dokumen=lain, nama="Persentase desa tertib")
    Indikator.objects.get(sasaran__dokumen=dokumen, nama="Persentase LPJ tepat waktu").induk.add(luar)
    data = ekspor(dokumen)
    assert any("di luar dokumen ini" in p for p in data["peringatan"])


def _pulang_pergi(dokumen: DokumenIKI):
    baru = Instansi.objects.create(pemda=dokumen.instansi.pemda, nama="Kecamatan Salinan")
    data = ekspor(dokumen)
    hasil = impor(json.loads(json.dumps(data)), baru)
    return data, hasil


def test_round_trip_of_the_small_catalogue():
    dokumen = katalog_kecil()
    Tujuan.objects.create(dokumen=dokumen, jabatan=Jabatan.objects.get(nama="Camat"), uraian="Tujuan A")
    tujuan_b = Tujuan.objects.create(
        dokumen=dokumen, jabatan=Jabatan.objects.get(nama="Camat"), uraian="Tujuan B", urutan=1
    )
    IndikatorTujuan.objects.create(tujuan=tujuan_b, uraian="Indikator tujuan B")
    data, hasil = _pulang_pergi(dokumen)
    assert snapshot(hasil.dokumen) == snapshot(dokumen)
    assert hasil.peringatan == ["Dokumen menyebut 'Kecamatan Uji', tetapi diimpor ke 'Kecamatan Salinan'."]
    assert ekspor(hasil.dokumen) | {"instansi": "Kecamatan Uji"} == data


def test_round_trip_of_the_demo_catalogue():
    ringkasan = buat_demo(1, hari_ini=date(2026, 5, 1))
    dokumen = DokumenIKI.objects.get(instansi=ringkasan.instansi[0], tahun=2025)
    data, hasil = _pulang_pergi(dokumen)
    assert hasil.indikator.dibuat == Indikator.objects.filter(sasaran__dokumen=dokumen).count() >= 41
    assert snapshot(hasil.dokumen) == snapshot(dokumen)
    assert ekspor(hasil.dokumen) | {"instansi": data["instansi"], "status": "ditetapkan"} == data


def test_export_imported_into_its_own_draft_changes_no_rows():
    dokumen = katalog_kecil()
    sebelum = snapshot(dokumen)
    ids = set(Indikator.objects.values_list("pk", flat=True))
    hasil = impor(ekspor(dokumen), dokumen.instansi)
    assert hasil.dokumen == dokumen and snapshot(dokumen) == sebelum
    assert set(Indikator.objects.values_list("pk", flat=True)) == ids
    assert hasil.indikator.dibuat == hasil.indikator.dihapus == hasil.variabel.dibuat == 0


# --- the shared real documents -----------------------------------------------------------------


@pytest.mark.parametrize(
    "nama", ["iki-kecamatan-banyuates-2020.txt", "iki-kecamatan-karang-penang.txt", "iki-kecamatan-sampang-2022.txt"]
)
def test_shared_documents_import_with_counts_matching_the_json(dokumen_dir, nama):
    dokumen_modul = pytest.importorskip("kinerja.dokumen")
    data = dokumen_modul.baca(dokumen_dir / nama)
    pemda = Pemda.objects.create(nama="Kabupaten Uji Dokumen")
    instansi = Instansi.objects.create(pemda=pemda, nama=data["instansi"] or "Kecamatan Uji Dokumen")
    tahun = data["tahun"] or 2021
    hasil = impor(data, instansi, tahun=tahun)
    jabatan = {" ".join(j["nama"].split()).casefold() for j in data["jabatan"]}
    sasaran = [s for j in data["jabatan"] for s in j["sasaran"]]
    indikator = [i for s in sasaran for i in s["indikator"]]
    variabel = [v for i in indikator for v in (i["formula"] or {}).get("variabel") or []]
    assert hasil.jabatan.dibuat == len(jabatan)
    assert Jabatan.objects.filter(instansi=instansi).count() == len(jabatan) + len(hasil.kepala_dibuat)
    assert hasil.sasaran.dibuat == len(sasaran) == Sasaran.objects.filter(dokumen=hasil.dokumen).count()
    assert hasil.indikator.dibuat == len(indikator) == Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).count()
    assert (
        hasil.variabel.dibuat
        == len(variabel)
        == Variabel.objects.filter(indikator__sasaran__dokumen=hasil.dokumen).count()
    )
    assert hasil.peringatan[: len(data["peringatan"])] == data["peringatan"]
    for i, model in zip(
        indikator,
        Indikator.objects.filter(sasaran__dokumen=hasil.dokumen).order_by(
            "sasaran__jabatan__urutan", "sasaran__urutan", "urutan"
        ),
        strict=True,
    ):
        assert (model.nama, model.ekspresi) == (i["nama"], (i["formula"] or {}).get("ekspresi") or "")
    sebelum = jumlah_baris()
    kedua = impor(data, instansi, tahun=tahun)
    sebelum["Jejak"] += 1
    assert jumlah_baris() == sebelum
    assert kedua.indikator.tetap == len(indikator) and kedua.variabel.tetap == len(variabel)


def test_the_documents_explanation_beside_a_formula_is_kept_with_the_notes(instansi):
    data = contoh()
    indikator = _indikator(data, 0, 0, 1)
    indikator["penjelasan"] = "Desa tepat waktu bila APBDes ditetapkan sebelum 31 Desember"
    impor(data, instansi)
    tersimpan = Indikator.objects.get(nama=indikator["nama"])
    assert "Desa tepat waktu bila APBDes ditetapkan sebelum 31 Desember" in tersimpan.catatan
    assert "APBDes" not in tersimpan.penjelasan  # the formula column stays the formula
