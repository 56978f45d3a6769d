"""A summary for the counselor (`ro:summary`): the choices (one per checklist and worksheet, one for the
questions, none checked), the statement of what it will show, the site's own index of titles, and the page
as a reader without scripts sees it."""

from __future__ import annotations

import json

import ro_summary
from support import render_on


def _render(guide, pages):
    return render_on(guide, pages, "<!-- ro:summary -->")


def test_every_checklist_and_worksheet_and_the_questions_can_be_chosen_none_at_first(render, sample_guide):
    html = render("<!-- ro:summary -->")
    boxes = html.select("[data-ro-summary] input[type=checkbox]")
    checklists = [c.id for c in sample_guide.checklists.checklists]
    worksheets = [w.id for w in sample_guide.worksheets.worksheets]
    assert [b["value"] for b in boxes] == [f"c:{c}" for c in checklists] + ["q"] + [f"w:{w}" for w in worksheets]
    assert [b["id"] for b in boxes] == [f"summary-c-{c}" for c in checklists] + ["summary-q"] + \
        [f"summary-w-{w}" for w in worksheets]
    assert not any(b.has_attr("checked") for b in boxes)
    for box in boxes:
        label = html.select_one(f"label[for='{box['id']}']")
        assert label.get_text().strip()
    assert html.select_one("label[for='summary-c-the-day-before']").get_text() == \
        sample_guide.get("checklist", "the-day-before").title
    assert boxes[0]["data-ro-say"] == f"the items you checked off on “{html.select_one('label').get_text()}”"
    assert html.select_one("#summary-w-conversation-prep")["data-ro-say"] == 'your answers on “Conversation "prep"”'
    legends = [fieldset.legend.get_text() for fieldset in html.select("fieldset")]
    assert legends == ["Checklists: the items you checked off", "Questions", "Worksheets: your answers"]


def test_the_statement_names_what_it_will_not_show(render):
    statement = render("<!-- ro:summary -->").select_one(".ro-summary__statement")
    assert statement["aria-live"] == "polite"
    assert statement["aria-atomic"] == "true"
    assert statement.select_one("[data-ro-will]").get_text() == ""
    assert statement.get_text().startswith("This summary will show: ")
    assert "It will not show anything else saved in this browser: not the parts you leave unchecked, your " \
        "network map or your messages." in statement.get_text()


def test_the_link_goes_to_the_summary_page(sample_guide):
    html = _render(sample_guide, {"me.md": "<!-- ro:summary -->", "summary.md": "<!-- ro:summary-view -->"})
    assert html.select_one("[data-ro-summary]")["data-ro-view"] == "/resolved/summary.md"


def test_the_index_holds_the_sites_words_in_the_guides_order(sample_guide):
    pairs = ro_summary.index(sample_guide)
    index = dict(pairs)
    assert len(index) == len(pairs)  # every key once
    assert index["c:the-day-before"] == sample_guide.get("checklist", "the-day-before").title
    assert index["c:the-day-before confirm"] == "Confirm the time & place by email."
    question = next(q for _, q in sample_guide.questions.all_questions())
    assert index["q"] == "Questions I picked"
    assert index[f"q {question.id}"] == question.text
    assert index["w:conversation-prep"] == 'Conversation "prep"'
    sheet = [key.split(" ")[1] for key, _ in pairs if key.startswith("w:conversation-prep ") and "=" not in key
             and "--" not in key]
    assert sheet == ["their-name", "meeting-date", "format", "sent-questions", "intro", "contacts"]  # form order
    assert index["w:conversation-prep format=coffee"] == "Coffee"
    assert index["w:conversation-prep contacts--contacted"] == "People they mentioned, row {n}, Contacted"
    keys = [key for key, _ in pairs]
    assert keys.index("c:the-day-before") < keys.index("q") < keys.index("w:conversation-prep")


def test_the_index_travels_as_json_in_one_attribute(render):
    root = render("<!-- ro:summary -->").select_one("[data-ro-summary]")
    assert json.loads(root["data-ro-index"])[0][0].startswith("c:")
    assert root.select("script") == []


def test_without_scripts_only_a_note_shows(render):
    html = render("<!-- ro:summary -->")
    note = html.select_one("[data-ro-nojs]")
    assert not note.has_attr("hidden")
    assert note.get_text().startswith("Making a summary needs JavaScript, which is off in this browser.")
    assert html.select_one("[data-ro-summary-body]").has_attr("hidden")  # the choices and buttons
    assert html.select_one("[data-ro-paper]").has_attr("hidden")
