"""Realisasi, capaian and kategori of every indicator of an instansi or a whole pemda, in bulk.

A handful of queries read the documents in force (kinerja.realisasi.berlaku), their indicators,
variables, values and targets for the year and the year before; formulas are parsed once per
distinct expression and evaluated column-wise (kinerja.rumus.evaluate_many_hasil) over every
indicator that shares them; capaian and kategori come from kinerja.pengukuran.

Aggregation (DESIGN.md §4): each entered variable is aggregated over the quarters of the period
that the indicator reports in (Indikator.periode_pelaporan), with its own cara (``jumlah`` sums,
``terakhir`` takes the last filled quarter, …), and the formula is applied to the aggregates, so
a year's ratio is Σnumerator/Σdenominator. Fixed values and Konstanta enter as the same number in
every period. Missing values are never read as 0: the formula names what is missing.

Targets (kinerja.realisasi.target): a period from TW1 (TW1, S1, SD_TWn, TAHUN) is compared with
the cumulative target up to its last quarter; a later single quarter (TW2–TW4) or S2 with the
increment over the previous cumulative target when the indicator adds up over quarters
(a sum of ``jumlah`` variables), otherwise with the cumulative target itself.

``realisasi_tahun_lalu`` is the realisasi of the same period a year earlier, from last year's
document in force, for the indicator of the same jabatan with the same name.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kinerja import rumus
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.pengukuran import Hasil, agregasi, capaian, kategori

from .berlaku import dokumen_berlaku_banyak
from .models import NilaiVariabel, Target
from .periode import PERIODE_ISIAN, PeriodeHitung, periode_hitung, triwulan_dilaporkan
from .target import aditif, target_untuk_periode


@dataclass(frozen=True)
class HasilIndikator:
    indikator_id: int
    nama: str
    sasaran_id: int
    sasaran: str
    jabatan_id: int
    jabatan: str
    satuan: str
    polaritas: str
    target: Decimal | None
    target_hi: Decimal | None
    realisasi: rumus.Hasil
    capaian: Hasil
    kategori: str
    realisasi_tahun_lalu: Decimal | None
    lengkap: bool
    periode: str = "TAHUN"
    dokumen_id: int | None = None
    baseline: Decimal | None = None


@dataclass
class _Baris:
    """One indicator of one document, as read from the database."""

    id: int
    nama: str
    ekspresi: str
    satuan: str
    polaritas: str
    periode_pelaporan: str
    sasaran_id: int
    sasaran: str
    jabatan_id: int
    jabatan: str
    dokumen_id: int
    variabel: list  # [(id, kode, agregasi, fixed value or None)]


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.lower().split())


def _baca_indikator(dokumen_ids: Iterable[int]) -> list[_Baris]:
    indikator = [
        _Baris(i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did, [])
        for i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did in Indikator.objects.filter(
            sasaran__dokumen_id__in=dokumen_ids
        )
        .order_by(
            "sasaran__dokumen_id",
            "sasaran__jabatan__urutan",
            "sasaran__jabatan_id",
            "sasaran__urutan",
            "sasaran_id",
            "urutan",
            "id",
        )
        .values_list(
            "id",
            "nama",
            "ekspresi",
            "satuan",
            "polaritas",
            "periode_pelaporan",
            "sasaran_id",
            "sasaran__uraian",
            "sasaran__jabatan_id",
            "sasaran__jabatan__nama",
            "sasaran__dokumen_id",
        )
    ]
    per_id = {baris.id: baris for baris in indikator}
    # order_by(): the models' default ordering would join every parent table just to sort.
    for vid, indikator_id, kode, cara, nilai_tetap, konstanta in (
        Variabel.objects.filter(indikator__sasaran__dokumen_id__in=dokumen_ids)
        .order_by()
        .values_list("id", "indikator_id", "kode", "agregasi", "nilai_tetap", "konstanta__nilai")
    ):
        per_id[indikator_id].variabel.append((vid, kode, cara, nilai_tetap if nilai_tetap is not None else konstanta))
    return indikator


def _baca_nilai(dokumen_ids: Iterable[int]) -> dict[int, dict[int, Decimal]]:
    """{variabel id: {triwulan: value}} of the entered quarters (None values are left out)."""
    nilai: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for vid, periode, angka in (
        NilaiVariabel.objects.filter(
            variabel__indikator__sasaran__dokumen_id__in=dokumen_ids, periode__in=PERIODE_ISIAN, nilai__isnull=False
        )
        .order_by()
        .values_list("variabel_id", "periode", "nilai")
    ):
        nilai[vid][int(periode[2])] = angka
    return nilai


def _baca_target(dokumen_ids: Iterable[int]) -> dict[int, dict[str, tuple]]:
    target: dict[int, dict[str, tuple]] = defaultdict(dict)
    for indikator_id, periode, lo, hi, baseline in (
        Target.objects.filter(indikator__sasaran__dokumen_id__in=dokumen_ids)
        .order_by()
        .values_list("indikator_id", "periode", "nilai", "nilai_hi", "baseline")
    ):
        target[indikator_id][periode] = (lo, hi, baseline)
    return target


class _Penghitung:
    """Evaluates many (indicator, period) rows, grouping them by formula text."""

    def __init__(self, nilai: dict[int, dict[int, Decimal]], periode: PeriodeHitung):
        self.nilai = nilai
        self.periode = periode
        self.kelompok: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        self.hasil: dict[int, rumus.Hasil] = {}
        self.lengkap: dict[int, bool] = {}

    def tambah(self, kunci: int, baris: _Baris) -> None:
        dilaporkan = [t for t in self.periode.triwulan if t in triwulan_dilaporkan(baris.periode_pelaporan)]
        if not baris.ekspresi.strip():
            self.hasil[kunci] = rumus.Hasil(None, "tidak dapat dihitung: rumus belum diisi")
            self.lengkap[kunci] = False
            return
        if not dilaporkan:
            self.hasil[kunci] = rumus.Hasil(
                None, f"tidak dapat dihitung: indikator {baris.periode_pelaporan} tidak dilaporkan pada periode ini"
            )
            self.lengkap[kunci] = True
            return
        nilai_baris, lengkap = {}, True
        for vid, kode, cara, tetap in baris.variabel:
            if tetap is not None:
                nilai_baris[kode] = tetap
                continue
            per_tw = self.nilai.get(vid, {})
            deret = [per_tw.get(t) for t in dilaporkan]
            lengkap = lengkap and None not in deret
            nilai_baris[kode] = agregasi(deret, cara) if per_tw else None
        self.lengkap[kunci] = lengkap
        self.kelompok[baris.ekspresi].append((kunci, nilai_baris))

    def hitung(self) -> dict[int, rumus.Hasil]:
        for ekspresi, daftar in self.kelompok.items():
            try:
                parsed = rumus.parse(ekspresi)
            except rumus.RumusError as exc:
                for kunci, _ in daftar:
                    self.hasil[kunci] = rumus.Hasil(None, f"tidak dapat dihitung: rumus tidak sah ({exc})")
                continue
            kolom = {kode: [nilai_baris.get(kode) for _, nilai_baris in daftar] for kode in parsed.variables}
            for (kunci, _), hasil in zip(daftar, rumus.evaluate_many_hasil(parsed, kolom)):
                self.hasil[kunci] = hasil
        return self.hasil


def _hitung_dokumen(
    dokumen_ids: list[int], dokumen_lalu: dict[int, int], periode: PeriodeHitung, skala: dict[int, str]
) -> dict[int, list[HasilIndikator]]:
    """{dokumen id: results}. ``dokumen_lalu`` maps a document to last year's in force; ``skala`` a document to its scale."""
    semua_ids = [*dokumen_ids, *set(dokumen_lalu.values())]
    indikator = _baca_indikator(semua_ids)
    nilai = _baca_nilai(semua_ids)
    target = _baca_target(dokumen_ids)
    penghitung = _Penghitung(nilai, periode)
    sekarang = set(dokumen_ids)
    padanan_lalu: dict[tuple[int, int, str], int] = {}
    for baris in indikator:
        penghitung.tambah(baris.id, baris)
        if baris.dokumen_id not in sekarang:
            padanan_lalu.setdefault((baris.dokumen_id, baris.jabatan_id, _kunci_nama(baris.nama)), baris.id)
    hasil = penghitung.hitung()
    per_dokumen: dict[int, list[HasilIndikator]] = {d: [] for d in dokumen_ids}
    for baris in indikator:
        if baris.dokumen_id not in sekarang:
            continue
        cara = {kode: c for _, kode, c, tetap in baris.variabel if tetap is None}
        tetap = {kode for _, kode, _, t in baris.variabel if t is not None}
        targets = target.get(baris.id, {})
        lo, hi = target_untuk_periode(targets, periode, aditif(baris.ekspresi, cara, tetap))
        realisasi = hasil[baris.id]
        nilai_capaian = capaian(realisasi.nilai, lo, baris.polaritas, target_hi=hi)
        lalu_id = padanan_lalu.get((dokumen_lalu.get(baris.dokumen_id), baris.jabatan_id, _kunci_nama(baris.nama)))
        per_dokumen[baris.dokumen_id].append(
            HasilIndikator(
                indikator_id=baris.id,
                nama=baris.nama,
                sasaran_id=baris.sasaran_id,
                sasaran=baris.sasaran,
                jabatan_id=baris.jabatan_id,
                jabatan=baris.jabatan,
                satuan=baris.satuan,
                polaritas=baris.polaritas,
                target=lo,
                target_hi=hi,
                realisasi=realisasi,
                capaian=nilai_capaian,
                kategori=kategori(nilai_capaian.nilai, skala[baris.dokumen_id]),
                realisasi_tahun_lalu=hasil[lalu_id].nilai if lalu_id is not None else None,
                lengkap=penghitung.lengkap[baris.id],
                periode=periode.kode,
                dokumen_id=baris.dokumen_id,
                baseline=targets.get("TAHUN", (None, None, None))[2],
            )
        )
    return per_dokumen


