"""Ready-made plans: `docs/data/plans.yml` → the component → `plans.html`, for counselors to hand a client.

Each item is a reference `kind:id` (question, checklist, worksheet, template) or `section:page.md#id`.
References to data are checked when the data loads; section references when the site is built.
"""

from __future__ import annotations

from typing import Annotated, Any

from markupsafe import Markup
from pydantic import Field, Strict, StringConstraints

from ro_component import Component, Context
from ro_links import plan_fragment
from ro_markers import Marker
from ro_model import PATTERN_HELP, Model, Slug, Text, duplicate_ids
from ro_yaml import Loaded, Problem

FILE, FIELD = "plans.yml", "plans"

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


ROOT = PlansFile  # the model of the whole file


def check(data: PlansFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate plan ids (references are checked against the whole guide)."""
    return duplicate_ids(data.plans, ("plans",), loaded, "plan")


def index(data: PlansFile) -> dict[str, dict]:
    """Return the plans by id, for `Guide.get`."""
    return {"plan": {p.id: p for p in data.plans}}


# --- The component ---


class PlansComponent(Component):
    """`<!-- ro:plans -->`: each ready-made plan with its items and a link that opens it as a plan page."""

    name = "plans"
    markers = ("plans",)
    data, data_file = FIELD, FILE
    prefix = "plan-"
    script = None  # links only: the plan page (ro_plan) and the link index's builder do the work

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render every plan: what it is for, its items (linked) and its plan link."""
        site = context.site
        titles: dict[str, Any] = {t.plan_key: t for t in site.targets() if t.plan_key}
        plans = []
        for plan in context.guide.plans.plans:
            keys = [site.plan_key_of_ref(ref) for ref in plan.items]
            plans.append((plan, [(key, titles.get(key)) for key in keys], plan_fragment(keys, plan.note or "")))
        return context.render(self.partial, plans=plans, plan_href=context.href("plan"))
