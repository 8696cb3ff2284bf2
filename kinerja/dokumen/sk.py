"""Document metadata: the decree (SK), the office, the regency and the year.

The decree's number appears in the decree itself (``KEPUTUSAN CAMAT …`` / ``Nomor: …``), and
is quoted in the foreword and chapter I — sometimes with a different number, which is worth
a warning. Its date is the ``Pada Tanggal :`` line of the decree, else the place-and-date line
over the signature (``Sampang, 06 Januari 2020``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kinerja.dokumen.markup import bersihkan

_BULAN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "nopember": 11,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}
_NAMA_BULAN = "|".join(sorted(_BULAN, key=len, reverse=True))
_TANGGAL = re.compile(rf"\b(\d{{1,2}})\s*(?:-\s*)?({_NAMA_BULAN})\.?\s*(?:-\s*)?((?:19|20)\d{{2}})\b", re.IGNORECASE)
_TANGGAL_ANGKA = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})\b")
_BARIS_TANGGAL_PENETAPAN = re.compile(r"^\s*(?:pada\s+)?tanggal\s*[:.]?|ditetapkan\s+di\b.*\btanggal\b", re.IGNORECASE)
_BARIS_TEMPAT_TANGGAL = re.compile(
    rf"^\s*[A-Z][A-Za-z .'-]{{2,30}},\s*(?:tanggal\s+)?(?:\d{{1,2}}\s+)?({_NAMA_BULAN})\b", re.IGNORECASE
)
_NOMOR = re.compile(r"\bnomor\s*[:.]?\s*(\d[\w.\-]*(?:\s*/\s*[\w.\-]+){2,})", re.IGNORECASE)
_NIP = re.compile(r"\bNIP\b\s*[.:]?\s*[.:]?\s*((?:\d\s*){18})")
_PANGKAT = re.compile(r"^\s*(?:pembina|penata|pengatur|juru)\b", re.IGNORECASE)
_JUDUL_PENANDATANGAN = re.compile(
    r"^\s*(?:a\.?\s*n\.?\s+|plt\.?\s+|plh\.?\s+)?(?:camat|kepala|sekretaris|lurah|bupati)\b", re.IGNORECASE
)
_TAHUN_JUDUL = re.compile(r"\btahun\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)", re.IGNORECASE)
_KATA_HENTI_WILAYAH = frozenset(
    {
        "kabupaten",
        "kota",
        "provinsi",
        "tahun",
        "dan",
        "yang",
        "nomor",
        "kab",
        "kec",
        "kecamatan",
        "kelurahan",
        "se",
        "di",
        "dalam",
        "tentang",
    }
)


@dataclass
class Metadata:
    instansi: str | None = None
    kabupaten: str | None = None
    tahun: int | None = None
    sk: dict = field(default_factory=dict)
    peringatan: list[tuple[int | None, str]] = field(default_factory=list)


def _tanggal(teks: str) -> date | None:
    if m := _TANGGAL.search(teks):
        hari, bulan, tahun = int(m.group(1)), _BULAN[m.group(2).lower()], int(m.group(3))
    elif m := _TANGGAL_ANGKA.search(teks):
        hari, bulan, tahun = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        return None


def _rapikan_nomor(nomor: str) -> str:
    nomor = re.sub(r"\s+", "", nomor).replace("./", "/").rstrip(".,;:")
    return re.sub(r"/+", "/", nomor)


def _nomor_sk(baris: list[tuple[int, str]]) -> tuple[str | None, list[tuple[int | None, str]]]:
    """The decree number, and warnings when the document quotes other numbers."""
    calon: list[tuple[int, int, str]] = []  # (priority, line, number)
    for k, (nomor_baris, teks) in enumerate(baris):
        for m in _NOMOR.finditer(teks):
            nomor = _rapikan_nomor(m.group(1))
            if not re.search(r"/(?:19|20)\d{2}$", nomor):
                continue
            sebelum, sesudah = teks[max(0, m.start() - 80) : m.start()].lower(), teks[m.end() : m.end() + 150].lower()
            judul_sk = any(t.lower().lstrip("# *").startswith("keputusan") for _, t in baris[max(0, k - 3) : k])
            if judul_sk and not sebelum.strip():
                prioritas = 3
            elif "indikator kinerja" in sesudah and re.search(r"keputusan\s+camat|keputusan\s+lurah", sebelum):
                prioritas = 2
            elif "indikator kinerja" in sesudah and not re.search(
                r"bupati|walikota|wali kota|gubernur|menteri", sebelum
            ):
                prioritas = 1
            else:
                continue
            calon.append((prioritas, nomor_baris, nomor))
    if not calon:
        return None, []
    terbaik = max(calon, key=lambda c: (c[0], -c[1]))
    peringatan: list[tuple[int | None, str]] = [
        (b, f"nomor SK lain disebut: {n} (dipakai {terbaik[2]} dari baris {terbaik[1]})")
        for _, b, n in calon
        if n != terbaik[2]
    ]
    return terbaik[2], peringatan


def _tanggal_sk(baris: list[tuple[int, str]], tahun_nomor: int | None) -> tuple[date | None, int | None]:
    """The decree date and its line: the decree's "Pada Tanggal" line, else the signature's
    place-and-date line (preferring the decree's year)."""
    calon: list[tuple[int, int, date]] = []
    for nomor_baris, teks in baris:
        if len(teks) > 120:
            continue
        if (t := _tanggal(teks)) is None:
            continue
        if _BARIS_TANGGAL_PENETAPAN.search(teks):
            calon.append((3, nomor_baris, t))
        elif _BARIS_TEMPAT_TANGGAL.match(teks):
            calon.append((2, nomor_baris, t))
    if not calon:
        return None, None
    prioritas, nomor_baris, t = max(calon, key=lambda c: (c[0], c[2].year == tahun_nomor, -c[1]))
    return t, nomor_baris


def _penandatangan(baris: list[tuple[int, str]], sesudah: int | None) -> dict:
    """Name, title, rank and NIP of the signatory: the signature block after line ``sesudah``
    (the decree date) if there is one, else the first in the document."""
    blok_nip = [k for k, (_, t) in enumerate(baris) if _NIP.search(t)]
    if not blok_nip:
        return {}
    pilih = blok_nip[0]
    if sesudah is not None:
        pilih = next((k for k in blok_nip if baris[k][0] > sesudah), pilih)
    teks_nip = baris[pilih][1]
    hasil: dict = {"nip": re.sub(r"\s+", "", _NIP.search(teks_nip).group(1))}
    sebelum_nip = teks_nip[: _NIP.search(teks_nip).start()].strip(" ,.")
    if _PANGKAT.match(sebelum_nip):
        hasil["pangkat"] = sebelum_nip
    atas = [t.strip() for _, t in baris[max(0, pilih - 6) : pilih]]
    # The block reads: place and date, title, name, rank. Walk up from the NIP line.
    awal_blok = max((i + 1 for i, t in enumerate(atas) if _BARIS_TEMPAT_TANGGAL.match(t) or _tanggal(t)), default=0)
    blok = atas[awal_blok:]
    if blok and "pangkat" not in hasil and _PANGKAT.match(blok[-1]) and len(blok[-1]) < 50:
        hasil["pangkat"] = blok.pop()
    if awal_blok > 0 and blok or blok and _JUDUL_PENANDATANGAN.match(blok[0]):
        hasil["jabatan_penandatangan"] = _judul(blok.pop(0))
    nama = [t for t in blok if t and not _JUDUL_PENANDATANGAN.match(t)]
    if nama and len(nama[-1]) <= 80:
        hasil["penandatangan"] = nama[-1]
    return hasil


def _judul(teks: str) -> str:
    """The signatory's title without the comma a decree writes after it ("CAMAT SUKAMAJU,")."""
    teks = teks.rstrip(" ,")
    return teks.title() if teks.isupper() else teks


def _wilayah(baris: list[tuple[int, str]], kata_kunci: str, maks_kata: int) -> str | None:
    """The most frequent "<kata_kunci> Name" (e.g. "Kecamatan Banyuates") in the document."""
    hitung: Counter[str] = Counter()
    pola = re.compile(rf"\b{kata_kunci}\s+", re.IGNORECASE)
    for _, teks in baris:
        for m in pola.finditer(teks):
            kata: list[str] = []
            for k in teks[m.end() :].split()[:maks_kata]:
                k = k.strip(",.;:()")
                if not k or not k[0].isupper() or not k.isalpha() or k.lower() in _KATA_HENTI_WILAYAH:
                    break
                kata.append(k)
            if kata:
                hitung[" ".join(kata).title()] += 1
    if not hitung:
        return None
    return f"{kata_kunci.title()} {hitung.most_common(1)[0][0]}"


def _instansi_dari_nama_file(nama_file: str | None) -> str | None:
    if not nama_file:
        return None
    m = re.search(
        r"(kecamatan|kelurahan)[-_ ]+([a-z][a-z_ -]*?)(?:[-_ ]+(?:19|20)\d{2})?(?:\.\w+)?$", nama_file.lower()
    )
    return f"{m.group(1).title()} {re.sub(r'[-_ ]+', ' ', m.group(2)).strip().title()}" if m else None


def baca_metadata(baris: list[tuple[int, str]], nama_file: str | None = None) -> Metadata:
    """Metadata from the document's lines (line number, raw text) — paragraphs and table rows."""
    bersih = [(n, bersihkan(t)) for n, t in baris]
    bersih = [(n, t) for n, t in bersih if t]
    meta = Metadata()
    nomor, meta.peringatan = _nomor_sk(bersih)
    tahun_nomor = int(nomor[-4:]) if nomor else None
    tanggal, baris_tanggal = _tanggal_sk(bersih, tahun_nomor)
    meta.sk = {"nomor": nomor, "tanggal": tanggal.isoformat() if tanggal else None, "penandatangan": None}
    meta.sk.update(_penandatangan(bersih, baris_tanggal))
    judul = next((int(m.group(1)) for _, t in bersih[:40] if (m := _TAHUN_JUDUL.search(t))), None)
    dari_file = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", nama_file or "")
    meta.tahun = (
        (tanggal.year if tanggal else None) or tahun_nomor or judul or (int(dari_file.group(1)) if dari_file else None)
    )
    meta.instansi = (
        _wilayah(bersih, "kecamatan", 3) or _wilayah(bersih, "kelurahan", 3) or _instansi_dari_nama_file(nama_file)
    )
    meta.kabupaten = _wilayah(bersih, "kabupaten", 2) or _wilayah(bersih, "kota", 2)
    if nomor is None:
        meta.peringatan.append((None, "nomor SK penetapan IKI tidak ditemukan"))
    if tanggal is None:
        meta.peringatan.append((None, "tanggal SK penetapan IKI tidak ditemukan"))
    if meta.tahun is None:
        meta.peringatan.append((None, "tahun dokumen tidak ditemukan"))
    return meta
