"""Small shared helpers of the views: years and documents in force, the jabatan tree, colours."""

from kinerja.iki.models import DokumenIKI
from kinerja.realisasi.berlaku import dokumen_berlaku_banyak

SEMUA_TAHUN = range(2000, 2101)  # DokumenIKI.tahun is constrained to these


def dokumen_berlaku_per_tahun(instansi_ids) -> dict[tuple[int, int], int]:
    """{(instansi id, tahun): id of the document in force} for every year, in one query."""
    return dokumen_berlaku_banyak(instansi_ids, SEMUA_TAHUN)


def tahun_tersedia(instansi) -> list[int]:
    return sorted(set(DokumenIKI.objects.filter(instansi=instansi).values_list("tahun", flat=True)), reverse=True)


def urut_pohon(jabatan_list):
    """Jabatan in tree order (atasan before bawahan, depth first) as (jabatan, tingkat) pairs.

    Jabatan whose atasan is not in the list are roots, so a partial list still shows."""
    ids = {j.pk for j in jabatan_list}
    anak: dict[int | None, list] = {}
    for j in jabatan_list:
        anak.setdefault(j.atasan_id if j.atasan_id in ids else None, []).append(j)
    hasil = []

    def kunjungi(induk_id, tingkat):
        for j in anak.get(induk_id, []):
            hasil.append((j, tingkat))
            kunjungi(j.pk, tingkat + 1)

    kunjungi(None, 0)
    return hasil


WARNA_TANPA_NILAI = "#9aa5b1"
"""The colour of a capaian that cannot be rated."""


def warna_capaian(capaian, skala) -> tuple[str, str]:
    """(background, text colour) of a capaian under the scale's categories; grey without a capaian."""
    latar = skala.predikat_untuk(capaian).warna if capaian is not None else WARNA_TANPA_NILAI
    return latar, warna_teks(latar)


def warna_teks(latar: str) -> str:
    """Black or white text, whichever reads better on the background colour (WCAG luminance)."""
    r, g, b = (int(latar[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return "#1a1a1a" if 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) > 0.25 else "#ffffff"
