"""The network map: `docs/data/network-map.yml` → models → the component → `network-map.html`.

Groups of people (and places to meet new ones), each category with a prompt and examples, so a
reader can brainstorm everyone they know. Accessibility: groups are headed sections; categories a
list. Without JavaScript it is a complete, printable brainstorm sheet; JavaScript adds a place to
write names under each category, each person with labelled Asked / Talked to boxes and Edit / Remove
buttons (Edit opens a form in the row; a removal can be undone from the notice the partial holds in
every category). Print: the forms, buttons and notices are hidden; the names and notes print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from pydantic import Field

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_model import Model, Slug, Text, drop_none, duplicate_ids
from ro_safe_markdown import plain
from ro_yaml import Loaded, Problem

FILE, FIELD = "network-map.yml", "network"


class NetworkCategory(Model):
    """A kind of person you may know (or a place to meet people)."""

    id: Slug
    title: Text
    prompt: Text
    examples: tuple[Text, ...] = ()


class NetworkGroup(Model):
    """A group of categories, such as 'people who serve you'."""

    id: Slug
    title: Text
    intro: Text | None = None
    categories: tuple[NetworkCategory, ...] = Field(min_length=1)


class NetworkFile(Model):
    """The whole of network-map.yml."""

    groups: tuple[NetworkGroup, ...] = Field(min_length=1)


ROOT = NetworkFile  # the model of the whole file


def check(data: NetworkFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate group ids and category ids (unique across groups)."""
    problems = duplicate_ids(data.groups, ("groups",), loaded, "group")
    seen: dict[str, int] = {}
    for g_index, group in enumerate(data.groups):
        for c_index, category in enumerate(group.categories):
            line = loaded.line_of(("groups", g_index, "categories", c_index, "id"))
            if category.id in seen:
                problems.append(Problem(line, f"duplicate category id '{category.id}' (ids must be unique across "
                                              f"groups; first used on line {seen[category.id]})"))
            seen.setdefault(category.id, line)
    return problems


def index(data: NetworkFile) -> dict[str, dict]:
    """Return the categories by id (unique across groups), for `Guide.get`."""
    return {"network-category": {c.id: c for g in data.groups for c in g.categories}}


# --- The component ---


class NetworkMapComponent(Component):
    """`<!-- ro:network-map -->`: every group and category of people, linkable as `net-ID`, `net-group-ID`."""

    name = "network-map"
    markers = ("network-map",)
    data, data_file = FIELD, FILE
    headed = True
    prefix, prefixes, saves, saved_title = "net-", {"group": "net-group-"}, "network", "People in your network"

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Each group, and each category under it."""
        found: list[Target] = []
        for group in guide.network.groups:
            found.append(Target(src, self.anchor(group.id, of="group"), group.title, "network-group"))
            found += [Target(src, self.anchor(c.id), c.title, "network-category", 1) for c in group.categories]
        return found

    def saved(self, guide: Any, href: Callable[[str, str | None], str | None]) -> dict:
        """Every category: title, group and link, for My progress (names are saved by category id)."""
        return {c.id: drop_none({"title": plain(c.title), "group": plain(g.title), "href": href(c.id, None)})
                for g in (guide.network.groups if guide.network else ()) for c in g.categories}

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the whole map."""
        return context.render(self.partial, network=context.guide.network)
