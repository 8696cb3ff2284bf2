"""Reading the structure of an IKI document from its blocks into the interchange dict.

A document is a sequence of jabatan sections. Each starts with a ``JABATAN : …`` line, has
lists of tugas and fungsi (and perhaps tujuan and indikator tujuan), and one or more IKI
tables (a table may continue over pages with its header repeated). Everything before the
first jabatan — foreword, chapters, the decree — only feeds the metadata (:mod:`sk`).
"""

import re
from dataclasses import dataclass, field

from kinerja.dokumen import galat as pesan
from kinerja.dokumen.atasan import lengkapi_atasan
from kinerja.dokumen.blok import Blok, Jenis
from kinerja.dokumen.formula import adalah_nama_persen
from kinerja.dokumen.galat import galat
from kinerja.dokumen.kolom import Peran, baris_nomor_kolom, kenali_judul, lanjutan_judul, sejajarkan
from kinerja.dokumen.markup import ada_penanda_daftar, bersihkan, tanpa_penanda_daftar
from kinerja.dokumen.sk import baca_metadata
from kinerja.dokumen.tabel import (
    BarisIndikator,
    Sasaran,
    baris_baru,
    pisah_nama,
    pisah_rumus,
    sama,
    sasaran_baru,
    teks_sel,
)
from kinerja.dokumen.tebakan import tebak_polaritas, tebak_satuan

FORMAT = "kinerja-iki/1"

_JABATAN = re.compile(
    r"^(?:[-*•❖]\s*)?(?:(?:\d{1,2}|[A-Za-z]|[IVX]{1,4})\s*[.)]\s*)?(?:nama\s+)?jabatan\b\s*[:：]?\s*(.*)$",
    re.IGNORECASE,
)
_ESELON = re.compile(r"\(?\s*\beselon\s*[:.]?\s*([IVX]{1,4}(?:\s*[./-]?\s*[abAB])?)\b\s*\)?", re.IGNORECASE)
_JUDUL_DAFTAR = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?(indikator\s+tujuan|tujuan|uraian\s+tugas|tugas\s+pokok(?:\s+dan\s+fungsi)?"
    r"|tugas(?:\s+dan\s+fungsi)?|fungsi)\s*(?::|：|(?=\s+[a-z1-9][.)]\s)|$)\s*(.*)$",
    re.IGNORECASE,
)
_MEMPUNYAI = re.compile(r"\bmempunyai\s+(tugas|fungsi)\b\s*:?\s*(.*)$", re.IGNORECASE)
_ESELON_BARIS = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?eselon\s*[:：]\s*(.+)$", re.IGNORECASE)
_ATASAN = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?atasan(?:\s+langsung)?\s*[:：]\s*(.+)$", re.IGNORECASE)
_CATATAN = re.compile(r"^(?:catatan|keterangan|ket\s*\.)\s*[:.]?\s*(.+)$", re.IGNORECASE)
# Paragraphs that end an IKI table: the decree and the chapters of the document.
_PENUTUP_TABEL = re.compile(
    r"^(?:bab\b|keputusan\b|memutuskan|menimbang|mengingat|menetapkan|kata\s+pengantar|daftar\s+isi|penutup\b)",
    re.IGNORECASE,
)
# Columns whose merged cell is shared by the indicators it spans (NO and sasaran are "the same as
# above" anyway; a name or formula merged down is one indicator written over two rows).
_PERAN_BERSAMA = frozenset({Peran.SUMBER, Peran.SATUAN, Peran.POLARITAS, Peran.CATATAN, Peran.PENJELASAN})
# A count's formula is its name ("Jumlah berkas diarsipkan"): repeating it is no problem.
_NAMA_HITUNGAN = re.compile(r"^\W*(?:jumlah|jml|banyaknya|total)\b", re.IGNORECASE)
_KATA_KECIL = frozenset({"dan", "di", "ke", "dari", "yang", "atau", "pada", "untuk", "dengan", "se"})


