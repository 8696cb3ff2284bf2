"""A formula typeset for the web: divisions as stacked fractions, variables by their labels.

Built from the formula tree (kinerja.rumus) so the layout follows the structure, not the text:
a fraction bar groups its numerator and denominator, so a fraction never needs brackets, as in
kinerja.rumus.render_latex. Styling (the bar, the stacking) is in static/web/kinerja.css.
"""

from collections.abc import Mapping
from html import escape

from django.utils.safestring import SafeString, mark_safe

from kinerja import rumus
from kinerja.rumus.pohon import KUAT_ATOM, KUAT_NEGASI, kali_seratus_persen, kekuatan, tulis_angka


def _kuat(simpul) -> int:
    if isinstance(simpul, rumus.Operasi) and simpul.operator == "/":
        return KUAT_ATOM
    return kekuatan(simpul)


def _html(simpul, labels: Mapping[str, str]) -> str:
    def kurung(anak, perlu: bool) -> str:
        isi = _html(anak, labels)
        return f'<span class="kurung">(</span>{isi}<span class="kurung">)</span>' if perlu else isi

    if isinstance(simpul, rumus.Angka):
        return f'<span class="angka">{escape(tulis_angka(simpul.nilai).replace(".", ","))}</span>'
    if isinstance(simpul, rumus.Variabel):
        label = labels.get(simpul.nama) or simpul.nama
        return f'<var title="{escape(simpul.nama)}">{escape(label)}</var>'
    if isinstance(simpul, rumus.Negasi):
        return "−" + kurung(simpul.isi, _kuat(simpul.isi) < KUAT_NEGASI)
    if simpul.operator == "/":
        return (
            '<span class="pecahan"><span class="pembilang">'
            + _html(simpul.kiri, labels)
            + '</span><span class="penyebut">'
            + _html(simpul.kanan, labels)
            + "</span></span>"
        )
    kuat = kekuatan(simpul)
    kiri = kurung(simpul.kiri, _kuat(simpul.kiri) < kuat)
    kanan = kurung(simpul.kanan, _kuat(simpul.kanan) <= kuat or isinstance(simpul.kanan, rumus.Negasi))
    tanda = {"*": "×", "-": "−"}.get(simpul.operator, simpul.operator)
    return f'{kiri} <span class="operator">{tanda}</span> {kanan}'


def rumus_pecahan(ekspresi: "rumus.Rumus | str", labels: Mapping[str, str] | None = None) -> SafeString:
    """HTML of a formula (escaped throughout); raises RumusError for text that does not parse."""
    parsed = rumus.parse(ekspresi) if isinstance(ekspresi, str) else ekspresi
    isi = _html(parsed.akar, labels or {})
    if kali_seratus_persen(parsed.akar):
        isi += "%"
    return mark_safe(f'<span class="rumus">{isi}</span>')
