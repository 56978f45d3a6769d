"""A client's plan page (`ro:plan`): a small shell, and its catalogue items.json."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from support import SAMPLE_NAV, build_site


def _page(site, name):
    return BeautifulSoup((site / name / "index.html").read_text(), "html.parser").select_one("article")


def _catalogue(site) -> dict:
    return json.loads((site / "plan" / "items.json").read_text())["items"]


def test_plan_page_is_a_shell_that_names_its_catalogue(sample_site):
    plan = _page(sample_site, "plan")
    assert plan.select("[data-ro-plan-items] > li") == []  # nothing until the script reads the link
    assert plan.select_one("[data-ro-plan]")["data-ro-plan-items-href"] == "items.json"
    assert plan.select_one("[data-ro-plan-message]").get_text().startswith("This page shows a plan")
    assert plan.select_one("[data-ro-plan-message] a")["href"] == "../"


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
