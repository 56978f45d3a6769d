"""The small, safe inline Markdown that data text may use: *emphasis*, **strong**, `code`, [links](…).

Imports no MkDocs. Raw HTML is always escaped; links may only go to http, https, mailto or a
relative address (another page of the guide). `problems()` is used by validation so an unsafe text
stops the build; `render()` escapes regardless, as a second line of defence.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
# A character the parser would act on (markup, an entity, or one it normalises). Text without any
# renders as itself, escaped: most data text is like that, so it skips the parser.
_NEEDS_PARSER = re.compile(r"[*_`\[\]\\&\r\0]")


def is_safe_url(url: str) -> bool:
    """Return True for http(s), mailto and relative addresses."""
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def is_external(url: str) -> bool:
    """Return True for an address on another site (http or https)."""
    match = _SCHEME.match(url)
    return match is not None and match.group(1).lower() in ("http", "https")


def _link_open(self, tokens, idx, options, env):
    """Rewrite a relative link target through the page's resolver; mark links for print (external, short address)."""
    href = str(tokens[idx].attrs.get("href", ""))
    resolve = env.get("resolve") if env else None
    short = env.get("short") if env else None
    internal = _SCHEME.match(href) is None and not href.startswith("#")
    address = short(href) if internal and short is not None else ""
    if address:
        tokens[idx].attrs["data-ro-go"] = address
    if resolve is not None and internal:
        tokens[idx].attrs["href"] = resolve(href)
    if is_external(href):
        tokens[idx].attrs["data-ro-external"] = ""
    return self.renderToken(tokens, idx, options, env)


# One stateless parser for the process; it holds no data.
_MD = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape", "entity"])
_MD.validateLink = is_safe_url
_MD.add_render_rule("link_open", _link_open)


def links(text: str) -> list[str]:
    """Return every link target written in `text`, safe or not."""
    if "](" not in text:  # the one form of link the parser knows (no autolinks, no reference definitions)
        return []
    found = []
    for token in _MD.parseInline(text):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(str(child.attrs.get("href", "")))
    # markdown-it drops links it refuses, so look for the written form as well.
    found += [m.group(1) for m in re.finditer(r"\]\(\s*([^)\s]+)", text) if m.group(1) not in found]
    return found


def has_html(text: str) -> bool:
    """Return True when `text` contains something that looks like an HTML tag or comment."""
    return _HTML_TAG.search(text) is not None


def problems(text: str) -> list[str]:
    """Describe what makes `text` unsafe or unsupported (empty when it is fine)."""
    found = []
    if has_html(text):
        found.append("contains HTML (expected plain text with Markdown: *emphasis*, `code`, [a link](https://…))")
    for url in links(text):
        if not is_safe_url(url):
            scheme = _SCHEME.match(url).group(1)
            found.append(f"links to '{scheme}:' (expected a link to http, https, mailto or a page of the guide)")
    return found


def plain(text: str) -> str:
    """Return data text as plain text: its inline Markdown rendered, then the tags dropped."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(render(text))))


def render(text: str, resolve: Callable[[str], str] | None = None,
           short: Callable[[str], str] | None = None) -> Markup:
    """Render inline Markdown to safe HTML; `resolve` rewrites relative link targets for the current page.

    `short(target)` is a guide-relative target's short address as typed (ro_go), or "": print.css writes it.
    """
    if _NEEDS_PARSER.search(text) is None:
        return Markup(escapeHtml(text))  # noqa: S704 - escaped just now, exactly as markdown-it would
    # markdown-it escapes all raw HTML here (the "zero" preset has html=False).
    return Markup(_MD.renderInline(text, {"resolve": resolve, "short": short}))
