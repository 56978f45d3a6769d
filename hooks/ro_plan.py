"""A client's plan page: `<!-- ro:plan -->` → `plan.html`, and its catalogue, `items.json`.

Imports no MkDocs. A plan lives in its link's fragment (`#i=KEY,KEY&n=NOTE&v=1`, see ro_links), which
browsers never send to the server. The page is a small shell; its script fetches the catalogue (from
the same site, the same request for every plan) and shows the chosen items in order. The catalogue
holds every item a plan can name, rendered by the same partials as the items' home pages and escaped
by Jinja, so the page stays small however large the guide grows. Without JavaScript the page says
how to get the links one by one. Accessibility: the plan's state is announced in a status message.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from ro_component import Component, Context
from ro_markers import Marker
from ro_question_bank import tags

CATALOGUE = "items.json"  # published beside the plan page


class PlanComponent(Component):
    """`<!-- ro:plan -->`: the page a plan link opens."""

    name = "plan"
    markers = ("plan",)
    default_level = 2

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the shell, pointing its script at the catalogue."""
        src = context.site.plan_items_src
        return context.render(self.partial, items_href=context.link(src) if src else None)


def catalogue(site, page: str, resolve: Callable[[str], str] | None) -> str:  # noqa: ANN001 - ro_site.Site
    """Render the catalogue as JSON: every item a plan can name, with links relative to the plan `page`."""
    context = Context(site, page, resolve, 3)
    guide = site.guide
    category_of = {q.id: c for c, q in guide.questions.all_questions()} if guide.questions else {}
    items = {}
    for target in site.targets():
        if not target.plan_key:
            continue
        letter, _, item_id = target.plan_key.partition(".")
        model = guide.get(target.kind, item_id) if letter != "s" else None
        html = context.render("plan-item.html", target=target, item=model, category=category_of.get(item_id),
                              bank_href=context.href("question-bank"), **tags(guide))
        items[target.plan_key] = {"kind": target.kind, "html": str(html)}
    return json.dumps({"version": 1, "items": items}, ensure_ascii=False, separators=(",", ":"))
