"""The two regulations an IKM can be computed under, as data.

* PermenPAN-RB 14/2017 (in force): 9 unsur.
* KepMenPAN 25/2004 (older documents): 14 unsur.

Each unsur carries, besides its canonical code and name, the header texts that identify its column
in a questionnaire file (``alias``, compared after :func:`kinerja.ikm.kolom.normalkan`) and looser
keyword sets (``kata_kunci``: every word of one set must occur in the header) for headers that are
whole questions, as in Google Forms exports ("Bagaimana pendapat Saudara tentang kesesuaian
persyaratan pelayanan ...?"). Questionnaires order the unsur differently, so files are matched by
these names and never by column position.
"""

from dataclasses import dataclass
from decimal import Decimal

from kinerja.ikm.errors import IKMError


@dataclass(frozen=True)
class Unsur:
    """One service element (unsur pelayanan) rated 1–4 by respondents."""

    kode: str
    nama: str
    alias: tuple[str, ...] = ()
    kata_kunci: tuple[tuple[str, ...], ...] = ()

    @property
    def label(self) -> str:
        """``"U4 Biaya/Tarif"``: how messages name an unsur."""
        return f"{self.kode} {self.nama}"


@dataclass(frozen=True)
class AmbangMutu:
    """Lowest IKM (25–100 scale) that still earns ``mutu`` and its ``kinerja`` label."""

    batas_bawah: Decimal
    mutu: str
    kinerja: str


@dataclass(frozen=True)
class Regulasi:
    """Everything that differs between the 2017 and the 2004 rules."""

    kode: str
    nama: str
    unsur: tuple[Unsur, ...]
    ambang_mutu: tuple[AmbangMutu, ...]  # highest first; the last has batas_bawah 0

    @property
    def kode_unsur(self) -> tuple[str, ...]:
        return tuple(u.kode for u in self.unsur)

    def cari_unsur(self, kode: str) -> Unsur | None:
        return next((u for u in self.unsur if u.kode == kode), None)


UNSUR_2017: tuple[Unsur, ...] = (
    Unsur(
        "U1",
        "Persyaratan",
        alias=("persyaratan", "persyaratan pelayanan", "persyaratan layanan", "syarat"),
        kata_kunci=(("persyaratan",), ("syarat",)),
    ),
    Unsur(
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        alias=(
            "sistem mekanisme dan prosedur",
            "sistem mekanisme prosedur",
            "prosedur",
            "prosedur pelayanan",
            "mekanisme",
            "sistem",
        ),
        kata_kunci=(("prosedur",), ("mekanisme",)),
    ),
    Unsur(
        "U3",
        "Waktu Penyelesaian",
        alias=("waktu", "waktu penyelesaian", "waktu pelayanan", "kecepatan", "kecepatan waktu"),
        # "waktu" alone would also catch a Google Forms "Cap waktu" (timestamp) column.
        kata_kunci=(("waktu", "penyelesaian"), ("waktu", "pelayanan"), ("kecepatan",)),
    ),
    Unsur(
        "U4",
        "Biaya/Tarif",
        alias=("biaya", "tarif", "biaya tarif", "biaya pelayanan"),
        kata_kunci=(("biaya",), ("tarif",)),
    ),
    Unsur(
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        alias=(
            "produk",
            "produk spesifikasi jenis pelayanan",
            "produk spesifikasi",
            "produk layanan",
            "produk pelayanan",
            "spesifikasi",
        ),
        kata_kunci=(("produk",), ("spesifikasi",)),
    ),
    Unsur(
        "U6",
        "Kompetensi Pelaksana",
        alias=("kompetensi", "kompetensi pelaksana", "kompetensi petugas"),
        kata_kunci=(("kompetensi",),),
    ),
    Unsur(
        "U7",
        "Perilaku Pelaksana",
        alias=("perilaku", "perilaku pelaksana", "perilaku petugas"),
        kata_kunci=(("perilaku",), ("kesopanan",), ("keramahan",)),
    ),
    Unsur(
        "U8",
        "Penanganan Pengaduan, Saran dan Masukan",
        alias=(
            "penanganan pengaduan saran dan masukan",
            "penanganan pengaduan saran masukan",
            "penanganan pengaduan",
            "pengaduan",
        ),
        kata_kunci=(("pengaduan",), ("saran", "masukan")),
    ),
    Unsur(
        "U9",
        "Sarana dan Prasarana",
        alias=("sarana dan prasarana", "sarana prasarana", "sarana", "prasarana"),
        kata_kunci=(("sarana",), ("prasarana",)),
    ),
)

