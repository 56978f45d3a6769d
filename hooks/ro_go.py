"""Short addresses: `go/NAME/`, a small static page for every link target, forwarding to it (issue 14).

Imports no MkDocs. A printed sheet or page carries one that a person can type
(`reaching-out.github.io/go/cl-the-day-before/`) and a QR code of it (`qr_svg`). Names: a component's item
is its id (`go/cl-the-day-before/`, `go/q-how-did-you-start/`); a page is its path with `-` for `/`
(`go/prepare/`, `go/worksheets-conversation-prep/`; the start page is `go/start/`); a heading is the page,
then its id (`go/prepare/the-day-of/`). A forwarding page works without JavaScript (a meta refresh, and a
link to follow) and with it (`location.replace`), keeps the target's fragment, and is not indexed.

Short addresses join the link contract: link-contract.txt lists each published one (`go/NAME/ page.md#id`),
and the build writes those first, so an address once printed keeps forwarding even if this naming changes
or its target moves (it forwards to the old target, which a redirect or an alias keeps working).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from markupsafe import Markup

import ro_registry
import ro_render
from ro_links import relative, url_of

PREFIXES = tuple(sorted({p for c in ro_registry.COMPONENTS for p in (c.prefix, *c.prefixes.values()) if p}))


def name_of(link: str) -> str:
    """Return the short address of a target as written in a link: `prepare.md#cl-x` → `go/cl-x/`."""
    page, _, anchor = link.partition("#")
    stem = page.removesuffix(".md").removesuffix("/index").replace("/", "-")
    stem = "start" if stem in ("index", "") else stem
    if anchor and anchor.startswith(PREFIXES):
        return f"go/{anchor}/"
    return f"go/{stem}/{anchor}/" if anchor else f"go/{stem}/"


def addresses(links: Iterable[str], contract: Mapping[str, str] = {}) -> tuple[dict[str, str], list[str]]:
    """Return every short address → its target (the contract's first, then one per link), and any clashes."""
    found = dict(contract)
    taken = {link: address for address, link in contract.items()}
    problems = []
    for link in links:
        if link in taken:
            continue
        address = name_of(link)
        if address in found and found[address] != link:
            problems.append(f"{link} and {found[address]} would share the short address {address} "
                            f"(expected one target per address: rename a heading id)")
            continue
        found[address] = taken[link] = link
    return found, problems


def forward(link: str, address: str) -> str:
    """Return the URL, relative to the page at `address`, that its forwarding page leads to."""
    page, _, anchor = link.partition("#")
    url = relative(url_of(page), address)
    return f"{url}#{anchor}" if anchor else url


def pages(found: Mapping[str, str], titles: Mapping[str, str], site_name: str,
          site_url: str = "") -> Iterator[tuple[str, str]]:
    """Yield each short address's forwarding page: its path in the built site, and its HTML."""
    template = ro_render.environment().get_template("go.html")
    for address, link in found.items():
        page, _, anchor = link.partition("#")
        canonical = site_url.rstrip("/") + "/" + url_of(page).removeprefix("./") if site_url else ""
        yield f"{address}index.html", template.render(
            to=forward(link, address), title=titles.get(link, site_name), site_name=site_name,
            canonical=canonical + (f"#{anchor}" if canonical and anchor else ""),
        )


def write(site_dir: Path, found: Mapping[str, str], titles: Mapping[str, str], site_name: str,
          site_url: str = "") -> int:
    """Write a forwarding page for each short address into the built site; return how many."""
    count = 0
    for path, html in pages(found, titles, site_name, site_url):
        out = site_dir / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
        count += 1
    return count


def short_url(site_url: str, address: str) -> str:
    """Return the full web address of a short address (`https://example.org/go/x/`), or "" without a site URL."""
    return site_url.rstrip("/") + "/" + address if site_url else ""


def typed(url: str) -> str:
    """Return a web address as a person types it: without `https://`."""
    return url.removeprefix("https://").removeprefix("http://")


def qr_svg(url: str, label: str) -> Markup:
    """Return a QR code of `url` as inline SVG, with its quiet zone (4 modules) and its name as <title>.

    Error correction M (15 %) survives a crease or a pen mark; the size is set by the stylesheet. segno
    escapes the title.
    """
    import segno  # pure Python; imported when a QR code is first drawn

    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(border=4, omitsize=True, svgclass="ro-qr", lineclass=None, title=label))
