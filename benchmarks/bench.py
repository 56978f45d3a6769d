"""`make bench`: every benchmark, then one table of goals met and missed. Not part of the tests.

Each benchmark module's `main()` prints its own details, writes its JSON under benchmarks/results/
and returns (what, measured, goal, met) for each of its goals. A goal missed is a figure in the table,
and a benchmark that could not run (no Chromium, a timeout on a busy machine) is a row saying why:
the run exits 0 whenever it ran, so a slow spell never reads as a broken build.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

BENCHMARKS = ("bench_build", "bench_pdf", "bench_question_filter", "bench_offline")


def run(name: str) -> list[tuple[str, str, str, bool | None]]:
    """Run one benchmark; a failure becomes one row that says what went wrong."""
    print(f"\n=== {name} ===", flush=True)
    try:
        return list(__import__(name).main())
    except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure is reported, never raised
        traceback.print_exc()
        return [(f"{name}: not measured", f"{type(error).__name__}: {error}"[:60], "", None)]


def main() -> int:
    """Run every benchmark and print the goals' table; always 0 once the benchmarks ran."""
    rows = [row for name in BENCHMARKS for row in run(name)]
    print(f"\n{'goal':46} {'measured':>26} {'wanted':>10}  result")
    for what, measured, goal, met in rows:
        verdict = "not measured" if met is None else "met" if met else "MISSED"
        print(f"{what:46} {measured:>26} {goal:>10}  {verdict}")
    out = ROOT / "results"
    out.mkdir(exist_ok=True)
    (out / "summary.json").write_text(json.dumps(
        [{"goal": w, "measured": m, "wanted": g, "met": ok} for w, m, g, ok in rows], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
