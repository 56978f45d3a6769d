"""The question bank keeps its promises (issue 13): every question is open, none repeats another, each says
why to ask it, opening questions are short, and the chapters' short lists still have enough to show.

Every check reads docs/data/questions.yml (through the `real_guide` fixture) and the chapters; none holds a
copy of a question. The last tests check the checkers on made-up examples.
"""

from __future__ import annotations

import itertools
import re

import pytest

from support import DOCS

# A question that opens with an auxiliary verb and a word ("Do you…", "Is it…", "Would it be all right…")
# can be answered "yes" or "no". The same holds after a leading clause ("When I contact them, may I…").
AUXILIARY = (r"(?:do|does|did|is|are|was|were|am|can|could|would|will|should|have|has|had|shall|may|might"
             r"|must)")
YES_NO = re.compile(rf"^(?:[^,:;]*,\s*)?{AUXILIARY}\s+\w+", re.I)
# A closed question can also hide in a second clause: "What have you given up, and has it been worth it?"
YES_NO_CLAUSE = re.compile(rf"[,;:]\s*(?:and|or|but)?\s*{AUXILIARY}\s+(?:i|you|it|there|they|we|this|that)\b",
                           re.I)
# …unless it is a request that asks for a story, which cannot be answered "yes": "Could you walk me through…".
OPEN_REQUEST = re.compile(r"^(?:could|would|can) you (?:walk|talk|take) me through\b"
                          r"|^(?:could|would|can) you (?:tell me about|describe|say more about)\b", re.I)
SENTENCE = re.compile(r"[^.?!]+[.?!]?")

# Words that carry no subject of their own in a question bank about work: they are left out of the overlap.
_STOP_WORDS = """
a about after again all also an and any are around as at be been before being both but by can could did do
does doing each else even for from get gets got had has have how i if in into is it its just like make me more
most much my no not now of often on one only or other our out over own people really same should so some
someone something such than that the their them then there these they thing things this those through to too
under up us usually very want was way we well were what when where which while who whom why will with would
you your yours field work job jobs kind here
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
SUFFIXES = ("ations", "ation", "ings", "ing", "ness", "ers", "ies", "ied", "ed", "es", "er", "ly", "s")
SIMILAR = 0.6  # Jaccard index of two questions' content words at which they count as one question said twice
OPENING_WORDS = 20
WHY_WORDS = 30


def _questions(guide):
    return [(category.id, question) for category, question in guide.questions.all_questions()]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]


def yes_no_sentences(text: str) -> list[str]:
    """The sentences of a question that a "yes" or a "no" would answer."""
    return [s for s in _sentences(text)
            if (YES_NO.match(s) and not OPEN_REQUEST.match(s)) or YES_NO_CLAUSE.search(s)]


def _stem(word: str) -> str:
    """A rough stem, enough to match "struggle", "struggles" and "struggling"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> frozenset[str]:
    """The question's own words, roughly stemmed, without the words every question shares."""
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))
    return frozenset(_stem(w) for w in words if w not in STOP_WORDS and len(w) > 2)


