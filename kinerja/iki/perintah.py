"""`kinerja import` and `kinerja export`: IKI documents and the interchange JSON (DESIGN.md §7).

``import`` reads documents (text/Markdown, DOCX, PDF through :mod:`kinerja.dokumen`, or an
interchange ``.json`` as printed by ``--dry-run --json`` and perhaps corrected by hand) and imports
them into the catalogue with :func:`kinerja.iki.interchange.impor`. Several files are
all-or-nothing: every file is read and checked first, then all are imported in one transaction,
so one bad file means nothing is written. Bad input gets one Indonesian line on stderr naming the
file and exit code 1, never a traceback.

Jabatan are mapped to the instansi's existing ones, never duplicated silently:
``--dry-run --peta-keluar peta.json`` writes each jabatan of the documents with the suggested
existing jabatan and its confidence; edit it and import with ``--peta peta.json``. Without a
mapping, the rule of :func:`kinerja.iki.interchange.keputusan_otomatis` applies and is printed.
"""

import json
import sys
from datetime import date
from pathlib import Path

from kinerja.cli_umum import PerintahGagal, cari_instansi, jalankan

PERINGATAN_DITAMPILKAN = 20
ATURAN_TANPA_PETA = (
    "Tanpa --peta: jabatan yang cocok dengan keyakinan ≥ {yakin}% dipetakan ke jabatan yang ada, jabatan yang tidak "
    "mirip satu pun (< {mungkin}%) dibuat baru, dan sisanya tidak diimpor. Tulis peta dengan --dry-run --peta-keluar "
    "FILE, periksa, lalu impor dengan --peta FILE."
)


def daftarkan(sub, setup_django):
    p = sub.add_parser(
        "import",
        help="baca dokumen IKI (teks/Markdown, DOCX, PDF, JSON) dan impor ke katalog",
        description="Baca dokumen IKI menjadi JSON pertukaran dan impor ke draft dokumen IKI instansi untuk "
        "tahunnya. Beberapa berkas: semua atau tidak sama sekali — bila satu gagal, tidak ada yang ditulis.",
    )
    p.add_argument(
        "berkas", nargs="+", metavar="FILE", help="dokumen IKI (.txt, .md, .docx, .pdf) atau JSON pertukaran"
    )
    p.add_argument("--dry-run", action="store_true", help="hanya baca dan periksa; tidak menulis apa pun")
    p.add_argument(
        "--json", action="store_true", help="cetak JSON ke stdout: dengan --dry-run isi dokumen, tanpa itu hasil impor"
    )
    p.add_argument("--instansi", metavar="ID", help="ID atau nama instansi tujuan (wajib kecuali dengan --dry-run)")
    p.add_argument("--tahun", type=int, metavar="N", help="tahun dokumen IKI (bawaan: tahun yang tertulis di dokumen)")
    p.add_argument(
        "--peta",
        metavar="FILE",
        help="peta jabatan (JSON dari --peta-keluar): jabatan dokumen → ID jabatan yang ada, 'baru' atau 'lewati'",
    )
    p.add_argument(
        "--peta-keluar",
        metavar="FILE",
        help="dengan --dry-run dan --instansi: tulis usulan peta jabatan ke FILE untuk diperiksa dan diubah",
    )
    p.set_defaults(func=lambda args: jalankan(cmd_import, args, setup_django))

    p = sub.add_parser(
        "export",
        help="tulis dokumen IKI instansi sebagai JSON pertukaran",
        description="Tulis dokumen IKI satu instansi dan tahun sebagai JSON pertukaran (format kinerja-iki/1), "
        "yang dapat diimpor kembali dengan 'kinerja import'.",
    )
    p.add_argument("--instansi", metavar="ID", required=True, help="ID atau nama instansi")
    p.add_argument("--tahun", type=int, metavar="N", required=True, help="tahun dokumen IKI")
    p.add_argument("--revisi", type=int, metavar="R", help="nomor revisi (bawaan: revisi terakhir)")
    p.add_argument("--json", action="store_true", help="format JSON (bawaan, satu-satunya format saat ini)")
    p.add_argument("-o", "--output", metavar="FILE", help="tulis ke berkas ini (bawaan: stdout)")
    p.set_defaults(func=lambda args: jalankan(cmd_export, args, setup_django))


