"""The task inbox ("Tugas saya") of one user, read in a bounded number of queries.

The same list feeds the home page, the counts in the menu and the reminders, so what a person is
reminded of is exactly what their home page shows.
"""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone

from kinerja.akun.lingkup import jabatan_dipegang
from kinerja.akun.models import Peran
from kinerja.format import format_tanggal
from kinerja.iki.models import DokumenIKI, Sasaran
from kinerja.impor.models import PekerjaanImpor
from kinerja.pengukuran import Periode
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak
from kinerja.realisasi.models import IsianPeriode
from kinerja.realisasi.periode import PERIODE_ISIAN, jendela_isian
from kinerja.survei.models import Survei

HARI_MENDESAK = 3
"""A deadline this many days away (or fewer) is urgent, and is reminded."""

BATAS_DAFTAR = 50
"""Rows per kind at most: a kabupaten admin with hundreds of drafts gets a count, not an endless page."""

Status = IsianPeriode.Status


@dataclass(frozen=True)
class Tugas:
    jenis: str  # a key of JUDUL_JENIS
    judul: str
    keterangan: str
    tautan: str
    batas: date | None = None
    mendesak: bool = False
    kunci_pengingat: str | None = None  # set for the tasks a reminder is sent for


JUDUL_JENIS = {
    "dikembalikan": "Isian dikembalikan",
    "isi": "Realisasi yang harus diisi",
    "verifikasi": "Menunggu verifikasi Anda",
    "sahkan": "Menunggu pengesahan Anda",
    "survei": "Survei IKM yang belum difinalkan",
    "impor": "Impor dokumen yang siap ditinjau",
    "draf": "Draf dokumen IKI yang perlu ditinjau",
}
"""The kinds in the order the home page shows them."""


def _label(isian_atau_periode, tahun: int) -> str:
    kode = isian_atau_periode if isinstance(isian_atau_periode, str) else isian_atau_periode.periode
    return f"{Periode(kode).label} {tahun}"


def _stempel(waktu) -> str:
    return waktu.isoformat() if waktu else "-"


def _url_isian(isian: IsianPeriode) -> str:
    return reverse("web:isian", args=[isian.dokumen_id, isian.jabatan_id, isian.periode])


def _triwulan_terbuka(hari_ini: date) -> list[tuple[int, str, date]]:
    """(tahun, periode, last day) of every quarter whose regular entry window contains today."""
    terbuka = []
    for tahun in (hari_ini.year - 1, hari_ini.year):
        for periode in PERIODE_ISIAN:
            mulai, batas = jendela_isian(tahun, periode)
            if mulai <= hari_ini <= batas:
                terbuka.append((tahun, periode, batas))
    return terbuka


def _isian_saya(jabatan: list, hari_ini: date) -> list[Tugas]:
    terbuka = _triwulan_terbuka(hari_ini)
    tahun_list = sorted({t for t, _, _ in terbuka})
    berlaku = dokumen_berlaku_banyak({j.instansi_id for j in jabatan}, tahun_list)
    berisi = set(
        Sasaran.objects.filter(dokumen_id__in=berlaku.values(), jabatan_id__in=[j.pk for j in jabatan])
        .values_list("dokumen_id", "jabatan_id")
        .distinct()
    )
    isian = {
        (i.dokumen_id, i.jabatan_id, i.periode): i
        for i in IsianPeriode.objects.filter(jabatan__in=jabatan)
        .filter(dokumen_id__in=berlaku.values())
        .select_related("dokumen")
    }
    tugas = []
    for j in jabatan:
        for tahun, periode, batas_jendela in terbuka:
            dokumen_id = berlaku.get((j.instansi_id, tahun))
            if dokumen_id is None or (dokumen_id, j.pk) not in berisi:
                continue
            ada = isian.get((dokumen_id, j.pk, periode))
            if ada is not None and ada.status != Status.DRAFT:
                continue  # submitted, or returned (listed below with its reason)
            batas = (ada.batas_waktu if ada and ada.batas_waktu else None) or batas_jendela
            sisa = (batas - hari_ini).days
            tugas.append(
                Tugas(
                    jenis="isi",
                    judul=f"{j.nama} · {_label(periode, tahun)}",
                    keterangan=f"Batas pengisian {format_tanggal(batas)}"
                    + (" (hari ini)" if sisa == 0 else f" ({sisa} hari lagi)"),
                    tautan=reverse("web:isian", args=[dokumen_id, j.pk, periode]),
                    batas=batas,
                    mendesak=sisa <= HARI_MENDESAK,
                    kunci_pengingat=f"isi:{dokumen_id}:{j.pk}:{periode}" if sisa <= HARI_MENDESAK else None,
                )
            )
    kembali = IsianPeriode.objects.filter(jabatan__in=jabatan, status=Status.DIKEMBALIKAN).select_related(
        "dokumen", "jabatan"
    )
    for i in kembali[:BATAS_DAFTAR]:
        tugas.append(
            Tugas(
                jenis="dikembalikan",
                judul=f"{i.jabatan.nama} · {_label(i, i.dokumen.tahun)}",
                keterangan=f"Alasan: {i.catatan_status}" if i.catatan_status else "Dikembalikan untuk diperbaiki.",
                tautan=_url_isian(i),
                batas=i.dibuka_sampai,
                mendesak=True,
                kunci_pengingat=f"kembali:{i.pk}:{_stempel(i.diajukan_pada)}",
            )
        )
    return tugas


