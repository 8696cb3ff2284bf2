"""Checks of an indicator's name against its formula, and of indicators against each other."""

import re
from collections import defaultdict

from rapidfuzz import fuzz

from kinerja.mutu.kata import irisan, kata_isi, normal, token
from kinerja.mutu.model import DokumenLihat, IndikatorLihat, JabatanLihat
from kinerja.mutu.temuan import temuan

_UKURAN = r"(persentase|prosentase|presentase|persen|jumlah|rasio|angka|indeks|indek|nilai|tingkat|rata-rata|rerata|ikm|skm|banyaknya|capaian|realisasi|proporsi|frekuensi|lama|waktu)"
_NAMA_UKURAN = re.compile(rf"^\s*{_UKURAN}\b", re.I)
_NAMA_KEGIATAN = re.compile(
    r"^\s*(pelaksanaan|penyelenggaraan|koordinasi|fasilitasi|pembinaan|penyusunan|pengelolaan|pembuatan|"
    r"pengadaan|pemeliharaan|penyiapan|pelayanan|pendataan|sosialisasi|monitoring|evaluasi|rapat|"
    r"melaksanakan|menyusun|menyelenggarakan|mengkoordinasikan|membina|memfasilitasi|menyiapkan)\b",
    re.I,
)
_NAMA_KEADAAN = re.compile(r"^\s*(tersedianya|terlaksananya|meningkatnya|terwujudnya|tercapainya|terpenuhinya)\b", re.I)
_UNIT = re.compile(
    r"\b(seksi|subbag|sub\s*bagian|sub\s*bag|bagian|bag\.|kasi|kasubag|kasubbag|sekretariat|sekcam)\s*"
    r"([a-z][a-z ,&]*)",
    re.I,
)
_CATATAN = re.compile(r"\b(catatan|keterangan|ket\.|belum ada|belum tersedia|menunggu|akan dilaksanakan|lihat)\b", re.I)
_SINGKATAN_UNIT = {
    "pem": "pemerintahan",
    "trantib": "ketentraman",
    "pmd": "pemberdayaan",
    "kesos": "kesejahteraan",
    "yanum": "pelayanan",
    "umpeg": "umum",
    "keu": "keuangan",
}


def periksa_indikator(ind: IndikatorLihat) -> list[dict]:
    hasil = []
    hasil.extend(_bukan_indikator(ind))
    hasil.extend(_nama_lain(ind))
    hasil.extend(_ganda(ind))
    hasil.extend(_sumber_data(ind))
    return hasil


def _bukan_indikator(ind: IndikatorLihat) -> list[dict]:
    if not ind.nama or _NAMA_UKURAN.match(ind.nama):
        return []
    if _NAMA_KEGIATAN.match(ind.nama):
        kata = ind.nama.split()[0]
        return [
            temuan(
                "kegiatan_bukan_indikator",
                "peringatan",
                f"'{kata}' adalah kegiatan, bukan ukuran keberhasilan; indikator menyebut apa yang diukur "
                "(persentase, jumlah, indeks).",
                indikator=ind,
                saran_perbaikan=f"Persentase {ind.nama[len(kata) :].strip()} yang … (sesuai rumusnya)",
            )
        ]
    if _NAMA_KEADAAN.match(ind.nama):
        return [
            temuan(
                "kegiatan_bukan_indikator",
                "saran",
                "Nama indikator berupa pernyataan keadaan seperti sasaran, bukan ukuran; sebutkan besaran yang diukur.",
                indikator=ind,
                saran_perbaikan="Persentase … (sesuai rumusnya)",
            )
        ]
    return []


