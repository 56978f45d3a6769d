"""Printable PDFs: fillable worksheets, blank checklists, the question bank and a counselor pack.

Imports no MkDocs. The models are rendered through the print templates in `overrides/print/` (Jinja,
autoescape on) and WeasyPrint with `pdf_forms=True`, which turns each input, textarea, select,
checkbox and radio button into an AcroForm field. The PDFs use only the fonts shipped in
`overrides/print/fonts/` (Liberation Sans 2.1.5, SIL OFL 1.1), so they are the same on every machine.

Field names (one AcroForm field per YAML field, unique within a PDF and within the counselor pack):

- `ws-<worksheet>--<field>`: a short-text or date (text field, /Tx), long-text (multi-line /Tx),
  checkbox (/Btn, on-value `/on`) or choice (a radio group, /Btn, whose values are the option ids);
- `ws-<worksheet>--<field>--<row>--<column>`: one cell of a `rows` field, rows counted from 1; a
  checkbox column is a /Btn, a choice column a combo box (/Ch) whose values are the option ids;
- `cl-<checklist>--<item>`: one item of a checklist (/Btn).

These are the ids the web page gives the same controls. Ids never contain `--` (see ro_model), so
the separator is unambiguous; a period would make a hierarchical PDF field name (ISO 32000-1, 12.7.3.2).

Print: a field, a table row, a checklist item and a question never split across pages; headings stay
with what follows; each worksheet fits in the pages its YAML declares, on A4 and on US Letter.

Cache: a PDF's key is the SHA-256 of what it is made from: the data of the models it shows, the web
addresses printed on it, the paper size, the print templates, the stylesheet, the fonts, the
WeasyPrint and pydyf versions and the code in CODE. A PDF is rendered only when no file with its
key is in the cache, and its HTML is rendered only then, so a build with every PDF cached stays cheap.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path

import jinja2
from markupsafe import Markup

import ro_render
import ro_safe_markdown
from ro_data import Guide

ROOT = Path(__file__).resolve().parent.parent
PRINT = ROOT / "overrides" / "print"
STYLESHEET = "pdf.css"
FONTS = ("fonts/LiberationSans-Regular.ttf", "fonts/LiberationSans-Bold.ttf")
# Paper id → (CSS page size, name shown to readers). Both sizes fit the same margins.
PAPERS = {"a4": ("A4", "A4"), "letter": ("letter", "US Letter")}
GROUPS = {
    "worksheets": "Worksheets",
    "checklists": "Checklists",
    "questions": "Question bank",
    "pack": "Counselor pack",
}
HOOKS = Path(__file__).resolve().parent
# The code a PDF's look depends on: this module, the inline Markdown and its renderer, the models' defaults.
CODE = ("ro_pdf.py", "ro_safe_markdown.py", "ro_render.py", "ro_worksheet.py", "ro_checklist.py", "ro_question_bank.py")
CACHE_DAYS = 30  # a cached PDF nobody used for this long is removed


def field_name(worksheet: str, field_id: str, row: int | None = None, column: str | None = None) -> str:
    """Return the AcroForm name of a worksheet field, or of one cell of a `rows` field."""
    name = f"ws-{worksheet}--{field_id}"
    return f"{name}--{row}--{column}" if row is not None else name


def item_name(checklist: str, item: str) -> str:
    """Return the AcroForm name of a checklist item's checkbox."""
    return f"cl-{checklist}--{item}"


class Document:
    """One document's print HTML, rendered on first use and shared by its paper sizes."""

    def __init__(self, render: Callable[[], str]):
        """Render with `render` when the HTML is first needed."""
        self._render = render
        self._html: str | None = None

    @property
    def html(self) -> str:
        """The print HTML."""
        if self._html is None:
            self._html = self._render()
        return self._html


