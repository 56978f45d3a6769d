"""Downloads: the fillable PDFs, their build cache, the downloads page, and printing the web pages.

The expected AcroForm fields are derived here from the YAML alone, not from ro_pdf, so a change in
the naming scheme or a lost field shows up as a difference.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter

import ro_data
import ro_markdown
import ro_pdf
import ro_pdf_cache
import ro_site
from support import DATA, ROOT, SAMPLE_DOCS, SAMPLE_NAV, build_site, built_once

WORKSHEETS = yaml.safe_load((DATA / "worksheets.yml").read_text())["worksheets"]
CHECKLISTS = yaml.safe_load((DATA / "checklists.yml").read_text())["checklists"]
PAPERS = {"a4": (595, 842), "letter": (612, 792)}  # points
DEFAULT_ROWS = 3  # a rows field without `rows:` starts with three (CONTRIBUTING: "an optional starting rows count")
NAMES = sorted(
    [f"worksheet-{w['id']}-{p}.pdf" for w in WORKSHEETS for p in PAPERS]
    + [f"checklist-{c['id']}-{p}.pdf" for c in CHECKLISTS for p in PAPERS]
    + [f"question-bank-{p}.pdf" for p in PAPERS]
    + [f"counselor-pack-{p}.pdf" for p in PAPERS]
)
FIELD_TYPE = {"checkbox": "/Btn", "choice": "/Btn"}  # a choice is a radio group; everything else text
COLUMN_TYPE = {"checkbox": "/Btn", "choice": "/Ch"}  # a choice column is a combo box


def sheet_fields(form: str) -> dict[str, str]:
    """The text fields every sheet starts with: the reader's name, the date, and who they work with."""
    return {f"sheet--{form}--{part}": "/Tx" for part in ("name", "date", "with")}


def worksheet_fields(worksheet: dict) -> dict[str, str]:
    """Field name → field type (/Tx, /Btn, /Ch) for one worksheet, from its YAML."""
    fields = sheet_fields(f"ws-{worksheet['id']}")
    prefix = f"ws-{worksheet['id']}--"
    for section in worksheet["sections"]:
        for field in section["fields"]:
            if field["type"] == "rows":
                for row in range(1, field.get("rows", DEFAULT_ROWS) + 1):
                    for column in field["columns"]:
                        kind = COLUMN_TYPE.get(column.get("type", "short-text"), "/Tx")
                        fields[f"{prefix}{field['id']}--{row}--{column['id']}"] = kind
            else:
                fields[prefix + field["id"]] = FIELD_TYPE.get(field["type"], "/Tx")
    return fields


def checklist_fields(checklist: dict) -> dict[str, str]:
    """Field name → type for one checklist: a checkbox per item."""
    return sheet_fields(f"cl-{checklist['id']}") | {f"cl-{checklist['id']}--{item['id']}": "/Btn"
                                                     for item in checklist["items"]}


def yaml_fields(worksheet: dict) -> list[dict]:
    return [f for s in worksheet["sections"] for f in s["fields"]]


def fields_of(reader: PdfReader) -> dict[str, str]:
    return {name: field.get("/FT") for name, field in (reader.get_fields() or {}).items()}


# --- The PDFs of the real guide ---


def test_every_pdf_is_built_and_nothing_else(downloads):
    assert sorted(p.name for p in downloads.glob("*.pdf")) == NAMES


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_pdf_has_one_field_per_yaml_field(readers, worksheet, paper):
    reader = readers[f"worksheet-{worksheet['id']}-{paper}.pdf"]
    assert fields_of(reader) == worksheet_fields(worksheet)


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_controls_match_their_yaml_type(readers, worksheet):
    fields = readers[f"worksheet-{worksheet['id']}-a4.pdf"].get_fields()
    prefix = f"ws-{worksheet['id']}--"
    for field in yaml_fields(worksheet):
        flags = int(fields.get(prefix + field["id"], {}).get("/Ff", 0))
        if field["type"] == "long-text":
            assert flags & (1 << 12), f"{field['id']} is not multi-line"
        elif field["type"] in ("short-text", "date"):
            assert not flags & (1 << 12), f"{field['id']} is multi-line"
        elif field["type"] == "choice":
            assert flags & (1 << 15), f"{field['id']} is not a radio group"
            states = [s for s in fields[prefix + field["id"]]["/_States_"] if s != "/Off"]
            assert states == [f"/{o['id']}" for o in field["options"]]
        elif field["type"] == "rows":
            for column in field["columns"]:
                if column.get("type") == "choice":
                    cell = fields[f"{prefix}{field['id']}--1--{column['id']}"]
                    assert int(cell["/Ff"]) & (1 << 17), "a choice column is a combo box"
                    # It stores and shows the label the reader saw (a reader that redraws fields shows the value)
                    assert [str(o[0]) for o in cell["/Opt"]] == ["", *(o["label"] for o in column["options"])]


