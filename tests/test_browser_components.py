"""Each component in Chromium, on the sample site: complete without JavaScript, working with it.

The sample site (tests/fixtures/sample-docs) holds test data, so these tests do not depend on prose.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from browser_support import RECORD_CLIPBOARD, RECORD_PRINT, open_ready, store, stored, wait_stored

pytestmark = pytest.mark.browser


# --- Without JavaScript: complete and readable; the script-only parts stay hidden ---


def test_checklist_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "checklist/")
    box = page_nojs.get_by_label("Confirm the time & place by email.")
    assert box.is_visible()
    box.check()  # still a real checkbox, for this visit
    assert box.is_checked()
    assert page_nojs.locator("[data-ro-reset]").first.is_hidden()
    assert page_nojs.locator("[data-ro-progress]").first.inner_text() == ""


def test_question_bank_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "questions/")
    assert page_nojs.locator("form[data-ro-qfilter]").is_hidden()
    assert page_nojs.locator("[data-ro-myq]").is_hidden()
    questions = page_nojs.locator("li[data-ro-question]")
    assert questions.count() == 3
    for i in range(3):
        assert questions.nth(i).is_visible()
    assert page_nojs.locator("[data-ro-pick]").count() == 0
    assert "How did you get started in this work?" in page_nojs.inner_text("#q-how-did-you-start")


def test_embedded_questions_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "embedded/")
    assert page_nojs.locator("#q-who-else").is_visible()
    assert page_nojs.locator("[data-ro-pick]").count() == 0


def test_worksheet_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "worksheet/")
    assert page_nojs.get_by_label("Their name").is_visible()
    assert page_nojs.get_by_label("Name, row 2").is_visible()
    assert page_nojs.locator("[data-ro-tools]").is_hidden()
    assert page_nojs.locator("[data-ro-row-add]").is_hidden()
    assert page_nojs.locator("[data-ro-row-remove]").count() == 0


def test_message_template_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "template/")
    assert page_nojs.locator("form[data-ro-composer]").is_hidden()
    assert page_nojs.locator("#tpl-warm-request [data-ro-tools]").is_hidden()
    message = page_nojs.inner_text("#tpl-warm-request [data-ro-message]")
    assert "Their name" in message and "Could we talk for 20 minutes?" in message


def test_network_map_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "network-map/")
    assert page_nojs.locator("#net-family").is_visible()
    assert "Who in your family works" in page_nojs.inner_text("#net-family")
    assert page_nojs.locator("[data-ro-net-people]").first.is_hidden()
    assert page_nojs.locator("[data-ro-net-csv]").is_hidden()


def test_my_progress_without_javascript(page_nojs, sample_url):
    page_nojs.goto(sample_url + "my-progress/")
    assert "JavaScript is turned off" in page_nojs.inner_text("[data-ro-nojs]")
    assert page_nojs.locator("[data-ro-progress-body]").is_hidden()


# --- Checklists ---


@pytest.mark.parametrize("path", ["worksheet/", "checklist/", "template/", "network-map/"])
def test_revealing_the_tools_moves_nothing_below_them(browsing, sample_url, page_nojs, path):
    """The tools' room is kept before the script runs (no layout shift); without scripts it takes none."""
    waiting = browsing.new_page()
    waiting.route("**/assets/ro/ro.js", lambda route: route.abort())  # as if the script had not arrived yet
    waiting.goto(sample_url + path)
    tools = waiting.locator("[data-ro-tools]").first
    assert tools.is_hidden() and tools.bounding_box()["height"] > 0
    before = tools.bounding_box()
    page = browsing.page
    open_ready(page, sample_url + path)
    shown = page.locator("[data-ro-tools]").first
    expect(shown).to_be_visible()
    after = shown.bounding_box()
    assert (after["y"], after["height"]) == (before["y"], before["height"])  # so nothing below it moves
    page_nojs.goto(sample_url + path)
    assert page_nojs.locator("[data-ro-tools]").first.bounding_box() is None  # no gap without scripts


