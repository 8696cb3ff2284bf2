"""Request parameters read safely: one owner for the accepted range of a year and the shape of JSON.

A year outside the range of IKI documents (``TAHUN_MIN``–``TAHUN_MAKS``, the database's own
check) is refused before it reaches a query (a 20-digit year overflows SQLite's integers), and a
JSON body is refused when it nests deeper than ``KEDALAMAN_JSON`` (100,000 ``[`` exhaust the
parser's recursion). Every refusal is a ValueError with an Indonesian message.
"""

import json

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
KEDALAMAN_JSON = 20


def baca_tahun(teks) -> int:
    """A year typed in a URL parameter, within TAHUN_MIN..TAHUN_MAKS; ValueError otherwise."""
    teks = str(teks or "").strip()
    if not (teks.isascii() and teks.isdigit() and len(teks) <= 4):
        raise ValueError(f"Tahun harus berupa angka {TAHUN_MIN}–{TAHUN_MAKS}, mis. ?tahun=2026.")
    tahun = int(teks)
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise ValueError(f"Tahun {tahun} di luar rentang {TAHUN_MIN}–{TAHUN_MAKS}.")
    return tahun


def _kedalaman(teks: str) -> int:
    """How deep arrays and objects nest, counted without parsing (brackets inside strings skipped)."""
    dalam = maks = 0
    dalam_string = lolos = False
    for c in teks:
        if dalam_string:
            if lolos:
                lolos = False
            elif c == "\\":
                lolos = True
            elif c == '"':
                dalam_string = False
        elif c == '"':
            dalam_string = True
        elif c in "[{":
            dalam += 1
            maks = max(maks, dalam)
        elif c in "]}":
            dalam -= 1
    return maks


def baca_json(isi: bytes):
    """A request body parsed as JSON, refused (ValueError) when malformed or nested too deep."""
    try:
        teks = (isi or b"{}").decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("Isi permintaan harus teks JSON UTF-8.") from None
    if _kedalaman(teks) > KEDALAMAN_JSON:
        raise ValueError(f"JSON bersarang terlalu dalam (paling banyak {KEDALAMAN_JSON} tingkat).")
    try:
        return json.loads(teks)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError('Isi permintaan harus JSON, mis. {"nilai": "12,5", "versi": 0}.') from None
