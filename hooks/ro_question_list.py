"""Short lists of questions inside a chapter: `<!-- ro:questions category=… -->` → `question-list.html`.

The questions come from the question bank (ro_question_bank); each links to its entry there and can
be picked for My questions like any question of the bank, by the bank's script. A list is chosen by
`category=`, `ids=` (in that order), `purpose=` and/or `phase=`; `limit=N` keeps the first N. A list
may be repeated on other pages, but a question is shown once per page (its id is its anchor).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_question_bank import FIELD, FILE, tags

SELECTORS = ("category", "ids", "purpose", "phase")


def select(guide: Any, marker: Marker) -> list:
    """Return the (category, question) pairs a `ro:questions` marker picks, in order."""
    pairs = guide.questions.all_questions() if guide.questions else []
    ids = [i for i in (marker.option("ids") or "").split(",") if i]
    if ids:
        by_id = {q.id: (c, q) for c, q in pairs}
        chosen = [by_id[i] for i in ids if i in by_id]
    else:
        category, purpose, phase = marker.option("category"), marker.option("purpose"), marker.option("phase")
        chosen = [
            (c, q) for c, q in pairs
            if category in (None, c.id) and purpose in (None, *q.purposes) and phase in (None, q.phase)
        ]
    limit = marker.option("limit")
    return chosen[: int(limit)] if limit and limit.isdigit() else chosen


class QuestionListComponent(Component):
    """`<!-- ro:questions … -->`: a few questions of the bank, where a chapter needs them."""

    name = "question-list"
    markers = ("questions",)
    data, data_file = FIELD, FILE
    options = (*SELECTORS, "limit", "level")
    unique = False
    prefix = "q-"
    script = style = "question-bank"  # the bank's picker and styles serve these lists too

    def check(self, guide: Any, marker: Marker) -> str | None:
        """Return a list needs a selection that names existing things and picks at least one question."""
        selectors = [k for k in SELECTORS if marker.option(k)]
        if not selectors:
            return "'ro:questions' needs category=, ids=, purpose= or phase= (expected at least one)"
        if marker.option("ids") and len(selectors) > 1:
            return "'ro:questions' with ids= takes no other selector (expected ids= alone, or category/purpose/phase)"
        for key in ("category", "purpose", "phase"):
            value = marker.option(key)
            if value is not None and guide.get(key, value) is None:
                return f"unknown {key} '{value}' (expected one of: {', '.join(guide.ids(key))})"
        for question_id in (marker.option("ids") or "").split(","):
            if question_id and guide.get("question", question_id) is None:
                return f"unknown question '{question_id}' in ids= (expected ids from docs/data/questions.yml)"
        limit = marker.option("limit")
        if limit is not None and (not limit.isdigit() or int(limit) < 1):
            return f"limit={limit} (expected a whole number of at least 1)"
        if not select(guide, marker):
            return "'ro:questions' selects no questions (expected a selection that matches at least one)"
        return None

    def shown(self, guide: Any, marker: Marker) -> list[str]:
        """Return the questions the list picks."""
        return [q.id for _, q in select(guide, marker)]

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """None: a question's home is the bank, where the link contract and plans find it."""
        return []

    def anchors(self, guide: Any, src: str, marker: Marker) -> list[str]:
        """Each question it shows carries its id here too, so a link to it from this page lands."""
        return [self.anchor(question_id) for question_id in self.shown(guide, marker)]

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the list; each question links to its entry in the bank."""
        return context.render(self.partial, questions=select(context.guide, marker),
                              bank_href=context.href("question-bank"), **tags(context.guide))
