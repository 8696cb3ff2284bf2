"""Upload bounds (kinerja.unggahan): generated bombs are refused with a message, before or while parsing."""

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kinerja import unggahan
from kinerja.ikm.berkas import baca_responden
from kinerja.ikm.errors import IKMError

from . import bom


def test_a_zip_bomb_is_refused_from_its_directory_before_parsing():
    data = bom.bom_terurai(64)
    assert len(data) < 1024 * 1024
    with pytest.raises(unggahan.BerkasDitolak, match=r"bom\.xlsx terurai menjadi 64 MB \(paling banyak 30 MB\)"):
        unggahan.periksa_zip(data, "bom.xlsx")


def test_a_docx_bomb_is_refused_like_an_xlsx_one():
    with pytest.raises(unggahan.BerkasDitolak, match="terurai menjadi"):
        unggahan.periksa_zip(bom.docx_bom(40), "iki.docx")


def test_ratio_and_part_count_are_bounded():
    with pytest.raises(unggahan.BerkasDitolak, match="termampat"):
        unggahan.periksa_zip(bom.rasio_tinggi(), "a.xlsx")
    with pytest.raises(unggahan.BerkasDitolak, match="berisi 1011 bagian"):
        unggahan.periksa_zip(bom.banyak_bagian(1002), "a.xlsx")


def test_an_ordinary_workbook_and_document_pass():
    import docx
    from openpyxl import Workbook

    buku, dokumen = io.BytesIO(), io.BytesIO()
    Workbook().save(buku)
    docx.Document().save(dokumen)
    unggahan.periksa_zip(buku.getvalue(), "a.xlsx")
    unggahan.periksa_zip(dokumen.getvalue(), "a.docx")


def test_a_file_over_the_size_limit_and_a_non_zip_are_refused():
    with pytest.raises(unggahan.BerkasDitolak, match="melebihi batas 1 KB"):
        unggahan.periksa_zip(b"PK" + b"x" * 2000, "a.xlsx", unggahan.Batas(ukuran_berkas=1024))
    with pytest.raises(unggahan.BerkasDitolak, match="rusak atau bukan berkas Office"):
        unggahan.periksa_zip(b"PK\x03\x04rusak", "a.docx")


def _baca_semua(data: bytes, batas=unggahan.BATAS):
    buku = unggahan.buka_xlsx(data, "a.xlsx", batas)
    try:
        return sum(1 for _ in unggahan.baris_terbatas(buku.worksheets[0].iter_rows(), "a.xlsx", batas))
    finally:
        buku.close()


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (bom.bom_baris(10_001), "lebih dari 10.000 baris"),
        (bom.bom_baris_jauh(), "lebih dari 10.000 baris"),
        (bom.bom_kolom(), "baris 1: lebih dari 100 kolom"),
        (bom.sel_panjang(40_000), "baris 1 kolom 1: isi sel lebih dari 32.767 karakter"),
    ],
    ids=["rows", "far-row", "far-column", "long-cell"],
)
def test_rows_columns_and_cells_are_bounded_while_reading(data, pesan):
    with pytest.raises(unggahan.BerkasDitolak, match=pesan):
        _baca_semua(data)


def test_reading_has_a_deadline():
    with pytest.raises(unggahan.BerkasDitolak, match="terlalu lama dibaca"):
        _baca_semua(bom.bom_baris(300), unggahan.Batas(detik=-1))


def test_a_sheet_within_bounds_is_read_whole():
    assert _baca_semua(bom.bom_baris(500)) == 500


def test_skm_files_are_bounded_too():
    with pytest.raises(IKMError, match="terurai menjadi"):
        baca_responden(bom.bom_terurai(40), "skm.xlsx")
    with pytest.raises(IKMError, match="lebih dari 10.000 baris"):
        baca_responden(bom.bom_baris_jauh(), "skm.xlsx")
    teks = io.StringIO()
    penulis = csv.writer(teks)
    penulis.writerow([f"U{n}" for n in range(1, 10)])
    penulis.writerows([[4] * 9] * 10_001)
    with pytest.raises(IKMError, match="lebih dari 10.000 baris"):
        baca_responden(teks.getvalue().encode(), "skm.csv")
    with pytest.raises(IKMError, match="melebihi batas 10 MB"):
        baca_responden(b"U1,U2\n" + b"4,4\n" * 3_000_000, "skm.csv")


_UKUR = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))
    sys.path.insert(0, sys.argv[1])
    from tests.unggahan import bom
    from kinerja import unggahan
    from kinerja.ikm.berkas import baca_responden
    from kinerja.ikm.errors import IKMError
    hasil = {}
    for nama, data in [
        ("terurai", bom.bom_terurai(256)),
        ("baris", bom.bom_baris(400_000)),
        ("baris_jauh", bom.bom_baris_jauh()),
        ("kolom", bom.bom_kolom()),
        ("docx", bom.docx_bom(100)),
    ]:
        try:
            if nama == "docx":
                unggahan.periksa_zip(data, "a.docx")
            else:
                baca_responden(data, "a.xlsx")
            hasil[nama] = "diterima"
        except (IKMError, unggahan.BerkasDitolak) as e:
            hasil[nama] = str(e)
    # VmHWM: this process's own peak. ru_maxrss is not used: Linux carries it over from the
    # parent across exec, so under a large test run it would report pytest's size.
    with open("/proc/self/status") as status:
        puncak = next(int(b.split()[1]) for b in status if b.startswith("VmHWM:"))
    hasil["maxrss_mb"] = puncak / 1024
    print(json.dumps(hasil))
    """
)


def test_a_worker_reading_every_bomb_stays_under_300_mb():
    akar = Path(__file__).resolve().parents[2]
    keluaran = subprocess.run(
        [sys.executable, "-c", _UKUR, str(akar)], capture_output=True, text=True, check=True, cwd=akar
    ).stdout
    hasil = json.loads(keluaran)
    assert hasil.pop("maxrss_mb") < 300
    assert all(pesan != "diterima" for pesan in hasil.values()), hasil
