"""Join the components' scripts and styles into the one ro.js and ro.css the pages load, minified.

Imports no MkDocs. The sources in `overrides/components/` stay readable, with comments: `core.js` and
`base.css` first, then one `<name>.js` and `<name>.css` per component, in the order given. There is no
bundler: the files are concatenated (each component's script is its own function, so its names stay its
own) and minified by rjsmin and rcssmin, which only drop comments and spaces and rename nothing, so the
output behaves exactly like the sources. `minify` does the same for the other files in `assets/ro/`
(print.css) in the built site.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rcssmin
import rjsmin

CORE = ("core.js", "base.css")
BUNDLED = ("ro.js", "ro.css")  # what `bundle` returns, minified already


def bundle(folder: Path, names: Sequence[str], *, minified: bool = True) -> dict[str, str]:
    """Return {"ro.js": ..., "ro.css": ...}: core.js and base.css, then each component's file, in order."""
    missing = [core for core in CORE if not (folder / core).is_file()]
    if missing:
        raise FileNotFoundError(f"{folder / missing[0]}: the components' shared core is missing")
    for name in names:
        if not (folder / f"{name}.js").is_file() and not (folder / f"{name}.css").is_file():
            raise FileNotFoundError(f"{folder / name}.js: component '{name}' has neither a script nor a style "
                                    f"(expected {name}.js or {name}.css in {folder})")
    joined = {}
    for out, first, suffix in (("ro.js", "core.js", ".js"), ("ro.css", "base.css", ".css")):
        paths = [folder / first] + [folder / f"{name}{suffix}" for name in names]
        parts = [path.read_text(encoding="utf-8") for path in paths if path.is_file()]
        # Between scripts a `;`: one ending `})()` must not call the next file's function. CSS needs a new line.
        text = (";\n" if suffix == ".js" else "\n").join(part.rstrip("\n") for part in parts) + "\n"
        joined[out] = text if not minified else rjsmin.jsmin(text) if suffix == ".js" else rcssmin.cssmin(text)
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
