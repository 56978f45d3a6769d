"""A summary for the counselor: `<!-- ro:summary -->` → `summary.html`, on My progress.

Imports no MkDocs. The reader checks what to share: each checklist's items done, the questions
picked, each worksheet's answers; nothing is checked at first, and a sentence says exactly what the
summary will show and what it will not before anything leaves the page. Then it prints as one page,
or becomes a link to the summary page (ro_summary_view) with everything after the `#`, so it never
reaches a server. The payload holds only permanent ids and the reader's own values, compressed
(deflate-raw, base64url) where the browser can; an index of the site's own titles and labels (built
here, shared with the view page) turns ids back into words. The index travels in one attribute (JSON,
escaped by Jinja's `tojson`); lists keep their order.

Accessibility: the choices are labelled checkboxes in fieldsets with legends; the statement of what
the summary holds is a polite live region, updated as the reader chooses; results of Copy are
announced. Without JavaScript nothing is saved, and only a note saying so shows, not the choices.
Print: "Print the summary" prints only the summary (title, date, what was chosen), no controls, on one
page for a summary of ordinary length; printing the page itself leaves the choices out.
"""

from __future__ import annotations

from markupsafe import Markup

import ro_i18n
from ro_component import Component, Context
from ro_markers import Marker
from ro_safe_markdown import plain


def index(guide) -> list[list[str]]:  # noqa: ANN001 - ro_data.Guide
    """Return the site's words for everything a summary can hold, as [key, text] pairs in the guide's order.

    A part is keyed `c:CHECKLIST`, `q` or `w:WORKSHEET` (its title); an entry of it `PART ITEM`: a checklist
    item, a question, or a worksheet control's name with a row cell's number left out (`w:ID field--column`,
    its text holding `{n}` where the number goes); an option's label is keyed `ENTRY=OPTION`.
    """
    pairs = []
    for checklist in guide.checklists.checklists if guide.checklists else ():
        part = f"c:{checklist.id}"
        pairs += [[part, plain(checklist.title)]] + [[f"{part} {i.id}", plain(i.text)] for i in checklist.items]
    if guide.questions:
        questions = guide.questions.all_questions()
        pairs += [["q", ro_i18n.gettext("Questions I picked")]] + [[f"q {q.id}", plain(q.text)] for _, q in questions]
    for worksheet in guide.worksheets.worksheets if guide.worksheets else ():
        part = f"w:{worksheet.id}"
        pairs.append([part, plain(worksheet.title)])
        for field in worksheet.all_fields():
            pairs.append([f"{part} {field.id}", plain(field.label)])
            for column in field.columns or ():
                key = f"{part} {field.id}--{column.id}"
                pairs.append([key, ro_i18n.gettext("%(field)s, row {n}, %(column)s") % {"field": plain(field.label),
                                                                                     "column": plain(column.label)}])
                pairs += [[f"{key}={o.id}", plain(o.label)] for o in column.options or ()]
            pairs += [[f"{part} {field.id}={o.id}", plain(o.label)] for o in field.options or ()]
    return pairs


class SummaryComponent(Component):
    """`<!-- ro:summary -->`: choose what to share with a counselor; print it or copy a link to it."""

    name = "summary"
    markers = ("summary",)

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the choices (every checklist and worksheet; the script shows those with something saved)."""
        guide = context.guide
        return context.render(self.partial, index=index(guide), view_href=context.href("summary-view") or "",
                              checklists=guide.checklists.checklists if guide.checklists else (),
                              worksheets=guide.worksheets.worksheets if guide.worksheets else (),
                              questions=bool(guide.questions))
