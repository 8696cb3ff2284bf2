"""Respondent profile counts (pure)."""

from kinerja.survei.profil import TIDAK_DIISI, hitung_profil


def test_sexes_and_ages_are_grouped_and_blank_fields_left_out():
    responden = [
        {"jenis_kelamin": "L", "umur": "19", "pekerjaan": "Petani"},
        {"jenis_kelamin": "Laki - Laki", "umur": "30 tahun", "pekerjaan": "petani"},
        {"jenis_kelamin": "perempuan", "umur": "31", "pekerjaan": "PNS"},
        {"jenis_kelamin": "Wanita", "umur": "21-30", "pekerjaan": None},
        {"jenis_kelamin": "", "umur": "51.0", "pekerjaan": "Petani"},
    ]
    profil = hitung_profil(responden)
    assert list(profil) == ["Jenis Kelamin", "Umur", "Pekerjaan"]  # nobody gave pendidikan or jenis layanan
    assert [(k.label, k.jumlah) for k in profil["Jenis Kelamin"]] == [
        ("Laki-laki", 2),
        ("Perempuan", 2),
        (TIDAK_DIISI, 1),
    ]
    assert [(k.label, k.jumlah) for k in profil["Umur"]] == [
        ("≤ 20 tahun", 1),
        ("21–30 tahun", 1),
        ("31–40 tahun", 1),
        ("> 50 tahun", 1),
        ("21-30", 1),
    ]
    assert [(k.label, k.jumlah, k.persen) for k in profil["Pekerjaan"]] == [
        ("Petani", 3, 60.0),
        ("PNS", 1, 20.0),
        (TIDAK_DIISI, 1, 20.0),
    ]


def test_no_profile_at_all_gives_nothing():
    assert hitung_profil([{"U1": 4}, {"U1": 3, "umur": "  "}]) == {}
