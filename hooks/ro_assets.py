"""Minify the guide's own scripts and styles in the built site, so they stay within the page-weight budget.

Imports no MkDocs. The sources in `overrides/assets/ro/` stay readable, with comments; only the copies
written to the built site are minified (rjsmin and rcssmin only drop comments and spaces, they do not
rename anything, so the output behaves exactly like the source).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def minify(folder: Path) -> dict[str, tuple[int, int]]:
    """Minify every .js and .css file in `folder` in place; return name → (bytes before, bytes after)."""
    sizes = {}
    for path in sorted(folder.glob("*.js")) + sorted(folder.glob("*.css")):
        source = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(source) if path.suffix == ".js" else rcssmin.cssmin(source)
        path.write_text(small, encoding="utf-8")
        sizes[path.name] = (len(source.encode()), len(small.encode()))
    return sizes