def _nama_lain(ind: IndikatorLihat) -> list[dict]:
    """The name and the formula share no subject word: the indicator measures something else."""
    kata_nama = kata_isi(ind.nama)
    uraian = " ".join(v.uraian for v in ind.variabel if not v.tetap) or (ind.teks_rumus if ind.ekspresi else "")
    kata_rumus = kata_isi(uraian)
    # Too few words to compare, or a name that is an acronym ("IKM"), whose words are not written out.
    if len(kata_nama) < 2 or len(kata_rumus) < 2 or ind.nama.split()[0].isupper():
        return []
    if irisan(kata_nama, kata_rumus) or _singkatan(ind.nama, uraian) or _singkatan(uraian, ind.nama):
        return []
    # An index over several counts names their common abstraction ("Indeks tata kelola desa").
    if re.match(r"^\s*(indeks|indek|nilai|tingkat)\b", ind.nama, re.I) and len(ind.variabel) >= 3:
        return []
    return [
        temuan(
            "nama_tidak_cocok_rumus",
            "galat",
            f"Nama indikator menyebut {', '.join(sorted(kata_nama)[:4])}, tetapi rumusnya menghitung "
            f"{', '.join(sorted(kata_rumus)[:4])}: keduanya tidak mengukur hal yang sama.",
            indikator=ind,
            saran_perbaikan="Sesuaikan nama indikator dengan rumusnya, atau tulis rumus yang menghitung yang "
            "disebut namanya.",
        )
    ]


def _singkatan(panjang: str, pendek: str) -> bool:
    """Whether ``pendek`` has an acronym of consecutive words of ``panjang`` (LPPD: Laporan
    Penyelenggaraan Pemerintahan Desa)."""
    kata = [t for t in token(panjang) if t not in {"dan", "yang", "di", "ke", "dari", "serta"}]
    awal = "".join(t[0] for t in kata)
    return any(len(t) >= 3 and not t.isdigit() and t in awal for t in token(pendek))


def _ganda(ind: IndikatorLihat) -> list[dict]:
    """'… SKCK dan Ijin Keramaian …' while the formula counts only SKCK: two indicators in one."""
    if not ind.variabel:
        return []
    nama = ind.nama.lower()
    if len(re.findall(rf"\b{_UKURAN}\b", nama)) >= 2 and re.search(rf"\b(dan|serta)\s+{_UKURAN}\b", nama):
        return [
            temuan(
                "indikator_ganda",
                "galat",
                "Nama ini menggabungkan dua ukuran dalam satu indikator.",
                indikator=ind,
                saran_perbaikan="Pisahkan menjadi dua indikator, masing-masing dengan rumusnya.",
            )
        ]
    m = re.search(r"(\w+)\s+(?:dan|serta)\s+(\w+)(?:\s+(\w+))?", nama)
    if not m:
        return []
    kiri, kanan = m.group(1), m.group(2)
    kata_rumus = set(token(" ".join(v.uraian for v in ind.variabel)))
    if not kata_rumus or len(kanan) < 3:
        return []
    ada_kiri = any(a == kiri for a in kata_rumus)
    ada_kanan = bool(irisan({kanan}, kata_rumus))
    if ada_kiri and not ada_kanan:
        return [
            temuan(
                "indikator_ganda",
                "peringatan",
                f"Nama indikator menyebut '{kiri}' dan '{' '.join(x for x in m.groups()[1:] if x)}', tetapi rumusnya "
                f"hanya menghitung '{kiri}'.",
                indikator=ind,
                saran_perbaikan="Pisahkan menjadi dua indikator, atau hitung keduanya dalam rumus.",
            )
        ]
    return []


def _milik_sendiri(unit: str, jabatan: JabatanLihat) -> bool:
    kata_unit = {_SINGKATAN_UNIT.get(t, t) for t in token(unit)} - {"dan", "seksi", "bagian", "sub"}
    kata_jabatan = set(token(jabatan.nama))
    return not kata_unit or bool(irisan(kata_unit, kata_jabatan))


