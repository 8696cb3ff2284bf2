"""`kinerja compute`, `kinerja isi`, `kinerja templat` and `kinerja unggah`: measurement from the shell.

``compute`` prints every indicator of an instansi's document in force with target, realisasi,
capaian and kategori (Indonesian number format; ``--json`` for plain numbers). ``isi`` enters one
value and ``unggah`` an Excel template as a given user, through the same service as the web, so
scope, entry windows and workflow locks apply here too. Errors are one Indonesian line on stderr
and exit code 1.
"""

import json
import sys
from pathlib import Path

from kinerja.cli_umum import PerintahGagal, cari_instansi, cari_satu, jalankan

PERIODE_BANTUAN = "TW1–TW4, S1, S2, TAHUN, atau SD_TW1–SD_TW4 (tahun berjalan s.d. triwulan itu)"


def daftarkan(sub, setup_django):
    p = sub.add_parser(
        "compute",
        help="hitung realisasi, capaian dan kategori setiap indikator satu instansi",
        description="Cetak setiap indikator dokumen IKI yang berlaku untuk instansi dan tahun itu: target, "
        "realisasi, capaian dan kategori.",
    )
    p.add_argument("--instansi", metavar="ID", required=True, help="ID atau nama instansi")
    p.add_argument("--tahun", type=int, metavar="N", required=True, help="tahun dokumen IKI")
    p.add_argument("--periode", default="TAHUN", help=f"periode: {PERIODE_BANTUAN} (bawaan TAHUN)")
    p.add_argument("--json", action="store_true", help="cetak JSON (angka biasa) alih-alih tabel")
    p.set_defaults(func=lambda args: jalankan(cmd_compute, args, setup_django))

    p = sub.add_parser(
        "hitung-ulang",
        help="bangun ulang hasil pengukuran tersimpan (dasbor, rekap, laporan, API membacanya)",
        description="Hitung ulang dan simpan realisasi, target, capaian dan kelengkapan setiap indikator dokumen "
        "IKI yang ditetapkan, untuk setiap periode dasbor, bertahap per kelompok dokumen.",
    )
    lingkup = p.add_mutually_exclusive_group(required=True)
    lingkup.add_argument("--instansi", metavar="ID", help="ID atau nama instansi")
    lingkup.add_argument("--pemda", metavar="ID", help="ID atau nama pemda")
    lingkup.add_argument("--semua", action="store_true", help="semua instansi")
    p.add_argument("--tahun", type=int, metavar="N", help="hanya dokumen tahun ini (bawaan: semua tahun)")
    p.set_defaults(func=lambda args: jalankan(cmd_hitung_ulang, args, setup_django))

    p = sub.add_parser(
        "isi",
        help="isi satu nilai variabel sebagai seorang pengguna",
        description="Simpan nilai satu variabel untuk satu triwulan atas nama pengguna, dengan aturan yang sama "
        "dengan aplikasi web (hak isi, masa pengisian, status verifikasi).",
    )
    p.add_argument("--pengguna", metavar="U", required=True, help="nama pengguna (username)")
    p.add_argument("--variabel", metavar="ID", type=int, required=True, help="ID variabel")
    p.add_argument("--periode", metavar="TW", required=True, help="triwulan: TW1–TW4")
    p.add_argument("--nilai", required=True, help="angka, mis. 12 atau 12,5; kosong ('') untuk menghapus")
    p.add_argument(
        "--versi", type=int, help="versi nilai yang Anda lihat (0 bila belum ada); ditolak bila sudah berubah"
    )
    p.add_argument("--catatan", default="", help="catatan nilai")
    p.add_argument("--alasan", default="", help="alasan perubahan, dicatat di riwayat")
    p.set_defaults(func=lambda args: jalankan(cmd_isi, args, setup_django))

    p = sub.add_parser(
        "templat",
        help="unduh templat Excel isian realisasi",
        description="Tulis templat Excel isian satu triwulan untuk satu instansi atau satu jabatan.",
    )
    p.add_argument("--instansi", metavar="ID", help="ID atau nama instansi (semua jabatan)")
    p.add_argument("--jabatan", metavar="ID", type=int, help="ID jabatan (hanya jabatan itu)")
    p.add_argument("--tahun", type=int, metavar="N", required=True)
    p.add_argument("--periode", metavar="TW", required=True, help="triwulan: TW1–TW4")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="berkas .xlsx tujuan")
    p.set_defaults(func=lambda args: jalankan(cmd_templat, args, setup_django))

    p = sub.add_parser(
        "unggah",
        help="periksa (dan terapkan) templat Excel isian yang sudah diisi",
        description="Tampilkan perubahan, peringatan dan galat per baris dari templat yang diisi; dengan "
        "--terapkan simpan semuanya dalam satu transaksi (semua atau tidak sama sekali).",
    )
    p.add_argument("berkas", metavar="FILE", help="templat .xlsx yang sudah diisi")
    p.add_argument("--pengguna", metavar="U", required=True, help="nama pengguna (username)")
    p.add_argument("--terapkan", action="store_true", help="simpan perubahan bila tidak ada galat")
    p.set_defaults(func=lambda args: jalankan(cmd_unggah, args, setup_django))


