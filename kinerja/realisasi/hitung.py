"""Realisasi, capaian and kategori of every indicator of a document, an instansi or a whole pemda.

The only database reader for measurement: a handful of queries read the documents in force
(kinerja.realisasi.berlaku), their indicators, variables, values and targets for the year and the
year before; everything else (aggregation over quarters, formulas evaluated once per distinct
expression over columns, the target of the period with its pro rata "target turunan", capaian,
kategori, completeness, and the reasons a value cannot be computed) is kinerja.pengukuran's.
Every scope and period gives the same result type, ``HasilIndikator``.

Decreed documents are read from the kept measurements (kinerja.realisasi.simpanan: computed by the
first reader or ``kinerja hitung-ulang``, refreshed by every saved value or target); drafts and
the entry page's quarter (``hitung_objek``) are computed on the spot. Values reach the engine
grouped per variable by the database (``_baca_nilai``).

``realisasi_tahun_lalu`` is the realisasi of the same period a year earlier, from last year's
document in force, for the indicator with the same identity (Indikator.identitas, carried by every
copy), so it follows an indicator that was renamed or moved.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Max, When

from kinerja import rumus
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.pengukuran import (
    LABEL_TURUNAN,
    Hasil,
    IndikatorUkur,
    Periode,
    Ukuran,
    VariabelUkur,
    tanpa_rencana_aksi,
    ukur_banyak,
)

from .berlaku import dokumen_berlaku_banyak
from .models import NilaiVariabel, Target
from .periode import PERIODE_ISIAN, periode_hitung


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
    target_turunan: bool = False  # the target was derived pro rata from the annual one
    dilaporkan: bool = True  # False: the indicator is not reported in this period
    tanpa_rencana_aksi: bool = False  # an annual target but no quarterly one
    identitas: object = None  # Indikator.identitas (UUID), the same across revisions and years

    @property
    def label_target(self) -> str:
        """ "target turunan" when the target was derived pro rata from the annual one, else ""."""
        return LABEL_TURUNAN if self.target_turunan else ""


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
    variabel: list  # [(id, VariabelUkur)]
    identitas: object = None  # Indikator.identitas, the same across revisions and years


def _baca_indikator(dokumen_ids: Iterable[int], **saring) -> list[_Baris]:
    indikator = [
        _Baris(i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did, [], identitas)
        for i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did, identitas in Indikator.objects.filter(
            sasaran__dokumen_id__in=dokumen_ids, **saring
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
            "identitas",
        )
    ]
    per_id = {baris.id: baris for baris in indikator}
    saring_variabel = {f"indikator__{k}": v for k, v in saring.items()}
    # order_by(): the models' default ordering would join every parent table just to sort.
    for vid, indikator_id, kode, uraian, cara, nilai_tetap, konstanta in (
        Variabel.objects.filter(indikator__sasaran__dokumen_id__in=dokumen_ids, **saring_variabel)
        .order_by()
        .values_list("id", "indikator_id", "kode", "uraian", "agregasi", "nilai_tetap", "konstanta__nilai")
    ):
        tetap = nilai_tetap if nilai_tetap is not None else konstanta
        per_id[indikator_id].variabel.append((vid, VariabelUkur(kode, uraian, cara, tetap)))
    return indikator


def _baca_nilai(dokumen_ids: Iterable[int], **saring) -> dict[int, dict[int, Decimal]]:
    """{variabel id: {triwulan: value}} of the entered quarters (None values are left out).

    Grouped in the database: one row per variable with its four quarters side by side
    (``MAX(CASE WHEN periode = 'TWn' THEN nilai END)``, a variable has at most one value per
    quarter), so the rows read are a quarter of the values and no value row becomes a Python
    object. The values come back exactly as stored; combining them per period is
    kinerja.pengukuran.agregasi's (exact Decimal, the same on SQLite and PostgreSQL).
    """
    nilai: dict[int, dict[int, Decimal]] = {}
    saring_nilai = {f"variabel__indikator__{k}": v for k, v in saring.items()}
    per_triwulan = {
        f"t{t}": Max(Case(When(periode=f"TW{t}", then="nilai"), output_field=NilaiVariabel._meta.get_field("nilai")))
        for t in range(1, 5)
    }
    baris = (
        NilaiVariabel.objects.filter(
            variabel__indikator__sasaran__dokumen_id__in=dokumen_ids,
            periode__in=PERIODE_ISIAN,
            nilai__isnull=False,
            **saring_nilai,
        )
        .order_by()
        .values("variabel_id")
        .annotate(**per_triwulan)
        .values_list("variabel_id", "t1", "t2", "t3", "t4")
    )
    for vid, *empat in baris:
        nilai[vid] = {t: angka for t, angka in enumerate(empat, 1) if angka is not None}
    return nilai


def _baca_target(dokumen_ids: Iterable[int], **saring) -> dict[int, dict[str, tuple]]:
    target: dict[int, dict[str, tuple]] = defaultdict(dict)
    saring_target = {f"indikator__{k}": v for k, v in saring.items()}
    for indikator_id, periode, lo, hi, baseline in (
        Target.objects.filter(indikator__sasaran__dokumen_id__in=dokumen_ids, **saring_target)
        .order_by()
        .values_list("indikator_id", "periode", "nilai", "nilai_hi", "baseline")
    ):
        target[indikator_id][periode] = (lo, hi, baseline)
    return target


def _baca_target_indikator(indikator_ids: list[int]) -> dict[int, dict[str, tuple]]:
    target: dict[int, dict[str, tuple]] = defaultdict(dict)
    for indikator_id, periode, lo, hi, baseline in (
        Target.objects.filter(indikator_id__in=indikator_ids)
        .order_by()
        .values_list("indikator_id", "periode", "nilai", "nilai_hi", "baseline")
    ):
        target[indikator_id][periode] = (lo, hi, baseline)
    return target


def _ukur(indikator: list[_Baris], nilai, target, periode: Periode, skala: dict[int, str]) -> dict[int, Ukuran]:
    """{indikator id: Ukuran}, the documents' scales apart (kategori depends on the scale)."""
    per_skala: dict[str, list[_Baris]] = defaultdict(list)
    for baris in indikator:
        per_skala[skala.get(baris.dokumen_id) or "permendagri_86_2017"].append(baris)
    hasil = {}
    for kode_skala, daftar in per_skala.items():
        masukan = [
            (
                IndikatorUkur(
                    baris.ekspresi,
                    baris.polaritas,
                    baris.periode_pelaporan,
                    tuple(v for _, v in baris.variabel),
                    target.get(baris.id, {}),
                ),
                {v.kode: nilai.get(vid, {}) for vid, v in baris.variabel if v.tetap is None},
            )
            for baris in daftar
        ]
        for baris, ukuran in zip(daftar, ukur_banyak(masukan, periode, kode_skala)):
            hasil[baris.id] = ukuran
    return hasil


