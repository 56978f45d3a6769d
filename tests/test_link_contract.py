"""The link contract: every target ever published keeps resolving, through redirects and aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

import ro_link_contract
import ro_site
from support import DOCS, EDITIONS, SAMPLE_NAV, build_site, page_ids, redirect_maps


def _site_ids(site: Path) -> dict[str, set[str]]:
    found = {}
    for page in sorted(DOCS.rglob("*.md")):
        src = page.relative_to(DOCS).as_posix()
        html = site / ro_link_contract.html_path(src)
        if html.is_file():
            found[src] = page_ids(html.read_text(encoding="utf-8"))
    return found


def _redirects() -> dict[str, str]:
    return redirect_maps()


def _aliases(guide) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for alias in guide.aliases.aliases:
        result.setdefault(alias.page, {})[alias.old] = alias.new
    return result


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e or "en")
def test_every_published_target_still_resolves(real_site, real_guide, edition):
    """In both editions: the Spanish pages have the English paths and ids, so a counselor's link works in either."""
    contract = ro_link_contract.read_contract()
    assert len(contract) > 500
    assert ro_link_contract.unresolved(contract, _site_ids(real_site / edition), _redirects(),
                                       _aliases(real_guide)) == []


def test_every_current_target_is_in_the_contract(real_guide):
    pages = {p.relative_to(DOCS).as_posix(): p.read_text() for p in sorted(DOCS.rglob("*.md"))}
    missing = sorted({t.link for t in ro_site.targets(real_guide, pages)} - set(ro_link_contract.read_contract()))
    assert missing == [], "run `make link-contract` to add them"


def test_contract_covers_every_kind_of_target():
    contract = ro_link_contract.read_contract()
    for prefix in ("#cl-", "#q-", "#qc-", "#ws-", "#tpl-", "#net-"):
        assert any(prefix in link for link in contract), prefix
    assert "reach-out.md#how-long-to-ask-for" in contract


@pytest.mark.parametrize(
    ("links", "redirects", "aliases", "broken"),
    [
        (["a.md#x"], {}, {}, []),
        (["gone.md"], {}, {}, ["gone.md: the page is gone and no redirect names it (add one to redirect_maps)"]),
        (["old.md#x"], {"old.md": "a.md"}, {}, []),
        (["old.md#x"], {"old.md": "older.md", "older.md": "a.md"}, {}, []),
        (["loop.md"], {"loop.md": "loop.md"}, {}, ["loop.md: the page is gone and no redirect names it (add one "
                                                   "to redirect_maps)"]),
        (["a.md#renamed"], {}, {}, ["a.md#renamed: the anchor is gone from a.md and no alias names it (add one to "
                                    "docs/data/aliases.yml)"]),
        (["a.md#renamed"], {}, {"a.md": {"renamed": "x"}}, []),
        (["a.md#renamed"], {}, {"a.md": {"renamed": "also-gone"}}, ["a.md#renamed: the anchor is gone from a.md "
                                                                    "and no alias names it (add one to "
                                                                    "docs/data/aliases.yml)"]),
        (["old.md#renamed"], {"old.md": "a.md"}, {"a.md": {"renamed": "x"}}, []),
    ],
)
def test_resolution_rules(links, redirects, aliases, broken):
    assert ro_link_contract.unresolved(links, {"a.md": {"x"}}, redirects, aliases) == broken


@pytest.mark.parametrize(("page", "html"), [("index.md", "index.html"), ("reach-out.md", "reach-out/index.html"),
                                             ("worksheets/index.md", "worksheets/index.html"),
                                             ("worksheets/reflection.md", "worksheets/reflection/index.html")])
def test_html_path(page, html):
    assert ro_link_contract.html_path(page) == html


def test_a_page_with_aliases_carries_its_map(sample_site):
    from bs4 import BeautifulSoup

    html = BeautifulSoup((sample_site / "embedded" / "index.html").read_text(), "html.parser")
    script = html.select_one("script[data-ro-aliases]")
    assert script["type"] == "application/json"
    assert script.string == '{"closing-questions": "closing"}'
    other = BeautifulSoup((sample_site / "checklist" / "index.html").read_text(), "html.parser")
    assert other.select_one("script[data-ro-aliases]") is None


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("  - page: embedded.md\n    old: gone\n    new: nowhere\n",
         "docs/data/aliases.yml (embedded.md#gone): '#nowhere' is not on that page (expected an existing anchor)"),
        ("  - page: embedded.md\n    old: opening-questions\n    new: closing\n",
         "docs/data/aliases.yml (embedded.md#opening-questions): '#opening-questions' still exists on that page "
         "(expected an anchor that is gone)"),
        ("  - page: nope.md\n    old: a\n    new: b\n",
         "docs/data/aliases.yml (nope.md#a): the page does not exist (expected a page of the guide)"),
    ],
)
def test_bad_aliases_stop_the_build(tmp_path, sample_copy, alias, message):
    docs = sample_copy
    (docs / "data" / "aliases.yml").write_text("aliases:\n" + alias)
    result = build_site(docs, tmp_path / "site", SAMPLE_NAV, cli=True)
    assert result.returncode == 1
    assert message in result.stderr
