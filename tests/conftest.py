"""Shared fixtures: paths, and building a site with the real configuration."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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


def build_site(docs_dir: Path, site_dir: Path, nav: list | None = None):
    """Build a site with the project's mkdocs.yml, pointed at `docs_dir`; return the config."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
    if nav is not None:
        overrides["nav"] = nav
    config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
    build(config)
    return config


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site (every component, test data) built once per session."""
    site = tmp_path_factory.mktemp("sample-site")
    build_site(SAMPLE_DOCS, site, SAMPLE_NAV)
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real guide, built once per session with `mkdocs build --strict` as an author would."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("real") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A private copy of the sample docs a test may break."""
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, docs)
    return docs


@pytest.fixture(scope="session")
def sample_guide():
    """The sample data, validated."""
    import ro_data

    return ro_data.load_guide(SAMPLE_DOCS / "data", ROOT)


@pytest.fixture
def render(sample_guide):
    """Render one marker line with the sample data; return the parsed HTML."""
    from bs4 import BeautifulSoup

    import ro_components

    def _render(line: str, pages: dict[str, str] | None = None):
        site = ro_components.Site(sample_guide)
        site.check_pages(pages or {"questions.md": "<!-- ro:question-bank -->"})
        site.page = ro_components.PageContext("page.md", lambda target: f"/resolved/{target}")
        markers, problems = ro_components.parse(line)
        assert not problems and len(markers) == 1, problems
        raw = str(site.render(markers[0]))
        soup = BeautifulSoup(raw, "html.parser")
        soup.raw_html = raw  # the markup as written, before the parser decodes entities
        return soup

    return _render


# Browser tests (Playwright + Chromium): one browser per session, the sites over local HTTP.
from browser_support import browsing, chromium, page, page_nojs, real_url, sample_url  # noqa: E402, F401
