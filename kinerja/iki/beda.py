"""What changed between two IKI documents: pure Python over two interchange dicts (no Django).

Each side is what ``kinerja.iki.layanan.isi_beda`` gives: the interchange export
(kinerja.iki.interchange.ekspor) whose indicators also carry ``target`` {periode: [lo, hi]} and,
when the model has one, ``identitas`` (the indicator's identity across revisions and years).

Rows are paired in three passes: the same identity, then the same name (spaces and case aside),
then, among what is left, the most similar names (rapidfuzz) above ``AMBANG_MIRIP``; a pair whose
names differ is reported as renamed. Indicators are paired within their (paired) jabatan, sasaran
within their jabatan, so an indicator moved to another sasaran of the same jabatan is not "new".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

AMBANG_MIRIP = 60.0
PERIODE_URUT = ("TAHUN", "TW1", "TW2", "TW3", "TW4")


def _kunci(teks) -> str:
    return " ".join(str(teks or "").lower().split())


def pasangkan(
    lama: Sequence, baru: Sequence, nama: Callable[[object], str], identitas: Callable[[object], str] | None = None
) -> tuple[list[tuple], list, list]:
    """Pair rows of two lists: (pairs (lama, baru) in the new order, removed, added)."""
    sisa_lama = list(range(len(lama)))
    pasangan: dict[int, int] = {}  # index in baru → index in lama

    def cocokkan(kunci: Callable[[object], str]):
        indeks = {}
        for i in sisa_lama:
            k = kunci(lama[i])
            if k:
                indeks.setdefault(k, i)
        for j in range(len(baru)):
            if j in pasangan:
                continue
            k = kunci(baru[j])
            if k and k in indeks:
                i = indeks.pop(k)
                pasangan[j] = i
                sisa_lama.remove(i)

    if identitas is not None:
        cocokkan(identitas)
    cocokkan(lambda baris: _kunci(nama(baris)))
    calon = sorted(
        (
            (fuzz.token_sort_ratio(_kunci(nama(lama[i])), _kunci(nama(baru[j]))), -j, -i, j, i)
            for j in range(len(baru))
            if j not in pasangan
            for i in sisa_lama
        ),
        reverse=True,
    )
    for skor, _, _, j, i in calon:
        if skor < AMBANG_MIRIP:
            break
        if j in pasangan or i not in sisa_lama:
            continue
        pasangan[j] = i
        sisa_lama.remove(i)
    pairs = [(lama[pasangan[j]], baru[j]) for j in range(len(baru)) if j in pasangan]
    added = [baru[j] for j in range(len(baru)) if j not in pasangan]
    removed = [lama[i] for i in sorted(sisa_lama)]
    return pairs, removed, added


@dataclass
class Rumus:
    """A formula with its variables' labels, to be typeset as a fraction."""

    ekspresi: str
    label: dict[str, str]
    teks: str = ""


@dataclass
class BedaIndikator:
    jabatan: str
    nama: str
    nama_lama: str | None = None  # set when renamed
    rumus_lama: Rumus | None = None  # set both when the formula changed
    rumus_baru: Rumus | None = None
    target: list[tuple[str, list | None, list | None]] = field(default_factory=list)  # (periode, lama, baru)
    lain: list[tuple[str, str, str]] = field(default_factory=list)  # (what, lama, baru): satuan, polaritas

    @property
    def berubah(self) -> bool:
        return bool(self.nama_lama or self.rumus_baru or self.target or self.lain)


@dataclass
class BedaJabatan:
    nama: str
    nama_lama: str | None = None
    tugas_tambah: list[str] = field(default_factory=list)
    tugas_hapus: list[str] = field(default_factory=list)
    fungsi_tambah: list[str] = field(default_factory=list)
    fungsi_hapus: list[str] = field(default_factory=list)
    sasaran_tambah: list[str] = field(default_factory=list)
    sasaran_hapus: list[str] = field(default_factory=list)
    sasaran_ganti: list[tuple[str, str]] = field(default_factory=list)  # (lama, baru)

    @property
    def berubah(self) -> bool:
        return any(
            (
                self.nama_lama,
                self.tugas_tambah,
                self.tugas_hapus,
                self.fungsi_tambah,
                self.fungsi_hapus,
                self.sasaran_tambah,
                self.sasaran_hapus,
                self.sasaran_ganti,
            )
        )


@dataclass
class Beda:
    jabatan_tambah: list[str] = field(default_factory=list)
    jabatan_hapus: list[str] = field(default_factory=list)
    jabatan: list[BedaJabatan] = field(default_factory=list)  # paired jabatan that changed
    indikator_tambah: list[tuple[str, str]] = field(default_factory=list)  # (jabatan, nama)
    indikator_hapus: list[tuple[str, str]] = field(default_factory=list)
    indikator: list[BedaIndikator] = field(default_factory=list)  # paired indicators that changed
    sk: list[tuple[str, str, str]] = field(default_factory=list)  # (what, lama, baru)

    @property
    def kosong(self) -> bool:
        return not any(
            (
                self.jabatan_tambah,
                self.jabatan_hapus,
                self.jabatan,
                self.indikator_tambah,
                self.indikator_hapus,
                self.indikator,
            )
        )

    @property
    def rumus_berubah(self) -> list[BedaIndikator]:
        return [b for b in self.indikator if b.rumus_baru is not None]

    @property
    def target_berubah(self) -> list[BedaIndikator]:
        return [b for b in self.indikator if b.target]


def _daftar_beda(lama: Sequence[str], baru: Sequence[str]) -> tuple[list[str], list[str]]:
    """(added, removed) items of two text lists, compared without regard to spacing and case."""
    kunci_lama, kunci_baru = {_kunci(t) for t in lama}, {_kunci(t) for t in baru}
    return [t for t in baru if _kunci(t) not in kunci_lama], [t for t in lama if _kunci(t) not in kunci_baru]


