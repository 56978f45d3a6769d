"""Write a JSON Schema per data kind, generated from the models, for editors' completion.

Run as `python hooks/ro_schemas.py docs/data/schemas` (or `make schemas`). Imports no MkDocs.
A test checks the committed schemas match the models, so they never drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ro_data import KINDS


def schemas() -> dict[str, str]:
    """Return schema file name → JSON text for every data kind."""
    result = {}
    for file_name, (model, _check) in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Reaching Out: {file_name}"
        result[file_name.removesuffix(".yml") + ".schema.json"] = json.dumps(schema, indent=2) + "\n"
    return result


def main(folder: str) -> None:
    """Write every schema into `folder`."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/data/schemas")
