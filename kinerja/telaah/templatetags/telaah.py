from django import template

register = template.Library()


@register.filter
def nilai_dari(obj, kode):
    """The attribute ``kode`` of ``obj`` (None when obj is None): a field chosen by a loop variable."""
    return getattr(obj, kode, None) if obj is not None else None
