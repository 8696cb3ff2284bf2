"""Standard texts of the official documents: defaults, placeholders and a small markup.

Pure Python (no Django). Each instansi may replace any of these texts (model TeksStandar); what is
not replaced comes from BAWAAN below. A text is written in a markup an office clerk can type into
a text box:

* a blank line separates paragraphs; lines of one paragraph are joined;
* ``# 1.1 Latar Belakang`` is a sub-heading;
* lines starting ``1.`` / ``2)`` form a numbered list, ``a.`` / ``b)`` a lettered list, ``-`` or
  ``•`` a bulleted list; a following line without a marker continues the item;
* ``{instansi}``, ``{camat}`` … are replaced by the document's values (see PENANDA).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

__all__ = [
    "BAWAAN",
    "BAGIAN",
    "KOSONG",
    "PENANDA",
    "Daftar",
    "Judul",
    "Paragraf",
    "isi_penanda",
    "periksa",
    "urai",
    "urutan_diktum",
]

KOSONG = "……………"
"""Shown where a placeholder has no value yet (a draft without an SK number): filled in by hand."""

PENANDA: dict[str, str] = {
    "instansi": "nama instansi, mis. Kecamatan Banyuates",
    "wilayah": "nama wilayah, mis. Banyuates",
    "pemda": "nama pemerintah daerah, mis. Kabupaten Sampang",
    "camat": "sebutan kepala instansi, mis. Camat Banyuates",
    "tahun": "tahun dokumen",
    "nomor_sk": "nomor keputusan penetapan IKI",
    "tanggal_sk": "tanggal keputusan, mis. 6 Januari 2026",
}
"""The placeholders a standard text may use, with what each becomes."""

BAGIAN: dict[str, str] = {
    "kata_pengantar": "Kata Pengantar",
    "bab_1": "Bab I Pendahuluan",
    "bab_2": "Bab II Indikator Kinerja Individu",
    "bab_3": "Bab III Penutup",
    "menimbang": "Keputusan: Menimbang (bila dokumen IKI tidak mengisinya)",
    "mengingat": "Keputusan: Mengingat (bila dokumen IKI tidak mengisinya)",
    "diktum": "Keputusan: diktum KESATU dan seterusnya (satu paragraf satu diktum)",
    "pk_pembuka": "Perjanjian Kinerja: kalimat pembuka",
    "pk_isi": "Perjanjian Kinerja: pernyataan para pihak",
}
"""The replaceable texts, in document order, with the label shown to the user."""

BAWAAN: dict[str, str] = {
    "kata_pengantar": """\
Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Dokumen \
Indikator Kinerja Individu (IKI) {instansi} {pemda} Tahun {tahun} dapat diselesaikan.

Indikator Kinerja Individu adalah ukuran keberhasilan setiap jabatan dalam mewujudkan sasaran \
organisasi. Dengan indikator yang jelas, terukur dan ditetapkan secara berjenjang, setiap pejabat \
dan pegawai mengetahui hasil kerja yang diharapkan darinya, dan pimpinan memperoleh dasar yang \
objektif untuk memantau, menilai dan melaporkan kinerja.

Indikator dalam dokumen ini ditetapkan dengan Keputusan {camat} Nomor {nomor_sk} tanggal \
{tanggal_sk}, dan menjadi acuan penyusunan Perjanjian Kinerja, pengukuran kinerja setiap triwulan \
serta Laporan Kinerja Instansi Pemerintah (LKjIP) {instansi}.

Kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan dokumen ini. \
Semoga dokumen ini bermanfaat bagi peningkatan akuntabilitas kinerja {instansi}.
""",
    "bab_1": """\
# 1.1 Latar Belakang
Penyelenggaraan pemerintahan yang baik menuntut setiap instansi pemerintah mempertanggungjawabkan \
hasil kerjanya secara jelas, terukur dan dapat diperiksa. Sistem Akuntabilitas Kinerja Instansi \
Pemerintah (SAKIP) mewajibkan setiap instansi menetapkan ukuran keberhasilan bagi tujuan dan \
sasarannya, dari tingkat organisasi sampai tingkat individu.

Indikator Kinerja Individu (IKI) adalah ukuran keberhasilan yang menggambarkan kinerja setiap \
jabatan. IKI diturunkan secara berjenjang dari sasaran pimpinan instansi kepada jabatan di \
bawahnya, sehingga hasil kerja setiap pegawai mendukung tercapainya sasaran organisasi.

Atas dasar itu {instansi} {pemda} menyusun Dokumen Indikator Kinerja Individu Tahun {tahun} yang \
ditetapkan dengan Keputusan {camat} Nomor {nomor_sk}.

