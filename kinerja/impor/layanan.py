"""The import service the browser uses: take an upload, read it in the background, save a draft.

The catalogue itself is written by :func:`kinerja.iki.interchange.impor`, the same service as
``kinerja import``; this module adds the job around it (who, which file, progress, the result to
review). Public functions:

* :func:`terima_berkas` — check an upload (the reader's own size limit and content checks) and
  queue a job; a bad file raises :class:`BerkasDitolak` and writes nothing;
* :func:`baca_pekerjaan` — the background task's body: read the file into the interchange dict;
* :func:`impor_sebelumnya` — the earlier job that saved the same file (by content hash) as a draft;
* :func:`terapkan_ubahan` — the user's edits on the review page applied to the interchange dict;
* :func:`simpan_draf` — save the reviewed document as the draft DokumenIKI, in one transaction,
  with an audit record.
"""

import copy
import hashlib
import logging

from django.db import transaction

from kinerja.audit.models import catat
from kinerja.dokumen import DokumenError
from kinerja.dokumen.blok import Jenis
from kinerja.dokumen.masukan import ambil_bytes, blok_dari, dekode_teks, jenis_isi
from kinerja.dokumen.struktur import susun
from kinerja.iki.interchange import HasilImpor, ImporDitolak, impor, validasi_json

from .models import PekerjaanImpor

logger = logging.getLogger(__name__)

AKHIRAN_DITERIMA = (".txt", ".md", ".docx", ".pdf")


class BerkasDitolak(Exception):
    """The upload is not accepted; the message (Indonesian) names the file. Nothing was written."""


def _isi_unggahan(berkas) -> bytes:
    """The bytes of an upload, with the reader's size limit checked before they are read."""
    nama = berkas.name
    path = getattr(berkas, "temporary_file_path", None)
    if path is not None:
        return ambil_bytes(path(), nama)[0]
    return ambil_bytes(berkas.read(), nama)[0]


def terima_berkas(berkas, instansi, pengguna) -> PekerjaanImpor:
    """Check one uploaded file and queue it for reading; raises :class:`BerkasDitolak`.

    The cheap checks run here, before anything is stored: size, empty, binary, a .docx that is
    not a zip, a .pdf without a PDF header; what only reading can find (a zip bomb, a scanned
    PDF, no indicator table) fails the job in the background, without touching the catalogue.
    """
    nama = (berkas.name or "berkas").replace("\n", " ")[:255]
    if not nama.lower().endswith(AKHIRAN_DITERIMA):
        raise BerkasDitolak(f"{nama}: jenis berkas tidak didukung; unggah .txt, .md, .docx atau .pdf.")
    try:
        data = _isi_unggahan(berkas)
        if jenis_isi(data, nama) == "teks":
            dekode_teks(data, nama)
    except DokumenError as exc:
        raise BerkasDitolak(str(exc)) from None
    pekerjaan = PekerjaanImpor.objects.create(
        instansi=instansi,
        pengguna=pengguna if getattr(pengguna, "is_authenticated", False) else None,
        nama_berkas=nama,
        hash_isi=hashlib.sha256(data).hexdigest(),
        isi=data,
        langkah="Menunggu giliran dibaca",
    )
    from .tugas import baca_berkas

    baca_berkas.enqueue(pekerjaan.pk)
    return pekerjaan


def _langkah(pekerjaan: PekerjaanImpor, progres: int, langkah: str, **lain):
    PekerjaanImpor.objects.filter(pk=pekerjaan.pk).update(progres=progres, langkah=langkah, **lain)


