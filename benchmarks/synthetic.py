"""Synthetic guide data at any scale, for the scaling and filtering benchmarks.

`write(docs, scale)` writes valid data files and pages that embed every component; scale 1 is about the
size of the real guide (200 questions, 10 checklists, 10 worksheets, 10 templates, 30 network categories).
"""

from __future__ import annotations

from pathlib import Path

import yaml

WORDS = [
    "how", "did", "you", "start", "what", "surprised", "you", "most", "about", "the", "work", "who", "else",
    "should", "I", "talk", "to", "which", "skills", "matter", "where", "do", "people", "train", "differently",
]


def _text(n: int, length: int = 9) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + f" (number {n})?"


def data(scale: int) -> dict[str, dict]:
    """Return the data files' contents as Python objects."""
    categories = [
        {
            "id": f"cat-{c}",
            "title": f"Category {c}",
            "questions": [
                {"id": f"q-{c}-{q}", "text": _text(c * 1000 + q), "purposes": ["explore-field"],
                 "phase": ["opening", "middle", "closing"][q % 3], "why": _text(q, 6) if q % 2 else None}
                for q in range(20 * scale)
            ],
        }
        for c in range(10)
    ]
    for category in categories:
        for question in category["questions"]:
            if question["why"] is None:
                del question["why"]
    checklists = [
        {"id": f"list-{n}", "title": f"Checklist {n}",
         "items": [{"id": f"item-{i}", "text": _text(n + i, 7)} for i in range(8)]}
        for n in range(10 * scale)
    ]
    field_types = ["short-text", "long-text", "date", "checkbox"]
    worksheets = [
        {"id": f"sheet-{n}", "title": f"Worksheet {n}", "pages": 1,
         "sections": [{"id": "main", "title": "Main",
                       "fields": [{"id": f"f-{i}", "label": _text(i, 4), "type": field_types[i % 4]}
                                  for i in range(6)]
                       + [{"id": "pick", "label": "Pick one", "type": "choice",
                           "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]},
                          {"id": "table", "label": "People", "type": "rows",
                           "columns": [{"id": "name", "label": "Name"}, {"id": "done", "label": "Done",
                                                                        "type": "checkbox"}]}]}]}
        for n in range(10 * scale)
    ]
    templates = {
        "shared_fields": [{"id": "your-name", "label": "Your name"}, {"id": "their-name", "label": "Their name"}],
        "templates": [{"id": f"tpl-{n}", "title": f"Template {n}", "channel": "email", "when": "Any time.",
                       "subject": "Hello {their-name}",
                       "body": "Hi {their-name},\n\n" + _text(n, 30) + "\n\n{your-name}"}
                      for n in range(10 * scale)],
    }
    network = {"groups": [{"id": f"group-{g}", "title": f"Group {g}",
                           "categories": [{"id": f"net-{g}-{c}", "title": f"People {c}", "prompt": _text(c, 8),
                                           "examples": ["one", "two"]} for c in range(6 * scale)]}
                          for g in range(5)]}
    return {
        "questions.yml": {
            "purposes": [{"id": "explore-field", "title": "Exploring a field"}],
            "phases": [{"id": p, "title": p.title()} for p in ("opening", "middle", "closing")],
            "categories": categories,
        },
        "checklists.yml": {"checklists": checklists},
        "worksheets.yml": {"worksheets": worksheets},
        "templates.yml": templates,
        "network-map.yml": network,
    }


def write(docs: Path, scale: int) -> dict[str, str]:
    """Write data and pages under `docs`; return the pages (path → Markdown)."""
    contents = data(scale)
    (docs / "data").mkdir(parents=True, exist_ok=True)
    for name, value in contents.items():
        (docs / "data" / name).write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True))
    pages = {"index.md": "# Synthetic guide\n\nA page.\n", "questions.md": "# Questions\n\n<!-- ro:question-bank -->\n",
             "network-map.md": "# Network\n\n<!-- ro:network-map level=2 -->\n"}
    for n, checklist in enumerate(contents["checklists.yml"]["checklists"]):
        pages.setdefault(f"lists-{n // 10}.md", f"# Lists {n // 10}\n\n")
        pages[f"lists-{n // 10}.md"] += f"## List {n} {{ #list-{n} }}\n\n<!-- ro:checklist {checklist['id']} -->\n\n"
    for sheet in contents["worksheets.yml"]["worksheets"]:
        pages[f"{sheet['id']}.md"] = f"# {sheet['title']}\n\n<!-- ro:worksheet {sheet['id']} level=none -->\n"
    for n, template in enumerate(contents["templates.yml"]["templates"]):
        pages.setdefault(f"messages-{n // 10}.md", f"# Messages {n // 10}\n\n")
        pages[f"messages-{n // 10}.md"] += f"<!-- ro:template {template['id']} -->\n\n"
    for c in range(10):
        pages[f"chapter-{c}.md"] = f"# Chapter {c}\n\n<!-- ro:questions category=cat-{c} limit=5 -->\n"
    for path, text in pages.items():
        (docs / path).write_text(text)
    return pages
