"""Words: tokens, the words that carry no subject, and comparing words that may be misspelt."""

import re

from rapidfuzz.distance import Levenshtein

_TOKEN = re.compile(r"[a-z0-9]+")


def kata_kata(teks: str) -> frozenset[str]:
    """The words of a word list written one after another."""
    return frozenset(teks.split())


# Words that say how something is counted, not what: two texts sharing only these share nothing.
KATA_UMUM = kata_kata(
    """
    jumlah total seluruh semua banyaknya nilai angka tingkat rasio persentase prosentase presentase persen
    yang dan atau serta di ke dari dalam pada untuk dengan oleh per se sesuai terhadap atas bagi
    tepat waktu selesai diselesaikan penyelesaian diproses proses terproses dibuat disusun tersusun pembuatan
    penyusunan dilaksanakan pelaksanaan harus ada telah sudah akan tahun berjalan bulan triwulan kegiatan
    target rencana direncanakan usulan usul pengajuan diajukan permohonan dimiliki tersedia tersedianya
    baik x kali dibagi hari kerja dok dokumen yg dg dgn tsb kec kel kecamatan kabupaten desa
    meningkatnya meningkatkan terwujudnya terlaksananya
    """
)

# The same thing written two ways in the documents.
SINONIM = {
    "pns": "pegawai",
    "asn": "pegawai",
    "trantib": "ketentraman",
    "ketenteraman": "ketentraman",
    "kesos": "kesejahteraan",
    "pmd": "pemberdayaan",
    "ijin": "izin",
    "perijinan": "perizinan",
    "prosentase": "persentase",
    "presentase": "persentase",
    "adminduk": "kependudukan",
    "spj": "pertanggungjawaban",
    "lpj": "pertanggungjawaban",
    # What a service produces stands for the service: KTP, KK and akta are kependudukan,
    # IMB, HO and SIUP are perizinan, the musrenbang is perencanaan pembangunan.
    "ktp": "kependudukan",
    "kk": "kependudukan",
    "kia": "kependudukan",
    "imb": "perizinan",
    "ho": "perizinan",
    "siup": "perizinan",
    "iumk": "perizinan",
    "nib": "perizinan",
    "musrenbang": "perencanaan",
    "mursenbang": "perencanaan",
    "musrembang": "perencanaan",
}
# Words that documents glue to the next one ("SPJdesa", "musrenbangcam").
_AWALAN_SINONIM = ("spj", "lpj", "musrenbang", "mursenbang", "musrembang")


def token(teks: str) -> list[str]:
    return _TOKEN.findall(teks.lower())


def kata_isi(teks: str) -> set[str]:
    """The content words of ``teks``: lower case, synonyms folded, counting words dropped."""
    hasil = set()
    for t in token(teks):
        awalan = next((a for a in _AWALAN_SINONIM if t.startswith(a) and len(t) > len(a) + 1), None)
        if awalan:
            hasil.add(SINONIM[awalan])
            t = t[len(awalan) :]
        t = SINONIM.get(t, t)
        if t not in KATA_UMUM and len(t) > 1 and not t.isdigit():
            hasil.add(t)
    return hasil


def mirip_kata(a: str, b: str) -> bool:
    """Whether two words are the same word, allowing a typo or an affix (tanah / pertanahan)."""
    if a == b:
        return True
    if len(a) >= 4 and len(b) >= 4 and (a in b or b in a):
        return True
    if min(len(a), len(b)) >= 6:
        return Levenshtein.distance(a, b) <= (1 if min(len(a), len(b)) < 8 else 2)
    return False


def irisan(a: set[str], b: set[str]) -> set[str]:
    """Words of ``a`` that have a like word in ``b``."""
    return {x for x in a if any(mirip_kata(x, y) for y in b)}


def normal(teks: str) -> str:
    """A name for comparing: lower case, synonyms folded, punctuation and spacing ignored."""
    return " ".join(SINONIM.get(t, t) for t in token(teks))
