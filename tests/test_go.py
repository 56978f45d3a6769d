"""Short addresses (`go/NAME/`): named from a target, kept by the link contract, forwarding in a browser.

The expected forwarding URLs are worked out here from the contract's `page.md#anchor` targets and MkDocs'
directory URLs, not by ro_go, so a change in how ro_go forwards shows up as a difference.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

import ro_go
import ro_link_contract
import ro_site
from browser_support import serve

SHORT = ro_link_contract.read_short()


def _page_url(page: str) -> str:
    """The directory URL MkDocs gives a page, from the site's root: `prepare.md` → `prepare/`, `index.md` → ``."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


# --- Naming ---


@pytest.mark.parametrize(("link", "address"), [
    ("prepare.md#cl-the-day-before", "go/cl-the-day-before/"),
    ("prepare.md#cl-the-day-before--confirm", "go/cl-the-day-before--confirm/"),
    ("questions.md#q-how-did-you-start", "go/q-how-did-you-start/"),
    ("questions.md#qc-advice", "go/qc-advice/"),
    ("worksheets/conversation-prep.md#ws-conversation-prep", "go/ws-conversation-prep/"),
    ("prepare.md", "go/prepare/"),
    ("index.md", "go/start/"),
    ("worksheets/index.md", "go/worksheets/"),
    ("worksheets/conversation-prep.md", "go/worksheets-conversation-prep/"),
    ("reach-out.md#how-long-to-ask-for", "go/reach-out/how-long-to-ask-for/"),
])
def test_a_target_is_named_by_its_id_or_its_page(link, address):
    assert ro_go.name_of(link) == address


def test_the_contract_keeps_an_address_even_when_the_naming_would_change():
    found, problems = ro_go.addresses(["prepare.md#cl-x", "b.md"], {"go/old-name/": "prepare.md#cl-x"})
    assert problems == []
    assert found == {"go/old-name/": "prepare.md#cl-x", "go/b/": "b.md"}


def test_two_targets_that_would_share_an_address_are_an_error():
    found, problems = ro_go.addresses(["a.md#cl-x", "b.md#cl-x"])
    assert found == {"go/cl-x/": "a.md#cl-x"}
    assert problems == ["b.md#cl-x and a.md#cl-x would share the short address go/cl-x/ "
                        "(expected one target per address: rename a heading id)"]


# --- The contract ---


def test_every_current_target_has_a_short_address_in_the_contract(real_guide):
    from support import DOCS

    pages = {p.relative_to(DOCS).as_posix(): p.read_text() for p in sorted(DOCS.rglob("*.md"))}
    links = {t.link for t in ro_site.targets(real_guide, pages)}
    missing = sorted(links - set(SHORT.values()))
    assert missing == [], "run `make link-contract` to add them"


def test_every_short_address_in_the_contract_is_short_and_typeable():
    assert len(SHORT) >= 645
    for address in SHORT:
        assert re.fullmatch(r"go/[a-z0-9-]+/([a-z0-9-]+/)?", address), address
        assert len(address) <= 60, address


def test_every_short_address_of_the_contract_forwards_to_its_target(real_site):
    wrong = []
    for address, target in SHORT.items():
        html = real_site / address / "index.html"
        if not html.is_file():
            wrong.append(f"{address}: no page")
            continue
        page, _, anchor = target.partition("#")
        want = posixpath.relpath("/" + _page_url(page), "/" + address.rstrip("/"))
        want = (want if want.endswith("/") or want == "." else want + "/") + (f"#{anchor}" if anchor else "")
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
        link = soup.select_one("body a")["href"]
        script = soup.select_one("script").string
        if refresh != f"0; url={want}" or link != want or f'"{want}"' not in script:
            wrong.append(f"{address}: {refresh!r}, {link!r} (expected {want})")
        if soup.select_one('meta[name="robots"]')["content"] != "noindex":
            wrong.append(f"{address}: indexed")
    assert wrong == []


