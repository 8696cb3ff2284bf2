"""Turning the numbers callers pass (Decimal, int, float, numeric str) into exact Decimals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

Angka = Decimal | int | float | str
"""What the public functions of this package accept as a number."""


def ke_decimal(value: Angka) -> Decimal:
    """Exact Decimal for ``value``; floats go through ``str`` so that 0.1 stays 0.1.

    Strings use Python's syntax ("85.5", "1E+2"), not the Indonesian display one
    (use ``kinerja.format.parse_angka`` for what users type).
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool):
        raise TypeError("True/False bukan angka")
    elif isinstance(value, int | float):
        number = Decimal(str(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"“{value}” bukan angka") from None
    else:
        raise TypeError(f"{type(value).__name__} bukan angka")
    if not number.is_finite():
        raise ValueError(f"{value} bukan bilangan terhingga")
    return number
