"""Printable PDFs: fillable worksheets, blank checklists, the question bank and a counselor pack.

Imports no MkDocs. The models are rendered through the print templates in `overrides/print/` (Jinja,
autoescape on) and WeasyPrint with `pdf_forms=True`, which turns each control into an AcroForm field,
in the fonts shipped in `overrides/print/fonts/` (Liberation Sans 2.1.5, SIL OFL 1.1) on every machine.
A field is named by the id the web page gives the same control (one field per YAML field):
`ws-<worksheet>--<field>` (text, multi-line text, checkbox with on-value `/on`, or a radio group whose
values are the option ids), `ws-<worksheet>--<field>--<row>--<column>` (a cell of a `rows` field, rows
from 1; a choice column is a combo box) and `cl-<checklist>--<item>`. Ids never contain `--` (see
ro_model), so the separator is unambiguous; a period would make a hierarchical field name (ISO 32000-1,
12.7.3.2). Print: a field, a table row, an item and a question never split across pages; headings stay
with what follows; each worksheet fits in the pages its YAML declares, on A4 and on US Letter.

This module says what to print and renders it; `ro_pdf_cache` keeps the PDFs by a key made of all
they are made from (a PDF, and its HTML, is rendered only when its key is not cached, so a build with
every PDF cached stays cheap); `ro_pdf_render` lays out and writes a PDF with WeasyPrint.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

import ro_editions
import ro_i18n
import ro_pdf_cache
import ro_pdf_fill
import ro_pdf_render
import ro_render
import ro_safe_markdown
from ro_checklist import ChecklistComponent
from ro_data import Guide
from ro_pdf_jobs import Document, Job, Pdf, PdfBuild, Sheet
from ro_question_bank import QuestionBankComponent
from ro_worksheet import WorksheetComponent

ROOT = Path(__file__).resolve().parent.parent
PRINT = ROOT / "overrides" / "print"
# Paper id → (CSS page size, name shown to readers). Both sizes fit the same margins.
PAPERS = {"a4": ("A4", "A4"), "letter": ("letter", "US Letter")}
PACKED = ("worksheets", "checklists")  # the groups whose PDFs the counselor pack holds
# The templates `plan` renders by name; what they extend, import or include is found from them.
TEMPLATES = ("document.html", "worksheet.html", "checklist.html", "question-bank.html", "counselor-pack.html")
HOOKS = Path(__file__).resolve().parent
# (component name, item id, part id or None) → its guide-relative address, or None (see `plan`).
Where = Callable[[str, str, str | None], str | None]


# The components the PDFs print, for their ids: a field is named as the web page names the same control.
_COMPONENTS = {c.name: c for c in (ChecklistComponent(), WorksheetComponent(), QuestionBankComponent())}


def anchor(name: str, item: str = "", part: str | None = None, of: str | None = None) -> str:
    """Return the id the component `name` gives an item (see ro_component.Component.anchor)."""
    return _COMPONENTS[name].anchor(item, part, of)


def field_name(worksheet: str, field_id: str, row: int | None = None, column: str | None = None) -> str:
    """Return the AcroForm name of a worksheet field, or of one cell of a `rows` field."""
    name = anchor("worksheet", worksheet, field_id)
    return f"{name}--{row}--{column}" if row is not None else name


def item_name(checklist: str, item: str) -> str:
    """Return the AcroForm name of a checklist item's checkbox."""
    return anchor("checklist", checklist, item)


# --- Planning: models → print HTML ---


def environment(print_dir: Path = PRINT) -> jinja2.Environment:
    """Create the print templates' Jinja environment (the components' settings), serving the keyed ones only."""
    env = ro_render.environment(print_dir)
    ro_pdf_cache.KeyedLoader(env, TEMPLATES)
    return env


