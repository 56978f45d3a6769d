"""Conventions: every component is complete (partial, styles, tests), and only the adapter imports MkDocs."""

from __future__ import annotations

import ast
import re

import pytest

import ro_components
from conftest import ROOT

# Marker name → (partial, CSS block, test module). A new marker must be added here with all three.
COMPONENTS = {
    "checklist": ("checklist.html", "ro-checklist", "test_checklists.py"),
    "question-bank": ("question-bank.html", "ro-qbank", "test_questions.py"),
    "questions": ("question-list.html", "ro-qlist", "test_questions.py"),
    "worksheet": ("worksheet.html", "ro-worksheet", "test_worksheets.py"),
    "template": ("message-template.html", "ro-template", "test_templates.py"),
    "network-map": ("network-map.html", "ro-netmap", "test_network.py"),
    "my-progress": ("my-progress.html", "ro-progress", "test_progress.py"),
    "downloads": ("downloads.html", "ro-downloads", "test_pdfs.py"),
    "link-index": ("link-index.html", "ro-links", "test_counselors.py"),
    "plans": ("plans.html", "ro-plans", "test_counselors.py"),
    "plan": ("plan.html", "ro-plan", "test_counselors.py"),
}


def test_every_marker_is_a_known_component():
    assert set(ro_components.SPECS) == set(COMPONENTS)


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_component_has_partial_styles_and_tests(name):
    partial, block, tests = COMPONENTS[name]
    template = ROOT / "overrides" / "partials" / partial
    assert template.is_file()
    assert f'class="{block}' in template.read_text()
    css = (ROOT / "overrides" / "assets" / "ro" / "ro.css").read_text()
    assert re.search(rf"\.{block}[\s,{{:_]", css), f"no styles for .{block}"
    test_file = ROOT / "tests" / tests
    assert test_file.is_file() and "def test_" in test_file.read_text()


@pytest.mark.parametrize("module", sorted((ROOT / "hooks").glob("*.py")), ids=lambda p: p.name)
def test_only_the_adapter_imports_mkdocs(module):
    tree = ast.parse(module.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    if module.name == "reaching_out.py":
        assert "mkdocs" in imported
    else:
        assert "mkdocs" not in imported


def test_no_template_marks_data_safe():
    for template in (ROOT / "overrides" / "partials").glob("*.html"):
        assert "|safe" not in template.read_text().replace(" ", ""), template.name


@pytest.mark.parametrize("module", sorted((ROOT / "hooks").glob("*.py")), ids=lambda p: p.name)
def test_hook_modules_hold_no_data_at_import(module):
    """`mkdocs serve` never reloads hook modules, so data must be loaded per build, not at import."""
    tree = ast.parse(module.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            source = ast.unparse(node)
            assert "load_guide(" not in source and "read_text(" not in source, source
