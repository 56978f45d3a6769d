"""The question bank: `docs/data/questions.yml` → models → the component → `question-bank.html`.

Questions are grouped in categories and tagged with purposes (why you would ask) and a phase of the
conversation (when you would ask), both defined in the same file so their labels are data too.
Short lists of questions inside chapters are ro_question_list. Accessibility: every category is a
heading; the filter controls are a labelled form that stays hidden until JavaScript can make it
work. Print: questions never split across pages. Above the questions, links to the bank's
printable PDFs (ro_pdf_links; hidden in print).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pydantic import Field

from ro_component import Component, Context, Target
from ro_markers import Marker
from ro_model import Model, Slug, Text, duplicate_ids
from ro_pdf_links import pdf_links
from ro_yaml import Loaded, Problem

FILE, FIELD = "questions.yml", "questions"


class Tag(Model):
    """A purpose or a phase a question can be tagged with."""

    id: Slug
    title: Text
    description: Text | None = None


class Question(Model):
    """One open question to ask."""

    id: Slug
    text: Text
    purposes: tuple[Slug, ...] = Field(min_length=1)
    phase: Slug
    why: Text | None = None


class Category(Model):
    """A group of questions about one subject."""

    id: Slug
    title: Text
    intro: Text | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


class QuestionsFile(Model):
    """The whole of questions.yml."""

    purposes: tuple[Tag, ...] = Field(min_length=1)
    phases: tuple[Tag, ...] = Field(min_length=1)
    categories: tuple[Category, ...] = Field(min_length=1)

    def all_questions(self) -> list[tuple[Category, Question]]:
        """Every question with its category, in file order."""
        return [(c, q) for c in self.categories for q in c.questions]


ROOT = QuestionsFile  # the model of the whole file


def check(data: QuestionsFile, loaded: Loaded) -> list[Problem]:
    """Find duplicate ids and tags that name no purpose or phase."""
    problems = duplicate_ids(data.purposes, ("purposes",), loaded, "purpose")
    problems += duplicate_ids(data.phases, ("phases",), loaded, "phase")
    problems += duplicate_ids(data.categories, ("categories",), loaded, "category")
    purposes = [p.id for p in data.purposes]
    phases = [p.id for p in data.phases]
    seen: dict[str, int] = {}
    for c_index, category in enumerate(data.categories):
        for q_index, question in enumerate(category.questions):
            path = ("categories", c_index, "questions", q_index)
            line = loaded.line_of((*path, "id"))
            if question.id in seen:
                problems.append(
                    Problem(line, f"duplicate question id '{question.id}' (ids must be unique across all "
                                  f"categories; first used on line {seen[question.id]})")
                )
            seen.setdefault(question.id, line)
            for p_index, purpose in enumerate(question.purposes):
                if purpose not in purposes:
                    problems.append(
                        Problem(loaded.line_of((*path, "purposes", p_index)),
                                f"unknown purpose '{purpose}' (expected one of: {', '.join(purposes)})")
                    )
            if question.phase not in phases:
                problems.append(
                    Problem(loaded.line_of((*path, "phase")),
                            f"unknown phase '{question.phase}' (expected one of: {', '.join(phases)})")
                )
    return problems


def index(data: QuestionsFile) -> dict[str, dict]:
    """Questions, categories, purposes and phases by id, for `Guide.get`."""
    return {
        "question": {q.id: q for _, q in data.all_questions()},
        "category": {c.id: c for c in data.categories},
        "purpose": {p.id: p for p in data.purposes},
        "phase": {p.id: p for p in data.phases},
    }


def tags(guide: Any) -> dict[str, Any]:
    """Return the purposes and phases by id, as the question partials show them."""
    return {"purposes": guide.by_kind.get("purpose", {}), "phases": guide.by_kind.get("phase", {})}


# --- The component ---


class QuestionBankComponent(Component):
    """`<!-- ro:question-bank -->`: every question by category, with filters; linkable as `q-ID`, `qc-ID`."""

    name = "question-bank"
    markers = ("question-bank",)
    data, data_file = FIELD, FILE
    default_level, headed = 2, True
    prefix, prefixes, saves = "q-", {"category": "qc-"}, "questions"
    plan_letter, plan_kind = "q", "question"

    def shown(self, guide: Any, marker: Marker) -> list[str]:
        """Every question."""
        return guide.ids("question")

    def targets(self, guide: Any, src: str, marker: Marker) -> list[Target]:
        """Each category, and each question under it."""
        found: list[Target] = []
        for category in guide.questions.categories:
            found.append(Target(src, self.anchor(category.id, of="category"), category.title, "question-category"))
            found += [self.target(src, q.id, q.text, "question", 1) for q in category.questions]
        return found

    def render(self, context: Context, marker: Marker) -> Markup:
        """Render the whole bank with its filters, My questions and the links to its PDFs."""
        return context.render(self.partial, bank=context.guide.questions, bank_href=None, **tags(context.guide),
                              pdf_links=pdf_links(context, "questions", "questions"))
