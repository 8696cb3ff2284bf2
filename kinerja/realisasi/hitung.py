"""Realisasi, capaian and kategori of every indicator of a document, an instansi or a whole pemda.

The only database reader for measurement: a handful of queries read the documents in force
(kinerja.realisasi.berlaku), their indicators, variables and targets for the year and the year
before, and the database aggregates each variable's values over every period asked for, in the
quarters its indicator reports in (``_baca_variabel``: sum, last value, min, max, and the sum and
count a mean is finished from); everything else (formulas evaluated once per distinct expression
over columns, the target of the period with its pro rata "target turunan", capaian, kategori,
completeness, and the reasons a value cannot be computed) is kinerja.pengukuran's. Every scope and
period gives the same result type, ``HasilIndikator``.

Decreed documents are read from the kept measurements (kinerja.realisasi.simpanan: computed by the
first reader or ``kinerja hitung-ulang``, refreshed by every saved value or target); drafts and
the entry page's quarter (``hitung_objek``) are computed on the spot.

``realisasi_tahun_lalu`` is the realisasi of the same period a year earlier, from last year's
document in force, for the indicator with the same identity (Indikator.identitas, carried by every
copy), so it follows an indicator that was renamed or moved.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kinerja import rumus
from kinerja.iki.models import DokumenIKI, Indikator, Variabel
from kinerja.pengukuran import (
    AGREGASI,
    LABEL_TURUNAN,
    TRIWULAN_PELAPORAN,
    Hasil,
    IndikatorUkur,
    Periode,
    Ringkasan,
    VariabelUkur,
    agregat_dari_hitungan,
    agregat_indikator,
    tanpa_rencana_aksi,
    ukur_teragregasi,
)

from .berlaku import dokumen_berlaku_banyak
from .models import NilaiVariabel, Target
from .periode import periode_hitung


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


@dataclass(slots=True)  # no __dict__ each: a national rebuild reads 330,000
class _Baris:
    """One indicator of one document, as read from the database (names empty when not read)."""

    id: int
    nama: str
    ekspresi: str
    satuan: str
    polaritas: str
    periode_pelaporan: str
    sasaran_id: int | None
    sasaran: str
    jabatan_id: int | None
    jabatan: str
    dokumen_id: int
    variabel: list  # [(id, VariabelUkur)]
    identitas: object = None  # Indikator.identitas, the same across revisions and years
    ukur: IndikatorUkur | None = None  # what the engine needs, built once for every period


def _baca_indikator(dokumen_ids: Iterable[int], **saring) -> list[_Baris]:
    """The indicators in catalogue order with their names."""
    semua = Indikator.objects.filter(sasaran__dokumen_id__in=dokumen_ids, **saring)
    return [
        _Baris(i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did, [], identitas)
        for i, nama, ekspresi, satuan, polaritas, pelaporan, sid, suraian, jid, jnama, did, identitas in semua.order_by(
            "sasaran__dokumen_id",
            "sasaran__jabatan__urutan",
            "sasaran__jabatan_id",
            "sasaran__urutan",
            "sasaran_id",
            "urutan",
            "id",
        ).values_list(
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


_TABEL_SASARAN = Indikator._meta.get_field("sasaran").related_model._meta.db_table


def _triwulan_sql(triwulan) -> str:
    return ", ".join(f"'TW{t}'" for t in triwulan)


def _kondisi_dilaporkan() -> str:
    """SQL condition: the value row ``nv`` is of a quarter (TW1–TW4) in which its indicator ``i`` is
    reported, built from kinerja.pengukuran's own rhythms (TRIWULAN_PELAPORAN, triwulanan — every
    quarter — when unknown). Part of the join, so that each period's columns only test the quarter."""
    semua = TRIWULAN_PELAPORAN["triwulanan"]
    lain = {p: t for p, t in TRIWULAN_PELAPORAN.items() if p != "triwulanan"}
    assert set(semua) == {1, 2, 3, 4}, "triwulanan dilaporkan setiap triwulan"
    pilihan = " OR ".join(
        f"(i.periode_pelaporan = '{p}' AND nv.periode IN ({_triwulan_sql(t)}))" for p, t in lain.items()
    )
    bukan_lain = ", ".join(f"'{p}'" for p in lain)
    return f"(nv.periode IN ({_triwulan_sql(semua)}) AND (i.periode_pelaporan NOT IN ({bukan_lain}) OR {pilihan}))"


