"""The guide's content stays whole: nav, heading ids, components embedded, data sizes, readability."""

from __future__ import annotations

import re

import pytest
import yaml

import prose
import ro_site
from support import DOCS, ROOT

CHAPTERS = [
    "index.md",
    "know-what-you-are-exploring.md",
    "map-your-network.md",
    "find-new-people.md",
    "your-situation.md",
    "reach-out.md",
    "prepare.md",
    "the-conversation.md",
    "a-whole-conversation.md",
    "after-the-conversation.md",
    "keep-it-going.md",
    "from-conversations-to-a-path.md",
    "six-weeks.md",
]
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
RESERVED = ("q-", "qc-", "cl-", "ws-", "tpl-", "net-")
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$", re.M)


def _nav_pages(nav) -> list[str]:
    found = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += _nav_pages(value) if isinstance(value, list) else [value]
    return found


def _text(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def test_every_page_is_in_the_nav():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert sorted(_nav_pages(config["nav"])) == PAGES


def test_chapters_are_the_start_page_and_the_guide_section_of_the_nav():
    """A new chapter cannot slip past the chapter checks (its opening box, reading level, length)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    guide = next(entry["The guide"] for entry in config["nav"] if isinstance(entry, dict) and "The guide" in entry)
    assert ["index.md", *_nav_pages(guide)] == CHAPTERS


def test_start_page_opens_with_what_the_guide_is_and_three_ways_in():
    """Before any chapter text: a one-paragraph lead, then Material grid cards for a reader acting this week,
    one preparing a conversation, and a counselor, each with a button to where it starts."""
    text = _text("index.md")
    head = text[:text.index("\n## ")]
    lines = [line for line in head.splitlines() if line.strip()]
    assert lines[0].startswith("# ") and lines[2] == "{ .ro-lead }" and len(lines[1].split()) <= 40
    cards = re.search(r'<div class="grid cards ro-ways-in" markdown>(.*?)</div>', head, re.S)
    assert cards, "the start page has no grid of ways in before its first section"
    titles = re.findall(r"^-   __(.+)__$", cards.group(1), re.M)
    assert titles == ["I want to talk to someone this week", "I'm preparing for a conversation", "I'm a counselor"]
    for card, wanted in zip(re.split(r"^-   ", cards.group(1), flags=re.M)[1:],
                            ("(#first-week)", "(questions.md)", "(for-counselors.md)"), strict=True):
        assert wanted in card and "{ .md-button" in card, card
    assert "{ #first-week }" in text


@pytest.mark.parametrize("page", CHAPTERS[1:])  # the start page opens with its ways in (above)
def test_chapter_opens_with_in_this_chapter(page):
    lines = [line for line in _text(page).splitlines() if line.strip()]
    assert lines[0].startswith("# ")
    assert lines[1] == '!!! abstract "In this chapter"'


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_permanent_id(page):
    text = re.sub(r"^(```|~~~).*?^\1", "", _text(page), flags=re.S | re.M)
    ids = []
    for match in HEADING.finditer(text):
        found = re.search(r"\{\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}$", match.group(2))
        assert found, f"{page}: heading without an id: {match.group(0)}"
        assert not found.group(1).startswith(RESERVED), f"{page}: {found.group(1)} uses a component prefix"
        ids.append(found.group(1))
    assert len(ids) == len(set(ids)), f"{page}: duplicate heading ids"


@pytest.fixture(scope="module")
def homes(real_guide):
    site = ro_site.Site(real_guide)
    problems = site.check_pages({page: _text(page) for page in PAGES})
    assert problems == []
    return site.homes


@pytest.mark.parametrize(("kind", "component"), [("checklist", "checklist"), ("worksheet", "worksheet"),
                                                 ("template", "message-template")])
def test_every_component_is_embedded_somewhere(real_guide, homes, kind, component):
    missing = [i for i in real_guide.ids(kind) if (component, i) not in homes]
    assert missing == []


def test_question_bank_and_network_map_have_a_home(homes):
    assert ("question-bank", "") in homes
    assert ("network-map", "") in homes


def test_data_sizes(real_guide):
    categories = real_guide.questions.categories
    assert len(categories) >= 8
    assert all(c.questions for c in categories)
    assert len(real_guide.ids("question")) >= 150
    assert len(real_guide.ids("checklist")) >= 8
    for checklist in real_guide.checklists.checklists:
        assert 5 <= len(checklist.items) <= 12, checklist.id
    assert len(real_guide.ids("worksheet")) >= 8
    assert len(real_guide.ids("template")) >= 10
    assert len(real_guide.plans.plans) >= 3


def test_questions_are_tagged_for_every_purpose_and_phase(real_guide):
    used_purposes = {p for _, q in real_guide.questions.all_questions() for p in q.purposes}
    used_phases = {q.phase for _, q in real_guide.questions.all_questions()}
    assert used_purposes == set(real_guide.ids("purpose"))
    assert used_phases == set(real_guide.ids("phase"))


def test_worksheets_use_every_field_type(real_guide):
    types = {f.type for w in real_guide.worksheets.worksheets for f in w.all_fields()}
    assert types == {"short-text", "long-text", "date", "checkbox", "choice", "rows"}


def test_no_two_questions_say_the_same_thing(real_guide):
    seen: dict[str, str] = {}
    for _, question in real_guide.questions.all_questions():
        key = " ".join(re.findall(r"[a-z0-9]+", question.text.lower()))
        assert key not in seen, f"{question.id} repeats {seen[key]}"
        seen[key] = question.id


# Every group of people named in the source ideas must have a place on the network map.
NETWORK_GROUPS = [
    "colleague", "neighbo", "friend", "famil", "former co-worker", "classmate", "boss", "hobby", "faith",
    "police", "career counselo", "children's friends", "hairdresser", "barber", "bus", "taxi", "teacher",
    "massage", "yoga", "gym", "librarian", "campaign", "farmers", "food-cart", "roommate", "shop", "server",
    "alumni", "association", "linkedin", "conference", "luncheon", "holiday",
]


def test_network_map_covers_every_group(real_guide):
    text = " ".join(
        " ".join([c.title, c.prompt, *c.examples]) for g in real_guide.network.groups for c in g.categories
    ).lower()
    missing = [word for word in NETWORK_GROUPS if word not in text]
    assert missing == []


def test_prose_length():
    """The chapters (not the tool pages, whose text is mostly data) hold 12,000 to 24,000 words.

    The second edition cut about a tenth from each chapter and added what readers lacked (a page for
    their situation, a worked conversation, a six-week timeline, a first-week path, how much outreach
    is enough), which moved the total past the first edition's 20,000.
    """
    total = sum(prose.words(_text(page)) for page in [*CHAPTERS, "for-counselors.md"])
    assert 12_000 <= total <= 24_000, total


# Reading level (issue 13): Flesch–Kincaid grade, measured with two syllable counters, since they disagree
# by up to a grade: the CMU Pronouncing Dictionary (with Pyphen for words it lacks) and Pyphen alone.
GRADERS = sorted(prose.GRADERS)


@pytest.mark.parametrize("counter", GRADERS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_no_chapter_reads_above_grade_9_5(page, counter):
    assert prose.GRADERS[counter](_text(page)) <= 9.5


@pytest.mark.parametrize("counter", GRADERS)
def test_mean_chapter_grade_is_at_most_8_5(counter):
    grades = {page: round(prose.GRADERS[counter](_text(page)), 1) for page in CHAPTERS}
    assert sum(grades.values()) / len(grades) <= 8.5, grades


@pytest.mark.parametrize("counter", GRADERS)
@pytest.mark.parametrize("page", [p for p in PAGES if prose.words((DOCS / p).read_text()) >= 250])
def test_no_page_reads_above_grade_10(page, counter):
    assert prose.GRADERS[counter](_text(page)) <= 10.0


# British spellings the guide must not show a reader (issue 13). Ids such as `organisation` are permanent and
# stay; only visible text is checked. Words spelled the same in both (towards, afterwards) are not listed.
BRITISH = re.compile(
    r"\b(?:organis(?:e|es|ed|ing|ation|ations|ational|er|ers)"
    r"|favour(?:s|ed|ing|ite|ites|able)?|neighbour(?:s|hood|hoods|ing|ly)?|centre(?:s|d)?|programme(?:s)?"
    r"|enrolment(?:s)?|practis(?:e|es|ed|ing)|licence(?:s)?|labour(?:s|ed|ing)?|colour(?:s|ed|ful)?"
    r"|behaviour(?:s|al)?|honour(?:s|ed|ing)?|recognis(?:e|es|ed|ing|able)|prioritis(?:e|es|ed|ing|ation)"
    r"|realis(?:e|es|ed|ing)|apologis(?:e|es|ed|ing)|summaris(?:e|es|ed|ing)|analys(?:e|ed|ing)"
    r"|cancell(?:ed|ing)|travell(?:ed|ing|er|ers)|catalogue(?:s|d)?|judgement(?:s)?"
    r"|energis(?:e|es|ed|ing)|personalis(?:e|es|ed|ing)|enquir(?:y|ies))\b",
    re.I,
)
_FIELD = re.compile(r"\{[a-z0-9]+(?:-[a-z0-9]+)*\}")  # a template's fill-in field: {contact-organisation}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # an id or a reference to one
DATA_FILES = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "data").glob("*.yml"))


def _visible_strings(node, key=None):
    """The string values a reader may see: not mapping keys, not ids nor references to ids."""
    if isinstance(node, dict):
        for k, value in node.items():
            yield from _visible_strings(value, k)
    elif isinstance(node, list):
        for value in node:
            yield from _visible_strings(value, key)
    elif isinstance(node, str) and key != "id" and not _SLUG.match(node):
        yield node


def _british(text: str) -> list[str]:
    return sorted({m.group(0) for m in BRITISH.finditer(_FIELD.sub("", prose.prose(text)))})


@pytest.mark.parametrize("page", PAGES)
def test_no_british_spellings_in_pages(page):
    assert _british(_text(page)) == []


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_british_spellings_in_data(name):
    data = yaml.safe_load((DOCS / name).read_text(encoding="utf-8"))
    found = {value[:60]: words for value in _visible_strings(data) if (words := _british(value))}
    assert found == {}


def test_british_spelling_check_sees_text_but_not_ids():
    assert _british("We organised a neighbourhood programme at the job centre.") == [
        "centre", "neighbourhood", "organised", "programme"]
    assert _british("Ask about analyses, the organization and [a link](prepare.md#organisation).") == []
    data = {"id": "organisation", "label": "Your organisation", "body": "At {contact-organisation}",
            "ref": "favourite-part"}
    assert list(_visible_strings(data)) == ["Your organisation", "At {contact-organisation}"]


@pytest.mark.parametrize("page", PAGES)
def test_no_percentages_in_prose(page):
    """Figures need a source; the guide states none, so a percentage is a red flag."""
    assert not re.search(r"\d\s*(%|per ?cent)", prose.prose(_text(page)))


def test_every_chapter_links_onward():
    for chapter in CHAPTERS:
        assert re.search(r"\]\((?!https?:)[^)]+\.md", _text(chapter)), chapter


def test_sources_page_names_each_attributed_work():
    sources = _text("sources.md")
    for work in ["Working Identity", "The Strength of Weak Ties", "What Color Is Your Parachute", "2-Hour Job Search"]:
        assert work in sources, work


# The interface: every string a reader may see in our templates, print sheets and scripts (comments aside).
INTERFACE = sorted(p for folder in ("overrides/partials", "overrides/print", "overrides/components")
                   for p in (ROOT / folder).iterdir() if p.suffix in (".html", ".js"))
BRITISH_UI = re.compile(BRITISH.pattern + r"|\b(?:un)?tick(?:s|ed|ing)?\b", re.I)


def _interface_text(path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":  # its string literals only
        text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
        return " ".join(m.group(2) for m in re.finditer(r"([\"'`])((?:\\.|(?!\1).)*)\1", text))
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # Jinja comments out


@pytest.mark.parametrize("path", INTERFACE, ids=lambda p: p.name)
def test_no_british_spellings_in_the_interface(path):
    """Buttons, notices, live-region messages, labels and print-only text (ids and data names aside: a
    `data-ro-…` attribute or a state key such as `ticks` is not seen)."""
    text = re.sub(r"\b(?:data-[\w-]+|[\w-]*--[\w-]+|ticks\[[^\]]*\])", "", _interface_text(path))
    assert sorted({m.group(0) for m in BRITISH_UI.finditer(text)}) == []


def test_interface_check_sees_strings_not_names(tmp_path):
    script = tmp_path / "x.js"
    script.write_text("// Untick all: a comment\nconst ticks = {};\nsay(root, `Untick every item of ${t}`);\n")
    assert [m.group(0) for m in BRITISH_UI.finditer(_interface_text(script))] == ["Untick"]
    page = tmp_path / "x.html"
    page.write_text('{#- the catalogue -#}<button data-ro-reset aria-label="Favourite">Colour</button>')
    assert sorted(m.group(0) for m in BRITISH_UI.finditer(_interface_text(page))) == ["Colour", "Favourite"]
