"""How fast the question bank starts and filters with 2,000 questions, in Chromium (not part of the tests).

Run with `.venv/bin/python benchmarks/bench_question_filter.py`. Builds the synthetic guide at scale 10
(10 categories x 200 questions), opens its question bank and times, inside the page, the script's start-up
and each kind of filter change as the median of several runs. The baseline is the same page at scale 1
(200 questions), measured in the same run: filtering should grow about linearly (about 10x), and stay
well under a frame (16 ms) per change at 2,000 questions. Writes benchmarks/results/question-filter.json.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "benchmarks"), str(ROOT / "tests")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

import synthetic  # noqa: E402

from browser_support import CHROMIUM_ARGS, serve  # noqa: E402

RUNS = int(os.environ.get("RO_BENCH_RUNS", "7"))

# Each change is dispatched the way a reader makes it; the script filters synchronously in the event handler.
MEASURE = """async () => {
  const form = document.querySelector("form[data-ro-qfilter]");
  const search = form.querySelector("input[type=search]");
  const box = form.querySelector("input[name=category]");
  const time = (change) => { const t = performance.now(); change(); return performance.now() - t; };
  const type = (text) => time(() => {
    search.value = text;
    search.dispatchEvent(new Event("input", {bubbles: true}));
  });
  const tick = () => time(() => { box.click(); });
  const out = {type_word: type("talk"), type_more: type("talk who"), clear_text: type(""), category_on: tick(),
               category_off: tick()};
  out.shown_after = document.querySelectorAll("li[data-ro-question]:not([hidden])").length;
  return out;
}"""


def _build(scale: int, work: Path) -> Path:
    from conftest import build_site

    docs = work / f"docs-{scale}"
    pages = synthetic.write(docs, scale)
    site = work / f"site-{scale}"
    build_site(docs, site, sorted(pages))
    return site


def _measure(browser, base: str) -> dict:
    runs: dict[str, list[float]] = {}
    for _ in range(RUNS):
        page = browser.new_page()
        page.goto(base + "questions/")
        page.wait_for_function("() => document.querySelector('[data-ro-qbank][data-ro-ready]')")
        start = page.evaluate("() => { const e = performance.getEntriesByType('navigation')[0];"
                              " return e.domContentLoadedEventEnd - e.domContentLoadedEventStart; }")
        result = page.evaluate(MEASURE)
        result["start_up"] = start
        questions = page.evaluate("() => document.querySelectorAll('li[data-ro-question]').length")
        for key, value in result.items():
            runs.setdefault(key, []).append(value)
        page.close()
    summary = {key: round(statistics.median(values), 2) for key, values in runs.items()}
    summary["questions"] = questions
    return summary


FRAME_MS = 16  # a filter change at 2,000 questions stays within a frame


def main() -> list[tuple[str, str, str, bool]]:
    """Measure both scales, print a table, write JSON; return the goal's row."""
    from playwright.sync_api import sync_playwright

    from browser_support import chromium_path

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        work = Path(tmp)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        results = {}
        for scale in (1, 10):
            with serve(_build(scale, work)) as base:
                results[f"scale {scale}"] = _measure(browser, base)
        browser.close()
    small, large = results["scale 1"], results["scale 10"]
    print(f"{'ms (median of ' + str(RUNS) + ')':28} {small['questions']:>10} {large['questions']:>10} {'ratio':>7}")
    for key in ("start_up", "type_word", "type_more", "clear_text", "category_on", "category_off"):
        ratio = large[key] / small[key] if small[key] else float("nan")
        print(f"{key:28} {small[key]:>10.2f} {large[key]:>10.2f} {ratio:>7.1f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "question-filter.json").write_text(json.dumps(results, indent=2) + "\n")
    slowest = max(large[key] for key in ("type_word", "type_more", "clear_text", "category_on", "category_off"))
    return [(f"slowest filter change, {large['questions']} questions", f"{slowest:.1f} ms", f"<= {FRAME_MS} ms",
             slowest <= FRAME_MS)]


if __name__ == "__main__":
    main()
