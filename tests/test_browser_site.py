"""The whole built guide in Chromium: axe-core finds no WCAG 2.2 A/AA violation on any page, and no page asks
anything of another site. Plus the size budget of our own scripts and styles."""

from __future__ import annotations

import gzip
import json
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import Browsing, open_ready, store_before_load
from support import DOCS, EDITIONS, ROOT, redirect_maps

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ASSETS = ROOT / "overrides" / "assets" / "ro"
COMPONENTS = ROOT / "overrides" / "components"
BUDGET = 20 * 1024  # bytes, gzip level 9, all our own JS and CSS together (issue 15 sets 20 KB; it was 16)


def _pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a path relative to its root ("" for the home page).

    The short addresses' pages (`go/…/`) only forward; tests/test_go.py checks every one of them.
    """
    found = []
    for html in sorted(site.rglob("*.html")):
        path = html.relative_to(site).as_posix()
        if path.startswith(tuple(f"{edition}go/" for edition in EDITIONS)):
            continue
        found.append(path[: -len("index.html")] if path.endswith("index.html") else path)
    return found


def _expected_pages() -> list[str]:
    """The pages a build of the guide makes, known before it runs (so each can be a test of its own): one per
    Markdown page, the 404 page, and one per redirect (see test_axe_runs_on_every_built_page)."""

    import ro_link_contract

    sources = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")] + list(redirect_maps())
    html = [ro_link_contract.html_path(src) for src in sources] + ["404.html"]
    # Every page in both editions: the Spanish ones have the English paths, in es/.
    return sorted({edition + (path[: -len("index.html")] if path.endswith("index.html") else path)
                   for path in html for edition in EDITIONS})


PAGES = _expected_pages()


def _seeded_state(guide) -> dict:
    """Something saved for every component, from the real data, so axe also checks the filled-in views."""
    checklist = guide.checklists.checklists[0]
    worksheet = next(w for w in guide.worksheets.worksheets if any(f.type == "rows" for f in w.all_fields()))
    rows = next(f for f in worksheet.all_fields() if f.type == "rows")
    text = next(f for f in worksheet.all_fields() if f.type in ("short-text", "long-text"))
    category = guide.network.groups[0].categories[0]
    questions = [q for _, q in guide.questions.all_questions()][:3]
    return {
        "version": 1,
        "checklists": {checklist.id: {checklist.items[0].id: True}},
        "questions": [{"id": q.id, "text": q.text} for q in questions],
        "worksheets": {worksheet.id: {"values": {text.id: "Something I wrote", f"{rows.id}--1--{rows.columns[0].id}":
                                                 "A first row"}, "rows": {rows.id: rows.row_count + 1}}},
        "slots": {"your-name": "Sam Rivera"},
        "network": {category.id: [{"id": "p1", "name": "Aunt May", "note": "nurse", "asked": True, "talked": False}]},
    }


# A laptop (Playwright's default window) and a 390×844 phone with a touch screen.
DEVICES = {"laptop": {}, "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}}


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Details of violations only: axe still runs every rule, but does not describe every element that passed.
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                       "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}"
            for v in results.response["violations"] if set(v["tags"]) & set(WCAG_TAGS)]


def test_axe_runs_on_every_built_page(real_site):
    assert sorted(_pages(real_site)) == PAGES
    assert len(PAGES) >= len(list(DOCS.rglob("*.md")))


@pytest.fixture(scope="module")
def contexts(chromium):
    """One browser context per saved state and colour scheme for this module's axe tests, kept from test to test
    so that pages load from a warm cache; the state is saved again before every page loads."""
    made: dict[tuple, Browsing] = {}

    def context(state: dict, scheme: str = "light", device: str = "laptop") -> Browsing:
        key = (json.dumps(state, sort_keys=True), scheme, device)
        if key not in made:
            made[key] = Browsing(chromium, color_scheme=scheme, **DEVICES[device])
            store_before_load(made[key].context, state)
        return made[key]

    yield context
    for session in made.values():
        session.close()


@contextmanager
def _fresh_page(session: Browsing):
    """A new tab in a kept context; the test fails if one of our scripts throws in it."""
    session.errors.clear()
    page = session.new_page()
    try:
        yield page
    finally:
        page.close()
    assert session.errors == [], f"script errors: {session.errors}"


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "/")
def test_page_passes_axe_and_asks_nothing_of_other_sites(contexts, real_url, real_guide, path):
    """One test per page, so parallel workers share them."""
    with _fresh_page(contexts(_seeded_state(real_guide))) as page:
        origin = urlsplit(real_url).netloc
        elsewhere: list[str] = []
        page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https")
                and urlsplit(r.url).netloc != origin and elsewhere.append(f"{page.url} → {r.url}"))
        open_ready(page, real_url + path)
        assert _axe(page) == []
        assert elsewhere == []


SAMPLE_STATE = {
    "version": 1, "checklists": {"the-day-before": {"confirm": True}},
    "questions": [{"id": "who-else", "text": "Who else should I talk to?"}],
    "worksheets": {"conversation-prep": {"values": {"their-name": "Ana"}, "rows": {"contacts": 3}}},
    "slots": {"friend": "Lee"}, "network": {"family": [{"id": "p", "name": "May", "asked": True}]},
    "planner": {"items": ["c.the-day-before", "q.who-else"]}}
COMPONENT_PAGES = ["checklist/", "questions/", "embedded/", "worksheet/", "template/", "network-map/", "my-progress/",
                   "counselors/", "plan/#i=c.the-day-before,q.who-else,t.warm-request&n=Hi&v=1"]


@pytest.mark.browser
@pytest.mark.parametrize("path", COMPONENT_PAGES, ids=lambda p: p.split("#")[0])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES)
def test_component_pages_pass_axe_in_both_colour_schemes(contexts, sample_url, scheme, device, path):
    with _fresh_page(contexts(SAMPLE_STATE, scheme, device)) as page:
        open_ready(page, sample_url + path)
        if path == "questions/":  # a filtered view too
            page.get_by_role("checkbox", name="Closing", exact=True).check()
        if path == "counselors/":  # every group open, with the buttons the script adds
            page.eval_on_selector_all("details[data-ro-links-page]", "ds => ds.forEach(d => { d.open = true; })")
            page.wait_for_function("() => document.querySelectorAll('[data-ro-copy-link]').length"
                                   " === document.querySelectorAll('[data-ro-link-item]').length")
        if path.startswith("plan/"):  # the plan's items, from its catalogue
            page.wait_for_selector("[data-ro-plan-key='q.who-else'] [data-ro-pick]")
        assert _axe(page) == []


def _own_assets(folder: Path, only: str = "") -> dict[str, int]:
    return {f.name: len(gzip.compress(f.read_bytes(), compresslevel=9))
            for f in sorted(folder.iterdir()) if f.suffix in (".js", ".css") and f.name == (only or f.name)}


def _readable(folder: Path) -> Path:
    """Our scripts and styles as written, before the build minifies them, in `folder`: print.css, and the
    components' sources joined, unminified, into ro.js and ro.css (see hooks/ro_assets.py)."""
    import shutil

    import ro_assets

    for source in ASSETS.iterdir():
        if source.suffix in (".js", ".css"):
            shutil.copy(source, folder / source.name)
    names = sorted({p.stem for p in COMPONENTS.iterdir()} - {"core", "base"})
    for name, text in ro_assets.bundle(COMPONENTS, names, minified=False).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_own_scripts_and_styles_fit_the_budget(real_site, tmp_path):
    """What a reader downloads: the built site's copies, which the build minifies (see hooks/ro_assets.py)."""
    built = real_site / "assets" / "ro"
    readable = _readable(tmp_path)
    assert sorted(p.name for p in built.iterdir() if p.suffix in (".js", ".css")) == \
        sorted(p.name for p in readable.iterdir() if p.suffix in (".js", ".css"))
    sizes = _own_assets(built) | _own_assets(real_site, only="sw.js")  # the offline copy's worker is ours too
    total = sum(sizes.values())
    print(f"JS + CSS, gzip -9: {total} bytes ({total / 1024:.1f} KB) of {BUDGET} — {json.dumps(sizes)}")
    assert "ro.js" in sizes and "ro.css" in sizes
    assert total <= BUDGET, f"{total} bytes gzipped, over the {BUDGET}-byte budget: {sizes}"
    assert total < sum(_own_assets(readable).values()), "the built copies should be minified"


def test_pages_load_only_our_own_scripts_and_styles(real_site):
    """Every script and stylesheet a page names is a file of this site (no CDN, no fonts, no analytics)."""
    from bs4 import BeautifulSoup

    outside = []
    for html in real_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue  # an address, not a request
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                outside.append(f"{html.relative_to(real_site)}: {url}")
    assert outside == []


def test_no_script_holds_up_the_first_paint(real_site):
    """Every script file a page loads is deferred (Material's bundle too, see overrides/main.html), in order."""
    from bs4 import BeautifulSoup

    for path in ("index.html", "questions/index.html", "plan/index.html"):
        soup = BeautifulSoup((real_site / path).read_text(encoding="utf-8"), "html.parser")
        scripts = soup.select("script[src]")
        assert [s.has_attr("defer") for s in scripts] == [True] * len(scripts), path
        names = [s["src"].rsplit("/", 1)[-1] for s in scripts]
        assert names[0].startswith("bundle.") and names[-1] == "ro.js", names  # ours runs after Material's
