"""Downloads: `<!-- ro:downloads -->` → `downloads.html`, every PDF of the build with its size and pages.

Imports no MkDocs. The PDFs (ro_pdf) are made before any page renders, so the page lists what this
build holds; `mkdocs serve` lists the ones it has not built yet as such, and `RO_PDFS=0` says the
PDFs are off. A worksheet's own PDF links are rendered under its form by ro_worksheet, from the same
build. Accessibility: each group is a table with a caption and header cells; sizes are written out.
"""

from __future__ import annotations

from markupsafe import Markup

import ro_pdf
from ro_component import Component, Context
from ro_markers import Marker


class DownloadsComponent(Component):
    """`<!-- ro:downloads -->`: the tables of every PDF, by group."""

    name = "downloads"
    markers = ("downloads",)
    default_level = 2
    script = None  # a plain page: tables and links, nothing to save or start

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the tables (a note instead when the PDFs are off or not built yet)."""
        build = context.site.downloads or ro_pdf.PdfBuild(enabled=False)
        return context.render(self.partial, build=build, groups=build.groups(), papers=ro_pdf.PAPERS,
                              level=context.level or 2)