def _judul_kalimat(teks: str) -> str:
    """``KEPALA SEKSI PEMERINTAHAN DAN UMUM`` → ``Kepala Seksi Pemerintahan dan Umum``."""
    if not teks.isupper():
        return teks
    kata = teks.title().split(" ")
    return " ".join(k.lower() if i and k.lower() in _KATA_KECIL else k for i, k in enumerate(kata))


@dataclass
class _Jabatan:
    nama: str
    baris: int
    eselon: str | None = None
    atasan: str | None = None
    daftar: dict[str, list[str]] = field(
        default_factory=lambda: {"tugas": [], "fungsi": [], "tujuan": [], "indikator_tujuan": []}
    )
    sasaran: list[Sasaran] = field(default_factory=list)
    ada_tabel: bool = False


@dataclass
class _Tabel:
    """The IKI table being read: its columns and the indicator being assembled."""

    peran: list[Peran | None]
    baru_judul: bool = True
    setelah_batas: bool = False
    pakai_nomor: bool = False
    baris: BarisIndikator | None = None


class _Pembaca:
    def __init__(self) -> None:
        self.jabatan: list[_Jabatan] = []
        self.tabel: _Tabel | None = None
        self.sasaran: Sasaran | None = None
        self.daftar: str | None = None  # the list that list items go to
        self.tertunda: dict[str, list[str]] = {"tujuan": [], "indikator_tujuan": []}
        self.menunggu_nama_jabatan: int | None = None
        self.peringatan: list[tuple[int | None, str]] = []

    # --- blocks ------------------------------------------------------------------------

    def baca(self, blok: list[Blok]) -> None:
        for b in blok:
            if b.jenis is Jenis.BATAS:
                if self.tabel:
                    self.tabel.setelah_batas = True
            elif b.jenis is Jenis.BARIS_TABEL:
                self._baris_tabel(b)
            else:
                self._paragraf(b.baris, b.teks)
        self._tutup_tabel()

    def _baris_tabel(self, b: Blok) -> None:
        peran = kenali_judul(b.sel)
        if peran is not None:
            self._judul(b.baris, peran)
            return
        sel_isi = [s for s in b.sel if s.strip()]
        awal = bersihkan(sel_isi[0]) if sel_isi else ""
        if self.tabel is None or _JABATAN.match(awal) and _nama_jabatan(" ".join(bersihkan(s) for s in sel_isi)):
            self._baris_sebagai_paragraf(b.baris, sel_isi)
            return
        if self.tabel.baru_judul and lanjutan_judul(b.sel):
            return
        if baris_nomor_kolom(b.sel):
            return
        self.tabel.baru_judul = False
        self._baris_data(b)

    def _baris_sebagai_paragraf(self, nomor: int, sel: list[str]) -> None:
        """A row outside the IKI tables (``3. FUNGSI | : | a. … b. …``) read as text: the row as
        one paragraph, except that each further line of its last cell is a paragraph of its own,
        as a list written in one cell is a list."""
        *depan, akhir = sel
        baris = bersihkan(akhir, satu_baris=False).split("\n")
        self._paragraf(nomor, " ".join([*(s.strip() for s in depan), baris[0]]))
        for lanjutan in baris[1:]:
            self._paragraf(nomor, lanjutan)

    def _paragraf(self, nomor: int, mentah: str) -> None:
        teks = bersihkan(mentah)
        if not teks:
            return
        if self.menunggu_nama_jabatan is not None:
            self.menunggu_nama_jabatan = None
            if not _PENUTUP_TABEL.match(teks):
                self._mulai_jabatan(nomor, teks)
                return
        if (m := _JABATAN.match(teks)) and (nama := _nama_jabatan(m.group(1))) is not None:
            if nama:
                self._mulai_jabatan(nomor, nama)
            else:
                self.menunggu_nama_jabatan = nomor
            return
        if _PENUTUP_TABEL.match(teks):
            self._tutup_tabel()
            self.daftar = None
            return
        if self.tabel is not None and (m := _CATATAN.match(teks)) and self.tabel.baris is not None:
            self.tabel.baris.tambah({Peran.CATATAN: m.group(1)})
            return
        self._baris_daftar(nomor, teks)

    # --- jabatan and its lists -----------------------------------------------------------

    def _mulai_jabatan(self, nomor: int, nama: str) -> None:
        self._tutup_tabel()
        eselon = None
        if m := _ESELON.search(nama):
            eselon = re.sub(r"\s+", "", m.group(1)).upper()
            nama = (nama[: m.start()] + nama[m.end() :]).strip(" -,()")
        jabatan = _Jabatan(nama=_judul_kalimat(nama.strip(" :.-")), baris=nomor, eselon=eselon)
        for kunci, isi in self.tertunda.items():
            jabatan.daftar[kunci].extend(isi)
            isi.clear()
        self.jabatan.append(jabatan)
        self.sasaran = None
        self.daftar = None

    def _baris_daftar(self, nomor: int, teks: str) -> None:
        """A paragraph inside a jabatan section: a list heading, a list item, or noise."""
        jabatan = self.jabatan[-1] if self.jabatan else None
        if m := _JUDUL_DAFTAR.match(tanpa_penanda_daftar(teks)):
            kunci = _kunci_daftar(m.group(1))
            self.daftar = kunci
            self._tambah_butir(kunci, m.group(2))
            return
        if jabatan is None:
            return
        if m := _ESELON_BARIS.match(teks):
            jabatan.eselon = re.sub(r"\s+", "", m.group(1)).upper()
            return
        if m := _ATASAN.match(teks):
            jabatan.atasan = m.group(1).strip()
            return
        if m := _MEMPUNYAI.search(teks):
            # "Sekretariat mempunyai tugas membantu camat …": the duty is the rest of the sentence.
            self.daftar = m.group(1).lower()
            sisa = m.group(2).strip()
            self._tambah_butir(self.daftar, sisa[:1].upper() + sisa[1:])
            return
        if self.daftar is None or self.tabel is not None and self.daftar in ("tugas", "fungsi"):
            if self.tabel is not None and self.tabel.baris is not None and _POTONGAN_SEL.match(teks):
                # A converter may put a piece of a cell on a line of its own: say it was left out.
                self.peringatan.append((nomor, pesan.teks_dilewati(teks)))
            return
        if teks.isupper() or teks.startswith("#"):
            self.daftar = None
            return
        if ada_penanda_daftar(teks) or teks.startswith(":"):
            self._tambah_butir(self.daftar, teks.lstrip(": "))
        elif teks[0].islower() and self._daftar_sekarang():
            daftar = self._daftar_sekarang()
            daftar[-1] = f"{daftar[-1]} {teks}"
        else:
            self._tambah_butir(self.daftar, teks)

    def _daftar_sekarang(self) -> list[str]:
        assert self.daftar is not None
        if self.daftar in self.tertunda and self._ke_tertunda():
            return self.tertunda[self.daftar]
        return self.jabatan[-1].daftar[self.daftar] if self.jabatan else []

    def _ke_tertunda(self) -> bool:
        """Tujuan written before a jabatan's line, or after the previous jabatan's tables,
        belongs to the next jabatan."""
        return not self.jabatan or self.jabatan[-1].ada_tabel

    def _tambah_butir(self, kunci: str, teks: str) -> None:
        """Add the items in ``teks`` raw: a wrapped item may still get its next line."""
        butir = [b for b in _pecah_butir(teks) if _rapikan_butir(b)]
        if not butir:
            return
        if kunci in self.tertunda and self._ke_tertunda():
            self.tertunda[kunci].extend(butir)
        elif self.jabatan:
            self.jabatan[-1].daftar[kunci].extend(butir)

    # --- tables --------------------------------------------------------------------------

    def _judul(self, nomor: int, peran: list[Peran | None]) -> None:
        if Peran.FORMULA not in peran:
            peran = [Peran.FORMULA if p is Peran.PENJELASAN else p for p in peran]
        lanjutan = self.tabel is not None and self.tabel.peran == peran
        if not lanjutan:
            self._tutup_tabel()
        if not self.jabatan:
            self.peringatan.append((nomor, pesan.TABEL_TANPA_JABATAN))
            self._mulai_jabatan(nomor, "Jabatan tanpa nama")
        if self.tabel is None:
            self.tabel = _Tabel(peran=peran, pakai_nomor=Peran.NO in peran)
        else:
            self.tabel.baru_judul = True  # a header repeated after a page break
        self.jabatan[-1].ada_tabel = True
        self.daftar = None

    def _baris_data(self, b: Blok) -> None:
        tabel = self.tabel
        assert tabel is not None
        sel, ditebak = sejajarkan(b.sel, tabel.peran)
        isi: dict[Peran, str] = {}
        for teks, peran in zip(sel, tabel.peran):
            if peran is not None and teks.strip():
                isi[peran] = f"{isi[peran]} {teks}" if peran in isi else teks
        if not isi:
            return
        if ditebak:
            self.peringatan.append((b.baris, pesan.SEL_DITEBAK))
        for teks, peran in zip(sel, tabel.peran):
            if peran is None and bersihkan(teks):
                self.peringatan.append((b.baris, pesan.sel_tak_bertempat(bersihkan(teks))))
        if Peran.INDIKATOR not in tabel.peran:
            self._baris_tujuan(isi)
            return
        self._baris_tujuan(isi)
        isi.pop(Peran.TUJUAN, None)
        isi.pop(Peran.INDIKATOR_TUJUAN, None)
        nomor = bersihkan(isi.get(Peran.NO, ""))
        baru = baris_baru(tabel.baris, isi, tabel.setelah_batas)
        tabel.setelah_batas = False
        teks_sasaran = teks_sel(isi.pop(Peran.SASARAN, ""))
        if sasaran_baru(teks_sasaran, self.sasaran, tabel.pakai_nomor, nomor, baru):
            self.sasaran = Sasaran(baris=b.baris)
            self.jabatan[-1].sasaran.append(self.sasaran)
        assert self.sasaran is not None
        if teks_sasaran and not sama(teks_sasaran, self.sasaran.uraian):
            self.sasaran.potongan.append(teks_sasaran)
        if baru:
            sebelumnya = tabel.baris
            self._selesaikan_baris()
            tabel.baris = BarisIndikator(baris=b.baris, sasaran=self.sasaran)
            if sebelumnya is not None and not ditebak:
                # A Word cell merged down over this row (one sumber data for several indicators)
                # holds the text of the row above.
                for peran, gabung in zip(tabel.peran, b.gabung_atas):
                    if gabung and peran in _PERAN_BERSAMA and peran not in isi and sebelumnya.isi.get(peran):
                        isi[peran] = "\n".join(sebelumnya.isi[peran])
        assert tabel.baris is not None
        tabel.baris.tambah(isi)

    def _baris_tujuan(self, isi: dict[Peran, str]) -> None:
        for peran, kunci in ((Peran.TUJUAN, "tujuan"), (Peran.INDIKATOR_TUJUAN, "indikator_tujuan")):
            if teks := teks_sel(isi.get(peran, "")):
                daftar = self.jabatan[-1].daftar[kunci]
                if not daftar or not sama(teks, daftar[-1]):
                    daftar.append(teks)

    def _tutup_tabel(self) -> None:
        self._selesaikan_baris()
        self.tabel = None

    def _selesaikan_baris(self) -> None:
        if self.tabel is None or self.tabel.baris is None:
            return
        baris, self.tabel.baris = self.tabel.baris, None
        if not baris.nama:
            lain = " ".join(baris.teks(p) for p in (Peran.FORMULA, Peran.SUMBER) if baris.teks(p))
            if baris.teks_formula.strip():
                # A row with a formula but no name: the importer cannot keep it; say what was left out.
                self.peringatan.append((baris.baris, pesan.indikator_tanpa_nama(lain)))
            return  # otherwise only sasaran or sumber data pieces
        for bagian in self._pisah_nama_tergabung(baris):
            bagian.sasaran.indikator.append(self._indikator(bagian))

    def _pisah_nama_tergabung(self, baris: BarisIndikator) -> list[BarisIndikator]:
        """One cell holding two or more indicator names becomes that many indicators when its
        formula cell holds as many formulas; otherwise it stays one, reported."""
        nama = pisah_nama(baris.isi.get(Peran.INDIKATOR, []))
        if len(nama) < 2:
            return [baris]
        rumus = pisah_rumus(baris.isi.get(Peran.FORMULA, []), len(nama))
        if rumus is None:
            self.peringatan.append((baris.baris, pesan.nama_tergabung(nama)))
            return [baris]
        self.peringatan.append((baris.baris, pesan.nama_tergabung_dipisah(nama)))
        hasil = []
        for n, r in zip(nama, rumus):
            isi = {p: list(t) for p, t in baris.isi.items() if p not in (Peran.INDIKATOR, Peran.FORMULA)}
            hasil.append(BarisIndikator(baris=baris.baris, sasaran=baris.sasaran, isi=isi))
            hasil[-1].tambah({Peran.INDIKATOR: n, Peran.FORMULA: r})
        return hasil

    def _indikator(self, baris: BarisIndikator) -> dict:
        nama = baris.nama
        catatan = " ".join(bersihkan(t) for t in baris.isi.get(Peran.CATATAN, [])) or None
        penjelasan_kolom = " ".join(bersihkan(t) for t in baris.isi.get(Peran.PENJELASAN, [])) or None
        rumus = baris.rumus(" ".join(c for c in (catatan, penjelasan_kolom) if c) or None)
        if rumus.masalah == "rumus kosong":
            self.peringatan.append((baris.baris, pesan.indikator_tanpa_rumus(nama)))
        elif rumus.mengulang_nama and not _NAMA_HITUNGAN.match(nama):
            self.peringatan.append((baris.baris, pesan.rumus_mengulang_nama(nama)))
        elif rumus.ekspresi is None:
            self.peringatan.append((baris.baris, pesan.rumus_tidak_dipahami(rumus.masalah or "", rumus.teks)))
        elif rumus.dikali_100_ditambahkan:
            self.peringatan.append((baris.baris, pesan.rumus_tanpa_kali_100(nama)))
        elif rumus.jenis == "hitungan" and adalah_nama_persen(nama):
            # A percentage read as a bare count is likely a formula whose denominator is lost.
            self.peringatan.append((baris.baris, pesan.persen_tanpa_penyebut(nama)))
        if rumus.keterangan:
            self.peringatan.append((baris.baris, pesan.keterangan_setelah_100(rumus.keterangan, nama)))
        polaritas_tertulis = bersihkan(baris.teks(Peran.POLARITAS)).lower()
        polaritas = next((p for p in ("negatif", "positif") if p in polaritas_tertulis), None)
        satuan = bersihkan(baris.teks(Peran.SATUAN)) or tebak_satuan(nama, rumus)
        penjelasan = " ".join(c for c in (rumus.penjelasan, penjelasan_kolom) if c) or None
        return {
            "nama": nama,
            "formula": rumus.sebagai_dict(),
            "satuan": satuan,
            "polaritas": polaritas or tebak_polaritas(nama, rumus.teks),
            "polaritas_tebakan": polaritas is None,
            "sumber_data": baris.teks(Peran.SUMBER) or None,
            "catatan": catatan,
            "penjelasan": penjelasan,
            "baris": baris.baris,
        }

    # --- result --------------------------------------------------------------------------

    def hasil_jabatan(self) -> list[dict]:
        keluar = []
        for j in self.jabatan:
            if not any(s.indikator for s in j.sasaran):
                self.peringatan.append((j.baris, pesan.jabatan_tanpa_indikator(j.nama)))
            sasaran = []
            for s in j.sasaran:
                if not s.indikator:
                    if s.uraian:
                        self.peringatan.append((s.baris, pesan.sasaran_tanpa_indikator(s.uraian)))
                    continue
                if not s.uraian:
                    self.peringatan.append((s.indikator[0]["baris"], pesan.SASARAN_TANPA_URAIAN))
                sasaran.append({"uraian": s.uraian, "indikator": s.indikator})
            self._periksa_ganda(sasaran)
            daftar = {k: [_rapikan_butir(b) for b in v] for k, v in j.daftar.items()}
            keluar.append(
                {
                    "nama": j.nama,
                    "eselon": j.eselon,
                    "atasan": j.atasan,
                    **daftar,
                    "sasaran": sasaran,
                    "baris": j.baris,
                }
            )
        return keluar

    def _periksa_ganda(self, sasaran: list[dict]) -> None:
        dilihat: set[tuple[str, str]] = set()
        for s in sasaran:
            for ind in s["indikator"]:
                kunci = (ind["nama"].lower(), ind["formula"]["ekspresi"] or ind["formula"]["teks"].lower())
                if kunci in dilihat:
                    self.peringatan.append((ind["baris"], pesan.indikator_ganda(ind["nama"])))
                dilihat.add(kunci)


