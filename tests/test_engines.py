"""The guide on another engine: ProperDocs 1.6.7, the drop-in MkDocs 1.6 fork, builds it strictly, to the same
site as MkDocs, and its pages work in a browser (issue 12); so does Zensical 0.0.73, both editions, with the
steps after (hooks/ro_after.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser_support import Browsing, open_ready, serve
from support import ROOT, built_once

ENGINE = Path(sys.executable).parent / "properdocs"


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory, real_site) -> Path:
    """The real guide built by `properdocs build --strict`, after MkDocs' build (so the PDF cache is warm)."""

    def make(site: Path) -> None:
        done = subprocess.run([str(ENGINE), "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr[-3000:]

    return built_once(tmp_path_factory, "properdocs-site", make)


def _files(site: Path) -> dict[str, Path]:
    # sitemap.xml.gz holds its own time stamp; the sitemap itself is compared.
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


def _same(a: Path, b: Path) -> bool:
    if a.suffix != ".html":
        return a.read_bytes() == b.read_bytes()
    return _ungenerated(a) == _ungenerated(b)


def _ungenerated(page: Path) -> list[str]:
    return [line for line in page.read_text(encoding="utf-8").splitlines() if 'name="generator"' not in line]


def test_properdocs_builds_the_same_site_as_mkdocs(properdocs_site, real_site):
    """Every page, script, style, catalogue and PDF, byte for byte but the generator's name."""
    ours, theirs = _files(real_site), _files(properdocs_site)
    assert sorted(theirs) == sorted(ours)
    assert len([n for n in ours if n.endswith(".pdf")]) >= 40
    assert [name for name in ours if not _same(ours[name], theirs[name])] == []
    generator = next(line for line in (properdocs_site / "index.html").read_text().splitlines()
                     if 'name="generator"' in line)
    assert "ProperDocs" in generator  # it really was the other engine


def _started(chromium, site: Path) -> dict[str, int]:
    """Open every page of `site`, both editions; return how many components our scripts started on each (none may
    fail). Not the short addresses (go/, es/go/): they only forward (tests/test_go.py), 648 of them per edition."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")
                   if "go" not in p.relative_to(site).parts[:2])
    session = Browsing(chromium)
    started = {}
    try:
        with serve(site) as url:
            for page in pages:
                open_ready(session.page, url + ("" if page == "." else page + "/"))  # waits for every component
                assert session.page.locator("[data-ro-failed]").count() == 0, page
                started[page] = session.page.locator("[data-ro-ready]").count()
        assert session.errors == []
    finally:
        session.close()
    return started


@pytest.mark.browser
def test_every_properdocs_page_loads_with_its_components_and_no_error(chromium, properdocs_site, real_site):
    """The smoke test: each page opens and nothing throws; our scripts start as many components on each page as
    they do on the MkDocs build."""
    started = _started(chromium, properdocs_site)
    assert len(started) >= 30 and sum(started.values()) > len(started)
    assert started == _started(chromium, real_site)


# --- Without the hook: the components come from the Markdown extension alone (as on Zensical) ---


def _copy_without_hooks(project: Path) -> Path:
    """The project with mkdocs.yml's `hooks:` (and its `watch:` entry) taken out; hooks/ stays importable."""
    import shutil

    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("editions.txt", "link-contract.txt"):  # the sheets' dates and the short addresses, as committed
        shutil.copy(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:\n  - hooks/reaching_out.py\n" in config and "\n  - hooks\n" in config
    config = config.replace("hooks:\n  - hooks/reaching_out.py\n", "").replace("\n  - hooks\n", "\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _mkdocs(project: Path, site: Path, *args: str, pdfs: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "RO_PDFS": "" if pdfs else "0"}  # the PDF cache is the project's (tests/support.py)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *args], cwd=project,
                          capture_output=True, text=True, timeout=900, env=env)


def test_without_the_hook_the_extension_and_the_steps_after_make_the_same_site(tmp_path, real_site):
    """mkdocs.yml with no `hooks:` still renders every component, page for page as with the hook, PDFs and all;
    `hooks/ro_after.py` then adds what only the hook did: the joined scripts and styles, the PDFs, the plan's
    catalogue, and the theme's inputs taken out. (Strict anchor checks fail without the hook: MkDocs does not
    read ids in raw HTML without its help; Zensical does.)"""
    project = _copy_without_hooks(tmp_path / "project")
    bare = _mkdocs(project, tmp_path / "bare", "--no-strict", pdfs=True)
    assert bare.returncode == 0, bare.stderr[-2000:]
    rendered = (tmp_path / "bare" / "prepare" / "index.html").read_text(encoding="utf-8")
    assert 'id="cl-the-day-before"' in rendered and "<!-- ro:" not in rendered
    assert not (tmp_path / "bare" / "assets" / "ro" / "ro.js").exists()  # the hook's, until the steps after
    after = subprocess.run([sys.executable, str(ROOT / "hooks" / "ro_after.py"), str(tmp_path / "bare")],
                           cwd=project, capture_output=True, text=True, timeout=900)
    assert after.returncode == 0, after.stderr
    # The English edition: the Spanish one (es/) is built by the hook only.
    ours = {name: path for name, path in _files(real_site).items() if not name.startswith("es/")}
    theirs = _files(tmp_path / "bare")
    assert sorted(theirs) == sorted(ours)
    assert len([name for name in ours if name.endswith(".pdf")]) >= 40
    assert [name for name in ours if ours[name].read_bytes() != theirs[name].read_bytes()] == []


def test_without_the_hook_a_data_error_stops_the_build_with_file_and_line(tmp_path):
    project = _copy_without_hooks(tmp_path / "project")
    questions = project / "docs" / "data" / "questions.yml"
    lines = questions.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = "  - id: [not, closed\n"
    questions.write_text("".join(lines), encoding="utf-8")
    done = _mkdocs(project, tmp_path / "site", "--strict")
    assert done.returncode == 1
    assert re.search(r"^  docs/data/questions\.yml:\d+: not valid YAML", done.stderr, re.M), done.stderr[-1500:]
    assert "Traceback" not in done.stderr


def test_without_the_hook_a_bad_marker_stops_the_build_with_file_and_line(tmp_path):
    project = _copy_without_hooks(tmp_path / "project")
    page = project / "docs" / "prepare.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<!-- ro:checklist no-such-list -->\n", encoding="utf-8")
    done = _mkdocs(project, tmp_path / "site", "--strict")
    assert done.returncode == 1
    line = len(text.splitlines()) + 2
    assert f"docs/prepare.md:{line}: unknown checklist 'no-such-list'" in done.stderr, done.stderr[-1500:]
    assert "Traceback" not in done.stderr


# --- Zensical 0.0.73: its build of a copy, then the steps after (as `ENGINE=zensical make build` does) ---


@pytest.mark.browser
def test_zensical_builds_the_guide_strictly_and_every_page_works(tmp_path, chromium, real_site):
    import shutil

    import ro_languages

    project = tmp_path / "project"
    for name in ("docs", "docs-es", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "editions.txt", "editions.es.txt", "link-contract.txt"):
        shutil.copy(ROOT / name, project / name)
    # The Spanish edition's config whole, as `make build ENGINE=zensical` writes it (Zensical's INHERIT appends lists).
    (project / "mkdocs.es.yml").write_text(ro_languages.flattened(ROOT / "mkdocs.es.yml"), encoding="utf-8")
    zensical = Path(sys.executable).parent / "zensical"
    for args in (["--clean"], ["-f", "mkdocs.es.yml"]):  # English into site/, then Spanish into site/es/
        built = subprocess.run([str(zensical), "build", *args, "--strict"], cwd=project, capture_output=True,
                               text=True, timeout=600, env={**os.environ, "NO_COLOR": "1"})
        assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    for args in (["site/es", "--config", "mkdocs.es.yml"], ["site"]):
        after = subprocess.run([sys.executable, str(ROOT / "hooks" / "ro_after.py"), *args], cwd=project,
                               capture_output=True, text=True, timeout=300)
        assert after.returncode == 0, after.stderr
    site = project / "site"
    assert not (site / "components").exists() and (site / "plan" / "items.json").is_file()
    assert "<!-- ro:" not in (site / "prepare" / "index.html").read_text(encoding="utf-8")
    spanish = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish and "Empiece aquí" in spanish and "Start here" not in spanish  # one menu
    assert 'data-ro-say-undo="Deshacer"' in (site / "es" / "network-map" / "index.html").read_text(encoding="utf-8")
    # Every component starts, no error, on every page of both editions.
    assert _started(chromium, site) == _started(chromium, real_site)
    # The steps after check the links as the hook does: a broken one is a line and exit code 1.
    page = site / "prepare" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="#cl-the-day-before"', 'href="#cl-gone"', 1),
                    encoding="utf-8")
    again = subprocess.run([sys.executable, str(ROOT / "hooks" / "ro_after.py"), "site"], cwd=project,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 1 and "prepare/index.html -> #cl-gone (no such anchor)" in again.stderr, again.stderr


def test_on_zensical_a_data_error_stops_the_build_with_file_and_line_once(tmp_path):
    import shutil

    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "hooks").mkdir()  # mkdocs.yml watches it
    questions = project / "docs" / "data" / "questions.yml"
    lines = questions.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = "  - id: [not, closed\n"
    questions.write_text("".join(lines), encoding="utf-8")
    zensical = Path(sys.executable).parent / "zensical"
    done = subprocess.run([str(zensical), "build", "--clean", "--strict"], cwd=project, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "NO_COLOR": "1"})
    said = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    assert done.returncode == 1
    assert len(re.findall(r"^  docs/data/questions\.yml:\d+: not valid YAML", said, re.M)) == 1, said[-2000:]
    assert "Traceback" not in said
