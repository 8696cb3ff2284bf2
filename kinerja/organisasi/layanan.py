"""The one write path for an instansi's organisation: unit kerja, jabatan, pegawai and penugasan.

Web pages, the CLI, the API and the import call these functions. Each write runs in one transaction
with an audit record (kinerja.audit); bad input raises ValidationError whose messages (Indonesian)
are keyed by field where a field is to blame, and nothing is changed. Who may call them is the
caller's check (kinerja.akun.lingkup), as for every service of the project.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import Max, ProtectedError, Q

from kinerja import kepegawaian
from kinerja.audit.models import catat

from .models import Instansi, Jabatan, Pegawai, Penugasan, UnitKerja

# ------------------------------------------------------------------------------------------------
# Shared by the catalogue services (kinerja.iki.layanan) too.


def nilai_jejak(nilai):
    """A value as the audit trail stores it (JSON): a row by its id, dates and numbers as text."""
    if isinstance(nilai, models.Model):
        return nilai.pk
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, Decimal):
        return format(nilai.normalize(), "f")
    if isinstance(nilai, (list, tuple)):
        return [nilai_jejak(n) for n in nilai]
    return nilai


def terapkan(objek, data: dict, bidang: tuple[str, ...]) -> dict:
    """Set the allowed fields of ``data`` on ``objek``; return {field: [old, new]} of those that change.

    A name outside ``bidang`` is a programming error, not user input: it raises TypeError.
    """
    asing = set(data) - set(bidang)
    if asing:
        raise TypeError(f"Bidang tidak dikenal untuk {objek._meta.verbose_name}: {', '.join(sorted(asing))}")
    perubahan = {}
    for nama, baru in data.items():
        try:
            lama = getattr(objek, nama)
        except ObjectDoesNotExist:  # a required relation not set yet on a new row
            lama = None
        if lama != baru:
            perubahan[nama] = [nilai_jejak(lama), nilai_jejak(baru)]
        setattr(objek, nama, baru)
    return perubahan


def simpan_diperiksa(objek, exclude=()):
    """full_clean (field messages in Indonesian) then save; ValidationError leaves the row unsaved."""
    objek.full_clean(exclude=list(exclude), validate_constraints=False)
    objek.save()
    return objek


def hapus_dilindungi(objek, pesan: str):
    """Delete, turning Django's ProtectedError (rows still pointing here) into a message."""
    try:
        with transaction.atomic():
            objek.delete()
    except ProtectedError as exc:
        raise ValidationError(pesan, code="masih_dipakai") from exc


def susun_urutan(queryset, urutan_id: list[int], label: str) -> dict:
    """Give the rows of ``queryset`` the order of ``urutan_id`` (every row exactly once)."""
    rows = {obj.pk: obj for obj in queryset}
    if sorted(urutan_id) != sorted(rows) or len(set(urutan_id)) != len(urutan_id):
        raise ValidationError(f"Urutan {label} harus memuat setiap {label} tepat satu kali.", code="urutan")
    # Reuse the rows' own numbers when they are distinct (indicators are numbered across a whole
    # document, and a move inside one sasaran must not renumber the others); else number from 1.
    nomor = sorted(obj.urutan for obj in rows.values())
    if len(set(nomor)) != len(nomor):
        nomor = list(range(1, len(nomor) + 1))
    perubahan = {}
    for posisi, pk in zip(nomor, urutan_id, strict=True):
        obj = rows[pk]
        if obj.urutan != posisi:
            perubahan[str(pk)] = [obj.urutan, posisi]
            obj.urutan = posisi
            obj.save(update_fields=["urutan"])
    return perubahan


def geser_dalam(queryset, objek, arah: int) -> list[int]:
    """The ids of ``queryset`` (objek's siblings, in their order) with objek moved one place up (-1) or down (+1)."""
    if arah not in (-1, 1):
        raise ValidationError("Arah geser harus naik (-1) atau turun (+1).", code="arah")
    ids = list(queryset.values_list("pk", flat=True))
    i = ids.index(objek.pk)
    j = min(max(i + arah, 0), len(ids) - 1)
    ids[i], ids[j] = ids[j], ids[i]
    return ids


