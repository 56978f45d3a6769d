"""The one thin MkDocs adapter: the only module of the guide that imports MkDocs.

It loads and validates the data per build (`on_config`; `mkdocs serve` does not reload hook modules,
so nothing is cached at import), hands it to the marker extension (mkdocs.yml lists `ro_markdown`),
checks every page's markers before any page renders, gives each page a link resolver, and checks that
every link a component emitted lands on an anchor that exists. It also adds the guide's PDFs (see
"Downloads" below) and the plan page's catalogue (`plan/items.json`) to the site as generated files, and,
after the build (`mkdocs build`, not `serve`), the offline copy's worker `sw.js` (see ro_offline).
"""

from __future__ import annotations

import logging
import os
import posixpath
import warnings
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# Sibling imports at the top: MkDocs puts hooks/ on sys.path only while it imports this file.
import ro_aliases
import ro_assets
import ro_go
import ro_i18n
import ro_languages
import ro_link_contract
import ro_markdown
import ro_offline
import ro_pdf
import ro_pdf_site
import ro_plan
import ro_registry
import ro_render
from ro_data import DataError, load_guide
from ro_data import display as _display
from ro_links import nav_order
from ro_site import PageContext, Site

# --- Hooks ---


def on_config(config: MkDocsConfig, **_: object) -> MkDocsConfig:
    """Load and validate the data, and register the marker extension, for this build."""
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    try:
        english = root / "docs" / "data" if config.theme["language"] != "en" else None  # another edition's
        guide = load_guide(docs / "data", root, shared=english)
        ro_i18n.use(ro_i18n.load_catalogue(docs / ro_i18n.CATALOGUE, _display(docs, root) + "/" + ro_i18n.CATALOGUE))
    except (DataError, ro_i18n.CatalogueError) as error:
        raise PluginError(_report("The guide's data has problems", error.messages)) from None
    site = Site(guide, docs_prefix=_display(docs, root) + "/", language=config.theme["language"],
                site_url=_published_site_url(config), site_name=config.site_name,
                env=ro_render.environment(cache=root / ".cache" / "jinja"))
    if docs.resolve() not in (root / "docs", root / f"docs-{site.language}"):  # a test's own pages, one edition:
        config.extra["alternate"] = []  # no language to switch to
    if "ro_markdown" not in config.markdown_extensions:
        raise PluginError("Reaching Out renders its components with a Markdown extension: add `- ro_markdown` "
                          "to markdown_extensions in mkdocs.yml")
    site.contract_short = ro_link_contract.read_short(docs.parent / "link-contract.txt")
    ro_markdown.ACTIVE[:] = [site]  # the extension renders with this build's Site, page by page (below)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check every page's markers and the data's links before any page renders; add the PDFs and plan catalogue."""
    site = _site(config)
    order = nav_order(config.nav or [])
    documents = sorted(files.documentation_pages(), key=lambda f: (order.get(f.src_uri, len(order)), f.src_uri))
    pages = {f.src_uri: f.content_string for f in documents}
    messages = site.check_pages(pages)
    messages += site.data_link_problems(lambda path: files.get_file_from_path(path) is not None)
    if messages:
        raise PluginError(_report("Some pages have problems with components", messages))
    _add_assets(files, config)
    _add_pdfs(files, config, site)
    _add_plan_items(files, config, site)
    titles = {t.link: t.title for t in site.targets()}
    for path, html in ro_go.pages(site.short_addresses(), titles, config.site_name, site.site_url):
        files.append(File.generated(config, path, content=html))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the components which page they render on, so their links are relative to it."""
    site = _site(config)
    resolve = _resolver(site, files, page.file)
    site.page = PageContext(page.file.src_uri, resolve)
    # Renamed anchors of this page, which main.html writes for the script that sends #old to #new.
    aliases = site.guide.aliases.for_page(page.file.src_uri) if site.guide.aliases else {}
    if aliases:
        page.meta["ro_aliases"] = aliases
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Make the ids the components rendered valid targets for MkDocs' own anchor validation."""
    site = _site(config)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= site.rendered_ids.get(page.file.src_uri, set())
    return html


