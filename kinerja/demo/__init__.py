"""Demo data: one kabupaten with N kecamatan, two years of decreed IKI and quarterly values.

Deterministic (seeded per kecamatan) so tests and benchmarks see the same data every run.
Writes in bulk: 30 kecamatan load in seconds, not minutes.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from kinerja.akun.lingkup import jabatan_dipegang
from kinerja.akun.models import Peran
from kinerja.audit.models import catat
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Variabel
from kinerja.ikm import UNSUR_2017, hitung_ikm
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, Pemda, Penugasan, UnitKerja
from kinerja.realisasi.models import IsianPeriode, NilaiVariabel, Target
from kinerja.survei.models import Responden, SumberIKM, Survei
from kinerja.web.ringkasan import rekap_berubah

from . import katalog

NAMA_PEMDA = "Kabupaten Sampang"
PASSWORD_DEMO = "kinerja-demo-2026"
TRIWULAN = ("TW1", "TW2", "TW3", "TW4")

PANGKAT_PER_ESELON = {
    "III.a": ("IV/a", "IV/b"),
    "III.b": ("III/d", "IV/a"),
    "IV.a": ("III/c", "III/d"),
    "IV.b": ("III/b", "III/c", "III/d"),
    "": ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b"),
}


@dataclass
class RingkasanDemo:
    pemda: Pemda
    instansi: list[Instansi] = field(default_factory=list)
    indikator: int = 0
    nilai: int = 0


def tahun_demo(hari_ini: date) -> tuple[int, int]:
    """Last year (complete) and this year (in progress)."""
    return hari_ini.year - 1, hari_ini.year


def triwulan_selesai(tahun: int, hari_ini: date) -> int:
    """How many quarters of `tahun` have closed by `hari_ini`."""
    if tahun < hari_ini.year:
        return 4
    return (hari_ini.month - 1) // 3


def batas_waktu(tahun: int, triwulan: int) -> date:
    """Entry window closes on the 10th of the month after the quarter."""
    return date(tahun + (triwulan == 4), 1 if triwulan == 4 else triwulan * 3 + 1, 10)


@transaction.atomic
def buat_demo(jumlah_kecamatan: int = 3, *, hari_ini: date | None = None, progres=None) -> RingkasanDemo:
    """Create the demo kabupaten. Refuses to run twice: the caller checks `ada_demo()` first."""
    hari_ini = hari_ini or timezone.localdate()
    if ada_demo():
        raise ValueError("Data demo sudah ada.")
    pemda = Pemda.objects.create(nama=NAMA_PEMDA)
    ringkasan = RingkasanDemo(pemda=pemda)
    pengguna = _PembuatPengguna()
    admin = pengguna.buat("admin", "Administrator", superuser=True)
    Peran.objects.create(pengguna=pengguna.buat("admin.pemda", "Admin Pemda"), jenis="admin_pemda", pemda=pemda)
    Peran.objects.create(pengguna=pengguna.buat("pemeriksa", "Pemeriksa Inspektorat"), jenis="pemeriksa", pemda=pemda)
    nip_terpakai: set[str] = set()
    for indeks in range(jumlah_kecamatan):
        instansi = _buat_kecamatan(pemda, indeks, hari_ini, pengguna, nip_terpakai, admin)
        ringkasan.instansi.append(instansi)
        if progres:
            progres(indeks + 1, jumlah_kecamatan, instansi.nama)
    ringkasan.indikator = Indikator.objects.filter(sasaran__dokumen__instansi__pemda=pemda).count()
    ringkasan.nilai = NilaiVariabel.objects.filter(variabel__indikator__sasaran__dokumen__instansi__pemda=pemda).count()
    catat(admin, "muat_demo", pemda, ringkasan=f"Data demo {jumlah_kecamatan} kecamatan")
    return ringkasan


CONTOH_PEJABAT = ("sekcam.", "kasi.pem.", "staf.umum.")  # one holder per level, to try the workflow


def daftar_login() -> list[tuple[str, str, str]]:
    """(username, role, scope) of the demo accounts worth trying: the superuser, the pemda-wide
    roles, and in the first kecamatan its admin, its Camat and a holder at each level below."""
    login = [("admin", "Superuser (admin Django)", "semua")]
    peran = Peran.objects.filter(pemda__nama=NAMA_PEMDA).select_related("pengguna", "pemda").order_by("jenis", "id")
    login += [(p.pengguna.username, p.get_jenis_display(), p.pemda.nama) for p in peran.filter(instansi=None)]
    pertama = Instansi.objects.filter(pemda__nama=NAMA_PEMDA).order_by("id").first()
    for p in peran.filter(instansi=pertama):
        username = p.pengguna.username
        if p.jenis in ("admin_instansi", "camat"):
            login.append((username, p.get_jenis_display(), pertama.nama))
        elif username.startswith(CONTOH_PEJABAT):
            jabatan = ", ".join(j.nama for j in jabatan_dipegang(p.pengguna))
            login.append((username, f"Pejabat: {jabatan}", pertama.nama))
    return login


def ada_demo() -> bool:
    return Pemda.objects.filter(nama=NAMA_PEMDA).exists()


class _PembuatPengguna:
    """Hashing a password is deliberately slow; hash the demo password once and share it."""

    def __init__(self):
        self.hash = make_password(PASSWORD_DEMO)
        self.model = get_user_model()

    def buat(self, username: str, nama: str, *, superuser: bool = False):
        return self.model.objects.create(
            username=username,
            first_name=nama[:150],
            email=f"{username}@demo.kinerja.invalid",  # reminders of the demo land under var/surel/
            password=self.hash,
            is_staff=superuser,
            is_superuser=superuser,
        )


def _slug(nama: str) -> str:
    return nama.lower().replace(" ", "")


def _buat_kecamatan(pemda, indeks, hari_ini, pengguna, nip_terpakai, admin):
    rng = random.Random(1000 + indeks)
    wilayah = katalog.nama_kecamatan(indeks)
    instansi = Instansi.objects.create(
        pemda=pemda, nama=f"Kecamatan {wilayah}", alamat=f"Jl. Raya {wilayah} No. {indeks + 1}"
    )
    lima_seksi = indeks % 3 != 1  # some kecamatan have four seksi: no Seksi Pelayanan Umum
    unit = {
        kunci: UnitKerja.objects.create(instansi=instansi, nama=nama, jenis=jenis, urutan=i)
        for i, (kunci, nama, jenis) in enumerate(katalog.UNIT_KERJA)
        if lima_seksi or kunci != "yanum"
    }
    jabatan: dict[str, Jabatan] = {}
    for urutan, spec in enumerate(katalog.JABATAN):
        if spec.unit not in unit:
            continue
        atasan_kunci = spec.atasan if spec.atasan in jabatan else "kasi_pem"
        jabatan[spec.kunci] = Jabatan.objects.create(
            instansi=instansi,
            unit_kerja=unit[spec.unit],
            nama=spec.nama.format(wilayah=wilayah),
            jenis=spec.jenis,
            eselon=spec.eselon,
            atasan=jabatan.get(atasan_kunci) if spec.atasan else None,
            tugas=list(spec.tugas),
            fungsi=list(spec.fungsi),
            urutan=urutan,
        )
    slug = _slug(wilayah)
    _buat_pegawai_dan_pengguna(instansi, jabatan, slug, rng, hari_ini, pengguna, nip_terpakai)
    jumlah_desa = rng.choice([7, 9, 12, 14, 16, 20])
    for tahun in tahun_demo(hari_ini):
        konstanta = {
            kode: Konstanta.objects.create(
                instansi=instansi, tahun=tahun, kode=kode, nama=nama, nilai=nilai if nilai is not None else jumlah_desa
            )
            for kode, nama, nilai in katalog.KONSTANTA
        }
        dokumen = _buat_dokumen(instansi, tahun, jabatan, konstanta, rng)
        ikm = _buat_survei(instansi, tahun, triwulan_selesai(tahun, hari_ini), rng)
        _buat_nilai(dokumen, jabatan, jumlah_desa, ikm, rng, hari_ini)
        dokumen.tetapkan(admin)
    return instansi


def _nip_acak(rng: random.Random, jenis_kelamin: int, nip_terpakai: set[str]) -> str:
    while True:
        lahir = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 30))
        tmt_tahun = min(lahir.year + rng.randint(22, 32), 2020)
        nip = f"{lahir:%Y%m%d}{tmt_tahun}{rng.randint(1, 12):02d}{jenis_kelamin}{rng.randint(1, 30):03d}"
        if nip not in nip_terpakai:
            nip_terpakai.add(nip)
            return nip


def _buat_pegawai_dan_pengguna(instansi, jabatan, slug, rng, hari_ini, pengguna, nip_terpakai):
    mulai = date(hari_ini.year - 2, 1, 2)
    for kunci, jab in jabatan.items():
        depan = rng.choice(katalog.NAMA_DEPAN)
        jenis_kelamin = 1 if katalog.NAMA_DEPAN.index(depan) < 12 else 2
        nama = f"{depan} {rng.choice(katalog.NAMA_BELAKANG)}{rng.choice(katalog.GELAR)}"
        username = f"{kunci.replace('_', '.')}.{slug}"
        user = pengguna.buat(username, nama)
        pegawai = Pegawai.objects.create(
            nama=nama,
            nip=_nip_acak(rng, jenis_kelamin, nip_terpakai),
            pangkat=rng.choice(PANGKAT_PER_ESELON[jab.eselon]),
            pengguna=user,
        )
        Penugasan.objects.create(pegawai=pegawai, jabatan=jab, mulai=mulai)
        Peran.objects.create(pengguna=user, jenis="pejabat", pemda=instansi.pemda, instansi=instansi)
        if kunci == "camat":
            Peran.objects.create(pengguna=user, jenis="camat", pemda=instansi.pemda, instansi=instansi)
    admin = pengguna.buat(f"admin.{slug}", f"Admin {instansi.nama}")
    Peran.objects.create(pengguna=admin, jenis="admin_instansi", pemda=instansi.pemda, instansi=instansi)


_IDENTITAS_DEMO = uuid.UUID("5b1f0c3e-9d1a-4c59-8a57-6b6c1f0d2e11")


def _buat_dokumen(instansi, tahun, jabatan, konstanta, rng) -> DokumenIKI:
    camat = jabatan["camat"].pemegang(date(tahun, 1, 2))
    dokumen = DokumenIKI.objects.create(
        instansi=instansi,
        tahun=tahun,
        revisi=1,
        sk_nomor=f"188/{rng.randint(1, 30):02d}/KEP/434.{500 + instansi.pk}/{tahun}",
        sk_tanggal=date(tahun, 1, rng.randint(2, 15)),
        sk_penandatangan=camat.nama if camat else "",
        sk_penandatangan_pangkat=camat.pangkat_tampil if camat else "",
        sk_penandatangan_nip=camat.nip if camat else "",
        menimbang=[
            "bahwa dalam rangka pengukuran kinerja secara berjenjang perlu ditetapkan Indikator Kinerja Individu;",
            f"bahwa berdasarkan pertimbangan tersebut perlu menetapkan Keputusan Camat tentang Penetapan IKI {instansi.nama};",
        ],
        mengingat=[
            "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;",
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
            "Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja;",
        ],
    )
    specs = [spec for spec in katalog.INDIKATOR if spec.jabatan in jabatan]
    sasaran_baru = {}
    for spec in specs:
        kunci = (spec.jabatan, spec.sasaran)
        if kunci not in sasaran_baru:
            sasaran_baru[kunci] = Sasaran(
                dokumen=dokumen, jabatan=jabatan[spec.jabatan], uraian=spec.sasaran, urutan=len(sasaran_baru)
            )
    Sasaran.objects.bulk_create(sasaran_baru.values())
    indikator = {
        spec.kunci: Indikator(
            sasaran=sasaran_baru[(spec.jabatan, spec.sasaran)],
            nama=spec.nama,
            ekspresi=spec.ekspresi,
            satuan=spec.satuan,
            polaritas=spec.polaritas,
            sumber_data=spec.sumber_data,
            catatan=spec.catatan,
            periode_pelaporan=spec.periode_pelaporan,
            penanggung_jawab=jabatan[spec.jabatan],
            urutan=urutan,
            # The same indicator every year: last year's realisasi follows it by identity.
            identitas=uuid.uuid5(_IDENTITAS_DEMO, f"{instansi.pk}:{spec.kunci}"),
        )
        for urutan, spec in enumerate(specs)
    }
    Indikator.objects.bulk_create(indikator.values())
    if "ikm" in indikator:
        SumberIKM.objects.create(indikator=indikator["ikm"])
    Variabel.objects.bulk_create(
        Variabel(
            indikator=indikator[spec.kunci],
            kode=v.kode,
            uraian=v.uraian,
            agregasi=v.agregasi,
            urutan=i,
            nilai_tetap=v.nilai_tetap,
            konstanta=konstanta.get(v.konstanta) if v.konstanta else None,
        )
        for spec in specs
        for i, v in enumerate(spec.variabel)
    )
    through = Indikator.induk.through
    through.objects.bulk_create(
        through(from_indikator_id=indikator[spec.kunci].pk, to_indikator_id=indikator[induk].pk)
        for spec in specs
        for induk in spec.induk
        if induk in indikator
    )
    Target.objects.bulk_create(_target(indikator[spec.kunci], spec, rng) for spec in specs)
    return dokumen


def _target(indikator, spec, rng) -> Target:
    if len(spec.target) == 2:
        return Target(
            indikator=indikator, periode="TAHUN", nilai=Decimal(spec.target[0]), nilai_hi=Decimal(spec.target[1])
        )
    return Target(indikator=indikator, periode="TAHUN", nilai=Decimal(spec.target[0]))


JENIS_LAYANAN = ("KTP dan KK", "Perizinan", "Surat keterangan")
PROFIL = {
    "jenis_kelamin": ("Laki-laki", "Perempuan"),
    "umur": ("17–25", "26–35", "36–45", "46–55", "> 55"),
    "pendidikan": ("SD", "SMP", "SMA", "D3", "S1"),
    "pekerjaan": ("Petani", "Nelayan", "Wiraswasta", "Pelajar/Mahasiswa", "PNS", "Lainnya"),
}


def _buat_survei(instansi, tahun, selesai, rng) -> dict[int, Decimal]:
    """A finalised SKM per closed semester; its IKM is what the 'Nilai IKM' indicator reports."""
    ikm_per_triwulan = {}
    mutu = rng.uniform(0.35, 0.6)  # each office has its own level of satisfaction
    for periode, triwulan in (("S1", 2), ("S2", 4)):
        if triwulan > selesai:
            continue
        survei = Survei.objects.create(
            instansi=instansi,
            tahun=tahun,
            periode=periode,
            populasi=rng.randint(600, 2500),
            jenis_layanan=list(JENIS_LAYANAN),
        )
        responden = [
            Responden(
                survei=survei,
                nomor=nomor,
                sumber="demo",
                jawaban={
                    u.kode: None
                    if rng.random() < 0.02
                    else rng.choices((1, 2, 3, 4), (2, 10, 88 - mutu * 60, mutu * 60))[0]
                    for u in UNSUR_2017
                },
                jenis_layanan=rng.choice(JENIS_LAYANAN),
                **{kunci: rng.choice(pilihan) for kunci, pilihan in PROFIL.items()},
            )
            for nomor in range(1, rng.randint(90, 160) + 1)
        ]
        Responden.objects.bulk_create(responden)
        Survei.objects.filter(pk=survei.pk).update(
            status=Survei.Status.FINAL, difinalkan_pada=timezone.make_aware(datetime(tahun, triwulan * 3, 28, 10))
        )
        ikm_per_triwulan[triwulan] = hitung_ikm(r.jawaban for r in responden).nilai_dibulatkan
    return ikm_per_triwulan


def _buat_nilai(dokumen, jabatan, jumlah_desa, ikm, rng, hari_ini):
    """Quarterly values with a realistic spread: late, returned and missing reports, zero denominators."""
    selesai = triwulan_selesai(dokumen.tahun, hari_ini)
    specs = {spec.kunci: spec for spec in katalog.INDIKATOR}
    variabel_per_jabatan: dict[int, list[tuple[Variabel, katalog.VariabelDemo]]] = {}
    for v in Variabel.objects.filter(indikator__sasaran__dokumen=dokumen).select_related("indikator__sasaran"):
        spec = next(s for s in specs.values() if s.nama == v.indikator.nama)
        vdemo = next(x for x in spec.variabel if x.kode == v.kode)
        if v.diisi:
            variabel_per_jabatan.setdefault(v.indikator.sasaran.jabatan_id, []).append((v, vdemo))
    nilai_baru, isian_baru = [], []
    for jabatan_id, daftar in variabel_per_jabatan.items():
        stok: dict[str, int] = {}
        for tw in range(1, selesai + 1):
            status, diajukan = _status_isian(rng, dokumen.tahun, tw, selesai)
            isian_baru.append(
                IsianPeriode(
                    dokumen=dokumen,
                    jabatan_id=jabatan_id,
                    periode=f"TW{tw}",
                    status=status,
                    diajukan_pada=diajukan,
                    batas_waktu=batas_waktu(dokumen.tahun, tw),
                )
            )
            if status == "draft" and rng.random() < 0.5:
                continue  # nothing entered at all yet: a missing report
            nilai_tw: dict[str, Decimal | None] = {}
            for v, vdemo in sorted(daftar, key=lambda pair: pair[1].pola[0] == "bagian"):
                nilai = (
                    ikm.get(tw) if vdemo.pola[0] == "ikm" else _nilai_acak(vdemo, tw, nilai_tw, stok, jumlah_desa, rng)
                )
                nilai_tw[v.kode] = nilai
                if nilai is None:
                    continue
                nilai_baru.append(
                    NilaiVariabel(
                        variabel=v,
                        periode=f"TW{tw}",
                        nilai=nilai,
                        diisi_pada=diajukan
                        or timezone.make_aware(datetime.combine(batas_waktu(dokumen.tahun, tw), time(9))),
                    )
                )
    IsianPeriode.objects.bulk_create(isian_baru)
    rekap_berubah([dokumen.pk])  # bulk_create sends no signal; a cache may outlive an earlier demo database
    NilaiVariabel.objects.bulk_create(nilai_baru, batch_size=2000)


def _status_isian(rng, tahun, tw, selesai):
    """Closed years are approved; the latest quarter of this year is still moving through the workflow."""
    batas = batas_waktu(tahun, tw)
    terlambat = rng.random() < 0.12
    hari = rng.randint(11, 40) if terlambat else rng.randint(-9, 0)
    diajukan = timezone.make_aware(datetime.combine(batas + timedelta(days=hari), time(10, rng.randint(0, 59))))
    if selesai == 4 or tw < selesai:
        return "disahkan", diajukan
    status = rng.choices(["disahkan", "diverifikasi", "diajukan", "dikembalikan", "draft"], [3, 3, 2, 1, 2])[0]
    return status, (None if status == "draft" else diajukan)


def _nilai_acak(vdemo, tw, nilai_tw, stok, jumlah_desa, rng) -> Decimal | None:
    if rng.random() < 0.03:
        return None  # a value somebody forgot
    jenis = vdemo.pola[0]
    if jenis == "total":
        lo, hi = vdemo.pola[1:]
        if vdemo.agregasi == "terakhir":
            stok.setdefault(vdemo.kode, rng.randint(lo, hi))
            return Decimal(stok[vdemo.kode])
        return Decimal(rng.randint(lo, hi))
    if jenis == "bagian":
        basis, lo, hi = vdemo.pola[1:]
        total = nilai_tw.get(basis)
        if total is None:
            return None
        return min(total, Decimal(round(total * rng.randint(lo, hi) / 100)))
    if jenis == "desa":
        lo, hi = vdemo.pola[1:]
        # Villages complete during the year: the count only grows.
        naik = stok.get(vdemo.kode, round(jumlah_desa * lo / 100))
        stok[vdemo.kode] = min(jumlah_desa, naik + rng.randint(0, max(1, jumlah_desa * (hi - lo) // 400)))
        return Decimal(stok[vdemo.kode])
    if jenis == "tetap":
        stok.setdefault(vdemo.kode, rng.randint(*vdemo.pola[1:]))
        return Decimal(stok[vdemo.kode])
    if jenis == "hari_kerja":
        return Decimal(katalog.HARI_KERJA_TRIWULAN[tw - 1])
    raise ValueError(f"pola tidak dikenal: {jenis}")