def _urutan_berikut(queryset) -> int:
    return (queryset.aggregate(m=Max("urutan"))["m"] or 0) + 1


def _teks(nilai) -> str:
    return (nilai or "").strip()


def daftar_teks(nilai, nama_bidang: str) -> list[str]:
    """Tugas, fungsi and the like: a list of texts, or one text with one item per line; blanks dropped."""
    if isinstance(nilai, str):
        nilai = nilai.splitlines()
    if not isinstance(nilai, (list, tuple)) or not all(isinstance(n, str) for n in nilai):
        raise ValidationError({nama_bidang: "Harus berupa daftar teks, satu butir per baris."})
    return [" ".join(n.split()) for n in nilai if n.strip()]


# ------------------------------------------------------------------------------------------------
# Unit kerja

BIDANG_UNIT_KERJA = ("nama", "jenis", "induk")


def _periksa_unit_kerja(unit: UnitKerja):
    galat = {}
    if (
        unit.nama
        and UnitKerja.objects.filter(instansi_id=unit.instansi_id, nama__iexact=unit.nama).exclude(pk=unit.pk).exists()
    ):
        galat["nama"] = f"Unit kerja “{unit.nama}” sudah ada di instansi ini."
    if unit.induk_id:
        if unit.induk.instansi_id != unit.instansi_id:
            galat["induk"] = "Induk harus unit kerja di instansi yang sama."
        else:
            seen, node = {unit.pk}, unit.induk
            while node is not None:
                if node.pk in seen:
                    galat["induk"] = "Induk unit kerja membentuk lingkaran."
                    break
                seen.add(node.pk)
                node = node.induk
    if galat:
        raise ValidationError(galat)


@transaction.atomic
def buat_unit_kerja(
    pengguna, instansi: Instansi, *, nama: str, jenis: str, induk: UnitKerja | None = None
) -> UnitKerja:
    unit = UnitKerja(instansi=instansi, urutan=_urutan_berikut(UnitKerja.objects.filter(instansi=instansi)))
    perubahan = terapkan(unit, {"nama": _teks(nama), "jenis": jenis, "induk": induk}, BIDANG_UNIT_KERJA)
    _periksa_unit_kerja(unit)
    simpan_diperiksa(unit)
    catat(pengguna, "tambah_unit_kerja", unit, perubahan=perubahan)
    return unit


@transaction.atomic
def ubah_unit_kerja(pengguna, unit: UnitKerja, **data) -> UnitKerja:
    unit = UnitKerja.objects.select_for_update().get(pk=unit.pk)
    if "nama" in data:
        data["nama"] = _teks(data["nama"])
    perubahan = terapkan(unit, data, BIDANG_UNIT_KERJA)
    _periksa_unit_kerja(unit)
    simpan_diperiksa(unit)
    if perubahan:
        catat(pengguna, "ubah_unit_kerja", unit, perubahan=perubahan)
    return unit


@transaction.atomic
def hapus_unit_kerja(pengguna, unit: UnitKerja) -> None:
    jabatan = list(unit.jabatan.values_list("nama", flat=True)[:3])
    if jabatan:
        raise ValidationError(
            f"Unit kerja “{unit.nama}” masih memiliki jabatan ({', '.join(jabatan)}); pindahkan atau hapus dulu.",
            code="masih_dipakai",
        )
    if unit.bagian.exists():
        raise ValidationError(f"Unit kerja “{unit.nama}” masih menjadi induk unit kerja lain.", code="masih_dipakai")
    catat(pengguna, "hapus_unit_kerja", unit, ringkasan=f"Hapus unit kerja: {unit.nama}")
    unit.delete()


@transaction.atomic
def urutkan_unit_kerja(pengguna, instansi: Instansi, urutan_id: list[int]) -> None:
    perubahan = susun_urutan(UnitKerja.objects.filter(instansi=instansi), urutan_id, "unit kerja")
    if perubahan:
        catat(pengguna, "urutkan_unit_kerja", instansi, perubahan={"urutan": perubahan})


