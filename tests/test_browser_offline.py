"""The guide offline after the first visit (issue 15): the real build, served over local HTTP (service workers need
http://127.0.0.1, not file://), from the root and from a sub-path as a GitHub Pages project site is.

Visit once and wait until the worker controls the page and has stored its whole list; go offline; open pages by
instant navigation and by loading them; fill a worksheet and tick a checklist; reload. Then publish a second build
at the same address (one page changed, its sw.js written again by ro_offline) and come back online: the reader is
told the guide was updated, gets the new page, and keeps what they ticked and typed. No request leaves the origin.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

import ro_offline
from browser_support import Browsing, _Handler, _Server, _site_url, open_ready, stored, wait_ready
from test_browser_site import _axe

pytestmark = pytest.mark.browser

SUB_PATHS = pytest.mark.parametrize("prefix", ["", "guide/"], ids=["root", "sub-path"])
INSTANT = [("prepare/", "Prepare"), ("questions/", "Question bank"), ("checklists/", "Checklists"),
           ("worksheets/conversation-prep/", "Conversation prep"), ("my-progress/", "My progress")]
LOADED = [("reach-out/", None), ("the-conversation/", None), ("plan/", None), ("privacy/", None), ("", None)]
NEWS = "The guide was updated."
# How many files each of this site's caches holds.
STORED = """async () => Promise.all((await caches.keys())
    .map(async (name) => (await (await caches.open(name)).keys()).length))"""


@contextmanager
def _publish(first: Path, prefix: str) -> Iterator[tuple[str, callable]]:
    """Serve `first` at http://127.0.0.1:PORT/PREFIX; yield the address and `swap(site)`, which publishes another
    build at the same address. The sitemap names this address, as `mkdocs serve` does (see browser_support)."""
    served = {"site": first}

    class Handler(_Handler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(served["site"]), **kwargs)

        def translate_path(self, path: str) -> str:
            inside = path.split("?")[0].split("#")[0]
            if not inside.startswith("/" + prefix):
                return str(served["site"] / "no-such-file")
            return super().translate_path("/" + path[len(prefix) + 1:])

        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            if not self.path.split("?")[0].endswith("/sitemap.xml"):
                return http.server.SimpleHTTPRequestHandler.do_GET(self)
            body = Path(self.translate_path(self.path)).read_text(encoding="utf-8")
            body = body.replace(_site_url(), self.base + prefix).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    import threading

    server = _Server(("127.0.0.1", 0), functools.partial(Handler))
    Handler.base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Handler.base + prefix, lambda site: served.update(site=site)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def visit(chromium):
    """A fresh context per test (its own service workers, caches and storage) recording every request it makes,
    the worker's included."""
    context = chromium.new_context()
    context.set_default_timeout(15_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message) if "/assets/ro/" in (error.stack or "") else None)
    yield context, page, requests
    context.close()
    assert errors == [], f"script errors: {errors}"


def _installed(page, site: Path) -> None:
    """Wait until the worker controls the page and its cache holds every file of the site's list."""
    wanted = len(json.loads((site / ro_offline.LIST).read_text(encoding="utf-8")))
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    deadline = time.monotonic() + 30
    # evaluate() awaits the promise (wait_for_function would take the promise itself for a truthy answer)
    while page.evaluate(STORED) != [wanted]:
        assert time.monotonic() < deadline, f"the cache never held the {wanted} files: {page.evaluate(STORED)}"
        time.sleep(0.2)


def _caches(page) -> list[str]:
    return page.evaluate("() => caches.keys()")


def _heading(page, text: str) -> None:
    expect(page.locator("h1").first).to_contain_text(text)


def _instant(page, base: str, path: str, title: str) -> None:
    """Click a link to `path` and wait for its page; fail if that was a full load and not instant navigation."""
    page.evaluate("() => { window.__samePage = true; }")
    page.evaluate("url => document.querySelectorAll('a[href]').forEach(a => { if (a.href === url) "
                  "a.setAttribute('data-test-go', ''); })", base + path)
    shown = page.locator("[data-test-go]:visible")
    if shown.count():
        shown.first.click()
    else:  # only in a closed section of the menu: the click Material's instant navigation listens for
        page.locator("[data-test-go]").first.dispatch_event("click")
    page.wait_for_url(base + path)
    _heading(page, title)
    wait_ready(page)
    assert page.evaluate("window.__samePage === true"), f"{path}: a full page load, not instant navigation"
    page.evaluate("() => document.querySelectorAll('[data-test-go]').forEach(a => a.removeAttribute('data-test-go'))")


