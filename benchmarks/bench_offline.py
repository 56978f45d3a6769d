"""The offline copy (issue 15): what the first visit stores, and how soon a page opens with no connection.

Run with `.venv/bin/python benchmarks/bench_offline.py` (not part of the tests). Builds the real guide, serves it
over local HTTP and, in Chromium:

- cache size: the bytes of every file the worker precaches (offline.json), as served (uncompressed: what the
  browser's cache holds) and gzipped (about what a first visit downloads for it over GitHub Pages);
- install: from the first page's request until the worker controls the page with its whole list stored;
- time to first offline page: with the connection gone, opening a page (load event), median of several pages
  and runs; the baseline is the same pages loaded online from the local server without a worker, in the same
  run (a ratio near or under 1 means offline costs nothing; on a phone's slow network it is far under 1).

Writes benchmarks/results/offline.json. Goals: the first visit's precache stays <= 1.5 MB gzipped, and a page
opens offline no slower than 1.5x its load from the local server.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "benchmarks"), str(ROOT / "tests")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

import ro_offline  # noqa: E402
from browser_support import CHROMIUM_ARGS, serve  # noqa: E402

RUNS = int(os.environ.get("RO_BENCH_RUNS", "5"))
PAGES = ["prepare/", "questions/", "worksheets/conversation-prep/", "my-progress/", "plan/"]
GOAL_GZIP = 1.5 * 1024 * 1024
GOAL_RATIO = 1.5  # from the cache, no slower than from a server on the same machine (give or take noise)
# Whether the worker controls the page and how many files each cache holds (evaluate awaits the promise).
COMPLETE = """async () => [!!navigator.serviceWorker.controller,
  ...await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).length))]"""
LOAD_MS = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"


def cache_size(site: Path) -> dict:
    """Bytes of the precached files, plain and gzipped, and their count."""
    files = [ro_offline._file(site, url) for url in ro_offline.precache(site)]
    return {"files": len(files), "bytes": sum(f.stat().st_size for f in files),
            "gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)}


def _loads(browser, base: str, offline: bool, wanted: int, connected: bool = False) -> tuple[list[float], float]:
    """Load times (ms) of PAGES, each RUNS times, in a fresh context; `offline`: after a first visit, disconnected."""
    context = browser.new_context(service_workers="allow" if offline else "block")
    page = context.new_page()
    started = time.perf_counter()
    page.goto(base)
    install = 0.0
    if offline:
        while page.evaluate(COMPLETE) != [True, wanted]:
            assert time.perf_counter() - started < 60, "the worker did not store its list within a minute"
            time.sleep(0.02)
        install = (time.perf_counter() - started) * 1000
        context.set_offline(not connected)
    times = []
    for _ in range(RUNS):
        for path in PAGES:
            page.goto(base + path)
            times.append(page.evaluate(LOAD_MS))
    context.close()
    return times, install


def main() -> list[tuple[str, str, str, bool]]:
    """Build, measure, print, write JSON; return the goals' rows."""
    from playwright.sync_api import sync_playwright

    from browser_support import chromium_path
    from support import DOCS, build_site

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp) / "site"
        build_site(DOCS, site)
        size = cache_size(site)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        with serve(site) as base:
            online, _ = _loads(browser, base, False, size["files"])
            offline, install = _loads(browser, base, True, size["files"])
            cached, _ = _loads(browser, base, True, size["files"], connected=True)
        browser.close()
    results = {"cache": size, "install_ms": round(install), "runs": RUNS, "pages": PAGES,
               "offline_load_ms": round(statistics.median(offline), 1),
               "online_load_ms": round(statistics.median(online), 1),
               "online_from_the_cache_ms": round(statistics.median(cached), 1)}
    results["ratio"] = round(results["offline_load_ms"] / results["online_load_ms"], 2)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "offline.json").write_text(json.dumps(results, indent=2) + "\n")
    mb, gz = size["bytes"] / 1024 / 1024, size["gzip_bytes"] / 1024 / 1024
    print(f"precached on the first visit: {size['files']} files, {mb:.2f} MB ({gz:.2f} MB gzipped)")
    print(f"install (first page to whole cache stored): {install / 1000:.2f} s")
    print(f"page load, median of {len(offline)}: offline {results['offline_load_ms']} ms, "
          f"online without a worker {results['online_load_ms']} ms (ratio {results['ratio']}), "
          f"online with the worker {results['online_from_the_cache_ms']} ms")
    return [
        ("first visit's precache, gzipped", f"{gz:.2f} MB ({mb:.2f} MB plain)", "<= 1.5 MB",
         size["gzip_bytes"] <= GOAL_GZIP),
        ("offline page load / online (local server)", f"{results['offline_load_ms']} ms ({results['ratio']}x)",
         f"<= {GOAL_RATIO}x", results["ratio"] <= GOAL_RATIO),
    ]


if __name__ == "__main__":
    main()
