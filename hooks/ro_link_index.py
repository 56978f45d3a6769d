"""The link index for counselors: `<!-- ro:link-index -->` → `link-index.html`.

Imports no MkDocs. Every link target of the guide (ro_site.Site.targets: pages, sections and each
component's items, in reading order), grouped by page, with its address. The script adds "Copy link"
and "Add to plan" to a page's links when its group opens, and the plan builder that turns the chosen
items into one plan link (format: ro_links.plan_fragment). Without JavaScript it is a complete,
printable list of links. Accessibility: each page is a native disclosure (`<details>`); the search
box is a labelled search landmark; results are counted in a polite live region.
"""

from __future__ import annotations

from markupsafe import Markup

from ro_component import Component, Context
from ro_links import by_page
from ro_markers import Marker


class LinkIndexComponent(Component):
    """`<!-- ro:link-index -->`: every target of the guide, by page, with the plan builder."""

    name = "link-index"
    markers = ("link-index",)
    default_level = 2

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render every page's targets, and the plan builder when the guide has a plan page."""
        return context.render(self.partial, groups=by_page(context.site.targets()), plan_href=context.href("plan"))
