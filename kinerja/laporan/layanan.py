"""One entry point per document for the web views and the `kinerja report` command.

Each ``buat_*`` reads the data once (kinerja.laporan.isi) and writes the asked format; a request
that cannot be met raises LaporanError with an Indonesian message, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from kinerja.audit.models import catat
from kinerja.iki.models import DokumenIKI
from kinerja.organisasi.models import Instansi, Jabatan, Pemda

from . import excel, isi, pdf, word
from . import teks as teks_standar
from .isi import LaporanError
from .kertas import KERTAS, KERTAS_BAWAAN, Kertas
from .models import KepalaDaerah, TeksStandar

JENIS_BERKAS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class JenisLaporan:
    kode: str
    judul: str
    template: str
    mendatar: bool
    docx: Callable | None = None
    xlsx: Callable | None = None

    @property
    def format(self) -> tuple[str, ...]:
        """The file formats this report comes in."""
        return ("pdf",) + (("docx",) if self.docx else ()) + (("xlsx",) if self.xlsx else ())


LAPORAN: dict[str, JenisLaporan] = {
    "iki": JenisLaporan("iki", "Dokumen IKI", "iki", False, word.iki_docx, excel.katalog_xlsx),
    "pk": JenisLaporan("pk", "Perjanjian Kinerja", "pk", False, word.pk_docx),
    "lkjip": JenisLaporan("lkjip", "Pengukuran Kinerja (LKjIP)", "lkjip", True, word.lkjip_docx, excel.pengukuran_xlsx),
    "rekap": JenisLaporan("rekap", "Rekapitulasi Kecamatan", "rekap", True, word.rekap_docx, excel.rekap_xlsx),
}


@dataclass
class Berkas:
    nama: str
    isi: bytes
    content_type: str
    peringatan: list[str] = field(default_factory=list)


def kertas(kode: str | None) -> Kertas:
    kode = (kode or KERTAS_BAWAAN).strip().lower()
    if kode not in KERTAS:
        raise LaporanError(f"Ukuran kertas “{kode}” tidak dikenal; pilih {' atau '.join(k.upper() for k in KERTAS)}.")
    return KERTAS[kode]


def periksa_format(jenis: str, format: str) -> None:
    laporan = LAPORAN[jenis]
    if format not in laporan.format:
        raise LaporanError(
            f"{laporan.judul} tidak tersedia sebagai {format.upper()}; pilih {' atau '.join(f.upper() for f in laporan.format)}."
        )


def tulis(jenis: str, data, format: str, kertas_kode: str | None, nama_dasar: str) -> Berkas:
    """The report ``data`` (from kinerja.laporan.isi) as a file of ``format``."""
    periksa_format(jenis, format)
    laporan, ukuran = LAPORAN[jenis], kertas(kertas_kode)
    if format == "pdf":
        isi_berkas = pdf.ke_pdf(pdf.html_dokumen(laporan.template, data, ukuran, mendatar=laporan.mendatar))
    else:
        isi_berkas = getattr(laporan, format)(data, ukuran)
    return Berkas(f"{slugify(nama_dasar)}.{format}", isi_berkas, JENIS_BERKAS[format], list(data.peringatan))


# --- reading the data of each report ---------------------------------------------------------


def data_iki(instansi: Instansi, tahun: int, revisi: int | None = None) -> isi.DokumenIKIData:
    return isi.baca_iki(isi.pilih_dokumen(instansi, tahun, revisi))


def data_pk(jabatan: Jabatan, tahun: int, tanggal: date | None = None) -> isi.PerjanjianData:
    return isi.baca_perjanjian(isi.pilih_dokumen(jabatan.instansi, tahun), jabatan, tanggal)


def data_lkjip(instansi: Instansi, tahun: int, periode: str = "TAHUN") -> isi.PengukuranData:
    return isi.baca_pengukuran(instansi, tahun, periode)


def data_rekap(pemda: Pemda, tahun: int, periode: str = "TAHUN") -> isi.RekapData:
    if not DokumenIKI.objects.filter(instansi__pemda=pemda, tahun=tahun).exists():
        raise isi.TidakAda(f"Belum ada dokumen IKI tahun {tahun} di {pemda}.")
    return isi.baca_rekap(pemda, tahun, periode)


# --- whole files -----------------------------------------------------------------------------


def buat_iki(
    instansi: Instansi, tahun: int, format: str, *, kertas: str | None = None, revisi: int | None = None
) -> Berkas:
    periksa_format("iki", format)
    return tulis("iki", data_iki(instansi, tahun, revisi), format, kertas, f"iki {instansi.nama} {tahun}")


def buat_pk(
    jabatan: Jabatan, tahun: int, format: str, *, kertas: str | None = None, tanggal: date | None = None
) -> Berkas:
    periksa_format("pk", format)
    data = data_pk(jabatan, tahun, tanggal)
    return tulis("pk", data, format, kertas, f"pk {tahun} {data.pihak_pertama.jabatan}")


def buat_lkjip(
    instansi: Instansi, tahun: int, format: str, *, kertas: str | None = None, periode: str = "TAHUN"
) -> Berkas:
    periksa_format("lkjip", format)
    data = data_lkjip(instansi, tahun, periode)
    return tulis("lkjip", data, format, kertas, f"pengukuran kinerja {instansi.nama} {tahun} {data.periode}")


def buat_rekap(pemda: Pemda, tahun: int, format: str, *, kertas: str | None = None, periode: str = "TAHUN") -> Berkas:
    periksa_format("rekap", format)
    data = data_rekap(pemda, tahun, periode)
    return tulis("rekap", data, format, kertas, f"rekap kinerja {pemda.nama} {tahun} {data.periode}")


# --- the standard texts of an instansi -------------------------------------------------------


def _rapikan(teks: str) -> str:
    return "\n".join(baris.rstrip() for baris in teks.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()


@transaction.atomic
def simpan_teks(instansi: Instansi, perubahan: Mapping[str, str], pengguna=None) -> list[str]:
    """Save an instansi's own standard texts; returns the bagian that changed.

    An empty text, or one equal to the default, returns that bagian to the default. Every text is
    checked first: one bad placeholder raises ValidationError {bagian: [messages]} and nothing is saved.
    """
    masalah = {}
    for bagian, isi_teks in perubahan.items():
        if bagian not in teks_standar.BAGIAN:
            masalah[bagian] = [f"Bagian teks “{bagian}” tidak dikenal."]
        elif pesan := teks_standar.periksa(isi_teks):
            masalah[bagian] = pesan
    if masalah:
        raise ValidationError(masalah)
    milik = {t.bagian: t for t in TeksStandar.objects.select_for_update().filter(instansi=instansi)}
    diubah: dict[str, list[str]] = {}
    for bagian, isi_teks in perubahan.items():
        baru, bawaan = _rapikan(isi_teks), _rapikan(teks_standar.BAWAAN[bagian])
        lama = _rapikan(milik[bagian].isi) if bagian in milik else bawaan
        if baru in ("", bawaan):
            if bagian in milik:
                milik[bagian].delete()
                diubah[bagian] = [lama, bawaan]
            continue
        if baru == lama:
            continue
        TeksStandar.objects.update_or_create(
            instansi=instansi, bagian=bagian, defaults={"isi": baru, "diubah_oleh": _pengguna(pengguna)}
        )
        diubah[bagian] = [lama, baru]
    if diubah:
        catat(
            pengguna,
            "ubah_teks_standar",
            instansi,
            ringkasan=f"Teks standar {instansi}: " + ", ".join(teks_standar.BAGIAN[b] for b in diubah),
            perubahan=diubah,
        )
    return list(diubah)


def _pengguna(pengguna):
    return pengguna if getattr(pengguna, "is_authenticated", False) else None


# --- the head of region (PIHAK KEDUA of the Camat's PK) --------------------------------------


@transaction.atomic
def simpan_kepala_daerah(pemda: Pemda, nama: str, sebutan: str = "", pengguna=None) -> KepalaDaerah | None:
    """Set (or, with an empty name, clear) the Bupati / Wali Kota printed in the Camat's PK."""
    nama, sebutan = " ".join(nama.split()), " ".join(sebutan.split())
    masalah = {}
    batas = {f.name: f.max_length for f in KepalaDaerah._meta.fields if f.name in ("nama", "sebutan")}
    for bidang, nilai in (("nama", nama), ("sebutan", sebutan)):
        if len(nilai) > batas[bidang]:
            masalah[bidang] = [f"Paling banyak {batas[bidang]} karakter."]
    if masalah:
        raise ValidationError(masalah)
    lama = KepalaDaerah.objects.select_for_update().filter(pemda=pemda).first()
    sebelum = [lama.nama, lama.sebutan] if lama else ["", ""]
    if [nama, sebutan] == sebelum:
        return lama
    if not nama:
        if lama:
            lama.delete()
        catat(
            pengguna,
            "ubah_kepala_daerah",
            pemda,
            ringkasan=f"Nama kepala daerah {pemda} dikosongkan",
            perubahan={"nama": [sebelum[0], ""], "sebutan": [sebelum[1], ""]},
        )
        return None
    baru, _ = KepalaDaerah.objects.update_or_create(pemda=pemda, defaults={"nama": nama, "sebutan": sebutan})
    catat(
        pengguna,
        "ubah_kepala_daerah",
        pemda,
        ringkasan=f"{baru.jabatan}: {nama}",
        perubahan={"nama": [sebelum[0], nama], "sebutan": [sebelum[1], sebutan]},
    )
    return baru


