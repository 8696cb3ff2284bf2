"""Excel round trip for entering values: a pre-filled template, a preview of an upload, an all-or-nothing commit.

The template (``buat_template``) has a row per entered variable of the document in force, for one
instansi or one jabatan and one quarter: hidden columns carry the variable id and the version of
the value at download time; only the Nilai and Catatan cells are unlocked, and Nilai only takes
numbers. A very hidden sheet names the document and period.

``pratinjau_unggahan`` reads an uploaded template and reports, by row, what would change, the
validation warnings and the errors (bad number, unknown row, no right to enter, locked period,
value changed by somebody since the download) — writing nothing. ``terapkan_unggahan`` then
writes every change through layanan.simpan_nilai in one transaction: one refusal and nothing is
written.
"""

import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja import unggahan
from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.iki.models import DokumenIKI, Variabel
from kinerja.organisasi.models import Instansi, Jabatan
from kinerja.pengukuran import AGREGASI, Periode
from kinerja.sel_aman import simpan_buku

from .berlaku import dokumen_berlaku
from .layanan import Sumber, alasan_terkunci, bersihkan_nilai, peringatan_nilai, simpan_nilai
from .models import IsianPeriode, NilaiVariabel
from .periode import jendela_isian, nomor_triwulan, triwulan_dilaporkan

FORMAT = "kinerja-isian/1"
LEMBAR_ISIAN = "Isian"
LEMBAR_META = "_kinerja"
BARIS_JUDUL_KOLOM = 4
KOLOM = ["id", "versi", "Jabatan", "Indikator", "Variabel", "Kode", "Agregasi", "Nilai", "Catatan", "Keterangan"]
KOL_ID, KOL_VERSI, KOL_NILAI, KOL_CATATAN = 1, 2, 8, 9
_BATAS = "99999999999999"


class UnggahanGagal(ValidationError):
    """Applying an upload was refused at one row; nothing was written. ``.baris``, ``.sebab`` (the original error)."""

    def __init__(self, baris: int, sebab: Exception):
        self.baris, self.sebab = baris, sebab
        pesan = "; ".join(getattr(sebab, "messages", None) or [str(sebab)])
        super().__init__(f"Baris {baris}: {pesan} Tidak ada nilai yang disimpan.", code="unggahan_gagal")


@dataclass(frozen=True)
class Perubahan:
    baris: int
    variabel_id: int
    kode: str
    uraian: str
    jabatan: str
    lama: Decimal | None
    baru: Decimal | None
    catatan: str
    versi: int


@dataclass
class Pratinjau:
    """What an upload would change; ``galat`` and ``peringatan`` are (row, message), row 0 for the whole file."""

    dokumen_id: int | None = None
    tahun: int | None = None
    periode: str = ""
    perubahan: list[Perubahan] = field(default_factory=list)
    peringatan: list[tuple[int, str]] = field(default_factory=list)
    galat: list[tuple[int, str]] = field(default_factory=list)

    @property
    def bisa_diterapkan(self) -> bool:
        return not self.galat and bool(self.perubahan)


def _variabel_isian(dokumen: DokumenIKI, periode: str, jabatan: Jabatan | None):
    triwulan = nomor_triwulan(periode)
    qs = (
        Variabel.objects.filter(indikator__sasaran__dokumen=dokumen, nilai_tetap__isnull=True, konstanta__isnull=True)
        .select_related("indikator__sasaran__jabatan")
        .order_by(
            "indikator__sasaran__jabatan__urutan",
            "indikator__sasaran__jabatan_id",
            "indikator__sasaran__urutan",
            "indikator__sasaran_id",
            "indikator__urutan",
            "indikator_id",
            "urutan",
            "id",
        )
    )
    if jabatan is not None:
        qs = qs.filter(indikator__sasaran__jabatan=jabatan)
    return [v for v in qs if triwulan in triwulan_dilaporkan(v.indikator.periode_pelaporan)]


def _isian_per_jabatan(dokumen: DokumenIKI, periode: str, jabatan_ids) -> dict[int, IsianPeriode]:
    """The report of each jabatan, unsaved when none exists yet (reading must not create rows)."""
    ada = {
        i.jabatan_id: i
        for i in IsianPeriode.objects.filter(dokumen=dokumen, periode=periode, jabatan_id__in=jabatan_ids)
    }
    batas = jendela_isian(dokumen.tahun, periode)[1]
    for jabatan_id in jabatan_ids:
        if jabatan_id not in ada:
            ada[jabatan_id] = IsianPeriode(dokumen=dokumen, jabatan_id=jabatan_id, periode=periode, batas_waktu=batas)
        ada[jabatan_id].dokumen = dokumen
    return ada


