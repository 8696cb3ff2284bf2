"""What goes into each document, read from the database into plain objects every renderer shares.

The PDF/HTML templates, the Word and the Excel writers all take these objects, so that the three
formats of one document always say the same thing. Each builder reads with a fixed, small number
of queries, whatever the size of the catalogue.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from html import escape

from django.utils.safestring import SafeString, mark_safe

from kinerja import kepegawaian, rumus
from kinerja.format import format_angka, format_tanggal
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Tujuan, UraianJabatan
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Penugasan
from kinerja.pengukuran import SKALA, SKALA_PERMENDAGRI_86_2017, Ringkasan, Skala, capaian, kategori, peringkat
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi, hitung_pemda
from kinerja.realisasi.models import Target
from kinerja.realisasi.periode import periode_hitung
from kinerja.renstra import layanan as renstra

from . import teks as teks_standar
from .grafik import Batang, grafik_batang
from .kop import Kop, kop_instansi, tembusan_instansi
from .models import KepalaDaerah, ProgramAnggaran, TeksStandar, sebutan_kepala_daerah
from .pecahan import pecahan_html, tulis_angka

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


class LaporanError(ValueError):
    """A report that cannot be made as asked; the message is for the user, in Indonesian."""


class TidakAda(LaporanError):
    """What the report is made from does not exist (yet): no document for that year, no indicators."""


# ---------------------------------------------------------------------------------------------
# Shared pieces


@dataclass
class Pejabat:
    """Who signs: the jabatan as printed, and the person (empty name: a blank line to fill by hand)."""

    jabatan: str
    nama: str = ""
    pangkat: str = ""
    nip: str = ""

    @property
    def terisi(self) -> bool:
        return bool(self.nama.strip())


def tampil_nip(teks: str) -> str:
    """``19860627 201412 1 001``; a stored text that is no valid NIP is shown as it is."""
    if not teks:
        return ""
    try:
        return kepegawaian.format_nip(teks)
    except kepegawaian.NipError:
        return teks.strip()


def tampil_pangkat(teks: str) -> str:
    """The pangkat's name as signatures print it ("Penata Tingkat I"); unreadable text as it is."""
    if not teks:
        return ""
    try:
        return kepegawaian.parse_pangkat(teks).nama
    except kepegawaian.PangkatError:
        return teks.strip()


def pejabat_dari_pegawai(jabatan: str, pegawai: Pegawai | None) -> Pejabat:
    if pegawai is None:
        return Pejabat(jabatan)
    return Pejabat(jabatan, pegawai.nama, tampil_pangkat(pegawai.pangkat), tampil_nip(pegawai.nip or ""))


def sebutan_kepala(instansi: Instansi) -> str:
    """How the head of the instansi signs: 'Camat Banyuates', or 'Kepala <instansi>' elsewhere."""
    if instansi.nama.startswith("Kecamatan "):
        return f"Camat {instansi.nama_wilayah}"
    return f"Kepala {instansi.nama}"


def nama_jabatan_lengkap(jabatan: Jabatan, instansi: Instansi) -> str:
    """'Kepala Seksi Pemerintahan' → 'Kepala Seksi Pemerintahan Kecamatan Banyuates', as signed."""
    wilayah = instansi.nama_wilayah
    if wilayah and wilayah.lower() in jabatan.nama.lower():
        return jabatan.nama
    if jabatan.nama.split()[-1] in ("Camat", "Kecamatan"):  # "Camat" → "Camat Banyuates"
        return f"{jabatan.nama} {wilayah}"
    return f"{jabatan.nama} {instansi.nama}"


def angka_ringkas(nilai: Decimal | None) -> str:
    """A target as people write it: 100, 82,5, 1.250 (no trailing ,00); None gives '–'."""
    if nilai is None:
        return format_angka(None)
    if nilai == nilai.to_integral_value():
        return format_angka(nilai, 0)
    return format_angka(nilai, 2).rstrip("0").rstrip(",")


def dengan_satuan(teks: str, satuan: str) -> str:
    """'95' and '%' → '95%'; '4' and 'kejadian' → '4 kejadian'."""
    if not satuan or teks == format_angka(None):
        return teks
    return f"{teks}{satuan}" if satuan == "%" else f"{teks} {satuan}"


def pilih_dokumen(instansi: Instansi, tahun: int, revisi: int | None = None) -> DokumenIKI:
    """The document a report of that year uses: the given revision, else the newest decreed one,
    else the newest draft."""
    semua = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun).select_related("instansi__pemda")
    if revisi is not None:
        dokumen = semua.filter(revisi=revisi).first()
        if dokumen is None:
            raise TidakAda(f"Dokumen IKI {instansi} tahun {tahun} revisi {revisi} tidak ada.")
        return dokumen
    dokumen = dokumen_berlaku(instansi, tahun) or semua.order_by("-revisi").first()
    if dokumen is None:
        raise TidakAda(f"Belum ada dokumen IKI {instansi} untuk tahun {tahun}.")
    return dokumen


