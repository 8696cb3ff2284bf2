"""The catalogue's one write path: the document lifecycle (tetapkan: decree with its own SK, then
immutable; buat_revisi: copy into a new draft revision; isi_beda: what a diff between two documents
reads) and, below, every edit of a draft — tujuan, sasaran, indikator with its variabel, konstanta.
Web, CLI, API and import call these; each write is one transaction with an audit record, and bad
input raises ValidationError (Indonesian, keyed by field) changing nothing.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from kinerja import rumus
from kinerja.audit.models import catat
from kinerja.organisasi.models import Penugasan

from .models import DokumenIKI, Indikator, IndikatorTujuan, Konstanta, Sasaran, Tujuan, Variabel, kode_validator
from .penguncian import DokumenTerkunci, revisi_dibuat


def masalah_penetapan(dokumen: DokumenIKI) -> list[str]:
    """Everything that stops a document from being decreed, in Indonesian; empty when it may be."""
    masalah = []
    if not dokumen.sk_nomor.strip():
        masalah.append("Nomor SK belum diisi.")
    elif lain := pemakai_nomor_sk(dokumen, dokumen.sk_nomor):
        masalah.append(_pesan_nomor_terpakai(dokumen.sk_nomor, lain))
    if dokumen.sk_tanggal is None:
        masalah.append("Tanggal SK belum diisi.")
    indikator_list = list(
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan")
        .prefetch_related(Prefetch("variabel", Variabel.objects.select_related("konstanta")))
    )
    if not indikator_list:
        masalah.append("Dokumen belum memiliki indikator.")
    for indikator in indikator_list:
        label = f"{indikator.sasaran.jabatan}: {indikator.nama[:60]}"
        if not indikator.ekspresi.strip():
            masalah.append(f"{label} — rumus belum diisi.")
            continue
        try:
            parsed = rumus.parse(indikator.ekspresi)
        except rumus.RumusError as exc:
            masalah.append(f"{label} — rumus tidak sah: {exc}")
            continue
        variabel = {v.kode: v for v in indikator.variabel.all()}
        unknown = sorted(set(parsed.variables) - set(variabel))
        if unknown:
            masalah.append(f"{label} — variabel belum didefinisikan: {', '.join(unknown)}")
        for v in variabel.values():
            if v.konstanta and (v.konstanta.instansi_id != dokumen.instansi_id or v.konstanta.tahun != dokumen.tahun):
                masalah.append(f"{label} — konstanta {v.konstanta.kode} bukan milik instansi/tahun dokumen ini.")
    return masalah


def calon_penandatangan(instansi, pada=None) -> list:
    """The Penugasan (with pegawai and jabatan) of whoever holds the head jabatan of the instansi on a
    date (today by default): the head is the jabatan with no atasan. Plt. and Plh. included."""
    return list(
        Penugasan.objects.aktif(pada)
        .filter(jabatan__instansi=instansi, jabatan__atasan__isnull=True)
        .select_related("pegawai", "jabatan")
        .order_by("jabatan__urutan", "-mulai")
    )


def _judul_penandatangan(penugasan) -> str:
    awalan = {Penugasan.Jenis.PLT: "Plt. ", Penugasan.Jenis.PLH: "Plh. "}.get(penugasan.jenis, "")
    return awalan + penugasan.jabatan.nama


def pemakai_nomor_sk(dokumen: DokumenIKI, nomor: str) -> DokumenIKI | None:
    """Another document of the same instansi already decreed (or drafted) under this SK nomor."""
    nomor = " ".join(nomor.split())
    if not nomor:
        return None
    return DokumenIKI.objects.filter(instansi_id=dokumen.instansi_id, sk_nomor=nomor).exclude(pk=dokumen.pk).first()


def _pesan_nomor_terpakai(nomor: str, lain: DokumenIKI) -> str:
    return (
        f"Nomor SK “{nomor}” sudah dipakai IKI {lain.tahun} revisi {lain.revisi}. "
        "Setiap revisi ditetapkan dengan SK sendiri: isi nomor SK yang baru."
    )


def _isi_sk(dokumen: DokumenIKI, sk_nomor, sk_tanggal, sk_tempat, penandatangan) -> dict:
    """Check the SK of a decree and put it on the (unsaved) document; the changes for the audit record."""
    masalah = {}
    nomor = " ".join(str(sk_nomor or "").split())
    if not nomor:
        masalah["sk_nomor"] = "Nomor SK wajib diisi."
    elif len(nomor) > DokumenIKI._meta.get_field("sk_nomor").max_length:
        masalah["sk_nomor"] = "Nomor SK terlalu panjang (paling banyak 120 karakter)."
    elif lain := pemakai_nomor_sk(dokumen, nomor):
        masalah["sk_nomor"] = _pesan_nomor_terpakai(nomor, lain)
    if not isinstance(sk_tanggal, date):
        masalah["sk_tanggal"] = "Tanggal SK wajib diisi."
    elif not dokumen.tahun - 1 <= sk_tanggal.year <= dokumen.tahun:
        masalah["sk_tanggal"] = (
            f"Tanggal SK harus dalam tahun {dokumen.tahun - 1} atau {dokumen.tahun} untuk IKI tahun {dokumen.tahun}."
        )
    tempat = " ".join(str(sk_tempat or "").split())
    if not tempat:
        masalah["sk_tempat"] = "Tempat penetapan SK wajib diisi (mis. nama ibu kota kecamatan)."
    elif len(tempat) > DokumenIKI._meta.get_field("sk_tempat").max_length:
        masalah["sk_tempat"] = "Tempat penetapan terlalu panjang (paling banyak 80 karakter)."
    penugasan = None
    if penandatangan is None:
        masalah["penandatangan"] = "Pilih penandatangan SK."
    elif isinstance(sk_tanggal, date):
        calon = {p.pegawai_id: p for p in calon_penandatangan(dokumen.instansi, sk_tanggal)}
        penugasan = calon.get(getattr(penandatangan, "pk", penandatangan))
        if penugasan is None:
            masalah["penandatangan"] = (
                "Penandatangan harus pegawai yang memegang jabatan kepala instansi pada tanggal SK"
                + (f" ({', '.join(p.pegawai.nama for p in calon.values())})." if calon else "; belum ada penugasannya.")
            )
    if masalah:
        raise ValidationError(masalah, code="sk_tidak_sah")
    baru = {
        "sk_nomor": nomor,
        "sk_tanggal": sk_tanggal,
        "sk_tempat": tempat,
        "sk_penandatangan": penugasan.pegawai.nama,
        "sk_penandatangan_pangkat": penugasan.pegawai.pangkat_tampil,
        "sk_penandatangan_nip": penugasan.pegawai.nip or "",
        "sk_penandatangan_jabatan": _judul_penandatangan(penugasan),
    }
    perubahan = {}
    for nama, nilai in baru.items():
        if getattr(dokumen, nama) != nilai:
            perubahan[nama] = [str(getattr(dokumen, nama) or ""), str(nilai)]
        setattr(dokumen, nama, nilai)
    return perubahan


@transaction.atomic
def tetapkan(
    dokumen: DokumenIKI,
    pengguna=None,
    *,
    sk_nomor=None,
    sk_tanggal=None,
    sk_tempat=None,
    penandatangan=None,
) -> DokumenIKI:
    """Decree a draft: from then on it and everything under it are immutable.

    With ``sk_nomor`` (and ``sk_tanggal``, ``sk_tempat`` and ``penandatangan``, a Pegawai holding the
    head jabatan on the SK date) the SK is checked and written first; without them the SK already on
    the document is used. The nomor must not have been used by another document of the instansi.
    What is decreed is recorded (``isi_penetapan``) for later diffs. Raises ValidationError, changing
    nothing.
    """
    dokumen = DokumenIKI.objects.select_for_update().select_related("instansi").get(pk=dokumen.pk)
    if dokumen.terkunci:
        raise ValidationError("Dokumen ini sudah ditetapkan.", code="sudah_ditetapkan")
    perubahan = {}
    if sk_nomor is not None:
        perubahan = _isi_sk(dokumen, sk_nomor, sk_tanggal, sk_tempat, penandatangan)
    masalah = masalah_penetapan(dokumen)
    if masalah:
        raise ValidationError(masalah, code="belum_lengkap")
    dokumen.isi_penetapan = isi_beda(dokumen)
    dokumen.status = DokumenIKI.Status.DITETAPKAN
    dokumen.ditetapkan_pada = timezone.now()
    dokumen.ditetapkan_oleh = pengguna if getattr(pengguna, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            dokumen.save()
    except IntegrityError:  # the same nomor decreed at the same moment elsewhere
        raise ValidationError(
            f"Nomor SK “{dokumen.sk_nomor}” baru saja dipakai dokumen lain; isi nomor SK yang baru.",
            code="sk_tidak_sah",
        ) from None
    catat(
        pengguna,
        "tetapkan",
        dokumen,
        ringkasan=f"{dokumen} dengan SK {dokumen.sk_nomor}",
        perubahan={"status": ["draft", "ditetapkan"]} | perubahan,
    )
    return dokumen


def _copy(obj, **changes):
    obj.pk = obj.id = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj


@transaction.atomic
def buat_revisi(dokumen: DokumenIKI, pengguna=None) -> DokumenIKI:
    """Copy a decreed document with everything under it into a new draft revision."""
    dokumen = DokumenIKI.objects.select_for_update().get(pk=dokumen.pk)
    if not dokumen.terkunci:
        raise ValidationError("Hanya dokumen yang sudah ditetapkan yang dapat direvisi; ubah saja draft ini.")
    draft = DokumenIKI.objects.filter(
        instansi=dokumen.instansi_id, tahun=dokumen.tahun, status=DokumenIKI.Status.DRAFT
    ).first()
    if draft:
        raise ValidationError(
            f"Sudah ada revisi draft (rev. {draft.revisi}) untuk {dokumen.tahun}; lanjutkan yang itu."
        )
    revisi_terakhir = DokumenIKI.objects.filter(instansi=dokumen.instansi_id, tahun=dokumen.tahun).aggregate(
        m=Max("revisi")
    )["m"]
    lama_id = dokumen.pk
    baru = _copy(
        DokumenIKI.objects.get(pk=lama_id),
        revisi=revisi_terakhir + 1,
        status=DokumenIKI.Status.DRAFT,
        revisi_dari_id=lama_id,
        # A revision is decreed by its own SK: a new nomor and date; place and signatory stay as suggestions.
        sk_nomor="",
        sk_tanggal=None,
        isi_penetapan=None,
        ditetapkan_pada=None,
        ditetapkan_oleh=None,
    )
    peta_indikator, peta_variabel = salin_isi(lama_id, baru)
    catat(pengguna, "buat_revisi", baru, ringkasan=f"{baru} dari rev. {dokumen.revisi}")
    revisi_dibuat.send(
        sender=DokumenIKI, lama=dokumen, baru=baru, peta_indikator=peta_indikator, peta_variabel=peta_variabel
    )
    return baru


# ------------------------------------------------------------------------------------------------
# Editing a draft: dokumen, tujuan, sasaran, indikator with its variabel, konstanta.
# Every function refuses a ditetapkan document up front (DokumenTerkunci); penguncian.py refuses
# it again at the ORM level for any path that forgets.


def _draft(dokumen_id) -> DokumenIKI:
    """The document, locked for the transaction; DokumenTerkunci when it is already decreed."""
    dokumen = DokumenIKI.objects.select_for_update().select_related("instansi").get(pk=dokumen_id)
    if dokumen.terkunci:
        raise DokumenTerkunci(dokumen)
    return dokumen


def _jabatan_dokumen(dokumen: DokumenIKI, jabatan) -> None:
    if jabatan is None or jabatan.instansi_id != dokumen.instansi_id:
        raise ValidationError({"jabatan": "Jabatan harus dari instansi dokumen ini."})


def _uraian(teks, bidang="uraian", label="Uraian") -> str:
    teks = " ".join((teks or "").split())
    if not teks:
        raise ValidationError({bidang: f"{label} wajib diisi."})
    return teks


@transaction.atomic
def buat_dokumen(pengguna, instansi, tahun: int) -> DokumenIKI:
    """An empty draft, revision 1, for a year of an instansi that has no document for that year yet."""
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        raise ValidationError({"tahun": "Tahun harus berupa angka, mis. 2026."}) from None
    if not 2000 <= tahun <= 2100:
        raise ValidationError({"tahun": "Tahun harus antara 2000 dan 2100."})
    ada = DokumenIKI.objects.filter(instansi=instansi, tahun=tahun).order_by("-revisi").first()
    if ada:
        raise ValidationError(
            {"tahun": f"Sudah ada dokumen IKI {tahun} (rev. {ada.revisi}); lanjutkan atau revisi dokumen itu."}
        )
    dokumen = DokumenIKI.objects.create(instansi=instansi, tahun=tahun, revisi=1)
    catat(pengguna, "buat_dokumen", dokumen, perubahan={"tahun": [None, tahun]})
    return dokumen


# Tujuan and indikator tujuan: a tujuan carries its indicators as an ordered list of texts.


def _isi_indikator_tujuan(tujuan: Tujuan, indikator) -> list[str]:
    from kinerja.organisasi.layanan import daftar_teks

    daftar = daftar_teks(indikator, "indikator")
    tujuan.indikator.all().delete()
    IndikatorTujuan.objects.bulk_create(
        [IndikatorTujuan(tujuan=tujuan, uraian=uraian, urutan=i) for i, uraian in enumerate(daftar, start=1)]
    )
    return daftar


@transaction.atomic
def buat_tujuan(pengguna, dokumen: DokumenIKI, jabatan, *, uraian: str, indikator=()) -> Tujuan:
    dokumen = _draft(dokumen.pk)
    _jabatan_dokumen(dokumen, jabatan)
    uraian = _uraian(uraian, label="Uraian tujuan")
    urutan = Tujuan.objects.filter(dokumen=dokumen, jabatan=jabatan).aggregate(m=Max("urutan"))["m"] or 0
    tujuan = Tujuan.objects.create(dokumen=dokumen, jabatan=jabatan, uraian=uraian, urutan=urutan + 1)
    daftar = _isi_indikator_tujuan(tujuan, indikator)
    catat(pengguna, "tambah_tujuan", tujuan, perubahan={"uraian": [None, uraian], "indikator": [None, daftar]})
    return tujuan


@transaction.atomic
def ubah_tujuan(pengguna, tujuan: Tujuan, *, uraian: str | None = None, indikator=None) -> Tujuan:
    """Change a tujuan's text and/or replace its indikator tujuan (the list gives their order)."""
    _draft(tujuan.dokumen_id)
    tujuan = Tujuan.objects.get(pk=tujuan.pk)
    perubahan = {}
    if uraian is not None:
        uraian = _uraian(uraian, label="Uraian tujuan")
        if uraian != tujuan.uraian:
            perubahan["uraian"] = [tujuan.uraian, uraian]
            tujuan.uraian = uraian
            tujuan.save(update_fields=["uraian"])
    if indikator is not None:
        lama = list(tujuan.indikator.values_list("uraian", flat=True))
        baru = _isi_indikator_tujuan(tujuan, indikator)
        if lama != baru:
            perubahan["indikator"] = [lama, baru]
    if perubahan:
        catat(pengguna, "ubah_tujuan", tujuan, perubahan=perubahan)
    return tujuan


