"""The Spanish edition in a browser (issue 16): the switch keeps the reader's place, saved work carries over,
a counselor's plan opens in Spanish, and search understands Spanish words."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import open_ready, stored, wait_stored
from ro_data import load_guide
from support import DATA, DOCS, DOCS_ES

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
