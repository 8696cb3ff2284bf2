"""The one error a caller of :mod:`kinerja.dokumen` has to handle."""


class DokumenError(ValueError):
    """The input is not an IKI document this reader can use (empty, corrupt, binary, too large,
    or no indicator table at all). The message is one Indonesian sentence meant for the user."""