@transaction.atomic
def hapus_tujuan(pengguna, tujuan: Tujuan) -> None:
    _draft(tujuan.dokumen_id)
    catat(pengguna, "hapus_tujuan", tujuan, ringkasan=f"Hapus tujuan: {tujuan.uraian[:250]}")
    tujuan.delete()


@transaction.atomic
def urutkan_tujuan(pengguna, dokumen: DokumenIKI, jabatan, urutan_id: list[int]) -> None:
    from kinerja.organisasi.layanan import susun_urutan

    dokumen = _draft(dokumen.pk)
    perubahan = susun_urutan(Tujuan.objects.filter(dokumen=dokumen, jabatan=jabatan), urutan_id, "tujuan")
    if perubahan:
        catat(pengguna, "urutkan_tujuan", dokumen, perubahan={"urutan": perubahan})


def geser_tujuan(pengguna, tujuan: Tujuan, arah: int) -> None:
    """Move a tujuan one place up (-1) or down (+1) among its jabatan's tujuan in the document."""
    from kinerja.organisasi.layanan import geser_dalam

    saudara = Tujuan.objects.filter(dokumen_id=tujuan.dokumen_id, jabatan_id=tujuan.jabatan_id)
    urutkan_tujuan(
        pengguna, tujuan.dokumen, tujuan.jabatan, geser_dalam(saudara.order_by("urutan", "id"), tujuan, arah)
    )


