"""A summary for the counselor, on the real guide: the reader ticks, picks and fills, chooses some parts on My
progress, reads exactly what the summary will show, then prints it (one page) or copies a link. The link opens
the summary page in a browser with nothing saved, shows only the chosen parts as text, and saves nothing there.
Damaged and hostile links show one message and run nothing."""

from __future__ import annotations

import base64
import json
import re
import zlib

import pytest
from playwright.sync_api import expect

from browser_support import RECORD_CLIPBOARD, RECORD_PRINT, Browsing, open_ready, store_before_load, wait_stored
from support import ROOT
from test_browser_print import _chromium_prints
from test_browser_site import _axe

pytestmark = pytest.mark.browser

PROGRESS = "my-progress/"
VIEW = "summary/"
XSS = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>'
CHOSEN_ITEM = "Write two or three sentences on what draws you to the field."
OTHER_ITEM = "Confirm the time and place"
QUESTION = "How did you get started in this kind of work?"
BAD = ("This summary link is damaged, cut short or not from this guide, so it cannot be shown. Ask for the link "
       "again, or copy the whole link into the address bar.")
# Saved by the reader: two checklists, a question, two worksheets (only some of it chosen in the tests).
STATE = {"version": 1,
         "checklists": {"before-you-reach-out": {"what-draws-you": True, "assumptions": True},
                        "the-day-before": {"confirm": True}},
         "questions": [{"id": "how-did-you-start"}],
         "worksheets": {"conversation-prep": {"values": {"their-name": "Ana Ruiz", "format": "coffee",
                                                         "sent-questions": True}},
                        "contact-tracker": {"values": {"contact-list--1--name": "Private Person",
                                                       "contact-list--1--next-date": "2026-01-05"}}}}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _link(payload, compress: bool = True) -> str:
    raw = (payload if isinstance(payload, str) else json.dumps(payload)).encode()
    if not compress:
        return "j" + _b64(raw)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return "z" + _b64(deflate.compress(raw) + deflate.flush())


def _summary(page):
    return page.locator("[data-ro-summary]")


def _choose(page, *ids: str) -> None:
    for box in ids:
        page.locator(f"#summary-{box}").check()


def _view(chromium, url: str):
    """Open `url` in a fresh browser (nothing saved), as a counselor would; return the session."""
    viewer = Browsing(chromium)
    viewer.page.goto(url)
    viewer.page.wait_for_selector("[data-ro-summary-view][data-ro-ready]", state="attached")
    return viewer


def _saved_nothing(page) -> None:
    """Nothing of the guide's is saved in the viewer's browser (Material keeps its own colour scheme there)."""
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("reaching-out")] == [], keys
    assert page.evaluate("window.__xss") is None


@pytest.fixture
def viewer(chromium):
    sessions = []

    def open_view(url: str):
        sessions.append(_view(chromium, url))
        return sessions[-1].page

    yield open_view
    errors = [e for s in sessions for e in s.errors]
    for session in sessions:
        session.close()
    assert errors == [], f"script errors: {errors}"



def _open_progress(page, real_url, script):
    """Open My progress with the saved STATE and `script` run before the page's own, once the summary is ready."""
    store_before_load(page, STATE)
    page.add_init_script(script)
    open_ready(page, real_url + PROGRESS)
    page.wait_for_selector("[data-ro-summary][data-ro-ready]", state="attached")

