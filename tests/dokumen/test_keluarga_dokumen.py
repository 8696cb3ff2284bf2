"""IKI documents of imaginary kecamatan "in the same family of formats" as ../shared/dokumen/.

Issue 3 is checked on documents of other offices that this project never sees. Each document
here is invented (its own text) and mixes the conversion styles of the shared documents
differently: Markdown pipe tables with LaTeX, tab-separated rows in another column order
without a Sumber Data column, ``Jabatan : **…**`` headings with HTML lists and prose formulas,
and OCR damage with page furniture between rows. Next to each document is what a reader
should get out of it; :func:`nilai` computes the three figures of the hidden check:

* ``ditemukan`` — indicators found under the right jabatan (target ≥ 95 %),
* ``sasaran_sumber`` — found with the right sasaran and sumber data (≥ 90 %),
* ``rumus`` — found with a formula that computes the same as the expected one over the
  expected variables, i.e. the right numerator and denominator (≥ 90 %),

and every indicator whose formula was not understood must be named in a ``peringatan`` with
its line number.
"""

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from kinerja.dokumen import baca_teks
from kinerja.dokumen.formula import pahami
from kinerja.rumus import evaluate

T = "\t"


def baris(*sel: str) -> str:
    return T.join(sel)


# An outside number (IKM): any formula of a single variable is right.
NILAI_LUAR = ("nilai_luar", ())


@dataclass(frozen=True)
class Harapan:
    """One expected indicator. ``rumus`` is a template over ``{0}``, ``{1}``… standing for the
    variables whose uraian are listed, or :data:`NILAI_LUAR`, or None for a formula that cannot
    be understood (it must then be reported)."""

    nama: str
    sasaran: str
    sumber: str | None
    rumus: tuple[str, tuple[str, ...]] | None


# --- 1. Markdown pipe tables, LaTeX, Camat with eselon, Tujuan block, SK before the tables -------

WRINGINREJO = r"""
# KEPUTUSAN CAMAT WRINGINREJO

**Nomor : 061/14/KEP/435.208/2023**

## TENTANG

## PENETAPAN INDIKATOR KINERJA INDIVIDU KECAMATAN WRINGINREJO KABUPATEN SUMBERLARAS TAHUN 2023

**CAMAT WRINGINREJO,**

Menimbang : bahwa untuk mengukur keberhasilan setiap jabatan perlu ditetapkan indikator kinerja individu;

MEMUTUSKAN

Menetapkan : Indikator Kinerja Individu di lingkungan Kecamatan Wringinrejo sebagaimana tercantum dalam lampiran keputusan ini.

Ditetapkan di : Wringinrejo

Pada tanggal : 9 Februari 2023

**CAMAT WRINGINREJO**

**HENDRA PRASETYO WIBOWO, S.Sos., M.AP**

Pembina Tingkat I

NIP. 19750314 199903 1 004

---

## LAMPIRAN KEPUTUSAN CAMAT WRINGINREJO

**JABATAN : CAMAT (Eselon III)**

**Tugas :** Memimpin dan mengendalikan penyelenggaraan pemerintahan di wilayah kecamatan.

**Fungsi :**

1. Perumusan kebijakan teknis kecamatan;
2. Pengoordinasian kegiatan pemberdayaan masyarakat desa;
3. Pembinaan penyelenggaraan pemerintahan desa.

**Tujuan :** Terwujudnya pelayanan publik kecamatan yang cepat dan terpercaya

**Indikator Tujuan :** Indeks kepuasan masyarakat terhadap layanan kecamatan

| NO | SASARAN | INDIKATOR KINERJA INDIVIDU | RUMUS | SUMBER DATA |
|:--:|---|---|---|---|
| 1 | Meningkatnya kualitas layanan administrasi terpadu kecamatan | Nilai IKM pelayanan kecamatan | Nilai IKM | Laporan SKM semesteran |
| | | Persentase layanan PATEN yang diselesaikan sesuai standar waktu | $\frac{\text{Jumlah layanan PATEN selesai sesuai standar}}{\text{Jumlah permohonan layanan PATEN}} \times 100\%$ | Register PATEN |
| 2 | Terwujudnya desa yang tertib tata kelola | Persentase desa yang menetapkan APBDes tepat waktu | $\frac{\text{Jumlah desa yang menetapkan APBDes sebelum 31 Desember}}{\text{15 desa}} \times 100\%$ | Seksi PMD |
| | | Indeks tata kelola desa | (Skor administrasi desa + Skor keuangan desa + Skor aset desa) / (Jumlah desa × 3) x 100% | Hasil evaluasi desa |
| 3 | Terkendalinya ketenteraman dan ketertiban wilayah | Angka gangguan ketertiban umum | Jumlah kejadian gangguan ketertiban – Target kejadian gangguan ketertiban | Polsek dan Satpol PP |

**JABATAN : SEKRETARIS KECAMATAN (Eselon III.b)**

**Tugas :** Membantu camat dalam urusan administrasi umum, keuangan dan perencanaan.

| NO | SASARAN | INDIKATOR KINERJA INDIVIDU | RUMUS | SUMBER DATA |
|----|---|---|---|---|
| 1 | Meningkatnya akuntabilitas keuangan dan kinerja kecamatan | **Persentase laporan keuangan yang disampaikan tepat waktu** | Jumlah laporan keuangan disampaikan tepat waktu<br>Jumlah laporan keuangan wajib disampaikan<br>x 100% | BPKAD<br>Subbag Keuangan |
| | | Persentase dokumen perencanaan yang | $\frac{\text{Jumlah dokumen perencanaan tersusun sesuai jadwal}}{\text{Jumlah dokumen perencanaan yang direncanakan}} \times 100\%$ | Subbag Program |
| | | disahkan tepat waktu | | |

Halaman 3

| NO | SASARAN | INDIKATOR KINERJA INDIVIDU | RUMUS | SUMBER DATA |
|----|---|---|---|---|
| | | Nilai SAKIP kecamatan | Nilai hasil evaluasi SAKIP oleh Inspektorat | Laporan Hasil Evaluasi SAKIP |
| 2 | Meningkatnya kualitas pengelolaan aset kecamatan | Persentase barang milik daerah yang tercatat dalam KIB | Jumlah barang yang tercatat dalam KIB / Jumlah barang milik daerah yang dikuasai x 100 % | Kartu Inventaris Barang |

**JABATAN : KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN (Eselon IV.a)**

**Tugas :**

- Menyusun rencana kerja subbagian;
- Mengelola administrasi kepegawaian dan kearsipan.

| NO | SASARAN | INDIKATOR KINERJA INDIVIDU | RUMUS | SUMBER DATA |
|----|---|---|---|---|
| 1 | Meningkatnya disiplin dan tertib administrasi pegawai | Persentase kehadiran pegawai | $\frac{\text{Jumlah pegawai} \times (\text{Jumlah hari kerja} - \text{Jumlah hari tidak masuk})}{\text{Jumlah pegawai} \times \text{Jumlah hari kerja}} \times 100\%$ | Rekap absensi elektronik |
| | | Persentase usulan kenaikan pangkat yang diproses tepat waktu | Jumlah usulan kenaikan pangkat yang diproses tepat waktu / Jumlah pegawai yang memenuhi syarat kenaikan pangkat x 100% | Register kepegawaian |
| | | Jumlah arsip inaktif yang ditata | Jumlah arsip inaktif yang ditata | Daftar arsip |

Catatan: 240 hari kerja efektif

**JABATAN : KEPALA SEKSI PEMERINTAHAN (Eselon IV.b)**

| NO | SASARAN | INDIKATOR KINERJA INDIVIDU | RUMUS | SUMBER DATA |
|----|---|---|---|---|
| 1 | Meningkatnya tertib administrasi pemerintahan desa | Persentase desa yang menyampaikan LPPD tepat waktu | $\frac{\text{Jumlah desa yang menyampaikan LPPD tepat waktu}}{\text{15 desa}} \times 100\%$ | Seksi Pemerintahan |
| | | Persentase sengketa batas desa yang difasilitasi | Jumlah sengketa batas desa yang difasilitasi / Jumlah sengketa batas desa yang dilaporkan x 100% | Register sengketa |
| 2 | Meningkatnya pelayanan administrasi kependudukan | Persentase rekomendasi kependudukan selesai dalam satu hari | $\frac{\text{Jumlah rekomendasi selesai dalam satu hari}}{\text{Jumlah permohonan rekomendasi}} \times 100\%$ | Buku register kependudukan |
"""

