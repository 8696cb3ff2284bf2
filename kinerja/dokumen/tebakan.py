"""Guesses the documents do not state: an indicator's polarity and its unit.

Both are marked as guesses in the output (``polaritas_tebakan``) for the reviewer to confirm.
"""

import re

from kinerja.dokumen.formula import HasilRumus, adalah_nama_persen

# Things of which less is better...
_HAL_NEGATIF = re.compile(
    r"kriminal|kejahatan|pelanggaran|tunggakan|keluhan|pengaduan|aduan|kematian|kemiskinan|"
    r"penduduk miskin|pengangguran|kecelakaan|konflik|gangguan|sengketa|temuan|kerugian|"
    r"kesakitan|penyakit|stunting|gizi buruk|putus sekolah|buta aksara|kebakaran|kejadian bencana|"
    r"tindak pidana|narkoba|kekerasan|perkawinan (?:anak|dini)|pernikahan dini|kumuh|"
    r"penyalahgunaan|ketidakhadiran|tidak hadir|mangkir|keterlambatan|sisa lebih|silpa",
    re.IGNORECASE,
)
# ...unless the indicator measures how they are handled or reduced.
_PENANGANAN = re.compile(
    r"tindak\s*lanjut|ditindak|penanganan|ditangani|tertangani|penyelesaian|diselesaikan|"
    r"terselesaikan|penurunan|menurun|berkurang|pengurangan|pencegahan|penanggulangan|"
    r"teratasi|tanggap|dilayani|direspon|respons?\b|fasilitasi|pembinaan|penyuluhan|"
    r"pengawasan|penertiban|pemberantasan",
    re.IGNORECASE,
)
_KATA_KEPALA = frozenset({"jumlah", "jml", "total", "banyaknya", "target", "realisasi", "σ"})
_SATUAN_HITUNG = frozenset(
    {
        "dokumen",
        "laporan",
        "kegiatan",
        "kejadian",
        "kasus",
        "desa",
        "kelurahan",
        "orang",
        "pegawai",
        "surat",
        "unit",
        "paket",
        "kali",
        "buah",
        "berkas",
        "sertifikat",
        "akta",
        "lembaga",
        "kelompok",
        "keluarga",
        "rumah",
        "jiwa",
        "bulan",
        "hari",
        "nilai",
        "titik",
        "lokasi",
        "perkara",
        "rekomendasi",
        "inovasi",
        "peraturan",
        "produk",
        "aduan",
        "usulan",
        "pengaduan",
        "sarana",
        "event",
        "rupiah",
    }
)


def tebak_polaritas(nama: str, teks_formula: str = "") -> str:
    """``negatif`` when the indicator counts something bad (crime, arrears, complaints) and
    not its handling; else ``positif``."""
    teks = nama or teks_formula
    if _HAL_NEGATIF.search(teks) and not _PENANGANAN.search(teks):
        return "negatif"
    return "positif"


def tebak_satuan(nama: str, rumus: HasilRumus) -> str | None:
    """``%`` for percentages, ``nilai`` for indices, the counted noun for counts and
    differences (``dokumen``, ``kejadian``), else None."""
    if rumus.persen:
        return "%"
    if rumus.jenis == "ikm" or re.match(r"\W*(?:indeks|nilai|skor)\b", nama, re.IGNORECASE):
        return "nilai"
    if rumus.jenis in ("hitungan", "selisih") and rumus.variabel:
        kata = [k for k in re.findall(r"\w+", rumus.variabel[0]["uraian"].lower()) if k not in _KATA_KEPALA]
        if kata and kata[0] in _SATUAN_HITUNG:
            return kata[0]
    if rumus.ekspresi is None and adalah_nama_persen(nama):
        return "%"
    return None
