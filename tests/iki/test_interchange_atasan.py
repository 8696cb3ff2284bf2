"""Importing documents that list no Camat: the head's jabatan, the SK signatory holding it, and the
guessed atasan links that the Perjanjian Kinerja and the verification workflow rely on."""

import io
from datetime import date

import pdfplumber
import pytest

from kinerja.audit.models import Jejak
from kinerja.iki.interchange import ImporDitolak, impor, validasi_json
from kinerja.laporan.layanan import buat_pk, data_pk
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Pemda, Penugasan

pytestmark = pytest.mark.django_db

DOKUMEN = ["iki-kecamatan-banyuates-2020.txt", "iki-kecamatan-karang-penang.txt", "iki-kecamatan-sampang-2022.txt"]
# What the SK of each shared document says about its signatory (read from the documents by hand):
# Banyuates prints an NIP but no name, Karang Penang has no signature block.
PENANDATANGAN = {
    "iki-kecamatan-sampang-2022.txt": ("YUDHI ADIDARTA KARMA, S.STP, M.Si", "19780720 199804 1 001", "IV/b"),
}


def instansi_baru(nama: str) -> Instansi:
    pemda = Pemda.objects.get_or_create(nama="Kabupaten Sampang")[0]
    return Instansi.objects.create(pemda=pemda, nama=nama)


def baris_tertulis() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Jabatan, Pegawai, Penugasan)}


@pytest.mark.parametrize("nama", DOKUMEN)
def test_dokumen_bersama_lengkap_dengan_atasan_dan_camat(dokumen_dir, nama):
    from kinerja.dokumen import baca

    data = baca(dokumen_dir / nama)
    instansi = instansi_baru(data["instansi"])
    tahun = data["tahun"] or 2021
    hasil = impor(data, instansi, tahun=tahun)

    camat = Jabatan.objects.get(instansi=instansi, atasan__isnull=True)
    assert camat.nama == f"Camat {instansi.nama_wilayah}"
    assert (camat.jenis, camat.eselon, camat.sasaran.count()) == ("struktural", "III.a", 0)
    assert hasil.kepala_dibuat == [camat.nama]
    lain = Jabatan.objects.filter(instansi=instansi).exclude(pk=camat.pk)
    assert lain.count() == len(data["jabatan"]) and all(j.atasan_id for j in lain)
    sekcam = lain.get(nama__startswith="Sekretaris Kecamatan")
    assert sekcam.atasan == camat

    tanggal = hasil.dokumen.sk_tanggal or date(tahun, 1, 1)
    pemegang = camat.pemegang(tanggal)
    if nama in PENANDATANGAN:
        nama_ttd, nip, golongan = PENANDATANGAN[nama]
        assert (pemegang.nama, pemegang.nip_tampil, pemegang.pangkat) == (nama_ttd, nip, golongan)
        assert Penugasan.objects.get(pegawai=pemegang).mulai == tanggal
        assert (hasil.pegawai.dibuat, hasil.penugasan.dibuat) == (1, 1)
        pk = data_pk(sekcam, tahun)
        assert (pk.pihak_kedua.nama, pk.pihak_kedua.nip) == (nama_ttd, nip)
    else:
        assert pemegang is None and Pegawai.objects.count() == 0

    jejak = Jejak.objects.filter(aksi="impor").latest("pk")
    assert f"jabatan {camat.nama} dibuat" in jejak.ringkasan
    assert jejak.perubahan["kepala_dibuat"] == [camat.nama]

    sebelum = baris_tertulis()
    kedua = impor(data, instansi, tahun=tahun)
    assert baris_tertulis() == sebelum
    assert kedua.kepala_dibuat == [] and kedua.pegawai.dibuat == kedua.penugasan.dibuat == 0
    assert (kedua.jabatan.dibuat, kedua.jabatan.diperbarui) == (0, 0)


def test_pk_pdf_sekretaris_menyebut_camat_penandatangan(dokumen_dir):
    from kinerja.dokumen import baca

    data = baca(dokumen_dir / "iki-kecamatan-sampang-2022.txt")
    instansi = instansi_baru(data["instansi"])
    impor(data, instansi)
    sekcam = Jabatan.objects.get(instansi=instansi, nama__startswith="Sekretaris Kecamatan")
    with pdfplumber.open(io.BytesIO(buat_pk(sekcam, 2022, "pdf").isi)) as pdf:
        teks = " ".join(" ".join((halaman.extract_text() or "").split()) for halaman in pdf.pages)
    kedua = teks.index("PIHAK KEDUA")
    assert "YUDHI ADIDARTA KARMA" in teks[kedua:]
    assert "19780720 199804 1 001" in teks


