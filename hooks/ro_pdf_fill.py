"""Page fill: room the layout leaves at the foot of a worksheet's page becomes more lines to write on.

Imports no MkDocs. A worksheet's long answers carry `lines` from the YAML; once laid out, each page may
end with blank paper. `extra_lines` measures each page (WeasyPrint's laid-out boxes) and gives that room,
in whole 8.5 mm lines, to the long answers on the page, shared out from the last one up; it keeps an
answer's extra lines only if the sheet still has the same pages with every answer on its own page.
`fill_of` reports how full each page is (used by the tests and `make bench`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

MM = 96 / 25.4  # CSS px per mm, WeasyPrint's unit
LINE = 8.5 * MM  # the distance between ruled lines (pdf.css, .long__line)
FIELD = "data-ro-long"  # the attribute naming a long answer's field id (worksheet.html)


def _boxes(page):  # noqa: ANN001, ANN202 - WeasyPrint's Page
    """Every box of a page's content (the margin boxes excluded)."""
    root = page._page_box.children[0]  # noqa: SLF001 - WeasyPrint exposes laid-out boxes only here
    return root.descendants()


def _leaves(page):  # noqa: ANN001, ANN202
    """Return the boxes of a page that hold no other box: lines of text, fields, ruled lines.

    A box split across pages (the form, the body) reaches the foot of the page, so only leaves say
    how far the content goes.
    """
    return [b for b in _boxes(page) if not getattr(b, "children", None) or type(b).__name__ == "LineBox"]


def _area(page) -> tuple[float, float]:  # noqa: ANN001
    """Return the top and bottom of a page's content area, in px."""
    box = page._page_box  # noqa: SLF001
    top = box.content_box_y()
    return top, top + box.height


def used_bottoms(document) -> list[float]:  # noqa: ANN001 - WeasyPrint's Document
    """Return how far down each page its content reaches, in px from the content area's top."""
    bottoms = []
    for page in document.pages:
        top, _ = _area(page)
        lowest = max((b.position_y + b.margin_height() for b in _leaves(page) if b.margin_height() > 0), default=top)
        bottoms.append(lowest - top)
    return bottoms


def fill_of(document) -> list[float]:  # noqa: ANN001
    """Return the share of each page's content area its content uses (0–1)."""
    fractions = []
    for page, used in zip(document.pages, used_bottoms(document), strict=True):
        top, bottom = _area(page)
        fractions.append(min(1.0, used / (bottom - top)))
    return fractions


def long_fields(document) -> list[list[str]]:  # noqa: ANN001
    """Return, for each page, the ids of the long answers that start on it, in reading order."""
    found = []
    for page in document.pages:
        ids = []
        for box in _boxes(page):
            element = getattr(box, "element", None)
            name = element.get(FIELD) if element is not None else None
            if name and name not in ids and box.element_tag == "div":
                ids.append(name)
        found.append(ids)
    return found


def extra_lines(layout: Callable[[Mapping[str, int]], object]) -> dict[str, int]:
    """Return the extra lines each long answer gets, given `layout(extras)` → the laid-out document.

    Page by page: the page's spare room, in whole lines, goes to its long answers (the last one first);
    if the sheet then has more pages or an answer moves to another page, the page's answers give back
    one line at a time until it does not.
    """
    laid = layout({})
    pages, placed, used = len(laid.pages), long_fields(laid), used_bottoms(laid)
    extras: dict[str, int] = {}
    for index, fields in enumerate(placed):
        if not fields:
            continue
        top, bottom = _area(laid.pages[index])
        spare = int((bottom - top - used[index]) // LINE)
        trial = dict(extras)
        for step in range(spare):
            field = fields[-1 - step % len(fields)]
            trial[field] = trial.get(field, 0) + 1
        while trial != extras:
            tried = layout(trial)
            if len(tried.pages) == pages and long_fields(tried) == placed:
                extras, used = trial, used_bottoms(tried)
                break
            trial = {f: n - 1 if f in fields else n for f, n in trial.items()}
            trial = {f: n for f, n in trial.items() if n > 0}
    return extras
