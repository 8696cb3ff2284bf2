"""The one write path of the quality review: findings of a DokumenIKI and their dismissals.

Other parts call :func:`temuan_dokumen` (findings with their dismissal, if any) and
:func:`temuan_galat_terbuka` (the ``galat`` findings nobody dismissed; the decree asks for
confirmation while there are any).
"""

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.audit.models import catat
from kinerja.iki.interchange import ekspor
from kinerja.iki.models import DokumenIKI
from kinerja.mutu import JENIS, periksa
from kinerja.telaah.models import Pengabaian

ALASAN_MIN = 10


def kunci_temuan(temuan: dict) -> str:
    """A finding's identity across recomputations: its jenis and the place it points at.

    The line number and message are left out: a document rebuilt from the catalogue keeps neither.
    The suggested fix tells apart two findings of one jenis at one place (two misspelt words).
    """
    tempat = [temuan.get(k) for k in ("jenis", "jabatan", "sasaran", "indikator", "saran_perbaikan")]
    if not any(tempat[1:]):  # a document-wide finding: its message says which part of the document
        tempat.append(temuan.get("pesan"))
    return hashlib.sha256(json.dumps(tempat, ensure_ascii=False).encode()).hexdigest()


def tempat_temuan(temuan: dict) -> str:
    bagian = [temuan.get("jabatan"), temuan.get("sasaran"), temuan.get("indikator")]
    return " › ".join(b for b in bagian if b) or "Dokumen"


def temuan_berlabel(data: dict, baris_teks=None) -> list[dict]:
    """The findings of an interchange dict (an import under review, or an exported catalogue), each
    with ``kunci``, ``tempat`` and ``jenis_label`` for the pages."""
    hasil = periksa(data, baris_teks)
    for t in hasil:
        t["kunci"] = kunci_temuan(t)
        t["tempat"] = tempat_temuan(t)
        t["jenis_label"] = JENIS.get(t["jenis"], t["jenis"])
    return hasil


def temuan_dokumen(dokumen: DokumenIKI) -> list[dict]:
    """The findings of ``dokumen``, each with ``kunci``, ``tempat`` and ``pengabaian`` (or None)."""
    hasil = temuan_berlabel(ekspor(dokumen))
    abaikan = {p.kunci: p for p in Pengabaian.objects.filter(dokumen=dokumen).select_related("oleh")}
    for t in hasil:
        t["pengabaian"] = abaikan.get(t["kunci"])
    return hasil


def temuan_galat_terbuka(dokumen: DokumenIKI) -> list[dict]:
    """The ``galat`` findings of ``dokumen`` that nobody dismissed (empty: nothing blocks the decree)."""
    return [t for t in temuan_dokumen(dokumen) if t["tingkat"] == "galat" and t["pengabaian"] is None]


def abaikan_temuan(dokumen: DokumenIKI, kunci: str, alasan: str, pengguna) -> Pengabaian:
    """Dismiss the finding ``kunci`` of a draft with a reason; audited."""
    alasan = (alasan or "").strip()
    if dokumen.status != DokumenIKI.Status.DRAFT:
        raise PermissionDenied("Dokumen IKI yang sudah ditetapkan tidak dapat diubah.")
    if len(alasan) < ALASAN_MIN:
        raise ValidationError(f"Tuliskan alasan mengabaikan temuan ini (paling sedikit {ALASAN_MIN} huruf).")
    temuan = next((t for t in temuan_dokumen(dokumen) if t["kunci"] == kunci), None)
    if temuan is None:
        raise ValidationError("Temuan ini tidak ada lagi; mungkin sudah diperbaiki.")
    if temuan["pengabaian"] is not None:
        raise ValidationError("Temuan ini sudah diabaikan.")
    with transaction.atomic():
        p = Pengabaian.objects.create(
            dokumen=dokumen,
            kunci=kunci,
            jenis=temuan["jenis"],
            tingkat=temuan["tingkat"],
            tempat=temuan["tempat"][:500],
            pesan=temuan["pesan"],
            alasan=alasan,
            oleh=pengguna if getattr(pengguna, "is_authenticated", False) else None,
        )
        catat(
            pengguna,
            "abaikan_temuan",
            dokumen,
            f"Temuan '{temuan['jenis_label']}' diabaikan: {temuan['tempat']}",
            alasan=alasan,
        )
    return p


def batalkan_pengabaian(dokumen: DokumenIKI, kunci: str, pengguna) -> None:
    """Take a dismissal back (the finding is open again); audited."""
    if dokumen.status != DokumenIKI.Status.DRAFT:
        raise PermissionDenied("Dokumen IKI yang sudah ditetapkan tidak dapat diubah.")
    with transaction.atomic():
        p = Pengabaian.objects.filter(dokumen=dokumen, kunci=kunci).first()
        if p is None:
            raise ValidationError("Temuan ini tidak sedang diabaikan.")
        catat(pengguna, "batal_abaikan_temuan", dokumen, f"Pengabaian temuan dibatalkan: {p.tempat}", alasan=p.alasan)
        p.delete()


def catat_konfirmasi_penetapan(dokumen: DokumenIKI, pengguna, alasan: str = ""):
    """Record that ``pengguna`` confirmed decreeing ``dokumen`` despite its open ``galat`` findings.

    The decree view calls this (inside the decree's transaction) after the user confirmed; the
    audit record lists every open galat, so a later reader sees what was knowingly left. Returns
    the audit record, or None when nothing was open.
    """
    terbuka = temuan_galat_terbuka(dokumen)
    if not terbuka:
        return None
    return catat(
        pengguna,
        "tetapkan_dengan_galat",
        dokumen,
        f"Penetapan dikonfirmasi dengan {len(terbuka)} galat mutu terbuka",
        {"galat_terbuka": [[f"{t['jenis']}: {t['tempat']}", t["pesan"]] for t in terbuka]},
        alasan=alasan,
    )