def geser_unit_kerja(pengguna, unit: UnitKerja, arah: int) -> None:
    """Move a unit kerja one place up (-1) or down (+1) among its instansi's."""
    saudara = UnitKerja.objects.filter(instansi_id=unit.instansi_id).order_by("urutan", "nama")
    urutkan_unit_kerja(pengguna, unit.instansi, geser_dalam(saudara, unit, arah))


# ------------------------------------------------------------------------------------------------
# Jabatan

BIDANG_JABATAN = ("nama", "jenis", "eselon", "unit_kerja", "atasan", "tugas", "fungsi")


def _bersihkan_jabatan(data: dict) -> dict:
    data = dict(data)
    for nama in ("nama", "eselon"):
        if nama in data:
            data[nama] = _teks(data[nama])
    for nama in ("tugas", "fungsi"):
        if nama in data:
            data[nama] = daftar_teks(data[nama], nama)
    return data


def _periksa_jabatan(jabatan: Jabatan):
    galat = {}
    if (
        jabatan.nama
        and Jabatan.objects.filter(instansi_id=jabatan.instansi_id, nama__iexact=jabatan.nama)
        .exclude(pk=jabatan.pk)
        .exists()
    ):
        galat["nama"] = f"Jabatan “{jabatan.nama}” sudah ada di instansi ini."
    if jabatan.unit_kerja_id and jabatan.unit_kerja.instansi_id != jabatan.instansi_id:
        galat["unit_kerja"] = "Unit kerja harus di instansi yang sama."
    if jabatan.pk and jabatan.atasan_id == jabatan.pk:
        galat["atasan"] = "Jabatan tidak dapat menjadi atasannya sendiri."
    if galat:
        raise ValidationError(galat)


@transaction.atomic
def buat_jabatan(
    pengguna,
    instansi: Instansi,
    *,
    nama: str,
    jenis: str = Jabatan.Jenis.STRUKTURAL,
    eselon: str = "",
    unit_kerja: UnitKerja | None = None,
    atasan: Jabatan | None = None,
    tugas=(),
    fungsi=(),
) -> Jabatan:
    jabatan = Jabatan(instansi=instansi, urutan=_urutan_berikut(Jabatan.objects.filter(instansi=instansi)))
    data = _bersihkan_jabatan(
        {
            "nama": nama,
            "jenis": jenis,
            "eselon": eselon,
            "unit_kerja": unit_kerja,
            "atasan": atasan,
            "tugas": tugas,
            "fungsi": fungsi,
        }
    )
    perubahan = terapkan(jabatan, data, BIDANG_JABATAN)
    _periksa_jabatan(jabatan)
    simpan_diperiksa(jabatan)
    catat(pengguna, "tambah_jabatan", jabatan, perubahan=perubahan)
    return jabatan


@transaction.atomic
def ubah_jabatan(pengguna, jabatan: Jabatan, **data) -> Jabatan:
    jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
    perubahan = terapkan(jabatan, _bersihkan_jabatan(data), BIDANG_JABATAN)
    _periksa_jabatan(jabatan)
    simpan_diperiksa(jabatan)
    if perubahan:
        catat(pengguna, "ubah_jabatan", jabatan, perubahan=perubahan)
    return jabatan


@transaction.atomic
def hapus_jabatan(pengguna, jabatan: Jabatan) -> None:
    alasan = []
    if jabatan.bawahan.exists():
        alasan.append("masih menjadi atasan jabatan lain")
    if jabatan.sasaran.exists() or jabatan.tujuan.exists():
        alasan.append("masih memiliki sasaran atau tujuan di dokumen IKI")
    if jabatan.penugasan.exists():
        alasan.append("masih memiliki riwayat penugasan pegawai")
    if jabatan.indikator_ditanggung.exists():
        # Deleting would empty the field on those indicators, decreed ones included.
        alasan.append("masih menjadi penanggung jawab indikator")
    if alasan:
        raise ValidationError(
            f"Jabatan “{jabatan.nama}” tidak dapat dihapus: {'; '.join(alasan)}.", code="masih_dipakai"
        )
    catat(pengguna, "hapus_jabatan", jabatan, ringkasan=f"Hapus jabatan: {jabatan.nama}")
    hapus_dilindungi(jabatan, f"Jabatan “{jabatan.nama}” masih dipakai dan tidak dapat dihapus.")


