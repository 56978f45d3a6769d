"""On a 390×844 phone (touch) and on a laptop: focus never lands on something unseen, controls are big enough
to touch, rows and lists fit the width, and a deep link shows where it landed (issue 17)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from browser_support import Browsing, open_ready

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}

# Where the focused element is, and whether a person can see it there.
# A visually hidden radio counts as seen through the label after it, which shows its focus (Material's
# colour-scheme toggle: `.md-option.focus-visible + label`).
SEEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = e => {
    const r = e.getBoundingClientRect();
    return e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0
      && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  };
  const label = el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" && el.nextElementSibling;
  return {what: el.outerHTML.slice(0, 120), seen: seen(el) || (!!label && seen(label))};
}"""


@pytest.fixture
def phone(chromium) -> Iterator[Browsing]:
    session = Browsing(chromium, **PHONE)
    yield session
    errors = list(session.errors)
    session.close()
    assert errors == [], f"script errors: {errors}"


@pytest.fixture(params=["phone", "laptop"])
def device(request, chromium) -> Iterator[Browsing]:
    session = Browsing(chromium, **(PHONE if request.param == "phone" else LAPTOP))
    yield session
    session.close()


@pytest.mark.parametrize("path", ["", "worksheet/"])
def test_tab_never_lands_on_something_unseen(device, sample_url, path):
    """Defect 5: the closed search panel (and, on a phone, the closed navigation drawer) took focus unseen."""
    page = device.page
    open_ready(page, sample_url + path)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")  # seen at once
    unseen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        where = page.evaluate(SEEN)
        if where and not where["seen"]:
            unseen.append(where["what"])
    assert unseen == [], '\n'.join(unseen)


def test_opened_drawer_and_search_still_take_focus_on_a_phone(phone, sample_url):
    page = phone.page
    open_ready(page, sample_url)
    page.locator(".md-header label[for='__drawer']").click()
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='/checklist/']")
    expect(link).to_be_visible()
    link.focus()
    assert page.evaluate(SEEN)["seen"]
    open_ready(page, sample_url)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.locator(".md-header label[for='__search']").first.click()
    expect(page.locator(".md-search__input")).to_be_focused()
    assert page.evaluate(SEEN)["seen"]


@pytest.mark.parametrize("path, spot", [
    ("checklist/", "cl-the-day-before--confirm"),
    ("template/", "tpl-warm-request"),
])
def test_a_deep_link_marks_where_it_landed_for_a_few_seconds(page, sample_url, path, spot):
    page.clock.install()
    open_ready(page, f"{sample_url}{path}#{spot}")
    landed = page.locator(f"[id='{spot}']")
    expect(landed).to_have_class(re.compile(r"\bro-landed\b"))
    assert page.locator(".ro-landed").count() == 1
    assert landed.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    page.clock.run_for(4_100)
    expect(landed).not_to_have_class(re.compile(r"\bro-landed\b"))


def test_a_link_within_the_page_marks_its_target_too(page, sample_url):
    open_ready(page, sample_url + "checklist/")
    page.locator("a[href$='#cl-the-day-before--confirm']").first.click()
    expect(page.locator("#cl-the-day-before--confirm")).to_have_class(re.compile(r"\bro-landed\b"))