def teks_instansi(instansi: Instansi) -> dict[str, str]:
    """Every standard text of an instansi: its own where it has one, else the default."""
    sendiri = dict(TeksStandar.objects.filter(instansi=instansi).values_list("bagian", "isi"))
    return {bagian: sendiri.get(bagian) or bawaan for bagian, bawaan in teks_standar.BAWAAN.items()}


# ---------------------------------------------------------------------------------------------
# The catalogue: jabatan → sasaran → indikator


@dataclass
class VariabelDok:
    kode: str
    uraian: str
    agregasi: str
    nilai_tetap: Decimal | None
    konstanta: str  # "jumlah_desa = 7" when the value comes from a Konstanta


@dataclass
class IndikatorDok:
    id: int
    nama: str
    satuan: str
    polaritas: str
    sumber_data: str
    penjelasan: str
    rumus: rumus.Rumus | None
    labels: dict[str, str]
    target: Decimal | None = None
    target_hi: Decimal | None = None
    target_triwulan: dict[str, Decimal] = field(default_factory=dict)
    # The upper bound of a quarter's range target ("95–100"), by quarter, where there is one.
    target_triwulan_hi: dict[str, Decimal] = field(default_factory=dict)
    variabel: list[VariabelDok] = field(default_factory=list)

    @property
    def rumus_html(self) -> SafeString:
        """The formula as a fraction (escaped HTML), or the written explanation when there is none."""
        if self.rumus is None:
            # Written explanations keep their lines (a numerator line over a denominator line, lists).
            return mark_safe("<br>".join(escape(baris) for baris in self.penjelasan.splitlines()))
        return mark_safe(pecahan_html(self.rumus, self.labels))

    @property
    def rumus_teks(self) -> str:
        """One line: 'Jumlah A / Jumlah B × 100%' (Excel, plain text)."""
        if self.rumus is None:
            return self.penjelasan
        return rumus.render(self.rumus, self.labels)

    @property
    def target_teks(self) -> str:
        """'95%', '80–90%', '4 kejadian', or '–' without a target."""
        return _teks_target(self.target, self.target_hi, self.satuan)

    def target_tw_teks(self, periode: str) -> str:
        """The target up to a quarter, a range as a range: '95–100%'."""
        return _teks_target(self.target_triwulan.get(periode), self.target_triwulan_hi.get(periode), self.satuan)


def _teks_target(nilai: Decimal | None, hi: Decimal | None, satuan: str) -> str:
    """'95%', '95–100%', '4 kejadian', or '–' without a target."""
    if nilai is None:
        return format_angka(None)
    teks = angka_ringkas(nilai)
    if hi is not None and hi != nilai:
        teks = f"{teks}–{angka_ringkas(hi)}"
    return dengan_satuan(teks, satuan)


@dataclass
class SasaranDok:
    uraian: str
    indikator: list[IndikatorDok] = field(default_factory=list)


@dataclass
class TujuanDok:
    uraian: str
    indikator: list[str] = field(default_factory=list)


@dataclass
class JabatanDok:
    id: int
    nama: str
    nama_lengkap: str
    tugas: list[str]
    fungsi: list[str]
    tujuan: list[TujuanDok] = field(default_factory=list)
    sasaran: list[SasaranDok] = field(default_factory=list)

    @property
    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran)

    @property
    def keterangan(self) -> list[tuple[str, list[str]]]:
        """The numbered lines above the table: ('1. JABATAN', [name]), ('2. TUGAS', [...]), …"""
        baris = [("JABATAN", [self.nama_lengkap])]
        if self.tugas:
            baris.append(("TUGAS", self.tugas))
        if self.fungsi:
            baris.append(("FUNGSI", self.fungsi))
        if self.tujuan:
            baris.append(
                (
                    "TUJUAN",
                    [
                        t.uraian + (f" (indikator tujuan: {'; '.join(t.indikator)})" if t.indikator else "")
                        for t in self.tujuan
                    ],
                )
            )
        return [(f"{nomor}. {label}", isi) for nomor, (label, isi) in enumerate(baris, 1)]

    @property
    def ada_target_triwulan(self) -> bool:
        return any(i.target_triwulan for s in self.sasaran for i in s.indikator)


def _label_variabel(variabel) -> str:
    """The variable as the formula shows it; a fixed value or constant is written beside: 'Jumlah desa (7)'."""
    nilai = variabel.konstanta.nilai if variabel.konstanta_id else variabel.nilai_tetap
    if nilai is None:
        return variabel.uraian
    return f"{variabel.uraian} ({tulis_angka(nilai.normalize())})"


