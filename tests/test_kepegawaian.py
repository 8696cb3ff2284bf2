"""NIP and pangkat parsing (kinerja.kepegawaian)."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kinerja.kepegawaian import (
    PANGKAT,
    Nip,
    NipError,
    Pangkat,
    PangkatError,
    format_nip,
    is_valid_nip,
    parse_nip,
    parse_pangkat,
)

HARI_INI = date(2026, 6, 1)


# --------------------------------------------------------------------------------------------
# NIP: worked cases


@pytest.mark.parametrize(
    "text",
    [
        "19860627 201412 1 001",
        "198606272014121001",
        "NIP. 19860627 201412 1 001",
        "NIP 19860627 201412 1 001",
        "nip:19860627 201412 1 001",
        "NIP. : 19860627 201412 1 001",
        "  NIP.19860627  201412  1  001  ",
        "19860627.201412.1.001",
        "19860627-201412-1-001",
    ],
)
def test_nip_accepts_document_spellings(text):
    nip = parse_nip(text, hari_ini=HARI_INI)
    assert nip == Nip(
        digits="198606272014121001",
        tanggal_lahir=date(1986, 6, 27),
        tmt=(2014, 12),
        jenis_kelamin="L",
        urut=1,
        jenis="PNS",
    )
    assert str(nip) == "19860627 201412 1 001"


def test_nip_from_sampang_document():
    nip = parse_nip("NIP. 19780720 199804 1 001", hari_ini=HARI_INI)
    assert nip.tanggal_lahir == date(1978, 7, 20)
    assert nip.tmt == (1998, 4)
    assert format_nip("NIP. 19780720 199804 1 001") == "19780720 199804 1 001"


def test_nip_perempuan_and_serial():
    nip = parse_nip("19900101 201503 2 017", hari_ini=HARI_INI)
    assert nip.jenis_kelamin == "P"
    assert nip.urut == 17


def test_ni_pppk():
    nip = parse_nip("NI PPPK 199312282025212001", hari_ini=HARI_INI)
    assert nip.jenis == "PPPK"
    assert nip.tmt == (2025, None)
    assert nip.tanggal_lahir == date(1993, 12, 28)
    assert nip.jenis_kelamin == "P"
    assert str(nip) == "19931228 202521 2 001"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIP kosong"),
        ("NIP.", "NIP kosong"),
        ("19860627 201412 1 00", "NIP harus 18 digit, bukan 17"),
        ("19860627 201412 1 0011", "NIP harus 18 digit, bukan 19"),
        ("19860627 201412 1 OO1", "NIP hanya boleh berisi angka; ditemukan “O”"),
        ("19860230 201412 1 001", "Tanggal lahir 1986-02-30 pada NIP tidak ada"),
        ("19861301 201412 1 001", "Tanggal lahir 1986-13-01 pada NIP tidak ada"),
        ("19860000 201412 1 001", "Tanggal lahir 1986-00-00 pada NIP tidak ada"),
        ("19860627 201413 1 001", "Bulan TMT 13 pada NIP tidak sah (01–12 untuk PNS, 21 untuk PPPK)"),
        ("19860627 201400 1 001", "Bulan TMT 00 pada NIP tidak sah (01–12 untuk PNS, 21 untuk PPPK)"),
        ("19860627 201422 1 001", "Bulan TMT 22 pada NIP tidak sah (01–12 untuk PNS, 21 untuk PPPK)"),
        ("19300627 194912 1 001", "Tahun TMT 1949 pada NIP tidak masuk akal (harus 1950–2027)"),
        ("19860627 202812 1 001", "Tahun TMT 2028 pada NIP tidak masuk akal (harus 1950–2027)"),
        ("19860627 198512 1 001", "Usia saat TMT pada NIP -1 tahun, tidak masuk akal (harus 15–65 tahun)"),
        ("19860627 200105 1 001", "Usia saat TMT pada NIP 14 tahun, tidak masuk akal (harus 15–65 tahun)"),
        ("19400101 200602 1 001", "Usia saat TMT pada NIP 66 tahun, tidak masuk akal (harus 15–65 tahun)"),
        ("19860627 201412 3 001", "Kode jenis kelamin 3 pada NIP tidak sah (1 laki-laki, 2 perempuan)"),
        ("19860627 201412 0 001", "Kode jenis kelamin 0 pada NIP tidak sah (1 laki-laki, 2 perempuan)"),
        ("19860627 201412 1 000", "Nomor urut 000 pada NIP tidak sah (harus 001–999)"),
    ],
)
def test_nip_rejects_impossible_numbers(text, message):
    with pytest.raises(NipError) as excinfo:
        parse_nip(text, hari_ini=HARI_INI)
    assert str(excinfo.value) == message
    assert not is_valid_nip(text)


def test_nip_age_limits_are_inclusive():
    # Born June 1986: 15 years old in June 2001, 65 in June 2051.
    assert parse_nip("19860627 200106 1 001", hari_ini=HARI_INI).tmt == (2001, 6)
    assert parse_nip("19610627 202606 1 001", hari_ini=HARI_INI).tmt == (2026, 6)
    assert is_valid_nip("19610627 202606 1 001") is True


def test_nip_error_is_a_value_error():
    assert issubclass(NipError, ValueError)


def test_format_nip_raises_on_invalid():
    with pytest.raises(NipError):
        format_nip("123")


# --------------------------------------------------------------------------------------------
# NIP: properties


@st.composite
def nip_parts(draw):
    lahir = draw(st.dates(min_value=date(1885, 1, 1), max_value=date(2012, 12, 31)))
    pppk = draw(st.booleans())
    if pppk:
        tahun = lahir.year + draw(st.integers(15, 65))
        bulan = None
    else:
        bulan_sejak_lahir = lahir.month - 1 + draw(st.integers(15 * 12, 65 * 12))
        tahun, bulan = lahir.year + bulan_sejak_lahir // 12, bulan_sejak_lahir % 12 + 1
    assume(1950 <= tahun <= HARI_INI.year + 1)
    kelamin = draw(st.sampled_from("12"))
    urut = draw(st.integers(1, 999))
    return lahir, tahun, bulan, kelamin, urut


@given(nip_parts(), st.sampled_from(["", "NIP. ", "NIP ", "nip:"]), st.sampled_from([" ", "", "."]))
def test_every_valid_nip_formats_and_reparses(parts, awalan, pemisah):
    lahir, tahun, bulan, kelamin, urut = parts
    kode_bulan = "21" if bulan is None else f"{bulan:02d}"
    text = awalan + pemisah.join([lahir.strftime("%Y%m%d"), f"{tahun:04d}{kode_bulan}", kelamin, f"{urut:03d}"])
    nip = parse_nip(text, hari_ini=HARI_INI)
    assert nip.tanggal_lahir == lahir
    assert nip.tmt == (tahun, bulan)
    assert nip.jenis == ("PPPK" if bulan is None else "PNS")
    assert nip.jenis_kelamin == {"1": "L", "2": "P"}[kelamin]
    assert nip.urut == urut
    assert parse_nip(str(nip), hari_ini=HARI_INI) == nip
    assert str(nip).replace(" ", "") == nip.digits


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_random_18_digits_never_crash(digits):
    try:
        nip = parse_nip(digits, hari_ini=HARI_INI)
    except NipError as error:
        assert str(error)
    else:
        assert nip.digits == digits


@given(st.text())
def test_any_text_gives_nip_or_nip_error(text):
    try:
        parse_nip(text)
    except NipError:
        pass


# --------------------------------------------------------------------------------------------
# Pangkat

DAFTAR_RESMI = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]


def test_pangkat_table_is_complete_and_ordered():
    assert [(p.golongan, p.nama) for p in PANGKAT] == DAFTAR_RESMI
    assert list(PANGKAT) == sorted(PANGKAT)
    assert [p.urutan for p in PANGKAT] == list(range(17))
    assert PANGKAT[0] is Pangkat.I_A and PANGKAT[-1] is Pangkat.IV_E


def test_pangkat_attributes_and_str():
    assert Pangkat.IV_B.golongan == "IV/b"
    assert Pangkat.IV_B.ruang == "b"
    assert Pangkat.IV_B.nama == "Pembina Tingkat I"
    assert str(Pangkat.IV_B) == "Pembina Tingkat I (IV/b)"


def test_pangkat_ordering():
    assert Pangkat.III_D < Pangkat.IV_A
    assert Pangkat.IV_A <= Pangkat.IV_A
    assert Pangkat.IV_E > Pangkat.I_A
    assert max(Pangkat.II_C, Pangkat.III_A, Pangkat.I_D) is Pangkat.III_A
    with pytest.raises(TypeError):
        Pangkat.I_A < "I/b"  # noqa: B015


ARAB = {"I": "1", "II": "2", "III": "3", "IV": "4"}


def _spellings(pangkat: Pangkat) -> list[str]:
    """Ways documents write one pangkat: by name, by golongan, and both together."""
    nama, golongan = pangkat.nama, pangkat.golongan
    romawi, ruang = golongan.split("/")
    names = [nama, nama.upper(), nama.lower(), f"  {nama.replace(' ', '   ')}  "]
    if nama.endswith("Tingkat I"):
        dasar = nama.removesuffix(" Tingkat I")
        names += [f"{dasar} TK. I", f"{dasar} Tk.I", f"{dasar} Tk I", f"{dasar} Tkt. I", f"{dasar} Tingkat 1"]
    golongans = [
        golongan,
        golongan.upper(),
        golongan.lower(),
        f"{romawi}-{ruang}",
        f"{romawi} {ruang}",
        f"{romawi}{ruang}",
        f"{romawi} / {ruang}",
        f"{romawi}.{ruang}",
        f"{ARAB[romawi]}/{ruang}",
    ]
    both = [
        f"{nama} ({golongan})",
        f"{nama}, {golongan}",
        f"{nama} / {romawi} {ruang}",
        f"{nama} - {golongan.lower()}",
        f"Pangkat {nama}, Gol. {golongan}",
    ]
    return names + golongans + both


@pytest.mark.parametrize("pangkat", PANGKAT, ids=lambda p: p.golongan)
def test_parse_pangkat_all_spellings(pangkat):
    for text in _spellings(pangkat):
        assert parse_pangkat(text) is pangkat, text


@pytest.mark.parametrize(
    ("text", "pangkat"),
    [
        ("Pembina TK. I", Pangkat.IV_B),
        ("Pembina Tk.I", Pangkat.IV_B),
        ("Penata Tingkat I", Pangkat.III_D),
        ("Pembina, IV/a", Pangkat.IV_A),
        ("Penata Muda Tk. I (III/b)", Pangkat.III_B),
        ("III/d", Pangkat.III_D),
        ("IV-a", Pangkat.IV_A),
        ("iv/a", Pangkat.IV_A),
        ("Penata Tingkat I / III d", Pangkat.III_D),
        ("Juru Tingkat I (I/d)", Pangkat.I_D),
        ("Pembina Utama", Pangkat.IV_E),
        ("Pembina Utama Muda", Pangkat.IV_C),
    ],
)
def test_parse_pangkat_document_examples(text, pangkat):
    assert parse_pangkat(text) is pangkat


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Pangkat kosong"),
        ("   ", "Pangkat kosong"),
        ("Lurah", "Pangkat “Lurah” tidak dikenal"),
        ("Pembina Tingkat II", "Pangkat “Pembina Tingkat II” tidak dikenal"),
        ("V/a", "Pangkat “V/a” tidak dikenal"),
        ("IV/f", "Pangkat “IV/f” tidak dikenal"),
        (
            "Pembina (III/d)",
            "Pangkat “Pembina (III/d)” tidak konsisten: nama Pembina adalah golongan IV/a, "
            "tetapi tertulis golongan III/d",
        ),
        (
            "Penata Tingkat I, IV/b",
            "Pangkat “Penata Tingkat I, IV/b” tidak konsisten: nama Penata Tingkat I adalah "
            "golongan III/d, tetapi tertulis golongan IV/b",
        ),
        ("III/d IV/a", "Pangkat “III/d IV/a” memuat lebih dari satu golongan: III/d, IV/a"),
        # Ruang e is golongan IV's only (found by the property test below: "1E").
        ("1E", "Pangkat “1E” memuat golongan yang tidak ada: I/e"),
        ("Penata, III/e", "Pangkat “Penata, III/e” memuat golongan yang tidak ada: III/e"),
    ],
)
def test_parse_pangkat_errors(text, message):
    with pytest.raises(PangkatError) as excinfo:
        parse_pangkat(text)
    assert str(excinfo.value) == message
    assert isinstance(excinfo.value, ValueError)


def test_same_golongan_written_twice_is_fine():
    assert parse_pangkat("III/d (III-d)") is Pangkat.III_D


@given(st.text())
def test_parse_pangkat_any_text_gives_pangkat_or_error(text):
    try:
        assert parse_pangkat(text) in PANGKAT
    except PangkatError:
        pass
