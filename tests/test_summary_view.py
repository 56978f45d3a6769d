"""A reader's summary (`ro:summary-view`): the page a summary link opens is a shell with the site's own index;
without scripts it says it needs them."""

from __future__ import annotations

import json

import ro_summary


def test_the_page_holds_the_index_and_its_messages(render, sample_guide):
    root = render("<!-- ro:summary-view -->").select_one("div.ro-summary-view[data-ro-summary-view]")
    assert json.loads(root["data-ro-index"]) == json.loads(json.dumps(ro_summary.index(sample_guide)))
    assert root["data-ro-level"] == "2"
    assert root["data-ro-bad"].startswith("This summary link is damaged")
    assert root["data-ro-empty"].startswith("This page shows a summary that a reader")
    assert root.select_one("[data-ro-message]")["role"] == "status"


def test_without_scripts_it_says_it_needs_them_and_shows_nothing_else(render):
    html = render("<!-- ro:summary-view -->")
    note = html.select_one("[data-ro-nojs]")
    assert not note.has_attr("hidden")
    assert "Showing it needs JavaScript, which is off in this browser." in note.get_text()
    assert html.select_one("[data-ro-paper]").has_attr("hidden")
    assert html.select_one("[data-ro-message]").get_text() == ""