def _angka_excel(nilai: Decimal | None):
    return None if nilai is None else Decimal(format(nilai.normalize(), "f"))


def buat_template(instansi_atau_jabatan: Instansi | Jabatan, tahun: int, periode: str) -> bytes:
    """An .xlsx entry template for an instansi (every jabatan) or one jabatan, for a quarter of ``tahun``."""
    try:
        nomor_triwulan(periode)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    jabatan = instansi_atau_jabatan if isinstance(instansi_atau_jabatan, Jabatan) else None
    instansi = jabatan.instansi if jabatan is not None else instansi_atau_jabatan
    dokumen = dokumen_berlaku(instansi, tahun)
    if dokumen is None:
        raise ValidationError(f"{instansi} belum memiliki dokumen IKI {tahun} yang ditetapkan.")
    variabel = _variabel_isian(dokumen, periode, jabatan)
    nilai = {nv.variabel_id: nv for nv in NilaiVariabel.objects.filter(variabel__in=variabel, periode=periode)}
    isian = _isian_per_jabatan(dokumen, periode, {v.indikator.sasaran.jabatan_id for v in variabel})
    terkunci = {jid: alasan_terkunci(i) for jid, i in isian.items()}

    buku = Workbook()
    ws = buku.active
    ws.title = LEMBAR_ISIAN
    lingkup_teks = f"{jabatan} — {instansi}" if jabatan else str(instansi)
    ws["A1"] = f"Isian realisasi IKI {Periode(periode).label} {tahun}: {lingkup_teks}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = (
        f"Dokumen IKI rev. {dokumen.revisi}{' (SK ' + dokumen.sk_nomor + ')' if dokumen.sk_nomor else ''}. "
        "Isi kolom Nilai dan Catatan saja; angka boleh ditulis 12,5. Kosongkan Nilai untuk menghapus."
    )
    for kolom, judul in enumerate(KOLOM, start=1):
        sel = ws.cell(BARIS_JUDUL_KOLOM, kolom, judul)
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDE7F0")
    terbuka = Protection(locked=False)
    isi_fill = PatternFill("solid", fgColor="FFF7D6")
    for baris, v in enumerate(variabel, start=BARIS_JUDUL_KOLOM + 1):
        nv = nilai.get(v.pk)
        jabatan_id = v.indikator.sasaran.jabatan_id
        nilai_baris = [
            v.pk,
            nv.versi if nv else 0,
            v.indikator.sasaran.jabatan.nama,
            v.indikator.nama,
            v.uraian,
            v.kode,
            AGREGASI.get(v.agregasi, v.agregasi),
            _angka_excel(nv.nilai) if nv else None,
            nv.catatan if nv else None,
            terkunci[jabatan_id] or "",
        ]
        for kolom, isi in enumerate(nilai_baris, start=1):
            sel = ws.cell(baris, kolom, isi)
            sel.alignment = Alignment(wrap_text=kolom in (4, 5, 10), vertical="top")
        for kolom in (KOL_NILAI, KOL_CATATAN):
            ws.cell(baris, kolom).protection = terbuka
            ws.cell(baris, kolom).fill = isi_fill
    akhir = BARIS_JUDUL_KOLOM + max(len(variabel), 1)
    validasi = DataValidation(
        type="decimal",
        operator="between",
        formula1=f"-{_BATAS}",
        formula2=_BATAS,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bukan angka",
        error="Nilai harus berupa angka (mis. 12 atau 12,5).",
        showInputMessage=True,
        promptTitle="Nilai",
        prompt="Isi angka realisasi variabel ini.",
    )
    ws.add_data_validation(validasi)
    validasi.add(f"H{BARIS_JUDUL_KOLOM + 1}:H{akhir}")
    for huruf, lebar in zip("ABCDEFGHIJ", (6, 6, 28, 48, 48, 18, 14, 14, 30, 40)):
        ws.column_dimensions[huruf].width = lebar
    ws.column_dimensions["A"].hidden = ws.column_dimensions["B"].hidden = True
    ws.freeze_panes = f"C{BARIS_JUDUL_KOLOM + 1}"
    ws.protection.sheet = True  # labels and hidden ids are locked; Nilai and Catatan are not

    meta = buku.create_sheet(LEMBAR_META)
    for baris, (kunci, isi) in enumerate(
        [
            ("format", FORMAT),
            ("dokumen", dokumen.pk),
            ("tahun", tahun),
            ("periode", periode),
            ("instansi", instansi.pk),
            ("jabatan", jabatan.pk if jabatan else None),
        ],
        start=1,
    ):
        meta.cell(baris, 1, kunci)
        meta.cell(baris, 2, isi)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    return simpan_buku(buku)


