"""Shared building blocks of the data models: ids, safe text, and readable validation messages.

Imports no MkDocs. Every data kind's models derive from `Model` (frozen, unknown keys rejected) and
use `Slug` for permanent ids and `Text` for reader-facing text. `explain()` turns pydantic's errors
into `Problem`s with the YAML line and a sentence an author can act on.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Strict, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

import ro_safe_markdown
from ro_yaml import Loaded, Problem

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_HELP = "an id of lowercase letters, digits and single hyphens, like 'ask-for-names'"
# What each pattern used in the models asks for, in words (other modules add theirs).
PATTERN_HELP = {SLUG_PATTERN: SLUG_HELP}


def _safe_text(value: str) -> str:
    found = ro_safe_markdown.problems(value)
    if found:
        raise PydanticCustomError("unsafe_text", found[0])
    return value


Slug = Annotated[str, Strict(), StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, Strict(), StringConstraints(min_length=1), AfterValidator(_safe_text)]
Count = Annotated[int, Strict()]


class Model(BaseModel):
    """Base of every data model: immutable, strict about keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def strings(value: object) -> Iterator[str]:
    """Yield every string a model holds, however deep (for checks that read all the data's text)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name))


def explain(error: ValidationError, root: type[BaseModel], loaded: Loaded) -> list[Problem]:
    """Turn a pydantic ValidationError into line-numbered problems in the author's words."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if _follows_from_other_errors(item):
            continue
        problems.append(Problem(loaded.line_of(loc), _sentence(item, loc, root)))
    return sorted(set(problems), key=lambda p: p.line)


def _follows_from_other_errors(item: dict[str, Any]) -> bool:
    """Pydantic also calls a list 'too short' when its entries failed; the entries' errors say more."""
    value, least = item.get("input"), (item.get("ctx") or {}).get("min_length", 0)
    return item["type"] == "too_short" and isinstance(value, list | tuple) and len(value) >= least


def _sentence(item: dict[str, Any], loc: tuple, root: type[BaseModel]) -> str:
    kind = item["type"]
    name = _name(loc)
    value = item.get("input")
    ctx = item.get("ctx") or {}
    if kind == "missing":
        parent = _model_at(root, loc[:-1])
        needed = ", ".join(n for n, f in parent.model_fields.items() if f.is_required()) if parent else ""
        return f"missing key '{loc[-1]}' (required here: {needed})"
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent else ""
        return f"unknown key '{loc[-1]}' (expected one of: {allowed})"
    if kind == "unsafe_text":
        return f"{name} {item['msg']}"
    if kind == "string_pattern_mismatch":
        return f"{name} is {_describe(value)} (expected {PATTERN_HELP.get(ctx.get('pattern'), SLUG_HELP)})"
    if kind == "literal_error":
        return f"{name} is {_describe(value)} (expected one of: {_choices(ctx.get('expected', ''))})"
    if kind in ("too_short", "string_too_short"):
        least = ctx.get("min_length", 1)
        what = "text" if kind == "string_too_short" else f"at least {least} {'entry' if least == 1 else 'entries'}"
        return f"{name} is empty (expected {what})"
    if kind == "too_long":
        return f"{name} has {ctx.get('actual_length')} entries (expected at most {ctx.get('max_length')})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        side = "at least" if kind == "greater_than_equal" else "at most"
        return f"{name} is {_describe(value)} (expected a number {side} {bound})"
    if kind == "value_error" or kind.startswith("ro_"):
        return str(item["msg"]).removeprefix("Value error, ")
    expected = _EXPECTED.get(kind, kind.replace("_", " "))
    return f"{name} is {_describe(value)} (expected {expected})"


_EXPECTED = {
    "string_type": "text; put it in quotes if it is meant as text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "dict_type": "a mapping of keys to values",
}


def _choices(expected: str) -> str:
    return expected.replace("'", "").replace(" or ", ", ")


def _name(loc: tuple) -> str:
    """Name the place of an error: the key, or 'entry N of' a list."""
    parts = list(loc)
    index = None
    while parts and isinstance(parts[-1], int):
        index = parts.pop()
    key = next((p for p in reversed(parts) if isinstance(p, str)), "the file")
    if index is not None:
        return f"entry {index + 1} of '{key}'"
    return f"'{key}'"


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"'{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Follow `loc` through the model's field types to the model found there."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = current.model_fields[part].annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, Annotated, tuple[...] and list[...] down to the item type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (tuple, list) or origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
            annotation = args[0] if args else annotation
            if not args:
                return annotation
        else:
            return annotation


def _plain_text(value: str) -> str:
    if ro_safe_markdown.has_html(value):
        raise PydanticCustomError("unsafe_text", "contains HTML (expected plain text)")
    return value


# Text that is never rendered as Markdown (message bodies copied into email), but still has no HTML.
Plain = Annotated[str, Strict(), StringConstraints(min_length=1), AfterValidator(_plain_text)]


def duplicate_ids(items: Any, path: tuple, loaded: Loaded, what: str) -> list[Problem]:
    """Report every id in `items` used before by an earlier item of the same list."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        line = loaded.line_of((*path, index, "id"))
        if item.id in seen:
            problems.append(
                Problem(line, f"duplicate {what} id '{item.id}' (ids must be unique; first used on line "
                              f"{seen[item.id]})")
            )
        else:
            seen[item.id] = line
    return problems


def drop_none(values: dict) -> dict:
    """Return the entries of `values` that are not None (for compact JSON)."""
    return {k: v for k, v in values.items() if v is not None}
