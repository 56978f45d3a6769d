"""The guide's PDFs for one build, whatever the engine: which to make, from the cache or rendered.

Imports no MkDocs. The MkDocs hook calls `make` with its pages' URLs and adds the PDFs to the site; without
the hook, the Markdown extension calls it before the first page renders (so the Downloads page and the
worksheets list the PDFs) and `ro_after.py` copies them into `site/downloads/`.

RO_PDFS switches them: unset, every PDF whose inputs changed is rendered (`defer` skips uncached ones, as
`mkdocs serve` does); RO_PDFS=1 renders them even then; RO_PDFS=0 makes none. RO_PDF_CACHE moves the cache
from `.cache/pdf/`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import ro_editions
import ro_pdf

OFF = ("0", "off", "no", "false")
ON = ("1", "on", "yes", "true", "all")


def switched_off() -> bool:
    """Return whether RO_PDFS turns the PDFs off."""
    return os.environ.get("RO_PDFS", "").strip().lower() in OFF


def make(site, pages: list[tuple[str, str]], *, site_name: str, root: Path, url_of: Callable[[str], str | None],
         defer: bool = False) -> ro_pdf.PdfBuild:  # noqa: ANN001 - ro_site.Site (no import cycle)
    """Make (or take from the cache) every PDF; `pages` is each page's (source, URL), `url_of` a page's URL."""
    if switched_off():
        return ro_pdf.PdfBuild(enabled=False)
    cache = Path(os.environ.get("RO_PDF_CACHE") or root / ".cache" / "pdf")
    site_url = site.site_url

    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        found = url_of(path) if path else ""
        url = path if found is None else found  # "" is the start page's URL
        if not site_url:
            return ""
        return urljoin(site_url, url) + (f"#{anchor}" if anchor else "")

    # Links in the data are printed as web addresses: a page that moves changes the PDFs.
    links_key = json.dumps([site_url, sorted(pages)])
    record = ro_editions.record_of(site.language, root)
    editions, stale = ro_editions.current(site.guide, record)
    if stale:  # dated today until `make editions` records the change (a test insists on it)
        sys.stderr.write(f"WARNING: {record.name}: {len(stale)} sheets changed since their edition was recorded "
                         f"({', '.join(stale[:4])}{', …' if len(stale) > 4 else ''}); run `make editions`\n")
    jobs = ro_pdf.plan(site.guide, site_name=site_name, link=link, where=site.link_to, links_key=links_key,
                       short=site.short_url, editions=editions)
    forced = os.environ.get("RO_PDFS", "").strip().lower() in ON
    return ro_pdf.render_all(jobs, cache, defer_uncached=defer and not forced)
