"""The Python-Markdown extension that turns the guide's markers into components while a page converts.

Imports no MkDocs. The preprocessor replaces each marker line with the component the site renders
(stashed as raw HTML, so Markdown leaves it alone); a tree processor marks links so that print.css can
write on paper where they lead, and starts the page with where it came from (see _PrintedLinks).

mkdocs.yml lists it under `markdown_extensions` as `ro_markdown` (hooks/ is importable: `make` puts it on
the venv's path), so any engine that runs Python-Markdown extensions renders the components. Under MkDocs
and ProperDocs the hook (reaching_out.py) makes the build's Site and hands it over (`ACTIVE`), with the page
being converted and its links. Without the hook (Zensical ignores `hooks:`) the extension loads and checks
the data and every page's markers itself, once per build, and finds the page from the engine: MkDocs' own
link rewriter knows it; Zensical gives it to extensions. A data or marker error then stops the build with
every `file:line` message and no traceback.
"""

from __future__ import annotations

import os
import posixpath
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

import ro_go
import ro_i18n
import ro_link_contract
import ro_pdf
import ro_pdf_site
import ro_registry
import ro_safe_markdown
from ro_data import DataError, load_guide
from ro_links import nav_order, relative, url_of
from ro_site import PageContext, Site

# The Site the MkDocs hook made for the build under way (it sets and clears it); then the extension uses it.
ACTIVE: list[Site] = []
# Sites the extension loaded itself, by data folder: (the inputs' modification times, the Site).
_LOADED: dict[Path, tuple[tuple, Site]] = {}
_STOPPING = threading.Lock()


def site_for(data: Path, docs: Path, site_url: str) -> tuple[Site, bool]:
    """Return the build's Site, and whether a hook gives it each page (else the extension finds it)."""
    if ACTIVE:
        return ACTIVE[-1], True
    key = data.resolve()
    inputs = sorted([*data.glob("*.yml"), *docs.rglob("*.md"), *docs.glob("*.yml")])
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in inputs)
    if key in _LOADED and _LOADED[key][0] == stamp:
        return _LOADED[key][1], False
    # Another edition's pages are docs-LANG/ (as the hook names them): its words, and the English data it borrows.
    language = docs.name.removeprefix("docs-") if docs.name.startswith("docs-") else "en"
    try:
        guide = load_guide(data, Path.cwd(), shared=docs.parent / "docs" / "data" if language != "en" else None)
        ro_i18n.use(ro_i18n.load_catalogue(docs / ro_i18n.CATALOGUE, f"{docs.as_posix()}/{ro_i18n.CATALOGUE}"))
    except (DataError, ro_i18n.CatalogueError) as error:
        _stop("The guide's data has problems", error.messages)
    config = read_config()
    site = Site(guide, docs_prefix=docs.as_posix().rstrip("/") + "/", site_url=site_url, language=language,
                site_name=str(config.get("site_name", "")),
                contract_short=ro_link_contract.read_short(docs.parent / "link-contract.txt"))
    order = nav_order(config.get("nav", []))  # guide-wide lists follow the reading order, as with the hook
    found = [p for p in inputs if p.suffix == ".md" and data.resolve() not in p.resolve().parents]
    sources = sorted((p.relative_to(docs).as_posix() for p in found), key=lambda s: (order.get(s, len(order)), s))
    pages = {src: (docs / src).read_text(encoding="utf-8") for src in sources}
    problems = site.check_pages(pages)
    if problems:
        _stop("Some pages have problems with components", problems)
    home = site.home_of("plan")
    if home is not None:  # the plan page's catalogue, which ro_after.py publishes there
        site.plan_items_src = posixpath.join(url_of(home), "items.json")
    try:  # before any page renders, so the Downloads page and the worksheets list them; ro_after.py copies them
        site.downloads = ro_pdf_site.make(site, [(src, url_of(src)) for src in pages],
                                          site_name=str(config.get("site_name", "")), root=Path.cwd(),
                                          url_of=lambda path: url_of(path) if path in pages else None)
    except (OSError, ImportError) as error:
        _stop("The PDFs could not be made", [f"{error} (WeasyPrint needs Pango; or set RO_PDFS=0)"])
    for message in ro_pdf.overflowing(site.downloads, guide):
        sys.stderr.write(f"WARNING: {site.docs_prefix}data/worksheets.yml: {message}\n")
    _LOADED[key] = (stamp, site)
    return site, False


def read_config(path: Path = Path("mkdocs.yml")) -> dict:
    """Return mkdocs.yml (MkDocs, ProperDocs and Zensical all read it) as plain data, or {}."""
    if not path.is_file():
        return {}
    import yaml

    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # tags such as !!python are text
    return loaded if isinstance(loaded, dict) else {}


def _stop(title: str, messages: list[str]) -> None:
    """End the build as an author should see it: every message once, no traceback, exit code 1, on any engine.

    Not an exception: Zensical renders pages in parallel and prints a traceback for any exception an extension
    raises, so the process ends here, once, under a lock.
    """
    with _STOPPING:
        sys.stderr.write(f"Reaching Out: {title} ({len(messages)}):\n" + "".join(f"  {m}\n" for m in messages))
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(1)


def resolver(url_for: Callable[[str], str]) -> Callable[[str], str]:
    """Return a link resolver: `prepare.md#x` → `url_for("prepare.md")` + `#x`; a bare `#x` stays on the page."""

    def resolve(target: str) -> str:
        path, _, anchor = target.partition("#")
        url = url_for(path) if path else ""
        return f"{url}#{anchor}" if anchor else url

    return resolve


