"""HTML of the documents (the web preview) and PDF from the same HTML through WeasyPrint."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from . import huruf
from .kertas import Kertas


def html_dokumen(
    template: str, data, kertas: Kertas, *, pratinjau: bool = False, unduhan=(), judul: str = "", mendatar: bool = False
) -> str:
    """The document as HTML. ``pratinjau`` adds the screen toolbar with ``unduhan`` (label, url) links;
    ``mendatar`` turns the pages to landscape."""
    return render_to_string(
        f"laporan/{template}.html",
        {
            "d": data,
            "kertas": kertas,
            "mendatar": mendatar,
            "draft": getattr(data, "draft", False),
            "pratinjau": pratinjau,
            "unduhan": unduhan,
            "judul_pratinjau": judul,
            "peringatan": getattr(data, "peringatan", []),
            # The browser fetches the typeface from the static files; WeasyPrint reads it from the package.
            "huruf_css": mark_safe(huruf.css_font_face(_url_statis if pratinjau else None)),
            "huruf": huruf.HURUF_PDF,
        },
    )


def _url_statis(berkas: str) -> str:
    return static(f"laporan/huruf/{berkas}")


def ke_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango and fonts, which every other request can do without.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
