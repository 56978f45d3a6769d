"""Due this week on My progress (`ro:due-soon`), on the real guide: the contact tracker's and follow-up planner's
dated next steps that are overdue or due within 7 days, soonest first, each linked to its row, in the reader's
own local day (the browser here is at UTC+14 on a fixed clock, so a day counted in UTC would be a day off)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import Browsing, open_ready, store_before_load, wait_stored

pytestmark = pytest.mark.browser

TRACKER = "worksheets/contact-tracker/"
PROGRESS = "my-progress/"
CONTACTS = "#ws-contact-tracker--contact-list"
# 20:00 UTC on December 1 is 10:00 on December 2 at UTC+14.
NOW = "2026-12-01T20:00:00Z"


@pytest.fixture
def far_east(chromium):
    session = Browsing(chromium, timezone_id="Pacific/Kiritimati")
    session.page.clock.set_fixed_time(NOW)
    yield session
    errors = list(session.errors)
    session.close()
    assert errors == [], f"script errors: {errors}"


def _local_days(page, *offsets: int) -> list[str]:
    """The browser's local dates, offsets days from its today, as a date input writes them."""
    return page.evaluate("""offsets => offsets.map((n) => {
      const d = new Date(); d.setDate(d.getDate() + n);
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((x) => String(x).padStart(2, "0")).join("-");
    })""", list(offsets))


def _due(page):
    return page.locator("[data-ro-due-soon] [data-ro-list] li")


def test_overdue_and_due_rows_are_listed_soonest_first_with_links_to_their_rows(far_east, real_url):
    page = far_east.page
    open_ready(page, real_url + TRACKER)
    yesterday, today, in_six, in_eight = _local_days(page, -1, 0, 6, 8)
    assert today == "2026-12-02"  # the local day, not UTC's December 1
    tracker = page.locator(CONTACTS)
    for n, (name, day) in enumerate([("Eight Days", in_eight), ("Six Days", in_six), ("Today Person", today),
                                     ("Yesterday Person", yesterday)], start=1):
        tracker.get_by_label(f"Name, row {n}", exact=True).fill(name)
        tracker.get_by_label(f"Next contact by, row {n}", exact=True).fill(day)
    page.locator("body").click()  # leave the last field: saved at once
    wait_stored(page, f"s.worksheets['contact-tracker'].values['contact-list--1--next-date'] === '{in_eight}'")

    open_ready(page, real_url + PROGRESS)
    items = _due(page)
    expect(items).to_have_count(3)
    assert items.all_inner_texts() == [
        "Yesterday Person — Next contact by Tuesday, December 1, 2026 (overdue)",
        "Today Person — Next contact by Wednesday, December 2, 2026 (today)",
        "Six Days — Next contact by Tuesday, December 8, 2026",
    ]
    assert "Eight Days" not in page.locator("[data-ro-due-soon]").inner_text()
    expect(page.locator("[data-ro-due-soon] [data-ro-none]")).to_be_hidden()
    expect(page.locator("[data-ro-due-soon] [data-ro-nojs]")).to_be_hidden()
    hrefs = [a.get_attribute("href") for a in items.locator("a").all()]
    assert [h.split("#")[1] for h in hrefs] == [f"ws-contact-tracker--contact-list--{n}--name" for n in (4, 3, 2)]

    items.get_by_role("link", name="Today Person").click()
    page.wait_for_url("**/" + TRACKER + "#ws-contact-tracker--contact-list--3--name")
    expect(page.locator("#ws-contact-tracker--contact-list--3--name")).to_have_value("Today Person")


def test_a_promise_checked_done_is_not_due_and_a_step_with_no_name_is_named_by_its_row(far_east, real_url):
    page = far_east.page
    store_before_load(page, {"version": 1, "worksheets": {"follow-up-planner": {"values": {
        "promise-list--1--promise": "Send the article", "promise-list--1--due": "2026-11-20",
        "promise-list--2--promise": "Introduce Sam", "promise-list--2--due": "2026-11-21",
        "promise-list--2--done": True, "promise-list--3--due": "2026-12-05"}}}})
    open_ready(page, real_url + PROGRESS)
    expect(_due(page)).to_have_text(["Send the article — By Friday, November 20, 2026 (overdue)",
                                     "Row 3 — By Saturday, December 5, 2026"])


def test_nothing_due_says_so_and_changes_as_dates_are_saved(far_east, real_url):
    page = far_east.page
    store_before_load(page, {"version": 1, "worksheets": {"contact-tracker": {"values": {
        "contact-list--1--name": "Later", "contact-list--1--next-date": "2027-03-01"}}}})
    open_ready(page, real_url + PROGRESS)
    expect(page.locator("[data-ro-due-soon] [data-ro-none]")).to_have_text(
        "Nothing is due in the next 7 days, and nothing is overdue.")
    expect(page.locator("[data-ro-due-soon] [data-ro-list]")).to_be_hidden()


def test_without_scripts_it_says_it_needs_them(page_nojs, real_url):
    page_nojs.goto(real_url + PROGRESS)
    section = page_nojs.locator("[data-ro-due-soon]")
    expect(section.locator("[data-ro-nojs]")).to_have_text("This list needs JavaScript, which is off in this browser.")
    expect(section.locator("[data-ro-none]")).to_be_hidden()