HARAPAN_WRINGINREJO = {
    "Camat": [
        Harapan(
            "Nilai IKM pelayanan kecamatan",
            "Meningkatnya kualitas layanan administrasi terpadu kecamatan",
            "Laporan SKM semesteran",
            NILAI_LUAR,
        ),
        Harapan(
            "Persentase layanan PATEN yang diselesaikan sesuai standar waktu",
            "Meningkatnya kualitas layanan administrasi terpadu kecamatan",
            "Register PATEN",
            ("{0} / {1} * 100", ("Jumlah layanan PATEN selesai sesuai standar", "Jumlah permohonan layanan PATEN")),
        ),
        Harapan(
            "Persentase desa yang menetapkan APBDes tepat waktu",
            "Terwujudnya desa yang tertib tata kelola",
            "Seksi PMD",
            ("{0} / {1} * 100", ("Jumlah desa yang menetapkan APBDes sebelum 31 Desember", "15 desa")),
        ),
        Harapan(
            "Indeks tata kelola desa",
            "Terwujudnya desa yang tertib tata kelola",
            "Hasil evaluasi desa",
            (
                "({0} + {1} + {2}) / ({3} * 3) * 100",
                ("Skor administrasi desa", "Skor keuangan desa", "Skor aset desa", "Jumlah desa"),
            ),
        ),
        Harapan(
            "Angka gangguan ketertiban umum",
            "Terkendalinya ketenteraman dan ketertiban wilayah",
            "Polsek dan Satpol PP",
            ("{0} - {1}", ("Jumlah kejadian gangguan ketertiban", "Target kejadian gangguan ketertiban")),
        ),
    ],
    "Sekretaris Kecamatan": [
        Harapan(
            "Persentase laporan keuangan yang disampaikan tepat waktu",
            "Meningkatnya akuntabilitas keuangan dan kinerja kecamatan",
            "BPKAD Subbag Keuangan",
            (
                "{0} / {1} * 100",
                ("Jumlah laporan keuangan disampaikan tepat waktu", "Jumlah laporan keuangan wajib disampaikan"),
            ),
        ),
        Harapan(
            "Persentase dokumen perencanaan yang disahkan tepat waktu",
            "Meningkatnya akuntabilitas keuangan dan kinerja kecamatan",
            "Subbag Program",
            (
                "{0} / {1} * 100",
                ("Jumlah dokumen perencanaan tersusun sesuai jadwal", "Jumlah dokumen perencanaan yang direncanakan"),
            ),
        ),
        Harapan(
            "Nilai SAKIP kecamatan",
            "Meningkatnya akuntabilitas keuangan dan kinerja kecamatan",
            "Laporan Hasil Evaluasi SAKIP",
            ("{0}", ("Nilai hasil evaluasi SAKIP oleh Inspektorat",)),
        ),
        Harapan(
            "Persentase barang milik daerah yang tercatat dalam KIB",
            "Meningkatnya kualitas pengelolaan aset kecamatan",
            "Kartu Inventaris Barang",
            ("{0} / {1} * 100", ("Jumlah barang yang tercatat dalam KIB", "Jumlah barang milik daerah yang dikuasai")),
        ),
    ],
    "Kepala Sub Bagian Umum dan Kepegawaian": [
        Harapan(
            "Persentase kehadiran pegawai",
            "Meningkatnya disiplin dan tertib administrasi pegawai",
            "Rekap absensi elektronik",
            (
                "{0} * ({1} - {2}) / ({0} * {1}) * 100",
                ("Jumlah pegawai", "Jumlah hari kerja", "Jumlah hari tidak masuk"),
            ),
        ),
        Harapan(
            "Persentase usulan kenaikan pangkat yang diproses tepat waktu",
            "Meningkatnya disiplin dan tertib administrasi pegawai",
            "Register kepegawaian",
            (
                "{0} / {1} * 100",
                (
                    "Jumlah usulan kenaikan pangkat yang diproses tepat waktu",
                    "Jumlah pegawai yang memenuhi syarat kenaikan pangkat",
                ),
            ),
        ),
        Harapan(
            "Jumlah arsip inaktif yang ditata",
            "Meningkatnya disiplin dan tertib administrasi pegawai",
            "Daftar arsip",
            ("{0}", ("Jumlah arsip inaktif yang ditata",)),
        ),
    ],
    "Kepala Seksi Pemerintahan": [
        Harapan(
            "Persentase desa yang menyampaikan LPPD tepat waktu",
            "Meningkatnya tertib administrasi pemerintahan desa",
            "Seksi Pemerintahan",
            ("{0} / {1} * 100", ("Jumlah desa yang menyampaikan LPPD tepat waktu", "15 desa")),
        ),
        Harapan(
            "Persentase sengketa batas desa yang difasilitasi",
            "Meningkatnya tertib administrasi pemerintahan desa",
            "Register sengketa",
            (
                "{0} / {1} * 100",
                ("Jumlah sengketa batas desa yang difasilitasi", "Jumlah sengketa batas desa yang dilaporkan"),
            ),
        ),
        Harapan(
            "Persentase rekomendasi kependudukan selesai dalam satu hari",
            "Meningkatnya pelayanan administrasi kependudukan",
            "Buku register kependudukan",
            ("{0} / {1} * 100", ("Jumlah rekomendasi selesai dalam satu hari", "Jumlah permohonan rekomendasi")),
        ),
    ],
}


# --- 2. Tab-separated, columns in another order, no Sumber Data, SK after the tables -------------

PAKISAJI = "\n".join(
    [
        "INDIKATOR KINERJA INDIVIDU",
        "KANTOR KECAMATAN PAKISAJI LOR",
        "KABUPATEN KALIMAYA TAHUN 2021",
        "",
        "I. JABATAN : SEKRETARIS KECAMATAN",
        "   TUGAS :",
        "❖ Mengoordinasikan penyusunan program dan anggaran kecamatan;",
        "❖ Membina urusan umum, kepegawaian dan keuangan.",
        "",
        baris("NO", "INDIKATOR KINERJA INDIVIDU", "RUMUS/FORMULASI", "SASARAN"),
        baris(
            "1",
            "Persentase realisasi anggaran",
            "Realisasi belanja kecamatan : Pagu anggaran kecamatan x 100 %",
            "Meningkatnya kualitas perencanaan dan penganggaran",
        ),
        baris("", "Persentase program yang dievaluasi", "Jumlah program yang dievaluasi", ""),
        baris("", "setiap triwulan", "Jumlah program dalam Renja x 100 %", ""),
        baris(
            "2",
            "Persentase kehadiran ASN",
            "Jumlah ASN x (Jumlah hari kerja – Jumlah hari absen)",
            "Meningkatnya disiplin aparatur",
        ),
        baris("", "", "Jumlah ASN x Jumlah hari kerja", ""),
        baris("", "", "x 100%", ""),
        "Catatan: 240 hari kerja efektif",
        baris("", "Jumlah inovasi pelayanan yang diterapkan", "Jumlah inovasi pelayanan yang diterapkan", ""),
        "",
        "II. JABATAN : KEPALA SUB BAGIAN PROGRAM DAN KEUANGAN",
        "   TUGAS :",
        "❖ Menyusun rencana kerja dan anggaran;",
        "❖ Menyusun laporan keuangan kecamatan.",
        "",
        baris("NO", "INDIKATOR KINERJA INDIVIDU", "RUMUS/FORMULASI", "SASARAN"),
        baris(
            "1",
            "Persentase SPJ yang diverifikasi tepat waktu",
            "Σ SPJ diverifikasi tepat waktu / Σ SPJ yang diajukan x 100%",
            "Meningkatnya tertib penatausahaan keuangan",
        ),
        baris(
            "",
            "Persentase tunggakan pajak kendaraan dinas",
            "Jumlah kendaraan dinas menunggak pajak / Jumlah kendaraan dinas x 100%",
            "",
        ),
        baris(
            "",
            "Persentase dokumen anggaran disusun tepat waktu",
            "Jumlah dokumen RKA dan DPA yang disusun tepat waktu",
            "",
        ),
        baris("", "", "Jumlah dokumen RKA dan DPA yang wajib disusun", ""),
        "",
        "III. JABATAN : KEPALA SEKSI KESEJAHTERAAN SOSIAL",
        "   TUGAS :",
        "❖ Membina kegiatan keagamaan, kepemudaan dan olahraga;",
        "❖ Mengoordinasikan penyaluran bantuan sosial.",
        "",
        baris("NO", "INDIKATOR KINERJA INDIVIDU", "RUMUS/FORMULASI", "SASARAN"),
        baris(
            "1",
            "Persentase bantuan sosial tersalur tepat sasaran",
            "Jumlah penerima bantuan tepat sasaran / Jumlah penerima bantuan yang ditetapkan x 100%",
            "Meningkatnya kesejahteraan masyarakat rentan",
        ),
        baris(
            "",
            "Persentase desa yang melaksanakan posyandu remaja",
            "Jumlah desa yang melaksanakan posyandu remaja x 100%",
            "",
        ),
        baris("", "", "11 desa", ""),
        baris(
            "2",
            "Jumlah kegiatan pembinaan kepemudaan",
            "Jumlah kegiatan pembinaan kepemudaan yang dilaksanakan",
            "Meningkatnya peran pemuda dan olahraga",
        ),
        baris(
            "",
            "Persentase laporan bencana yang ditangani dalam 1x24 jam",
            "Laporan bencana ditangani dalam 1x24 jam dibagi seluruh laporan bencana yang masuk",
            "",
        ),
        "",
        "IV. JABATAN : PENGADMINISTRASI UMUM",
        "",
        baris("NO", "INDIKATOR KINERJA INDIVIDU", "RUMUS/FORMULASI", "SASARAN"),
        baris(
            "1",
            "Persentase surat masuk yang diagendakan pada hari yang sama",
            "Jumlah surat masuk diagendakan pada hari yang sama / Jumlah surat masuk x 100%",
            "Meningkatnya tertib administrasi persuratan",
        ),
        baris("", "Persentase daftar hadir yang direkap", "lihat pedoman rekapitulasi", ""),
        "",
        "KEPUTUSAN CAMAT PAKISAJI LOR",
        "NOMOR : 800/112/KEP/412.305/2021",
        "TENTANG",
        "PENETAPAN INDIKATOR KINERJA INDIVIDU KANTOR KECAMATAN PAKISAJI LOR",
        "MEMUTUSKAN",
        "Menetapkan : Indikator Kinerja Individu sebagaimana tercantum di atas.",
        "Ditetapkan di Pakisaji Lor",
        "pada tanggal 4 Januari 2021",
        "CAMAT PAKISAJI LOR",
        "DRS. BAMBANG SUHARTONO",
        "Pembina Utama Muda",
        "NIP. 19680912 199403 1 006",
    ]
)