@transaction.atomic
def urutkan_jabatan(pengguna, instansi: Instansi, urutan_id: list[int]) -> None:
    perubahan = susun_urutan(Jabatan.objects.filter(instansi=instansi), urutan_id, "jabatan")
    if perubahan:
        catat(pengguna, "urutkan_jabatan", instansi, perubahan={"urutan": perubahan})


def geser_jabatan(pengguna, jabatan: Jabatan, arah: int) -> None:
    """Move a jabatan one place up (-1) or down (+1) among its instansi's jabatan."""
    saudara = Jabatan.objects.filter(instansi_id=jabatan.instansi_id).order_by("urutan", "nama")
    urutkan_jabatan(pengguna, jabatan.instansi, geser_dalam(saudara, jabatan, arah))


# ------------------------------------------------------------------------------------------------
# Pegawai and penugasan


def _golongan(pangkat) -> str:
    """'Penata Muda Tk. I', 'III/b' or '' → the stored golongan ('III/b') or ''."""
    teks = _teks(pangkat)
    if not teks:
        return ""
    try:
        return kepegawaian.parse_pangkat(teks).golongan
    except kepegawaian.PangkatError as exc:
        raise ValidationError({"pangkat": str(exc)}) from exc


def _digit_nip(nip) -> str | None:
    teks = _teks(nip)
    if not teks:
        return None
    try:
        return kepegawaian.parse_nip(teks).digits
    except kepegawaian.NipError as exc:
        raise ValidationError({"nip": f"NIP tidak sah: {exc}."}) from exc


def _periksa_pegawai(pegawai: Pegawai):
    galat = {}
    if not pegawai.nama:
        galat["nama"] = "Nama pegawai wajib diisi."
    if pegawai.nip and Pegawai.objects.filter(nip=pegawai.nip).exclude(pk=pegawai.pk).exists():
        galat["nip"] = "NIP ini sudah terdaftar untuk pegawai lain."
    if galat:
        raise ValidationError(galat)


def _data_pegawai(data: dict) -> dict:
    hasil, galat = {}, {}
    for nama, ubah in (("nama", _teks), ("nip", _digit_nip), ("pangkat", _golongan)):
        if nama in data:
            try:
                hasil[nama] = ubah(data[nama])
            except ValidationError as exc:
                galat.update(exc.error_dict)
    if galat:
        raise ValidationError(galat)
    return hasil


@transaction.atomic
def buat_pegawai(
    pengguna,
    *,
    nama: str,
    nip: str = "",
    pangkat: str = "",
    jabatan: Jabatan | None = None,
    mulai: date | None = None,
    jenis: str = Penugasan.Jenis.DEFINITIF,
) -> Pegawai:
    """A new pegawai; with ``jabatan`` and ``mulai`` also the first penugasan, in the same transaction.

    A pegawai belongs to an instansi through its penugasan: the web always gives the first one.
    """
    pegawai = Pegawai()
    perubahan = terapkan(
        pegawai, _data_pegawai({"nama": nama, "nip": nip, "pangkat": pangkat}), ("nama", "nip", "pangkat")
    )
    _periksa_pegawai(pegawai)
    if jabatan is not None and mulai is None:
        raise ValidationError({"mulai": "Tanggal mulai penugasan wajib diisi."})
    simpan_diperiksa(pegawai, exclude=["nip"])  # the NIP was parsed above, with a clearer message
    catat(pengguna, "tambah_pegawai", pegawai, perubahan=perubahan)
    if jabatan is not None:
        buat_penugasan(pengguna, pegawai=pegawai, jabatan=jabatan, mulai=mulai, jenis=jenis)
    return pegawai


