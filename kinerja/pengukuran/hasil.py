"""The outcome of a computation that may have no value: a number, or the reason why not."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Hasil"]


@dataclass(frozen=True)
class Hasil:
    """A value, or no value with an Indonesian reason for the user ("tidak dapat dihitung: …").

    The same shape as the formula engine's result (``.nilai``, ``.alasan``) so that callers treat
    both alike; exactly one of the two is set.
    """

    nilai: Decimal | None
    alasan: str | None = None

    def __post_init__(self) -> None:
        if (self.nilai is None) == (self.alasan is None):
            raise ValueError("Hasil harus berisi nilai atau alasan, tidak keduanya")

    @property
    def ada(self) -> bool:
        """Whether there is a value (as ``kinerja.rumus.Hasil.ada``)."""
        return self.nilai is not None

    @classmethod
    def tidak_dapat_dihitung(cls, sebab: str) -> Hasil:
        """No value: ``Hasil.tidak_dapat_dihitung("target nol").alasan == "tidak dapat dihitung: target nol"``."""
        return cls(None, f"tidak dapat dihitung: {sebab}")
