"""Indonesian display in templates: numbers 85,71, percentages 85,71%, dates 20 Januari 2022."""

from datetime import datetime

from django import template
from django.utils import timezone

from kinerja import format as fmt
from kinerja.pengukuran import Periode

from ..rumus_html import rumus_pecahan

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    return fmt.format_angka(nilai, int(desimal))


@register.filter
def angka_ringkas(nilai):
    """A target or realisasi without trailing zeros: a count is "12", not "12,00"."""
    return fmt.format_angka_ringkas(nilai)


@register.filter
def persen(nilai, desimal=2):
    return fmt.format_persen(nilai, int(desimal))


@register.filter
def tanggal(nilai):
    if nilai is None or nilai == "":
        return fmt.KOSONG
    if isinstance(nilai, datetime):
        nilai = timezone.localtime(nilai).date()
    return fmt.format_tanggal(nilai)


@register.filter
def waktu(nilai):
    """20 Januari 2022 pukul 09.15 (local time)."""
    if nilai is None:
        return fmt.KOSONG
    lokal = timezone.localtime(nilai)
    return f"{fmt.format_tanggal(lokal.date())} pukul {lokal:%H.%M}"


@register.filter
def label_periode(kode):
    return Periode(kode).label


@register.simple_tag
def rumus(ekspresi, labels=None):
    return rumus_pecahan(ekspresi, labels)