def widgets(reader: PdfReader):
    """Every form widget annotation of the PDF with its field name."""
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Widget":
                name = annotation.get("/T") or annotation["/Parent"].get_object()["/T"]
                yield page, name, annotation


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_long_text_height_follows_its_lines(readers, worksheet):
    """A long-text box is a whole number of 8.5 mm ruled lines: at least its YAML's, more where the page has room."""
    for paper in PAPERS:
        heights = {}
        for _page, name, annotation in widgets(readers[f"worksheet-{worksheet['id']}-{paper}.pdf"]):
            rect = [float(v) for v in annotation["/Rect"]]
            heights[name] = abs(rect[3] - rect[1]) / 72 * 25.4
        for field in yaml_fields(worksheet):
            if field["type"] == "long-text":
                lines = heights[f"ws-{worksheet['id']}--{field['id']}"] / 8.5
                assert lines == pytest.approx(round(lines), abs=0.05), (paper, field["id"], lines)
                assert round(lines) >= field.get("lines", 4), (paper, field["id"], lines)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_pdf_fits_its_declared_pages(readers, worksheet, paper):
    pages = len(readers[f"worksheet-{worksheet['id']}-{paper}.pdf"].pages)
    assert 1 <= pages <= worksheet["pages"], f"{pages} pages, {worksheet['pages']} declared"


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_pdf_names_the_guide_title_and_web_address(readers, worksheet):
    text = " ".join(readers[f"worksheet-{worksheet['id']}-letter.pdf"].pages[0].extract_text().split())
    assert "REACHING OUT" in text and "WORKSHEET" in text
    assert worksheet["title"] in text
    assert "PDF reader" in text  # the short instructions
    assert f"reaching-out.github.io/go/ws-{worksheet['id']}/" in text  # its short address (and QR code)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_checklist_pdf_has_a_checkbox_per_item_on_one_page(readers, checklist, paper):
    reader = readers[f"checklist-{checklist['id']}-{paper}.pdf"]
    assert fields_of(reader) == checklist_fields(checklist)
    assert len(reader.pages) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_question_bank_pdf_lists_every_question_by_category(readers, paper):
    reader = readers[f"question-bank-{paper}.pdf"]
    assert fields_of(reader) == sheet_fields("questions")  # the questions are printed and ticked by hand
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    bank = yaml.safe_load((DATA / "questions.yml").read_text())
    positions = []
    squeezed = "".join(text.split())  # a line may break after a hyphen ("full-" / "time")
    for category in bank["categories"]:
        positions.append(text.index(category["title"]))
        for question in category["questions"]:
            assert "".join(question["text"].split()) in squeezed, question["id"]
    assert positions == sorted(positions)


@pytest.mark.parametrize("paper", PAPERS)
def test_counselor_pack_holds_every_worksheet_and_checklist(readers, paper):
    reader = readers[f"counselor-pack-{paper}.pdf"]
    expected = {}
    for worksheet in WORKSHEETS:
        expected |= worksheet_fields(worksheet)
    for checklist in CHECKLISTS:
        expected |= checklist_fields(checklist)
    assert fields_of(reader) == expected
    single = sum(len(readers[f"worksheet-{w['id']}-{paper}.pdf"].pages) for w in WORKSHEETS)
    single += sum(len(readers[f"checklist-{c['id']}-{paper}.pdf"].pages) for c in CHECKLISTS)
    assert len(reader.pages) == single + 1  # each document starts a page; one contents page


