"""The Spanish edition kept in step with the English one (issue 16). Imports no MkDocs.

`docs-es/` mirrors `docs/`: the same pages at the same paths, the same heading ids (each Spanish heading
names its English id, `## Título { #english-id }`), the same component markers, and data files with exactly
the English ids, keys and non-text values; only the text differs. `problems()` lists every place where the two
disagree as `docs-es/FILE:LINE: what is wrong (what was expected)`; the tests and
`python hooks/ro_translation.py` use it. `translations.txt` records, for each Spanish text, a digest of the
English it was translated from, so `stale()` can list the Spanish texts older than their English source (see
CONTRIBUTING, "Spanish").
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import markdown

from ro_data import SHARED as SHARED_DATA
from ro_yaml import Loaded, YamlError, load

ROOT = Path(__file__).resolve().parent.parent
ENGLISH, SPANISH = ROOT / "docs", ROOT / "docs-es"
RECORD = ROOT / "translations.txt"
HEADER = ("# Each Spanish text, and a digest of the English it was translated from (hooks/ro_translation.py).\n"
          "# `make translations` lists the English changed since; `make translations DONE=\"KEY …\"` records that\n"
          "# the Spanish of those keys was brought up to date (DONE=all: every key).\n")

# Data keys whose values are reader-facing text (translated); every other value must equal the English one.
TEXT_KEYS = frozenset({"title", "intro", "text", "detail", "prompt", "examples", "situation", "note",
                       "description", "why", "label", "example", "when", "subject", "body", "help"})

_HEADING_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                       "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]
_MARKER = re.compile(r"^\s*<!--\s*ro:.*?-->\s*$")
_SLOT = re.compile(r"\{[a-z0-9-]+\}")
_LINK = re.compile(r"\]\(([^)\s]+)")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def pages(root: Path = ENGLISH) -> list[str]:
    """Return the guide's Markdown pages, as paths relative to `root`."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md") if "data" not in p.parts)


def data_files(root: Path = ENGLISH) -> list[str]:
    """Return the translated data files (every YAML file in data/ but the shared ones)."""
    return sorted(p.name for p in (root / "data").glob("*.yml") if p.name not in SHARED_DATA)


def heading_ids(text: str) -> list[tuple[str, int]]:
    """Return every heading id of a page (as Python-Markdown's toc makes it), with its level, in order."""
    md = markdown.Markdown(extensions=_HEADING_EXTENSIONS)
    md.convert(_front_matter_removed(text))

    def walk(tokens: list[dict]) -> Iterator[tuple[str, int]]:
        for token in tokens:
            yield token["id"], token["level"]
            yield from walk(token["children"])

    return list(walk(md.toc_tokens))


def markers(text: str) -> list[str]:
    """Return the page's component markers, in order, as written."""
    return [line.strip() for line in text.splitlines() if _MARKER.match(line)]


def _front_matter_removed(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return "\n" * text[: end + 5].count("\n") + text[end + 5:]
    return text


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def page_problems(name: str, english: Path = ENGLISH, spanish: Path = SPANISH) -> list[str]:
    """List what differs, other than the words, between one English page and its Spanish page."""
    shown = f"docs-es/{name}"
    target = spanish / name
    if not target.is_file():
        return [f"{shown}:1: missing (expected the Spanish page of docs/{name})"]
    en_text, es_text = (english / name).read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    problems = []
    en_ids, es_ids = heading_ids(en_text), heading_ids(es_text)
    if en_ids != es_ids:
        missing = [i for i, _ in en_ids if (i, _) not in es_ids]
        extra = [i for i, _ in es_ids if (i, _) not in en_ids]
        where = _line_of(es_text, f"#{extra[0]}") if extra else 1
        problems.append(f"{shown}:{where}: heading ids differ from docs/{name} (missing: {', '.join(missing) or '-'}; "
                        f"not in English: {', '.join(extra) or '-'}; expected the same headings, levels and order, "
                        f"each Spanish heading ending in {{ #its-english-id }})")
    en_markers, es_markers = markers(en_text), markers(es_text)
    if en_markers != es_markers:
        odd = next((m for m in es_markers if m not in en_markers), es_markers[0] if es_markers else "")
        problems.append(f"{shown}:{_line_of(es_text, odd) if odd else 1}: component markers differ from docs/{name} "
                        f"(expected exactly: {' | '.join(en_markers) or 'none'})")
    return problems


def _walk(data: object, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*path, index))
    else:
        yield path, data


def _text_key(path: tuple) -> str | None:
    keys = [p for p in path if isinstance(p, str)]
    return keys[-1] if keys else None


def untranslated(english: str, spanish: str) -> bool:
    """Return True when a text of three words or more is the same in both languages (left in English)."""
    return english == spanish and len(_WORD.findall(english)) >= 3


def data_problems(name: str, english: Path = ENGLISH, spanish: Path = SPANISH) -> list[str]:
    """List what differs, other than the words, between an English data file and its Spanish copy."""
    shown = f"docs-es/data/{name}"
    target = spanish / "data" / name
    if not target.is_file():
        return [f"{shown}:1: missing (expected the Spanish copy of docs/data/{name})"]
    try:
        en, es = load((english / "data" / name).read_text(encoding="utf-8")), load(target.read_text(encoding="utf-8"))
    except YamlError as error:
        return [f"{shown}:{p.line}: {p.message}" for p in error.problems]
    return _compare(en, es, shown)


