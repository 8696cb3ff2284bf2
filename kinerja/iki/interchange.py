"""The IKI interchange JSON (DESIGN.md §7) and the catalogue: validate, import, export.

``validasi_json(data)`` lists what is wrong with a document, each problem prefixed with its JSON
path; ``saring_json(data)`` leaves the invalid pieces out instead, each named in a ``peringatan``,
and refuses only a document that is not IKI-shaped or keeps no valid indicator; ``impor(data,
instansi)`` turns a valid document into the instansi's draft DokumenIKI of the year in one
transaction; ``ekspor(dokumen)`` writes a DokumenIKI back in the same format, so that
importing an export into a fresh instansi reproduces the catalogue.

How an import lands in the catalogue:

* The year's latest revision is the target. None yet: revision 1 is created as a draft. A draft:
  it is updated in place. Ditetapkan: nothing is written, the user is told to make a revision.
* Jabatan are mapped, never duplicated: :mod:`kinerja.pemetaan` scores each name of the document
  against the instansi's jabatan (case, the office's name as suffix and the usual abbreviations
  ignored). A ``peta`` ({document name: jabatan id, "baru" or "lewati"}, from the CLI's ``--peta``
  file or the browser's review page) decides; without one (or for a name it does not list) the
  rule is :func:`keputusan_otomatis`: a match of at least ``pemetaan.YAKIN`` is used, a name that
  resembles no jabatan (below ``pemetaan.MUNGKIN``) is created as a new jabatan, and a name in
  between is left out of the import with a peringatan, so that nothing is created or merged
  without the user saying so. A new jabatan gets the document's tugas, fungsi, eselon and jenis;
  an existing one only gets tugas, fungsi and eselon filled in where it has none, because a
  jabatan outlives one year's document. The tugas and fungsi as the document decrees them are kept
  with the document (UraianJabatan), which is what the year's Dokumen IKI prints.
  ``atasan`` is set only when the document names one; otherwise it is left as it is. An atasan
  the reader guessed (``"atasan_tebakan": true``) never replaces one the jabatan already has.
* The head of the office, which documents rarely list (the Camat signs the decree instead): when a
  jabatan's atasan is "Camat <wilayah>" (or plain "Camat") or the SK signatory's title
  (``sk.jabatan_penandatangan``, e.g. "Camat Sampang", "Plt. Camat Sampang") and the instansi has
  no such jabatan, it is created (struktural, eselon III.a, no indicators). When the SK names its
  signatory with a valid NIP, that Pegawai is found by NIP or created (nama, and pangkat when
  recognised) and assigned to the head's jabatan from the SK date (else 1 January of the year),
  unless someone already holds it on that date. A signatory who signs for the head ("a.n. Camat")
  is not assigned. The SK keeps its signatory's name, pangkat, NIP and title as the document gives
  them (what the year's Dokumen IKI prints); a name the document lost is taken from the Pegawai
  of the SK's NIP, with a peringatan.
* For every jabatan the document mentions, the draft's tujuan, sasaran, indicators and variables
  become those of the document: sasaran are matched by uraian, indicators by nama (the k-th
  occurrence of a repeated text matches the k-th), variables by kode; matched rows are updated
  (keeping their id, targets and cascading links), the others are created, and rows of that
  jabatan the document no longer has are deleted — refused if a variable already has realisation
  values. Jabatan the document does not mention keep their rows, so one year may be imported from
  several files that each cover some jabatan. Importing the same file twice changes nothing.
* Constants: a variable is linked to a Konstanta of the instansi and year (instead of keeping a
  fixed value of its own) when (1) it names one in ``"konstanta"`` (what ``ekspor`` writes; the
  Konstanta is created from ``nilai_tetap`` or the top-level ``"konstanta"`` list when missing;
  ``"konstanta": null`` means no link), or, without that key, (2) its kode is the kode of an
  existing Konstanta of that instansi and year, or (3) its kode is a known way of writing a known
  constant (:data:`KONSTANTA_DIKENAL`: ``desa``/``jumlah_desa`` → ``jumlah_desa``, ``hari_kerja``
  → ``hari_kerja_efektif``); in case (3) a missing Konstanta is created from the variable's
  ``nilai_tetap``. An existing Konstanta is never changed by an import: when the document's number
  differs, the Konstanta's value is used and a peringatan says so.
* Keys beyond §7 that ``ekspor`` writes so that nothing is lost on the way back, all optional:
  jabatan ``eselon``, ``jenis``, ``atasan``, ``tujuan_rinci`` (each tujuan with its own
  indicators, when there is more than one); indicator ``periode_pelaporan``,
  ``penanggung_jawab`` (a jabatan name), ``induk`` (``[{"jabatan", "indikator"}]``, the superior's
  indicators it supports, by name within the same document); variable ``satuan``, ``agregasi``,
  ``konstanta``; top-level ``konstanta`` (``[{"kode", "nama", "nilai"}]``); ``sk`` ``pangkat`` and
  ``nip`` of the signatory (as :mod:`kinerja.dokumen` writes them), ``menimbang``, ``mengingat``;
  and, written for the reader's information only, top-level ``revisi`` and ``status``. A key that is
  absent leaves an existing row's value as it is (a new row gets the model's default); for the §7
  keys ``null`` means empty.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import F, Prefetch

from kinerja import kepegawaian, pemetaan, rumus
from kinerja.akun.lingkup import boleh_kelola_katalog
from kinerja.audit.models import catat
from kinerja.dokumen.atasan import nama_kepala
from kinerja.format import format_angka, format_tanggal
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Penugasan
from kinerja.pengukuran import AGREGASI

from .models import (
    DokumenIKI,
    Indikator,
    IndikatorTujuan,
    Konstanta,
    Sasaran,
    Tujuan,
    UraianJabatan,
    Variabel,
    kode_validator,
)

FORMAT = "kinerja-iki/1"

# kode of the Konstanta → (its name, the variable codes documents use for it).
KONSTANTA_DIKENAL: dict[str, tuple[str, frozenset[str]]] = {
    "jumlah_desa": ("Jumlah desa", frozenset({"desa", "jumlah_desa", "desa_kelurahan", "jumlah_desa_kelurahan"})),
    "hari_kerja_efektif": (
        "Hari kerja efektif setahun",
        frozenset({"hari_kerja", "hari_kerja_efektif", "jumlah_hari_kerja", "jumlah_hari_kerja_efektif"}),
    ),
}
_KODE_KONSTANTA_DIKENAL = {alias: kode for kode, (_, alias_set) in KONSTANTA_DIKENAL.items() for alias in alias_set}

# The model's limits, checked before anything is written so that the message names the JSON path.
_PANJANG = {
    "jabatan.nama": Jabatan._meta.get_field("nama").max_length,
    "jabatan.eselon": Jabatan._meta.get_field("eselon").max_length,
    "indikator.satuan": Indikator._meta.get_field("satuan").max_length,
    "indikator.sumber_data": Indikator._meta.get_field("sumber_data").max_length,
    "variabel.kode": Variabel._meta.get_field("kode").max_length,
    "variabel.satuan": Variabel._meta.get_field("satuan").max_length,
    "konstanta.nama": Konstanta._meta.get_field("nama").max_length,
    "sk.nomor": DokumenIKI._meta.get_field("sk_nomor").max_length,
    "sk.penandatangan": DokumenIKI._meta.get_field("sk_penandatangan").max_length,
    "sk.pangkat": DokumenIKI._meta.get_field("sk_penandatangan_pangkat").max_length,
    "sk.nip": DokumenIKI._meta.get_field("sk_penandatangan_nip").max_length,
}
# What a mapping (``peta``) may say for a jabatan of the document besides an existing jabatan's id.
PETA_BARU = "baru"
PETA_LEWATI = "lewati"
FORMAT_PETA = "kinerja-peta/1"
# DecimalField(max_digits=20, decimal_places=6).
_NILAI_MAKS = Decimal(10) ** 14
_DESIMAL_MAKS = 6
_TAHUN_MIN, _TAHUN_MAKS = 2000, 2100
# The head's title over a signature: "CAMAT SAMPANG", "Plt. Camat Sampang" (not "a.n. Camat").
_JUDUL_KEPALA = re.compile(r"^\s*(?:(plt|plh)\b\.?\s*)?((?:camat|lurah)\b.*)$", re.IGNORECASE | re.DOTALL)


class ImporDitolak(Exception):
    """The import wrote nothing; ``masalah`` says why, in Indonesian."""

    def __init__(self, masalah: str | list[str]):
        self.masalah = [masalah] if isinstance(masalah, str) else list(masalah)
        super().__init__("; ".join(self.masalah))


@dataclass
class Hitungan:
    """What happened to the rows of one kind."""

    dibuat: int = 0
    diperbarui: int = 0
    tetap: int = 0
    dihapus: int = 0

    def tambah(self, status: str):
        setattr(self, status, getattr(self, status) + 1)

    def __str__(self):
        bagian = [f"{self.dibuat} dibuat", f"{self.diperbarui} diperbarui", f"{self.tetap} tetap"]
        if self.dihapus:
            bagian.append(f"{self.dihapus} dihapus")
        return ", ".join(bagian)


@dataclass
class HasilImpor:
    dokumen: DokumenIKI
    dokumen_baru: bool
    jabatan: Hitungan = field(default_factory=Hitungan)
    sasaran: Hitungan = field(default_factory=Hitungan)
    indikator: Hitungan = field(default_factory=Hitungan)
    variabel: Hitungan = field(default_factory=Hitungan)
    konstanta_dibuat: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    # The head of the office the document does not list, and the SK signatory holding it.
    kepala_dibuat: list[str] = field(default_factory=list)
    pegawai: Hitungan = field(default_factory=Hitungan)
    penugasan: Hitungan = field(default_factory=Hitungan)
    # Each jabatan of the document: {"dokumen", "jabatan" (the catalogue's name or None), "keputusan"}.
    pemetaan: list[dict] = field(default_factory=list)
    # Names of the document's jabatan left out of this import (the mapping said so, or was unsure).
    dilewati: list[str] = field(default_factory=list)

    def sebagai_dict(self) -> dict:
        return {
            jenis: vars(getattr(self, jenis)).copy()
            for jenis in ("jabatan", "sasaran", "indikator", "variabel", "pegawai", "penugasan")
        } | {
            "konstanta_dibuat": list(self.konstanta_dibuat),
            "kepala_dibuat": list(self.kepala_dibuat),
            "pemetaan": list(self.pemetaan),
            "dilewati": list(self.dilewati),
        }


# --- validation ------------------------------------------------------------------------------


def _jenis_nilai(nilai) -> str:
    if nilai is None:
        return "null"
    if isinstance(nilai, bool):
        return "true/false"
    if isinstance(nilai, str):
        return "teks"
    if isinstance(nilai, int | float):
        return "bilangan"
    if isinstance(nilai, list):
        return "daftar"
    if isinstance(nilai, dict):
        return "objek"
    return type(nilai).__name__


class _Pemeriksa:
    """Collects problems, each prefixed with its JSON path."""

    def __init__(self):
        self.masalah: list[str] = []

    def catat(self, path: str, pesan: str):
        self.masalah.append(f"{path}: {pesan}")

    def salah_jenis(self, path: str, harus: str, nilai):
        self.catat(path, f"harus berupa {harus}, bukan {_jenis_nilai(nilai)}")

    def objek(self, nilai, path: str, wajib: bool = False) -> dict | None:
        if nilai is None and not wajib:
            return None
        if not isinstance(nilai, dict):
            self.salah_jenis(path, "objek", nilai)
            return None
        return nilai

    def daftar(self, nilai, path: str) -> list:
        if nilai is None:
            return []
        if not isinstance(nilai, list):
            self.salah_jenis(path, "daftar", nilai)
            return []
        return nilai

    def teks(self, objek: dict, kunci: str, path: str, *, wajib: bool = False, panjang: int | None = None):
        nilai = objek.get(kunci)
        if nilai is None:
            if wajib:
                self.catat(f"{path}.{kunci}", "wajib diisi")
            return
        if not isinstance(nilai, str):
            self.salah_jenis(f"{path}.{kunci}", "teks", nilai)
        elif wajib and not nilai.strip():
            self.catat(f"{path}.{kunci}", "tidak boleh kosong")
        elif panjang is not None and len(nilai) > panjang:
            self.catat(f"{path}.{kunci}", f"terlalu panjang ({len(nilai)} karakter; paling banyak {panjang})")

    def daftar_teks(self, objek: dict, kunci: str, path: str):
        for i, item in enumerate(self.daftar(objek.get(kunci), f"{path}.{kunci}")):
            if not isinstance(item, str):
                self.salah_jenis(f"{path}.{kunci}[{i}]", "teks", item)

    def pilihan(self, objek: dict, kunci: str, path: str, pilihan):
        nilai = objek.get(kunci)
        if nilai is not None and nilai not in pilihan:
            self.catat(f"{path}.{kunci}", f"'{nilai}' tidak dikenal; pilih salah satu dari: {', '.join(pilihan)}")

    def kode(self, nilai, path: str) -> bool:
        if not isinstance(nilai, str):
            self.salah_jenis(path, "teks", nilai)
            return False
        if len(nilai) > _PANJANG["variabel.kode"] or not kode_validator.regex.fullmatch(nilai):
            self.catat(
                path,
                f"kode '{nilai}' tidak sah: huruf kecil, angka dan '_', diawali huruf, "
                f"paling banyak {_PANJANG['variabel.kode']} karakter",
            )
            return False
        return True

    def bilangan(self, nilai, path: str):
        if nilai is None:
            return
        if isinstance(nilai, bool) or not isinstance(nilai, int | float):
            self.salah_jenis(path, "bilangan", nilai)
            return
        angka = _ke_decimal(nilai)
        if angka is None or not abs(angka) < _NILAI_MAKS:
            self.catat(path, f"bilangan {nilai} di luar batas (kurang dari 10^14)")
        elif angka.as_tuple().exponent < -_DESIMAL_MAKS:
            self.catat(path, f"paling banyak {_DESIMAL_MAKS} angka di belakang koma")


def _ke_decimal(nilai: int | float) -> Decimal | None:
    try:
        angka = Decimal(str(nilai))
    except InvalidOperation:
        return None
    return angka if angka.is_finite() else None


def validasi_json(data) -> list[str]:
    """Everything wrong with an interchange document, in Indonesian with JSON paths; [] when valid.

    Unknown keys are ignored. Checked: the types of every known key, the model's length limits,
    required names, variable codes (syntax, duplicates), that each ``ekspresi`` parses and only
    uses the indicator's own variables, the year's range, and that dates are ISO dates.
    :func:`saring_json` uses the same checks to leave out the invalid pieces instead.
    """
    p = _Pemeriksa()
    if not _periksa_bentuk(p, data):
        return p.masalah
    _periksa_atas(p, data)
    _periksa_sk(p, data.get("sk"))
    for i, k in enumerate(p.daftar(data.get("konstanta"), "konstanta")):
        _periksa_konstanta(p, k, f"konstanta[{i}]")
    p.daftar_teks(data, "peringatan", "(dokumen)")
    for i, jabatan in enumerate(p.daftar(data["jabatan"], "jabatan")):
        _periksa_jabatan(p, jabatan, f"jabatan[{i}]")
    return p.masalah


def _periksa_bentuk(p: _Pemeriksa, data) -> bool:
    """The top-level shape of an IKI document: an object of a known format with a list of jabatan.
    Without it nothing can be kept, so a document of another shape is refused whole."""
    if not isinstance(data, dict):
        p.salah_jenis("(dokumen)", "objek JSON", data)
        return False
    if data.get("format") is not None and data.get("format") != FORMAT:
        p.catat("format", f"'{data.get('format')}' tidak dikenal; yang dikenal '{FORMAT}'")
        return False
    if "jabatan" not in data or data["jabatan"] is None:
        p.catat("jabatan", "wajib ada (daftar jabatan dengan sasaran dan indikatornya)")
        return False
    if not isinstance(data["jabatan"], list):
        p.salah_jenis("jabatan", "daftar", data["jabatan"])
        return False
    if not data["jabatan"]:
        p.catat("jabatan", "kosong: dokumen tidak memuat satu jabatan pun")
        return False
    return True


def _periksa_atas(p: _Pemeriksa, data: dict, kunci: str | None = None):
    """The top-level keys other than sk, konstanta and jabatan (only ``kunci`` when given)."""
    if kunci in (None, "instansi"):
        p.teks(data, "instansi", "(dokumen)")
    if kunci in (None, "kabupaten"):
        p.teks(data, "kabupaten", "(dokumen)")
    tahun = data.get("tahun")
    if kunci in (None, "tahun") and tahun is not None:
        if isinstance(tahun, bool) or not isinstance(tahun, int):
            p.salah_jenis("tahun", "bilangan bulat", tahun)
        elif not _TAHUN_MIN <= tahun <= _TAHUN_MAKS:
            p.catat("tahun", f"{tahun} di luar rentang {_TAHUN_MIN}–{_TAHUN_MAKS}")


def _periksa_konstanta(p: _Pemeriksa, k, path: str):
    if p.objek(k, path, wajib=True) is not None:
        p.kode(k.get("kode"), f"{path}.kode")
        p.teks(k, "nama", path, panjang=_PANJANG["konstanta.nama"])
        if k.get("nilai") is None:
            p.catat(f"{path}.nilai", "wajib diisi")
        p.bilangan(k.get("nilai"), f"{path}.nilai")


_KUNCI_SK = ("nomor", "penandatangan", "pangkat", "nip", "jabatan_penandatangan", "tanggal", "menimbang", "mengingat")


def _periksa_sk(p: _Pemeriksa, sk, kunci: str | None = None):
    """The SK object (only its key ``kunci`` when given)."""
    if p.objek(sk, "sk") is None:
        return
    for k in ("nomor", "penandatangan", "pangkat", "nip"):
        if kunci in (None, k):
            p.teks(sk, k, "sk", panjang=_PANJANG[f"sk.{k}"])
    if kunci in (None, "jabatan_penandatangan"):
        p.teks(sk, "jabatan_penandatangan", "sk", panjang=_PANJANG["jabatan.nama"])
    tanggal = sk.get("tanggal")
    if kunci in (None, "tanggal"):
        if isinstance(tanggal, str):
            try:
                date.fromisoformat(tanggal)
            except ValueError:
                p.catat("sk.tanggal", f"'{tanggal}' bukan tanggal ISO (TTTT-BB-HH)")
        elif tanggal is not None:
            p.salah_jenis("sk.tanggal", "teks tanggal TTTT-BB-HH", tanggal)
    for k in ("menimbang", "mengingat"):
        if kunci in (None, k):
            p.daftar_teks(sk, k, "sk")


# Optional keys of a jabatan and of an indicator, each with its check; an invalid one is left out.
_KUNCI_JABATAN = {
    "eselon": lambda p, o, path: p.teks(o, "eselon", path, panjang=_PANJANG["jabatan.eselon"]),
    "jenis": lambda p, o, path: p.pilihan(o, "jenis", path, Jabatan.Jenis.values),
    "atasan": lambda p, o, path: p.teks(o, "atasan", path, panjang=_PANJANG["jabatan.nama"]),
    **{k: (lambda k: lambda p, o, path: p.daftar_teks(o, k, path))(k) for k in ("tugas", "fungsi", "tujuan")},
    "indikator_tujuan": lambda p, o, path: p.daftar_teks(o, "indikator_tujuan", path),
    "tujuan_rinci": lambda p, o, path: _periksa_tujuan_rinci(p, o, path),
}
_KUNCI_INDIKATOR = {
    "satuan": lambda p, o, path: p.teks(o, "satuan", path, panjang=_PANJANG["indikator.satuan"]),
    "polaritas": lambda p, o, path: p.pilihan(o, "polaritas", path, Indikator.Polaritas.values),
    "sumber_data": lambda p, o, path: p.teks(o, "sumber_data", path, panjang=_PANJANG["indikator.sumber_data"]),
    "catatan": lambda p, o, path: p.teks(o, "catatan", path),
    "penjelasan": lambda p, o, path: p.teks(o, "penjelasan", path),
    "periode_pelaporan": lambda p, o, path: p.pilihan(o, "periode_pelaporan", path, Indikator.PeriodePelaporan.values),
    "penanggung_jawab": lambda p, o, path: p.teks(o, "penanggung_jawab", path),
    "induk": lambda p, o, path: _periksa_induk(p, o, path),
}


def _periksa_tujuan_rinci(p: _Pemeriksa, jabatan: dict, path: str):
    for i, tujuan in enumerate(p.daftar(jabatan.get("tujuan_rinci"), f"{path}.tujuan_rinci")):
        path_tujuan = f"{path}.tujuan_rinci[{i}]"
        if p.objek(tujuan, path_tujuan, wajib=True) is not None:
            p.teks(tujuan, "uraian", path_tujuan, wajib=True)
            p.daftar_teks(tujuan, "indikator", path_tujuan)


def _periksa_induk(p: _Pemeriksa, indikator: dict, path: str):
    for i, ref in enumerate(p.daftar(indikator.get("induk"), f"{path}.induk")):
        _periksa_ref_induk(p, ref, f"{path}.induk[{i}]")


def _periksa_ref_induk(p: _Pemeriksa, ref, path: str):
    if p.objek(ref, path, wajib=True) is not None:
        p.teks(ref, "jabatan", path, wajib=True)
        p.teks(ref, "indikator", path, wajib=True)


def _periksa_jabatan(p: _Pemeriksa, jabatan, path: str):
    if p.objek(jabatan, path, wajib=True) is None:
        return
    p.teks(jabatan, "nama", path, wajib=True, panjang=_PANJANG["jabatan.nama"])
    for periksa in _KUNCI_JABATAN.values():
        periksa(p, jabatan, path)
    for i, sasaran in enumerate(p.daftar(jabatan.get("sasaran"), f"{path}.sasaran")):
        path_sasaran = f"{path}.sasaran[{i}]"
        if p.objek(sasaran, path_sasaran, wajib=True) is None:
            continue
        # A sasaran cell left empty in the document is kept (the reader warns about it).
        if not isinstance(sasaran.get("uraian"), str):
            p.salah_jenis(f"{path_sasaran}.uraian", "teks", sasaran.get("uraian"))
        for j, indikator in enumerate(p.daftar(sasaran.get("indikator"), f"{path_sasaran}.indikator")):
            _periksa_indikator(p, indikator, f"{path_sasaran}.indikator[{j}]")


def _periksa_indikator(p: _Pemeriksa, indikator, path: str):
    if p.objek(indikator, path, wajib=True) is None:
        return
    p.teks(indikator, "nama", path, wajib=True)
    for periksa in _KUNCI_INDIKATOR.values():
        periksa(p, indikator, path)
    formula = p.objek(indikator.get("formula"), f"{path}.formula")
    if formula is None:
        return
    path_formula = f"{path}.formula"
    p.teks(formula, "teks", path_formula)
    kode_terpakai: set[str] = set()
    for i, variabel in enumerate(p.daftar(formula.get("variabel"), f"{path_formula}.variabel")):
        _periksa_variabel(p, variabel, f"{path_formula}.variabel[{i}]", kode_terpakai)
    _periksa_ekspresi(p, formula, path_formula, kode_terpakai)


def _periksa_variabel(p: _Pemeriksa, variabel, path: str, kode_terpakai: set[str]):
    """One variable; its kode joins ``kode_terpakai`` when it is a valid, new one."""
    if p.objek(variabel, path, wajib=True) is None:
        return
    if "kode" not in variabel:
        p.catat(f"{path}.kode", "wajib diisi")
    elif p.kode(variabel["kode"], f"{path}.kode"):
        if variabel["kode"] in kode_terpakai:
            p.catat(f"{path}.kode", f"kode '{variabel['kode']}' dipakai lebih dari sekali")
        kode_terpakai.add(variabel["kode"])
    p.teks(variabel, "uraian", path, wajib=True)
    p.teks(variabel, "satuan", path, panjang=_PANJANG["variabel.satuan"])
    p.pilihan(variabel, "agregasi", path, list(AGREGASI))
    p.bilangan(variabel.get("nilai_tetap"), f"{path}.nilai_tetap")
    if variabel.get("konstanta") is not None:
        p.kode(variabel["konstanta"], f"{path}.konstanta")


def _periksa_ekspresi(p: _Pemeriksa, formula: dict, path_formula: str, kode: set[str]):
    ekspresi = formula.get("ekspresi")
    if ekspresi is None or (isinstance(ekspresi, str) and not ekspresi.strip()):
        return
    if not isinstance(ekspresi, str):
        p.salah_jenis(f"{path_formula}.ekspresi", "teks", ekspresi)
        return
    try:
        parsed = rumus.parse(ekspresi)
    except rumus.RumusError as exc:
        p.catat(f"{path_formula}.ekspresi", f"rumus tidak sah: {exc}")
        return
    belum = sorted(parsed.variables - kode)
    if belum:
        p.catat(f"{path_formula}.ekspresi", f"variabel belum didefinisikan: {', '.join(belum)}")


# --- leaving out what is invalid ------------------------------------------------------------------


def saring_json(data) -> dict:
    """A copy of the interchange document with every invalid piece left out, each named in a
    ``peringatan`` (its JSON path, and its place in the source document when the reader gave one).

    One bad row never costs the document: an indicator without a valid name, a sasaran or jabatan
    that is not an object, or a jabatan without a valid name is left out; an invalid optional key
    (satuan too long, unknown polaritas, a bad SK date, …) is dropped; an invalid variable is left
    out, and an ``ekspresi`` that no longer parses over the remaining variables is emptied (the
    formula's text stays). The result passes :func:`validasi_json`.

    Raises :class:`ImporDitolak` only when the top level is not an IKI document (not an object, an
    unknown format, no list of jabatan) or no valid indicator remains.
    """
    p = _Pemeriksa()
    if not _periksa_bentuk(p, data):
        raise ImporDitolak(p.masalah)
    penyaring = _Penyaring()
    hasil = penyaring.dokumen(data)
    if not any(s["indikator"] for j in hasil["jabatan"] for s in j.get("sasaran") or []):
        raise ImporDitolak(
            ["dokumen tidak memuat satu indikator pun yang sah; tidak ada yang dapat diimpor", *penyaring.peringatan]
        )
    hasil["peringatan"] = [*hasil["peringatan"], *penyaring.peringatan]
    return hasil


def _masalah(periksa) -> list[str]:
    """The problems ``periksa(pemeriksa)`` finds."""
    p = _Pemeriksa()
    periksa(p)
    return p.masalah


def _tempat(objek: dict) -> str:
    """ " (halaman 2, tabel 1, baris 4)": the place in the source document the reader recorded."""
    tempat = objek.get("tempat")
    if isinstance(tempat, str) and tempat.strip():
        return f" ({tempat.strip()[:80]})"
    baris = objek.get("baris")
    if isinstance(baris, int) and not isinstance(baris, bool) and baris > 0:
        return f" (baris {baris})"
    return ""


def _nama(objek: dict) -> str:
    nama = objek.get("nama")
    return f" '{' '.join(nama.split())[:60]}'" if isinstance(nama, str) and nama.strip() else ""


class _Penyaring:
    """Builds the filtered copy, noting in ``peringatan`` what it left out and why."""

    def __init__(self):
        self.peringatan: list[str] = []

    def _catat(self, path: str, tempat: str, apa: str, masalah: list[str]):
        sebab = "; ".join(m.removeprefix(f"{path}.").removeprefix(f"{path}: ") for m in masalah)
        self.peringatan.append(f"{path}{tempat}: {apa} ({sebab})")

    def _kunci_opsional(self, objek: dict, daftar_periksa: dict, path: str, tempat: str):
        for kunci, periksa in daftar_periksa.items():
            if kunci in objek and (masalah := _masalah(lambda p: periksa(p, objek, path))):
                del objek[kunci]
                self._catat(f"{path}.{kunci}", tempat, "tidak diimpor", masalah)

    def _saring_daftar(self, objek: dict, kunci: str, path: str, tempat: str, periksa):
        """A list key with its invalid items left out (a list of text for the jabatan's lists, where
        ``periksa`` only has to refuse what is not text)."""
        daftar = objek.get(kunci)
        if not isinstance(daftar, list):
            return
        tetap = []
        for i, item in enumerate(daftar):
            path_item = f"{path}.{kunci}[{i}]"
            if kunci == "induk":
                masalah = _masalah(lambda p: periksa(p, item, path_item))
            else:
                masalah = (
                    [] if isinstance(item, str) else [f"{path_item}: harus berupa teks, bukan {_jenis_nilai(item)}"]
                )
            if masalah:
                self._catat(path_item, tempat, "dilewati", masalah)
            else:
                tetap.append(item)
        objek[kunci] = tetap

    def dokumen(self, data: dict) -> dict:
        hasil = dict(data)
        for kunci in ("instansi", "kabupaten", "tahun"):
            if masalah := _masalah(lambda p: _periksa_atas(p, hasil, kunci)):
                hasil[kunci] = None
                self._catat(kunci if kunci == "tahun" else f"(dokumen).{kunci}", "", "tidak diimpor", masalah)
        peringatan = data.get("peringatan")
        hasil["peringatan"] = [t for t in peringatan if isinstance(t, str)] if isinstance(peringatan, list) else []
        if masalah := _masalah(lambda p: p.objek(data.get("sk"), "sk")):
            hasil["sk"] = None
            self._catat("sk", "", "tidak diimpor", masalah)
        elif isinstance(data.get("sk"), dict):
            hasil["sk"] = dict(data["sk"])
            for kunci in _KUNCI_SK:
                if masalah := _masalah(lambda p: _periksa_sk(p, hasil["sk"], kunci)):
                    hasil["sk"][kunci] = None
                    self._catat(f"sk.{kunci}", "", "tidak diimpor", masalah)
        if "konstanta" in data:
            hasil["konstanta"] = []
            for i, k in enumerate(data["konstanta"] if isinstance(data["konstanta"], list) else []):
                if masalah := _masalah(lambda p: _periksa_konstanta(p, k, f"konstanta[{i}]")):
                    self._catat(f"konstanta[{i}]", "", "konstanta dilewati", masalah)
                else:
                    hasil["konstanta"].append(k)
            if not isinstance(data["konstanta"], list) and data["konstanta"] is not None:
                self._catat(
                    "konstanta", "", "tidak diimpor", _masalah(lambda p: p.daftar(data["konstanta"], "konstanta"))
                )
        hasil["jabatan"] = [
            j for i, jabatan in enumerate(data["jabatan"]) if (j := self.jabatan(jabatan, f"jabatan[{i}]")) is not None
        ]
        return hasil

    def jabatan(self, jabatan, path: str) -> dict | None:
        if not isinstance(jabatan, dict):
            self._catat(path, "", "jabatan dilewati", _masalah(lambda p: p.objek(jabatan, path, wajib=True)))
            return None
        tempat = _tempat(jabatan)
        masalah = _masalah(lambda p: p.teks(jabatan, "nama", path, wajib=True, panjang=_PANJANG["jabatan.nama"]))
        if masalah:
            jumlah = sum(
                len(s.get("indikator") or []) if isinstance(s, dict) and isinstance(s.get("indikator"), list) else 0
                for s in (jabatan.get("sasaran") if isinstance(jabatan.get("sasaran"), list) else [])
            )
            self._catat(path, tempat, f"jabatan dilewati bersama {jumlah} indikatornya", masalah)
            return None
        hasil = dict(jabatan)
        for kunci in ("tugas", "fungsi", "tujuan", "indikator_tujuan"):
            self._saring_daftar(hasil, kunci, path, tempat, None)
        self._kunci_opsional(hasil, _KUNCI_JABATAN, path, tempat)
        sasaran = jabatan.get("sasaran")
        if sasaran is not None and not isinstance(sasaran, list):
            self._catat(f"{path}.sasaran", tempat, "tidak diimpor", _masalah(lambda p: p.daftar(sasaran, "sasaran")))
            sasaran = []
        hasil["sasaran"] = [
            s for i, item in enumerate(sasaran or []) if (s := self.sasaran(item, f"{path}.sasaran[{i}]")) is not None
        ]
        return hasil

    def sasaran(self, sasaran, path: str) -> dict | None:
        if not isinstance(sasaran, dict):
            self._catat(path, "", "sasaran dilewati", _masalah(lambda p: p.objek(sasaran, path, wajib=True)))
            return None
        hasil = dict(sasaran)
        if not isinstance(sasaran.get("uraian"), str):
            hasil["uraian"] = ""
            self._catat(
                f"{path}.uraian",
                "",
                "uraian sasaran dikosongkan",
                [f"harus berupa teks, bukan {_jenis_nilai(sasaran.get('uraian'))}"],
            )
        indikator = sasaran.get("indikator")
        if indikator is not None and not isinstance(indikator, list):
            self._catat(f"{path}.indikator", "", "tidak diimpor", _masalah(lambda p: p.daftar(indikator, "indikator")))
            indikator = []
        hasil["indikator"] = [
            x
            for j, item in enumerate(indikator or [])
            if (x := self.indikator(item, f"{path}.indikator[{j}]")) is not None
        ]
        return hasil

    def indikator(self, indikator, path: str) -> dict | None:
        if not isinstance(indikator, dict):
            self._catat(path, "", "indikator dilewati", _masalah(lambda p: p.objek(indikator, path, wajib=True)))
            return None
        tempat = _tempat(indikator)
        if masalah := _masalah(lambda p: p.teks(indikator, "nama", path, wajib=True)):
            self._catat(path, tempat, "indikator dilewati", masalah)
            return None
        hasil = dict(indikator)
        self._saring_daftar(hasil, "induk", path, tempat, _periksa_ref_induk)
        self._kunci_opsional(hasil, _KUNCI_INDIKATOR, path, tempat)
        path_formula = f"{path}.formula"
        if masalah := _masalah(lambda p: p.objek(indikator.get("formula"), path_formula)):
            del hasil["formula"]
            self._catat(path_formula, tempat, "rumus tidak diimpor", masalah)
            return hasil
        if not isinstance(indikator.get("formula"), dict):
            return hasil
        formula = hasil["formula"] = dict(indikator["formula"])
        if masalah := _masalah(lambda p: p.teks(formula, "teks", path_formula)):
            formula["teks"] = None
            self._catat(f"{path_formula}.teks", tempat, "teks rumus tidak diimpor", masalah)
        variabel = formula.get("variabel")
        if variabel is not None and not isinstance(variabel, list):
            self._catat(
                f"{path_formula}.variabel", tempat, "tidak diimpor", _masalah(lambda p: p.daftar(variabel, "variabel"))
            )
            variabel = []
        kode: set[str] = set()
        formula["variabel"] = []
        for i, v in enumerate(variabel or []):
            path_variabel = f"{path_formula}.variabel[{i}]"
            calon = set(kode)
            if masalah := _masalah(lambda p: _periksa_variabel(p, v, path_variabel, calon)):
                self._catat(path_variabel, tempat, f"variabel indikator{_nama(indikator)} dilewati", masalah)
            else:
                kode = calon
                formula["variabel"].append(v)
        if masalah := _masalah(lambda p: _periksa_ekspresi(p, formula, path_formula, kode)):
            formula["ekspresi"] = None
            self._catat(f"{path_formula}.ekspresi", tempat, f"rumus indikator{_nama(indikator)} dikosongkan", masalah)
        return hasil


# --- import ----------------------------------------------------------------------------------


def nama_jabatan_dokumen(data: dict) -> list[str]:
    """The jabatan names of an interchange document, each once, in the document's order."""
    nama: dict[str, str] = {}
    for entri in data.get("jabatan") or []:
        if isinstance(entri, dict) and isinstance(entri.get("nama"), str) and entri["nama"].strip():
            nama.setdefault(_kunci(entri["nama"]), " ".join(entri["nama"].split()))
    return list(nama.values())


def usulan_peta(data: dict, instansi: Instansi) -> list[pemetaan.Cocok]:
    """For each jabatan of the document, the instansi's existing jabatan it most likely is."""
    ada = list(Jabatan.objects.filter(instansi=instansi).order_by("urutan", "id").values_list("pk", "nama"))
    return pemetaan.cocokkan(nama_jabatan_dokumen(data), ada, instansi.nama, instansi.nama_wilayah)


def keputusan_otomatis(cocok: pemetaan.Cocok) -> int | str:
    """What an import without a mapping does with one jabatan of the document (module docstring):
    a sure match is used, a name like no existing jabatan becomes a new jabatan, and a name that
    only resembles one is left out for the user to decide."""
    if cocok.yakin:
        return cocok.id
    if cocok.id is None:
        return PETA_BARU
    return PETA_LEWATI


def buat_peta(data: dict, instansi: Instansi) -> dict:
    """The mapping file that ``kinerja import --dry-run --peta-keluar`` writes, to be checked and edited.

    Each jabatan's ``pilihan`` is prefilled with the suggestion (an existing jabatan's id, or
    "baru" when none resembles it); the user changes it to another id, "baru" or "lewati".
    """
    jabatan = {j.pk: j.nama for j in Jabatan.objects.filter(instansi=instansi).order_by("urutan", "id")}
    return {
        "format": FORMAT_PETA,
        "instansi": instansi.nama,
        "petunjuk": "Untuk setiap jabatan dokumen, 'pilihan' berisi ID jabatan yang sudah ada (lihat 'jabatan_ada'), "
        f"'{PETA_BARU}' untuk membuat jabatan baru, atau '{PETA_LEWATI}' agar jabatan itu tidak diimpor.",
        "jabatan": [
            {
                "dokumen": c.nama,
                "usulan": {"id": c.id, "nama": c.nama_ada, "keyakinan": c.keyakinan} if c.id is not None else None,
                "pilihan": c.id if c.id is not None else PETA_BARU,
            }
            for c in usulan_peta(data, instansi)
        ],
        "jabatan_ada": [{"id": pk, "nama": nama} for pk, nama in jabatan.items()],
    }


def baca_peta(peta, instansi: Instansi) -> dict[str, int | str]:
    """A mapping file (as :func:`buat_peta` writes it, perhaps edited) → {document name: choice}.

    Raises :class:`ImporDitolak` naming each bad entry; an id must be a jabatan of ``instansi``.
    """
    masalah = []
    if not isinstance(peta, dict) or not isinstance(peta.get("jabatan"), list):
        raise ImporDitolak("peta: harus berupa objek JSON dengan daftar 'jabatan' (tulis dengan --peta-keluar).")
    if peta.get("format") not in (None, FORMAT_PETA):
        masalah.append(f"peta.format: '{peta.get('format')}' tidak dikenal; yang dikenal '{FORMAT_PETA}'")
    ada = set(Jabatan.objects.filter(instansi=instansi).values_list("pk", flat=True))
    hasil: dict[str, int | str] = {}
    for i, item in enumerate(peta["jabatan"]):
        path = f"peta.jabatan[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("dokumen"), str) or not item["dokumen"].strip():
            masalah.append(f"{path}.dokumen: wajib berupa nama jabatan dalam dokumen")
            continue
        pilihan = item.get("pilihan")
        if pilihan in (PETA_BARU, PETA_LEWATI) or (
            isinstance(pilihan, int) and not isinstance(pilihan, bool) and pilihan in ada
        ):
            hasil[_kunci(item["dokumen"])] = pilihan
        elif isinstance(pilihan, int) and not isinstance(pilihan, bool):
            masalah.append(f"{path}.pilihan: jabatan ID {pilihan} tidak ada di {instansi.nama}")
        else:
            masalah.append(
                f"{path}.pilihan: '{pilihan}' tidak dikenal; isi ID jabatan, '{PETA_BARU}' atau '{PETA_LEWATI}'"
            )
    if masalah:
        raise ImporDitolak(masalah)
    return hasil


def impor(
    data: dict, instansi: Instansi, tahun: int | None = None, pengguna=None, peta: dict[str, int | str] | None = None
) -> HasilImpor:
    """Create or update the draft DokumenIKI of ``instansi`` for ``tahun`` (by default the document's
    year) from an interchange document, in one transaction with an audit record.

    ``peta`` maps a jabatan name of the document (any case and spacing) to an existing jabatan's id,
    :data:`PETA_BARU` or :data:`PETA_LEWATI`; a name it does not list, or every name without a
    ``peta``, gets :func:`keputusan_otomatis`.

    Raises :class:`ImporDitolak`, having written nothing, when the document is invalid, the year is
    unknown, the year's document is ditetapkan, or ``pengguna`` may not manage the catalogue.
    """
    data = saring_json(data)
    tahun = tahun if tahun is not None else data.get("tahun")
    if tahun is None:
        raise ImporDitolak("Tahun dokumen tidak diketahui: dokumen tidak menyebutnya, sebutkan tahunnya.")
    if not _TAHUN_MIN <= tahun <= _TAHUN_MAKS:
        raise ImporDitolak(f"Tahun {tahun} di luar rentang {_TAHUN_MIN}–{_TAHUN_MAKS}.")
    if pengguna is not None and not boleh_kelola_katalog(pengguna, instansi):
        raise ImporDitolak(f"Anda tidak berwenang mengelola katalog IKI {instansi.nama}.")
    with transaction.atomic():
        # One import per instansi at a time: two would both create revision 1, or fight over rows.
        instansi = Instansi.objects.select_for_update().select_related("pemda").get(pk=instansi.pk)
        return _Pengimpor(data, instansi, tahun, pengguna, peta).jalankan()


def _kunci(teks: str) -> str:
    """Names compare without regard to case and spacing."""
    return " ".join(teks.split()).casefold()


def _teks(nilai) -> str:
    return nilai if isinstance(nilai, str) else ""


def _simpan(obj, nilai_baru: dict) -> str:
    """Create ``obj`` or update the fields that differ: 'dibuat', 'diperbarui' or 'tetap'."""
    if obj.pk is None:
        for nama, nilai in nilai_baru.items():
            setattr(obj, nama, nilai)
        obj.save()
        return "dibuat"
    berubah = [nama for nama, nilai in nilai_baru.items() if getattr(obj, nama) != nilai]
    if not berubah:
        return "tetap"
    for nama in berubah:
        setattr(obj, nama, nilai_baru[nama])
    obj.save(update_fields=berubah)
    return "diperbarui"


class _Pasangan:
    """Existing rows by key, handed out in order: the k-th repeat of a text gets the k-th row."""

    def __init__(self, rows, kunci):
        self.sisa: dict[str, list] = defaultdict(list)
        for row in rows:
            self.sisa[kunci(row)].append(row)

    def ambil(self, kunci: str):
        antrean = self.sisa.get(kunci)
        return antrean.pop(0) if antrean else None

    def tak_terpakai(self) -> list:
        return [row for antrean in self.sisa.values() for row in antrean]


class _Pengimpor:
    def __init__(self, data: dict, instansi: Instansi, tahun: int, pengguna, peta: dict[str, int | str] | None = None):
        self.data, self.instansi, self.tahun, self.pengguna = data, instansi, tahun, pengguna
        self.peta = {_kunci(nama): pilihan for nama, pilihan in (peta or {}).items()}
        # The document's jabatan names → the catalogue's jabatan they were mapped to.
        self.dari_dokumen: dict[str, Jabatan] = {}
        self.peringatan: list[str] = list(data.get("peringatan") or [])
        self.konstanta = {k.kode: k for k in Konstanta.objects.filter(instansi=instansi, tahun=tahun)}
        self.konstanta_json = {k["kode"]: k for k in data.get("konstanta") or []}
        self.jabatan: dict[str, list[Jabatan]] = defaultdict(list)
        self.status_jabatan: dict[Jabatan, str] = {}
        self.status_indikator: dict[Indikator, str] = {}
        self.induk_json: list[tuple[Indikator, list[dict], str]] = []

    def jalankan(self) -> HasilImpor:
        dokumen, baru = self._dokumen()
        self.hasil = HasilImpor(dokumen=dokumen, dokumen_baru=baru)
        nama_dokumen = self.data.get("instansi")
        if nama_dokumen and _kunci(nama_dokumen) != _kunci(self.instansi.nama):
            self.peringatan.append(f"Dokumen menyebut '{nama_dokumen}', tetapi diimpor ke '{self.instansi.nama}'.")
        per_jabatan = self._jabatan()
        self._penandatangan(dokumen)
        for jabatan, entri in per_jabatan:
            self._uraian(dokumen, jabatan, entri)
            self._tujuan(dokumen, jabatan, entri)
            self._sasaran(dokumen, jabatan, entri)
        self._induk(dokumen)
        for status in self.status_jabatan.values():
            self.hasil.jabatan.tambah(status)
        for status in self.status_indikator.values():
            self.hasil.indikator.tambah(status)
        self.hasil.peringatan = self.peringatan
        h = self.hasil
        catat(
            self.pengguna,
            "impor",
            dokumen,
            ringkasan=f"Impor {dokumen}: {h.indikator.dibuat} indikator dibuat, "
            f"{h.indikator.diperbarui} diperbarui, {h.indikator.dihapus} dihapus"
            + "".join(f"; jabatan {nama} dibuat" for nama in h.kepala_dibuat)
            + (f"; {h.penugasan.dibuat} penugasan penandatangan dibuat" if h.penugasan.dibuat else "")
            + (f"; {len(h.dilewati)} jabatan tidak diimpor" if h.dilewati else ""),
            perubahan=h.sebagai_dict(),
        )
        return h

    # The document and its SK ----------------------------------------------------------------

    def _dokumen(self) -> tuple[DokumenIKI, bool]:
        terakhir = (
            DokumenIKI.objects.select_for_update()
            .filter(instansi=self.instansi, tahun=self.tahun)
            .order_by("-revisi")
            .first()
        )
        if terakhir is not None and terakhir.terkunci:
            raise ImporDitolak(
                f"Dokumen IKI {self.instansi.nama} tahun {self.tahun} (rev. {terakhir.revisi}) sudah ditetapkan "
                "dan tidak dapat diubah. Buat revisi baru lebih dahulu, lalu impor ke revisi itu."
            )
        dokumen = terakhir or DokumenIKI(instansi=self.instansi, tahun=self.tahun, revisi=1)
        nilai = self._nilai_sk()
        from .layanan import pemakai_nomor_sk

        if "sk_nomor" in nilai and (lain := pemakai_nomor_sk(dokumen, nilai["sk_nomor"])):
            # Each revision has its own SK: a nomor already used (e.g. by the revision in force) is not copied.
            del nilai["sk_nomor"]
            self.peringatan.append(
                f"Nomor SK {lain.sk_nomor} sudah dipakai IKI {lain.tahun} revisi {lain.revisi}; "
                "nomor SK draft ini tidak diubah — isi nomor SK baru saat menetapkan."
            )
        return dokumen, _simpan(dokumen, nilai) == "dibuat"

    def _nilai_sk(self) -> dict:
        """SK fields the document states; what it leaves out (null or absent) stays as it is."""
        sk = self.data.get("sk") or {}
        nilai = {}
        for kunci, kolom in (
            ("nomor", "sk_nomor"),
            ("penandatangan", "sk_penandatangan"),
            ("pangkat", "sk_penandatangan_pangkat"),
            ("nip", "sk_penandatangan_nip"),
            ("jabatan_penandatangan", "sk_penandatangan_jabatan"),
            ("menimbang", "menimbang"),
            ("mengingat", "mengingat"),
        ):
            if sk.get(kunci) is not None:
                nilai[kolom] = sk[kunci]
        if sk.get("tanggal") is not None:
            nilai["sk_tanggal"] = date.fromisoformat(sk["tanggal"])
        return nilai

    # Jabatan -----------------------------------------------------------------------------------

    def _jabatan(self) -> list[tuple[Jabatan, list[dict]]]:
        """Each jabatan of the document with its entries (a name listed twice is one jabatan)."""
        ada = list(Jabatan.objects.filter(instansi=self.instansi).order_by("urutan", "id"))
        for jabatan in ada:
            self.jabatan[_kunci(jabatan.nama)].append(jabatan)
        self.urutan_berikut = max((j.urutan for j in ada), default=-1) + 1
        per_id = {j.pk: j for j in ada}
        cocok = {
            _kunci(c.nama): c
            for c in pemetaan.cocokkan(
                nama_jabatan_dokumen(self.data),
                [(j.pk, j.nama) for j in ada],
                self.instansi.nama,
                self.instansi.nama_wilayah,
            )
        }
        entri_per_jabatan: dict[int, tuple[Jabatan, list[dict]]] = {}
        for entri in self.data["jabatan"]:
            kunci = _kunci(entri["nama"])
            if kunci in self.dari_dokumen:
                jabatan = self.dari_dokumen[kunci]
                entri_per_jabatan[jabatan.pk][1].append(entri)
                continue
            if kunci in [_kunci(n) for n in self.hasil.dilewati]:
                continue
            usulan = cocok[kunci]
            pilihan = self.peta.get(kunci, keputusan_otomatis(usulan))
            catatan = {"dokumen": entri["nama"].strip(), "keyakinan": usulan.keyakinan}
            if pilihan == PETA_LEWATI:
                self.hasil.dilewati.append(entri["nama"].strip())
                self.hasil.pemetaan.append(catatan | {"jabatan": None, "keputusan": PETA_LEWATI})
                saran = f" (mirip '{usulan.nama_ada}', keyakinan {format_angka(usulan.keyakinan * 100, 0)}%)"
                self.peringatan.append(
                    f"Jabatan '{entri['nama'].strip()}' tidak diimpor{saran if usulan.id else ''}: "
                    "tetapkan dalam peta (--peta) jabatan mana atau 'baru'."
                )
                continue
            jabatan = per_id.get(pilihan) if pilihan != PETA_BARU else None
            if pilihan == PETA_BARU and self._jabatan_bernama(entri["nama"]) is not None:
                raise ImporDitolak(
                    f"Jabatan '{entri['nama'].strip()}' dipilih sebagai jabatan baru, tetapi {self.instansi.nama} "
                    "sudah memiliki jabatan bernama itu; pilih jabatan itu dalam peta."
                )
            self.hasil.pemetaan.append(
                catatan
                | {"jabatan": jabatan.nama if jabatan else None, "keputusan": "dipetakan" if jabatan else "baru"}
            )
            if jabatan is None:
                jabatan = Jabatan(instansi=self.instansi, urutan=self.urutan_berikut)
                self.urutan_berikut += 1
                self.status_jabatan[jabatan] = _simpan(
                    jabatan,
                    {
                        "nama": entri["nama"].strip(),
                        "tugas": list(entri.get("tugas") or []),
                        "fungsi": list(entri.get("fungsi") or []),
                        "eselon": _teks(entri.get("eselon")),
                        **({"jenis": entri["jenis"]} if entri.get("jenis") else {}),
                    },
                )
                self.jabatan[_kunci(jabatan.nama)].append(jabatan)
            elif jabatan not in self.status_jabatan:
                self.status_jabatan[jabatan] = _simpan(jabatan, self._isi_yang_kosong(jabatan, entri))
            self.dari_dokumen[kunci] = jabatan
            entri_per_jabatan.setdefault(jabatan.pk, (jabatan, []))[1].append(entri)
        for jabatan, daftar_entri in entri_per_jabatan.values():
            entri = next((e for e in daftar_entri if e.get("atasan")), None)
            if entri is not None:
                self._atur_atasan(jabatan, entri["atasan"], tebakan=entri.get("atasan_tebakan") is True)
        return list(entri_per_jabatan.values())

    def _jabatan_bernama(self, nama: str) -> Jabatan | None:
        """The instansi's jabatan of that name; one spelled exactly so wins over one differing in case.

        Official documents sign with the office's name appended ("Kepala Seksi Pemerintahan
        Kecamatan Banyuates", "Camat Banyuates"): without an exact match, try the name without it.
        """
        if _kunci(nama) in self.dari_dokumen:
            return self.dari_dokumen[_kunci(nama)]
        calon = self.jabatan.get(_kunci(nama)) or self.jabatan.get(self._tanpa_nama_instansi(nama), [])
        return next((j for j in calon if j.nama == nama.strip()), calon[0] if calon else None)

    def _tanpa_nama_instansi(self, nama: str) -> str:
        kunci = _kunci(nama)
        for akhiran in (_kunci(self.instansi.nama), _kunci(self.instansi.nama_wilayah)):
            if akhiran and kunci.endswith(" " + akhiran):
                return kunci[: -len(akhiran) - 1]
        return kunci

    @staticmethod
    def _isi_yang_kosong(jabatan: Jabatan, entri: dict) -> dict:
        nilai = {}
        for kunci in ("tugas", "fungsi"):
            if not getattr(jabatan, kunci) and entri.get(kunci):
                nilai[kunci] = list(entri[kunci])
        if not jabatan.eselon and entri.get("eselon"):
            nilai["eselon"] = entri["eselon"]
        return nilai

    def _atur_atasan(self, jabatan: Jabatan, nama_atasan: str, tebakan: bool = False):
        if tebakan and jabatan.atasan_id is not None:
            return
        atasan = self._jabatan_bernama(nama_atasan)
        if atasan is None and (kepala := self._nama_kepala().get(_kunci(nama_atasan))):
            atasan = self._jabatan_bernama(kepala) or self._buat_kepala(kepala)
        if atasan is None:
            self.peringatan.append(
                f"Atasan '{nama_atasan}' dari jabatan {jabatan.nama} tidak ditemukan; atasan tidak diubah."
            )
            return
        if jabatan.atasan_id == atasan.pk:
            return
        node = atasan
        while node is not None:
            if node.pk == jabatan.pk:
                self.peringatan.append(
                    f"Atasan '{nama_atasan}' dari jabatan {jabatan.nama} membentuk lingkaran; atasan tidak diubah."
                )
                return
            node = node.atasan
        jabatan.atasan = atasan
        jabatan.save(update_fields=["atasan"])
        if self.status_jabatan[jabatan] == "tetap":
            self.status_jabatan[jabatan] = "diperbarui"

    # The head of the office and the SK signatory ------------------------------------------------

    def _jabatan_penandatangan(self) -> tuple[str, str] | None:
        """The head's title as the SK signature gives it, without "Plt."/"Plh.", and the kind of
        assignment; None when there is no title or the signatory signs for the head ("a.n.")."""
        judul = (self.data.get("sk") or {}).get("jabatan_penandatangan")
        if not isinstance(judul, str) or not judul.strip():
            return None
        m = _JUDUL_KEPALA.match(judul)
        if m is None:
            return None
        jenis = {"plt": Penugasan.Jenis.PLT, "plh": Penugasan.Jenis.PLH}.get((m.group(1) or "").lower())
        return " ".join(m.group(2).split()), jenis or Penugasan.Jenis.DEFINITIF

    def _nama_kepala(self) -> dict[str, str]:
        """The names (as keys) that mean the head of this office → the name its jabatan gets."""
        bawaan = nama_kepala(self.instansi.nama)
        nama = {"camat": "Camat", _kunci(bawaan): bawaan}
        if penandatangan := self._jabatan_penandatangan():
            judul = self.data["sk"]["jabatan_penandatangan"]
            nama |= {_kunci(judul): penandatangan[0], _kunci(penandatangan[0]): penandatangan[0]}
        return nama

    def _buat_kepala(self, nama: str) -> Jabatan:
        # The head comes first in every list of the office's jabatan: make room at the top.
        Jabatan.objects.filter(instansi=self.instansi).update(urutan=F("urutan") + 1)
        for jabatan in {j for daftar in self.jabatan.values() for j in daftar}:
            jabatan.urutan += 1
        kepala = Jabatan.objects.create(
            instansi=self.instansi,
            nama=" ".join(nama.split()),
            jenis=Jabatan.Jenis.STRUKTURAL,
            eselon="III.a",
            urutan=0,
        )
        self.urutan_berikut += 1
        self.jabatan[_kunci(kepala.nama)].append(kepala)
        self.hasil.kepala_dibuat.append(kepala.nama)
        return kepala

    def _penandatangan(self, dokumen: DokumenIKI):
        """Assign the SK's signatory to the head's jabatan (module docstring)."""
        sk = self.data.get("sk") or {}
        nama, teks_nip = (sk.get("penandatangan") or "").strip(), (sk.get("nip") or "").strip()
        if not nama and teks_nip and not dokumen.sk_penandatangan:
            # The name did not survive the document (a cut-off signature block): the NIP names him.
            try:
                dikenal = Pegawai.objects.filter(nip=kepegawaian.parse_nip(teks_nip).digits).first()
            except kepegawaian.NipError:
                dikenal = None
            if dikenal is not None:
                dokumen.sk_penandatangan = dikenal.nama
                dokumen.save(update_fields=["sk_penandatangan"])
                self.peringatan.append(
                    f"Nama penandatangan SK tidak terbaca; menurut NIP {teks_nip} ia {dikenal.nama}."
                )
        if not nama or not teks_nip:
            return
        try:
            nip = kepegawaian.parse_nip(teks_nip)
        except kepegawaian.NipError as exc:
            self.peringatan.append(f"NIP penandatangan SK {nama} tidak sah ({exc}); pegawai tidak dibuat.")
            return
        jabatan_ttd = self._jabatan_penandatangan()
        if sk.get("jabatan_penandatangan") and jabatan_ttd is None:
            self.peringatan.append(
                f"Penandatangan SK {nama} menandatangani sebagai '{sk['jabatan_penandatangan']}', bukan camat; "
                "tidak ditugaskan ke jabatan camat."
            )
            return
        nama_jabatan, jenis = jabatan_ttd or (nama_kepala(self.instansi.nama), Penugasan.Jenis.DEFINITIF)
        kepala = self._jabatan_bernama(nama_jabatan) or self._buat_kepala(nama_jabatan)
        pegawai = Pegawai.objects.filter(nip=nip.digits).first()
        if pegawai is None:
            pegawai = Pegawai.objects.create(nama=nama, nip=nip.digits, pangkat=self._golongan(sk.get("pangkat")))
            self.hasil.pegawai.dibuat += 1
        else:
            self.hasil.pegawai.tetap += 1
        mulai = dokumen.sk_tanggal or date(self.tahun, 1, 1)
        pemegang = kepala.pemegang(mulai)
        if pemegang is None:
            Penugasan.objects.create(pegawai=pegawai, jabatan=kepala, jenis=jenis, mulai=mulai)
            self.hasil.penugasan.dibuat += 1
        elif pemegang == pegawai:
            self.hasil.penugasan.tetap += 1
        else:
            self.peringatan.append(
                f"Jabatan {kepala.nama} pada {format_tanggal(mulai)} dipegang {pemegang.nama}; "
                f"penandatangan SK {nama} tidak ditugaskan."
            )

    def _golongan(self, pangkat) -> str:
        if not pangkat:
            return ""
        try:
            return kepegawaian.parse_pangkat(pangkat).golongan
        except kepegawaian.PangkatError:
            self.peringatan.append(f"Pangkat penandatangan SK '{pangkat}' tidak dikenali; pangkat pegawai dikosongkan.")
            return ""

    # Tugas and fungsi as this year's document decrees them ----------------------------------------

    def _uraian(self, dokumen: DokumenIKI, jabatan: Jabatan, daftar_entri: list[dict]):
        """Kept per document (UraianJabatan), so another year's document never changes them."""
        nilai = {}
        for kunci in ("tugas", "fungsi"):
            isi = next((list(e[kunci]) for e in daftar_entri if e.get(kunci)), None)
            if isi is not None:
                nilai[kunci] = isi
        if not nilai:
            return
        uraian = UraianJabatan.objects.filter(dokumen=dokumen, jabatan=jabatan).first()
        _simpan(uraian or UraianJabatan(dokumen=dokumen, jabatan=jabatan), nilai)

    # Tujuan ------------------------------------------------------------------------------------

    def _tujuan(self, dokumen: DokumenIKI, jabatan: Jabatan, daftar_entri: list[dict]):
        """Tujuan are small and nothing points at them: rewritten whole when they differ."""
        diinginkan: list[tuple[str, list[str]]] = []
        for entri in daftar_entri:
            if entri.get("tujuan_rinci"):
                diinginkan += [(t["uraian"], list(t.get("indikator") or [])) for t in entri["tujuan_rinci"]]
                continue
            tujuan = list(entri.get("tujuan") or [])
            indikator_tujuan = list(entri.get("indikator_tujuan") or [])
            if not tujuan and indikator_tujuan:
                self.peringatan.append(
                    f"Jabatan {jabatan.nama}: indikator tujuan tanpa tujuan tidak diimpor ({len(indikator_tujuan)})."
                )
                indikator_tujuan = []
            if len(tujuan) > 1 and indikator_tujuan:
                self.peringatan.append(
                    f"Jabatan {jabatan.nama}: dokumen tidak menyebut indikator tujuan milik tujuan yang mana; "
                    "semuanya dikaitkan ke tujuan pertama."
                )
            diinginkan += [(uraian, indikator_tujuan if i == 0 else []) for i, uraian in enumerate(tujuan)]
        sekarang = [
            (t.uraian, [it.uraian for it in t.indikator.all()])
            for t in Tujuan.objects.filter(dokumen=dokumen, jabatan=jabatan)
            .order_by("urutan", "id")
            .prefetch_related("indikator")
        ]
        if sekarang == diinginkan:
            return
        Tujuan.objects.filter(dokumen=dokumen, jabatan=jabatan).delete()
        for urutan, (uraian, indikator) in enumerate(diinginkan):
            tujuan = Tujuan.objects.create(dokumen=dokumen, jabatan=jabatan, uraian=uraian, urutan=urutan)
            IndikatorTujuan.objects.bulk_create(
                IndikatorTujuan(tujuan=tujuan, uraian=teks, urutan=i) for i, teks in enumerate(indikator)
            )

    # Sasaran, indicators and variables --------------------------------------------------------

    def _sasaran(self, dokumen: DokumenIKI, jabatan: Jabatan, daftar_entri: list[dict]):
        ada = _Pasangan(
            Sasaran.objects.filter(dokumen=dokumen, jabatan=jabatan).order_by("urutan", "id"),
            lambda s: _kunci(s.uraian),
        )
        urutan = 0
        for entri in daftar_entri:
            for sasaran_json in entri.get("sasaran") or []:
                sasaran = ada.ambil(_kunci(sasaran_json["uraian"])) or Sasaran(dokumen=dokumen, jabatan=jabatan)
                self.hasil.sasaran.tambah(_simpan(sasaran, {"uraian": sasaran_json["uraian"], "urutan": urutan}))
                urutan += 1
                self._indikator(sasaran, sasaran_json.get("indikator") or [], f"{jabatan.nama} / {sasaran.uraian[:60]}")
        sisa = ada.tak_terpakai()
        if sisa:
            self._hapus_indikator(Indikator.objects.filter(sasaran__in=sisa))
            Sasaran.objects.filter(pk__in=[s.pk for s in sisa]).delete()
            self.hasil.sasaran.dihapus += len(sisa)

    def _hapus_indikator(self, indikator_qs):
        self._tolak_jika_ada_nilai(Variabel.objects.filter(indikator__in=indikator_qs))
        self.hasil.variabel.dihapus += Variabel.objects.filter(indikator__in=indikator_qs).count()
        self.hasil.indikator.dihapus += indikator_qs.count()
        indikator_qs.delete()

    @staticmethod
    def _tolak_jika_ada_nilai(variabel_qs):
        terisi = variabel_qs.filter(nilai__isnull=False).select_related("indikator").distinct().first()
        if terisi is not None:
            raise ImporDitolak(
                f"Indikator '{terisi.indikator.nama[:80]}' (variabel {terisi.kode}) tidak ada lagi di dokumen, "
                "tetapi sudah memiliki nilai realisasi; hapus atau pindahkan nilainya dulu."
            )

    def _indikator(self, sasaran: Sasaran, daftar: list[dict], label: str):
        ada = _Pasangan(sasaran.indikator.order_by("urutan", "id") if sasaran.pk else [], lambda i: _kunci(i.nama))
        for urutan, data in enumerate(daftar):
            indikator = ada.ambil(_kunci(data["nama"])) or Indikator(sasaran=sasaran)
            formula = data.get("formula") or {}
            nilai = {
                "nama": data["nama"],
                "penjelasan": _teks(formula.get("teks")),
                "ekspresi": (formula.get("ekspresi") or "").strip(),
                "satuan": _teks(data.get("satuan")),
                "polaritas": data.get("polaritas") or Indikator.Polaritas.POSITIF,
                "sumber_data": _teks(data.get("sumber_data")),
                # The document's own explanation beside the formula (Penjelasan/Keterangan/Definisi) is kept
                # with the indicator's notes: penjelasan holds the formula as written, as the column does.
                "catatan": "\n\n".join(t for t in (_teks(data.get("catatan")), _teks(data.get("penjelasan"))) if t),
                "urutan": urutan,
            }
            if data.get("periode_pelaporan") is not None:
                nilai["periode_pelaporan"] = data["periode_pelaporan"]
            if "penanggung_jawab" in data:
                nilai["penanggung_jawab"] = self._penanggung_jawab(data["penanggung_jawab"], data["nama"])
            self.status_indikator[indikator] = _simpan(indikator, nilai)
            self._variabel(indikator, formula.get("variabel") or [], f"{label} / {indikator.nama[:60]}")
            if "induk" in data:
                self.induk_json.append((indikator, data["induk"] or [], label))
        sisa = ada.tak_terpakai()
        if sisa:
            self._hapus_indikator(Indikator.objects.filter(pk__in=[i.pk for i in sisa]))

    def _penanggung_jawab(self, nama: str | None, indikator: str) -> Jabatan | None:
        if nama is None:
            return None
        jabatan = self._jabatan_bernama(nama)
        if jabatan is None:
            self.peringatan.append(
                f"Penanggung jawab '{nama}' indikator '{indikator[:60]}' tidak ditemukan; dikosongkan."
            )
        return jabatan

    def _variabel(self, indikator: Indikator, daftar: list[dict], label: str):
        ada = {v.kode: v for v in indikator.variabel.all()} if indikator.pk else {}
        for urutan, data in enumerate(daftar):
            variabel = ada.pop(data["kode"], None) or Variabel(indikator=indikator)
            konstanta = self._konstanta_untuk(data, f"{label} / {data['kode']}")
            nilai = {
                "kode": data["kode"],
                "uraian": data["uraian"],
                "konstanta": konstanta,
                "nilai_tetap": None
                if konstanta or data.get("nilai_tetap") is None
                else _ke_decimal(data["nilai_tetap"]),
                "urutan": urutan,
            }
            for kunci in ("satuan", "agregasi"):
                if data.get(kunci) is not None:
                    nilai[kunci] = data[kunci]
            self.hasil.variabel.tambah(_simpan(variabel, nilai))
        if ada:
            sisa = Variabel.objects.filter(pk__in=[v.pk for v in ada.values()])
            self._tolak_jika_ada_nilai(sisa)
            self.hasil.variabel.dihapus += len(ada)
            sisa.delete()

    def _konstanta_untuk(self, data: dict, label: str) -> Konstanta | None:
        """The rule in the module docstring: explicit link, same kode, or a known constant."""
        nilai_dokumen = data.get("nilai_tetap")
        if "konstanta" in data:
            if data["konstanta"] is None:
                return None
            return self._konstanta(data["konstanta"], nilai_dokumen, label)
        if data["kode"] in self.konstanta:
            return self._konstanta(data["kode"], nilai_dokumen, label)
        bernama = next((k for k in self.konstanta.values() if _kunci(k.nama) == _kunci(data["uraian"])), None)
        if bernama is not None:
            return self._konstanta(bernama.kode, nilai_dokumen, label)
        kode = _KODE_KONSTANTA_DIKENAL.get(data["kode"])
        if kode is None or (kode not in self.konstanta and nilai_dokumen is None):
            return None
        return self._konstanta(kode, nilai_dokumen, label)

    def _konstanta(self, kode: str, nilai_dokumen, label: str) -> Konstanta:
        konstanta = self.konstanta.get(kode)
        if konstanta is None:
            dari_json = self.konstanta_json.get(kode, {})
            nilai = dari_json.get("nilai", nilai_dokumen)
            if nilai is None:
                raise ImporDitolak(
                    f"{label}: konstanta '{kode}' tahun {self.tahun} belum ada dan dokumen tidak menyebut nilainya."
                )
            nama = dari_json.get("nama") or KONSTANTA_DIKENAL.get(kode, (kode.replace("_", " ").capitalize(),))[0]
            konstanta = Konstanta.objects.create(
                instansi=self.instansi, tahun=self.tahun, kode=kode, nama=nama, nilai=_ke_decimal(nilai)
            )
            self.konstanta[kode] = konstanta
            self.hasil.konstanta_dibuat.append(kode)
        elif nilai_dokumen is not None and _ke_decimal(nilai_dokumen) != konstanta.nilai:
            self.peringatan.append(
                f"{label}: dokumen menyebut {_angka(nilai_dokumen)}, tetapi konstanta {kode} tahun {self.tahun} "
                f"bernilai {_angka(konstanta.nilai)}; dipakai nilai konstanta."
            )
        return konstanta

    # Cascading links ------------------------------------------------------------------------

    def _induk(self, dokumen: DokumenIKI):
        if not self.induk_json:
            return
        per_nama: dict[tuple[str, str], list[int]] = defaultdict(list)
        for pk, jabatan, nama in Indikator.objects.filter(sasaran__dokumen=dokumen).values_list(
            "pk", "sasaran__jabatan__nama", "nama"
        ):
            per_nama[(_kunci(jabatan), _kunci(nama))].append(pk)
        for indikator, refs, label in self.induk_json:
            target = []
            for ref in refs:
                cocok = per_nama.get((_kunci(ref["jabatan"]), _kunci(ref["indikator"])), [])
                if len(cocok) == 1:
                    target.append(cocok[0])
                else:
                    sebab = "tidak ditemukan" if not cocok else "lebih dari satu yang cocok"
                    self.peringatan.append(
                        f"{label} / {indikator.nama[:60]}: indikator atasan '{ref['indikator'][:60]}' "
                        f"({ref['jabatan']}) {sebab}; tautan tidak dibuat."
                    )
            # Links to indicators outside this document are not the document's to change.
            sekarang = set(indikator.induk.filter(sasaran__dokumen=dokumen).values_list("pk", flat=True))
            if sekarang != set(target):
                indikator.induk.remove(*(sekarang - set(target)))
                indikator.induk.add(*(set(target) - sekarang))
                if self.status_indikator[indikator] == "tetap":
                    self.status_indikator[indikator] = "diperbarui"


def _angka(nilai) -> str:
    angka = nilai if isinstance(nilai, Decimal) else _ke_decimal(nilai)
    return format_angka(angka, desimal=max(0, -angka.normalize().as_tuple().exponent))


# --- export ----------------------------------------------------------------------------------


def _bilangan_json(nilai: Decimal) -> int | float:
    return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)


