"""The PDF cache key: made of the modules ro_pdf imports and the print templates it loads, no others.

Each test edits a throwaway copy of hooks/ or overrides/print/ and compares `ro_pdf.inputs_digest`
before and after, so no test renders a PDF.
"""

from __future__ import annotations

import shutil

import pytest

import ro_pdf
import ro_pdf_cache

HOOKS = ro_pdf.HOOKS


@pytest.fixture
def hooks(tmp_path):
    """A copy of hooks/ to edit."""
    copy = tmp_path / "hooks"
    copy.mkdir()
    for module in HOOKS.glob("*.py"):
        shutil.copy(module, copy)
    return copy


@pytest.fixture
def print_dir(tmp_path):
    """A copy of overrides/print/ to edit."""
    copy = tmp_path / "print"
    shutil.copytree(ro_pdf.PRINT, copy)
    return copy


def _append(path, text):
    with path.open("a") as file:
        file.write(text)


def test_the_modules_in_the_key_are_those_ro_pdf_reaches_through_imports():
    names = {p.name for p in ro_pdf_cache.modules_reached(HOOKS / "ro_pdf.py")}
    # ro_model is reached through ro_data (the hand-kept list before it missed it).
    assert {"ro_pdf.py", "ro_pdf_cache.py", "ro_pdf_acroform.py", "ro_render.py", "ro_safe_markdown.py",
            "ro_data.py", "ro_model.py", "ro_worksheet.py", "ro_checklist.py", "ro_question_bank.py"} <= names
    assert not names & {"reaching_out.py", "ro_assets.py", "ro_schemas.py"}


def test_editing_a_module_the_pdfs_import_changes_the_key(hooks):
    before = ro_pdf.inputs_digest(hooks=hooks)
    assert before == ro_pdf.inputs_digest()  # the copy is keyed like the original
    _append(hooks / "ro_model.py", "\n# a change\n")
    assert ro_pdf.inputs_digest(hooks=hooks) != before


def test_editing_a_module_the_pdfs_do_not_import_leaves_the_key(hooks):
    before = ro_pdf.inputs_digest(hooks=hooks)
    _append(hooks / "ro_assets.py", "\n# a change\n")
    _append(hooks / "reaching_out.py", "\n# a change\n")
    (hooks / "ro_dummy.py").write_text('"""A module nobody imports."""\n')
    assert ro_pdf.inputs_digest(hooks=hooks) == before


def test_a_module_imported_inside_a_function_is_part_of_the_key(hooks):
    (hooks / "ro_lazy.py").write_text('"""Imported on first use."""\n')
    before = ro_pdf.inputs_digest(hooks=hooks)
    _append(hooks / "ro_pdf_acroform.py", "\n\ndef _later():\n    import ro_lazy\n\n    return ro_lazy\n")
    assert "ro_lazy.py" in {p.name for p in ro_pdf_cache.modules_reached(hooks / "ro_pdf.py")}
    keyed = ro_pdf.inputs_digest(hooks=hooks)
    _append(hooks / "ro_lazy.py", "# a change\n")
    assert len({before, keyed, ro_pdf.inputs_digest(hooks=hooks)}) == 3


def test_an_import_by_computed_name_stops_with_an_error(hooks):
    _append(hooks / "ro_render.py", "\n\ndef _load(name):\n    return importlib.import_module(name)\n")
    with pytest.raises(RuntimeError, match=r"ro_render\.py:\d+: an import by computed name"):
        ro_pdf.inputs_digest(hooks=hooks)


def test_the_templates_in_the_key_are_those_reached_from_the_entry_templates(print_dir):
    env = ro_pdf.environment(print_dir)
    assert sorted(env.list_templates()) == sorted({*ro_pdf.TEMPLATES, "base.html", "macros.html"})


@pytest.mark.parametrize("template", ["macros.html", "base.html"])
def test_editing_a_template_reached_only_through_import_or_extends_changes_the_key(print_dir, template):
    # macros.html is only ever `{% import %}`ed and base.html only `{% extends %}`ed: neither is an entry.
    assert template not in ro_pdf.TEMPLATES
    before = ro_pdf.inputs_digest(print_dir)
    assert before == ro_pdf.inputs_digest()
    _append(print_dir / template, "{# a change #}\n")
    assert ro_pdf.inputs_digest(print_dir) != before


def test_a_template_nobody_loads_is_not_part_of_the_key_and_cannot_be_loaded(print_dir):
    before = ro_pdf.inputs_digest(print_dir)
    (print_dir / "stray.html").write_text("<p>not printed</p>\n")
    assert ro_pdf.inputs_digest(print_dir) == before
    env = ro_pdf.environment(print_dir)
    env.get_template("macros.html")
    with pytest.raises(RuntimeError, match="'stray.html' is not part of the PDF cache key"):
        env.get_template("stray.html")


def test_a_template_named_at_run_time_makes_every_template_part_of_the_key(print_dir):
    (print_dir / "stray.html").write_text("<p>one</p>\n")
    _append(print_dir / "document.html", "{% if false %}{% include title %}{% endif %}\n")
    before = ro_pdf.inputs_digest(print_dir)
    (print_dir / "stray.html").write_text("<p>two</p>\n")
    assert ro_pdf.inputs_digest(print_dir) != before
    ro_pdf.environment(print_dir).get_template("stray.html")


def test_plan_asks_each_component_for_its_home_and_prints_that_address(sample_guide):
    guide = sample_guide
    asked = []

    def where(name: str, item: str, part: str | None) -> str | None:
        asked.append((name, item, part))
        return f"{name}.md#{item or 'top'}"

    jobs = ro_pdf.plan(guide, site_name="Reaching Out", link=lambda t: f"https://example.org/{t}", where=where,
                       short=lambda t: f"https://example.org/go/{t.replace('.md#', '-')}/")
    assert sorted(asked) == sorted(
        [("worksheet", w.id, None) for w in guide.worksheets.worksheets]
        + [("checklist", c.id, None) for c in guide.checklists.checklists]
        + [("question-bank", "", None), ("downloads", "", None)])
    prep = next(j for j in jobs if j.name == "worksheet-conversation-prep-a4.pdf")
    assert (prep.home, prep.url) == ("worksheet.md#conversation-prep",
                                     "https://example.org/worksheet.md#conversation-prep")
    # On paper: the home's short address as a person types it, and its QR code
    assert "example.org/go/worksheet-conversation-prep/" in prep.html
    assert "<title>QR code: https://example.org/go/worksheet-conversation-prep/</title>" in prep.html