# Sasaran


@transaction.atomic
def buat_sasaran(pengguna, dokumen: DokumenIKI, jabatan, *, uraian: str) -> Sasaran:
    dokumen = _draft(dokumen.pk)
    _jabatan_dokumen(dokumen, jabatan)
    uraian = _uraian(uraian, label="Uraian sasaran")
    urutan = Sasaran.objects.filter(dokumen=dokumen, jabatan=jabatan).aggregate(m=Max("urutan"))["m"] or 0
    sasaran = Sasaran.objects.create(dokumen=dokumen, jabatan=jabatan, uraian=uraian, urutan=urutan + 1)
    catat(pengguna, "tambah_sasaran", sasaran, perubahan={"uraian": [None, uraian], "jabatan": [None, jabatan.pk]})
    return sasaran


@transaction.atomic
def ubah_sasaran(pengguna, sasaran: Sasaran, *, uraian: str) -> Sasaran:
    _draft(sasaran.dokumen_id)
    sasaran = Sasaran.objects.get(pk=sasaran.pk)
    uraian = _uraian(uraian, label="Uraian sasaran")
    if uraian != sasaran.uraian:
        catat(pengguna, "ubah_sasaran", sasaran, perubahan={"uraian": [sasaran.uraian, uraian]})
        sasaran.uraian = uraian
        sasaran.save(update_fields=["uraian"])
    return sasaran


