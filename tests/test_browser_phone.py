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


# Every control a reader touches, measured on the phone: a tick box or radio button through its label.
TARGETS = """() => {
  const small = [], looks = new Set();
  const controls = ".md-content :is(button, input, select, textarea, summary, a.ro-button)";
  for (const el of document.querySelectorAll(controls)) {
    if (!el.checkVisibility() || el.type === "hidden") continue;
    const box = el.matches("[type=checkbox], [type=radio]")
      ? (el.closest("label") || document.querySelector(`label[for="${el.id}"]`)) : el;
    const r = box ? box.getBoundingClientRect() : {width: 0, height: 0};
    const size = `${Math.round(r.width)}×${Math.round(r.height)}`;
    if (r.width < 44 || r.height < 44) small.push(`${size} ${el.outerHTML.slice(0, 90)}`);
    if (el.matches(".ro-button")) {
      const s = getComputedStyle(el);
      looks.add([s.fontSize, s.paddingLeft, s.borderRadius, s.borderTopWidth].join(" "));
    }
  }
  return {small, looks: [...looks]};
}"""
PAGES = ["checklist/", "questions/", "worksheet/", "template/", "network-map/", "my-progress/", "counselors/",
         "embedded/"]


def test_every_control_is_big_enough_to_touch_and_buttons_look_alike(phone, sample_url):
    page = phone.page
    small, looks = [], set()
    # Content that only appears after a step: a person on the map, a picked question, a plan being built.
    open_ready(page, sample_url + "network-map/")
    form = page.locator("[data-ro-net-add]").first
    form.locator("input").first.fill("Ana")
    form.locator("button").click()
    open_ready(page, sample_url + "questions/")
    page.locator("[data-ro-pick]").first.click()
    for path in PAGES:
        open_ready(page, sample_url + path)
        found = page.evaluate(TARGETS)
        small += [f"{path}: {what}" for what in found["small"]]
        looks |= set(found["looks"])
    assert small == [], "\n".join(small)
    assert len(looks) == 1, f"buttons of more than one size or style: {looks}"


def test_my_progress_of_a_reader_with_saved_work_has_controls_big_enough_to_touch(phone, real_url):
    """The real My progress with something of every kind saved: every summary choice shows, and Merge/Replace."""
    from browser_support import store_before_load

    store_before_load(phone.page, {"version": 2, "checklists": {"the-day-before": {"confirm": True}},
                                   "questions": [{"id": "who-else", "text": "Who else should I talk to?"}],
                                   "worksheets": {"contact-tracker": {"values": {"contact-list--1--name": "Ana"}}}})
    open_ready(phone.page, real_url + "my-progress/")
    expect(phone.page.locator(".ro-summary__choice:not([hidden])")).to_have_count(3)
    small = phone.page.evaluate(TARGETS)["small"]
    assert small == [], "\n".join(small)


def test_copy_links_show_on_a_touch_screen_and_on_focus(phone, page, sample_url):
    open_ready(phone.page, sample_url + "checklist/")
    link = phone.page.locator(".md-content h2 .headerlink").first
    assert link.evaluate("e => getComputedStyle(e).opacity") == "1"  # no hover on a touch screen
    box = link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    open_ready(page, sample_url + "checklist/")  # a laptop: hidden until hovered or focused
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    link = page.locator(".md-content h2 .headerlink").first
    assert link.evaluate("e => getComputedStyle(e).opacity") == "0"
    link.focus()
    assert link.evaluate("e => getComputedStyle(e).opacity") == "1"


def test_the_plan_being_built_stays_in_sight_on_a_phone(phone, sample_url):
    page = phone.page
    open_ready(page, sample_url + "counselors/")
    bar = page.locator("[data-ro-planner-bar]")
    expect(bar).to_be_hidden()  # nothing in the plan yet
    page.locator("details.ro-link-index__page summary").nth(1).click()
    adds = page.locator("[data-ro-plan-add]")
    adds.nth(0).click()
    adds.nth(1).click()
    expect(bar).to_be_visible()
    expect(bar.locator("[data-ro-planner-count]")).to_have_text("2 items in the plan")
    adds.nth(0).scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box  # on screen while the counselor adds
    opens = page.locator("[data-ro-planner-open]")
    assert opens.nth(0).get_attribute("href") == opens.nth(1).get_attribute("href")
    assert "#i=" in opens.nth(0).get_attribute("href")
    # One tidy row per target: its title alone on the first line, its buttons together on the last.
    row = page.locator("[data-ro-link-item]").nth(1)
    title, actions = row.locator(".ro-link-index__link").bounding_box(), row.locator(".ro-link-index__actions")
    assert actions.locator("button").count() == 2
    assert actions.bounding_box()["y"] > title["y"] + title["height"] - 1
    assert row.locator("code").evaluate("e => getComputedStyle(e).wordBreak") != "break-all"


BAND = "e => e.firstElementChild.getBoundingClientRect().top - e.getBoundingClientRect().top"


def test_boxes_start_with_their_heading_and_map_categories_read_as_headings(phone, sample_url):
    page = phone.page
    open_ready(page, sample_url + "questions/")
    page.locator("[data-ro-pick]").first.click()
    assert page.locator("[data-ro-myq]").evaluate(BAND) <= 24  # no empty band above "My questions" (it was 55 px)
    open_ready(page, sample_url + "plan/#i=c.the-day-before&n=Hi%20Ana&v=1")
    expect(page.locator("[data-ro-plan-note]")).to_be_visible()
    assert page.locator("[data-ro-plan-note]").evaluate(BAND) <= 24
    open_ready(page, sample_url + "network-map/")
    title = page.locator(".ro-network-map__category-title").first
    assert int(title.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
