"""The diff between two documents, over plain interchange dicts (no database)."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.iki.beda import bandingkan, pasangkan


def indikator(nama, ekspresi="a / b * 100", target=None, identitas="", **lain):
    return {
        "nama": nama,
        "formula": {
            "teks": "",
            "ekspresi": ekspresi,
            "variabel": [
                {"kode": "a", "uraian": "Surat selesai", "agregasi": "jumlah", "konstanta": None},
                {"kode": "b", "uraian": "Surat masuk", "agregasi": "jumlah", "konstanta": None},
            ],
        },
        "satuan": "%",
        "polaritas": "positif",
        "target": target or {},
        "identitas": identitas,
    } | lain


def dokumen():
    return {
        "sk": {"nomor": "188/1/2025", "tanggal": "2025-01-06", "tempat": "Uji", "penandatangan": "Ahmad"},
        "jabatan": [
            {
                "nama": "Camat",
                "tugas": ["Memimpin kecamatan"],
                "fungsi": ["Koordinasi"],
                "sasaran": [
                    {
                        "uraian": "Meningkatnya pelayanan",
                        "indikator": [
                            indikator("Persentase surat selesai tepat waktu", target={"TAHUN": ["90", None]}),
                            indikator("Nilai IKM", ekspresi="ikm", target={"TAHUN": ["80", "85"]}),
                        ],
                    }
                ],
            },
            {
                "nama": "Sekretaris Kecamatan",
                "tugas": ["Membantu camat"],
                "fungsi": [],
                "sasaran": [{"uraian": "Tertib administrasi", "indikator": [indikator("Persentase LPJ tepat waktu")]}],
            },
        ],
    }


def test_nothing_changed_is_empty():
    beda = bandingkan(dokumen(), dokumen())
    assert beda.kosong and not beda.sk


def test_every_kind_of_change_is_found():
    lama, baru = dokumen(), dokumen()
    camat = baru["jabatan"][0]
    camat["tugas"].append("Membina desa")
    camat["sasaran"][0]["uraian"] = "Meningkatnya kualitas pelayanan"
    surat = camat["sasaran"][0]["indikator"][0]
    surat["nama"] = "Persentase surat yang selesai tepat waktu"  # renamed, not new
    surat["formula"]["ekspresi"] = "a / (a + b) * 100"
    surat["target"] = {"TAHUN": ["95", None], "TW1": ["20", None]}
    camat["sasaran"][0]["indikator"].append(indikator("Jumlah desa dibina", ekspresi="a"))
    baru["jabatan"][1]["sasaran"][0]["indikator"] = []
    baru["jabatan"].append({"nama": "Kasi Pemerintahan", "tugas": [], "fungsi": [], "sasaran": []})
    baru["sk"]["nomor"] = "188/2/2025"

    beda = bandingkan(lama, baru)
    assert beda.jabatan_tambah == ["Kasi Pemerintahan"] and beda.jabatan_hapus == []
    [bj] = beda.jabatan
    assert bj.nama == "Camat" and bj.tugas_tambah == ["Membina desa"] and not bj.tugas_hapus
    assert bj.sasaran_ganti == [("Meningkatnya pelayanan", "Meningkatnya kualitas pelayanan")]
    assert beda.indikator_tambah == [("Camat", "Jumlah desa dibina")]
    assert beda.indikator_hapus == [("Sekretaris Kecamatan", "Persentase LPJ tepat waktu")]
    [bi] = beda.indikator
    assert bi.nama_lama == "Persentase surat selesai tepat waktu"
    assert (bi.rumus_lama.ekspresi, bi.rumus_baru.ekspresi) == ("a / b * 100", "a / (a + b) * 100")
    assert bi.rumus_baru.label == {"a": "Surat selesai", "b": "Surat masuk"}
    assert bi.target == [("TAHUN", ["90", None], ["95", None]), ("TW1", None, ["20", None])]
    assert beda.sk == [("Nomor SK", "188/1/2025", "188/2/2025")]
    assert beda.rumus_berubah == [bi] and beda.target_berubah == [bi]


def test_a_relabelled_variable_or_a_new_aggregation_is_a_formula_change():
    lama, baru = dokumen(), dokumen()
    baru["jabatan"][0]["sasaran"][0]["indikator"][0]["formula"]["variabel"][1]["agregasi"] = "terakhir"
    [bi] = bandingkan(lama, baru).indikator
    assert bi.rumus_baru is not None
    spasi = dokumen()
    spasi["jabatan"][0]["sasaran"][0]["indikator"][0]["formula"]["ekspresi"] = "a/b*100"
    assert bandingkan(lama, spasi).kosong  # spacing is not a change


def test_the_same_identity_pairs_rows_whatever_their_names():
    lama, baru = dokumen(), dokumen()
    lama["jabatan"][0]["sasaran"][0]["indikator"][1]["identitas"] = "u-1"
    ikm = baru["jabatan"][0]["sasaran"][0]["indikator"][1]
    ikm["identitas"], ikm["nama"] = "u-1", "Indeks kepuasan masyarakat kecamatan"
    beda = bandingkan(lama, baru)
    assert not beda.indikator_tambah and not beda.indikator_hapus
    assert beda.indikator[0].nama_lama == "Nilai IKM"


def test_a_renamed_jabatan_keeps_its_indicators():
    lama, baru = dokumen(), dokumen()
    baru["jabatan"][1]["nama"] = "Sekretaris Kecamatan Uji"
    beda = bandingkan(lama, baru)
    assert [j.nama_lama for j in beda.jabatan] == ["Sekretaris Kecamatan"]
    assert not beda.indikator_tambah and not beda.indikator_hapus


def test_unrelated_names_are_not_paired():
    pairs, removed, added = pasangkan(["Jumlah desa dibina"], ["Nilai IKM kecamatan"], str)
    assert pairs == [] and removed == ["Jumlah desa dibina"] and added == ["Nilai IKM kecamatan"]


nama = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(nama, max_size=6, unique_by=lambda s: " ".join(s.split())), st.lists(nama, max_size=6))
def test_pairing_uses_each_row_once_and_accounts_for_all(lama, baru):
    pairs, removed, added = pasangkan(lama, baru, str)
    assert len(pairs) + len(removed) == len(lama) and len(pairs) + len(added) == len(baru)
    assert sorted([a for a, _ in pairs] + removed) == sorted(lama)
    assert sorted([b for _, b in pairs] + added) == sorted(baru)
    assert all(" ".join(a.split()) == " ".join(b.split()) for a, b in pairs if a.strip() in baru)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2), st.integers(0, 2), st.sampled_from(["TAHUN", "TW1", "TW4"]), st.integers(0, 500))
def test_diff_is_empty_only_without_changes_and_symmetric_in_counts(j, i, periode, nilai):
    lama = dokumen()
    baru = copy.deepcopy(lama)
    daftar = baru["jabatan"][j % 2]["sasaran"][0]["indikator"]
    if daftar:
        daftar[i % len(daftar)]["target"][periode] = [str(nilai), None]
    maju, mundur = bandingkan(lama, baru), bandingkan(baru, lama)
    assert len(maju.target_berubah) == len(mundur.target_berubah)
    assert maju.kosong == (lama == baru)
