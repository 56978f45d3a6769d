"""Printed sheets as paper: room to write, pages that hold together, and what a counselor needs on each.

Measured on the real build's PDFs themselves: field sizes from the AcroForm widgets, how full a page is
from its picture (pdftoppm), the QR code read back as a phone would (zbarimg), the words from the text.
The expected addresses come from link-contract.txt and the YAML, not from ro_pdf.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
import yaml
from pypdf import PdfReader

import ro_editions
import ro_link_contract
from support import DATA, ROOT
from test_pdfs import CHECKLISTS, NAMES, WORKSHEETS, yaml_fields

MM = 72 / 25.4  # PDF points per mm
SHORT = {target: address for address, target in ro_link_contract.read_short().items()}
SITE = "https://reaching-out.github.io/"
STEMS = sorted({name.rsplit("-", 1)[0] for name in NAMES})  # `worksheet-conversation-prep`, …, one per paper pair


def _widgets(reader: PdfReader):
    for page in reader.pages:
        for annotation in page.get("/Annots") or ():
            widget = annotation.get_object()
            if widget.get("/Subtype") == "/Widget":
                parent = widget.get("/Parent")
                name = widget.get("/T") or (parent.get_object().get("/T") if parent else None)
                kind = widget.get("/FT") or (parent.get_object().get("/FT") if parent else None)
                left, bottom, right, top = (float(v) for v in widget["/Rect"])
                yield str(name), kind, abs(right - left) / MM, abs(top - bottom) / MM


def _home(stem: str) -> str:
    """The link-contract target of a sheet's web home, found by its id (`#cl-x`, `#ws-x`) or page."""
    kind, _, subject = stem.partition("-")
    if kind == "question":
        return "questions.md"
    if kind == "counselor":
        return "downloads.md"
    prefix = {"worksheet": "ws-", "checklist": "cl-"}[kind]
    return next(t for t in SHORT if t.endswith(f"#{prefix}{subject}"))


# --- Room to write ---


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_worksheet_fields_leave_room_to_write_by_hand(readers, worksheet):
    fields = {f"ws-{worksheet['id']}--{f['id']}": f for f in yaml_fields(worksheet)}
    for paper in ("a4", "letter"):
        small = []
        for name, kind, width, height in _widgets(readers[f"worksheet-{worksheet['id']}-{paper}.pdf"]):
            field = fields.get(name)
            if kind == "/Btn":
                if width < 5 or height < 5:
                    small.append(f"{name}: box {width:.1f}×{height:.1f} mm")
            elif field is not None and field["type"] == "long-text":
                if height < field.get("lines", 4) * 8.5 - 0.5:
                    small.append(f"{name}: {height:.1f} mm for {field.get('lines', 4)} lines")
            elif height < 9:
                small.append(f"{name}: {height:.1f} mm tall")
            if field is not None and field["type"] == "date" and width < 45:
                small.append(f"{name}: a date {width:.1f} mm wide")
            if name.endswith("--date") and "--" in name.removesuffix("--date") and width < 25:
                small.append(f"{name}: a date cell {width:.1f} mm wide")
        assert small == [], paper


def test_long_answers_are_ruled_about_8_5_mm_apart(real_site, tmp_path):
    """The ruled lines are drawn on the page: count them in a column of the picture inside one answer."""
    pdf = real_site / "downloads" / "worksheet-conversation-prep-letter.pdf"
    reader = PdfReader(pdf)
    page_index, widget = next((i, a.get_object()) for i, p in enumerate(reader.pages) for a in p.get("/Annots") or ()
                              if a.get_object().get("/T") == "ws-conversation-prep--intro")
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    left, right, bottom, top = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)  # WeasyPrint writes it upside down
    page_height = float(reader.pages[page_index].mediabox.height)
    rows = _picture(pdf, page_index + 1, tmp_path, dpi=150)
    column = int((left + right) / 2 / 72 * 150)
    y0, y1 = int((page_height - top) / 72 * 150), int((page_height - bottom) / 72 * 150)
    dark = [y for y in range(y0, y1) if rows[y][column] < 235]
    lines = [y for i, y in enumerate(dark) if i == 0 or y - dark[i - 1] > 3]
    gaps = [(b - a) / 150 * 25.4 for a, b in zip(lines, lines[1:], strict=False)]
    assert len(lines) >= 4, lines
    assert all(7.5 <= g <= 9.5 for g in gaps), gaps


