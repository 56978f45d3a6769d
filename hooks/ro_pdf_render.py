"""WeasyPrint, as the PDFs use it: the shipped fonts cut to a subset, the stylesheets, fillable forms, the finish.

Imports no MkDocs. `document` lays out print HTML on one paper size (for measuring); `render_pdf` writes
the fillable PDF. The files named in FILES (relative to the print folder) are all this module reads of the
project, and they are part of every PDF's cache key (see ro_pdf.inputs_digest), as is this module's source
(so CHARACTERS and the subset's options are too).

The font: WeasyPrint embeds a font used in a form field whole (a reader may type any character), which
made every worksheet weigh 230 KB or more. So the fonts in FILES are served to WeasyPrint cut to
CHARACTERS (`subset_font`, fontTools): what a reader may type in the guide's languages. The subset is
made from the shipped file at render time, deterministically, and kept in a temporary folder named by
the font's hash and the character set (remaking one takes half a second; committing subset files would
need a script and a test that they are current, for the same result). Print text with a character the
full font has but the subset lacks stops the render with a message, rather than printing in a fallback
font of whatever machine builds it.

The finish (`finisher`), after WeasyPrint: the AcroForm repair (ro_pdf_acroform); the running headers and
footers (the @page margin boxes) marked as pagination artifacts, since WeasyPrint 70 tags them with
structure elements it leaves out of the structure tree; and XMP metadata with the title and language.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

import ro_pdf_acroform

STYLESHEETS = ("fonts.css", "pdf.css")
FONTS = ("fonts/LiberationSans-Regular.ttf", "fonts/LiberationSans-Bold.ttf")
FILES = (*STYLESHEETS, *FONTS)
# Tagged, with the PDF/UA identification; its fields fill in pdf.js, MuPDF and poppler (tests/test_pdf_access.py).
VARIANT = "pdf/ua-1"

# What a reader may type, and the print text may hold: ASCII, Latin-1 and Latin Extended-A (Spanish ñ á é í ó
# ú ü ¿ ¡, and the letters of most European languages that write in Latin), the rest of Windows-1252, and
# common punctuation and symbols.
CHARACTERS = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180)]
    + [ord(char) for char in "ƒˆ˜‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›⁄€№™←↑→↓−"]
    + [0x2009, 0x200A, 0x202F]  # thin, hair and narrow no-break spaces
)
# Text shaping needs the layout tables (kerning, marks); hinting only helps low-resolution screens.
SUBSET_OPTIONS = {"hinting": False, "notdef_outline": True}
DROPPED_TABLES = ("FFTM",)  # FontForge's time stamps
SUBSETS = Path(tempfile.gettempdir()) / "reaching-out-fonts"


def _options() -> dict:
    # A tagged PDF (structure, language) for screen readers, identified as PDF/UA-1.
    return {"pdf_forms": True, "pdf_variant": VARIANT}


def document(html: str, size: str, print_dir: Path):
    """Lay out print HTML on paper of CSS size `size` (`A4`, `letter`); return WeasyPrint's document."""
    return _laid_out(_html(html, print_dir), size, print_dir)


def render_pdf(html: str, size: str, group_labels: Mapping[str, str], print_dir: Path) -> tuple[bytes, int]:
    """Render print HTML to a fillable PDF; return its bytes and its page count.

    Fields are named for assistive technology by their <label> in the HTML (WeasyPrint keeps only the
    first line of one that wraps), and radio groups and their options by `group_labels`.
    """
    parsed = _html(html, print_dir)
    labels = {label.get("for"): " ".join("".join(label.itertext()).split())
              for label in parsed.etree_element.iter("label") if label.get("for")}
    laid_out = _laid_out(parsed, size, print_dir)
    content = laid_out.write_pdf(finisher=finisher(labels | dict(group_labels)), **_options())
    return content, len(laid_out.pages)


def _html(html: str, print_dir: Path):
    import weasyprint  # imported on first use: builds with every PDF cached never load it

    _check_characters(html, print_dir)
    return weasyprint.HTML(string=html, base_url=str(print_dir) + "/", url_fetcher=_subset_fetcher(print_dir))


def _laid_out(parsed, size: str, print_dir: Path):  # noqa: ANN001 - weasyprint.HTML
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # @font-face works only through a font configuration
    stylesheets = [weasyprint.CSS(filename=str(print_dir / name), font_config=fonts, url_fetcher=parsed.url_fetcher)
                   for name in STYLESHEETS]
    stylesheets.append(weasyprint.CSS(string=f"@page {{ size: {size}; }}"))
    return parsed.render(stylesheets=stylesheets, font_config=fonts, **_options())


def finisher(labels: Mapping[str, str]) -> Callable[[object, object], None]:
    """Finish WeasyPrint's PDF: the AcroForm repair, margin boxes as artifacts, XMP metadata."""
    repair = ro_pdf_acroform.finisher(labels)

    def finish(document: object, pdf: object) -> None:
        repair(document, pdf)
        _margin_boxes_as_artifacts(pdf)
        _metadata(document, pdf)

    return finish


# --- The font subset ---