# --- PAdES signatures (kinerja.laporan.tanda_tangan) -------------------------------------------

# The documents a pemda signs digitally: the decreed Dokumen IKI and the Perjanjian Kinerja.
DAPAT_DITANDATANGANI = ("iki", "pk")


def tandatangani(
    jenis: str, objek, data, p12: bytes, sandi: str | None, nama_dasar: str, pengguna=None, *, kertas=None
) -> Berkas:
    """The document's PDF signed (PAdES) with the uploaded PKCS#12; a draft Dokumen IKI is refused,
    since only what is decreed is signed. Each signature is recorded in the audit trail."""
    from . import tanda_tangan

    if jenis not in DAPAT_DITANDATANGANI:
        raise LaporanError(f"{LAPORAN[jenis].judul} tidak ditandatangani secara elektronik.")
    if jenis == "iki" and data.draft:
        raise LaporanError("Dokumen IKI ini masih draf: tetapkan dulu sebelum ditandatangani secara elektronik.")
    berkas = tulis(jenis, data, "pdf", kertas, nama_dasar)
    try:
        isi_bertanda = tanda_tangan.tandatangani_pdf(
            berkas.isi,
            p12,
            sandi,
            alasan=f"Menetapkan {LAPORAN[jenis].judul}",
            lokasi=data.tempat_tanggal.split(",")[0].strip(),
        )
    except tanda_tangan.TandaTanganError as exc:
        raise LaporanError(str(exc)) from exc
    [hasil] = tanda_tangan.periksa_pdf(isi_bertanda)
    catat(
        pengguna,
        "tandatangani_dokumen",
        objek,
        ringkasan=f"{LAPORAN[jenis].judul} ditandatangani secara elektronik oleh {hasil.penanda_tangan}",
        perubahan={"berkas": [None, berkas.nama], "sertifikat": [None, hasil.nomor_seri]},
    )
    nama = berkas.nama.removesuffix(".pdf") + "-ttd.pdf"
    return Berkas(nama, isi_bertanda, JENIS_BERKAS["pdf"], berkas.peringatan)