# 1.2 Maksud dan Tujuan
Penetapan Indikator Kinerja Individu dimaksudkan untuk:
1. memperoleh informasi kinerja yang penting dan diperlukan bagi penyelenggaraan manajemen kinerja yang baik;
2. memperoleh ukuran keberhasilan pencapaian tujuan dan sasaran organisasi, yang digunakan untuk \
perbaikan kinerja dan peningkatan akuntabilitas.

# 1.3 Manfaat
Manfaat penetapan Indikator Kinerja Individu antara lain:
1. program dan kegiatan terkait langsung dengan ukuran keberhasilan jabatan yang merupakan penjabaran tugas dan fungsi;
2. terwujud keselarasan antara kinerja individu, kinerja unit kerja dan kinerja instansi;
3. pengukuran dan pelaporan kinerja dapat dilakukan secara objektif, karena setiap indikator \
memiliki rumus penghitungan dan sumber data yang jelas.
""",
    "bab_2": """\
Indikator kinerja yang baik memenuhi kriteria berikut:
1. spesifik: sesuai dengan tugas dan fungsi jabatan serta mudah dipahami;
2. dapat dicapai: menantang, namun berada dalam kendali jabatan yang bersangkutan;
3. relevan: mengukur sedekat mungkin hasil yang hendak dicapai;
4. menggambarkan keberhasilan: mengukur satu hal saja dan tidak menimbulkan tafsir ganda;
5. dapat diukur: dinyatakan dengan angka melalui rumus dan sumber data yang jelas.

# 2.1 Dasar Penetapan
Penetapan Indikator Kinerja Individu {instansi} didasarkan pada:
1. tugas, fungsi dan kewenangan {instansi} sebagaimana diatur dalam peraturan tentang kedudukan, \
susunan organisasi, tugas dan fungsi kecamatan di {pemda};
2. Rencana Strategis dan Rencana Kerja {instansi};
3. ketentuan tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.

# 2.2 Penyusunan dan Pemanfaatan
Indikator Kinerja Individu disusun melalui tahapan: merumuskan hasil yang hendak dicapai setiap \
jabatan; menyusun daftar calon indikator; menilai setiap calon indikator terhadap kriteria di \
atas; dan memilih indikator yang paling mewakili hasil kerja jabatan, lengkap dengan rumus \
penghitungan dan sumber datanya.

Indikator Kinerja Individu {instansi} Tahun {tahun} dimuat dalam Lampiran Keputusan {camat} dan \
dimanfaatkan untuk:
1. penyusunan rencana kinerja tahunan dan Perjanjian Kinerja;
2. pengukuran dan pemantauan capaian kinerja setiap triwulan;
3. penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP);
4. evaluasi kinerja jabatan dan pegawai.
""",
    "bab_3": """\
Dokumen Indikator Kinerja Individu {instansi} {pemda} Tahun {tahun} merupakan komitmen seluruh \
jajaran {instansi} untuk mewujudkan pemerintahan yang baik, bersih dan akuntabel.

Indikator yang telah ditetapkan menjadi pedoman bagi setiap pejabat dan pegawai dalam \
melaksanakan tugas, serta dasar pengukuran, pelaporan dan evaluasi kinerja selama Tahun {tahun}. \
Perubahan indikator hanya dilakukan melalui perubahan keputusan.

Semoga dokumen ini bermanfaat dan dapat digunakan sebagaimana mestinya.
""",
    "menimbang": """\
a. bahwa untuk mengukur keberhasilan pelaksanaan tugas dan fungsi di lingkungan {instansi} \
diperlukan Indikator Kinerja Individu bagi setiap jabatan;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan \
{camat} tentang Penetapan Indikator Kinerja Individu {instansi} {pemda} Tahun {tahun};
""",
    "mengingat": """\
1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah beserta perubahannya;
2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;
3. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;
4. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 \
tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan \
Kinerja Instansi Pemerintah;
""",
    "diktum": """\
Menetapkan Indikator Kinerja Individu {instansi} {pemda} Tahun {tahun} sebagaimana tercantum \
dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.

Indikator Kinerja Individu sebagaimana dimaksud dalam Diktum KESATU menjadi dasar penyusunan \
Perjanjian Kinerja serta pengukuran, pelaporan dan evaluasi kinerja setiap jabatan di lingkungan \
{instansi}.

Setiap pejabat dan pegawai di lingkungan {instansi} melaporkan realisasi indikator kinerjanya \
setiap triwulan beserta bukti dukungnya kepada atasan langsung.

Keputusan ini mulai berlaku pada tanggal ditetapkan.
""",
    "pk_pembuka": """\
Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta \
berorientasi pada hasil, kami yang bertanda tangan di bawah ini:
""",
    "pk_isi": """\
Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian \
ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam \
dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi \
tanggung jawab kami.