# --- Pages that hold together ---


def _picture(pdf, page: int, tmp_path, dpi: int = 40) -> list[bytes]:
    """The page as rows of gray pixels (0 black … 255 white), drawn by poppler."""
    tool = shutil.which("pdftoppm")
    assert tool, "the page tests need pdftoppm: apt-get install poppler-utils"
    out = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run([tool, "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf), str(out)], check=True)
    data = next(tmp_path.glob(f"{out.name}*.pgm")).read_bytes()
    parts = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4]
    return [pixels[y * width:(y + 1) * width] for y in range(height)]


def _fill(pdf, page: int, tmp_path) -> float:
    """How far down the writing area the page's content reaches (0–1): margins 12 mm top, 17 mm bottom."""
    rows = _picture(pdf, page, tmp_path)
    per_mm = len(rows) / (float(PdfReader(pdf).pages[page - 1].mediabox.height) / MM)
    top, bottom = int(12 * per_mm), len(rows) - int(17 * per_mm)
    inked = [y for y in range(top, bottom) if min(rows[y]) < 235]  # ruled lines are ink too
    return (inked[-1] - top) / (bottom - top) if inked else 0.0


@pytest.mark.parametrize("stem", STEMS)
def test_a4_and_letter_have_the_same_pages_and_none_but_the_last_is_under_half_full(real_site, stem, tmp_path):
    counts = {}
    for paper in ("a4", "letter"):
        pdf = real_site / "downloads" / f"{stem}-{paper}.pdf"
        pages = len(PdfReader(pdf).pages)
        counts[paper] = pages
        if stem.startswith("counselor-pack"):
            continue  # every sheet in it starts a page; each is measured on its own
        fills = [_fill(pdf, page, tmp_path) for page in range(1, pages + 1)]
        assert all(f >= 0.5 for f in fills[:-1]), f"{paper}: {fills}"
        for page in _pages_with_long_answers(pdf, stem):  # spare room there became lines to write on
            assert fills[page] >= 0.85, f"{paper}: page {page + 1} holds a long answer but is {fills[page]:.0%} full"
    assert counts["a4"] == counts["letter"]


def _pages_with_long_answers(pdf, stem: str) -> set[int]:
    worksheet = next((w for w in WORKSHEETS if stem == f"worksheet-{w['id']}"), None)
    if worksheet is None:
        return set()
    long = {f"ws-{worksheet['id']}--{f['id']}" for f in yaml_fields(worksheet) if f["type"] == "long-text"}
    return {i for i, page in enumerate(PdfReader(pdf).pages) for a in page.get("/Annots") or ()
            if a.get_object().get("/T") in long}


def test_no_heading_is_left_alone_at_the_foot_of_a_page(readers):
    """A section title ends a page only if some of its fields come after it on the same page."""
    problems = []
    titles = {s["title"] for w in WORKSHEETS for s in w["sections"]}
    for name, reader in readers.items():
        for number, page in enumerate(reader.pages[:-1], start=1):
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            body = [line for line in lines if not line.startswith(("Reaching Out ·", "Page "))]
            if body and body[-1] in titles:
                problems.append(f"{name} page {number} ends with '{body[-1]}'")
    assert problems == []


# --- What a counselor needs on every sheet ---


@pytest.mark.parametrize("stem", STEMS)
def test_every_sheet_has_a_name_line_its_edition_license_and_short_address(real_site, readers, stem, tmp_path):
    for paper in ("a4", "letter"):
        reader = readers[f"{stem}-{paper}.pdf"]
        text = " ".join(reader.pages[0].extract_text().split())
        address = SHORT[_home(stem)]
        assert f"reaching-out.github.io/{address}" in text
        assert "CC BY 4.0" in text
        if not stem.startswith("counselor-pack"):
            assert "Edition of" in text
            names = {w[0] for w in _widgets(reader)}
            assert {n.rsplit("--", 1)[1] for n in names if n.startswith("sheet--")} == {"name", "date", "with"}
    pdf = real_site / "downloads" / f"{stem}-letter.pdf"
    tool = shutil.which("zbarimg")
    assert tool, "the QR tests need zbarimg: apt-get install zbar-tools"
    picture = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(picture)], check=True)
    found = subprocess.run([tool, "--quiet", "--raw", *map(str, tmp_path.glob("page*.png"))],
                           capture_output=True, text=True).stdout.split()
    assert found == [SITE + SHORT[_home(stem)]]