SASARAN_SEKCAM_PAKISAJI = "Meningkatnya kualitas perencanaan dan penganggaran"
HARAPAN_PAKISAJI = {
    "Sekretaris Kecamatan": [
        Harapan(
            "Persentase realisasi anggaran",
            SASARAN_SEKCAM_PAKISAJI,
            None,
            ("{0} / {1} * 100", ("Realisasi belanja kecamatan", "Pagu anggaran kecamatan")),
        ),
        Harapan(
            "Persentase program yang dievaluasi setiap triwulan",
            SASARAN_SEKCAM_PAKISAJI,
            None,
            ("{0} / {1} * 100", ("Jumlah program yang dievaluasi", "Jumlah program dalam Renja")),
        ),
        Harapan(
            "Persentase kehadiran ASN",
            "Meningkatnya disiplin aparatur",
            None,
            ("{0} * ({1} - {2}) / ({0} * {1}) * 100", ("Jumlah ASN", "Jumlah hari kerja", "Jumlah hari absen")),
        ),
        Harapan(
            "Jumlah inovasi pelayanan yang diterapkan",
            "Meningkatnya disiplin aparatur",
            None,
            ("{0}", ("Jumlah inovasi pelayanan yang diterapkan",)),
        ),
    ],
    "Kepala Sub Bagian Program dan Keuangan": [
        Harapan(
            "Persentase SPJ yang diverifikasi tepat waktu",
            "Meningkatnya tertib penatausahaan keuangan",
            None,
            ("{0} / {1} * 100", ("SPJ diverifikasi tepat waktu", "SPJ yang diajukan")),
        ),
        Harapan(
            "Persentase tunggakan pajak kendaraan dinas",
            "Meningkatnya tertib penatausahaan keuangan",
            None,
            ("{0} / {1} * 100", ("Jumlah kendaraan dinas menunggak pajak", "Jumlah kendaraan dinas")),
        ),
        Harapan(
            "Persentase dokumen anggaran disusun tepat waktu",
            "Meningkatnya tertib penatausahaan keuangan",
            None,
            (
                "{0} / {1} * 100",
                (
                    "Jumlah dokumen RKA dan DPA yang disusun tepat waktu",
                    "Jumlah dokumen RKA dan DPA yang wajib disusun",
                ),
            ),
        ),
    ],
    "Kepala Seksi Kesejahteraan Sosial": [
        Harapan(
            "Persentase bantuan sosial tersalur tepat sasaran",
            "Meningkatnya kesejahteraan masyarakat rentan",
            None,
            ("{0} / {1} * 100", ("Jumlah penerima bantuan tepat sasaran", "Jumlah penerima bantuan yang ditetapkan")),
        ),
        Harapan(
            "Persentase desa yang melaksanakan posyandu remaja",
            "Meningkatnya kesejahteraan masyarakat rentan",
            None,
            ("{0} / {1} * 100", ("Jumlah desa yang melaksanakan posyandu remaja", "11 desa")),
        ),
        Harapan(
            "Jumlah kegiatan pembinaan kepemudaan",
            "Meningkatnya peran pemuda dan olahraga",
            None,
            ("{0}", ("Jumlah kegiatan pembinaan kepemudaan yang dilaksanakan",)),
        ),
        Harapan(
            "Persentase laporan bencana yang ditangani dalam 1x24 jam",
            "Meningkatnya peran pemuda dan olahraga",
            None,
            ("{0} / {1} * 100", ("Laporan bencana ditangani dalam 1x24 jam", "seluruh laporan bencana yang masuk")),
        ),
    ],
    "Pengadministrasi Umum": [
        Harapan(
            "Persentase surat masuk yang diagendakan pada hari yang sama",
            "Meningkatnya tertib administrasi persuratan",
            None,
            ("{0} / {1} * 100", ("Jumlah surat masuk diagendakan pada hari yang sama", "Jumlah surat masuk")),
        ),
        Harapan("Persentase daftar hadir yang direkap", "Meningkatnya tertib administrasi persuratan", None, None),
    ],
}


# --- 3. "Jabatan : **…**" headings, HTML lists in cells, prose formulas ----------------------------

GUNUNGSARI = """\
PEMERINTAH KABUPATEN TANAH BARU
KECAMATAN GUNUNGSARI KIDUL

KEPUTUSAN CAMAT GUNUNGSARI KIDUL NOMOR 050/09/KPTS/2024 TENTANG INDIKATOR KINERJA INDIVIDU TAHUN 2024

Jabatan : **Camat Gunungsari Kidul**

Tugas pokok :
- Menyelenggarakan urusan pemerintahan umum di tingkat kecamatan
- Mengoordinasikan pembangunan lintas desa

| Sasaran | Indikator | Formulasi | Sumber |
|---|---|---|---|
| Meningkatnya kepuasan masyarakat atas layanan kecamatan | <ul><li>Indeks Kepuasan Masyarakat</li></ul> | Nilai IKM | <ul><li>Hasil SKM</li></ul> |
| | <ul><li>Persentase pengaduan masyarakat yang ditindaklanjuti</li></ul> | Jumlah pengaduan yang ditindaklanjuti dibagi jumlah pengaduan yang diterima dikalikan seratus persen | Aplikasi pengaduan<br>(SP4N-LAPOR) |
| Menurunnya angka pelanggaran ketertiban umum | <ul><li>Angka pelanggaran perda</li></ul> | Jumlah pelanggaran perda dikurangi target pelanggaran perda | Laporan Satpol PP |

Jabatan : **Sekretaris Kecamatan**

Tugas pokok :
- Membina administrasi umum kecamatan

| Sasaran | Indikator | Formulasi | Sumber |
|---|---|---|---|
| Meningkatnya kualitas tata usaha kecamatan | <ul><li>Persentase naskah dinas yang sesuai tata naskah</li></ul> | Jumlah naskah dinas yang sesuai tata naskah dibagi dengan jumlah naskah dinas yang diterbitkan dikali 100% | Buku agenda |
| | <ul><li>Banyaknya rapat koordinasi</li><li>lintas sektor</li></ul> | Banyaknya rapat koordinasi lintas sektor yang diselenggarakan | Notulen rapat |
| | <ul><li>Persentase pegawai yang mengikuti pengembangan kompetensi</li></ul> | Jumlah pegawai yang mengikuti pengembangan kompetensi dibagi jumlah seluruh pegawai kali 100 persen | Data kepegawaian |

Jabatan : **Kepala Seksi Ekonomi dan Pembangunan**

Tugas pokok :
- Memfasilitasi pembangunan sarana desa

| Sasaran | Indikator | Formulasi | Sumber |
|---|---|---|---|
| Meningkatnya kualitas pembangunan desa | <ul><li>Persentase kegiatan fisik desa yang selesai sesuai rencana</li></ul> | Jumlah kegiatan fisik desa yang selesai sesuai rencana dibagi jumlah kegiatan fisik desa yang direncanakan dikalikan seratus persen | <ul><li>Laporan monitoring</li><li>pembangunan desa</li></ul> |
| | <ul><li>Persentase usulan musrenbang yang diakomodir</li></ul> | Jumlah usulan musrenbang kecamatan yang diakomodir dalam RKPD / Jumlah usulan musrenbang kecamatan × 100% | Berita acara musrenbang |
| Meningkatnya ketahanan pangan masyarakat | <ul><li>Persentase desa dengan lumbung pangan aktif</li></ul> | Jumlah desa dengan lumbung pangan aktif dibagi 9 desa dikalikan 100 persen | Laporan ketahanan pangan |

Jabatan : **Kepala Seksi Ketenteraman dan Ketertiban Umum**

| Sasaran | Indikator | Formulasi | Sumber |
|---|---|---|---|
| Terciptanya lingkungan yang aman dan tertib | <ul><li>Persentase linmas desa yang terlatih</li></ul> | Jumlah anggota linmas yang telah dilatih dibagi jumlah anggota linmas dikalikan seratus persen | Data linmas |
| | <ul><li>Jumlah kejadian konflik sosial</li></ul> | Jumlah kejadian konflik sosial – Target jumlah kejadian konflik sosial | Laporan intelijen kecamatan |

Gunungsari Kidul, 15 Januari 2024
CAMAT GUNUNGSARI KIDUL
**RATNA WULANDARI, S.STP., M.Si**
NIP. 19820505 200112 2 002
"""

