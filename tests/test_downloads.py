"""The downloads page (`ro:downloads`): every PDF of the build in tables by group, or a note saying why not.

The PDFs themselves (fields, pages, sizes, the cache) are tested in test_pdfs.py; this file renders the
component with builds made here, so each case can be checked on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import ro_downloads
import ro_pdf
import ro_registry
import ro_site


def _pdf(name: str, group: str, subject: str, title: str, paper: str, *, built: bool = True) -> ro_pdf.Pdf:
    job = ro_pdf.Job(name, group, subject, title, paper, "prepare.md#cl-x" if group == "checklists" else None,
                     None, (), "{}", ro_pdf.Document(lambda: ""))
    return ro_pdf.Pdf(job, "key", Path("/tmp") / name if built else None, 2 if built else None,
                      3000 if built else None)


@pytest.fixture
def downloads_with(sample_guide):
    """Render `ro:downloads` on a page of its own, with a given build."""

    def _render(build):
        site = ro_site.Site(sample_guide)
        assert site.check_pages({"downloads.md": "<!-- ro:downloads -->"}) == []
        site.downloads = build
        site.page = ro_site.PageContext("downloads.md", lambda target: f"/resolved/{target}")
        markers, _ = ro_registry.parse("<!-- ro:downloads -->")
        return BeautifulSoup(str(site.render(markers[0])), "html.parser")

    return _render


def test_without_pdfs_the_page_says_they_are_off(render):
    html = render("<!-- ro:downloads -->")
    assert "switched off" in html.select_one(".ro-downloads .ro-downloads__note").get_text()
    assert html.select("table") == []


def test_each_group_is_a_headed_table_with_a_row_per_document(downloads_with):
    pdfs = tuple(_pdf(f"checklist-x-{paper}.pdf", "checklists", "x", "The *day* before", paper)
                 for paper in ro_pdf.PAPERS) + (_pdf("question-bank-a4.pdf", "questions", "questions", "Bank", "a4"),)
    html = downloads_with(ro_pdf.PdfBuild(pdfs=pdfs))
    groups = html.select("section.ro-downloads__group")
    assert [g["id"] for g in groups] == ["dl-checklists", "dl-questions"]  # in the order of GROUPS
    assert groups[0]["aria-labelledby"] == "dl-checklists-title"
    assert html.select_one("#dl-checklists-title").get_text() == "Checklists"
    row = html.select_one("tr#dl-checklists--x")
    assert row.select_one("th a")["href"] == "/resolved/prepare.md#cl-x"
    assert row.select_one("th em").get_text() == "day"  # the title's Markdown, escaped and rendered
    files = row.select("a.ro-downloads__file")
    assert [a["href"] for a in files] == [f"/resolved/downloads/checklist-x-{p}.pdf" for p in ro_pdf.PAPERS]
    assert [a.select_one(".ro-visually-hidden").get_text() for a in files] == [
        ": The day before, A4", ": The day before, US Letter"]
    assert row.select_one(".ro-downloads__meta").get_text(strip=True) == "2 pages, 3 KB"


def test_a_preview_lists_the_pdfs_it_has_not_built(downloads_with):
    pdfs = (_pdf("checklist-x-a4.pdf", "checklists", "x", "X", "a4", built=False),)
    html = downloads_with(ro_pdf.PdfBuild(pdfs=pdfs, deferred=("checklist-x-a4.pdf",)))
    assert "1 of 1 PDFs are not built yet" in html.select_one(".ro-downloads__note").get_text()
    assert html.select_one("tr#dl-checklists--x td").get_text(strip=True) == "not built in this preview"
    assert html.select("a.ro-downloads__file") == []


def test_groups_join_the_paper_sizes_of_one_document():
    pdfs = [_pdf(f"worksheet-w-{p}.pdf", "worksheets", "w", "W", p) for p in ro_pdf.PAPERS]
    (group, title, rows), = ro_downloads.groups(ro_pdf.PdfBuild(pdfs=tuple(pdfs)))
    assert (group, title, [r.subject for r in rows]) == ("worksheets", "Worksheets", ["w"])
    assert [p.job.paper for p in rows[0].pdfs] == list(ro_pdf.PAPERS)
