"""Browser tests' support: Debian's Chromium driven by Playwright, and the built sites served over local HTTP.

Playwright cannot download its own browser on these machines, so the tests use the system's Chromium
(`RO_CHROMIUM`, or the usual paths) and fail, saying what to install, when there is none. One browser
runs for the whole session; every test gets a fresh context, so storage never leaks between tests.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
              "/usr/bin/google-chrome-stable"]
STORAGE_KEY = "reaching-out"


def chromium_path() -> str:
    """The Chromium to drive: $RO_CHROMIUM, else the first usual path that exists; fail clearly when none does."""
    wanted = os.environ.get("RO_CHROMIUM")
    if wanted:
        if Path(wanted).is_file() or shutil.which(wanted):
            return shutil.which(wanted) or wanted
        pytest.fail(f"RO_CHROMIUM={wanted} does not exist. Point it at a Chromium or Chrome binary, or unset it "
                    f"and install Debian's: apt-get install chromium")
    for candidate in CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    pytest.fail("No Chromium found for the browser tests (looked at $RO_CHROMIUM and " + ", ".join(CANDIDATES)
                + "). Install it: apt-get install chromium (Debian/Ubuntu), or set RO_CHROMIUM=/path/to/chrome.")


def _site_url() -> str:
    import yaml

    config = yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return config["site_url"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly. Material's instant navigation only follows links listed in sitemap.xml,
    which names the published address (site_url), so the sitemap is served with this server's address instead,
    as `mkdocs serve` does."""

    base = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.path.split("?")[0] != "/sitemap.xml":
            return super().do_GET()
        path = Path(self.translate_path(self.path))
        body = path.read_text(encoding="utf-8").replace(_site_url(), self.base).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Stay quiet when the browser drops a connection it no longer needs (it does, between pages)."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 from a thread; yield the base URL (ending in /)."""
    handler_class = type("Handler", (_Handler,), {})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    handler_class.base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_url(sample_site) -> Iterator[str]:
    """The sample site (test data, every component) over HTTP."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(real_site) -> Iterator[str]:
    """The real guide over HTTP."""
    with serve(real_site) as url:
        yield url


class Browsing:
    """A fresh browser context for one test, with helpers; collects script errors so a test can fail on them."""

    def __init__(self, browser, **options):
        # The offline copy's worker (sw.js) is blocked unless a test asks for it (tests/test_browser_offline.py
        # makes its own contexts): a worker serves pages from its cache, out of sight of `page.route`.
        options.setdefault("service_workers", "block")
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(10_000)
        self.errors: list[str] = []
        self.page = self.new_page()

    def new_page(self):
        """Open another tab in this context (same storage), recording its script errors."""
        page = self.context.new_page()
        page.on("pageerror", self._record)
        page.on("console", self._record_console)
        return page

    def _record(self, error) -> None:
        # Only our own scripts' errors: Material's code throws, for one, when site data is blocked.
        if "/assets/ro/" in (error.stack or ""):
            self.errors.append(f"{error.message}\n{error.stack}")

    def _record_console(self, message) -> None:
        # A component that throws is caught and reported with console.error, so the others keep working: the
        # test must still fail. (Chromium's own "Failed to load resource" lines name the file, not a script's call;
        # some tests hold our files back on purpose.)
        if (message.type == "error" and "/assets/ro/" in (message.location or {}).get("url", "")
                and not message.text.startswith("Failed to load resource")):
            self.errors.append(f"console.error: {message.text}")

    def close(self) -> None:
        """Close the context (and its pages)."""
        self.context.close()


@pytest.fixture
def browsing(chromium) -> Iterator[Browsing]:
    """A fresh context with JavaScript on; the test fails if any page throws."""
    session = Browsing(chromium, accept_downloads=True)
    yield session
    errors = list(session.errors)
    session.close()
    assert errors == [], f"script errors: {errors}"


@pytest.fixture
def page(browsing):
    """The first tab of a fresh context with JavaScript on."""
    return browsing.page


@pytest.fixture
def page_nojs(chromium):
    """A tab with JavaScript turned off."""
    session = Browsing(chromium, java_script_enabled=False)
    yield session.page
    session.close()


# --- Helpers for the tests ---

# Scripts a test can add before the page loads (context.add_init_script / page.add_init_script).
RECORD_PRINT = "window.__printed = 0; window.print = function () { window.__printed += 1; };"
RECORD_CLIPBOARD = """
window.__copied = null;
Object.defineProperty(navigator, "clipboard", {configurable: true, value: {
  writeText: function (text) { window.__copied = text; return Promise.resolve(); }
}});
"""
COUNT_WRITES = """
window.__writes = 0;
(function () {
  var original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === "reaching-out") window.__writes += 1;
    return original.call(this, key, value);
  };
})();
"""


def stored(page) -> dict | None:
    """The guide's saved state in the page's localStorage, parsed (None when nothing is saved)."""
    import json

    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if raw is None else json.loads(raw)


def store(page, value) -> None:
    """Save `value` (a dict, or a raw string) as the guide's state in the page's localStorage."""
    import json

    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [STORAGE_KEY, raw])


def store_before_load(target, value: dict) -> None:
    """Save `value` as the guide's state before the scripts of every page `target` (a page or a context) loads."""
    import json

    target.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(value))})")


def wait_stored(page, predicate: str) -> None:
    """Wait until `predicate` (JavaScript, given the parsed state as `s`) is true."""
    page.wait_for_function(
        "([key, body]) => { const raw = localStorage.getItem(key); if (raw === null) return false; "
        "const s = JSON.parse(raw); return new Function('s', 'return (' + body + ');')(s); }",
        arg=[STORAGE_KEY, predicate],
    )


# The root element of every component the guide's scripts start (ro.js marks each `data-ro-ready` as it starts it).
COMPONENT_ROOTS = ["[data-ro-checklist]", "[data-ro-qbank]", "[data-ro-qlist]", "[data-ro-myq]", "[data-ro-worksheet]",
                   "[data-ro-template]", "[data-ro-netmap]", "[data-ro-my-progress]", "[data-ro-links]",
                   "[data-ro-plan]", "[data-ro-due-soon]", "[data-ro-summary]", "[data-ro-summary-view]"]


def wait_ready(page) -> None:
    """Wait until the guide's scripts have started every component on the page (at once when it has none).

    A component whose start-up threw is marked `data-ro-failed` instead, and reported with console.error, which
    fails a test that uses the `browsing` fixture.
    """
    page.wait_for_function(
        "roots => !!window.ReachingOut && !document.querySelector(roots)",
        arg=",".join(f"{root}:not([data-ro-ready]):not([data-ro-failed])" for root in COMPONENT_ROOTS),
    )


def open_ready(page, url: str) -> None:
    """Go to `url` and wait until the guide's scripts have started every component on it."""
    page.goto(url)
    wait_ready(page)