@transaction.atomic
def hapus_sasaran(pengguna, sasaran: Sasaran) -> None:
    """Remove a sasaran with its indicators (and their variables and targets)."""
    _draft(sasaran.dokumen_id)
    jumlah = sasaran.indikator.count()
    catat(
        pengguna,
        "hapus_sasaran",
        sasaran,
        ringkasan=f"Hapus sasaran ({jumlah} indikator): {sasaran.uraian[:230]}",
    )
    sasaran.delete()


@transaction.atomic
def urutkan_sasaran(pengguna, dokumen: DokumenIKI, jabatan, urutan_id: list[int]) -> None:
    from kinerja.organisasi.layanan import susun_urutan

    dokumen = _draft(dokumen.pk)
    perubahan = susun_urutan(Sasaran.objects.filter(dokumen=dokumen, jabatan=jabatan), urutan_id, "sasaran")
    if perubahan:
        catat(pengguna, "urutkan_sasaran", dokumen, perubahan={"urutan": perubahan})


def geser_sasaran(pengguna, sasaran: Sasaran, arah: int) -> None:
    """Move a sasaran one place up (-1) or down (+1) among its jabatan's sasaran in the document."""
    from kinerja.organisasi.layanan import geser_dalam

    saudara = Sasaran.objects.filter(dokumen_id=sasaran.dokumen_id, jabatan_id=sasaran.jabatan_id)
    ids = geser_dalam(saudara.order_by("urutan", "id"), sasaran, arah)
    urutkan_sasaran(pengguna, sasaran.dokumen, sasaran.jabatan, ids)