def _sumber_data(ind: IndikatorLihat) -> list[dict]:
    sd = ind.sumber_data
    if not sd:
        return []
    if _CATATAN.search(sd):
        return [
            temuan(
                "sumber_data_janggal",
                "peringatan",
                f"Kolom sumber data berisi catatan ('{sd}'), bukan dokumen atau data asal nilainya.",
                indikator=ind,
                saran_perbaikan="Pindahkan catatan ke kolom catatan dan tulis dokumen sumbernya.",
            )
        ]
    m = _UNIT.search(sd)
    if not m or re.match(r"^\s*(dokumen|laporan|register|buku|data|arsip)\b", sd, re.I):
        return []
    unit = m.group(2).strip()
    jab = ind.jabatan
    if _milik_sendiri(unit, jab):
        return []
    # The superior may take its data from the units under it.
    nama_jab = jab.nama.lower()
    if nama_jab.startswith("camat") or (nama_jab.startswith("sekretaris") and _unit_sekretariat(m.group(1), unit)):
        return []
    return [
        temuan(
            "sumber_data_janggal",
            "saran",
            f"Sumber data menyebut unit lain ('{sd}'), bukan dokumen atau data jabatan ini sendiri.",
            indikator=ind,
            saran_perbaikan="Tuliskan dokumen sumbernya (laporan, register, …); bila datanya dari unit lain, "
            "pertimbangkan apakah indikator ini milik jabatan itu.",
        )
    ]


def _unit_sekretariat(jenis_unit: str, unit: str) -> bool:
    """A unit of the Sekretariat (Subbag Keuangan, Bagian Umum, Program): under the Sekretaris."""
    if jenis_unit.lower().startswith("sub"):
        return True
    return bool({"keuangan", "umum", "kepegawaian", "program", "perencanaan"} & set(token(unit)))


# --- across indicators --------------------------------------------------------------------------


def _leluhur(dok: DokumenLihat) -> dict[str, set[str]]:
    """For each jabatan name, the names of its superiors up the chain (by normalised name)."""
    atasan = {normal(j.nama): normal(j.atasan) for j in dok.jabatan if j.nama}
    hasil = {}
    for nama in atasan:
        rantai, kini = set(), atasan.get(nama)
        while kini and kini not in rantai and len(rantai) < 20:
            rantai.add(kini)
            kini = atasan.get(kini)
        hasil[nama] = rantai
    return hasil


def periksa_antar_indikator(dok: DokumenLihat) -> list[dict]:
    hasil = []
    semua = [ind for ind in dok.semua_indikator() if ind.nama]
    # duplikat: the same indicator twice within one jabatan
    for jab in dok.jabatan:
        dilihat: dict[str, IndikatorLihat] = {}
        for ind in jab.indikator:
            kunci = normal(ind.nama)
            if not kunci:
                continue
            if kunci in dilihat:
                pertama = dilihat[kunci]
                hasil.append(
                    temuan(
                        "duplikat",
                        "galat",
                        "Indikator ini sudah tertulis sebelumnya dalam jabatan yang sama"
                        + (f" (baris {pertama.baris})." if pertama.baris else "."),
                        indikator=ind,
                        saran_perbaikan="Hapus salah satunya.",
                    )
                )
            else:
                dilihat[kunci] = ind
    # tumpang_tindih: two jabatan outside one chain of command measuring the same thing
    leluhur = _leluhur(dok)
    kelompok: dict[str, list[IndikatorLihat]] = defaultdict(list)
    for ind in semua:
        kunci = normal(ind.nama)
        cocok = next((k for k in kelompok if _sama_ukuran(k, kunci)), kunci)
        kelompok[cocok].append(ind)
    for daftar_ind in kelompok.values():
        terlapor = set()
        for i, ind in enumerate(daftar_ind):
            nama_i = normal(ind.jabatan.nama)
            sebelumnya = {normal(lain.jabatan.nama) for lain in daftar_ind[:i]}
            if any(n == nama_i or n in leluhur.get(nama_i, ()) or nama_i in leluhur.get(n, ()) for n in sebelumnya):
                continue  # inherited down (or up) its own chain of command, or repeated in one jabatan
            for lain in daftar_ind[:i]:
                nama_l = normal(lain.jabatan.nama)
                if nama_i == nama_l or nama_l in leluhur.get(nama_i, ()) or nama_i in leluhur.get(nama_l, ()):
                    continue
                if nama_i in terlapor:
                    break
                terlapor.add(nama_i)
                hasil.append(
                    temuan(
                        "tumpang_tindih",
                        "peringatan",
                        f"Indikator yang sama juga dimiliki {lain.jabatan.nama}"
                        + (f" (baris {lain.baris})" if lain.baris else "")
                        + ", padahal kedua jabatan tidak dalam satu garis atasan-bawahan.",
                        indikator=ind,
                        saran_perbaikan="Tetapkan satu jabatan penanggung jawab, atau bedakan ruang lingkupnya.",
                    )
                )
                break
    hasil.extend(_variabel_salinan(semua))
    hasil.extend(_kaskade(dok))
    return hasil


