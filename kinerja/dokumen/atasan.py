"""Guessing each jabatan's atasan from the kecamatan structure, which documents never state.

IKI documents list the jabatan of a kecamatan but not who reports to whom, and rarely list the
Camat at all (the Camat signs the decree). The structure is fixed by the Perbup on the
kecamatan's SOTK, so it can be read off the names:

* Camat (or Lurah): no atasan;
* Sekretaris Kecamatan: the Camat;
* Kepala Sub Bagian X (also "Sub Bagian X", "Kasubag X"): the Sekretaris Kecamatan;
* Kepala Seksi X (also "Seksi X", "Kasi X"): the Camat;
* staff (Staf, Pengadministrasi, Pengelola, Bendahara, …) of "Sub Bagian X" or "Seksi X": the
  Kepala of that unit, when the document has it; staff of the Sekretariat, or of no unit: the
  Sekretaris Kecamatan.

The atasan is named as the document names that jabatan, so that the importer finds it; the Camat
that the document does not list is "Camat <wilayah>" ("Kecamatan Banyuates" → "Camat
Banyuates"), the Sekretaris it does not list is "Sekretaris Kecamatan". Unit names match
regardless of case, "dan"/"&"/commas and a trailing "Kecamatan …", "Kantor Kecamatan …" or
"Kabupaten …". A guessed atasan is marked ``"atasan_tebakan": true`` for the reviewer to
confirm; one the document states is kept as it is.
"""

import re

# The office's name at the end of a jabatan name: "… Kantor Kecamatan Sampang Kabupaten Sampang".
_AKHIRAN_KANTOR = re.compile(r"\s+(?:pada\s+)?(?:kantor\s+)?(?:kecamatan|kabupaten|kota|kab\.)(?:\s.*)?$")
# A Camat Pembantu heads a part of the kecamatan under the Camat: not the head.
_KEPALA = re.compile(r"^(?:plt\.?\s+|plh\.?\s+)?(camat|lurah)\b(?!\s+pembantu)")
_SEKRETARIS = re.compile(r"^(?:plt\.?\s+|plh\.?\s+)?sekretaris\b")
_SUBBAGIAN = r"(?:sub\s*-?\s*bag(?:ian)?\.?|subbag\.?)"
_SEKSI = r"(?:seksi|kasi|kasie)\.?"
_KEPALA_SUBBAGIAN = re.compile(rf"^(?:kepala\s+{_SUBBAGIAN}|kasub+ag\.?|kasub\s+bag(?:ian)?\.?|{_SUBBAGIAN})\s+(.+)$")
_KEPALA_SEKSI = re.compile(rf"^(?:kepala\s+seksi\.?|{_SEKSI})\s+(.+)$")
_PELAKSANA = re.compile(
    r"^(?:staf+|pelaksana|pengadministrasi|pengelola|bendahara|pengurus|pengolah|pengemudi|caraka|"
    r"operator|penyusun|pramu\w*|petugas|juru|verifikator|analis|pranata)\b(.*)$"
)
_UNIT_PELAKSANA = re.compile(rf"\b(?:(sekretariat)\b|({_SUBBAGIAN})\s+(.+)|({_SEKSI})\s+(.+))")
_KATA_SAMBUNG = frozenset({"dan", "serta"})


def _rapikan(nama: str) -> str:
    """Lower case, '&' as 'dan', single spaces, without the office's name at the end."""
    teks = " ".join(nama.replace("&", " dan ").split()).casefold()
    return _AKHIRAN_KANTOR.sub("", teks).strip(" ,.-")


def _kunci_unit(unit: str) -> tuple[str, ...]:
    """'Pemerintahan & Pelayanan Umum Kecamatan X' and 'pemerintahan, dan pelayanan umum' agree."""
    return tuple(k for k in re.findall(r"\w+", _rapikan(unit)) if k not in _KATA_SAMBUNG)


def _jenis(nama: str) -> tuple[str, tuple[str, ...] | None]:
    """What a jabatan is: ('kepala' | 'sekretaris' | 'subbagian' | 'seksi' | 'pelaksana' |
    'lain', its unit's key or None)."""
    teks = _rapikan(nama)
    if _KEPALA.match(teks):
        return "kepala", None
    if _SEKRETARIS.match(teks):
        return "sekretaris", None
    if m := _KEPALA_SUBBAGIAN.match(teks):
        return "subbagian", _kunci_unit(m.group(1))
    if m := _KEPALA_SEKSI.match(teks):
        return "seksi", _kunci_unit(m.group(1))
    if m := _PELAKSANA.match(teks):
        unit = _UNIT_PELAKSANA.search(m.group(1))
        if unit is None or unit.group(1):
            return "pelaksana", None
        if unit.group(2):
            return "pelaksana", ("subbagian", *_kunci_unit(unit.group(3)))
        return "pelaksana", ("seksi", *_kunci_unit(unit.group(5)))
    return "lain", None


def nama_kepala(instansi: str | None) -> str:
    """The head of the office as the importer names it: 'Camat Banyuates', 'Lurah Gunung Sekar'."""
    if instansi and (m := re.match(r"\s*(kecamatan|kelurahan)\s+(.+)$", instansi, re.IGNORECASE)):
        sebutan = "Camat" if m.group(1).lower() == "kecamatan" else "Lurah"
        return f"{sebutan} {' '.join(m.group(2).split())}"
    return "Camat"


def _nama_sekretaris(instansi: str | None) -> str:
    if instansi and instansi.strip().lower().startswith("kelurahan"):
        return "Sekretaris Kelurahan"
    return "Sekretaris Kecamatan"


def lengkapi_atasan(jabatan: list[dict], instansi: str | None) -> list[tuple[int | None, str]]:
    """Fill ``atasan`` (and ``atasan_tebakan``) of the reader's jabatan dicts in place where the
    document states none; return a peringatan (line, text) for each jabatan left without one."""
    jenis = [_jenis(j["nama"]) for j in jabatan]
    kepala = next((j["nama"] for j, (k, _) in zip(jabatan, jenis) if k == "kepala"), nama_kepala(instansi))
    sekretaris = next((j["nama"] for j, (k, _) in zip(jabatan, jenis) if k == "sekretaris"), _nama_sekretaris(instansi))
    kepala_unit = {(k, *unit): j["nama"] for j, (k, unit) in zip(jabatan, jenis) if k in ("subbagian", "seksi")}
    peringatan: list[tuple[int | None, str]] = []
    for j, (k, unit) in zip(jabatan, jenis):
        if j.get("atasan"):
            j["atasan_tebakan"] = False
            continue
        if k == "kepala":
            atasan = None
        elif k in ("sekretaris", "seksi"):
            atasan = kepala
        elif k == "subbagian" or k == "pelaksana" and unit is None:
            atasan = sekretaris
        elif k == "pelaksana" and unit in kepala_unit:
            atasan = kepala_unit[unit]
        else:
            atasan = None
            sebab = (
                "kepala unitnya tidak ada di dokumen"
                if k == "pelaksana"
                else "namanya tidak dikenali sebagai jabatan di kecamatan"
            )
            pesan = f"atasan jabatan {j['nama']} tidak dapat ditebak ({sebab}); isi sendiri"
            peringatan.append((j.get("baris"), pesan))
        j["atasan"] = atasan
        j["atasan_tebakan"] = atasan is not None
    return peringatan
