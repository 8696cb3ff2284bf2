"""`kinerja periksa`: the quality findings (kinerja.mutu) of IKI documents or of a catalogue.

``kinerja periksa FILE…`` reads each document (every format the import reads: text/Markdown, DOCX,
PDF, or interchange JSON) and prints its findings; ``kinerja periksa --instansi ID --tahun N``
checks the catalogue's latest revision of that year. ``--json`` prints ``{"temuan": [...]}``
(with ``berkas`` on each finding when several files are given). Bad input: one Indonesian line on
stderr and exit 1.
"""

import json
import sys
from pathlib import Path

from kinerja.cli_umum import PerintahGagal, cari_instansi, jalankan


def daftarkan(sub, setup_django):
    p = sub.add_parser(
        "periksa",
        help="periksa mutu dokumen IKI atau katalog: rumus terbalik, tanpa × 100, duplikat, SK tidak lengkap, …",
        description="Periksa mutu indikator kinerja individu: berkas dokumen IKI (teks/Markdown, DOCX, PDF, JSON "
        "pertukaran) atau dokumen IKI di katalog (--instansi dan --tahun). Jenis temuan: lihat docs/mutu.md.",
    )
    p.add_argument("berkas", nargs="*", metavar="FILE", help="dokumen IKI (.txt, .md, .docx, .pdf, .json)")
    p.add_argument("--instansi", metavar="ID", help="ID atau nama instansi (memeriksa katalog, bukan berkas)")
    p.add_argument("--tahun", type=int, metavar="N", help="tahun dokumen IKI di katalog")
    p.add_argument("--json", action="store_true", help='cetak {"temuan": [...]} ke stdout')
    p.set_defaults(func=lambda args: _jalankan(args, setup_django))


def _jalankan(args, setup_django) -> int:
    if args.berkas and args.instansi is None and args.tahun is None:
        # Documents need no database: answer without setting Django up.
        try:
            return cmd_periksa(args)
        except PerintahGagal as exc:
            print(f"kinerja periksa: {exc}", file=sys.stderr)
            return 1
    return jalankan(cmd_periksa, args, setup_django, nama="periksa")


def cmd_periksa(args) -> int:
    if args.berkas and (args.instansi or args.tahun):
        raise PerintahGagal("sebutkan berkas, atau --instansi dan --tahun untuk katalog, bukan keduanya.")
    if not args.berkas:
        if not args.instansi or args.tahun is None:
            raise PerintahGagal("sebutkan berkas dokumen IKI, atau --instansi ID dan --tahun N untuk katalog.")
        temuan = _periksa_katalog(args.instansi, args.tahun)
        return _cetak(temuan, args.json, None)
    semua = []
    for berkas in args.berkas:
        for t in _periksa_berkas(Path(berkas)):
            if len(args.berkas) > 1:
                t = {"berkas": berkas, **t}
            semua.append(t)
    return _cetak(semua, args.json, args.berkas if len(args.berkas) > 1 else None)


def _periksa_berkas(path: Path) -> list[dict]:
    from kinerja.dokumen import DokumenError
    from kinerja.mutu import periksa, periksa_berkas

    if path.is_dir():
        raise PerintahGagal(f"{path}: bukan berkas biasa (sebuah folder).")
    if not path.exists():
        raise PerintahGagal(f"{path}: berkas tidak ditemukan.")
    if path.suffix.lower() == ".json":
        from kinerja.iki.perintah import _baca_json

        data = _baca_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("jabatan"), list):
            raise PerintahGagal(f"{path}: bukan JSON pertukaran IKI (tidak ada daftar 'jabatan').")
        return periksa(data)
    try:
        return periksa_berkas(path, str(path))
    except DokumenError as exc:
        raise PerintahGagal(str(exc)) from None
    except OSError as exc:
        raise PerintahGagal(f"{path}: berkas tidak dapat dibaca ({exc.strerror}).") from None


def _periksa_katalog(instansi_teks: str, tahun: int) -> list[dict]:
    from kinerja.iki.interchange import ekspor
    from kinerja.iki.models import DokumenIKI
    from kinerja.mutu import periksa

    instansi = cari_instansi(instansi_teks)
    dokumen = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun).order_by("-revisi").first()
    if dokumen is None:
        raise PerintahGagal(f"tidak ada dokumen IKI {instansi.nama} tahun {tahun}.")
    return periksa(ekspor(dokumen))


def _cetak(temuan: list[dict], sebagai_json: bool, berkas) -> int:
    if sebagai_json:
        sys.stdout.write(json.dumps({"temuan": temuan}, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not temuan:
        print("Tidak ada temuan.")
        return 0
    for t in temuan:
        tempat = " › ".join(x for x in (t.get("jabatan"), t.get("indikator")) if x) or "dokumen"
        baris = f"baris {t['baris']}: " if t.get("baris") else ""
        asal = f"{t['berkas']}: " if berkas and t.get("berkas") else ""
        print(f"{asal}{baris}[{t['tingkat']}] {t['jenis']} — {tempat}")
        print(f"    {t['pesan']}")
        if t.get("saran_perbaikan"):
            print(f"    Saran: {t['saran_perbaikan']}")
    jumlah = {k: sum(1 for t in temuan if t["tingkat"] == k) for k in ("galat", "peringatan", "saran")}
    print(f"{len(temuan)} temuan: {jumlah['galat']} galat, {jumlah['peringatan']} peringatan, {jumlah['saran']} saran.")
    return 0
