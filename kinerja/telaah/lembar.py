"""The "Lembar Penilaian IKI": who assessed which candidate how, as XLSX (openpyxl) and PDF (WeasyPrint)."""

from io import BytesIO

from django.template.loader import render_to_string

from kinerja.format import format_angka, format_tanggal
from kinerja.iki.models import DokumenIKI
from kinerja.telaah.models import KRITERIA, SYARAT, Usulan
from kinerja.telaah.tahapan import skor_usulan

KOLOM = [
    "Jabatan",
    "Sasaran",
    "Usulan indikator",
    "Penilai",
    *[label for _, label in SYARAT],
    *[label for _, label in KRITERIA],
    "Skor",
    "Catatan",
    "Status",
]


def _nama(user) -> str:
    if user is None:
        return "-"
    return user.get_full_name() or user.username


def baris_lembar(dokumen: DokumenIKI) -> list[list[str]]:
    """One row per assessment (a candidate without assessment gets one row too), in catalogue order."""
    usulan = (
        Usulan.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan", "diusulkan_oleh")
        .prefetch_related("penilaian__penilai")
        .order_by("sasaran__jabatan__urutan", "sasaran__jabatan__nama", "sasaran__urutan", "sasaran_id", "id")
    )
    hasil = []
    for u in usulan:
        awal = [u.sasaran.jabatan.nama, u.sasaran.uraian, u.nama]
        penilaian = list(u.penilaian.all())
        for p in penilaian:
            hasil.append(
                [
                    *awal,
                    _nama(p.penilai),
                    *["Ya" if getattr(p, k) else "Tidak" for k, _ in SYARAT],
                    *[str(getattr(p, k)) for k, _ in KRITERIA],
                    format_angka(p.skor),
                    p.catatan,
                    u.get_status_display(),
                ]
            )
        if not penilaian:
            hasil.append(
                [*awal, "belum dinilai", *[""] * (len(SYARAT) + len(KRITERIA)), "", "", u.get_status_display()]
            )
        elif len(penilaian) > 1:
            rata = skor_usulan(u)
            hasil.append([*awal, "Rata-rata", *[""] * (len(SYARAT) + len(KRITERIA)), format_angka(rata), "", ""])
    return hasil


def _teks_aman(nilai: str) -> str:
    # A cell starting with = + - @ would be read by spreadsheet programs as a formula.
    return "'" + nilai if isinstance(nilai, str) and nilai[:1] in ("=", "+", "-", "@") else nilai


def lembar_xlsx(dokumen: DokumenIKI) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Lembar Penilaian IKI"
    ws.append([f"LEMBAR PENILAIAN IKI {dokumen.instansi.nama.upper()} TAHUN {dokumen.tahun}"])
    ws.append([f"Revisi {dokumen.revisi}; dicetak {format_tanggal(_hari_ini())}"])
    ws.append([])
    ws.append(KOLOM)
    for sel in ws[4]:
        sel.font = Font(bold=True)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for baris in baris_lembar(dokumen):
        ws.append([_teks_aman(x) for x in baris])
    ws["A1"].font = Font(bold=True, size=12)
    for kolom, lebar in zip(
        "ABCDEFGHIJKLMNO", (28, 30, 40, 20, 10, 12, 12, 10, 10, 10, 14, 14, 8, 30, 14), strict=False
    ):
        ws.column_dimensions[kolom].width = lebar
    keluaran = BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def lembar_html(dokumen: DokumenIKI) -> str:
    return render_to_string(
        "telaah/lembar.html",
        {"dokumen": dokumen, "kolom": KOLOM, "baris": baris_lembar(dokumen), "tanggal": format_tanggal(_hari_ini())},
    )


def lembar_pdf(dokumen: DokumenIKI) -> bytes:
    from kinerja.laporan.pdf import ke_pdf

    return ke_pdf(lembar_html(dokumen))


def _hari_ini():
    from django.utils import timezone

    return timezone.localdate()