Pihak kedua akan melakukan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian \
kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian \
penghargaan dan sanksi.
""",
}


@dataclass(frozen=True)
class Judul:
    teks: str
    jenis: ClassVar[str] = "judul"  # for templates, which cannot ask isinstance


@dataclass(frozen=True)
class Paragraf:
    teks: str
    jenis: ClassVar[str] = "paragraf"


@dataclass(frozen=True)
class Daftar:
    """A list; ``gaya`` is "angka" (1. 2.), "huruf" (a. b.) or "titik" (bullets)."""

    gaya: str
    butir: tuple[str, ...] = field(default_factory=tuple)
    jenis: ClassVar[str] = "daftar"

    def penanda(self, indeks: int) -> str:
        """The marker printed before item ``indeks`` (0-based): "1.", "b.", "•"."""
        if self.gaya == "angka":
            return f"{indeks + 1}."
        if self.gaya == "huruf":
            return f"{_huruf(indeks)}."
        return "•"


Blok = Judul | Paragraf | Daftar

_PENANDA_TEKS = re.compile(r"\{([a-z_]+)\}")
_BUTIR = (
    ("angka", re.compile(r"(\d{1,2})[.)]\s+(.*)")),
    ("huruf", re.compile(r"([a-z])[.)]\s+(.*)")),
    ("titik", re.compile(r"()[-•]\s+(.*)")),
)


def _huruf(indeks: int) -> str:
    # a … z, then aa, ab … as decrees continue long lists.
    huruf = ""
    indeks += 1
    while indeks:
        indeks, sisa = divmod(indeks - 1, 26)
        huruf = chr(ord("a") + sisa) + huruf
    return huruf


_SATUAN_DIKTUM = ("SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN")


def urutan_diktum(indeks: int) -> str:
    """The name of diktum ``indeks`` (0-based): KESATU, KEDUA, … KESEPULUH, KESEBELAS, KEDUA BELAS … KE-20"""
    nomor = indeks + 1
    if nomor < 10:
        return "KE" + _SATUAN_DIKTUM[nomor - 1]
    if nomor == 10:
        return "KESEPULUH"
    if nomor == 11:
        return "KESEBELAS"
    if nomor < 20:
        return f"KE{_SATUAN_DIKTUM[nomor - 11]} BELAS"
    return f"KE-{nomor}"


def urai(teks: str) -> list[Blok]:
    """Split a standard text into headings, paragraphs and lists (see the module docstring)."""
    blok: list[Blok] = []
    paragraf: list[str] = []
    daftar: tuple[str, list[str]] | None = None

    def tutup() -> None:
        nonlocal daftar
        if paragraf:
            blok.append(Paragraf(" ".join(paragraf)))
            paragraf.clear()
        if daftar is not None:
            blok.append(Daftar(daftar[0], tuple(daftar[1])))
            daftar = None

    for baris in teks.splitlines():
        baris = " ".join(baris.split())
        if not baris:
            tutup()
            continue
        if baris.startswith("#"):
            tutup()
            blok.append(Judul(baris.lstrip("#").strip()))
            continue
        butir = next(((gaya, m[2]) for gaya, pola in _BUTIR if (m := pola.fullmatch(baris))), None)
        if butir is not None:
            gaya, isi = butir
            if paragraf:
                blok.append(Paragraf(" ".join(paragraf)))
                paragraf.clear()
            if daftar is not None and daftar[0] != gaya:
                tutup()
            if daftar is None:
                daftar = (gaya, [])
            daftar[1].append(isi)
        elif daftar is not None:
            daftar[1][-1] += " " + baris
        else:
            paragraf.append(baris)
    tutup()
    return blok


def periksa(teks: str) -> list[str]:
    """Problems with a text typed by a user, in Indonesian; empty when it may be saved."""
    tidak_dikenal = sorted({nama for nama in _PENANDA_TEKS.findall(teks) if nama not in PENANDA})
    if not tidak_dikenal:
        return []
    dikenal = ", ".join("{" + nama + "}" for nama in PENANDA)
    return [
        "Penanda tidak dikenal: "
        + ", ".join("{" + nama + "}" for nama in tidak_dikenal)
        + f". Penanda yang dapat dipakai: {dikenal}."
    ]


def isi_penanda(teks: str, nilai: Mapping[str, str]) -> str:
    """Replace the known placeholders; an empty value prints KOSONG (to be filled in by hand)."""

    def ganti(m: re.Match) -> str:
        nama = m[1]
        if nama not in PENANDA:
            return m[0]
        return nilai.get(nama) or KOSONG

    return _PENANDA_TEKS.sub(ganti, teks)
