"""Conventions: every registered component is complete, named one way in every layer, and dispatched only
through the registry; the hooks have no import cycle, and only the adapter imports MkDocs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import ro_assets
import ro_registry
from conftest import ROOT

HOOKS = ROOT / "hooks"
PARTIALS = ROOT / "overrides" / "partials"
SOURCES = ROOT / "overrides" / "components"
COMPONENTS = {c.name: c for c in ro_registry.COMPONENTS}
# Partials shared by several components, or Material's own that we override.
SHARED_PARTIALS = {"ro-macros.html", "question.html", "my-questions.html", "plan-item.html",
                   "pdf-links.html", "progress.html", "search.html",
                   "go.html", "print-source.html",  # the short addresses' pages and the printed pages' top (ro_go)
                   "alternate.html"}  # Material's language switch, page to page (mkdocs.yml extra.alternate)
CORE_SOURCES = {name for names in ro_assets.SITE_WIDE.values() for name in names}  # core.js, offline.js, base.css


def _module(name: str) -> Path:
    return HOOKS / f"ro_{name.replace('-', '_')}.py"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    return found | {node.module.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_component_lives_in_its_own_module(name):
    component = COMPONENTS[name]
    assert Path(type(component).__module__ + ".py").name == _module(name).name
    assert _module(name).is_file()


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_component_has_partial_script_style_tests_and_docs(name):
    component = COMPONENTS[name]
    assert component.partial == f"{name}.html"
    template = PARTIALS / component.partial
    assert template.is_file()
    assert f'class="ro-{name}' in template.read_text(), f"the partial's block is not .ro-{name}"
    if component.script:
        assert (SOURCES / f"{component.script}.js").is_file(), f"no overrides/components/{component.script}.js"
    assert component.style, "every component is styled"
    css = (SOURCES / f"{component.style}.css").read_text() + (SOURCES / "base.css").read_text()  # cards are shared
    assert re.search(rf"\.ro-{name}[\s,{{:_.\[]", css), f"no styles for .ro-{name} in {component.style}.css"
    tests = ROOT / "tests" / f"test_{name.replace('-', '_')}.py"
    assert tests.is_file(), f"no {tests.name}"
    text = tests.read_text()
    assert "def test_" in text and any(f"ro:{m}" in text for m in component.markers), \
        f"{tests.name} renders no 'ro:{component.markers[0]}' marker"
    contributing = (ROOT / "CONTRIBUTING.md").read_text()
    assert f"<!-- ro:{component.markers[0]}" in contributing, "CONTRIBUTING.md shows no marker for it"
    assert re.search(rf"^\| `{name}` \|", contributing, re.M), "CONTRIBUTING.md's table of names has no row for it"


def test_every_partial_and_source_belongs_to_a_component():
    partials = {c.partial for c in COMPONENTS.values()} | SHARED_PARTIALS
    assert sorted(p.name for p in PARTIALS.glob("*.html") if p.name not in partials) == []
    sources = CORE_SOURCES | {f"{c.script}.js" for c in COMPONENTS.values() if c.script}
    sources |= {f"{c.style}.css" for c in COMPONENTS.values() if c.style}
    assert sorted(p.name for p in SOURCES.iterdir() if p.name not in sources) == []


def test_markers_and_anchor_prefixes_are_declared_once():
    markers = [m for c in ro_registry.COMPONENTS for m in c.markers]
    assert len(markers) == len(set(markers))
    prefixes = [p for c in ro_registry.COMPONENTS if c.unique for p in (c.prefix, *c.prefixes.values()) if p]
    assert len(prefixes) == len(set(prefixes))


@pytest.mark.parametrize("module", sorted(HOOKS.glob("*.py")), ids=lambda p: p.name)
def test_no_module_dispatches_on_component_names(module):
    """Only a component's own module may compare a string with its name: everyone else asks the registry."""
    names = {m for c in ro_registry.COMPONENTS for m in (c.name, *c.markers)}
    own = {m for c in ro_registry.COMPONENTS if _module(c.name) == module for m in (c.name, *c.markers)}
    compared = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                for leaf in ast.walk(side):
                    if isinstance(leaf, ast.Constant) and leaf.value in names - own:
                        compared.add(leaf.value)
    assert compared == set()


