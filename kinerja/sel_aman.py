"""Text written to a spreadsheet stays text: the one guard every XLSX and CSV writer goes through.

A note typed as ``=HYPERLINK("http://…","klik")`` or ``@SUM(…)`` must not come back as a live
formula in the file another user opens (CSV/formula injection, OWASP). Text beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is:

- in XLSX: stored as a string cell with Excel's quote prefix (shown as typed, kept as text when
  the cell is edited), never as a formula — ``simpan_buku`` applies it to every cell before saving;
- in CSV: prefixed with an apostrophe (``sel_csv``), the form spreadsheet programs show as text.

Pure Python (openpyxl only); numbers, dates and empty cells pass unchanged.
"""

import io

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def tampak_rumus(nilai: object) -> bool:
    """True for text a spreadsheet program could take as a formula."""
    return isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS)


def amankan_sel(sel) -> None:
    """Keep an openpyxl cell's text as text (openpyxl itself stores any "=…" string as a formula)."""
    if tampak_rumus(sel.value):
        sel.data_type = "s"
        sel.quotePrefix = True


def amankan_buku(buku) -> None:
    """Apply :func:`amankan_sel` to every cell of every sheet of an openpyxl workbook."""
    for lembar in buku.worksheets:
        for baris in lembar.iter_rows():
            for sel in baris:
                amankan_sel(sel)


def simpan_buku(buku) -> bytes:
    """The workbook's .xlsx bytes, with every text cell guarded; the only way Kinerja saves a workbook."""
    amankan_buku(buku)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def sel_csv(nilai: object) -> object:
    """A CSV field: text that looks like a formula gets a leading apostrophe; anything else unchanged."""
    return "'" + nilai if tampak_rumus(nilai) else nilai
