"""The PDFs' cost: a warm rebuild with every PDF cached vs a build with PDFs off, and cold render times.

Run with `make bench` (not part of the tests). Prints a table and writes benchmarks/results/pdf.json.
- build: in-process `mkdocs build` of the real guide with RO_PDFS unset and every PDF in the cache,
  against RO_PDFS=0, runs interleaved, medians compared (goal: at most 1.05x);
- cold: each PDF rendered from scratch (WeasyPrint), median of several runs, after one warm-up render
  so WeasyPrint's start-up is not charged to the first worksheet;
- sizes: the size of every PDF the warm build put in site/downloads/ (the files readers get), against
  the goals (each worksheet <= 60 KB, the counselor pack <= 150 KB; issue 14). Sizes are measured
  here, never asserted in the tests.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

RUNS = int(os.environ.get("RO_BENCH_RUNS", "9"))
COLD_RUNS = int(os.environ.get("RO_BENCH_COLD_RUNS", "3"))
GOAL = 1.05
GROUPS = {"worksheet-": "worksheets", "checklist-": "checklists", "question-bank-": "question bank",
          "counselor-pack-": "counselor pack"}  # file name prefix → group
SIZE_GOALS_KB = {"worksheets": 60, "counselor pack": 150}  # the largest PDF of the group, in KB (1024 bytes)


def build_seconds(site: Path, pdfs: bool) -> float:
    """Time one in-process build of the real guide, with PDFs from the cache or switched off."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["RO_PDFS"] = "1" if pdfs else "0"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=False)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def bench_build(work: Path) -> dict:
    """Warm rebuild (every PDF cached) against a build without PDFs, in pairs.

    Each pair runs both builds back to back after a garbage collection; the ratio is the median of the
    pairs' ratios, so a slow spell of the machine weighs on both sides alike.
    """
    build_seconds(work / "warm", pdfs=True)  # fills the cache if anything changed since the last build
    build_seconds(work / "off", pdfs=False)
    pairs = []
    for _ in range(RUNS):
        gc.collect()
        warm = build_seconds(work / "warm", pdfs=True)
        gc.collect()
        pairs.append((warm, build_seconds(work / "off", pdfs=False)))
    ratios = sorted(w / o for w, o in pairs)
    return {"runs": RUNS, "warm_s": statistics.median(w for w, _ in pairs),
            "off_s": statistics.median(o for _, o in pairs), "ratio": statistics.median(ratios),
            "ratio_min": ratios[0], "ratio_max": ratios[-1]}


def bench_cold() -> list[dict]:
    """Render every PDF from scratch; median seconds, pages and size of each."""
    import ro_data
    import ro_pdf

    guide = ro_data.load_guide(ROOT / "docs" / "data", ROOT)

    def where(name: str, item: str, part: str | None) -> str | None:
        page = {"worksheet": f"worksheets/{item}.md", "question-bank": "questions.md"}.get(name, "index.md")
        return f"{page}#cl-{item}" if name == "checklist" else page

    jobs = ro_pdf.plan(guide, site_name="Reaching Out", link=lambda t: f"https://example.org/{t}", where=where)
    ro_pdf.render_pdf(jobs[0])  # warm-up: WeasyPrint's imports and font configuration
    rows = []
    for job in jobs:
        times = []
        for _ in range(COLD_RUNS):
            start = time.perf_counter()
            content, pages = ro_pdf.render_pdf(job)
            times.append(time.perf_counter() - start)
        rows.append({"pdf": job.name, "group": job.group, "seconds": statistics.median(times), "pages": pages,
                     "kb": round(len(content) / 1024)})
    return rows


def main() -> list[tuple[str, str, str, bool | None]]:
    """Run the benchmarks, print their tables, write benchmarks/results/pdf.json; return the goals' rows."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    switch = os.environ.get("RO_PDFS")
    with tempfile.TemporaryDirectory(prefix="ro-bench-pdf-") as work:
        build = bench_build(Path(work))
        files = {pdf.name: pdf.stat().st_size for pdf in sorted((Path(work) / "warm" / "downloads").glob("*.pdf"))}
    if switch is None:
        os.environ.pop("RO_PDFS", None)
    else:
        os.environ["RO_PDFS"] = switch
    cold = bench_cold()

    print(f"\nBuild of the real guide, {RUNS} pairs of runs")
    print(f"  {'PDFs switched off (RO_PDFS=0)':44} {build['off_s']:7.3f} s")
    print(f"  {'every PDF from the cache':44} {build['warm_s']:7.3f} s")
    verdict = "ok" if build["ratio"] <= GOAL else f"over the goal of {GOAL:.2f}x"
    print(f"  {'median ratio of the pairs':44} {build['ratio']:7.3f} x   ({verdict})")
    print(f"  {'spread of the ratios':44} {build['ratio_min']:.3f}-{build['ratio_max']:.3f}")
    print(f"\nCold render (WeasyPrint), median of {COLD_RUNS} runs")
    print(f"  {'PDF':46} {'seconds':>8} {'pages':>6} {'KB':>6}")
    for row in cold:
        print(f"  {row['pdf']:46} {row['seconds']:8.3f} {row['pages']:6d} {row['kb']:6d}")
    worksheets = [r["seconds"] for r in cold if r["group"] == "worksheets"]
    total = sum(r["seconds"] for r in cold)
    print(f"  {'worksheets: median per PDF':46} {statistics.median(worksheets):8.3f}")
    print(f"  {'all PDFs: total':46} {total:8.3f}")

    sizes = size_goals(files)

    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "pdf.json").write_text(json.dumps({"build": build, "cold": cold, "bytes": files}, indent=2) + "\n")
    return [("warm rebuild (PDFs cached) / PDFs off",
             f"{build['ratio']:.3f}x ({build['ratio_min']:.2f}-{build['ratio_max']:.2f})", f"<= {GOAL:.2f}x",
             build["ratio"] <= GOAL), *sizes]


def size_goals(files: dict[str, int]) -> list[tuple[str, str, str, bool | None]]:
    """Print the sizes of each group's PDFs; return a goal row for each group with a goal (met or missed)."""
    print("\nSizes of the built PDFs (KB = 1024 bytes)")
    print(f"  {'group':16} {'PDFs':>5} {'smallest':>9} {'largest':>9}   largest PDF")
    goals = []
    for prefix, group in GROUPS.items():
        sizes = sorted((size / 1024, name) for name, size in files.items() if name.startswith(prefix))
        if not sizes:
            if group in SIZE_GOALS_KB:
                goals.append((f"{group} PDF, largest", "no PDF built", f"<= {SIZE_GOALS_KB[group]} KB", None))
            continue
        (smallest, _), (largest, name) = sizes[0], sizes[-1]
        print(f"  {group:16} {len(sizes):5d} {smallest:9.1f} {largest:9.1f}   {name}")
        if group in SIZE_GOALS_KB:
            goal = SIZE_GOALS_KB[group]
            over = sum(kilobytes > goal for kilobytes, _ in sizes)
            goals.append((f"{group} PDF, largest ({over} of {len(sizes)} over)", f"{largest:.1f} KB", f"<= {goal} KB",
                          largest <= goal))
    return goals

if __name__ == "__main__":
    main()
