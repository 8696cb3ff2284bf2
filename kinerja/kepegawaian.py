"""Civil-servant identifiers: NIP (Nomor Induk Pegawai) and pangkat/golongan.

Pure Python, no Django: used by the importer (documents write "NIP. 19780720 199804 1 001",
"Pembina TK. I") and by the models' validators.

NIP of a PNS (Peraturan Kepala BKN 43/2007), 18 digits::

    19860627 201412 1 001
    │        │      │ └─ nomor urut 001–999
    │        │      └─── jenis kelamin: 1 laki-laki, 2 perempuan
    │        └────────── TMT CPNS: year and month of first appointment (YYYYMM)
    └─────────────────── tanggal lahir (YYYYMMDD)

Nomor Induk (NI) of a PPPK, also 18 digits: tanggal lahir (8) + year of first appointment as
calon PPPK (4) + a two-digit field the BKN describes as "jumlah perjanjian kerja" + jenis
kelamin (1) + nomor urut (3). Every NI PPPK issued so far carries ``21`` in that field (e.g.
``199312282025212001``), and 21 can never be a month, which is what tells a PPPK number from a
PNS one. Only ``21`` is accepted: an assumption from published numbers, not from the regulation's
text, so widen ``_KODE_PPPK`` if BKN ever issues another value.

Plausibility checks beyond the calendar (documented so that nobody is surprised by a rejection):
the appointment year lies between 1950 and next year, and the age at appointment is 15–65 years
(the law asks 18 for CPNS; 15 leaves room for old records, 65 covers PPPK appointed one year
before a 65-year retirement age). They catch swapped or mistyped fields, not forgeries.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "PANGKAT",
    "Nip",
    "NipError",
    "Pangkat",
    "PangkatError",
    "format_nip",
    "is_valid_nip",
    "parse_nip",
    "parse_pangkat",
]

_KODE_PPPK = "21"
_TAHUN_TMT_PALING_AWAL = 1950
_USIA_PENGANGKATAN_MIN = 15
_USIA_PENGANGKATAN_MAKS = 65

# "NIP.", "NIP:", "NI PPPK" in front of the number, as documents print it.
_AWALAN_NIP = re.compile(r"^\s*(?:nip|ni(?:\s*pppk)?)[\s.:]*", re.IGNORECASE)
_PEMISAH_NIP = re.compile(r"[\s.\-]+")  # "19860627 201412 1 001", "19860627.201412.1.001"


class NipError(ValueError):
    """A NIP that cannot be a real one; the message is for the user, in Indonesian."""


@dataclass(frozen=True)
class Nip:
    """A parsed, valid NIP (PNS) or NI PPPK. ``str()`` gives ``19860627 201412 1 001``."""

    digits: str
    tanggal_lahir: date
    tmt: tuple[int, int | None]  # (year, month) of first appointment; no month for PPPK
    jenis_kelamin: str  # "L" (laki-laki) or "P" (perempuan)
    urut: int
    jenis: str  # "PNS" or "PPPK"

    def __str__(self) -> str:
        d = self.digits
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"


def parse_nip(text: str, *, hari_ini: date | None = None) -> Nip:
    """Read a NIP written with spaces, dots or a "NIP." prefix; raise NipError if impossible.

    ``hari_ini`` (default: today) bounds the appointment year; tests pass a fixed date.
    """
    digits = _ambil_digit(text)
    tanggal_lahir = _tanggal_lahir(digits[:8])
    tahun_tmt, kode_bulan = int(digits[8:12]), digits[12:14]
    if kode_bulan == _KODE_PPPK:
        jenis, bulan_tmt = "PPPK", None
    elif "01" <= kode_bulan <= "12":
        jenis, bulan_tmt = "PNS", int(kode_bulan)
    else:
        raise NipError(f"Bulan TMT {kode_bulan} pada NIP tidak sah (01–12 untuk PNS, {_KODE_PPPK} untuk PPPK)")
    _periksa_tmt(tanggal_lahir, tahun_tmt, bulan_tmt, hari_ini or date.today())

    kode_kelamin = digits[14]
    if kode_kelamin not in ("1", "2"):
        raise NipError(f"Kode jenis kelamin {kode_kelamin} pada NIP tidak sah (1 laki-laki, 2 perempuan)")
    urut = int(digits[15:])
    if urut == 0:
        raise NipError("Nomor urut 000 pada NIP tidak sah (harus 001–999)")
    return Nip(
        digits=digits,
        tanggal_lahir=tanggal_lahir,
        tmt=(tahun_tmt, bulan_tmt),
        jenis_kelamin="L" if kode_kelamin == "1" else "P",
        urut=urut,
        jenis=jenis,
    )


def format_nip(text: str) -> str:
    """Canonical display of a NIP (``19860627 201412 1 001``); raise NipError if invalid."""
    return str(parse_nip(text))


def is_valid_nip(text: str) -> bool:
    """True if ``text`` is a valid NIP or NI PPPK in any accepted spelling."""
    try:
        parse_nip(text)
    except NipError:
        return False
    return True


def _ambil_digit(text: str) -> str:
    tanpa_awalan = _AWALAN_NIP.sub("", text, count=1)
    digits = _PEMISAH_NIP.sub("", tanpa_awalan)
    if not digits:
        raise NipError("NIP kosong")
    asing = next((c for c in digits if not ("0" <= c <= "9")), None)
    if asing is not None:
        raise NipError(f"NIP hanya boleh berisi angka; ditemukan “{asing}”")
    if len(digits) != 18:
        raise NipError(f"NIP harus 18 digit, bukan {len(digits)}")
    return digits


def _tanggal_lahir(yyyymmdd: str) -> date:
    tahun, bulan, hari = yyyymmdd[:4], yyyymmdd[4:6], yyyymmdd[6:]
    try:
        return date(int(tahun), int(bulan), int(hari))
    except ValueError:
        raise NipError(f"Tanggal lahir {tahun}-{bulan}-{hari} pada NIP tidak ada") from None


def _periksa_tmt(lahir: date, tahun: int, bulan: int | None, hari_ini: date) -> None:
    tahun_terakhir = hari_ini.year + 1
    if not _TAHUN_TMT_PALING_AWAL <= tahun <= tahun_terakhir:
        raise NipError(f"Tahun TMT {tahun} pada NIP tidak masuk akal (harus {_TAHUN_TMT_PALING_AWAL}–{tahun_terakhir})")
    # PPPK numbers carry no month: judge their age by year alone.
    usia_bulan = (tahun - lahir.year) * 12 + ((bulan - lahir.month) if bulan else 0)
    if not _USIA_PENGANGKATAN_MIN * 12 <= usia_bulan <= _USIA_PENGANGKATAN_MAKS * 12:
        raise NipError(
            f"Usia saat TMT pada NIP {usia_bulan // 12} tahun, tidak masuk akal "
            f"(harus {_USIA_PENGANGKATAN_MIN}–{_USIA_PENGANGKATAN_MAKS} tahun)"
        )


# --------------------------------------------------------------------------------------------
# Pangkat / golongan ruang (PP 99/2000)


class PangkatError(ValueError):
    """A pangkat text that names no pangkat, or names two that disagree."""


@functools.total_ordering
class Pangkat(enum.Enum):
    """The 17 pangkat of a PNS, ordered from Juru Muda (I/a) to Pembina Utama (IV/e)."""

    I_A = ("I/a", "Juru Muda")
    I_B = ("I/b", "Juru Muda Tingkat I")
    I_C = ("I/c", "Juru")
    I_D = ("I/d", "Juru Tingkat I")
    II_A = ("II/a", "Pengatur Muda")
    II_B = ("II/b", "Pengatur Muda Tingkat I")
    II_C = ("II/c", "Pengatur")
    II_D = ("II/d", "Pengatur Tingkat I")
    III_A = ("III/a", "Penata Muda")
    III_B = ("III/b", "Penata Muda Tingkat I")
    III_C = ("III/c", "Penata")
    III_D = ("III/d", "Penata Tingkat I")
    IV_A = ("IV/a", "Pembina")
    IV_B = ("IV/b", "Pembina Tingkat I")
    IV_C = ("IV/c", "Pembina Utama Muda")
    IV_D = ("IV/d", "Pembina Utama Madya")
    IV_E = ("IV/e", "Pembina Utama")

    def __init__(self, golongan: str, nama: str) -> None:
        self.golongan = golongan  # as documents write it: "III/d"
        self.nama = nama
        self.ruang = golongan[-1]  # the letter alone: "d"

    @property
    def urutan(self) -> int:
        """0 for I/a … 16 for IV/e."""
        return _URUTAN[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Pangkat):
            return NotImplemented
        return self.urutan < other.urutan

    def __str__(self) -> str:
        return f"{self.nama} ({self.golongan})"


PANGKAT: tuple[Pangkat, ...] = tuple(Pangkat)
_URUTAN = {pangkat: i for i, pangkat in enumerate(PANGKAT)}

_ROMAWI = {"i": "I", "ii": "II", "iii": "III", "iv": "IV", "1": "I", "2": "II", "3": "III", "4": "IV"}
# Roman (or Arabic) golongan then ruang letter: "III/d", "IV-a", "iv a", "IVb", "3/d".
_GOLONGAN = re.compile(r"\b(iv|iii|ii|i|[1-4])\s*[/.\-]?\s*([a-e])\b")
_BUKAN_HURUF = re.compile(r"[^a-z0-9]+")
_KATA_TINGKAT = {"tk", "tkt", "tingkat"}
# Words that label the value rather than belong to it: "Pangkat/Gol. Ruang: Pembina, IV/a".
_KATA_LABEL = {"pangkat", "gol", "golongan", "ruang"}
_PANGKAT_PER_GOLONGAN = {p.golongan.lower(): p for p in PANGKAT}


def _kunci_nama(nama: str) -> str:
    """Normalise a pangkat name: "Pembina TK. I" and "pembina tingkat 1" both → "pembina tingkat i"."""
    kata = _BUKAN_HURUF.sub(" ", nama.lower()).split()
    hasil: list[str] = []
    for k in kata:
        if k in _KATA_LABEL:
            continue
        if k in _KATA_TINGKAT:
            k = "tingkat"
        elif k == "1" and hasil[-1:] == ["tingkat"]:
            k = "i"
        hasil.append(k)
    return " ".join(hasil)


_PANGKAT_PER_NAMA = {_kunci_nama(p.nama): p for p in PANGKAT}


def parse_pangkat(text: str) -> Pangkat:
    """Read a pangkat as documents write it: by name, by golongan, or both.

    Accepts "Pembina TK. I", "Penata Muda Tk. I (III/b)", "Pembina, IV/a", "III/d", "IV-a",
    "Penata Tingkat I / III d", in any case and spacing. When a name and a golongan are both
    present they must agree, otherwise PangkatError names both.
    """
    if not text.strip():
        raise PangkatError("Pangkat kosong")
    lower = text.lower()
    golongan_found = {f"{_ROMAWI[g]}/{r}".lower() for g, r in _GOLONGAN.findall(lower)}
    tidak_ada = sorted(g for g in golongan_found if g not in _PANGKAT_PER_GOLONGAN)
    if tidak_ada:  # ruang e belongs to golongan IV only: "I/e" reads as a golongan but is none
        daftar = ", ".join(f"{g.split('/')[0].upper()}/{g.split('/')[1]}" for g in tidak_ada)
        raise PangkatError(f"Pangkat “{text.strip()}” memuat golongan yang tidak ada: {daftar}")
    if len(golongan_found) > 1:
        daftar = ", ".join(sorted(_PANGKAT_PER_GOLONGAN[g].golongan for g in golongan_found))
        raise PangkatError(f"Pangkat “{text.strip()}” memuat lebih dari satu golongan: {daftar}")
    dari_golongan = _PANGKAT_PER_GOLONGAN[golongan_found.pop()] if golongan_found else None

    kunci = _kunci_nama(_GOLONGAN.sub(" ", lower))
    dari_nama = _PANGKAT_PER_NAMA.get(kunci) if kunci else None
    if kunci and dari_nama is None:
        raise PangkatError(f"Pangkat “{text.strip()}” tidak dikenal")
    if dari_nama and dari_golongan and dari_nama is not dari_golongan:
        raise PangkatError(
            f"Pangkat “{text.strip()}” tidak konsisten: nama {dari_nama.nama} adalah golongan "
            f"{dari_nama.golongan}, tetapi tertulis golongan {dari_golongan.golongan}"
        )
    pangkat = dari_nama or dari_golongan
    if pangkat is None:
        raise PangkatError(f"Pangkat “{text.strip()}” tidak dikenal")
    return pangkat
