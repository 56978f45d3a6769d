"""My progress: `<!-- ro:my-progress -->` → `my-progress.html`, everything a reader saved, in one view.

Imports no MkDocs. The browser stores only permanent ids (checklist and item ids, worksheet field
names, slot ids, network-category ids); an index turns them back into titles, labels and links on
this page, so the script never needs Python's data. Each component that saves something describes
its own section (`Component.saves`, `saved()`); this one only gathers them, in the registry's order.
The index travels in one attribute of the page (JSON, escaped by Jinja's `tojson`), not in a
`<script>`: Material's instant navigation re-runs scripts inside the page and would execute it. The index
also carries the words for an import's report ("3 ticks added, 1 person updated"), so the script, which
every page downloads, does not.
`tojson` sorts keys, so whatever has an order (checklist items, worksheet fields and columns) is a
list of [id, value] pairs.

Accessibility: the page is a set of headed sections; every control is a real button, a labelled
file input, or one of two radios (merge or replace) in a fieldset with a legend; results of export,
import and clearing are announced through a polite live region.
Without JavaScript nothing is saved, and the page says so. Print: the saved entries, no controls.
"""

from __future__ import annotations

from markupsafe import Markup

import ro_i18n
from ro_component import Component, Context
from ro_markers import Marker

# What one saved item of each section is called in an import's report, singular and plural ("" for a section
# this list does not know, such as the planner's or a later version's).
NAMES = {"checklists": ("tick", "ticks"), "questions": ("question", "questions"), "worksheets": ("answer", "answers"),
         "slots": ("message detail", "message details"), "network": ("person", "people"),
         "": ("other item", "other items")}
# The report's phrases, whole, since a translation's words agree with the item ("2 respuestas actualizadas"):
# part → what merge() did → [one, more than one] ("{n} tick added", "{n} ticks added").
WORDS = {part: {verb: [f"{{n}} {name} {verb}" for name in pair] for verb in ("added", "updated", "removed")}
         for part, pair in NAMES.items()}


class MyProgressComponent(Component):
    """`<!-- ro:my-progress -->`: the page of everything saved, with export, import and clearing."""

    name = "my-progress"
    markers = ("my-progress",)
    default_level, headed = 2, True

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the page's controls and an index of what every component can save."""
        index, sections = {}, []
        for component in context.site.components:
            if not component.saves:
                continue

            def href(item: str, part: str | None, name: str = component.name) -> str | None:
                return context.href(name, item, part)

            described = component.saved(context.guide, href)
            if described is not None:
                index[component.saves] = described
                sections.append((component.saves, component.saved_title))
        index["words"] = {part: {verb: [ro_i18n.gettext(text) for text in pair] for verb, pair in verbs.items()}
                          for part, verbs in WORDS.items()}
        return context.render(self.partial, index=index, sections=sections, bank_href=context.href("question-bank"))

