"""Parsing formula text: grammar, canonical text, refusals with position and Indonesian message."""

import ast
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.rumus import (
    MAKS_KEDALAMAN,
    MAKS_PANJANG,
    Angka,
    Negasi,
    Operasi,
    Rumus,
    RumusError,
    Variabel,
    parse,
    validate,
)

PAKET = Path(__file__).resolve().parents[2] / "kinerja" / "rumus"


def a(nama: str) -> Variabel:
    return Variabel(nama)


def n(teks: str) -> Angka:
    return Angka(Decimal(teks))


@pytest.mark.parametrize(
    ("teks", "pohon"),
    [
        ("a / b * 100", Operasi("*", Operasi("/", a("a"), a("b")), n("100"))),
        ("a - b - c", Operasi("-", Operasi("-", a("a"), a("b")), a("c"))),
        ("a / b / c", Operasi("/", Operasi("/", a("a"), a("b")), a("c"))),
        ("a + b * c", Operasi("+", a("a"), Operasi("*", a("b"), a("c")))),
        ("(a + b) * c", Operasi("*", Operasi("+", a("a"), a("b")), a("c"))),
        ("a - (b - c)", Operasi("-", a("a"), Operasi("-", a("b"), a("c")))),
        ("-a * b", Operasi("*", Negasi(a("a")), a("b"))),
        ("a * -b", Operasi("*", a("a"), Negasi(a("b")))),
        ("a--b", Operasi("-", a("a"), Negasi(a("b")))),
        ("+a", a("a")),
        ("-5", Negasi(n("5"))),
        ("hari_kerja2", a("hari_kerja2")),
        ("x", a("x")),
    ],
)
def test_precedence_and_associativity(teks: str, pohon) -> None:
    assert parse(teks).akar == pohon


@pytest.mark.parametrize(
    ("teks", "kanonik"),
    [
        ("a/b*100", "a / b * 100"),
        ("((a)) / (b) * (100)", "a / b * 100"),
        ("(a + b + c) / (desa * 3) * 100", "(a + b + c) / (desa * 3) * 100"),
        ("a * (b / c)", "a * (b / c)"),
        ("(a * b) / c", "a * b / c"),
        ("a + (b + c)", "a + (b + c)"),
        ("-(a + b)", "-(a + b)"),
        ("- - a", "--a"),
        ("3. + .5 + 0.50 + 007 + 100.0", "3 + 0.5 + 0.5 + 7 + 100"),
        ("\ta\n/\u00a0b", "a / b"),
        # Document signs.
        ("a \u00d7 100%", "a * 100"),
        ("a / b \u00d7 100 %", "a / b * 100"),
        ("a \u00f7 b \u2212 c", "a / b - c"),
    ],
)
def test_canonical_text(teks: str, kanonik: str) -> None:
    rumus = parse(teks)
    assert str(rumus) == rumus.teks == kanonik
    assert parse(kanonik) == rumus


def test_rumus_is_immutable_hashable_and_equal_by_structure() -> None:
    rumus = parse("a / b * 100")
    assert rumus == parse("(a/b)*100") and hash(rumus) == hash(parse("(a/b)*100"))
    assert rumus != parse("a / (b * 100)")
    assert len({rumus, parse("a/b*100"), parse("a")}) == 2
    with pytest.raises(AttributeError):
        rumus.akar = Variabel("c")  # type: ignore[misc]
    assert repr(rumus) == "Rumus('a / b * 100')"


def test_variables() -> None:
    rumus = parse("pegawai * (hari_kerja - tidak_masuk) / (pegawai * hari_kerja) * 100")
    assert rumus.variables == frozenset({"pegawai", "hari_kerja", "tidak_masuk"})
    assert set(parse("100").variables) == set()


HOSTILE = [
    "",
    "   \n\t",
    "a +",
    "(a",
    "a)",
    "a b",
    "__import__('os')",
    "a.b",
    "f(x)",
    "a ** 2",
    "a // 2",
    "1e400",
    "2a",
    "1.2.3",
    ".",
    "A",
    "()",
    "* a",
    "a + * b",
    "a @ b",
    "a\x00b",
    "a = b",
    "a < b",
    "a, b",
    "a[0]",
    "'a'",
    "lambda: 1",
    "a;b",
    "j\u00fcmlah",
    "\u0663",  # ARABIC-INDIC DIGIT THREE: not a digit here
    "a + \u202eb",
    "100%",
    "a + b * 100%",
    "(a * 100)%",
    "a * 100% + b",
    "a%",
    "(" * 10_000 + "a" + ")" * 10_000,
    "(" * (MAKS_KEDALAMAN + 5) + "a" + ")" * (MAKS_KEDALAMAN + 5),
    "-" * (MAKS_KEDALAMAN + 5) + "a",
    " + ".join(["a"] * (MAKS_KEDALAMAN + 5)),
    "a + " * 250_000 + "a",
    "a" * (MAKS_PANJANG + 1),
]


@pytest.mark.parametrize("teks", HOSTILE, ids=lambda teks: repr(teks)[:30])
def test_hostile_text_raises_rumus_error_with_position(teks: str) -> None:
    with pytest.raises(RumusError) as info:
        parse(teks)
    assert isinstance(info.value.posisi, int)
    assert 0 <= info.value.posisi <= len(teks)
    assert str(info.value)