def _hitung_dokumen(
    dokumen_ids: list[int],
    dokumen_lalu: dict[int, int],
    periode: Periode,
    skala: dict[int, str],
    **saring,
) -> dict[int, list[HasilIndikator]]:
    """{dokumen id: results}. ``dokumen_lalu`` maps a document to last year's in force; ``skala`` a
    document to its scale; ``saring`` narrows the indicators of ``dokumen_ids`` (e.g.
    ``sasaran__jabatan_id=3``; then last year is not read)."""
    return _hitung_dokumen_periode(dokumen_ids, dokumen_lalu, [periode], skala, **saring)[periode.kode]


def _hitung_dokumen_periode(
    dokumen_ids: list[int],
    dokumen_lalu: dict[int, int],
    daftar_periode: list[Periode],
    skala: dict[int, str],
    **saring,
) -> dict[str, dict[int, list[HasilIndikator]]]:
    """{periode kode: {dokumen id: results}}: the rows are read once for every period."""
    if saring:
        dokumen_lalu = {}
    semua_ids = [*dokumen_ids, *set(dokumen_lalu.values())]
    indikator = _baca_indikator(semua_ids, **saring)
    nilai = _baca_nilai(semua_ids, **saring)
    target = _baca_target(dokumen_ids, **saring)
    return {
        periode.kode: _susun(dokumen_ids, dokumen_lalu, periode, skala, indikator, nilai, target)
        for periode in daftar_periode
    }


