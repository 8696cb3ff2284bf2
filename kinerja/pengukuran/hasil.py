"""The outcome of a computation that may have no value: the formula engine's Hasil, shared."""

from kinerja.rumus import Hasil

__all__ = ["Hasil"]
