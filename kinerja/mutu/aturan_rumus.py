"""Checks of one indicator's formula, read through the formula engine (kinerja.rumus)."""

import re
from decimal import Decimal

from rapidfuzz import fuzz

from kinerja.mutu.kata import irisan, kata_isi, normal
from kinerja.mutu.model import IndikatorLihat
from kinerja.mutu.temuan import temuan
from kinerja.rumus import Angka, Negasi, Operasi, RumusError, Variabel, parse, render
from kinerja.rumus.pohon import kali_seratus_persen

_NAMA_PERSEN = re.compile(r"^\s*(persentase|prosentase|presentase|persen|tingkat\s+persentase)\b", re.I)
_TEKS_SERATUS = re.compile(r"100|seratus|persen|%", re.I)
_TEKS_BAGI = re.compile(r"/|÷|\\frac|\bdibagi\b|\s:\s|\n", re.I)

# Words saying a count is the whole (what was asked, planned or held) ...
_KATA_KESELURUHAN = re.compile(
    r"\b(usulan|usul|permohonan|target|seluruh|seluruhnya|keseluruhan|semua|total|harus ada|yang ada|"
    r"dimiliki|tersedia|direncanakan|rencana|sasaran|diterima|masuk|terdaftar|pagu)\b",
    re.I,
)
# ... and words saying it is the part that met the mark.
_KATA_BAGIAN = re.compile(
    r"\b(tepat waktu|selesai|diselesaikan|diproses|terealisasi|direalisasi|terpelihara|tertib|dicairkan|"
    r"kondisi baik|dengan baik|disetujui|terdistribusi|didistribusikan|diarsip|ditindaklanjuti|"
    r"ditindak\s*lanjuti|lengkap|sesuai pedoman|sesuai|berhasil|sukses|terlayani|dilayani|tuntas|hadir|"
    r"terlaksana|terbit|diterbitkan|tercapai|terselesaikan|terserap|realisasi|diverifikasi|tertangani|"
    r"ditangani|terpenuhi|aktif)\b",
    re.I,
)


def _rumus(ind: IndikatorLihat):
    if not ind.ekspresi:
        return None
    try:
        return parse(ind.ekspresi)
    except RumusError:
        return None


def _pecahan(akar):
    """``(pembilang, penyebut, kali_100)`` of ``A / B`` or ``A / B * 100``, else None."""
    kali = kali_seratus_persen(akar)
    if kali:
        akar = akar.kiri
    if isinstance(akar, Operasi) and akar.operator == "/":
        return akar.kiri, akar.kanan, kali
    return None


def _variabel(simpul) -> list[str]:
    if isinstance(simpul, Variabel):
        return [simpul.nama]
    if isinstance(simpul, Negasi):
        return _variabel(simpul.isi)
    if isinstance(simpul, Operasi):
        return _variabel(simpul.kiri) + _variabel(simpul.kanan)
    return []


def _uraian(simpul, ind: IndikatorLihat) -> str:
    labels = ind.uraian()
    return " ".join(labels.get(k, k.replace("_", " ")) for k in _variabel(simpul))


def _tetap(simpul, ind: IndikatorLihat) -> bool:
    tetap = {v.kode for v in ind.variabel if v.tetap}
    kode = _variabel(simpul)
    return isinstance(simpul, Angka) or (bool(kode) and all(k in tetap for k in kode))


def _tulis(akar, ind: IndikatorLihat) -> str:
    from kinerja.rumus import Rumus

    return render(Rumus(akar), ind.uraian())


