"""The Spanish edition in a browser (issue 16): the switch keeps the reader's place, saved work carries over,
a counselor's plan opens in Spanish, and search understands Spanish words."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import open_ready, stored, wait_stored
from ro_data import load_guide
from support import DATA, DOCS, DOCS_ES, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def spanish():
    return load_guide(DOCS_ES / "data", shared=DATA)


def _switch(page, language: str) -> None:
    """Choose a language in the header's switch, as a reader does: open the menu, pick the language."""
    page.locator(".md-header .md-select").hover()
    page.locator(f".md-select__link[hreflang={language}]").click()


def test_the_switch_keeps_the_reader_on_the_same_section(page, real_url):
    open_ready(page, real_url + "prepare/#resume")
    _switch(page, "es")
    expect(page).to_have_url(real_url + "es/prepare/#resume")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#resume")).to_be_in_viewport()
    _switch(page, "en")
    expect(page).to_have_url(real_url + "prepare/#resume")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_switch_works_by_keyboard(page, real_url):
    open_ready(page, real_url + "worksheets/reflection/")
    page.locator(".md-header .md-select button").focus()
    page.keyboard.press("Tab")  # the first language's link, shown while the menu has focus
    page.keyboard.press("Tab")
    expect(page.locator(".md-select__link[hreflang=es]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(real_url + "es/worksheets/reflection/")


def test_saved_ticks_and_answers_carry_over_to_the_other_language(page, real_url, spanish):
    checklist = spanish.checklists.checklists[0]
    item = checklist.items[0]
    home = next(p.relative_to(DOCS).with_suffix("").as_posix() + "/" for p in DOCS.glob("*.md")
                if f"<!-- ro:checklist {checklist.id} -->" in p.read_text(encoding="utf-8"))
    open_ready(page, real_url + home)
    page.locator(f"#cl-{checklist.id}--{item.id} input[type=checkbox]").check()
    wait_stored(page, f"!!(s.checklists[{checklist.id!r}] || {{}})[{item.id!r}]")
    open_ready(page, real_url + "es/" + home)
    box = page.locator(f"#cl-{checklist.id}--{item.id} input[type=checkbox]")
    expect(box).to_be_checked()
    expect(page.get_by_label(item.text, exact=False).first).to_be_checked()  # its label, in Spanish
    box.uncheck()
    wait_stored(page, f"!(s.checklists[{checklist.id!r}] || {{}})[{item.id!r}]")
    assert not stored(page).get("checklists", {}).get(checklist.id, {}).get(item.id)


def test_a_counselors_plan_link_opens_in_spanish(page, real_url, spanish):
    checklist = spanish.checklists.checklists[1]
    template = spanish.templates.templates[0]
    open_ready(page, real_url + f"es/plan/#i=c.{checklist.id},t.{template.id}&n=Hola&v=1")
    content = page.locator(".md-content")
    expect(content).to_contain_text(checklist.title)
    expect(content).to_contain_text(template.title)
    expect(content).to_contain_text("Hola")


def test_spanish_search_finds_a_word_by_its_stem(page, real_url):
    """Lunr's Spanish stemmer: "preguntar" finds the pages that say "preguntas" and "pregunte"."""
    open_ready(page, real_url + "es/")
    page.locator("input.md-search__input").fill("preguntar")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    assert results.count() >= 3
    expect(page.locator(".md-search-result__meta")).to_contain_text("documentos encontrados")  # Material's Spanish


# What the scripts build (buttons, labels, aria text, lists, notices), on the pages where a reader meets it, with
# one saved state that makes every one of them appear: ticks, three picked questions (Move up/down), dated and
# unnamed tracker rows (Due this week), a marked person (Edit, Remove, the Edit form), a plan of three items.
BUILT = {"questions/": "[data-ro-myq]", "network-map/": "[data-ro-netmap]", "every-link/": "[data-ro-links]",
         "my-progress/": "[data-ro-my-progress], [data-ro-due-soon]", "worksheets/contact-tracker/": "form"}


def _source_words() -> set[str]:
    """Every word of the Spanish edition's own texts (pages and data, which tests/test_spanish.py checks), and of
    its site name: what is left of a page's words came from the templates and scripts."""
    import re

    texts = [p.read_text(encoding="utf-8") for p in DOCS_ES.rglob("*") if p.suffix in (".md", ".yml")
             and p.name != "interface.yml"]  # the catalogue's keys are the English
    texts += re.findall(r"^site_name: (.*)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return {w.lower() for text in texts for w in re.findall(r"[^\W\d_]{2,}", text)}


def _built_words(page, url: str, language: str) -> set[str]:
    import re

    words: set[str] = set()

    def collect(roots: str) -> None:
        texts = page.evaluate("""sel => [...document.querySelectorAll(sel)].flatMap((root) =>
          [...root.querySelectorAll("button, label, li, [data-ro-net-undo], [aria-label], dd, dt, option")]
            .filter((el) => !el.closest("template"))
            .flatMap((el) => {  // its words, and its name; a page address (<code>) is no words
              let text = el.innerText || "";
              for (const code of el.querySelectorAll("code")) text = text.replace(code.innerText, " ");
              return [text, el.getAttribute("aria-label") || ""];
            }))""", roots)
        words.update(w.lower() for text in texts for w in re.findall(r"[^\W\d_]{2,}", text))

    for path, roots in BUILT.items():
        open_ready(page, url + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        if path == "every-link/":  # a page's buttons are made when its group opens
            for summary in page.locator("details[data-ro-links-page] > summary").all()[:2]:
                summary.click()
        collect(roots)
        if path == "network-map/":
            page.locator("[data-ro-person-edit]").first.click()  # the Edit form
            collect(roots)
            page.locator("[data-ro-net-cancel]").click()
            page.locator("[data-ro-person-remove]").first.click()  # the Undo notice
            collect(roots)
    return words


def test_what_the_scripts_build_is_in_spanish(chromium, real_url, spanish):
    """The words of the buttons, labels, names and lists the scripts make: no word of the English edition's is on a
    Spanish page unless the Spanish edition's own pages and data use it too (a name, a gloss such as "open house",
    a word spelled alike) or the reader typed it."""
    from browser_support import Browsing, store_before_load

    english = load_guide(DATA)
    checklist = spanish.checklists.checklists[0]

    def state(guide) -> dict:  # picked questions keep their text, in the language they were picked in
        return {"checklists": {checklist.id: {checklist.items[0].id: True}},
                "questions": [{"id": q.id, "text": q.text} for _, q in guide.questions.all_questions()[:3]],
                "worksheets": {"contact-tracker": {"values": {"contact-list--1--name": "Ana",
                                                              "contact-list--1--next-date": "2026-12-01",
                                                              "contact-list--2--next-date": "2026-12-03"}}},
                "network": {"family": [{"id": "p1", "name": "Ana", "note": "enfermera", "asked": True,
                                        "talked": True}]},
                "planner": {"items": ["s.index", "s.index:first-week", "s.index:what-it-is"]}, "changed": {}}

    found = {}
    for language, prefix, guide in (("en", "", english), ("es", "es/", spanish)):
        session = Browsing(chromium)
        session.page.clock.set_fixed_time("2026-12-02T12:00:00Z")
        store_before_load(session.context, state(guide))
        try:
            found[language] = _built_words(session.page, real_url + prefix, language)
            assert session.errors == []
        finally:
            session.close()
    assert len(found["es"]) > 100 and {"quitar", "editar", "subir", "fila", "atrasado"} <= found["es"]
    theirs = {"ana", "enfermera", "csv", "txt"}  # what the reader typed, and file types ("Descargar como .txt")
    shared = sorted(found["es"] & found["en"] - _source_words() - theirs)
    assert not shared, f"English words on the Spanish pages: {shared}"
