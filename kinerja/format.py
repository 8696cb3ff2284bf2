"""Indonesian display and reading of numbers and dates: "1.234.567,89", "85,71%", "20 Januari 2022".

Pure Python, no Django, no locale module (the server's locale must not change a report).
Rounding happens here and only here (DESIGN.md §4): values stay exact Decimals until displayed,
then round half up, as people round by hand and as Excel does for displayed values.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal

__all__ = [
    "KOSONG",
    "NAMA_BULAN",
    "format_angka",
    "format_persen",
    "format_tanggal",
    "parse_angka",
    "parse_tanggal",
]

KOSONG = "–"
"""What format_angka and format_persen show for a missing value (an en dash)."""

NAMA_BULAN: dict[int, str] = {
    1: "Januari",
    2: "Februari",
    3: "Maret",
    4: "April",
    5: "Mei",
    6: "Juni",
    7: "Juli",
    8: "Agustus",
    9: "September",
    10: "Oktober",
    11: "November",
    12: "Desember",
}

# Quantizing must never fail for lack of precision, however large the number.
_KONTEKS_TANPA_BATAS = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
# Every position followed by a multiple of three digits up to the end: where a "." goes.
_BATAS_RIBUAN = re.compile(r"(?<=[0-9])(?=(?:[0-9]{3})+$)")


def _ke_decimal(value: Decimal | int | float) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise TypeError(f"format_angka() needs Decimal, int or float, not {type(value).__name__}")
    # str() first so that 0.1 stays 0.1 instead of 0.1000000000000000055511151231257827.
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"Nilai {value} bukan bilangan yang dapat ditampilkan")
    return number


def format_angka(value: Decimal | int | float | None, desimal: int = 2) -> str:
    """Format a number the Indonesian way: ``1.234.567,89``; ``None`` gives ``–``.

    Rounds half up to ``desimal`` places (85.715 → "85,72"); a value that rounds to zero
    shows no minus sign.
    """
    if value is None:
        return KOSONG
    if desimal < 0:
        raise ValueError("desimal tidak boleh negatif")
    rounded = _ke_decimal(value).quantize(
        Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP, context=_KONTEKS_TANPA_BATAS
    )
    bulat, _, pecahan = format(abs(rounded), "f").partition(".")
    kelompok = _BATAS_RIBUAN.sub(".", bulat)
    tanda = "-" if rounded < 0 else ""
    return f"{tanda}{kelompok},{pecahan}" if pecahan else f"{tanda}{kelompok}"


def format_angka_ringkas(value: Decimal | int | float | None, desimal: int = 2) -> str:
    """Like ``format_angka`` without trailing zeros: a count 12 is "12", not "12,00"; 82.5 is "82,5"."""
    teks = format_angka(value, desimal)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def cara_baca_angka(text: str) -> str | None:
    """How an ambiguous number was read, for a notice beside the saved value; None when it is plain.

    "1,000" and "12,500" could be an English thousands separator, but the Indonesian convention reads
    the comma as the decimal separator (1 and 12,5); saying so lets the user correct it at once.
    """
    teks = text.strip().removesuffix("%").strip()
    if _KOMA_TIGA_ANGKA.fullmatch(teks):
        angka = parse_angka(teks)
        return (
            f"“{text.strip()}” dibaca sebagai {format_angka_ringkas(angka, 3)} (koma adalah pemisah desimal); "
            f"jika yang dimaksud {teks.replace(',', '')}, tulis {teks.replace(',', '.')} atau {teks.replace(',', '')}."
        )
    return None


def format_persen(value: Decimal | int | float | None, desimal: int = 2) -> str:
    """``85,71%``; ``None`` gives ``–`` without a percent sign."""
    return KOSONG if value is None else f"{format_angka(value, desimal)}%"


_ANGKA = re.compile(r"[+\-−]?[0-9.,]+")
_KOMA_TIGA_ANGKA = re.compile(r"[+\-−]?[0-9]{1,3},[0-9]{3}")
_RIBUAN_TITIK = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_RIBUAN_KOMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_DIGIT = re.compile(r"[0-9]+")


def parse_angka(text: str) -> Decimal:
    """Read a number as Indonesians write it: "85,71", "1.234,5", "-3,50", "85,71%".

    The Indonesian convention decides: "," is the decimal separator and "." groups thousands,
    so "1.234" is 1234 and "1.234.567" is 1234567. A single "." that cannot be a thousands
    separator is read as a decimal point ("1234.5", "85.71"), since that is what spreadsheets
    and exported data write. When both "." and "," appear, the last one is the decimal
    separator ("1.234,5" and "1,234.5" are both 1234.5). A trailing "%" is ignored.
    Anything else raises ValueError with a message for the user.
    """
    teks = text.strip().removesuffix("%").strip()
    if not teks:
        raise ValueError("Angka kosong")
    if not _ANGKA.fullmatch(teks):
        raise ValueError(f"“{text.strip()}” bukan angka")
    negatif = teks[0] in "-−"
    badan = teks.lstrip("+-−")

    if "," in badan and "." in badan:
        desimal_sep = "," if badan.rfind(",") > badan.rfind(".") else "."
        bulat, _, pecahan = badan.rpartition(desimal_sep)
        ribuan = _RIBUAN_TITIK if desimal_sep == "," else _RIBUAN_KOMA
        if not ribuan.fullmatch(bulat):
            raise ValueError(f"“{text.strip()}” bukan angka: pemisah ribuan tidak tepat")
    elif "," in badan:
        bulat, _, pecahan = badan.partition(",")
    elif _RIBUAN_TITIK.fullmatch(badan):
        bulat, pecahan = badan, ""
    elif "." in badan:
        bulat, _, pecahan = badan.partition(".")
    else:
        bulat, pecahan = badan, ""

    bulat = bulat.replace(".", "").replace(",", "")
    if not _DIGIT.fullmatch(bulat) or (pecahan and not _DIGIT.fullmatch(pecahan)) or (badan.endswith((",", "."))):
        raise ValueError(f"“{text.strip()}” bukan angka")
    angka = Decimal(f"{bulat}.{pecahan}" if pecahan else bulat)
    return -angka if negatif else angka


def format_tanggal(tanggal: date) -> str:
    """``20 Januari 2022`` (day without a leading zero, as in decrees)."""
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month]} {tanggal.year}"


# Full names, abbreviations, and the older spellings still found in decrees (Pebruari, Nopember).
_EJAAN_BULAN: dict[str, int] = {
    ejaan: bulan
    for bulan, ejaans in {
        1: ("januari", "jan"),
        2: ("februari", "pebruari", "feb", "peb"),
        3: ("maret", "mar"),
        4: ("april", "apr"),
        5: ("mei",),
        6: ("juni", "jun"),
        7: ("juli", "jul"),
        8: ("agustus", "agu", "agt", "ags", "agust"),
        9: ("september", "sep", "sept"),
        10: ("oktober", "okt"),
        11: ("november", "nopember", "nov", "nop"),
        12: ("desember", "des"),
    }.items()
    for ejaan in ejaans
}
_TANGGAL_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TANGGAL_ANGKA = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TANGGAL_NAMA = re.compile(r"(\d{1,2})[\s\-]*([a-z]+)\.?[\s\-]*(\d{4})")


def parse_tanggal(text: str) -> date:
    """Read "20 Januari 2022", "2 Jan 2020", "6 Nopember 2020", "06-01-2020" or "2020-01-06".

    Numeric dates other than ISO are day first (06-01-2020 is 6 January), as Indonesians write.
    """
    teks = " ".join(text.lower().split())
    if m := _TANGGAL_ISO.fullmatch(teks):
        tahun, bulan, hari = (int(g) for g in m.groups())
    elif m := _TANGGAL_ANGKA.fullmatch(teks):
        hari, bulan, tahun = (int(g) for g in m.groups())
    elif (m := _TANGGAL_NAMA.fullmatch(teks)) and m[2] in _EJAAN_BULAN:
        hari, bulan, tahun = int(m[1]), _EJAAN_BULAN[m[2]], int(m[3])
    else:
        raise ValueError(f"Tanggal “{text.strip()}” tidak dikenali; tulis misalnya 20 Januari 2022 atau 2022-01-20")
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        raise ValueError(f"Tanggal “{text.strip()}” tidak ada") from None