def _rumus_atau_none(ekspresi: str) -> rumus.Rumus | None:
    # A draft may hold a formula that does not parse yet: the document then prints its explanation.
    if not ekspresi.strip():
        return None
    try:
        return rumus.parse(ekspresi)
    except rumus.RumusError:
        return None


def baca_katalog(dokumen: DokumenIKI, jabatan_id: int | None = None) -> list[JabatanDok]:
    """The jabatan of a document (or one of them) with tugas, fungsi, tujuan, sasaran and indicators.

    Jabatan without a sasaran in the document are left out; order is the organisation's.
    """
    instansi = dokumen.instansi
    sasaran_qs = Sasaran.objects.filter(dokumen=dokumen).select_related("jabatan")
    indikator_qs = Indikator.objects.filter(sasaran__dokumen=dokumen).prefetch_related("variabel__konstanta")
    tujuan_qs = Tujuan.objects.filter(dokumen=dokumen).prefetch_related("indikator")
    if jabatan_id is not None:
        sasaran_qs = sasaran_qs.filter(jabatan_id=jabatan_id)
        indikator_qs = indikator_qs.filter(sasaran__jabatan_id=jabatan_id)
        tujuan_qs = tujuan_qs.filter(jabatan_id=jabatan_id)

    target: dict[int, dict[str, Target]] = defaultdict(dict)
    for t in Target.objects.filter(indikator__in=indikator_qs.values("pk")):
        target[t.indikator_id][t.periode] = t
    indikator_per_sasaran: dict[int, list[IndikatorDok]] = defaultdict(list)
    for ind in indikator_qs.order_by("sasaran_id", "urutan", "id"):
        tahunan = target[ind.pk].get("TAHUN")
        indikator_per_sasaran[ind.sasaran_id].append(
            IndikatorDok(
                id=ind.pk,
                nama=ind.nama,
                satuan=ind.satuan,
                polaritas=ind.polaritas,
                sumber_data=ind.sumber_data,
                penjelasan=ind.penjelasan,
                rumus=_rumus_atau_none(ind.ekspresi),
                labels={v.kode: _label_variabel(v) for v in ind.variabel.all()},
                target=tahunan.nilai if tahunan else None,
                target_hi=tahunan.nilai_hi if tahunan else None,
                target_triwulan={p: target[ind.pk][p].nilai for p in TRIWULAN if p in target[ind.pk]},
                target_triwulan_hi={
                    p: target[ind.pk][p].nilai_hi
                    for p in TRIWULAN
                    if p in target[ind.pk] and target[ind.pk][p].nilai_hi is not None
                },
                variabel=[
                    VariabelDok(
                        v.kode,
                        v.uraian,
                        v.get_agregasi_display(),
                        v.nilai_tetap,
                        f"{v.konstanta.kode} = {tulis_angka(v.konstanta.nilai.normalize())}" if v.konstanta_id else "",
                    )
                    for v in ind.variabel.all()
                ],
            )
        )
    tujuan_per_jabatan: dict[int, list[TujuanDok]] = defaultdict(list)
    for tujuan in tujuan_qs.order_by("jabatan_id", "urutan", "id"):
        tujuan_per_jabatan[tujuan.jabatan_id].append(
            TujuanDok(tujuan.uraian, [i.uraian for i in tujuan.indikator.all()])
        )

    # The tugas and fungsi this year's document decreed; a jabatan's current ones when it has none.
    uraian = {u.jabatan_id: u for u in UraianJabatan.objects.filter(dokumen=dokumen)}
    jabatan: dict[int, JabatanDok] = {}
    for sasaran in sasaran_qs.order_by("jabatan__urutan", "jabatan__nama", "urutan", "id"):
        j = sasaran.jabatan
        if j.pk not in jabatan:
            jabatan[j.pk] = JabatanDok(
                id=j.pk,
                nama=j.nama,
                nama_lengkap=nama_jabatan_lengkap(j, instansi),
                tugas=list(uraian[j.pk].tugas if j.pk in uraian else j.tugas),
                fungsi=list(uraian[j.pk].fungsi if j.pk in uraian else j.fungsi),
                tujuan=tujuan_per_jabatan[j.pk],
            )
        jabatan[j.pk].sasaran.append(SasaranDok(sasaran.uraian, indikator_per_sasaran[sasaran.pk]))
    return list(jabatan.values())


# ---------------------------------------------------------------------------------------------
# Dokumen IKI