def test_internal_links_carry_their_short_address_for_print(real_site):
    soup = BeautifulSoup((real_site / "reach-out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    marked = soup.select(".md-content a[data-ro-go]")
    assert len(marked) >= 5
    for link in marked:
        address = link["data-ro-go"]
        assert address.startswith("reaching-out.github.io/go/"), address
        assert address.removeprefix("reaching-out.github.io/") in SHORT, address
    assert not soup.select("a.headerlink[data-ro-go]"), "the ¶ links do not print"
    assert not soup.select("a[data-ro-external][data-ro-go]")


def test_links_in_the_data_text_carry_their_short_address_too(real_site):
    """A checklist item's detail links the question bank (docs/data/checklists.yml)."""
    page = next(p for p in real_site.rglob("index.html")
                if p.relative_to(real_site).parts[0] != "es" and 'id="cl-before-you-reach-out"' in p.read_text())
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = soup.select("#cl-before-you-reach-out a[data-ro-go]")
    assert "reaching-out.github.io/go/questions/" in [a["data-ro-go"] for a in links]


def test_every_page_starts_with_where_it_came_from_for_print(real_site):
    soup = BeautifulSoup((real_site / "prepare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    block = soup.select_one(".md-content__inner > .ro-print-source")
    assert block is not None and block.has_attr("data-search-exclude")
    assert block.select_one(".ro-print-source__address").get_text() == "reaching-out.github.io/go/prepare/"
    assert "Reaching Out" in block.get_text()
    assert block.select_one("svg.ro-qr title").get_text() == "QR code: https://reaching-out.github.io/go/prepare/"
    index = (real_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "This page online" not in index


def test_the_block_leaves_the_page_title_to_its_heading(sample_site):
    """The engine names a page by its first heading; the block goes in after that (the sample's nav has no titles)."""
    soup = BeautifulSoup((sample_site / "template" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".ro-print-source") is not None
    assert soup.title.get_text().startswith(soup.select_one("article h1").get_text(strip=True).rstrip("¶"))
    assert soup.title.get_text().startswith("A message")


# --- In a browser ---


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(("address", "lands"), [
    ("go/cl-the-day-before/", "prepare/#cl-the-day-before"),
    ("go/q-how-did-you-start/", "questions/#q-how-did-you-start"),
    ("go/reach-out/how-long-to-ask-for/", "reach-out/#how-long-to-ask-for"),
    ("go/start/", ""),
])
def test_a_short_address_forwards_with_the_fragment(chromium, real_site, tmp_path, javascript, address, lands):
    """Served from a sub-path too, as a GitHub Pages project site is."""
    root = tmp_path / "root"
    shutil.copytree(real_site, root / "guide", symlinks=True)
    context = chromium.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        with serve(root) as url:
            page.goto(url + "guide/" + address)
            page.wait_for_url(url + "guide/" + lands, timeout=10_000)
            assert page.url == url + "guide/" + lands
    finally:
        context.close()


def _decode(png) -> list[str]:
    zbar = shutil.which("zbarimg")
    assert zbar, "the QR tests need zbarimg: apt-get install zbar-tools"
    result = subprocess.run([zbar, "--quiet", "--raw", str(png)], capture_output=True, text=True)
    return result.stdout.split()


@pytest.mark.browser
def test_a_printed_page_s_qr_code_reads_as_its_short_address(page, real_url, tmp_path):
    page.goto(real_url + "the-conversation/")
    page.emulate_media(media="print")
    code = page.locator(".ro-print-source svg.ro-qr")
    assert code.is_visible()
    code.screenshot(path=str(tmp_path / "qr.png"))
    assert _decode(tmp_path / "qr.png") == ["https://reaching-out.github.io/go/the-conversation/"]
    page.emulate_media(media="screen")
    assert not code.is_visible(), "the block is for paper only"