def _susun(dokumen_ids, dokumen_lalu, periode, skala, indikator, nilai, target) -> dict[int, list[HasilIndikator]]:
    sekarang = set(dokumen_ids)
    skala_semua = {**skala, **{lalu: skala.get(d) for d, lalu in dokumen_lalu.items()}}
    ukuran = _ukur(indikator, nilai, target, periode, skala_semua)
    # Last year's indicator is the one with the same identity in last year's document in force.
    padanan_lalu: dict[tuple[int, object], int] = {}
    for baris in indikator:
        if baris.dokumen_id not in sekarang:
            padanan_lalu.setdefault((baris.dokumen_id, baris.identitas), baris.id)
    per_dokumen: dict[int, list[HasilIndikator]] = {d: [] for d in dokumen_ids}
    for baris in indikator:
        if baris.dokumen_id not in sekarang:
            continue
        u = ukuran[baris.id]
        lalu_id = padanan_lalu.get((dokumen_lalu.get(baris.dokumen_id), baris.identitas))
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
                target=u.target.nilai,
                target_hi=u.target.nilai_hi,
                realisasi=u.realisasi,
                capaian=u.capaian,
                kategori=u.kategori,
                realisasi_tahun_lalu=ukuran[lalu_id].realisasi.nilai if lalu_id is not None else None,
                lengkap=u.lengkap,
                periode=periode.kode,
                dokumen_id=baris.dokumen_id,
                baseline=target.get(baris.id, {}).get("TAHUN", (None, None, None))[2],
                target_turunan=u.target.turunan,
                dilaporkan=u.dilaporkan,
                tanpa_rencana_aksi=tanpa_rencana_aksi(target.get(baris.id, {})),
                identitas=baris.identitas,
            )
        )
    return per_dokumen


def hitung_dokumen(
    dokumen: DokumenIKI, periode: str = "TAHUN", *, jabatan_id: int | None = None, indikator_id: int | None = None
) -> list[HasilIndikator]:
    """The indicators of one document (in force or not), optionally of one jabatan or one indicator only.

    Last year's realisasi is left out (None): this is for pages that show one document being filled.
    """
    saring = {}
    if jabatan_id is not None:
        saring["sasaran__jabatan_id"] = jabatan_id
    if indikator_id is not None:
        saring["pk"] = indikator_id
    skala = _skala_instansi([dokumen.instansi_id])[dokumen.instansi_id]
    return _hitung_dokumen([dokumen.pk], {}, periode_hitung(periode), {dokumen.pk: skala}, **saring)[dokumen.pk]


def hitung_objek(indikator: list[Indikator], nilai: dict[int, Decimal | None], periode: str, skala: str) -> dict:
    """{indikator id: HasilIndikator} for indicators a page has already loaded (sasaran joined,
    variabel with konstanta prefetched) and the values of one quarter ``periode`` it has already
    read (``{variabel id: value}``); only the targets are read here. For the entry page, which
    shows the realisasi as values are saved without reading the document again."""
    per = periode_hitung(periode)
    if len(per.triwulan) != 1:
        raise ValueError("hitung_objek menghitung satu triwulan saja")
    [triwulan] = per.triwulan
    target = _baca_target_indikator([i.pk for i in indikator])
    baris = []
    per_variabel: dict[int, dict[int, Decimal]] = {}
    for ind in indikator:
        variabel = []
        for v in ind.variabel.all():
            tetap = v.nilai_tetap if v.nilai_tetap is not None else (v.konstanta.nilai if v.konstanta_id else None)
            variabel.append((v.pk, VariabelUkur(v.kode, v.uraian, v.agregasi, tetap)))
            if nilai.get(v.pk) is not None:
                per_variabel[v.pk] = {triwulan: nilai[v.pk]}
        sasaran = ind.sasaran
        baris.append(
            _Baris(
                ind.pk,
                ind.nama,
                ind.ekspresi,
                ind.satuan,
                ind.polaritas,
                ind.periode_pelaporan,
                sasaran.pk,
                sasaran.uraian,
                sasaran.jabatan_id,
                "",
                sasaran.dokumen_id,
                variabel,
                ind.identitas,
            )
        )
    dokumen_ids = sorted({b.dokumen_id for b in baris})
    hasil = _susun(dokumen_ids, {}, per, dict.fromkeys(dokumen_ids, skala), baris, per_variabel, target)
    return {h.indikator_id: h for daftar in hasil.values() for h in daftar}


