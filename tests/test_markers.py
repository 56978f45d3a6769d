"""Markers: parsing, and the page-level problems that stop the build with page and line."""

from __future__ import annotations

import pytest

import ro_markers
from ro_registry import parse
from ro_site import Site


def test_parse_reads_name_target_and_options():
    markers, problems = parse("text\n\n<!-- ro:checklist the-day-before level=2 -->\n")
    assert problems == []
    assert markers == [ro_markers.Marker(3, "checklist", "the-day-before", (("level", "2"),))]


def test_indented_markers_are_found():
    markers, _ = parse("!!! tip\n\n    <!-- ro:checklist a -->\n")
    assert [(m.line, m.target) for m in markers] == [(3, "a")]


def test_markers_in_fenced_code_are_ignored():
    text = "```markdown\n<!-- ro:checklist a -->\n```\n~~~~\n<!-- ro:bogus -->\n~~~~\n<!-- ro:checklist b -->\n"
    markers, problems = parse(text)
    assert problems == []
    assert [m.target for m in markers] == ["b"]


def test_a_marker_mentioned_inside_a_sentence_is_prose():
    markers, problems = parse("Write `<!-- ro:checklist ID -->` on its own line.\n")
    assert markers == [] and problems == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("<!-- ro:checklist a", "marker not closed on its line (expected <!-- ro:NAME ARGUMENTS --> alone on one "
                                "line)"),
        ("<!-- ro:checklist a --> and more", "marker not closed on its line (expected <!-- ro:NAME ARGUMENTS --> "
                                             "alone on one line)"),
        ("<!-- ro:checklst a -->", "unknown marker 'ro:checklst' (expected one of: ro:checklist, ro:worksheet, "
                                   "ro:template, ro:question-bank, ro:network-map, ro:questions, ro:due-soon, "
                                   "ro:my-progress, ro:summary, ro:link-index, ro:plans, ro:plan, ro:summary-view, "
                                   "ro:downloads)"),
        ("<!-- ro:checklist -->", "marker 'ro:checklist' needs a checklist id (expected <!-- ro:checklist ID -->)"),
        ("<!-- ro:checklist a b -->", "unexpected argument 'b' in 'ro:checklist' (expected options written "
                                      "key=value: level)"),
        ("<!-- ro:checklist a colour=red -->", "unknown option 'colour' for 'ro:checklist' (expected one of: level)"),
        ("<!-- ro:questions limit=2 limit=3 -->", "option 'limit' given twice in 'ro:questions' (expected it once)"),
        ("<!-- ro:questions category= -->", "option 'category' has no value in 'ro:questions' (expected "
                                            "category=VALUE)"),
        ("<!-- ro:question-bank extra -->", "unexpected argument 'extra' in 'ro:question-bank' (expected options "
                                            "written key=value: level)"),
    ],
)
def test_malformed_markers(line, problem):
    assert parse(f"# Page\n\n{line}\n") == ([], [(3, problem)])


def _check(guide, pages):
    return Site(guide).check_pages(pages)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<!-- ro:checklist nope -->", "unknown checklist 'nope' (expected one of: before-you-reach-out, "
                                       "the-day-before)"),
        ("<!-- ro:worksheet nope -->", "unknown worksheet 'nope' (expected one of: conversation-prep)"),
        ("<!-- ro:template nope -->", "unknown template 'nope' (expected one of: warm-request)"),
        ("<!-- ro:questions -->", "'ro:questions' needs category=, ids=, purpose= or phase= (expected at least one)"),
        ("<!-- ro:questions category=pay -->", "unknown category 'pay' (expected one of: their-path, "
                                               "closing-and-referrals)"),
        ("<!-- ro:questions purpose=apply -->", "unknown purpose 'apply' (expected one of: explore-field, "
                                                "target-employer)"),
        ("<!-- ro:questions ids=who-else,nope -->", "unknown question 'nope' in ids= (expected ids from "
                                                    "docs/data/questions.yml)"),
        ("<!-- ro:questions ids=who-else phase=closing -->", "'ro:questions' with ids= takes no other selector "
                                                             "(expected ids= alone, or category/purpose/phase)"),
        ("<!-- ro:questions phase=closing purpose=target-employer -->", "'ro:questions' selects no questions "
                                                                        "(expected a selection that matches at "
                                                                        "least one)"),
        ("<!-- ro:questions phase=closing limit=0 -->", "limit=0 (expected a whole number of at least 1)"),
        ("<!-- ro:checklist the-day-before level=5 -->", "level=5 in 'ro:checklist' (expected level=2, 3, 4 or none)"),
        ("<!-- ro:network-map level=none -->", "level=none in 'ro:network-map' (expected level=2, 3 or 4: its "
                                               "sections need headings)"),
    ],
)
def test_marker_problems_name_page_and_line(sample_guide, line, message):
    assert _check(sample_guide, {"prepare.md": f"# Prepare\n\n{line}\n"}) == [f"docs/prepare.md:3: {message}"]


def test_a_component_has_one_home(sample_guide):
    pages = {
        "a.md": "<!-- ro:checklist the-day-before -->\n",
        "b.md": "# B\n\n<!-- ro:checklist the-day-before -->\n",
    }
    assert _check(sample_guide, pages) == [
        "docs/b.md:3: checklist 'the-day-before' is already on docs/a.md:1 (expected one home for each "
        "component; link to it there instead)"
    ]


def test_the_question_bank_has_one_home(sample_guide):
    pages = {"a.md": "<!-- ro:question-bank -->\n", "b.md": "<!-- ro:question-bank -->\n"}
    assert _check(sample_guide, pages) == [
        "docs/b.md:1: the question-bank is already on docs/a.md:1 (expected one home for each component; link to "
        "it there instead)"
    ]


def test_a_question_appears_once_per_page(sample_guide):
    pages = {"a.md": "<!-- ro:questions phase=opening -->\n\n<!-- ro:questions ids=who-else,tricky-text -->\n"}
    assert _check(sample_guide, pages) == [
        "docs/a.md:3: question 'tricky-text' is already shown on this page at line 1 (expected each question "
        "once per page)"
    ]


def test_embedded_lists_may_repeat_on_other_pages(sample_guide):
    pages = {"a.md": "<!-- ro:questions phase=opening -->\n", "b.md": "<!-- ro:questions phase=opening -->\n"}
    assert _check(sample_guide, pages) == []


def test_every_problem_of_every_page_is_reported(sample_guide):
    pages = {"a.md": "<!-- ro:checklist x -->\n<!-- ro:bogus -->\n", "b.md": "<!-- ro:worksheet y -->\n"}
    messages = _check(sample_guide, pages)
    assert [m.split(": ")[0] for m in messages] == ["docs/a.md:1", "docs/a.md:2", "docs/b.md:1"]


def test_missing_data_file_is_explained():
    import ro_data

    empty = ro_data.Guide()
    assert _check(empty, {"a.md": "<!-- ro:network-map -->\n"}) == [
        "docs/a.md:1: 'ro:network-map' needs docs/data/network-map.yml, which does not exist (expected that file)"
    ]
