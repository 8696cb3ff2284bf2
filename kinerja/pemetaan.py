"""Which existing jabatan a jabatan named in an imported document is: names normalised and scored.

Pure Python (no Django): the importer, the CLI's mapping file and the browser's review page all
call :func:`cocokkan`, so one rule decides what "the same jabatan" means.

A name is normalised before it is compared: case and punctuation ignored, the office's name at the
end dropped ("Sekretaris Kecamatan Banyuates" → "sekretaris kecamatan", "Kepala Seksi Pemerintahan
Kecamatan Banyuates" → "kepala seksi pemerintahan"), the usual abbreviations written out (Sekcam,
Kasi, Kasubag, Trantib, Kesos, PMD, …), a unit named without its head ("Sub Bagian Keuangan")
read as its head ("kepala sub bagian keuangan"), and small words ("dan", "serta") left out. Two
names of different kinds of post (a Kepala Seksi and a Kepala Sub Bagian) never match well; two
of the same kind are scored on what follows the kind, with rapidfuzz.

Thresholds: :data:`YAKIN` (a match the import applies without asking) and :data:`MUNGKIN` (below
it, the instansi has no jabatan like this one at all).
"""

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

# A match the import applies without asking the user.
YAKIN = 0.90
# Below this, no existing jabatan resembles the document's: it is a new jabatan.
MUNGKIN = 0.60

# Whole-word abbreviations and spelling variants → the canonical words (applied left to right on
# normalised text, so later rules see the expansions of earlier ones).
_SINGKATAN: list[tuple[str, str]] = [
    (r"\bsekcam\b", "sekretaris kecamatan"),
    (r"\bsekretaris camat\b", "sekretaris kecamatan"),
    (r"\bsekkel\b", "sekretaris kelurahan"),
    (r"\bkasi[e]?\b", "kepala seksi"),
    (r"\bkasubb?ag(?:ian)?\b", "kepala sub bagian"),
    (r"\bkabag\b", "kepala bagian"),
    (r"\bsub ?bb?ag(?:ian)?\b", "sub bagian"),
    (r"\bkec\b", "kecamatan"),
    (r"\bkel\b", "kelurahan"),
    (r"\bkab\b", "kabupaten"),
    (r"\btrantib(?:um)?\b", "ketentraman ketertiban umum"),
    (r"\bketenteraman\b", "ketentraman"),
    (r"\bketentraman (?:dan )?ketertiban(?! umum)\b", "ketentraman ketertiban umum"),
    (r"\bkesos\b", "kesejahteraan sosial"),
    (r"\bkesra\b", "kesejahteraan rakyat"),
    (r"\bpmd\b", "pemberdayaan masyarakat desa"),
    (r"\bpem\b", "pemerintahan"),
    (r"\byanum\b", "pelayanan umum"),
    (r"\bpelum\b", "pelayanan umum"),
    (r"\bumpeg\b", "umum kepegawaian"),
    (r"\bkeu\b", "keuangan"),
    (r"\bprogram\b", "perencanaan"),
]
_SINGKATAN_RE = [(re.compile(pola), ganti) for pola, ganti in _SINGKATAN]
_KATA_KECIL = frozenset({"dan", "serta", "&", "atau", "pada", "di"})

# Kinds of post, longest first: the part of a name that must agree for two names to be one jabatan.
_JENIS = (
    "sekretaris kecamatan",
    "sekretaris kelurahan",
    "kepala sub bagian",
    "kepala bagian",
    "kepala seksi",
    "kepala bidang",
    "kepala kelurahan",
    "camat",
    "lurah",
)
# A unit named without its head: "Seksi Pemerintahan", "Sub Bagian Keuangan".
_UNIT_TANPA_KEPALA = re.compile(r"^(seksi|sub bagian|bagian|bidang) ")
# The office suffix a signature adds: "… Kecamatan Banyuates"; kept when it is the post itself.
_TETAP_DENGAN_KANTOR = frozenset({"sekretaris kecamatan", "sekretaris kelurahan", "kepala kelurahan"})


def _dasar(teks: str) -> str:
    """Casefolded words without accents or punctuation, single-spaced."""
    teks = unicodedata.normalize("NFKD", teks)
    teks = "".join(c for c in teks if not unicodedata.combining(c)).casefold()
    teks = re.sub(r"[^\w&]+", " ", teks)
    return " ".join(teks.split())


