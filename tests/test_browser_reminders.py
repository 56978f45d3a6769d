"""Follow-up reminders in the reader's own calendar, on the real contact tracker (issue 15).

A worksheet column marked `reminder: true` (the date of a row's next step) gives each row an "Add to calendar"
button; the browser makes an .ics file (RFC 5545), parsed here with the maintained `icalendar` library. Its
UID comes from the worksheet, the column and the contact's name, so it survives a new date and a row that
moves up. `suggest:` fills the next date from the last contact, by the guide's default.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from browser_support import open_ready, stored, wait_stored

pytestmark = pytest.mark.browser

TRACKER = "worksheets/contact-tracker/"
CONTACTS = "#ws-contact-tracker--contact-list"
NAME = "Zoë Núñez, PhD"
LONG_STEP = "Send her the article on solar co-ops; ask whether the café at the depot still hosts the monthly meetup"


def _ics(page, button: str) -> tuple[bytes, icalendar.Calendar, object]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    download = info.value
    raw = Path(download.path()).read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert download.suggested_filename == "follow-up-zoe-nunez-phd.ics"
    return raw, calendar, events[0]


def _well_formed(raw: bytes) -> None:
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)  # every line ends CRLF
    assert max(len(line) for line in lines) <= 75, [line for line in lines if len(line) > 75]
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded
    for line in lines:
        line.decode("utf-8")  # folded between characters, never inside one


def test_add_to_calendar_makes_one_event_whose_uid_survives_a_new_date_and_a_row_moving_up(page, real_url):
    open_ready(page, real_url + TRACKER)
    page.locator(CONTACTS).get_by_label("Name, row 1").fill("Ann")
    page.locator(CONTACTS).get_by_label("Name, row 2").fill(NAME)
    page.locator(CONTACTS).get_by_label("Where they work, row 2").fill("Sun & Co; Lisbon")
    page.locator(CONTACTS).get_by_label("Next step, row 2").fill(LONG_STEP)
    page.locator(CONTACTS).get_by_label("Next contact by, row 2").fill("2027-01-15")

    raw, calendar, event = _ics(page, "Add to calendar: a reminder for row 2")
    _well_formed(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar.get("CALSCALE", "GREGORIAN")) == "GREGORIAN"  # left out: GREGORIAN (RFC 5545 3.7.1)
    assert "Reaching Out" in str(calendar["PRODID"])
    assert event.decoded("DTSTART") == datetime.date(2027, 1, 15)  # all day
    assert event.decoded("DTEND") == datetime.date(2027, 1, 16)
    assert event.decoded("DTSTAMP").tzinfo is not None  # UTC
    assert str(event["SUMMARY"]) == "Follow up with Zoë Núñez, PhD"
    assert b"SUMMARY:Follow up with Zo\xc3\xab N\xc3\xba\xc3\xb1ez\\, PhD\r\n" in raw  # escaped per RFC 5545
    description = str(event["DESCRIPTION"])
    assert description.splitlines() == ["Where they work: Sun & Co; Lisbon", f"Next step: {LONG_STEP}",
                                        "From your “Contact tracker” worksheet."]
    uid = str(event["UID"])
    assert re.fullmatch(r"ws-contact-tracker--contact-list--next-date--[0-9a-z]+@reaching-out", uid), uid
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == datetime.timedelta(hours=9)  # the morning of
    status = page.locator("[data-ro-worksheet] [data-ro-status]")
    expect(status).to_contain_text("Downloaded follow-up-zoe-nunez-phd.ics")

    # A new date: the same event, moved.
    page.locator(CONTACTS).get_by_label("Next contact by, row 2").fill("2027-02-01")
    _, _, again = _ics(page, "Add to calendar: a reminder for row 2")
    assert str(again["UID"]) == uid
    assert again.decoded("DTSTART") == datetime.date(2027, 2, 1)
    assert int(again["SEQUENCE"]) >= int(event["SEQUENCE"])

    # Row 1 removed: Zoë is row 1 now, and still the same event.
    page.locator(CONTACTS).get_by_role("button", name="Remove row 1").click()
    assert page.locator(CONTACTS).get_by_label("Name, row 1").input_value() == NAME
    _, _, moved = _ics(page, "Add to calendar: a reminder for row 1")
    assert str(moved["UID"]) == uid
    assert moved.decoded("DTSTART") == datetime.date(2027, 2, 1)

    # The same name written differently (case, spaces, accents) is the same contact; another name is not.
    page.locator(CONTACTS).get_by_label("Name, row 1").fill("  zoe  nunez, phd ")
    with page.expect_download() as info:
        page.get_by_role("button", name="Add to calendar: a reminder for row 1", exact=True).click()
    same = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(same["UID"]) == uid
    page.locator(CONTACTS).get_by_label("Name, row 1").fill("Ann")
    with page.expect_download() as info:
        page.get_by_role("button", name="Add to calendar: a reminder for row 1", exact=True).click()
    other = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(other["UID"]) != uid
    assert str(other["SUMMARY"]) == "Follow up with Ann"


def test_without_a_name_or_date_the_button_says_what_to_fill_in(page, real_url):
    open_ready(page, real_url + TRACKER)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    status = page.locator("[data-ro-worksheet] [data-ro-status]")
    page.get_by_role("button", name="Add to calendar: a reminder for row 3", exact=True).click()
    expect(status).to_have_text("To add a reminder for row 3, fill in Name and Next contact by.")
    page.locator(CONTACTS).get_by_label("Name, row 3").fill("Bo")
    page.get_by_role("button", name="Add to calendar: a reminder for row 3", exact=True).click()
    expect(status).to_have_text("To add a reminder for row 3, fill in Next contact by.")
    assert downloads == []


def test_a_row_added_later_has_its_button_and_the_button_never_prints(page, real_url):
    open_ready(page, real_url + TRACKER)
    page.get_by_role("button", name="Add a row: Contacts").click()
    button = page.get_by_role("button", name="Add to calendar: a reminder for row 9", exact=True)
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(page.locator("[data-ro-remind]").first).to_be_hidden()


def test_the_buttons_are_hidden_without_javascript(page_nojs, real_url):
    page_nojs.goto(real_url + TRACKER)
    assert page_nojs.locator("tbody [data-ro-remind]").count() == 8
    expect(page_nojs.locator("[data-ro-remind]").first).to_be_hidden()


def test_the_last_contact_suggests_the_next_date_until_the_reader_writes_one(page, real_url):
    open_ready(page, real_url + TRACKER)
    status = page.locator("[data-ro-worksheet] [data-ro-status]")
    page.locator(CONTACTS).get_by_label("Last contact, row 1").fill("2026-12-01")
    next_date = page.locator(CONTACTS).get_by_label("Next contact by, row 1")
    expect(next_date).to_have_value("2027-02-01")  # every 2 months, the guide's default
    expect(status).to_contain_text("Next contact by, row 1:")
    expect(status).to_contain_text("2 months on, as the guide suggests. You can change it.")
    wait_stored(page, "s.worksheets['contact-tracker'].values['contact-list--1--next-date'] === '2027-02-01'")
    # A later last contact moves a date the guide suggested...
    page.locator(CONTACTS).get_by_label("Last contact, row 1").fill("2026-12-20")
    expect(next_date).to_have_value("2027-02-20")
    # ...never one the reader wrote.
    next_date.fill("2027-01-05")
    page.locator(CONTACTS).get_by_label("Last contact, row 1").fill("2026-12-22")
    expect(next_date).to_have_value("2027-01-05")
    wait_stored(page, "s.worksheets['contact-tracker'].values['contact-list--1--last-contact'] === '2026-12-22'")
    assert stored(page)["worksheets"]["contact-tracker"]["values"]["contact-list--1--next-date"] == "2027-01-05"
    # Another row's date is left alone.
    assert page.locator(CONTACTS).get_by_label("Next contact by, row 2").input_value() == ""
