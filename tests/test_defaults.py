"""Every page and data file states each default the way the defaults table on the sources page does.

The guide keeps its default numbers (how long to ask for, how many questions, when to thank...) in one
table, `docs/sources.md#our-defaults`. This test reads the expected numbers from that table, never from a
copy here, then scans the prose of every page and every visible string of `docs/data/*.yml` for the ways a
default could be stated differently ("prepare 3 questions", "the last 3 minutes", "within a week" for a
thank-you) and reports each one as `file:line`. Two kinds of sentence state
another number on purpose and are skipped: those that report what other guides or Steve Dalton advise, and
an exception written, as the chapters write their "when to choose otherwise" advice, as a bold lead with
its condition: "**Ask for 30 minutes** when the person knows you well."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import yaml

from support import DOCS

# --- Numbers in words and figures ---

_WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "second": 2, "couple of": 2, "a couple of": 2,
    "three": 3, "third": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60,
}
NUM = r"(?:\d+|a couple of|couple of|twenty-five|one|single|two|second|three|third|four|five|six|seven|eight" \
      r"|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|an|a)"
RANGE = rf"{NUM}(?:\s*(?:–|-|to|or)\s*{NUM})?"
# Without "a"/"an", for counts where an article would be misread as one ("a few questions").
COUNT = RANGE.replace("|an|a)", ")")
MORE = r"(?P<more> or (?:two|three))?"  # "a day or two", "a week or two"
_HOURS = {"minute": 1 / 60, "hour": 1, "day": 24, "business day": 24, "working day": 24, "week": 168,
          "month": 720}


def number(text: str) -> tuple[int, ...]:
    """'three to five' -> (3, 5); '20' -> (20,); 'a' -> (1,)."""
    parts = re.split(r"\s*(?:–|\bto\b|\bor\b|(?<=\d)-(?=\d)|(?<=[a-z])-(?=\d))\s*", text.strip().lower())
    values = []
    for part in filter(None, parts):
        part = part.strip()
        values.append(int(part) if part.isdigit() else _WORDS[part])
    return tuple(dict.fromkeys(values))


def _unit(text: str) -> float:
    text = text.lower().rstrip("s")
    return _HOURS[text]


def hours(n: str, unit: str) -> tuple[float, ...]:
    """'a', 'week' -> (168.0,); 'one or two', 'days' -> (24.0, 48.0)."""
    return tuple(value * _unit(unit) for value in number(n))


# --- The defaults table ---

_ROW = re.compile(r"^\|(.+)\|\s*$")


def defaults_table() -> dict[str, str]:
    """The table under the `{ #our-defaults }` heading of sources.md: question -> default, as Markdown text."""
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    heading = re.search(r"^##.*\{\s*#our-defaults\s*\}\s*$", text, re.M)
    assert heading, "sources.md has no heading with { #our-defaults }"
    rows: dict[str, str] = {}
    for line in text[heading.end():].splitlines():
        if line.startswith("#"):
            break
        match = _ROW.match(line.strip())
        if not match:
            if rows:
                break
            continue
        cells = [cell.strip() for cell in match.group(1).split("|")]
        if set(cells[0]) <= set("-: ") or cells[0].lower() == "question":
            continue
        rows[cells[0]] = cells[1]
    assert rows, "the defaults section of sources.md has no table"
    return rows


@dataclass(frozen=True)
class Default:
    """One default: which table row holds it, how to read the expected value there, and how drift reads."""

    name: str
    row: str  # a regular expression that finds the row by its question
    expected: Callable[[str], object]  # the default cell -> the value
    patterns: tuple[str, ...]  # each has a group `n` (and `u`, a unit, where time is measured)
    found: Callable[[re.Match], object]  # a match -> the value it states
    scope: str = ""  # if set, only sentences matching this are searched

    def value(self, table: dict[str, str]) -> tuple[str, object]:
        rows = [q for q in table if re.search(self.row, q, re.I)]
        assert len(rows) == 1, f"the defaults table needs exactly one row for {self.name!r} ({self.row}): {rows}"
        return table[rows[0]], self.expected(table[rows[0]])


def _first(pattern: str, convert=number, index: int = 0):
    def read(cell: str):
        found = re.findall(pattern, cell, re.I)
        assert len(found) > index, f"no {pattern!r} in {cell!r}"
        value = found[index]
        return convert(*value) if isinstance(value, tuple) else convert(value)
    return read


def _n(match: re.Match) -> tuple[int, ...]:
    return number(match.group("n"))


def _n_per_month(match: re.Match) -> tuple[int, ...]:
    factor = 4 if match.group("u").lower().startswith("week") else 1
    return tuple(value * factor for value in number(match.group("n")))


def _n_hours(match: re.Match) -> tuple[float, ...]:
    value = hours(match.group("n"), match.group("u"))
    more = match.groupdict().get("more")
    return value + hours(more.split()[-1], match.group("u")) if more else value


def _phrase(match: re.Match) -> str:
    return _same_day(match.group("n"))


def _same_day(text: str) -> str:
    text = text.lower().strip()
    return "same day" if re.fullmatch(r"(?:the )?same day|that (?:day|evening|afternoon)", text) else text


UNIT = r"(?:(?:business |working )?days?|weeks?|hours?)"
ADJ = r"(?:(?!starred |top |key |most |main )\w+ )?"  # "5 open questions", not "3 starred questions"
THANKS = r"thank[- ]you|thanks (?:note|message|email|card)"

DEFAULTS = [
    Default(
        "how long to ask for", r"how long to ask", _first(r"(\d+) minutes"),
        (
            rf"\b(?P<n>{COUNT})[- ]minutes?[- ](?:\w+ )?"
            rf"(?:conversation|chat|call|talk|meeting|informational interview|coffee)",
            rf"\b(?:ask(?:ing)? (?:them |him |her )?for|request(?:ing)?|even|only|just|value|spare|offer(?:ing)?)"
            rf" (?:about |only |just |roughly |around )?(?P<n>{COUNT}) minutes",
            rf"\b(?P<n>{COUNT}) minutes of (?:your|their|his|her) time",
        ),
        _n,
    ),
    Default(
        "when to start closing", r"start closing|when to close", _first(r"(\d+) minutes"),
        (
            rf"\b(?:last|final) (?P<n>{COUNT}) minutes\b(?! of\b)",
            rf"\b(?P<n>{COUNT}) minutes (?:before|from) the (?:\w+ )?end",
            rf"\b(?P<n>{COUNT}) minutes (?:are |is )?(?:left|remain)",
        ),
        _n,
    ),
    Default(
        "questions to prepare", r"questions to prepare", _first(r"(\d+)"),
        (
            rf"\b(?:prepare|write(?: down)?|bring|choose|pick|plan|have|list|jot down|draft)"
            rf" (?:about |around |up to |only |just |your |a list of )?(?P<n>{COUNT}) {ADJ}questions\b",
            rf"(?<!top )(?<!starred )\b(?P<n>{COUNT}) "
            rf"{ADJ}questions (?:ready|prepared|on (?:a|your|the) card|to ask|written)",
            rf"\b(?:time|room) for (?:about |only )?(?P<n>{COUNT}) {ADJ}questions",
            rf"\b(?:I have|I've got|I brought) (?:about |only |just )?(?P<n>{COUNT}) questions",
        ),
        _n,
    ),
    Default(
        "questions to star", r"questions to prepare", _first(r"(\d+)", index=1),
        (
            rf"\b(?:star|mark|circle|highlight|underline|pick|choose)"
            rf" (?:the |your )?(?P<n>{COUNT}) (?:that matter|you most|most important|top|key|you need)",
            rf"\b(?:your|the) (?P<n>{COUNT}) (?:starred|most important) questions",
            rf"\b(?:your|the) (?:top|starred) (?P<n>{COUNT})\b(?! (?:minutes|weeks|days|months|names|people))",
        ),
        _n,
    ),
    Default(
        "when to send a thank-you", r"thank-you", _first(rf"within (\w+) ({UNIT})", hours),
        (
            rf"(?:{THANKS})(?: note| message| email| card)?[^.;:]{{0,60}}?\bwithin (?P<n>{RANGE}) (?P<u>{UNIT}){MORE}",
            rf"\bwithin (?P<n>{RANGE}) (?P<u>{UNIT}){MORE},? (?:send|write|mail) (?:a |your )?(?:{THANKS})",
        ),
        _n_hours,
    ),
    Default(
        "when to write your reflection notes", r"reflection", lambda cell: _same_day(
            re.search(r"same day", cell, re.I).group(0)),
        (
            r"\breflect(?:ion|ions|ing)?\b(?:(?!thank)[^.;:]){0,80}?\b"
            r"(?P<n>within (?:an|the|one|a|two|\d+) (?:hour|hours|day|days|week)"
            r"|(?:a|one) day or two|the (?:next|following) day|the week after|next morning|the same day)\b",
            r"(?:^|\b(?:then|and|so) )(?P<n>within (?:an|the|one|a|two|\d+) (?:hour|hours|day|days|week)"
            r"|(?:a|one) day or two)\b"
            r"[^.;:]{0,60}?\b(?:reflect|expand your notes|write up your notes|write your notes)",
        ),
        _phrase,
    ),
    Default(
        "when to contact the people they suggested", r"people they suggested|names",
        _first(rf"within (\w+) ({UNIT})", hours),
        (
            rf"(?:suggest|recommend|referr|gave you|you were given|names? (?:they|he|she) (?:gave|offered|mentioned))"
            rf"[^.;:]{{0,80}}?\bwithin (?P<n>{RANGE}) (?P<u>{UNIT}){MORE}",
            rf"\b(?:contact|write to|get in touch with|reach out to|follow up with)"
            rf" (?:them|the (?:people|names|person))"
            rf"[^.;:]{{0,20}}?\bwithin (?P<n>{RANGE}) (?P<u>{UNIT}){MORE}",
        ),
        _n_hours,
    ),
    Default(
        "when to follow up after no reply", r"nobody replies|no reply", _first(rf"after (\w+) ({UNIT})", hours),
        (
            rf"\bfollow(?:[- ]?up)?s?\b[^.;:]{{0,40}}?"
            rf"\bafter (?:about |roughly |around |at least )?(?P<n>{RANGE}) (?P<u>{UNIT})",
            rf"\bwait (?:about |at least |for )?(?P<n>{RANGE}) (?P<u>{UNIT})[^.;:]{{0,40}}?follow",
            rf"\bno (?:reply|answer|response) (?:after|within|in) (?P<n>{RANGE}) (?P<u>{UNIT})[^.;:]{{0,40}}?follow",
        ),
        _n_hours,
    ),
    Default(
        "how many follow-ups", r"nobody replies|no reply", _first(r"(\d+) (?:polite )?follow-up"),
        (rf"\b(?P<n>{RANGE}) (?:polite |short |brief |gentle |more )?follow-?ups?\b"
            rf"(?![- ](?:questions?|prompts?|tasks?|planner|messages?))",
         r"\bfollow up (?P<n>twice)"),
        lambda match: (2,) if match.group("n").lower() == "twice" else number(match.group("n")),
        scope=r"\b(?:repl(?:y|ies|ied)|answer(?:s|ed)?|respon(?:d|se|ses)|silence|nobody|no one)\b",
    ),
    Default(
        "first batch of requests", r"requests", _first(r"(\d+) at a time"),
        (
            rf"\bbatch(?:es)? of (?:about |only |just )?(?P<n>{COUNT})\b",
            rf"\b(?P<n>{COUNT}) (?:requests? |messages? |emails? )?at a time\b",
            rf"\b(?:first|opening) batch (?:is |of )?(?:about )?(?P<n>{COUNT})\b",
        ),
        _n,
        scope=r"\b(?:requests?|messages?|batch(?:es)?|emails?|send)\b",
    ),
    Default(
        "when to change a batch that gets no replies", r"requests", _first(rf"within (\w+) ({UNIT})", hours),
        (rf"\b(?:none|nobody|no one)\b[^.;:]{{0,40}}?\brepl(?:y|ies|ied)\b[^.;:]{{0,20}}?"
            rf"\bwithin (?P<n>{RANGE}) (?P<u>{UNIT}){MORE}",),
        _n_hours,
    ),
    Default(
        "conversations a month", r"conversations to hold|how many conversations",
        _first(r"(\d+) a month"),
        (
            rf"\b(?P<n>{RANGE}) (?:informational |good |real |new )?(?:conversations?|interviews?|talks?|chats?)"
            rf" (?:a|per|each|every) (?P<u>week|month)\b",
            rf"\b(?:conversations?|interviews?)\b[^.;:]{{0,30}}?,? (?:or |about |roughly |around )+(?P<n>{RANGE})"
            rf" (?:a|per|each) (?P<u>week|month)\b",
        ),
        _n_per_month,
    ),
    Default(
        "organizations on a first target list", r"organizations", _first(r"(\d+)"),
        (rf"\b(?P<n>{COUNT})[- ](?:\w+[- ])?(?:organi[sz]ations?|employers|companies)\b",),
        _n,
        scope=r"\b(?:target list|list|aim for|start with|begin with)\b",
    ),
    Default(
        "how often to keep in touch", r"keep in touch", _first(rf"every ({RANGE}) months"),
        (rf"\bevery (?P<n>{RANGE}) (?P<u>months?)\b",),
        _n,
    ),
]

# A sentence that reports another source's answer quotes it on purpose.
QUOTING = re.compile(
    r"\b(?:some|other|many|most) (?:career )?(?:guides|advisers|advisors|books|sources|counselors)\b"
    r"|\bguides (?:disagree|differ|are divided)|\badvice is divided|\bDalton\b|\b3B7\b"
    r"|\bothers? (?:say|suggest|recommend|insist|prefer)",
    re.I,
)
_EXCEPTION = re.compile(r"\b(?:when|if|unless)\b", re.I)  # after a bold lead: "**Aim higher** if ..."
_BOLD_LEAD = re.compile(r"^(?:[-*+]\s+|\d+\.\s+)?\*\*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”)]?\s+(?=[\"“(]?[A-Z*])")


# --- Where the guide states things ---


def _clean(line: str) -> str:
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"\{\s*[#.:][^}]*\}", "", line)
    line = re.sub(r"<[^>]+>", "", line)
    return re.sub(r"[*_`]+", "", line)


def page_lines(path) -> Iterator[tuple[int, str]]:
    """Each line of a page's prose with its number: no code blocks, comments or markers."""
    fence = None
    comment = False
    for number_, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if fence:
            fence = None if stripped.startswith(fence) else fence
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if comment or stripped.startswith("<!--"):
            comment = "-->" not in stripped
            continue
        if stripped:
            yield number_, ("\0" if _BOLD_LEAD.match(stripped) else "") + _clean(stripped)


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def data_lines(path) -> Iterator[tuple[int, str]]:
    """Each visible string of a data file (not keys, ids or references to ids) with its line."""
    def walk(node, key=None):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                yield from walk(v, k.value)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                yield from walk(v, key)
        elif isinstance(node, yaml.ScalarNode) and key != "id" and not _SLUG.match(str(node.value)):
            for offset, line in enumerate(str(node.value).splitlines()):
                if line.strip():
                    yield node.start_mark.line + 1 + offset, _clean(line.strip())

    yield from walk(yaml.compose(path.read_text(encoding="utf-8")))