def on_env(env: object, *, config: MkDocsConfig, files: Files) -> object:
    """Check that every link a component wrote points at an anchor that exists on its page."""
    site = _site(config)
    site.page = None
    messages = []
    for src, target, anchor in sorted(set(site.emitted_links)):
        found = files.get_file_from_path(target)
        if found is None:
            messages.append(f"{site.docs_prefix}{src}: a component links to '{target}', but there is no such page "
                            f"(expected a page of the guide)")
            continue
        if not anchor or found.page is None:
            continue
        anchors = getattr(found.page, "present_anchor_ids", None)
        if anchors is not None and anchor not in anchors:
            messages.append(f"{site.docs_prefix}{src}: a component links to '{target}#{anchor}', but there is no "
                            f"such anchor on that page (expected an existing heading or item id)")
    aliases = site.guide.aliases.aliases if site.guide.aliases else ()
    messages += ro_aliases.problems(aliases, lambda page: _anchors_of(files, page),
                                    f"{site.docs_prefix}data/aliases.yml")
    if messages:
        raise PluginError(_report("Some component links are broken", messages))
    env.globals["ro_serving"] = _COMMAND["name"] == "serve"  # main.html names no worker then (see ro_offline)
    return ro_i18n.install(env)  # main.html and the theme's partials say `_("…")` too


def on_post_build(*, config: MkDocsConfig) -> None:
    """Minify print.css; name each page's twin in the sitemap; write sw.js (not in serve); build the other editions.

    `extra.ro_languages` names them (`es`): each is built from mkdocs.LANG.yml (which INHERITs mkdocs.yml) into
    LANG/ of this site, by `mkdocs build` and `mkdocs serve` alike, so one command makes (or previews) both.
    """
    site_dir, language = Path(config.site_dir), config.theme["language"]
    ro_assets.minify(site_dir / "assets" / "ro")
    ro_languages.add_alternates(site_dir / "sitemap.xml", language, config.site_url, config.extra.get("alternate"))
    others = tuple(config.extra.get("ro_languages") or ())
    if _COMMAND["name"] != "serve":  # a worker serving cached pages would hide an author's edits from the preview
        _LOG.info(f"Reaching Out: {ro_offline.write(site_dir, language, others)}")
    root = Path(config.config_file_path).resolve().parent
    for other in others if Path(config.docs_dir).resolve() == root / "docs" else ():  # not a test's own pages
        edition = load_config(str(root / f"mkdocs.{other}.yml"), site_dir=str(site_dir / other), strict=config.strict)
        edition.plugins.on_startup(command=_COMMAND["name"], dirty=False)
        _LOG.info(f"Reaching Out: building the edition '{other}' into {other}/")
        try:
            build(edition)
        finally:
            edition.plugins.on_shutdown()


# --- The components' scripts and styles (see ro_assets) ---


def _add_assets(files: Files, config: MkDocsConfig) -> None:
    """Join overrides/components/ into assets/ro/ro.js and ro.css; the sources are not files of the site."""
    folder = Path(config.config_file_path).resolve().parent / "overrides" / "components"
    _unpublish(files, folder)
    try:
        joined = ro_assets.bundle(folder, ro_registry.asset_order())
    except (FileNotFoundError, SyntaxError) as error:
        raise PluginError(f"Reaching Out could not join the components' scripts and styles: {error}") from None
    for name, content in joined.items():
        files.append(File.generated(config, f"assets/ro/{name}", content=content))


# --- Downloads: the guide's PDFs (see ro_pdf) ---
#
# RO_PDFS switches them: unset, `mkdocs build` renders every PDF whose inputs changed and `mkdocs serve`
# uses the cached ones only (the rest are listed as not built, so a preview stays fast); RO_PDFS=1
# renders them in serve too; RO_PDFS=0 makes no PDF at all. RO_PDF_CACHE moves the cache from
# .cache/pdf/ at the project root. PDFs are generated files of the build, never written into docs/.

_LOG = logging.getLogger("mkdocs.hooks.reaching_out")
# The command this process runs. MkDocs calls on_startup once per process and never reloads this
# module; the command cannot change within a process, so this holds no per-build data.
_COMMAND = {"name": "build"}


def on_serve(server, *, config: MkDocsConfig, builder) -> object:  # noqa: ANN001 - MkDocs' LiveReloadServer
    """Reload the preview when another edition's config or pages change too (mkdocs.LANG.yml, docs-LANG/)."""
    root = Path(config.config_file_path).resolve().parent
    languages = config.extra.get("ro_languages") or ()
    for path in filter(Path.exists, (root / n for lang in languages for n in (f"mkdocs.{lang}.yml", f"docs-{lang}"))):
        server.watch(str(path))
    return server


def on_startup(*, command: str, dirty: bool) -> None:
    """Note whether this process builds or serves (serve renders no uncached PDF unless RO_PDFS=1)."""
    _COMMAND["name"] = command


