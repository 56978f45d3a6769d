"""The interface's words in the build's language (issue 16). Imports no MkDocs.

Templates and scripts' sentences are written in English, each wrapped for translation: `{{ _("Print") }}` or
`{% trans %}…{% endtrans %}` in a partial (Jinja's i18n extension, new-style: `_("Saved %(n)s", n=3)`), and
`ro_i18n.gettext("…")` in Python. A language other than English has a catalogue, `docs-es/interface.yml`: one
entry per English text, `"Print": "Imprimir"`. `use()` makes a build's catalogue the active one; a text with
no entry stays English, and a test lists any such text for Spanish.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ro_yaml import YamlError, load

ACTIVE: dict[str, str] = {}  # English text → the build's language; empty while the build is English
CATALOGUE = "interface.yml"  # in a language's docs folder, beside its pages


class CatalogueError(Exception):
    """A catalogue that cannot be used; `messages` are `file:line: what is wrong`."""

    def __init__(self, messages: list[str]):
        """Keep every message for the report."""
        super().__init__("\n".join(messages))
        self.messages = messages


def load_catalogue(path: Path, shown_as: str) -> dict[str, str]:
    """Read a catalogue (a mapping of English text to translated text); empty when there is no file."""
    if not path.is_file():
        return {}
    try:
        loaded = load(path.read_text(encoding="utf-8"))
    except YamlError as error:
        raise CatalogueError([f"{shown_as}:{p.line}: {p.message}" for p in error.problems]) from None
    if not isinstance(loaded.data, dict):
        raise CatalogueError([f"{shown_as}:1: expected a mapping of English text to its translation"])
    messages = [f"{shown_as}:{loaded.lines.get((key,), 1)}: the translation of {key!r} is {value!r} "
                f"(expected text)" for key, value in loaded.data.items()
                if not isinstance(key, str) or not isinstance(value, str) or not value.strip()]
    if messages:
        raise CatalogueError(messages)
    return dict(loaded.data)


def use(catalogue: dict[str, str]) -> None:
    """Make `catalogue` the one every template and `gettext` read from, for this build."""
    ACTIVE.clear()
    ACTIVE.update(catalogue)


def gettext(text: str) -> str:
    """Return the text in the build's language (unchanged when it has no translation)."""
    return ACTIVE.get(text, text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or plural text, by `count`, in the build's language."""
    return gettext(singular if count == 1 else plural)


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Give a Jinja environment `_()`, `gettext`, `ngettext` and `{% trans %}`, reading the active catalogue."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env
