"""Worksheets: `docs/data/worksheets.yml` → models → the component → `worksheet.html` (and ro_pdf's fillable PDFs).

A worksheet is a real HTML form: one control per field, a <label> for every control, sections as
fieldsets with legends, repeated rows as a table whose every cell control has its own label.
Without JavaScript the form can be filled and printed but is not saved. Print: one field never
splits across pages; each worksheet declares the number of pages it is designed for. Under the
form, links to its fillable PDFs (ro_pdf_links).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from markupsafe import Markup
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_model import Count, Model, Slug, Text, drop_none, duplicate_ids
from ro_pdf_links import pdf_links
from ro_safe_markdown import plain
from ro_yaml import Loaded, Problem

FILE, FIELD = "worksheets.yml", "worksheets"

FieldType = Literal["short-text", "long-text", "date", "checkbox", "choice", "rows"]
ColumnType = Literal["short-text", "date", "checkbox", "choice"]


class Option(Model):
    """One answer of a choice field."""

    id: Slug
    label: Text


class Suggest(Model):
    """A next-step date filled in for the reader: `months` after the date of column `after` of the same row."""

    after: Slug
    months: Count = Field(ge=1, le=12)


class Column(Model):
    """One column of a repeated-rows field.

    `reminder: true` marks a date column as the date of the row's next step: each row gets an "Add to
    calendar" button (an .ics file made in the browser). `suggest` fills it in from another date column.
    """

    id: Slug
    label: Text
    type: ColumnType = "short-text"
    options: tuple[Option, ...] | None = None
    reminder: bool | None = None
    suggest: Suggest | None = None

    @model_validator(mode="after")
    def _options_match_type(self) -> Column:
        _check_options(self.type, self.options, self.id)
        for key in ("reminder", "suggest"):
            if getattr(self, key) is not None and self.type != "date":
                raise PydanticCustomError("ro_field", "column '{id}' has '{key}' but is not a date (expected "
                                          "type: date)", {"id": self.id, "key": key})
        return self


class WorksheetField(Model):
    """One question of a worksheet and the control that answers it."""

    id: Slug
    label: Text
    type: FieldType
    help: Text | None = None
    options: tuple[Option, ...] | None = None
    columns: tuple[Column, ...] | None = None
    rows: Count | None = Field(default=None, ge=1, le=40)
    lines: Count | None = Field(default=None, ge=1, le=30)

    @model_validator(mode="after")
    def _keys_match_type(self) -> WorksheetField:
        _check_options(self.type, self.options, self.id)
        if self.type == "rows" and not self.columns:
            raise PydanticCustomError("ro_field", "field '{id}' has type rows but no 'columns' (expected a list "
                                      "of columns)", {"id": self.id})
        if self.type != "rows" and (self.columns is not None or self.rows is not None):
            raise PydanticCustomError("ro_field", "field '{id}' has 'columns' or 'rows' but is not of type rows "
                                      "(expected type: rows)", {"id": self.id})
        dates = {c.id for c in self.columns or () if c.type == "date"}
        if any(c.reminder for c in self.columns or ()) and all(c.type != "short-text" for c in self.columns or ()):
            raise PydanticCustomError("ro_field", "field '{id}' has a reminder column but no short-text column to "
                                      "name the reminder (expected a column such as 'name')", {"id": self.id})
        for column in self.columns or ():
            if column.suggest and column.suggest.after not in dates - {column.id}:
                raise PydanticCustomError("ro_field", "column '{id}' suggests a date after '{after}', which is not "
                                          "another date column of field '{field}' (expected one of: {known})",
                                          {"id": column.id, "after": column.suggest.after, "field": self.id,
                                           "known": ", ".join(sorted(dates - {column.id})) or "none"})
        if self.lines is not None and self.type != "long-text":
            raise PydanticCustomError("ro_field", "field '{id}' has 'lines' but is not long-text (expected type: "
                                      "long-text)", {"id": self.id})
        return self

    @property
    def row_count(self) -> int:
        """Rows shown before the reader adds more."""
        return self.rows or 3

    @property
    def line_count(self) -> int:
        """Lines of writing space a long-text field gets on paper."""
        return self.lines or 4


def _check_options(kind: str, options: tuple[Option, ...] | None, field_id: str) -> None:
    if kind == "choice" and (not options or len(options) < 2):
        raise PydanticCustomError("ro_field", "choice field '{id}' needs 'options' (expected a list of at "
                                  "least 2 options with id and label)", {"id": field_id})
    if kind != "choice" and options is not None:
        raise PydanticCustomError("ro_field", "field '{id}' has 'options' but is not a choice (expected "
                                  "type: choice)", {"id": field_id})


class Section(Model):
    """A titled group of fields."""

    id: Slug
    title: Text
    intro: Text | None = None
    fields: tuple[WorksheetField, ...] = Field(min_length=1)


class Worksheet(Model):
    """A printable, fillable form."""

    id: Slug
    title: Text
    intro: Text | None = None
    pages: Count = Field(ge=1, le=8)
    sections: tuple[Section, ...] = Field(min_length=1)

    def all_fields(self) -> list[WorksheetField]:
        """Every field of the worksheet, in order."""
        return [f for s in self.sections for f in s.fields]


class WorksheetsFile(Model):
    """The whole of worksheets.yml."""

    worksheets: tuple[Worksheet, ...] = Field(min_length=1)


ROOT = WorksheetsFile  # the model of the whole file


def check(data: WorksheetsFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate worksheet, section, field, column and option ids."""
    problems = duplicate_ids(data.worksheets, ("worksheets",), loaded, "worksheet")
    for w_index, worksheet in enumerate(data.worksheets):
        base = ("worksheets", w_index, "sections")
        problems += duplicate_ids(worksheet.sections, base, loaded, "section")
        # Field ids name form controls and PDF fields, so they are unique across the whole worksheet.
        seen: dict[str, int] = {}
        for s_index, section in enumerate(worksheet.sections):
            for f_index, field in enumerate(section.fields):
                path = (*base, s_index, "fields", f_index)
                line = loaded.line_of((*path, "id"))
                if field.id in seen:
                    problems.append(Problem(line, f"duplicate field id '{field.id}' (ids must be unique within "
                                                  f"a worksheet; first used on line {seen[field.id]})"))
                seen.setdefault(field.id, line)
                if field.options:
                    problems += duplicate_ids(field.options, (*path, "options"), loaded, "option")
                if field.columns:
                    problems += duplicate_ids(field.columns, (*path, "columns"), loaded, "column")
    return problems