def plan(guide: Guide, *, site_name: str, link: Callable[[str], str], where: Where, links_key: str = "",
         short: Callable[[str], str] = lambda _target: "", editions: Mapping[str, str] | None = None,
         papers: Iterable[str] = tuple(PAPERS), print_dir: Path = PRINT) -> list[Job]:
    """List every PDF of the guide, with what it is made from; no HTML is rendered yet.

    `link` turns a guide-relative address (`prepare.md#x`) into the absolute web address printed on
    paper ("" when there is none); `links_key` names everything `link` depends on (the site's
    address and its pages), since links in the data text are printed as such addresses.
    `where(component, id, part)` is the guide-relative address of a component (`prepare.md#cl-x`), or None
    when it has no home; `id` is "" for a component without one (the question bank, the downloads list).
    `short(target)` is a target's full short address (ro_go), printed with its QR code; `editions` the
    sheets' edition dates by key (ro_editions).
    """
    editions = editions or {}

    def sheet(target: str | None, key: str) -> Sheet:
        return Sheet.of(short(target) if target else "", editions.get(key, ""))
    env = environment(print_dir)
    md = ro_render.inline(link, {})  # the pack repeats every worksheet's and checklist's text

    def url(target: str | None) -> str | None:
        return (link(target) or None) if target else None

    common = {"md": md, "site_name": site_name, "field_name": field_name, "item_name": item_name, "anchor": anchor}
    macros: dict[str, object] = {}

    def body(template: str, macro: str, *args: object) -> Markup:
        if template not in macros:
            macros[template] = env.get_template(template).make_module(common)
        return getattr(macros[template], macro)(*args)

    def page(template: str, **context: object) -> str:
        return env.get_template(template).render(**common, **context)

    def alone(title: str, part: Document) -> str:
        return page("document.html", title=title, body=part.html)

    def refilled(model: object, about: Sheet, extras: Mapping[str, int]) -> str:
        return page("document.html", title=model.title, body=body("worksheet.html", "worksheet_body", model, about,
                                                                   extras))

    def fingerprint(template: str, models: Iterable, urls: Iterable[str | None], about: Sheet) -> str:
        return json.dumps([template, site_name, links_key, [m.model_dump(mode="json") for m in models], list(urls),
                           about.address, about.edition])

    jobs: list[Job] = []

    def add(stem: str, group: str, subject: str, title: str, target: str | None, address: str | None,
            contains: tuple[str, ...], made_from: str, document: Document, labels: tuple = ()) -> None:
        jobs.extend(Job(f"{stem}-{paper}.pdf", group, subject, title, paper, target, address, contains, made_from,
                        document, labels) for paper in papers)

    worksheets = guide.worksheets.worksheets if guide.worksheets else ()
    checklists = guide.checklists.checklists if guide.checklists else ()
    # Each worksheet's and checklist's body is rendered at most once, for its own PDF and the pack.
    bodies: list[Document] = []
    abouts: list[Sheet] = []
    for kind, models in (("worksheet", worksheets), ("checklist", checklists)):
        for model in models:  # its body is `{kind}_body` in `{kind}.html`
            target = where(kind, model.id, None)
            address = url(target)
            about = sheet(target, f"{kind}:{model.id}")
            part = Document(partial(body, f"{kind}.html", f"{kind}_body", model, about))
            bodies.append(part)
            abouts.append(about)
            add(f"{kind}-{model.id}", f"{kind}s", model.id, model.title, target, address, (f"{kind}:{model.id}",),
                fingerprint(f"{kind}.html", [model], [address], about),
                Document(partial(alone, model.title, part),
                         partial(refilled, model, about) if hasattr(model, "all_fields") else None),
                _radio_labels([model]))
    if guide.questions is not None:
        target = where("question-bank", "", None)
        address = url(target)
        bank = guide.questions
        about = sheet(target, "questions")
        title = ro_i18n.gettext("Question bank")
        add("question-bank", "questions", "questions", title, target, address, ("questions",),
            fingerprint("question-bank.html", [bank], [address], about),
            Document(partial(page, "question-bank.html", bank=bank, sheet=about,
                             phases={p.id: p for p in bank.phases})))
    if bodies:
        target = where("downloads", "", None)
        pack_url = url(target) or link("") or None
        urls = [pack_url, *(job.url for job in jobs if job.paper == jobs[0].paper and job.group in PACKED)]
        contents = tuple(f"worksheet:{w.id}" for w in worksheets) + tuple(f"checklist:{c.id}" for c in checklists)
        packed = Sheet.of(short(target) if target else "", ro_editions.latest(editions, contents))
        add("counselor-pack", "pack", "pack", ro_i18n.gettext("Counselor pack"), target, pack_url, contents,
            fingerprint("counselor-pack.html", [*worksheets, *checklists],
                        urls + [f"{a.address} {a.edition}" for a in abouts], packed),
            Document(lambda: page("counselor-pack.html", worksheets=worksheets, checklists=checklists, sheet=packed,
                                  bodies=[part.html for part in bodies])),
            _radio_labels(worksheets))
    return jobs


