"""Load and validate all of the guide's data into one immutable `Guide`.

Imports no MkDocs. Each file under `docs/data/` is one kind of data, named by its file name. Problems
are collected across every file and reported together as `FILE:LINE: what is wrong (what was
expected)`. Cross-file references (plans naming questions, checklists, …) are checked once every
file has loaded cleanly, so one typo does not cascade into many messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ValidationError

import ro_aliases
import ro_checklist
import ro_message_template
import ro_network_map
import ro_plans
import ro_question_bank
import ro_worksheet
from ro_model import explain
from ro_yaml import Loaded, YamlError, load

# File name → (root model, semantic checks). The order is the order problems are reported in.
KINDS = {
    "questions.yml": (ro_question_bank.QuestionsFile, ro_question_bank.check),
    "checklists.yml": (ro_checklist.ChecklistsFile, ro_checklist.check),
    "worksheets.yml": (ro_worksheet.WorksheetsFile, ro_worksheet.check),
    "templates.yml": (ro_message_template.TemplatesFile, ro_message_template.check),
    "network-map.yml": (ro_network_map.NetworkFile, ro_network_map.check),
    "plans.yml": (ro_plans.PlansFile, ro_plans.check),
    "aliases.yml": (ro_aliases.AliasesFile, ro_aliases.check),
}


class DataError(Exception):
    """The guide's data has problems; `messages` lists each as `FILE:LINE: text`."""

    def __init__(self, messages: list[str]):
        """Keep every message for the report."""
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Guide:
    """Everything the data files say, validated, with lookups by id."""

    questions: ro_question_bank.QuestionsFile | None = None
    checklists: ro_checklist.ChecklistsFile | None = None
    worksheets: ro_worksheet.WorksheetsFile | None = None
    templates: ro_message_template.TemplatesFile | None = None
    network: ro_network_map.NetworkFile | None = None
    plans: ro_plans.PlansFile | None = None
    aliases: ro_aliases.AliasesFile | None = None
    by_kind: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    def get(self, kind: str, item_id: str):
        """Return the item of `kind` ('question', 'checklist', …) with `item_id`, or None."""
        return self.by_kind.get(kind, {}).get(item_id)

    def ids(self, kind: str) -> list[str]:
        """All ids of one kind, in file order."""
        return list(self.by_kind.get(kind, {}))


def load_file(path: Path, kind: str, shown_as: str) -> tuple[BaseModel | None, Loaded | None, list[str]]:
    """Load one data file as `kind`; return the model (or None) and its problems as messages."""
    model_type, check = KINDS[kind]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [f"{shown_as}:1: not UTF-8 text ({exc.reason} at byte {exc.start}; save as UTF-8)"]
    try:
        loaded = load(text)
    except YamlError as exc:
        return None, None, [f"{shown_as}:{p.line}: {p.message}" for p in exc.problems]
    if not isinstance(loaded.data, dict):
        got = "nothing" if loaded.data is None else "a list" if isinstance(loaded.data, list) else "a single value"
        keys = ", ".join(model_type.model_fields)
        return None, None, [f"{shown_as}:1: the file holds {got} (expected a mapping with the keys: {keys})"]
    try:
        model = model_type.model_validate(loaded.data)
    except ValidationError as exc:
        return None, loaded, [f"{shown_as}:{p.line}: {p.message}" for p in explain(exc, model_type, loaded)]
    problems = check(model, loaded)
    return model, loaded, [f"{shown_as}:{p.line}: {p.message}" for p in sorted(problems, key=lambda p: p.line)]


def load_guide(data_dir: Path, root: Path | None = None) -> Guide:
    """Load every data file in `data_dir`; raise DataError listing all problems."""
    root = root or data_dir.parent.parent
    messages: list[str] = []
    models: dict[str, BaseModel] = {}
    lines: dict[str, Loaded] = {}
    shown: dict[str, str] = {}
    for path in sorted(data_dir.glob("*.y*ml")):
        shown_as = _display(path, root)
        if path.name not in KINDS:
            messages.append(f"{shown_as}:1: unknown data file (expected one of: {', '.join(KINDS)})")
            continue
        model, loaded, problems = load_file(path, path.name, shown_as)
        messages += problems
        if model is not None and loaded is not None and not problems:
            models[path.name], lines[path.name], shown[path.name] = model, loaded, shown_as
    if messages:
        raise DataError(messages)
    guide = _assemble(models)
    messages = _check_references(guide, lines, shown)
    if messages:
        raise DataError(messages)
    return guide


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _assemble(models: dict[str, BaseModel]) -> Guide:
    by_kind: dict[str, dict] = {}
    questions = models.get("questions.yml")
    if questions is not None:
        by_kind["question"] = {q.id: q for _, q in questions.all_questions()}
        by_kind["category"] = {c.id: c for c in questions.categories}
        by_kind["purpose"] = {p.id: p for p in questions.purposes}
        by_kind["phase"] = {p.id: p for p in questions.phases}
    if (checklists := models.get("checklists.yml")) is not None:
        by_kind["checklist"] = {c.id: c for c in checklists.checklists}
    if (worksheets := models.get("worksheets.yml")) is not None:
        by_kind["worksheet"] = {w.id: w for w in worksheets.worksheets}
    if (templates := models.get("templates.yml")) is not None:
        by_kind["template"] = {t.id: t for t in templates.templates}
    if (network := models.get("network-map.yml")) is not None:
        by_kind["network-category"] = {c.id: c for g in network.groups for c in g.categories}
    if (plans := models.get("plans.yml")) is not None:
        by_kind["plan"] = {p.id: p for p in plans.plans}
    return Guide(
        questions=questions,
        checklists=checklists,
        worksheets=worksheets,
        templates=templates,
        network=network,
        plans=plans,
        aliases=models.get("aliases.yml"),
        by_kind=MappingProxyType({k: MappingProxyType(v) for k, v in by_kind.items()}),
    )


def _check_references(guide: Guide, lines: dict[str, Loaded], shown: dict[str, str]) -> list[str]:
    messages = []
    if guide.plans is not None:
        loaded = lines["plans.yml"]
        for p_index, plan in enumerate(guide.plans.plans):
            for i_index, ref in enumerate(plan.items):
                kind, _, item_id = ref.partition(":")
                if kind in ro_plans.REF_KINDS and guide.get(kind, item_id) is None:
                    line = loaded.line_of(("plans", p_index, "items", i_index))
                    messages.append(f"{shown['plans.yml']}:{line}: {kind} '{item_id}' does not exist "
                                    f"(expected the id of a {kind} in {kind}s.yml)")
    return messages