# --- import ----------------------------------------------------------------------------------


def cmd_import(args) -> int:
    from django.db import transaction

    from kinerja.iki.interchange import ImporDitolak, baca_peta, impor

    if not args.dry_run and not args.instansi:
        raise PerintahGagal("sebutkan --instansi ID tujuan impor (atau pakai --dry-run untuk memeriksa saja).")
    if args.peta_keluar and not (args.dry_run and args.instansi):
        raise PerintahGagal(
            "--peta-keluar hanya bersama --dry-run dan --instansi ID (jabatan instansi itu yang dicocokkan)."
        )
    instansi = cari_instansi(args.instansi) if args.instansi and (not args.dry_run or args.peta_keluar) else None
    peta = None
    if args.peta and not args.dry_run:
        try:
            peta = baca_peta(_baca_json(Path(args.peta)), instansi)
        except ImporDitolak as exc:
            raise PerintahGagal(f"{args.peta}: {exc}") from None
    dibaca, gagal = [], []
    for nomor, berkas in enumerate(args.berkas, 1):
        if len(args.berkas) > 1:
            print(f"  [{nomor}/{len(args.berkas)}] {berkas}", file=sys.stderr, flush=True)
        try:
            data = _baca(Path(berkas))
            if not args.dry_run and args.tahun is None and data.get("tahun") is None:
                raise PerintahGagal(f"{berkas}: tahun tidak tertulis di dokumen; sebutkan dengan --tahun N.")
        except PerintahGagal as exc:
            gagal.append(str(exc))
            continue
        dibaca.append((berkas, data))
    if gagal:
        for pesan in gagal:
            print(f"kinerja import: {pesan}", file=sys.stderr)
        if len(args.berkas) > 1:
            print(
                f"kinerja import: {len(gagal)} dari {len(args.berkas)} berkas gagal; tidak ada yang diimpor.",
                file=sys.stderr,
            )
        return 1

    if args.dry_run:
        if args.peta_keluar:
            _tulis_peta(args.peta_keluar, [data for _, data in dibaca], instansi)
        if args.json:
            _cetak_json(dibaca[0][1] if len(dibaca) == 1 else [data for _, data in dibaca])
        else:
            for berkas, data in dibaca:
                print(_ringkasan_dokumen(berkas, data))
        return 0

    hasil = []
    berkas_sekarang = None
    try:
        with transaction.atomic():
            for berkas_sekarang, data in dibaca:
                hasil.append((berkas_sekarang, impor(data, instansi, tahun=args.tahun, peta=peta)))
    except ImporDitolak as exc:
        raise PerintahGagal(f"{berkas_sekarang}: {exc}; tidak ada yang diimpor.") from None
    if args.json:
        laporan = [_hasil_json(berkas, h) for berkas, h in hasil]
        _cetak_json(laporan[0] if len(laporan) == 1 else laporan)
    else:
        for berkas, h in hasil:
            print(_ringkasan_impor(berkas, h))
        if peta is None and any(h.dilewati for _, h in hasil):
            print(_aturan_tanpa_peta())
    return 0


def _aturan_tanpa_peta() -> str:
    from kinerja import pemetaan

    return ATURAN_TANPA_PETA.format(yakin=round(pemetaan.YAKIN * 100), mungkin=round(pemetaan.MUNGKIN * 100))


