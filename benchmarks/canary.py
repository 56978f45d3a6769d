"""`make canary`: the guide on Zensical 0.0.73 (Material's successor), next to MkDocs and ProperDocs. Not a test.

Zensical ignores `hooks:`, so this shows what the guide keeps and loses on it today. For each engine: does a
strict build pass, how long it takes, which pages it writes, how far each page's article differs from the
MkDocs build (1.0 is identical), and what the browser sees on each page: script errors, and how many
components our scripts started (compared with MkDocs). Writes benchmarks/results/engines.json and prints a
table for the README. Exits 0 whatever it finds: a failing canary is a figure, not a broken build.

After Zensical's build, `hooks/ro_after.py` adds what the hook adds under MkDocs (the joined scripts and
styles, the plan's catalogue). Zensical (locked in requirements.lock like
everything else) builds a copy of the project in `.cache/canary/project`, so it never touches `site/`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "canary"
ZENSICAL = "zensical==0.0.73"
RESULTS = ROOT / "benchmarks" / "results" / "engines.json"
sys.path.insert(0, str(ROOT / "tests"))
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)


def _project() -> Path:
    """A copy of the pages, data, overrides and config (the hooks are read from the checkout)."""
    project = WORK / "project"
    shutil.rmtree(project, ignore_errors=True)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build(name: str, command: list[str], cwd: Path, site: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "RO_PDFS": "0", "PYTHONPATH": str(ROOT / "hooks"), "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)
    seconds = time.perf_counter() - start
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    problems = [line.strip() for line in output.splitlines() if re.search(r"warning|error", line, re.I)
                and "MkDocs 2" not in line and "mkdocs 2" not in line.lower()]
    return {"engine": name, "strict_build": done.returncode == 0, "seconds": round(seconds, 2),
            "problems": problems[:40], "site": str(site)}


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(site.rglob("index.html")) if p.is_file()}


def _likeness(ours: dict[str, str], theirs: dict[str, str]) -> dict[str, float | None]:
    """How alike each page's article HTML is to MkDocs' (1.0: identical; None: the engine did not write it)."""
    alike = {}
    for page, html in ours.items():
        other = theirs.get(page)
        mine, found = ARTICLE.search(html), ARTICLE.search(other or "")
        if other is None or not mine or not found:
            alike[page] = None
            continue
        tags = lambda html: re.findall(r"<[^>]*>|[^<]+", html)  # noqa: E731 - tags and texts, not characters
        alike[page] = round(difflib.SequenceMatcher(None, tags(mine.group(1)), tags(found.group(1))).ratio(), 3)
    return alike


def _browse(site: Path) -> dict[str, dict]:
    """Open every page: our scripts' errors and the components they started (or that failed)."""
    from playwright.sync_api import sync_playwright

    from browser_support import CANDIDATES, serve

    chromium = os.environ.get("RO_CHROMIUM") or next(c for c in CANDIDATES if Path(c).is_file())
    seen: dict[str, dict] = {}
    with sync_playwright() as playwright, serve(site) as url:
        browser = playwright.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(error.message))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        for path in sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")):
            errors.clear()
            page.goto(url + ("" if path == "." else path + "/"))
            page.wait_for_timeout(300)
            seen[path] = {"started": page.locator("[data-ro-ready]").count(),
                          "failed": page.locator("[data-ro-failed]").count(), "errors": errors[:5]}
        browser.close()
    return seen


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    bin_ = Path(sys.executable).parent
    project = _project()
    runs = [
        _build("mkdocs 1.6.1", [str(bin_ / "mkdocs"), "build", "--strict", "-d", str(WORK / "mkdocs")], ROOT,
               WORK / "mkdocs"),
        _build("properdocs 1.6.7", [str(bin_ / "properdocs"), "build", "--strict", "-d", str(WORK / "properdocs")],
               ROOT, WORK / "properdocs"),
    ]
    try:
        zensical = bin_ / "zensical"
        runs.append(_build("zensical 0.0.73", [str(zensical), "build", "--clean", "--strict"], project,
                           project / "site"))
        # What the hook adds under MkDocs, as steps over Zensical's site (hooks/ro_after.py)
        after = subprocess.run([sys.executable, str(ROOT / "hooks" / "ro_after.py"), "site"], cwd=project,
                               capture_output=True, text=True, timeout=300)
        runs[-1]["steps_after"] = (after.stdout + after.stderr).strip().splitlines()
    except (subprocess.CalledProcessError, OSError) as error:
        runs.append({"engine": "zensical 0.0.73", "strict_build": False, "seconds": None,
                     "problems": [f"could not run {ZENSICAL}: {error}"], "site": ""})
    base = _pages(WORK / "mkdocs")
    for run in runs:
        site = Path(run["site"]) if run["site"] else None
        pages = _pages(site) if site and site.is_dir() else {}
        likeness = _likeness(base, pages)
        run["pages_written"] = len(pages)
        run["pages_missing"] = sorted(p for p, v in likeness.items() if v is None)
        run["article_likeness"] = likeness
        run["identical_articles"] = sum(1 for v in likeness.values() if v == 1.0)
        run["median_likeness"] = sorted(v for v in likeness.values() if v is not None)[len(pages) // 2] \
            if pages else None
        seen = _browse(site) if pages else {}
        run["browser"] = seen
        run["pages_with_script_errors"] = sorted(p for p, s in seen.items() if s["errors"] or s["failed"])
        run["components_started"] = sum(s["started"] for s in seen.values())
    components = runs[0]["components_started"]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"mkdocs_components_started": components, "engines": runs}, indent=2) + "\n",
                       encoding="utf-8")
    print("| Engine | Strict build | Time | Pages | Articles identical to MkDocs (median likeness) "
          "| Components our scripts started | Pages with script errors |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        print(f"| {run['engine']} | {'passes' if run['strict_build'] else 'fails'} | {run['seconds']} s "
              f"| {run['pages_written']} of {len(base)} | {run['identical_articles']} "
              f"({run['median_likeness']}) | {run['components_started']} of {components} "
              f"| {len(run['pages_with_script_errors'])} |")
    for run in runs:
        if run["problems"]:
            print(f"\n{run['engine']}: " + "\n  ".join(run["problems"][:10]))
    print(f"\nDetails: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - the canary reports, it never fails the caller
        print(f"canary: could not finish: {type(error).__name__}: {error}")
