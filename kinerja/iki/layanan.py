"""Document lifecycle: tetapkan (decree with its own SK, then immutable), buat_revisi (copy into a new
draft revision) and what a diff between two documents reads (isi_beda)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from kinerja import rumus
from kinerja.audit.models import catat
from kinerja.organisasi.models import Penugasan

from .models import DokumenIKI, Indikator, Sasaran, Tujuan, Variabel
from .penguncian import revisi_dibuat


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
    from kinerja.realisasi.models import Target

    from .interchange import ekspor

    data = ekspor(dokumen)
    indikator = (
        Indikator.objects.filter(sasaran__dokumen=dokumen)
        .select_related("sasaran__jabatan")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    per_jabatan: dict[str, list] = {}
    for ind in indikator:
        per_jabatan.setdefault(ind.sasaran.jabatan.nama, []).append(ind)
    target: dict[int, dict] = {}
    for t in Target.objects.filter(indikator__sasaran__dokumen=dokumen):
        target.setdefault(t.indikator_id, {})[t.periode] = [_angka_teks(t.nilai), _angka_teks(t.nilai_hi)]
    for jabatan in data["jabatan"]:
        # ekspor lists a jabatan's indicators in this same order: sasaran by (urutan, id), then indikator.
        urut = iter(per_jabatan.get(jabatan["nama"], []))
        for sasaran in jabatan["sasaran"]:
            for item in sasaran["indikator"]:
                ind = next(urut)
                item["target"] = target.get(ind.pk, {})
                item["identitas"] = str(getattr(ind, "identitas", "") or "")
    data["sk"] |= {
        "tempat": dokumen.sk_tempat or None,
        "jabatan_penandatangan": dokumen.sk_penandatangan_jabatan or None,
    }
    data["dokumen_id"] = dokumen.pk
    return data
