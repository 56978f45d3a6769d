"""The message composer in Chromium, with the guide's own templates: the character count on length-limited
channels, the warning before copying a message with empty blanks, and punctuation that stays next to a filled
blank.

The site is the sample site with the real `templates.yml` and one page of templates, so the tests read the
templates a reader gets (their ids and blanks), not the chapters' prose.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from browser_support import RECORD_CLIPBOARD, open_ready, serve
from support import DATA, SAMPLE_DOCS, SAMPLE_NAV, build_site, built_once

pytestmark = pytest.mark.browser

PAGE = """# Messages

<!-- ro:template linkedin-note level=2 -->

<!-- ro:template text-request level=2 -->

<!-- ro:template cold-request level=2 -->

<!-- ro:template thank-you level=2 -->
"""


def _make(site) -> None:
    docs = site.parent / "composer-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(SAMPLE_DOCS, docs)
    shutil.copy(DATA / "templates.yml", docs / "data" / "templates.yml")
    (docs / "messages.md").write_text(PAGE, encoding="utf-8")
    # The pages the templates' own text links to.
    (docs / "keep-it-going.md").write_text("# Keep it going\n\n## Ready { #ready-to-apply }\n", encoding="utf-8")
    build_site(docs, site, [*SAMPLE_NAV, "messages.md", "keep-it-going.md"])


@pytest.fixture(scope="session")
def composer_url(tmp_path_factory) -> Iterator[str]:
    """The sample site with the guide's templates, built once per run, over HTTP."""
    with serve(built_once(tmp_path_factory, "composer-site", _make)) as url:
        yield url + "messages/"


def _fill(article, values: dict[str, str]) -> None:
    for slot, value in values.items():
        article.locator(f"[data-ro-slot-input='{slot}']").fill(value)


def _fill_all(article, value: str = "Kim") -> None:
    for field in article.locator("[data-ro-slot-input]").all():
        field.fill(value)


# --- A live character count where the channel limits the length ---


@pytest.mark.parametrize(("template", "limit"), [("linkedin-note", 200), ("text-request", 160)])
def test_length_limited_templates_carry_their_limit(page, composer_url, template, limit):
    open_ready(page, composer_url)
    article = page.locator(f"#tpl-{template}")
    assert article.get_attribute("data-ro-limit") == str(limit)
    expect(article.locator("[data-ro-count]")).to_be_visible()
    expect(article.locator("[data-ro-count]")).to_contain_text(f"of {limit} characters")


def test_the_count_follows_the_message_as_you_type(page, composer_url):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, composer_url)
    article = page.locator("#tpl-text-request")
    _fill_all(article)
    article.get_by_role("button", name="Copy the message").click()
    page.wait_for_function("() => window.__copied !== null")
    copied = page.evaluate("window.__copied")
    count = article.locator("[data-ro-count]")
    expect(count).to_have_text(re.compile(rf"^{len(copied)} of 160 characters"))
    article.locator("[data-ro-slot-input='their-name']").fill("Kimberly")
    expect(count).to_have_text(re.compile(rf"^{len(copied) + 5} of 160 characters"))


def test_the_count_is_said_politely_once_typing_pauses(page, composer_url):
    open_ready(page, composer_url)
    article = page.locator("#tpl-linkedin-note")
    article.locator("[data-ro-slot-input='their-name']").fill("Luis")
    status = article.locator("[aria-live=polite]", has_text="characters")
    expect(status).to_have_count(1)
    expect(status).to_contain_text(re.compile(r"\d+ of 200 characters"))
    assert article.locator("[data-ro-count]").get_attribute("aria-live") is None  # not every keystroke


def test_a_message_over_the_limit_says_so(page, composer_url):
    open_ready(page, composer_url)
    article = page.locator("#tpl-text-request")
    article.locator("[data-ro-slot-input='their-name']").fill("x" * 200)
    count = article.locator("[data-ro-count]")
    expect(count).to_contain_text(re.compile(r"^2\d\d of 160 characters: over the limit by \d+\. Shorten it"))
    expect(count).to_have_class(re.compile(r"ro-message-template__count--over"))
    expect(article.locator("[data-ro-status]")).to_contain_text("of 160 characters: over the limit by")
    article.locator("[data-ro-slot-input='their-name']").fill("Luis")
    expect(count).not_to_have_class(re.compile(r"--over"))


