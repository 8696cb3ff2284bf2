"""Builders for questionnaire files written on the fly (CSV and XLSX bytes)."""

import csv
import io
from collections.abc import Callable, Sequence

import openpyxl
import pytest

Tabel = Sequence[Sequence[object]]


def _csv(baris: Tabel, pemisah: str = ",", pengodean: str = "utf-8") -> bytes:
    teks = io.StringIO()
    csv.writer(teks, delimiter=pemisah, lineterminator="\r\n").writerows(baris)
    return teks.getvalue().encode(pengodean)


def _xlsx(lembar: dict[str, Tabel]) -> bytes:
    buku = openpyxl.Workbook()
    buku.remove(buku.active)
    for nama, baris in lembar.items():
        ws = buku.create_sheet(nama)
        for satu in baris:
            ws.append(list(satu))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


@pytest.fixture
def buat_csv() -> Callable[..., bytes]:
    """``buat_csv(rows, pemisah=",", pengodean="utf-8") -> bytes``"""
    return _csv


@pytest.fixture
def buat_xlsx() -> Callable[[dict[str, Tabel]], bytes]:
    """``buat_xlsx({"Sheet name": rows, ...}) -> bytes``"""
    return _xlsx
