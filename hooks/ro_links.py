"""Links: the headings of a page, plan keys and the plan link's fragment, and targets grouped by page.

Imports no MkDocs. Targets (ro_component.Target) are written the way authors write links: `page.md`
for a page and `page.md#anchor` for a heading or a component's item; headings carry explicit ids, so
the Markdown source is enough. The site (ro_site) gathers every target; the committed contract that
keeps them working is ro_link_contract.
"""

from __future__ import annotations

import posixpath
import re

from ro_component import Target
from ro_markers import fenced

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\})?\s*$")


def section_plan_key(page: str, anchor: str = "") -> str:
    """Return the plan key of a page (`s.reach-out`) or of a section of it (`s.reach-out:how-long-to-ask-for`)."""
    return f"s.{page.removesuffix('.md')}" + (f":{anchor}" if anchor else "")


def plan_fragment(keys: list[str], note: str = "") -> str:
    """Return the fragment of a plan link, `#i=KEY,KEY&n=NOTE&v=1`.

    Keys use only URL-safe characters; the note is percent-encoded. `v=1` (the format's version) comes
    last, so a link cut off anywhere is noticed.
    """
    from urllib.parse import quote

    fragment = "i=" + ",".join(keys)
    if note:
        fragment += f"&n={quote(note, safe='')}"
    return f"#{fragment}&v=1"


def headings(markdown: str) -> list[tuple[int, str, str | None]]:
    """Return (level, text, id) for every ATX heading outside fenced code."""
    found = []
    for _, line in fenced(markdown):
        match = _HEADING.match(line)
        if match:
            found.append((len(match.group("hashes")), match.group("text").strip(), match.group("id")))
    return found


def page_title(markdown: str, fallback: str) -> str:
    """Return the page's `# Title`, or a fallback."""
    return next((text for level, text, _ in headings(markdown) if level == 1), fallback)


def by_page(found: list[Target]) -> list[tuple[Target, list[Target]]]:
    """Group targets under their page, keeping order: [(page target, [its other targets])]."""
    groups: list[tuple[Target, list[Target]]] = []
    for target in found:
        if target.kind == "page":
            groups.append((target, []))
        elif groups:
            groups[-1][1].append(target)
    return groups


def nav_order(nav: list) -> dict[str, int]:
    """Map each page of the nav to its position, so guide-wide lists follow the reading order."""
    order: dict[str, int] = {}

    def walk(entries: object) -> None:
        for entry in entries if isinstance(entries, list) else [entries]:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str):
                order.setdefault(value, len(order))

    walk(nav)
    return order


def url_of(src: str) -> str:
    """Return a page's URL, directory style: `prepare.md` → `prepare/`, `worksheets/index.md` → `worksheets/`.

    Any other file of the site keeps its path (`plan/items.json`).
    """
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index":
        return "./"  # as MkDocs writes the start page's URL
    return stem[:-5] if stem.endswith("/index") else stem + "/"


def relative(url: str, here: str) -> str:
    """Return `url` (from the site's root; "./" is the start page) as seen from the page at `here`, as MkDocs does."""
    found = posixpath.relpath("/" + url, "/" + (here or "."))
    if found == ".":
        return "./"
    return found + "/" if url.endswith("/") else found