def _tulis_peta(path: str, daftar_data: list[dict], instansi):
    from kinerja.iki.interchange import buat_peta

    gabungan = {"jabatan": [j for data in daftar_data for j in data.get("jabatan") or []]}
    peta = buat_peta(gabungan, instansi)
    try:
        Path(path).write_text(json.dumps(peta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PerintahGagal(f"{path}: tidak dapat ditulis ({exc.strerror}).") from None
    print(f"Peta jabatan ditulis: {path}", file=sys.stderr)
    for item in peta["jabatan"]:
        usulan = item["usulan"]
        if usulan is None:
            print(f"  {item['dokumen']} → jabatan baru (tidak ada yang mirip)", file=sys.stderr)
        else:
            print(
                f"  {item['dokumen']} → {usulan['nama']} (ID {usulan['id']}, keyakinan "
                f"{round(usulan['keyakinan'] * 100)}%)",
                file=sys.stderr,
            )
    print(_aturan_tanpa_peta(), file=sys.stderr)


def _baca(path: Path) -> dict:
    """The interchange dict of one file, checked; raises PerintahGagal with the line to show."""
    from kinerja.iki.interchange import validasi_json

    if path.suffix.lower() == ".json":
        data = _baca_json(path)
    else:
        data = _baca_dokumen(path)
    masalah = validasi_json(data)
    if masalah:
        lebih = f" (dan {len(masalah) - 5} masalah lain)" if len(masalah) > 5 else ""
        raise PerintahGagal(f"{path}: isi tidak sah: {'; '.join(masalah[:5])}{lebih}")
    return data


def _baca_dokumen(path: Path) -> dict:
    from kinerja.dokumen import DokumenError, baca

    try:
        return baca(path, str(path))
    except DokumenError as exc:
        raise PerintahGagal(str(exc)) from None
    except Exception as exc:  # the reader's own bug must still not end in a traceback for the user
        raise PerintahGagal(f"{path}: tidak dapat dibaca ({type(exc).__name__}: {exc}).") from None


def _baca_json(path: Path) -> dict:
    # The reader owns the size limit and the messages for a missing, unreadable or too large file.
    from kinerja.dokumen import DokumenError
    from kinerja.dokumen.masukan import ambil_bytes

    try:
        teks = ambil_bytes(path, str(path))[0].decode("utf-8-sig")
    except DokumenError as exc:
        raise PerintahGagal(str(exc)) from None
    except UnicodeDecodeError:
        raise PerintahGagal(f"{path}: bukan teks UTF-8, jadi bukan JSON pertukaran.") from None
    except OSError as exc:
        raise PerintahGagal(f"{path}: berkas tidak dapat dibaca ({exc.strerror}).") from None
    if not teks.strip():
        raise PerintahGagal(f"{path}: berkas kosong.")
    try:
        return json.loads(teks)
    except json.JSONDecodeError as exc:
        raise PerintahGagal(f"{path}: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}).") from None
    except RecursionError:
        raise PerintahGagal(f"{path}: JSON terlalu dalam bersarang.") from None


def _cetak_json(data):
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _ringkasan_dokumen(berkas: str, data: dict) -> str:
    from kinerja.format import format_tanggal

    sk = data.get("sk") or {}
    tanggal = sk.get("tanggal")
    indikator = [i for j in data["jabatan"] for s in j.get("sasaran") or [] for i in s.get("indikator") or []]
    tanpa_rumus = sum(1 for i in indikator if not (i.get("formula") or {}).get("ekspresi"))
    variabel = sum(len((i.get("formula") or {}).get("variabel") or []) for i in indikator)
    sasaran = sum(len(j.get("sasaran") or []) for j in data["jabatan"])
    baris = [
        berkas,
        f"  Instansi  : {data.get('instansi') or '–'} ({data.get('kabupaten') or '–'}), "
        f"tahun {data.get('tahun') or '–'}",
        f"  SK        : {sk.get('nomor') or '–'}, {format_tanggal(date.fromisoformat(tanggal)) if tanggal else '–'}",
        f"  Isi       : {len(data['jabatan'])} jabatan, {sasaran} sasaran, {len(indikator)} indikator "
        f"({tanpa_rumus} tanpa rumus), {variabel} variabel",
    ]
    for jabatan in data["jabatan"]:
        jumlah = sum(len(s.get("indikator") or []) for s in jabatan.get("sasaran") or [])
        baris.append(f"    - {jabatan['nama']}: {jumlah} indikator")
    baris += _baris_peringatan(data.get("peringatan") or [])
    return "\n".join(baris)


def _baris_peringatan(peringatan: list[str]) -> list[str]:
    if not peringatan:
        return ["  Peringatan: tidak ada"]
    baris = [f"  Peringatan ({len(peringatan)}):"]
    baris += [f"    - {p}" for p in peringatan[:PERINGATAN_DITAMPILKAN]]
    if len(peringatan) > PERINGATAN_DITAMPILKAN:
        baris.append(f"    … dan {len(peringatan) - PERINGATAN_DITAMPILKAN} lagi (lihat --dry-run --json)")
    return baris


def _ringkasan_impor(berkas: str, hasil) -> str:
    baris = [f"{berkas} → {hasil.dokumen}{' (baru)' if hasil.dokumen_baru else ''}"]
    for jenis in ("jabatan", "sasaran", "indikator", "variabel", "pegawai", "penugasan"):
        baris.append(f"  {jenis:<10}: {getattr(hasil, jenis)}")
    if hasil.kepala_dibuat:
        baris.append(f"  jabatan pimpinan dibuat: {', '.join(hasil.kepala_dibuat)}")
    if hasil.konstanta_dibuat:
        baris.append(f"  konstanta dibuat: {', '.join(hasil.konstanta_dibuat)}")
    for item in hasil.pemetaan:
        if item["keputusan"] == "dipetakan" and item["jabatan"] != item["dokumen"]:
            baris.append(
                f"  dipetakan : {item['dokumen']} → {item['jabatan']} (keyakinan {round(item['keyakinan'] * 100)}%)"
            )
        elif item["keputusan"] == "baru":
            baris.append(f"  jabatan baru: {item['dokumen']}")
        elif item["keputusan"] == "lewati":
            baris.append(f"  tidak diimpor: {item['dokumen']}")
    baris += _baris_peringatan(hasil.peringatan)
    return "\n".join(baris)


def _hasil_json(berkas: str, hasil) -> dict:
    d = hasil.dokumen
    return {
        "berkas": berkas,
        "dokumen": {
            "id": d.pk,
            "instansi": d.instansi.nama,
            "tahun": d.tahun,
            "revisi": d.revisi,
            "baru": hasil.dokumen_baru,
        },
        **hasil.sebagai_dict(),
        "peringatan": hasil.peringatan,
    }


# --- export ----------------------------------------------------------------------------------


def cmd_export(args) -> int:
    from kinerja.iki.interchange import ekspor
    from kinerja.iki.models import DokumenIKI

    instansi = cari_instansi(args.instansi)
    dokumen = DokumenIKI.objects.filter(instansi=instansi, tahun=args.tahun)
    if args.revisi is not None:
        dokumen = dokumen.filter(revisi=args.revisi)
    dokumen = dokumen.order_by("-revisi").first()
    if dokumen is None:
        revisi = f" revisi {args.revisi}" if args.revisi is not None else ""
        raise PerintahGagal(f"tidak ada dokumen IKI {instansi.nama} tahun {args.tahun}{revisi}.")
    teks = json.dumps(ekspor(dokumen), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(teks)
        return 0
    try:
        Path(args.output).write_text(teks, encoding="utf-8")
    except OSError as exc:
        raise PerintahGagal(f"{args.output}: tidak dapat ditulis ({exc.strerror}).") from None
    print(f"Ditulis: {args.output} ({dokumen})", file=sys.stderr)
    return 0
