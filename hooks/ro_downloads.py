"""Downloads: `<!-- ro:downloads -->` → `downloads.html`, every PDF of the build with its size and pages.

Imports no MkDocs, nor ro_pdf: the PDFs are made before any page renders and reach the component in
its Context (`site.downloads`, a ro_pdf.PdfBuild), so the page lists what this build holds. `mkdocs
serve` lists the ones it has not built yet as such, and `RO_PDFS=0` says the PDFs are off. The page
has two sections, one per reader: "For you" (the worksheets, the checklists, the question bank) and
"For counselors" (the counselor pack, and that the sheets may be copied, with a link to the page
`counselors=` names). Each document's own PDFs are also linked where it lives (ro_pdf_links).
Accessibility: each section and each group is a region named by its heading; each group is a table
with header cells; sizes are written out, and each link names its document and paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ro_component import Component, Context
from ro_markers import Marker

# The downloads page's sections and, in each, its tables, in this order; a PDF's group is `ro_pdf.Job.group`.
SECTIONS = {
    "for-you": ("For you", {"worksheets": "Worksheets", "checklists": "Checklists", "questions": "Question bank"}),
    "for-counselors": ("For counselors", {"pack": "Counselor pack"}),
}
GROUPS = {group: title for _, groups in SECTIONS.values() for group, title in groups.items()}
_PAGE_LINK = re.compile(r"[a-z0-9][a-z0-9/_-]*\.md(#[a-z0-9-]+)?")  # `for-counselors.md#print-worksheets`


@dataclass(frozen=True)
class Row:
    """One document of the downloads table: its PDFs, one per paper size."""

    title: str
    subject: str
    pdfs: tuple[Any, ...]  # ro_pdf.Pdf, one per paper size


def groups(build: Any, titles: dict[str, str] = GROUPS) -> list[tuple[str, str, list[Row]]]:
    """Return (group id, title, rows) for the groups in `titles` that have PDFs, in that order."""
    out = []
    for group, title in titles.items():
        rows: dict[str, Row] = {}
        for pdf in build.pdfs:
            if pdf.job.group == group:
                row = rows.get(pdf.job.subject)
                rows[pdf.job.subject] = Row(pdf.job.title, pdf.job.subject, (*(row.pdfs if row else ()), pdf))
        if rows:
            out.append((group, title, list(rows.values())))
    return out


def sections(build: Any) -> list[tuple[str, str, list[tuple[str, str, list[Row]]]]]:
    """Return (section id, title, groups) for the downloads page, each section with PDFs, in the order of SECTIONS."""
    if build is None:
        return []
    found = [(section, title, groups(build, titles)) for section, (title, titles) in SECTIONS.items()]
    return [section for section in found if section[2]]


class DownloadsComponent(Component):
    """`<!-- ro:downloads counselors=PAGE#ID -->`: the tables of every PDF, for readers and for counselors."""

    name = "downloads"
    markers = ("downloads",)
    options = ("counselors", "level")
    default_level, prefix = 2, "dl-"
    script = None  # a plain page: tables and links, nothing to save or start

    def check(self, guide: Any, marker: Marker) -> str | None:
        """Refuse a `counselors=` that is not a link to a page of the guide (where it points is checked too)."""
        written = marker.option("counselors")
        if written is not None and not _PAGE_LINK.fullmatch(written):
            return (f"counselors={written} in 'ro:downloads' is not a page of the guide "
                    f"(expected a link such as counselors=for-counselors.md#print-worksheets)")
        return None

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the sections and their tables (a note instead when the PDFs are off or not built yet)."""
        build = context.site.downloads  # None: this build makes no PDFs
        return context.render(self.partial, build=build, sections=sections(build), papers=context.site.papers,
                              counselors=marker.option("counselors"), level=context.level or 2)
