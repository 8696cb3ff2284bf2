"""Exact evaluation, one row and column-wise, and the reasons given when there is no value."""

from decimal import Decimal, localcontext

import numpy as np
import pytest

from kinerja.rumus import (
    PRESISI,
    Hasil,
    RumusError,
    evaluate,
    evaluate_many,
    evaluate_many_hasil,
    parse,
    substitute,
)

RASIO = "a / b * 100"
KEHADIRAN = "pegawai * (hari_kerja - tidak_masuk) / (pegawai * hari_kerja) * 100"


def test_ratio_is_exact_to_the_working_precision() -> None:
    hasil = evaluate(RASIO, {"a": 6, "b": 7})
    with localcontext() as konteks:
        konteks.prec = PRESISI
        harapan = Decimal(6) / Decimal(7) * 100
    assert hasil == Hasil(harapan)
    assert hasil.nilai == Decimal(6) / Decimal(7) * 100  # what plain Decimal arithmetic gives
    assert hasil.nilai == Decimal("85.71428571428571428571428571")
    assert hasil.ada and hasil.alasan is None


def test_no_rounding_where_the_result_is_exact() -> None:
    assert evaluate("10 / 4 * 100", {}).nilai == Decimal("250")
    assert evaluate("0.1 + 0.2", {}).nilai == Decimal("0.3")
    assert evaluate("a + b", {"a": "0.1", "b": Decimal("0.2")}).nilai == Decimal("0.3")
    assert evaluate("a / 3 * 3", {"a": 1}).nilai == Decimal("0." + "9" * PRESISI)
    # A literal 100 keeps exponent 0, so results print without exponent notation.
    assert str(evaluate(RASIO, {"a": 1, "b": 2}).nilai) == "50.0"


@pytest.mark.parametrize(
    ("rumus", "nilai", "harapan"),
    [
        ("a", {"a": 17}, "17"),
        ("kejadian - target", {"kejadian": 12, "target": 15}, "-3"),
        ("(a + b + c) / (desa * 3) * 100", {"a": 5, "b": 6, "c": 7, "desa": 3}, "200"),
        (KEHADIRAN, {"pegawai": 20, "hari_kerja": 20, "tidak_masuk": 1}, "95"),
        ("-a * b", {"a": 2, "b": 3}, "-6"),
        ("a - b - c", {"a": 10, "b": 3, "c": 2}, "5"),
        ("a / b * 100", {"a": 3, "b": 4}, "75"),
        ("a / b / c", {"a": 8, "b": 4, "c": 2}, "1"),
        ("-a", {"a": 0}, "0"),
    ],
)
def test_formulas_from_documents(rumus: str, nilai: dict, harapan: str) -> None:
    hasil = evaluate(rumus, nilai).nilai
    assert hasil == Decimal(harapan)
    assert not hasil.is_signed() or hasil < 0  # never "-0"


def test_composite_and_attendance_equal_their_plain_ratio() -> None:
    komposit = evaluate("(a + b + c) / (desa * 3) * 100", {"a": 5, "b": 6, "c": 7, "desa": 7})
    assert komposit == evaluate(RASIO, {"a": 6, "b": 7})
    kehadiran = evaluate(KEHADIRAN, {"pegawai": 20, "hari_kerja": 22, "tidak_masuk": 3})
    assert kehadiran.nilai.quantize(Decimal("0.01")) == Decimal("86.36")


@pytest.mark.parametrize("penyebut", [0, "0", " 0.00 ", Decimal("-0")])
def test_zero_denominator_gives_no_value_with_reason(penyebut: object) -> None:
    nol = Hasil(None, "tidak dapat dihitung: penyebut nol")
    assert evaluate(RASIO, {"a": 5, "b": penyebut}) == nol
    # Not even when the quotient is multiplied by zero afterwards.
    assert evaluate("a / b * 0", {"a": 5, "b": penyebut}).nilai is None
    assert evaluate("0 / 0", {}).nilai is None


def test_missing_values_are_all_named_sorted_and_beat_other_problems() -> None:
    assert evaluate(RASIO, {"a": 5}) == Hasil(None, "tidak dapat dihitung: nilai b belum diisi")
    assert evaluate("c + a / b", {"b": 0, "a": None, "c": "  "}) == Hasil(
        None, "tidak dapat dihitung: nilai a, c belum diisi"
    )
    hasil = evaluate(RASIO, {"a": "x", "b": None})
    assert hasil.alasan == "tidak dapat dihitung: nilai b belum diisi"


