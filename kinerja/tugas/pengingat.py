"""Reminders: what a person's inbox holds that is urgent or new, sent once per occasion.

An occasion is a task's `kunci_pengingat` (a report's deadline, one return, one submission waiting);
a PengingatTerkirim row records it, so running the job twice a day sends nothing twice.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from .kotak import JUDUL_JENIS, Tugas, kotak_tugas
from .models import PengingatTerkirim, PreferensiPengingat
from .saluran import saluran_aktif


@dataclass
class HasilPengingat:
    terkirim: int = 0  # messages sent
    tanpa_alamat: list[str] = field(default_factory=list)  # users with something due and no channel reaching them
    gagal: list[str] = field(default_factory=list)


def _url(jalur: str) -> str:
    return settings.KINERJA_URL.rstrip("/") + jalur


def susun_pesan(pengguna, tugas: list[Tugas]) -> tuple[str, str]:
    """(subject, body) of one reminder listing the user's due tasks."""
    nama = pengguna.get_full_name() or pengguna.username
    subjek = f"Kinerja: {len(tugas)} tugas menunggu Anda" if len(tugas) > 1 else f"Kinerja: {tugas[0].judul}"
    baris = [f"Yth. {nama},", "", "Berikut tugas Anda di Kinerja yang perlu segera ditindaklanjuti:", ""]
    for jenis, judul in JUDUL_JENIS.items():
        milik = [t for t in tugas if t.jenis == jenis]
        if milik:
            baris.append(f"{judul}:")
            baris += [f"- {t.judul} — {t.keterangan}\n  {_url(t.tautan)}" for t in milik]
            baris.append("")
    baris += [
        "Pesan ini dikirim otomatis, sekali untuk setiap hal.",
        f"Tidak ingin menerima pengingat? Ubah di {_url(reverse('tugas:pengingat'))}",
    ]
    return subjek, "\n".join(baris)


def kirim_pengingat(hari_ini: date | None = None, progres=None) -> HasilPengingat:
    """Send every due reminder not yet sent; returns what happened."""
    hasil = HasilPengingat()
    saluran = saluran_aktif()
    menolak = set(PreferensiPengingat.objects.filter(aktif=False).values_list("pengguna_id", flat=True))
    pengguna_list = get_user_model().objects.filter(is_active=True).exclude(pk__in=menolak).order_by("pk")
    for pengguna in pengguna_list.iterator():
        jatuh_tempo = [t for t in kotak_tugas(pengguna, hari_ini) if t.kunci_pengingat]
        if not jatuh_tempo:
            continue
        sudah = set(
            PengingatTerkirim.objects.filter(
                pengguna=pengguna, kunci__in=[t.kunci_pengingat for t in jatuh_tempo]
            ).values_list("kunci", flat=True)
        )
        baru = [t for t in jatuh_tempo if t.kunci_pengingat not in sudah]
        if not baru:
            continue
        jalur = [s for s in saluran if s.alamat(pengguna)]
        if not jalur:
            hasil.tanpa_alamat.append(pengguna.username)
            continue
        subjek, isi = susun_pesan(pengguna, baru)
        for s in jalur:
            try:
                with transaction.atomic():
                    # Recorded first, inside the transaction: a failed send rolls the record back.
                    PengingatTerkirim.objects.bulk_create(
                        [
                            PengingatTerkirim(pengguna=pengguna, kunci=t.kunci_pengingat, jenis=t.jenis, saluran=s.nama)
                            for t in baru
                        ],
                        ignore_conflicts=True,
                    )
                    s.kirim(pengguna, subjek, isi)
                hasil.terkirim += 1
            except Exception as exc:  # one unreachable person must not stop the others
                hasil.gagal.append(f"{pengguna.username} ({s.nama}): {exc}")
        if progres:
            progres(pengguna.username)
    return hasil


def atur_preferensi(pengguna, aktif: bool) -> PreferensiPengingat:
    preferensi, _ = PreferensiPengingat.objects.update_or_create(pengguna=pengguna, defaults={"aktif": aktif})
    return preferensi


def menerima_pengingat(pengguna) -> bool:
    return not PreferensiPengingat.objects.filter(pengguna=pengguna, aktif=False).exists()