@dataclass
class DokumenIKIData:
    instansi: str
    wilayah: str
    pemda: str
    alamat: str
    tahun: int
    revisi: int
    draft: bool
    nomor_sk: str
    tanggal_sk: date | None
    kepala: str
    penandatangan: Pejabat
    teks: dict[str, list]
    menimbang: list[str]
    mengingat: list[str]
    jabatan: list[JabatanDok]
    peringatan: list[str] = field(default_factory=list)
    tempat_sk: str = ""  # where the SK says it was decreed; the wilayah when it does not say
    kop: Kop | None = None
    tembusan: list[str] = field(default_factory=list)

    @property
    def tempat_tanggal(self) -> str:
        """'Banyuates, 6 Januari 2026' under the signatures (a blank date to fill in for a draft)."""
        tanggal = format_tanggal(self.tanggal_sk) if self.tanggal_sk else f"{teks_standar.KOSONG} {self.tahun}"
        return f"{self.tempat_sk or self.wilayah}, {tanggal}"

    @property
    def ditetapkan(self) -> tuple[str, str]:
        """('Banyuates', '6 Januari 2026'): 'Ditetapkan di … pada tanggal …' above the decree's signature."""
        return self.tempat_sk or self.wilayah, self.tanggal_sk_teks

    @property
    def tanggal_sk_teks(self) -> str:
        return format_tanggal(self.tanggal_sk) if self.tanggal_sk else teks_standar.KOSONG

    @property
    def nomor_sk_teks(self) -> str:
        return self.nomor_sk or teks_standar.KOSONG

    @property
    def jumlah_indikator(self) -> int:
        return sum(j.jumlah_indikator for j in self.jabatan)

    @property
    def diktum(self) -> list[tuple[str, list]]:
        """(KESATU, blocks), (KEDUA, blocks) …: each paragraph opens a diktum, a list belongs to the one before."""
        hasil: list[tuple[str, list]] = []
        for blok in self.teks["diktum"]:
            if isinstance(blok, teks_standar.Daftar) and hasil:
                hasil[-1][1].append(blok)
            else:
                hasil.append((teks_standar.urutan_diktum(len(hasil)), [blok]))
        return hasil


def _penanda(instansi: Instansi, tahun: int, nomor_sk: str, tanggal_sk: date | None) -> dict[str, str]:
    return {
        "instansi": instansi.nama,
        "wilayah": instansi.nama_wilayah,
        "pemda": instansi.pemda.nama,
        "camat": sebutan_kepala(instansi),
        "tahun": str(tahun),
        "nomor_sk": nomor_sk,
        "tanggal_sk": format_tanggal(tanggal_sk) if tanggal_sk else "",
    }


def _blok(teks: str, penanda: dict[str, str]) -> list:
    return teks_standar.urai(teks_standar.isi_penanda(teks, penanda))


_PENANDA_BUTIR = re.compile(r"^\s*(?:[a-z]|\d{1,2})[.)]\s+")


def _tanpa_penanda(butir: str) -> str:
    """'a. bahwa …' → 'bahwa …': the document prints its own list markers."""
    return _PENANDA_BUTIR.sub("", butir, count=1)


def _butir(teks: str, penanda: dict[str, str]) -> list[str]:
    """The items of a list text (menimbang, mengingat), each a paragraph when not written as a list."""
    butir: list[str] = []
    for blok in _blok(teks, penanda):
        butir.extend(blok.butir if isinstance(blok, teks_standar.Daftar) else [blok.teks])
    return butir


def kepala_instansi(instansi: Instansi) -> Jabatan | None:
    """The jabatan at the top of the instansi (no atasan): the Camat."""
    return Jabatan.objects.filter(instansi=instansi, atasan__isnull=True).order_by("urutan", "id").first()


