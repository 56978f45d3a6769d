"""Lighthouse audit of one page of each type, served as a static host would serve it (with gzip).

Run with `make audit` (not part of the tests; needs Chromium and the npm packages from `npm ci`).
Builds the site, serves it on 127.0.0.1, runs Lighthouse 12 RUNS times per page, prints the median
score of each category with the run-to-run spread, and writes benchmarks/results/audit.json.
Budget: performance >= 0.98, accessibility, best practices and SEO 1.00.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM_ARGS, chromium_path  # noqa: E402

RUNS = int(os.environ.get("RO_AUDIT_RUNS", "3"))
PAGES = {
    "chapter": "reach-out/",
    "question bank": "questions/",
    "worksheet": "worksheets/conversation-prep/",
    "my progress": "my-progress/",
    "counselors": "for-counselors/",
    "link index": "every-link/",
    "plan": "plan/#i=c.the-day-before,q.who-else,s.reach-out:how-long-to-ask-for&n=Hello&v=1",
    "summary": "summary/",
}
BUDGET = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, as GitHub Pages or any CDN would send them."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):  # noqa: D102 - the base class's method
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def build(site: Path) -> None:
    """Build the guide as `make build` does."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """Run Lighthouse once; return its category scores."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (make audit does it).")
    env = dict(os.environ, CHROME_PATH=chromium_path())
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
        env=env, check=True, timeout=300,
    )
    report = json.loads(out.read_text())
    failing = sorted({audit_id for category in report["categories"].values() for ref in category["auditRefs"]
                      if ref["weight"] > 0 and (audit_id := ref["id"])
                      and (report["audits"][audit_id]["score"] or 0) < 1
                      and report["audits"][audit_id]["scoreDisplayMode"] in ("binary", "numeric")})
    return {name: category["score"] for name, category in report["categories"].items()} | {"_failing": failing}


def main() -> None:
    """Audit every page type RUNS times; print medians and spreads; write JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        handler = functools.partial(_GzipHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        results = {}
        try:
            for name, path in PAGES.items():
                runs = [lighthouse(base + path, Path(tmp) / "report.json") for _ in range(RUNS)]
                results[name] = {
                    category: {"median": statistics.median(r[category] for r in runs),
                               "min": min(r[category] for r in runs), "max": max(r[category] for r in runs)}
                    for category in BUDGET
                } | {"failing_audits": sorted({a for r in runs for a in r["_failing"]})}
        finally:
            server.shutdown()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "audit.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"{'page':14} " + " ".join(f"{c:>22}" for c in BUDGET) + "   (median, min-max over runs)")
    for name, scores in results.items():
        cells = []
        for category, goal in BUDGET.items():
            s = scores[category]
            mark = "" if s["median"] >= goal else " !"
            cells.append(f"{s['median']:.2f} ({s['min']:.2f}-{s['max']:.2f}){mark}".rjust(22))
        print(f"{name:14} " + " ".join(cells))
        if scores["failing_audits"]:
            print(f"{'':14} audits below 1: {', '.join(scores['failing_audits'])}")
    bank, chapter = results["question bank"]["performance"]["median"], results["chapter"]["performance"]["median"]
    print(f"question bank performance {bank:.2f} vs a chapter {chapter:.2f} in the same run: "
          + ("met (no lower)" if bank >= chapter else "MISSED (lower)"))
    shutil.rmtree(out / "lighthouse", ignore_errors=True)


if __name__ == "__main__":
    main()
