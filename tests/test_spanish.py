"""The Spanish edition (issue 16): the whole guide in Spanish at es/, with the English paths and ids.

ro_translation compares the two editions' sources (pages, heading ids, markers, data ids and values); these
tests add what only the built site shows: every Spanish page says it is Spanish and holds no paragraph of
English, each page names its other-language twin, Spanish search, and Spanish texts older than their English.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import ro_translation
from support import DOCS, DOCS_ES, ROOT

SITE_URL = "https://reaching-out.github.io/"
# What counts as a paragraph of prose, inside the page's content.
PROSE = "p, li, td, th, dt, dd, h1, h2, h3, h4, h5, h6, figcaption, summary, label, legend, blockquote, button"
MIN_WORDS = 6  # shorter text (a name, "LinkedIn", "O*NET OnLine") tells no language apart


def _identifier():
    import py3langid.langid as langid

    langid.set_languages(["en", "es"])
    return langid.classify


def _html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if not re.match(r"(es/)?go/", p.relative_to(site).as_posix())]


def _prose(html: str) -> list[str]:
    """The page's prose, paragraph by paragraph, leaving out code and anything marked lang="en" (a title)."""
    soup = BeautifulSoup(html, "html.parser")
    content = soup.select_one("article.md-content__inner") or soup
    for quiet in content.select("code, pre, [lang='en'], .headerlink, script, style, .ro-print-only, .ro-print-source"):
        quiet.decompose()
    found = []
    for element in content.select(PROSE):
        if element.find(PROSE.split(", ")):  # only the innermost: a list item's own paragraph is enough
            continue
        text = " ".join(element.get_text(" ").split())
        if len(re.findall(r"[^\W\d_]{2,}", text)) >= MIN_WORDS:
            found.append(text)
    return found


def _foreign(site: Path, want: str) -> list[str]:
    classify = _identifier()
    odd = []
    for page in _html_pages(site):
        for text in _prose(page.read_text(encoding="utf-8")):
            if classify(text)[0] != want:
                odd.append(f"{page.relative_to(site).as_posix()}: {text[:100]}")
    return odd


# --- Sources: the two editions agree on everything but the words ---


def test_the_two_editions_agree_on_everything_but_the_words():
    assert ro_translation.problems() == []


def _tree(root: Path, page: str, data: str) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "p.md").write_text(page, encoding="utf-8")
    (root / "data" / "checklists.yml").write_text(data, encoding="utf-8")
    return root


ENGLISH_PAGE = "# Prepare\n\n## Research the field { #research }\n\nSome words.\n\n<!-- ro:checklist one -->\n"
ENGLISH_DATA = ("checklists:\n  - id: one\n    title: Before you reach out to anyone\n    items:\n      - id: a\n"
                "        text: Write {name} a note\n")


@pytest.mark.parametrize(("page", "data", "expected"), [
    ("# Prepárese { #prepare }\n\n## Investigue el campo { #research }\n\nPalabras.\n\n<!-- ro:checklist one -->\n",
     ENGLISH_DATA.replace("Before you reach out to anyone", "Antes de escribirle a nadie")
     .replace("Write {name} a note", "Escríbale a {name}"),
     []),
    ("# Prepárese { #prepare }\n\n## Investigue el campo\n\n<!-- ro:checklist one -->\n",
     ENGLISH_DATA.replace("Before you reach out to anyone", "Antes").replace("Write {name} a note", "A {name}"),
     ["docs-es/p.md:1: heading ids differ from docs/p.md (missing: research; not in English: investigue-el-campo; "]),
    ("# Prepárese { #prepare }\n\n## Investigue { #research }\n\n<!-- ro:checklist two -->\n",
     ENGLISH_DATA.replace("Write {name} a note", "Escriba a {nombre}").replace("id: a", "id: b"),
     ["docs-es/p.md:5: component markers differ from docs/p.md (expected exactly: <!-- ro:checklist one -->)",
      "docs-es/data/checklists.yml:3: checklists[0].title is still in English (expected Spanish)",
      "docs-es/data/checklists.yml:5: checklists[0].items[0].id is 'b' (expected 'a', as in English: ids and "
      "settings are not translated)",
      "docs-es/data/checklists.yml:6: checklists[0].items[0].text has the blanks ['{nombre}'] "
      "(expected ['{name}'], as in English)"]),
], ids=["agrees", "heading-id-left-out", "marker-id-english-and-blank"])
def test_the_check_names_each_disagreement_at_its_spanish_line(tmp_path, page, data, expected):
    english, spanish = _tree(tmp_path / "docs", ENGLISH_PAGE, ENGLISH_DATA), _tree(tmp_path / "es", page, data)
    found = ro_translation.problems(english, spanish)
    assert len(found) == len(expected), found
    for message, start in zip(found, expected, strict=True):
        assert message.startswith(start)