def baca_iki(dokumen: DokumenIKI) -> DokumenIKIData:
    instansi = dokumen.instansi
    peringatan: list[str] = []
    kepala = sebutan_kepala(instansi)
    # The SK's own signatory, even when the document gave only a NIP and pangkat, not today's holder.
    if any(
        x.strip() for x in (dokumen.sk_penandatangan, dokumen.sk_penandatangan_nip, dokumen.sk_penandatangan_pangkat)
    ):
        # A Plt. or Plh. signs as such (kinerja.iki.layanan writes the title it decreed with).
        awalan = next((a for a in ("Plt. ", "Plh. ") if dokumen.sk_penandatangan_jabatan.startswith(a)), "")
        penandatangan = Pejabat(
            awalan + kepala,
            dokumen.sk_penandatangan.strip(),
            tampil_pangkat(dokumen.sk_penandatangan_pangkat),
            tampil_nip(dokumen.sk_penandatangan_nip),
        )
    else:
        puncak = kepala_instansi(instansi)
        pada = dokumen.sk_tanggal or date(dokumen.tahun, 1, 1)
        penandatangan = pejabat_dari_pegawai(kepala, puncak.pemegang(pada) if puncak else None)
        if not penandatangan.terisi:
            peringatan.append(
                f"Penandatangan keputusan belum diisi dan tidak ada pemegang jabatan {kepala} "
                f"pada {format_tanggal(pada)}; baris nama dibiarkan kosong."
            )
    if dokumen.status != DokumenIKI.Status.DITETAPKAN:
        peringatan.append(
            f"Dokumen IKI {instansi} {dokumen.tahun} rev. {dokumen.revisi} masih draf (belum ditetapkan)."
        )
    penanda = _penanda(instansi, dokumen.tahun, dokumen.sk_nomor.strip(), dokumen.sk_tanggal)
    teks = teks_instansi(instansi)
    jabatan = baca_katalog(dokumen)
    if not jabatan:
        peringatan.append("Dokumen ini belum memiliki sasaran dan indikator; lampiran kosong.")
    return DokumenIKIData(
        instansi=instansi.nama,
        wilayah=instansi.nama_wilayah,
        pemda=instansi.pemda.nama,
        alamat=instansi.alamat,
        tahun=dokumen.tahun,
        revisi=dokumen.revisi,
        draft=dokumen.status != DokumenIKI.Status.DITETAPKAN,
        nomor_sk=dokumen.sk_nomor.strip(),
        tanggal_sk=dokumen.sk_tanggal,
        tempat_sk=dokumen.sk_tempat.strip(),
        kepala=kepala,
        penandatangan=penandatangan,
        teks={
            bagian: _blok(teks[bagian], penanda) for bagian in ("kata_pengantar", "bab_1", "bab_2", "bab_3", "diktum")
        },
        menimbang=[_tanpa_penanda(teks_standar.isi_penanda(b, penanda)) for b in dokumen.menimbang]
        or _butir(teks["menimbang"], penanda),
        mengingat=[_tanpa_penanda(teks_standar.isi_penanda(b, penanda)) for b in dokumen.mengingat]
        or _butir(teks["mengingat"], penanda),
        jabatan=jabatan,
        peringatan=peringatan,
        kop=kop_instansi(instansi),
        tembusan=tembusan_instansi(instansi),
    )


# ---------------------------------------------------------------------------------------------
# Perjanjian Kinerja


@dataclass
class PerjanjianData:
    instansi: str
    wilayah: str
    pemda: str
    tahun: int
    tanggal: date
    draft: bool
    jabatan: JabatanDok
    pihak_pertama: Pejabat
    pihak_kedua: Pejabat
    teks: dict[str, list]
    peringatan: list[str] = field(default_factory=list)
    # (program, anggaran, keterangan) of an eselon III/IV head, entered by the planner (ProgramAnggaran).
    program: list[tuple[str, Decimal, str]] = field(default_factory=list)

    triwulan = TRIWULAN

    @property
    def jumlah_anggaran(self) -> Decimal:
        return sum((anggaran for _, anggaran, _ in self.program), Decimal(0))

    @property
    def tempat_tanggal(self) -> str:
        return f"{self.wilayah}, {format_tanggal(self.tanggal)}"

    @property
    def penandatangan_urut(self) -> list[tuple[str, Pejabat]]:
        """PIHAK KEDUA on the left, PIHAK PERTAMA on the right, as the PermenPAN-RB 53/2014 form has them."""
        return [("PIHAK KEDUA,", self.pihak_kedua), ("PIHAK PERTAMA,", self.pihak_pertama)]


def tanggal_perjanjian(dokumen: DokumenIKI) -> date:
    """When a PK is signed unless told otherwise: the IKI decree's date, else the first working day."""
    return dokumen.sk_tanggal or date(dokumen.tahun, 1, 2)