@dataclass(frozen=True)
class Job:
    """One PDF to make: its file name, what it holds, and what its print HTML is made from."""

    name: str
    group: str
    subject: str  # the worksheet or checklist id; the group name for the bank and the pack
    title: str
    paper: str
    home: str | None  # the guide-relative address of its web page (`prepare.md#cl-the-day-before`)
    url: str | None  # the same as a web address, printed on the PDF
    contains: tuple[str, ...]  # "worksheet:ID", "checklist:ID", "questions"
    fingerprint: str  # JSON of everything its HTML is made from besides the templates
    document: Document = field(compare=False, repr=False)
    # Radio groups take their name for assistive technology from here, not from their first option.
    group_labels: tuple[tuple[str, str], ...] = ()

    @property
    def html(self) -> str:
        """The print HTML (rendered now if it was not yet)."""
        return self.document.html


@dataclass(frozen=True)
class Pdf:
    """A PDF of this build: in the cache (`path`), or deferred (`path` is None)."""

    job: Job
    key: str
    path: Path | None = None
    pages: int | None = None
    size: int | None = None
    rendered: bool = False

    @property
    def kilobytes(self) -> int | None:
        """Size in KB, rounded up."""
        return None if self.size is None else -(-self.size // 1024)


@dataclass(frozen=True)
class Row:
    """One document of the downloads table: its PDFs, one per paper size."""

    title: str
    subject: str
    pdfs: tuple[Pdf, ...]


@dataclass(frozen=True)
class PdfBuild:
    """What one call of `render_all` made: every PDF, and which were rendered rather than cached."""

    pdfs: tuple[Pdf, ...] = ()
    rendered: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    seconds: float = 0.0
    enabled: bool = True

    def by_subject(self, group: str, subject: str) -> tuple[Pdf, ...]:
        """Return the PDFs of one worksheet, checklist, … in paper order."""
        return tuple(p for p in self.pdfs if p.job.group == group and p.job.subject == subject)

    def groups(self) -> list[tuple[str, str, list[Row]]]:
        """(group id, title, rows) for the downloads page, in the order of GROUPS."""
        out = []
        for group, title in GROUPS.items():
            rows: dict[str, Row] = {}
            for pdf in self.pdfs:
                if pdf.job.group == group:
                    row = rows.get(pdf.job.subject)
                    rows[pdf.job.subject] = Row(pdf.job.title, pdf.job.subject, (*(row.pdfs if row else ()), pdf))
            if rows:
                out.append((group, title, list(rows.values())))
        return out


# --- Planning: models → print HTML ---


def environment(print_dir: Path = PRINT) -> jinja2.Environment:
    """Create the Jinja environment of the print templates (the components' settings, another folder)."""
    return ro_render.environment(print_dir)


def plan(
    guide: Guide,
    *,
    site_name: str,
    link: Callable[[str], str],
    home: Callable[[str, str], str | None],
    links_key: str = "",
    papers: Iterable[str] = tuple(PAPERS),
    print_dir: Path = PRINT,
) -> list[Job]:
    """List every PDF of the guide, with what it is made from; no HTML is rendered yet.

    `link` turns a guide-relative address (`prepare.md#x`) into the absolute web address printed on
    paper ("" when there is none); `links_key` names everything `link` depends on (the site's
    address and its pages), since links in the data text are printed as such addresses.
    `home(marker, id)` names the page a component lives on, or None.
    """
    env = environment(print_dir)
    md = ro_render.inline(link, {})  # the pack repeats every worksheet's and checklist's text

    def where(marker: str, target: str = "", anchor: str = "") -> str | None:
        page = home(marker, target)
        return page + (f"#{anchor}" if anchor else "") if page else None

    def url(target: str | None) -> str | None:
        return (link(target) or None) if target else None

    common = {"md": md, "site_name": site_name, "field_name": field_name, "item_name": item_name}
    macros: dict[str, object] = {}

    def body(template: str, macro: str, *args: object) -> Markup:
        if template not in macros:
            macros[template] = env.get_template(template).make_module(common)
        return getattr(macros[template], macro)(*args)

    def page(template: str, **context: object) -> str:
        return env.get_template(template).render(**common, **context)

    def alone(title: str, part: Document) -> str:
        return page("document.html", title=title, body=part.html)

    def fingerprint(template: str, models: Iterable, urls: Iterable[str | None]) -> str:
        return json.dumps([template, site_name, links_key, [m.model_dump(mode="json") for m in models], list(urls)])

    jobs: list[Job] = []

    def add(stem: str, group: str, subject: str, title: str, target: str | None, address: str | None,
            contains: tuple[str, ...], made_from: str, document: Document, labels: tuple = ()) -> None:
        jobs.extend(Job(f"{stem}-{paper}.pdf", group, subject, title, paper, target, address, contains, made_from,
                        document, labels) for paper in papers)

    worksheets = guide.worksheets.worksheets if guide.worksheets else ()
    checklists = guide.checklists.checklists if guide.checklists else ()
    # Each worksheet's and checklist's body is rendered at most once, for its own PDF and the pack.
    bodies: list[Document] = []
    for worksheet in worksheets:
        target = where("worksheet", worksheet.id)
        address = url(target)
        part = Document(partial(body, "worksheet.html", "worksheet_body", worksheet, address))
        bodies.append(part)
        add(f"worksheet-{worksheet.id}", "worksheets", worksheet.id, worksheet.title, target, address,
            (f"worksheet:{worksheet.id}",), fingerprint("worksheet.html", [worksheet], [address]),
            Document(partial(alone, worksheet.title, part)), _radio_labels([worksheet]))
    for checklist in checklists:
        target = where("checklist", checklist.id, f"cl-{checklist.id}")
        address = url(target)
        part = Document(partial(body, "checklist.html", "checklist_body", checklist, address))
        bodies.append(part)
        add(f"checklist-{checklist.id}", "checklists", checklist.id, checklist.title, target, address,
            (f"checklist:{checklist.id}",), fingerprint("checklist.html", [checklist], [address]),
            Document(partial(alone, checklist.title, part)))
    if guide.questions is not None:
        target = where("question-bank")
        address = url(target)
        bank = guide.questions
        add("question-bank", "questions", "questions", "Question bank", target, address, ("questions",),
            fingerprint("question-bank.html", [bank], [address]),
            Document(partial(page, "question-bank.html", bank=bank, url=address,
                             phases={p.id: p for p in bank.phases})))
    if bodies:
        target = where("downloads")
        pack_url = url(target) or link("") or None
        urls = [pack_url, *(job.url for job in jobs if job.paper == jobs[0].paper and job.group != "questions")]
        add("counselor-pack", "pack", "pack", "Counselor pack", target, pack_url,
            tuple(f"worksheet:{w.id}" for w in worksheets) + tuple(f"checklist:{c.id}" for c in checklists),
            fingerprint("counselor-pack.html", [*worksheets, *checklists], urls),
            Document(lambda: page("counselor-pack.html", worksheets=worksheets, checklists=checklists, url=pack_url,
                                  bodies=[part.html for part in bodies])),
            _radio_labels(worksheets))
    return jobs


def _radio_labels(worksheets: Iterable) -> tuple[tuple[str, str], ...]:
    return tuple(
        (field_name(w.id, f.id), ro_safe_markdown.plain(f.label)) for w in worksheets for f in w.all_fields()
        if f.type == "choice"
    )


# --- Rendering, with the cache ---


def inputs_digest(print_dir: Path = PRINT) -> str:
    """Hash what every PDF depends on besides its data: templates, styles, fonts, renderer versions, code."""
    digest = hashlib.sha256()
    templates = sorted(p.name for p in print_dir.glob("*.html"))
    for part in (*templates, STYLESHEET, *FONTS):
        digest.update(part.encode() + b"\0" + (print_dir / part).read_bytes() + b"\0")
    for package in ("weasyprint", "pydyf"):
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    for module in CODE:
        digest.update(module.encode() + b"\0" + (HOOKS / module).read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(job: Job, inputs: str) -> str:
    """Return the cache key of one PDF."""
    digest = hashlib.sha256(f"{inputs}\0{PAPERS[job.paper][0]}\0".encode())
    digest.update(job.fingerprint.encode())
    digest.update(json.dumps(job.group_labels).encode())
    return digest.hexdigest()


def render_all(
    jobs: Iterable[Job],
    cache_dir: Path,
    *,
    defer_uncached: bool = False,
    print_dir: Path = PRINT,
) -> PdfBuild:
    """Make every PDF, rendering only those not cached; with `defer_uncached`, skip those instead."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    inputs = inputs_digest(print_dir)
    pdfs, rendered, deferred = [], [], []
    for job in jobs:
        key = cache_key(job, inputs)
        path, meta = cache_dir / f"{key}.pdf", cache_dir / f"{key}.json"
        info = _read_meta(meta) if path.is_file() else None
        if info is not None:
            os.utime(meta)  # recently used: keep it
            pdfs.append(Pdf(job, key, path, info["pages"], path.stat().st_size))
            continue
        if defer_uncached:
            deferred.append(job.name)
            pdfs.append(Pdf(job, key))
            continue
        content, pages = render_pdf(job, print_dir)
        _write_atomically(path, content)
        _write_atomically(meta, json.dumps({"name": job.name, "pages": pages}).encode())
        rendered.append(job.name)
        pdfs.append(Pdf(job, key, path, pages, len(content), rendered=True))
    _prune(cache_dir)
    return PdfBuild(tuple(pdfs), tuple(rendered), tuple(deferred), time.perf_counter() - start)


def render_pdf(job: Job, print_dir: Path = PRINT) -> tuple[bytes, int]:
    """Render one job's HTML to a fillable PDF; return its bytes and its page count."""
    import weasyprint  # imported on first use: builds with every PDF cached never load it
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # @font-face works only through a font configuration
    stylesheets = [
        weasyprint.CSS(filename=str(print_dir / STYLESHEET), font_config=fonts),
        weasyprint.CSS(string=f"@page {{ size: {PAPERS[job.paper][0]}; }}"),
    ]
    # A tagged PDF (structure, language) for screen readers, where this WeasyPrint can make one.
    options = {"pdf_forms": True} | ({"pdf_tags": True} if "pdf_tags" in weasyprint.DEFAULT_OPTIONS else {})
    document = weasyprint.HTML(string=job.html, base_url=str(print_dir) + "/").render(
        stylesheets=stylesheets, font_config=fonts, **options
    )
    content = document.write_pdf(finisher=_finisher(dict(job.group_labels)), **options)
    return content, len(document.pages)


def overflowing(build: PdfBuild, guide: Guide) -> list[str]:
    """Describe each worksheet PDF that prints on more pages than its YAML declares."""
    messages = []
    for pdf in build.pdfs:
        worksheet = guide.get("worksheet", pdf.job.subject) if pdf.job.group == "worksheets" else None
        if worksheet is not None and pdf.pages is not None and pdf.pages > worksheet.pages:
            messages.append(f"worksheet '{worksheet.id}' prints on {pdf.pages} pages of {PAPERS[pdf.job.paper][1]} "
                            f"paper (expected at most pages: {worksheet.pages}; shorten it or raise 'pages')")
    return messages


def _finisher(labels: Mapping[str, str]) -> Callable[[object, object], None]:
    """Tidy WeasyPrint's form before it is written: one field per radio group, appearances for all.

    WeasyPrint also names each button of a radio group as a field of its own (`name.name`) and uses
    option positions (/0, /1) as values; readers and scripts then see duplicate fields and opaque
    values. It also asks readers to redraw every field (NeedAppearances) but gives checkboxes and radio
    buttons no font to redraw with, so poppler-based readers lose their ticks. So: every empty text and
    choice field gets an empty appearance (readers draw a field when someone fills it), and buttons get
    the standard ZapfDingbats tick and dot for any tool that still asks for a redraw.
    """

    def finish(_document: object, pdf: object) -> None:
        import pydyf

        acroform = pdf.catalog.get("AcroForm")
        if not acroform:
            return
        objects = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}
        buttons = _one_field_per_radio_group(objects, labels)
        acroform["Fields"] = pydyf.Array([r for r in acroform["Fields"] if r not in buttons])
        for widget in [o for o in objects.values() if o.get("FT") in ("/Tx", "/Ch") and "AP" not in o]:
            left, bottom, right, top = (float(v) for v in widget["Rect"])
            empty = pydyf.Stream([b"/Tx BMC EMC"], {
                "Type": "/XObject", "Subtype": "/Form",
                "BBox": pydyf.Array((0, 0, abs(right - left), abs(top - bottom))),
            })
            pdf.add_object(empty)
            widget["AP"] = pydyf.Dictionary({"N": empty.reference})
        _buttons_can_be_redrawn(pdf, acroform, objects)
        acroform["NeedAppearances"] = "false"

    return finish


def _buttons_can_be_redrawn(pdf: object, acroform: dict, objects: dict) -> None:
    """Give the form's resources ZapfDingbats, and each button a DA and caption (tick or dot) using it."""
    import pydyf

    resources = objects.get(acroform.get("DR"), acroform.get("DR"))
    if not isinstance(resources, dict):
        return
    fonts = resources.get("Font")
    fonts = objects.get(fonts, fonts) if isinstance(fonts, bytes) else fonts
    dingbats = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": "/ZapfDingbats"})
    pdf.add_object(dingbats)
    # The form's own resources: the pages' (shared) resources stay free of the unembedded symbol font.
    form_resources = pydyf.Dictionary(resources)
    form_resources["Font"] = pydyf.Dictionary({**(fonts or {}), "ZaDb": dingbats.reference})
    acroform["DR"] = form_resources
    for widget in objects.values():
        parent = objects.get(widget.get("Parent"), {})
        if widget.get("Subtype") != "/Widget" or "/Btn" not in (widget.get("FT"), parent.get("FT")):
            continue
        radio = "Parent" in widget
        widget["DA"] = pydyf.String("/ZaDb 0 Tf 0 g")
        widget.setdefault("MK", pydyf.Dictionary())["CA"] = pydyf.String("l" if radio else "4")


def _one_field_per_radio_group(objects: dict, labels: Mapping[str, str]) -> set:
    """Make each radio group one field valued by option ids; return the references of its buttons."""
    import pydyf

    buttons = set()
    for group in [o for o in objects.values() if o.get("FT") == "/Btn" and "Kids" in o and "Opt" in o]:
        values = [str(getattr(v, "string", v)) for v in group["Opt"]]
        for index, reference in enumerate(group["Kids"]):
            button = objects[reference]
            buttons.add(reference)
            button.pop("T", None)
            button.pop("TU", None)
            states = button["AP"]["N"]
            appearance = states.pop(index, None) or states.pop(str(index), None)
            if appearance is None or not re.fullmatch(r"[a-z0-9-]+", values[index]):
                raise RuntimeError(f"unexpected radio button structure in WeasyPrint's output ({group['T']})")
            states[values[index]] = appearance
            if button.get("AS") not in (None, "/Off"):
                button["AS"] = group["V"] = f"/{values[index]}"
        del group["Opt"]
        name = str(getattr(group["T"], "string", group["T"]))
        if name in labels:
            group["TU"] = pydyf.String(labels[name])
    return buttons


def _read_meta(path: Path) -> dict | None:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and isinstance(info.get("pages"), int) else None


def _write_atomically(path: Path, content: bytes) -> None:
    """Write via a temporary file, so a parallel build never reads half a PDF."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _prune(cache_dir: Path) -> None:
    """Remove cached PDFs unused for CACHE_DAYS (their metadata file is touched on every use).

    Runs at most once a day (the `.pruned` stamp), so a build does not list a large cache every time.
    """
    now = time.time()
    stamp = cache_dir / ".pruned"
    try:
        if now - stamp.stat().st_mtime < 86400:
            return
    except OSError:
        pass
    limit = now - CACHE_DAYS * 86400
    for meta in cache_dir.glob("*.json"):
        try:
            if meta.stat().st_mtime < limit:
                meta.unlink()
                meta.with_suffix(".pdf").unlink(missing_ok=True)
        except OSError:
            continue
    with contextlib.suppress(OSError):  # a read-only cache: prune again next time
        stamp.touch()

