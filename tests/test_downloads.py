"""The downloads page (`ro:downloads`): every PDF of the build in a section per reader, in tables by group, or
a note saying why not; and each document's own PDF links where it lives (ro_pdf_links, `pdf-links.html`).

The PDFs themselves (fields, pages, sizes, the cache) are tested in test_pdfs.py; this file renders the
components with builds made here, so each case can be checked on its own, then checks the real guide's pages
against the real files.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import ro_downloads
import ro_pdf
import ro_registry
import ro_site
from browser_support import Browsing, open_ready
from support import DATA, ROOT

CHECKLISTS = yaml.safe_load((DATA / "checklists.yml").read_text())["checklists"]


def _pdf(name: str, group: str, subject: str, title: str, paper: str, *, built: bool = True) -> ro_pdf.Pdf:
    job = ro_pdf.Job(name, group, subject, title, paper, "prepare.md#cl-x" if group == "checklists" else None,
                     None, (), "{}", ro_pdf.Document(lambda: ""))
    return ro_pdf.Pdf(job, "key", Path("/tmp") / name if built else None, 1 if paper == "a4" else 2,
                      3000 if paper == "a4" else 5000) if built else ro_pdf.Pdf(job, "key")


def _both(stem: str, group: str, subject: str, title: str, **built: bool) -> tuple[ro_pdf.Pdf, ...]:
    return tuple(_pdf(f"{stem}-{paper}.pdf", group, subject, title, paper, **built) for paper in ro_pdf.PAPERS)


@pytest.fixture
def rendered_with(sample_guide):
    """Render one marker on `page` of a guide whose pages are `pages`, with a given build of PDFs."""

    def _render(line: str, build, pages: dict[str, str], page: str):
        site = ro_site.Site(sample_guide)
        assert site.check_pages(pages) == []
        site.downloads = build
        site.page = ro_site.PageContext(page, lambda target: f"/resolved/{target}")
        markers, _ = ro_registry.parse(line)
        return BeautifulSoup(str(site.render(markers[0])), "html.parser")

    return _render


@pytest.fixture
def downloads_with(rendered_with):
    """Render `ro:downloads` on a page of its own, with a given build (and the marker as written)."""

    def _render(build, line: str = "<!-- ro:downloads -->"):
        return rendered_with(line, build, {"downloads.md": line}, "downloads.md")

    return _render


# --- The downloads page ---


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
    assert [m.get_text(strip=True) for m in row.select(".ro-downloads__meta")] == ["1 page, 3 KB", "2 pages, 5 KB"]


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


def test_the_page_has_a_section_for_readers_then_one_for_counselors(downloads_with):
    pdfs = (*_both("worksheet-w", "worksheets", "w", "W"), *_both("checklist-x", "checklists", "x", "X"),
            *_both("question-bank", "questions", "questions", "Question bank"),
            *_both("counselor-pack", "pack", "pack", "Counselor pack"))
    html = downloads_with(ro_pdf.PdfBuild(pdfs=pdfs))
    sections = html.select(".ro-downloads > section.ro-downloads__section")
    assert [s["id"] for s in sections] == ["dl-for-you", "dl-for-counselors"]
    assert [s.select_one("h2").get_text() for s in sections] == ["For you", "For counselors"]
    assert [s["aria-labelledby"] for s in sections] == ["dl-for-you-title", "dl-for-counselors-title"]
    assert [[g["id"] for g in s.select("section.ro-downloads__group")] for s in sections] == [
        ["dl-worksheets", "dl-checklists", "dl-questions"], ["dl-pack"]]
    assert [h.name for h in sections[0].select(".ro-downloads__title")] == ["h3"] * 3  # under the section's h2
    files = [a["href"] for a in html.select("a.ro-downloads__file")]
    assert files == [f"/resolved/downloads/{p.job.name}" for p in pdfs]  # each once, in order
    counselors = sections[1].select_one(".ro-downloads__intro ~ .ro-downloads__intro").get_text(" ", strip=True)
    assert "You may copy any sheet on this page" in counselors and "CC BY 4.0" in counselors
    assert sections[1].select("a:not(.ro-downloads__file)") == []  # no counselors= page: nothing to link


def test_the_counselors_section_links_the_page_the_marker_names(downloads_with):
    line = "<!-- ro:downloads counselors=for-counselors.md#print-worksheets -->"
    html = downloads_with(ro_pdf.PdfBuild(pdfs=_both("counselor-pack", "pack", "pack", "Counselor pack")), line)
    link = html.select_one("#dl-for-counselors .ro-downloads__intro a")
    assert (link["href"], link.get_text()) == ("/resolved/for-counselors.md#print-worksheets", "Print worksheets")
    assert html.select_one("#dl-pack th").find("a") is None  # the pack's home is this page


def test_a_reader_section_without_pdfs_is_left_out(downloads_with):
    html = downloads_with(ro_pdf.PdfBuild(pdfs=_both("counselor-pack", "pack", "pack", "Counselor pack")))
    assert [s["id"] for s in html.select("section.ro-downloads__section")] == ["dl-for-counselors"]


@pytest.mark.parametrize("value", ["https://example.com/x.md", "javascript:alert(1)", "for-counselors"])
def test_counselors_must_name_a_page_of_the_guide(sample_guide, value):
    site = ro_site.Site(sample_guide)
    problems = site.check_pages({"downloads.md": f"<!-- ro:downloads counselors={value} -->"})
    assert problems == [f"docs/downloads.md:1: counselors={value} in 'ro:downloads' is not a page of the guide "
                        "(expected a link such as counselors=for-counselors.md#print-worksheets)"]


# --- A document's own PDFs, where it lives ---

CHECKLIST_PAGES = {"checklist.md": "<!-- ro:checklist the-day-before -->", "downloads.md": "<!-- ro:downloads -->"}


def _links(html: BeautifulSoup, where: str) -> list[tuple[str, str, str, str]]:
    """(href, visible words, hidden words, meta) of each PDF link under `where`."""
    found = []
    for link in html.select(f"{where} .ro-pdf-links a.ro-pdf-links__link"):
        hidden = link.select_one(".ro-visually-hidden")
        found.append((link["href"], link.find(string=True, recursive=False), hidden.get_text(),
                      link.find_next_sibling(class_="ro-pdf-links__meta").get_text()))
    return found


def test_a_checklist_links_its_own_pdfs_at_its_end(rendered_with):
    pdfs = (*_both("checklist-the-day-before", "checklists", "the-day-before", "The *day* before"),
            *_both("checklist-other", "checklists", "other", "Other"))
    html = rendered_with("<!-- ro:checklist the-day-before -->", ro_pdf.PdfBuild(pdfs=pdfs), CHECKLIST_PAGES,
                         "checklist.md")
    block = html.select_one("section.ro-checklist > p.ro-pdf-links:last-child")
    assert block.select_one(".ro-pdf-links__label").get_text() == "Printable PDF with a box to check for each step:"
    assert _links(html, ".ro-checklist") == [
        ("/resolved/downloads/checklist-the-day-before-a4.pdf", "A4", " PDF: The day before", "(1 page, 3 KB)"),
        ("/resolved/downloads/checklist-the-day-before-letter.pdf", "US Letter", " PDF: The day before",
         "(2 pages, 5 KB)")]
    assert all(a.has_attr("download") for a in block.select("a.ro-pdf-links__link"))
    assert block.select_one("a.ro-pdf-links__all")["href"] == "/resolved/downloads.md"


def test_the_question_bank_links_its_pdfs_above_its_questions(rendered_with):
    pdfs = _both("question-bank", "questions", "questions", "Question bank")
    pages = {"questions.md": "<!-- ro:question-bank -->"}  # a guide without a downloads page
    html = rendered_with("<!-- ro:question-bank -->", ro_pdf.PdfBuild(pdfs=pdfs), pages, "questions.md")
    bank = html.select_one(".ro-question-bank")
    first = bank.find(lambda tag: tag.name != "script", recursive=False)
    assert first.get("class") == ["ro-pdf-links"]
    assert first.select_one(".ro-pdf-links__label").get_text() == "Printable PDF of every question:"
    assert [(href, words, hidden) for href, words, hidden, _ in _links(html, ".ro-question-bank")] == [
        ("/resolved/downloads/question-bank-a4.pdf", "A4", " PDF: Question bank"),
        ("/resolved/downloads/question-bank-letter.pdf", "US Letter", " PDF: Question bank")]
    assert first.select(".ro-pdf-links__all") == []  # no downloads page to point to


def test_a_worksheet_keeps_its_wording_under_its_form(rendered_with):
    pdfs = _both("worksheet-conversation-prep", "worksheets", "conversation-prep", "Conversation prep")
    pages = {"worksheet.md": "<!-- ro:worksheet conversation-prep -->"}
    html = rendered_with("<!-- ro:worksheet conversation-prep -->", ro_pdf.PdfBuild(pdfs=pdfs), pages, "worksheet.md")
    block = html.select_one(".ro-worksheet + p.ro-pdf-links")
    assert block.select_one(".ro-pdf-links__label").get_text() == "Fillable PDF to print or fill in a PDF reader:"
    assert [hidden for _, _, hidden, _ in _links(html, "")] == [" PDF: Conversation prep"] * 2


def test_without_pdfs_a_checklist_links_none(rendered_with):
    html = rendered_with("<!-- ro:checklist the-day-before -->", ro_pdf.PdfBuild(enabled=False), CHECKLIST_PAGES,
                         "checklist.md")
    assert html.select(".ro-pdf-links") == []
    html = rendered_with("<!-- ro:question-bank -->", None, {"questions.md": "<!-- ro:question-bank -->"},
                         "questions.md")
    assert html.select(".ro-pdf-links") == []


def test_in_a_preview_a_pdf_not_built_yet_is_named_without_a_link(rendered_with):
    pdfs = _both("checklist-the-day-before", "checklists", "the-day-before", "The day before", built=False)
    build = ro_pdf.PdfBuild(pdfs=pdfs, deferred=tuple(p.job.name for p in pdfs))
    html = rendered_with("<!-- ro:checklist the-day-before -->", build, CHECKLIST_PAGES, "checklist.md")
    assert html.select(".ro-pdf-links a.ro-pdf-links__link") == []
    assert [s.get_text() for s in html.select(".ro-pdf-links__missing")] == [
        "A4: not built in this preview", "US Letter: not built in this preview"]


# --- The real guide ---


def _page(site: Path, src: str) -> tuple[Path, BeautifulSoup]:
    page = site / src.removesuffix(".md") / "index.html"
    return page, BeautifulSoup(page.read_text(), "html.parser")


def _own_links(real_site: Path, src: str) -> list[tuple[str, int, int]]:
    """(file name, pages, KB) of every PDF link of the components on a page of the real site, checked to exist."""
    page, html = _page(real_site, src)
    found = []
    for link in html.select("article .ro-pdf-links a.ro-pdf-links__link"):
        target = (page.parent / link["href"]).resolve()
        assert target.is_file(), target
        meta = link.find_next_sibling(class_="ro-pdf-links__meta")
        found.append((target.name, int(meta["data-ro-pages"]), int(meta["data-ro-kb"])))
    return found


def _real(downloads: Path, name: str) -> tuple[str, int, int]:
    from pypdf import PdfReader

    path = downloads / name
    return name, len(PdfReader(path).pages), math.ceil(path.stat().st_size / 1024)


def _homes() -> dict[str, str]:
    """Where each checklist and the question bank live in the real guide (their markers), page → ids."""
    homes: dict[str, list[str]] = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        markers, _ = ro_registry.parse(page.read_text())
        for marker in markers:
            if marker.name in ("checklist", "question-bank"):
                homes.setdefault(page.relative_to(ROOT / "docs").as_posix(), []).append(marker.target or "")
    return homes


def test_every_checklist_home_and_the_question_bank_link_exactly_their_pdfs(real_site):
    homes = _homes()
    assert sorted(i for ids in homes.values() for i in ids if i) == sorted(c["id"] for c in CHECKLISTS)
    for src, ids in homes.items():
        names = [f"checklist-{i}-{p}.pdf" if i else f"question-bank-{p}.pdf" for i in ids for p in ro_pdf.PAPERS]
        assert _own_links(real_site, src) == [_real(real_site / "downloads", n) for n in names], src


def test_the_real_downloads_page_lists_each_pdf_once_for_readers_then_counselors(real_site):
    _, html = _page(real_site, "downloads.md")
    sections = html.select("article .ro-downloads > section.ro-downloads__section")
    assert [(s["id"], s.select_one(".ro-downloads__section-title").get_text()) for s in sections] == [
        ("dl-for-you", "For you"), ("dl-for-counselors", "For counselors")]
    assert [[g["id"] for g in s.select(".ro-downloads__group")] for s in sections] == [
        ["dl-worksheets", "dl-checklists", "dl-questions"], ["dl-pack"]]
    names = [a["href"].rsplit("/", 1)[-1] for a in html.select("article a.ro-downloads__file")]
    assert len(names) == len(set(names)) == len(list((real_site / "downloads").glob("*.pdf")))
    assert [n for s in sections[1:] for n in (a["href"].rsplit("/", 1)[-1] for a in s.select("a[download]"))] == [
        f"counselor-pack-{p}.pdf" for p in ro_pdf.PAPERS]
    license_line = sections[1].find("a", string="Print worksheets")
    assert license_line["href"] == "../for-counselors/#print-worksheets"
    assert "CC BY 4.0" in license_line.parent.get_text()


def test_every_published_downloads_target_still_resolves(real_site):
    contract = (ROOT / "link-contract.txt").read_text().splitlines()
    anchors = [line.split("#", 1)[1] for line in contract if line.startswith("downloads.md#")]
    ids = {tag["id"] for tag in _page(real_site, "downloads.md")[1].select("[id]")}
    # The group and row ids the page has always had, contracted or not yet, stay as they were.
    kept = ["dl-worksheets", "dl-checklists", "dl-questions", "dl-pack", "dl-questions--questions", "dl-pack--pack"]
    kept += [f"dl-checklists--{c['id']}" for c in CHECKLISTS]
    assert [a for a in [*anchors, *kept] if a not in ids] == []


# --- On a phone ---

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
SIZES = """() => [...document.querySelectorAll(".md-content .ro-pdf-links a")].map(a => {
  const r = a.getBoundingClientRect();
  return [a.textContent, Math.round(r.width), Math.round(r.height), r.right <= innerWidth];
})"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["checklist/", "questions/", "worksheet/"])
def test_on_a_phone_every_pdf_link_is_big_enough_to_touch_and_fits(chromium, sample_url, path):
    phone = Browsing(chromium, **PHONE)
    try:
        open_ready(phone.page, sample_url + path)
        sizes = phone.page.evaluate(SIZES)
    finally:
        phone.close()
    assert sizes, "no PDF links on the page"
    assert [s for s in sizes if s[1] < 44 or s[2] < 44 or not s[3]] == []