def test_checklist_ticks_persist_and_progress_is_announced(page, sample_url):
    open_ready(page, sample_url + "checklist/")
    progress = page.locator("#cl-before-you-reach-out [data-ro-progress]")
    assert progress.inner_text() == "0 of 2 done"
    assert progress.get_attribute("aria-live") == "polite"
    page.get_by_label("Read about the field for an hour.").check()
    assert progress.inner_text() == "1 of 2 done"
    assert page.locator("#cl-before-you-reach-out--research-field").get_attribute("class").endswith("--done")
    assert stored(page)["checklists"] == {"before-you-reach-out": {"research-field": True}}
    page.reload()
    assert page.get_by_label("Read about the field for an hour.").is_checked()
    assert page.locator("#cl-before-you-reach-out [data-ro-progress]").inner_text() == "1 of 2 done"
    page.get_by_label("Read about the field for an hour.").uncheck()
    assert stored(page)["checklists"] == {}


def test_checklist_reset_asks_first(page, sample_url):
    open_ready(page, sample_url + "checklist/")
    page.get_by_label("Write two sentences on what draws you to the field.").check()
    page.get_by_label("Confirm the time & place by email.").check()
    reset = page.locator("#cl-before-you-reach-out [data-ro-reset]")
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    reset.click()
    assert "Before you reach out" in messages[0]
    assert page.get_by_label("Write two sentences on what draws you to the field.").is_checked()
    page.once("dialog", lambda d: d.accept())
    reset.click()
    assert not page.get_by_label("Write two sentences on what draws you to the field.").is_checked()
    assert page.locator("#cl-before-you-reach-out [data-ro-progress]").inner_text() == "0 of 2 done"
    # The other checklist keeps its tick.
    assert stored(page)["checklists"] == {"the-day-before": {"confirm": True}}


# --- Question bank: filters ---


def _shown(page) -> list[str]:
    return page.eval_on_selector_all("li[data-ro-question]:not([hidden])",
                                     "els => els.map(e => e.dataset.roQuestion)")


def test_filters_combine_and_count(page, sample_url):
    open_ready(page, sample_url + "questions/")
    count = page.locator("[data-ro-qcount]")
    assert page.locator("form[data-ro-qfilter]").is_visible()
    assert count.inner_text() == "Showing all 3 questions."
    page.get_by_role("checkbox", name="Their path").check()
    assert _shown(page) == ["how-did-you-start", "tricky-text"]
    assert page.locator("#qc-closing-and-referrals").is_hidden()
    assert count.inner_text() == "Showing 2 of 3 questions."
    page.get_by_label("Targeting an employer").check()
    assert _shown(page) == ["tricky-text"]
    page.get_by_label("Closing", exact=True).check()
    assert _shown(page) == []
    assert count.inner_text() == "No question matches. Try fewer filters or other words."
    assert parse_qs(urlsplit(page.url).query) == {"category": ["their-path"], "purpose": ["target-employer"],
                                                  "phase": ["closing"]}
    page.get_by_role("button", name="Show all questions").click()
    page.wait_for_function("() => !location.search")
    assert len(_shown(page)) == 3


def test_text_search_matches_every_word(page, sample_url):
    open_ready(page, sample_url + "questions/")
    page.get_by_label("Search the questions").fill("talk WHO")
    assert _shown(page) == ["who-else"]
    page.wait_for_function("() => document.querySelector('[data-ro-qcount]').textContent.includes('1 of 3')")
    assert parse_qs(urlsplit(page.url).query) == {"words": ["talk WHO"]}  # not ?q=, which is Material's search
    page.get_by_label("Search the questions").fill("")
    assert len(_shown(page)) == 3


def test_a_filtered_bank_reloads_without_opening_the_site_search(page, sample_url):
    open_ready(page, sample_url + "questions/")
    page.get_by_label("Search the questions").fill("talk WHO")
    page.wait_for_function("() => location.search.includes('talk')")
    for _ in range(2):  # a reload, then a bookmark opened afresh
        open_ready(page, page.url)
        assert page.get_by_label("Search the questions").input_value() == "talk WHO"
        assert _shown(page) == ["who-else"]
        assert not page.is_checked("#__search")  # Material's search stays closed
    assert parse_qs(urlsplit(page.url).query) == {"words": ["talk WHO"]}


