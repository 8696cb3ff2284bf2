"""Matching questionnaire column headers to unsur codes and respondent-profile fields.

Headers are compared after :func:`normalkan` (case, accents, punctuation and spacing ignored) and
after dropping a leading numbering ("1. Persyaratan", "U1 - Persyaratan"). A header matches

1. *strongly* when it is a bare code ("U3", "u 3", "Unsur 3": the canonical code of the regulation,
   not the questionnaire's own numbering) or equals one of the aliases of an unsur or profile field;
2. *weakly* when it contains every word of one keyword set of exactly one unsur (or, failing that,
   of exactly one profile field), which lets whole-question headers from Google Forms match.

A strong match beats a weak one for the same unsur; two equally strong columns for one unsur are
reported in :attr:`PemetaanKolom.ganda` because guessing which one is right would silently
change the index.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from kinerja.ikm.regulasi import Regulasi


@dataclass(frozen=True)
class KolomProfil:
    """An optional respondent-profile column (not part of the index)."""

    kunci: str
    nama: str
    alias: tuple[str, ...]
    kata_kunci: tuple[tuple[str, ...], ...]


KOLOM_PROFIL: tuple[KolomProfil, ...] = (
    KolomProfil(
        "jenis_kelamin",
        "Jenis Kelamin",
        alias=("jenis kelamin", "kelamin", "jk", "l p", "gender"),
        kata_kunci=(("kelamin",),),
    ),
    KolomProfil("umur", "Umur", alias=("umur", "usia", "umur tahun", "usia tahun"), kata_kunci=(("umur",), ("usia",))),
    KolomProfil(
        "pendidikan",
        "Pendidikan",
        alias=("pendidikan", "pendidikan terakhir", "tingkat pendidikan"),
        kata_kunci=(("pendidikan",),),
    ),
    KolomProfil(
        "pekerjaan",
        "Pekerjaan",
        alias=("pekerjaan", "pekerjaan utama", "profesi"),
        kata_kunci=(("pekerjaan",),),
    ),
    KolomProfil(
        "jenis_layanan",
        "Jenis Layanan",
        alias=("jenis layanan", "jenis pelayanan", "layanan", "pelayanan", "layanan yang diterima"),
        kata_kunci=(("jenis", "layanan"), ("jenis", "pelayanan")),
    ),
)

KUNCI_PROFIL: frozenset[str] = frozenset(p.kunci for p in KOLOM_PROFIL)

_BUKAN_HURUF_ANGKA = re.compile(r"[^a-z0-9]+")
_KODE_SAJA = re.compile(r"^(?:unsur|u)\s*(\d+)$")
_NOMOR_DEPAN = re.compile(r"^(?:unsur\s*|u\s*)?\d+\s+(?=[a-z])")


def normalkan(teks: object) -> str:
    """``"1. Sistem, Mekanisme & Prosedur "`` → ``"1 sistem mekanisme prosedur"``."""
    if teks is None:
        return ""
    tanpa_aksen = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode()
    return _BUKAN_HURUF_ANGKA.sub(" ", tanpa_aksen.casefold()).strip()


@dataclass(frozen=True)
class _Cocok:
    kunci: str  # an unsur code or a profile key
    kuat: bool


def _cocokkan_satu(judul: object, regulasi: Regulasi) -> _Cocok | None:
    teks = normalkan(judul)
    if not teks:
        return None
    kode = _KODE_SAJA.match(teks)
    if kode:
        unsur = regulasi.cari_unsur(f"U{int(kode.group(1))}")
        return _Cocok(unsur.kode, True) if unsur else None
    teks = _NOMOR_DEPAN.sub("", teks)
    unsur = [(u.kode, u.alias, u.kata_kunci) for u in regulasi.unsur]
    profil = [(p.kunci, p.alias, p.kata_kunci) for p in KOLOM_PROFIL]
    for kunci, alias, _ in (*unsur, *profil):
        if teks in alias:
            return _Cocok(kunci, True)
    kata = set(teks.split())
    # Unsur first: "kesesuaian persyaratan pelayanan dengan jenis pelayanan" is U1, not jenis layanan.
    for kelompok in (unsur, profil):
        calon = [kunci for kunci, _, kata_kunci in kelompok if any(kata.issuperset(k) for k in kata_kunci)]
        if len(calon) == 1:
            return _Cocok(calon[0], False)
        if calon:
            return None  # ambiguous: better reported as unknown than guessed
    return None


@dataclass
class PemetaanKolom:
    """Which column (0-based index) holds which unsur or profile field."""

    unsur: dict[int, str] = field(default_factory=dict)
    profil: dict[int, str] = field(default_factory=dict)
    tidak_dikenal: list[int] = field(default_factory=list)
    ganda: list[str] = field(default_factory=list)  # messages: one unsur claimed by several columns

    def kode_hilang(self, regulasi: Regulasi) -> list[str]:
        ada = set(self.unsur.values())
        return [k for k in regulasi.kode_unsur if k not in ada]


def petakan_kolom(judul: Sequence[object], regulasi: Regulasi) -> PemetaanKolom:
    """Map a header row to unsur codes and profile keys; empty header cells are skipped."""
    pemetaan = PemetaanKolom()
    calon: dict[str, list[tuple[int, bool]]] = {}
    for indeks, isi in enumerate(judul):
        if not normalkan(isi):
            continue
        cocok = _cocokkan_satu(isi, regulasi)
        if cocok is None:
            pemetaan.tidak_dikenal.append(indeks)
        else:
            calon.setdefault(cocok.kunci, []).append((indeks, cocok.kuat))

    for kunci, kolom in calon.items():
        kuat = [i for i, k in kolom if k]
        terpilih = kuat or [i for i, _ in kolom]
        adalah_unsur = kunci not in KUNCI_PROFIL
        if len(terpilih) > 1 and adalah_unsur:
            nama = ", ".join(f"'{judul[i]}'" for i in terpilih)
            unsur = regulasi.cari_unsur(kunci)
            pemetaan.ganda.append(f"Beberapa kolom cocok dengan unsur {unsur.label}: {nama}")
            continue
        tujuan = pemetaan.unsur if adalah_unsur else pemetaan.profil
        tujuan[terpilih[0]] = kunci
        pemetaan.tidak_dikenal.extend(i for i, _ in kolom if i != terpilih[0])
    pemetaan.tidak_dikenal.sort()
    return pemetaan
