"""A tolerant view of the interchange dict: every check reads these, never the raw dict.

The dict may come from the reader, from an export, or from a hand-edited JSON, so any key may be
missing, ``None`` or of the wrong type; the view turns each into an empty value instead of
raising, so that one odd field never stops the other checks.
"""

from dataclasses import dataclass, field


def teks(nilai) -> str:
    """A string field, or ``""`` for anything else."""
    return nilai.strip() if isinstance(nilai, str) else ""


def daftar(nilai) -> list:
    return nilai if isinstance(nilai, list) else []


def kamus(nilai) -> dict:
    return nilai if isinstance(nilai, dict) else {}


def nomor_baris(nilai) -> int | None:
    return nilai if isinstance(nilai, int) and not isinstance(nilai, bool) and nilai > 0 else None


@dataclass(frozen=True)
class VariabelLihat:
    kode: str
    uraian: str
    tetap: bool  # a fixed value or a Konstanta (jumlah desa), not a counted quantity


@dataclass
class IndikatorLihat:
    nama: str
    teks_rumus: str
    ekspresi: str
    variabel: list[VariabelLihat]
    satuan: str
    sumber_data: str
    catatan: str
    baris: int | None
    induk: list[str]
    jabatan: "JabatanLihat"
    sasaran: str

    def uraian(self) -> dict[str, str]:
        return {v.kode: v.uraian for v in self.variabel if v.uraian}


@dataclass
class JabatanLihat:
    nama: str
    atasan: str
    tugas: list[str]
    fungsi: list[str]
    baris: int | None
    sasaran: list[tuple[str, int | None]] = field(default_factory=list)
    indikator: list[IndikatorLihat] = field(default_factory=list)


@dataclass
class DokumenLihat:
    instansi: str
    kabupaten: str
    tahun: int | None
    sk: dict
    mengingat: list[str]
    jabatan: list[JabatanLihat]
    baris_teks: list[tuple[int, str]]

    def semua_indikator(self) -> list[IndikatorLihat]:
        return [ind for jab in self.jabatan for ind in jab.indikator]


def _variabel(data) -> list[VariabelLihat]:
    hasil = []
    for v in daftar(data):
        v = kamus(v)
        kode = teks(v.get("kode"))
        if not kode:
            continue
        tetap = isinstance(v.get("nilai_tetap"), int | float) or bool(teks(v.get("konstanta")))
        hasil.append(VariabelLihat(kode, teks(v.get("uraian")), tetap))
    return hasil


def _indikator(data, jabatan: JabatanLihat, sasaran: str) -> IndikatorLihat:
    data = kamus(data)
    formula = data.get("formula")
    if isinstance(formula, str):  # a hand-written JSON may give the formula as text
        formula = {"teks": formula}
    formula = kamus(formula)
    induk = data.get("induk")
    induk = [teks(n) for n in daftar(induk) if teks(n)] if not isinstance(induk, str) else [induk.strip()]
    return IndikatorLihat(
        nama=teks(data.get("nama")),
        teks_rumus=teks(formula.get("teks")),
        ekspresi=teks(formula.get("ekspresi")),
        variabel=_variabel(formula.get("variabel")),
        satuan=teks(data.get("satuan")),
        sumber_data=teks(data.get("sumber_data")),
        catatan=teks(data.get("catatan")),
        baris=nomor_baris(data.get("baris")),
        induk=induk,
        jabatan=jabatan,
        sasaran=sasaran,
    )


def lihat(data, baris_teks=None) -> DokumenLihat:
    """The view of ``data`` (any value; a non-dict gives an empty document)."""
    data = kamus(data)
    sk = {k: v for k, v in kamus(data.get("sk")).items() if isinstance(k, str)}
    jabatan_semua = []
    for j in daftar(data.get("jabatan")):
        j = kamus(j)
        jab = JabatanLihat(
            nama=teks(j.get("nama")),
            atasan=teks(j.get("atasan")),
            tugas=[teks(t) for t in daftar(j.get("tugas")) if teks(t)],
            fungsi=[teks(t) for t in daftar(j.get("fungsi")) if teks(t)],
            baris=nomor_baris(j.get("baris")),
        )
        for s in daftar(j.get("sasaran")):
            s = kamus(s)
            uraian = teks(s.get("uraian"))
            indikator = daftar(s.get("indikator"))
            baris = nomor_baris(s.get("baris"))
            if baris is None:
                baris = next((b for b in (nomor_baris(kamus(i).get("baris")) for i in indikator) if b), None)
            jab.sasaran.append((uraian, baris))
            jab.indikator.extend(_indikator(i, jab, uraian) for i in indikator)
        jabatan_semua.append(jab)
    baris_bersih = []
    for item in daftar(baris_teks) if baris_teks is not None else []:
        if isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[1], str):
            baris_bersih.append((nomor_baris(item[0]), item[1]))
    tahun = data.get("tahun")
    return DokumenLihat(
        instansi=teks(data.get("instansi")),
        kabupaten=teks(data.get("kabupaten")),
        tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
        sk=sk,
        mengingat=[teks(m) for m in daftar(sk.get("mengingat")) if teks(m)],
        jabatan=jabatan_semua,
        baris_teks=baris_bersih,
    )
