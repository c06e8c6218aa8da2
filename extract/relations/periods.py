"""The period of a fact: the value of the numbered date that anchors it in its clause
(``2019 жылы … 67 орында`` -> 2019, ``2017-2019 жылдары`` -> 2017/2019). The nearest date
before the fact in its clause (or in the host of its parenthesis) anchors it; with none, the
nearest after it, when the clause's predicate still follows the date (``460 топ 18 қаңтар мен
22 ақпан аралығында … бөлейді``). No date anchors:
- a date with no number (биыл, наурыз айында: a DATE with an empty or a month-only value),
  nor a DATE fact itself;
- a date that is the base of a comparison (``2017 жылмен салыстырғанда 69 пайызға``);
- in a clause of saying, a date that opens it (the time of the saying) for the numbers of
  the reported content (``1 қазан күні … бір аптадан астам … өтпейтінін хабарлаған``).
The year is never computed from context."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..facts import Fact
from ..kazakh.lexicon import Lexicon
from .clauses import Clauses, ClauseSplitter
from .sentences import Sentence, SentenceReader, Word

_MONTH_ONLY = re.compile(r"--\d\d")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Reading:
    """A sentence as the periods read it."""

    words: list[Word]
    clauses: Clauses
    in_facts: set[int]  # indices of the words inside a fact


@dataclass(frozen=True)
class _Anchor:
    first: int  # word indices of the date
    last: int
    period: str
    opening: bool  # it opens its clause (or follows a mark in it)


class PeriodFinder:
    """Gives each fact the value of the numbered DATE that anchors its clause."""

    def __init__(self, lex: Lexicon, reader: SentenceReader) -> None:
        self.reader = reader
        self.splitter = ClauseSplitter(lex.clauses)
        self.base_window = lex.clauses.base_window
        self.marks = lex.clauses.break_marks
        self.back_stops = lex.clauses.back_stops
        self.markers = lex.changes.comparison_markers
        self.level_nouns = lex.changes.level_nouns
        self.ablative = tuple(form for form, case in lex.case_of.items() if case == "ablative")

    def assign(self, text: str, facts: list[Fact], sentences: list[Sentence]) -> list[Fact]:
        """``facts`` with ``period`` set (a new list; the facts are frozen)."""
        out = list(facts)
        for sentence in sentences:
            if any(_anchors(facts[k]) for k in sentence.facts):  # else nothing to read
                self._assign_sentence(text, facts, sentence, out)
        return out

    def _assign_sentence(self, text: str, facts: list[Fact], sentence: Sentence,
                         out: list[Fact]) -> None:
        words = self.reader.words(sentence, text)
        starts = [word.start for word in words]
        spans = {k: _word_span(starts, facts[k]) for k in sentence.facts}
        in_facts = {i for first, last in spans.values() for i in range(first, last + 1)}
        read = _Reading(words, self.splitter.split(words, in_facts), in_facts)
        anchors = [_Anchor(*spans[k], _period(facts[k]), self._opens(read, spans[k][0]))
                   for k in sentence.facts
                   if _anchors(facts[k]) and not self._is_base(read, spans[k][1])]
        for k in sentence.facts:
            if facts[k].type != "DATE":
                period = self._anchor_of(spans[k], anchors, read)
                if period:
                    out[k] = replace(facts[k], period=period)

    def _anchor_of(self, span: tuple[int, int], anchors: list[_Anchor], read: _Reading) -> str:
        """The period of the fact at words ``span``: the nearest date before it that it
        sees, else the nearest after it in its clause."""
        first, last = span
        clause = read.clauses.of[first]
        content_end = read.clauses.clauses[clause].content_end
        reported = content_end is not None and first < content_end
        seen = [a for a in anchors if read.clauses.sees(first, a.first)
                and not (reported and a.opening and read.clauses.of[a.first] == clause)]
        before = [a for a in seen if a.last < first]
        if before:
            return before[-1].period
        after = [a for a in seen if a.first > last and self._reaches_back(read, last, a)]
        return after[0].period if after else ""

    def _reaches_back(self, read: _Reading, last: int, date: _Anchor) -> bool:
        """Whether a date after the fact (which ends at word ``last``) dates it: same
        clause, no comma or conjunction between, and the clause's predicate still to come
        after the date (``61-ші биеннале 2026 жылы өтеді``, not ``… өсті (2015 жылы …)``)."""
        between = range(last + 1, date.first)
        after = range(date.last + 1, len(read.words))
        clause = read.clauses.of[date.first]
        return (read.clauses.of[last] == clause
                and not any(read.words[j].form in self.back_stops for j in between)
                and any(read.clauses.of[j] == clause and not read.words[j].is_punct
                        and j not in read.in_facts for j in after))

    def _opens(self, read: _Reading, first: int) -> bool:
        """Whether the date at word ``first`` opens its clause or follows a mark in it."""
        return (first == 0 or read.clauses.of[first - 1] != read.clauses.of[first]
                or read.words[first - 1].text in self.marks)

    def _is_base(self, read: _Reading, last: int) -> bool:
        """Whether a comparison marker (or a level noun in the ablative) follows the date
        within the window, before any number or mark: the date is what is compared with."""
        for j in range(last + 1, min(len(read.words), last + 2 + self.base_window)):
            word = read.words[j]
            if word.is_punct or j in read.in_facts:
                return False
            if word.form.startswith(self.markers) or (
                    word.form.startswith(self.level_nouns) and word.form.endswith(self.ablative)):
                return True
        return False


def _anchors(fact: Fact) -> bool:
    """A DATE with a number: only such a date gives a period. A month name alone (``Наурыз
    айында``, read with relative dates) has the value --03 but no number."""
    return (fact.type == "DATE" and bool(fact.value)
            and not (_MONTH_ONLY.fullmatch(fact.value) and not _DIGIT.search(fact.span)))


def _period(date: Fact) -> str:
    """The date's value, an ISO 8601 interval for a range (2017/2019, --07-30/--08-30)."""
    return f"{date.value}/{date.value_max}" if date.value_max else date.value


def _word_span(starts: list[int], fact: Fact) -> tuple[int, int]:
    """The indices of the fact's first and last word."""
    return bisect_left(starts, fact.start), bisect_left(starts, fact.end) - 1
