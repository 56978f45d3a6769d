"""WeasyPrint, as the PDFs use it: the shipped fonts and stylesheets, fillable forms, the AcroForm repair.

Imports no MkDocs. `document` lays out print HTML on one paper size (for measuring); `render_pdf` writes
the fillable PDF. The files named in FILES (relative to the print folder) are all this module reads,
and they are part of every PDF's cache key (see ro_pdf.inputs_digest).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ro_pdf_acroform

STYLESHEETS = ("fonts.css", "pdf.css")
FONTS = ("fonts/LiberationSans-Regular.ttf", "fonts/LiberationSans-Bold.ttf")
FILES = (*STYLESHEETS, *FONTS)


def _options() -> dict:
    import weasyprint

    # A tagged PDF (structure, language) for screen readers, where this WeasyPrint can make one.
    return {"pdf_forms": True} | ({"pdf_tags": True} if "pdf_tags" in weasyprint.DEFAULT_OPTIONS else {})


def document(html: str, size: str, print_dir: Path):
    """Lay out print HTML on paper of CSS size `size` (`A4`, `letter`); return WeasyPrint's document."""
    import weasyprint  # imported on first use: builds with every PDF cached never load it
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # @font-face works only through a font configuration
    stylesheets = [weasyprint.CSS(filename=str(print_dir / name), font_config=fonts) for name in STYLESHEETS]
    stylesheets.append(weasyprint.CSS(string=f"@page {{ size: {size}; }}"))
    return weasyprint.HTML(string=html, base_url=str(print_dir) + "/").render(
        stylesheets=stylesheets, font_config=fonts, **_options()
    )


def render_pdf(html: str, size: str, group_labels: Mapping[str, str], print_dir: Path) -> tuple[bytes, int]:
    """Render print HTML to a fillable PDF; return its bytes and its page count."""
    laid_out = document(html, size, print_dir)
    content = laid_out.write_pdf(finisher=ro_pdf_acroform.finisher(dict(group_labels)), **_options())
    return content, len(laid_out.pages)
