"""The guide on another engine: ProperDocs 1.6.7, the drop-in MkDocs 1.6 fork, builds it strictly, to the same
site as MkDocs, and its pages work in a browser (issue 12). Zensical is the canary's (`make canary`), not CI's."""

from __future__ import annotations

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
    """Open every page of `site`; return how many components our scripts started on each (none may fail)."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
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
