"""Carrying targets, values, report statuses and evidence into a new revision of a DokumenIKI.

When buat_revisi copies a decreed document (signal ``revisi_dibuat``), its targets are copied to
the new indicators and everything entered so far to the new variables, with their history. The
old revision stays in force until the new one is decreed, so values keep being entered there;
when the new revision is decreed, whatever changed meanwhile is carried over once more
(``selaraskan``), so nothing entered during the drafting is lost. The old revision's own rows
are never touched: its reports stay reproducible.
"""

from django.db.models.signals import post_save

from kinerja.iki.models import DokumenIKI
from kinerja.iki.penguncian import revisi_dibuat

from .models import BuktiDukung, IsianPeriode, NilaiVariabel, RiwayatNilai, SalinanVariabel, Target

_FIELD_ISIAN = (
    "status",
    "diajukan_pada",
    "batas_waktu",
    "dibuka_sampai",
    "catatan_status",
    "diverifikasi_oleh_id",
    "diverifikasi_pada",
    "disahkan_oleh_id",
    "disahkan_pada",
)
_FIELD_NILAI = ("nilai", "catatan", "diisi_oleh_id", "diisi_pada", "versi", "peringatan")


def _salin_target(peta_indikator: dict) -> None:
    Target.objects.bulk_create(
        Target(
            indikator=peta_indikator[t.indikator_id],
            periode=t.periode,
            nilai=t.nilai,
            nilai_hi=t.nilai_hi,
            baseline=t.baseline,
        )
        for t in Target.objects.filter(indikator_id__in=peta_indikator)
    )


def _selaraskan_isian(lama_id: int, baru: DokumenIKI) -> dict[int, IsianPeriode]:
    """Copy or update the report statuses; {old isian id: new isian}."""
    ada = {(i.jabatan_id, i.periode): i for i in IsianPeriode.objects.filter(dokumen=baru)}
    peta = {}
    for lama in IsianPeriode.objects.filter(dokumen_id=lama_id):
        baru_isian = ada.get((lama.jabatan_id, lama.periode)) or IsianPeriode(
            dokumen=baru, jabatan_id=lama.jabatan_id, periode=lama.periode
        )
        if baru_isian.pk is None or any(getattr(baru_isian, f) != getattr(lama, f) for f in _FIELD_ISIAN):
            for f in _FIELD_ISIAN:
                setattr(baru_isian, f, getattr(lama, f))
            baru_isian.save()
        peta[lama.pk] = baru_isian
    return peta


def _selaraskan_nilai(lama_revisi: int, peta_variabel: dict[int, int]) -> dict[int, NilaiVariabel]:
    """Copy new or changed values with the history rows the copy lacks; {old value id: new value}."""
    ada = {
        (nv.variabel_id, nv.periode): nv for nv in NilaiVariabel.objects.filter(variabel_id__in=peta_variabel.values())
    }
    lama_list = list(NilaiVariabel.objects.filter(variabel_id__in=peta_variabel))
    riwayat_lama: dict[int, list[RiwayatNilai]] = {}
    for r in RiwayatNilai.objects.filter(nilai_variabel__in=lama_list).order_by("waktu", "id"):
        riwayat_lama.setdefault(r.nilai_variabel_id, []).append(r)
    terakhir_disalin = {}
    for r in RiwayatNilai.objects.filter(nilai_variabel__in=list(ada.values())).order_by("waktu", "id"):
        terakhir_disalin[r.nilai_variabel_id] = r.waktu
    peta, riwayat_baru = {}, []
    for lama in lama_list:
        nv = ada.get((peta_variabel[lama.variabel_id], lama.periode))
        if nv is None or any(getattr(nv, f) != getattr(lama, f) for f in _FIELD_NILAI):
            sebelum = None if nv is None else nv.nilai
            nv = nv or NilaiVariabel(variabel_id=peta_variabel[lama.variabel_id], periode=lama.periode)
            for f in _FIELD_NILAI:
                setattr(nv, f, getattr(lama, f))
            nv.save()
            batas = terakhir_disalin.get(nv.pk)
            riwayat_baru += [
                RiwayatNilai(
                    nilai_variabel=nv,
                    waktu=r.waktu,
                    pengguna_id=r.pengguna_id,
                    lama=r.lama,
                    baru=r.baru,
                    catatan=r.catatan,
                    alasan=r.alasan,
                    sumber=r.sumber,
                    versi=r.versi,
                    peringatan=r.peringatan,
                )
                for r in riwayat_lama.get(lama.pk, [])
                if batas is None or r.waktu > batas
            ]
            riwayat_baru.append(
                RiwayatNilai(
                    nilai_variabel=nv,
                    pengguna=None,
                    lama=sebelum,
                    baru=nv.nilai,
                    catatan=nv.catatan,
                    alasan=f"Disalin dari dokumen rev. {lama_revisi}",
                    sumber=RiwayatNilai.Sumber.REVISI,
                    versi=nv.versi,
                )
            )
        peta[lama.pk] = nv
    RiwayatNilai.objects.bulk_create(riwayat_baru)
    return peta


