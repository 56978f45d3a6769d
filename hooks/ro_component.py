"""What a component is: the declaration every component module makes, and what it renders with.

Imports no MkDocs. A component module (ro_checklist, ro_worksheet, …) defines one subclass of
`Component` whose class attributes declare it — its name, marker, data, options, anchor prefix,
uniqueness, saved state and partial — in the manner of pymdown-extensions' Blocks, and whose methods
say what is wrong with a marker, which link targets it publishes and how it renders. The registry
(ro_registry) lists them; the site (ro_site) checks and dispatches over that list and knows no
component by name. A component never imports the registry or the site: what it needs of them comes
in a `Context`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from markupsafe import Markup

import ro_render
from ro_markers import Marker

LEVELS = ("2", "3", "4", "none")  # what `level=` may say


@dataclass(frozen=True)
class Target:
    """One linkable place: a page, or an anchor on it, with the words a person would recognise it by."""

    page: str
    anchor: str
    title: str
    kind: str  # page, section, checklist, checklist-item, question-category, question, worksheet, ...
    depth: int = 0  # nesting for display: sections by heading level, items under their component
    plan_key: str | None = None  # the short key a plan link names it by, or None when no plan can hold it

    @property
    def link(self) -> str:
        """The target as written in a Markdown link."""
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


@dataclass
class Context:
    """What a component renders with: the site (guide, homes, downloads), the page, its link resolver, a level."""

    site: Any  # ro_site.Site; typed loosely so that components do not import the site
    src: str
    resolve: Callable[[str], str] | None
    level: int | None

    @property
    def guide(self) -> Any:
        """The validated data (ro_data.Guide)."""
        return self.site.guide

    def render(self, partial: str, **context: object) -> Markup:
        """Render a partial for this page, with the level unless the context gives one."""
        context.setdefault("level", self.level)
        return self.site.render_partial(partial, self.resolve, page=self.src, **context)

    def href(self, name: str, item: str = "", part: str | None = None) -> str | None:
        """Link from this page to a component's home (and to an item of it), or None when it has none."""
        return self.site.href(name, self.resolve, item, part)

    def link(self, address: str) -> str:
        """Resolve a guide-relative link (`prepare.md#x`) for this page."""
        return ro_render.resolved(self.resolve, address)


class Component:
    """Base of every component: a declaration in class attributes, plus checks, targets and rendering."""

    name: ClassVar[str]  # one name in every layer: module, partial, script, style, test file, docs section
    markers: ClassVar[tuple[str, ...]]  # the marker names it answers to; the first is the one authors are shown
    data: ClassVar[str | None] = None  # the Guide field it needs (None: it shows whatever data exists)
    data_file: ClassVar[str | None] = None  # that field's file under docs/data/, for the message when it is missing
    kind: ClassVar[str | None] = None  # the data kind its marker's id names, or None when it takes no id
    options: ClassVar[tuple[str, ...]] = ("level",)
    unique: ClassVar[bool] = True  # one home in the whole guide
    default_level: ClassVar[int] = 3
    headed: ClassVar[bool] = False  # its sections need headings, so level=none is refused
    prefix: ClassVar[str | None] = None  # the anchor prefix of the ids it publishes, like "cl-"
    plan_letter: ClassVar[str | None] = None  # the letter its items have in a plan link, like "c"
    plan_kind: ClassVar[str | None] = None  # the data kind of those items (default: `kind`)
    prefixes: ClassVar[dict[str, str]] = {}  # prefixes of its other kinds of item, like {"category": "qc-"}
    saves: ClassVar[str | None] = None  # the section of the reader's saved state it owns, like "checklists"
    saved_title: ClassVar[str] = ""  # that section's heading on My progress
    partial: ClassVar[str]  # its Jinja partial in overrides/partials/ (default: its name)
    script: ClassVar[str | None] = None  # its source in overrides/components/ (default: its name)
    style: ClassVar[str | None] = None  # its stylesheet there (default: its name)

    def __init_subclass__(cls, **kwargs: object) -> None:
        """Default the partial, script and style to the component's name, as every layer is named."""
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            cls.partial = cls.__dict__.get("partial", f"{cls.name}.html")
            cls.script = cls.__dict__.get("script", cls.name)
            cls.style = cls.__dict__.get("style", cls.name)

    # --- Declared names ---

    def anchor(self, item: str = "", part: str | None = None, of: str | None = None) -> str:
        """Return the id of an item of this component (and of a part of it): `cl-the-day-before--confirm`.

        `of` names another kind of item the component holds, with its own prefix (`prefixes`).
        """
        prefix = self.prefixes[of] if of else self.prefix or ""
        return f"{prefix}{item}" + (f"--{part}" if part else "")

    def target(self, src: str, item: str, title: str, kind: str, depth: int = 0) -> Target:
        """Return the target of one of its items on its home `src`, with its plan key when plans can hold it."""
        key = f"{self.plan_letter}.{item}" if self.plan_letter else None
        return Target(src, self.anchor(item), title, kind, depth, plan_key=key)

    def level(self, marker: Marker) -> int | None:
        """Return the heading level of the component's title from `level=`, or None for level=none."""
        written = marker.option("level")
        return None if written == "none" else int(written or self.default_level)

    # --- What a component says (override as needed) ---

    def check(self, guide: Any, marker: Marker) -> str | None:
        """Say what else is wrong with a marker whose id and level are fine, or None."""
        return None

    def shown(self, guide: Any, marker: Marker) -> Iterable[str]:
        """Question ids a marker shows, each of which may appear once per page."""
        return ()

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Return the link targets a marker publishes on its home page `src` (for the link contract and plans)."""
        return []

    def anchors(self, guide: Any, src: str, marker: Marker) -> list[str]:
        """Return the ids a marker renders that a link may point to: its targets' anchors."""
        return [t.anchor for t in self.targets(guide, src, marker)]

    def saved(self, guide: Any, href: Callable[[str, str | None], str | None]) -> dict | None:
        """Describe the saved entries it owns for My progress (id → title, link, parts), or None.

        `href(item, part)` links to an item on the component's home. None: My progress shows that
        section in a view of its own (My questions).
        """
        return None

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render a marker on a page."""
        raise NotImplementedError(f"component {self.name} does not render")