def _sama_ukuran(a: str, b: str) -> bool:
    """Two names of one measure: the same text but for typos, and the same subject words.

    The subject words matter: "penyelesaian gaji pegawai tepat waktu" and "penyelesaian SKP pegawai
    tepat waktu" are nearly the same text but two different measures.
    """
    if a == b:
        return True
    if fuzz.ratio(a, b) < 90:
        return False
    ka, kb = kata_isi(a), kata_isi(b)
    return bool(ka) and irisan(ka, kb) == ka and irisan(kb, ka) == kb


def _variabel_salinan(semua: list[IndikatorLihat]) -> list[dict]:
    """A variable copied from another indicator: it fits that one's name better than its own."""
    hasil = []
    pemilik: dict[str, list[IndikatorLihat]] = defaultdict(list)
    for ind in semua:
        for v in ind.variabel:
            if v.uraian and not v.tetap:
                pemilik[normal(v.uraian)].append(ind)
    sudah = set()
    for ind in semua:
        if id(ind) in sudah:
            continue
        for v in ind.variabel:
            if not v.uraian or v.tetap:
                continue
            kata_v = kata_isi(v.uraian)
            milik_sendiri = len(irisan(kata_v, kata_isi(ind.nama)))
            for lain in pemilik[normal(v.uraian)]:
                if lain is ind or normal(lain.nama) == normal(ind.nama):
                    continue
                if len(irisan(kata_v, kata_isi(lain.nama))) > milik_sendiri and lain.baris != ind.baris:
                    sudah.add(id(ind))
                    hasil.append(
                        temuan(
                            "nama_tidak_cocok_rumus",
                            "galat",
                            f"Rumus ini memakai '{v.uraian}', yang sama dengan rumus indikator '{lain.nama}' dan lebih "
                            "cocok dengan indikator itu daripada dengan nama indikator ini; tampaknya tersalin.",
                            indikator=ind,
                            saran_perbaikan=f"Ganti '{v.uraian}' dengan besaran yang sesuai nama indikator ini.",
                        )
                    )
                    break
            if id(ind) in sudah:
                break
    return hasil


def _kaskade(dok: DokumenLihat) -> list[dict]:
    hasil = []
    per_jabatan = {normal(j.nama): j for j in dok.jabatan if j.nama}
    for jab in dok.jabatan:
        atasan = per_jabatan.get(normal(jab.atasan)) if jab.atasan else None
        for ind in jab.indikator:
            for nama_induk in ind.induk:
                induk = None
                if atasan is not None:
                    induk = next((i for i in atasan.indikator if normal(i.nama) == normal(nama_induk)), None)
                if induk is None and atasan is not None:
                    hasil.append(
                        temuan(
                            "kaskade_tidak_konsisten",
                            "galat",
                            f"Indikator induk '{nama_induk}' tidak ada di antara indikator atasannya ({atasan.nama}).",
                            indikator=ind,
                            saran_perbaikan="Pilih induk dari indikator jabatan atasan.",
                        )
                    )
                elif induk is not None and _lain_hal(ind, induk):
                    hasil.append(
                        temuan(
                            "kaskade_tidak_konsisten",
                            "peringatan",
                            f"Indikator ini mengukur hal lain daripada indikator induknya '{induk.nama}'.",
                            indikator=ind,
                            saran_perbaikan="Pilih induk yang didukung indikator ini, atau sesuaikan indikatornya.",
                        )
                    )
    return hasil


def _lain_hal(ind: IndikatorLihat, induk: IndikatorLihat) -> bool:
    kata, kata_induk = kata_isi(ind.nama), kata_isi(induk.nama)
    if len(kata) < 2 or len(kata_induk) < 2:
        return False
    return not irisan(kata, kata_induk | kata_isi(induk.sasaran))
