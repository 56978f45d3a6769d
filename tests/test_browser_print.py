"""Printing the guide's web pages from the browser: what Chromium puts on paper (print media, US Letter), read
back from the PDF with pypdf.

On paper a page says where it came from at the top of page 1 (the site's name, the page's short address and its
QR code); a link inside the guide is followed by its short address; what the reader ticked, picked and typed
prints, a long answer whole; no text is smaller than 10 pt; and nothing that only works on a screen prints:
counters ("2 of 10 done"), empty-state notes, buttons, file pickers, the question filter, the date picker's
"mm/dd/yyyy", a list's "Choose…", the ¶ links. (Whether the QR code decodes is tested with the short addresses.)
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

import pytest

from browser_support import RECORD_PRINT, Browsing, open_ready, store_before_load

pytestmark = pytest.mark.browser

SITE_NAME = "Reaching Out"
MIN_PT = 10
MM = 96 / 25.4  # CSS px in a millimetre
# What only a screen shows, by the element that shows it; each found on the page, by its text, before it prints.
SCREEN_ONLY = ("[data-ro-progress]", "[data-ro-reset]", "[data-ro-pick]", ".ro-qfilter__label", "[data-ro-qcount]",
               "[data-ro-myq-action]", "[data-ro-myq-empty]", ".ro-worksheet__saving", "[data-ro-ws-action]",
               "[data-ro-row-add]")
NEVER_PRINTED = ("¶", "mm/dd/yyyy", "yyyy", "Choose…")


@dataclass
class Printed:
    """A printed page as pypdf reads it back: the text of each sheet, and the size of every run of text."""

    pages: list[str]
    sizes: list[tuple[float, str]]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def has(self, words: str, page: int | None = None) -> bool:
        """Whether `words` print (on sheet `page`, 0-based, or on any), wherever the lines break."""
        return _squash(words) in _squash(self.text if page is None else self.pages[page])

    def too_small(self) -> list[tuple[float, str]]:
        return [(round(size, 2), text) for size, text in self.sizes if size < MIN_PT - 0.05]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _times(m: list[float], n: list[float]) -> list[float]:
    """The PDF matrix product m × n (each as [a b c d e f])."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return [a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u]