def _kolom_agregat(periode: Periode) -> str:
    """Two SQL columns for ``periode``: the number of filled values, and the partial aggregate that
    kinerja.pengukuran.agregat_dari_hitungan finishes (the sum for a mean, else the aggregate).
    The rows joined are already those of the quarters the indicator reports in."""
    if set(periode.triwulan) == {1, 2, 3, 4}:
        nilai = "nv.nilai"
    else:
        nilai = f"CASE WHEN nv.periode IN ({_triwulan_sql(periode.triwulan)}) THEN nv.nilai END"

    def untuk(sql: str, *cara: str) -> str:
        # Every aggregate named in the CASE below is computed for every row: FILTER spares a
        # variable the aggregates of the other caras.
        daftar = ", ".join(f"'{c}'" for c in cara)
        return f"{sql} FILTER (WHERE v.agregasi IN ({daftar}))"

    jumlah = untuk(f"SUM({nilai})", "jumlah", "rata_rata")
    terakhir = [
        untuk(f"MAX(CASE WHEN nv.periode = 'TW{t}' THEN nv.nilai END)", "terakhir") for t in reversed(periode.triwulan)
    ]
    sql_cara = {
        "jumlah": jumlah,
        "rata_rata": jumlah,
        "maks": untuk(f"MAX({nilai})", "maks"),
        "min": untuk(f"MIN({nilai})", "min"),
        "terakhir": f"COALESCE({', '.join(terakhir)})" if len(terakhir) > 1 else terakhir[0],
    }
    assert set(sql_cara) == set(AGREGASI), "setiap cara agregasi butuh SQL-nya"
    cabang = " ".join(f"WHEN '{cara}' THEN {sql}" for cara, sql in sql_cara.items())
    return f"COUNT({nilai}), CASE v.agregasi {cabang} END"


def _saring_sql(dokumen_ids: list[int], saring: dict) -> tuple[str, list]:
    """WHERE clause over ``s`` (sasaran) and ``i`` (indikator): the documents, and the ORM filter
    ``saring`` on Indikator (e.g. ``sasaran__jabatan_id=3``) as a subquery when given."""
    sql = f"s.dokumen_id IN ({', '.join(['%s'] * len(dokumen_ids))})"
    params = list(dokumen_ids)
    if saring:
        sub, sub_params = (
            Indikator.objects.filter(sasaran__dokumen_id__in=dokumen_ids, **saring)
            .order_by()
            .values("pk")
            .query.sql_with_params()
        )
        sql += f" AND i.id IN ({sub})"
        params += list(sub_params)
    return sql, params


def _pengubah(model, nama_kolom: str):
    """The backend's conversion of a raw value of this column (SQLite keeps decimals as floats and
    UUIDs as text; Django turns them back exactly as the ORM would)."""
    from django.db import connection

    kolom = model._meta.get_field(nama_kolom).get_col(model._meta.db_table)
    pengubah = connection.ops.get_db_converters(kolom) + kolom.output_field.get_db_converters(connection)
    if not pengubah:
        return None

    def ubah(nilai):
        for f in pengubah:
            nilai = f(nilai, kolom, connection)
        return nilai

    return ubah


