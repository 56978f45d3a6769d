"""Editions: the date each printed sheet's content last changed, printed on it (issue 14, part 3).

Imports no MkDocs. A counselor holding two copies of a sheet can tell which is newer, and the date is the
content's, not the build's, so the PDF cache keeps working. `editions.txt` (beside link-contract.txt) holds
one line per sheet: `worksheet:conversation-prep 2026-12-01 3f2a9c1b7d4e`, its edition and a digest of its
content (the model as validated: title, intro, fields, items, …). `make editions` (this module as a script)
gives every sheet whose digest changed today's date (each language its own file: editions.es.txt for the
Spanish sheets, which are as new as their Spanish words); a test fails while any is stale, so a change is dated
in the commit that makes it. Until then a changed sheet shows today's date and the build warns.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from pathlib import Path

import ro_i18n

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ROOT / "editions.txt"
HEADER = ("# When each printed sheet's content last changed, and a digest of it (see hooks/ro_editions.py).\n"
          "# Run `make editions` after changing a worksheet, a checklist or the question bank.\n")


def record_of(language: str, root: Path = ROOT) -> Path:
    """Return the editions file of a language's sheets: editions.txt for English, editions.LANG.txt for another."""
    return root / ("editions.txt" if language == "en" else f"editions.{language}.txt")


def sheets(guide) -> dict[str, object]:  # noqa: ANN001 - ro_data.Guide
    """Return every printed sheet's model by key: `worksheet:ID`, `checklist:ID`, `questions`."""
    found: dict[str, object] = {}
    for kind, models in (("worksheet", guide.worksheets.worksheets if guide.worksheets else ()),
                         ("checklist", guide.checklists.checklists if guide.checklists else ())):
        found |= {f"{kind}:{m.id}": m for m in models}
    if guide.questions is not None:
        found["questions"] = guide.questions
    return found


def digest(model: object) -> str:
    """Return a short digest of a model's content."""
    return hashlib.sha256(model.model_dump_json().encode()).hexdigest()[:12]


def read(path: Path = EDITIONS) -> dict[str, tuple[str, str]]:
    """Return the committed editions: key → (ISO date, digest)."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, date, sha = line.split()
            found[key] = (date, sha)
    return found


def current(guide, path: Path = EDITIONS, today: datetime.date | None = None) -> tuple[dict[str, str], list[str]]:  # noqa: ANN001
    """Return each sheet's edition (ISO date), and the keys whose committed digest is missing or stale."""
    today_iso = (today or datetime.date.today()).isoformat()
    known = read(path)
    editions, stale = {}, []
    for key, model in sheets(guide).items():
        date, sha = known.get(key, ("", ""))
        if sha != digest(model):
            stale.append(key)
            date = today_iso
        editions[key] = date
    return editions, stale


def latest(editions: dict[str, str], keys: Iterable[str]) -> str:
    """Return the newest edition among `keys` (a pack is as new as its newest sheet)."""
    return max((editions[k] for k in keys if k in editions), default="")


def shown(iso: str) -> str:
    """Return an ISO date as printed on a sheet, in the build's language: `December 1, 2026`, `1 de diciembre de 2026`.

    The month's name is the catalogue's (ro_i18n), not the machine's locale, so every machine prints the same.
    """
    if not iso:
        return ""
    day = datetime.date.fromisoformat(iso)
    return ro_i18n.gettext("%(month)s %(day)s, %(year)s") % {"month": month_name(day.month), "day": day.day,
                                                             "year": day.year}


def month_name(month: int) -> str:
    """Return the name of a month (1–12) in the build's language."""
    return (ro_i18n.gettext("January"), ro_i18n.gettext("February"), ro_i18n.gettext("March"),
            ro_i18n.gettext("April"), ro_i18n.gettext("May"), ro_i18n.gettext("June"), ro_i18n.gettext("July"),
            ro_i18n.gettext("August"), ro_i18n.gettext("September"), ro_i18n.gettext("October"),
            ro_i18n.gettext("November"), ro_i18n.gettext("December"))[month - 1]


def write(guide, path: Path = EDITIONS, today: datetime.date | None = None) -> list[str]:  # noqa: ANN001
    """Date every changed sheet today and drop sheets that no longer exist; return the keys dated."""
    editions, stale = current(guide, path, today)
    models = sheets(guide)
    path.write_text(HEADER + "".join(f"{key} {editions[key]} {digest(models[key])}\n" for key in sorted(models)),
                    encoding="utf-8")
    return stale


def main() -> None:
    """`python hooks/ro_editions.py`: date the sheets whose content changed."""
    from ro_data import load_guide

    # Each edition's sheets have their own dates: a Spanish sheet is as new as its Spanish words.
    for language, docs in (("en", "docs"), ("es", "docs-es")):
        dated = write(load_guide(ROOT / docs / "data", ROOT, shared=ROOT / "docs" / "data"), record_of(language))
        print(f"{record_of(language).name}: {len(dated)} sheets dated today"
              + (f" ({', '.join(dated)})" if dated else ""))


if __name__ == "__main__":  # run as a script, hooks/ is on sys.path
    main()