def subset_font(font: Path) -> bytes:
    """Return the font file cut to CHARACTERS, from the temporary folder if it was made before."""
    from fontTools import subset, version
    from fontTools.ttLib import TTFont

    content = font.read_bytes()
    recipe = repr((sorted(CHARACTERS), sorted(SUBSET_OPTIONS.items()), DROPPED_TABLES, version)).encode()
    cached = SUBSETS / f"{font.stem}-{hashlib.sha256(content + recipe).hexdigest()[:20]}.ttf"
    with contextlib.suppress(OSError):
        return cached.read_bytes()
    ttf = TTFont(io.BytesIO(content), recalcTimestamp=False)  # the same bytes on every run
    options = subset.Options(**SUBSET_OPTIONS)
    options.drop_tables += DROPPED_TABLES
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=CHARACTERS)
    subsetter.subset(ttf)
    out = io.BytesIO()
    ttf.save(out)
    data = out.getvalue()
    with contextlib.suppress(OSError):  # a folder we cannot write to: the subset is remade next time
        SUBSETS.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(cached)
    return data


def _subset_fetcher(print_dir: Path):
    """Return a WeasyPrint URL fetcher that serves the shipped fonts as subsets, everything else as usual."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    fonts = {(print_dir / name).resolve() for name in FONTS}

    class SubsetFonts(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path in fonts:
                try:
                    return URLFetcherResponse(url, subset_font(path))
                except Exception as error:  # WeasyPrint would fall back to a system font, and say little
                    raise FatalURLFetchingError(f"cannot cut {path.name} to a subset: {error}") from error
            return super().fetch(url, headers)

    return SubsetFonts()


def _check_characters(html: str, print_dir: Path) -> None:
    """Refuse print text with a character the shipped font has but its subset lacks."""
    outside = {char for char in html if ord(char) > 0x7E and ord(char) not in CHARACTERS}
    missing = sorted(char for char in outside if ord(char) in _characters_of(print_dir / FONTS[0]))
    if missing:
        shown = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in missing)
        raise ValueError(f"the print text holds {shown}, which the PDFs' font subset lacks: add the character to "
                         f"CHARACTERS in hooks/ro_pdf_render.py, or write it another way")


@cache
def _characters_of(font: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(font, lazy=True).getBestCmap())


# --- The finish: artifacts and metadata ---


def _margin_boxes_as_artifacts(pdf) -> None:  # noqa: ANN001 - pydyf.PDF
    """Mark the text of the @page margin boxes ("Page 1 of 2", the footer) as pagination artifacts.

    WeasyPrint 70 marks their text as content with structure elements that no element of the structure
    tree leads to ("only allowed in PDF 2.0", says its source): screen readers that follow the content
    read them on every page, and a PDF/UA check finds content that is neither tagged nor an artifact.
    So every marked content whose structure element the tree does not reach becomes an /Artifact, the
    parent tree forgets it, and its orphaned structure elements are emptied.
    """
    import pydyf

    objects = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}
    root = objects.get(pdf.catalog.get("StructTreeRoot"))
    if root is None:
        return
    reached, todo = set(), list(root["K"])
    while todo:
        reference = todo.pop()
        if isinstance(reference, bytes) and reference not in reached:
            reached.add(reference)
            kids = objects.get(reference, {}).get("K", ())
            todo.extend(kids if isinstance(kids, list) else [kids])
    numbers = objects[root["ParentTree"]]["Nums"]
    content_of = dict(zip(numbers[::2], numbers[1::2], strict=True))
    for page in (objects[reference] for reference in pdf.page_references):
        marked = content_of.get(page.get("StructParents"))
        if not isinstance(marked, list):
            continue
        orphans = {mcid for mcid, element in enumerate(marked) if element not in reached}
        for mcid in orphans:
            marked[mcid] = "null"
        stream = pdf.objects[int(page["Contents"].split()[0])].stream
        for index, item in enumerate(stream[1:-1], start=1):
            if isinstance(item, dict) and item.get("MCID") in orphans and stream[index + 1] == b"BDC":
                stream[index - 1], stream[index] = "/Artifact", pydyf.Dictionary({"Type": "/Pagination"})
    for reference, obj in objects.items():
        if obj.get("Type") == "/StructElem" and reference not in reached:
            ro_pdf_acroform.discard(pdf, reference)


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>{creators}
<pdf:Producer>{producer}</pdf:Producer>{part}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>"""


def _metadata(document, pdf) -> None:  # noqa: ANN001 - WeasyPrint's document, pydyf.PDF
    """Describe the PDF in XMP (title, language, PDF/UA part) and show its title in the reader's title bar."""
    import pydyf

    meta = document.metadata
    producer = pdf.info.get("Producer")
    part = VARIANT.removeprefix("pdf/ua-") if VARIANT.startswith("pdf/ua-") else ""
    creators = "".join(f"<rdf:li>{escape(author)}</rdf:li>" for author in meta.authors)
    packet = XMP.format(
        title=escape(meta.title or ""), lang=escape(meta.lang or ""),
        creators=f"\n<dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>" if creators else "",
        producer=escape(getattr(producer, "string", "WeasyPrint")),
        part=f"\n<pdfuaid:part>{part}</pdfuaid:part>" if part else "",
    )
    # Uncompressed, so that tools which do not read PDF find it; it replaces WeasyPrint's (PDF/UA variants).
    stream = pydyf.Stream([packet.encode()], {"Type": "/Metadata", "Subtype": "/XML"})
    previous = pdf.catalog.get("Metadata")
    pdf.add_object(stream)
    pdf.catalog["Metadata"] = stream.reference
    if previous:
        ro_pdf_acroform.discard(pdf, previous)
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