def ekspor(dokumen: DokumenIKI) -> dict:
    """The document in the interchange format, with the extension keys that make it round-trip."""
    instansi = dokumen.instansi
    sasaran_list = list(
        Sasaran.objects.filter(dokumen=dokumen)
        .select_related("jabatan__atasan")
        .order_by("urutan", "id")
        .prefetch_related(
            _urut("indikator", Indikator.objects.select_related("penanggung_jawab")),
            "indikator__induk__sasaran__jabatan",
            _urut("indikator__variabel", Variabel.objects.select_related("konstanta")),
        )
    )
    tujuan_list = list(
        Tujuan.objects.filter(dokumen=dokumen)
        .select_related("jabatan__atasan")
        .order_by("urutan", "id")
        .prefetch_related(_urut("indikator", IndikatorTujuan.objects.all()))
    )
    jabatan = {s.jabatan.pk: s.jabatan for s in sasaran_list} | {t.jabatan.pk: t.jabatan for t in tujuan_list}
    uraian = {u.jabatan_id: u for u in UraianJabatan.objects.filter(dokumen=dokumen)}
    peringatan: list[str] = []
    konstanta: dict[str, Konstanta] = {}
    hasil_jabatan = []
    for jab in sorted(jabatan.values(), key=lambda j: (j.urutan, j.nama, j.pk)):
        tujuan = [t for t in tujuan_list if t.jabatan_id == jab.pk]
        entri = {
            "nama": jab.nama,
            "eselon": jab.eselon,
            "jenis": jab.jenis,
            "atasan": jab.atasan.nama if jab.atasan else None,
            "tugas": list(uraian[jab.pk].tugas if jab.pk in uraian else jab.tugas),
            "fungsi": list(uraian[jab.pk].fungsi if jab.pk in uraian else jab.fungsi),
            "tujuan": [t.uraian for t in tujuan],
            "indikator_tujuan": [it.uraian for t in tujuan for it in t.indikator.all()],
        }
        if len(tujuan) > 1:
            entri["tujuan_rinci"] = [
                {"uraian": t.uraian, "indikator": [it.uraian for it in t.indikator.all()]} for t in tujuan
            ]
        entri["sasaran"] = [
            {
                "uraian": s.uraian,
                "indikator": [_ekspor_indikator(i, dokumen, konstanta, peringatan) for i in s.indikator.all()],
            }
            for s in sasaran_list
            if s.jabatan_id == jab.pk
        ]
        hasil_jabatan.append(entri)
    return {
        "format": FORMAT,
        "instansi": instansi.nama,
        "kabupaten": instansi.pemda.nama,
        "tahun": dokumen.tahun,
        "revisi": dokumen.revisi,
        "status": dokumen.status,
        "sk": {
            "nomor": dokumen.sk_nomor or None,
            "tanggal": dokumen.sk_tanggal.isoformat() if dokumen.sk_tanggal else None,
            "penandatangan": dokumen.sk_penandatangan or None,
            "pangkat": dokumen.sk_penandatangan_pangkat or None,
            "nip": dokumen.sk_penandatangan_nip or None,
            "jabatan_penandatangan": dokumen.sk_penandatangan_jabatan or None,
            "menimbang": list(dokumen.menimbang),
            "mengingat": list(dokumen.mengingat),
        },
        "konstanta": [
            {"kode": k.kode, "nama": k.nama, "nilai": _bilangan_json(k.nilai)}
            for k in sorted(konstanta.values(), key=lambda k: k.kode)
        ],
        "jabatan": hasil_jabatan,
        "peringatan": peringatan,
    }