def _rumus(indikator: dict) -> Rumus:
    formula = indikator.get("formula") or {}
    return Rumus(
        ekspresi=formula.get("ekspresi") or "",
        label={v["kode"]: v.get("uraian") or v["kode"] for v in formula.get("variabel") or []},
        teks=formula.get("teks") or "",
    )


def _tanda_rumus(r: Rumus, indikator: dict) -> tuple:
    """What makes two formulas the same: the expression (spacing aside), the labels shown and how each
    variable is measured (aggregation, fixed value, constant)."""
    variabel = (indikator.get("formula") or {}).get("variabel") or []
    return (
        "".join(r.ekspresi.split()),
        tuple(
            sorted(
                (
                    v["kode"],
                    _kunci(v.get("uraian")),
                    v.get("agregasi"),
                    str(v.get("nilai_tetap")),
                    v.get("konstanta") or "",
                )
                for v in variabel
            )
        ),
    )


def _sama_target(a, b) -> bool:
    norm = [None if x is None else str(x) for x in (a or [None, None])]
    norm_b = [None if x is None else str(x) for x in (b or [None, None])]
    return norm == norm_b


def _beda_indikator(jabatan: str, lama: dict, baru: dict) -> BedaIndikator:
    hasil = BedaIndikator(jabatan=jabatan, nama=baru["nama"])
    if _kunci(lama["nama"]) != _kunci(baru["nama"]):
        hasil.nama_lama = lama["nama"]
    r_lama, r_baru = _rumus(lama), _rumus(baru)
    if _tanda_rumus(r_lama, lama) != _tanda_rumus(r_baru, baru):
        hasil.rumus_lama, hasil.rumus_baru = r_lama, r_baru
    t_lama, t_baru = lama.get("target") or {}, baru.get("target") or {}
    for periode in sorted(set(t_lama) | set(t_baru), key=lambda p: (PERIODE_URUT + (p,)).index(p)):
        if not _sama_target(t_lama.get(periode), t_baru.get(periode)):
            hasil.target.append((periode, t_lama.get(periode), t_baru.get(periode)))
    for kunci, judul in (("satuan", "Satuan"), ("polaritas", "Polaritas")):
        if _kunci(lama.get(kunci)) != _kunci(baru.get(kunci)):
            hasil.lain.append((judul, lama.get(kunci) or "", baru.get(kunci) or ""))
    return hasil


def _indikator_jabatan(jabatan: dict) -> list[dict]:
    return [i for s in jabatan.get("sasaran") or [] for i in s.get("indikator") or []]


def bandingkan(lama: dict, baru: dict) -> Beda:
    """Everything that differs from ``lama`` (e.g. the revision in force) to ``baru``."""
    hasil = Beda()
    pasangan, hapus, tambah = pasangkan(lama.get("jabatan") or [], baru.get("jabatan") or [], lambda j: j["nama"])
    hasil.jabatan_tambah = [j["nama"] for j in tambah]
    hasil.jabatan_hapus = [j["nama"] for j in hapus]
    for j in hapus:
        hasil.indikator_hapus += [(j["nama"], i["nama"]) for i in _indikator_jabatan(j)]
    for j in tambah:
        hasil.indikator_tambah += [(j["nama"], i["nama"]) for i in _indikator_jabatan(j)]
    for j_lama, j_baru in pasangan:
        bj = BedaJabatan(nama=j_baru["nama"])
        if _kunci(j_lama["nama"]) != _kunci(j_baru["nama"]):
            bj.nama_lama = j_lama["nama"]
        bj.tugas_tambah, bj.tugas_hapus = _daftar_beda(j_lama.get("tugas") or [], j_baru.get("tugas") or [])
        bj.fungsi_tambah, bj.fungsi_hapus = _daftar_beda(j_lama.get("fungsi") or [], j_baru.get("fungsi") or [])
        s_pasangan, s_hapus, s_tambah = pasangkan(
            j_lama.get("sasaran") or [], j_baru.get("sasaran") or [], lambda s: s["uraian"]
        )
        bj.sasaran_tambah = [s["uraian"] for s in s_tambah]
        bj.sasaran_hapus = [s["uraian"] for s in s_hapus]
        bj.sasaran_ganti = [
            (a["uraian"], b["uraian"]) for a, b in s_pasangan if _kunci(a["uraian"]) != _kunci(b["uraian"])
        ]
        if bj.berubah:
            hasil.jabatan.append(bj)
        i_pasangan, i_hapus, i_tambah = pasangkan(
            _indikator_jabatan(j_lama),
            _indikator_jabatan(j_baru),
            lambda i: i["nama"],
            lambda i: str(i.get("identitas") or ""),
        )
        hasil.indikator_hapus += [(j_baru["nama"], i["nama"]) for i in i_hapus]
        hasil.indikator_tambah += [(j_baru["nama"], i["nama"]) for i in i_tambah]
        for i_lama, i_baru in i_pasangan:
            bi = _beda_indikator(j_baru["nama"], i_lama, i_baru)
            if bi.berubah:
                hasil.indikator.append(bi)
    sk_lama, sk_baru = lama.get("sk") or {}, baru.get("sk") or {}
    for kunci, judul in (
        ("nomor", "Nomor SK"),
        ("tanggal", "Tanggal SK"),
        ("tempat", "Tempat"),
        ("penandatangan", "Penandatangan"),
    ):
        if (sk_lama.get(kunci) or "") != (sk_baru.get(kunci) or ""):
            hasil.sk.append((judul, sk_lama.get(kunci) or "", sk_baru.get(kunci) or ""))
    return hasil