@pytest.mark.parametrize("bukan_teks", [None, 123, 1.5, b"a + b", ["a"], {"a": 1}, Decimal(1)])
def test_non_text_input_raises_rumus_error(bukan_teks: object) -> None:
    with pytest.raises(RumusError) as info:
        parse(bukan_teks)
    assert info.value.posisi == 0
    assert "harus berupa teks" in str(info.value)


@pytest.mark.parametrize(
    ("teks", "posisi", "pesan"),
    [
        ("", 0, "Rumus kosong"),
        ("a + b@", 5, "Karakter tidak dikenal '@' pada posisi 5"),
        ("a)", 1, "Kurung tutup ')' tidak ada pasangannya"),
        (")", 0, "Kurung tutup ')' tidak ada pasangannya"),
        ("a * ", 2, "Operator '*' tidak diikuti nilai"),
        ("a \u00d7", 2, "Operator '\u00d7' tidak diikuti nilai"),
        ("(a + b", 0, "Kurung buka '(' pada posisi 0 tidak ditutup"),
        ("a + ()", 4, "Kurung '()' kosong"),
        ("a b", 2, "Tidak ada operator di antara 'a' dan 'b'"),
        ("/ a", 0, "Operator '/' tidak didahului nilai"),
        ("f(x)", 0, "Pemanggilan fungsi 'f(...)' tidak diizinkan"),
        ("a.b", 1, "Akses atribut"),
        ("a ** 2", 2, "Operator '**' tidak diizinkan"),
        ("1e400", 1, "notasi eksponen"),
        ("__import__('os')", 0, "diawali huruf"),
        ("a + Jumlah_A", 4, "tulis 'jumlah_a'"),
        ("a + 100%", 7, "Tanda '%'"),
        ("a\x00", 1, "Karakter tidak dikenal '\\x00'"),
    ],
)
def test_error_messages_name_the_problem_and_place(teks: str, posisi: int, pesan: str) -> None:
    with pytest.raises(RumusError) as info:
        parse(teks)
    assert info.value.posisi == posisi
    assert pesan in str(info.value)


def test_limits() -> None:
    dalam = "(" * MAKS_KEDALAMAN + "a" + ")" * MAKS_KEDALAMAN
    assert parse(dalam) == parse("a")
    with pytest.raises(RumusError, match="terlalu bertingkat"):
        parse("(" + dalam + ")")
    with pytest.raises(RumusError, match="terlalu panjang") as info:
        parse("a" * (MAKS_PANJANG + 1))
    assert info.value.posisi == MAKS_PANJANG
    with pytest.raises(RumusError, match="terlalu bertingkat"):
        Rumus(Negasi(parse("-" * MAKS_KEDALAMAN + "a").akar))


def test_nodes_refuse_values_that_would_not_parse_back() -> None:
    for salah in (Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), 5):
        with pytest.raises(ValueError):
            Angka(salah)  # type: ignore[arg-type]
    for salah in ("A", "1a", "_a", "a.b", ""):
        with pytest.raises(ValueError):
            Variabel(salah)
    with pytest.raises(ValueError):
        Operasi("**", Variabel("a"), Variabel("b"))


def test_rumus_error_is_a_value_error_and_survives_pickling() -> None:
    with pytest.raises(RumusError) as info:
        parse("a +")
    salinan = pickle.loads(pickle.dumps(info.value))
    assert isinstance(salinan, ValueError)
    assert (salinan.posisi, str(salinan)) == (2, str(info.value))


def test_validate() -> None:
    assert validate("a / b * 100", ["a", "b", "c"]) == []
    assert validate("jumlah_dsa / b + zzz", ["jumlah_desa", "b"]) == [
        "Variabel 'jumlah_dsa' tidak dikenal; mungkin maksudnya 'jumlah_desa'?",
        "Variabel 'zzz' tidak dikenal",
    ]
    assert validate("a +", ["a"]) == ["Operator '+' tidak diikuti nilai pada posisi 2"]
    assert validate("abc * 2") == []
    assert validate(None, ["a"]) == ["Rumus harus berupa teks, bukan NoneType"]


def test_package_is_pure_python_without_eval() -> None:
    """No Django import and no way to run text as Python anywhere in the package."""
    for berkas in PAKET.glob("*.py"):
        for simpul in ast.walk(ast.parse(berkas.read_text(), str(berkas))):
            if isinstance(simpul, ast.Name):
                assert simpul.id not in {"eval", "exec", "compile", "__import__"}, berkas.name
            if isinstance(simpul, ast.Attribute):
                assert simpul.attr != "literal_eval", berkas.name
            if isinstance(simpul, ast.Import | ast.ImportFrom):
                modul = [alias.name for alias in simpul.names]
                modul.append(getattr(simpul, "module", None) or "")
                assert not any(m.startswith("django") for m in modul), berkas.name
    # And importing it does not pull Django in (pytest-django has imported it here already).
    kode = "import sys, kinerja.rumus; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", kode], check=False).returncode == 0
