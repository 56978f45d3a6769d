"""The link contract: every target the guide ever published, in `link-contract.txt`, kept working.

Imports no MkDocs. Counselors keep links in notes and handouts, so the file only grows: a test checks
that each target still resolves in the built site, directly, through a page redirect (mkdocs.yml
`redirect_maps`) or through an anchor alias (docs/data/aliases.yml). `make link-contract` (this
module as a script) adds the current targets and never removes any.

Short addresses (ro_go) are in the contract too, a line each: `go/NAME/ page.md#anchor`. The build reads
them (`read_short`) and keeps every one forwarding where it was published to, whatever ro_go's naming does.
"""

from __future__ import annotations

from pathlib import Path

import ro_go
from ro_data import load_guide
from ro_site import targets

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "link-contract.txt"


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_contract(path: Path = CONTRACT) -> list[str]:
    """Return the committed targets, one per line (comments start with #)."""
    return [line for line in _lines(path) if " " not in line]


def read_short(path: Path = CONTRACT) -> dict[str, str]:
    """Return the committed short addresses, each with the target it forwards to (`go/x/` → `page.md#x`)."""
    return dict(line.split(" ", 1) for line in _lines(path) if " " in line)


def write_contract(links: list[str], path: Path = CONTRACT, short: dict[str, str] | None = None) -> None:
    """Write the contract file: a short header, the targets sorted, then the short addresses sorted."""
    header = (
        "# Every link target Reaching Out has published. Counselors rely on these: each must keep working.\n"
        "# Add new ones with `make link-contract`. To retire one, keep it here and add a redirect (page moved,\n"
        "# mkdocs.yml redirect_maps) or an alias (anchor renamed, docs/data/aliases.yml).\n"
    )
    header += "# Short addresses (go/NAME/ target), printed on sheets and pages, are kept the same way.\n"
    lines = [*sorted(set(links)), *(f"{a} {t}" for a, t in sorted((short or read_short(path)).items()))]
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")


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


def main() -> None:
    """Add every current target that the contract does not list yet."""
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    current = [t.link for t in targets(load_guide(docs / "data", ROOT), pages)]
    known = read_contract()
    added = sorted(set(current) - set(known))
    short, problems = ro_go.addresses(current, read_short())
    if problems:
        raise SystemExit("\n".join(problems))
    new_short = len(short) - len(read_short())
    write_contract(known + added, short=short)
    print(f"link-contract.txt: {len(set(known + added))} targets ({len(added)} added), "
          f"{len(short)} short addresses ({new_short} added)")


if __name__ == "__main__":
    main()
