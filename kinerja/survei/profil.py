"""Counting respondents by profile (jenis kelamin, umur, pendidikan, pekerjaan, jenis layanan).

Pure Python: the report tables and the web page both read :func:`hitung_profil`.
Questionnaires write the same answer many ways ("L", "Laki-laki", "laki laki"); values are grouped
ignoring case and spacing, and the two sexes and plain ages are put into the usual report groups.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kinerja.ikm import KOLOM_PROFIL

TIDAK_DIISI = "Tidak diisi"

_LAKI = {"l", "lk", "laki", "laki laki", "pria"}
_PEREMPUAN = {"p", "pr", "perempuan", "wanita"}
_ANGKA_UMUR = re.compile(r"^(\d{1,3})(?:[.,]0+)?(?:\s*(?:th|thn|tahun))?$")
_KELOMPOK_UMUR = ((20, "≤ 20 tahun"), (30, "21–30 tahun"), (40, "31–40 tahun"), (50, "41–50 tahun"))
_UMUR_TERTUA = "> 50 tahun"


@dataclass(frozen=True)
class Kelompok:
    label: str
    jumlah: int
    persen: float  # share of all respondents, 0–100


def hitung_profil(responden: Iterable[Mapping[str, object]]) -> dict[str, list[Kelompok]]:
    """Per profile field (by its display name, e.g. "Jenis Kelamin"): the groups with their counts.

    Groups are listed largest first (ages in age order), "Tidak diisi" last; a field nobody
    filled in is left out altogether.
    """
    semua = list(responden)
    hasil = {}
    for kolom in KOLOM_PROFIL:
        jumlah: dict[str, int] = {}
        tampil: dict[str, str] = {}
        for satu in semua:
            label = _label(kolom.kunci, satu.get(kolom.kunci))
            kunci = label.casefold()
            tampil.setdefault(kunci, label)
            jumlah[kunci] = jumlah.get(kunci, 0) + 1
        if set(jumlah) <= {TIDAK_DIISI.casefold()}:
            continue
        urutan = _urutan_umur if kolom.kunci == "umur" else (lambda kunci: -jumlah[kunci])
        kunci_terurut = sorted(jumlah, key=lambda k: (k == TIDAK_DIISI.casefold(), urutan(k), k))
        hasil[kolom.nama] = [Kelompok(tampil[k], jumlah[k], 100 * jumlah[k] / len(semua)) for k in kunci_terurut]
    return hasil


def _label(kunci: str, nilai: object) -> str:
    teks = " ".join(str(nilai or "").split())
    if not teks:
        return TIDAK_DIISI
    if kunci == "jenis_kelamin":
        sederhana = " ".join(teks.casefold().replace("-", " ").split())
        if sederhana in _LAKI:
            return "Laki-laki"
        if sederhana in _PEREMPUAN:
            return "Perempuan"
    if kunci == "umur":
        angka = _ANGKA_UMUR.match(teks.casefold())
        if angka:
            umur = int(angka.group(1))
            return next((label for batas, label in _KELOMPOK_UMUR if umur <= batas), _UMUR_TERTUA)
    return teks


def _urutan_umur(kunci: str) -> int:
    """Age groups in age order; free-text ages ("21-30") after them."""
    label = [label.casefold() for _, label in _KELOMPOK_UMUR] + [_UMUR_TERTUA.casefold()]
    return label.index(kunci) if kunci in label else len(label)
