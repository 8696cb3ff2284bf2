"""Checks of the document as a whole: the SK, the office's name, positions, legal bases, layout, spelling."""

import re
from collections import Counter, defaultdict

from rapidfuzz.distance import OSA, Levenshtein

from kinerja.kepegawaian import is_valid_nip
from kinerja.mutu.kata import kata_kata, normal, token
from kinerja.mutu.model import DokumenLihat
from kinerja.mutu.temuan import temuan

_PLACEHOLDER = re.compile(r"\.{3,}|…|_{2,}|\bx{2,}\b|\?|/\s*/|^\s*[/.\s]*$", re.I)
_BULAN = "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
_TANGGAL_TANPA_HARI = re.compile(
    rf"(?:ditetapkan|pada tanggal|tanggal|tgl\.?|sampang|,)\s*:?\s*(?:\.{{2,}}|…|_+)?\s*({_BULAN})\s+(\d{{4}})\b", re.I
)


def periksa_dokumen(dok: DokumenLihat) -> list[dict]:
    hasil = []
    hasil.extend(_sk(dok))
    hasil.extend(_instansi(dok))
    hasil.extend(_jabatan(dok))
    hasil.extend(_dasar_hukum(dok))
    hasil.extend(_penomoran(dok))
    hasil.extend(_susunan(dok))
    hasil.extend(_salah_ketik(dok))
    return hasil


# --- SK -----------------------------------------------------------------------------------------


def _s(nilai) -> str:
    return nilai.strip() if isinstance(nilai, str) else ""


def _sk(dok: DokumenLihat) -> list[dict]:
    sk = dok.sk
    kurang = []
    nomor = _s(sk.get("nomor"))
    if not nomor:
        kurang.append("nomor")
    elif _PLACEHOLDER.search(nomor) or not re.search(r"\d", nomor):
        kurang.append(f"nomor masih berisi tempat isian ('{nomor}')")
    if not _s(sk.get("tanggal")):
        tanpa_hari = next(
            (
                b
                for b, t in dok.baris_teks
                if _TANGGAL_TANPA_HARI.search(t) and not re.search(r"\d{1,2}\s+(" + _BULAN + r")", t, re.I)
            ),
            None,
        )
        kurang.append("tanggal penetapan tanpa hari" if tanpa_hari else "tanggal penetapan")
    if not _s(sk.get("penandatangan")):
        kurang.append("nama penandatangan")
    hasil = []
    if kurang:
        hasil.append(
            temuan(
                "sk_tidak_lengkap",
                "galat",
                "SK penetapan IKI belum lengkap: " + ", ".join(kurang) + " tidak tertulis.",
                baris=_baris_sk(dok),
                saran_perbaikan="Lengkapi SK (nomor, tanggal dengan hari, nama, pangkat dan NIP penandatangan) "
                "sebelum ditandatangani.",
            )
        )
    hasil.extend(_penandatangan(dok))
    return hasil


def _baris_sk(dok: DokumenLihat) -> int | None:
    """The line of the decree's title ("KEPUTUSAN CAMAT …"), where the SK starts."""
    return next((b for b, t in dok.baris_teks if re.match(r"^\W*keputusan\s+camat\b", t, re.I)), None)


def _baris_teks(dok: DokumenLihat, teks: str) -> int | None:
    """The last line whose whole text is ``teks`` (a signature block sits at the end)."""
    kunci = normal(teks)
    return next((b for b, t in reversed(dok.baris_teks) if kunci and normal(t) == kunci), None)


def _wilayah(dok: DokumenLihat) -> str:
    return re.sub(r"^\s*(kantor\s+)?(kecamatan|kelurahan)\s+", "", dok.instansi, flags=re.I).strip()