def _add_pdfs(files: Files, config: MkDocsConfig, site: Site) -> None:
    """Make (or take from the cache) every PDF and add it as a generated file under downloads/."""
    # The print templates, their stylesheet and fonts are inputs of the PDFs, not files of the site.
    _unpublish(files, ro_pdf.PRINT)
    if ro_pdf_site.switched_off():
        site.downloads = ro_pdf.PdfBuild(enabled=False)
        _LOG.info("Reaching Out: PDFs switched off (RO_PDFS=0)")
        return
    root = Path(config.config_file_path).resolve().parent

    def url_of(path: str) -> str | None:
        found = files.get_file_from_path(posixpath.normpath(path))
        return found.url if found else None

    pages = [(f.src_uri, f.url) for f in files.documentation_pages()]
    try:
        build = ro_pdf_site.make(site, pages, site_name=config.site_name, root=root, url_of=url_of,
                                 defer=_COMMAND["name"] == "serve")
    except (OSError, ImportError) as error:
        raise PluginError(f"Reaching Out could not make the PDFs: {error} (WeasyPrint needs Pango: on Debian, "
                          f"apt-get install libpango-1.0-0 libpangoft2-1.0-0; or set RO_PDFS=0)") from None
    site.downloads = build
    for pdf in build.pdfs:
        if pdf.path is not None:
            files.append(File.generated(config, f"downloads/{pdf.job.name}", abs_src_path=str(pdf.path)))
    _LOG.info(f"Reaching Out: {len(build.pdfs)} PDFs, {len(build.rendered)} rendered in {build.seconds:.1f} s"
              + (f", {len(build.deferred)} not built in this preview" if build.deferred else ""))
    for message in ro_pdf.overflowing(build, site.guide):  # a warning: `mkdocs build --strict` stops on it
        _LOG.warning(f"{site.docs_prefix}data/worksheets.yml: {message}")


# --- The plan page's catalogue ---


def _add_plan_items(files: Files, config: MkDocsConfig, site: Site) -> None:
    """Publish the plan page's catalogue as items.json beside the plan page (when the guide has one)."""
    home = site.home_of("plan")
    plan = files.get_file_from_path(home) if home else None
    if plan is None:
        return
    src = posixpath.join(posixpath.dirname(plan.dest_uri), ro_plan.CATALOGUE)
    site.plan_items_src = src
    content = ro_plan.catalogue(site, plan.src_uri, _resolver(site, files, plan))
    files.append(File.generated(config, src, content=content))


def _published_site_url(config: MkDocsConfig) -> str:
    """Return the site_url the guide is published at (`mkdocs serve` replaces config.site_url with its own)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # user_configs: what mkdocs.yml and -o said
        written = [c.get("site_url") for c in getattr(config, "user_configs", ()) if c.get("site_url")]
    return written[-1] if written else (config.site_url or "")


# --- Helpers ---


def _site(config: MkDocsConfig) -> Site:
    """Return this build's Site, which on_config handed to the Markdown extension."""
    if not ro_markdown.ACTIVE:
        raise PluginError("reaching_out: the marker extension has no site (on_config did not run)")
    return ro_markdown.ACTIVE[-1]


def _resolver(site: Site, files: Files, file: File):
    """Map guide-relative links (`prepare.md#anchor`) to URLs relative to `file`; note each for checking."""
    done: dict[str, str] = {}  # a component links to the same few pages many times

    def resolve(target: str) -> str:
        if target in done:
            return done[target]
        path, _, anchor = target.partition("#")
        found = files.get_file_from_path(posixpath.normpath(path)) if path else file
        if found is None:
            site.emitted_links.append((file.src_uri, path, anchor))
            return target
        site.emitted_links.append((file.src_uri, found.src_uri, anchor))
        url = get_relative_url(found.url, file.url) if path else ""
        done[target] = f"{url}#{anchor}" if anchor else url
        return done[target]

    return resolve


def _unpublish(files: Files, folder: Path) -> None:
    """Take the files under `folder` (inputs of generated files, in the theme folder) out of the site."""
    inside = str(folder.resolve()) + os.sep  # resolved: `mkdocs build -f mkdocs.yml` gives relative paths
    for file in [f for f in files if f.abs_src_path and str(Path(f.abs_src_path).resolve()).startswith(inside)]:
        files.remove(file)


def _anchors_of(files: Files, page: str) -> set[str] | None:
    found = files.get_file_from_path(page)
    return None if found is None or found.page is None else (found.page.present_anchor_ids or set())


def _report(title: str, messages: list[str]) -> str:
    return f"{title} ({len(messages)}):\n" + "\n".join(f"  {m}" for m in messages)

