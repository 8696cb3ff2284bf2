"""Filters for the document templates: numbers and percentages the Indonesian way."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


_KATA_BERTANDA_HUBUNG = re.compile(r"\S+-\S+")


def utuh_html(teks: str) -> str:
    """Escaped text whose hyphenated words ("PBB-P2", "Rata-rata") never break at the hyphen: an office
    reads "PBB-" at a line's end as a word cut in two."""
    aman = conditional_escape(teks)
    return _KATA_BERTANDA_HUBUNG.sub(lambda m: f'<span class="utuh">{m.group(0)}</span>', aman)


@register.filter
def utuh(teks):
    """{{ teks|utuh }}: see utuh_html."""
    return mark_safe(utuh_html("" if teks is None else str(teks)))


@register.simple_tag
def renstra(d, b) -> str:
    """A row's Renstra end target as the LKjIP table prints it (PengukuranData.target_renstra_teks)."""
    return d.target_renstra_teks(b)
