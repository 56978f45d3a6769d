"""A keyboard-only path through the components: Tab, Space and Enter, nothing else; focus stays visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import RECORD_PRINT, open_ready, stored

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 120, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`: it must be reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def focus_ring(page) -> list[str]:
    return page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                         "return [s.outlineStyle, s.outlineWidth]; }")


def test_keyboard_only_path(page, sample_url):
    page.add_init_script(RECORD_PRINT)

    # Tick a checklist item with Space.
    open_ready(page, sample_url + "checklist/")
    tab_to(page, "#cl-the-day-before--confirm-box")
    page.keyboard.press("Space")
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    assert stored(page)["checklists"] == {"the-day-before": {"confirm": True}}

    # Filter the questions: a category with Space, words in the search box.
    open_ready(page, sample_url + "questions/")
    tab_to(page, "#ro-qfilter-text")
    page.keyboard.type("you")
    tab_to(page, "input[name=category][value=their-path]")
    page.keyboard.press("Space")
    expect(page.locator("[data-ro-qcount]")).to_have_text("Showing 1 of 3 questions.")
    tab_to(page, "#ro-qfilter-text", backwards=True)
    for _ in "you":
        page.keyboard.press("Backspace")
    expect(page.locator("[data-ro-qcount]")).to_have_text("Showing 2 of 3 questions.")

    # Pick two questions with Enter and Space; the buttons show a focus ring.
    tab_to(page, "#q-how-did-you-start [data-ro-pick]")
    assert focus_ring(page) == ["solid", "3px"]
    page.keyboard.press("Enter")
    tab_to(page, "#q-tricky-text [data-ro-pick]")
    page.keyboard.press("Space")
    expect(page.locator("#q-tricky-text [data-ro-pick]")).to_have_attribute("aria-pressed", "true")

    # Reorder: back up to My questions, at the top of the bank; move the second one up. Focus follows it.
    tab_to(page, "[data-ro-key='up:tricky-text']", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator("[data-ro-myq-list] li .ro-myq__text").first).to_contain_text("Is pay")
    assert page.evaluate("document.activeElement.dataset.roKey") == "up:tricky-text"
    expect(page.locator("[data-ro-myq] [data-ro-status]")).to_contain_text("Now 1 of 2")
    assert [q["id"] for q in stored(page)["questions"]] == ["tricky-text", "how-did-you-start"]

    # Remove by keyboard: focus moves to the next question's Remove button.
    tab_to(page, "[data-ro-key='remove:tricky-text']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.roKey") == "remove:how-did-you-start"
    page.locator("#q-tricky-text [data-ro-pick]").focus()
    page.keyboard.press("Enter")

    # Print view of my questions.
    tab_to(page, "[data-ro-myq-action=print]", limit=200)
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("[data-ro-myq-list]")).to_be_visible()
    assert page.locator("[data-ro-myq-list] li").count() == 2
    assert page.locator("#qc-their-path").is_hidden()
    assert page.locator("[data-ro-pick]").first.is_hidden()


def test_worksheet_rows_by_keyboard(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    tab_to(page, "[data-ro-row-add]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ws-conversation-prep--contacts--3--name"
    page.keyboard.type("Cy")
    tab_to(page, "[data-ro-key='row:contacts:3']")
    page.keyboard.press("Enter")
    expect(page.locator("table[data-ro-rows] tbody tr")).to_have_count(2)
    assert page.evaluate("document.activeElement.dataset.roKey") == "row:contacts:2"


def test_network_map_by_keyboard(page, sample_url):
    open_ready(page, sample_url + "network-map/")
    tab_to(page, "#net-family--name")
    page.keyboard.type("Aunt May")
    page.keyboard.press("Enter")
    expect(page.locator("#net-family .ro-network-map__name")).to_have_text(["Aunt May"])
    assert page.evaluate("document.activeElement.id") == "net-family--name"
    page.keyboard.press("Shift+Tab")  # back to the Remove button of the new person
    page.keyboard.press("Shift+Tab")  # its Edit button
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Asked: Aunt May"
    assert focus_ring(page)[0] == "solid"
    page.keyboard.press("Space")
    assert stored(page)["network"]["family"][0]["asked"] is True