def _pengguna(username: str):
    from django.contrib.auth import get_user_model

    pengguna = get_user_model().objects.filter(username=username, is_active=True).first()
    if pengguna is None:
        raise PerintahGagal(f"pengguna '{username}' tidak ditemukan atau tidak aktif.")
    return pengguna


# --- compute ---------------------------------------------------------------------------------


def _teks_target(hasil) -> str:
    from kinerja.format import format_angka

    if hasil.target is None:
        return "–"
    if hasil.target_hi is not None:
        return f"{format_angka(hasil.target)}–{format_angka(hasil.target_hi)}"
    return format_angka(hasil.target)


def _potong(teks: str, lebar: int) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= lebar else teks[: lebar - 1] + "…"


def cmd_hitung_ulang(args) -> int:
    import time

    from kinerja.iki.models import DokumenIKI
    from kinerja.organisasi.models import Pemda
    from kinerja.realisasi import simpanan

    dokumen = DokumenIKI.objects.filter(status=DokumenIKI.Status.DITETAPKAN)
    if args.instansi:
        instansi = cari_instansi(args.instansi)
        dokumen, nama = dokumen.filter(instansi=instansi), instansi.nama
    elif args.pemda:
        pemda = cari_satu(Pemda.objects.all(), args.pemda, "pemda")
        dokumen, nama = dokumen.filter(instansi__pemda=pemda), pemda.nama
    else:
        nama = "semua instansi"
    if args.tahun:
        dokumen = dokumen.filter(tahun=args.tahun)
    ids = list(dokumen.values_list("pk", flat=True))
    mulai = time.perf_counter()

    def kemajuan(selesai: int, total: int) -> None:
        print(f"  {selesai}/{total} dokumen ({time.perf_counter() - mulai:.1f} detik)", flush=True)

    print(f"Menghitung ulang {len(ids)} dokumen IKI yang ditetapkan ({nama}) …", flush=True)
    jumlah = simpanan.hitung_ulang(ids, kemajuan=kemajuan)
    print(
        f"Selesai: {jumlah} dokumen × {len(simpanan.PERIODE_SIMPAN)} periode dalam {time.perf_counter() - mulai:.1f} detik."
    )
    return 0


def cmd_compute(args) -> int:
    from collections import Counter

    from kinerja.format import format_angka, format_persen
    from kinerja.pengukuran import SKALA, SKALA_PERMENDAGRI_86_2017, TIDAK_DAPAT_DINILAI
    from kinerja.realisasi.berlaku import dokumen_berlaku
    from kinerja.realisasi.hitung import hitung_instansi, sebagai_json
    from kinerja.realisasi.periode import periode_hitung

    try:
        periode = periode_hitung(args.periode)
    except ValueError as exc:
        raise PerintahGagal(str(exc)) from None
    instansi = cari_instansi(args.instansi)
    dokumen = dokumen_berlaku(instansi, args.tahun)
    if dokumen is None:
        raise PerintahGagal(f"{instansi} belum memiliki dokumen IKI tahun {args.tahun} yang ditetapkan.")
    hasil = hitung_instansi(instansi, args.tahun, periode.kode)

    if args.json:
        data = sebagai_json(instansi, args.tahun, periode.kode, dokumen, hasil)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    print(f"{instansi.nama} — IKI {args.tahun} rev. {dokumen.revisi} — periode {periode.label}")
    judul = ("No", "Jabatan", "Indikator", "Target", "Realisasi", "Capaian", "Kategori", "Keterangan")
    baris = []
    for nomor, h in enumerate(hasil, 1):
        alasan = h.realisasi.alasan or h.capaian.alasan or ("" if h.lengkap else "belum lengkap")
        if h.label_target:
            alasan = f"{alasan}; {h.label_target}" if alasan else h.label_target
        baris.append(
            (
                str(nomor),
                _potong(h.jabatan, 28),
                _potong(h.nama, 60),
                _teks_target(h) + (f" {h.satuan}" if h.satuan and h.satuan != "%" else (h.satuan or "")),
                format_angka(h.realisasi.nilai),
                format_persen(h.capaian.nilai),
                h.kategori,
                (alasan or "").removeprefix("tidak dapat dihitung: "),
            )
        )
    lebar = [max(len(judul[i]), *(len(b[i]) for b in baris)) if baris else len(judul[i]) for i in range(len(judul))]
    kanan = {0, 3, 4, 5}

    def cetak(kolom):
        sel = [k.rjust(lebar[i]) if i in kanan else k.ljust(lebar[i]) for i, k in enumerate(kolom)]
        print("  ".join(sel).rstrip())

    cetak(judul)
    print("  ".join("-" * w for w in lebar))
    for b in baris:
        cetak(b)
    ringkas = Counter(h.kategori for h in hasil)
    skala = SKALA.get(instansi.pemda.skala_capaian, SKALA_PERMENDAGRI_86_2017)
    urutan = [p.label for p in skala.predikat] + [TIDAK_DAPAT_DINILAI]
    print(f"\n{len(hasil)} indikator: " + ", ".join(f"{k} {ringkas[k]}" for k in urutan if ringkas[k]))
    return 0


