"""`kinerja survei`: import SKM response files and finalise surveys from the command line.

``kinerja survei impor --instansi ID --tahun N --periode TW2 FILE [--regulasi 2017] [--dry-run]``
reads a CSV/XLSX file, prints the IKM, mutu, NRR per unsur and every error by row, and (without
``--dry-run``) saves the respondents into the instansi's survey for that period, creating it when
needed. A file with any error is not saved at all and the exit code is 1.

``kinerja survei finalkan --instansi ID --tahun N --periode TW2`` closes the survey and writes its
IKM into the linked indicators. Runs as the server's operator (no user), like every ``kinerja``
command; bad input gets Indonesian lines on stderr and exit code 1, never a traceback.
"""

from pathlib import Path

from kinerja.cli_umum import PerintahGagal, cari_instansi, jalankan

PERIODE = ("TW1", "TW2", "TW3", "TW4", "S1", "S2", "TAHUN")


def _jalankan(perintah, args, setup_django) -> int:
    from kinerja.ikm import IKMError

    return jalankan(perintah, args, setup_django, nama=f"survei {args.perintah_survei}", tangkap=(IKMError,))


def daftarkan(sub, setup_django):
    survei = sub.add_parser(
        "survei",
        help="survei kepuasan masyarakat (SKM): impor jawaban, finalkan, isi nilai IKM",
        description="Survei kepuasan masyarakat (SKM) per instansi dan periode.",
    )
    perintah = survei.add_subparsers(dest="perintah_survei", metavar="PERINTAH")
    perintah.required = True

    def survei_dipilih(p):
        p.add_argument("--instansi", metavar="ID", required=True, help="ID atau nama instansi")
        p.add_argument("--tahun", type=int, metavar="N", required=True, help="tahun survei")
        p.add_argument(
            "--periode",
            required=True,
            type=str.upper,
            choices=PERIODE,
            metavar="PERIODE",
            help="TW1–TW4, S1, S2 atau TAHUN",
        )

    p = perintah.add_parser(
        "impor",
        help="baca berkas jawaban CSV/XLSX, tampilkan IKM-nya, lalu simpan",
        description="Baca berkas jawaban (satu baris per responden, kolom unsur dikenali dari judulnya), cetak "
        "IKM, mutu, NRR per unsur dan kesalahan per baris, lalu simpan ke survei instansi untuk "
        "periode itu (dibuat bila belum ada). Berkas dengan kesalahan tidak disimpan sama sekali.",
    )
    survei_dipilih(p)
    p.add_argument("berkas", metavar="FILE", help="berkas jawaban .csv atau .xlsx")
    p.add_argument(
        "--regulasi",
        choices=("2017", "2004"),
        help="PermenPAN-RB 14/2017 (9 unsur) atau KepMenPAN 25/2004 (14 unsur); "
        "bawaan: regulasi survei yang sudah ada, atau 2017",
    )
    p.add_argument(
        "--bobot",
        choices=("tepat", "lama"),
        help="untuk survei baru: bobot tepat 1/n (bawaan) atau dibulatkan seperti laporan lama",
    )
    p.add_argument("--populasi", type=int, metavar="N", help="untuk survei baru: jumlah penerima layanan")
    p.add_argument("--ganti", action="store_true", help="ganti responden yang sudah ada (bawaan: tambahkan)")
    p.add_argument("--dry-run", action="store_true", help="hanya baca dan hitung; tidak menulis apa pun")
    p.set_defaults(func=lambda args: _jalankan(cmd_impor, args, setup_django))

    p = perintah.add_parser(
        "finalkan",
        help="finalkan survei dan isi nilai IKM ke indikator yang terhubung",
        description="Finalkan survei instansi untuk periode itu; nilai IKM-nya (dua desimal) menjadi nilai "
        "variabel indikator yang dihubungkan ke survei, pada dokumen IKI yang berlaku.",
    )
    survei_dipilih(p)
    p.set_defaults(func=lambda args: _jalankan(cmd_finalkan, args, setup_django))


