"""Anchor aliases: `docs/data/aliases.yml` keeps old links working after a heading or item id changes.

When an author renames an anchor, the old one goes here; the page then carries the map, and a small
script sends a visitor who arrives at `#old` to `#new`. Page moves are redirects in `mkdocs.yml`
(`redirect_maps`), not aliases. Whether `new` exists on the page is checked when the site is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated

from pydantic import Strict, StringConstraints

from ro_model import PATTERN_HELP, Model
from ro_yaml import Loaded, Problem

FILE, FIELD = "aliases.yml", "aliases"

ANCHOR_PATTERN = r"^[a-z0-9]+(-{1,2}[a-z0-9]+)*$"
PAGE_PATTERN = r"^[a-z0-9][a-z0-9/_.-]*\.md$"
PATTERN_HELP[ANCHOR_PATTERN] = "an anchor id without '#', like 'how-long-to-ask-for' or 'cl-the-day-before--confirm'"
PATTERN_HELP[PAGE_PATTERN] = "a page of the guide, relative to docs/, like 'reach-out.md'"
Anchor = Annotated[str, Strict(), StringConstraints(pattern=ANCHOR_PATTERN)]
PagePath = Annotated[str, Strict(), StringConstraints(pattern=PAGE_PATTERN)]


class Alias(Model):
    """An old anchor on a page that now lives under a new id."""

    page: PagePath
    old: Anchor
    new: Anchor


class AliasesFile(Model):
    """The whole of aliases.yml."""

    aliases: tuple[Alias, ...] = ()

    def for_page(self, page: str) -> dict[str, str]:
        """Old anchor → new anchor for one page."""
        return {a.old: a.new for a in self.aliases if a.page == page}


ROOT = AliasesFile  # the model of the whole file


def check(data: AliasesFile, loaded: Loaded) -> list[Problem]:
    """Find aliases that point at themselves or repeat an old anchor of the same page."""
    problems, seen = [], {}
    for index, alias in enumerate(data.aliases):
        line = loaded.line_of(("aliases", index, "old"))
        if alias.old == alias.new:
            problems.append(Problem(line, f"alias '{alias.old}' points at itself (expected a different new id)"))
        key = (alias.page, alias.old)
        if key in seen:
            problems.append(Problem(line, f"'{alias.old}' on {alias.page} already has an alias on line {seen[key]} "
                                          f"(expected one alias for each old anchor)"))
        seen.setdefault(key, line)
    return problems


def index(data: AliasesFile) -> dict[str, dict]:
    """Aliases are looked up by page, not by id."""
    return {}


def problems(aliases: Iterable[Alias], anchors_of: Callable[[str], set[str] | None], shown_as: str) -> list[str]:
    """Check the built pages: each alias leads from an anchor that is gone to one that exists, on a page that exists.

    `anchors_of(page)` gives the ids present on a built page, or None when there is no such page.
    """
    messages = []
    for alias in aliases:
        anchors = anchors_of(alias.page)
        where = f"{shown_as} ({alias.page}#{alias.old})"
        if anchors is None:
            messages.append(f"{where}: the page does not exist (expected a page of the guide)")
            continue
        if alias.new not in anchors:
            messages.append(f"{where}: '#{alias.new}' is not on that page (expected an existing anchor)")
        if alias.old in anchors:
            messages.append(f"{where}: '#{alias.old}' still exists on that page (expected an anchor that is gone)")
    return messages
