"""Removing the markup that converters leave in IKI documents.

Text converted from PDF or Word carries Markdown (``**bold**``, ``# heading``, ``\\_``
escapes), HTML inside table cells (``<ul><li>``, ``<br>``, ``<u>``, ``&amp;``) and LaTeX for
formulas (``$\\frac{\\text{A}}{\\text{B}} \\times 100\\%$``). Everything here maps such text
to plain text; line breaks inside a cell are kept as ``\\n`` because a formula written over
two lines (numerator, then denominator) means something.
"""

import html
import re

# Written after an underlined numerator by :func:`html_ke_teks` when asked to: a fraction bar
# drawn as an underline (``<u>A</u> x 100 % B``). The formula reader reads it as a division.
GARIS_PECAHAN = "\u2044"

_SPASI = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)\s*>")
_TAG_BLOK = frozenset({"br", "li", "p", "div", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4"})

_TEBAL = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_MIRING = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_CORET = re.compile(r"~~(.+?)~~")
_TAUTAN = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_JUDUL = re.compile(r"^\s*(?:#{1,6}\s+|>\s?)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$%&])")

# LaTeX commands that take their text argument as is.
_LATEX_TEKS = frozenset(
    {"text", "mathrm", "textbf", "textit", "mbox", "operatorname", "mathit", "textrm", "mathbf", "textnormal"}
)
_LATEX_TANDA = {
    "times": " × ",
    "cdot": " × ",
    "div": " ÷ ",
    "sum": "Σ",
    "Sigma": "Σ",
    "%": "%",
    "_": "_",
    "&": "&",
    "{": "(",
    "}": ")",
    "$": "$",
    "#": "#",
    "left": "",
    "right": "",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    " ": " ",
    "quad": " ",
    "qquad": " ",
    "le": " ≤ ",
    "ge": " ≥ ",
    "cdots": "…",
    "ldots": "…",
    "minus": " − ",
}
_LATEX_PERINTAH = re.compile(r"\\([a-zA-Z]+|.)")


def _ambil_grup(s: str, i: int) -> tuple[str, int] | None:
    """The content of the ``{...}`` group starting at ``s[i]`` (spaces skipped) and the index after it."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s) or s[i] != "{":
        return None
    kedalaman = 0
    for j in range(i, len(s)):
        if s[j] == "{" and (j == 0 or s[j - 1] != "\\"):
            kedalaman += 1
        elif s[j] == "}" and s[j - 1] != "\\":
            kedalaman -= 1
            if kedalaman == 0:
                return s[i + 1 : j], j + 1
    return None


def _perlu_kurung(s: str) -> bool:
    return bool(re.search(r"[+×÷/−*]|\s[-–xX]\s", s))


def latex_ke_teks(s: str, untuk_rumus: bool = False) -> str:
    """Plain text of LaTeX math: ``\\frac{A}{B}`` becomes ``A / B`` (``(A) / (B)`` with
    ``untuk_rumus``, so the formula reader keeps the grouping), ``\\text{}`` its content,
    ``\\times`` ``×``, ``\\%`` ``%``; dollar signs and unknown commands disappear."""
    if "\\" not in s and "$" not in s and "{" not in s:
        return s
    keluar: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "$":
            i += 1
            continue
        if c in "{}":
            i += 1
            continue
        if c != "\\":
            keluar.append(c)
            i += 1
            continue
        m = _LATEX_PERINTAH.match(s, i)
        if m is None:  # a lone backslash at the very end
            i += 1
            continue
        nama, i = m.group(1), m.end()
        if nama in ("frac", "dfrac", "tfrac"):
            atas = _ambil_grup(s, i)
            bawah = _ambil_grup(s, atas[1]) if atas else None
            if atas and bawah:
                a = latex_ke_teks(atas[0], untuk_rumus).strip()
                b = latex_ke_teks(bawah[0], untuk_rumus).strip()
                if untuk_rumus or _perlu_kurung(a):
                    a = f"({a})"
                if untuk_rumus or _perlu_kurung(b):
                    b = f"({b})"
                keluar.append(f" {a} / {b} ")
                i = bawah[1]
            continue
        if nama in _LATEX_TEKS:
            grup = _ambil_grup(s, i)
            if grup:
                keluar.append(latex_ke_teks(grup[0], untuk_rumus))
                i = grup[1]
            continue
        keluar.append(_LATEX_TANDA.get(nama, "" if nama.isalpha() else nama))
    return "".join(keluar)


def html_ke_teks(s: str, tanda_garis_bawah: str = "") -> str:
    """Plain text of HTML in a cell: block tags (``<br>``, ``<li>``, ``<p>``) become line breaks,
    ``</u>`` becomes ``tanda_garis_bawah``, other tags vanish, entities are decoded."""
    if "<" in s:

        def ganti(m: re.Match[str]) -> str:
            tutup, tag = m.group(1), m.group(2).lower()
            if tag in _TAG_BLOK:
                return "\n"
            if tag == "u" and tutup:
                return f" {tanda_garis_bawah} " if tanda_garis_bawah else ""
            return ""

        s = _TAG.sub(ganti, s)
    if "&" in s:
        s = html.unescape(s)
    return s


def markdown_ke_teks(s: str) -> str:
    """Plain text of Markdown inline markup; headings and quotes lose their marker."""
    if "*" in s or "_" in s:
        s = _TEBAL.sub(lambda m: m.group(1) or m.group(2), s)
        s = _MIRING.sub(r"\1", s)
    if "~~" in s:
        s = _CORET.sub(r"\1", s)
    if "](" in s:
        s = _TAUTAN.sub(r"\1", s)
    return "\n".join(_JUDUL.sub("", baris) for baris in s.split("\n"))


def rapikan_spasi(s: str) -> str:
    """Collapse runs of spaces on each line, drop empty lines, keep line breaks."""
    baris = (_SPASI.sub(" ", b).strip() for b in s.split("\n"))
    return "\n".join(b for b in baris if b)


def bersihkan(s: str, satu_baris: bool = True) -> str:
    """Display text of a cell or paragraph with all markup removed.

    With ``satu_baris`` the lines of a cell are joined with spaces (names, sasaran, sumber
    data); without it they stay separate lines.
    """
    s = html_ke_teks(s)
    s = latex_ke_teks(s)
    s = markdown_ke_teks(s)
    if "\\" in s:
        s = _ESCAPE.sub(r"\1", s)
    s = rapikan_spasi(s)
    return s.replace("\n", " ") if satu_baris else s


_PENANDA_DAFTAR = re.compile(
    r"^(?:[-–—•❖●▪■◆♦➢➤►✓✔*·]\s*|(?:\(?[a-zA-Z]\)|[a-zA-Z]\.|\(?\d{1,2}\)|\d{1,2}\.(?!\d)"
    r"|[IVX]{1,4}\.)\s+)+"
)


def tanpa_penanda_daftar(s: str) -> str:
    """``s`` without leading bullets and enumerators (``- ``, ``❖``, ``a.``, ``1.``, ``b)``)."""
    return _PENANDA_DAFTAR.sub("", s, count=1)


def ada_penanda_daftar(s: str) -> bool:
    return bool(_PENANDA_DAFTAR.match(s))