@pytest.mark.parametrize(
    "salah",
    [
        *("x", "12,5", "1e3", "NaN", "", True, float("nan"), float("inf")),
        *(Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), [1], object()),
    ],
)
def test_non_numeric_value_names_the_variable(salah: object) -> None:
    hasil = evaluate("a + b", {"a": salah, "b": 1})
    assert hasil.nilai is None
    if salah == "":
        assert hasil.alasan == "tidak dapat dihitung: nilai a belum diisi"
    else:
        assert hasil.alasan == "tidak dapat dihitung: nilai a bukan angka"


@pytest.mark.parametrize(
    ("masukan", "harapan"),
    [
        ("12", "12"),
        ("12.5", "12.5"),
        (" 3 ", "3"),
        ("-4", "-4"),
        ("+.5", "0.5"),
        ("7.", "7"),
        (5, "5"),
        (Decimal("1.25"), "1.25"),
        (0.1, "0.1"),
        (np.int64(9), "9"),
        (np.float64(2.5), "2.5"),
    ],
)
def test_accepted_value_types(masukan: object, harapan: str) -> None:
    assert evaluate("a", {"a": masukan}).nilai == Decimal(harapan)


def test_formula_text_errors_still_raise() -> None:
    with pytest.raises(RumusError):
        evaluate("a +", {"a": 1})
    with pytest.raises(RumusError):
        evaluate_many(None, {})


def test_overflow_gives_no_value_instead_of_infinity() -> None:
    raksasa = Decimal("9E+999999999999999999")
    jangkauan = Hasil(None, "tidak dapat dihitung: hasil di luar jangkauan")
    assert evaluate("a * a", {"a": raksasa}) == jangkauan
    assert evaluate_many("a * a", {"a": [raksasa, 2]}) == [None, Decimal(4)]


def test_evaluate_many_matches_rows() -> None:
    kolom = {"a": [6, "3", None, 5, Decimal("0.1"), "x"], "b": np.array([7, 4, 1, 0, 3, 1])}
    hasil = evaluate_many(RASIO, kolom)
    baris = zip(kolom["a"], kolom["b"])
    assert hasil == [evaluate(RASIO, {"a": x, "b": y}).nilai for x, y in baris]
    assert hasil[1] == Decimal(75) and hasil[2:4] == [None, None] and hasil[5] is None


def test_evaluate_many_hasil_gives_reasons() -> None:
    kolom = {"a": [3, None, 5, "x"], "b": [4, 1, 0, 1]}
    assert evaluate_many_hasil(RASIO, kolom) == [
        Hasil(Decimal(75)),
        Hasil(None, "tidak dapat dihitung: nilai a belum diisi"),
        Hasil(None, "tidak dapat dihitung: penyebut nol"),
        Hasil(None, "tidak dapat dihitung: nilai a bukan angka"),
    ]


def test_evaluate_many_column_shapes() -> None:
    assert evaluate_many(RASIO, {"a": [], "b": []}) == []
    assert evaluate_many("a * 2", {"a": (1, 2)}) == [Decimal(2), Decimal(4)]
    # A variable without a column is missing in every row.
    assert evaluate_many(RASIO, {"a": [1, 2]}) == [None, None]
    assert evaluate_many("100", {"lain": [1, 2, 3]}) == [Decimal(100)] * 3
    with pytest.raises(RumusError, match="Panjang kolom tidak sama: a=2, b=3"):
        evaluate_many(RASIO, {"a": [1, 2], "b": [1, 2, 3]})


def test_evaluate_many_over_long_columns_agrees_with_one_at_a_time() -> None:
    # Its speed is printed by bench/compute.py; here only that long columns give the scalar answers.
    baris = 5_000
    kolom = {"a": [Decimal(i % 997) for i in range(baris)], "b": [i % 13 for i in range(baris)]}
    hasil = evaluate_many(RASIO, kolom)
    assert len(hasil) == baris and hasil[0] is None and hasil[1] == Decimal(100)
    for i in range(0, baris, 97):
        satu = evaluate(RASIO, {"a": kolom["a"][i], "b": kolom["b"][i]})
        assert hasil[i] == satu.nilai


def test_substitute_inlines_fixed_values() -> None:
    rumus = substitute("apbdes_tepat_waktu / jumlah_desa * 100", {"jumlah_desa": 7, "lain": 1})
    assert str(rumus) == "apbdes_tepat_waktu / 7 * 100"
    assert rumus.variables == {"apbdes_tepat_waktu"}
    assert str(substitute("a - k", {"k": Decimal("-2.50")})) == "a - -2.5"
    assert parse(str(substitute("a - k", {"k": "-2.5"}))) == substitute("a - k", {"k": "-2.5"})
    with pytest.raises(RumusError, match="'k' bukan angka"):
        substitute("a - k", {"k": "dua"})
    # A constant whose digits would not fit in a formula text is refused, not expanded.
    with pytest.raises(RumusError, match="terlalu panjang"):
        substitute("a - k", {"k": Decimal("1E+999999999")})