# Indikator with its passport and its variables


BIDANG_INDIKATOR = (
    "nama",
    "penjelasan",
    "jenis",
    "ekspresi",
    "satuan",
    "polaritas",
    "sumber_data",
    "penyedia_data",
    "penanggung_jawab",
    "periode_pelaporan",
    "catatan",
)
BIDANG_VARIABEL = ("kode", "uraian", "satuan", "agregasi", "nilai_tetap", "konstanta", "negatif_boleh")


def _leluhur(jabatan) -> set[int]:
    """Ids of every jabatan above ``jabatan`` (its atasan, their atasan, …)."""
    from kinerja.organisasi.models import Jabatan

    atasan = dict(Jabatan.objects.filter(instansi_id=jabatan.instansi_id).values_list("pk", "atasan_id"))
    hasil, node = set(), atasan.get(jabatan.pk)
    while node is not None and node not in hasil:
        hasil.add(node)
        node = atasan.get(node)
    return hasil


def pilihan_induk(dokumen: DokumenIKI, jabatan):
    """Indicators an indicator of ``jabatan`` may support: those of its atasan chain in the same document."""
    return (
        Indikator.objects.filter(sasaran__dokumen=dokumen, sasaran__jabatan_id__in=_leluhur(jabatan))
        .select_related("sasaran__jabatan")
        .order_by("sasaran__jabatan__urutan", "urutan", "id")
    )


def pilihan_konstanta(dokumen: DokumenIKI):
    """The only constants a variable of this document may point at: its instansi's, of its year."""
    return Konstanta.objects.filter(instansi_id=dokumen.instansi_id, tahun=dokumen.tahun)


def _periksa_variabel(dokumen: DokumenIKI, indikator: Indikator | None, variabel: list[dict]) -> list[dict]:
    """Clean the variable rows; ValidationError({"variabel": [...]}) naming each bad row."""
    from kinerja.pengukuran import AGREGASI

    lama = {v.pk: v for v in indikator.variabel.all()} if indikator else {}
    masalah, bersih, kode_terlihat = [], [], set()
    for nomor, baris in enumerate(variabel, start=1):
        baris = dict(baris)
        asing = set(baris) - set(BIDANG_VARIABEL) - {"id"}
        if asing:
            raise TypeError(f"Bidang variabel tidak dikenal: {', '.join(sorted(asing))}")
        kode = (baris.get("kode") or "").strip()
        label = f"Variabel baris {nomor}" + (f" ({kode})" if kode else "")
        try:
            kode_validator(kode)
        except ValidationError as exc:
            masalah.append(f"{label}: {exc.messages[0]}")
        if kode in kode_terlihat:
            masalah.append(f"{label}: kode dipakai lebih dari sekali.")
        kode_terlihat.add(kode)
        uraian = " ".join((baris.get("uraian") or "").split())
        if not uraian:
            masalah.append(f"{label}: uraian wajib diisi.")
        agregasi = baris.get("agregasi") or "jumlah"
        if agregasi not in AGREGASI:
            masalah.append(f"{label}: agregasi “{agregasi}” tidak dikenal.")
        konstanta = baris.get("konstanta")
        nilai_tetap = baris.get("nilai_tetap")
        if nilai_tetap is not None:
            try:
                nilai_tetap = Variabel._meta.get_field("nilai_tetap").clean(nilai_tetap, None)
            except ValidationError as exc:
                masalah.append(f"{label}: nilai tetap — {exc.messages[0]}")
        if nilai_tetap is not None and konstanta is not None:
            masalah.append(f"{label}: pilih salah satu, nilai tetap atau konstanta, tidak keduanya.")
        if konstanta is not None and (konstanta.instansi_id != dokumen.instansi_id or konstanta.tahun != dokumen.tahun):
            masalah.append(f"{label}: konstanta “{konstanta.nama}” bukan milik instansi dan tahun dokumen ini.")
        if baris.get("id") is not None and baris["id"] not in lama:
            masalah.append(f"{label}: bukan variabel indikator ini.")
        bersih.append(
            {
                "id": baris.get("id"),
                "kode": kode,
                "uraian": uraian,
                "satuan": (baris.get("satuan") or "").strip(),
                "agregasi": agregasi,
                "nilai_tetap": nilai_tetap,
                "konstanta": konstanta,
                "negatif_boleh": bool(baris.get("negatif_boleh")),
            }
        )
    if masalah:
        raise ValidationError({"variabel": masalah})
    return bersih