def test_a_missing_spanish_page_or_an_extra_one_is_named(tmp_path):
    english, spanish = _tree(tmp_path / "docs", ENGLISH_PAGE, ENGLISH_DATA), tmp_path / "es"
    (spanish / "data").mkdir(parents=True)
    (spanish / "otra.md").write_text("# Otra\n")
    assert ro_translation.problems(english, spanish) == [
        "docs-es/p.md:1: missing (expected the Spanish page of docs/p.md)",
        "docs-es/otra.md:1: no English page docs/otra.md (expected the same pages in both languages)",
        "docs-es/data/checklists.yml:1: missing (expected the Spanish copy of docs/data/checklists.yml)"]


# --- The built site ---


def test_every_page_says_its_language(real_site):
    for edition, language in (("", "en"), ("es", "es")):
        folder = real_site / edition
        pages = [p for p in _html_pages(folder) if edition or not p.relative_to(folder).as_posix().startswith("es/")]
        assert len(pages) > 30
        wrong = [p.relative_to(real_site).as_posix() for p in pages
                 if f'<html lang="{language}"' not in p.read_text(encoding="utf-8")[:400]]
        assert wrong == [], f"not lang={language}"


def test_no_paragraph_of_english_in_a_spanish_page(real_site):
    assert _foreign(real_site / "es", "es") == []


def test_no_paragraph_of_spanish_in_an_english_page(real_site, tmp_path):
    """The same check on the English edition: it tells the languages apart both ways."""
    english = tmp_path / "en"
    for page in _html_pages(real_site):
        rel = page.relative_to(real_site)
        if rel.parts[0] != "es":
            (english / rel).parent.mkdir(parents=True, exist_ok=True)
            (english / rel).write_bytes(page.read_bytes())
    assert _foreign(english, "en") == []


def test_the_language_check_finds_english_left_in_spanish():
    classify = _identifier()
    html = ("<article class='md-content__inner'><p>Antes de conocer a Luis, Dana leyó muchos anuncios de empleo.</p>"
            "<p>Ask how they got started and what they would do differently today.</p>"
            "<p>Vea <em lang='en'>What Color Is Your Parachute? A Practical Manual for Job-Hunters</em>.</p></article>")
    assert [classify(t)[0] for t in _prose(html)] == ["es", "en"]


def _sitemap(site: Path) -> dict[str, dict[str, str]]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            for url in root.findall("s:url", ns)}


def _built(real_site: Path, address: str) -> Path:
    assert address.startswith(SITE_URL), address
    path = real_site / address.removeprefix(SITE_URL)
    return path / "index.html" if address.endswith("/") else path


def test_each_page_names_its_twin_in_the_other_language(real_site):
    english, spanish = _sitemap(real_site), _sitemap(real_site / "es")
    assert len(english) == len(spanish) == len(ro_translation.pages(DOCS))
    for pages, own in ((english, "en"), (spanish, "es")):
        for loc, alternates in pages.items():
            assert set(alternates) == {"en", "es", "x-default"}, loc
            assert alternates[own] == loc
            assert alternates["x-default"] == alternates["en"]
            assert all(_built(real_site, href).is_file() for href in alternates.values()), alternates
    assert {a["es"] for a in english.values()} == set(spanish)


