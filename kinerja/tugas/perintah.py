"""`kinerja pengingat`: send the reminders that are due (the background worker runs it daily)."""

from kinerja.cli_umum import jalankan


def daftarkan(sub, setup_django):
    p = sub.add_parser(
        "pengingat",
        help="kirim pengingat yang jatuh tempo (batas isian, isian dikembalikan, menunggu verifikasi)",
        description="Kirim sekali setiap pengingat yang jatuh tempo kepada setiap pengguna yang tidak menolaknya.",
    )
    p.add_argument("--tanggal", metavar="YYYY-MM-DD", help="hitung seolah-olah pada tanggal ini (bawaan: hari ini)")
    p.set_defaults(func=lambda args: jalankan(cmd_pengingat, args, setup_django))


def cmd_pengingat(args) -> int:
    from kinerja.cli_umum import PerintahGagal
    from kinerja.format import parse_tanggal

    from .pengingat import kirim_pengingat

    hari_ini = None
    if args.tanggal:
        try:
            hari_ini = parse_tanggal(args.tanggal)
        except ValueError as exc:
            raise PerintahGagal(f"--tanggal: {exc}") from None
    hasil = kirim_pengingat(hari_ini)
    print(f"{hasil.terkirim} pengingat terkirim.")
    if hasil.tanpa_alamat:
        print(f"{len(hasil.tanpa_alamat)} pengguna tidak punya alamat surel: {', '.join(hasil.tanpa_alamat)}")
    for baris in hasil.gagal:
        print(f"gagal: {baris}")
    return 1 if hasil.gagal else 0