def _compare(en: Loaded, es: Loaded, shown: str) -> list[str]:
    problems = []
    en_leaves, es_leaves = dict(_walk(en.data)), dict(_walk(es.data))

    def line(path: tuple) -> int:
        while path and path not in es.lines:
            path = path[:-1]
        return es.lines.get(path, 1)

    for path in sorted(set(en_leaves) - set(es_leaves), key=str):
        problems.append(f"{shown}:{line(path)}: {_dotted(path)} is missing (the English file has "
                        f"{en_leaves[path]!r} there; expected the same keys and list items as English)")
    for path in sorted(set(es_leaves) - set(en_leaves), key=str):
        problems.append(f"{shown}:{line(path)}: {_dotted(path)} is not in the English file (expected exactly the "
                        f"English keys and items)")
    for path in sorted(set(en_leaves) & set(es_leaves), key=lambda p: line(p)):
        a, b = en_leaves[path], es_leaves[path]
        if _text_key(path) not in TEXT_KEYS:
            if a != b:
                problems.append(f"{shown}:{line(path)}: {_dotted(path)} is {b!r} (expected {a!r}, as in English: "
                                f"ids and settings are not translated)")
            continue
        if not isinstance(a, str) or not isinstance(b, str):
            continue
        if untranslated(a, b):
            problems.append(f"{shown}:{line(path)}: {_dotted(path)} is still in English (expected Spanish)")
        if sorted(_SLOT.findall(a)) != sorted(_SLOT.findall(b)):
            problems.append(f"{shown}:{line(path)}: {_dotted(path)} has the blanks {sorted(set(_SLOT.findall(b)))} "
                            f"(expected {sorted(set(_SLOT.findall(a)))}, as in English)")
        if sorted(_LINK.findall(a)) != sorted(_LINK.findall(b)):
            problems.append(f"{shown}:{line(path)}: {_dotted(path)} links to {sorted(_LINK.findall(b))} "
                            f"(expected {sorted(_LINK.findall(a))}, as in English)")
    return problems


def _dotted(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def problems(english: Path = ENGLISH, spanish: Path = SPANISH) -> list[str]:
    """List every disagreement between the two editions, other than the words."""
    found = []
    for name in pages(english):
        found += page_problems(name, english, spanish)
    for name in sorted(set(pages(spanish)) - set(pages(english))):
        found.append(f"docs-es/{name}:1: no English page docs/{name} (expected the same pages in both languages)")
    for name in data_files(english):
        found += data_problems(name, english, spanish)
    for name in SHARED_DATA:
        if (spanish / "data" / name).exists():
            found.append(f"docs-es/data/{name}:1: both languages share docs/data/{name} (expected no Spanish copy)")
    return found


# --- Which Spanish texts are older than their English source -------------------------------------------------


def sources(english: Path = ENGLISH) -> dict[str, str]:
    """Return a digest of every English text a Spanish one is made from: each page, and each data file's top items."""
    found = {}
    for name in pages(english):
        found[name] = _digest((english / name).read_bytes())
    for name in data_files(english):
        data = load((english / "data" / name).read_text(encoding="utf-8")).data
        for key, value in (data or {}).items():
            items = value if isinstance(value, list) else [value]
            for index, item in enumerate(items):
                ident = item.get("id", index) if isinstance(item, dict) else index
                found[f"data/{name}:{key}:{ident}"] = _digest(repr(item).encode())
    return found


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def recorded(path: Path = RECORD) -> dict[str, str]:
    """Return what translations.txt says each Spanish text was translated from."""
    if not path.is_file():
        return {}
    return dict(line.split() for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#"))


def stale(english: Path = ENGLISH, path: Path = RECORD) -> list[str]:
    """List the English texts changed (or added) since their Spanish translation was last brought up to date."""
    done = recorded(path)
    return [key for key, sha in sources(english).items() if done.get(key) != sha]


def record(keys: list[str] | None = None, english: Path = ENGLISH, path: Path = RECORD) -> None:
    """Mark the Spanish of `keys` (all texts when None) as translated from today's English."""
    now, done = sources(english), recorded(path)
    for key in now if keys is None else keys:
        done[key] = now[key]
    lines = [f"{key} {done[key]}" for key in sorted(done) if key in now]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Run a command: `check`, `ids PAGE…`, `stale` (what changed in English since translated), `done KEY…|all`."""
    command = argv[0] if argv else "check"
    if command == "ids":  # the heading ids a Spanish page must name, e.g. `ids prepare.md`
        for name in argv[1:]:
            for ident, level in heading_ids((ENGLISH / name).read_text(encoding="utf-8")):
                print(f"{'#' * level} {{ #{ident} }}")
        return 0
    if command == "done":
        record(None if argv[1:] == ["all"] else argv[1:])
        return 0
    found = problems() if command == "check" else [f"{key}: the English changed since it was translated"
                                                   for key in stale()]
    print("\n".join(found) or "nothing to report")
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
