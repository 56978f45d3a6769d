"""The Python-Markdown extension that turns the guide's markers into components while a page converts.

Imports no MkDocs. The preprocessor replaces each marker line with the component the site renders
(stashed as raw HTML, so Markdown leaves it alone); a tree processor marks links to other sites so
print.css can write their address on paper.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

import ro_registry
import ro_safe_markdown
from ro_site import Site


class _MarkerPreprocessor(Preprocessor):
    """Replace each marker line with the rendered component, stashed as raw HTML."""

    def __init__(self, md: Markdown, site: Site):
        super().__init__(md)
        self.site = site

    def run(self, lines: list[str]) -> list[str]:
        markers, _problems = ro_registry.parse("\n".join(lines))
        if not markers:
            return lines
        by_line = {m.line: m for m in markers}
        out: list[str] = []
        for number, line in enumerate(lines, start=1):
            marker = by_line.get(number)
            if marker is None:
                out.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip())]
            placeholder = self.md.htmlStash.store(self.site.render(marker))
            out += ["", indent + placeholder, ""]
        return out


class _ExternalLinks(Treeprocessor):
    """Mark the page's links to other sites with `data-ro-external`, so print.css writes their address.

    Material's instant navigation makes every internal link absolute in the browser, so the stylesheet
    cannot tell them apart by itself. Components mark their own links (see ro_safe_markdown, which marks every
    http(s) link, the guide's own address included). Links written as raw HTML in a page are not marked.
    """

    def __init__(self, md: Markdown, site: Site):
        super().__init__(md)
        self.site = site

    def run(self, root) -> None:  # noqa: ANN001 - an ElementTree element
        own = self.site.site_url
        for link in root.iter("a"):
            href = link.get("href", "")
            if ro_safe_markdown.is_external(href) and not (own and href.startswith(own)):
                link.set("data-ro-external", "")


class MarkerExtension(Extension):
    """Python-Markdown extension that turns Reaching Out markers into components."""

    def __init__(self, site: Site, **kwargs: object):
        """Render markers with `site`."""
        self.site = site
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register the preprocessor after fenced code is stashed and before raw HTML is."""
        md.preprocessors.register(_MarkerPreprocessor(md, self.site), "reaching_out_markers", 22)
        # After inline patterns made the links (20), before MkDocs rewrites relative ones (0).
        md.treeprocessors.register(_ExternalLinks(md, self.site), "reaching_out_external_links", 5)
