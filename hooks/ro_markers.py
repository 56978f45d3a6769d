"""The marker grammar: one line of Markdown, an HTML comment, that names a component and its arguments.

Imports no MkDocs and knows no component: `parse()` is given the components by marker name (see
ro_registry), each saying which data kind its positional id names (`kind`) and which options it
takes. A marker reads cleanly on GitHub (`<!-- ro:checklist the-day-before level=2 -->`); a line that
starts like one but does not parse is an error, never passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

# A line that is nothing but a marker; a line that starts like one but does not parse is an error.
_MARKER = re.compile(r"^(?P<indent>\s*)<!--\s*ro:(?P<name>[^\s>]*)(?P<args>.*?)\s*-->\s*$")
_ATTEMPT = re.compile(r"^\s*<!--\s*ro:")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")


class Grammar(Protocol):
    """What the grammar needs to know of a component."""

    kind: str | None  # the data kind its positional id names, or None when it takes no id
    options: tuple[str, ...]


@dataclass(frozen=True)
class Marker:
    """One parsed marker line, with the name as written (an older name stays as the author wrote it)."""

    line: int
    name: str
    target: str | None
    options: tuple[tuple[str, str], ...] = ()

    def option(self, key: str) -> str | None:
        """Return the value of option `key`, or None."""
        return dict(self.options).get(key)


class MarkerError(Exception):
    """A marker could not be rendered."""


def fenced(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for every line outside fenced code."""
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
        yield number, line


def parse(text: str, components: Mapping[str, Grammar],
          shown: Sequence[str] | None = None) -> tuple[list[Marker], list[tuple[int, str]]]:
    """Find marker lines outside fenced code; return markers and (line, problem) pairs.

    `components` maps every marker name (older ones too) to its component; `shown` names the ones an
    unknown marker's message suggests (default: all).
    """
    markers, problems = [], []
    for number, line in fenced(text):
        if not _ATTEMPT.match(line):
            continue
        match = _MARKER.match(line)
        if match is None:
            problems.append((number, "marker not closed on its line (expected <!-- ro:NAME ARGUMENTS --> alone on "
                                     "one line)"))
            continue
        marker, problem = _marker(number, match.group("name"), match.group("args").split(), components,
                                  shown or list(components))
        if problem:
            problems.append((number, problem))
        else:
            markers.append(marker)
    return markers, problems


def _marker(number: int, name: str, args: list[str], components: Mapping[str, Grammar],
            shown: Sequence[str]) -> tuple[Marker | None, str | None]:
    spec = components.get(name)
    if spec is None:
        return None, f"unknown marker 'ro:{name}' (expected one of: {', '.join('ro:' + n for n in shown)})"
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
