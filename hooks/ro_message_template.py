"""Message templates: `docs/data/templates.yml` → models → `message-template.html`.

A template is plain text with fill-in slots written `{slot-id}`; slots shared by many templates
(your name, their name, how you know each other) are defined once at the top of the file.
Without JavaScript the text reads with each slot shown as its bracketed label; the composer form
stays hidden until JavaScript can make it work. Print: the text with its slots, nothing else.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from ro_model import Model, Plain, Slug, Text, duplicate_ids
from ro_yaml import Loaded, Problem

SLOT = re.compile(r"\{([^{}]*)\}")

Channel = Literal["email", "linkedin", "letter", "phone", "voicemail", "text-message", "in-person"]


class Slot(Model):
    """A fill-in field of a message."""

    id: Slug
    label: Text
    example: Text | None = None


class Template(Model):
    """A message a reader can adapt and send."""

    id: Slug
    title: Text
    channel: Channel
    when: Text
    subject: Plain | None = None
    body: Plain
    fields: tuple[Slot, ...] = ()

    def slot_ids(self) -> list[str]:
        """Slot ids in the order they first appear in the subject and body."""
        found: list[str] = []
        for text in (self.subject or "", self.body):
            for match in SLOT.finditer(text):
                if match.group(1) not in found:
                    found.append(match.group(1))
        return found


class TemplatesFile(Model):
    """The whole of templates.yml."""

    shared_fields: tuple[Slot, ...] = ()
    templates: tuple[Template, ...] = Field(min_length=1)


def check(data: TemplatesFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate ids and slots that name no field."""
    problems = duplicate_ids(data.shared_fields, ("shared_fields",), loaded, "field")
    problems += duplicate_ids(data.templates, ("templates",), loaded, "template")
    shared = {slot.id for slot in data.shared_fields}
    for t_index, template in enumerate(data.templates):
        path = ("templates", t_index)
        problems += duplicate_ids(template.fields, (*path, "fields"), loaded, "field")
        known = shared | {slot.id for slot in template.fields}
        for key in ("subject", "body"):
            text = getattr(template, key) or ""
            for match in SLOT.finditer(text):
                name = match.group(1)
                if name not in known:
                    line = _line_in_text(loaded, (*path, key), text, match.start())
                    problems.append(Problem(line, f"unknown fill-in field '{{{name}}}' in {key} (expected one of: "
                                                  f"{', '.join('{' + k + '}' for k in sorted(known))})"))
    return problems


def _line_in_text(loaded: Loaded, path: tuple, text: str, offset: int) -> int:
    """Line of a character inside a `|` block, or the key's line for other text."""
    start = loaded.block_starts.get(path)
    if start is None:
        return loaded.line_of(path)
    return start + text.count("\n", 0, offset)