# --- invented documents -----------------------------------------------------------------------


def dokumen(*jabatan: dict, **sk) -> dict:
    """A minimal interchange document of Kecamatan Sukamaju, 2024."""
    indikator = {"nama": "Jumlah surat", "formula": {"teks": "Jumlah surat"}}
    isi = {"uraian": "Tertib administrasi", "indikator": [indikator]}
    return {
        "instansi": "Kecamatan Sukamaju",
        "tahun": 2024,
        "sk": {"nomor": "1/2024", "tanggal": "2024-01-15", **sk},
        "jabatan": [{"sasaran": [isi], **j} for j in jabatan],
    }


SEKCAM = {"nama": "Sekretaris Kecamatan", "atasan": "Camat Sukamaju", "atasan_tebakan": True}
TTD = {"penandatangan": "Drs. Budi Santoso", "nip": "19780720 199804 1 001", "pangkat": "Pembina"}


@pytest.fixture
def sukamaju():
    return instansi_baru("Kecamatan Sukamaju")


def test_camat_yang_sudah_ada_dipakai_dan_pemegangnya_tidak_diganti(sukamaju):
    camat = Jabatan.objects.create(instansi=sukamaju, nama="Camat")
    lama = Pegawai.objects.create(nama="Hj. Siti", nip="198001012005012001")
    Penugasan.objects.create(pegawai=lama, jabatan=camat, mulai=date(2023, 6, 1))
    hasil = impor(dokumen(SEKCAM, **TTD), sukamaju)
    assert Jabatan.objects.get(nama="Sekretaris Kecamatan").atasan == camat
    assert hasil.kepala_dibuat == [] and hasil.penugasan.dibuat == 0
    assert camat.pemegang(date(2024, 1, 15)) == lama
    assert any("dipegang Hj. Siti" in p and "15 Januari 2024" in p for p in hasil.peringatan)


def test_pegawai_dengan_nip_sama_dipakai_ulang(sukamaju):
    ada = Pegawai.objects.create(nama="Budi Santoso", nip="197807201998041001")
    hasil = impor(dokumen(SEKCAM, **TTD), sukamaju)
    assert (hasil.pegawai.dibuat, hasil.pegawai.tetap, hasil.penugasan.dibuat) == (0, 1, 1)
    assert Jabatan.objects.get(nama="Camat Sukamaju").pemegang(date(2024, 1, 15)) == ada
    assert Pegawai.objects.count() == 1


def test_jabatan_penandatangan_menjadi_atasan_dan_plt(sukamaju):
    kasi = {"nama": "Kepala Seksi Pemerintahan", "atasan": "PLT. CAMAT SUKAMAJU"}
    hasil = impor(dokumen(kasi, jabatan_penandatangan="Plt.  Camat Sukamaju", **TTD), sukamaju)
    camat = Jabatan.objects.get(instansi=sukamaju, atasan__isnull=True)
    assert camat.nama == "Camat Sukamaju" and hasil.kepala_dibuat == ["Camat Sukamaju"]
    assert Jabatan.objects.get(nama="Kepala Seksi Pemerintahan").atasan == camat
    assert Penugasan.objects.get(jabatan=camat).jenis == Penugasan.Jenis.PLT


def test_judul_penandatangan_lain_menjadi_atasan(sukamaju):
    """The signatory's title counts as the head even when it is not 'Camat <wilayah>'."""
    kasi = {"nama": "Kepala Seksi Pemerintahan", "atasan": "CAMAT SUKAMAJU KOTA"}
    impor(dokumen(kasi, jabatan_penandatangan="Camat Sukamaju Kota", **TTD), sukamaju)
    camat = Jabatan.objects.get(nama="Camat Sukamaju Kota")
    assert Jabatan.objects.get(nama="Kepala Seksi Pemerintahan").atasan == camat
    assert camat.pemegang(date(2024, 1, 15)).nip == "197807201998041001"


