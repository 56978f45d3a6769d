"""Join the components' scripts and styles into the one ro.js and ro.css the pages load, minified.

Imports no MkDocs. The sources in `overrides/components/` stay readable, with comments: `core.js` and
`base.css` first, then one `<name>.js` and `<name>.css` per component, in the order given. There is no
bundler: the files are concatenated (each component's script is its own function, so its names stay its
own); `offline.js`, which registers the service worker (see ro_offline), comes right after `core.js`. The
script is minified by terser (from npm, as `make` installs it), which also shortens local names
and so keeps ro.js inside its size budget; its output is cached by content in `.cache/assets/`, so only
an edited script pays terser's second or so. Without Node.js or terser, rjsmin (comments and spaces only)
stands in, and `bundle` logs why and keeps it in `FALLBACK`. Styles are minified by rcssmin. `minify` does the same for
the other files in `assets/ro/` (print.css) in the built site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import rcssmin
import rjsmin

CORE = ("core.js", "base.css")
# For every page, before the components: the core, then what registers the offline copy (see ro_offline).
SITE_WIDE = {".js": ("core.js", "offline.js"), ".css": ("base.css",)}
BUNDLED = ("ro.js", "ro.css")  # what `bundle` returns, minified already
ROOT = Path(__file__).resolve().parent.parent
TERSER = ROOT / "node_modules" / "terser" / "bin" / "terser"
CACHE = ROOT / ".cache" / "assets"
# No top-level names are renamed (each component is its own function; `ReachingOut` is shared).
TERSER_ARGS = ("--compress", "passes=2", "--mangle", "--ecma", "2020", "--comments", "false")
FALLBACK: list[str] = []  # why rjsmin stood in for terser, if it did (the hook logs it)


def jsmin(text: str) -> str:
    """Minify a script with terser (cached by content), or with rjsmin when terser cannot run here."""
    node = shutil.which("node")
    if node is None or not TERSER.is_file():
        FALLBACK[:] = [f"{'Node.js' if node is None else TERSER} is missing (run `make build`, which installs it)"]
        logging.getLogger("mkdocs.hooks.reaching_out").info("ro.js is minified by rjsmin: %s", FALLBACK[0])
        return rjsmin.jsmin(text)
    key = hashlib.sha256("\0".join((*TERSER_ARGS, _terser_version(), text)).encode()).hexdigest()[:32]
    cached = CACHE / f"{key}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    done = subprocess.run([node, str(TERSER), *TERSER_ARGS], input=text, capture_output=True, text=True,
                          encoding="utf-8", check=False)
    if done.returncode != 0:  # a syntax error in a component's script: say where, as terser does
        raise SyntaxError(f"terser could not minify the joined scripts: {done.stderr.strip()}")
    CACHE.mkdir(parents=True, exist_ok=True)
    part = cached.with_suffix(f".{os.getpid()}.part")
    part.write_text(done.stdout, encoding="utf-8")
    part.replace(cached)  # atomic: parallel builds never read half a file
    FALLBACK.clear()
    return done.stdout


def _terser_version() -> str:
    return json.loads((TERSER.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]


def bundle(folder: Path, names: Sequence[str], *, minified: bool = True) -> dict[str, str]:
    """Return {"ro.js": ..., "ro.css": ...}: the site-wide files (SITE_WIDE), then each component's, in order."""
    missing = [core for core in CORE if not (folder / core).is_file()]
    if missing:
        raise FileNotFoundError(f"{folder / missing[0]}: the components' shared core is missing")
    for name in names:
        if not (folder / f"{name}.js").is_file() and not (folder / f"{name}.css").is_file():
            raise FileNotFoundError(f"{folder / name}.js: component '{name}' has neither a script nor a style "
                                    f"(expected {name}.js or {name}.css in {folder})")
    joined = {}
    for out, suffix in (("ro.js", ".js"), ("ro.css", ".css")):
        first = [folder / name for name in SITE_WIDE[suffix]]
        paths = first + [folder / f"{name}{suffix}" for name in names if folder / f"{name}{suffix}" not in first]
        parts = [path.read_text(encoding="utf-8") for path in paths if path.is_file()]
        # Between scripts a `;`: one ending `})()` must not call the next file's function. CSS needs a new line.
        text = (";\n" if suffix == ".js" else "\n").join(part.rstrip("\n") for part in parts) + "\n"
        if suffix == ".js":  # strict as a whole: terser then drops each file's own "use strict", now redundant
            text = '"use strict";\n' + text
        joined[out] = text if not minified else jsmin(text) if suffix == ".js" else rcssmin.cssmin(text)
    return joined


def minify(folder: Path) -> dict[str, tuple[int, int]]:
    """Minify the .js and .css files in `folder` in place but the bundle's; return name → (bytes before, after)."""
    sizes = {}
    for path in sorted(folder.glob("*.js")) + sorted(folder.glob("*.css")):
        if path.name in BUNDLED:
            continue
        source = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(source) if path.suffix == ".js" else rcssmin.cssmin(source)
        path.write_text(small, encoding="utf-8")
        sizes[path.name] = (len(source.encode()), len(small.encode()))
    return sizes