def overlap(a: str, b: str) -> float:
    """Jaccard index of two texts' content words: 1.0 for the same words, 0.0 for none in common."""
    first, second = content_words(a), content_words(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


# --- The bank ---


def test_counts_per_category(real_guide, capsys):
    """Print the bank's size by category and by phase (`pytest -s` or `-rA` shows it) and keep it in range."""
    questions = _questions(real_guide)
    lines = [f"{c.id}: {len(c.questions)}" for c in real_guide.questions.categories]
    phases = {p: sum(q.phase == p for _, q in questions) for p in real_guide.ids("phase")}
    with capsys.disabled():
        print("\nquestion bank: " + ", ".join(lines) + f"; total {len(questions)}")
        print("by phase: " + ", ".join(f"{p}: {n}" for p, n in phases.items()))
    assert 140 <= len(questions) <= 180
    assert all(len(c.questions) >= 8 for c in real_guide.questions.categories)


def test_every_question_is_open(real_guide):
    closed = {q.id: found for _, q in _questions(real_guide) if (found := yes_no_sentences(q.text))}
    assert closed == {}, "yes/no questions (ask 'what', 'how', 'which'… instead)"


def test_every_question_asks_something(real_guide):
    assert [q.id for _, q in _questions(real_guide) if "?" not in q.text] == []


def test_every_question_says_why_to_ask_it(real_guide):
    assert [q.id for _, q in _questions(real_guide) if not (q.why or "").strip()] == []


def test_every_why_is_one_short_plain_sentence(real_guide):
    long = {q.id: _words(q.why) for _, q in _questions(real_guide) if q.why and _words(q.why) > WHY_WORDS}
    assert long == {}
    unfinished = [q.id for _, q in _questions(real_guide) if q.why and not q.why.rstrip().endswith((".", "!"))]
    assert unfinished == []


def test_no_two_whys_are_the_same(real_guide):
    seen: dict[str, str] = {}
    for _, question in _questions(real_guide):
        key = " ".join(re.findall(r"[a-z0-9]+", (question.why or "").lower()))
        assert key not in seen, f"{question.id} gives the same reason as {seen[key]}"
        seen[key] = question.id


def test_no_two_questions_share_most_of_their_words(real_guide):
    questions = _questions(real_guide)
    similar = [(a.id, b.id, round(overlap(a.text, b.text), 2))
               for (_, a), (_, b) in itertools.combinations(questions, 2) if overlap(a.text, b.text) >= SIMILAR]
    assert similar == [], "near-duplicates: merge them or make each ask something of its own"


def test_opening_questions_are_short(real_guide):
    """Opening questions warm the talk up: one short, light question each."""
    long = {q.id: _words(q.text) for _, q in _questions(real_guide)
            if q.phase == "opening" and _words(q.text) > OPENING_WORDS}
    assert long == {}


def test_opening_questions_are_a_few_per_category_at_most(real_guide):
    """Deep questions are not openers: no category is mostly made of them."""
    heavy = {c.id: n for c in real_guide.questions.categories
             if (n := sum(q.phase == "opening" for q in c.questions)) > len(c.questions) // 2}
    assert heavy == {}


def test_closing_questions_are_in_the_closing_category(real_guide):
    """The closing phase is the close of the talk: names, an offer back, keeping in touch."""
    closing = {c.id for c in real_guide.questions.categories for q in c.questions if q.phase == "closing"}
    assert len(closing) <= 1


# --- What refers to the bank ---

QUESTIONS_MARKER = re.compile(r"^<!--\s*ro:questions\s+(.*?)\s*-->\s*$", re.M)


def _markers():
    for page in sorted(DOCS.rglob("*.md")):
        for match in QUESTIONS_MARKER.finditer(page.read_text(encoding="utf-8")):
            args = dict(arg.split("=", 1) for arg in match.group(1).split() if "=" in arg)
            yield page.relative_to(DOCS).as_posix(), args


def test_each_chapter_list_has_as_many_questions_as_it_shows(real_guide):
    """A chapter's `ro:questions category=… limit=N` shows the first N of the category: all N must exist."""
    by_category = {c.id: c.questions for c in real_guide.questions.categories}
    short = []
    for page, args in _markers():
        if "category" in args and "limit" in args:
            found = [q for q in by_category.get(args["category"], ())
                     if args.get("phase") in (None, q.phase) and args.get("purpose") in (None, *q.purposes)]
            if len(found) < int(args["limit"]):
                short.append((page, args["category"], len(found), int(args["limit"])))
    assert short == []


def test_every_question_a_page_or_plan_names_exists(real_guide):
    known = set(real_guide.ids("question"))
    named = [(page, i) for page, args in _markers() for i in args.get("ids", "").split(",") if i]
    named += [(f"plans.yml: {p.id}", item.partition(":")[2]) for p in real_guide.plans.plans for item in p.items
              if item.startswith("question:")]
    assert [(where, i) for where, i in named if i not in known] == []


# --- The checkers themselves ---


@pytest.mark.parametrize("text", [
    "Do you enjoy the work?",
    "Is burnout common in this work? What helps people avoid it?",
    "How did you join? Was it through a job posting or someone you knew?",
    "When I contact them, may I mention that you suggested them?",
    "Later on, would you be willing to look over my résumé?",
    "Are there courses you would warn someone away from?",
    "Have you worked with people who came from a different career?",
    "What have you given up to do this work, and has it been worth it?",
    "Would you rather introduce me yourself, or should I get in touch with them directly?",
])
def test_yes_no_check_catches_closed_questions(text):
    assert yes_no_sentences(text)


@pytest.mark.parametrize("text", [
    "Could you walk me through a recent project from start to finish?",
    "Could you tell me about a difficult situation at work and how you handled it?",
    "If you were me, which would you look for first, and why?",
    "Before we finish, what else should I know that we have not covered?",
    "How do employers find people: job boards, referrals or something else?",
    "Who else do you think I should talk to?",
    "What can I do for you in return? I would be glad to share my research.",
])
def test_yes_no_check_lets_open_questions_through(text):
    assert yes_no_sentences(text) == []


def test_overlap_check_catches_reworded_copies_but_not_neighbors():
    assert overlap("What mistakes do newcomers make in their first year?",
                   "What mistakes do people tend to make in their first year on the job?") >= SIMILAR
    assert overlap("Which skills are employers here struggling to find?",
                   "Which skills do employers here struggle to find right now?") >= SIMILAR
    assert overlap("Which courses or certificates would you warn someone away from?",
                   "Which courses or certificates would you warn people away from, and why?") >= SIMILAR
    assert overlap("What is the hardest part of your job?", "What part of your work do you enjoy most?") < SIMILAR
    assert overlap("Which local employers are growing?", "Which skills are hard to teach?") < SIMILAR
