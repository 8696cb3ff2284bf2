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

from kinerja.dokumen.formula import HasilRumus, ada_kali_seratus, adalah_nama_persen, masih_terbuka, pahami
from kinerja.dokumen.kolom import Peran
from kinerja.dokumen.markup import ada_penanda_daftar, bersihkan, tanpa_penanda_daftar

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
    r"^\W*(?:jumlah|jml|total|banyaknya|target|realisasi|nilai|rata|pembilang|rumus|σ|∑|\\frac|\$)|^\s*\(",
    re.IGNORECASE,
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
    baris: int | None = None  # the block it starts in, for warnings

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
    # A formula that only repeats the name waits for nothing either.
    tertutup = (rumus is not None and rumus.mengulang_nama) or (
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


# --- two indicators written in one cell ---------------------------------------------------------


def pisah_nama(potongan: list[str]) -> list[str]:
    """The indicator names in one cell: more than one when its lines are list items ("1. …",
    "- …") or each starts like an indicator name ("Persentase …", "Jumlah …") where the line above
    does not run on. A cell of one name gives that one name; pieces from several rows are one
    wrapped name and are not split."""
    if len(potongan) != 1:
        return [" ".join(teks_sel(p) for p in potongan)] if potongan else []
    baris = [b.strip() for b in bersihkan(potongan[0], satu_baris=False).split("\n") if b.strip()]
    berpenanda = sum(1 for b in baris if ada_penanda_daftar(b))
    butir: list[str] = []
    for b in baris:
        isi = tanpa_penanda_daftar(b).strip()
        if berpenanda >= 2:
            baru = ada_penanda_daftar(b)
        else:
            baru = bool(
                butir
                and isi[:1].isupper()
                and _AWAL_INDIKATOR.match(isi)
                and butir[-1].split()[-1].lower() not in _KATA_SAMBUNG
            )
        if baru or not butir:
            butir.append(isi)
        else:
            butir[-1] = f"{butir[-1]} {isi}"
    butir = [b.strip(" .;") for b in butir if b.strip(" .;")]
    if len(butir) < 2 or any(len(b.split()) < 2 for b in butir):
        return [teks_sel(potongan[0])]
    return butir


def pisah_rumus(potongan: list[str], jumlah: int) -> list[str] | None:
    """The formula cell split into ``jumlah`` formulas, one per indicator named in the same cell:
    by list markers, by "× 100%" closing each, or one per line when every line divides; None when
    it does not split that way."""
    baris = [b.strip() for p in potongan for b in bersihkan(p, satu_baris=False).split("\n") if b.strip()]
    if not baris:
        return None
    berpenanda = [k for k, b in enumerate(baris) if ada_penanda_daftar(b)]
    if len(berpenanda) == jumlah and berpenanda[0] == 0:
        batas = [*berpenanda, len(baris)]
        return ["\n".join(tanpa_penanda_daftar(b) for b in baris[a:z]) for a, z in zip(batas, batas[1:])]
    akhir = [k for k, b in enumerate(baris) if ada_kali_seratus(b)]
    if len(akhir) == jumlah and akhir[-1] == len(baris) - 1:
        batas = [-1, *akhir]
        return ["\n".join(baris[a + 1 : z + 1]) for a, z in zip(batas, batas[1:])]
    if len(baris) == jumlah and all(re.search(r"\s[/÷:]\s|\bdi\s?bagi\b", b, re.IGNORECASE) for b in baris):
        return baris
    return None
