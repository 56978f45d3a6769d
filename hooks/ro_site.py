"""The guide's components for one build: each component's one home, checking every marker, dispatch.

Imports no MkDocs and names no component: everything it knows of one comes from its declaration in
the registry (ro_registry). `check_pages()` reads every page before the build, reports every bad
marker as `docs/PAGE.md:LINE: what is wrong (what was expected)` and records each component's home;
`render()` then renders one marker for the current page (ro_markdown calls it while Python-Markdown
converts the page) and notes the ids it published, for the engine's anchor validation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

import ro_go
import ro_pdf
import ro_registry
import ro_render
import ro_safe_markdown
from ro_component import LEVELS, Component, Context, Target
from ro_data import Guide
from ro_links import headings, page_title, section_plan_key
from ro_markers import Marker, MarkerError
from ro_model import strings


@dataclass
class PageContext:
    """The page being converted: where it is, and how to link from it to other pages of the guide."""

    src: str
    resolve: Callable[[str], str] | None = None


@dataclass
class Site:
    """Homes, checking and dispatch over the registry, for one build."""

    guide: Guide
    env: jinja2.Environment = field(default_factory=ro_render.environment)
    docs_prefix: str = "docs/"
    language: str = "en"  # the edition's (theme.language): "en" at the site's root, "es" in es/
    site_name: str = ""
    site_url: str = ""  # the address the guide is published at, printed on paper and used to tell links apart
    components: tuple[Component, ...] = ro_registry.COMPONENTS
    papers: dict = field(default_factory=lambda: dict(ro_pdf.PAPERS))
    # (component name, id or "") → (page, line) of its one home.
    homes: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    page: PageContext | None = None
    # (page, target page, anchor) of every link the components wrote, for the adapter to check.
    emitted_links: list[tuple[str, str, str]] = field(default_factory=list)
    # Ids each page's components published, so the engine accepts them as link targets.
    rendered_ids: dict[str, set[str]] = field(default_factory=dict)
    # Every page's Markdown, in reading order, for the components that list the whole guide.
    pages: dict[str, str] = field(default_factory=dict)
    # Where the plan page's catalogue is published, set by the adapter when there is one.
    plan_items_src: str | None = None
    # The PDFs of this build (ro_pdf.PdfBuild), set by the adapter before any page renders.
    downloads: object | None = None
    # The short addresses the link contract has published (`go/x/` → `page.md#x`), set by the adapter.
    contract_short: dict[str, str] = field(default_factory=dict)
    _short: dict[str, str] | None = None
    _short_of: dict[str, str] = field(default_factory=dict)
    _targets: list[Target] | None = None
    # Rendered inline text by (page, text): labels, tags and titles repeat within a page and its components.
    _inline: dict[tuple[str, str], Markup] = field(default_factory=dict)

    # --- Checking ---

    def check_pages(self, pages: dict[str, str]) -> list[str]:
        """Check every marker of every page (src → Markdown); record homes; return problems as messages."""
        found: list[tuple[str, int, str]] = []
        self.homes.clear()
        self.pages = dict(pages)
        self._targets = self._short = None
        for src, text in sorted(pages.items()):
            markers, problems = ro_registry.parse(text)
            found += [(src, line, problem) for line, problem in problems]
            shown: dict[str, int] = {}
            for marker in markers:
                problem = self.problem(marker) or self._place(marker, src) or self._once(marker, shown)
                if problem:
                    found.append((src, marker.line, problem))
        messages = [f"{self.docs_prefix}{src}:{line}: {problem}" for src, line, problem in sorted(found)]
        if not messages:
            _, clashes = ro_go.addresses([t.link for t in self.targets()], self.contract_short)
            messages += [f"{self.docs_prefix}{problem}" for problem in clashes]
        return messages

    def data_link_problems(self, has_page: Callable[[str], bool]) -> list[str]:
        """List the links in the data's text to a page of the guide that `has_page` does not know."""
        messages = []
        for kind, items in self.guide.by_kind.items():
            for item in items.values():
                for url in (u for text in strings(item) for u in ro_safe_markdown.links(text)):
                    path = url.split("#", 1)[0]
                    if ro_safe_markdown.is_safe_url(url) and path and ":" not in path and not has_page(path):
                        messages.append(f"{self.docs_prefix}data ({kind} '{item.id}'): link to '{url}' names no "
                                        f"page of the guide (expected a path like 'prepare.md#anchor', relative "
                                        f"to docs/)")
        return messages

    def problem(self, marker: Marker) -> str | None:
        """Say what is wrong with a marker's data, id and options, or None when it can be rendered."""
        component = ro_registry.component_of(marker)
        if component.data and getattr(self.guide, component.data) is None:
            return (f"'ro:{marker.name}' needs docs/data/{component.data_file}, which does not exist "
                    f"(expected that file)")
        level = marker.option("level")
        if level is not None and level not in LEVELS:
            return f"level={level} in 'ro:{marker.name}' (expected level=2, 3, 4 or none)"
        if level == "none" and component.headed:
            return f"level=none in 'ro:{marker.name}' (expected level=2, 3 or 4: its sections need headings)"
        if component.kind and self.guide.get(component.kind, marker.target) is None:
            known = self.guide.ids(component.kind)
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            return f"unknown {component.kind} '{marker.target}' (expected one of: {shown})"
        return component.check(self.guide, marker)

    def _place(self, marker: Marker, src: str) -> str | None:
        component = ro_registry.component_of(marker)
        if not component.unique:
            return None
        key = (component.name, marker.target or "")
        if key in self.homes:
            home, line = self.homes[key]
            what = f"{marker.name} '{marker.target}'" if marker.target else f"the {marker.name}"
            return (f"{what} is already on {self.docs_prefix}{home}:{line} (expected one home for each component; "
                    f"link to it there instead)")
        self.homes[key] = (src, marker.line)
        return None

    def _once(self, marker: Marker, shown: dict[str, int]) -> str | None:
        for question_id in ro_registry.component_of(marker).shown(self.guide, marker):
            if question_id in shown:
                return (f"question '{question_id}' is already shown on this page at line {shown[question_id]} "
                        f"(expected each question once per page)")
            shown[question_id] = marker.line
        return None

    # --- Homes and links ---

    def home_of(self, name: str, target: str = "") -> str | None:
        """Return the source path of the page a component (by name or marker name) lives on, or None."""
        found = self.homes.get((ro_registry.get(name).name, target))
        return found[0] if found else None

    def link_to(self, name: str, item: str = "", part: str | None = None) -> str | None:
        """Return a guide-relative link to a component's home, or to an item (and part) of it; None if homeless.

        `link_to("checklist", "the-day-before", "confirm")` is `prepare.md#cl-the-day-before--confirm`;
        `link_to("question-bank", "who-else")` is `questions.md#q-who-else`.
        """
        component = ro_registry.get(name)
        src = self.home_of(name, item if component.kind else "")
        if src is None:
            return None
        return f"{src}#{component.anchor(item, part)}" if item else src

    def href(self, name: str, resolve: Callable[[str], str] | None, item: str = "",
             part: str | None = None) -> str | None:
        """Like `link_to`, resolved for the page being rendered."""
        address = self.link_to(name, item, part)
        return None if address is None else ro_render.resolved(resolve, address)

    def targets(self) -> list[Target]:
        """Every target of the guide, page by page in reading order, components' items on their home page."""
        if self._targets is None:  # the same for every page of this build
            found: list[Target] = []
            for src, markdown in self.pages.items():
                found.append(Target(src, "", page_title(markdown, src), "page", plan_key=section_plan_key(src)))
                found += [Target(src, anchor, text, "section", level - 2, plan_key=section_plan_key(src, anchor))
                          for level, text, anchor in headings(markdown) if level > 1 and anchor]
                for marker in ro_registry.parse(markdown)[0]:
                    found += ro_registry.component_of(marker).targets(self.guide, src, marker)
            self._targets = found
        return self._targets

    def short_addresses(self) -> dict[str, str]:
        """Every short address of this build (ro_go), the contract's first, each with its target."""
        if self._short is None:
            self._short, _ = ro_go.addresses([t.link for t in self.targets()], self.contract_short)
            # A target's first address is the one published first (the contract's).
            self._short_of = {target: address for address, target in reversed(self._short.items())}
        return self._short

    def short_url(self, link: str) -> str:
        """Return the full short address of a target (`https://example.org/go/x/`); "" for none, or no site URL."""
        address = self.short_addresses() and self._short_of.get(link)
        return ro_go.short_url(self.site_url, address) if address else ""

    def plan_key_of_ref(self, ref: str) -> str:
        """Return the plan key of a plans.yml reference."""
        return ro_registry.plan_key_of_ref(ref)

    # --- Rendering ---

    def render(self, marker: Marker) -> Markup:
        """Render one marker for the current page, and note the ids it published there."""
        problem = self.problem(marker)
        src = self.page.src if self.page else ""
        if problem:
            raise MarkerError(f"{self.docs_prefix + src if self.page else 'a page'}:{marker.line}: {problem}")
        component = ro_registry.component_of(marker)
        context = Context(self, src, self.page.resolve if self.page else None, component.level(marker))
        html = component.render(context, marker)
        if self.page is not None:
            self.rendered_ids.setdefault(src, set()).update(component.anchors(self.guide, src, marker))
        return html

    def render_partial(self, partial: str, resolve: Callable[[str], str] | None, *, page: str,
                       **context: object) -> Markup:
        """Render a partial for `page`; every partial can name its components' ids with `anchor()`."""
        return ro_render.render(self.env, partial, resolve=resolve, cache=self._inline, cache_key=page,
                                short=self.typed_short if resolve is not None else None,
                                anchor=ro_registry.anchor, **context)

    def typed_short(self, link: str) -> str:
        """Return a target's short address as a person types it (`example.org/go/x/`), or "" for none."""
        return ro_go.typed(self.short_url(link))


def targets(guide: Guide, pages: dict[str, str]) -> list[Target]:
    """Return every target of the guide's `pages` (src → Markdown, in reading order)."""
    site = Site(guide)
    problems = site.check_pages(pages)
    if problems:
        raise MarkerError("\n".join(problems))
    return site.targets()
