"""The one exception type of :mod:`kinerja.ikm`."""


class IKMError(ValueError):
    """Invalid survey data or file; the message is in Bahasa Indonesia and shown to the user as is."""