def _page_of(md: Markdown, site: Site) -> PageContext:
    """Return the page `md` converts, and its link resolver, as the engine tells it (no hook)."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401
    file = getattr(relpath, "file", None)
    if file is not None:  # MkDocs and ProperDocs: relative links, as the hook makes them
        files = relpath.files

        def url_for(path: str) -> str:
            found = files.get_file_from_path(posixpath.normpath(path))
            return relative(found.url if found else url_of(path), file.url)

        return PageContext(file.src_uri, resolver(url_for))
    try:  # Zensical gives the page to extensions; it rewrites relative links in raw HTML, so root-absolute
        from zensical.extensions.context import ContextPreprocessor

        page = ContextPreprocessor.from_markdown(md).page
    except Exception:  # noqa: BLE001 - another engine, or none: links stay guide-relative
        return PageContext("", None)
    root = (urlsplit(site.site_url).path or "/").rstrip("/")
    return PageContext(str(page.path), resolver(lambda path: root + "/" + url_of(path).removeprefix("./")))


class _MarkerPreprocessor(Preprocessor):
    """Replace each marker line with the rendered component, stashed as raw HTML."""

    def __init__(self, md: Markdown, extension: MarkerExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markers, _problems = ro_registry.parse("\n".join(lines))
        if not markers:
            return lines
        self.site = self.extension.site_now(self.md)
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


class _PrintedLinks(Treeprocessor):
    """Make links say on paper where they lead, and start the page with where it came from (print.css shows it).

    Links to other sites get `data-ro-external` (print.css writes their address): Material's instant
    navigation makes every internal link absolute in the browser, so the stylesheet cannot tell them apart
    by itself. Components mark their own links (see ro_safe_markdown, which marks every http(s) link, the
    guide's own address included). Links to a target of the guide get `data-ro-go`, its short address as a
    person types it (ro_go). Links written as raw HTML in a page are not marked.
    """

    def __init__(self, md: Markdown, extension: MarkerExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:  # noqa: ANN001 - an ElementTree element
        site = self.extension.printing_site(self.md)
        own = site.site_url if site is not None else self.extension.site_url
        page = site.page.src if site is not None and site.page is not None and site.page.src else None
        for link in root.iter("a"):
            href = link.get("href", "")
            if ro_safe_markdown.is_external(href) and not (own and href.startswith(own)):
                link.set("data-ro-external", "")
            elif page and own and ":" not in href and "headerlink" not in link.get("class", ""):
                path, _, anchor = href.partition("#")
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
                address = site.typed_short(f"{target}#{anchor}" if anchor else target)
                if address:
                    link.set("data-ro-go", address)


class _PrintSource(Treeprocessor):
    """Start the page with where it came from, for paper: site name, short address, QR code (print-source.html).

    Runs after the engine has read the page's title from its first heading (MkDocs: priority 1), so the
    block does not hide the heading.
    """

    def __init__(self, md: Markdown, extension: MarkerExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:  # noqa: ANN001 - an ElementTree element
        site = self.extension.printing_site(self.md)
        page = site.page.src if site is not None and site.page is not None and site.page.src else None
        address = site.short_url(page) if page and site.site_url else ""
        if address:
            html = site.render_partial("print-source.html", None, page=page, site_name=site.site_name,
                                       address=ro_go.typed(address), qr=ro_go.qr_svg(address, f"QR code: {address}"))
            block = Element("p")
            block.text = self.md.htmlStash.store(html)
            root.insert(0, block)


class MarkerExtension(Extension):
    """Python-Markdown extension that turns Reaching Out markers into components."""

    def __init__(self, site: Site | None = None, **kwargs: object):
        """Render markers with `site`, or (configured by name) with the build's Site: see `site_for`."""
        self.config = {
            "data": ["docs/data", "The guide's data folder, from where the engine runs"],
            "docs": ["docs", "The pages' folder, from where the engine runs"],
            "site_url": ["", "The address the guide is published at"],
        }
        self.site = site
        super().__init__(**kwargs)
        self.site_url = self.getConfig("site_url")

    def site_now(self, md: Markdown) -> Site:
        """Return the Site to render with; without a hook, with the page `md` converts set on it."""
        if self.site is not None:
            return self.site
        site, hooked = site_for(Path(self.getConfig("data")), Path(self.getConfig("docs")), self.site_url)
        if not hooked:
            site.page = _page_of(md, site)
        return site

    def printing_site(self, md: Markdown) -> Site | None:
        """Return the Site that knows the short addresses, or None (a bare Markdown with no site: no print marks)."""
        site = self.site or (ACTIVE[-1] if ACTIVE else None)
        return self.site_now(md) if site is None and self.site_url else site

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register the preprocessor after fenced code is stashed and before raw HTML is."""
        md.preprocessors.register(_MarkerPreprocessor(md, self), "reaching_out_markers", 22)
        # After inline patterns made the links (20), before MkDocs rewrites relative ones (0).
        md.treeprocessors.register(_PrintedLinks(md, self), "reaching_out_printed_links", 5)
        md.treeprocessors.register(_PrintSource(md, self), "reaching_out_print_source", 0.5)


def makeExtension(**kwargs: object) -> MarkerExtension:  # noqa: N802 - Python-Markdown's API name
    """`- ro_markdown` in mkdocs.yml's markdown_extensions."""
    return MarkerExtension(**kwargs)
