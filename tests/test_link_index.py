"""The link index for counselors (`ro:link-index`): every target by page, relative links, plan keys."""

from __future__ import annotations

from bs4 import BeautifulSoup


def _page(site, name):
    return BeautifulSoup((site / name / "index.html").read_text(), "html.parser").select_one("article")


def test_link_index_lists_every_target_page_by_page(sample_site, sample_guide):
    index = _page(sample_site, "counselors").select_one("[data-ro-links]")
    pages = [s.select_one(".ro-link-index__page-title").get_text() for s in index.select("details")]
    assert pages[:3] == ["Sample site", "Checklist", "Questions"]  # the nav's reading order
    addresses = [c.get_text() for c in index.select("code.ro-link-index__address")]
    for question in sample_guide.ids("question"):
        assert f"questions.md#q-{question}" in addresses
    assert "checklist.md#cl-the-day-before--confirm" in addresses
    assert "worksheet.md#ws-conversation-prep--intro" in addresses
    assert "checklist.md#the-day-before" in addresses


def test_link_index_links_are_relative_and_buttons_wait_for_scripts(sample_site):
    index = _page(sample_site, "counselors").select_one("[data-ro-links]")
    item = next(li for li in index.select("li") if li.select_one("code").get_text() == "questions.md#q-who-else")
    assert item.select_one("a")["href"] == "../questions/#q-who-else"
    assert item["data-ro-plan-key"] == "q.who-else"
    assert index.select("[data-ro-link-item] button") == []  # the script adds "Copy link" and "Add to plan"
    assert index.select_one("form[data-ro-links-search]").has_attr("hidden")
    assert index.has_attr("data-search-exclude")


def test_only_pages_sections_and_components_can_join_a_plan(sample_site):
    index = _page(sample_site, "counselors").select_one("[data-ro-links]")
    keys = {li.select_one("code").get_text(): li.get("data-ro-plan-key", "") for li in index.select("li")}
    assert keys["checklist.md"] == "s.checklist"
    assert keys["checklist.md#the-day-before"] == "s.checklist:the-day-before"
    assert keys["checklist.md#cl-the-day-before"] == "c.the-day-before"
    assert keys["checklist.md#cl-the-day-before--confirm"] == ""
    assert keys["template.md#tpl-warm-request"] == "t.warm-request"
