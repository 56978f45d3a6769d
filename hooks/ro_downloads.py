"""Downloads: `<!-- ro:downloads -->` → `downloads.html`, every PDF of the build with its size and pages.

Imports no MkDocs. The PDFs (ro_pdf) are made before any page renders, so the page lists what this
build holds; `mkdocs serve` lists the ones it has not built yet as such, and `RO_PDFS=0` says the
PDFs are off. A worksheet's own PDF links are rendered under its form by ro_worksheet, from the same
build. Accessibility: each group is a table with a caption and header cells; sizes are written out.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

import ro_pdf
from ro_component import Component, Context
from ro_markers import Marker

# The downloads page's tables, in this order; a PDF's group is `ro_pdf.Job.group`.
GROUPS = {"worksheets": "Worksheets", "checklists": "Checklists", "questions": "Question bank",
          "pack": "Counselor pack"}


@dataclass(frozen=True)
class Row:
    """One document of the downloads table: its PDFs, one per paper size."""

    title: str
    subject: str
    pdfs: tuple[ro_pdf.Pdf, ...]


def groups(build: ro_pdf.PdfBuild) -> list[tuple[str, str, list[Row]]]:
    """Return (group id, title, rows) for the downloads page, in the order of GROUPS."""
    out = []
    for group, title in GROUPS.items():
        rows: dict[str, Row] = {}
        for pdf in build.pdfs:
            if pdf.job.group == group:
                row = rows.get(pdf.job.subject)
                rows[pdf.job.subject] = Row(pdf.job.title, pdf.job.subject, (*(row.pdfs if row else ()), pdf))
        if rows:
            out.append((group, title, list(rows.values())))
    return out


class DownloadsComponent(Component):
    """`<!-- ro:downloads -->`: the tables of every PDF, by group."""

    name = "downloads"
    markers = ("downloads",)
    default_level, prefix = 2, "dl-"
    script = None  # a plain page: tables and links, nothing to save or start

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the tables (a note instead when the PDFs are off or not built yet)."""
        build = context.site.downloads or ro_pdf.PdfBuild(enabled=False)
        return context.render(self.partial, build=build, groups=groups(build), papers=context.site.papers,
                              level=context.level or 2)
