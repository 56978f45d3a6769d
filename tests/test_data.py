"""Data layer: every real data file validates; every broken file gives its one exact message."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import ro_data
import ro_schemas
from conftest import DATA, ROOT, SAMPLE_DOCS

CASES = sorted((ROOT / "tests" / "data-errors").glob("*.yml"))


def _case(path: Path) -> tuple[str, list[str], str | None]:
    text = path.read_text(encoding="utf-8")
    kind = path.stem.split("--")[0] + ".yml"
    expected = [m.group(1) for m in re.finditer(r"^# expect: (.*)$", text, re.M)]
    schema = re.search(r"^# schema: (\w+)", text, re.M)
    return kind, [f"docs/data/{kind}:{e}" for e in expected], schema.group(1) if schema else None


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[c.stem for c in CASES])
def test_broken_file_reports_exact_problem(path, tmp_path):
    kind, expected, _ = _case(path)
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    shutil.copy(path, data / kind)
    with pytest.raises(ro_data.DataError) as caught:
        ro_data.load_guide(data, tmp_path)
    assert caught.value.messages == expected


@pytest.mark.parametrize("path", [c for c in CASES if _case(c)[2]], ids=lambda c: c.stem)
def test_json_schema_agrees_with_validator(path):
    """Structural mistakes are caught by the editor schema too; semantic ones only by the validator."""
    kind, _, verdict = _case(path)
    schema = json.loads((DATA / "schemas" / kind.replace(".yml", ".schema.json")).read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text())))
    assert (len(errors) > 0) == (verdict == "rejects"), [e.message for e in errors]


@pytest.mark.parametrize("folder", [DATA, SAMPLE_DOCS / "data"], ids=["real", "sample"])
def test_data_files_validate(folder):
    guide = ro_data.load_guide(folder, ROOT)
    assert guide.questions is not None and guide.checklists is not None


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")) + sorted((SAMPLE_DOCS / "data").glob("*.yml")),
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_valid_files_pass_json_schema(path):
    schema = json.loads((DATA / "schemas" / path.name.replace(".yml", ".schema.json")).read_text())
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(path.read_text()))


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")), ids=lambda p: p.name)
def test_each_data_file_points_editors_at_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{path.stem}.schema.json"


def test_every_data_kind_has_a_file_and_a_schema():
    for kind in ro_data.KINDS:
        assert (DATA / kind).is_file(), kind
        assert (DATA / "schemas" / kind.replace(".yml", ".schema.json")).is_file(), kind


def test_committed_schemas_match_the_models():
    for name, text in ro_schemas.schemas().items():
        assert (DATA / "schemas" / name).read_text() == text, f"run `make schemas` to refresh {name}"


def test_problems_from_several_files_are_reported_together(tmp_path):
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    (data / "checklists.yml").write_text("checklists: []\n")
    (data / "plans.yml").write_text("plans:\n  - id: Bad\n")
    (data / "notes.yml").write_text("a: 1\n")
    with pytest.raises(ro_data.DataError) as caught:
        ro_data.load_guide(data, tmp_path)
    messages = caught.value.messages
    assert "docs/data/checklists.yml:1: 'checklists' is empty (expected at least 1 entry)" in messages
    assert any(m.startswith("docs/data/plans.yml:2: 'id' is 'Bad'") for m in messages)
    assert any(m.startswith("docs/data/notes.yml:1: unknown data file") for m in messages)


def test_not_utf8_is_reported(tmp_path):
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    (data / "checklists.yml").write_bytes(b"checklists:\n  - id: caf\xe9\n")
    with pytest.raises(ro_data.DataError) as caught:
        ro_data.load_guide(data, tmp_path)
    assert caught.value.messages[0].startswith("docs/data/checklists.yml:1: not UTF-8 text")


def test_models_are_immutable():
    guide = ro_data.load_guide(SAMPLE_DOCS / "data", ROOT)
    checklist = guide.get("checklist", "before-you-reach-out")
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError subclass
        checklist.title = "changed"
    assert isinstance(checklist.items, tuple)
