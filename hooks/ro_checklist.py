"""Checklists: `docs/data/checklists.yml` → models → `overrides/partials/checklist.html`.

Accessibility: each checklist is a labelled group of real checkboxes, each inside its own <label>;
progress is announced through a polite live region once JavaScript adds persistence. Print: the
boxes print empty (or ticked, when filled in) and an item never splits across pages.
Without JavaScript: ticking works for the visit but is not saved.
"""

from __future__ import annotations

from pydantic import Field

from ro_model import Model, Slug, Text, duplicate_ids
from ro_yaml import Loaded, Problem


class Item(Model):
    """One thing to do."""

    id: Slug
    text: Text
    detail: Text | None = None


class Checklist(Model):
    """A short list of things to do at one moment of the process."""

    id: Slug
    title: Text
    intro: Text | None = None
    items: tuple[Item, ...] = Field(min_length=1)


class ChecklistsFile(Model):
    """The whole of checklists.yml."""

    checklists: tuple[Checklist, ...] = Field(min_length=1)


def check(data: ChecklistsFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate checklist ids and duplicate item ids within a checklist."""
    problems = duplicate_ids(data.checklists, ("checklists",), loaded, "checklist")
    for index, checklist in enumerate(data.checklists):
        problems += duplicate_ids(checklist.items, ("checklists", index, "items"), loaded, "item")
    return problems