@transaction.atomic
def ubah_pegawai(pengguna, pegawai: Pegawai, **data) -> Pegawai:
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    perubahan = terapkan(pegawai, _data_pegawai(data), ("nama", "nip", "pangkat"))
    _periksa_pegawai(pegawai)
    simpan_diperiksa(pegawai, exclude=["nip", "pengguna"])
    if perubahan:
        catat(pengguna, "ubah_pegawai", pegawai, perubahan=perubahan)
    return pegawai


@transaction.atomic
def hapus_pegawai(pengguna, pegawai: Pegawai, instansi: Instansi) -> None:
    """Remove a pegawai recorded by mistake, with its penugasan; only when it has none elsewhere and no account."""
    if pegawai.penugasan.exclude(jabatan__instansi=instansi).exists():
        raise ValidationError(
            f"{pegawai.nama} juga bertugas di instansi lain; akhiri penugasannya di sini saja.", code="masih_dipakai"
        )
    if pegawai.pengguna_id:
        raise ValidationError(
            f"{pegawai.nama} memiliki akun pengguna; nonaktifkan akunnya dan akhiri penugasannya.",
            code="masih_dipakai",
        )
    catat(pengguna, "hapus_pegawai", pegawai, ringkasan=f"Hapus pegawai: {pegawai.nama}")
    pegawai.penugasan.all().delete()
    hapus_dilindungi(pegawai, f"{pegawai.nama} masih dirujuk data lain dan tidak dapat dihapus.")


BIDANG_PENUGASAN = ("pegawai", "jabatan", "jenis", "mulai", "selesai")


def _periksa_penugasan(p: Penugasan):
    galat = {}
    if p.mulai is None:
        galat["mulai"] = "Tanggal mulai wajib diisi."
    elif p.selesai and p.selesai < p.mulai:
        galat["selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
    if not galat and p.pegawai_id and p.jabatan_id:
        tumpang = Penugasan.objects.filter(pegawai_id=p.pegawai_id, jabatan_id=p.jabatan_id).exclude(pk=p.pk)
        if p.selesai:
            tumpang = tumpang.filter(mulai__lte=p.selesai)
        tumpang = tumpang.filter(Q(selesai__isnull=True) | Q(selesai__gte=p.mulai))
        if tumpang.exists():
            galat["mulai"] = "Pegawai ini sudah ditugaskan pada jabatan yang sama dalam rentang tanggal itu."
    if galat:
        raise ValidationError(galat)


@transaction.atomic
def buat_penugasan(
    pengguna,
    *,
    pegawai: Pegawai,
    jabatan: Jabatan,
    mulai: date,
    selesai: date | None = None,
    jenis: str = Penugasan.Jenis.DEFINITIF,
) -> Penugasan:
    p = Penugasan()
    perubahan = terapkan(
        p,
        {"pegawai": pegawai, "jabatan": jabatan, "jenis": jenis, "mulai": mulai, "selesai": selesai},
        BIDANG_PENUGASAN,
    )
    _periksa_penugasan(p)
    simpan_diperiksa(p)
    catat(pengguna, "tambah_penugasan", p, perubahan=perubahan)
    return p


@transaction.atomic
def ubah_penugasan(pengguna, penugasan: Penugasan, **data) -> Penugasan:
    """Change a penugasan's jenis or dates (to end it: ``selesai=``); pegawai and jabatan stay."""
    penugasan = Penugasan.objects.select_for_update().get(pk=penugasan.pk)
    perubahan = terapkan(penugasan, data, ("jenis", "mulai", "selesai"))
    _periksa_penugasan(penugasan)
    simpan_diperiksa(penugasan)
    if perubahan:
        catat(pengguna, "ubah_penugasan", penugasan, perubahan=perubahan)
    return penugasan


@transaction.atomic
def hapus_penugasan(pengguna, penugasan: Penugasan) -> None:
    catat(pengguna, "hapus_penugasan", penugasan, ringkasan=f"Hapus penugasan: {penugasan}")
    penugasan.delete()


def pegawai_instansi(instansi: Instansi):
    """Every pegawai ever assigned to a jabatan of the instansi (the instansi's staff list)."""
    return Pegawai.objects.filter(penugasan__jabatan__instansi=instansi).distinct()
