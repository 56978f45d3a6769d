"""Saving in Chromium: reload, Material's instant navigation, damaged/old/foreign storage, storage turned off,
changes from another tab, and start-up that is safe to run again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import COUNT_WRITES, open_ready, store, stored, wait_ready, wait_stored

pytestmark = pytest.mark.browser

BOX = "Confirm the time & place by email."


def _instant(page, link_name: str) -> None:
    """Follow a navigation link and check Material swapped the page in place (no full load)."""
    # Material navigates in place only to pages its sitemap lists, and until sitemap.xml has arrived a click is a
    # plain link (a full load): on a loaded machine the first click can come before it.
    page.wait_for_function("performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))")
    page.evaluate("window.__samePage = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name=link_name, exact=True).click()
    page.wait_for_function("name => document.querySelector('h1') && document.querySelector('h1').textContent"
                           ".includes(name)", arg=link_name)
    wait_ready(page)  # the new page's components have started
    assert page.evaluate("window.__samePage === true"), "Material made a full page load, not instant navigation"


def test_ticks_and_picks_survive_instant_navigation(page, sample_url):
    open_ready(page, sample_url + "checklist/")
    page.get_by_label(BOX).check()
    _instant(page, "Questions")
    page.locator("#q-who-else [data-ro-pick]").click()
    assert page.locator("[data-ro-myq-list] li").count() == 1
    _instant(page, "Checklist")
    expect(page.get_by_label(BOX)).to_be_checked()
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    page.go_back()  # Material handles history as instant navigation too
    expect(page.locator("#q-who-else [data-ro-pick]")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__samePage === true")


def test_worksheet_and_composer_survive_instant_navigation(page, sample_url):
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Their name").fill("Ana")
    page.get_by_role("button", name="Add a row: People they mentioned").click()
    _instant(page, "A message")
    page.get_by_label("Their name").fill("Dana")
    _instant(page, "Conversation prep")
    expect(page.get_by_label("Their name")).to_have_value("Ana")
    expect(page.locator("table[data-ro-rows] tbody tr")).to_have_count(3)
    _instant(page, "A message")
    expect(page.get_by_label("Their name")).to_have_value("Dana")
    expect(page.locator(".ro-message-template__body [data-ro-slot=their-name]")).to_have_text("Dana")


def test_no_duplicate_listeners_after_navigating_back_and_forth(page, sample_url):
    page.add_init_script(COUNT_WRITES)
    open_ready(page, sample_url + "checklist/")
    for _ in range(3):
        _instant(page, "Questions")
        _instant(page, "Checklist")
    _instant(page, "Questions")
    # One click, one toggle: a second listener would toggle the question straight back out.
    page.locator("#q-how-did-you-start [data-ro-pick]").click()
    expect(page.locator("#q-how-did-you-start [data-ro-pick]")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__writes") == 1
    _instant(page, "Checklist")
    page.get_by_label(BOX).check()
    assert page.evaluate("window.__writes") == 2
    assert page.locator("[data-ro-reset]").count() == 2  # nothing added twice to the page either
    assert page.locator("#cl-the-day-before [data-ro-progress]").inner_text() == "1 of 1 done"


def test_running_the_scripts_twice_changes_nothing(page, sample_url):
    page.add_init_script(COUNT_WRITES)
    open_ready(page, sample_url + "questions/")
    page.evaluate("""() => Promise.all(Array.from(document.querySelectorAll('script[src*="assets/ro/"]'))
        .map(old => new Promise(done => { const s = document.createElement('script'); s.src = old.src;
          s.onload = done; document.body.appendChild(s); })))""")
    assert page.locator("#q-who-else [data-ro-pick]").count() == 1
    page.locator("#q-who-else [data-ro-pick]").click()
    expect(page.locator("#q-who-else [data-ro-pick]")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__writes") == 1


def test_a_change_in_another_tab_shows_up(browsing, sample_url):
    first = browsing.page
    second = browsing.new_page()
    open_ready(first, sample_url + "checklist/")
    open_ready(second, sample_url + "checklist/")
    first.get_by_label(BOX).check()
    expect(second.get_by_label(BOX)).to_be_checked()
    expect(second.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    open_ready(second, sample_url + "questions/")
    open_ready(first, sample_url + "embedded/")
    first.locator("#q-who-else [data-ro-pick]").click()
    expect(second.locator("[data-ro-myq-list] li")).to_have_count(1)
    first.evaluate("localStorage.clear()")
    second.evaluate("window.dispatchEvent(new StorageEvent('storage', {key: null}))")  # clear() from a tab
    expect(second.locator("[data-ro-myq-list] li")).to_have_count(0)


def test_damaged_storage_is_kept_aside_and_the_page_works(page, sample_url):
    open_ready(page, sample_url)
    store(page, '{"version": 1, "checklists": {"the-day-before": ')
    open_ready(page, sample_url + "checklist/")
    expect(page.locator("[data-ro-notice]")).to_contain_text("was damaged")
    assert not page.get_by_label(BOX).is_checked()
    assert page.evaluate("localStorage.getItem('reaching-out:damaged')").startswith('{"version": 1')
    page.get_by_label(BOX).check()
    assert stored(page)["checklists"] == {"the-day-before": {"confirm": True}}
    page.reload()
    expect(page.get_by_label(BOX)).to_be_checked()
    assert page.locator("[data-ro-notice]").count() == 0


@pytest.mark.parametrize("damaged", ["[1, 2]", '"text"', "null", '{"version": 1, "checklists": "yes"}'])
def test_storage_of_the_wrong_shape_is_survived(page, sample_url, damaged):
    open_ready(page, sample_url)
    store(page, damaged)
    open_ready(page, sample_url + "checklist/")
    page.get_by_label(BOX).check()
    assert stored(page)["checklists"] == {"the-day-before": {"confirm": True}}


def test_an_older_version_is_migrated_and_unknown_keys_are_kept(page, sample_url):
    open_ready(page, sample_url)
    # Before the format carried a number, a checklist's ticks were a list of item ids.
    store(page, {"checklists": {"before-you-reach-out": ["know-your-why"]}, "slots": {"your-name": "Sam"},
                 "later-feature": {"kept": [1, 2]}})
    page.evaluate("localStorage.setItem('another-app', 'theirs')")
    open_ready(page, sample_url + "checklist/")
    expect(page.get_by_label("Write two sentences on what draws you to the field.")).to_be_checked()
    page.get_by_label(BOX).check()
    state = stored(page)
    assert state["version"] == 2
    assert state["checklists"] == {"before-you-reach-out": {"know-your-why": True},
                                   "the-day-before": {"confirm": True}}
    assert state["later-feature"] == {"kept": [1, 2]}
    assert state["slots"] == {"your-name": "Sam"}
    assert list(state["changed"]) == ["checklists the-day-before confirm"]  # only what changed has a time
    assert page.evaluate("localStorage.getItem('another-app')") == "theirs"


def test_version_1_upgrades_keeping_every_tick_and_stamps_only_what_changes(page, sample_url):
    v1 = {"version": 1, "checklists": {"before-you-reach-out": {"know-your-why": True, "research-field": True}},
          "questions": [{"id": "who-else", "text": "Who else should I talk to?"}],
          "worksheets": {"conversation-prep": {"values": {"their-name": "Ana"}, "rows": {"contacts": 3}}},
          "slots": {"your-name": "Sam"},
          "network": {"family": [{"id": "p1", "name": "Aunt May", "note": "", "asked": True, "talked": False}]}}
    open_ready(page, sample_url)
    store(page, v1)
    page.context.clock.set_fixed_time(1_772_442_000)  # seconds since 1970
    open_ready(page, sample_url + "checklist/")
    expect(page.get_by_label("Write two sentences on what draws you to the field.")).to_be_checked()
    expect(page.get_by_label("Read about the field for an hour.")).to_be_checked()
    page.get_by_label("Read about the field for an hour.").uncheck()  # an untick is a change too
    page.get_by_label(BOX).check()
    state = stored(page)
    ticks = {"before-you-reach-out": {"know-your-why": True}, "the-day-before": {"confirm": True}}
    assert state == {**v1, "version": 2, "checklists": ticks,
                     "changed": {"checklists before-you-reach-out research-field": 1_772_442_000,
                                 "checklists the-day-before confirm": 1_772_442_000}}


def test_a_newer_version_keeps_its_number_and_its_keys(page, sample_url):
    open_ready(page, sample_url)
    store(page, {"version": 7, "checklists": {}, "from-the-future": True})
    open_ready(page, sample_url + "checklist/")
    page.get_by_label(BOX).check()
    state = stored(page)
    assert (state["version"], state["from-the-future"]) == (7, True)


# Storage that throws: cookies and site data blocked (access throws), or a browser that refuses every write.
BLOCKED = """Object.defineProperty(window, 'localStorage', {configurable: true,
  get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); }});"""
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "quota"])
def test_storage_turned_off_shows_a_quiet_notice_and_keeps_working(page, sample_url, script):
    page.add_init_script(script)
    open_ready(page, sample_url + "checklist/")
    notice = page.locator("[data-ro-notice]")
    expect(notice).to_have_text("Saving is off in this browser: what you check or type lasts only until you close "
                                "the page.")
    assert notice.get_attribute("role") == "status"
    assert notice.count() == 1
    page.get_by_label(BOX).check()
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    # Kept in memory for this visit, across instant navigation.
    _instant(page, "Questions")
    page.locator("#q-who-else [data-ro-pick]").click()
    expect(page.locator("[data-ro-myq-list] li")).to_have_count(1)
    _instant(page, "Checklist")
    expect(page.get_by_label(BOX)).to_be_checked()
    expect(page.locator("[data-ro-notice]")).to_have_count(1)


def test_blocked_site_data_stops_no_script_and_the_notice_sits_where_the_reader_acts(page, sample_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(error.message))  # any script's, Material's too
    page.add_init_script(BLOCKED + BLOCKED.replace("localStorage", "sessionStorage"))
    open_ready(page, sample_url + "checklist/")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # Material's header reacts to scrolling
    assert errors == []
    notice = page.locator("[data-ro-notice]")
    assert notice.evaluate("p => p.nextElementSibling.id") == "cl-before-you-reach-out"  # the first component
    page.get_by_label(BOX).check()  # in the second checklist
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    assert notice.evaluate("p => p.nextElementSibling.id") == "cl-the-day-before"
    assert notice.count() == 1 and errors == []


def test_storage_filling_up_mid_visit_switches_to_memory(page, sample_url):
    # The first write fails (storage full): the change stays on screen and the notice appears.
    page.add_init_script("""(function () { const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'reaching-out') throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value); }; })();""")
    open_ready(page, sample_url + "checklist/")
    assert page.locator("[data-ro-notice]").count() == 0
    page.get_by_label(BOX).check()
    expect(page.locator("[data-ro-notice]")).to_contain_text("Saving is off")
    expect(page.get_by_label(BOX)).to_be_checked()
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")


def test_pages_without_components_show_no_notice(page, sample_url):
    page.add_init_script(BLOCKED)
    open_ready(page, sample_url)
    assert page.locator("[data-ro-notice]").count() == 0


def test_saved_state_waits_for_a_pause_in_typing(page, sample_url):
    page.add_init_script(COUNT_WRITES)
    open_ready(page, sample_url + "worksheet/")
    page.get_by_label("Their name").press_sequentially("Anastasia", delay=20)
    wait_stored(page, "s.worksheets['conversation-prep'].values['their-name'] === 'Anastasia'")
    assert page.evaluate("window.__writes") <= 2  # debounced, not one write per keystroke