def _chromium_prints(page) -> Printed:
    """Print `page` as the browser's Print command does (print media, US Letter) and read the PDF back."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    try:
        reader = PdfReader(io.BytesIO(page.pdf(format="Letter")))
    finally:
        page.emulate_media(media="screen")
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, font_size) -> None:
        if text.strip():
            _, _, c, d, _, _ = _times(tm, cm)
            sizes.append((font_size * math.hypot(c, d), text.strip()))

    return Printed([sheet.extract_text(visitor_text=visit) for sheet in reader.pages], sizes)


def _screen_only_texts(page) -> list[str]:
    """The text of every element in SCREEN_ONLY shown on the screen now."""
    return page.evaluate("""selectors => [...new Set([...document.querySelectorAll(selectors.join(','))]
        .filter(el => el.checkVisibility()).map(el => el.innerText.trim()).filter(Boolean))]""", list(SCREEN_ONLY))


def _check_paper(page, printed: Printed, path: str, screen_only: list[str]) -> None:
    """What every printed page must show, and must not."""
    address = page.locator(".ro-print-source__address").inner_text()
    assert address.endswith(f"/go/{path}"), address
    assert printed.has(SITE_NAME, page=0) and printed.has(address, page=0), printed.pages[0][:300]
    assert printed.too_small() == [], f"text under {MIN_PT} pt: {printed.too_small()[:10]}"
    assert [text for text in [*screen_only, *NEVER_PRINTED] if printed.has(text)] == []
    page.emulate_media(media="print")
    try:
        qr = page.locator(".ro-print-source svg").bounding_box()
        title = page.locator(".md-content h1").first.bounding_box()
        links = page.evaluate("""() => [...document.querySelectorAll('.md-content a[data-ro-go]')]
            .filter(a => a.checkVisibility())
            .map(a => [a.dataset.roGo, getComputedStyle(a).textDecorationLine])""")
    finally:
        page.emulate_media(media="screen")
    assert qr and qr["width"] >= 20 * MM and qr["height"] >= 20 * MM, qr  # a camera reads it from the paper
    assert qr["y"] <= title["y"], "the QR code starts page 1, beside the title"
    assert links, "no internal link printed"
    assert [go for go, _ in links if not printed.has(f"({go})")] == []
    assert {line for _, line in links} == {"none"}, "an internal link prints its address, not an underline"


@pytest.fixture
def page(chromium):
    """A fresh context in US English (so a date prints as 03/14/2026); the test fails if one of our scripts throws."""
    session = Browsing(chromium, locale="en-US")
    yield session.page
    errors = list(session.errors)
    session.close()
    assert errors == [], f"script errors: {errors}"


def test_a_chapter_prints_where_it_came_from_and_where_its_links_go(page, real_url):
    open_ready(page, real_url + "reach-out/")
    screen_only = _screen_only_texts(page)
    assert any(re.fullmatch(r"0 of \d+ done", text) for text in screen_only), screen_only
    printed = _chromium_prints(page)
    _check_paper(page, printed, "reach-out/", screen_only)
    assert printed.has("Before you write") and printed.has("Block a regular time in your calendar")


def test_a_checklist_prints_its_ticks_but_not_its_counter(page, real_url):
    open_ready(page, real_url + "prepare/")
    checklist = page.locator("[data-ro-checklist]").first
    ticked = [checklist.locator(".ro-checklist__label").nth(n) for n in (0, 2)]
    for label in ticked:
        label.click()
    screen_only = _screen_only_texts(page)
    assert any(re.fullmatch(r"2 of \d+ done", text) for text in screen_only), screen_only
    printed = _chromium_prints(page)
    _check_paper(page, printed, "prepare/", screen_only)
    assert all(printed.has(label.inner_text()) for label in ticked)
    page.emulate_media(media="print")
    boxes = checklist.locator("[type=checkbox]")
    assert [boxes.nth(n).is_checked() and boxes.nth(n).is_visible() for n in range(3)] == [True, False, True]


def test_the_question_bank_prints_the_picked_questions(page, real_url):
    open_ready(page, real_url + "questions/")
    empty = _screen_only_texts(page)
    assert any(text.startswith("No questions picked yet") for text in empty), empty
    page.emulate_media(media="print")
    assert page.locator("[data-ro-myq]").is_hidden()  # nothing picked: no heading over an empty list
    page.emulate_media(media="screen")

    questions = page.locator("li[data-ro-question]")
    picked = [questions.nth(n) for n in (1, 8, 30)]
    for question in picked:
        question.locator("[data-ro-pick]").click()
    texts = [question.locator(".ro-question__text").inner_text() for question in picked]
    printed = _chromium_prints(page)
    _check_paper(page, printed, "questions/", [*empty, *_screen_only_texts(page)])
    assert printed.has("My questions")
    # Each picked question prints twice: in My questions, and where it stands in the bank.
    assert [_squash(printed.text).count(_squash(text)) for text in texts] == [2, 2, 2], texts


def test_a_filled_worksheet_prints_every_answer_whole_and_a_blank_one_none(page, real_url):
    page.add_init_script(RECORD_PRINT)
    open_ready(page, real_url + "worksheets/outreach-planner/")
    page.get_by_label("Week starting").fill("2026-03-14")
    page.get_by_label("Three to five").check()
    page.get_by_label("Who, row 1").fill("Kim Tran, solar supply")
    page.get_by_label("How, row 1").select_option(index=1)
    page.get_by_label("Date sent, row 1").fill("2026-03-16")
    page.get_by_label("Replied, row 1").check()
    long = [f"Line {n}: the warm requests worked best." for n in range(1, 11)]
    page.get_by_label("What worked, and what will you change next week?").fill("\n".join(long))
    channel = page.get_by_label("How, row 1").evaluate("select => select.selectedOptions[0].text")
    screen_only = _screen_only_texts(page)
    assert "Print blank" in screen_only and "Your answers are saved in this browser as you type." in screen_only
    printed = _chromium_prints(page)
    _check_paper(page, printed, "worksheets-outreach-planner/", screen_only)
    answers = ["03/14/2026", "03/16/2026", "Kim Tran, solar supply", channel, *long]
    assert [answer for answer in answers if not printed.has(answer)] == []
    page.emulate_media(media="print")
    for box in (page.get_by_label("Three to five"), page.get_by_label("Replied, row 1")):
        assert box.is_checked() and box.is_visible()
    page.emulate_media(media="screen")
    # "Print blank": no answer on the paper, nor hidden in a saved PDF's text.
    page.get_by_role("button", name="Print blank").click()
    blank = _chromium_prints(page)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert [answer for answer in answers if blank.has(answer)] == []
    assert blank.has("What worked, and what will you change next week?")


# The pages of the other components, with something saved in each: no text under 10 pt and no control on paper
# (read from the page under print media, without printing it: the four tests above read the PDF).
PLAN = "plan/#i=q.who-else,c.the-day-before&n=Bring%20this%20page&v=1"
COMPONENT_PAGES = ["messages/", "network-map/", "my-progress/", "every-link/", "for-counselors/", "downloads/",
                   "checklists/", PLAN, "worksheets/contact-tracker/", ""]


@pytest.mark.parametrize("path", COMPONENT_PAGES, ids=lambda p: p.split("#")[0] or "/")
def test_component_pages_print_no_small_text_and_no_controls(page, real_url, real_guide, path):
    category = real_guide.network.groups[0].categories[0]
    store_before_load(page, {
        "version": 1, "checklists": {real_guide.checklists.checklists[0].id: {
            real_guide.checklists.checklists[0].items[0].id: True}},
        "questions": [{"id": "who-else", "text": "Who else should I talk to?"}], "slots": {"your-name": "Sam"},
        "network": {category.id: [{"id": "p1", "name": "Aunt May", "note": "nurse", "asked": True, "talked": False}]},
    })
    open_ready(page, real_url + path)
    if path == "every-link/":  # every group open, with the buttons the script adds
        page.eval_on_selector_all("details[data-ro-links-page]", "ds => ds.forEach(d => { d.open = true; })")
        page.wait_for_function("() => document.querySelectorAll('[data-ro-copy-link]').length"
                               " === document.querySelectorAll('[data-ro-link-item]').length")
    if path == PLAN:
        page.wait_for_selector("[data-ro-plan-key='q.who-else'] [data-ro-pick]")
    page.emulate_media(media="print")
    found = page.evaluate("""minimum => {
        const shown = el => el.checkVisibility({visibilityProperty: true})
            && !el.closest('.ro-visually-hidden') && el.getBoundingClientRect().width > 1;
        const small = [], controls = [];
        for (const el of document.querySelectorAll('.md-content *')) {
            if (!shown(el)) continue;
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                || el.matches('input, select, textarea');
            const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
            if (own && pt < minimum - 0.05) small.push(`${pt.toFixed(1)} pt: ${el.outerHTML.slice(0, 80)}`);
            if (el.matches('button, .ro-button, [type=file], [type=search], .headerlink, [data-ro-status]:not(:empty)'))
                controls.push(el.outerHTML.slice(0, 80));
        }
        return {small, controls};
    }""", MIN_PT)
    assert found == {"small": [], "controls": []}
