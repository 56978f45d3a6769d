"""A reader's summary: `<!-- ro:summary-view -->` → `summary-view.html`, the page a summary link opens.

Imports no MkDocs. The summary lives in the link's fragment (after the `#`, made on My progress by
ro_summary), which browsers never send to the server. The page holds the site's own index of titles
and labels (ro_summary.index); the script decodes the fragment (at most 100 KB once inflated), checks
every part's type, and shows the reader's values as text only, never as markup or links. Ids it does
not know (from a newer version of the guide) are skipped and counted; a damaged or hostile link shows
one message and nothing else. Opening a summary never writes to this browser's saved progress.

Accessibility: a note says whose copy it is and when it was made; the message is a status region;
the summary is headed sections and definition lists. Without JavaScript the page says it needs it.
Print: the note and the summary print as shown.
"""

from __future__ import annotations

from markupsafe import Markup

from ro_component import Component, Context
from ro_markers import Marker
from ro_summary import index


class SummaryViewComponent(Component):
    """`<!-- ro:summary-view -->`: a read-only view of the summary in the link."""

    name = "summary-view"
    markers = ("summary-view",)
    script = style = "summary"  # one script makes and reads summaries
    default_level = 2

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the shell and the index the script reads the link with."""
        return context.render(self.partial, index=index(context.guide))