def test_unlimited_channels_have_no_count(page, composer_url):
    open_ready(page, composer_url)
    assert page.locator("#tpl-cold-request").get_attribute("data-ro-limit") is None
    expect(page.locator("#tpl-cold-request [data-ro-count]")).to_have_count(0)


def test_the_limit_is_shown_without_javascript(page_nojs, composer_url):
    page_nojs.goto(composer_url)
    expect(page_nojs.locator("#tpl-linkedin-note [data-ro-count]")).to_contain_text("200 characters")


# --- Copying with empty blanks warns first ---


def test_copying_with_empty_blanks_warns_first_then_copies(page, composer_url):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, composer_url)
    article = page.locator("#tpl-cold-request")
    required = [i.get_attribute("data-ro-slot-input") for i in article.locator("[data-ro-slot-input]").all()
                if i.get_attribute("data-ro-optional") is None]
    _fill(article, {slot: "Kim" for slot in required[2:]})
    button = article.get_by_role("button", name="Copy the message")
    button.click()
    status = article.locator("[data-ro-status]")
    expect(status).to_contain_text("2 blanks are still empty")
    expect(status).to_contain_text("Press Copy again to copy anyway")
    labels = [article.locator(f"label[for$='--{slot}']").inner_text() for slot in required[:2]]
    for label in labels:
        expect(status).to_contain_text(label)
    assert page.evaluate("window.__copied") is None
    button.click()
    page.wait_for_function("() => window.__copied !== null")
    assert f"[{labels[0]}]" in page.evaluate("window.__copied")
    expect(status).to_contain_text("copied")


def test_a_new_blank_filled_asks_again(page, composer_url):
    """The second press copies only the message the warning was about: typing in between warns afresh."""
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, composer_url)
    article = page.locator("#tpl-thank-you")
    button = article.get_by_role("button", name="Copy the message")
    button.click()
    expect(article.locator("[data-ro-status]")).to_contain_text("blanks are still empty")
    article.locator("[data-ro-slot-input='their-name']").fill("Luis")
    button.click()
    expect(article.locator("[data-ro-status]")).to_contain_text("blanks are still empty")
    assert page.evaluate("window.__copied") is None


def test_a_complete_message_copies_at_once_without_the_optional_offer(page, composer_url):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, composer_url)
    article = page.locator("#tpl-cold-request")
    optional = article.locator("[data-ro-slot-input][data-ro-optional]")
    expect(optional).to_have_count(1)  # the offer of help: empty by default, and it may stay empty
    expect(optional).to_have_value("")
    for field in article.locator("[data-ro-slot-input]:not([data-ro-optional])").all():
        field.fill("Kim")
    article.get_by_role("button", name="Copy the message").click()
    page.wait_for_function("() => window.__copied !== null")
    copied = page.evaluate("window.__copied")
    assert "[" not in copied and "Optional" not in copied
    assert not re.search(r"[ \t]\n|[ \t]$", copied)  # an empty blank leaves no space at a line's end


def test_the_subject_button_warns_only_about_the_subject(page, composer_url):
    page.add_init_script(RECORD_CLIPBOARD)
    open_ready(page, composer_url)
    article = page.locator("#tpl-cold-request")
    article.locator("[data-ro-slot-input='field']").fill("solar installation")
    article.get_by_role("button", name="Copy the subject").click()
    page.wait_for_function("() => window.__copied !== null")
    assert page.evaluate("window.__copied") == "Curious about your path into solar installation"


# --- Punctuation stays next to a filled blank ---


def test_a_filled_blank_sits_right_against_its_comma(page, composer_url):
    open_ready(page, composer_url)
    article = page.locator("#tpl-cold-request")
    article.locator("[data-ro-slot-input='their-name']").fill("Luis")
    first = article.locator(".ro-message-template__body p").first
    expect(first).to_have_text("Hi Luis,")
    gap = page.evaluate("""() => {
        const span = document.querySelector("#tpl-cold-request .ro-message-template__body [data-ro-slot]");
        const word = document.createRange();
        word.selectNodeContents(span);
        const comma = document.createRange();
        comma.setStart(span.nextSibling, 0);
        comma.setEnd(span.nextSibling, 1);
        return comma.getBoundingClientRect().left - word.getBoundingClientRect().right; }""")
    assert gap < 1, f"a visible gap of {gap:.1f} px between 'Luis' and ','"
