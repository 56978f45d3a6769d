"""The network map: `docs/data/network-map.yml` → models → `network-map.html`.

Groups of people (and places to meet new ones), each category with a prompt and examples, so a
reader can brainstorm everyone they know. Accessibility: groups are headed sections; categories a
list. Without JavaScript it is a complete, printable brainstorm sheet; JavaScript adds a place to
write names under each category.
"""

from __future__ import annotations

from pydantic import Field

from ro_model import Model, Slug, Text, duplicate_ids
from ro_yaml import Loaded, Problem


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