@pytest.mark.parametrize("name", [n for n in NAMES if not n.startswith("question-bank")])
def test_every_field_has_an_appearance_and_buttons_can_be_redrawn(readers, name):
    """Readers draw what the PDF says; tools that ask for a redraw find a font for ticks and dots."""
    reader = readers[name]
    acroform = reader.trailer["/Root"]["/AcroForm"]
    assert acroform.get("/NeedAppearances") in (None, False)
    assert "/ZaDb" in acroform["/DR"]["/Font"]
    for _page, field, widget in widgets(reader):
        assert "/N" in widget["/AP"], field
        kind = widget.get("/FT") or widget["/Parent"].get_object()["/FT"]
        if kind == "/Btn":
            assert widget["/DA"].startswith("/ZaDb "), field
            assert widget["/MK"]["/CA"] in ("4", "l"), field


@pytest.mark.parametrize("name", NAMES)
def test_pdf_has_the_paper_size_of_its_name(readers, name):
    width, height = PAPERS[re.search(r"-(a4|letter)\.pdf$", name).group(1)]
    for page in readers[name].pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=1)
        assert float(page.mediabox.height) == pytest.approx(height, abs=1)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_embeds_only_the_shipped_font(readers, name):
    from fontTools.ttLib import TTFont

    seen = set()
    for page in readers[name].pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            embedded = descriptor.get("/FontFile2") or descriptor.get("/FontFile3") or descriptor.get("/FontFile")
            assert embedded is not None, f"{font['/BaseFont']} is not embedded"
            if embedded.idnum in seen:
                continue
            seen.add(embedded.idnum)
            names = TTFont(io.BytesIO(embedded.get_object().get_data()))["name"]
            assert names.getDebugName(1) == "Liberation Sans", font["/BaseFont"]
            assert names.getDebugName(5).startswith("Version 2.1.5"), names.getDebugName(5)
    assert seen