HARAPAN_GUNUNGSARI = {
    "Camat Gunungsari Kidul": [
        Harapan(
            "Indeks Kepuasan Masyarakat",
            "Meningkatnya kepuasan masyarakat atas layanan kecamatan",
            "Hasil SKM",
            NILAI_LUAR,
        ),
        Harapan(
            "Persentase pengaduan masyarakat yang ditindaklanjuti",
            "Meningkatnya kepuasan masyarakat atas layanan kecamatan",
            "Aplikasi pengaduan (SP4N-LAPOR)",
            ("{0} / {1} * 100", ("Jumlah pengaduan yang ditindaklanjuti", "jumlah pengaduan yang diterima")),
        ),
        Harapan(
            "Angka pelanggaran perda",
            "Menurunnya angka pelanggaran ketertiban umum",
            "Laporan Satpol PP",
            ("{0} - {1}", ("Jumlah pelanggaran perda", "target pelanggaran perda")),
        ),
    ],
    "Sekretaris Kecamatan": [
        Harapan(
            "Persentase naskah dinas yang sesuai tata naskah",
            "Meningkatnya kualitas tata usaha kecamatan",
            "Buku agenda",
            (
                "{0} / {1} * 100",
                ("Jumlah naskah dinas yang sesuai tata naskah", "jumlah naskah dinas yang diterbitkan"),
            ),
        ),
        Harapan(
            "Banyaknya rapat koordinasi lintas sektor",
            "Meningkatnya kualitas tata usaha kecamatan",
            "Notulen rapat",
            ("{0}", ("Banyaknya rapat koordinasi lintas sektor yang diselenggarakan",)),
        ),
        Harapan(
            "Persentase pegawai yang mengikuti pengembangan kompetensi",
            "Meningkatnya kualitas tata usaha kecamatan",
            "Data kepegawaian",
            ("{0} / {1} * 100", ("Jumlah pegawai yang mengikuti pengembangan kompetensi", "jumlah seluruh pegawai")),
        ),
    ],
    "Kepala Seksi Ekonomi dan Pembangunan": [
        Harapan(
            "Persentase kegiatan fisik desa yang selesai sesuai rencana",
            "Meningkatnya kualitas pembangunan desa",
            "Laporan monitoring pembangunan desa",
            (
                "{0} / {1} * 100",
                (
                    "Jumlah kegiatan fisik desa yang selesai sesuai rencana",
                    "jumlah kegiatan fisik desa yang direncanakan",
                ),
            ),
        ),
        Harapan(
            "Persentase usulan musrenbang yang diakomodir",
            "Meningkatnya kualitas pembangunan desa",
            "Berita acara musrenbang",
            (
                "{0} / {1} * 100",
                ("Jumlah usulan musrenbang kecamatan yang diakomodir dalam RKPD", "Jumlah usulan musrenbang kecamatan"),
            ),
        ),
        Harapan(
            "Persentase desa dengan lumbung pangan aktif",
            "Meningkatnya ketahanan pangan masyarakat",
            "Laporan ketahanan pangan",
            ("{0} / {1} * 100", ("Jumlah desa dengan lumbung pangan aktif", "9 desa")),
        ),
    ],
    "Kepala Seksi Ketenteraman dan Ketertiban Umum": [
        Harapan(
            "Persentase linmas desa yang terlatih",
            "Terciptanya lingkungan yang aman dan tertib",
            "Data linmas",
            ("{0} / {1} * 100", ("Jumlah anggota linmas yang telah dilatih", "jumlah anggota linmas")),
        ),
        Harapan(
            "Jumlah kejadian konflik sosial",
            "Terciptanya lingkungan yang aman dan tertib",
            "Laporan intelijen kecamatan",
            ("{0} - {1}", ("Jumlah kejadian konflik sosial", "Target jumlah kejadian konflik sosial")),
        ),
    ],
}


# --- 4. OCR damage: page furniture between rows, a header repeated, x100% variants, Σ, dashes ------

JUDUL_TAMBAKREJO = baris(
    "NO", "SASARAN/ KINERJA UTAMA", "INDlKATOR KINERJA UTAMA", "PENJELASAN / FORMULASI PENGHITUNGAN", "SUMBER DATA"
)
TAMBAKREJO = "\n".join(
    [
        "INDIKATOR KINERJA INDIVIDU (IKI)",
        "KECAMATAN TAMBAKREJO WETAN KABUPATEN PESISIR UTARA TAHUN 2022",
        "",
        "Dokumen ini disusun berdasarkan Keputusan Camat Tambakrejo Wetan Nomor 188/21/KEP/436.112/2022 tentang "
        "Penetapan Indikator Kinerja Individu Kantor Kecamatan Tambakrejo Wetan.",
        "",
        "Tambakrejo Wetan, 11 Januari 2022",
        "CAMAT TAMBAKREJO WETAN",
        "",
        "- 1. JABATAN : Kepala Seksi Pelayanan Umum Kecamatan Tambakrejo Wetan",
        "- 2. Seksi Pelayanan Umum mempunyai tugas :",
        "  a. Menyusun program pelayanan umum;",
        "  b. Melaksanakan pelayanan perizinan non",
        "  usaha;",
        "",
        JUDUL_TAMBAKREJO,
        baris(
            "1",
            "Meningkatnya mutu",
            "Prosentase penyelesaian surat",
            "Jumlah surat keterangan yang selesai",
            "Register",
        ),
        baris("", "pelayanan umum", "keterangan tepat waktu", "tepat waktu x100%", "pelayanan"),
        baris("", "", "", "Jumlah permohonan surat keterangan", ""),
        baris("", "", "Prosentase berkas perizinan yang", "Σ berkas perizinan lengkap X 100%", "Arsip"),
        baris("", "", "lengkap", "Σ berkas perizinan masuk", "perizinan"),
        "",
        "IKI Kecamatan Tambakrejo Wetan 2022",
        "- 7 -",
        "",
        JUDUL_TAMBAKREJO,
        baris("", "", "Prosentase pemohon yang", "Jumlah pemohon yang puas terhadap layanan", "Kotak"),
        baris("", "", "menyatakan puas", "Jumlah seluruh pemohon ×100 %", "saran"),
        baris(
            "2",
            "Meningkatnya kebersihan",
            "Prosentase titik sampah liar",
            "Jumlah titik sampah liar yang tertangani x 100%",
            "Laporan",
        ),
        baris("", "lingkungan", "yang tertangani", "Jumlah titik sampah liar yang dilaporkan", "kebersihan"),
        "",
        "- 2. JABATAN : Kepala Seksi Trantib Kecamatan Tambakrejo Wetan",
        "- 3. Seksi Trantib mempunyai tugas :",
        "  a. Menyusun program ketenteraman;",
        "  b. Membina satuan perlindungan masyarakat.",
        "",
        JUDUL_TAMBAKREJO,
        baris(
            "1",
            "Meningkatnya partisipasi",
            "Angka Kriminalitas",
            "Jumlah kejadian kriminalitas — Target jumlah",
            "Polsek",
        ),
        baris("", "masyarakat dalam", "", "kriminalitas", ""),
        baris("", "keamanan", "Prosentase pos kamling aktif", "Jumlah pos kamling yang aktif x 100 %", "Data"),
        baris("", "", "", "Jumlah pos kamling yang ada", "linmas"),
        baris("", "", "Prosentase penertiban PKL", "Jumlah PKL yang ditertibkan x 100 %", "Laporan"),
        baris("", "", "", "Jumlah PKL yang melanggar", "Trantib"),
        "",
        "Halaman 8 dari 12",
        "",
        "- 3. JABATAN : Kasubag Umum dan Kepegawaian Kecamatan Tambakrejo Wetan",
        "- 4. Sub Bagian Umum dan Kepegawaian mempunyai tugas :",
        "  a. Mengelola administrasi kepegawaian;",
        "",
        JUDUL_TAMBAKREJO,
        baris(
            "1",
            "Meningkatnya tertib",
            "Prosentase penyelesaian",
            "Jumlah DP3/SKP yang selesai tepat waktu x 100 %",
            "Register",
        ),
        baris("", "administrasi", "SKP pegawai tepat waktu", "Jumlah pegawai", "SKP"),
        baris(
            "",
            "kepegawaian",
            "Prosentase kendaraan dinas",
            "Jumlah kendaraan dinas dalam kondisi baik x 100 %",
            "KIB B",
        ),
        baris("", "", "dalam kondisi baik", "Jumlah kendaraan dinas", ""),
        baris("", "", "Jumlah laporan aset", "Jumlah laporan aset", "Laporan"),
        baris("", "", "", "", "aset"),
        baris("", "", "Prosentase kehadiran pegawai", "Jumlah pegawai hadir – Jumlah pegawai", "Absensi"),
    ]
)

