"""Build cost, data scaling and page weight, as ratios against baselines measured in the same run.

Run with `make bench` (not part of the tests). Prints a table and writes benchmarks/results/build.json.
- build: the real site vs the same docs with every component marker replaced by a line of plain text (the
  English edition alone on both sides); and the two editions' build (English, then Spanish into es/) vs the
  English one;
- scaling: the component pipeline (load + validate data, check markers, render every component) with
  synthetic data at x1 and x10 — linear growth means about 10x;
- weight: per page type, HTML bytes, our JS + CSS gzipped, requests, and requests to other origins.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "benchmarks")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

import synthetic  # noqa: E402

RUNS = int(os.environ.get("RO_BENCH_RUNS", "5"))
GOAL = 1.20  # a full build at most this many times the plain-text build
WEIGHT_GOAL = 20 * 1024  # our JS + CSS, gzipped (issue 15)
MARKER = re.compile(r"^(\s*)<!--\s*ro:[^>]*-->\s*$", re.M)


def _quiet_logging() -> None:
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)


def build_seconds(docs: Path, site: Path, editions: bool = False) -> float:
    """Time one in-process build of `docs` with the project's configuration; the other editions too if asked."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=False)
    if not editions:
        config.extra["ro_languages"] = []  # the hook builds mkdocs.LANG.yml for each one named here
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def median_of(function, runs: int = RUNS) -> float:
    """Median of `runs` timings after one warm-up run."""
    function()
    return statistics.median(function() for _ in range(runs))


