"""Installs are locked: requirements.lock pins every Python package with hashes, and agrees with pyproject.toml."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support import ROOT

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _direct() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def _lock(text: str) -> dict[str, dict]:
    """name → {version, hashes, via} for each entry of a `uv pip compile --generate-hashes` file."""
    entries: dict[str, dict] = {}
    current = None
    for line in text.splitlines():
        if match := PIN.match(line):
            current = entries[canonicalize_name(match.group(1))] = {"version": match.group(2), "hashes": [],
                                                                     "via": [], "marker": match.group(3)}
        elif current is not None and (found := re.match(r"\s+--hash=sha256:([0-9a-f]{64})", line)):
            current["hashes"].append(found.group(1))
        elif current is not None and (via := re.match(r"\s+#\s+(?:via\s+)?(\S.*)$", line)):
            current["via"].append(via.group(1).strip())
    return entries


def _problems(direct: list[Requirement], locked: dict[str, dict]) -> list[str]:
    problems = []
    for req in direct:
        entry = locked.get(canonicalize_name(req.name))
        if entry is None:
            problems.append(f"{req.name}: in pyproject.toml, not in requirements.lock (run `make lock`)")
        elif not req.specifier.contains(entry["version"], prereleases=True):
            problems.append(f"{req.name}: locked at {entry['version']}, outside pyproject.toml's '{req.specifier}'")
    names = {canonicalize_name(r.name) for r in direct}
    for name, entry in locked.items():
        if not entry["hashes"]:
            problems.append(f"{name}: pinned without a hash")
        if any("pyproject.toml" in v for v in entry["via"]) and name not in names:
            problems.append(f"{name}: locked as a direct dependency that pyproject.toml no longer names")
    return problems


def test_the_lock_pins_what_pyproject_asks_for_with_hashes():
    locked = _lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert len(locked) > len(_direct())  # the dependencies' dependencies are locked too
    assert _problems(_direct(), locked) == []


def test_the_check_catches_a_lock_that_drifted():
    lock = ("jinja2==3.1.6 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via reaching-out (pyproject.toml)\n"
            "oldthing==1.0 \\\n    --hash=sha256:" + "b" * 64 + "\n    # via reaching-out (pyproject.toml)\n"
            "nohash==2.0\n    # via jinja2\n")
    problems = _problems([Requirement("jinja2>=3.2,<4"), Requirement("pyyaml>=6")], _lock(lock))
    assert problems == [
        "jinja2: locked at 3.1.6, outside pyproject.toml's '<4,>=3.2'",
        "pyyaml: in pyproject.toml, not in requirements.lock (run `make lock`)",
        "oldthing: locked as a direct dependency that pyproject.toml no longer names",
        "nohash: pinned without a hash",
    ]


def test_this_environment_has_exactly_the_locked_versions():
    """What `make` installed (pip --require-hashes) is what the lock says, package by package."""
    locked = _lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    wrong = []
    for name, entry in locked.items():
        if entry["marker"] and not Marker(entry["marker"]).evaluate():
            continue  # for another platform (colorama on Windows, say)
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != entry["version"]:
            wrong.append(f"{name}: {installed} installed, {entry['version']} locked")
    assert wrong == []


def test_tests_run_on_the_python_the_lock_is_made_for():
    wanted = (ROOT / ".python-version").read_text(encoding="utf-8").strip()
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == wanted
    assert f"--python-version {wanted}" in (ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_the_npm_lock_agrees_with_package_json():
    import json

    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert lock[""]["devDependencies"] == wanted
    for name in wanted:  # each tool is pinned, with its integrity hash
        assert lock[f"node_modules/{name}"]["integrity"].startswith("sha512-"), name