def test_an_old_link_with_q_still_filters_and_leaves_the_site_search_closed(page, sample_url):
    open_ready(page, sample_url + "questions/?q=talk+WHO")
    assert page.get_by_label("Search the questions").input_value() == "talk WHO"
    assert _shown(page) == ["who-else"]
    assert not page.is_checked("#__search")
    assert parse_qs(urlsplit(page.url).query) == {"words": ["talk WHO"]}


def test_a_shared_url_restores_the_filters(page, sample_url):
    open_ready(page, sample_url + "questions/?purpose=target-employer&q=pay&category=nonsense")
    assert page.get_by_label("Targeting an employer").is_checked()
    assert page.get_by_label("Search the questions").input_value() == "pay"
    assert _shown(page) == ["tricky-text"]
    assert page.locator("[data-ro-qcount]").inner_text() == "Showing 1 of 3 questions."


# --- My questions ---


def test_pick_reorder_remove_and_persist(page, sample_url):
    open_ready(page, sample_url + "questions/")
    mine = page.locator("[data-ro-myq]")
    assert mine.is_visible()
    assert "No questions picked yet" in mine.inner_text()
    pick_start = page.locator("#q-how-did-you-start [data-ro-pick]")
    pick_else = page.locator("#q-who-else [data-ro-pick]")
    pick_start.click()
    pick_else.click()
    assert pick_start.get_attribute("aria-pressed") == "true"
    items = page.locator("[data-ro-myq-list] > li .ro-myq__text")
    assert items.all_inner_texts() == ["How did you get started in this work?", "Who else should I talk to?"]
    page.get_by_role("button", name="Move up: Who else should I talk to?").click()
    assert items.all_inner_texts() == ["Who else should I talk to?", "How did you get started in this work?"]
    assert [q["id"] for q in stored(page)["questions"]] == ["who-else", "how-did-you-start"]
    page.reload()
    assert page.locator("[data-ro-myq-list] > li .ro-myq__text").all_inner_texts() == [
        "Who else should I talk to?", "How did you get started in this work?"]
    page.get_by_role("button", name="Remove: Who else should I talk to?").click()
    assert page.locator("[data-ro-myq-list] > li").count() == 1
    assert page.locator("#q-who-else [data-ro-pick]").get_attribute("aria-pressed") == "false"
    # Pressing a pressed pick button takes the question out again.
    page.locator("#q-how-did-you-start [data-ro-pick]").click()
    assert stored(page)["questions"] == []
    assert "No questions picked yet" in page.locator("[data-ro-myq]").inner_text()


def test_what_a_button_just_did_is_said_once_and_never_printed(page, sample_url):
    open_ready(page, sample_url + "questions/")
    page.locator("#q-who-else [data-ro-pick]").click()
    page.locator("#q-how-did-you-start [data-ro-pick]").click()
    status = page.locator("[data-ro-myq] [data-ro-status]")
    page.get_by_role("button", name="Move up: How did you get started in this work?").click()
    expect(status).to_have_text("Moved up: How did you get started in this work? Now 1 of 2.")
    page.get_by_role("button", name="Remove: Who else should I talk to?").click()
    expect(status).to_have_text("Removed: Who else should I talk to?")  # the question's own mark, no "?."
    page.emulate_media(media="print")
    assert status.is_hidden()
    assert page.locator("[data-ro-myq-list]").is_visible()


def test_pick_from_a_short_list_in_a_chapter(page, sample_url):
    open_ready(page, sample_url + "embedded/")
    page.locator("#q-who-else [data-ro-pick]").click()
    assert stored(page)["questions"] == [{"id": "who-else", "text": "Who else should I talk to?"}]
    open_ready(page, sample_url + "questions/")
    assert page.locator("#q-who-else [data-ro-pick]").get_attribute("aria-pressed") == "true"


def _pick_two(page, sample_url):
    open_ready(page, sample_url + "questions/")
    page.locator("#q-tricky-text [data-ro-pick]").click()
    page.locator("#q-who-else [data-ro-pick]").click()


