"""The one exception type of :mod:`kinerja.rumus`."""


class RumusError(ValueError):
    """Bad formula text (or bad input to the engine); the message is Indonesian, shown as is.

    ``posisi`` is the 0-based character position the problem was found at (0 when the problem
    is not about one place in the text, such as an empty formula).
    """

    def __init__(self, pesan: str, posisi: int = 0) -> None:
        # Both in args so that the exception survives pickling (e.g. across worker processes).
        super().__init__(pesan, posisi)
        self.pesan = pesan
        self.posisi = posisi

    def __str__(self) -> str:
        return self.pesan
