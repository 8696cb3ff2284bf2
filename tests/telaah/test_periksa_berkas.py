"""`kinerja periksa FILE…` on documents: every format the import reads, and bad input in one line."""

import json

import docx
import pytest

from kinerja.cli import main


def _tulis_docx(path):
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT WRINGINANOM")
    d.add_paragraph("Nomor: 800/15/KEP/435.101/2031")
    d.add_paragraph("1. JABATAN : Kepala Seksi Pelayanan Kecamatan Wringinanom")
    d.add_paragraph("2. TUGAS : Menyusun rencana kerja seksi pelayanan")
    t = d.add_table(rows=2, cols=4)
    for sel, isi in zip(
        t.rows[0].cells, ["Sasaran", "Indikator Kinerja Individu", "Formulasi Penghitungan", "Sumber Data"]
    ):
        sel.text = isi
    for sel, isi in zip(
        t.rows[1].cells,
        [
            "Meningkatnya layanan",
            "Persentase surat keterangan yang terbit tepat waktu",
            "Jumlah permohonan surat keterangan / Jumlah surat keterangan yang terbit tepat waktu x 100 %",
            "Register surat keterangan",
        ],
    ):
        sel.text = isi
    d.save(path)


def test_a_docx_document_gets_its_findings_as_json(tmp_path, capsys):
    berkas = tmp_path / "iki-wringinanom.docx"
    _tulis_docx(berkas)
    assert main(["periksa", "--json", str(berkas)]) == 0
    temuan = json.loads(capsys.readouterr().out)["temuan"]
    assert any(t["jenis"] == "rumus_terbalik" for t in temuan)


def test_an_interchange_json_is_checked_too(tmp_path, capsys):
    from tests.mutu.buatan import persen, satu

    data = satu(
        persen(
            "Persentase izin keramaian",
            "Jumlah permohonan izin keramaian",
            "Jumlah izin keramaian yang terbit tepat waktu",
        )
    )
    berkas = tmp_path / "iki.json"
    berkas.write_text(json.dumps(data), encoding="utf-8")
    assert main(["periksa", str(berkas)]) == 0
    out = capsys.readouterr().out
    assert "rumus_terbalik" in out and "temuan:" in out


def test_several_files_name_their_file(dokumen_dir, capsys):
    berkas = [str(dokumen_dir / "iki-kecamatan-sampang-2022.txt"), str(dokumen_dir / "iki-kecamatan-karang-penang.txt")]
    assert main(["periksa", "--json", *berkas]) == 0
    temuan = json.loads(capsys.readouterr().out)["temuan"]
    assert {t["berkas"] for t in temuan} == set(berkas)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [(b"", "kosong"), (b"\x00\x01\x02binary", ""), (b"{not json", "bukan JSON")],
)
def test_bad_input_is_one_indonesian_line_and_exit_1(tmp_path, capsys, isi, pesan):
    berkas = tmp_path / ("x.json" if isi.startswith(b"{") else "x.txt")
    berkas.write_bytes(isi)
    assert main(["periksa", str(berkas)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kinerja periksa: ") and pesan in err[0]


def test_files_and_a_catalogue_together_are_refused(tmp_path, capsys):
    assert main(["periksa", "a.txt", "--instansi", "1", "--tahun", "2030"]) == 1
    assert "bukan keduanya" in capsys.readouterr().err