def sources() -> Iterator[tuple[str, int, str]]:
    """(file, line, sentence) for every sentence a reader can see, in pages and data."""
    for path in sorted(DOCS.rglob("*.md")):
        for line, text in page_lines(path):
            for sentence in _SENTENCE.split(text):
                yield path.relative_to(DOCS.parent).as_posix(), line, sentence
    for path in sorted((DOCS / "data").glob("*.yml")):
        for line, text in data_lines(path):
            for sentence in _SENTENCE.split(text):
                yield path.relative_to(DOCS.parent).as_posix(), line, sentence


def agrees(value: object, expected: object) -> bool:
    """Equal, or inside a range the table gives: "every two months" agrees with "every 2–3 months"."""
    if value == expected:
        return True
    if isinstance(value, tuple) and isinstance(expected, tuple) and len(expected) == 2:
        return all(min(expected) <= v <= max(expected) for v in value)
    return False


def drift(default: Default, expected: object, sentences) -> list[str]:
    """Every statement of `default` in `sentences` that differs from `expected`.

    A sentence starting with NUL began its line with a bold lead (see `page_lines`).
    """
    problems = []
    for name, line, sentence in sentences:
        lead, sentence = sentence.startswith("\0"), sentence.lstrip("\0")
        if QUOTING.search(sentence) or (default.scope and not re.search(default.scope, sentence, re.I)):
            continue
        if lead and _EXCEPTION.search(sentence):
            continue
        for pattern in default.patterns:
            for match in re.finditer(pattern, sentence, re.I):
                try:
                    value = default.found(match)
                except KeyError:  # a word that is not a number ("a few"): not a stated default
                    continue
                if not agrees(value, expected):
                    problems.append(f"{name}:{line}: “{match.group(0)}”")
    return sorted(set(problems))