def test_atasan_lain_yang_tidak_ada_tidak_dibuat(sukamaju):
    staf = {"nama": "Staf Seksi Pemerintahan", "atasan": "Kepala Seksi Pemerintahan", "atasan_tebakan": True}
    hasil = impor(dokumen(staf), sukamaju)
    assert Jabatan.objects.filter(instansi=sukamaju).count() == 1 and hasil.kepala_dibuat == []
    assert any("Kepala Seksi Pemerintahan" in p and "tidak ditemukan" in p for p in hasil.peringatan)


def test_atas_nama_camat_tidak_ditugaskan(sukamaju):
    hasil = impor(dokumen(SEKCAM, jabatan_penandatangan="a.n. Camat Sukamaju", **TTD), sukamaju)
    assert Pegawai.objects.count() == Penugasan.objects.count() == 0
    assert any("bukan camat" in p for p in hasil.peringatan)


def test_nip_tidak_sah_atau_tanpa_nama_tidak_membuat_pegawai(sukamaju):
    hasil = impor(dokumen(SEKCAM, **(TTD | {"nip": "19780720 199813 1 001"})), sukamaju)
    assert Pegawai.objects.count() == 0
    assert any("NIP penandatangan SK Drs. Budi Santoso tidak sah" in p for p in hasil.peringatan)
    impor(dokumen(SEKCAM, nip="19780720 199804 1 001"), sukamaju)
    assert Pegawai.objects.count() == 0


def test_pangkat_tak_dikenal_dikosongkan_dengan_peringatan(sukamaju):
    hasil = impor(dokumen(SEKCAM, **(TTD | {"pangkat": "Kolonel"})), sukamaju)
    assert Pegawai.objects.get().pangkat == ""
    assert any("Kolonel" in p for p in hasil.peringatan)


def test_tanpa_tanggal_sk_mulai_1_januari(sukamaju):
    data = dokumen(SEKCAM, **TTD)
    data["sk"]["tanggal"] = None
    impor(data, sukamaju)
    assert Penugasan.objects.get().mulai == date(2024, 1, 1)


def test_atasan_tebakan_tidak_mengganti_atasan_yang_ada(sukamaju):
    sekcam = Jabatan.objects.create(instansi=sukamaju, nama="Sekretaris Kecamatan")
    kasi = Jabatan.objects.create(instansi=sukamaju, nama="Kepala Seksi Pemerintahan", atasan=sekcam)
    hasil = impor(dokumen({"nama": kasi.nama, "atasan": "Camat Sukamaju", "atasan_tebakan": True}), sukamaju)
    kasi.refresh_from_db()
    assert kasi.atasan == sekcam and hasil.kepala_dibuat == []
    impor(dokumen({"nama": kasi.nama, "atasan": "Camat Sukamaju"}), sukamaju)
    kasi.refresh_from_db()
    assert kasi.atasan.nama == "Camat Sukamaju"


def test_penolakan_tidak_meninggalkan_camat_atau_pegawai(sukamaju):
    """Refused after the head and the signatory were written (a constant without a value): nothing stays."""
    data = dokumen(SEKCAM, **TTD)
    data["jabatan"][0]["sasaran"][0]["indikator"][0]["formula"] = {
        "teks": "Jumlah surat",
        "ekspresi": "surat",
        "variabel": [{"kode": "surat", "uraian": "Jumlah surat", "konstanta": "jumlah_surat"}],
    }
    with pytest.raises(ImporDitolak, match="jumlah_surat"):
        impor(data, sukamaju)
    assert baris_tertulis() == {"Jabatan": 0, "Pegawai": 0, "Penugasan": 0}


def test_validasi_judul_penandatangan_dan_atasan():
    data = dokumen({"nama": "Kasi", "atasan": "x" * 201}, jabatan_penandatangan=7)
    masalah = validasi_json(data)
    assert "sk.jabatan_penandatangan: harus berupa teks, bukan bilangan" in masalah
    assert any(m.startswith("jabatan[0].atasan: terlalu panjang") for m in masalah)


def test_the_created_head_is_listed_first(dokumen_dir):
    from kinerja.dokumen import baca

    instansi = instansi_baru("Kecamatan Sampang")
    impor(baca(dokumen_dir / "iki-kecamatan-sampang-2022.txt"), instansi)
    urutan = list(Jabatan.objects.filter(instansi=instansi).order_by("urutan", "id").values_list("nama", flat=True))
    assert urutan[0] == "Camat Sampang"
    assert urutan[1].startswith("Sekretaris Kecamatan")
