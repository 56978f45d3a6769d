"""Short lists of questions in a chapter (`ro:questions`): selection, order, limit, links to the bank."""

from __future__ import annotations


def test_embedded_list_selects_by_phase_and_links_to_the_bank(render):
    html = render("<!-- ro:questions phase=opening -->")
    ids = [li["id"] for li in html.select("li.ro-question")]
    assert ids == ["q-how-did-you-start", "q-tricky-text"]
    link = html.select_one("#q-how-did-you-start a.ro-question__bank-link")
    assert link["href"] == "/resolved/questions.md#q-how-did-you-start"


def test_embedded_list_keeps_the_order_of_ids(render):
    html = render("<!-- ro:questions ids=who-else,how-did-you-start -->")
    assert [li["id"] for li in html.select("li.ro-question")] == ["q-who-else", "q-how-did-you-start"]


def test_embedded_list_limit_and_category(render):
    html = render("<!-- ro:questions category=their-path limit=1 -->")
    assert [li["id"] for li in html.select("li.ro-question")] == ["q-how-did-you-start"]


def test_embedded_list_without_a_bank_has_no_bank_link(render):
    html = render("<!-- ro:questions ids=who-else -->", pages={"a.md": ""})
    assert html.select_one("a.ro-question__bank-link") is None
