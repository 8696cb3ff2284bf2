"""Benchmark: the official documents of issue 6.

Targets: a kecamatan's whole IKI document (15 jabatan, 60 indicators) to PDF < 3 s and to DOCX
< 1 s; the 30-kecamatan recap to XLSX < 2 s. Reading from the database is included every time.

Builds the demo kabupaten (kinerja.demo.buat_demo(30)) in a temporary SQLite database, or uses
DATABASE_URL when set (the demo is loaded there only if absent). The demo kecamatan have 14
jabatan and 41–46 indicators, so the first one gets a draft revision of this year's document with
a fifteenth jabatan and extra indicators up to 60; that revision is what the IKI timings render.

    .venv/bin/python bench/reports.py [--kecamatan 30] [--ulang 5]
"""

import argparse
import sys
import time

from _kabupaten import HARI_INI, kabupaten_demo

JABATAN, INDIKATOR = 15, 60
TARGET = {"pdf": 3.0, "docx": 1.0, "rekap": 2.0}


def _siapkan_dokumen(instansi, tahun):
    """A draft revision with 15 jabatan and 60 indicators (copies of real ones under new names)."""
    from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
    from kinerja.organisasi.models import Jabatan
    from kinerja.realisasi.berlaku import dokumen_berlaku

    draf = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun, status="draft").first()
    if draf is None:
        draf = dokumen_berlaku(instansi, tahun).buat_revisi()
    jabatan = list(Jabatan.objects.filter(instansi=instansi).order_by("urutan"))
    while len(jabatan) < JABATAN:
        atasan = next(j for j in jabatan if j.nama.startswith("Kepala Sub Bagian Perencanaan"))
        jabatan.append(
            Jabatan.objects.create(
                instansi=instansi,
                unit_kerja=atasan.unit_kerja,
                nama=f"Pengadministrasi Perencanaan {len(jabatan)}",
                jenis="pelaksana",
                atasan=atasan,
                urutan=len(jabatan),
                tugas=["Menyiapkan bahan rencana kerja"],
            )
        )
    pakai = set(Sasaran.objects.filter(dokumen=draf).values_list("jabatan_id", flat=True))
    for j in jabatan:
        if j.pk not in pakai:
            Sasaran.objects.create(dokumen=draf, jabatan=j, uraian="Meningkatnya kualitas dokumen perencanaan")
    sasaran = list(Sasaran.objects.filter(dokumen=draf).order_by("id"))
    contoh = list(Indikator.objects.filter(sasaran__dokumen=draf, ekspresi__contains="/").prefetch_related("variabel"))
    nomor = Indikator.objects.filter(sasaran__dokumen=draf).count()
    while nomor < INDIKATOR:
        asal = contoh[nomor % len(contoh)]
        baru = Indikator.objects.create(
            sasaran=sasaran[nomor % len(sasaran)],
            nama=f"{asal.nama} (lanjutan {nomor})",
            ekspresi=asal.ekspresi,
            satuan=asal.satuan,
            sumber_data=asal.sumber_data,
            urutan=100 + nomor,
        )
        Variabel.objects.bulk_create(
            Variabel(
                indikator=baru,
                kode=v.kode,
                uraian=v.uraian,
                agregasi=v.agregasi,
                nilai_tetap=v.nilai_tetap,
                konstanta_id=v.konstanta_id,
            )
            for v in asal.variabel.all()
        )
        nomor += 1
    return draf


def _ukur(fungsi, ulang):
    from django.db import connection

    waktu, hasil = [], None
    for _ in range(ulang):
        connection.close()  # every run pays for its own connection and reads, nothing cached
        mulai = time.perf_counter()
        hasil = fungsi()
        waktu.append(time.perf_counter() - mulai)
    return waktu, hasil


