"""Load and validate all of the guide's data into one immutable `Guide`.

Imports no MkDocs. Each file under `docs/data/` is one kind of data, named by its file name; the
module of that kind (listed in DATA) declares its `FILE`, the `Guide` field it fills (`FIELD`), its
root model (`ROOT`), its semantic `check` and an `index` of its items by id for `Guide.get`. Problems
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

# The modules of the data kinds, each with FILE, FIELD, ROOT (the file's model), check() and index().
# The order is the order problems are reported in.
DATA = (ro_question_bank, ro_checklist, ro_worksheet, ro_message_template, ro_network_map, ro_plans, ro_aliases)
# File name → (root model, semantic checks).
KINDS = {module.FILE: (module.ROOT, module.check) for module in DATA}
_BY_FILE = {module.FILE: module for module in DATA}


# Data files with no reader-facing text, which every language reads from the English data folder.
SHARED = ("aliases.yml",)


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


def load_guide(data_dir: Path, root: Path | None = None, shared: Path | None = None) -> Guide:
    """Load every data file in `data_dir`; raise DataError listing all problems.

    `shared` is the English data folder when `data_dir` is another language's: the files in SHARED (no
    reader-facing text) are read from there.
    """
    root = root or data_dir.parent.parent
    messages: list[str] = []
    models: dict[str, BaseModel] = {}
    lines: dict[str, Loaded] = {}
    shown: dict[str, str] = {}
    borrowed = [shared / name for name in SHARED
                if shared and shared != data_dir and not (data_dir / name).exists() and (shared / name).is_file()]
    for path in sorted(data_dir.glob("*.y*ml")) + borrowed:
        shown_as = display(path, root)
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


def display(path: Path, root: Path) -> str:
    """Return `path` as an author reads it: relative to the project's root when it is inside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _assemble(models: dict[str, BaseModel]) -> Guide:
    by_kind: dict[str, dict] = {}
    for name, model in models.items():
        by_kind.update(_BY_FILE[name].index(model))
    return Guide(
        **{_BY_FILE[name].FIELD: model for name, model in models.items()},
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