def _tanpa_akhiran_kantor(teks: str, instansi: str, wilayah: str) -> str:
    for akhiran in (_dasar(instansi), _dasar(wilayah)):
        if akhiran and teks.endswith(" " + akhiran) and len(teks) > len(akhiran) + 1:
            sisa = teks[: -len(akhiran) - 1]
            # "Sekretaris Kecamatan Banyuates" without "Kecamatan Banyuates" would be "sekretaris".
            if akhiran == _dasar(instansi) and (sisa + " " + akhiran.split()[0]) in _TETAP_DENGAN_KANTOR:
                continue
            teks = sisa
            break
    for kantor in ("kecamatan", "kelurahan"):
        if teks.endswith(" " + kantor) and teks not in _TETAP_DENGAN_KANTOR:
            teks = teks[: -len(kantor) - 1]
    return teks


def normalisasi(nama: str, instansi: str = "", wilayah: str = "") -> str:
    """The comparable form of a jabatan's name (see the module docstring)."""
    teks = _dasar(nama)
    for pola, ganti in _SINGKATAN_RE:
        teks = pola.sub(ganti, teks)
    teks = _tanpa_akhiran_kantor(teks, instansi, wilayah)
    teks = " ".join(kata for kata in teks.split() if kata not in _KATA_KECIL)
    if _UNIT_TANPA_KEPALA.match(teks):
        teks = "kepala " + teks
    return teks


def _pisah_jenis(teks: str) -> tuple[str, str]:
    for jenis in _JENIS:
        if teks == jenis or teks.startswith(jenis + " "):
            return jenis, teks[len(jenis) :].strip()
    return "", teks


def skor(a: str, b: str) -> float:
    """How surely two normalised names are one jabatan, 0–1 (1: the same words)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    jenis_a, bidang_a = _pisah_jenis(a)
    jenis_b, bidang_b = _pisah_jenis(b)
    if jenis_a != jenis_b:
        # Different kinds of post: at most a weak resemblance, never a match to apply.
        return round(min(MUNGKIN - 0.01, fuzz.token_sort_ratio(a, b) / 100 * 0.5), 3)
    if not bidang_a or not bidang_b:
        return 1.0 if bidang_a == bidang_b else 0.5
    urut = fuzz.token_sort_ratio(bidang_a, bidang_b) / 100
    himpunan = fuzz.token_set_ratio(bidang_a, bidang_b) / 100
    # The set ratio forgives extra words ("Pelayanan Umum dan Informasi" ⊃ "Pelayanan Umum"), the
    # sorted ratio counts them: their mean keeps such a pair below YAKIN, for the user to confirm.
    return round(min(0.99, (urut + himpunan) / 2), 3)


@dataclass(frozen=True)
class Cocok:
    """The best existing jabatan for one name of the document (``id`` None: nothing resembles it)."""

    nama: str
    id: int | None
    nama_ada: str
    keyakinan: float

    @property
    def yakin(self) -> bool:
        return self.id is not None and self.keyakinan >= YAKIN


def cocokkan(nama_dokumen: list[str], ada: list[tuple[int, str]], instansi: str = "", wilayah: str = "") -> list[Cocok]:
    """For each name of the document, the existing jabatan ``(id, nama)`` it most likely is.

    One existing jabatan goes to one document name at most (the best-scoring pairs first); names of
    the document that normalise alike are one jabatan and get the same answer. A name whose best
    score is below :data:`MUNGKIN` gets ``id`` None.
    """
    norm_ada = [(id_, nama, normalisasi(nama, instansi, wilayah)) for id_, nama in ada]
    unik: dict[str, str] = {}
    for nama in nama_dokumen:
        unik.setdefault(normalisasi(nama, instansi, wilayah), nama)
    # Equal scores: the jabatan spelled exactly as the document first (an instansi may already hold
    # "Sekretaris Kecamatan" and "Sekretaris Kecamatan Banyuates" from an earlier import).
    pasangan = sorted(
        ((skor(n, na), n, id_, nama_ada) for n in unik for id_, nama_ada, na in norm_ada),
        key=lambda p: (-p[0], _dasar(p[3]) != _dasar(unik[p[1]])),
    )
    hasil: dict[str, tuple[int, str, float]] = {}
    terpakai: set[int] = set()
    for nilai, n, id_, nama_ada in pasangan:
        if nilai < MUNGKIN:
            break
        if n in hasil or id_ in terpakai:
            continue
        hasil[n] = (id_, nama_ada, nilai)
        terpakai.add(id_)
    keluar = []
    for nama in nama_dokumen:
        n = normalisasi(nama, instansi, wilayah)
        if n in hasil:
            id_, nama_ada, nilai = hasil[n]
            keluar.append(Cocok(nama, id_, nama_ada, nilai))
        else:
            keluar.append(Cocok(nama, None, "", 0.0))
    return keluar