def hitung_instansi(
    instansi, tahun: int, periode: str = "TAHUN", *, dokumen: DokumenIKI | None = None
) -> list[HasilIndikator]:
    """Every indicator of the instansi's document in force for ``tahun`` (or of ``dokumen``, e.g. a draft).

    Empty when no document is in force. ``periode``: see kinerja.realisasi.periode (ValueError if unknown).
    """
    per = periode_hitung(periode)
    instansi_id = getattr(instansi, "pk", instansi)
    berlaku = dokumen_berlaku_banyak([instansi_id], [tahun, tahun - 1])
    dokumen_id = dokumen.pk if dokumen is not None else berlaku.get((instansi_id, tahun))
    if dokumen_id is None:
        return []
    lalu = berlaku.get((instansi_id, tahun - 1))
    skala = _skala_instansi([instansi_id])[instansi_id]
    return _hitung_dokumen([dokumen_id], {dokumen_id: lalu} if lalu else {}, per, {dokumen_id: skala})[dokumen_id]


def hitung_pemda(pemda, tahun: int, periode: str = "TAHUN") -> dict[int, list[HasilIndikator]]:
    """{instansi id: results} for every instansi of the pemda that has a document in force for ``tahun``."""
    from kinerja.organisasi.models import Instansi, Pemda

    per = periode_hitung(periode)
    pemda_id = getattr(pemda, "pk", pemda)
    skala_kode = getattr(pemda, "skala_capaian", None) or Pemda.objects.values_list("skala_capaian", flat=True).get(
        pk=pemda_id
    )
    instansi_ids = list(Instansi.objects.filter(pemda_id=pemda_id).order_by().values_list("id", flat=True))
    berlaku = dokumen_berlaku_banyak(instansi_ids, [tahun, tahun - 1])
    dokumen_instansi = {d: i for (i, t), d in berlaku.items() if t == tahun}
    lalu = {d: berlaku[(i, tahun - 1)] for d, i in dokumen_instansi.items() if (i, tahun - 1) in berlaku}
    per_dokumen = _hitung_dokumen(list(dokumen_instansi), lalu, per, dict.fromkeys(dokumen_instansi, skala_kode))
    return {
        dokumen_instansi[d]: hasil for d, hasil in sorted(per_dokumen.items(), key=lambda p: dokumen_instansi[p[0]])
    }