UNSUR_2004: tuple[Unsur, ...] = (
    Unsur(
        "U1",
        "Prosedur pelayanan",
        alias=("prosedur", "prosedur pelayanan"),
        kata_kunci=(("prosedur",),),
    ),
    Unsur(
        "U2",
        "Persyaratan pelayanan",
        alias=("persyaratan", "persyaratan pelayanan", "syarat"),
        kata_kunci=(("persyaratan",), ("syarat",)),
    ),
    Unsur(
        "U3",
        "Kejelasan petugas pelayanan",
        alias=("kejelasan", "kejelasan petugas", "kejelasan petugas pelayanan"),
        kata_kunci=(("kejelasan",),),
    ),
    Unsur(
        "U4",
        "Kedisiplinan petugas pelayanan",
        alias=("kedisiplinan", "kedisiplinan petugas", "kedisiplinan petugas pelayanan"),
        kata_kunci=(("kedisiplinan",), ("disiplin",)),
    ),
    Unsur(
        "U5",
        "Tanggung jawab petugas pelayanan",
        alias=("tanggung jawab", "tanggung jawab petugas", "tanggung jawab petugas pelayanan"),
        kata_kunci=(("tanggung", "jawab"),),
    ),
    Unsur(
        "U6",
        "Kemampuan petugas pelayanan",
        alias=("kemampuan", "kemampuan petugas", "kemampuan petugas pelayanan"),
        kata_kunci=(("kemampuan",),),
    ),
    Unsur(
        "U7",
        "Kecepatan pelayanan",
        alias=("kecepatan", "kecepatan pelayanan"),
        kata_kunci=(("kecepatan",),),
    ),
    Unsur(
        "U8",
        "Keadilan mendapatkan pelayanan",
        alias=("keadilan", "keadilan mendapatkan pelayanan", "keadilan pelayanan"),
        kata_kunci=(("keadilan",),),
    ),
    Unsur(
        "U9",
        "Kesopanan dan keramahan petugas",
        alias=("kesopanan dan keramahan petugas", "kesopanan dan keramahan", "kesopanan", "keramahan"),
        kata_kunci=(("kesopanan",), ("keramahan",)),
    ),
    Unsur(
        "U10",
        "Kewajaran biaya pelayanan",
        alias=("kewajaran biaya", "kewajaran biaya pelayanan", "kewajaran"),
        kata_kunci=(("kewajaran",),),
    ),
    Unsur(
        "U11",
        "Kepastian biaya pelayanan",
        alias=("kepastian biaya", "kepastian biaya pelayanan"),
        # The 2004 question reads "kesesuaian antara biaya yang dibayarkan dengan biaya yang ditetapkan".
        kata_kunci=(("kepastian", "biaya"), ("kesesuaian", "biaya")),
    ),
    Unsur(
        "U12",
        "Kepastian jadwal pelayanan",
        alias=("kepastian jadwal", "kepastian jadwal pelayanan", "jadwal"),
        kata_kunci=(("jadwal",),),
    ),
    Unsur(
        "U13",
        "Kenyamanan lingkungan",
        alias=("kenyamanan", "kenyamanan lingkungan"),
        kata_kunci=(("kenyamanan",),),
    ),
    Unsur(
        "U14",
        "Keamanan pelayanan",
        alias=("keamanan", "keamanan pelayanan"),
        kata_kunci=(("keamanan",),),
    ),
)

_LABEL_KINERJA = {"A": "Sangat Baik", "B": "Baik", "C": "Kurang Baik", "D": "Tidak Baik"}


def _ambang(*batas: str) -> tuple[AmbangMutu, ...]:
    """Thresholds for A, B, C (highest first); D takes everything below."""
    ambang = [AmbangMutu(Decimal(b), m, _LABEL_KINERJA[m]) for b, m in zip(batas, "ABC", strict=True)]
    return (*ambang, AmbangMutu(Decimal(0), "D", _LABEL_KINERJA["D"]))


REGULASI: dict[str, Regulasi] = {
    "2017": Regulasi("2017", "PermenPAN-RB Nomor 14 Tahun 2017", UNSUR_2017, _ambang("88.31", "76.61", "65.00")),
    "2004": Regulasi("2004", "KepMenPAN Nomor 25 Tahun 2004", UNSUR_2004, _ambang("81.26", "62.51", "43.76")),
}


def ambil_regulasi(regulasi: str | int) -> Regulasi:
    """The :class:`Regulasi` for ``"2017"`` or ``"2004"`` (an int year is accepted too)."""
    try:
        return REGULASI[str(regulasi).strip()]
    except KeyError:
        raise IKMError(f'Regulasi tidak dikenal: {regulasi!r} (pilih "2017" atau "2004")') from None