@transaction.atomic
def simpan_indikator(
    pengguna, sasaran: Sasaran, data: dict, variabel: list[dict], *, indikator: Indikator | None = None, induk=None
) -> Indikator:
    """Create (``indikator=None``) or edit an indicator of a draft, with its whole list of variables.

    ``data`` holds fields of BIDANG_INDIKATOR (those absent keep their value). ``variabel`` is the
    complete list in display order: each row a dict of BIDANG_VARIABEL plus ``id`` for an existing
    variable; existing variables missing from the list are deleted. ``induk`` (None: unchanged) are
    the atasan's indicators this one supports. The formula is checked against the variables given,
    so a formula and a new variable arrive in one call.
    """
    dokumen = _draft(sasaran.dokumen_id)
    sasaran = Sasaran.objects.select_related("jabatan").get(pk=sasaran.pk)
    baru = indikator is None
    if baru:
        urutan = Indikator.objects.filter(sasaran__dokumen=dokumen).aggregate(m=Max("urutan"))["m"] or 0
        indikator = Indikator(sasaran=sasaran, penanggung_jawab=sasaran.jabatan, urutan=urutan + 1)
    else:
        indikator = Indikator.objects.select_for_update().get(pk=indikator.pk)
        if indikator.sasaran.dokumen_id != dokumen.pk:
            raise ValidationError("Indikator ini bukan bagian dokumen sasaran tujuan.")
        indikator.sasaran = sasaran
    data = dict(data)
    for nama in ("nama", "penjelasan", "satuan", "sumber_data", "penyedia_data", "catatan"):
        if nama in data:
            data[nama] = (data[nama] or "").strip()
    galat = {}
    if "ekspresi" in data:
        teks = (data["ekspresi"] or "").strip()
        try:
            data["ekspresi"] = str(rumus.parse(teks)) if teks else ""
        except rumus.RumusError as exc:
            galat["ekspresi"] = [f"Rumus tidak sah: {exc}"]
    from kinerja.organisasi.layanan import terapkan

    try:
        variabel = _periksa_variabel(dokumen, None if baru else indikator, variabel)
    except ValidationError as exc:
        galat.update(exc.error_dict)
    perubahan = {} if galat else terapkan(indikator, data, BIDANG_INDIKATOR)
    if not galat:
        if not indikator.nama:
            galat["nama"] = ["Nama indikator wajib diisi."]
        pj = indikator.penanggung_jawab
        if pj is not None and pj.instansi_id != dokumen.instansi_id:
            galat["penanggung_jawab"] = ["Penanggung jawab harus jabatan di instansi dokumen ini."]
        if indikator.ekspresi:
            kode = [v["kode"] for v in variabel]
            for pesan in rumus.validate(indikator.ekspresi, kode):
                galat.setdefault("ekspresi", []).append(pesan)
        try:
            indikator.clean_fields(exclude=["sasaran", "penanggung_jawab", "nama"])
        except ValidationError as exc:
            for nama, pesan in exc.message_dict.items():
                galat.setdefault(nama, []).extend(pesan)
    induk_baru = None
    if induk is not None and not galat:
        induk_baru = list(induk)
        boleh = set(pilihan_induk(dokumen, sasaran.jabatan).values_list("pk", flat=True))
        if any(i.pk not in boleh for i in induk_baru):
            galat["induk"] = ["Indikator yang didukung harus milik atasan jabatan ini di dokumen yang sama."]
    if galat:
        raise ValidationError(galat)
    indikator.save()

    # Variables: delete those dropped first (so a code can move to another row), then save in order.
    tersimpan = {v.pk: v for v in indikator.variabel.all()} if not baru else {}
    dipertahankan = {v["id"] for v in variabel if v["id"] is not None}
    ubah_variabel = []
    for pk, v in tersimpan.items():
        if pk not in dipertahankan:
            ubah_variabel.append(v.kode)
            v.delete()
    # Codes are unique per indicator: park renamed rows on a temporary code so two rows may swap theirs.
    for baris in variabel:
        v = tersimpan.get(baris["id"])
        if v is not None and v.kode != baris["kode"]:
            Variabel.objects.filter(pk=v.pk).update(kode=f"sementara_{v.pk}")
    for posisi, baris in enumerate(variabel, start=1):
        v = tersimpan.get(baris["id"]) or Variabel(indikator=indikator)
        isi = {k: baris[k] for k in BIDANG_VARIABEL}
        if terapkan(v, isi, BIDANG_VARIABEL) or v.pk is None:
            ubah_variabel.append(baris["kode"])
        v.urutan = posisi
        v.clean_fields(exclude=["indikator"])
        v.save()
    if ubah_variabel:
        perubahan["variabel"] = ubah_variabel
    if induk_baru is not None:
        lama_induk = set() if baru else set(indikator.induk.values_list("pk", flat=True))
        baru_induk = {i.pk for i in induk_baru}
        if lama_induk != baru_induk:
            indikator.induk.set(induk_baru)
            perubahan["induk"] = [sorted(lama_induk), sorted(baru_induk)]
    if baru or perubahan:
        catat(pengguna, "tambah_indikator" if baru else "ubah_indikator", indikator, perubahan=perubahan)
    return indikator


