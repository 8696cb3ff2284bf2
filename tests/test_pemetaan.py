"""kinerja.pemetaan: which existing jabatan a document's jabatan is (pure, no database)."""

from hypothesis import given
from hypothesis import strategies as st

from kinerja.pemetaan import MUNGKIN, YAKIN, cocokkan, normalisasi, skor

INSTANSI, WILAYAH = "Kecamatan Sukamaju", "Sukamaju"
ADA = [
    (1, "Camat Sukamaju"),
    (2, "Sekretaris Kecamatan"),
    (3, "Kepala Sub Bagian Umum dan Kepegawaian"),
    (4, "Kepala Sub Bagian Perencanaan dan Keuangan"),
    (5, "Kepala Seksi Pemerintahan"),
    (6, "Kepala Seksi Ketentraman dan Ketertiban Umum"),
    (7, "Kepala Seksi Pemberdayaan Masyarakat dan Desa"),
    (8, "Kepala Seksi Kesejahteraan Sosial"),
    (9, "Kepala Seksi Pelayanan Umum"),
]


def satu(nama):
    return cocokkan([nama], ADA, INSTANSI, WILAYAH)[0]


def test_abbreviations_and_their_long_forms_are_one_jabatan():
    for nama, harap in (
        ("Sekcam", 2),
        ("Sekretaris Camat", 2),
        ("SEKRETARIS KECAMATAN", 2),
        ("Kasi Trantib", 6),
        ("Kepala Seksi Ketentraman dan Ketertiban", 6),
        ("Kasubag Umpeg", 3),
        ("Kasubbag Umum dan Kepegawaian", 3),
        ("Kasi PMD", 7),
        ("Kepala Seksi Pemberdayaan Masyarakat Desa", 7),
        ("Kasi Kesos", 8),
        ("Kasi Pemerintahan", 5),
    ):
        c = satu(nama)
        assert (c.id, c.yakin) == (harap, True), (nama, c)


def test_the_office_name_as_suffix_is_ignored_but_not_the_post_it_names():
    assert normalisasi("Sekretaris Kecamatan Sukamaju", INSTANSI, WILAYAH) == "sekretaris kecamatan"
    assert normalisasi("Kepala Seksi Pemerintahan Kecamatan Sukamaju", INSTANSI, WILAYAH) == "kepala seksi pemerintahan"
    assert normalisasi("Camat Sukamaju", INSTANSI, WILAYAH) == "camat"
    assert satu("Sekretaris Kecamatan Sukamaju").id == 2
    assert satu("Kepala Seksi Kesejahteraan Sosial Kecamatan Sukamaju").id == 8


def test_a_unit_named_without_its_head_is_its_head():
    assert satu("Sub Bagian Umum dan Kepegawaian").id == 3


def test_a_partial_resemblance_is_a_suggestion_to_confirm_not_a_sure_match():
    c = satu("Kepala Seksi Pelayanan Umum dan Informasi")
    assert c.id == 9 and MUNGKIN <= c.keyakinan < YAKIN and not c.yakin
    c = satu("Sub Bagian Keuangan")
    assert c.id == 4 and MUNGKIN <= c.keyakinan < YAKIN


def test_different_kinds_of_post_and_unrelated_names_do_not_match():
    assert satu("Kepala Seksi Pembangunan").id is None
    assert skor(normalisasi("Kepala Seksi Umum"), normalisasi("Kepala Sub Bagian Umum")) < MUNGKIN
    assert cocokkan(["Kepala Seksi Pemerintahan"], [], INSTANSI, WILAYAH)[0].id is None


def test_one_existing_jabatan_goes_to_one_name_of_the_document():
    hasil = cocokkan(["Kepala Seksi Pelayanan Umum", "Kepala Seksi Pelayanan Umum dan Informasi"], ADA[8:])
    assert [c.id for c in hasil] == [9, None]


def test_among_equally_good_matches_the_exact_spelling_wins():
    ada = [(1, "Sekretaris Kecamatan"), (2, "Sekretaris Kecamatan Sukamaju")]
    assert satu_dari("Sekretaris Kecamatan Sukamaju", ada).id == 2
    assert satu_dari("Sekretaris Kecamatan", ada).id == 1


def satu_dari(nama, ada):
    return cocokkan([nama], ada, INSTANSI, WILAYAH)[0]


@given(st.text(min_size=1, max_size=60))
def test_a_name_always_matches_itself_surely_and_scores_stay_between_0_and_1(nama):
    n = normalisasi(nama, INSTANSI, WILAYAH)
    assert skor(n, n) == 1.0
    for _, ada in ADA:
        assert 0.0 <= skor(n, normalisasi(ada, INSTANSI, WILAYAH)) <= 1.0
