"""The PDF cache: what a PDF's key is made from, its files (PDF + metadata), atomic writes, pruning.

A PDF's key is the SHA-256 of everything it is made from: its own inputs (the data of the models it
shows, the web addresses printed on it, its paper size, its radio-group labels; see `key`) and the
build's inputs (see `inputs_digest`): the print templates the print environment can load, the
stylesheet and fonts, the Python modules of hooks/ the PDF code imports, and the renderer's
versions (WeasyPrint, pydyf). The modules and templates are derived, not kept by hand (`modules_reached`,
`templates_reached`), so a new import or `{% import %}` is part of the key the moment it is written.

A cache entry is `KEY.pdf` and `KEY.json` (its name and page count); the metadata file is touched on
every use, and entries unused for CACHE_DAYS are removed, at most once a day. Imports no MkDocs.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

import jinja2
import jinja2.meta

CACHE_DAYS = 30  # a cached PDF nobody used for this long is removed
RENDERER = ("weasyprint", "pydyf")  # the packages that turn the HTML into a PDF: their versions are inputs
# Calls that import a module by a name computed at run time, which no reading of the source can follow.
DYNAMIC_IMPORTS = {"import_module", "__import__"}


# --- What the key is made from ---


def modules_reached(start: Path) -> list[Path]:
    """Return `start` and the source file of every module in its folder it reaches through imports.

    The imports are read from the source (every `import` and `from` statement of the syntax tree, at
    any depth, so imports inside functions count), not taken from `sys.modules`: `sys.modules` holds only
    what ran so far (a lazy import in a function not yet called is missing) and also what other hook
    modules imported (the MkDocs adapter's own imports), so it can both miss and over-include. The one
    thing a reading cannot follow, an import by computed name, stops with an error instead of passing.
    """
    folder = start.parent
    seen: dict[Path, None] = {}
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        source = path.read_bytes()
        tree = ast.parse(source, str(path))
        if any(call.encode() in source for call in DYNAMIC_IMPORTS):  # rare: only then walk every expression
            _refuse_dynamic_imports(tree, path)
        for name in _imported_names(tree.body, path):
            found = _source_of(name, folder)
            if found is not None:
                todo.append(found)
    return sorted(seen)


def _imported_names(body: list, path: Path) -> list[str]:
    """Return the modules the statements in `body` import, and those nested in them (functions, ifs, …)."""
    names = []
    for node in body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # `from a import b` may name a module a.b as well as a name in a.
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.ImportFrom):
            raise RuntimeError(f"{path.name}:{node.lineno}: a relative import, which the PDF cache key does not "
                               f"follow (import the module by its name)")
        # Statements hold statements in these fields only (an import is a statement, never an expression).
        for nested in ("body", "orelse", "finalbody", "handlers", "cases"):
            names += _imported_names(getattr(node, nested, ()), path)
    return names


def _refuse_dynamic_imports(tree: ast.AST, path: Path) -> None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in DYNAMIC_IMPORTS:
            raise RuntimeError(f"{path.name}:{node.lineno}: an import by computed name, which the PDF cache key "
                               f"cannot follow (import the module by name)")


def _source_of(name: str, folder: Path) -> Path | None:
    """Return the file in `folder` that module `name` is imported from, or None when it lies elsewhere."""
    base = folder.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def templates_reached(env: jinja2.Environment, entries: Iterable[str], loader: jinja2.BaseLoader | None = None,
                      ) -> list[str]:
    """Return the entry templates and every template they extend, import or include, transitively.

    A reference by computed name (`{% include name %}`) cannot be followed: then every template of the
    loader (by default the environment's) counts, so the key can over-include but never miss.
    """
    loader = loader or env.loader
    seen: set[str] = set()
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = loader.get_source(env, name)[0]
        for referenced in jinja2.meta.find_referenced_templates(env.parse(source, name)):
            if referenced is None:
                return sorted(loader.list_templates())
            todo.append(referenced)
    return sorted(seen)


class KeyedLoader(jinja2.BaseLoader):
    """Serve only the templates the key is made from: any other is an error, never a stale cached PDF."""

    def __init__(self, env: jinja2.Environment, entries: Iterable[str]):
        """Take over `env`'s loader, serving the templates reached from `entries` only."""
        self.env, self.loader, self.entries = env, env.loader, tuple(entries)
        self._names: frozenset[str] | None = None
        env.loader = self

    @property
    def names(self) -> frozenset[str]:
        """The templates served, found on first use (a build with every PDF cached loads none)."""
        if self._names is None:
            self._names = frozenset(templates_reached(self.env, self.entries, self.loader))
        return self._names

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple:
        """Return the source of a keyed template; refuse the others."""
        if template not in self.names:
            raise RuntimeError(f"print template '{template}' is not part of the PDF cache key (expected it to be "
                               f"reached from ro_pdf.TEMPLATES through extends, import or include)")
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        """List the keyed templates."""
        return sorted(self.names)


def inputs_digest(folder: Path, files: Iterable[str], modules: Iterable[Path],
                  catalogue: Mapping[str, str] | None = None) -> str:
    """Hash what every PDF depends on besides its own data: `files` of `folder`, `modules`, the renderer.

    And the interface `catalogue` the print templates' words come from (ro_i18n; empty for English).
    """
    digest = hashlib.sha256()
    # The words a sheet prints (its headings, its instructions, the month of its edition) in the build's language.
    digest.update(json.dumps(sorted((catalogue or {}).items()), ensure_ascii=False).encode() + b"\0")
    for name in files:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    for path in sorted(modules):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    # Named here rather than found from the imports: mapping imports to installed distributions
    # (importlib.metadata.packages_distributions) reads every installed package, 0.3 s on each build.
    for package in RENDERER:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    return digest.hexdigest()


def key(inputs: str, *parts: str) -> str:
    """Return the cache key of one PDF: the build's inputs and the PDF's own parts."""
    digest = hashlib.sha256(inputs.encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


# --- The files ---


def lookup(cache_dir: Path, key: str) -> tuple[Path, int] | None:
    """Return the cached PDF of `key` and its page count, marking it used; None when it is not cached."""
    path, meta = cache_dir / f"{key}.pdf", cache_dir / f"{key}.json"
    info = _read_meta(meta) if path.is_file() else None
    if info is None:
        return None
    os.utime(meta)  # recently used: keep it
    return path, info["pages"]


def store(cache_dir: Path, key: str, name: str, content: bytes, pages: int) -> Path:
    """Write a rendered PDF and its metadata into the cache; return the PDF's path."""
    path = cache_dir / f"{key}.pdf"
    _write_atomically(path, content)
    _write_atomically(cache_dir / f"{key}.json", json.dumps({"name": name, "pages": pages}).encode())
    return path


def _read_meta(path: Path) -> dict | None:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and isinstance(info.get("pages"), int) else None


def _write_atomically(path: Path, content: bytes) -> None:
    """Write via a temporary file, so a parallel build never reads half a PDF."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def prune(cache_dir: Path) -> None:
    """Remove cached PDFs unused for CACHE_DAYS (their metadata file is touched on every use).

    Runs at most once a day (the `.pruned` stamp), so a build does not list a large cache every time.
    """
    now = time.time()
    stamp = cache_dir / ".pruned"
    try:
        if now - stamp.stat().st_mtime < 86400:
            return
    except OSError:
        pass
    limit = now - CACHE_DAYS * 86400
    for meta in cache_dir.glob("*.json"):
        try:
            if meta.stat().st_mtime < limit:
                meta.unlink()
                meta.with_suffix(".pdf").unlink(missing_ok=True)
        except OSError:
            continue
    with contextlib.suppress(OSError):  # a read-only cache: prune again next time
        stamp.touch()