def _cetak(nama, waktu, target, keterangan):
    median = sorted(waktu)[len(waktu) // 2]
    status = "" if target is None else f" [{'OK' if max(waktu[0], median) < target else 'LAMBAT'}: target < {target} s]"
    print(f"{nama}: pertama {waktu[0]:.3f} s, terbaik {min(waktu):.3f} s, median {median:.3f} s; {keterangan}{status}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecamatan", type=int, default=30)
    parser.add_argument("--ulang", type=int, default=5, help="jumlah pengukuran (dicetak pertama, terbaik, median)")
    args = parser.parse_args()

    with kabupaten_demo(args.kecamatan) as pemda:
        return _semua_laporan(args, pemda)


def _semua_laporan(args, pemda) -> int:
    from django.db import connection

    from kinerja import demo
    from kinerja.laporan import layanan
    from kinerja.organisasi.models import Jabatan

    instansi = pemda.instansi.order_by("id").first()
    tahun_lalu, tahun_ini = demo.tahun_demo(HARI_INI)
    draf = _siapkan_dokumen(instansi, tahun_ini)
    print(f"basis data: {connection.vendor}; {instansi}, dokumen IKI {tahun_ini} rev. {draf.revisi}")

    waktu, berkas = _ukur(lambda: layanan.buat_iki(instansi, tahun_ini, "pdf", revisi=draf.revisi), args.ulang)
    data = layanan.data_iki(instansi, tahun_ini, draf.revisi)
    import pypdfium2 as pdfium

    halaman = len(pdfium.PdfDocument(berkas.isi))
    _cetak(
        "Dokumen IKI → PDF",
        waktu,
        TARGET["pdf"],
        f"{len(data.jabatan)} jabatan, {data.jumlah_indikator} indikator, {halaman} halaman, {len(berkas.isi):,} bita",
    )
    waktu, berkas = _ukur(lambda: layanan.buat_iki(instansi, tahun_ini, "docx", revisi=draf.revisi), args.ulang)
    _cetak("Dokumen IKI → DOCX", waktu, TARGET["docx"], f"{len(berkas.isi):,} bita")
    waktu, berkas = _ukur(lambda: layanan.buat_iki(instansi, tahun_ini, "xlsx", revisi=draf.revisi), args.ulang)
    _cetak("Katalog IKI → XLSX", waktu, None, f"{len(berkas.isi):,} bita")

    jumlah = pemda.instansi.count()
    waktu, berkas = _ukur(lambda: layanan.buat_rekap(pemda, tahun_lalu, "xlsx"), args.ulang)
    _cetak(f"Rekap {jumlah} kecamatan {tahun_lalu} → XLSX", waktu, TARGET["rekap"], f"{len(berkas.isi):,} bita")
    waktu, berkas = _ukur(lambda: layanan.buat_rekap(pemda, tahun_lalu, "pdf"), args.ulang)
    _cetak(f"Rekap {jumlah} kecamatan {tahun_lalu} → PDF", waktu, None, f"{len(berkas.isi):,} bita")
    waktu, berkas = _ukur(lambda: layanan.buat_rekap(pemda, tahun_lalu, "docx"), args.ulang)
    _cetak(f"Rekap {jumlah} kecamatan {tahun_lalu} → DOCX", waktu, None, f"{len(berkas.isi):,} bita")

    waktu, _ = _ukur(lambda: layanan.buat_lkjip(instansi, tahun_lalu, "pdf"), args.ulang)
    _cetak(f"Pengukuran Kinerja {tahun_lalu} → PDF", waktu, None, "tabel dan grafik per sasaran")
    waktu, berkas = _ukur(lambda: layanan.buat_lkjip(instansi, tahun_lalu, "docx"), args.ulang)
    _cetak(f"Pengukuran Kinerja {tahun_lalu} → DOCX", waktu, None, f"grafik sebagai PNG, {len(berkas.isi):,} bita")
    sekcam = Jabatan.objects.get(instansi=instansi, nama="Sekretaris Kecamatan")
    waktu, _ = _ukur(lambda: layanan.buat_pk(sekcam, tahun_lalu, "pdf"), args.ulang)
    _cetak("Perjanjian Kinerja → PDF", waktu, None, str(sekcam))
    return 0


if __name__ == "__main__":
    sys.exit(main())