def periksa_rumus(ind: IndikatorLihat) -> list[dict]:
    hasil = []
    rumus = _rumus(ind)
    persen = bool(_NAMA_PERSEN.match(ind.nama)) or ind.satuan in ("%", "persen")
    if not ind.teks_rumus and not ind.ekspresi:
        hasil.append(
            temuan(
                "isian_kosong",
                "galat",
                "Indikator ini tidak mempunyai rumus (penjelasan/formulasi penghitungan kosong).",
                indikator=ind,
                saran_perbaikan="Tuliskan rumusnya, misalnya 'Jumlah … yang selesai tepat waktu / Jumlah … × 100%'.",
            )
        )
        return hasil
    if rumus is None:
        hasil.extend(_rumus_tak_terbaca(ind))
        return hasil
    pecahan = _pecahan(rumus.akar)
    if pecahan:
        atas, bawah, kali = pecahan
        hasil.extend(_terbalik(ind, atas, bawah, kali))
        hasil.extend(_janggal_pecahan(ind, atas, bawah))
        tanpa_100 = not kali or (ind.teks_rumus and not _TEKS_SERATUS.search(ind.teks_rumus))
        if persen and tanpa_100 and not _tetap(atas, ind):
            benar = Operasi("*", Operasi("/", atas, bawah), Angka(Decimal(100)))
            hasil.append(
                temuan(
                    "tanpa_kali_100",
                    "galat",
                    "Indikator ini dinyatakan dalam persen, tetapi rumusnya tidak dikalikan 100 sehingga hasilnya "
                    "pecahan 0–1, bukan persen.",
                    indikator=ind,
                    saran_perbaikan=_tulis(benar, ind),
                )
            )
        if kali and ind.satuan and ind.satuan not in ("%", "persen") and not persen:
            hasil.append(
                temuan(
                    "satuan_tidak_cocok",
                    "peringatan",
                    f"Rumusnya menghasilkan persen (dikalikan 100), tetapi satuannya ditulis '{ind.satuan}'.",
                    indikator=ind,
                    saran_perbaikan="Ubah satuannya menjadi %.",
                )
            )
    else:
        hasil.extend(_bukan_pecahan(ind, rumus, persen))
    hasil.extend(_hitung_ganda(ind, rumus.akar))
    return hasil


def _rumus_tak_terbaca(ind: IndikatorLihat) -> list[dict]:
    t = ind.teks_rumus
    if fuzz.token_set_ratio(normal(t), normal(ind.nama)) >= 90 and not _TEKS_BAGI.search(t):
        pesan = "Rumusnya hanya mengulang nama indikator, tidak menyebut apa yang dihitung."
        return [temuan("rumus_tidak_lengkap", "galat", pesan, indikator=ind)]
    if not _TEKS_BAGI.search(t) and not re.search(r"\bjumlah\b|\btotal\b|\bbanyaknya\b", t, re.I):
        return [
            temuan(
                "tidak_terukur",
                "galat",
                "Penjelasan rumusnya hanya menyebut daftar hal, tanpa besaran yang dihitung atau dibandingkan.",
                indikator=ind,
                saran_perbaikan="Tuliskan sebagai 'Jumlah … yang … / Jumlah … × 100%'.",
            )
        ]
    return [
        temuan(
            "rumus_tidak_lengkap",
            "galat",
            "Rumusnya tidak dapat dibaca sebagai perhitungan: ada bagian yang terputus atau operator tanpa nilai.",
            indikator=ind,
            saran_perbaikan="Tuliskan pembilang dan penyebut dengan lengkap, misalnya 'Jumlah A / Jumlah B × 100%'.",
        )
    ]


def _terbalik(ind: IndikatorLihat, atas, bawah, kali: bool) -> list[dict]:
    if _tetap(atas, ind) or _tetap(bawah, ind) or ind.satuan not in ("%", "persen", ""):
        return []
    u_atas, u_bawah = _uraian(atas, ind), _uraian(bawah, ind)
    if not u_atas or not u_bawah:
        return []
    atas_utuh, atas_bagian = bool(_KATA_KESELURUHAN.search(u_atas)), bool(_KATA_BAGIAN.search(u_atas))
    bawah_utuh, bawah_bagian = bool(_KATA_KESELURUHAN.search(u_bawah)), bool(_KATA_BAGIAN.search(u_bawah))
    terbalik = atas_utuh and not atas_bagian and bawah_bagian and not bawah_utuh
    if not terbalik:
        # The denominator is the numerator plus a qualifier ("Jumlah KTP" / "Jumlah KTP yang tepat waktu").
        k_atas, k_bawah = kata_isi(u_atas), kata_isi(u_bawah)
        lebih = set(re.findall(r"[a-z]+", u_bawah.lower())) - set(re.findall(r"[a-z]+", u_atas.lower()))
        terbalik = (
            bool(k_atas)
            and irisan(k_atas, k_bawah) == k_atas
            and bool(_KATA_BAGIAN.search(" ".join(lebih)))
            and not _KATA_KESELURUHAN.search(" ".join(lebih))
            and not _KATA_BAGIAN.search(u_atas)
        )
    if not terbalik:
        return []
    balik = Operasi("/", bawah, atas)
    if kali:
        balik = Operasi("*", balik, Angka(Decimal(100)))
    return [
        temuan(
            "rumus_terbalik",
            "galat",
            f"Pembilang ('{u_atas}') adalah keseluruhan dan penyebut ('{u_bawah}') bagiannya, sehingga nilainya "
            "melewati 100% justru ketika lebih sedikit pekerjaan yang selesai.",
            indikator=ind,
            saran_perbaikan=_tulis(balik, ind),
        )
    ]