def test_heads_name_no_relative_alternate_and_the_switch_opens_the_same_page(real_site):
    """Material's relative hreflang links in <head> are left out; the header's switch links page to page."""
    for page in (real_site / "prepare" / "index.html", real_site / "es" / "worksheets" / "reflection" / "index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.head.select("link[hreflang]") == []
        links = {a["hreflang"]: (page.parent / a["href"]).resolve() for a in soup.select(".md-select__link")}
        twin = page.relative_to(real_site).as_posix().removeprefix("es/")
        assert links == {"en": (real_site / twin).resolve().parent, "es": (real_site / "es" / twin).resolve().parent}


def test_spanish_search_uses_the_spanish_stemmer(real_site):
    import json

    assert json.loads((real_site / "search" / "search_index.json").read_text())["config"]["lang"] == ["en"]
    index = json.loads((real_site / "es" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["es"]
    assert any("entrevista" in doc["text"] for doc in index["docs"])


def test_spanish_pdfs_are_in_spanish_and_point_at_the_spanish_pages(real_site):
    """Every sheet exists in Spanish, reads as Spanish, says so to screen readers, and sends its reader to es/."""
    from pypdf import PdfReader

    classify = _identifier()
    pdfs = sorted((real_site / "es" / "downloads").glob("*.pdf"))
    assert [p.name for p in pdfs] == sorted(p.name for p in (real_site / "downloads").glob("*.pdf"))
    for pdf in pdfs:
        reader = PdfReader(pdf)
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        assert classify(text)[0] == "es", pdf.name
        assert reader.trailer["/Root"].get("/Lang") == "es", pdf.name
        assert "reaching-out.github.io/es/go/" in text, pdf.name


# --- For authors: which Spanish texts are older than their English source ---


def test_stale_lists_the_english_texts_changed_since_they_were_translated(tmp_path):
    english = _tree(tmp_path / "docs", ENGLISH_PAGE, ENGLISH_DATA)
    record = tmp_path / "translations.txt"
    assert ro_translation.stale(english, record) == ["p.md", "data/checklists.yml:checklists:one"]
    ro_translation.record(None, english, record)
    assert ro_translation.stale(english, record) == []
    (english / "p.md").write_text(ENGLISH_PAGE + "\nA new paragraph.\n")
    (english / "data" / "checklists.yml").write_text(ENGLISH_DATA.replace("a note", "a short note"))
    assert ro_translation.stale(english, record) == ["p.md", "data/checklists.yml:checklists:one"]
    ro_translation.record(["p.md"], english, record)
    assert ro_translation.stale(english, record) == ["data/checklists.yml:checklists:one"]


def test_every_spanish_text_has_a_record_of_its_english_source():
    """translations.txt names every text (`make translations DONE=…` keeps it); what is stale is a report."""
    assert set(ro_translation.recorded()) == set(ro_translation.sources())


def test_the_spanish_edition_is_a_full_copy():
    assert ro_translation.pages(DOCS_ES) == ro_translation.pages(DOCS)
    assert (ROOT / "mkdocs.es.yml").is_file()


def test_the_spanish_home_screen_manifest_is_in_spanish(real_site):
    import json

    english = json.loads((real_site / "assets" / "ro" / "manifest.webmanifest").read_text(encoding="utf-8"))
    spanish = json.loads((real_site / "es" / "assets" / "ro" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (english["lang"], spanish["lang"]) == ("en", "es")
    assert _identifier()(spanish["description"])[0] == "es" and spanish["start_url"] == english["start_url"]


def test_a_mistake_in_the_spanish_data_is_named_in_english_at_its_spanish_file_and_line(tmp_path):
    import shutil

    from ro_data import DataError, load_guide
    from support import DATA

    data = tmp_path / "docs-es" / "data"
    shutil.copytree(DOCS_ES / "data", data)
    lines = (data / "checklists.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[number] = lines[number].replace("title:", "titulo:", 1)
    (data / "checklists.yml").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_guide(data, tmp_path, shared=DATA)
    assert f"docs-es/data/checklists.yml:{number + 1}: unknown key 'titulo' (expected one of: id, title, intro, " \
           f"items)" in error.value.messages
    assert all(m.startswith("docs-es/data/checklists.yml:") for m in error.value.messages)


def test_the_themes_own_sentences_are_said_in_both_languages():
    """main.html's and progress.html's sentences live in each config's extra.ro_words (any engine reads them):
    every one the theme reads, in both, and none it does not."""
    from mkdocs.config import load_config

    english = load_config(str(ROOT / "mkdocs.yml")).extra["ro_words"]
    spanish = load_config(str(ROOT / "mkdocs.es.yml")).extra["ro_words"]
    read = set()
    for name in ("main.html", "partials/progress.html"):  # `w.NAME` (w = ro_words) or `(… ro_words or {}).NAME`
        theme = (ROOT / "overrides" / name).read_text(encoding="utf-8")
        read |= {a or b for a, b in re.findall(r"\bw\.(\w+)|ro_words or \{\}\)\.(\w+)", theme)}
    assert len(read) >= 8 and set(english) == set(spanish) == read
    classify = _identifier()
    for name in english:
        assert spanish[name] != english[name]
        assert classify(spanish[name])[0] == "es" or len(spanish[name].split()) < 4, name


def test_the_flattened_spanish_config_is_the_one_mkdocs_reads(tmp_path):
    """For Zensical, whose INHERIT appends lists (its Spanish menu would be both): ro_languages.flattened resolves
    mkdocs.es.yml's INHERIT as MkDocs does, so MkDocs reads the flattened file as the same configuration."""
    from mkdocs.config import load_config

    import ro_languages

    flat = ROOT / f".mkdocs.es.flat-{os.getpid()}.yml"  # in the project's folder: the config's paths are relative
    flat.write_text(ro_languages.flattened(ROOT / "mkdocs.es.yml"), encoding="utf-8")
    try:
        assert "INHERIT" not in flat.read_text(encoding="utf-8")
        ours, mkdocs = load_config(str(flat)), load_config(str(ROOT / "mkdocs.es.yml"))
    finally:
        flat.unlink()
    assert ours["nav"] == mkdocs["nav"] and ours["nav"][0] == {"Empiece aquí": "index.md"}
    assert ours["extra"] == mkdocs["extra"] and ours["extra"]["ro_languages"] == []
    assert ours["theme"]["palette"] == mkdocs["theme"]["palette"] and ours["theme"]["language"] == "es"
    assert ours["markdown_extensions"] == mkdocs["markdown_extensions"]
    assert ours["mdx_configs"] == mkdocs["mdx_configs"] and ours["docs_dir"] == mkdocs["docs_dir"]
    assert sorted(ours["plugins"]) == sorted(mkdocs["plugins"])