@transaction.atomic
def hapus_indikator(pengguna, indikator: Indikator) -> None:
    _draft(indikator.sasaran.dokumen_id)
    catat(pengguna, "hapus_indikator", indikator, ringkasan=f"Hapus indikator: {indikator.nama[:250]}")
    indikator.delete()


@transaction.atomic
def urutkan_indikator(pengguna, sasaran: Sasaran, urutan_id: list[int]) -> None:
    from kinerja.organisasi.layanan import susun_urutan

    dokumen = _draft(sasaran.dokumen_id)
    perubahan = susun_urutan(Indikator.objects.filter(sasaran=sasaran), urutan_id, "indikator")
    if perubahan:
        catat(pengguna, "urutkan_indikator", dokumen, perubahan={"urutan": perubahan})


def geser_indikator(pengguna, indikator: Indikator, arah: int) -> None:
    """Move an indicator one place up (-1) or down (+1) inside its sasaran."""
    from kinerja.organisasi.layanan import geser_dalam

    saudara = Indikator.objects.filter(sasaran_id=indikator.sasaran_id).order_by("urutan", "id")
    urutkan_indikator(pengguna, indikator.sasaran, geser_dalam(saudara, indikator, arah))


# Konstanta: per instansi and year, shared by that year's documents. One used by a decreed document
# is locked with it (penguncian.py).


def _periksa_konstanta(k: Konstanta):
    galat = {}
    if not isinstance(k.tahun, int) or not 2000 <= k.tahun <= 2100:
        galat["tahun"] = ["Tahun konstanta harus antara 2000 dan 2100."]
    try:
        kode_validator(k.kode)
    except ValidationError as exc:
        galat["kode"] = exc.messages
    if not k.nama:
        galat["nama"] = ["Nama konstanta wajib diisi."]
    if k.nilai is None:
        galat["nilai"] = ["Nilai konstanta wajib diisi."]
    if (
        "kode" not in galat
        and Konstanta.objects.filter(instansi_id=k.instansi_id, tahun=k.tahun, kode=k.kode).exclude(pk=k.pk).exists()
    ):
        galat["kode"] = [f"Kode “{k.kode}” sudah dipakai konstanta lain tahun {k.tahun}."]
    if galat:
        raise ValidationError(galat)
    k.clean_fields(exclude=["instansi"])


@transaction.atomic
def buat_konstanta(pengguna, instansi, tahun: int, *, kode: str, nama: str, nilai) -> Konstanta:
    k = Konstanta(
        instansi=instansi, tahun=tahun, kode=(kode or "").strip(), nama=" ".join((nama or "").split()), nilai=nilai
    )
    _periksa_konstanta(k)
    k.save()
    catat(pengguna, "tambah_konstanta", k, perubahan={"kode": [None, k.kode], "nilai": [None, str(nilai)]})
    return k


@transaction.atomic
def ubah_konstanta(pengguna, konstanta: Konstanta, **data) -> Konstanta:
    """Change a constant's kode, nama or nilai; refused (DokumenTerkunci) once a decreed document uses it."""
    from kinerja.organisasi.layanan import terapkan

    k = Konstanta.objects.select_for_update().get(pk=konstanta.pk)
    for nama in ("kode", "nama"):
        if nama in data:
            data[nama] = " ".join((data[nama] or "").split())
    perubahan = terapkan(k, data, ("kode", "nama", "nilai"))
    _periksa_konstanta(k)
    k.save()
    if perubahan:
        catat(pengguna, "ubah_konstanta", k, perubahan=perubahan)
    return k


