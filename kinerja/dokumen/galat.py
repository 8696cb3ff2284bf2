"""The one error a caller of :mod:`kinerja.dokumen` has to handle, and every message the reader gives.

Two kinds of message live here, so that a sentence is written once and the web, the CLI and the
tests all see the same words:

* refusals (:class:`DokumenError`): the file is not an IKI document the reader can use — empty,
  corrupt, binary, too large, a scan without text, or without any indicator table;
* warnings (``peringatan``): a piece of an IKI document the reader read but could not place. The
  document is still read; the warning is prefixed with the piece's place (see :mod:`blok`).
"""


class DokumenError(ValueError):
    """The input is not an IKI document this reader can use (empty, corrupt, binary, too large,
    a scan without text, or no indicator table at all). The message is one Indonesian sentence
    meant for the user, prefixed with the file's name when it is known."""


def galat(nama_file: str | None, pesan: str) -> DokumenError:
    """The error for ``pesan`` (one of the refusals below) about the file ``nama_file``."""
    return DokumenError(f"{nama_file}: {pesan}" if nama_file else pesan)


# --- refusals ----------------------------------------------------------------------------------

KOSONG = "berkas kosong."
TIDAK_DITEMUKAN = "berkas tidak ditemukan."
IZIN_DITOLAK = "berkas tidak dapat dibaca (izin ditolak)."
BUKAN_BERKAS = "bukan berkas biasa."
WORD_LAMA = "format Word lama (.doc) tidak didukung; simpan ulang sebagai .docx."
DOCX_BUKAN_ZIP = "berkas .docx rusak: isinya bukan arsip zip."
DOCX_RUSAK = "berkas .docx rusak atau bukan dokumen Word."
PDF_TANPA_TANDA = "berkas PDF rusak: tidak diawali tanda %PDF."
PDF_RUSAK = "berkas PDF rusak dan tidak dapat dibaca."
PDF_BERSANDI = "PDF terkunci dengan kata sandi."
PDF_PINDAIAN = "PDF hasil pindai, tidak ada teks; jalankan OCR lebih dahulu"
RTF = "format RTF tidak didukung; simpan ulang sebagai .docx."
UTF16_RUSAK = "berkas teks UTF-16 rusak."
BINER = "berkas biner yang tidak dikenal, bukan teks, Word (.docx), atau PDF."
BUKAN_IKI = (
    "Bukan dokumen IKI: tidak ditemukan tabel indikator kinerja "
    "(judul kolom Indikator dengan Sasaran, Formulasi/Rumus, atau Sumber Data)."
)


def terlalu_besar(ukuran: int, batas: int) -> str:
    return f"berkas terlalu besar ({ukuran / 1024 / 1024:.1f} MB); batasnya {batas // (1024 * 1024)} MB."


# --- warnings: pieces read but not placed -----------------------------------------------------


def _potong(teks: str, panjang: int = 80) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


TABEL_TANPA_JABATAN = "tabel IKI sebelum baris JABATAN; jabatan diberi nama sementara"
SEL_DITEBAK = "jumlah sel berbeda dari judul tabel; kolom ditebak dari isinya"
SASARAN_TANPA_URAIAN = "sasaran tanpa uraian"


def teks_dilewati(teks: str) -> str:
    return f"teks di antara baris tabel dilewati: {_potong(teks)}"


def sel_tak_bertempat(teks: str) -> str:
    return f"sel di luar kolom yang dikenal dilewati: {_potong(teks)}"


def indikator_tanpa_nama(teks_lain: str) -> str:
    isi = f" (isinya: {_potong(teks_lain)})" if teks_lain.strip() else ""
    return f"baris tabel tanpa nama indikator dilewati{isi}"


def indikator_tanpa_rumus(nama: str) -> str:
    return f"indikator tanpa rumus: {nama}"


def rumus_tidak_dipahami(masalah: str, teks: str) -> str:
    return f"rumus tidak dipahami ({masalah}): {teks.replace(chr(10), ' / ')}"


def rumus_tanpa_kali_100(nama: str) -> str:
    return f"rumus persentase tanpa '× 100%'; dikalikan 100: {nama}"


def persen_tanpa_penyebut(nama: str) -> str:
    return f"rumus persentase tanpa penyebut; periksa rumusnya: {nama}"


def rumus_mengulang_nama(nama: str) -> str:
    return f"rumus hanya mengulang nama indikator; tulis pembilang dan penyebutnya: {nama}"


def keterangan_setelah_100(keterangan: str, nama: str) -> str:
    return f"keterangan setelah '× 100%' tidak ikut dihitung ({_potong(keterangan.strip('() '))}): {nama}"


def nama_tergabung(nama: list[str]) -> str:
    return "dua nama indikator dalam satu sel: " + " | ".join(_potong(n, 60) for n in nama)


def nama_tergabung_dipisah(nama: list[str]) -> str:
    return "dua nama indikator dalam satu sel dipisah menjadi indikator sendiri: " + " | ".join(
        _potong(n, 60) for n in nama
    )


def jabatan_tanpa_indikator(nama: str) -> str:
    return f"jabatan tanpa indikator: {nama}"


def sasaran_tanpa_indikator(uraian: str) -> str:
    return f"sasaran tanpa indikator dilewati: {uraian}"


def indikator_ganda(nama: str) -> str:
    return f"indikator tertulis dua kali dalam jabatan yang sama: {nama}"
