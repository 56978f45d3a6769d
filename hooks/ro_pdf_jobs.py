"""What the PDFs are, as data: a print document, a job (one PDF to make), a PDF made, a build, a sheet.

Imports no MkDocs and no WeasyPrint; ro_pdf plans the jobs and renders them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

import ro_editions
import ro_go
import ro_i18n


class Document:
    """One document's print HTML, rendered on first use and shared by its paper sizes."""

    def __init__(self, render: Callable[[], str], refill: Callable[[Mapping[str, int]], str] | None = None):
        """Render with `render` when the HTML is first needed; `refill(extras)` renders it with extra lines."""
        self._render = render
        self.refill = refill  # a worksheet on its own fills its pages with lines to write on (ro_pdf_fill)

    @cached_property
    def html(self) -> str:
        """The print HTML."""
        return self._render()


@dataclass(frozen=True)
class Job:
    """One PDF to make: its file name, what it holds, and what its print HTML is made from."""

    name: str
    group: str
    subject: str  # the worksheet or checklist id; the group name for the bank and the pack
    title: str
    paper: str
    home: str | None  # the guide-relative address of its web page (`prepare.md#cl-the-day-before`)
    url: str | None  # the same as a web address, printed on the PDF
    contains: tuple[str, ...]  # "worksheet:ID", "checklist:ID", "questions"
    fingerprint: str  # JSON of everything its HTML is made from besides the templates
    document: Document = field(compare=False, repr=False)
    # Radio groups take their name for assistive technology from here, not from their first option:
    # (field name, the group's label) and (field name--option id, the option's label); see _radio_labels.
    group_labels: tuple[tuple[str, str], ...] = ()

    @property
    def html(self) -> str:
        """The print HTML (rendered now if it was not yet)."""
        return self.document.html


@dataclass(frozen=True)
class Pdf:
    """A PDF of this build: in the cache (`path`), or deferred (`path` is None)."""

    job: Job
    key: str
    path: Path | None = None
    pages: int | None = None
    size: int | None = None
    rendered: bool = False

    @property
    def kilobytes(self) -> int | None:
        """Size in KB, rounded up."""
        return None if self.size is None else -(-self.size // 1024)


@dataclass(frozen=True)
class PdfBuild:
    """What one call of `render_all` made: every PDF, and which were rendered rather than cached."""

    pdfs: tuple[Pdf, ...] = ()
    rendered: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    seconds: float = 0.0
    enabled: bool = True

    def by_subject(self, group: str, subject: str) -> tuple[Pdf, ...]:
        """Return the PDFs of one worksheet, checklist, … in paper order."""
        return tuple(p for p in self.pdfs if p.job.group == group and p.job.subject == subject)


@dataclass(frozen=True)
class Sheet:
    """What a printed sheet says about itself: its short address, its QR code (drawn when printed), its edition."""

    url: str = ""  # `https://reaching-out.github.io/go/cl-the-day-before/`, "" for none
    edition: str = ""  # `December 1, 2026`

    @classmethod
    def of(cls, short_url: str, edition: str) -> Sheet:
        """Describe a sheet from its full short address ("" for none) and its ISO edition date."""
        return cls(short_url, ro_editions.shown(edition))

    @property
    def address(self) -> str:
        """The short address as a person types it (`reaching-out.github.io/go/…`)."""
        return ro_go.typed(self.url)

    @cached_property
    def qr(self) -> Markup:
        """The QR code of the short address (SVG); drawn only when a PDF is rendered, not for a cached one."""
        label = ro_i18n.gettext("QR code: %(url)s") % {"url": self.url}
        return ro_go.qr_svg(self.url, label) if self.url else Markup("")