@transaction.atomic
def hapus_konstanta(pengguna, konstanta: Konstanta) -> None:
    dipakai = list(konstanta.variabel.select_related("indikator")[:3])
    if dipakai:
        raise ValidationError(
            f"Konstanta “{konstanta.nama}” masih dipakai variabel "
            + ", ".join(f"{v.uraian} ({v.indikator.nama[:40]})" for v in dipakai)
            + "; ubah variabel itu dulu.",
            code="masih_dipakai",
        )
    catat(pengguna, "hapus_konstanta", konstanta, ringkasan=f"Hapus konstanta: {konstanta.nama}")
    konstanta.delete()


def salin_isi(
    lama_id: int, baru: DokumenIKI, *, peta_konstanta: dict | None = None, tautan_luar: bool = True
) -> tuple[dict, dict]:
    """Copy every tujuan, sasaran, indikator and variabel of document ``lama_id`` into ``baru``.

    Rows are copied field by field (``_copy``), so fields added later are carried too. Variables
    follow ``peta_konstanta`` {old Konstanta id: new Konstanta} when given. Cascading links inside
    the document follow the copies; links to indicators outside it are kept only with ``tautan_luar``.
    Returns ({old indikator id: new}, {old variabel id: new}).
    """
    for tujuan in Tujuan.objects.filter(dokumen_id=lama_id).prefetch_related("indikator"):
        indikator_tujuan = list(tujuan.indikator.all())
        tujuan_baru = _copy(tujuan, dokumen=baru)
        for it in indikator_tujuan:
            _copy(it, tujuan=tujuan_baru)
    peta_indikator, peta_variabel = {}, {}
    for sasaran in Sasaran.objects.filter(dokumen_id=lama_id).prefetch_related("indikator__variabel"):
        indikator_list = list(sasaran.indikator.all())
        sasaran_baru = _copy(sasaran, dokumen=baru)
        for indikator in indikator_list:
            variabel_list = list(indikator.variabel.all())
            lama_indikator_id = indikator.pk
            indikator_baru = _copy(indikator, sasaran=sasaran_baru)
            peta_indikator[lama_indikator_id] = indikator_baru
            for variabel in variabel_list:
                lama_variabel_id = variabel.pk
                ubah = {"indikator": indikator_baru}
                if peta_konstanta is not None and variabel.konstanta_id is not None:
                    ubah["konstanta"] = peta_konstanta[variabel.konstanta_id]
                peta_variabel[lama_variabel_id] = _copy(variabel, **ubah)
    through = Indikator.induk.through
    links = through.objects.filter(from_indikator_id__in=peta_indikator)
    if not tautan_luar:
        links = links.filter(to_indikator_id__in=peta_indikator)
    through.objects.bulk_create(
        [
            through(
                from_indikator_id=peta_indikator[link.from_indikator_id].pk,
                to_indikator_id=peta_indikator[link.to_indikator_id].pk
                if link.to_indikator_id in peta_indikator
                else link.to_indikator_id,
            )
            for link in links
        ]
    )
    return peta_indikator, peta_variabel


def _angka_teks(nilai) -> str | None:
    return None if nilai is None else format(nilai.normalize(), "f")


def isi_beda(dokumen: DokumenIKI) -> dict:
    """What a diff compares (kinerja.iki.beda): the interchange export of the document with, per
    indicator, its targets {periode: [lo, hi]} and identity, and the document's SK.

    A decreed document answers with what was recorded when it was decreed, when there is such a record.
    """
    if dokumen.terkunci and dokumen.isi_penetapan:
        return dokumen.isi_penetapan
    from .interchange import ekspor

    data = ekspor(dokumen)
    # One query for every indicator with its targets (a row per target, one without): the targets
    # are attached to ekspor's indicators, which it lists per jabatan in this same order.
    baris = (
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
        .values_list(
            "pk", "identitas", "sasaran__jabatan__nama", "target__periode", "target__nilai", "target__nilai_hi"
        )
    )
    per_jabatan: dict[str, list[int]] = {}
    target: dict[int, dict] = {}
    identitas = {}
    for pk, ident, jabatan, periode, nilai, nilai_hi in baris:
        if pk not in target:
            target[pk] = {}
            identitas[pk] = ident
            per_jabatan.setdefault(jabatan, []).append(pk)
        if periode is not None:
            target[pk][periode] = [_angka_teks(nilai), _angka_teks(nilai_hi)]
    for jabatan in data["jabatan"]:
        urut = iter(per_jabatan.get(jabatan["nama"], []))
        for sasaran in jabatan["sasaran"]:
            for item in sasaran["indikator"]:
                pk = next(urut)
                item["target"] = target[pk]
                item["identitas"] = str(identitas.get(pk) or "")
    data["sk"] |= {
        "tempat": dokumen.sk_tempat or None,
        "jabatan_penandatangan": dokumen.sk_penandatangan_jabatan or None,
    }
    data["dokumen_id"] = dokumen.pk
    return data
