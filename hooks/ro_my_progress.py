"""My progress: an index of everything a reader can save, for `my-progress.html` and its script.

Imports no MkDocs. The browser stores only permanent ids (checklist and item ids, worksheet field
names, slot ids, network-category ids); this index turns them back into titles, labels and links
on the My progress page, so the script never needs Python's data. The index travels in one
attribute of the page (JSON, escaped by Jinja's `tojson`), not in a `<script>`: Material's instant
navigation re-runs scripts inside the page and would execute it. `tojson` sorts keys, so whatever
has an order (checklist items, worksheet fields and columns) is a list of [id, value] pairs.

Accessibility: the page is a set of headed sections; every control is a real button or a labelled
file input; results of export, import and clearing are announced through a polite live region.
Without JavaScript nothing is saved, and the page says so. Print: the saved entries, no controls.
"""

from __future__ import annotations

from collections.abc import Callable

from ro_data import Guide
from ro_safe_markdown import plain

# (component, target, anchor) → a link to that component on its home page, or None when it has none.
HomeLink = Callable[[str, str, str], str | None]


def index(guide: Guide, home: HomeLink) -> dict:
    """Describe every checklist, worksheet, message slot and network category a reader can save."""
    found: dict[str, dict] = {"checklists": {}, "worksheets": {}, "slots": {}, "network": {}}
    for checklist in guide.checklists.checklists if guide.checklists else ():
        found["checklists"][checklist.id] = _drop_none({
            "title": plain(checklist.title),
            "href": home("checklist", checklist.id, f"cl-{checklist.id}"),
            "items": [[item.id, plain(item.text)] for item in checklist.items],
        })
    for worksheet in guide.worksheets.worksheets if guide.worksheets else ():
        found["worksheets"][worksheet.id] = _drop_none({
            "title": plain(worksheet.title),
            "href": home("worksheet", worksheet.id, f"ws-{worksheet.id}"),
            "fields": [[field.id, _field(field)] for field in worksheet.all_fields()],
        })
    if guide.templates:
        for slot in (*guide.templates.shared_fields, *(s for t in guide.templates.templates for s in t.fields)):
            found["slots"].setdefault(slot.id, plain(slot.label))
    for group in guide.network.groups if guide.network else ():
        for category in group.categories:
            found["network"][category.id] = _drop_none({
                "title": plain(category.title),
                "group": plain(group.title),
                "href": home("network-map", "", f"net-{category.id}"),
            })
    return found


def _field(field) -> dict:
    described = {"label": plain(field.label), "type": field.type}
    if field.options:
        described["options"] = {o.id: plain(o.label) for o in field.options}
    if field.columns:
        described["columns"] = [
            [c.id, _drop_none({"label": plain(c.label), "type": c.type,
                               "options": {o.id: plain(o.label) for o in c.options} if c.options else None})]
            for c in field.columns
        ]
    return described


def _drop_none(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}