def _second_build(site: Path, tmp_path: Path) -> Path:
    """A copy of the build with one page changed, and its sw.js and list written again, as a new build would."""
    second = tmp_path / "second"
    shutil.copytree(site, second, symlinks=True)
    page = second / "prepare" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</h1>", '</h1><p id="second-build">New in the second build.</p>', 1), encoding="utf-8")
    ro_offline.write(second)
    return second


@SUB_PATHS
def test_after_one_visit_the_guide_works_offline_and_an_update_keeps_progress(visit, real_site, tmp_path, prefix):
    context, page, requests = visit
    second = _second_build(real_site, tmp_path)
    with _publish(real_site, prefix) as (base, swap):
        page.goto(base)
        wait_ready(page)
        _installed(page, real_site)
        assert len(_caches(page)) == 1
        expect(page.get_by_role("status").filter(has_text=NEWS)).to_have_count(0)  # the first install says nothing

        context.set_offline(True)
        for path, title in INSTANT:
            _instant(page, base, path, title)
        page.locator("input.md-search__input").click()  # the search index is in the copy too
        page.keyboard.type("follow up")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.keyboard.press("Escape")
        for path, _ in LOADED[:4]:
            page.goto(base + path)
            wait_ready(page)
            assert page.title().endswith("Reaching Out"), path
        page.reload()
        wait_ready(page)
        assert page.url == base + LOADED[3][0]

        page.goto(base + "worksheets/conversation-prep/")
        wait_ready(page)
        page.locator("#ws-conversation-prep--their-name").fill("Ana Offline")
        page.goto(base + "prepare/")
        wait_ready(page)
        box = page.locator("[data-ro-checklist='the-day-before'] input[type=checkbox]").first
        box.check()
        page.reload()
        wait_ready(page)
        expect(page.locator("[data-ro-checklist='the-day-before'] input[type=checkbox]").first).to_be_checked()
        page.goto(base + "worksheets/conversation-prep/")
        wait_ready(page)
        expect(page.locator("#ws-conversation-prep--their-name")).to_have_value("Ana Offline")
        saved = stored(page)

        swap(second)  # a new build is published while the reader is away
        context.set_offline(False)
        page.goto(base + "prepare/")  # still the first build's page, from the cache; the browser checks sw.js
        wait_ready(page)
        news = page.get_by_role("status").filter(has_text=NEWS)
        expect(news).to_be_visible(timeout=30_000)
        assert page.locator("#second-build").count() == 0
        for scheme in ("light", "dark"):  # the notice is readable and named in both colour schemes
            page.emulate_media(color_scheme=scheme)
            assert _axe(page) == [], scheme
        news.get_by_role("button", name="Reload").click()
        expect(page.locator("#second-build")).to_have_text("New in the second build.")
        wait_ready(page)
        expect(page.locator("[data-ro-checklist='the-day-before'] input[type=checkbox]").first).to_be_checked()
        assert stored(page) == saved  # saved progress untouched
        assert len(_caches(page)) == 1, "the first build's cache should be gone"

        context.set_offline(True)  # the second build is the one kept now
        page.goto(base + "worksheets/conversation-prep/")
        wait_ready(page)
        expect(page.locator("#ws-conversation-prep--their-name")).to_have_value("Ana Offline")
        page.goto(base + "prepare/")
        expect(page.locator("#second-build")).to_be_visible()

    origin = base[:base.index("/", len("http://"))]
    elsewhere = sorted({url for url in requests if not url.startswith((origin + "/", "data:", "blob:"))})
    assert elsewhere == [], "requests that left the site"
    assert any(url.endswith("/" + prefix + ro_offline.LIST + "?" + _version(second)) for url in requests)