# A paragraph between table rows that reads like a piece of a cell (a wrapped word in lower
# case, a formula line) rather than page furniture or the signature after the table.
_POTONGAN_SEL = re.compile(r"^(?:[a-z]|(?:[Jj]umlah|[Jj]ml|[Tt]otal|[Bb]anyaknya)\b|[σ∑Σ])")


def _nama_jabatan(sisa: str) -> str | None:
    """The jabatan name after ``JABATAN :``; "" when it is on the next line; None when the line
    is prose that merely starts with the word."""
    sisa = sisa.strip().strip("*").strip()
    if len(sisa) > 150 or (sisa and not (sisa[0].isupper() or sisa[0].isdigit())):
        return None
    return sisa


def _kunci_daftar(judul: str) -> str:
    judul = judul.lower()
    if judul.startswith("indikator"):
        return "indikator_tujuan"
    if judul.startswith("tujuan"):
        return "tujuan"
    return "fungsi" if judul.startswith("fungsi") else "tugas"


def _pecah_butir(teks: str) -> list[str]:
    """Items written on one line: ``a. satu; b. dua`` → two items."""
    return re.split(r"(?<=;)\s*(?=[a-z]\.\s)", teks)


def _rapikan_butir(teks: str) -> str:
    """A list item without its marker and the ``;`` / ``; dan`` that joins it to the next."""
    if re.fullmatch(r"\s*\(?[a-zA-Z0-9]{1,2}[.)]?\s*", teks):
        return ""
    teks = tanpa_penanda_daftar(teks.strip()).strip()
    teks = re.sub(r"[;,.]?\s*(?:dan|serta)?\s*$", "", teks).strip(" ;,")
    if teks in (":", "") or not re.search(r"\w", teks):
        return ""
    return teks