def _baca_variabel(
    dokumen_ids: list[int], daftar_periode: list[Periode], **saring
) -> tuple[dict[int, list], dict[str, dict[int, tuple]]]:
    """The variables of the documents' indicators ({indikator id: [(id, VariabelUkur)]}) and their
    values aggregated over every period by the database, in one query with one row per variable:
    {periode kode: {variabel id: (n, partial)}} (see ``_kolom_agregat``). Sums are exact on
    PostgreSQL (numeric); SQLite sums its stored floats, brought back to the column's 6 decimals
    as Django brings back every stored value."""
    from django.db import connection

    from kinerja.iki.models import Konstanta

    if not dokumen_ids:
        return {}, {p.kode: {} for p in daftar_periode}
    where, params = _saring_sql(dokumen_ids, saring)
    kolom = ", ".join(_kolom_agregat(p) for p in daftar_periode)
    sumber = f"""{Variabel._meta.db_table} v
        JOIN {Indikator._meta.db_table} i ON i.id = v.indikator_id
        JOIN {_TABEL_SASARAN} s ON s.id = i.sasaran_id"""
    nilai = f"{NilaiVariabel._meta.db_table} nv"
    # (No "nilai IS NOT NULL": every aggregate leaves an empty value out by itself.)
    cocok = f"nv.variabel_id = v.id AND {_kondisi_dilaporkan()}"
    if connection.vendor == "postgresql":
        # Each variable's few values aggregated on their own (a LATERAL subquery over its index
        # entries): a sixth cheaper than grouping the whole batch, which sorts it first.
        dari = f"a.* FROM {sumber} CROSS JOIN LATERAL (SELECT {kolom} FROM {nilai} WHERE {cocok}) a WHERE {where}"
    else:  # SQLite has no LATERAL
        dari = f"{kolom} FROM {sumber} LEFT JOIN {nilai} ON {cocok} WHERE {where} GROUP BY v.id"
    sql = f"""
        SELECT v.id, v.indikator_id, v.kode, v.uraian, v.agregasi, v.nilai_tetap,
            CASE WHEN v.konstanta_id IS NOT NULL
                THEN (SELECT k.nilai FROM {Konstanta._meta.db_table} k WHERE k.id = v.konstanta_id) END,
            {dari}
    """
    ubah_nilai = _pengubah(NilaiVariabel, "nilai")
    ubah_tetap = _pengubah(Variabel, "nilai_tetap")
    ubah_konstanta = _pengubah(Konstanta, "nilai")
    variabel: dict[int, list] = defaultdict(list)
    agregat: dict[str, dict[int, tuple]] = {p.kode: {} for p in daftar_periode}
    # Each period's (n, partial) columns, and the aggregates they go to.
    urutan = [(agregat[p.kode], 7 + 2 * j) for j, p in enumerate(daftar_periode)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # Columns by position, no unpacking into names: a national rebuild reads 600,000 rows.
        while baris := cursor.fetchmany(5000):
            for b in baris:
                tetap = b[5]
                if tetap is None:
                    if b[6] is not None:
                        tetap = ubah_konstanta(b[6]) if ubah_konstanta else b[6]
                elif ubah_tetap:
                    tetap = ubah_tetap(tetap)
                vid = b[0]
                variabel[b[1]].append((vid, VariabelUkur(b[2], b[3], b[4], tetap)))
                for per_variabel, j in urutan:
                    if b[j]:
                        per_variabel[vid] = (b[j], ubah_nilai(b[j + 1])) if ubah_nilai else b[j : j + 2]
    return variabel, agregat


def _angka_target(ubah, angka: tuple) -> tuple:
    """(nilai, nilai_hi, baseline) of a raw target row, converted as the ORM would (``_pengubah``)."""
    return tuple(None if a is None else ubah(a) for a in angka) if ubah else angka


def _baca_target(dokumen_ids: list[int], **saring) -> dict[int, dict[str, tuple]]:
    """{indikator id: {periode: (nilai, nilai_hi, baseline)}}, read in plain SQL (no model rows)."""
    from django.db import connection

    if not dokumen_ids:
        return {}
    where, params = _saring_sql(dokumen_ids, saring)
    ubah = _pengubah(Target, "nilai")
    target: dict[int, dict[str, tuple]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT t.indikator_id, t.periode, t.nilai, t.nilai_hi, t.baseline
            FROM {Target._meta.db_table} t
            JOIN {Indikator._meta.db_table} i ON i.id = t.indikator_id
            JOIN {_TABEL_SASARAN} s ON s.id = i.sasaran_id
            WHERE {where}""",
            params,
        )
        for b in cursor.fetchall():
            target[b[0]][b[1]] = _angka_target(ubah, b[2:])
    return target


def _baca_indikator_dan_target(dokumen_ids: list[int], **saring) -> tuple[list[_Baris], dict[int, dict[str, tuple]]]:
    """For kept rows, which are read back with the catalogue's names and identity: only what the
    engine needs of each indicator, and its targets as ``_baca_target`` gives them, in one plain
    query (a national rebuild reads 330,000 indicators)."""
    from django.db import connection

    where, params = _saring_sql(dokumen_ids, saring)
    ubah = _pengubah(Target, "nilai")
    indikator: list[_Baris] = []
    target: dict[int, dict[str, tuple]] = {}  # every indicator has one, empty when it has no target
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT i.id, i.ekspresi, i.polaritas, i.periode_pelaporan, s.dokumen_id,
                t.periode, t.nilai, t.nilai_hi, t.baseline
            FROM {Indikator._meta.db_table} i
            JOIN {_TABEL_SASARAN} s ON s.id = i.sasaran_id
            LEFT JOIN {Target._meta.db_table} t ON t.indikator_id = i.id
            WHERE {where}""",
            params,
        )
        for b in cursor.fetchall():
            milik = target.get(b[0])
            if milik is None:
                target[b[0]] = milik = {}
                indikator.append(_Baris(b[0], "", b[1], "", b[2], b[3], None, "", None, "", b[4], []))
            if b[5] is not None:
                milik[b[5]] = _angka_target(ubah, b[6:])
    return indikator, target


@dataclass
class _Bacaan:
    """Everything a measurement of documents over some periods reads, read once for all periods."""

    indikator: list[_Baris]
    target: dict[int, dict[str, tuple]]
    agregat: dict[str, dict[int, tuple]]  # {periode: {variabel id: (n, partial)}}, see _baca_variabel


def _baca(dokumen_ids: list[int], daftar_periode: list[Periode], dengan_nama: bool = True, **saring) -> _Bacaan:
    if dengan_nama:
        indikator, target = _baca_indikator(dokumen_ids, **saring), _baca_target(dokumen_ids, **saring)
    else:
        indikator, target = _baca_indikator_dan_target(dokumen_ids, **saring)
    variabel, agregat = _baca_variabel(dokumen_ids, daftar_periode, **saring)
    for baris in indikator:
        baris.variabel = variabel.get(baris.id, [])
        baris.ukur = IndikatorUkur(
            baris.ekspresi,
            baris.polaritas,
            baris.periode_pelaporan,
            tuple([v for _, v in baris.variabel]),
            target.get(baris.id, {}),
        )
    return _Bacaan(indikator, target, agregat)


def _masukan(bacaan: _Bacaan, periode: Periode) -> list[tuple]:
    """(indicator, aggregates, lengkap) per indicator for ``periode``, from the database's aggregates."""
    agregat = bacaan.agregat[periode.kode]
    return [
        (
            baris.ukur,
            *agregat_dari_hitungan(
                baris.ukur, periode, {v.kode: agregat[vid] for vid, v in baris.variabel if vid in agregat}
            ),
        )
        for baris in bacaan.indikator
    ]


def _ukur(indikator: list[_Baris], masukan: list[tuple], periode: Periode, skala: dict[int, str | None]) -> dict:
    """{indikator id: Ukuran}, the documents' scales apart (kategori depends on the scale)."""
    per_skala: dict[str, list[int]] = defaultdict(list)
    for i, baris in enumerate(indikator):
        per_skala[skala.get(baris.dokumen_id) or "permendagri_86_2017"].append(i)
    hasil = {}
    for kode_skala, nomor in per_skala.items():
        for i, ukuran in zip(nomor, ukur_teragregasi([masukan[i] for i in nomor], periode, kode_skala)):
            hasil[indikator[i].id] = ukuran
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
    bacaan = _baca([*dokumen_ids, *set(dokumen_lalu.values())], daftar_periode, **saring)
    skala_semua = {**skala, **{lalu: skala.get(d) for d, lalu in dokumen_lalu.items()}}
    return {
        periode.kode: _susun(
            dokumen_ids,
            dokumen_lalu,
            periode,
            bacaan,
            _ukur(bacaan.indikator, _masukan(bacaan, periode), periode, skala_semua),
        )
        for periode in daftar_periode
    }


def baca_untuk_simpan(dokumen_ids: list[int], daftar_periode: list[Periode], **saring) -> _Bacaan:
    """What ``ukur_untuk_simpan`` needs, without names (kept rows are read back with the catalogue's)."""
    return _baca(dokumen_ids, daftar_periode, dengan_nama=False, **saring)


def ukur_untuk_simpan(bacaan: _Bacaan, daftar_periode: list[Periode]):
    """(periode kode, indicator row, Ukuran, its targets) of every indicator read, for every
    period, without kategori: what kinerja.realisasi.simpanan keeps."""
    for periode in daftar_periode:
        ukuran = ukur_teragregasi(_masukan(bacaan, periode), periode, None)
        for baris, u in zip(bacaan.indikator, ukuran):
            yield periode.kode, baris, u, bacaan.target.get(baris.id, {})


def _susun(dokumen_ids, dokumen_lalu, periode, bacaan: _Bacaan, ukuran) -> dict[int, list[HasilIndikator]]:
    sekarang = set(dokumen_ids)
    indikator, target = bacaan.indikator, bacaan.target
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
    target = _baca_target(sorted({i.sasaran.dokumen_id for i in indikator}), pk__in=[i.pk for i in indikator])
    baris = []
    masukan = []
    for ind in indikator:
        variabel = []
        per_kode: dict[str, dict[int, Decimal]] = {}
        for v in ind.variabel.all():
            tetap = v.nilai_tetap if v.nilai_tetap is not None else (v.konstanta.nilai if v.konstanta_id else None)
            variabel.append((v.pk, VariabelUkur(v.kode, v.uraian, v.agregasi, tetap)))
            if nilai.get(v.pk) is not None:
                per_kode[v.kode] = {triwulan: nilai[v.pk]}
        sasaran = ind.sasaran
        ukur = IndikatorUkur(
            ind.ekspresi, ind.polaritas, ind.periode_pelaporan, tuple(v for _, v in variabel), target.get(ind.pk, {})
        )
        # The page's own values of one quarter: aggregated by the engine, as the database does for the year.
        masukan.append((ukur, *agregat_indikator(ukur, per_kode, per)))
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
                ukur,
            )
        )
    dokumen_ids = sorted({b.dokumen_id for b in baris})
    ukuran = _ukur(baris, masukan, per, dict.fromkeys(dokumen_ids, skala))
    hasil = _susun(dokumen_ids, {}, per, _Bacaan(baris, target, {}), ukuran)
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