def baca_perjanjian(dokumen: DokumenIKI, jabatan: Jabatan, tanggal: date | None = None) -> PerjanjianData:
    """The PK of a jabatan: PIHAK PERTAMA holds it on ``tanggal``, PIHAK KEDUA holds its atasan
    (for the head of the instansi: the head of region, from KepalaDaerah)."""
    instansi = dokumen.instansi
    if jabatan.instansi_id != instansi.pk:
        raise LaporanError(f"Jabatan {jabatan} bukan jabatan {instansi}.")
    tanggal = tanggal or tanggal_perjanjian(dokumen)
    if tanggal.year != dokumen.tahun:
        raise LaporanError(f"Tanggal perjanjian {format_tanggal(tanggal)} tidak berada di tahun {dokumen.tahun}.")
    isi = baca_katalog(dokumen, jabatan.pk)
    if not isi:
        raise TidakAda(f"Jabatan {jabatan} belum memiliki sasaran dan indikator pada dokumen IKI {dokumen.tahun}.")
    peringatan: list[str] = []
    # Ascending by start: when assignments overlap (a Plt. beside the definitive holder) the latest wins.
    pemegang = {
        p.jabatan_id: p.pegawai
        for p in Penugasan.objects.aktif(tanggal)
        .filter(jabatan_id__in=[jabatan.pk, jabatan.atasan_id])
        .select_related("pegawai")
        .order_by("mulai", "id")
    }
    pertama = pejabat_dari_pegawai(nama_jabatan_lengkap(jabatan, instansi), pemegang.get(jabatan.pk))
    if not pertama.terisi:
        peringatan.append(
            f"Tidak ada pemegang jabatan {jabatan} pada {format_tanggal(tanggal)}; nama PIHAK PERTAMA kosong."
        )
    if jabatan.atasan_id:
        atasan = jabatan.atasan
        kedua = pejabat_dari_pegawai(nama_jabatan_lengkap(atasan, instansi), pemegang.get(atasan.pk))
        if not kedua.terisi:
            peringatan.append(
                f"Tidak ada pemegang jabatan atasan {atasan} pada {format_tanggal(tanggal)}; nama PIHAK KEDUA kosong."
            )
    else:
        kepala_daerah = KepalaDaerah.objects.filter(pemda=instansi.pemda).first()
        if kepala_daerah:
            kedua = Pejabat(kepala_daerah.jabatan, kepala_daerah.nama)
        else:
            kedua = Pejabat(sebutan_kepala_daerah(instansi.pemda))
            peringatan.append(
                f"Nama {kedua.jabatan} belum diisi; admin pemda mengisinya lewat menu Pengaturan di dasbor "
                "kabupaten. Sampai saat itu nama PIHAK KEDUA dikosongkan untuk diisi tangan."
            )
    if dokumen.status != DokumenIKI.Status.DITETAPKAN:
        peringatan.append(f"Dokumen IKI {dokumen.tahun} rev. {dokumen.revisi} masih draf (belum ditetapkan).")
    penanda = _penanda(instansi, dokumen.tahun, dokumen.sk_nomor.strip(), dokumen.sk_tanggal)
    teks = teks_instansi(instansi)
    return PerjanjianData(
        instansi=instansi.nama,
        wilayah=instansi.nama_wilayah,
        pemda=instansi.pemda.nama,
        tahun=dokumen.tahun,
        tanggal=tanggal,
        draft=dokumen.status != DokumenIKI.Status.DITETAPKAN,
        jabatan=isi[0],
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        teks={bagian: _blok(teks[bagian], penanda) for bagian in ("pk_pembuka", "pk_isi")},
        peringatan=peringatan,
        program=[
            (p.program, p.anggaran, p.keterangan)
            for p in ProgramAnggaran.objects.filter(jabatan=jabatan, tahun=dokumen.tahun)
        ],
    )


# ---------------------------------------------------------------------------------------------
# Pengukuran kinerja (LKjIP tables) and the kabupaten recap. The numbers come from
# kinerja.realisasi.hitung; nothing is computed here but sums and means for the recap.


@dataclass
class BarisPengukuran:
    nomor: int
    indikator_id: int
    nama: str
    satuan: str
    target: Decimal | None
    target_hi: Decimal | None
    realisasi: Decimal | None
    alasan: str | None
    capaian: Decimal | None
    kategori: str
    warna: str
    realisasi_tahun_lalu: Decimal | None
    lengkap: bool
    label_target: str = ""  # "target turunan" when derived pro rata from the annual target
    # Last year's capaian of the indicator with the same identity (PermenPAN-RB 53/2014 compares both years).
    capaian_tahun_lalu: Decimal | None = None
    # The end-of-period target of the Renstra covering the year, and this year's realisasi against it.
    target_renstra: Decimal | None = None
    target_renstra_hi: Decimal | None = None
    tahun_akhir_renstra: int | None = None
    capaian_renstra: Decimal | None = None

    @property
    def target_teks(self) -> str:
        teks = _teks_target(self.target, self.target_hi, "")
        return f"{teks} ({self.label_target})" if self.label_target and self.target is not None else teks

    @property
    def target_renstra_teks(self) -> str:
        """'95', '80–90', or '–' where no Renstra target is set."""
        return _teks_target(self.target_renstra, self.target_renstra_hi, "")


@dataclass
class SasaranPengukuran:
    uraian: str
    baris: list[BarisPengukuran] = field(default_factory=list)

    @property
    def grafik_svg(self) -> SafeString:
        return mark_safe(
            grafik_batang(
                [Batang(f"{b.nomor}. {b.nama}", b.capaian, b.warna) for b in self.baris],
                judul=f"Capaian: {self.uraian}",
            )
        )


@dataclass
class JabatanPengukuran:
    nama: str
    sasaran: list[SasaranPengukuran] = field(default_factory=list)


