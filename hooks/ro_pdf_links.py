"""A document's own PDFs, linked where it lives: under a worksheet, in a checklist, atop the question bank.

Imports no MkDocs and no PDF code: the build (ro_pdf.PdfBuild) reaches the components through their
Context, made before any page renders, so the components stay free of ro_pdf, which imports them.
`pdf-links.html` shows one link per paper size with its page count and size, then "All downloads"
when the guide has a downloads page (ro_downloads). With the PDFs off (`RO_PDFS=0`) nothing is shown;
a PDF `mkdocs serve` has not built yet is named as such, without a link. Accessibility: each link's
name says what it downloads out of context ("A4 PDF: The day before"), and on a touch screen each
link is at least 44×44 px. Print: the links are hidden (print.css `.ro-pdf-links`).
"""

from __future__ import annotations

from markupsafe import Markup

from ro_component import Context


def pdf_links(context: Context, group: str, subject: str) -> Markup:
    """Render the links to the PDFs of one worksheet, checklist, … (empty when this build made none)."""
    build = context.site.downloads
    pdfs = build.by_subject(group, subject) if build else ()
    if not pdfs:
        return Markup("")
    return context.render("pdf-links.html", pdfs=pdfs, papers=context.site.papers,
                          downloads=context.site.home_of("downloads"))