# --- the letterhead (kop surat) --------------------------------------------------------------

BATAS_LAMBANG = 2 * 1024 * 1024
BIDANG_KOP = ("nama_kantor", "alamat", "kode_pos", "telepon", "email", "laman", "tembusan")


@transaction.atomic
def simpan_kop(
    instansi: Instansi,
    isian: Mapping[str, str],
    *,
    lambang: tuple[str, bytes] | None = None,
    hapus_lambang: bool = False,
    pengguna=None,
) -> list[str]:
    """Save the kop surat of ``instansi`` (BIDANG_KOP) and, when given, its pemda's lambang daerah
    ((file name, bytes) of an image). Returns the names of what changed; ValidationError with Indonesian
    messages per field leaves everything unchanged."""
    from django.core.validators import validate_email

    from .kop import lambang_png

    instansi = Instansi.objects.select_for_update().select_related("pemda").get(pk=instansi.pk)
    baru = {}
    masalah: dict[str, list[str]] = {}
    for bidang in BIDANG_KOP:
        if bidang not in isian:
            continue
        nilai = _rapikan(isian[bidang]) if bidang == "tembusan" else " ".join(isian[bidang].split())
        batas = Instansi._meta.get_field(bidang).max_length
        if batas and len(nilai) > batas:
            masalah[bidang] = [f"Paling banyak {batas} karakter."]
        baru[bidang] = nilai
    if baru.get("kode_pos") and not (baru["kode_pos"].isdigit() and len(baru["kode_pos"]) == 5):
        masalah["kode_pos"] = ["Kode pos terdiri dari 5 angka."]
    if baru.get("email"):
        try:
            validate_email(baru["email"])
        except ValidationError:
            masalah["email"] = ["Alamat e-mail tidak sah."]
    png = None
    if lambang is not None:
        try:
            png = lambang_png(lambang[1], lambang[0])
        except ValidationError as exc:
            masalah.update(exc.message_dict)
    if masalah:
        raise ValidationError(masalah)
    perubahan = {b: [getattr(instansi, b), v] for b, v in baru.items() if getattr(instansi, b) != v}
    if perubahan:
        for bidang, (_, nilai) in perubahan.items():
            setattr(instansi, bidang, nilai)
        instansi.save(update_fields=list(perubahan))
        catat(pengguna, "ubah_kop_surat", instansi, ringkasan=f"Kop surat {instansi} diubah", perubahan=perubahan)
    pemda = instansi.pemda
    if png is not None or (hapus_lambang and pemda.lambang):
        pemda.lambang = png or b""
        pemda.save(update_fields=["lambang"])
        ringkasan = f"Lambang daerah {pemda} " + ("diganti" if png else "dihapus")
        catat(pengguna, "ubah_lambang_daerah", pemda, ringkasan=ringkasan)
        perubahan["lambang"] = [None, None]
    return list(perubahan)