def _urut(lookup: str, queryset) -> Prefetch:
    return Prefetch(lookup, queryset=queryset.order_by("urutan", "id"))


def _ekspor_indikator(indikator: Indikator, dokumen: DokumenIKI, konstanta: dict, peringatan: list[str]) -> dict:
    variabel = []
    for v in indikator.variabel.all():
        if v.konstanta:
            konstanta[v.konstanta.kode] = v.konstanta
        nilai = v.konstanta.nilai if v.konstanta else v.nilai_tetap
        item = {"kode": v.kode, "uraian": v.uraian}
        if nilai is not None:
            item["nilai_tetap"] = _bilangan_json(nilai)
        item |= {"satuan": v.satuan, "agregasi": v.agregasi, "konstanta": v.konstanta.kode if v.konstanta else None}
        variabel.append(item)
    induk = []
    for atas in indikator.induk.all():
        if atas.sasaran.dokumen_id == dokumen.pk:
            induk.append({"jabatan": atas.sasaran.jabatan.nama, "indikator": atas.nama})
        else:
            peringatan.append(
                f"Indikator '{indikator.nama[:60]}' mendukung indikator di luar dokumen ini "
                f"('{atas.nama[:60]}'); tautan itu tidak diekspor."
            )
    return {
        "nama": indikator.nama,
        "formula": {"teks": indikator.penjelasan, "ekspresi": indikator.ekspresi or None, "variabel": variabel},
        "satuan": indikator.satuan,
        "polaritas": indikator.polaritas,
        "sumber_data": indikator.sumber_data,
        "catatan": indikator.catatan or None,
        "periode_pelaporan": indikator.periode_pelaporan,
        "penanggung_jawab": indikator.penanggung_jawab.nama if indikator.penanggung_jawab else None,
        "induk": induk,
    }
