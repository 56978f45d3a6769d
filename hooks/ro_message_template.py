"""Message templates: `docs/data/templates.yml` → models → the component → `message-template.html`.

A template is plain text with fill-in slots written `{slot-id}`; slots shared by many templates
(your name, their name, how you know each other) are defined once at the top of the file.
Without JavaScript the text reads with each slot shown as its bracketed label; the composer form
stays hidden until JavaScript can make it work. Print: the text with its slots, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup
from pydantic import Field

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_model import Count, Model, Plain, Slug, Text, duplicate_ids
from ro_safe_markdown import plain
from ro_yaml import Loaded, Problem

FILE, FIELD = "templates.yml", "templates"
SLOT = re.compile(r"\{([^{}]*)\}")
CHANNELS = {
    "email": "Email",
    "linkedin": "LinkedIn message",
    "letter": "Letter",
    "phone": "Phone call",
    "voicemail": "Voicemail",
    "text-message": "Text message",
    "in-person": "In person",
}

Channel = Literal["email", "linkedin", "letter", "phone", "voicemail", "text-message", "in-person"]
# The most characters a channel carries, where a template sets none of its own (`limit:`).
LIMITS = {"text-message": 160}


class Slot(Model):
    """A fill-in field of a message."""

    id: Slug
    label: Text
    example: Text | None = None
    optional: bool = False  # left out of the message while empty, and not counted as a blank to fill


class Template(Model):
    """A message a reader can adapt and send."""

    id: Slug
    title: Text
    channel: Channel
    when: Text
    subject: Plain | None = None
    body: Plain
    fields: tuple[Slot, ...] = ()
    limit: Count | None = Field(default=None, ge=20, le=5000)  # characters the channel allows

    @property
    def max_length(self) -> int | None:
        """The most characters the message may have: its own limit, else its channel's, else none."""
        return self.limit or LIMITS.get(self.channel)

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


ROOT = TemplatesFile  # the model of the whole file


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


def index(data: TemplatesFile) -> dict[str, dict]:
    """Return the templates by id, for `Guide.get`."""
    return {"template": {t.id: t for t in data.templates}}


@dataclass(frozen=True)
class Segment:
    """A run of a message: literal text, or a fill-in slot."""

    text: str
    slot: str | None = None


def message_lines(text: str) -> list[list[list[Segment]]]:
    """Split a message into paragraphs → lines → segments of text and slots."""
    paragraphs = []
    for paragraph in [p for p in text.strip().split("\n\n") if p.strip()]:
        lines = []
        for line in paragraph.strip("\n").split("\n"):
            segments, last = [], 0
            for match in SLOT.finditer(line):
                if match.start() > last:
                    segments.append(Segment(line[last : match.start()]))
                segments.append(Segment(match.group(0), slot=match.group(1)))
                last = match.end()
            if last < len(line):
                segments.append(Segment(line[last:]))
            lines.append(segments)
        paragraphs.append(lines)
    return paragraphs


# --- The component ---


class MessageTemplateComponent(Component):
    """`<!-- ro:template ID -->`: a message with fill-in slots and its composer, linkable as `tpl-ID`."""

    name = "message-template"
    markers = ("template", "message-template")
    data, data_file, kind = FIELD, FILE, "template"
    prefix, plan_letter, saves, saved_title = "tpl-", "t", "slots", "Message details"

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Return the template itself."""
        template = guide.get("template", marker.target)
        return [self.target(src, template.id, template.title, "template")]

    def saved(self, guide: Any, href: Callable[[str, str | None], str | None]) -> dict:
        """Every fill-in slot's label (slots are saved by id, shared across templates), for My progress."""
        found: dict[str, str] = {}
        if guide.templates:
            for slot in (*guide.templates.shared_fields, *(s for t in guide.templates.templates for s in t.fields)):
                found.setdefault(slot.id, plain(slot.label))
        return found

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the message with its slots and the composer form."""
        template = context.guide.get("template", marker.target)
        slots = {s.id: s for s in (*context.guide.templates.shared_fields, *template.fields)}
        return context.render(self.partial, template=template, slots=slots, channels=CHANNELS,
                              message_lines=message_lines)
