"""Load YAML keeping the line of every value, so data errors can say `file:line`.

Imports no MkDocs. `load(text)` returns plain Python data plus a map from each value's path
(a tuple of keys and list indexes) to its 1-based line; duplicate keys and tab indentation are
reported as problems instead of being silently accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, at a line."""

    line: int
    message: str


class YamlError(Exception):
    """The file is not readable YAML; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        """Keep the problems for the caller to report."""
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Loaded:
    """Plain data from a YAML file and the line of every value in it."""

    data: object
    lines: dict[Path, int]
    # Lines inside literal block scalars (`|`), so a problem in a long text can point at its own line.
    block_starts: dict[Path, int]

    def line_of(self, path: Path) -> int:
        """Return the line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load(text: str) -> Loaded:
    """Parse one YAML document; raise YamlError with line-numbered problems if it is not valid YAML."""
    tab_problems = _tab_indentation(text)
    if tab_problems:
        raise YamlError(tab_problems)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # PyYAML may notice a problem only at the end of the stream, past the last line of text.
        line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark else 1
        message = f"not valid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem:
            message += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise YamlError([Problem(line, message)]) from None
    if node is None:
        return Loaded(None, {(): 1}, {})
    builder = _Builder()
    data = builder.build(node, ())
    if builder.problems:
        raise YamlError(builder.problems)
    return Loaded(data, builder.lines, builder.block_starts)


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when present (several times faster), else PyYAML's own parser.

    When libyaml rejects the text, parse again with PyYAML's parser: its messages say more.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _tab_indentation(text: str) -> list[Problem]:
    """Find lines indented with a tab: YAML forbids it and PyYAML's own message is cryptic."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            problems.append(Problem(number, "tab used for indentation (indent with spaces)"))
    return problems


class _Builder:
    """Turn a composed node tree into Python data, recording lines and duplicate keys."""

    def __init__(self) -> None:
        self.constructor = yaml.SafeLoader("")
        self.lines: dict[Path, int] = {}
        self.block_starts: dict[Path, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Path) -> object:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            self.constructor.flatten_mapping(node)
            result: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    self.problems.append(
                        Problem(key_node.start_mark.line + 1, f"key {key!r} must be text (expected a name)")
                    )
                    continue
                if key in result:
                    self.problems.append(
                        Problem(
                            key_node.start_mark.line + 1,
                            f"duplicate key '{key}' (each key may appear once; the first is on line "
                            f"{self.lines[(*path, key)]})",
                        )
                    )
                    continue
                result[key] = self.build(value_node, (*path, key))
                # A key's line is where the key is written, which is where an author looks.
                self.lines[(*path, key)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.style == "|":
            self.block_starts[path] = node.start_mark.line + 2
        return self.constructor.construct_object(node, deep=True)
