"""Counselor links in Chromium: renamed anchors, copy-link buttons, the plan builder and a client's plan page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import ro_links
from browser_support import RECORD_CLIPBOARD, Browsing, open_ready

pytestmark = pytest.mark.browser


def _visible_plan_keys(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-ro-plan-items] > li",
        "items => items.map(li => li.dataset.roPlanKey || 'missing')",
    )


def _wait_for_plan(page) -> None:
    page.wait_for_function("() => document.querySelector('[data-ro-plan-message]').textContent"
                           ".startsWith('Your plan has')")


def _copy_by_keyboard(control) -> str:
    """Focus `control`, press Enter, and return what the page copied (RECORD_CLIPBOARD must be installed)."""
    control.focus()
    control.page.keyboard.press("Enter")
    control.page.wait_for_function("() => window.__copied !== null")
    return control.page.evaluate("() => window.__copied")


def test_a_renamed_anchor_leads_to_its_new_id(page, sample_url):
    open_ready(page, sample_url + "embedded/#closing-questions")
    page.wait_for_function("() => location.hash === '#closing'")
    assert page.evaluate("() => { const r = document.getElementById('closing').getBoundingClientRect();"
                         " return r.top >= 0 && r.top < innerHeight; }")


def test_copy_link_buttons_work_by_keyboard(browsing, sample_url):
    page = browsing.page
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, sample_url + "counselors/")
    row = page.locator("[data-ro-link-item]", has=page.locator("code", has_text="questions.md#q-who-else"))
    page.locator("details[data-ro-links-page]", has=row).locator("summary").click()
    assert _copy_by_keyboard(row.locator("[data-ro-copy-link]")) == sample_url + "questions/#q-who-else"
    page.wait_for_function("() => document.querySelector('[data-ro-links] [data-ro-status]').textContent"
                           " === 'Link copied'")


def test_a_permalink_copies_its_address_and_still_works_without_scripts(browsing, sample_url, page_nojs):
    page = browsing.page
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, sample_url + "checklist/")
    assert _copy_by_keyboard(page.locator("#the-day-before a.headerlink")) == sample_url + "checklist/#the-day-before"
    page.wait_for_function("() => document.querySelector('[data-ro-announce]').textContent === 'Link copied'")
    page_nojs.goto(sample_url + "checklist/")
    assert page_nojs.get_attribute("#the-day-before a.headerlink", "href") == "#the-day-before"


def test_link_search_narrows_the_index(page, sample_url):
    open_ready(page, sample_url + "counselors/")
    page.fill("#ro-link-index-text", "friend")
    page.wait_for_function("() => document.querySelector('[data-ro-links-count]').textContent !== ''")
    visible = page.eval_on_selector_all("[data-ro-link-item]:not([hidden]) code", "els => els.map(e => e.textContent)")
    assert visible == ["template.md#tpl-warm-request"]
    assert page.text_content("[data-ro-links-count]") == "1 link matches"


def test_plan_round_trip_in_a_fresh_browser(chromium, sample_url):
    counselor = Browsing(chromium)
    try:
        page = counselor.page
        open_ready(page, sample_url + "counselors/")
        for key in ("c.the-day-before", "q.who-else", "s.embedded:closing"):
            group = page.locator("details[data-ro-links-page]", has=page.locator(f"li[data-ro-plan-key='{key}']"))
            if not group.evaluate("d => d.open"):
                group.locator("summary").focus()
                page.keyboard.press("Enter")  # opens the page's group of links, and adds its buttons
            button = page.locator(f"[data-ro-plan-add='{key}']")
            assert page.get_attribute(f"[data-ro-plan-add='{key}']", "aria-describedby") == page.get_attribute(
                f"li[data-ro-plan-key='{key}'] a", "id")
            button.focus()
            page.keyboard.press("Enter")
            page.wait_for_function(f"() => document.querySelector(\"[data-ro-plan-add='{key}']\")"
                                   ".getAttribute('aria-pressed') === 'true'")
        page.locator("[data-ro-planner-items] [aria-label^='Move up: Who else']").click()  # who-else first now
        page.fill("#ro-planner-note", "Hi Sam — start with the first step <b>today</b>.")
        page.wait_for_function("() => document.querySelector('#ro-planner-url').value.includes('&n=')")
        url = page.input_value("#ro-planner-url")
        assert counselor.errors == []
    finally:
        counselor.close()
    assert url.startswith(sample_url + "plan/#i=q.who-else,c.the-day-before,s.embedded:closing&n=")
    # The builder writes the format ro_links.plan_fragment defines (the ready-made plans' links use it).
    assert url == sample_url + "plan/" + ro_links.plan_fragment(
        ["q.who-else", "c.the-day-before", "s.embedded:closing"], "Hi Sam — start with the first step <b>today</b>.")
    client = Browsing(chromium)
    try:
        page = client.page
        open_ready(page, url)
        _wait_for_plan(page)
        assert _visible_plan_keys(page) == ["q.who-else", "c.the-day-before", "s.embedded:closing"]
        assert page.text_content("[data-ro-plan-note-text]") == "Hi Sam — start with the first step <b>today</b>."
        assert page.locator("[data-ro-plan-note] b").count() == 0
        assert page.text_content("[data-ro-plan-message]") == "Your plan has 3 steps."
        # The plan's checklist is live and saved like on its home page.
        page.check("[data-ro-plan-key='c.the-day-before'] input[type=checkbox]")
        page.goto(sample_url + "checklist/")
        page.wait_for_function("() => document.querySelector('#cl-the-day-before--confirm-box').checked")
        assert client.errors == []
    finally:
        client.close()


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("", "This page shows a plan your counselor made for you. Open the plan link they sent you."),
        ("#garbage%%%", "This plan link is damaged or cut off"),
        ("#i=c.the-day-before,q.who-el", "This plan link is damaged or cut off"),
        ("#i=<script>alert(1)</script>&v=1", "This plan link is damaged or cut off"),
        ("#i=c.the-day-before,q.gone-forever&v=1", "Your plan has 1 step, and 1 item is no longer available."),
    ],
)
def test_malformed_truncated_and_hostile_plan_links_are_safe(page, sample_url, fragment, message):
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    open_ready(page, sample_url + "plan/" + fragment)
    page.wait_for_function("m => document.querySelector('[data-ro-plan-message]').textContent.startsWith(m)",
                           arg=message)
    assert page.locator("[data-ro-plan] :is(script, img, iframe)").count() == 0  # and no dialog opened


def test_unknown_items_show_as_no_longer_available_in_place(page, sample_url):
    open_ready(page, sample_url + "plan/#i=q.gone,c.the-day-before&n=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&v=1")
    _wait_for_plan(page)
    assert _visible_plan_keys(page) == ["missing", "c.the-day-before"]
    assert page.locator("[data-ro-plan-note] img").count() == 0
    assert page.text_content("[data-ro-plan-note-text]") == "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("answer", ["abort", "not json", '{"version": 2, "items": {}}', "404"])
def test_a_plan_whose_catalogue_cannot_load_says_so_and_keeps_the_note(page, sample_url, answer):
    def reply(route):
        if answer == "abort":
            route.abort()
        elif answer == "404":
            route.fulfill(status=404, body="not found")
        else:
            route.fulfill(status=200, content_type="application/json", body=answer)

    page.route("**/plan/items.json", reply)
    open_ready(page, sample_url + "plan/#i=c.the-day-before&n=Call%20me&v=1")
    page.wait_for_function("() => document.querySelector('[data-ro-plan-message]').textContent"
                           ".startsWith('Your plan could not be loaded')")
    assert page.text_content("[data-ro-plan-note-text]") == "Call me"
    assert _visible_plan_keys(page) == []


def test_a_late_answer_for_an_earlier_link_changes_nothing(page, sample_url):
    """The catalogue for a link the reader has left fails late: the page still speaks of the link now open."""
    held = []
    page.route("**/plan/items.json", lambda route: held.append(route))  # the catalogue has not arrived yet
    page.goto(sample_url + "plan/#i=c.the-day-before&v=1")
    page.wait_for_function("() => document.querySelector('[data-ro-plan-message]').textContent"
                           " === 'Loading your plan…'")
    page.evaluate("() => { window.__samePage = true; location.hash = 'i=c.the-da'; }")  # a cut-off link now
    page.wait_for_function("() => document.querySelector('[data-ro-plan-message]').textContent"
                           ".startsWith('This plan link is damaged')")
    with page.expect_event("requestfailed"):
        held[0].abort()  # the first link's catalogue fails, late
    page.evaluate("() => new Promise((done) => setTimeout(done, 100))")  # and the page has had time to handle it
    assert page.evaluate("() => window.__samePage") is True  # the same page all along
    assert page.text_content("[data-ro-plan-message]").startswith("This plan link is damaged")


def test_opening_another_plan_link_on_the_page_shows_that_plan(page, sample_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_ready(page, sample_url + "plan/#i=c.the-day-before&v=1")
    _wait_for_plan(page)
    page.evaluate("() => { location.hash = 'i=q.who-else,t.warm-request&v=1'; }")
    page.wait_for_function("() => document.querySelector('[data-ro-plan-message]').textContent"
                           " === 'Your plan has 2 steps.'")
    assert _visible_plan_keys(page) == ["q.who-else", "t.warm-request"]
    assert page.locator("[data-ro-plan-note]").is_hidden()
    # The catalogue is fetched once, and no request carries the plan's items or note.
    assert [url for url in requests if url.endswith("items.json")] == [sample_url + "plan/items.json"]
    assert not [url for url in requests if "who-else" in url or "the-day-before" in url]
    # The checklist and the question came from the catalogue and work like on their home pages.
    assert page.locator("[data-ro-plan-key='q.who-else'] [data-ro-pick]").count() == 1


def test_link_buttons_come_back_after_instant_navigation(page, sample_url):
    """Material swaps the page without reloading; the index's groups get their buttons again when opened."""
    open_ready(page, sample_url + "counselors/")
    page.locator("details[data-ro-links-page] summary").first.click()
    expect(page.locator("[data-ro-copy-link]").first).to_be_visible()
    page.evaluate("() => { window.__samePage = true; }")  # a real reload would lose it
    page.locator(".md-nav a[href$='checklist/']").first.click()  # instant navigation
    page.wait_for_function("() => location.pathname.endsWith('/checklist/')")
    page.go_back()
    page.wait_for_function("() => location.pathname.endsWith('/counselors/')")
    group = page.locator("details[data-ro-links-page]").nth(1)
    group.locator("summary").click()
    rows = group.locator("[data-ro-link-item]")
    expect(group.locator("[data-ro-copy-link]")).to_have_count(rows.count())
    assert page.evaluate("() => window.__samePage") is True  # Material swapped the page; it never reloaded


