"""Counselors' components: the index of every link, the ready-made plans, and the plan page's catalogue."""

from __future__ import annotations

import json
from urllib.parse import unquote

from bs4 import BeautifulSoup

import ro_links
import ro_registry
import ro_site
from support import DOCS, SAMPLE_NAV, build_site


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


def test_ready_made_plan_opens_as_a_plan_link(sample_site, sample_guide):
    plan = _page(sample_site, "counselors").select_one("#plan-first-conversation")
    assert [a.get_text() for a in plan.select("ol a")] == [
        "Before you reach out", "How did you get started in this work?", 'Conversation "prep"',
        "A request through a friend"]
    href = plan.select_one("a.ro-button")["href"]
    path, _, fragment = href.partition("#")
    assert path == "../plan/"
    items, _, rest = fragment.partition("&n=")
    note, _, version = rest.partition("&")
    assert items == "i=c.before-you-reach-out,q.how-did-you-start,w.conversation-prep,t.warm-request"
    assert unquote(note) == sample_guide.get("plan", "first-conversation").note
    assert version == "v=1"


def test_plan_page_is_a_shell_that_names_its_catalogue(sample_site):
    plan = _page(sample_site, "plan")
    assert plan.select("[data-ro-plan-items] > li") == []  # nothing until the script reads the link
    assert plan.select_one("[data-ro-plan]")["data-ro-plan-items-href"] == "items.json"
    assert plan.select_one("[data-ro-plan-message]").get_text().startswith("This page shows a plan")
    assert plan.select_one("[data-ro-plan-message] a")["href"] == "../"


def _catalogue(site) -> dict:
    return json.loads((site / "plan" / "items.json").read_text())["items"]


def test_plan_catalogue_holds_every_plannable_target(sample_site, sample_guide):
    items = _catalogue(sample_site)
    index = _page(sample_site, "counselors").select_one("[data-ro-links]")
    plannable = {li["data-ro-plan-key"] for li in index.select("li[data-ro-plan-key]") if li["data-ro-plan-key"]}
    assert set(items) == plannable
    assert {f"q.{q}" for q in sample_guide.ids("question")} <= set(items)
    assert items["c.the-day-before"]["kind"] == "checklist"
    assert items["s.checklist:the-day-before"]["kind"] == "section"


def test_plan_catalogue_items_are_live_components_linked_from_the_plan_page(sample_site):
    items = _catalogue(sample_site)

    def html(key):
        return BeautifulSoup(items[key]["html"], "html.parser")

    checklist = html("c.the-day-before").select_one("section.ro-checklist")
    assert checklist["data-ro-checklist"] == "the-day-before"  # the same saved ticks as on its home page
    question = html("q.who-else").select_one("[data-ro-qlist] li.ro-question")
    assert question["data-ro-question"] == "who-else"
    assert question.select_one("a.ro-question__bank-link")["href"] == "../questions/#q-who-else"
    # A ¶ leads to the item on its own page, so clicking it never replaces the plan in the address.
    assert [a["href"] for a in checklist.select("a.headerlink")] == [
        "../checklist/#cl-the-day-before", "../checklist/#cl-the-day-before--confirm"]
    assert question.select_one("a.headerlink")["href"] == "../questions/#q-who-else"
    section = html("s.checklist:the-day-before").select_one("a")
    assert section["href"] == "../checklist/#the-day-before"
    assert html("w.conversation-prep").select_one(".ro-plan__kind").get_text() == "Worksheet"


def test_plan_catalogue_escapes_data_text(tmp_path, sample_copy):
    """A title with markup characters reaches the catalogue escaped, as on its home page."""
    data = sample_copy / "data" / "checklists.yml"
    data.write_text(data.read_text().replace("title: The day before", "title: 'Ticks & \"quotes\", a < b'", 1))
    build_site(sample_copy, tmp_path / "site", SAMPLE_NAV)
    html = _catalogue(tmp_path / "site")["c.the-day-before"]["html"]
    assert "Ticks &amp; &#34;quotes&#34;, a &lt; b" in html
    title = BeautifulSoup(html, "html.parser").select_one(".ro-checklist__title")
    assert title.get_text().startswith('Ticks & "quotes", a < b')


def test_plan_keys_from_references():
    assert ro_registry.plan_key_of_ref("question:who-else") == "q.who-else"
    assert ro_registry.plan_key_of_ref("section:reach-out.md#how-long-to-ask-for") == "s.reach-out:how-long-to-ask-for"
    assert ro_registry.plan_key_of_ref("section:worksheets/index.md") == "s.worksheets/index"
    assert ro_links.plan_fragment(["c.a", "q.b"], 'Hi <b> & "you"') == "#i=c.a,q.b&n=Hi%20%3Cb%3E%20%26%20%22you%22&v=1"
    assert ro_links.plan_fragment(["c.a"]) == "#i=c.a&v=1"


def test_forty_item_plan_link_stays_under_2000_characters(real_guide):
    """A 40-item plan mixing kinds as a counselor would, the longest keys of each kind, plus a 200-character note."""
    pages = {p.relative_to(DOCS).as_posix(): p.read_text() for p in sorted(DOCS.rglob("*.md"))}
    keys = {t.plan_key for t in ro_site.targets(real_guide, pages) if t.plan_key}

    def longest(prefix: str, count: int) -> list[str]:
        return sorted((k for k in keys if k.startswith(prefix)), key=len, reverse=True)[:count]

    plan = longest("s.", 16) + longest("c.", 6) + longest("q.", 12) + longest("w.", 4) + longest("t.", 2)
    assert len(plan) == 40
    url = "https://reaching-out.github.io/plan/" + ro_links.plan_fragment(plan, "x" * 200)
    assert len(url) < 2000, len(url)