# --- Tests ---


@pytest.fixture(scope="module")
def table() -> dict[str, str]:
    return defaults_table()


@pytest.fixture(scope="module")
def everything() -> list[tuple[str, int, str]]:
    return list(sources())


@pytest.mark.parametrize("default", DEFAULTS, ids=[d.name for d in DEFAULTS])
def test_the_table_states_the_default(table, default):
    cell, value = default.value(table)
    assert value, cell


@pytest.mark.parametrize("default", DEFAULTS, ids=[d.name for d in DEFAULTS])
def test_the_guide_states_the_default_as_the_table_does(table, everything, default):
    cell, expected = default.value(table)
    problems = drift(default, expected, everything)
    assert problems == [], f"the defaults table says “{cell}”; these say otherwise:\n" + "\n".join(problems)


# The rules themselves: each catches a drifted sentence and leaves the default (and quotes of others) alone.
EXAMPLES = {
    "how long to ask for": (["Could you spare 15 minutes?", "a 30-minute call", "Even ten minutes would help."],
                            ["Ask for about 20 minutes.", "Spend ten minutes writing.", "Some guides say 10 minutes.",
                             "\0Ask for 30 minutes when the person knows you well."]),
    "when to start closing": (["protect the last three minutes", "3 or 4 minutes before the agreed end"],
                              ["When about 5 minutes are left, close.", "the last five minutes"]),
    "questions to prepare": (["Write down six or seven questions.", "time for four or five questions",
                              "I have about three questions"],
                             ["Prepare 5 questions.", "I have about five questions", "Ask three questions a day.",
                              "Have your top three questions ready.", "Have your three starred questions ready."]),
    "questions to star": (["mark the four most important", "your top 2 questions"],
                          ["star your 3 most important", "your three most important questions"]),
    "when to send a thank-you": (["Send your thank-you note within a week.", "thank-you within 48 hours"],
                                 ["Send the thank-you within 24 hours and contact them within a week."]),
    "when to write your reflection notes": (["Reflect within a day or two.", "Within an hour, expand your notes."],
                                            ["Write your reflection the same day.",
                                             "Send a thank-you within 24 hours, reflect the same day."]),
    "when to contact the people they suggested": (["Contact them within a week or two.",
                                                   "the names they gave you, within two weeks"],
                                                  ["Contact the people they suggested within a week."]),
    "when to follow up after no reply": (["Follow up after two weeks.", "wait 3 days before you follow up"],
                                         ["Send one follow-up after a week.", "Dalton follows up after 7 days."]),
    "how many follow-ups": (["If nobody replies, send two follow-ups.", "No reply? Try a second follow-up."],
                            ["If nobody replies, send one polite follow-up.",
                             "Nobody replied to two follow-up questions."]),
    "first batch of requests": (["Send requests in batches of three to five.", "ten requests at a time"],
                                ["Send 5 at a time.", "one group at a time"]),
    "when to change a batch that gets no replies": (["If none replies within a week, change it."],
                                                    ["If none of the 5 replies within two weeks, change it."]),
    "conversations a month": (["three to four conversations a month", "two conversations a week"],
                              ["about one conversation a week", "4 conversations a month"]),
    "organizations on a first target list": (["Aim for twenty to forty organizations.", "a 20–40-organization list"],
                                             ["Start with a list of about 20 organizations."]),
    "how often to keep in touch": (["Send an update every three to six months.", "Write every six months."],
                                   ["Keep in touch every 2–3 months.", "Each hears from him every two months."]),
}


def test_every_rule_has_examples():
    assert sorted(EXAMPLES) == sorted(d.name for d in DEFAULTS)


@pytest.mark.parametrize("default", DEFAULTS, ids=[d.name for d in DEFAULTS])
def test_each_rule_catches_drift_and_passes_the_default(table, default):
    _, expected = default.value(table)
    caught, passed = EXAMPLES[default.name]
    for sentence in caught:
        assert drift(default, expected, [("x.md", 1, sentence)]), sentence
    for sentence in passed:
        assert drift(default, expected, [("x.md", 1, sentence)]) == [], sentence


def test_numbers_read_in_words_and_figures():
    assert number("three to five") == (3, 5)
    assert number("20–40") == (20, 40)
    assert number("a") == (1,)
    assert hours("a", "week") == (168,)
    assert hours("24", "hours") == (24,)
