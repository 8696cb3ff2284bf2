"""Template tags of the planner's year (views/penetapan.py)."""

from django import template

from kinerja.iki import tahun_baru

register = template.Library()


@register.simple_tag
def boleh_tahun_baru(dokumen) -> bool:
    """Whether next year's draft may be started from this document (kinerja.iki.tahun_baru)."""
    return not tahun_baru.masalah_tahun_baru(dokumen)