def _dokumen_pemda(pemda, tahun_list: list[int]) -> dict[tuple[int, int], int]:
    """{(instansi id, tahun): document in force} of every instansi of the pemda."""
    from kinerja.organisasi.models import Instansi

    pemda_id = getattr(pemda, "pk", pemda)
    instansi_ids = list(Instansi.objects.filter(pemda_id=pemda_id).order_by().values_list("id", flat=True))
    return dokumen_berlaku_banyak(instansi_ids, tahun_list)


def hitung_pemda(
    pemda, tahun: int, periode: str = "TAHUN", *, dengan_tahun_lalu: bool = True
) -> dict[int, list[HasilIndikator]]:
    """{instansi id: results} for every instansi of the pemda that has a document in force for ``tahun``
    (``dengan_tahun_lalu=False``: without last year's realisasi, for pages that do not show it)."""
    from kinerja.organisasi.models import Pemda

    per = periode_hitung(periode)
    pemda_id = getattr(pemda, "pk", pemda)
    skala_kode = getattr(pemda, "skala_capaian", None) or Pemda.objects.values_list("skala_capaian", flat=True).get(
        pk=pemda_id
    )
    berlaku = _dokumen_pemda(pemda_id, [tahun, tahun - 1])
    dokumen_instansi = {d: i for (i, t), d in berlaku.items() if t == tahun}
    lalu = {d: berlaku[(i, tahun - 1)] for d, i in dokumen_instansi.items() if (i, tahun - 1) in berlaku}
    if not dengan_tahun_lalu:
        lalu = {}
    per_dokumen = _tersimpan(list(dokumen_instansi), lalu, per, dict.fromkeys(dokumen_instansi, skala_kode))
    return {
        dokumen_instansi[d]: hasil for d, hasil in sorted(per_dokumen.items(), key=lambda p: dokumen_instansi[p[0]])
    }


def ringkasan_pemda(pemda, tahun: int, periode: str = "TAHUN", jenis=Ringkasan) -> dict:
    """{instansi id: Ringkasan (or its subclass ``jenis``)} (mean capaian, categories, completeness)
    of every instansi of the pemda with a document in force for ``tahun``, from the kept results
    without building a result per indicator: the kabupaten dashboard's read."""
    from . import simpanan

    per = periode_hitung(periode)
    dokumen_instansi = {d: i for (i, _), d in _dokumen_pemda(pemda, [tahun]).items()}
    versi = simpanan.pastikan(dokumen_instansi, per.kode)
    skala = dict.fromkeys(dokumen_instansi, pemda.skala_capaian)
    per_dokumen = simpanan.ringkasan(list(dokumen_instansi), per.kode, skala, jenis, versi)
    return {dokumen_instansi[d]: r for d, r in per_dokumen.items()}


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
