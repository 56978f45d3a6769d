"""What the tests share: the project's paths, one way to build a site, one HTML id parser, and a site built once
per test run however many pytest-xdist workers ask for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = DOCS / "data"
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


def built_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `make(folder)` once per test run and shared by every pytest-xdist worker.

    Without xdist it is the session's own temporary folder. With it, every worker's temporary folder sits in one
    folder of the run: the first worker to ask builds there under a file lock, the others wait and reuse it. A
    build that fails leaves no `.done` mark, so the next worker to ask tries again (and fails the same way).
    """
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / name
    with FileLock(str(folder) + ".lock"):
        done = folder.parent / f"{name}.done"
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


# --- Reading built pages ---


class Page(HTMLParser):
    """The ids (link targets: `id`, and `<a name>`) and the links (`href`, `src`) of one HTML page."""

    def __init__(self, html: str = ""):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        if html:
            self.feed(html)
            self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for key in ("href", "src"):
            if attributes.get(key) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(attributes[key])


def page_ids(html: str) -> set[str]:
    """Every link target on an HTML page."""
    return Page(html).ids