@dataclass
class PengukuranData:
    instansi: str
    pemda: str
    tahun: int
    periode: str
    periode_label: str
    skala: str
    jabatan: list[JabatanPengukuran]
    rata_capaian: Decimal | None
    kategori_rata: str
    jumlah_indikator: int
    jumlah_dinilai: int
    jumlah_lengkap: int
    peringatan: list[str] = field(default_factory=list)

    @property
    def kelengkapan(self) -> Decimal | None:
        return _persen(self.jumlah_lengkap, self.jumlah_indikator)

    @cached_property
    def tahun_akhir_renstra(self) -> int | None:
        """The end year of the Renstra when every Renstra target of the table shares it (the usual case)."""
        tahun = {b.tahun_akhir_renstra for _, _, b in self.semua_baris if b.tahun_akhir_renstra}
        return tahun.pop() if len(tahun) == 1 else None

    @property
    def judul_renstra(self) -> str:
        """'Target akhir Renstra (2026)'; without a year when the targets end in different years."""
        return (
            f"Target akhir Renstra ({self.tahun_akhir_renstra})" if self.tahun_akhir_renstra else "Target akhir Renstra"
        )

    def target_renstra_teks(self, b: BarisPengukuran) -> str:
        """A row's Renstra target, its end year beside it when the header cannot carry one."""
        teks = b.target_renstra_teks
        if b.tahun_akhir_renstra and not self.tahun_akhir_renstra:
            teks = f"{teks} ({b.tahun_akhir_renstra})"
        return teks

    @property
    def semua_baris(self) -> list[tuple[str, str, BarisPengukuran]]:
        """(jabatan, sasaran, row) for flat tables (Excel)."""
        return [(j.nama, s.uraian, b) for j in self.jabatan for s in j.sasaran for b in s.baris]


def _persen(bagian: int, total: int) -> Decimal | None:
    return Decimal(bagian) * 100 / Decimal(total) if total else None


def _ringkas(hasil, skala: Skala) -> Ringkasan:
    """Mean capaian and completeness of measured indicators, as kinerja.pengukuran counts them."""
    ringkasan = Ringkasan(skala)
    for h in hasil:
        ringkasan.tambah(h)
    return ringkasan


def _lengkap(h) -> bool:
    """Complete: every value the period needs is entered and the realisasi could be computed."""
    return h.lengkap and h.realisasi.nilai is not None


def label_periode(periode: str) -> tuple[str, str]:
    """(kode, label) of a computation period; LaporanError when unknown."""
    try:
        per = periode_hitung(periode)
    except ValueError as exc:
        raise LaporanError(str(exc)) from None
    return per.kode, per.label


def _skala(pemda) -> Skala:
    return SKALA.get(pemda.skala_capaian, SKALA_PERMENDAGRI_86_2017)


def _warna(skala: Skala, label: str) -> str:
    """The colour of a category on the scale; grey for "Tidak dapat dinilai"."""
    return next((p.warna for p in skala.predikat if p.label == label), "#999999")


def baca_pengukuran(instansi: Instansi, tahun: int, periode: str = "TAHUN") -> PengukuranData:
    """Target, realisasi, capaian and kategori of every indicator, grouped by jabatan and sasaran,
    as kinerja.realisasi.hitung computes them for the document in force."""
    kode, label = label_periode(periode)
    hasil = hitung_instansi(instansi, tahun, kode)
    if not hasil:
        ada_draf = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun).exists()
        raise TidakAda(
            f"Belum ada dokumen IKI {instansi} tahun {tahun} yang ditetapkan"
            + ("; pengukuran hanya untuk dokumen yang sudah ditetapkan." if ada_draf else ".")
        )
    skala = _skala(instansi.pemda)
    # Last year's results of the same indicators, matched by identity (it survives renames and revisions).
    lalu = {h.identitas: h.capaian.nilai for h in hitung_instansi(instansi, tahun - 1, kode)}
    target_renstra = renstra.berlaku(instansi, tahun, {h.identitas for h in hasil})
    jabatan: dict[int, JabatanPengukuran] = {}
    sasaran: dict[int, SasaranPengukuran] = {}
    for h in hasil:
        rs = target_renstra.get(h.identitas)
        if h.jabatan_id not in jabatan:
            jabatan[h.jabatan_id] = JabatanPengukuran(h.jabatan)
        if h.sasaran_id not in sasaran:
            sasaran[h.sasaran_id] = SasaranPengukuran(h.sasaran)
            jabatan[h.jabatan_id].sasaran.append(sasaran[h.sasaran_id])
        daftar = sasaran[h.sasaran_id].baris
        daftar.append(
            BarisPengukuran(
                nomor=len(daftar) + 1,
                indikator_id=h.indikator_id,
                nama=h.nama,
                satuan=h.satuan,
                target=h.target,
                target_hi=h.target_hi,
                label_target=h.label_target,
                realisasi=h.realisasi.nilai,
                alasan=h.realisasi.alasan or h.capaian.alasan,
                capaian=h.capaian.nilai,
                kategori=h.kategori,
                warna=_warna(skala, h.kategori),
                realisasi_tahun_lalu=h.realisasi_tahun_lalu,
                lengkap=_lengkap(h),
                capaian_tahun_lalu=lalu.get(h.identitas),
                target_renstra=rs.nilai if rs else None,
                target_renstra_hi=rs.nilai_hi if rs else None,
                tahun_akhir_renstra=rs.tahun_akhir if rs else None,
                capaian_renstra=(
                    capaian(h.realisasi.nilai, rs.nilai, h.polaritas, target_hi=rs.nilai_hi).nilai if rs else None
                ),
            )
        )
    ringkasan = _ringkas(hasil, skala)
    rata = ringkasan.rata_rata
    peringatan = []
    belum = ringkasan.jumlah - ringkasan.lengkap
    if belum:
        peringatan.append(f"{belum} dari {len(hasil)} indikator belum lengkap datanya untuk periode {label}.")
    return PengukuranData(
        instansi=instansi.nama,
        pemda=instansi.pemda.nama,
        tahun=tahun,
        periode=kode,
        periode_label=label,
        skala=skala.nama,
        jabatan=list(jabatan.values()),
        rata_capaian=rata,
        kategori_rata=kategori(rata, skala),
        jumlah_indikator=ringkasan.jumlah,
        jumlah_dinilai=ringkasan.dinilai,
        jumlah_lengkap=ringkasan.lengkap,
        peringatan=peringatan,
    )


