"""Build layer: strict builds of the real and sample sites; anchors; errors as `file:line` without tracebacks."""

from __future__ import annotations

from bs4 import BeautifulSoup

from support import SAMPLE_NAV, build_site


def _cli_build(tmp_path, docs):
    """`mkdocs build --strict` of the sample docs in a throwaway project copy: the exit code and stderr."""
    return build_site(docs, tmp_path / "site", SAMPLE_NAV, cli=True)


def test_real_site_builds_strictly(real_site):
    assert (real_site / "index.html").is_file()
    assert (real_site / "sitemap.xml").is_file()


def test_data_folder_is_not_published(real_site):
    assert not (real_site / "data").exists()


def test_sample_site_renders_every_component(sample_site):
    pages = {
        "checklist": "section.ro-checklist",
        "questions": "div.ro-question-bank",
        "embedded": "div.ro-question-list",
        "worksheet": "form.ro-worksheet",
        "template": "article.ro-message-template",
        "network-map": "div.ro-network-map",
    }
    for page, selector in pages.items():
        html = BeautifulSoup((sample_site / page / "index.html").read_text(), "html.parser")
        assert html.select_one(f"article.md-content__inner {selector}"), page


def test_component_inside_an_admonition_renders_inside_it(sample_site):
    html = BeautifulSoup((sample_site / "checklist" / "index.html").read_text(), "html.parser")
    assert html.select_one("div.admonition.tip section#cl-the-day-before")


def test_marker_in_a_code_block_stays_as_code(sample_site):
    html = BeautifulSoup((sample_site / "checklist" / "index.html").read_text(), "html.parser")
    assert "ro:checklist this-is-only-an-example" in html.select_one("pre code").get_text()


def test_component_links_are_relative_to_their_page(sample_site):
    html = BeautifulSoup((sample_site / "embedded" / "index.html").read_text(), "html.parser")
    link = html.select_one("#q-who-else a.ro-question__bank-link")
    assert link["href"] == "../questions/#q-who-else"


def test_link_to_a_component_item_passes_and_to_a_missing_id_fails(tmp_path, sample_copy):
    docs = sample_copy
    with (docs / "index.md").open("a") as page:
        page.write("\n[Ask this](questions.md#q-who-else) and [tick this](checklist.md#cl-the-day-before--confirm).\n")
    good = _cli_build(tmp_path / "good", docs)
    assert good.returncode == 0, good.stderr
    with (docs / "index.md").open("a") as page:
        page.write("\n[Gone](questions.md#q-no-such-question)\n")
    bad = _cli_build(tmp_path / "bad", docs)
    assert bad.returncode == 1
    assert "contains a link 'questions.md#q-no-such-question'" in bad.stderr
    assert "does not contain an anchor '#q-no-such-question'" in bad.stderr


def test_broken_data_stops_the_build_with_file_and_line_and_no_traceback(tmp_path, sample_copy):
    docs = sample_copy
    checklists = docs / "data" / "checklists.yml"
    checklists.write_text(checklists.read_text().replace("    title: The day before", "    titel: The day before"))
    worksheets = docs / "data" / "worksheets.yml"
    worksheets.write_text(worksheets.read_text().replace("type: date", "type: calendar"))
    result = _cli_build(tmp_path, docs)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = "docs/data/checklists.yml:12: unknown key 'titel' (expected one of: id, title, intro, items)"
    assert expected in result.stderr
    assert ("docs/data/worksheets.yml:15: 'type' is 'calendar' (expected one of: short-text, long-text, date, "
            "checkbox, choice, rows)") in result.stderr


def test_bad_marker_stops_the_build_with_page_and_line(tmp_path, sample_copy):
    docs = sample_copy
    (docs / "template.md").write_text("# A message\n\n<!-- ro:template warm-reqest -->\n")
    result = _cli_build(tmp_path, docs)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/template.md:3: unknown template 'warm-reqest' (expected one of: warm-request)" in result.stderr


def test_broken_link_inside_data_text_stops_the_build(tmp_path, sample_copy):
    docs = sample_copy
    questions = docs / "data" / "questions.yml"
    questions.write_text(questions.read_text().replace("checklist.md#the-day-before", "checklist.md#the-day-after"))
    result = _cli_build(tmp_path, docs)
    assert result.returncode == 1
    assert "a component links to 'checklist.md#the-day-after', but there is no such anchor" in result.stderr


def test_search_dialog_has_a_name(real_site):
    html = BeautifulSoup((real_site / "index.html").read_text(), "html.parser")
    assert html.select_one("[data-md-component=search][role=dialog]")["aria-label"] == "Search"


def test_search_indexes_what_a_reader_searches_for_not_form_labels(real_site, real_guide):
    """Defect 6: the worksheets' row labels ("Name, row 1 … row 8") and their empty choices filled the index."""
    import json
    import re

    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    walls = [d["location"] for d in docs if re.search(r"\brow \d+\b|Choose…", d["text"])]
    assert walls == []
    text = " ".join(d["text"] for d in docs)
    for worksheet in real_guide.worksheets.worksheets:  # each worksheet is still found by its title and fields
        assert worksheet.title in text
        rows = [f for s in worksheet.sections for f in s.fields if f.type == "rows"]
        for field in rows:
            assert re.search(re.escape(field.columns[0].label), text), (worksheet.id, field.id)


def test_every_page_names_the_licenses_and_the_files_hold_them(real_site):
    """Career centers may copy and adapt the guide: the footer says so on every page (issue 14, part 3)."""
    from support import ROOT

    # (in both editions: es/go/ too)
    pages = [p for p in sorted(real_site.rglob("index.html")) if "go" not in p.relative_to(real_site).parts[:2]]
    assert len(pages) > 20  # the short addresses' pages (go/) only forward: they have no footer
    for page in pages:
        footer = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".md-copyright")
        assert footer and "CC BY 4.0" in footer.get_text() and "MIT" in footer.get_text(), page
    code, content = (ROOT / "LICENSE").read_text(), (ROOT / "LICENSE-CONTENT").read_text()
    assert "MIT License" in code and "Permission is hereby granted, free of charge" in code
    assert "Creative Commons Attribution 4.0 International" in content and "Section 3 – License Conditions" in content