HARAPAN_TAMBAKREJO = {
    "Kepala Seksi Pelayanan Umum Kecamatan Tambakrejo Wetan": [
        Harapan(
            "Prosentase penyelesaian surat keterangan tepat waktu",
            "Meningkatnya mutu pelayanan umum",
            "Register pelayanan",
            (
                "{0} / {1} * 100",
                ("Jumlah surat keterangan yang selesai tepat waktu", "Jumlah permohonan surat keterangan"),
            ),
        ),
        Harapan(
            "Prosentase berkas perizinan yang lengkap",
            "Meningkatnya mutu pelayanan umum",
            "Arsip perizinan",
            ("{0} / {1} * 100", ("berkas perizinan lengkap", "berkas perizinan masuk")),
        ),
        Harapan(
            "Prosentase pemohon yang menyatakan puas",
            "Meningkatnya mutu pelayanan umum",
            "Kotak saran",
            ("{0} / {1} * 100", ("Jumlah pemohon yang puas terhadap layanan", "Jumlah seluruh pemohon")),
        ),
        Harapan(
            "Prosentase titik sampah liar yang tertangani",
            "Meningkatnya kebersihan lingkungan",
            "Laporan kebersihan",
            (
                "{0} / {1} * 100",
                ("Jumlah titik sampah liar yang tertangani", "Jumlah titik sampah liar yang dilaporkan"),
            ),
        ),
    ],
    "Kepala Seksi Trantib Kecamatan Tambakrejo Wetan": [
        Harapan(
            "Angka Kriminalitas",
            "Meningkatnya partisipasi masyarakat dalam keamanan",
            "Polsek",
            ("{0} - {1}", ("Jumlah kejadian kriminalitas", "Target jumlah kriminalitas")),
        ),
        Harapan(
            "Prosentase pos kamling aktif",
            "Meningkatnya partisipasi masyarakat dalam keamanan",
            "Data linmas",
            ("{0} / {1} * 100", ("Jumlah pos kamling yang aktif", "Jumlah pos kamling yang ada")),
        ),
        Harapan(
            "Prosentase penertiban PKL",
            "Meningkatnya partisipasi masyarakat dalam keamanan",
            "Laporan Trantib",
            ("{0} / {1} * 100", ("Jumlah PKL yang ditertibkan", "Jumlah PKL yang melanggar")),
        ),
    ],
    "Kasubag Umum dan Kepegawaian Kecamatan Tambakrejo Wetan": [
        Harapan(
            "Prosentase penyelesaian SKP pegawai tepat waktu",
            "Meningkatnya tertib administrasi kepegawaian",
            "Register SKP",
            ("{0} / {1} * 100", ("Jumlah DP3/SKP yang selesai tepat waktu", "Jumlah pegawai")),
        ),
        Harapan(
            "Prosentase kendaraan dinas dalam kondisi baik",
            "Meningkatnya tertib administrasi kepegawaian",
            "KIB B",
            ("{0} / {1} * 100", ("Jumlah kendaraan dinas dalam kondisi baik", "Jumlah kendaraan dinas")),
        ),
        Harapan(
            "Jumlah laporan aset",
            "Meningkatnya tertib administrasi kepegawaian",
            "Laporan aset",
            ("{0}", ("Jumlah laporan aset",)),
        ),
        # A copy-paste error in the source: a percentage written as a difference. Read as it stands.
        Harapan(
            "Prosentase kehadiran pegawai",
            "Meningkatnya tertib administrasi kepegawaian",
            "Absensi",
            ("{0} - {1}", ("Jumlah pegawai hadir", "Jumlah pegawai")),
        ),
    ],
}


# --- 5. Converted from PDF like Sampang: HTML lists for names, numerator and denominator run ------
# together, the "X 100 %" in a column of its own, a header over two rows, rows that lost cells.

JUDUL_KARANGSONO = baris(
    "SASARAN/KINERJA INDIVIDU", "INDIKATOR KINERJA INDIVIDU", "PENJELASAN/FORMULASI PERHITUNGAN", "", "SUMBER DATA"
)
KARANGSONO = "\n".join(
    [
        "# PEMERINTAH KABUPATEN BUKIT RAYA",
        "# KEPUTUSAN CAMAT KARANGSONO",
        "Nomor: 188/ 05.B /KEP/433.610/2022",
        "# TENTANG PENETAPAN INDIKATOR KINERJA INDIVIDU KANTOR KECAMATAN KARANGSONO",
        "#### MEMUTUSKAN",
        "KESATU : Indikator Kinerja Individu sebagaimana tercantum dalam lampiran.",
        "Dikeluarkan di : KARANGSONO",
        "Pada Tanggal : 17 Januari 2022",
        "**CAMAT KARANGSONO**",
        "AGUS SETIAWAN NUGROHO, S.H., M.M",
        "Pembina NIP. 19790202 200501 1 003",
        "",
        "1. JABATAN : Sekretaris Kecamatan Karangsono",
        "",
        "2. FUNGSI : a. pengoordinasian perencanaan dan evaluasi program kecamatan;",
        "",
        "b. pembinaan urusan kepegawaian dan keuangan;",
        "",
        baris("SASARAN/KINERJA", "INDIKATOR KINERJA", "PENJELASAN/FORMULASI PERHITUNGAN", "SUMBER DATA"),
        baris("INDIVIDU", "INDIVIDU", "", ""),
        baris(
            "Meningkatnya akuntabilitas",
            "<ul> <li>Persentase capaian kinerja program kecamatan</li> </ul>",
            "Jumlah indikator program yang tercapai Jumlah indikator program yang ditetapkan × 100 %",
            "Laporan kinerja kecamatan",
        ),
        baris(
            "kinerja kecamatan.",
            "<ul> <li>Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti</li> </ul>",
            "Jumlah rekomendasi yang telah ditindaklanjuti Jumlah rekomendasi hasil pemeriksaan Inspektorat $ imes 100\\%$",
            "LHP Inspektorat",
        ),
        "",
        "1. JABATAN : Kepala Sub Bagian Umum Kantor Kecamatan Karangsono",
        "",
        "2. FUNGSI : a. pengelolaan naskah dinas dan kearsipan;",
        "",
        "b. pemeliharaan sarana kantor.",
        "",
        JUDUL_KARANGSONO,
        baris(
            "Meningkatnya tertib administrasi umum.",
            "<ul> <li>Persentase arsip</li> <li>digital yang terindeks</li> </ul>",
            "Jumlah arsip digital yang terindeks Jumlah arsip digital yang tersimpan",
            "X 100 %",
            "Aplikasi arsip",
        ),
        baris(
            "",
            "<ul> <li>Persentase kendaraan dinas yang diservis berkala</li> </ul>",
            "Jumlah kendaraan dinas yang diservis sesuai jadwal Jumlah kendaraan dinas operasional",
            "- X 100 %",
            "Kartu servis kendaraan",
        ),
        baris(
            "",
            "<ul> <li>Persentase pengajuan</li> </ul>",
            "Jumlah pengajuan gaji berkala yang diproses",
            "",
            "Dokumen gaji",
        ),
        "",
        baris("gaji berkala", "Jumlah target pengajuan gaji berkala tahun berjalan", "berkala"),
        "<ul> <li>Persentase ruang rapat</li> <li>siap pakai</li> </ul>\tJumlah hari ruang rapat siap pakai Jumlah hari kerja\tLaporan rumah tangga",
        "",
        "1. JABATAN Kepala Seksi Pemerintahan Kecamatan Karangsono",
        "",
        "2. FUNGSI",
        "",
        ": a. pembinaan penyelenggaraan pemerintahan desa;",
        "",
        "b. pelayanan administrasi pertanahan.",
        "",
        JUDUL_KARANGSONO,
        baris(
            "Meningkatnya kualitas",
            "<ul> <li>Persentase desa / kel yang tertib profil desa</li> </ul>",
            "Jumlah desa / kel dengan profil desa mutakhir Jumlah desa / kel se kecamatan",
            "X 100%",
            "Profil desa/kel",
        ),
        baris(
            "tata kelola desa.",
            "<ul> <li>Persentase surat keterangan tanah selesai tepat waktu</li> </ul>",
            "Jumlah surat keterangan tanah yang selesai tepat waktu Jumlah permohonan surat keterangan tanah",
            "_ X 100 %",
            "Register pertanahan",
        ),
        baris(
            "",
            "– Jumlah sosialisasi batas desa",
            "Jumlah sosialisasi batas desa yang dilaksanakan",
            "",
            "Notulen sosialisasi",
        ),
    ]
)

