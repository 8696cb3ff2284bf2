"""The finding record and the stable vocabulary of its ``jenis`` (documented in docs/mutu.md)."""

from kinerja.mutu.model import IndikatorLihat, JabatanLihat

TINGKAT = ("galat", "peringatan", "saran")

JENIS = {
    "rumus_terbalik": "pembilang dan penyebut tertukar",
    "tanpa_kali_100": "persentase tanpa dikalikan 100",
    "satuan_tidak_cocok": "satuan tidak sesuai dengan rumus atau nama",
    "nama_tidak_cocok_rumus": "nama indikator mengukur hal lain daripada rumusnya",
    "rumus_tidak_lengkap": "rumus tidak lengkap atau tidak dapat dibaca",
    "rumus_janggal": "susunan rumus janggal",
    "kegiatan_bukan_indikator": "kegiatan atau pernyataan keadaan ditulis sebagai indikator",
    "tidak_terukur": "indikator tidak menyebut besaran yang diukur",
    "duplikat": "tertulis dua kali",
    "tumpang_tindih": "dua jabatan mengukur hal yang sama",
    "indikator_ganda": "dua indikator digabung dalam satu",
    "kaskade_tidak_konsisten": "indikator turunan tidak sejalan dengan indikator induknya",
    "nama_instansi_salah": "menyebut instansi lain",
    "nama_jabatan_tidak_konsisten": "nama jabatan tidak konsisten",
    "sk_tidak_lengkap": "SK penetapan tidak lengkap",
    "penandatangan_janggal": "penandatangan janggal",
    "dasar_hukum_keliru": "dasar hukum keliru",
    "sumber_data_janggal": "sumber data janggal",
    "isian_kosong": "isian kosong",
    "penomoran": "penomoran tidak urut",
    "susunan_dokumen": "susunan dokumen tidak seragam",
    "salah_ketik": "salah ketik",
}


def temuan(
    jenis: str,
    tingkat: str,
    pesan: str,
    *,
    indikator: IndikatorLihat | None = None,
    jabatan: JabatanLihat | None = None,
    sasaran: str | None = None,
    baris: int | None = None,
    saran_perbaikan: str | None = None,
) -> dict:
    assert jenis in JENIS and tingkat in TINGKAT, (jenis, tingkat)
    if indikator is not None:
        jabatan = indikator.jabatan
        sasaran = indikator.sasaran if sasaran is None else sasaran
        baris = indikator.baris if baris is None else baris
    if baris is None and jabatan is not None:
        baris = jabatan.baris
    return {
        "jenis": jenis,
        "tingkat": tingkat,
        "jabatan": (jabatan.nama or None) if jabatan else None,
        "sasaran": sasaran or None,
        "indikator": (indikator.nama or None) if indikator else None,
        "baris": baris,
        "pesan": pesan,
        "saran_perbaikan": saran_perbaikan,
    }