def _skala_instansi(instansi_ids) -> dict[int, str]:
    from kinerja.organisasi.models import Instansi

    return dict(Instansi.objects.filter(pk__in=instansi_ids).values_list("id", "pemda__skala_capaian"))


def _angka_json(nilai: Decimal | None) -> float | None:
    return None if nilai is None else float(nilai.quantize(Decimal("0.000001")))


def sebagai_json(instansi, tahun: int, periode: str, dokumen: DokumenIKI, hasil: list[HasilIndikator]) -> dict:
    """The computation as plain JSON (numbers rounded to 6 decimals), for `kinerja compute --json` and the API."""
    return {
        "instansi": {"id": instansi.pk, "nama": instansi.nama},
        "tahun": tahun,
        "periode": periode,
        "dokumen": {"id": dokumen.pk, "revisi": dokumen.revisi, "sk_nomor": dokumen.sk_nomor},
        "indikator": [
            {
                "id": h.indikator_id,
                "jabatan": h.jabatan,
                "sasaran": h.sasaran,
                "nama": h.nama,
                "satuan": h.satuan,
                "polaritas": h.polaritas,
                "target": _angka_json(h.target),
                "target_hi": _angka_json(h.target_hi),
                "realisasi": _angka_json(h.realisasi.nilai),
                "realisasi_alasan": h.realisasi.alasan,
                "capaian": _angka_json(h.capaian.nilai),
                "capaian_alasan": h.capaian.alasan,
                "kategori": h.kategori,
                "realisasi_tahun_lalu": _angka_json(h.realisasi_tahun_lalu),
                "lengkap": h.lengkap,
            }
            for h in hasil
        ],
    }