SASARAN_UMUM_KARANGSONO = "Meningkatnya tertib administrasi umum"
HARAPAN_KARANGSONO = {
    "Sekretaris Kecamatan Karangsono": [
        Harapan(
            "Persentase capaian kinerja program kecamatan",
            "Meningkatnya akuntabilitas kinerja kecamatan",
            "Laporan kinerja kecamatan",
            ("{0} / {1} * 100", ("Jumlah indikator program yang tercapai", "Jumlah indikator program yang ditetapkan")),
        ),
        Harapan(
            "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti",
            "Meningkatnya akuntabilitas kinerja kecamatan",
            "LHP Inspektorat",
            (
                "{0} / {1} * 100",
                ("Jumlah rekomendasi yang telah ditindaklanjuti", "Jumlah rekomendasi hasil pemeriksaan Inspektorat"),
            ),
        ),
    ],
    "Kepala Sub Bagian Umum Kantor Kecamatan Karangsono": [
        Harapan(
            "Persentase arsip digital yang terindeks",
            SASARAN_UMUM_KARANGSONO,
            "Aplikasi arsip",
            ("{0} / {1} * 100", ("Jumlah arsip digital yang terindeks", "Jumlah arsip digital yang tersimpan")),
        ),
        Harapan(
            "Persentase kendaraan dinas yang diservis berkala",
            SASARAN_UMUM_KARANGSONO,
            "Kartu servis kendaraan",
            (
                "{0} / {1} * 100",
                ("Jumlah kendaraan dinas yang diservis sesuai jadwal", "Jumlah kendaraan dinas operasional"),
            ),
        ),
        Harapan(
            "Persentase pengajuan gaji berkala",
            SASARAN_UMUM_KARANGSONO,
            "Dokumen gaji berkala",
            (
                "{0} / {1} * 100",
                ("Jumlah pengajuan gaji berkala yang diproses", "Jumlah target pengajuan gaji berkala tahun berjalan"),
            ),
        ),
        Harapan(
            "Persentase ruang rapat siap pakai",
            SASARAN_UMUM_KARANGSONO,
            "Laporan rumah tangga",
            ("{0} / {1} * 100", ("Jumlah hari ruang rapat siap pakai", "Jumlah hari kerja")),
        ),
    ],
    "Kepala Seksi Pemerintahan Kecamatan Karangsono": [
        Harapan(
            "Persentase desa / kel yang tertib profil desa",
            "Meningkatnya kualitas tata kelola desa",
            "Profil desa/kel",
            ("{0} / {1} * 100", ("Jumlah desa / kel dengan profil desa mutakhir", "Jumlah desa / kel se kecamatan")),
        ),
        Harapan(
            "Persentase surat keterangan tanah selesai tepat waktu",
            "Meningkatnya kualitas tata kelola desa",
            "Register pertanahan",
            (
                "{0} / {1} * 100",
                ("Jumlah surat keterangan tanah yang selesai tepat waktu", "Jumlah permohonan surat keterangan tanah"),
            ),
        ),
        Harapan(
            "Jumlah sosialisasi batas desa",
            "Meningkatnya kualitas tata kelola desa",
            "Notulen sosialisasi",
            ("{0}", ("Jumlah sosialisasi batas desa yang dilaksanakan",)),
        ),
    ],
}


# --- 6. Like Banyuates and Karang Penang: prose chapters quoting the decree, "- 1. JABATAN :",
# a damaged header, underlined numerators, "A x 100 % 12 desa", LaTeX with broken escapes,
# "## INDIKATOR KINERJA INDIVIDU" headings between jabatan, a sasaran wrapped over rows.

BATUAMPAR = "\n".join(
    [
        "INDIKATOR KINERJA INDIVIDU (IKI)",
        "",
        "KECAMATAN BATUAMPAR SELATAN KABUPATEN GILI MAS TAHUN 2020",
        "",
        "BAB I PENDAHULUAN",
        "",
        "Dokumen ini disusun berdasarkan Keputusan Camat Batuampar Selatan Nomor 188/03/KEP/435.120/2020 tentang "
        "*Penetapan Indikator Kinerja Individu (IKI)* Kantor Kecamatan Batuampar Selatan.",
        "",
        "BAB III",
        "",
        "PENUTUP",
        "",
        "Semoga dokumen ini bermanfaat bagi peningkatan kinerja kecamatan.",
        "",
        "Batuampar Selatan, 08 Januari 2020",
        "",
        "- 1. JABATAN : Sekretaris Kecamatan Batuampar Selatan",
        "- 2. Sekretariat Kecamatan mempunyai tugas membantu camat dalam urusan administrasi dan keuangan.",
        "",
        baris(
            "No",
            "Sasaran/ Kinerja Utama",
            "Indikator Kinerja Utama",
            "Penjelasan / Formulasi Penghitungan",
            "Sumber Data",
        ),
        baris(
            "1",
            "Meningkatnya kinerja pelayanan",
            "IKM",
            "(Total Nilai dari nilai persepsi per Unsur : Total Unsur yang terisi) x nilai tertimbang",
            "Survei Kepuasan Masyarakat",
        ),
        baris(
            "",
            "",
            "Prosentase penyelesaian dokumen kependudukan tepat waktu",
            "Jumlah KK dan KIA yang selesai tepat waktu Jumlah permohonan KK dan KIA x 100 %",
            "Laporan kependudukan",
        ),
        baris(
            "",
            "",
            "Prosentase rekomendasi izin usaha mikro tepat waktu",
            "<u>Jumlah rekomendasi IUM yang selesai tepat waktu</u> x 100 % Jumlah permohonan rekomendasi IUM",
            "Seksi pelayanan umum",
        ),
        "",
        baris(
            "2",
            "Meningkatkan pembinaan",
            "Prosentase desa yang tertib",
            "Jumlah desa yang tertib pelaporan x 100 %",
            "Seksi",
        ),
        baris("", "administrasi desa", "pelaporan keuangan", "12 desa", "pemerintahan"),
        baris("", "", "Prosentase penyelesaian laporan", "", "Bagian"),
        baris(
            "",
            "",
            "realisasi anggaran kecamatan tepat",
            "Jumlah Dok realisasi yg selesai tepat waktu x 100 % Jumlah Dokumen realisasi yg harus ada",
            "keuangan",
        ),
        baris("", "", "waktu", "", ""),
        "",
        "- 1. JABATAN : Kepala Seksi Ketentraman dan Ketertiban Kecamatan Batuampar Selatan",
        "- 2. Seksi Ketentraman dan Ketertiban, Mempunyai tugas:",
        "  - a. Menyusun rencana kerja seksi;",
        "  - b. Membina satuan perlindungan masyarakat.",
        "",
        baris(
            "N",
            "o Sasaran/ Kinerja Utama",
            "Indikator Kinerja Utama",
            "Penjelasan / Formulasi Penghitungan",
            "Sumber Data",
        ),
        baris(
            "1",
            "Meningkatnya rasa aman",
            "Angka Kriminalitas",
            "Jumlah kejadian kriminalitas – Target Jumlah kriminalitas",
            "Polsek Batuampar",
        ),
        baris(
            "",
            "masyarakat",
            "Prosentase penyelesaian rekomendasi izin keramaian tepat waktu",
            "Jumlah rekomendasi izin keramaian yang selesai tepat waktu_ x 100 %n Jumlah permohonan izin keramaian",
            "Register izin keramaian",
        ),
        "",
        "## INDIKATOR KINERJA INDIVIDU",
        "",
        "1. JABATAN : Kepala Seksi Pemberdayaan Masyarakat Desa Kecamatan Batuampar Selatan",
        "2. TUGAS :",
        "- a. Membina lembaga kemasyarakatan desa;",
        "  - b. Memfasilitasi penyusunan RPJMDes.",
        "",
        "## INDIKATOR KINERJA INDIVIDU",
        "",
        baris(
            "NO", "SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA"
        ),
        baris(
            "1.",
            "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
            "Prosentase desa yang menyusun RPJMDes sesuai pedoman",
            "$\\frac{\\text{Jumlah desa yang menyusun RPJMDes sesuai pedoman}}{12 \\text{ desa}} \\times 100\\%$",
            "Seksi PMD",
        ),
        baris(
            "",
            "",
            "Prosentase lembaga kemasyarakatan desa yang aktif",
            "$\\frac{\\text{Jumlah LKD yang aktif}}{\\text{Jumlah LKD yang terbentuk}} \\times 100\\%$",
            "Data LKD",
        ),
        "",
        baris(
            "NO", "SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA"
        ),
        baris(
            "",
            "",
            "Prosentase BUMDes yang melapor",
            "$\\frac{\\text{Jumlah BUMDes yang menyampaikan laporan}}{\\text{Jumlah BUMDes}} \\times 100\\%$",
            "Laporan BUMDes",
        ),
        baris(
            "2.",
            "Meningkatnya kesejahteraan sosial",
            "Prosentase penyaluran bantuan lansia tepat waktu",
            "$\\frac{\\text{Jumlah lansia yang menerima bantuan tepat waktu}}{\\text{Jumlah lansia penerima bantuan}} \\times 100\\%$",
            "Laporan penyaluran",
        ),
    ]
)

