"""Ready-made plans: `docs/data/plans.yml` — lists of guide items a counselor can hand a client.

Each item is a reference `kind:id` (question, checklist, worksheet, template) or `section:page.md#id`.
References to data are checked when the data loads; section references when the site is built.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict, StringConstraints

from ro_model import PATTERN_HELP, Model, Slug, Text, duplicate_ids
from ro_yaml import Loaded, Problem

REF_KINDS = ("question", "checklist", "worksheet", "template")
REF_PATTERN = r"^((question|checklist|worksheet|template):[a-z0-9]+(-[a-z0-9]+)*|section:[a-z0-9/_.-]+\.md#[a-z0-9-]+)$"
PATTERN_HELP[REF_PATTERN] = (
    "a reference like 'question:ask-for-names', 'checklist:ID', 'worksheet:ID', 'template:ID' "
    "or 'section:page.md#heading-id'"
)
Ref = Annotated[str, Strict(), StringConstraints(pattern=REF_PATTERN)]


class Plan(Model):
    """A named sequence of steps for a common situation."""

    id: Slug
    title: Text
    situation: Text
    note: Text | None = None
    items: tuple[Ref, ...] = Field(min_length=1)


class PlansFile(Model):
    """The whole of plans.yml."""

    plans: tuple[Plan, ...] = Field(min_length=1)


def check(data: PlansFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate plan ids (references are checked against the whole guide)."""
    return duplicate_ids(data.plans, ("plans",), loaded, "plan")
