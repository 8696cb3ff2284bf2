"""Kinerja: Indikator Kinerja Individu (IKI) for Indonesian government offices."""

__version__ = "0.1.0"