def _baca_meta(buku) -> dict:
    if LEMBAR_META not in buku.sheetnames or LEMBAR_ISIAN not in buku.sheetnames:
        raise ValueError("Berkas ini bukan templat isian Kinerja; unduh templat dari aplikasi lalu isi.")
    baris = unggahan.baris_terbatas(buku[LEMBAR_META].iter_rows(min_col=1, max_col=2, values_only=True))
    meta = {str(k): v for k, v in baris if k}
    if meta.get("format") != FORMAT:
        raise ValueError("Versi templat tidak dikenal; unduh templat terbaru dari aplikasi.")
    return meta


def _sel_angka_bulat(isi) -> int | None:
    if isinstance(isi, bool):
        return None
    if isinstance(isi, int):
        return isi
    if isinstance(isi, float) and isi.is_integer():
        return int(isi)
    if isinstance(isi, str) and isi.strip().isdigit():
        return int(isi.strip())
    return None


def _huruf_kolom(nomor: int) -> str:
    return "ABCDEFGHIJ"[nomor - 1]


def pratinjau_unggahan(pengguna, berkas_bytes: bytes, nama_file: str | None = None) -> Pratinjau:
    """What uploading this filled template would change, with warnings and errors by row; writes nothing.

    The file is bounded before and while it is read (kinerja.unggahan); a formula typed into a
    Nilai or Catatan cell is refused by cell name, never read as its cached value or a blank.
    """
    pratinjau = Pratinjau()
    try:
        buku = unggahan.buka_xlsx(berkas_bytes, nama_file, data_only=False)
    except unggahan.BerkasDitolak as exc:
        pratinjau.galat.append((0, str(exc)))
        return pratinjau
    try:
        return _pratinjau_buku(pengguna, buku, pratinjau, nama_file)
    except unggahan.BerkasDitolak as exc:
        pratinjau.galat.append((0, str(exc)))
        return pratinjau
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, TypeError, EOFError, SyntaxError):
        pratinjau.galat.append((0, "Berkas bukan file Excel (.xlsx) yang dapat dibaca."))
        return pratinjau
    finally:
        buku.close()


