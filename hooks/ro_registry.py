"""The component registry: every component of the guide, in one ordered list, and lookups over it.

Imports no MkDocs. The order is the order of the unknown-marker message, of the scripts and styles
joined into `ro.js` and `ro.css`, and of the sections of My progress. Adding a component is one
module (see ro_component) and one line here; nothing else dispatches on component names.
"""

from __future__ import annotations

from functools import partial

from ro_checklist import ChecklistComponent
from ro_component import Component
from ro_downloads import DownloadsComponent
from ro_due_soon import DueSoonComponent
from ro_link_index import LinkIndexComponent
from ro_links import section_plan_key
from ro_markers import Marker
from ro_markers import parse as parse_with
from ro_message_template import MessageTemplateComponent
from ro_my_progress import MyProgressComponent
from ro_network_map import NetworkMapComponent
from ro_plan import PlanComponent
from ro_plans import PlansComponent
from ro_question_bank import QuestionBankComponent
from ro_question_list import QuestionListComponent
from ro_summary import SummaryComponent
from ro_summary_view import SummaryViewComponent
from ro_worksheet import WorksheetComponent

COMPONENTS: tuple[Component, ...] = (
    ChecklistComponent(),
    WorksheetComponent(),
    MessageTemplateComponent(),
    QuestionBankComponent(),
    NetworkMapComponent(),
    QuestionListComponent(),
    DueSoonComponent(),
    MyProgressComponent(),
    SummaryComponent(),
    LinkIndexComponent(),
    PlansComponent(),
    PlanComponent(),
    SummaryViewComponent(),
    DownloadsComponent(),
)
BY_NAME = {c.name: c for c in COMPONENTS}
# Every marker name, older ones too; authors are shown each component's first.
BY_MARKER = {m: c for c in COMPONENTS for m in c.markers}
SHOWN_MARKERS = tuple(c.markers[0] for c in COMPONENTS)
# A plans.yml reference names its item by data kind (`checklist:the-day-before`): its letter in a plan key.
PLAN_LETTERS = {c.plan_kind or c.kind: c.plan_letter for c in COMPONENTS if c.plan_letter}

parse = partial(parse_with, components=BY_MARKER, shown=SHOWN_MARKERS)
parse.__doc__ = "Find the guide's markers in a page's Markdown; return markers and (line, problem) pairs."


def get(name: str) -> Component:
    """Return the component a name or marker name names (KeyError when none does)."""
    return BY_NAME.get(name) or BY_MARKER[name]


def component_of(marker: Marker) -> Component:
    """Return the component a parsed marker names."""
    return BY_MARKER[marker.name]


def anchor(name: str, item: str = "", part: str | None = None, of: str | None = None) -> str:
    """Return the id of an item of component `name`, as its partials and links write it (see Component.anchor)."""
    return get(name).anchor(item, part, of)


def plan_key_of_ref(ref: str) -> str:
    """Turn a plans.yml reference (`question:x`, `section:page.md#a`) into a plan key."""
    kind, _, rest = ref.partition(":")
    if kind == "section":
        page, _, section = rest.partition("#")
        return section_plan_key(page, section)
    return f"{PLAN_LETTERS[kind]}.{rest}"


def asset_order() -> list[str]:
    """Return the names of the components' scripts and styles, in registry order, each once."""
    names: list[str] = []
    for component in COMPONENTS:
        for name in (component.script, component.style):
            if name and name not in names:
                names.append(name)
    return names
