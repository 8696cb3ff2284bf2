"""Filters for the document templates: numbers and percentages the Indonesian way."""

from django import template

from kinerja.format import format_angka, format_persen

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    """{{ nilai|angka }} → 1.234,57; {{ nilai|angka:0 }} → 1.235; None → –."""
    return format_angka(nilai, int(desimal))


@register.filter
def persen(nilai, desimal=2):
    """{{ nilai|persen }} → 85,71%; None → –."""
    return format_persen(nilai, int(desimal))


@register.filter
def target_tw(indikator, periode):
    """{{ indikator|target_tw:"TW2" }} → the quarter's target with its unit."""
    return indikator.target_tw_teks(periode)
