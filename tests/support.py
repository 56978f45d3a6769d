"""What the tests share: the project's paths, one way to build a site, one HTML id parser, and a site built once
per test run however many pytest-xdist workers ask for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ro_built import Page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = DOCS / "data"
DOCS_ES = ROOT / "docs-es"
# Each edition's folder in a built site: English at the root, Spanish in es/ (mkdocs.es.yml).
EDITIONS = ("", "es/")
SAMPLE_DOCS = ROOT / "tests" / "fixtures" / "sample-docs"
SAMPLE_NAV = ["index.md", "checklist.md", "questions.md", "embedded.md", "worksheet.md", "template.md",
              "counselors.md", "plan.md", "network-map.md", "my-progress.md"]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# Builds of throwaway project copies share the project's PDF cache (keys are content hashes, so it is safe).
os.environ.setdefault("RO_PDF_CACHE", str(ROOT / ".cache" / "pdf"))


# --- Building a site ---


@dataclass(frozen=True)
class Build:
    """What a build left: the site folder, the config (in-process builds) or the exit code and stderr (the CLI)."""

    site: Path
    config: object | None = None
    returncode: int = 0
    stderr: str = ""


def build_site(docs_dir: Path, site_dir: Path, nav: list[str] | None = None, *, cli: bool = False) -> Build:
    """Build a site with the project's mkdocs.yml, pointed at `docs_dir` (and `nav`, when given), `--strict`.

    In-process by default (fast; a data error raises). With `cli=True` it runs `mkdocs build --strict` as an author
    would, for a test that needs the exit code and what is printed (errors as `file:line`, no traceback): in the
    project itself for the real docs, otherwise in a throwaway copy of the project beside `site_dir`, so paths in
    the messages read `docs/...` as they would for an author.
    """
    if not cli:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        overrides: dict = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
        if nav is not None:
            overrides["nav"] = nav
        config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
        build(config)
        return Build(site_dir, config=config)
    project = ROOT
    if Path(docs_dir).resolve() != DOCS or nav is not None:
        project = _project_copy(site_dir.parent / f"{site_dir.name}-project", Path(docs_dir), nav)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=600,
    )
    return Build(site_dir, returncode=result.returncode, stderr=result.stderr)


def _project_copy(project: Path, docs: Path, nav: list[str] | None) -> Path:
    """A throwaway copy of the project (hooks, overrides, mkdocs.yml) with `docs` as its docs folder."""
    project.mkdir(parents=True)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(docs, project / "docs")
    config = (ROOT / "mkdocs.yml").read_text()
    if nav is not None:
        config = config.split("\nnav:")[0] + "\nnav:\n" + "".join(f"  - {page}\n" for page in nav)
    (project / "mkdocs.yml").write_text(config)
    return project


def redirect_maps() -> dict[str, str]:
    """mkdocs.yml's redirects (`old.md: new.md`), which both editions share."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    plugins = config.get("plugins") or {}
    if isinstance(plugins, list):
        plugins = {k: v for p in plugins if isinstance(p, dict) for k, v in p.items()}
    return dict((plugins.get("redirects") or {}).get("redirect_maps") or {})


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder every pytest-xdist worker of this run shares (the session's own without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `make(folder)` once per test run and shared by every pytest-xdist worker.

    The first worker to ask makes it under a file lock; the others wait and reuse it. One that fails leaves no
    `.done` mark, so the next worker to ask tries again (and fails the same way).
    """
    from filelock import FileLock

    folder = run_folder(tmp_path_factory) / name
    with FileLock(f"{folder}.lock"):
        done = folder.parent / f"{name}.done"
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


# The real guide takes the longest to build, so the CLI builds it in the background from the start of the run
# (conftest starts it before the first test, and runs the tests that need it last).
_BACKGROUND: list[subprocess.Popen] = []


def start_real_build(tmp_path_factory) -> None:
    """Start `mkdocs build --strict` of the real guide in the background, once per test run."""
    from filelock import FileLock

    folder = run_folder(tmp_path_factory)
    with FileLock(f"{folder / 'real-site'}.lock"):
        started = folder / "real-site.started"
        if started.exists():
            return
        _BACKGROUND.append(subprocess.Popen([sys.executable, __file__, str(folder / "real-site")],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL))
        started.touch()


def real_build(tmp_path_factory, timeout: float = 900) -> Build:
    """The background build of the real guide (started now if it was not), once it has finished."""
    import json
    import time

    start_real_build(tmp_path_factory)
    outcome = run_folder(tmp_path_factory) / "real-site.json"
    deadline = time.monotonic() + timeout
    while not outcome.is_file():
        assert time.monotonic() < deadline, f"the build of the real guide did not finish in {timeout} s"
        time.sleep(0.1)
    for process in _BACKGROUND:
        process.wait()
    result = json.loads(outcome.read_text(encoding="utf-8"))
    return Build(outcome.with_suffix(""), returncode=result["returncode"], stderr=result["stderr"])


def _build_real_guide(site: Path) -> None:
    """Build the real guide into `site`; leave the exit code and stderr beside it, in `site`.json."""
    import json
    import traceback

    try:
        build = build_site(DOCS, site, cli=True)
        result = {"returncode": build.returncode, "stderr": build.stderr}
    except BaseException:  # whatever happens, the tests waiting for the build must hear of it
        result = {"returncode": -1, "stderr": traceback.format_exc()}
    partial = site.with_suffix(".json.partial")
    partial.write_text(json.dumps(result), encoding="utf-8")
    partial.replace(site.with_suffix(".json"))


# --- Reading built pages ---


def page_ids(html: str) -> set[str]:
    """Every link target on an HTML page."""
    return Page(html).ids  # ro_built.Page: the steps after a build check links with it too


if __name__ == "__main__":
    _build_real_guide(Path(sys.argv[1]))


def render_on(guide, pages: dict[str, str], marker: str, src: str = "my-progress.md"):
    """Render one marker line as it renders on page `src` of a site with `pages`; return the parsed HTML."""
    from bs4 import BeautifulSoup

    import ro_registry
    import ro_site

    site = ro_site.Site(guide)
    assert site.check_pages(pages) == []
    site.page = ro_site.PageContext(src, lambda target: f"/resolved/{target}")
    markers, problems = ro_registry.parse(marker)
    assert problems == [] and len(markers) == 1, problems
    return BeautifulSoup(str(site.render(markers[0])), "html.parser")