def test_tick_pick_fill_choose_and_the_link_opens_exactly_that(page, real_url, viewer):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, real_url + "reach-out/")
    page.locator("#cl-before-you-reach-out--what-draws-you input").check()
    open_ready(page, real_url + "prepare/")
    page.locator("#cl-the-day-before input").first.check()
    open_ready(page, real_url + "questions/")
    page.locator("#q-how-did-you-start [data-ro-pick]").click()
    open_ready(page, real_url + "worksheets/conversation-prep/")
    page.get_by_label("Their name", exact=True).fill(XSS)
    page.get_by_label("Coffee").check()
    open_ready(page, real_url + "worksheets/contact-tracker/")
    page.locator("#ws-contact-tracker--contact-list--1--name").fill("Private Person")
    page.locator("body").click()
    wait_stored(page, "s.worksheets['contact-tracker'] && s.questions.length === 1")

    open_ready(page, real_url + PROGRESS)
    page.wait_for_selector("[data-ro-summary][data-ro-ready]", state="attached")
    summary = _summary(page)
    visible = [b.get_attribute("id") for b in summary.locator("input:visible").all()]
    assert visible == ["summary-c-before-you-reach-out", "summary-c-the-day-before", "summary-q",
                       "summary-w-conversation-prep", "summary-w-contact-tracker"]  # only what is saved
    assert summary.locator("input:checked").count() == 0  # nothing chosen at first
    statement = summary.locator(".ro-summary__statement")
    expect(statement).to_have_text(re.compile(r"^This summary will show: nothing yet\. It will not show anything"))
    _choose(page, "c-before-you-reach-out", "q", "w-conversation-prep")
    expect(statement).to_have_text(
        "This summary will show: the items you checked off on “Before you reach out”; the questions you picked; "
        "your answers on “Conversation prep”. It will not show anything else saved in this browser: not the parts "
        "you leave unchecked, your network map or your messages.")

    page.get_by_role("button", name="Copy a link to the summary").click()
    expect(summary.locator("[data-ro-status]")).to_have_text(
        "Link copied. It holds only what the sentence above says it will show.")
    link = page.evaluate("window.__copied")
    assert link.startswith(real_url + VIEW + "#z")
    expect(summary.get_by_role("link", name="Open the summary")).to_have_attribute("href", link)
    expect(summary.locator("[data-ro-summary-long]")).to_be_hidden()

    view = viewer(link)
    paper = view.locator("[data-ro-summary-view] [data-ro-paper]")
    expect(paper).to_be_visible()
    text = paper.inner_text()
    assert "This is a copy that a reader chose to share, made on " in text
    assert "Nothing of it is saved in this browser." in text
    assert [h.inner_text() for h in paper.locator("h2").all()] == ["Before you reach out", "Questions I picked",
                                                                  "Conversation prep"]
    assert CHOSEN_ITEM in text and QUESTION in text
    assert f"Their name: {XSS}" in text and "How you will meet: Coffee" in text
    for other in (OTHER_ITEM, "Private Person", "Contact tracker", "The day before"):
        assert other not in text
    assert paper.locator("img, script").count() == 0
    expect(view.locator("[data-ro-message]")).to_have_text("")
    _saved_nothing(view)


def test_print_gives_one_page_with_only_the_chosen_parts(page, real_url):
    _open_progress(page, real_url, RECORD_PRINT)
    _choose(page, "c-before-you-reach-out", "w-conversation-prep")
    page.get_by_role("button", name="Print the summary").click()
    assert page.evaluate("window.__printed") == 1
    printed = _chromium_prints(page)
    assert len(printed.pages) == 1
    assert printed.has("My progress with Reaching Out") and printed.has("It shows only what I chose to share.")
    assert printed.has("Made on ")
    assert printed.has(CHOSEN_ITEM) and printed.has("Their name: Ana Ruiz")
    assert printed.has("I sent my questions ahead: Yes")
    for absent in (QUESTION, OTHER_ITEM, "Private Person", "Print the summary", "Due this week", "Choose what to share",
                   "Download everything"):
        assert not printed.has(absent), absent
    assert printed.too_small() == []


def test_nothing_chosen_shares_nothing(page, real_url):
    _open_progress(page, real_url, RECORD_CLIPBOARD + RECORD_PRINT)
    for button in ("Copy a link to the summary", "Print the summary"):
        page.get_by_role("button", name=button).click()
        expect(_summary(page).locator("[data-ro-status]")).to_have_text("Choose at least one part to share first.")
    assert page.evaluate("[window.__copied, window.__printed]") == [None, 0]


def test_with_nothing_saved_it_says_there_is_nothing_to_share(page, real_url):
    open_ready(page, real_url + PROGRESS)
    page.wait_for_selector("[data-ro-summary][data-ro-ready]", state="attached")
    expect(_summary(page).locator("[data-ro-summary-nothing]")).to_be_visible()
    expect(_summary(page).locator("fieldset")).to_have_count(3)
    assert _summary(page).locator("fieldset:visible").count() == 0