@dataclass
class BarisRekap:
    peringkat: int | None
    instansi_id: int
    instansi: str
    jumlah_indikator: int
    jumlah_dinilai: int
    jumlah_lengkap: int
    rata_capaian: Decimal | None
    kategori: str
    warna: str
    per_kategori: dict[str, int]
    ringkasan: Ringkasan | None = None
    alasan_tanpa_peringkat: str = ""

    @property
    def kelengkapan(self) -> Decimal | None:
        return _persen(self.jumlah_lengkap, self.jumlah_indikator)


@dataclass
class RekapData:
    pemda: str
    tahun: int
    periode: str
    periode_label: str
    skala: str
    label_kategori: list[str]
    baris: list[BarisRekap]
    peringatan: list[str] = field(default_factory=list)

    @property
    def grafik_svg(self) -> SafeString:
        return mark_safe(
            grafik_batang(
                [Batang(b.instansi.removeprefix("Kecamatan "), b.rata_capaian, b.warna) for b in self.baris],
                judul="Rata-rata capaian per kecamatan",
            )
        )


def baca_rekap(pemda, tahun: int, periode: str = "TAHUN") -> RekapData:
    """Every instansi of the pemda: mean capaian, completeness and rank (kinerja.pengukuran.peringkat:
    by mean capaian, best first; an instansi below the pemda's completeness threshold or with no
    capaian at all is listed last without a rank, the reason among the warnings)."""
    kode, label = label_periode(periode)
    skala = _skala(pemda)
    hasil = hitung_pemda(pemda, tahun, kode)
    baris = []
    peringatan = []
    for instansi_id, nama in Instansi.objects.filter(pemda=pemda).values_list("id", "nama"):
        daftar = hasil.get(instansi_id)
        if daftar is None:
            peringatan.append(f"{nama}: belum ada dokumen IKI tahun {tahun} yang ditetapkan.")
            daftar = []
        ringkasan = _ringkas(daftar, skala)
        per_kategori = {p.label: ringkasan.sebaran.get(p.label, 0) for p in skala.predikat}
        nama_kategori = kategori(ringkasan.rata_rata, skala)
        baris.append(
            BarisRekap(
                peringkat=None,
                instansi_id=instansi_id,
                instansi=nama,
                jumlah_indikator=ringkasan.jumlah,
                jumlah_dinilai=ringkasan.dinilai,
                jumlah_lengkap=ringkasan.lengkap,
                rata_capaian=ringkasan.rata_rata,
                kategori=nama_kategori,
                warna=_warna(skala, nama_kategori),
                per_kategori=per_kategori,
                ringkasan=ringkasan,
            )
        )
    # Best mean first, ties sharing a rank; below the pemda's completeness threshold (or without any
    # capaian) listed after the ranked ones without a rank, the reason among the warnings.
    urutan = peringkat(baris, lambda b: b.ringkasan, lambda b: b.instansi, pemda.ambang_kelengkapan)
    for n, b in urutan.berperingkat:
        b.peringkat = n
    for b, alasan in urutan.tanpa_peringkat:
        b.alasan_tanpa_peringkat = alasan
        peringatan.append(f"{b.instansi} tidak diberi peringkat: {alasan}.")
    baris = [b for _, b in urutan.berperingkat] + [b for b, _ in urutan.tanpa_peringkat]
    return RekapData(
        pemda=pemda.nama,
        tahun=tahun,
        periode=kode,
        periode_label=label,
        skala=skala.nama,
        label_kategori=[p.label for p in skala.predikat],
        baris=baris,
        peringatan=peringatan,
    )
