"""Assembling indicators from the physical rows of an IKI table.

Converters split one table row over several lines whenever a cell wraps (``Prosentase
penyelesaian laporan`` / ``pertanggungjawaban kecamatan tepat`` / ``waktu``), and the pieces
of a formula land on different lines (numerator, then ``20 desa``). A physical row continues
the indicator above unless it clearly starts a new one: a number in the NO column, or a new
indicator name after a complete formula. An empty NO/sasaran cell means "the same sasaran as
the row above"; a sasaran text starts a new sasaran only where a new one plausibly begins.
"""

import re
from dataclasses import dataclass, field

from kinerja.dokumen.formula import HasilRumus, adalah_nama_persen, masih_terbuka, pahami
from kinerja.dokumen.kolom import Peran
from kinerja.dokumen.markup import bersihkan, tanpa_penanda_daftar

_AWAL_INDIKATOR = re.compile(
    r"^(?:persentase|prosentase|presentase|persentasi|prosentasi|rasio|angka|indeks|indek|"
    r"nilai|tingkat|jumlah|tersedia|terlaksana|tercapai|terpenuhi|cakupan|capaian|rata|ikm|"
    r"skm|realisasi|ketepatan|frekuensi|predikat|opini|skor|banyaknya)",
    re.IGNORECASE,
)
_AWAL_SASARAN = re.compile(
    r"^(?:meningkat|terwujud|tercapai|terlaksana|tersedia|terpenuhi|terselenggara|peningkatan|"
    r"menurun|berkurang|optimal|mewujudkan|terkendali|terjamin|tercipta|terkelola|"
    r"terbina|terfasilitasi|terkoordinasi|terpelihara)",
    re.IGNORECASE,
)
_AWAL_PEMBILANG = re.compile(
    r"^\W*(?:jumlah|jml|total|banyaknya|target|realisasi|nilai|rata|σ|∑|\\frac|\$)|^\s*\(", re.IGNORECASE
)
# A name ending in one of these words goes on in the next line.
_KATA_SAMBUNG = frozenset(
    {
        "ke",
        "di",
        "dari",
        "yang",
        "dan",
        "atau",
        "dengan",
        "untuk",
        "dalam",
        "pada",
        "oleh",
        "serta",
        "terhadap",
        "bidang",
        "tepat",
        "se",
        "per",
        "yg",
    }
)


def teks_sel(teks: str) -> str:
    """A name-like cell as one clean line without list markers."""
    return tanpa_penanda_daftar(bersihkan(teks)).strip(" .;")


@dataclass
class Sasaran:
    """A sasaran of the current jabatan, its text gathered from row pieces."""

    potongan: list[str] = field(default_factory=list)
    indikator: list[dict] = field(default_factory=list)

    @property
    def uraian(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.potongan)).strip(" .;")


@dataclass
class BarisIndikator:
    """One logical table row — an indicator — gathered from one or more physical rows."""

    baris: int
    sasaran: Sasaran
    isi: dict[Peran, list[str]] = field(default_factory=dict)
    _rumus: HasilRumus | None = None

    def tambah(self, isi: dict[Peran, str]) -> None:
        for peran, teks in isi.items():
            if teks.strip():
                self.isi.setdefault(peran, []).append(teks)
        self._rumus = None

    def teks(self, peran: Peran) -> str:
        return " ".join(teks_sel(t) for t in self.isi.get(peran, [])).strip()

    @property
    def nama(self) -> str:
        return self.teks(Peran.INDIKATOR)

    @property
    def teks_formula(self) -> str:
        return "\n".join(self.isi.get(Peran.FORMULA, []))

    def rumus(self, catatan: str | None = None) -> HasilRumus:
        if self._rumus is None or catatan:
            self._rumus = pahami(self.teks_formula, self.nama, catatan)
        return self._rumus


def baris_baru(sekarang: BarisIndikator | None, isi: dict[Peran, str], setelah_batas: bool) -> bool:
    """Whether the physical row ``isi`` starts a new indicator rather than continuing ``sekarang``."""
    if sekarang is None or setelah_batas or isi.get(Peran.NO, "").strip():
        return True
    nama = teks_sel(isi.get(Peran.INDIKATOR, ""))
    formula = bersihkan(isi.get(Peran.FORMULA, ""))
    rumus = sekarang.rumus() if sekarang.teks_formula.strip() else None
    # A percentage whose formula so far has no division (a bare count, or a product such as
    # "Jumlah ASN x (hari kerja – hari absen)") still waits for its denominator.
    tertutup = (
        rumus is not None
        and rumus.lengkap
        and not masih_terbuka(sekarang.teks_formula)
        and not (adalah_nama_persen(sekarang.nama) and "/" not in rumus.ekspresi)
    )
    if not nama:
        # A new formula after a complete ratio starts an indicator whose name the converter
        # put elsewhere; anything else (a denominator, a sumber data piece) continues.
        return bool(
            formula and tertutup and rumus.jenis in ("rasio", "selisih", "komposit") and _AWAL_PEMBILANG.match(formula)
        )
    if not nama[0].isupper() and not nama[0].isdigit():
        return False
    if (
        tertutup
        and _AWAL_INDIKATOR.match(nama)
        and sekarang.nama
        and sekarang.nama.split()[-1].lower() not in _KATA_SAMBUNG
    ):
        # A complete formula above and a typical indicator name: a new row even when its own
        # formula starts in lower case ("lihat pedoman …").
        return True
    if _lanjutan_kalimat(formula):
        return False  # the formula above goes on ("… yang harus ada"), so does the row
    if not sekarang.nama:
        return False
    kata_akhir = sekarang.nama.split()[-1].lower()
    if kata_akhir in _KATA_SAMBUNG:
        return False
    if rumus is not None and not tertutup:
        # The formula above waits for its denominator: only a typical indicator name with a
        # fresh numerator begins a new row.
        return bool(_AWAL_INDIKATOR.match(nama) and (not formula or _AWAL_PEMBILANG.match(formula)))
    # A capitalised piece ("Keramaian tepat waktu", "Pemberdayaan Masyarakat" beside
    # "Register PMD …") is the rest of a wrapped name unless the name or its formula reads
    # like the start of an indicator.
    return bool(_AWAL_INDIKATOR.match(nama) or _AWAL_PEMBILANG.match(formula))


def _lanjutan_kalimat(teks: str) -> bool:
    """True for text that continues a sentence: it starts in lower case, not with a head word."""
    kata = teks.split()[0].lower() if teks.split() else ""
    return bool(teks) and teks[0].islower() and kata not in ("jumlah", "jml", "total", "target", "realisasi")


def sasaran_baru(teks: str, sekarang: Sasaran | None, pakai_nomor: bool, nomor: str, indikator_baru: bool) -> bool:
    """Whether the sasaran cell text ``teks`` of a row starts a new sasaran.

    Numbered tables start one at each number; elsewhere a sasaran begins with its typical
    verb (``Meningkatnya``, ``Terwujudnya``) or, in tables without numbers, a capital letter.
    """
    if sekarang is None:
        return True
    if not indikator_baru:
        return False
    if not teks:
        return False
    if sama(teks, sekarang.uraian):
        return False
    if nomor:
        return True
    if _AWAL_SASARAN.match(teks):
        return True
    return not pakai_nomor and teks[0].isupper()


def sama(a: str, b: str) -> bool:
    """Equal up to case, punctuation and spacing."""

    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s.lower()).strip()

    return norm(a) == norm(b)