def test_by_keyboard(page, real_url):
    _open_progress(page, real_url, RECORD_CLIPBOARD)
    page.locator("#summary-c-the-day-before").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "summary-q"
    page.keyboard.press("Space")
    expect(page.locator("#summary-q")).to_be_checked()
    for _ in range(3):  # the two worksheets, then Print
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Copy a link to the summary"
    page.keyboard.press("Enter")
    expect(_summary(page).locator("[data-ro-status]")).to_contain_text("Link copied.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Open the summary"


def test_my_progress_and_the_summary_page_pass_axe(page, real_url, viewer):
    _open_progress(page, real_url, RECORD_CLIPBOARD)
    _choose(page, "q", "w-conversation-prep")
    page.get_by_role("button", name="Copy a link to the summary").click()
    expect(_summary(page).locator("[data-ro-status]")).to_contain_text("Link copied.")
    expect(page.locator("[data-ro-due-soon] li")).to_have_count(1)  # axe sees the list of what is due too
    assert _axe(page) == []
    view = viewer(page.evaluate("window.__copied"))
    expect(view.locator("[data-ro-paper]")).to_be_visible()
    assert _axe(view) == []


GOOD = {"v": 1, "d": "2026-12-01", "a": [["q how-did-you-start", False]]}


@pytest.mark.parametrize("fragment", [
    "z!!!not-base64***",
    "z" + _b64(b"this is not deflate at all"),
    _link("{not json", compress=False),
    _link("{not json"),
    _link(dict(GOOD, v=2)),
    _link(dict(GOOD, v="1")),
    _link(dict(GOOD, d="someday")),
    _link(dict(GOOD, a="q how-did-you-start")),
    _link(dict(GOOD, a=[["q how-did-you-start", 5]])),
    _link(dict(GOOD, a=[[["q how-did-you-start"], False]])),
    _link([GOOD]),
    "x" + _link(GOOD)[1:],
    _link({"v": 1, "d": "2026-12-01", "a": [["q how-did-you-start", " " * 10_000_000]]}),  # 10 MB, inflated
    _link(" " * 180_000, compress=False),  # 240,000 characters: over the page's 200,000, far longer than any summary
], ids=["bad-base64", "bad-compression", "bad-json", "bad-json-compressed", "newer-version", "version-as-text",
        "bad-date", "entries-not-a-list", "value-a-number", "key-not-text", "not-an-object", "unknown-format",
        "10-mb-inflated", "huge-link"])
def test_damaged_and_hostile_links_show_one_message(viewer, real_url, fragment):
    view = viewer(real_url + VIEW + "#" + fragment)
    expect(view.locator("[data-ro-message]")).to_have_text(BAD)
    expect(view.locator("[data-ro-paper]")).to_be_hidden()
    _saved_nothing(view)


def test_markup_in_a_value_is_shown_as_text_and_runs_nothing(viewer, real_url):
    payload = {"v": 1, "d": "2026-12-01", "a": [["w:conversation-prep their-name", XSS],
                                                ["w:conversation-prep place", "javascript:alert(1)"]]}
    view = viewer(real_url + VIEW + "#" + _link(payload, compress=False))
    paper = view.locator("[data-ro-paper]")
    expect(paper).to_contain_text(f"Their name: {XSS}")
    assert paper.locator("img, script, a").count() == 0
    view.wait_for_timeout(200)
    _saved_nothing(view)


def test_unknown_ids_are_skipped_and_counted(viewer, real_url):
    payload = {"v": 1, "d": "2026-12-01", "a": [["q how-did-you-start", False], ["q a-newer-question", False],
                                                ["c:a-newer-checklist item", False],
                                                ["w:conversation-prep a-newer-field", "x"]]}
    view = viewer(real_url + VIEW + "#" + _link(payload))
    expect(view.locator("[data-ro-message]")).to_have_text(
        "Some parts come from a newer version of the guide, so this page cannot show them. Parts not shown: 3.")
    paper = view.locator("[data-ro-paper]")
    expect(paper).to_contain_text(QUESTION)
    expect(paper).to_contain_text("made on December 1, 2026")


def test_another_summary_opened_in_the_same_tab_replaces_the_first(viewer, real_url):
    first = {"v": 1, "d": "2026-12-01", "a": [["q how-did-you-start", False]]}
    second = {"v": 1, "d": "2026-11-30", "a": [["c:before-you-reach-out what-draws-you", False]]}
    view = viewer(real_url + VIEW + "#" + _link(first))
    paper = view.locator("[data-ro-paper]")
    expect(paper).to_contain_text(QUESTION)
    view.evaluate("hash => { location.hash = hash; }", _link(second))
    expect(paper).to_contain_text(CHOSEN_ITEM)
    expect(paper).to_contain_text("made on November 30, 2026")
    expect(paper).not_to_contain_text(QUESTION)
    view.evaluate("() => { location.hash = 'zdamaged'; }")
    expect(view.locator("[data-ro-message]")).to_have_text(BAD)
    expect(paper).to_be_hidden()


def test_the_page_without_a_summary_says_what_it_is_for(viewer, real_url):
    view = viewer(real_url + VIEW)
    expect(view.locator("[data-ro-message]")).to_have_text(
        "This page shows a summary that a reader of the guide chose to share. Open the summary link they sent you.")
    expect(view.locator("[data-ro-paper]")).to_be_hidden()


def test_without_scripts_the_view_says_it_needs_them_and_the_chooser_is_not_shown(page_nojs, real_url):
    page_nojs.goto(real_url + VIEW + "#" + _link(GOOD, compress=False))
    expect(page_nojs.locator("[data-ro-nojs]")).to_contain_text(
        "Showing it needs JavaScript, which is off in this browser.")
    expect(page_nojs.locator("[data-ro-paper]")).to_be_hidden()
    page_nojs.goto(real_url + PROGRESS)
    summary = page_nojs.locator("[data-ro-summary]")
    expect(summary.locator("[data-ro-nojs]")).to_have_text(
        "Making a summary needs JavaScript, which is off in this browser. Without it, nothing is saved here to share.")
    expect(summary.locator("[data-ro-summary-body]")).to_be_hidden()
    assert summary.locator("input:visible, button:visible").count() == 0


def test_a_summary_of_every_answer_a_reader_can_type_opens(page, real_url, viewer, real_guide):
    """Every text field and table cell of every worksheet filled with 900 characters of the guide's own prose,
    each a different stretch (a link of over 30,000 characters): the link the page makes opens, showing all of
    it (the page once refused links over 30,000 characters that it made itself)."""
    prose = " ".join(" ".join(md.read_text(encoding="utf-8").split()) for md in sorted((ROOT / "docs").glob("*.md")))
    worksheets, fields = {}, 0
    for w in real_guide.worksheets.worksheets:
        values = {}
        for f in w.all_fields():
            names = [f.id] if f.type in ("short-text", "long-text") else [
                f"{f.id}--{n}--{c.id}" for n in range(1, f.row_count + 1) for c in f.columns or ()
                if c.type == "short-text"]
            for name in names:
                values[name] = prose[fields * 900:(fields + 1) * 900]  # each its own stretch of the guide
                fields += 1
        if values:
            worksheets[w.id] = {"values": values}
    store_before_load(page, {"version": 2, "worksheets": worksheets})
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, real_url + PROGRESS)
    page.wait_for_selector("[data-ro-summary][data-ro-ready]", state="attached")
    _choose(page, *(f"w-{w}" for w in worksheets))
    page.get_by_role("button", name="Copy a link to the summary").click()
    expect(_summary(page).locator("[data-ro-status]")).to_contain_text("Link copied.")
    link = page.evaluate("window.__copied")
    assert len(link) > 30_000, len(link)  # over the limit the summary page had
    shown = viewer(link)
    expect(shown.locator("[data-ro-summary-view] li")).to_have_count(fields)
    assert shown.locator("[data-ro-message]").inner_text() == ""