HARAPAN_BATUAMPAR = {
    "Sekretaris Kecamatan Batuampar Selatan": [
        Harapan("IKM", "Meningkatnya kinerja pelayanan", "Survei Kepuasan Masyarakat", NILAI_LUAR),
        Harapan(
            "Prosentase penyelesaian dokumen kependudukan tepat waktu",
            "Meningkatnya kinerja pelayanan",
            "Laporan kependudukan",
            ("{0} / {1} * 100", ("Jumlah KK dan KIA yang selesai tepat waktu", "Jumlah permohonan KK dan KIA")),
        ),
        Harapan(
            "Prosentase rekomendasi izin usaha mikro tepat waktu",
            "Meningkatnya kinerja pelayanan",
            "Seksi pelayanan umum",
            (
                "{0} / {1} * 100",
                ("Jumlah rekomendasi IUM yang selesai tepat waktu", "Jumlah permohonan rekomendasi IUM"),
            ),
        ),
        Harapan(
            "Prosentase desa yang tertib pelaporan keuangan",
            "Meningkatkan pembinaan administrasi desa",
            "Seksi pemerintahan",
            ("{0} / {1} * 100", ("Jumlah desa yang tertib pelaporan", "12 desa")),
        ),
        Harapan(
            "Prosentase penyelesaian laporan realisasi anggaran kecamatan tepat waktu",
            "Meningkatkan pembinaan administrasi desa",
            "Bagian keuangan",
            (
                "{0} / {1} * 100",
                ("Jumlah Dok realisasi yg selesai tepat waktu", "Jumlah Dokumen realisasi yg harus ada"),
            ),
        ),
    ],
    "Kepala Seksi Ketentraman dan Ketertiban Kecamatan Batuampar Selatan": [
        Harapan(
            "Angka Kriminalitas",
            "Meningkatnya rasa aman masyarakat",
            "Polsek Batuampar",
            ("{0} - {1}", ("Jumlah kejadian kriminalitas", "Target Jumlah kriminalitas")),
        ),
        Harapan(
            "Prosentase penyelesaian rekomendasi izin keramaian tepat waktu",
            "Meningkatnya rasa aman masyarakat",
            "Register izin keramaian",
            (
                "{0} / {1} * 100",
                ("Jumlah rekomendasi izin keramaian yang selesai tepat waktu", "Jumlah permohonan izin keramaian"),
            ),
        ),
    ],
    "Kepala Seksi Pemberdayaan Masyarakat Desa Kecamatan Batuampar Selatan": [
        Harapan(
            "Prosentase desa yang menyusun RPJMDes sesuai pedoman",
            "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
            "Seksi PMD",
            ("{0} / {1} * 100", ("Jumlah desa yang menyusun RPJMDes sesuai pedoman", "12 desa")),
        ),
        Harapan(
            "Prosentase lembaga kemasyarakatan desa yang aktif",
            "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
            "Data LKD",
            ("{0} / {1} * 100", ("Jumlah LKD yang aktif", "Jumlah LKD yang terbentuk")),
        ),
        Harapan(
            "Prosentase BUMDes yang melapor",
            "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
            "Laporan BUMDes",
            ("{0} / {1} * 100", ("Jumlah BUMDes yang menyampaikan laporan", "Jumlah BUMDes")),
        ),
        Harapan(
            "Prosentase penyaluran bantuan lansia tepat waktu",
            "Meningkatnya kesejahteraan sosial",
            "Laporan penyaluran",
            ("{0} / {1} * 100", ("Jumlah lansia yang menerima bantuan tepat waktu", "Jumlah lansia penerima bantuan")),
        ),
    ],
}


# --- 7. Letters with a legend, unspaced slashes, "dibandingkan", extra Satuan/Target columns ------

JUDUL_SELOPURO = (
    "| No. | Sasaran Strategis | Indikator Kinerja | Definisi Operasional / Cara Penghitungan "
    "| Satuan | Target | Sumber Data |"
)
SELOPURO = "\n".join(
    [
        "**IKI KECAMATAN SELOPURO TENGAH KABUPATEN ARGA MULYA TAHUN 2025**",
        "",
        "A. Nama Jabatan : Kepala Seksi Pelayanan Kecamatan Selopuro Tengah",
        "",
        JUDUL_SELOPURO,
        "|---|---|---|---|---|---|---|",
        "| 1. | Meningkatnya kecepatan layanan administrasi | Persentase izin reklame yang terbit tepat waktu "
        "| P = A / B x 100% dimana A = jumlah izin reklame terbit tepat waktu, B = jumlah permohonan izin reklame "
        "| % | 90 | Register izin |",
        "| | | Persentase legalisir dokumen selesai hari yang sama "
        "| Jumlah legalisir selesai hari yang sama/Jumlah permohonan legalisir x 100% | % | 95 | Buku legalisir |",
        "| | | Rasio aduan layanan yang dijawab "
        "| Jumlah aduan yang dijawab dibandingkan jumlah aduan yang masuk | rasio | 1 | Kanal aduan |",
        "",
        "B. Nama Jabatan : Kepala Seksi Kesejahteraan Rakyat Kecamatan Selopuro Tengah",
        "",
        JUDUL_SELOPURO,
        "|---|---|---|---|---|---|---|",
        "| 1. | Meningkatnya layanan sosial dasar | Persentase desa yang lapor data kemiskinan tepat waktu "
        "| A/B x 100 %<br>Keterangan:<br>A : jumlah desa lapor data kemiskinan tepat waktu<br>B : jumlah desa "
        "| % | 100 | Aplikasi data sosial |",
        "| | | Persentase realisasi santunan kematian "
        "| Capaian = Jumlah santunan kematian tersalur / Jumlah pengajuan santunan kematian x 100% | % | 100 "
        "| Laporan santunan |",
        "| 2. | Menurunnya angka putus sekolah | Angka anak putus sekolah "
        "| Jumlah anak putus sekolah tahun berjalan - Target anak putus sekolah | anak | 5 | Data pendidikan desa |",
    ]
)

HARAPAN_SELOPURO = {
    "Kepala Seksi Pelayanan Kecamatan Selopuro Tengah": [
        Harapan(
            "Persentase izin reklame yang terbit tepat waktu",
            "Meningkatnya kecepatan layanan administrasi",
            "Register izin",
            ("{0} / {1} * 100", ("jumlah izin reklame terbit tepat waktu", "jumlah permohonan izin reklame")),
        ),
        Harapan(
            "Persentase legalisir dokumen selesai hari yang sama",
            "Meningkatnya kecepatan layanan administrasi",
            "Buku legalisir",
            ("{0} / {1} * 100", ("Jumlah legalisir selesai hari yang sama", "Jumlah permohonan legalisir")),
        ),
        Harapan(
            "Rasio aduan layanan yang dijawab",
            "Meningkatnya kecepatan layanan administrasi",
            "Kanal aduan",
            ("{0} / {1}", ("Jumlah aduan yang dijawab", "jumlah aduan yang masuk")),
        ),
    ],
    "Kepala Seksi Kesejahteraan Rakyat Kecamatan Selopuro Tengah": [
        Harapan(
            "Persentase desa yang lapor data kemiskinan tepat waktu",
            "Meningkatnya layanan sosial dasar",
            "Aplikasi data sosial",
            ("{0} / {1} * 100", ("jumlah desa lapor data kemiskinan tepat waktu", "jumlah desa")),
        ),
        Harapan(
            "Persentase realisasi santunan kematian",
            "Meningkatnya layanan sosial dasar",
            "Laporan santunan",
            ("{0} / {1} * 100", ("Jumlah santunan kematian tersalur", "Jumlah pengajuan santunan kematian")),
        ),
        Harapan(
            "Angka anak putus sekolah",
            "Menurunnya angka putus sekolah",
            "Data pendidikan desa",
            ("{0} - {1}", ("Jumlah anak putus sekolah tahun berjalan", "Target anak putus sekolah")),
        ),
    ],
}

KELUARGA = {
    "wringinrejo": (WRINGINREJO, HARAPAN_WRINGINREJO),
    "pakisaji": (PAKISAJI, HARAPAN_PAKISAJI),
    "gunungsari": (GUNUNGSARI, HARAPAN_GUNUNGSARI),
    "tambakrejo": (TAMBAKREJO, HARAPAN_TAMBAKREJO),
    "karangsono": (KARANGSONO, HARAPAN_KARANGSONO),
    "batuampar": (BATUAMPAR, HARAPAN_BATUAMPAR),
    "selopuro": (SELOPURO, HARAPAN_SELOPURO),
}