def _selaraskan_bukti(peta_isian: dict[int, IsianPeriode], peta_nilai: dict[int, NilaiVariabel]) -> None:
    """Evidence rows point at the same stored file; a file already carried over is not carried twice."""
    ada = set(BuktiDukung.objects.filter(isian__in=list(peta_isian.values())).values_list("isian_id", "berkas"))
    BuktiDukung.objects.bulk_create(
        BuktiDukung(
            isian=peta_isian[b.isian_id],
            nilai_variabel=peta_nilai.get(b.nilai_variabel_id),
            berkas=b.berkas.name,
            nama_asli=b.nama_asli,
            jenis=b.jenis,
            ukuran=b.ukuran,
            sha256=b.sha256,
            diunggah_oleh_id=b.diunggah_oleh_id,
            diunggah_pada=b.diunggah_pada,
        )
        for b in BuktiDukung.objects.filter(isian_id__in=peta_isian)
        if (peta_isian[b.isian_id].pk, b.berkas.name) not in ada
    )


def selaraskan(lama: DokumenIKI, baru: DokumenIKI, peta_variabel: dict[int, int]) -> None:
    """Bring the new revision's values, statuses and evidence up to date with the old revision's."""
    peta_isian = _selaraskan_isian(lama.pk, baru)
    peta_nilai = _selaraskan_nilai(lama.revisi, peta_variabel)
    _selaraskan_bukti(peta_isian, peta_nilai)


def _saat_revisi_dibuat(sender, lama, baru, peta_indikator, peta_variabel, **kwargs):
    _salin_target(peta_indikator)
    peta = {lama_id: v.pk for lama_id, v in peta_variabel.items()}
    SalinanVariabel.objects.bulk_create(
        SalinanVariabel(dokumen=baru, lama_id=lama_id, baru_id=baru_id) for lama_id, baru_id in peta.items()
    )
    selaraskan(lama, baru, peta)


def _saat_ditetapkan(sender, instance, created, raw=False, **kwargs):
    # A decreed document refuses every later save, so this runs once: at the moment of decree.
    if raw or created or instance.status != DokumenIKI.Status.DITETAPKAN or not instance.revisi_dari_id:
        return
    peta = dict(SalinanVariabel.objects.filter(dokumen=instance).values_list("lama_id", "baru_id"))
    if peta:
        selaraskan(DokumenIKI.objects.get(pk=instance.revisi_dari_id), instance, peta)


def connect():
    revisi_dibuat.connect(_saat_revisi_dibuat, sender=DokumenIKI, dispatch_uid="realisasi-salin-revisi")
    post_save.connect(_saat_ditetapkan, sender=DokumenIKI, dispatch_uid="realisasi-selaraskan-revisi")
