"""Checklists: `docs/data/checklists.yml` → models → the component → `overrides/partials/checklist.html`.

Accessibility: each checklist is a labelled group of real checkboxes, each inside its own <label>;
progress is announced through a polite live region once JavaScript adds persistence. Print: the
boxes print empty (or ticked, when filled in) and an item never splits across pages.
Without JavaScript: ticking works for the visit but is not saved. At the end of the checklist,
links to its printable PDFs (ro_pdf_links; hidden in print).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from pydantic import Field

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_model import Model, Slug, Text, drop_none, duplicate_ids
from ro_pdf_links import pdf_links
from ro_safe_markdown import plain
from ro_yaml import Loaded, Problem

FILE, FIELD = "checklists.yml", "checklists"


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


ROOT = ChecklistsFile  # the model of the whole file


def check(data: ChecklistsFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate checklist ids and duplicate item ids within a checklist."""
    problems = duplicate_ids(data.checklists, ("checklists",), loaded, "checklist")
    for index, checklist in enumerate(data.checklists):
        problems += duplicate_ids(checklist.items, ("checklists", index, "items"), loaded, "item")
    return problems


def index(data: ChecklistsFile) -> dict[str, dict]:
    """Return the checklists by id, for `Guide.get`."""
    return {"checklist": {c.id: c for c in data.checklists}}


# --- The component ---


class ChecklistComponent(Component):
    """`<!-- ro:checklist ID -->`: one checklist, its items linkable as `cl-ID--ITEM`."""

    name = "checklist"
    markers = ("checklist",)
    data, data_file, kind = FIELD, FILE, "checklist"
    prefix, plan_letter, saves, saved_title = "cl-", "c", "checklists", "Checklists"

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Return the checklist and each of its items."""
        checklist = guide.get("checklist", marker.target)
        found = [self.target(src, checklist.id, checklist.title, "checklist")]
        return found + [Target(src, self.anchor(checklist.id, i.id), i.text, "checklist-item", 1)
                        for i in checklist.items]

    def saved(self, guide: Any, href: Callable[[str, str | None], str | None]) -> dict:
        """Every checklist: title, link and items, for My progress."""
        return {c.id: drop_none({"title": plain(c.title), "href": href(c.id, None),
                                 "items": [[item.id, plain(item.text)] for item in c.items]})
                for c in (guide.checklists.checklists if guide.checklists else ())}

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the checklist, with the links to its PDFs when the build made them."""
        return context.render(self.partial, checklist=context.guide.get("checklist", marker.target),
                              pdf_links=pdf_links(context, "checklists", marker.target))