def susun(blok: list[Blok], nama_file: str | None = None) -> dict:
    """The interchange dict (DESIGN.md §7) of a document given as blocks."""
    pembaca = _Pembaca()
    pembaca.baca(blok)
    jabatan = pembaca.hasil_jabatan()
    if not any(s["indikator"] for j in jabatan for s in j["sasaran"]):
        raise galat(nama_file, pesan.BUKAN_IKI)
    baris_teks = [
        (b.baris, b.teks if b.jenis is Jenis.PARAGRAF else " ".join(b.sel)) for b in blok if b.jenis is not Jenis.BATAS
    ]
    meta = baca_metadata(baris_teks, nama_file)
    pembaca.peringatan += lengkapi_atasan(jabatan, meta.instansi)
    peringatan = sorted(meta.peringatan + pembaca.peringatan, key=lambda p: (p[0] is not None, p[0] or 0))
    letak: dict[int, str] = {}
    for b in blok:
        letak.setdefault(b.baris, b.letak)
    for j in jabatan:
        j["tempat"] = letak.get(j["baris"], f"baris {j['baris']}")
        for s in j["sasaran"]:
            for ind in s["indikator"]:
                ind["tempat"] = letak.get(ind["baris"], f"baris {ind['baris']}")
    return {
        "format": FORMAT,
        "instansi": meta.instansi,
        "kabupaten": meta.kabupaten,
        "tahun": meta.tahun,
        "sk": meta.sk,
        "jabatan": jabatan,
        "peringatan": [f"{letak.get(n, f'baris {n}')}: {p}" if n is not None else p for n, p in peringatan],
    }
