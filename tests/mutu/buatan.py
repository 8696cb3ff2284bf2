"""Invented IKI documents for the quality checks (never text from the real documents)."""

import copy


def indikator(nama, teks, ekspresi, variabel, satuan="%", sumber_data="Register layanan", baris=None, **lain):
    return {
        "nama": nama,
        "formula": {
            "teks": teks,
            "ekspresi": ekspresi,
            "variabel": [{"kode": k, "uraian": u} for k, u in variabel],
        },
        "satuan": satuan,
        "polaritas": "positif",
        "sumber_data": sumber_data,
        "catatan": None,
        "baris": baris,
        **lain,
    }


def persen(nama, atas, bawah, *, teks=None, baris=None, **lain):
    """A ratio indicator ``atas / bawah * 100`` with invented codes."""
    teks = teks if teks is not None else f"{atas} / {bawah} × 100%"
    return indikator(
        nama, teks, "bagian / keseluruhan * 100", [("bagian", atas), ("keseluruhan", bawah)], baris=baris, **lain
    )


BAIK = persen(
    "Persentase surat rekomendasi usaha yang terbit tepat waktu",
    "Jumlah surat rekomendasi usaha yang terbit tepat waktu",
    "Jumlah permohonan surat rekomendasi usaha",
    baris=40,
)


def jabatan(
    nama,
    indikator_list,
    *,
    atasan=None,
    tugas=("Menyusun rencana kerja seksi",),
    sasaran="Meningkatnya mutu layanan",
    baris=None,
):
    return {
        "nama": nama,
        "atasan": atasan,
        "tugas": list(tugas),
        "fungsi": ["penyiapan bahan pembinaan"],
        "baris": baris,
        "sasaran": [{"uraian": sasaran, "indikator": list(indikator_list)}],
    }


def dokumen(*jabatan_list, sk=None, instansi="Kecamatan Wringinanom", kabupaten="Kabupaten Tanjungsari"):
    return {
        "format": "kinerja-iki/1",
        "instansi": instansi,
        "kabupaten": kabupaten,
        "tahun": 2031,
        "sk": sk
        if sk is not None
        else {
            "nomor": "800/15/KEP/435.101/2031",
            "tanggal": "2031-01-08",
            "penandatangan": "DRA. SITI KUMALASARI",
            "jabatan_penandatangan": "Camat Wringinanom",
        },
        "jabatan": list(jabatan_list),
        "peringatan": [],
    }


def satu(ind, **kw):
    """A clean document whose only Kasi holds ``ind``."""
    return dokumen(
        jabatan("Camat Wringinanom", [copy.deepcopy(BAIK)], baris=10),
        jabatan("Kepala Seksi Pelayanan Kecamatan Wringinanom", [ind], atasan="Camat Wringinanom", baris=30),
        **kw,
    )