def hitung_dokumen_banyak(
    dokumen_ids: Iterable[int], daftar_periode: Iterable[str] = ("TAHUN",)
) -> dict[str, dict[int, list[HasilIndikator]]]:
    """{periode: {dokumen id: results}} for many documents (in force or not) and periods, without
    last year's realisasi; the rows are read once for all periods."""
    dokumen_ids = list(dokumen_ids)
    skala = dict(DokumenIKI.objects.filter(pk__in=dokumen_ids).values_list("id", "instansi__pemda__skala_capaian"))
    return _hitung_dokumen_periode(dokumen_ids, {}, [periode_hitung(p) for p in daftar_periode], skala)


def _tersimpan(
    dokumen_ids: list[int], dokumen_lalu: dict[int, int], periode: Periode, skala: dict[int, str]
) -> dict[int, list[HasilIndikator]]:
    """Results of decreed documents from the kept rows (kinerja.realisasi.simpanan), kept first when missing."""
    from . import simpanan

    simpanan.pastikan([*dokumen_ids, *dokumen_lalu.values()], periode.kode)
    return simpanan.baca(dokumen_ids, periode.kode, skala, dokumen_lalu)


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
    dokumen_lalu = {dokumen_id: lalu} if lalu else {}
    if dokumen is not None and dokumen.status != DokumenIKI.Status.DITETAPKAN:
        return _hitung_dokumen([dokumen_id], dokumen_lalu, per, {dokumen_id: skala})[dokumen_id]
    return _tersimpan([dokumen_id], dokumen_lalu, per, {dokumen_id: skala})[dokumen_id]


def hitung_pemda(
    pemda, tahun: int, periode: str = "TAHUN", *, dengan_tahun_lalu: bool = True
) -> dict[int, list[HasilIndikator]]:
    """{instansi id: results} for every instansi of the pemda that has a document in force for ``tahun``
    (``dengan_tahun_lalu=False``: without last year's realisasi, for pages that do not show it)."""
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
    if not dengan_tahun_lalu:
        lalu = {}
    per_dokumen = _tersimpan(list(dokumen_instansi), lalu, per, dict.fromkeys(dokumen_instansi, skala_kode))
    return {
        dokumen_instansi[d]: hasil for d, hasil in sorted(per_dokumen.items(), key=lambda p: dokumen_instansi[p[0]])
    }


def hitung_nasional(tahun: int, periode: str = "TAHUN", *, kelompok: int = 200):
    """(instansi id, results) for every instansi of the country with a document in force for ``tahun``,
    streamed in batches of ``kelompok`` documents so that memory stays bounded whatever the size."""
    from kinerja.organisasi.models import Instansi

    per = periode_hitung(periode)
    instansi = list(Instansi.objects.order_by("pk").values_list("pk", "pemda__skala_capaian"))
    for i in range(0, len(instansi), kelompok):
        potong = dict(instansi[i : i + kelompok])
        berlaku = dokumen_berlaku_banyak(list(potong), [tahun, tahun - 1])
        dokumen_instansi = {d: i for (i, t), d in berlaku.items() if t == tahun}
        lalu = {d: berlaku[(i, tahun - 1)] for d, i in dokumen_instansi.items() if (i, tahun - 1) in berlaku}
        skala = {d: potong[i] for d, i in dokumen_instansi.items()}
        for d, hasil in _tersimpan(list(dokumen_instansi), lalu, per, skala).items():
            yield dokumen_instansi[d], hasil


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
                "target_turunan": h.target_turunan,
            }
            for h in hasil
        ],
    }
