"""The letterhead (kop surat) of an instansi's documents and the pemda's lambang daerah.

One place decides what a kop says, for the PDF, the DOCX and the web preview alike:

    [lambang]   PEMERINTAH KABUPATEN SAMPANG
                KANTOR KECAMATAN BANYUATES
                Jalan Raya Banyuates No. 1, Kode Pos 69263
                Telepon (0323) 123456 · Pos-el: kec.banyuates@sampangkab.go.id · Laman: banyuates.sampangkab.go.id
    ════════════════════════════════════════════════════════════════
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError

# An uploaded lambang: at most this many bytes, re-encoded as a PNG at most this many pixels high
# (about 300 dpi at the 25 mm it is printed).
BATAS_UNGGAHAN = 2 * 1024 * 1024
TINGGI_PIKSEL = 300


@dataclass(frozen=True)
class Kop:
    pemerintah: str  # "PEMERINTAH KABUPATEN SAMPANG"
    kantor: str  # "KANTOR KECAMATAN BANYUATES"
    alamat: str  # address with the kode pos, or ""
    kontak: str  # telephone, e-mail and website on one line, or ""
    lambang_png: bytes = b""

    @property
    def lambang_data_uri(self) -> str:
        """The lambang inline (data: URI), so the preview and WeasyPrint need no file or URL."""
        if not self.lambang_png:
            return ""
        return "data:image/png;base64," + base64.b64encode(self.lambang_png).decode("ascii")

    @property
    def baris(self) -> list[tuple[str, str]]:
        """(css class, text) of each line, top to bottom, empty ones left out."""
        semua = [("pemerintah", self.pemerintah), ("kantor", self.kantor), ("alamat", self.alamat)]
        return [(kelas, teks) for kelas, teks in [*semua, ("kontak", self.kontak)] if teks]


def kop_instansi(instansi) -> Kop:
    """The kop of ``instansi`` from its own fields and its pemda's lambang."""
    kantor = instansi.nama_kantor.strip() or instansi.nama
    alamat = instansi.alamat.strip()
    if instansi.kode_pos.strip():
        alamat = (
            f"{alamat}, Kode Pos {instansi.kode_pos.strip()}" if alamat else f"Kode Pos {instansi.kode_pos.strip()}"
        )
    kontak = [
        f"{label} {nilai.strip()}"
        for label, nilai in (("Telepon", instansi.telepon), ("Pos-el:", instansi.email), ("Laman:", instansi.laman))
        if nilai.strip()
    ]
    return Kop(
        pemerintah=f"PEMERINTAH {instansi.pemda.nama}".upper(),
        kantor=kantor.upper(),
        alamat=alamat,
        kontak=" · ".join(kontak),
        lambang_png=bytes(instansi.pemda.lambang or b""),
    )


def tembusan_instansi(instansi) -> list[str]:
    """The recipients of a copy of the decree, one per line of the instansi's setting."""
    return [baris.strip() for baris in instansi.tembusan.splitlines() if baris.strip()]


def lambang_png(unggahan: bytes, nama_berkas: str = "lambang") -> bytes:
    """An uploaded image (PNG, JPEG, GIF, WebP) checked and re-encoded as a PNG of TINGGI_PIKSEL at most:
    whatever else the file carried is dropped. Raises ValidationError with an Indonesian message."""
    from PIL import Image, UnidentifiedImageError

    if len(unggahan) > BATAS_UNGGAHAN:
        raise ValidationError({"lambang": [f"“{nama_berkas}” lebih besar dari {BATAS_UNGGAHAN // 1024 // 1024} MB."]})
    try:
        with Image.open(io.BytesIO(unggahan)) as gambar:
            if gambar.format not in ("PNG", "JPEG", "GIF", "WEBP"):
                raise ValidationError({"lambang": [f"“{nama_berkas}” bukan gambar PNG, JPEG, GIF atau WebP."]})
            if gambar.width * gambar.height > 40_000_000:
                raise ValidationError({"lambang": [f"“{nama_berkas}” terlalu besar ukurannya (piksel)."]})
            gambar = gambar.convert("RGBA")
            if gambar.height > TINGGI_PIKSEL:
                gambar = gambar.resize((max(1, round(gambar.width * TINGGI_PIKSEL / gambar.height)), TINGGI_PIKSEL))
            keluaran = io.BytesIO()
            gambar.save(keluaran, "PNG", optimize=True)
            return keluaran.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError({"lambang": [f"“{nama_berkas}” bukan berkas gambar yang dapat dibaca."]}) from exc