def test_a_question_in_a_plan_can_join_my_questions(page, sample_url):
    open_ready(page, sample_url + "plan/#i=q.who-else&v=1")
    page.click("[data-ro-plan-key='q.who-else'] [data-ro-pick]")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('reaching-out')).questions"
                           ".some(q => q.id === 'who-else')")


def test_ready_made_plan_link_opens_its_items(page, sample_url):
    open_ready(page, sample_url + "counselors/")
    page.click("#plan-first-conversation a.ro-button")
    page.wait_for_function("() => (document.querySelector('[data-ro-plan-message]') || {textContent: ''})"
                           ".textContent.startsWith('Your plan')")
    assert _visible_plan_keys(page) == ["c.before-you-reach-out", "q.how-did-you-start", "w.conversation-prep",
                                        "t.warm-request"]
    assert page.text_content("[data-ro-plan-note-text]") == "Start with someone you know."


def test_a_checklist_item_permalink_copies_by_keyboard(browsing, sample_url):
    page = browsing.page
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, sample_url + "checklist/")
    item = page.locator("#cl-the-day-before--confirm a.headerlink")
    assert _copy_by_keyboard(item) == sample_url + "checklist/#cl-the-day-before--confirm"
    assert page.evaluate("() => location.hash") == "#cl-the-day-before--confirm"