def _survei(instansi, tahun, periode):
    from kinerja.survei.models import Survei

    return Survei.objects.filter(instansi=instansi, tahun=tahun, periode=periode).first()


def cmd_impor(args) -> int:
    from kinerja.survei import layanan

    jalur = Path(args.berkas)
    try:
        isi = jalur.read_bytes()
    except OSError as exc:
        raise PerintahGagal(f"berkas {jalur} tidak dapat dibaca: {exc.strerror}.") from None
    instansi = cari_instansi(args.instansi)
    survei = _survei(instansi, args.tahun, args.periode)
    if survei is not None and args.regulasi and args.regulasi != survei.regulasi:
        raise PerintahGagal(f"{survei} memakai regulasi {survei.regulasi}, bukan {args.regulasi}.")
    regulasi = survei.regulasi if survei else (args.regulasi or "2017")
    bobot = survei.bobot if survei else (args.bobot or "tepat")

    pratinjau = layanan.pratinjau_impor(isi, jalur.name, regulasi, bobot=bobot)
    _cetak_pratinjau(pratinjau)
    if pratinjau.kesalahan:
        raise PerintahGagal(f"{len(pratinjau.kesalahan)} kesalahan di {jalur.name}; tidak ada yang disimpan.")
    if args.dry_run:
        print("Uji coba (--dry-run): tidak ada yang disimpan.")
        return 0

    from django.db import transaction

    with transaction.atomic():  # a new survey and its respondents, or neither
        if survei is None:
            survei = layanan.buat_survei(
                None,
                instansi,
                tahun=args.tahun,
                periode=args.periode,
                regulasi=regulasi,
                bobot=bobot,
                populasi=args.populasi,
            )
        baru = layanan.simpan_impor(None, survei, pratinjau, ganti=args.ganti)
    print(f"Disimpan: {len(baru)} responden ke {survei} (sekarang {survei.responden.count()} responden).")
    return 0


def _cetak_pratinjau(pratinjau) -> None:
    from kinerja.format import format_angka
    from kinerja.ikm import ambil_regulasi

    lembar = f" (lembar “{pratinjau.lembar}”)" if pratinjau.lembar else ""
    print(f"Berkas: {pratinjau.nama_file}{lembar}")
    print(f"Responden sah: {len(pratinjau.responden)}")
    hasil = pratinjau.hasil
    if hasil is not None:
        catatan = " (dari baris yang sah saja)" if pratinjau.kesalahan else ""
        print(f"IKM: {format_angka(hasil.nilai)}{catatan}")
        print(f"Mutu: {hasil.mutu} ({hasil.kinerja})")
        print("NRR per unsur:")
        for unsur in ambil_regulasi(hasil.regulasi).unsur:
            print(f"  {unsur.kode:<4} {format_angka(hasil.nrr[unsur.kode]):>5}  {unsur.nama}")
    if pratinjau.kesalahan:
        print(f"Kesalahan ({len(pratinjau.kesalahan)}):")
        for _, pesan in pratinjau.kesalahan:
            print(f"  {pesan}")
    if pratinjau.peringatan:
        print("Peringatan:")
        for pesan in pratinjau.peringatan:
            print(f"  {pesan}")


def cmd_finalkan(args) -> int:
    from kinerja.format import format_angka
    from kinerja.survei import layanan

    instansi = cari_instansi(args.instansi)
    survei = _survei(instansi, args.tahun, args.periode)
    if survei is None:
        raise PerintahGagal(f"belum ada survei {instansi} untuk {args.periode} {args.tahun}.")
    umpan = layanan.finalkan(None, survei)
    hasil = layanan.hasil_survei(survei)
    print(f"{survei} final: IKM {format_angka(hasil.nilai)} ({hasil.mutu}, {hasil.kinerja}).")
    for satu in umpan:
        print(f"  Nilai {format_angka(satu.nilai)} diisikan ke “{satu.indikator.nama}” ({satu.triwulan}).")
    if not umpan:
        print("  Tidak ada indikator dokumen IKI yang berlaku yang dihubungkan ke survei.")
    return 0
