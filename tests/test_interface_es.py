"""The interface in Spanish (issue 16): every interface text is wrapped for translation, and docs-es/interface.yml
translates each one, no more and no less, with the same placeholders.

A text is wrapped in a template as `{{ _("…") }}` (Jinja's i18n extension, read with `extract_translations`),
in Python as `ro_i18n.gettext("…")` (read from the syntax tree), or it is an English constant that a template or
module translates where it is used (`_(title)`, `gettext(word)`): those are listed in `_constants()`.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

import ro_downloads
import ro_i18n
import ro_message_template
import ro_my_progress
import ro_pdf
import ro_registry
import ro_render
from support import DOCS_ES, ROOT

CATALOGUE = DOCS_ES / ro_i18n.CATALOGUE
TEMPLATES = sorted([*(ROOT / "overrides" / "partials").glob("*.html"), *(ROOT / "overrides" / "print").glob("*.html"),
                    ROOT / "overrides" / "main.html"])
HOOKS = ROOT / "hooks"
# `%(name)s` (Jinja's and Python's) and `{name}` (the scripts' own, filled in the browser).
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")
MARKUP = re.compile(r"<[^>]*>|&\w+;")


def _templates() -> dict[str, set[str]]:
    """Every literal text a template translates → the templates that use it."""
    env = ro_render.environment()
    found: dict[str, set[str]] = {}
    for path in TEMPLATES:
        for _line, _function, message in env.extract_translations(path.read_text(encoding="utf-8")):
            text = message[0] if isinstance(message, tuple) else message  # (text, None…) when it has arguments
            if isinstance(text, str):
                found.setdefault(text, set()).add(path.relative_to(ROOT).as_posix())
    return found


def _python() -> dict[str, set[str]]:
    """Every literal `ro_i18n.gettext("…")` of hooks/ → the modules that use it."""
    found: dict[str, set[str]] = {}
    for path in sorted(HOOKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "gettext"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "ro_i18n"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, set()).add(path.name)
    return found


def _constants() -> dict[str, set[str]]:
    """English constants translated where they are used, not where they are written."""
    found: dict[str, set[str]] = {}

    def add(texts, where: str) -> None:
        for text in texts:
            if text:
                found.setdefault(text, set()).add(where)

    # downloads.html: `_(heading)`, `_(title)`; the paper names in downloads.html and pdf-links.html: `_(paper[1])`.
    add([title for title, _groups in ro_downloads.SECTIONS.values()], "ro_downloads.SECTIONS")
    add(ro_downloads.GROUPS.values(), "ro_downloads.GROUPS")
    add([name for _size, name in ro_pdf.PAPERS.values()], "ro_pdf.PAPERS")
    # message-template.html: `_(channels[template.channel])`.
    add(ro_message_template.CHANNELS.values(), "ro_message_template.CHANNELS")
    # my-progress.html: `_(title)` of each section; ro_my_progress: each of WORDS.
    add([c.saved_title for c in ro_registry.COMPONENTS], "Component.saved_title")
    add([text for verbs in ro_my_progress.WORDS.values() for pair in verbs.values() for text in pair],
        "ro_my_progress.WORDS")
    # ro_offline: the Spanish copy of the phone's home-screen manifest says its description in Spanish.
    manifest = json.loads((ROOT / "overrides" / "assets" / "ro" / "manifest.webmanifest").read_text(encoding="utf-8"))
    add([manifest["description"]], "manifest.webmanifest")
    return found


def _used() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for found in (_templates(), _python(), _constants()):
        for text, where in found.items():
            used.setdefault(text, set()).update(where)
    return used


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    return ro_i18n.load_catalogue(CATALOGUE, "docs-es/interface.yml")


@pytest.fixture
def spanish(catalogue):
    """The Spanish catalogue active for one test; English again afterwards."""
    ro_i18n.use(catalogue)
    yield catalogue
    ro_i18n.use({})


def test_the_extraction_finds_the_interface():
    used = _used()
    # A sample from each source, so a broken extraction cannot pass the tests below by finding nothing.
    assert "Uncheck all" in used and "Uncheck every item of “{title}”?" in used  # a partial, a script's sentence
    assert "Edition of %(date)s" in used and "Link to %(what)s" in used  # a print template, a shared partial
    assert "December" in used and "Counselor pack" in used and "Email" in used  # Python, a constant
    assert len(used) > 200


def test_every_interface_text_has_a_spanish_entry(catalogue):
    missing = [f"{text!r} (in {', '.join(sorted(where))})" for text, where in sorted(_used().items())
               if text not in catalogue]
    assert missing == [], f"{len(missing)} texts have no entry in docs-es/interface.yml:\n" + "\n".join(missing)


def test_the_catalogue_has_no_entry_nobody_uses(catalogue):
    # An entry nobody uses is usually an English text that changed: its new wording needs translating.
    stale = sorted(set(catalogue) - set(_used()))
    assert stale == [], "entries of docs-es/interface.yml no template or module uses (changed English?):\n" + \
        "\n".join(map(repr, stale))


def test_every_entry_keeps_its_placeholders_and_markup(catalogue):
    wrong = []
    for english, spanish in catalogue.items():
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(spanish)):
            wrong.append(f"{english!r}: placeholders {sorted(PLACEHOLDER.findall(spanish))} "
                         f"(expected {sorted(PLACEHOLDER.findall(english))})")
        # The markup and entities of a text are the template's, and a translation lands unescaped (Markup):
        # the same tags, and no quote or < > & the English does not have (it would break an attribute).
        if sorted(MARKUP.findall(english)) != sorted(MARKUP.findall(spanish)):
            wrong.append(f"{english!r}: markup {sorted(MARKUP.findall(spanish))} "
                         f"(expected {sorted(MARKUP.findall(english))})")
        bare = MARKUP.sub("", spanish)
        for char in "\"<>&":
            if char in bare and char not in MARKUP.sub("", english):
                wrong.append(f"{english!r}: {char!r} in the translation (use “ ” for quotes)")
        if "%" in PLACEHOLDER.sub("", spanish):
            wrong.append(f"{english!r}: a bare % in the translation (write %% for a percent sign)")
        if english.startswith(" ") != spanish.startswith(" ") or english.endswith(" ") != spanish.endswith(" "):
            wrong.append(f"{english!r}: leading or trailing space differs from the English")
    assert wrong == []


def test_a_component_renders_in_spanish_with_the_catalogue_and_in_english_without(render, spanish):
    html = render("<!-- ro:checklist the-day-before -->")
    button = html.select_one("button[data-ro-reset]")
    assert button.get_text() == spanish["Uncheck all"] != "Uncheck all"
    assert button["aria-label"] == spanish["Uncheck all: %(title)s"] % {"title": "The day before"}
    section = html.select_one("section.ro-checklist")
    assert section["data-ro-say-uncheck"] == spanish["Uncheck every item of “{title}”?"]
    ro_i18n.use({})
    html = render("<!-- ro:checklist the-day-before -->")
    assert html.select_one("button[data-ro-reset]").get_text() == "Uncheck all"
    assert html.select_one("button[data-ro-reset]")["aria-label"] == "Uncheck all: The day before"
    assert html.select_one("section.ro-checklist")["data-ro-say-uncheck"] == "Uncheck every item of “{title}”?"


def test_a_printed_date_is_in_the_build_language(spanish):
    import ro_editions

    assert ro_editions.shown("2026-12-01") == "1 de diciembre de 2026"
    ro_i18n.use({})
    assert ro_editions.shown("2026-12-01") == "December 1, 2026"


def test_the_pdf_cache_key_holds_the_catalogue(catalogue):
    english = ro_pdf.inputs_digest()
    ro_i18n.use(catalogue)
    try:
        spanish = ro_pdf.inputs_digest()
        ro_i18n.use({**catalogue, "Uncheck all": catalogue["Uncheck all"] + "!"})
        changed = ro_pdf.inputs_digest()
    finally:
        ro_i18n.use({})
    assert len({english, spanish, changed}) == 3  # another language, another translation: another PDF
    assert ro_pdf.inputs_digest() == english


@pytest.mark.parametrize(("text", "message"), [
    ('# a catalogue\n"Print": "Imprimir"\n"Copy": [1, 2]\n', r"^broken\.yml:3: the translation of 'Copy' is \[1, 2\]"),
    ('# a catalogue\n"Print": ""\n', r"^broken\.yml:2: the translation of 'Print' is ''"),
    ("- a list\n", r"^broken\.yml:1: expected a mapping"),
    ('"Print": "Imprimir"\n  bad: [\n', r"^broken\.yml:\d+: "),
])
def test_a_broken_catalogue_is_reported_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "interface.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ro_i18n.CatalogueError) as error:
        ro_i18n.load_catalogue(path, "broken.yml")
    assert error.value.messages and re.match(message, error.value.messages[0]), error.value.messages


def test_the_catalogue_says_what_it_is():
    first = CATALOGUE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and "interface" in first.lower()