def index(data: WorksheetsFile) -> dict[str, dict]:
    """Return the worksheets by id, for `Guide.get`."""
    return {"worksheet": {w.id: w for w in data.worksheets}}


# --- The component ---


class WorksheetComponent(Component):
    """`<!-- ro:worksheet ID -->`: a fillable form, each field linkable as `ws-ID--FIELD`, with its PDFs."""

    name = "worksheet"
    markers = ("worksheet",)
    data, data_file, kind = FIELD, FILE, "worksheet"
    prefix, plan_letter, saves, saved_title = "ws-", "w", "worksheets", "Worksheets"

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Return the worksheet and each of its fields."""
        worksheet = guide.get("worksheet", marker.target)
        found = [self.target(src, worksheet.id, worksheet.title, "worksheet")]
        return found + [Target(src, self.anchor(worksheet.id, f.id), f.label, "worksheet-field", 1)
                        for f in worksheet.all_fields()]

    def saved(self, guide: Any, href: Callable[[str, str | None], str | None]) -> dict:
        """Every worksheet: title, link and fields (with their options and columns), for My progress."""
        return {w.id: drop_none({"title": plain(w.title), "href": href(w.id, None),
                                 "fields": [[f.id, _described(f)] for f in w.all_fields()]})
                for w in (guide.worksheets.worksheets if guide.worksheets else ())}

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the form, then the links to its PDFs when the build made them."""
        form = context.render(self.partial, worksheet=context.guide.get("worksheet", marker.target))
        links = pdf_links(context, "worksheets", marker.target)
        return form + Markup("\n") + links if links else form


def _described(field: WorksheetField) -> dict:
    described = {"label": plain(field.label), "type": field.type}
    if field.options:
        described["options"] = {o.id: plain(o.label) for o in field.options}
    if field.columns:
        described["columns"] = [
            [c.id, drop_none({"label": plain(c.label), "type": c.type, "reminder": c.reminder or None,
                              "options": {o.id: plain(o.label) for o in c.options} if c.options else None})]
            for c in field.columns
        ]
    return described
