"""The checks never raise, whatever dict the importer (or a hand-edited JSON) may give them."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.mutu import JENIS, TINGKAT, periksa

teks = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.sampled_from(
        ["Persentase a", "Jumlah b / Jumlah c x 100 %", "Camat X", "", "a / b * 100", "a / ", "Seksi Trantib"]
    ),
)
aneh = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    teks,
    st.lists(teks, max_size=3),
    st.dictionaries(st.text(max_size=5), teks, max_size=3),
)


def _kamus(kunci: dict):
    """A dict with some of the known keys (each either of its usual shape or odd) and odd extra keys."""
    return st.fixed_dictionaries({}, optional={k: st.one_of(v, aneh) for k, v in kunci.items()})


variabel = _kamus(
    {
        "kode": st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
        "uraian": teks,
        "nilai_tetap": st.one_of(st.integers(), st.none()),
    }
)
formula = _kamus(
    {
        "teks": teks,
        "ekspresi": st.one_of(
            teks, st.sampled_from(["a / b * 100", "a - b", "a * a", "(a + b) / (c * 3) * 100", "a /"])
        ),
        "variabel": st.lists(variabel, max_size=3),
    }
)
indikator = _kamus(
    {
        "nama": teks,
        "formula": formula,
        "satuan": teks,
        "sumber_data": teks,
        "catatan": teks,
        "baris": st.one_of(st.integers(), st.none()),
        "induk": st.lists(teks, max_size=2),
    }
)
sasaran = _kamus({"uraian": teks, "indikator": st.lists(indikator, max_size=3), "baris": st.integers()})
jabatan = _kamus(
    {
        "nama": teks,
        "atasan": teks,
        "tugas": st.lists(teks, max_size=2),
        "fungsi": st.lists(teks, max_size=2),
        "sasaran": st.lists(sasaran, max_size=2),
        "baris": st.integers(),
    }
)
sk = _kamus(
    {
        "nomor": teks,
        "tanggal": teks,
        "penandatangan": teks,
        "jabatan_penandatangan": teks,
        "nip": teks,
        "mengingat": st.lists(teks, max_size=2),
    }
)
dokumen = st.one_of(
    aneh,
    _kamus(
        {
            "instansi": teks,
            "kabupaten": teks,
            "tahun": st.one_of(st.integers(), teks),
            "sk": sk,
            "jabatan": st.lists(jabatan, max_size=4),
        }
    ),
)
baris_teks = st.one_of(st.none(), st.lists(st.one_of(st.tuples(st.integers(), st.text(max_size=80)), aneh), max_size=6))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(dokumen, baris_teks)
def test_checks_never_raise_and_give_well_formed_findings(data, baris):
    for t in periksa(data, baris):
        assert t["jenis"] in JENIS and t["tingkat"] in TINGKAT
        assert isinstance(t["pesan"], str) and t["pesan"]
        assert t["baris"] is None or (isinstance(t["baris"], int) and t["baris"] > 0)
