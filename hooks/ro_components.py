"""Markers in Markdown → components: parsing, checking and rendering, plus the Markdown extension.

Imports no MkDocs. An author embeds a component with one line, an HTML comment such as
`<!-- ro:checklist the-day-before -->`. `Site.check_pages()` reads every page before the build,
reports every bad marker as `docs/PAGE.md:LINE: what is wrong (what was expected)` and records each
component's one home page; `MarkerExtension` then replaces each marker with the rendered HTML while
Python-Markdown converts the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

import ro_links
import ro_my_progress
import ro_pdf
import ro_render
import ro_safe_markdown
from ro_data import Guide

# A line that is nothing but a marker; a line that starts like one but does not parse is an error.
_MARKER = re.compile(r"^(?P<indent>\s*)<!--\s*ro:(?P<name>[^\s>]*)(?P<args>.*?)\s*-->\s*$")
_ATTEMPT = re.compile(r"^\s*<!--\s*ro:")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_ID = re.compile(r'\sid="([^"]+)"')

CHANNELS = {
    "email": "Email",
    "linkedin": "LinkedIn message",
    "letter": "Letter",
    "phone": "Phone call",
    "voicemail": "Voicemail",
    "text-message": "Text message",
    "in-person": "In person",
}


@dataclass(frozen=True)
class Spec:
    """What a marker name accepts."""

    kind: str | None  # the data kind its positional id names, if it takes one
    options: tuple[str, ...] = ("level",)
    unique: bool = True  # the component may have only one home in the whole guide
    default_level: int = 3


SPECS = {
    "checklist": Spec("checklist"),
    "worksheet": Spec("worksheet"),
    "template": Spec("template"),
    "question-bank": Spec(None, default_level=2),
    "network-map": Spec(None),
    "questions": Spec(None, options=("category", "ids", "purpose", "phase", "limit", "level"), unique=False),
    "my-progress": Spec(None, default_level=2),
    "link-index": Spec(None, default_level=2),
    "plans": Spec(None),
    "plan": Spec(None, default_level=2),
    # Downloads (issue 5): every PDF of the build with its size and page count.
    "downloads": Spec(None, default_level=2),
}
# The data file each marker needs.
NEEDS = {
    "checklist": "checklists",
    "worksheet": "worksheets",
    "template": "templates",
    "question-bank": "questions",
    "questions": "questions",
    "network-map": "network",
    "my-progress": None,  # shows whatever data exists
    "link-index": None,
    "plans": "plans",
    "plan": None,
    "downloads": None,  # lists whatever PDFs the build made
}


@dataclass(frozen=True)
class Marker:
    """One parsed marker line."""

    line: int
    name: str
    target: str | None
    options: tuple[tuple[str, str], ...] = ()

    def option(self, key: str) -> str | None:
        """Return the value of option `key`, or None."""
        return dict(self.options).get(key)


class MarkerError(Exception):
    """A marker could not be rendered."""


def parse(text: str) -> tuple[list[Marker], list[tuple[int, str]]]:
    """Find marker lines outside fenced code; return markers and (line, problem) pairs."""
    markers, problems = [], []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group("fence")
            continue
        if not _ATTEMPT.match(line):
            continue
        match = _MARKER.match(line)
        if match is None:
            problems.append((number, "marker not closed on its line (expected <!-- ro:NAME ARGUMENTS --> alone on "
                                     "one line)"))
            continue
        marker, problem = _marker(number, match.group("name"), match.group("args").split())
        if problem:
            problems.append((number, problem))
        else:
            markers.append(marker)
    return markers, problems


def _marker(number: int, name: str, args: list[str]) -> tuple[Marker | None, str | None]:
    spec = SPECS.get(name)
    if spec is None:
        return None, f"unknown marker 'ro:{name}' (expected one of: {', '.join('ro:' + n for n in SPECS)})"
    positional = [a for a in args if "=" not in a]
    options = [tuple(a.split("=", 1)) for a in args if "=" in a]
    if spec.kind and not positional:
        return None, f"marker 'ro:{name}' needs a {spec.kind} id (expected <!-- ro:{name} ID -->)"
    if len(positional) > (1 if spec.kind else 0):
        extra = positional[1] if spec.kind else positional[0]
        return None, f"unexpected argument '{extra}' in 'ro:{name}' (expected options written key=value: " \
                     f"{', '.join(spec.options)})"
    seen = set()
    for key, value in options:
        if key not in spec.options:
            return None, f"unknown option '{key}' for 'ro:{name}' (expected one of: {', '.join(spec.options)})"
        if key in seen:
            return None, f"option '{key}' given twice in 'ro:{name}' (expected it once)"
        if not value:
            return None, f"option '{key}' has no value in 'ro:{name}' (expected {key}=VALUE)"
        seen.add(key)
    return Marker(number, name, positional[0] if positional else None, tuple(options)), None


@dataclass
class PageContext:
    """The page being converted: where it is, and how to link from it to other pages of the guide."""

    src: str
    resolve: Callable[[str], str] | None = None


@dataclass
class Site:
    """The guide's components for one build: checks markers, knows each component's home, renders."""

    guide: Guide
    env: jinja2.Environment = field(default_factory=ro_render.environment)
    docs_prefix: str = "docs/"
    site_url: str = ""  # the address the guide is published at, printed on paper and used to tell links apart
    homes: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    page: PageContext | None = None
    # (page, target page, anchor) of every link the components wrote, for the adapter to check.
    emitted_links: list[tuple[str, str, str]] = field(default_factory=list)
    # Ids each page's components rendered, so the engine can accept them as link targets.
    rendered_ids: dict[str, set[str]] = field(default_factory=dict)
    # Every page's Markdown, in reading order, for the components that list the whole guide.
    pages: dict[str, str] = field(default_factory=dict)
    _targets: list | None = None
    # Where the plan page's catalogue (`plan_items()`) is published, set by the adapter when there is one.
    plan_items_src: str | None = None
    # Downloads (issue 5): the PDFs of this build, set by the adapter before any page renders.
    downloads: ro_pdf.PdfBuild | None = None
    # Rendered inline text by (page, text): labels, tags and titles repeat within a page and its components.
    _inline: dict[tuple[str, str], Markup] = field(default_factory=dict)

    # --- Checking ---

    def check_pages(self, pages: dict[str, str]) -> list[str]:
        """Check every marker of every page (src → Markdown); record homes; return problems as messages."""
        found: list[tuple[str, int, str]] = []
        self.homes.clear()
        self.pages = dict(pages)
        self._targets = None
        for src, text in sorted(pages.items()):
            markers, problems = parse(text)
            found += [(src, line, problem) for line, problem in problems]
            shown_questions: dict[str, int] = {}
            for marker in markers:
                problem = self.problem(marker)
                if problem is None:
                    problem = self._place(marker, src)
                if problem is None:
                    problem = self._questions_once(marker, shown_questions)
                if problem:
                    found.append((src, marker.line, problem))
        return [f"{self.docs_prefix}{src}:{line}: {problem}" for src, line, problem in sorted(found)]

    def problem(self, marker: Marker) -> str | None:
        """Say what is wrong with a marker's id and options, or None when it can be rendered."""
        spec = SPECS[marker.name]
        source = NEEDS[marker.name]
        if source and getattr(self.guide, source) is None:
            return f"'ro:{marker.name}' needs docs/data/{_file_of(source)}, which does not exist (expected that file)"
        level = marker.option("level")
        if level is not None and level not in ("2", "3", "4", "none"):
            return f"level={level} in 'ro:{marker.name}' (expected level=2, 3, 4 or none)"
        if level == "none" and marker.name in ("question-bank", "network-map", "my-progress"):
            return f"level=none in 'ro:{marker.name}' (expected level=2, 3 or 4: its sections need headings)"
        if spec.kind and self.guide.get(spec.kind, marker.target) is None:
            known = self.guide.ids(spec.kind)
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            return f"unknown {spec.kind} '{marker.target}' (expected one of: {shown})"
        if marker.name == "questions":
            return self._questions_problem(marker)
        return None

    def _questions_problem(self, marker: Marker) -> str | None:
        selectors = [k for k in ("category", "ids", "purpose", "phase") if marker.option(k)]
        if not selectors:
            return "'ro:questions' needs category=, ids=, purpose= or phase= (expected at least one)"
        if marker.option("ids") and len(selectors) > 1:
            return "'ro:questions' with ids= takes no other selector (expected ids= alone, or category/purpose/phase)"
        for key, kind in (("category", "category"), ("purpose", "purpose"), ("phase", "phase")):
            value = marker.option(key)
            if value is not None and self.guide.get(kind, value) is None:
                return f"unknown {kind} '{value}' (expected one of: {', '.join(self.guide.ids(kind))})"
        for question_id in (marker.option("ids") or "").split(","):
            if question_id and self.guide.get("question", question_id) is None:
                return f"unknown question '{question_id}' in ids= (expected ids from docs/data/questions.yml)"
        limit = marker.option("limit")
        if limit is not None and (not limit.isdigit() or int(limit) < 1):
            return f"limit={limit} (expected a whole number of at least 1)"
        if not self.select_questions(marker):
            return "'ro:questions' selects no questions (expected a selection that matches at least one)"
        return None

    def _place(self, marker: Marker, src: str) -> str | None:
        if not SPECS[marker.name].unique:
            return None
        key = (marker.name, marker.target or "")
        if key in self.homes:
            home, line = self.homes[key]
            what = f"{marker.name} '{marker.target}'" if marker.target else f"the {marker.name}"
            return (f"{what} is already on {self.docs_prefix}{home}:{line} (expected one home for each component; "
                    f"link to it there instead)")
        self.homes[key] = (src, marker.line)
        return None

    def _questions_once(self, marker: Marker, shown: dict[str, int]) -> str | None:
        if marker.name == "question-bank":
            ids = self.guide.ids("question")
        elif marker.name == "questions":
            ids = [q.id for _, q in self.select_questions(marker)]
        else:
            return None
        for question_id in ids:
            if question_id in shown:
                return (f"question '{question_id}' is already shown on this page at line {shown[question_id]} "
                        f"(expected each question once per page)")
            shown[question_id] = marker.line
        return None

    def home_of(self, name: str, target: str = "") -> str | None:
        """Return the source path of the page a component lives on, or None."""
        found = self.homes.get((name, target))
        return found[0] if found else None

    # --- Rendering ---

    def select_questions(self, marker: Marker) -> list:
        """Return the (category, question) pairs a `ro:questions` marker picks, in order."""
        pairs = self.guide.questions.all_questions() if self.guide.questions else []
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

    def render(self, marker: Marker) -> Markup:
        """Render one marker for the current page, and note the ids it rendered."""
        html = self._render_marker(marker)
        if self.page is not None:
            # Our partials write every id as id="…" and Jinja escapes quotes, so a pattern finds them all.
            self.rendered_ids.setdefault(self.page.src, set()).update(_ID.findall(html))
        return html

    def _render_marker(self, marker: Marker) -> Markup:
        problem = self.problem(marker)
        if problem:
            where = f"{self.docs_prefix}{self.page.src}" if self.page else "a page"
            raise MarkerError(f"{where}:{marker.line}: {problem}")
        level_option = marker.option("level")
        level = None if level_option == "none" else int(level_option or SPECS[marker.name].default_level)
        resolve = self.page.resolve if self.page else None
        guide = self.guide
        if marker.name == "checklist":
            return self._render("checklist.html", resolve, checklist=guide.get("checklist", marker.target),
                                level=level)
        if marker.name == "worksheet":
            form = self._render("worksheet.html", resolve, worksheet=guide.get("worksheet", marker.target),
                                level=level)
            return form + self._render_pdf_links(marker.target, resolve)
        if marker.name == "downloads":
            return self._render_downloads(resolve, level)
        if marker.name == "template":
            templates = guide.templates
            template = guide.get("template", marker.target)
            slots = {s.id: s for s in (*templates.shared_fields, *template.fields)}
            return self._render("message-template.html", resolve, template=template, slots=slots,
                                channels=CHANNELS, level=level)
        if marker.name == "network-map":
            return self._render("network-map.html", resolve, network=guide.network, level=level)
        if marker.name == "my-progress":
            return self._render_progress(resolve, level)
        if marker.name in ("link-index", "plan", "plans"):
            return self._render_links(marker.name, resolve, level)
        tags = {"purposes": guide.by_kind["purpose"], "phases": guide.by_kind["phase"]}
        if marker.name == "question-bank":
            return self._render("question-bank.html", resolve, bank=guide.questions, level=level,
                                bank_href=None, **tags)
        return self._render("question-list.html", resolve, questions=self.select_questions(marker),
                            bank_href=self._href("question-bank", resolve), **tags)

    # --- Downloads (issue 5) ---

    def _render_pdf_links(self, worksheet: str, resolve: Callable[[str], str] | None) -> Markup:
        """Render the links to a worksheet's PDFs, shown under its form."""
        build = self.downloads
        pdfs = build.by_subject("worksheets", worksheet) if build else ()
        if not pdfs:
            return Markup("")
        return Markup("\n") + self._render("worksheet-downloads.html", resolve, pdfs=pdfs, papers=ro_pdf.PAPERS,
                                            downloads=self.home_of("downloads"))

    def _render_downloads(self, resolve: Callable[[str], str] | None, level: int | None) -> Markup:
        """Render the downloads page's tables: every PDF with its size and page count, by group."""
        build = self.downloads or ro_pdf.PdfBuild(enabled=False)
        return self._render("downloads.html", resolve, build=build, groups=build.groups(), papers=ro_pdf.PAPERS,
                            level=level or 2)

    def _all_targets(self) -> list:
        if self._targets is None:  # the same for every page of this build
            self._targets = ro_links.targets(self.guide, self.pages)
        return self._targets

    def _render_links(self, name: str, resolve: Callable[[str], str] | None, level: int | None) -> Markup:
        """Render the counselors' components: the index of every link, the ready-made plans, a plan page."""
        targets = self._all_targets()
        plan_href = self._href("plan", resolve)
        if name == "link-index":
            return self._render("link-index.html", resolve, groups=ro_links.by_page(targets), level=level,
                                plan_href=plan_href)
        if name == "plans":
            titles = {t.plan_key: t for t in targets if t.plan_key}
            plans = []
            for plan in self.guide.plans.plans:
                keys = [ro_links.plan_key_of_ref(ref) for ref in plan.items]
                plans.append((plan, [(key, titles.get(key)) for key in keys],
                              ro_links.plan_fragment(keys, plan.note or "")))
            return self._render("plans.html", resolve, plans=plans, level=level, plan_href=plan_href)
        items_href = ro_render.resolved(resolve, self.plan_items_src) if self.plan_items_src else None
        return self._render("plan.html", resolve, items_href=items_href, level=level)

    def plan_items(self, page: str, resolve: Callable[[str], str] | None) -> str:
        """Render the plan page's catalogue as JSON: every item a plan can name, with links relative to `page`.

        The plan page fetches it (from its own site) and shows the items the plan link names, so the
        page stays small however large the guide grows. The HTML comes from the same partials as the
        items' home pages, escaped by Jinja; the script inserts it as it is.
        """
        guide = self.guide
        context = {
            "guide": guide,
            "category_of": {q.id: c for c, q in guide.questions.all_questions()} if guide.questions else {},
            "bank_href": self._href("question-bank", resolve),
            "purposes": guide.by_kind.get("purpose", {}),
            "phases": guide.by_kind.get("phase", {}),
        }
        items = {
            target.plan_key: {"kind": target.kind,
                              "html": str(self._render("plan-item.html", resolve, page=page, target=target,
                                                       **context))}
            for target in self._all_targets() if target.plan_key
        }
        return json.dumps({"version": 1, "items": items}, ensure_ascii=False, separators=(",", ":"))

    def _render_progress(self, resolve: Callable[[str], str] | None, level: int | None) -> Markup:
        """My progress: the page's controls plus an index naming everything a reader can save."""

        def home(name: str, target: str, anchor: str) -> str | None:
            return self._href(name, resolve, target, anchor)

        return self._render("my-progress.html", resolve, index=ro_my_progress.index(self.guide, home), level=level,
                            bank_href=self._href("question-bank", resolve))

    def _href(self, name: str, resolve: Callable[[str], str] | None, target: str = "", anchor: str = "") -> str | None:
        """Link from the current page to a component's home (and an anchor on it), or None when it has none."""
        src = self.home_of(name, target)
        if src is None:
            return None
        address = f"{src}#{anchor}" if anchor else src
        return ro_render.resolved(resolve, address)

    def _render(self, partial: str, resolve: Callable[[str], str] | None, *, page: str | None = None,
                **context: object) -> Markup:
        if page is None:
            page = self.page.src if self.page else ""
        return ro_render.render(self.env, partial, resolve=resolve, cache=self._inline, cache_key=page, **context)


def _file_of(source: str) -> str:
    return "network-map.yml" if source == "network" else f"{source}.yml"


class _MarkerPreprocessor(Preprocessor):
    """Replace each marker line with the rendered component, stashed as raw HTML."""

    def __init__(self, md: Markdown, site: Site):
        super().__init__(md)
        self.site = site

    def run(self, lines: list[str]) -> list[str]:
        markers, _problems = parse("\n".join(lines))
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