def bench_build(work: Path) -> dict:
    """Full build vs the same docs with plain text where the components were.

    Builds alternate (real, plain, real, …) after a garbage collection each, and the ratio is the median
    of each pair's ratio, so a slow spell of the machine weighs on both sides alike. The Jinja template
    cache is warm, as in every build after the first; `cold_ratio` clears it before each real build.
    """
    plain = work / "plain-docs"
    shutil.copytree(ROOT / "docs", plain)
    for page in plain.rglob("*.md"):
        page.write_text(MARKER.sub(r"\1A component would be here.", page.read_text()))

    def real() -> float:
        gc.collect()
        return build_seconds(ROOT / "docs", work / "site-real")

    def baseline() -> float:
        gc.collect()
        return build_seconds(plain, work / "site-plain")

    def cold() -> float:
        shutil.rmtree(ROOT / ".cache" / "jinja", ignore_errors=True)
        return real()

    def both() -> float:
        gc.collect()
        return build_seconds(ROOT / "docs", work / "site-both", editions=True)

    real(), baseline()  # warm-up
    pairs = [(real(), baseline()) for _ in range(RUNS)]
    cold_pairs = [(cold(), baseline()) for _ in range(max(3, RUNS // 2))]
    both()  # warm-up: the Spanish edition's templates and PDFs
    edition_pairs = [(both(), real()) for _ in range(max(3, RUNS // 2))]
    real()  # leave the template cache warm
    ratios = sorted(r / p for r, p in pairs)
    return {"editions_s": statistics.median(b for b, _ in edition_pairs),
            "editions_ratio": statistics.median(b / r for b, r in edition_pairs),
            "real_s": statistics.median(r for r, _ in pairs), "plain_s": statistics.median(p for _, p in pairs),
            "ratio": statistics.median(ratios), "ratio_min": ratios[0], "ratio_max": ratios[-1],
            "cold_ratio": statistics.median(r / p for r, p in cold_pairs), "goal": GOAL}


def component_seconds(data: Path, pages: dict[str, str]) -> float:
    """Time the component pipeline alone: load and validate data, check markers, render every marker."""
    import ro_data
    import ro_registry
    import ro_site

    start = time.perf_counter()
    guide = ro_data.load_guide(data, data.parent.parent)
    site = ro_site.Site(guide)
    problems = site.check_pages(pages)
    assert not problems, problems[:3]
    for src, text in pages.items():
        site.page = ro_site.PageContext(src, lambda target: target)
        for marker in ro_registry.parse(text)[0]:
            site.render(marker)
    return time.perf_counter() - start


def bench_scaling(work: Path) -> dict:
    """Component time with synthetic data at x1 and x10."""
    results = {}
    for scale in (1, 10):
        docs = work / f"synthetic-{scale}" / "docs"
        pages = synthetic.write(docs, scale)
        results[scale] = median_of(lambda docs=docs, pages=pages: component_seconds(docs / "data", pages))
    return {"x1_s": results[1], "x10_s": results[10], "ratio": results[10] / results[1], "goal": 10.5}


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        if tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self.urls.append(attributes.get("href", ""))
        if tag == "img" and attributes.get("src"):
            self.urls.append(attributes["src"])


PAGE_TYPES = {
    "chapter": "reach-out/index.html",
    "question bank": "questions/index.html",
    "worksheet": "worksheets/conversation-prep/index.html",
    "messages": "messages/index.html",
    "my progress": "my-progress/index.html",
    "counselors": "for-counselors/index.html",
    "link index": "every-link/index.html",
    "plan": "plan/index.html",
}


def bench_weight(site: Path) -> dict:
    """Bytes and requests per page type, and our own JS + CSS gzipped."""
    ours = sorted((site / "assets" / "ro").glob("*.js")) + sorted((site / "assets" / "ro").glob("*.css"))
    ours += [site / "sw.js"]  # the offline copy's service worker, at the root (see hooks/ro_offline.py)
    ours_gzip = sum(len(gzip.compress(p.read_bytes(), 9)) for p in ours)
    pages = {}
    for name, path in PAGE_TYPES.items():
        html = site / path
        if not html.exists():
            continue
        parser = _Resources()
        parser.feed(html.read_text())
        other_origin = [u for u in parser.urls if re.match(r"^(https?:)?//", u)]
        pages[name] = {
            "html_bytes": html.stat().st_size,
            "html_gzip": len(gzip.compress(html.read_bytes(), 9)),
            "requests": 1 + len(parser.urls),
            "other_origin_requests": len(other_origin),
        }
    return {"our_js_css_gzip_bytes": ours_gzip, "goal_bytes": WEIGHT_GOAL, "files": [p.name for p in ours],
            "pages": pages}


def main() -> list[tuple[str, str, str, bool]]:
    """Run every benchmark, print a table, write JSON; return (what, measured, goal, met) for each goal."""
    _quiet_logging()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build = bench_build(work)
        scaling = bench_scaling(work)
        weight = bench_weight(work / "site-real")
    results = {"runs": RUNS, "build": build, "scaling": scaling, "weight": weight}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "build.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"{'benchmark':44} {'measured':>12} {'goal':>10}  met")
    print(f"{'full build / plain-text build':44} {build['ratio']:11.2f}x {f'<= {GOAL:.2f}x':>10}  "
          f"{build['ratio'] <= GOAL}")
    print(f"{'  (seconds: real, plain; spread of ratios)':44} {build['real_s']:6.2f} {build['plain_s']:5.2f}"
          f"  {build['ratio_min']:.2f}-{build['ratio_max']:.2f}")
    print(f"{'  first build, no template cache / plain':44} {build['cold_ratio']:11.2f}x")
    print(f"{'two editions (en + es/) / English alone':44} {build['editions_ratio']:11.2f}x {'(no goal)':>10}  "
          f"({build['editions_s']:.2f} s)")
    print(f"{'component time x10 / x1':44} {scaling['ratio']:11.2f}x {'<= 10.5x':>10}  {scaling['ratio'] <= 10.5}")
    print(f"{'  (seconds: x1, x10)':44} {scaling['x1_s']:6.3f} {scaling['x10_s']:6.3f}")
    kb = weight["our_js_css_gzip_bytes"] / 1024
    print(f"{'our JS + CSS, gzip':44} {kb:10.1f}KB {f'<= {WEIGHT_GOAL // 1024}KB':>10}  {kb * 1024 <= WEIGHT_GOAL}")
    for name, page in weight["pages"].items():
        print(f"  {name:16} html {page['html_bytes'] / 1024:7.1f} KB (gzip {page['html_gzip'] / 1024:5.1f} KB), "
              f"{page['requests']} requests, {page['other_origin_requests']} to other origins")
    others = sum(page["other_origin_requests"] for page in weight["pages"].values())
    return [
        ("full build / plain-text build", f"{build['ratio']:.2f}x ({build['ratio_min']:.2f}-{build['ratio_max']:.2f})",
         f"<= {GOAL:.2f}x", build["ratio"] <= GOAL),
        ("component time, data x10 / x1", f"{scaling['ratio']:.2f}x", "<= 10.5x", scaling["ratio"] <= 10.5),
        ("our JS + CSS, gzip", f"{kb:.1f} KB", f"<= {WEIGHT_GOAL // 1024} KB", kb * 1024 <= WEIGHT_GOAL),
        ("requests to other origins, all page types", str(others), "0", others == 0),
    ]


if __name__ == "__main__":
    main()
