"""`kinerja report`: the official documents and reports as PDF, DOCX or XLSX files.

    kinerja report iki   --instansi ID --tahun N --format pdf|docx|xlsx [-o FILE]
    kinerja report pk    --jabatan ID --tahun N --format pdf|docx [--tanggal 2026-01-02]
    kinerja report lkjip --instansi ID --tahun N --format pdf|docx|xlsx [--periode SD_TW3]
    kinerja report rekap (--pemda ID | --instansi ID) --tahun N --format pdf|docx|xlsx
    kinerja report skm   --instansi ID --tahun N [--periode S1] --format pdf|docx|xlsx

Bad input gets one Indonesian line on stderr and exit code 1, never a traceback; what the document
leaves blank for a hand to fill in (a missing signatory) is said on stderr too.
"""

import sys
from pathlib import Path

from kinerja.cli_umum import PerintahGagal, cari_instansi, cari_satu

JENIS = ("iki", "pk", "lkjip", "rekap", "skm")


def daftarkan(sub, setup_django):
    p = sub.add_parser(
        "report",
        help="buat dokumen resmi: Dokumen IKI, Perjanjian Kinerja, Pengukuran Kinerja, rekap kabupaten",
        description="Tulis dokumen resmi sebagai berkas PDF, DOCX atau XLSX: 'iki' (Dokumen IKI dengan keputusan "
        "dan lampiran; XLSX = katalog), 'pk' (Perjanjian Kinerja satu jabatan), 'lkjip' (tabel "
        "pengukuran kinerja), 'rekap' (rekapitulasi semua kecamatan satu pemda) dan 'skm' (laporan hasil "
        "Survei Kepuasan Masyarakat satu instansi dan periode).",
    )
    p.add_argument("jenis", choices=JENIS, help="jenis dokumen: iki, pk, lkjip, rekap atau skm")
    p.add_argument("--instansi", metavar="ID", help="ID atau nama instansi (iki, lkjip; untuk rekap: pemda-nya)")
    p.add_argument("--jabatan", metavar="ID", help="ID jabatan (wajib untuk pk)")
    p.add_argument("--pemda", metavar="ID", help="ID atau nama pemda (rekap)")
    p.add_argument("--tahun", type=int, metavar="N", required=True, help="tahun dokumen")
    p.add_argument("--format", choices=("pdf", "docx", "xlsx"), default="pdf", help="format berkas (bawaan pdf)")
    p.add_argument("--kertas", choices=("a4", "f4"), default="a4", help="ukuran kertas (bawaan a4)")
    p.add_argument(
        "--periode",
        default="TAHUN",
        help="periode pengukuran lkjip/rekap: TAHUN (bawaan), TW1–TW4, S1, S2, SD_TW1–SD_TW4",
    )
    p.add_argument(
        "--revisi", type=int, metavar="R", help="revisi dokumen IKI (bawaan: yang berlaku, atau draf terakhir)"
    )
    p.add_argument(
        "--tanggal", metavar="TANGGAL", help="tanggal penandatanganan PK, mis. 2026-01-02 (bawaan: tanggal SK IKI)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="berkas tujuan (bawaan: nama baku di direktori ini)")
    p.set_defaults(func=lambda args: _jalankan(args, setup_django))


def _jalankan(args, setup_django) -> int:
    setup_django()
    from kinerja.laporan.isi import LaporanError

    try:
        berkas = _buat(args)
    except (PerintahGagal, LaporanError) as exc:
        print(f"kinerja report: {exc}", file=sys.stderr)
        return 1
    tujuan = Path(args.output) if args.output else Path(berkas.nama)
    try:
        tujuan.write_bytes(berkas.isi)
    except OSError as exc:
        print(f"kinerja report: tidak dapat menulis {tujuan}: {exc.strerror}", file=sys.stderr)
        return 1
    for pesan in berkas.peringatan:
        print(f"Peringatan: {pesan}", file=sys.stderr)
    print(f"Tersimpan: {tujuan} ({len(berkas.isi):,} bita)".replace(",", "."))
    return 0


def _buat(args):
    from kinerja.format import parse_tanggal
    from kinerja.laporan import layanan

    if args.jenis == "skm":
        return _buat_skm(args)
    layanan.periksa_format(args.jenis, args.format)
    if args.jenis == "pk":
        if not args.jabatan:
            raise PerintahGagal("Perjanjian Kinerja dibuat per jabatan: sebutkan --jabatan ID.")
        jabatan = _jabatan(args.jabatan)
        if args.instansi and cari_instansi(args.instansi).pk != jabatan.instansi_id:
            raise PerintahGagal(f"jabatan {jabatan.pk} ({jabatan}) bukan jabatan instansi {args.instansi}.")
        try:
            tanggal = parse_tanggal(args.tanggal) if args.tanggal else None
        except ValueError as exc:
            raise PerintahGagal(str(exc)) from None
        return layanan.buat_pk(jabatan, args.tahun, args.format, kertas=args.kertas, tanggal=tanggal)
    if args.jabatan:
        raise PerintahGagal(f"--jabatan hanya untuk pk; {args.jenis} dibuat untuk satu instansi.")
    if args.jenis == "rekap":
        pemda = (
            _pemda(args.pemda)
            if args.pemda
            else cari_instansi(args.instansi).pemda
            if args.instansi
            else _pemda_tunggal()
        )
        return layanan.buat_rekap(pemda, args.tahun, args.format, kertas=args.kertas, periode=args.periode)
    if not args.instansi:
        raise PerintahGagal(f"sebutkan --instansi ID untuk {args.jenis}.")
    instansi = cari_instansi(args.instansi)
    if args.jenis == "iki":
        return layanan.buat_iki(instansi, args.tahun, args.format, kertas=args.kertas, revisi=args.revisi)
    return layanan.buat_lkjip(instansi, args.tahun, args.format, kertas=args.kertas, periode=args.periode)


def _jabatan(teks: str):
    from kinerja.organisasi.models import Jabatan

    if not teks.strip().isdigit():
        raise PerintahGagal(f"--jabatan harus ID jabatan (angka), bukan '{teks}'.")
    return cari_satu(Jabatan.objects, teks, "jabatan")


def _pemda(teks: str):
    from kinerja.organisasi.models import Pemda

    return cari_satu(Pemda.objects, teks, "pemda")


def _pemda_tunggal():
    from kinerja.organisasi.models import Pemda

    semua = list(Pemda.objects.all()[:2])
    if len(semua) != 1:
        raise PerintahGagal("sebutkan --pemda ID (atau --instansi ID) untuk rekap.")
    return semua[0]


def _buat_skm(args):
    """The SKM report of one instansi and period (kinerja.survei.laporan), as PDF, DOCX or XLSX."""
    from kinerja.ikm import IKMError
    from kinerja.laporan.layanan import JENIS_BERKAS, Berkas
    from kinerja.survei import laporan as skm
    from kinerja.survei.models import Survei

    if not args.instansi:
        raise PerintahGagal("sebutkan --instansi ID untuk skm.")
    instansi = cari_instansi(args.instansi)
    survei = Survei.objects.filter(instansi=instansi, tahun=args.tahun)
    if args.periode != "TAHUN" or survei.filter(periode="TAHUN").exists():
        survei = survei.filter(periode=args.periode)
    pilihan = list(survei[:2])
    if not pilihan:
        raise PerintahGagal(f"tidak ada SKM {instansi} tahun {args.tahun} periode {args.periode}.")
    if len(pilihan) > 1:
        raise PerintahGagal(f"{instansi} punya beberapa SKM tahun {args.tahun}: sebutkan --periode (mis. S1).")
    [satu] = pilihan
    try:
        laporan = skm.susun_laporan(satu)
    except IKMError as exc:
        raise PerintahGagal(f"SKM {instansi} {args.tahun}: {exc}") from None
    buat = {"pdf": skm.laporan_pdf, "docx": skm.laporan_docx, "xlsx": skm.laporan_xlsx}[args.format]
    return Berkas(skm.nama_berkas(satu, args.format), buat(laporan), JENIS_BERKAS[args.format])
