"""Due this week: `<!-- ro:due-soon -->` → `due-soon.html`, the next steps the reader dated, soonest first.

Imports no MkDocs. A worksheet column marked `reminder: true` (ro_worksheet) is the date of a row's
next step. The build lists every such column, with the column that names the row (its first
short-text column, as the calendar reminder names it), the row's first checkbox column (a step
checked done is not due) and the link to the field on the worksheet's page; the script reads the
reader's saved rows and lists the dates that are past or within the next 7 days, compared in the
reader's own local day. The list travels in one attribute (JSON, escaped by Jinja's `tojson`).

Accessibility: a headed section with a plain list; each entry is a link to the row's name on its
worksheet, with the date in words. Without JavaScript nothing is saved, and the section says so.
Print: the list prints as it is shown; the note for readers without scripts does not.
"""

from __future__ import annotations

from markupsafe import Markup

from ro_component import Component, Context
from ro_markers import Marker
from ro_safe_markdown import plain


class DueSoonComponent(Component):
    """`<!-- ro:due-soon -->`: the dated next steps that are overdue or due in the next 7 days."""

    name = "due-soon"
    markers = ("due-soon",)
    default_level = 2

    def reminders(self, context: Context) -> list[list[str]]:
        """Return [worksheet, field, date column, name column, done column or "", field link, date label]."""
        found = []
        for worksheet in context.guide.worksheets.worksheets if context.guide.worksheets else ():
            for field in worksheet.all_fields():
                columns = field.columns or ()
                name = next((c.id for c in columns if c.type == "short-text"), None)
                done = next((c.id for c in columns if c.type == "checkbox"), "")
                href = context.href("worksheet", worksheet.id, field.id)
                found += [[worksheet.id, field.id, c.id, name, done, href, plain(c.label)]
                          for c in columns if c.reminder and name and href]
        return found

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the section, with the reminder columns for the script and links to their worksheets."""
        reminders = self.reminders(context)
        sheets = {r[0]: context.href("worksheet", r[0]) for r in reminders}
        titles = [(plain(context.guide.get("worksheet", w).title), href) for w, href in sheets.items()]
        return context.render(self.partial, reminders=reminders, sheets=titles)