def baca_pekerjaan(pekerjaan_id: int) -> None:
    """Read the job's file into the interchange dict (status siap), or record why not (gagal)."""
    pekerjaan = PekerjaanImpor.objects.filter(pk=pekerjaan_id).first()
    if pekerjaan is None or pekerjaan.status != PekerjaanImpor.Status.MENUNGGU:
        return
    nama = pekerjaan.nama_berkas
    _langkah(pekerjaan, 10, "Membaca berkas", status=PekerjaanImpor.Status.MEMBACA)
    try:
        blok = blok_dari(bytes(pekerjaan.isi), nama)
        _langkah(pekerjaan, 60, "Menyusun jabatan, sasaran dan indikator")
        data = susun(blok, nama)
        masalah = validasi_json(data)
        if masalah:
            raise DokumenError(f"{nama}: isi tidak sah: {'; '.join(masalah[:5])}")
    except DokumenError as exc:
        _langkah(pekerjaan, 100, "Gagal", status=PekerjaanImpor.Status.GAGAL, galat=[str(exc)], isi=b"")
        return
    except Exception as exc:  # the reader's own bug must end as a message on the page, not a stuck job
        logger.exception("Pembacaan %s gagal", nama)
        pesan = f"{nama}: tidak dapat dibaca ({type(exc).__name__})."
        _langkah(pekerjaan, 100, "Gagal", status=PekerjaanImpor.Status.GAGAL, galat=[pesan], isi=b"")
        return
    sumber = [
        [b.baris, b.teks if b.jenis is Jenis.PARAGRAF else " | ".join(b.sel)]
        for b in blok
        if b.jenis is not Jenis.BATAS
    ]
    # The bytes are not needed once read: the review works from the result and the source lines.
    _langkah(pekerjaan, 100, "Siap ditinjau", status=PekerjaanImpor.Status.SIAP, hasil=data, sumber=sumber, isi=b"")


def impor_sebelumnya(pekerjaan: PekerjaanImpor) -> PekerjaanImpor | None:
    """The latest other job of the instansi that saved the same file (same content) as a draft."""
    return (
        PekerjaanImpor.objects.filter(
            instansi=pekerjaan.instansi, hash_isi=pekerjaan.hash_isi, status=PekerjaanImpor.Status.DISIMPAN
        )
        .exclude(pk=pekerjaan.pk)
        .select_related("dokumen")
        .first()
    )


def terapkan_ubahan(data: dict, ubahan: dict[tuple[int, int, int], dict]) -> dict:
    """A copy of the interchange dict with the review page's edits: {(jabatan, sasaran, indikator):
    {"nama": …, "ekspresi": …}} by position; an indicator whose name is emptied is left out."""
    data = copy.deepcopy(data)
    for j, jabatan in enumerate(data["jabatan"]):
        for s, sasaran in enumerate(jabatan.get("sasaran") or []):
            tetap = []
            for i, indikator in enumerate(sasaran.get("indikator") or []):
                ubah = ubahan.get((j, s, i), {})
                if "nama" in ubah:
                    if not ubah["nama"].strip():
                        continue
                    indikator["nama"] = ubah["nama"].strip()
                if "ekspresi" in ubah:
                    indikator.setdefault("formula", {})["ekspresi"] = ubah["ekspresi"].strip() or None
                tetap.append(indikator)
            sasaran["indikator"] = tetap
    return data


def simpan_draf(
    pekerjaan: PekerjaanImpor, pengguna, peta: dict[str, int | str], tahun: int | None = None, data: dict | None = None
) -> HasilImpor:
    """Import the job's (edited) document as the draft of its year, in one transaction with an audit
    record; raises :class:`ImporDitolak` (nothing written) when the catalogue refuses it."""
    data = data if data is not None else pekerjaan.hasil
    if pekerjaan.status != PekerjaanImpor.Status.SIAP or data is None:
        raise ImporDitolak("Berkas ini belum selesai dibaca atau sudah disimpan.")
    masalah = validasi_json(data)
    if masalah:
        raise ImporDitolak(masalah)
    with transaction.atomic():
        hasil = impor(data, pekerjaan.instansi, tahun=tahun, pengguna=pengguna, peta=peta)
        PekerjaanImpor.objects.filter(pk=pekerjaan.pk).update(
            status=PekerjaanImpor.Status.DISIMPAN, dokumen=hasil.dokumen, hasil=data
        )
        catat(
            pengguna,
            "impor_berkas",
            hasil.dokumen,
            ringkasan=f"Berkas {pekerjaan.nama_berkas} disimpan sebagai draf {hasil.dokumen}",
            perubahan={"berkas": pekerjaan.nama_berkas, "hash": pekerjaan.hash_isi, "pemetaan": hasil.pemetaan},
        )
    pekerjaan.refresh_from_db()
    return hasil