def test_the_hooks_have_no_import_cycle():
    local = {p.stem for p in HOOKS.glob("*.py")}
    graph = {p.stem: _imports(p) & local for p in HOOKS.glob("*.py")}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " → ".join((*path, name))
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


@pytest.mark.parametrize("module", sorted(HOOKS.glob("*.py")), ids=lambda p: p.name)
def test_modules_stay_small(module):
    assert len(module.read_text().splitlines()) <= 300


@pytest.mark.parametrize("module", sorted(HOOKS.glob("*.py")), ids=lambda p: p.name)
def test_only_the_adapter_imports_mkdocs(module):
    imported = _imports(module)
    if module.name == "reaching_out.py":
        assert "mkdocs" in imported
    else:
        assert "mkdocs" not in imported


@pytest.mark.parametrize("template", sorted((ROOT / "overrides").rglob("*.html")), ids=lambda p: p.name)
def test_no_template_marks_data_safe(template):
    assert "|safe" not in template.read_text().replace(" ", ""), template.name


@pytest.mark.parametrize("template", sorted(PARTIALS.glob("*.html")), ids=lambda p: p.name)
def test_partials_take_anchors_from_the_registry(template):
    """Ids a link can point to come from `anchor()`, never from a prefix spelled out in a partial."""
    prefixes = {p for c in ro_registry.COMPONENTS for p in (c.prefix, *c.prefixes.values()) if p}
    spelled = [p for p in prefixes if re.search(rf'["\'=\s]{re.escape(p)}\{{\{{', template.read_text())
               or f'"{p}" ~' in template.read_text()]
    assert spelled == []


@pytest.mark.parametrize("module", sorted(HOOKS.glob("*.py")), ids=lambda p: p.name)
def test_hook_modules_hold_no_data_at_import(module):
    """`mkdocs serve` never reloads hook modules, so data must be loaded per build, not at import."""
    tree = ast.parse(module.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            source = ast.unparse(node)
            assert "load_guide(" not in source and "read_text(" not in source, source


def _sentence_names() -> tuple[set[str], set[str]]:
    """The sentences the scripts ask for by name (`words` or `tell(root, "GoneMany")` → gone-many), and those the
    templates define (`data-ro-say-gone-many="…"` in the partials and main.html)."""
    asked = set()
    for source in SOURCES.glob("*.js"):
        for call in re.finditer(r"\b(?:words|tell)\([^,]+,\s*([^{)]*)", source.read_text(encoding="utf-8")):
            for name in re.findall(r'"([A-Z]\w*)"', call.group(1)):
                asked.add(re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower())
    templates = [*PARTIALS.glob("*.html"), ROOT / "overrides" / "main.html"]
    defined = {m for t in templates for m in re.findall(r"\bdata-ro-say-([a-z-]+)=", t.read_text(encoding="utf-8"))}
    return asked, defined


def test_every_sentence_a_script_says_is_written_in_a_template_and_every_written_one_is_said():
    """A name missing from the templates would show the reader the bare name ("Damaged"); one no script asks
    for is a sentence nobody reads (see `words` in core.js)."""
    asked, defined = _sentence_names()
    assert len(asked) > 40  # the pattern still finds the calls
    assert sorted(asked - defined) == []
    # Some names reach words() through a variable (my-progress's problem()): each must be in a script as "Name".
    scripts = "".join(source.read_text(encoding="utf-8") for source in SOURCES.glob("*.js"))
    camel = {name: '"' + re.sub(r"(?:^|-)([a-z])", lambda m: m.group(1).upper(), name) + '"' for name in defined}
    assert sorted(name for name in defined - asked if camel[name] not in scripts) == []