@pytest.mark.parametrize("name", NAMES)
def test_pdf_passes_qpdf_check(downloads, name):
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.fail("qpdf is missing: apt-get install qpdf")
    result = subprocess.run([qpdf, "--check", str(downloads / name)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_filled_worksheet_keeps_its_values_after_save_and_reopen(downloads, worksheet, tmp_path):
    source = PdfReader(downloads / f"worksheet-{worksheet['id']}-a4.pdf")
    values = {}
    for name, field in source.get_fields().items():
        if field["/FT"] == "/Tx":
            values[name] = f"Answer {len(values)}"
        elif field["/FT"] == "/Ch":
            values[name] = str(field["/Opt"][-1][0])
        elif int(field.get("/Ff", 0)) & (1 << 15):  # a radio group
            values[name] = [s for s in field["/_States_"] if s != "/Off"][-1]
        else:
            values[name] = "/on"
    first_text = next(n for n, f in source.get_fields().items() if f["/FT"] == "/Tx")
    values[first_text] = "Zoë Ünal, 15 June"
    writer = PdfWriter(clone_from=source)
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        on_page = {name for _page, name, _annotation in widgets(writer) if _page == page}
        writer.update_page_form_field_values(page, {k: v for k, v in values.items() if k in on_page},
                                             auto_regenerate=False)
    saved = tmp_path / "filled.pdf"
    with saved.open("wb") as out:
        writer.write(out)
    reread = {name: field.get("/V") for name, field in PdfReader(saved).get_fields().items()}
    assert reread == values


# --- The downloads page and the worksheet pages ---


def test_downloads_page_lists_every_pdf_with_its_real_size_and_pages(real_site, downloads, readers):
    html = BeautifulSoup((real_site / "downloads" / "index.html").read_text(), "html.parser")
    component = html.select_one("article .ro-downloads")
    listed = {}
    for link in component.select("a.ro-downloads__file"):
        name = link["href"].rsplit("/", 1)[-1]
        meta = link.find_next_sibling(class_="ro-downloads__meta")
        listed[name] = (int(meta["data-ro-pages"]), int(meta["data-ro-kb"]))
    assert sorted(listed) == NAMES
    for name, (pages, kilobytes) in listed.items():
        assert pages == len(readers[name].pages), name
        assert kilobytes == math.ceil((downloads / name).stat().st_size / 1024), name
    titles = [h.get_text(strip=True) for h in component.select(".ro-downloads__title")]
    assert titles == ["Worksheets", "Checklists", "Question bank", "Counselor pack"]
    assert not component.select(".ro-downloads__note")  # nothing deferred or switched off


def test_downloads_page_is_in_the_nav_under_tools_after_checklists():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    tools = next(entry["Tools"] for entry in config["nav"] if isinstance(entry, dict) and "Tools" in entry)
    pages = [entry for entry in tools if isinstance(entry, str)]
    assert pages[pages.index("checklists.md") + 1] == "downloads.md"


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_every_worksheet_page_links_its_pdfs(real_site, worksheet):
    page = real_site / "worksheets" / worksheet["id"] / "index.html"
    html = BeautifulSoup(page.read_text(), "html.parser")
    links = html.select("article .ro-pdf-links a.ro-pdf-links__link")
    targets = [(page.parent / link["href"]).resolve() for link in links]
    assert [t.name for t in targets] == [f"worksheet-{worksheet['id']}-{p}.pdf" for p in PAPERS]
    assert all(t.is_file() for t in targets)
    assert [link.find(string=True, recursive=False) for link in links] == ["A4", "US Letter"]  # as seen
    title = worksheet["title"]
    assert [link.get_text() for link in links] == [f"A4 PDF: {title}", f"US Letter PDF: {title}"]  # as heard


def test_print_templates_and_fonts_are_not_published(real_site):
    assert not (real_site / "print").exists()


def test_external_links_are_marked_for_print_and_internal_ones_not(real_site):
    """On every page, a link in the content is marked exactly when it leads to another site."""
    marked = 0
    for html in sorted(real_site.rglob("*.html")):
        article = BeautifulSoup(html.read_text(), "html.parser").select_one("article")
        if article is None:
            continue  # a redirect page
        for a in article.select("a[href]"):
            external = a["href"].startswith(("http://", "https://"))
            assert a.has_attr("data-ro-external") == external, f"{html.relative_to(real_site)}: {a}"
            marked += external
    assert marked >= 3  # the prose cites other sites


def test_links_in_data_text_to_other_sites_are_marked_too(render):
    soup = render("<!-- ro:checklist before-you-reach-out -->")
    assert [a["href"] for a in soup.select("a[data-ro-external]")] == ["https://example.org/library"]
    assert soup.select("a[href^='/resolved/'][data-ro-external]") == []


# --- The build cache ---


def _where(name: str, item: str, part: str | None) -> str | None:
    page = {"worksheet": "worksheet.md", "checklist": "checklist.md", "question-bank": "questions.md"}.get(name)
    return f"{page}#cl-{item}" if page and name == "checklist" else page


def _jobs(data_dir, print_dir=ro_pdf.PRINT):
    guide = ro_data.load_guide(data_dir, ROOT)
    return ro_pdf.plan(guide, site_name="Reaching Out", link=lambda t: f"https://example.org/{t}", where=_where,
                       print_dir=print_dir)


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory):
    """A cache holding every PDF of the sample data, rendered once per test run (the workers share it)."""

    def make(cache):
        cache.mkdir()
        first = ro_pdf.render_all(_jobs(SAMPLE_DOCS / "data"), cache)
        assert first.pdfs and sorted(first.rendered) == sorted(p.job.name for p in first.pdfs)

    return built_once(tmp_path_factory, "pdf-cache", make)


def _copy(cache, tmp_path):
    copy = tmp_path / "cache"
    shutil.copytree(cache, copy)
    return copy


def test_second_render_renders_nothing(warm_cache, tmp_path):
    build = ro_pdf.render_all(_jobs(SAMPLE_DOCS / "data"), _copy(warm_cache, tmp_path))
    assert build.pdfs and build.rendered == ()
    assert all(p.path is not None and p.path.is_file() and p.pages for p in build.pdfs)


def test_changing_one_worksheet_field_renders_only_the_pdfs_that_contain_it(warm_cache, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DOCS / "data", data)
    worksheets = data / "worksheets.yml"
    text = worksheets.read_text()
    assert text.count("label: Their name") == 1
    worksheets.write_text(text.replace("label: Their name", "label: Their full name"))
    build = ro_pdf.render_all(_jobs(data), _copy(warm_cache, tmp_path))
    expected = {p.job.name for p in build.pdfs if "worksheet:conversation-prep" in p.job.contains}
    assert expected == {"worksheet-conversation-prep-a4.pdf", "worksheet-conversation-prep-letter.pdf",
                        "counselor-pack-a4.pdf", "counselor-pack-letter.pdf"}
    assert set(build.rendered) == expected


def test_changing_one_checklist_item_renders_that_checklist_and_the_pack(warm_cache, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DOCS / "data", data)
    guide = ro_data.load_guide(data, ROOT)
    checklist = guide.checklists.checklists[0]
    checklists = data / "checklists.yml"
    text = checklists.read_text()
    item = checklist.items[0].text
    assert text.count(item) == 1
    checklists.write_text(text.replace(item, item + " Today."))
    build = ro_pdf.render_all(_jobs(data), _copy(warm_cache, tmp_path))
    assert set(build.rendered) == {f"checklist-{checklist.id}-a4.pdf", f"checklist-{checklist.id}-letter.pdf",
                                   "counselor-pack-a4.pdf", "counselor-pack-letter.pdf"}


def test_changing_the_stylesheet_renders_every_pdf(warm_cache, tmp_path):
    print_dir = tmp_path / "print"
    shutil.copytree(ro_pdf.PRINT, print_dir)
    with (print_dir / "pdf.css").open("a") as css:
        css.write("\n.doc__title { letter-spacing: 0.01em; }\n")
    jobs = [j for j in _jobs(SAMPLE_DOCS / "data", print_dir) if j.paper == "a4"]
    build = ro_pdf.render_all(jobs, _copy(warm_cache, tmp_path), print_dir=print_dir)
    assert sorted(build.rendered) == sorted(j.name for j in jobs)


def test_the_key_names_paper_data_and_renderer():
    jobs = _jobs(SAMPLE_DOCS / "data")
    inputs = ro_pdf.inputs_digest()
    keys = {ro_pdf.cache_key(job, inputs) for job in jobs}
    assert len(keys) == len(jobs)  # A4 and Letter of one document differ too
    assert ro_pdf.cache_key(jobs[0], inputs) != ro_pdf.cache_key(jobs[0], ro_pdf.inputs_digest() + "other")


def test_deferred_pdfs_are_listed_but_not_rendered(tmp_path):
    build = ro_pdf.render_all(_jobs(SAMPLE_DOCS / "data"), tmp_path / "empty", defer_uncached=True)
    assert build.rendered == () and len(build.deferred) == len(build.pdfs) > 0
    assert all(p.path is None for p in build.pdfs)


def test_cache_entries_unused_for_thirty_days_are_pruned_at_most_once_a_day(tmp_path):
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    month_ago = time.time() - (ro_pdf_cache.CACHE_DAYS + 1) * 86400

    def entry(name: str, when: float):
        meta = cache / f"{name}.json"
        meta.write_text("{}")
        (cache / f"{name}.pdf").write_bytes(b"%PDF")
        os.utime(meta, (when, when))
        return meta

    old, recent = entry("old", month_ago), entry("recent", time.time() - 86400)
    ro_pdf.render_all([], cache)
    assert not old.exists() and not (cache / "old.pdf").exists()
    assert recent.exists()
    again = entry("again", month_ago)
    ro_pdf.render_all([], cache)
    assert again.exists()  # pruned less than a day ago: not listed again
    os.utime(cache / ".pruned", (month_ago, month_ago))
    ro_pdf.render_all([], cache)
    assert not again.exists()


def test_pdf_is_the_same_on_every_render(warm_cache):
    job = next(j for j in _jobs(SAMPLE_DOCS / "data") if j.name == "worksheet-conversation-prep-a4.pdf")
    content, pages = ro_pdf.render_pdf(job)
    assert content == (warm_cache / f"{ro_pdf.cache_key(job, ro_pdf.inputs_digest())}.pdf").read_bytes()
    assert pages == 1


def test_a_worksheet_over_its_declared_pages_is_reported(sample_guide):
    jobs = [j for j in _jobs(SAMPLE_DOCS / "data") if j.group == "worksheets"]
    declared = sample_guide.get("worksheet", jobs[0].subject).pages
    fits = ro_pdf.PdfBuild(tuple(ro_pdf.Pdf(j, "key", pages=declared) for j in jobs))
    assert ro_pdf.overflowing(fits, sample_guide) == []
    over = ro_pdf.PdfBuild((ro_pdf.Pdf(jobs[0], "key", pages=declared + 1),))
    assert ro_pdf.overflowing(over, sample_guide) == [
        f"worksheet '{jobs[0].subject}' prints on {declared + 1} pages of A4 paper (expected at most pages: "
        f"{declared}; shorten it or raise 'pages')"]


# --- Through the MkDocs adapter ---


def _site_of(config) -> ro_site.Site:
    return ro_markdown.ACTIVE[-1]  # the Site of the last build in this process


def test_second_build_renders_no_pdf(tmp_path):
    build_site(SAMPLE_DOCS, tmp_path / "first", SAMPLE_NAV)
    config = build_site(SAMPLE_DOCS, tmp_path / "second", SAMPLE_NAV).config
    downloads = _site_of(config).downloads
    assert downloads.enabled and downloads.pdfs and downloads.rendered == ()
    assert sorted(p.name for p in (tmp_path / "second" / "downloads").iterdir()) == sorted(
        p.job.name for p in downloads.pdfs)


def test_switched_off_builds_no_pdf_and_says_so(tmp_path, sample_copy, monkeypatch):
    monkeypatch.setenv("RO_PDFS", "0")
    (sample_copy / "downloads.md").write_text("# Downloads\n\n<!-- ro:downloads -->\n")
    build_site(sample_copy, tmp_path / "site", [*SAMPLE_NAV, "downloads.md"])
    html = BeautifulSoup((tmp_path / "site" / "downloads" / "index.html").read_text(), "html.parser")
    assert "RO_PDFS=0" in html.select_one(".ro-downloads__note").get_text()
    assert not list((tmp_path / "site" / "downloads").glob("*.pdf"))
    worksheet = BeautifulSoup((tmp_path / "site" / "worksheet" / "index.html").read_text(), "html.parser")
    assert not worksheet.select(".ro-pdf-links")


def test_serve_defers_uncached_pdfs_and_the_downloads_page_says_so(tmp_path, sample_copy, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("RO_PDF_CACHE", str(tmp_path / "empty-cache"))
    (sample_copy / "downloads.md").write_text("# Downloads\n\n<!-- ro:downloads -->\n")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(sample_copy), site_dir=str(tmp_path / "site"),
                         nav=[*SAMPLE_NAV, "downloads.md"])
    # MkDocs loads a hook module once per process, so the command must be set back for later builds.
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)
    downloads = _site_of(config).downloads
    assert downloads.rendered == () and len(downloads.deferred) == len(downloads.pdfs) > 0
    html = BeautifulSoup((tmp_path / "site" / "downloads" / "index.html").read_text(), "html.parser")
    assert "not built yet" in html.select_one(".ro-downloads__note").get_text()
    assert not list((tmp_path / "site" / "downloads").glob("*.pdf"))


