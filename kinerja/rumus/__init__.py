"""The formula language of indicators (DESIGN.md §4): parse, validate, evaluate, render.

Pure Python (no Django), never Python's ``eval``. What :func:`parse` accepts:

* numbers with a decimal point: ``100``, ``0.5``, ``3.`` and ``.5`` (no exponent notation such as
  ``1e5``, no thousands separators, no decimal comma);
* variable codes ``[a-z][a-z0-9_]*`` (upper case is refused with a hint to write it in lower case);
* ``+ - * /`` with the usual precedence, all left associative (``a - b - c`` is ``(a - b) - c``,
  ``a / b * 100`` is ``(a / b) * 100``), unary minus and unary plus (which is dropped), brackets;
* the signs documents use: ``×`` for ``*``, ``÷`` for ``/``, ``−`` (U+2212) for ``-`` — but not
  the letter ``x``, which is a variable code — and one ``%`` at the very end of a formula ending
  in ``* 100`` (``a / b × 100%`` is ``a / b * 100``), so that :func:`render` output parses back;
* any whitespace; at most :data:`MAKS_PANJANG` characters and :data:`MAKS_KEDALAMAN` levels of
  nesting (brackets, signs and chained operations).

Anything else raises :class:`RumusError` with an Indonesian message and a 0-based ``posisi``.
:class:`Rumus` is immutable and hashable; ``str()`` gives the canonical text (fewest brackets,
numbers normalised: ``0.50`` is written ``0.5``), ``variables`` the frozenset of codes used.

:func:`evaluate` and :func:`evaluate_many` compute exactly with ``Decimal`` (see
:mod:`kinerja.rumus.hitung` for the accepted value types); :func:`render`, :func:`render_latex`
and :func:`render_html` show a formula with the variables' labels.
"""

from kinerja.rumus.errors import RumusError
from kinerja.rumus.hitung import (
    PRESISI,
    Hasil,
    evaluate,
    evaluate_many,
    evaluate_many_hasil,
    substitute,
)
from kinerja.rumus.parser import parse, validate
from kinerja.rumus.pohon import (
    MAKS_KEDALAMAN,
    MAKS_PANJANG,
    Angka,
    Negasi,
    Operasi,
    Rumus,
    Variabel,
)
from kinerja.rumus.tampilan import render, render_html, render_latex

__all__ = [
    "MAKS_KEDALAMAN",
    "MAKS_PANJANG",
    "PRESISI",
    "Angka",
    "Hasil",
    "Negasi",
    "Operasi",
    "Rumus",
    "RumusError",
    "Variabel",
    "evaluate",
    "evaluate_many",
    "evaluate_many_hasil",
    "parse",
    "render",
    "render_html",
    "render_latex",
    "substitute",
    "validate",
]