def _penandatangan(dok: DokumenLihat) -> list[dict]:
    sk = dok.sk
    hasil = []
    jabatan_ttd = _s(sk.get("jabatan_penandatangan"))
    wilayah = _wilayah(dok)
    if jabatan_ttd and re.match(r"^\s*kecamatan\b", dok.instansi, re.I):
        if not re.match(
            r"^\s*(camat|plt\.?\s*camat|plh\.?\s*camat|pj\.?\s*camat|a\.?n\.?\s*camat)\b", jabatan_ttd, re.I
        ):
            hasil.append(
                temuan(
                    "penandatangan_janggal",
                    "galat",
                    f"SK penetapan IKI kecamatan ditandatangani oleh '{jabatan_ttd}', bukan oleh Camat.",
                    baris=_baris_teks(dok, jabatan_ttd),
                    saran_perbaikan=f"Camat {wilayah}".strip(),
                )
            )
        elif wilayah and normal(wilayah) not in normal(jabatan_ttd) and len(token(jabatan_ttd)) > 1:
            hasil.append(
                temuan(
                    "nama_instansi_salah",
                    "galat",
                    f"Penandatangan SK '{jabatan_ttd}' adalah camat kecamatan lain, bukan {dok.instansi}.",
                    saran_perbaikan=f"Camat {wilayah}",
                )
            )
    nip = _s(sk.get("nip"))
    if nip and not is_valid_nip(nip):
        hasil.append(
            temuan(
                "penandatangan_janggal",
                "peringatan",
                f"NIP penandatangan '{nip}' tidak mungkin benar (tanggal lahir, TMT atau nomor urutnya tidak sah).",
                saran_perbaikan="Periksa NIP penandatangan.",
            )
        )
    # Two people under one title: the same title above two different NIPs.
    nip_per_judul = defaultdict(set)
    judul_terakhir = None
    for _, t in dok.baris_teks:
        if re.fullmatch(r"\s*[#*\s]*(CAMAT\s+[A-Z ]+)[*\s]*", t):
            judul_terakhir = normal(t)
        m = re.search(r"NIP\.?\s*:?\s*([\d ]{18,23})", t)
        if m and judul_terakhir:
            nip_per_judul[judul_terakhir].add(re.sub(r"\D", "", m.group(1)))
            judul_terakhir = None
    for judul, nips in nip_per_judul.items():
        if len(nips) > 1:
            hasil.append(
                temuan(
                    "penandatangan_janggal",
                    "galat",
                    f"Dua orang dengan NIP berbeda menandatangani sebagai '{judul.upper()}' dalam dokumen yang sama.",
                    saran_perbaikan="Pastikan satu pejabat yang menandatangani, sesuai penugasannya pada tanggal SK.",
                )
            )
    return hasil


# --- instansi and jabatan -------------------------------------------------------------------------