def _version(site: Path) -> str:
    return ro_offline.version(site, ro_offline.precache(site))


def test_a_pdf_is_kept_offline_once_fetched_and_not_before(visit, real_site):
    context, page, requests = visit
    with _publish(real_site, "") as (base, _):
        page.goto(base)
        wait_ready(page)
        _installed(page, real_site)
        pdf = sorted(p.name for p in (real_site / "downloads").glob("*.pdf"))[0]
        fetch = "url => fetch(url).then(r => r.ok ? r.arrayBuffer().then(b => b.byteLength) : -r.status, () => 0)"
        context.set_offline(True)
        assert page.evaluate(fetch, base + "downloads/" + pdf) == 0  # not precached: offline, it fails
        context.set_offline(False)
        assert page.evaluate(fetch, base + "downloads/" + pdf) == (real_site / "downloads" / pdf).stat().st_size
        context.set_offline(True)
        assert page.evaluate(fetch, base + "downloads/" + pdf) == (real_site / "downloads" / pdf).stat().st_size
        # A short address is not precached either: it only forwards, to a page that is.
        assert page.evaluate(fetch, base + "go/start/") == 0


def test_the_script_run_twice_registers_once_and_adds_one_notice_region(chromium, sample_url):
    session = Browsing(chromium, service_workers="allow")  # the other tests' contexts block the worker
    page = session.page
    open_ready(page, sample_url + "checklist/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.evaluate("""() => new Promise((done) => {
        const old = document.querySelector("script[data-ro-sw]"), again = document.createElement("script");
        again.src = old.src;
        again.setAttribute("data-ro-sw", old.getAttribute("data-ro-sw"));
        again.onload = done;
        document.body.append(again);
    })""")
    try:
        assert page.locator(".md-dialog.md-typeset[role=status]").count() == 1
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((all) => all.length)") == 1
        assert session.errors == []
    finally:
        session.close()


def test_when_the_worker_is_gone_from_the_site_the_copy_retires(visit, real_site, tmp_path):
    """The guide moved (a redirect) or stopped shipping sw.js (a 404): the reader's copy must not be served for
    ever. The page's check for a new worker fails, sees the 404, and unregisters it; the next load is live."""
    context, page, _ = visit
    moved = tmp_path / "moved"
    shutil.copytree(real_site, moved, ignore=shutil.ignore_patterns("*.pdf", "go"))
    (moved / ro_offline.NAME).unlink()
    (moved / "index.html").write_text((moved / "index.html").read_text(encoding="utf-8").replace(
        "</h1>", "</h1><p id='live-build'>Live</p>", 1), encoding="utf-8")
    with _publish(real_site, "") as (base, swap):
        page.goto(base)
        wait_ready(page)
        _installed(page, real_site)
        swap(moved)
        page.reload()  # from the old copy: its script asks for sw.js, gets a 404, retires the worker
        deadline = time.monotonic() + 15
        while page.evaluate("() => navigator.serviceWorker.getRegistrations().then((all) => all.length)"):
            assert time.monotonic() < deadline, "the worker was never unregistered"
            time.sleep(0.2)
        page.reload()
        expect(page.locator("#live-build")).to_have_count(1)


def test_in_a_sandboxed_frame_the_guide_still_starts(chromium, sample_url):
    """There reading navigator.serviceWorker throws (as localStorage does): the offline part stays quiet and
    every component starts, with the notice that saving is off (offline.js runs before them all)."""
    session = Browsing(chromium, service_workers="allow")
    try:
        page = session.page
        page.goto(sample_url + "checklist/")
        page.evaluate("url => { const f = document.createElement('iframe'); f.sandbox = 'allow-scripts'; "
                      "f.src = url; document.body.append(f); }", sample_url + "checklist/")
        frame = page.frame_locator("iframe")
        expect(frame.locator("[data-ro-checklist][data-ro-ready]").first).to_be_attached()
        expect(frame.locator("[data-ro-notice]")).to_contain_text("Saving is off in this browser")
        assert [e for e in session.errors if "serviceWorker" in e] == []
    finally:
        session.close()