def test_copy_my_questions_as_plain_text(page, sample_url):
    page.add_init_script(RECORD_CLIPBOARD)
    _pick_two(page, sample_url)
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator("[data-ro-myq] [data-ro-status]")).to_have_text("Copied 2 questions.")
    assert page.evaluate("window.__copied") == (
        'My questions\r\n\r\n1. Is pay < 50k & "fair" here? See the guide or code.\r\n'
        "2. Who else should I talk to?\r\n")


def test_copy_falls_back_without_the_clipboard_api(page, sample_url):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                         "document.execCommand = function (c) { window.__exec = c; return true; };")
    _pick_two(page, sample_url)
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator("[data-ro-myq] [data-ro-status]")).to_have_text("Copied 2 questions.")
    assert page.evaluate("window.__exec") == "copy"


@pytest.mark.parametrize(("button", "name", "first_line"), [
    ("Download as .txt", "my-questions.txt", "My questions"),
    ("Download as Markdown (.md)", "my-questions.md", "# My questions"),
])
def test_download_my_questions(page, sample_url, button, name, first_line):
    _pick_two(page, sample_url)
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    assert download.suggested_filename == name
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert lines == [first_line, "", '1. Is pay < 50k & "fair" here? See the guide or code.',
                     "2. Who else should I talk to?"]


def test_print_only_my_questions(page, sample_url):
    page.add_init_script(RECORD_PRINT)
    _pick_two(page, sample_url)
    page.get_by_role("button", name="Print my questions").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator("[data-ro-myq-list]").is_visible()
    assert page.locator("#qc-their-path").is_hidden()
    assert page.locator("form[data-ro-qfilter]").is_hidden()
    assert page.locator("h1").is_hidden()
    assert page.locator("[data-ro-myq-tools]").is_hidden()
    # Once printing is over, the page prints whole again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#qc-their-path").is_visible()
    assert page.locator("[data-ro-pick]").first.is_hidden()  # the buttons never print


# --- Worksheets ---


