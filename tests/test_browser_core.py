"""The browser core: a component that throws is reported and stops nothing else — not the components after
it, not later refreshes, not the next page of Material's instant navigation.

The page gets the built ro.js with one more component spliced in right after the core, so it is registered
before every real one. Its errors are caught by the core (reported with console.error), so the `browsing`
fixture, which fails a test on any uncaught error from our scripts, sees none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_support import stored, wait_stored

pytestmark = pytest.mark.browser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
import ro_assets  # noqa: E402
import ro_registry  # noqa: E402

SOURCES = Path(__file__).resolve().parent.parent / "overrides" / "components"
BOX = "Confirm the time & place by email."
# `main` is on every page; no real component starts on it.
THROWS_AT_START = ('window.ReachingOut.component("broken", "main", () => { throw new Error("broken at start"); },'
                   ' () => {});')
THROWS_ON_REFRESH = ('window.ReachingOut.component("broken-render", "main", () => {}, (el, s) => {'
                     ' if (Object.keys(s.checklists).length) throw new Error("broken render"); });')


def _with(extra: str) -> str:
    """ro.js, joined unminified (terser minifies the whole), with `extra` run right after the core, before
    every component file."""
    built = ro_assets.bundle(SOURCES, ro_registry.asset_order(), minified=False)["ro.js"]
    core = ro_assets.bundle(SOURCES, [], minified=False)["ro.js"].rstrip("\n")
    assert built.startswith(core), "the joined ro.js does not start with the core"
    return core + ";\n" + extra + "\n" + built[len(core):]


def _open(browsing, url: str, script: str) -> tuple[object, list[str]]:
    """Open `url` with `script` as ro.js; return the page and the errors `browsing` records (console.error too)."""
    page = browsing.page
    page.route("**/assets/ro/ro.js", lambda route: route.fulfill(body=script, content_type="text/javascript"))
    page.goto(url)
    page.wait_for_function("() => !!window.ReachingOut && document.querySelector('[data-ro-checklist][data-ro-ready]')")
    return page, browsing.errors


def _only(errors: list[str], *names: str) -> None:
    """Every error recorded is one the core reported for a component of `names`; forget them (they are expected)."""
    prefixes = tuple(f"console.error: Reaching Out: {name} failed" for name in names)
    assert errors and all(e.startswith(prefixes) for e in errors), errors
    errors.clear()


def _wait_for(page, errors: list[str], start: str, more_than: int = 0) -> None:
    """Wait until console.error told of the failure (console messages reach Python as events, a moment later)."""
    start = "console.error: " + start
    for _ in range(100):
        if len(errors) > more_than and any(e.startswith(start) for e in errors[more_than:]):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"no console error starting {start!r}: {errors}")


def test_a_component_that_throws_at_start_stops_no_other(browsing, sample_site, sample_url):
    page, errors = _open(browsing, sample_url + "checklist/", _with(THROWS_AT_START))
    expect(page.locator("main")).to_have_attribute("data-ro-failed", "")  # and data-ro-ready: it is not tried again
    assert page.locator("[data-ro-checklist]").count() == page.locator("[data-ro-checklist][data-ro-ready]").count() > 1
    _wait_for(page, errors, "Reaching Out: broken failed")
    assert any("broken at start" in e for e in errors), errors
    # The checklists registered after it work: a tick is saved and counted.
    page.get_by_label(BOX).check()
    wait_stored(page, "s.checklists['the-day-before'] && s.checklists['the-day-before'].confirm === true")
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    # Safe to run again on the same page: the broken element is not tried again, nothing else starts twice.
    count = len(errors)
    page.evaluate("() => window.ReachingOut.start()")
    page.wait_for_timeout(200)  # time for a console message to arrive, were there one
    assert len(errors) == count
    assert page.locator("#cl-the-day-before [data-ro-reset]").count() == 1
    # Instant navigation (Material's document$): the next page's components start as well.
    page.evaluate("window.__samePage = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Questions", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-ro-qbank][data-ro-ready]')")
    assert page.evaluate("window.__samePage === true"), "Material made a full page load, not instant navigation"
    page.locator("#q-who-else [data-ro-pick]").click()
    expect(page.locator("#q-who-else [data-ro-pick]")).to_have_attribute("aria-pressed", "true")
    assert [q["id"] for q in stored(page)["questions"]] == ["who-else"]
    _only(errors, "broken")


def test_a_render_that_throws_on_refresh_stops_no_other(browsing, sample_site, sample_url):
    page, errors = _open(browsing, sample_url + "checklist/", _with(THROWS_ON_REFRESH))
    expect(page.locator("main")).to_have_attribute("data-ro-ready", "")
    assert errors == []  # nothing ticked yet: its first render passed
    page.get_by_label(BOX).check()  # update → refresh: its render throws, before the checklists' renders
    wait_stored(page, "s.checklists['the-day-before'] && s.checklists['the-day-before'].confirm === true")
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("1 of 1 done")
    _wait_for(page, errors, "Reaching Out: broken-render failed")
    # Every later refresh still reaches the others, and it is tried again each time (it may recover).
    count = len(errors)
    page.get_by_label(BOX).uncheck()
    expect(page.locator("#cl-the-day-before [data-ro-progress]")).to_have_text("0 of 1 done")
    page.get_by_label("Read about the field for an hour.").check()
    expect(page.locator("#cl-before-you-reach-out [data-ro-progress]")).to_have_text("1 of 2 done")
    _wait_for(page, errors, "Reaching Out: broken-render failed", more_than=count)
    assert stored(page)["checklists"] == {"before-you-reach-out": {"research-field": True}}
    _only(errors, "broken-render")


def test_a_component_with_a_broken_selector_stops_no_other(browsing, sample_site, sample_url):
    """Even a selector that is not one (querySelectorAll throws) is reported."""
    script = _with('window.ReachingOut.component("bad-selector", "[[", () => {}, () => {});')
    page, errors = _open(browsing, sample_url + "checklist/", script)
    _wait_for(page, errors, "Reaching Out: bad-selector failed")
    page.get_by_label(BOX).check()
    wait_stored(page, "s.checklists['the-day-before'] && s.checklists['the-day-before'].confirm === true")
    _only(errors, "bad-selector")