def _radio_labels(models: Iterable) -> tuple[tuple[str, str], ...]:
    """Name each radio group and each of its options (by the button's id, `NAME--OPTION`) for assistive technology."""
    labels = []
    for model in models:
        for f in model.all_fields() if hasattr(model, "all_fields") else ():
            if f.type == "choice":
                name = field_name(model.id, f.id)
                labels.append((name, ro_safe_markdown.plain(f.label)))
                labels += [(f"{name}--{o.id}", ro_safe_markdown.plain(o.label)) for o in f.options]
    return tuple(labels)


# --- Rendering, with the cache (ro_pdf_cache) ---


def inputs_digest(print_dir: Path = PRINT, hooks: Path = HOOKS) -> str:
    """Hash what every PDF depends on besides its data: the templates and code it uses, styles, fonts, renderer.

    The build's interface words (ro_i18n.ACTIVE) count too, so a Spanish sheet is never the English one's cache
    entry, nor made with an older translation.
    """
    templates = ro_pdf_cache.templates_reached(ro_render.environment(print_dir), TEMPLATES)
    modules = ro_pdf_cache.modules_reached(hooks / Path(__file__).name)
    return ro_pdf_cache.inputs_digest(print_dir, (*templates, *ro_pdf_render.FILES), modules, ro_i18n.ACTIVE)


def cache_key(job: Job, inputs: str) -> str:
    """Return the cache key of one PDF: the build's inputs, its paper size, what its HTML is made from."""
    return ro_pdf_cache.key(inputs, PAPERS[job.paper][0], job.fingerprint, json.dumps(job.group_labels))


def render_all(jobs: Iterable[Job], cache_dir: Path, *, defer_uncached: bool = False,
               print_dir: Path = PRINT) -> PdfBuild:
    """Make every PDF, rendering only those not cached; with `defer_uncached`, skip those instead."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    inputs = inputs_digest(print_dir)
    pdfs, rendered, deferred = [], [], []
    for job in jobs:
        key = cache_key(job, inputs)
        cached = ro_pdf_cache.lookup(cache_dir, key)
        if cached is not None:
            path, pages = cached
            pdfs.append(Pdf(job, key, path, pages, path.stat().st_size))
        elif defer_uncached:
            deferred.append(job.name)
            pdfs.append(Pdf(job, key))
        else:
            content, pages = render_pdf(job, print_dir)
            path = ro_pdf_cache.store(cache_dir, key, job.name, content, pages)
            rendered.append(job.name)
            pdfs.append(Pdf(job, key, path, pages, len(content), rendered=True))
    ro_pdf_cache.prune(cache_dir)
    return PdfBuild(tuple(pdfs), tuple(rendered), tuple(deferred), time.perf_counter() - start)


def render_pdf(job: Job, print_dir: Path = PRINT) -> tuple[bytes, int]:
    """Render one job's HTML to a fillable PDF, its pages filled with lines to write on; return bytes and pages."""
    size, html, refill = PAPERS[job.paper][0], job.html, job.document.refill
    if refill is not None:
        extras = ro_pdf_fill.extra_lines(lambda e: ro_pdf_render.document(refill(e) if e else html, size, print_dir))
        html = refill(extras) if extras else html
    return ro_pdf_render.render_pdf(html, size, dict(job.group_labels), print_dir)


def overflowing(build: PdfBuild, guide: Guide) -> list[str]:
    """Describe each worksheet PDF that prints on more pages than its YAML declares."""
    messages = []
    for pdf in build.pdfs:
        worksheet = guide.get("worksheet", pdf.job.subject) if pdf.job.group == "worksheets" else None
        if worksheet is not None and pdf.pages is not None and pdf.pages > worksheet.pages:
            messages.append(f"worksheet '{worksheet.id}' prints on {pdf.pages} pages of {PAPERS[pdf.job.paper][1]} "
                            f"paper (expected at most pages: {worksheet.pages}; shorten it or raise 'pages')")
    return messages
