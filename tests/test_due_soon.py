"""Due this week (`ro:due-soon`): which worksheet dates it lists, how each row is named and linked, and the
section as a reader without scripts sees it."""

from __future__ import annotations

import json

from support import render_on

PAGES = {"worksheets/contact-tracker.md": "<!-- ro:worksheet contact-tracker -->",
         "worksheets/follow-up-planner.md": "<!-- ro:worksheet follow-up-planner -->",
         "my-progress.md": "<!-- ro:due-soon -->"}


def _render(guide, pages=PAGES):
    return render_on(guide, pages, "<!-- ro:due-soon -->")


def test_every_reminder_column_is_listed_with_the_column_that_names_its_row(real_guide):
    section = _render(real_guide).select_one("[data-ro-due-soon]")
    assert json.loads(section["data-ro-reminders"]) == [
        ["follow-up-planner", "promise-list", "due", "promise", "done",
         "/resolved/worksheets/follow-up-planner.md#ws-follow-up-planner--promise-list", "By"],
        ["contact-tracker", "contact-list", "next-date", "name", "",
         "/resolved/worksheets/contact-tracker.md#ws-contact-tracker--contact-list", "Next contact by"],
    ]


def test_a_worksheet_with_no_home_gives_no_reminder(real_guide):
    pages = {k: v for k, v in PAGES.items() if "follow-up" not in k}
    reminders = json.loads(_render(real_guide, pages).select_one("[data-ro-due-soon]")["data-ro-reminders"])
    assert [r[0] for r in reminders] == ["contact-tracker"]


def test_the_section_is_headed_and_says_where_the_dates_come_from(real_guide):
    html = _render(real_guide)
    section = html.select_one("section.ro-due-soon#due-this-week")
    assert section["aria-labelledby"] == "due-this-week-title"
    assert html.select_one("h2#due-this-week-title").get_text() == "Due this week"
    assert [a["href"] for a in html.select(".ro-due-soon__from a")] == [
        "/resolved/worksheets/follow-up-planner.md#ws-follow-up-planner",
        "/resolved/worksheets/contact-tracker.md#ws-contact-tracker"]
    assert html.select_one("[data-ro-list]").has_attr("hidden")
    assert html.select_one("[data-ro-none]").has_attr("hidden")


def test_without_scripts_it_says_the_list_needs_them(real_guide):
    note = _render(real_guide).select_one("[data-ro-nojs]")
    assert not note.has_attr("hidden")
    assert note.get_text() == "This list needs JavaScript, which is off in this browser."


def test_it_renders_in_the_sample_site_too(render):
    html = render("<!-- ro:due-soon -->")  # the sample's worksheets have no reminder column
    assert json.loads(html.select_one("[data-ro-due-soon]")["data-ro-reminders"]) == []