def _menunggu(queryset, jenis: str, waktu_field: str, kata: str) -> list[Tugas]:
    tugas = []
    for i in queryset.select_related("dokumen__instansi", "jabatan").order_by(waktu_field)[:BATAS_DAFTAR]:
        waktu = getattr(i, waktu_field)
        tugas.append(
            Tugas(
                jenis=jenis,
                judul=f"{i.jabatan.nama} · {_label(i, i.dokumen.tahun)}",
                keterangan=f"{i.dokumen.instansi.nama}; {kata} {format_tanggal(timezone.localtime(waktu).date())}"
                if waktu
                else i.dokumen.instansi.nama,
                tautan=_url_isian(i),
                kunci_pengingat=f"{jenis}:{i.pk}:{_stempel(waktu)}",
            )
        )
    return tugas


def _instansi_peran(user, *jenis) -> tuple[set[int], set[int]]:
    """(instansi ids, pemda ids) where the user holds one of these roles."""
    instansi, pemda = set(), set()
    for p in Peran.objects.filter(pengguna=user, jenis__in=jenis):
        (instansi.add(p.instansi_id) if p.instansi_id else pemda.add(p.pemda_id))
    return instansi, pemda


def _di(queryset, instansi: set[int], pemda: set[int], jalur: str = "instansi"):
    from django.db.models import Q

    return queryset.filter(Q(**{f"{jalur}__in": instansi}) | Q(**{f"{jalur}__pemda__in": pemda}))


def kotak_tugas(user, hari_ini: date | None = None) -> list[Tugas]:
    """Everything waiting for this user, most pressing first within each kind."""
    if not getattr(user, "is_authenticated", False):
        return []
    hari_ini = hari_ini or timezone.localdate()
    jabatan = list(jabatan_dipegang(user, hari_ini).select_related("instansi"))
    tugas: list[Tugas] = []
    if jabatan:
        tugas += _isian_saya(jabatan, hari_ini)
        tugas += _menunggu(
            IsianPeriode.objects.filter(jabatan__atasan__in=jabatan, status=Status.DIAJUKAN),
            "verifikasi",
            "diajukan_pada",
            "diajukan",
        )
    camat, _ = _instansi_peran(user, Peran.Jenis.CAMAT)
    if camat:
        tugas += _menunggu(
            IsianPeriode.objects.filter(dokumen__instansi__in=camat, status=Status.DIVERIFIKASI),
            "sahkan",
            "diverifikasi_pada",
            "diverifikasi",
        )
    instansi, pemda = _instansi_peran(user, Peran.Jenis.ADMIN_INSTANSI, Peran.Jenis.ADMIN_PEMDA)
    if instansi or pemda:
        for s in _di(Survei.objects.filter(status=Survei.Status.DRAFT), instansi, pemda).select_related("instansi")[
            :BATAS_DAFTAR
        ]:
            tugas.append(
                Tugas(
                    jenis="survei",
                    judul=f"SKM {s.instansi.nama} · {Periode(s.periode).label} {s.tahun}",
                    keterangan="Masih draf; finalkan agar nilai IKM masuk ke indikator.",
                    tautan=reverse("survei:detail", args=[s.pk]),
                )
            )
    if instansi or pemda:
        siap = PekerjaanImpor.objects.filter(status=PekerjaanImpor.Status.SIAP)
        for p in _di(siap, instansi, pemda).select_related("instansi").order_by("dibuat_pada")[:BATAS_DAFTAR]:
            tugas.append(
                Tugas(
                    jenis="impor",
                    judul=f"{p.nama_berkas} · {p.instansi.nama}",
                    keterangan="Sudah dibaca: tinjau pemetaan jabatan lalu simpan sebagai draf.",
                    tautan=reverse("impor:tinjau", args=[p.pk]),
                )
            )
    instansi |= camat
    if instansi or pemda:
        draf = _di(DokumenIKI.objects.filter(status=DokumenIKI.Status.DRAFT), instansi, pemda)
        for d in draf.select_related("instansi").order_by("-tahun")[:BATAS_DAFTAR]:
            tugas.append(
                Tugas(
                    jenis="draf",
                    judul=f"Dokumen IKI {d.instansi.nama} {d.tahun} (rev. {d.revisi})",
                    keterangan="Draf: lengkapi lalu tetapkan dengan SK.",
                    tautan=reverse("web:dokumen", args=[d.pk]),
                )
            )
    urutan = list(JUDUL_JENIS)
    return sorted(tugas, key=lambda t: (urutan.index(t.jenis), t.batas or date.max))


def kelompokkan(tugas: list[Tugas]) -> list[tuple[str, str, list[Tugas]]]:
    """[(jenis, heading, tasks)] in the home page's order, kinds without tasks left out."""
    return [
        (jenis, judul, [t for t in tugas if t.jenis == jenis])
        for jenis, judul in JUDUL_JENIS.items()
        if any(t.jenis == jenis for t in tugas)
    ]
