"""The PDFs for screen readers and small files: field names, metadata, artifacts, the font subset, real readers.

Screen readers hear a field by its /TU: a radio button by "group label: option label", every other field by
its label (expected values from the YAML alone). The XMP metadata carries the title and language; the
running headers and footers are artifacts, and every other marked content belongs to the structure tree.
The form font is a subset that still has what a Spanish-speaking reader types. Three readers (pdf.js,
MuPDF, poppler) fill a worksheet, save it and read it back. Sizes are measured in benchmarks/bench_pdf.py.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

from ro_safe_markdown import plain
from support import ROOT
from test_pdfs import CHECKLISTS, NAMES, WORKSHEETS

PAPERS = ("a4", "letter")
WITH_TEXT_FIELDS = [n for n in NAMES if n.startswith(("worksheet-", "counselor-pack-"))]
DEFAULT_ROWS = 3
TYPED = "ñÑáéíóúüÁÉÍÓÚÜ¿¡“”‘’–—…•€©"  # what a Spanish-speaking reader types, and common punctuation
FULL_FONT = ROOT / "overrides" / "print" / "fonts" / "LiberationSans-Regular.ttf"
# The worksheet the readers fill: text, dates, a radio group, checkboxes, rows with checkbox and choice columns.
FILLED = "worksheet-thirty-day-plan-a4.pdf"
XMP = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "dc": "http://purl.org/dc/elements/1.1/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


def fields_of(worksheet: dict) -> list[dict]:
    return [f for s in worksheet["sections"] for f in s["fields"]]


def label(text: str) -> str:
    return " ".join(plain(text).split())


def tu(field) -> str:
    return " ".join(str(field.get("/TU", "")).split())


def expected_labels(worksheet: dict) -> dict[str, str]:
    """Field name → the label a screen reader should hear, for every non-radio field of a worksheet."""
    prefix = f"ws-{worksheet['id']}--"
    names = {}
    for field in fields_of(worksheet):
        if field["type"] == "rows":
            for row in range(1, field.get("rows", DEFAULT_ROWS) + 1):
                for column in field["columns"]:
                    names[f"{prefix}{field['id']}--{row}--{column['id']}"] = f"{label(column['label'])}, row {row}"
        elif field["type"] != "choice":
            names[prefix + field["id"]] = label(field["label"])
    return names


# --- Names for assistive technology ---


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_every_radio_button_is_named_by_its_group_and_its_option(readers, worksheet, paper):
    fields = readers[f"worksheet-{worksheet['id']}-{paper}.pdf"].get_fields()
    choices = [f for f in fields_of(worksheet) if f["type"] == "choice"]
    for choice in choices:
        group = fields[f"ws-{worksheet['id']}--{choice['id']}"]
        assert tu(group) == label(choice["label"])
        options = {o["id"]: label(o["label"]) for o in choice["options"]}
        named = {}
        for kid in (k.get_object() for k in group["/Kids"]):
            state = next(s for s in kid["/AP"]["/N"] if s != "/Off").lstrip("/")
            named[state] = tu(kid)
        assert named == {option: f"{label(choice['label'])}: {text}" for option, text in options.items()}


def test_the_pack_names_radio_buttons_too(readers):
    fields = readers["counselor-pack-a4.pdf"].get_fields()
    for worksheet in WORKSHEETS:
        for choice in (f for f in fields_of(worksheet) if f["type"] == "choice"):
            kids = [k.get_object() for k in fields[f"ws-{worksheet['id']}--{choice['id']}"]["/Kids"]]
            group = label(choice["label"])
            assert [tu(k) for k in kids] == [f"{group}: {label(o['label'])}" for o in choice["options"]]


@pytest.mark.parametrize("worksheet", WORKSHEETS, ids=lambda w: w["id"])
def test_text_fields_checkboxes_and_combos_are_named_by_their_labels(readers, worksheet):
    fields = readers[f"worksheet-{worksheet['id']}-a4.pdf"].get_fields()
    assert {name: tu(fields[name]) for name in expected_labels(worksheet)} == expected_labels(worksheet)


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_checklist_checkboxes_are_named_by_their_items(readers, checklist):
    fields = readers[f"checklist-{checklist['id']}-a4.pdf"].get_fields()
    for item in checklist["items"]:
        assert tu(fields[f"cl-{checklist['id']}--{item['id']}"]) == label(item["text"])


@pytest.mark.parametrize("name", WITH_TEXT_FIELDS + [n for n in NAMES if n.startswith("checklist-")])
def test_every_widget_is_a_form_element_of_the_structure_tree(readers, name):
    """Screen readers find the fields in reading order: each widget belongs to a /Form structure element."""
    reader = readers[name]
    parents = _parent_tree(reader)
    for page in reader.pages:
        for annotation in (a.get_object() for a in page.get("/Annots") or []):
            if annotation["/Subtype"] == "/Widget":
                element = parents[annotation["/StructParent"]].get_object()
                assert element["/S"] == "/Form", annotation.get("/TU")


# --- Metadata ---


@pytest.mark.parametrize("name", NAMES)
def test_xmp_metadata_holds_the_title_and_language(readers, name):
    reader = readers[name]
    catalog = reader.trailer["/Root"]
    xmp = ElementTree.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", catalog["/Metadata"].get_object().get_data()))
    title = xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=XMP)
    assert title and title == reader.metadata.title
    assert title.endswith(" · Reaching Out")
    assert xmp.findtext(".//dc:language/rdf:Bag/rdf:li", namespaces=XMP) == "en"
    assert xmp.findtext(".//pdfuaid:part", namespaces=XMP) == "1"
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert catalog["/MarkInfo"]["/Marked"].value is True


# --- Running headers and footers are artifacts ---


def _parent_tree(reader: PdfReader) -> dict:
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    return dict(zip(numbers[::2], numbers[1::2], strict=True))


def _to_unicode(font) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data()
    pairs = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for glyph, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            pairs[int(glyph, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return pairs


def marked_text(page) -> list[tuple[str, tuple]]:
    """(text, the marked-content tags and properties it is inside) for each text-showing operator of a page."""
    fonts = {name: _to_unicode(font.get_object()) for name, font in page["/Resources"]["/Font"].items()}
    stack, font, runs = [], {}, []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator in (b"BDC", b"BMC"):
            stack.append((operands[0], operands[1] if len(operands) > 1 else None))
        elif operator == b"EMC":
            stack.pop()
        elif operator == b"Tf":
            font = fonts[operands[0]]
        elif operator in (b"TJ", b"Tj"):
            strings = operands[0] if operator == b"TJ" else [operands[0]]
            codes = b"".join(getattr(s, "original_bytes", s) for s in strings if isinstance(s, (bytes, str)))
            text = "".join(font.get(int.from_bytes(codes[i:i + 2], "big"), "\ufffd") for i in range(0, len(codes), 2))
            runs.append((text, tuple(stack)))
    return runs


@pytest.mark.parametrize("name", NAMES)
def test_running_headers_and_footers_are_pagination_artifacts(readers, name):
    reader = readers[name]
    count = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        runs = marked_text(page)
        artifacts = "".join("".join(text.split()) for text, stack in runs if any(t == "/Artifact" for t, _ in stack))
        tagged = "".join("".join(text.split()) for text, stack in runs if all(t != "/Artifact" for t, _ in stack))
        assert f"Page{number}of{count}" in artifacts and "ReachingOut·" in artifacts
        assert f"Page{number}of{count}" not in tagged
        footers = [props for text, stack in runs for tag, props in stack if tag == "/Artifact" and "Page" in text]
        assert footers and all(props is not None and props["/Type"] == "/Pagination" for props in footers)


@pytest.mark.parametrize("name", NAMES)
def test_all_other_marked_content_belongs_to_the_structure_tree(readers, name):
    """No orphans: each MCID of a page leads, through the parent tree, to an element the tree reaches."""
    reader = readers[name]
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    reached, todo = set(), [root]
    while todo:
        element = todo.pop()
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "idnum") and kid.idnum not in reached:
                reached.add(kid.idnum)
                todo.append(kid.get_object())
    parents = _parent_tree(reader)
    for page in reader.pages:
        content = parents[page["/StructParents"]]
        for _text, stack in marked_text(page):
            for tag, props in stack:
                if tag != "/Artifact" and props is not None and "/MCID" in props:
                    assert content[props["/MCID"]].idnum in reached, f"MCID {props['/MCID']} ({tag}) is an orphan"


# --- The form font ---


@pytest.mark.parametrize("name", WITH_TEXT_FIELDS)
def test_the_form_font_is_a_subset_a_reader_can_type_spanish_in(readers, name):
    from fontTools.ttLib import TTFont

    reader = readers[name]
    acroform = reader.trailer["/Root"]["/AcroForm"]
    text_field = next(w for page in reader.pages for w in (a.get_object() for a in page.get("/Annots") or [])
                      if w.get("/FT") == "/Tx")
    font_name = re.search(r"/(\S+) [\d.]+ Tf", str(text_field["/DA"])).group(1)
    font = acroform["/DR"]["/Font"][f"/{font_name}"].get_object()
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    characters = embedded.getBestCmap()
    assert [c for c in TYPED + "Zoë Ünal" if ord(c) not in characters] == []
    assert len(embedded.getGlyphOrder()) < len(TTFont(FULL_FONT).getGlyphOrder()) / 4
    assert "kern" in {r.FeatureTag for r in embedded["GPOS"].table.FeatureList.FeatureRecord}


# --- Three readers fill a worksheet, save it and read it back ---


def filling(reader: PdfReader) -> dict[str, object]:
    """A value for every field: Spanish and punctuation in text, the last option of choices, every box ticked."""
    values = {}
    for name, field in reader.get_fields().items():
        if field.get("/FT") == "/Tx":
            values[name] = f"¿Ñúñez? ¡Sí! “{len(values)}” …€©"  # short enough for the narrowest field
        elif field.get("/FT") == "/Ch":
            values[name] = str(field["/Opt"][-1][0])
        elif int(field.get("/Ff", 0)) & (1 << 15):
            values[name] = [s for s in field["/_States_"] if s != "/Off"][-1].lstrip("/")
        elif field.get("/FT") == "/Btn":
            values[name] = "on"
    return values


def labels_of(reader: PdfReader) -> dict[str, list[str]]:
    """Field name → the /TU of each of its widgets, in page order."""
    labels = {}
    for page in reader.pages:
        for widget in (a.get_object() for a in page.get("/Annots") or []):
            if widget["/Subtype"] == "/Widget":
                name = widget.get("/T") or widget["/Parent"].get_object()["/T"]
                labels.setdefault(str(name), []).append(str(widget["/TU"]))
    return labels


PDFJS_FILL = """
import { readFileSync, writeFileSync } from "node:fs";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
const [input, output, valuesJson] = process.argv.slice(1);
const wanted = JSON.parse(valuesJson);
const open = (data) => pdfjs.getDocument({ data, verbosity: 0 }).promise;
const doc = await open(new Uint8Array(readFileSync(input)));
for (const [name, list] of Object.entries(await doc.getFieldObjects())) {
  for (const f of list.filter((f) => f.type && name in wanted)) {
    const value = f.type === "radiobutton" ? f.exportValues === wanted[name]
      : f.type === "checkbox" ? true : wanted[name];
    doc.annotationStorage.setValue(f.id, { value });
  }
}
const saved = await doc.saveDocument();
writeFileSync(output, saved);
const again = await open(saved);
const out = {};
for (const [name, list] of Object.entries(await again.getFieldObjects())) {
  const widgets = list.filter((f) => f.type);
  const on = widgets.find((f) => f.type !== "radiobutton" || f.value !== "Off") || widgets[0];
  out[name] = { value: on.value, labels: [] };  // a radio button's value is its group's
}
for (let p = 1; p <= again.numPages; p++) {  // the annotation layer gives these to screen readers
  for (const a of await (await again.getPage(p)).getAnnotations()) {
    if (a.fieldName in out) out[a.fieldName].labels.push(a.alternativeText);
  }
}
console.log(JSON.stringify(out));
"""

MUPDF_FILL = """
var input = scriptArgs[0], output = scriptArgs[1], wanted = JSON.parse(scriptArgs[2]);
function widgets(doc, each) {
  for (var p = 0; p < doc.countPages(); p++) {
    var annots = doc.findPage(p).get("Annots"), list = doc.loadPage(p).getWidgets(), n = 0;
    for (var i = 0; annots && i < annots.length; i++) {
      var o = annots.get(i);
      if (o.get("Subtype").asName() != "Widget") continue;
      var t = o.get("T"); if (!t || t.isNull()) t = o.get("Parent").get("T");
      var on = null, states = o.get("AP").get("N");
      if (states.isDictionary()) states.forEach(function (key) { if (key != "Off") on = key; });
      each(list[n++], t.asString(), on);
    }
  }
}
var doc = new PDFDocument(input);
widgets(doc, function (w, name, on) {
  if (!(name in wanted)) return;
  var type = w.getFieldType();
  if (type == "text") w.setTextValue(wanted[name]);
  else if (type == "combobox") w.setChoiceValue(wanted[name]);
  else if (w.getValue() == "Off" && (type == "checkbox" || on == wanted[name])) w.toggle();
  w.update();
});
doc.save(output, "garbage");
var out = {};
widgets(new PDFDocument(output), function (w, name) {
  if (!(name in out)) out[name] = {value: "Off", labels: []};
  if (w.getValue() != "Off") out[name].value = w.getValue();
  out[name].labels.push(w.getLabel());
});
print(JSON.stringify(out));
"""


def run(command: list[str], **kwargs) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdfjs_fill(source, target, values, cwd=ROOT) -> dict:
    """Fill with pdf.js (pdfjs-dist, found from `cwd`), save, reopen: field name → value and labels."""
    node = shutil.which("node")
    if node is None or not (cwd / "node_modules" / "pdfjs-dist").is_dir():
        pytest.fail("pdf.js is missing: add pdfjs-dist to package.json's devDependencies and run `npm ci`")
    return json.loads(run([node, "--input-type=module", "-e", PDFJS_FILL, str(source), str(target), json.dumps(values)],
                          cwd=cwd))


def test_pdfjs_fills_the_worksheet_and_names_its_fields(downloads, tmp_path):
    source = PdfReader(downloads / FILLED)
    values = filling(source)
    read = pdfjs_fill(downloads / FILLED, tmp_path / "filled.pdf", values)
    assert {name: read[name]["value"] for name in values} == values
    assert {name: read[name]["labels"] for name in values} == labels_of(source)


def test_mupdf_fills_the_worksheet_and_names_its_fields(downloads, tmp_path):
    mutool = shutil.which("mutool")
    if mutool is None:
        pytest.fail("MuPDF is missing: apt-get install mupdf-tools")
    script = tmp_path / "fill.js"
    script.write_text(MUPDF_FILL)
    source = PdfReader(downloads / FILLED)
    values = filling(source)
    read = json.loads(run([mutool, "run", str(script), str(downloads / FILLED), str(tmp_path / "filled.pdf"),
                           json.dumps(values)]))
    assert {name: read[name]["value"] for name in values} == values
    assert {name: read[name]["labels"] for name in values} == labels_of(source)


def test_poppler_draws_the_values_another_tool_filled_in(downloads, tmp_path):
    """pypdf fills the fields and asks for a redraw; poppler draws them in the subset font (printed to PDF, read)."""
    pdftocairo, pdftotext = shutil.which("pdftocairo"), shutil.which("pdftotext")
    if pdftocairo is None or pdftotext is None:
        pytest.fail("poppler is missing: apt-get install poppler-utils")
    source = PdfReader(downloads / FILLED)
    values = filling(source)
    writer = PdfWriter(clone_from=source)
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        writer.update_page_form_field_values(page, {k: (f"/{v}" if source.get_fields()[k]["/FT"] == "/Btn" else v)
                                                    for k, v in values.items()}, auto_regenerate=False)
    filled, printed = tmp_path / "filled.pdf", tmp_path / "printed.pdf"
    writer.write(filled)
    run([pdftocairo, "-pdf", str(filled), str(printed)])
    text = " ".join(run([pdftotext, str(printed), "-"]).split())
    typed = [v for n, v in values.items() if source.get_fields()[n]["/FT"] in ("/Tx", "/Ch")]
    assert [v for v in typed if v not in text] == []