# --- programs and budgets in the PK of eselon III/IV heads -----------------------------------


def boleh_program(jabatan: Jabatan) -> bool:
    """Programs and budgets belong in the PK of a structural head: eselon III or IV."""
    return jabatan.eselon.strip().upper().startswith(("III", "IV"))


@transaction.atomic
def simpan_program(jabatan: Jabatan, tahun: int, teks: str, pengguna=None) -> int:
    """Replace the programs of ``jabatan``'s PK for ``tahun`` with the lines of ``teks``, each
    "Program; anggaran[; keterangan]" with the budget written the Indonesian way (1.250.000.000 or
    1.250.000,50). Returns how many; a bad line raises ValidationError naming it, nothing changed."""
    from kinerja.format import parse_angka

    from .models import ProgramAnggaran

    if not boleh_program(jabatan):
        raise ValidationError({"program": [f"{jabatan} bukan jabatan eselon III/IV: PK-nya tanpa program."]})
    baris, masalah, nama_ada = [], [], set()
    batas = ProgramAnggaran._meta.get_field("program").max_length
    for nomor, isi_baris in enumerate(teks.replace("\r\n", "\n").split("\n"), 1):
        if not isi_baris.strip():
            continue
        bagian = [b.strip() for b in isi_baris.split(";")]
        if len(bagian) not in (2, 3) or not bagian[0]:
            masalah.append(f"Baris {nomor}: tulis “Program; anggaran” atau “Program; anggaran; keterangan”.")
            continue
        try:
            anggaran = parse_angka(bagian[1].removeprefix("Rp").strip())
        except ValueError:
            masalah.append(f"Baris {nomor}: anggaran “{bagian[1]}” bukan angka (mis. 1.250.000.000).")
            continue
        if anggaran < 0:
            masalah.append(f"Baris {nomor}: anggaran tidak boleh negatif.")
        if len(bagian[0]) > batas:
            masalah.append(f"Baris {nomor}: nama program paling banyak {batas} karakter.")
        if bagian[0].lower() in nama_ada:
            masalah.append(f"Baris {nomor}: program “{bagian[0]}” sudah disebut.")
        nama_ada.add(bagian[0].lower())
        baris.append((bagian[0], anggaran, bagian[2][:120] if len(bagian) == 3 else ""))
    if masalah:
        raise ValidationError({"program": masalah})
    lama = [
        [p.program, str(p.anggaran), p.keterangan]
        for p in ProgramAnggaran.objects.select_for_update().filter(jabatan=jabatan, tahun=tahun)
    ]
    baru = [[n, str(a.quantize(Decimal("0.01"))), k] for n, a, k in baris]
    if lama == baru:
        return len(baris)
    ProgramAnggaran.objects.filter(jabatan=jabatan, tahun=tahun).delete()
    ProgramAnggaran.objects.bulk_create(
        ProgramAnggaran(jabatan=jabatan, tahun=tahun, urutan=i, program=n, anggaran=a, keterangan=k)
        for i, (n, a, k) in enumerate(baris)
    )
    catat(
        pengguna,
        "ubah_program_pk",
        jabatan,
        ringkasan=f"Program dan anggaran PK {jabatan} {tahun}: {len(baris)} program",
        perubahan={"program": [lama, baru]},
    )
    return len(baris)
