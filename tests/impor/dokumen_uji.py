"""Invented IKI documents in the text format of real decrees, for the import's web tests."""

JABATAN = [
    ("Sekretaris Kecamatan Banyuates", "Mengoordinasikan pelayanan administrasi kecamatan tahun {tahun}"),
    ("Kasi Trantib", "Menyiapkan bahan pembinaan ketentraman dan ketertiban umum tahun {tahun}"),
    ("Kepala Seksi Pelayanan Umum dan Informasi Kecamatan Banyuates", "Menyusun program pelayanan umum {tahun}"),
]


def dokumen_teks(jumlah_indikator: int = 4, tahun: int = 2021) -> str:
    """A kecamatan's IKI decree with ``jumlah_indikator`` indicators spread over three jabatan."""
    baris = [
        "# INDIKATOR KINERJA INDIVIDU (IKI)",
        "",
        f"KECAMATAN BANYUATES KABUPATEN SAMPANG TAHUN {tahun}",
        "",
        f"KEPUTUSAN CAMAT BANYUATES NOMOR 188/11/KEP/434.511/{tahun} TENTANG PENETAPAN INDIKATOR KINERJA "
        "INDIVIDU KECAMATAN BANYUATES",
        "",
        f"Ditetapkan di Banyuates pada tanggal 4 Januari {tahun}",
        "",
    ]
    per_jabatan = [jumlah_indikator // len(JABATAN)] * len(JABATAN)
    for i in range(jumlah_indikator % len(JABATAN)):
        per_jabatan[i] += 1
    nomor = 0
    for (nama, tugas), jumlah in zip(JABATAN, per_jabatan):
        baris += [
            f"1. JABATAN : {nama}",
            f"2. TUGAS : {tugas.format(tahun=tahun)}",
            "",
            "NO\tSASARAN/KINERJA UTAMA\tINDIKATOR KINERJA UTAMA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA",
        ]
        for k in range(jumlah):
            nomor += 1
            sasaran = f"Meningkatnya mutu layanan bidang {nama.split()[-1].lower()} {k // 5 + 1}" if k % 5 == 0 else ""
            baris.append(
                f"{k + 1}.\t{sasaran}\tPersentase berkas jenis {nomor} yang selesai tepat waktu\t"
                f"Jumlah berkas jenis {nomor} yang selesai tepat waktu / Jumlah berkas jenis {nomor} yang diterima "
                f"x 100 %\tBuku register {nomor}"
            )
        baris.append("")
    return "\n".join(baris) + "\n"