def test_the_pack_has_each_sheet_s_own_qr_code(real_site, tmp_path):
    pdf = real_site / "downloads" / "counselor-pack-a4.pdf"
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(tmp_path / "p")], check=True)
    found = subprocess.run(["zbarimg", "--quiet", "--raw", *map(str, sorted(tmp_path.glob("p*.png")))],
                           capture_output=True, text=True).stdout.split()
    expected = {SITE + SHORT[_home(f"worksheet-{w['id']}")] for w in WORKSHEETS}
    expected |= {SITE + SHORT[_home(f"checklist-{c['id']}")] for c in CHECKLISTS}
    assert expected <= set(found)


def test_no_printed_text_is_smaller_than_9_pt_and_most_is_10(readers):
    for name in ("worksheet-contact-tracker-a4.pdf", "checklist-the-day-before-letter.pdf", "question-bank-a4.pdf"):
        sizes: list[float] = []

        def visit(text, _cm, tm, _font, size, sizes=sizes):
            if text.strip():
                sizes.append(round(size * (tm[0] ** 2 + tm[1] ** 2) ** 0.5, 1))

        for page in readers[name].pages:
            page.extract_text(visitor_text=visit)
        assert min(sizes) >= 9, (name, sorted(set(sizes)))
        assert sum(s >= 10 for s in sizes) > len(sizes) / 2, (name, sorted(set(sizes)))


# --- Editions ---


def test_every_sheet_s_edition_is_recorded():
    from ro_data import load_guide

    _, stale = ro_editions.current(load_guide(DATA, ROOT))
    assert stale == [], "run `make editions` to date the sheets you changed"


def test_a_changed_sheet_gets_a_new_edition_and_the_others_keep_theirs(tmp_path):
    from ro_data import load_guide

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    editions = tmp_path / "editions.txt"
    shutil.copy(ROOT / "editions.txt", editions)
    before = ro_editions.read(editions)
    worksheets = yaml.safe_load((data / "worksheets.yml").read_text())
    worksheets["worksheets"][0]["title"] += " (revised)"
    (data / "worksheets.yml").write_text(yaml.safe_dump(worksheets, sort_keys=False))
    later = datetime.date(2031, 3, 4)
    changed = f"worksheet:{worksheets['worksheets'][0]['id']}"
    editions_now, stale = ro_editions.current(load_guide(data, tmp_path), editions, today=later)
    assert stale == [changed]
    assert editions_now[changed] == "2031-03-04"
    assert all(editions_now[k] == before[k][0] for k in before if k != changed)
    assert ro_editions.write(load_guide(data, tmp_path), editions, today=later) == [changed]
    assert ro_editions.read(editions)[changed][0] == "2031-03-04"
    assert ro_editions.shown("2031-03-04") == "March 4, 2031"
