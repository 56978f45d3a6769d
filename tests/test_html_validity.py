"""Every built page passes the Nu HTML Checker, except a short list of Material's own known issues."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's markup, not ours. Each entry: (start of the message, a piece of the offending markup).
KNOWN_MATERIAL_ISSUES = [
    # Material's hidden drawer and search toggles are checkboxes with autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # Material's collapsible navigation sections render their labels with an empty tabindex.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
]


def _problems(site: Path) -> list[str]:
    if not VNU.is_file():
        pytest.fail("The Nu HTML Checker is missing: run `npm ci` (make test does it) to install vnu-jar")
    if shutil.which("java") is None:
        pytest.fail("Java is missing: install a Java runtime 17+ (apt-get install default-jre-headless)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = []
    for message in messages:
        if message["type"] != "error":
            continue
        if any(message["message"].startswith(text) and markup in message.get("extract", "")
               for text, markup in KNOWN_MATERIAL_ISSUES):
            continue
        where = message.get("url", "").split(str(site))[-1]
        problems.append(f"{where}:{message.get('lastLine')}: {message['message']}")
    return problems


def test_sample_site_is_valid_html(sample_site):
    assert _problems(sample_site) == []


def test_real_site_is_valid_html(real_site):
    assert _problems(real_site) == []


def test_the_checker_finds_errors(tmp_path):
    """Guard against a checker that passes everything."""
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html lang=en><title>x</title><p id=a></p><p id=a></p>")
    assert any("Duplicate ID" in p for p in _problems(tmp_path))