# --- Printing the web pages (Chromium) ---


@pytest.mark.browser
@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_page_prints_within_its_declared_pages(page, real_url, worksheet):
    page.goto(f"{real_url}worksheets/{worksheet['id']}/")
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pages = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
        assert pages <= worksheet["pages"], f"{paper}: {pages} pages, {worksheet['pages']} declared"


@pytest.mark.browser
def test_printed_page_shows_no_site_chrome_and_writes_outside_addresses(page, real_url):
    page.goto(f"{real_url}know-what-you-are-exploring/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search', '.md-top', '.headerlink']
        .filter(s => document.querySelector(s))
        .map(s => [s, getComputedStyle(document.querySelector(s)).display])""")
    assert hidden and all(display == "none" for _, display in hidden), hidden
    after = page.evaluate("""() => {
        const outside = document.querySelector('article a[data-ro-external]');
        const guide = document.querySelector('article a[data-ro-go]');
        const plain = document.querySelector('article a:not([data-ro-external]):not([data-ro-go])[href]');
        return [outside.href, getComputedStyle(outside, '::after').content,
                guide.dataset.roGo, getComputedStyle(guide, '::after').content,
                getComputedStyle(plain, '::after').content];
    }""")
    assert after[0] in after[1]  # a link to another site prints its address
    assert after[2].startswith("reaching-out.github.io/go/") and after[2] in after[3]  # one in the guide, its short one
    assert after[4] in ("none", "normal", "")  # the rest (a ¶ link, a same-page jump) print nothing
