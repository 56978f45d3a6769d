"""Render components to HTML through the Jinja partials in `overrides/partials/`.

Imports no MkDocs. One Jinja environment per build, autoescape on and strict about undefined names,
so a typo in a template fails loudly. Templates receive models (never raw YAML) plus `md`, which
renders data text through the safe inline Markdown, resolving guide-relative links for the page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

import ro_i18n
import ro_safe_markdown

_LINK_TAG = re.compile(r"</?a\b[^>]*>")
PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"


def environment(partials: Path = PARTIALS, cache: Path | None = None) -> jinja2.Environment:
    """Create the Jinja environment the components render with; `cache` keeps compiled templates between builds.

    An environment lives for one build, in which no template changes, so it never checks files for changes.
    Jinja's bytecode cache is keyed by each template's source (and the Python version), and its folder by
    this module and Jinja's version, so an edited partial or setting is compiled afresh.
    """
    if cache is not None:
        # Compiled templates also depend on the settings below and on Jinja itself: a folder for each.
        cache = cache / hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:16]
        cache.mkdir(parents=True, exist_ok=True)
    return ro_i18n.install(jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(partials)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache)) if cache is not None else None,
    ))


def resolved(resolve: Callable[[str], str] | None, target: str) -> str:
    """Resolve a guide-relative link for the current page (unchanged when there is no page)."""
    return resolve(target) if resolve else target


def inline(
    resolve: Callable[[str], str] | None = None, cache: dict | None = None, cache_key: str = "",
    short: Callable[[str], str] | None = None,
) -> Callable[[str | None], Markup]:
    """Return `md`: data text to safe inline HTML with links resolved, kept in `cache` by (`cache_key`, text).

    Links depend on the page they are written on, so `cache_key` names it when a cache is shared.
    """
    store = {} if cache is None else cache

    def md(text: str | None) -> Markup:
        if not text:
            return Markup("")
        key = (cache_key, text)
        if key not in store:
            store[key] = ro_safe_markdown.render(text, resolve, short)
        return store[key]

    return md


def render(
    env: jinja2.Environment,
    partial: str,
    *,
    resolve: Callable[[str], str] | None = None,
    cache: dict | None = None,
    cache_key: str = "",
    short: Callable[[str], str] | None = None,
    **context: object,
) -> Markup:
    """Render one partial with `context`; `resolve` maps guide-relative links for the current page.

    `cache`, when given, keeps rendered text by (`cache_key`, text) across calls (see `inline`); `short` gives
    the links in data text their short address for print (see ro_safe_markdown.render).
    """
    md = inline(resolve, cache, cache_key, short)

    def md_text(text: str | None) -> Markup:
        """Inline text for use inside a link: the same, minus any links of its own (links cannot nest)."""
        return Markup(_LINK_TAG.sub("", md(text)))  # noqa: S704 - removes tags from already-safe markup

    def link(target: str) -> str:
        return resolved(resolve, target)

    # `home`: the page a component's anchors are on, for permalinks; "" while it is rendered on that page.
    context.setdefault("home", "")
    html = env.get_template(partial).render(md=md, md_text=md_text, link=link, **context)
    return Markup(html.strip())  # noqa: S704 - the output of an autoescaping template
