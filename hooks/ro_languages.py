"""The editions' links to each other, for search engines; each edition's whole config (issue 16). No MkDocs.

`flattened` resolves an edition config's INHERIT as MkDocs does, for an engine whose INHERIT differs (Zensical).

Every page has the same path in both editions (English at the site's root, Spanish in es/), so a page's
alternate in another language is that language's root plus the same path. Material names each language's root
in every page's <head> with a relative address, which search engines and Lighthouse refuse (hreflang wants a
full address, page by page); main.html leaves those out, and `add_alternates` writes the alternates into each
edition's sitemap instead (the sitemap way of hreflang, https://developers.google.com/search/docs/specialty/
international/localized-versions#sitemap), one `<xhtml:link>` per language plus `x-default`, the English.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin

XHTML = "http://www.w3.org/1999/xhtml"
_LOC = re.compile(r"(?P<indent>[ \t]*)<loc>(?P<url>[^<]+)</loc>")


def roots(site_url: str, alternate: list[dict]) -> dict[str, str]:
    """Each language's root address, from this edition's site_url and extra.alternate's links (relative to it)."""
    return {alt["lang"]: urljoin(site_url, alt["link"]) for alt in alternate}


def alternates(url: str, own: str, languages: dict[str, str]) -> list[tuple[str, str]]:
    """(hreflang, address) of `url`, a page of the edition `own`, in every language, then x-default (the first)."""
    path = url.removeprefix(languages[own])
    found = [(lang, root + path) for lang, root in languages.items()]
    return [*found, ("x-default", found[0][1])]


def add_alternates(sitemap: Path, own: str, site_url: str | None, alternate: list[dict] | None) -> int:
    """Write every page's alternates into the sitemap (and its .gz); return the number of pages.

    `own` is the edition's language, `alternate` its config's extra.alternate (nothing to do without one).
    """
    if not alternate or not site_url or not sitemap.is_file():
        return 0
    languages = roots(site_url, alternate)
    text = sitemap.read_text(encoding="utf-8")
    count = 0

    def links(match: re.Match) -> str:
        nonlocal count
        count += 1
        indent = match["indent"]
        return match[0] + "".join(f'\n{indent}<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
                                  for lang, href in alternates(match["url"], own, languages))

    if f'xmlns:xhtml="{XHTML}"' not in text:
        text = text.replace("<urlset ", f'<urlset xmlns:xhtml="{XHTML}" ', 1)
        text = _LOC.sub(links, text)
    sitemap.write_text(text, encoding="utf-8")
    packed = sitemap.with_name(sitemap.name + ".gz")
    if packed.exists():
        packed.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return count


# --- One config per edition for an engine whose INHERIT joins lists (Zensical: its nav would be both) ---


def flattened(config: Path) -> str:
    """Return `config` (mkdocs.es.yml) with its INHERIT resolved as MkDocs resolves it.

    Mappings are merged key by key; anything else (a list: nav, extra.alternate) is the child's. Zensical's
    INHERIT appends lists instead, so its Spanish site would have both editions' menus. Merged as YAML nodes,
    not values, so tags such as `!!python/name:` come through as written; paths stay relative to the folder.
    """
    import yaml

    def merge(parent: yaml.Node, child: yaml.Node) -> yaml.Node:
        if not (isinstance(parent, yaml.MappingNode) and isinstance(child, yaml.MappingNode)):
            return child
        pairs = {key.value: (key, value) for key, value in parent.value}
        for key, value in child.value:
            pairs[key.value] = (key, merge(pairs[key.value][1], value) if key.value in pairs else value)
        return yaml.MappingNode(parent.tag, list(pairs.values()))

    node = yaml.compose(config.read_text(encoding="utf-8"))
    inherit = next((value.value for key, value in node.value if key.value == "INHERIT"), None)
    if inherit is not None:
        node.value = [(key, value) for key, value in node.value if key.value != "INHERIT"]
        node = merge(yaml.compose(flattened(config.parent / inherit)), node)
    return yaml.serialize(node, allow_unicode=True, width=120)


if __name__ == "__main__":  # `python hooks/ro_languages.py mkdocs.es.yml > FILE`: the edition's config, whole
    import sys

    sys.stdout.write(flattened(Path(sys.argv[1])))
