"""Shared fixtures: the sites built once per test run, the data loaded once per session, and the browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import DATA, ROOT, SAMPLE_DOCS, SAMPLE_NAV, build_site, built_once, real_build, start_real_build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site (every component, test data), built once per test run and shared by the workers."""
    return built_once(tmp_path_factory, "sample-site", lambda site: build_site(SAMPLE_DOCS, site, SAMPLE_NAV))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real guide, built once per test run with `mkdocs build --strict` as an author would."""
    build = real_build(tmp_path_factory)
    assert build.returncode == 0, build.stderr
    return build.site


def _needs(item) -> int:
    """0: no built site, 1: the sample site, 2: the real guide."""
    fixtures = getattr(item, "fixturenames", ())
    return 2 if "real_site" in fixtures else 1 if "sample_site" in fixtures else 0


def pytest_collection_modifyitems(items) -> None:
    """Run the tests that need the real guide last, so its build (in the background) is done by then."""
    items.sort(key=_needs)  # stable: the same order in every worker, as pytest-xdist requires


@pytest.fixture(scope="session", autouse=True)
def _real_guide_built_in_the_background(request, tmp_path_factory) -> None:
    """Start building the real guide as the run starts, if any test of the run needs it."""
    if any(_needs(item) == 2 for item in request.session.items):
        start_real_build(tmp_path_factory)


@pytest.fixture(scope="session")
def downloads(real_site) -> Path:
    """The real build's PDFs folder."""
    return real_site / "downloads"


@pytest.fixture(scope="session")
def readers(downloads) -> dict:
    """Every PDF of the real build, opened once, by file name."""
    from pypdf import PdfReader

    return {pdf.name: PdfReader(pdf) for pdf in sorted(downloads.glob("*.pdf"))}


@pytest.fixture(scope="session")
def real_guide():
    """The guide's own data, validated (models are immutable, so every test can share them)."""
    import ro_data

    return ro_data.load_guide(DATA, ROOT)


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

    import ro_registry
    import ro_site

    def _render(line: str, pages: dict[str, str] | None = None):
        site = ro_site.Site(sample_guide)
        site.check_pages(pages or {"questions.md": "<!-- ro:question-bank -->"})
        site.page = ro_site.PageContext("page.md", lambda target: f"/resolved/{target}")
        markers, problems = ro_registry.parse(line)
        assert not problems and len(markers) == 1, problems
        raw = str(site.render(markers[0]))
        soup = BeautifulSoup(raw, "html.parser")
        soup.raw_html = raw  # the markup as written, before the parser decodes entities
        return soup

    return _render


# Browser tests (Playwright + Chromium): one browser per session, the sites over local HTTP.
from browser_support import browsing, chromium, page, page_nojs, real_url, sample_url  # noqa: E402, F401