def _pratinjau_buku(pengguna, buku, pratinjau: Pratinjau, nama_file: str | None) -> Pratinjau:
    try:
        meta = _baca_meta(buku)
    except ValueError as exc:
        pratinjau.galat.append((0, str(exc)))
        return pratinjau
    periode = str(meta.get("periode") or "")
    dokumen = DokumenIKI.objects.select_related("instansi").filter(pk=_sel_angka_bulat(meta.get("dokumen"))).first()
    if dokumen is None or periode not in ("TW1", "TW2", "TW3", "TW4"):
        pratinjau.galat.append((0, "Templat merujuk dokumen atau periode yang tidak ada; unduh templat baru."))
        return pratinjau
    pratinjau.dokumen_id, pratinjau.tahun, pratinjau.periode = dokumen.pk, dokumen.tahun, periode

    dibaca = []  # (row, variabel id, versi, nilai cell, catatan cell)
    baris_lembar = unggahan.baris_terbatas(
        buku[LEMBAR_ISIAN].iter_rows(max_col=len(KOLOM)), nama_file, lembar=LEMBAR_ISIAN
    )
    for nomor, sel in enumerate(baris_lembar, start=1):
        if nomor <= BARIS_JUDUL_KOLOM:
            continue
        baris = [getattr(s, "value", None) for s in sel] + [None] * (len(KOLOM) - len(sel))
        if all(isi is None for isi in baris):
            continue
        rumus = [k for k in (KOL_NILAI, KOL_CATATAN) if k <= len(sel) and getattr(sel[k - 1], "data_type", None) == "f"]
        if rumus:
            for k in rumus:
                pratinjau.galat.append(
                    (
                        nomor,
                        f"Sel {_huruf_kolom(k)}{nomor} berisi rumus ({str(baris[k - 1])[:40]}); "
                        f"isi {KOLOM[k - 1]} dengan {'angka' if k == KOL_NILAI else 'teks'}, bukan rumus.",
                    )
                )
            continue
        vid, versi = _sel_angka_bulat(baris[KOL_ID - 1]), _sel_angka_bulat(baris[KOL_VERSI - 1])
        if vid is None or versi is None:
            pratinjau.galat.append((nomor, "Kolom tersembunyi (id/versi) rusak; salin nilai ke templat baru."))
            continue
        dibaca.append((nomor, vid, versi, baris[KOL_NILAI - 1], baris[KOL_CATATAN - 1]))

    variabel = {v.pk: v for v in _variabel_isian(dokumen, periode, None)}
    tersimpan = {nv.variabel_id: nv for nv in NilaiVariabel.objects.filter(variabel_id__in=variabel, periode=periode)}
    isian = _isian_per_jabatan(dokumen, periode, {v.indikator.sasaran.jabatan_id for v in variabel.values()})
    berhak: dict[int, bool] = {}
    terkunci: dict[int, str | None] = {}
    baru_per_variabel: dict[tuple[int, str], Decimal | None] = {}
    calon, terlihat = [], set()
    for nomor, vid, versi, isi_nilai, isi_catatan in dibaca:
        v = variabel.get(vid)
        if v is None:
            pratinjau.galat.append((nomor, "Baris tidak dikenal di dokumen dan periode templat ini."))
            continue
        if vid in terlihat:
            pratinjau.galat.append((nomor, f"Variabel {v.kode} muncul lebih dari sekali."))
            continue
        terlihat.add(vid)
        try:
            baru = bersihkan_nilai(isi_nilai)
        except ValidationError as exc:
            pratinjau.galat.append((nomor, f"Nilai “{isi_nilai}”: {exc.messages[0]}"))
            continue
        catatan = "" if isi_catatan is None else str(isi_catatan).strip()
        nv = tersimpan.get(vid)
        lama, catatan_lama = (nv.nilai, nv.catatan) if nv else (None, "")
        baru_per_variabel[(vid, periode)] = baru
        if lama == baru and catatan_lama == catatan:
            continue
        jabatan = v.indikator.sasaran.jabatan
        if jabatan.pk not in berhak:
            berhak[jabatan.pk] = lingkup.boleh_isi(pengguna, jabatan)
            terkunci[jabatan.pk] = alasan_terkunci(isian[jabatan.pk])
        if not berhak[jabatan.pk]:
            pratinjau.galat.append((nomor, f"Anda tidak berhak mengisi realisasi {jabatan}."))
            continue
        if terkunci[jabatan.pk]:
            pratinjau.galat.append((nomor, terkunci[jabatan.pk]))
            continue
        if versi != (nv.versi if nv else 0):
            pratinjau.galat.append(
                (nomor, "Nilai ini telah diubah orang lain sejak templat diunduh; unduh templat baru.")
            )
            continue
        calon.append((nomor, v, Perubahan(nomor, vid, v.kode, v.uraian, jabatan.nama, lama, baru, catatan, versi)))
    for nomor, v, perubahan in calon:
        pratinjau.perubahan.append(perubahan)
        for pesan in peringatan_nilai(v, periode, perubahan.baru, nilai_lain=baru_per_variabel):
            pratinjau.peringatan.append((nomor, pesan))
    return pratinjau


def terapkan_unggahan(pengguna, pratinjau: Pratinjau) -> list[NilaiVariabel]:
    """Write every change of a clean preview in one transaction, each through simpan_nilai; all or nothing."""
    if pratinjau.galat:
        raise ValidationError("Unggahan masih memiliki galat; perbaiki berkasnya lalu unggah ulang.", code="ada_galat")
    variabel = Variabel.objects.in_bulk([p.variabel_id for p in pratinjau.perubahan])
    tersimpan = []
    with transaction.atomic():
        for p in pratinjau.perubahan:
            try:
                tersimpan.append(
                    simpan_nilai(
                        pengguna,
                        variabel[p.variabel_id],
                        pratinjau.periode,
                        p.baru,
                        versi=p.versi,
                        catatan=p.catatan,
                        sumber=Sumber.EXCEL,
                        alasan="Unggah Excel",
                    )
                )
            except (ValidationError, PermissionDenied, KeyError) as exc:
                raise UnggahanGagal(p.baris, exc) from exc
        if tersimpan:
            dokumen = DokumenIKI.objects.get(pk=pratinjau.dokumen_id)
            catat(
                pengguna,
                "unggah_excel",
                dokumen,
                ringkasan=f"{len(tersimpan)} nilai {pratinjau.periode} dari unggahan Excel",
            )
    return tersimpan
