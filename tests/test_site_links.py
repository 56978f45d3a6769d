"""Broken links: every internal link and anchor in the built site resolves, downloads included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from support import Page


def broken_links(site: Path) -> list[str]:
    """Return `page -> link (reason)` for every internal link that does not resolve."""
    pages = {html: Page(html.read_text(encoding="utf-8")) for html in sorted(site.rglob("*.html"))}
    broken = []
    for html, parser in pages.items():
        base = "file://" + str(html)
        for link in parser.links:
            parsed = urlparse(link)
            if parsed.scheme in ("http", "https", "mailto", "tel", "data", "javascript"):
                continue  # not followed (no network here); requests to other origins are tested in the browser
            # The 404 page uses addresses from the site's root, as the server would serve them.
            target = urlparse(urljoin("file://" + str(site) + "/", link.lstrip("/")) if link.startswith("/")
                              else urljoin(base, link))
            path = Path(unquote(target.path))
            if link.startswith("#"):
                path = html
            elif path.is_dir() or link.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{html.relative_to(site)} -> {link} (no such file)")
                continue
            # A fragment holding "=" is a plan link's state (#i=…&n=…), read by the page's script, not an anchor.
            if target.fragment and "=" not in target.fragment and path.suffix == ".html":
                anchors = pages[path].ids if path in pages else set()
                if unquote(target.fragment) not in anchors:
                    broken.append(f"{html.relative_to(site)} -> {link} (no such anchor)")
    return broken


def test_no_broken_links_in_the_guide(real_site):
    assert broken_links(real_site) == []


def test_no_broken_links_in_the_sample_site(sample_site):
    assert broken_links(sample_site) == []


def test_the_checker_finds_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="#top">ok</a><a href="#nope">x</a>')
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#top">ok</a><a href="b/">x</a>'
                                         '<a href="a/#gone">x</a><a href="https://example.org/">external</a>')
    assert broken_links(tmp_path) == [
        "a/index.html -> #nope (no such anchor)",
        "index.html -> b/ (no such file)",
        "index.html -> a/#gone (no such anchor)",
    ]