def _janggal_pecahan(ind: IndikatorLihat, atas, bawah) -> list[dict]:
    k_atas, k_bawah = _variabel(atas), _variabel(bawah)
    labels = ind.uraian()
    sama_kode = bool(k_atas) and sorted(k_atas) == sorted(k_bawah)
    u_atas = normal(" ".join(labels.get(k, "") for k in k_atas))
    u_bawah = normal(" ".join(labels.get(k, "") for k in k_bawah))
    sama_uraian = bool(u_atas) and u_atas == u_bawah
    if sama_kode or sama_uraian:
        return [
            temuan(
                "rumus_janggal",
                "galat",
                "Pembilang dan penyebut rumus ini menghitung hal yang sama, sehingga hasilnya selalu 1 (100%).",
                indikator=ind,
                saran_perbaikan="Pembilang hendaknya bagian yang memenuhi ukuran (misalnya yang selesai tepat "
                "waktu) dari penyebut.",
            )
        ]
    return []


def _hitung_ganda(ind: IndikatorLihat, akar) -> list[dict]:
    """A variable multiplied by itself counts twice (attendance formulas multiply two different counts)."""
    temuan_ = []

    def jalan(simpul):
        if isinstance(simpul, Operasi):
            if simpul.operator == "*":
                kiri, kanan = _variabel(simpul.kiri), _variabel(simpul.kanan)
                ganda = sorted(set(kiri) & set(kanan))
                if ganda and isinstance(simpul.kiri, Variabel | Operasi) and not temuan_:
                    temuan_.append(
                        temuan(
                            "rumus_janggal",
                            "peringatan",
                            f"Variabel '{ind.uraian().get(ganda[0], ganda[0])}' dikalikan dengan dirinya sendiri, "
                            "sehingga terhitung dua kali.",
                            indikator=ind,
                        )
                    )
            jalan(simpul.kiri)
            jalan(simpul.kanan)
        elif isinstance(simpul, Negasi):
            jalan(simpul.isi)

    jalan(akar)
    return temuan_


def _bukan_pecahan(ind: IndikatorLihat, rumus, persen: bool) -> list[dict]:
    kode = _variabel(rumus.akar)
    if persen and _NAMA_PERSEN.match(ind.nama) and len(set(kode)) == 1 and isinstance(rumus.akar, Variabel):
        return [
            temuan(
                "rumus_tidak_lengkap",
                "galat",
                "Nama indikator menyebut persentase, tetapi rumusnya hanya satu besaran tanpa penyebut.",
                indikator=ind,
                saran_perbaikan=f"{ind.uraian().get(kode[0], kode[0])} / Jumlah … × 100%",
            )
        ]
    if ind.satuan in ("%", "persen") and isinstance(rumus.akar, Operasi) and rumus.akar.operator in "+-":
        return [
            temuan(
                "satuan_tidak_cocok",
                "peringatan",
                "Rumusnya berupa selisih atau jumlah, bukan perbandingan, tetapi satuannya ditulis persen.",
                indikator=ind,
                saran_perbaikan="Gunakan satuan hitungan (kejadian, dokumen, …) atau ubah rumus menjadi perbandingan.",
            )
        ]
    if (
        re.match(r"^\s*jumlah\b", ind.nama, re.I)
        and ind.satuan in ("%", "persen")
        and not kali_seratus_persen(rumus.akar)
    ):
        return [
            temuan(
                "satuan_tidak_cocok",
                "peringatan",
                "Nama indikator menyebut jumlah, tetapi satuannya persen.",
                indikator=ind,
                saran_perbaikan="Gunakan satuan hitungan (dokumen, kegiatan, orang, …).",
            )
        ]
    return []