def test_worksheet_autosaves_every_kind_of_field(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Their name").fill("Ana Ruiz")
    page.get_by_label("Date").fill("2026-12-01")
    page.get_by_label("Phone").check()
    page.get_by_label("I sent my questions ahead").check()
    page.get_by_label("Your short introduction").fill("I teach.\nI am curious about solar.")
    page.get_by_label("Name, row 2").fill("Bo")
    page.get_by_label("Contacted, row 2").check()
    wait_stored(page, "s.worksheets['conversation-prep'] && s.worksheets['conversation-prep'].values"
                      "['contacts--2--contacted'] === true")
    assert stored(page)["worksheets"]["conversation-prep"]["values"] == {
        "their-name": "Ana Ruiz", "meeting-date": "2026-12-01", "format": "phone", "sent-questions": True,
        "intro": "I teach.\nI am curious about solar.", "contacts--2--name": "Bo", "contacts--2--contacted": True}
    page.reload()
    assert page.get_by_label("Their name").input_value() == "Ana Ruiz"
    assert page.get_by_label("Date").input_value() == "2026-12-01"
    assert page.get_by_label("Phone").is_checked()
    assert page.get_by_label("I sent my questions ahead").is_checked()
    assert page.get_by_label("Your short introduction").input_value() == "I teach.\nI am curious about solar."
    assert page.get_by_label("Name, row 2").input_value() == "Bo"
    assert page.get_by_label("Contacted, row 2").is_checked()


def test_the_last_keystrokes_are_saved_when_leaving_at_once(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Their name").fill("Quick")
    page.get_by_role("link", name="A message").first.click()  # leaves within the autosave delay
    page.wait_for_url("**/template/")
    wait_stored(page, "s.worksheets['conversation-prep'].values['their-name'] === 'Quick'")


def test_add_and_remove_rows(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Name, row 1").fill("Ann")
    page.get_by_label("Name, row 2").fill("Bo")
    page.get_by_role("button", name="Add a row: People they mentioned").click()
    row3 = page.locator("#ws-conversation-prep--contacts--3--name")
    assert row3.get_attribute("name") == "contacts--3--name"
    assert page.evaluate("document.activeElement.id") == "ws-conversation-prep--contacts--3--name"
    label = page.locator("label[for='ws-conversation-prep--contacts--3--contacted']")
    assert label.text_content() == "Contacted, row 3"
    assert page.locator("[data-ro-row='3'] td").first.inner_text() == "3"
    page.keyboard.type("Cy")
    wait_stored(page, "s.worksheets['conversation-prep'].values['contacts--3--name'] === 'Cy'")
    assert stored(page)["worksheets"]["conversation-prep"]["rows"] == {"contacts": 3}
    page.reload()
    assert page.get_by_label("Name, row 3").input_value() == "Cy"
    # Removing row 1 moves the rows below up: ids stay 1, 2.
    page.get_by_role("button", name="Remove row 1").click()
    assert page.locator("table[data-ro-rows] tbody tr").count() == 2
    assert page.get_by_label("Name, row 1").input_value() == "Bo"
    assert page.get_by_label("Name, row 2").input_value() == "Cy"
    sheet = stored(page)["worksheets"]["conversation-prep"]
    assert sheet["values"] == {"contacts--1--name": "Bo", "contacts--2--name": "Cy"}
    assert "rows" not in sheet  # back to the default count
    expect(page.locator("[data-ro-worksheet] [data-ro-status]")).to_have_text("Row 1 removed.")


def test_clear_worksheet_asks_first(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Their name").fill("Ana")
    page.get_by_role("button", name="Add a row: People they mentioned").click()
    wait_stored(page, "s.worksheets['conversation-prep'] && s.worksheets['conversation-prep'].rows")
    clear = page.get_by_role("button", name="Clear this worksheet")
    page.once("dialog", lambda d: d.dismiss())
    clear.click()
    assert page.get_by_label("Their name").input_value() == "Ana"
    page.once("dialog", lambda d: d.accept())
    clear.click()
    assert page.get_by_label("Their name").input_value() == ""
    assert page.locator("table[data-ro-rows] tbody tr").count() == 2
    assert stored(page)["worksheets"] == {}


def test_print_with_answers_and_blank(page, sample_url):
    page.add_init_script(RECORD_PRINT)
    open_ready(page, sample_url + "worksheet/")
    name = page.get_by_label("Their name")
    name.fill("Ana")
    page.get_by_label("I sent my questions ahead").check()
    colour = "el => getComputedStyle(el).color"
    page.get_by_role("button", name="Print with my answers").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert name.evaluate(colour) != "rgba(0, 0, 0, 0)"
    assert page.locator("[data-ro-tools]").is_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Print blank").click()
    assert page.evaluate("window.__printed") == 2
    page.emulate_media(media="print")
    assert name.evaluate(colour) == "rgba(0, 0, 0, 0)"
    assert page.get_by_label("I sent my questions ahead").evaluate("el => getComputedStyle(el).appearance") == "none"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert name.evaluate(colour) != "rgba(0, 0, 0, 0)"
    assert name.input_value() == "Ana"  # a blank print never touches the answers


# --- Message composer ---


def test_composer_updates_the_message_live_and_remembers(page, sample_url):
    open_ready(page, sample_url + "template/")
    assert page.locator("form[data-ro-composer]").is_visible()
    page.get_by_label("Your friend's name").fill("Lee")
    subject = page.locator(".ro-message-template__subject [data-ro-slot=friend]")
    assert subject.inner_text() == "Lee"
    assert "Lee told me" in page.inner_text(".ro-message-template__body")
    page.get_by_label("Your name", exact=True).fill("Sam Rivera")
    wait_stored(page, "s.slots['your-name'] === 'Sam Rivera' && s.slots.friend === 'Lee'")
    page.reload()
    assert page.get_by_label("Your friend's name").input_value() == "Lee"
    assert page.locator(".ro-message-template__body [data-ro-slot=your-name]").inner_text() == "Sam Rivera"


def test_the_composer_keeps_the_last_detail_typed_before_a_reload(page, sample_url):
    open_ready(page, sample_url + "template/")
    # Typed and gone within the 250 ms the composer waits before saving.
    page.evaluate("""() => { const input = document.querySelector("[data-ro-slot-input='friend']");
        input.value = "Lee"; input.dispatchEvent(new Event("input", {bubbles: true})); location.reload(); }""")
    page.wait_for_load_state()
    wait_stored(page, "s.slots && s.slots.friend === 'Lee'")
    open_ready(page, sample_url + "template/")
    assert page.get_by_label("Your friend's name").input_value() == "Lee"


def test_mailto_link_encodes_subject_and_body(page, sample_url):
    open_ready(page, sample_url + "template/")
    page.get_by_label("Your friend's name").fill("Lee & Kim")
    page.get_by_label("Your name", exact=True).fill("Sam")
    href = page.locator("[data-ro-mailto]").get_attribute("href")
    assert href.startswith("mailto:?subject=")
    query = href.split("?", 1)[1]
    assert "&" not in query.split("&body=")[0].replace("&body", "")  # the & in a value is encoded
    parts = dict(part.split("=", 1) for part in query.split("&"))
    assert unquote(parts["subject"]) == "Lee & Kim suggested I get in touch"
    assert unquote(parts["body"]) == ('Hi [Their name],\r\n\r\nLee & Kim told me you work in solar & "green" energy.'
                                      "\r\nCould we talk for 20 minutes?\r\n\r\nSam")


def test_copy_message_and_subject(page, sample_url):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, sample_url + "template/")
    page.get_by_label("Their name").fill("Dana")
    page.get_by_role("button", name="Copy the message").click()  # blanks still empty: a warning first
    expect(page.locator("[data-ro-status]").first).to_contain_text("2 blanks are still empty")
    assert page.evaluate("window.__copied") is None
    page.get_by_role("button", name="Copy the message").click()  # then copied as it is
    page.wait_for_function("() => window.__copied !== null")
    assert page.evaluate("window.__copied") == (
        'Hi Dana,\n\n[Your friend\'s name] told me you work in solar & "green" energy.\n'
        "Could we talk for 20 minutes?\n\n[Your name]")
    page.get_by_role("button", name="Copy the subject").click()
    expect(page.locator("[data-ro-status]").first).to_contain_text("1 blank is still empty")
    page.get_by_role("button", name="Copy the subject").click()
    page.wait_for_function("() => window.__copied.startsWith('[Your')")
    assert page.evaluate("window.__copied") == "[Your friend's name] suggested I get in touch"


# --- Network map ---


def test_network_people_are_added_marked_and_kept(page, sample_url):
    open_ready(page, sample_url + "network-map/")
    family = page.locator("#net-family")
    family.get_by_label("Name").fill("Aunt May")
    family.get_by_label("Note (optional)").fill("nurse, retired")
    family.get_by_role("button", name="Add to Family").click()
    assert family.locator(".ro-network-map__name").all_inner_texts() == ["Aunt May"]
    assert page.evaluate("document.activeElement.id") == "net-family--name"
    family.get_by_label("Asked: Aunt May").check()
    person = stored(page)["network"]["family"][0]
    assert (person["name"], person["note"], person["asked"], person["talked"]) == ("Aunt May", "nurse, retired",
                                                                                  True, False)
    page.reload()
    assert page.locator("#net-family").get_by_label("Asked: Aunt May").is_checked()
    assert not page.locator("#net-family").get_by_label("Talked to: Aunt May").is_checked()


def test_network_refuses_an_empty_name(page, sample_url):
    open_ready(page, sample_url + "network-map/")
    page.locator("#net-family").get_by_role("button", name="Add to Family").click()
    expect(page.locator("[data-ro-netmap] [data-ro-status]")).to_have_text("Type a name first.")
    assert stored(page) is None or stored(page)["network"] == {}


def test_network_remove_person(page, sample_url):
    open_ready(page, sample_url + "network-map/")
    market = page.locator("#net-farmers-market")
    for name in ("Jo", "Ray"):
        market.get_by_label("Name").fill(name)
        market.get_by_label("Name").press("Enter")
    market.get_by_role("button", name="Remove Jo").click()
    assert market.locator(".ro-network-map__name").all_inner_texts() == ["Ray"]
    assert page.evaluate("document.activeElement.id") == "net-farmers-market--name"  # ready for the next name
    assert [p["name"] for p in stored(page)["network"]["farmers-market"]] == ["Ray"]


def test_network_csv_quotes_and_defuses_formulas(page, sample_url):
    open_ready(page, sample_url + "template/")
    store(page, {"version": 1, "network": {
        "family": [{"id": "a", "name": "=HYPERLINK(\"http://x\")", "note": "says \"hi\", often", "asked": True,
                    "talked": False}],
        "farmers-market": [{"id": "b", "name": "@Jo", "note": "+1 555\nline two", "asked": False, "talked": True},
                           {"id": "c", "name": "-Ray", "note": "", "asked": False, "talked": False}],
        "gone-category": [{"id": "d", "name": "Kept anyway", "note": ""}]}})
    open_ready(page, sample_url + "network-map/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my list as a spreadsheet (.csv)").click()
    download = info.value
    assert download.suggested_filename == "my-network.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == 5  # header and 4 people; the line break inside a quoted note stays "\\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        ["Group", "Category", "Name", "Note", "Asked", "Talked to"],
        ["People you know", "Family", "'=HYPERLINK(\"http://x\")", 'says "hi", often', "yes", "no"],
        ["Places to meet new people", "The farmers' market", "'@Jo", "'+1 555\nline two", "no", "yes"],
        ["Places to meet new people", "The farmers' market", "'-Ray", "", "no", "no"],
        ["", "gone-category", "Kept anyway", "", "no", "no"],
    ]
    assert '"\'=HYPERLINK(""http://x"")"' in text  # RFC 4180: quoted, inner quotes doubled


def test_a_script_error_would_fail_the_test(browsing, sample_url):
    """Guard: the `browsing` fixture records uncaught errors from the page."""
    page = browsing.page
    open_ready(page, sample_url)
    # An error thrown inside one of our scripts (here: starting a broken component) is recorded.
    page.evaluate("setTimeout(() => ReachingOut.component('broken', 'body', () => { throw new Error('boom'); }))")
    page.wait_for_function("() => document.body.matches('[data-ro-ready], [data-ro-failed]')")
    for _ in range(100):  # the error reaches Python as an event, shortly after
        if any("boom" in e for e in browsing.errors):
            break
        page.wait_for_timeout(50)
    assert any("boom" in e for e in browsing.errors)
    browsing.errors.clear()


def test_components_keep_their_ids_in_storage_not_positions(page, sample_url):
    """State is keyed by permanent ids only: no indexes, no text as keys."""
    open_ready(page, sample_url + "checklist/")
    page.get_by_label("Confirm the time & place by email.").check()
    open_ready(page, sample_url + "questions/")
    page.locator("#q-who-else [data-ro-pick]").click()
    state = stored(page)
    assert json.dumps(state["checklists"]) == '{"the-day-before": {"confirm": true}}'
    assert state["questions"][0]["id"] == "who-else"


def test_a_slot_shared_by_several_templates_is_filled_once(page, real_url):
    """On the real messages page: typing your name in one template fills it in all of them."""
    open_ready(page, real_url + "messages/")
    shared = page.evaluate("""() => {
        const counts = {};
        document.querySelectorAll("[data-ro-slot-input]").forEach((i) => {
          counts[i.dataset.roSlotInput] = (counts[i.dataset.roSlotInput] || 0) + 1; });
        return Object.keys(counts).filter((k) => counts[k] > 1).sort(); }""")
    assert "your-name" in shared
    inputs = page.locator("[data-ro-slot-input=your-name]")
    inputs.first.fill("Sam Rivera")
    wait_stored(page, "s.slots['your-name'] === 'Sam Rivera'")
    expect(inputs.last).to_have_value("Sam Rivera")
    last = page.locator("article[data-ro-template]", has=page.locator("[data-ro-slot-input=your-name]")).last
    expect(last.locator("[data-ro-slot=your-name]").first).to_have_text("Sam Rivera")
    assert set(stored(page)["slots"]) == {"your-name"}  # one value, kept by its slot id
