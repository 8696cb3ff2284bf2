"""Input that is not a usable IKI document: one clear Indonesian message, never a traceback."""

import io
import json
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.dokumen import UKURAN_MAKS, DokumenError, baca, baca_docx, baca_pdf, baca_teks

CONTOH = "JABATAN : Camat\nNo\tSasaran\tIndikator\tRumus\n1\tMeningkatnya layanan\tJumlah layanan\tJumlah layanan\n"


@pytest.mark.parametrize(
    ("data", "nama", "pesan"),
    [
        (b"", "kosong.txt", "kosong"),
        (b"   \n\n", None, "kosong"),
        (bytes(range(256)) * 10, "data.bin", "biner"),
        (b"ini bukan zip sama sekali", "rusak.docx", "bukan arsip zip"),
        (b"", "kosong.pdf", "kosong"),
        (b"hanya teks", "palsu.pdf", "PDF rusak"),
        (b"%PDF-1.4\nsampah", "rusak.pdf", "PDF rusak"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lama.doc", ".doc"),
        (b"PK\x03\x04bukan-zip-utuh", "rusak.docx", ".docx rusak"),
        (b"{\\rtf1 halo}", "surat.rtf", "RTF"),
        (b"Surat undangan rapat\nHari: Senin", "surat.txt", "Bukan dokumen IKI"),
    ],
)
def test_masukan_buruk(data, nama, pesan):
    with pytest.raises(DokumenError, match=re.escape(pesan)) as e:
        baca(data, nama)
    assert "\n" not in str(e.value)
    if nama:
        assert str(e.value).startswith(nama)


def test_zip_yang_bukan_dokumen_word():
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        z.writestr("isi.txt", "halo")
    with pytest.raises(DokumenError, match="bukan dokumen Word"):
        baca(keluar.getvalue(), "arsip.docx")


def test_berkas_lebih_dari_50_mb_ditolak_sebelum_dibaca(tmp_path, monkeypatch):
    berkas = tmp_path / "besar.txt"
    with berkas.open("wb") as f:
        f.truncate(UKURAN_MAKS + 1)  # sparse: no 50 MB written to disk
    monkeypatch.setattr(type(berkas), "read_bytes", lambda self: pytest.fail("dibaca sebelum ukuran diperiksa"))
    with pytest.raises(DokumenError, match="terlalu besar"):
        baca(berkas)
    with pytest.raises(DokumenError, match="terlalu besar"):
        baca(b" " * (UKURAN_MAKS + 1))


def test_berkas_tidak_ada(tmp_path):
    with pytest.raises(DokumenError, match="tidak ditemukan"):
        baca(tmp_path / "tidak-ada.txt")


def test_pengodean_teks(tmp_path):
    for data in (
        CONTOH.encode("utf-8-sig"),
        CONTOH.encode("utf-16"),
        CONTOH.replace("Camat", "Camat Désa").encode("cp1252"),
    ):
        berkas = tmp_path / "iki.txt"
        berkas.write_bytes(data)
        assert baca(berkas)["jabatan"][0]["sasaran"][0]["indikator"][0]["formula"]["ekspresi"] == "jumlah_layanan"


def test_pembaca_per_format_menolak_isi_yang_salah():
    with pytest.raises(DokumenError):
        baca_docx(b"bukan docx")
    with pytest.raises(DokumenError):
        baca_pdf(b"bukan pdf")


_TEKS_ACAK = st.lists(
    st.sampled_from(
        list("abcJ01 \t\n|:/x%–-()<>*_$\\{}Σ")
        + ["JABATAN : ", "Indikator", "Sasaran", "Rumus", "Sumber Data", "Jumlah ", "x 100%", "\\frac{", "<li>"]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEKS_ACAK)
def test_teks_acak_tidak_pernah_membuat_crash(teks):
    try:
        hasil = baca_teks(CONTOH + teks)
    except DokumenError:
        return
    json.dumps(hasil)
    for j in hasil["jabatan"]:
        for s in j["sasaran"]:
            for i in s["indikator"]:
                kode = {v["kode"] for v in i["formula"]["variabel"]}
                if i["formula"]["ekspresi"] is not None:
                    assert set(re.findall(r"[a-z][a-z0-9_]*", i["formula"]["ekspresi"])) == kode


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_rumus_acak_selalu_dapat_diurai_atau_peringatan(teks):
    rumus = pytest.importorskip("kinerja.rumus")
    from kinerja.dokumen.formula import pahami

    hasil = pahami(teks, "Persentase acak")
    if hasil.ekspresi is not None:
        assert rumus.parse(hasil.ekspresi).variables == {v["kode"] for v in hasil.variabel}
    else:
        assert hasil.masalah


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "x.txt", "x.docx", "x.pdf", "x.md"]))
def test_bytes_acak_hanya_menghasilkan_dokumenerror(data, nama):
    try:
        baca(data, nama)
    except DokumenError as e:
        assert str(e)


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked():
    from kinerja.dokumen import DokumenError, baca
    from tests.unggahan.bom import docx_bom

    with pytest.raises(DokumenError, match="bom.docx.*(termampat|terurai)"):
        baca(docx_bom(300), "bom.docx")
