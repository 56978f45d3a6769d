"""Every link target the guide publishes, and the committed contract that keeps them working.

Imports no MkDocs. Targets are written the way authors write links: `page.md` for a page and
`page.md#anchor` for a heading or a component's item. They come from the Markdown (headings carry
explicit ids, so the source is enough) and from the data (each component's items, on its home page).
`link-contract.txt` lists every target ever published; a test checks each one still resolves through
a page redirect or an anchor alias. `python hooks/ro_links.py` adds new targets to the file and
never removes any.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ro_data import Guide, load_guide

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "link-contract.txt"
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\})?\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Target:
    """One linkable place: a page, or an anchor on it, with the words a person would recognise it by."""

    page: str
    anchor: str
    title: str
    kind: str  # page, section, checklist, checklist-item, question-category, question, worksheet, ...
    depth: int = 0  # nesting for display: sections by heading level, items under their component

    @property
    def link(self) -> str:
        """The target as written in a Markdown link."""
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def plan_key(self) -> str | None:
        """The short key a plan link uses for this target, or None when it cannot be part of a plan."""
        return plan_key(self.kind, self.page, self.anchor)


# A plan link names its items with these keys: `s.` a page or section, then one letter per component.
PLAN_PREFIX = {"checklist": "c", "question": "q", "worksheet": "w", "template": "t"}


def plan_key(kind: str, page: str, anchor: str) -> str | None:
    """Return the plan key of a target, like `s.reach-out:how-long-to-ask-for` or `c.the-day-before`."""
    if kind == "page":
        return f"s.{page.removesuffix('.md')}"
    if kind == "section":
        return f"s.{page.removesuffix('.md')}:{anchor}"
    if kind in PLAN_PREFIX:
        return f"{PLAN_PREFIX[kind]}.{anchor.split('-', 1)[1]}"
    return None


def plan_key_of_ref(ref: str) -> str:
    """Turn a plans.yml reference (`question:x`, `section:page.md#a`) into a plan key."""
    kind, _, rest = ref.partition(":")
    if kind == "section":
        page, _, anchor = rest.partition("#")
        return plan_key("section" if anchor else "page", page, anchor)
    return f"{PLAN_PREFIX[kind]}.{rest}"


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
    found, fence = [], None
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = _HEADING.match(line)
        if match:
            found.append((len(match.group("hashes")), match.group("text").strip(), match.group("id")))
    return found


def page_title(markdown: str, fallback: str) -> str:
    """Return the page's `# Title`, or a fallback."""
    return next((text for level, text, _ in headings(markdown) if level == 1), fallback)


def targets(guide: Guide, pages: dict[str, str]) -> list[Target]:
    """Every target of the guide, page by page in the order given, components under their home page."""
    from ro_components import parse  # here, not at the top: ro_components renders the link index with this module

    result: list[Target] = []
    for src, markdown in pages.items():
        result.append(Target(src, "", page_title(markdown, src), "page"))
        for level, text, anchor in headings(markdown):
            if level > 1 and anchor:
                result.append(Target(src, anchor, text, "section", level - 2))
        markers, _ = parse(markdown)
        for marker in markers:
            result += _component_targets(guide, src, marker)
    return result


def _component_targets(guide: Guide, src: str, marker) -> list[Target]:
    found: list[Target] = []
    if marker.name == "checklist":
        checklist = guide.get("checklist", marker.target)
        found.append(Target(src, f"cl-{checklist.id}", checklist.title, "checklist"))
        found += [Target(src, f"cl-{checklist.id}--{i.id}", i.text, "checklist-item", 1) for i in checklist.items]
    elif marker.name == "worksheet":
        worksheet = guide.get("worksheet", marker.target)
        found.append(Target(src, f"ws-{worksheet.id}", worksheet.title, "worksheet"))
        found += [Target(src, f"ws-{worksheet.id}--{f.id}", f.label, "worksheet-field", 1)
                  for f in worksheet.all_fields()]
    elif marker.name == "template":
        template = guide.get("template", marker.target)
        found.append(Target(src, f"tpl-{template.id}", template.title, "template"))
    elif marker.name == "question-bank":
        for category in guide.questions.categories:
            found.append(Target(src, f"qc-{category.id}", category.title, "question-category"))
            found += [Target(src, f"q-{q.id}", q.text, "question", 1) for q in category.questions]
    elif marker.name == "network-map":
        for group in guide.network.groups:
            found.append(Target(src, f"net-group-{group.id}", group.title, "network-group"))
            found += [Target(src, f"net-{c.id}", c.title, "network-category", 1) for c in group.categories]
    return found


def by_page(found: list[Target]) -> list[tuple[Target, list[Target]]]:
    """Group targets under their page, keeping order: [(page target, [its other targets])]."""
    groups: list[tuple[Target, list[Target]]] = []
    for target in found:
        if target.kind == "page":
            groups.append((target, []))
        elif groups:
            groups[-1][1].append(target)
    return groups


def read_contract(path: Path = CONTRACT) -> list[str]:
    """Return the committed targets, one per line (comments start with #)."""
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def write_contract(links: list[str], path: Path = CONTRACT) -> None:
    """Write the contract file: a short header, then the targets sorted."""
    header = (
        "# Every link target Reaching Out has published. Counselors rely on these: each must keep working.\n"
        "# Add new ones with `make link-contract`. To retire one, keep it here and add a redirect (page moved,\n"
        "# mkdocs.yml redirect_maps) or an alias (anchor renamed, docs/data/aliases.yml).\n"
    )
    path.write_text(header + "".join(f"{link}\n" for link in sorted(set(links))), encoding="utf-8")


def main() -> None:
    """Add every current target that the contract does not list yet."""
    docs = ROOT / "docs"
    guide = load_guide(docs / "data", ROOT)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    current = [t.link for t in targets(guide, pages)]
    known = read_contract()
    added = sorted(set(current) - set(known))
    write_contract(known + added)
    print(f"link-contract.txt: {len(set(known + added))} targets ({len(added)} added)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()


def html_path(page: str) -> str:
    """Where a page's HTML lands in the built site (MkDocs' directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def unresolved(links: list[str], site_ids: dict[str, set[str]], redirects: dict[str, str],
               aliases: dict[str, dict[str, str]]) -> list[str]:
    """Return the links that no longer resolve, each with the reason.

    `site_ids` maps each built page (as `page.md`) to the ids present on it; `redirects` maps moved
    pages to their new page; `aliases` maps a page to its old → new anchors.
    """
    broken = []
    for link in links:
        page, _, anchor = link.partition("#")
        seen = set()
        while page not in site_ids and page in redirects and page not in seen:
            seen.add(page)
            page = redirects[page]
        if page not in site_ids:
            broken.append(f"{link}: the page is gone and no redirect names it (add one to redirect_maps)")
            continue
        if anchor and anchor not in site_ids[page]:
            new = aliases.get(page, {}).get(anchor) or aliases.get(link.partition("#")[0], {}).get(anchor)
            if not new or new not in site_ids[page]:
                broken.append(f"{link}: the anchor is gone from {page} and no alias names it "
                              f"(add one to docs/data/aliases.yml)")
    return broken