# --- the scorer ------------------------------------------------------------------------------


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").lower()).strip()


def _sama_rumus(formula: dict, rumus: tuple[str, tuple[str, ...]]) -> bool:
    """Whether ``formula`` (interchange dict) computes what the template ``rumus`` computes, with
    each of its variables standing for the expected variable of the same uraian."""
    ekspresi = formula["ekspresi"]
    if ekspresi is None:
        return False
    template, uraian = rumus
    if rumus is NILAI_LUAR:
        return len(formula["variabel"]) == 1 and ekspresi == formula["variabel"][0]["kode"]
    harapan = {_norm(u): f"v{k}" for k, u in enumerate(uraian)}
    if len(formula["variabel"]) != len(harapan):
        return False
    kode = {}
    for v in formula["variabel"]:
        if _norm(v["uraian"]) not in harapan:
            return False
        kode[v["kode"]] = harapan[_norm(v["uraian"])]
    if set(kode.values()) != set(harapan.values()):
        return False
    # Values that make different formulas come out different.
    for nilai in itertools.islice(
        itertools.permutations([Decimal(7), Decimal(13), Decimal(29), Decimal(53), Decimal(101)]), 3
    ):
        isi = {f"v{k}": nilai[k] for k in range(len(uraian))}
        hasil = evaluate(ekspresi, {k: isi[v] for k, v in kode.items()})
        acuan = evaluate(template.format(*(f"v{k}" for k in range(len(uraian)))), isi)
        if hasil.nilai is None or acuan.nilai is None or hasil.nilai != acuan.nilai:
            return False
    return True


@dataclass
class Nilai:
    jumlah: int
    ditemukan: int
    sasaran_sumber: int
    rumus: int
    gagal: list[str]
    # Indicators whose formula was not understood (or understood wrongly) without a peringatan
    # naming their line: the check wants everything not understood reported.
    tanpa_peringatan: list[str] = field(default_factory=list)

    def persen(self, n: int) -> float:
        return 100.0 * n / self.jumlah

    def __str__(self) -> str:
        return (
            f"ditemukan {self.persen(self.ditemukan):.0f}%, sasaran+sumber {self.persen(self.sasaran_sumber):.0f}%, "
            f"rumus {self.persen(self.rumus):.0f}%"
        )


def nilai(hasil: dict, harapan: dict[str, list[Harapan]]) -> Nilai:
    """The three figures of the hidden check for one document (see the module docstring)."""
    per_jabatan = {_norm(j["nama"]): j for j in hasil["jabatan"]}
    n = Nilai(sum(len(v) for v in harapan.values()), 0, 0, 0, [])
    for nama_jabatan, daftar in harapan.items():
        jabatan = per_jabatan.get(_norm(nama_jabatan))
        terbaca = [] if jabatan is None else [(s["uraian"], i) for s in jabatan["sasaran"] for i in s["indikator"]]
        for h in daftar:
            cocok = [(s, i) for s, i in terbaca if _norm(i["nama"]) == _norm(h.nama)]
            if not cocok:
                n.gagal.append(f"{nama_jabatan} / {h.nama}: tidak ditemukan")
                continue
            sasaran, ind = cocok[0]
            terbaca.remove(cocok[0])
            n.ditemukan += 1
            if _norm(sasaran) == _norm(h.sasaran) and _norm(ind["sumber_data"]) == _norm(h.sumber):
                n.sasaran_sumber += 1
            else:
                n.gagal.append(f"{h.nama}: sasaran/sumber {sasaran!r} / {ind['sumber_data']!r}")
            if h.rumus is not None and _sama_rumus(ind["formula"], h.rumus):
                n.rumus += 1
                continue
            if h.rumus is not None:
                n.gagal.append(f"{h.nama}: rumus {ind['formula']['ekspresi']!r} {ind['formula']['variabel']!r}")
            if not any(p.startswith(f"baris {ind['baris']}: ") and "rumus" in p for p in hasil["peringatan"]):
                n.tanpa_peringatan.append(h.nama)
    return n


# --- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("nama", sorted(KELUARGA))
def test_dokumen_keluarga_memenuhi_ambang_pemeriksaan(nama):
    teks, harapan = KELUARGA[nama]
    hasil = baca_teks(teks, f"iki-{nama}.txt")
    n = nilai(hasil, harapan)
    assert n.persen(n.ditemukan) >= 95, (str(n), n.gagal)
    assert n.persen(n.sasaran_sumber) >= 90, (str(n), n.gagal)
    assert n.persen(n.rumus) >= 90, (str(n), n.gagal)
    assert n.tanpa_peringatan == []


def test_jabatan_dokumen_keluarga_tepat_dan_berurutan():
    for nama, (teks, harapan) in KELUARGA.items():
        hasil = baca_teks(teks)
        assert [j["nama"] for j in hasil["jabatan"]] == list(harapan), nama


@pytest.mark.parametrize(
    ("teks", "ekspresi", "uraian"),
    [
        # An unspaced slash before a head word or a constant divides; between short names it does not.
        (
            "Jumlah surat selesai/Jumlah surat masuk x 100%",
            "surat_selesai / surat_masuk * 100",
            ["Jumlah surat selesai", "Jumlah surat masuk"],
        ),
        (
            "Jumlah desa lapor tepat waktu/20 desa x 100%",
            "desa_lapor_tepat_waktu / jumlah_desa * 100",
            ["Jumlah desa lapor tepat waktu", "20 desa"],
        ),
        (
            "Jumlah SPP/SPM yang terbit / Jumlah SPP/SPM diajukan x 100%",
            "spp_spm_terbit / spp_spm_diajukan * 100",
            ["Jumlah SPP/SPM yang terbit", "Jumlah SPP/SPM diajukan"],
        ),
        # Division in words.
        (
            "Jumlah surat selesai dibandingkan jumlah surat masuk x 100%",
            "surat_selesai / surat_masuk * 100",
            ["Jumlah surat selesai", "jumlah surat masuk"],
        ),
        (
            "Jumlah surat yang selesai per Jumlah surat yang masuk x 100%",
            "surat_selesai / surat_masuk * 100",
            ["Jumlah surat yang selesai", "Jumlah surat yang masuk"],
        ),
        # A label before the formula, letters explained by a legend.
        (
            "Capaian = Jumlah surat selesai / Jumlah surat masuk x 100%",
            "surat_selesai / surat_masuk * 100",
            ["Jumlah surat selesai", "Jumlah surat masuk"],
        ),
        (
            "(A - B) dimana A = jumlah kejadian kriminalitas dan B = target kriminalitas",
            "kejadian_kriminalitas - target_kriminalitas",
            ["jumlah kejadian kriminalitas", "target kriminalitas"],
        ),
        (
            "A / B x 100%\nA = Jumlah surat selesai\nB = Jumlah surat masuk",
            "surat_selesai / surat_masuk * 100",
            ["Jumlah surat selesai", "Jumlah surat masuk"],
        ),
    ],
)
def test_ragam_penulisan_rumus(teks, ekspresi, uraian):
    hasil = pahami(teks, "Persentase contoh")
    assert hasil.ekspresi == ekspresi
    assert [v["uraian"] for v in hasil.variabel] == uraian


def test_nilai_persepsi_per_unsur_tetap_rumus_ikm():
    # "per Unsur" is part of the IKM wording, not a division.
    assert (
        pahami(
            "(Total Nilai dari nilai persepsi per Unsur : Total Unsur yang terisi) x nilai tertimbang", "IKM"
        ).ekspresi
        == "nilai_ikm"
    )


def test_persentase_yang_terbaca_sebagai_hitungan_menjadi_peringatan():
    hasil = baca_teks(PAKISAJI)
    assert any(p.startswith("baris 47: rumus persentase tanpa penyebut") for p in hasil["peringatan"])


def test_potongan_sel_di_baris_sendiri_menjadi_peringatan():
    teks = "\n".join(
        [
            "JABATAN : Kepala Seksi Umum",
            baris("NO", "SASARAN", "INDIKATOR", "FORMULASI", "SUMBER DATA"),
            baris(
                "1",
                "Meningkatnya tertib arsip",
                "Persentase arsip tertata",
                "Jumlah arsip tertata x 100%",
                "Daftar arsip",
            ),
            "Jumlah arsip seluruhnya",
            "- 4 -",
            "waktu",
            baris("", "", "Jumlah rapat staf", "Jumlah rapat staf", "Notulen"),
            "Kepala Seksi Umum",
        ]
    )
    hasil = baca_teks(teks)
    lewat = [p for p in hasil["peringatan"] if "di antara baris tabel" in p]
    assert lewat == [
        "baris 4: teks di antara baris tabel dilewati: Jumlah arsip seluruhnya",
        "baris 6: teks di antara baris tabel dilewati: waktu",
    ]
