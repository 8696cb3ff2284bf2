"""The index itself: NRR per unsur, IKM, mutu, per jenis layanan, and the minimum sample.

All arithmetic is done on exact fractions; results are handed out as :class:`~decimal.Decimal`
(28 significant digits), and the mutu letter is decided on the exact, unrounded value (see
:func:`tentukan_mutu`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction

from kinerja.ikm.errors import IKMError
from kinerja.ikm.kolom import KUNCI_PROFIL
from kinerja.ikm.regulasi import AmbangMutu, Regulasi, ambil_regulasi

SEMUA = "Semua"
"""Key of the overall result in :func:`hitung_ikm_per_layanan`."""

BOBOT_TEPAT = "tepat"
BOBOT_LAMA = "lama"

_KONTEKS = Context(prec=28)
_SKALA_UNIT_PELAYANAN = 25  # IKM 1–4 × 25 = IKM unit pelayanan 25–100
_SERATUS = Decimal("0.01")


@dataclass(frozen=True)
class HasilIKM:
    """The survey result under one regulation and weighting.

    ``nrr`` and ``nrr_tertimbang`` are keyed by unsur code in regulation order; an unsur nobody
    answered has ``None`` and is left out of the index (see ``peringatan``).
    """

    regulasi: str
    bobot: str
    nilai: Decimal
    nilai_1_4: Decimal
    mutu: str
    kinerja: str
    nrr: dict[str, Decimal | None]
    nrr_tertimbang: dict[str, Decimal | None]
    bobot_unsur: Decimal
    jumlah_responden: int
    responden_per_unsur: dict[str, int]
    peringatan: list[str]
    populasi: int | None
    sampel_minimum: int | None

    @property
    def nilai_dibulatkan(self) -> Decimal:
        """The IKM as reports print it: two decimals, rounded half up."""
        return self.nilai.quantize(_SERATUS, rounding=ROUND_HALF_UP)

    def unsur_terlemah(self, jumlah: int = 3) -> list[str]:
        """Codes of the ``jumlah`` unsur with the lowest NRR (improvement priorities), lowest first."""
        urutan = {kode: i for i, kode in enumerate(self.nrr)}
        terjawab = [(nrr, urutan[kode], kode) for kode, nrr in self.nrr.items() if nrr is not None]
        return [kode for _, _, kode in sorted(terjawab)[:jumlah]]


def hitung_ikm(
    jawaban: Iterable[Mapping[str, object]],
    regulasi: str = "2017",
    bobot: str = BOBOT_TEPAT,
    *,
    populasi: int | None = None,
) -> HasilIKM:
    """Compute the IKM from respondents' answers.

    ``jawaban``: one mapping per respondent from unsur code (``"U1"`` … ``"U9"`` for 2017,
    ``"U1"`` … ``"U14"`` for 2004) to a score 1–4 as int, integral Decimal/float or numeric string;
    ``None``, ``""`` or a missing key means the unsur was skipped and does not count for it.
    Profile keys (``jenis_layanan``, ``umur`` …) are ignored, so rows read by
    :func:`kinerja.ikm.berkas.baca_responden` can be passed as they are.

    ``bobot="tepat"`` weighs every unsur 1/n exactly; ``bobot="lama"`` uses 1/n rounded to three
    decimals (0.111 for 9 unsur, 0.071 for 14) to reproduce old reports, so all-4 answers give
    99.9 and 99.4 instead of 100. ``populasi`` adds a warning when the sample is smaller than the
    Krejcie–Morgan minimum.

    Raises :class:`IKMError` naming the 1-based respondent row for a score outside 1–4 or an
    unknown key, and for input without any answer.
    """
    aturan = ambil_regulasi(regulasi)
    jenis_bobot = _periksa_bobot(bobot)
    baris, peringatan = _validasi(jawaban, aturan)
    return _hitung(baris, aturan, jenis_bobot, populasi, peringatan)


def hitung_ikm_per_layanan(
    responden: Iterable[Mapping[str, object]],
    regulasi: str = "2017",
    bobot: str = BOBOT_TEPAT,
    *,
    populasi: int | None = None,
) -> dict[str, HasilIKM]:
    """The IKM overall (key :data:`SEMUA`, first) and per ``jenis_layanan`` (then alphabetically).

    Service names are compared ignoring case and repeated spaces; the first spelling seen is kept.
    Respondents without a jenis layanan count only in the overall result. ``populasi`` concerns
    the whole survey, so it is applied to the overall result only.
    """
    aturan = ambil_regulasi(regulasi)
    jenis_bobot = _periksa_bobot(bobot)
    baris, peringatan_semua = _validasi(responden, aturan)

    kelompok: dict[str, list[_Baris]] = {}
    nama_tampil: dict[str, str] = {}
    tanpa_layanan = 0
    for satu in baris:
        nama = " ".join(str(satu.asli.get("jenis_layanan") or "").split())
        if not nama:
            tanpa_layanan += 1
            continue
        if nama.casefold() == SEMUA.casefold():
            raise IKMError(f"Baris {satu.nomor}: jenis layanan tidak boleh bernama '{SEMUA}'")
        kunci = nama.casefold()
        nama_tampil.setdefault(kunci, nama)
        kelompok.setdefault(kunci, []).append(satu)

    if kelompok and tanpa_layanan:
        peringatan_semua.append(f"{tanpa_layanan} responden tanpa jenis layanan hanya dihitung pada hasil '{SEMUA}'.")
    hasil = {SEMUA: _hitung(baris, aturan, jenis_bobot, populasi, peringatan_semua)}
    for kunci in sorted(kelompok):
        hasil[nama_tampil[kunci]] = _hitung(kelompok[kunci], aturan, jenis_bobot, None, [])
    return hasil


def tentukan_mutu(nilai: Decimal | Fraction | int | str, regulasi: str = "2017") -> AmbangMutu:
    """Mutu letter and kinerja label for an IKM on the 25–100 scale.

    The comparison is made on the value as given, not on its two-decimal rounding: 88.305 is "B"
    under 2017 although a report prints it as 88.31. The conversion table is written in two
    decimals with gaps (…76.60 | 76.61…); comparing ``>=`` against the lower bounds closes the gaps
    without inventing a rounding step.
    """
    aturan = ambil_regulasi(regulasi)
    tepat = Fraction(nilai)
    return next(a for a in aturan.ambang_mutu if tepat >= Fraction(a.batas_bawah))


def sampel_minimum(populasi: int) -> int:
    """Krejcie–Morgan minimum sample: round(3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25)), half up.

    Computed exactly: N=100 → 80, N=1000 → 278, N=10000 → 370.
    """
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise IKMError(f"Populasi harus bilangan bulat positif, bukan {populasi!r}")
    chi_kuadrat, proporsi, galat_kuadrat = Fraction("3.841"), Fraction("0.25"), Fraction("0.0025")
    sampel = chi_kuadrat * populasi * proporsi / (galat_kuadrat * (populasi - 1) + chi_kuadrat * proporsi)
    return int(sampel + Fraction(1, 2))  # floor(x + ½) = round half up for positive x


def baca_skor(nilai: object) -> int | None:
    """One answer as an int 1–4, or ``None`` when skipped (``None`` or blank text).

    Raises :class:`IKMError` with the reason (without row or unsur; callers add them).
    """
    if nilai is None:
        return None
    if isinstance(nilai, str):
        teks = nilai.strip()
        if not teks:
            return None
        tampil = f"'{teks}'"
        try:
            angka = Decimal(teks.replace(",", "."))  # "3,0" is how Indonesian locales write 3.0
        except InvalidOperation:
            raise IKMError(f"nilai {tampil} bukan angka 1–4") from None
    elif isinstance(nilai, (int, float, Decimal)) and not isinstance(nilai, bool):
        tampil = str(nilai)
        angka = Decimal(nilai)
    else:
        raise IKMError(f"nilai '{nilai}' bukan angka 1–4")
    if not angka.is_finite() or angka != angka.to_integral_value():
        raise IKMError(f"nilai {tampil} bukan bilangan bulat 1–4")
    if not 1 <= angka <= 4:
        raise IKMError(f"nilai {tampil} di luar rentang 1–4")
    return int(angka)


@dataclass(frozen=True)
class _Baris:
    nomor: int  # 1-based position in the input, for messages
    asli: Mapping[str, object]
    skor: dict[str, int]  # answered unsur only


def _periksa_bobot(bobot: str) -> str:
    if bobot not in (BOBOT_TEPAT, BOBOT_LAMA):
        raise IKMError(f'Bobot tidak dikenal: {bobot!r} (pilih "{BOBOT_TEPAT}" atau "{BOBOT_LAMA}")')
    return bobot


def _validasi(jawaban: Iterable[Mapping[str, object]], aturan: Regulasi) -> tuple[list[_Baris], list[str]]:
    """Check every answer; keep the respondents who answered at least one unsur, warn about the rest."""
    kode_sah = set(aturan.kode_unsur)
    hasil = []
    for nomor, asli in enumerate(jawaban, start=1):
        if not isinstance(asli, Mapping):
            raise IKMError(f"Baris {nomor}: jawaban harus berupa pemetaan kode unsur ke nilai")
        skor = {}
        for kunci, nilai in asli.items():
            if kunci in KUNCI_PROFIL:
                continue
            if kunci not in kode_sah:
                raise IKMError(
                    f"Baris {nomor}: {kunci!r} bukan kode unsur regulasi {aturan.kode} "
                    f"({aturan.kode_unsur[0]}–{aturan.kode_unsur[-1]})"
                )
            try:
                angka = baca_skor(nilai)
            except IKMError as e:
                raise IKMError(f"Baris {nomor}, {kunci}: {e}") from None
            if angka is not None:
                skor[kunci] = angka
        hasil.append(_Baris(nomor, asli, skor))
    if not hasil:
        raise IKMError("Tidak ada responden")
    terisi = [b for b in hasil if b.skor]
    if not terisi:
        raise IKMError("Tidak ada responden yang mengisi jawaban")
    kosong = [b.nomor for b in hasil if not b.skor]
    peringatan = []
    if kosong:
        peringatan.append(
            f"{len(kosong)} baris tidak menjawab satu unsur pun dan tidak dihitung sebagai responden "
            f"(baris {daftar_nomor(kosong)})."
        )
    return terisi, peringatan


def daftar_nomor(nomor: list[int], batas: int = 10) -> str:
    """``"3, 7, 9"``, or the first ``batas`` numbers followed by "dst." for long lists."""
    teks = ", ".join(map(str, nomor[:batas]))
    return teks + ", dst." if len(nomor) > batas else teks


def _hitung(
    baris: list[_Baris],
    aturan: Regulasi,
    bobot: str,
    populasi: int | None,
    peringatan: list[str],
) -> HasilIKM:
    jumlah = dict.fromkeys(aturan.kode_unsur, 0)
    banyak = dict.fromkeys(aturan.kode_unsur, 0)
    for satu in baris:
        for kode, angka in satu.skor.items():
            jumlah[kode] += angka
            banyak[kode] += 1

    # An unsur nobody answered has no NRR; counting it as 0 would punish the unit for a gap in the
    # data, so it is left out and the weight 1/n is spread over the unsur that were answered.
    terjawab = [kode for kode in aturan.kode_unsur if banyak[kode]]
    for unsur in aturan.unsur:
        if not banyak[unsur.kode]:
            peringatan.append(
                f"Unsur {unsur.label} tidak dijawab satu responden pun; unsur ini tidak dihitung "
                f"dan bobotnya dibagi rata ke {len(terjawab)} unsur lainnya."
            )
    bobot_unsur = Fraction(1, len(terjawab))
    if bobot == BOBOT_LAMA:
        bobot_unsur = Fraction(_ke_decimal(bobot_unsur).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))

    nrr = {kode: Fraction(jumlah[kode], banyak[kode]) if banyak[kode] else None for kode in aturan.kode_unsur}
    tertimbang = {kode: None if n is None else n * bobot_unsur for kode, n in nrr.items()}
    nilai_1_4 = sum(t for t in tertimbang.values() if t is not None)
    nilai = nilai_1_4 * _SKALA_UNIT_PELAYANAN
    mutu = tentukan_mutu(nilai, aturan.kode)

    minimum = None
    if populasi is not None:
        minimum = sampel_minimum(populasi)
        if len(baris) < minimum:
            peringatan.append(
                f"Jumlah responden ({len(baris)}) kurang dari sampel minimum Krejcie–Morgan ({minimum}) "
                f"untuk populasi {populasi}."
            )
        elif len(baris) > populasi:
            peringatan.append(f"Jumlah responden ({len(baris)}) melebihi populasi ({populasi}).")

    return HasilIKM(
        regulasi=aturan.kode,
        bobot=bobot,
        nilai=_ke_decimal(nilai),
        nilai_1_4=_ke_decimal(nilai_1_4),
        mutu=mutu.mutu,
        kinerja=mutu.kinerja,
        nrr={kode: _ke_decimal_atau_none(n) for kode, n in nrr.items()},
        nrr_tertimbang={kode: _ke_decimal_atau_none(t) for kode, t in tertimbang.items()},
        bobot_unsur=_ke_decimal(bobot_unsur),
        jumlah_responden=len(baris),
        responden_per_unsur=banyak,
        peringatan=peringatan,
        populasi=populasi,
        sampel_minimum=minimum,
    )


def _ke_decimal(pecahan: Fraction) -> Decimal:
    return _KONTEKS.divide(Decimal(pecahan.numerator), Decimal(pecahan.denominator))


def _ke_decimal_atau_none(pecahan: Fraction | None) -> Decimal | None:
    return None if pecahan is None else _ke_decimal(pecahan)