# --- isi, templat, unggah --------------------------------------------------------------------


def cmd_isi(args) -> int:
    from kinerja.iki.models import Variabel
    from kinerja.realisasi.layanan import Sumber, format_isian, simpan_nilai

    pengguna = _pengguna(args.pengguna)
    variabel = Variabel.objects.filter(pk=args.variabel).first()
    if variabel is None:
        raise PerintahGagal(f"variabel {args.variabel} tidak ditemukan.")
    nv = simpan_nilai(
        pengguna,
        variabel,
        args.periode.strip().upper(),
        args.nilai,
        versi=args.versi,
        catatan=args.catatan,
        alasan=args.alasan,
        sumber=Sumber.CLI,
    )
    print(f"Tersimpan: {variabel.kode} {nv.periode} = {format_isian(nv.nilai)} (versi {nv.versi})")
    for pesan in nv.peringatan:
        print(f"Peringatan: {pesan}")
    return 0


def cmd_templat(args) -> int:
    from kinerja.organisasi.models import Jabatan
    from kinerja.realisasi.excel import buat_template

    if (args.instansi is None) == (args.jabatan is None):
        raise PerintahGagal("sebutkan salah satu: --instansi ID atau --jabatan ID.")
    if args.jabatan is not None:
        sasaran = Jabatan.objects.select_related("instansi").filter(pk=args.jabatan).first()
        if sasaran is None:
            raise PerintahGagal(f"jabatan {args.jabatan} tidak ditemukan.")
    else:
        sasaran = cari_instansi(args.instansi)
    data = buat_template(sasaran, args.tahun, args.periode.strip().upper())
    Path(args.output).write_bytes(data)
    print(f"Templat ditulis ke {args.output}")
    return 0


def cmd_unggah(args) -> int:
    from kinerja.realisasi.excel import pratinjau_unggahan, terapkan_unggahan
    from kinerja.realisasi.layanan import format_isian

    pengguna = _pengguna(args.pengguna)
    try:
        data = Path(args.berkas).read_bytes()
    except OSError as exc:
        raise PerintahGagal(f"{args.berkas}: tidak dapat dibaca ({exc.strerror}).") from None
    pratinjau = pratinjau_unggahan(pengguna, data, Path(args.berkas).name)
    for p in pratinjau.perubahan:
        print(f"Baris {p.baris}: {p.kode} ({p.jabatan}) {format_isian(p.lama)} → {format_isian(p.baru)}")
    for baris, pesan in pratinjau.peringatan:
        print(f"Baris {baris}: peringatan: {pesan}")
    for baris, pesan in pratinjau.galat:
        print(f"Baris {baris}: GALAT: {pesan}" if baris else f"GALAT: {pesan}", file=sys.stderr)
    if pratinjau.galat:
        raise PerintahGagal(f"{len(pratinjau.galat)} galat; tidak ada yang disimpan.")
    if not pratinjau.perubahan:
        print("Tidak ada perubahan.")
        return 0
    if not args.terapkan:
        print(f"{len(pratinjau.perubahan)} perubahan belum disimpan; jalankan lagi dengan --terapkan.")
        return 0
    tersimpan = terapkan_unggahan(pengguna, pratinjau)
    print(f"{len(tersimpan)} nilai disimpan.")
    return 0