_INSTANSI_LAIN = re.compile(
    r"\b((?:Dinas|Badan|Satuan Polisi Pamong Praja|Inspektorat|Sekretariat Daerah|Rumah Sakit)"
    r"(?:\s+(?:[A-Z][\w]*|dan|&|,)){1,8})",
)
_KECAMATAN_LAIN = re.compile(r"\b(?:Kantor\s+)?Kecamatan\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def _instansi(dok: DokumenLihat) -> list[dict]:
    if not re.match(r"^\s*kecamatan\b", dok.instansi, re.I):
        return []
    wilayah = normal(_wilayah(dok))
    kabupaten = normal(re.sub(r"^\s*(kabupaten|kota)\s+", "", dok.kabupaten, flags=re.I))
    hasil, disebut = [], set()
    for baris, t in dok.baris_teks:
        if not re.search(r"indikator kinerja|\biki\b", t, re.I):
            continue
        for m in _INSTANSI_LAIN.finditer(t):
            nama = m.group(1).strip(" ,&")
            awal = t[max(0, m.start() - 40) : m.start()].lower()
            if "kepala" in awal or "perjalanan" in awal or normal(nama) in disebut:
                continue
            disebut.add(normal(nama))
            hasil.append(
                temuan(
                    "nama_instansi_salah",
                    "galat",
                    f"Naskah menyebut '{nama}' sebagai pemilik IKI ini, padahal dokumen ini milik {dok.instansi}.",
                    baris=baris,
                    saran_perbaikan=f"Ganti dengan '{dok.instansi}'.",
                )
            )
        for m in _KECAMATAN_LAIN.finditer(t):
            nama = normal(m.group(1))
            kata_pertama = nama.split()[0] if nama else ""
            if not wilayah or kata_pertama in {"dan", "se", "kelurahan"} or wilayah in nama or nama in wilayah:
                continue
            if (kabupaten and nama.startswith(kabupaten)) or nama in disebut:
                continue
            disebut.add(nama)
            hasil.append(
                temuan(
                    "nama_instansi_salah",
                    "galat",
                    f"Naskah menyebut Kecamatan {m.group(1)}, padahal dokumen ini milik {dok.instansi}.",
                    baris=baris,
                    saran_perbaikan=f"Ganti dengan '{dok.instansi}'.",
                )
            )
    return hasil


def _jabatan(dok: DokumenLihat) -> list[dict]:
    hasil = []
    wilayah = normal(_wilayah(dok))
    nama_semua = [j.nama for j in dok.jabatan if j.nama]
    berkecamatan = [n for n in nama_semua if re.search(r"\bkecamatan\b", n, re.I)]
    # A document that writes no tugas at all gets one finding, not one per jabatan.
    tanpa_tugas_semua = len(dok.jabatan) >= 3 and not any(j.tugas for j in dok.jabatan)
    if tanpa_tugas_semua:
        hasil.append(
            temuan(
                "isian_kosong",
                "peringatan",
                "Tidak satu pun jabatan dalam dokumen ini diisi tugasnya.",
                baris=dok.jabatan[0].baris,
                saran_perbaikan="Tuliskan tugas tiap jabatan sesuai peraturan bupati tentang tugas dan fungsi kecamatan.",
            )
        )
    for jab in dok.jabatan:
        if not jab.nama:
            hasil.append(temuan("isian_kosong", "galat", "Jabatan tanpa nama.", jabatan=jab))
            continue
        if re.match(r"^\s*(sub\s*bagian|subbag|seksi|bagian|sekretariat)\b", jab.nama, re.I):
            hasil.append(
                temuan(
                    "nama_jabatan_tidak_konsisten",
                    "peringatan",
                    f"'{jab.nama}' adalah nama unit kerja, bukan nama jabatan.",
                    jabatan=jab,
                    saran_perbaikan=f"Kepala {jab.nama}",
                )
            )
        elif (
            len(berkecamatan) * 2 > len(nama_semua)
            and re.search(r"\bkabupaten\b", jab.nama, re.I)
            and not re.search(r"\bkecamatan\b", jab.nama, re.I)
            and not re.match(r"^\s*camat\b", jab.nama, re.I)
        ):
            hasil.append(
                temuan(
                    "nama_jabatan_tidak_konsisten",
                    "peringatan",
                    f"Nama jabatan '{jab.nama}' tidak menyebut kecamatannya, berbeda dengan jabatan lain dalam "
                    "dokumen ini, sehingga terbaca sebagai jabatan kabupaten.",
                    jabatan=jab,
                    saran_perbaikan=re.sub(
                        r"\s+Kabupaten\b", f" Kecamatan {_wilayah(dok)} Kabupaten", jab.nama, count=1, flags=re.I
                    ),
                )
            )
        elif wilayah:
            m = re.search(r"\bkecamatan\s+(\w+)", jab.nama, re.I)
            if m and normal(m.group(1)) not in wilayah and normal(m.group(1)) not in {"dan", "kabupaten"}:
                hasil.append(
                    temuan(
                        "nama_instansi_salah",
                        "galat",
                        f"Nama jabatan menyebut Kecamatan {m.group(1)}, padahal dokumen ini milik {dok.instansi}.",
                        jabatan=jab,
                    )
                )
        if not jab.tugas and not tanpa_tugas_semua:
            hasil.append(
                temuan(
                    "isian_kosong",
                    "peringatan",
                    "Tugas jabatan ini tidak diisi" + (" (hanya fungsinya)." if jab.fungsi else "."),
                    jabatan=jab,
                    saran_perbaikan="Tuliskan tugas jabatan sesuai peraturan bupati tentang tugas dan fungsi kecamatan.",
                )
            )
        if not jab.indikator:
            hasil.append(temuan("isian_kosong", "galat", "Jabatan ini tidak mempunyai indikator.", jabatan=jab))
        for uraian, baris in jab.sasaran:
            if not uraian:
                hasil.append(
                    temuan(
                        "isian_kosong",
                        "galat",
                        "Sasaran (kinerja utama) untuk indikator di baris ini tidak diisi.",
                        jabatan=jab,
                        baris=baris,
                        saran_perbaikan="Tuliskan sasaran yang didukung indikator-indikator ini.",
                    )
                )
    # atasan naming a jabatan nearly but not exactly as written elsewhere
    kunci = {normal(n) for n in nama_semua}
    for jab in dok.jabatan:
        a = normal(jab.atasan)
        if not a or a in kunci:
            continue
        dekat = [n for n in nama_semua if 0 < Levenshtein.distance(normal(n), a) <= 3]
        if dekat:
            hasil.append(
                temuan(
                    "nama_jabatan_tidak_konsisten",
                    "peringatan",
                    f"Atasan ditulis '{jab.atasan}', padahal jabatan itu ditulis '{dekat[0]}'.",
                    jabatan=jab,
                    saran_perbaikan=dekat[0],
                )
            )
    return hasil


# --- legal bases --------------------------------------------------------------------------------

# Regulations cited in IKI documents whose number and title are certain (see docs/mutu.md).
PERATURAN = [
    {
        "pola": r"PER\s*/\s*0?9\s*/\s*M\.?\s*PAN\s*/\s*0?5\s*/\s*2007",
        "judul": "Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah",
        "salah": r"Indikator\s+Kinerja\s+Individu",
        "nama": "Peraturan Menteri Negara PAN Nomor PER/09/M.PAN/5/2007",
    },
    {
        "pola": r"Undang-Undang\s+Nomor\s+32\s+Tahun\s+2004",
        "judul": "Pemerintahan Daerah",
        "dicabut": "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "nama": "Undang-Undang Nomor 32 Tahun 2004",
    },
    {
        "pola": r"Peraturan\s+Pemerintah\s+Nomor\s+19\s+Tahun\s+2008",
        "judul": "Kecamatan",
        "dicabut": "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
        "nama": "Peraturan Pemerintah Nomor 19 Tahun 2008",
    },
    {
        "pola": r"Peraturan\s+Presiden\s+Nomor\s+29\s+Tahun\s+2014",
        "judul": "Sistem Akuntabilitas Kinerja Instansi Pemerintah",
        "salah": r"tentang\s+(?!Sistem\s+Akuntabilitas)",
        "nama": "Peraturan Presiden Nomor 29 Tahun 2014",
    },
]


def _dasar_hukum(dok: DokumenLihat) -> list[dict]:
    hasil, dilaporkan = [], set()
    sumber = list(dok.baris_teks) + [(None, m) for m in dok.mengingat]
    for baris, t in sumber:
        for p in PERATURAN:
            m = re.search(p["pola"], t, re.I)
            if not m or p["nama"] in dilaporkan:
                continue
            sisa = t[m.end() : m.end() + 160]
            if p.get("salah") and re.search(p["salah"], sisa, re.I) and re.search(r"tentang", sisa, re.I):
                dilaporkan.add(p["nama"])
                hasil.append(
                    temuan(
                        "dasar_hukum_keliru",
                        "peringatan",
                        f"{p['nama']} berjudul '{p['judul']}', bukan seperti yang dikutip di sini.",
                        baris=baris,
                        saran_perbaikan=f"{p['nama']} tentang {p['judul']}",
                    )
                )
            elif p.get("dicabut") and not re.search(r"diubah|dicabut", t[m.end() :], re.I):
                dilaporkan.add(p["nama"])
                hasil.append(
                    temuan(
                        "dasar_hukum_keliru",
                        "saran",
                        f"{p['nama']} tentang {p['judul']} sudah dicabut dan tidak berlaku lagi.",
                        baris=baris,
                        saran_perbaikan=p["dicabut"],
                    )
                )
    # the same legal basis listed twice in a row
    sebelumnya = None
    for baris, t in dok.baris_teks:
        isi = re.sub(r"^[\s\-*]*(\d+[.)]|[a-z][.)])?\s*", "", t).strip()
        if len(isi) > 40 and re.match(r"(undang|peraturan|keputusan|instruksi)", isi, re.I):
            if sebelumnya is not None and normal(isi) == normal(sebelumnya):
                hasil.append(
                    temuan(
                        "duplikat",
                        "peringatan",
                        "Dasar hukum ini sudah disebut pada butir sebelumnya.",
                        baris=baris,
                        saran_perbaikan="Hapus butir yang berulang dan sesuaikan penomorannya.",
                    )
                )
            sebelumnya = isi
        elif isi:
            sebelumnya = None
    return hasil


# --- layout -------------------------------------------------------------------------------------

_BUTIR = re.compile(r"^\s*(?:[-*]\s+)?(\d{1,2}|[a-z])[.)]\s+\S")
_BUTIR_JABATAN = re.compile(r"^\s*(?:[-*]\s+)?(\d{1,2})[.)]\s*JABATAN\s*:", re.I)


def _penomoran(dok: DokumenLihat) -> list[dict]:
    """A numbered or lettered list that repeats, goes back or skips one between adjacent items; a
    jabatan block numbered unlike the others ("3. JABATAN" where every other block starts at 1)."""
    hasil = []
    sebelumnya = None  # (kind, position) of the previous item of the running list
    for baris, t in dok.baris_teks:
        if not t.strip():
            continue
        m = _BUTIR.match(t)
        if not m:
            # A line without a number or letter ends the list (a bullet may be an item whose
            # number was lost in conversion): the count starts again.
            sebelumnya = None
            continue
        tanda = m.group(1)
        jenis, posisi = ("angka", int(tanda)) if tanda.isdigit() else ("huruf", ord(tanda) - ord("a") + 1)
        if sebelumnya is not None and sebelumnya[0] == jenis and posisi != 1:
            lalu = sebelumnya[1]
            tulis = str if jenis == "angka" else (lambda n: chr(ord("a") + n - 1))
            if posisi in (lalu, lalu - 1, lalu + 2):
                keterangan = {lalu: "berulang", lalu - 1: "mundur", lalu + 2: f"{tulis(lalu + 1)} terlewat"}[posisi]
                hasil.append(
                    temuan(
                        "penomoran",
                        "saran",
                        f"Butir {tulis(posisi)} menyusul butir {tulis(lalu)}: penomorannya {keterangan}.",
                        baris=baris,
                        saran_perbaikan=f"Beri tanda {tulis(lalu + 1)}.",
                    )
                )
        sebelumnya = (jenis, posisi)
    nomor_jabatan = [(b, int(m.group(1))) for b, t in dok.baris_teks if (m := _BUTIR_JABATAN.match(t))]
    umum = Counter(n for _, n in nomor_jabatan).most_common(1)
    if len(nomor_jabatan) >= 3 and umum and umum[0][1] * 2 > len(nomor_jabatan):
        for b, n in nomor_jabatan:
            if n != umum[0][0]:
                hasil.append(
                    temuan(
                        "penomoran",
                        "saran",
                        f"Uraian jabatan ini bernomor {n}, padahal uraian jabatan lain dimulai dengan nomor "
                        f"{umum[0][0]}.",
                        baris=b,
                        saran_perbaikan=f"Mulai dengan nomor {umum[0][0]}.",
                    )
                )
    return hasil


def _susunan(dok: DokumenLihat) -> list[dict]:
    """An indicator table whose column titles lack words that most tables of the document have."""
    kepala = []
    baris_berikut = {}
    for i, (baris, t) in enumerate(dok.baris_teks):
        if i + 1 < len(dok.baris_teks):
            baris_berikut[i] = dok.baris_teks[i + 1][1]
        if "\t" in t or "|" in t:
            teks = normal(t)
            if "indikator" in teks.split() and ("sumber" in teks or "formulasi" in teks or "penjelasan" in teks):
                kepala.append((i, baris, teks))
    if len(kepala) < 3:
        return []
    umum, jumlah = Counter(frozenset(k.split()) for _, _, k in kepala).most_common(1)[0]
    if jumlah * 2 <= len(kepala):
        return []
    contoh = next(k for _, _, k in kepala if frozenset(k.split()) == umum)
    hasil = []
    for i, baris, k in kepala:
        # A title split over two rows, or split inside a word, is the same title.
        kata = set(k.split()) | set(normal(baris_berikut.get(i, "")).split())
        if umum <= kata or k.replace(" ", "") == contoh.replace(" ", ""):
            continue
        hilang = sorted(umum - kata)
        hasil.append(
            temuan(
                "susunan_dokumen",
                "saran",
                f"Judul kolom tabel indikator ini berbeda dengan tabel lain dalam dokumen yang sama "
                f"(tidak memuat: {', '.join(hilang)}).",
                baris=baris,
                saran_perbaikan=contoh,
            )
        )
    return hasil


# --- spelling -----------------------------------------------------------------------------------

# Domain words of IKI documents, spelt as the KBBI and the regulations spell them.
KOSAKATA = kata_kata(
    """
    persentase penyelesaian pelayanan administrasi kependudukan pertanahan perizinan perijinan pertanggungjawaban
    perencanaan pembangunan keamanan ketertiban ketentraman kesejahteraan pemberdayaan masyarakat kriminalitas
    keramaian pembuatan dokumen anggaran keuangan kepegawaian pemerintahan penyelenggaraan pemeliharaan
    pengelolaan pengolahan kebersihan keindahan perpustakaan distribusi register inventaris sarana prasarana
    pelaksanaan pelaksana kegiatan tersedianya penyerapan terpelihara terdistribusi kenaikan pangkat berkala
    pendidikan pelatihan pemilihan permohonan pengajuan tindak lanjut ditindaklanjuti kejadian laporan pegawai
    selesai tepat waktu harus usulan jumlah evaluasi pedoman kinerja indikator individu kecamatan kabupaten
    kelurahan sekretaris pemerintah musrenbang musrenbangdes musrenbangcam musrenbangkab akuntabilitas diproses
    tertib pengadministrasi diarsip arsip verifikasi menyiapkan bidang tugasnya tahunan triwulanan semesteran
    disusun dilaporkan administratif partisipasi pengendalian melaksanakan menyelenggarakan
    """
)
# Real words one or two letters away from a domain word: never a typo of it.
KATA_SAH = kata_kata(
    """
    kepada penerapan pertamanan pengaduan pertahanan perangkat penyiapan pemasaran pembukuan pembayaran
    penataan penetapan pemantauan pencatatan pengawasan pembiayaan perawatan penanganan pengajaran pemetaan
    pendapatan pendanaan pelaporan penilaian pengujian penugasan perjalanan peraturan perbaikan persiapan
    keadilan kesehatan kebudayaan kepangkatan kelompok pekerjaan pelatihan pemberian penerimaan pengiriman
    anggapan penyusutan kebersihan keberhasilan pembinaan pembiayaan pengawalan penataan pertanian kenyamanan
    """
)
# Spellings that are common but not standard: reported once each, as a suggestion.
TIDAK_BAKU = {"prosentase": "persentase", "presentase": "persentase", "ijin": "izin", "perijinan": "perizinan"}


def _teks_diperiksa(dok: DokumenLihat):
    for jab in dok.jabatan:
        for t in jab.tugas + jab.fungsi:
            yield jab, None, t
        for uraian, baris in jab.sasaran:
            yield jab, (baris, uraian), uraian
        for ind in jab.indikator:
            for t in (ind.nama, ind.teks_rumus, ind.sumber_data):
                yield jab, ind, t


def _salah_ketik(dok: DokumenLihat) -> list[dict]:
    frekuensi = Counter(t for _, _, teks in _teks_diperiksa(dok) for t in token(teks))
    dikenal = KOSAKATA | {t for t, n in frekuensi.items() if n >= 3}
    hasil, dilaporkan = [], set()
    for jab, tempat, teks in _teks_diperiksa(dok):
        for kata in token(teks):
            benar = TIDAK_BAKU.get(kata)
            if kata in dilaporkan or kata in KATA_SAH or (kata in KOSAKATA and benar is None):
                continue
            if benar is None and len(kata) >= 6 and frekuensi[kata] <= 2 and not kata.isdigit():
                benar = _terdekat(kata, dikenal)
            if benar is None:
                continue
            dilaporkan.add(kata)
            lokasi = {}
            if tempat is None:
                lokasi = {"jabatan": jab}
            elif isinstance(tempat, tuple):
                lokasi = {"jabatan": jab, "sasaran": tempat[1], "baris": tempat[0]}
            else:
                lokasi = {"indikator": tempat}
            lain = frekuensi[kata] - 1
            hasil.append(
                temuan(
                    "salah_ketik",
                    "saran",
                    f"'{kata}' tampaknya salah ketik untuk '{benar}'"
                    + (f" (juga di {lain} tempat lain)." if lain > 0 else "."),
                    saran_perbaikan=benar,
                    **lokasi,
                )
            )
    return hasil


def _terdekat(kata: str, dikenal: frozenset | set) -> str | None:
    terbaik = None
    for calon in dikenal:
        if abs(len(calon) - len(kata)) > 2 or calon[0] != kata[0] or len(calon) < 6:
            continue
        # An affix is a different word, not a typo (pelaksana / pelaksanaan, tanah / pertanahan).
        if calon.startswith(kata) or kata.startswith(calon) or calon.endswith(kata) or kata.endswith(calon):
            continue
        # One slip of the hand (a letter added, dropped, changed, or two swapped); two only in long
        # words, where two slips are still far likelier than another real word.
        jarak = OSA.distance(kata, calon)
        batas = 1 if len(kata) < 12 else 2
        # Nearest first, then a domain word before a word merely frequent in the document.
        urutan = (jarak, calon not in KOSAKATA, calon)
        if jarak <= batas and (terbaik is None or urutan < terbaik):
            terbaik = urutan
    return terbaik[2] if terbaik else None
