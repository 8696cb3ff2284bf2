"""Indonesian display in the survey templates: 85,71 and 20 Januari 2022 (through kinerja.format)."""

from datetime import datetime

from django import template
from django.utils import timezone

from kinerja import format as fmt

register = template.Library()


@register.filter
def angka_skm(nilai, desimal=2):
    """``{{ nilai|angka_skm:3 }}`` → ``3,429``; ``–`` for None."""
    return fmt.format_angka(nilai, int(desimal))


@register.filter
def tanggal_skm(nilai):
    if nilai is None:
        return fmt.KOSONG
    if isinstance(nilai, datetime):
        nilai = timezone.localtime(nilai).date()
    return fmt.format_tanggal(nilai)
