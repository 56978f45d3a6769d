"""Checks over a built site, whatever engine built it: each page's ids and links, and the links that break.

Imports no MkDocs. `ro_after.py` runs `broken_links` after an engine without hooks (the MkDocs hook checks
the components' links while it builds); the tests run it on every build they make.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class Page(HTMLParser):
    """The ids (link targets: `id`, and `<a name>`) and the links (`href`, `src`) of one HTML page."""

    def __init__(self, html: str = ""):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        if html:
            self.feed(html)
            self.close()

    def handle_starttag(self, tag, attrs):  # noqa: ANN001, D102 - HTMLParser's API
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for key in ("href", "src"):
            if attributes.get(key) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(attributes[key])


def broken_links(site: Path, unbuilt: tuple[Path, ...] = (), served_at: str = "/") -> list[str]:
    """Return `page -> link (reason)` for every internal link that does not resolve (not into `unbuilt` folders).

    `served_at` is the address path the site is published at (`/es/` for the Spanish edition, in es/): an
    address from the server's root under it is a file of `site`.
    """
    pages = {html: Page(html.read_text(encoding="utf-8")) for html in sorted(site.rglob("*.html"))}
    broken = []
    for html, parser in pages.items():
        base = "file://" + str(html)
        for link in parser.links:
            parsed = urlparse(link)
            if parsed.scheme in ("http", "https", "mailto", "tel", "data", "javascript"):
                continue  # not followed (no network here); requests to other origins are tested in the browser
            # The 404 page uses addresses from the site's root, as the server would serve them.
            own = link.removeprefix(served_at) if link.startswith(served_at) else link.lstrip("/")
            target = urlparse(urljoin("file://" + str(site) + "/", own) if link.startswith("/")
                              else urljoin(base, link))
            path = Path(unquote(target.path))
            if link.startswith("#"):
                path = html
            elif path.is_dir() or link.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                if any(folder == path or folder in path.parents for folder in unbuilt):
                    continue
                broken.append(f"{html.relative_to(site)} -> {link} (no such file)")
                continue
            # A fragment holding "=" is a plan link's state (#i=…&n=…), read by the page's script, not an anchor.
            if target.fragment and "=" not in target.fragment and path.suffix == ".html":
                anchors = pages[path].ids if path in pages else set()
                if unquote(target.fragment) not in anchors:
                    broken.append(f"{html.relative_to(site)} -> {link} (no such anchor)")
    return broken
