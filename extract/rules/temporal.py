"""Dates and times written without a number: биыл, өткен жылы, жыл сайын, таңертең.

KazNERD marks them DATE and TIME, and an analyst reading a programme's timeline needs them
as much as "2019 жылы". A phrase is [determiner] core [part] [postposition], each word
from ``patterns/temporal.toml``; the value is empty (it depends on the document's date)
except for a bare month, which gets ``--MM``.

Corpus: tests/corpus/relative.tsv (read with relative dates).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ..kazakh.lexicon import Lexicon, Phrase, TemporalWords, load_lexicon
from ..kazakh.morphology import noun_endings
from ..text.matchers import ClosedLists, ListMatch
from ..text.phrases import PhraseMatch, PhraseTable
from ..text.words import Word

ISO_DATE = regex.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
                         r"|--(?P<month>\d{2})(?:-(?P<day>\d{2}))?|---(?P<day>\d{2})")
# a quarter or half of a year: 2023-Q1, --Q2, 2024-H1, --H2
YEAR_PART = regex.compile(r"(?:\d{4}|-)-(?:Q[1-4]|H[12])")
CLOCK_TIME = regex.compile(r"(?P<hours>\d{2}):(?P<minutes>\d{2})")
LEAP_YEAR = 2000  # a day and month without a year: 29 February may be meant


def is_real_date(value: str) -> bool:
    """An ISO 8601 date (2019, 2019-02, 2019-02-28, --02-29, ---31; a quarter or half-year
    2023-Q1, --H2) the calendar has:
    31 сәуір, 30 ақпан, 29 ақпан 2019, the year 0 and a five-digit year are none."""
    match = ISO_DATE.fullmatch(value)
    if match is None:
        return YEAR_PART.fullmatch(value) is not None and not value.startswith("0000")
    year, month, day = (int(match[name]) if match[name] else None
                        for name in ("year", "month", "day"))
    if year == 0 or month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    longest = calendar.monthrange(year or LEAP_YEAR, month)[1] if month else 31
    return 1 <= day <= longest


def is_clock_time(value: str) -> bool:
    """hh:mm of a day's clock, 00:00 to 23:59, and 24:00 for the day's end (24:56 is none)."""
    match = CLOCK_TIME.fullmatch(value)
    if match is None:
        return False
    hours, minutes = int(match["hours"]), int(match["minutes"])
    return minutes < 60 and (hours < 24 or hours == 24 and minutes == 0)


TEMPORAL_RULES = ("temporal.greeting", "temporal.reduplicated", "temporal.determined",
                  "temporal.phrase")


def _phrases(words: tuple[str, ...]) -> dict[Phrase, str]:
    return {tuple(w.split()): w for w in words}


@dataclass(frozen=True)
class Temporal:
    start: int
    end: int
    type: str  # DATE or TIME
    value: str = ""
    rule: str = ""  # one of TEMPORAL_RULES


# the closed lists of the temporal rules (word sets among them are matched as written)
TEMPORAL_WORD_SETS = frozenset({"postpositions"})


def temporal_lists(lex: Lexicon) -> dict[str, dict[Phrase, str]]:
    """The closed lists the temporal rules match: determiners and postpositions."""
    data = lex.temporal
    return {"determiners": _phrases(data.determiners),
            "duration_determiners": _phrases(data.duration_determiners),
            "postpositions": {(w,): w for w in data.postpositions}}


class TemporalMatcher:
    """Finds date and time phrases without numbers in a sentence's words."""

    def __init__(self, lex: Lexicon | None = None,
                 starts_number: Callable[[Word], bool] | None = None,
                 lists: ClosedLists | None = None) -> None:
        """``lists``: closed lists holding at least ``temporal_lists`` (the rules' own, so
        that a sentence is matched once)."""
        lex = lex or load_lexicon()
        self.lists = lists or ClosedLists(temporal_lists(lex), lex.abbreviations,
                                          TEMPORAL_WORD_SETS)
        self.starts_number = starts_number or (lambda word: word.text[:1].isdigit())
        data = lex.temporal
        self.date_words = PhraseTable(_phrases(data.date_words))
        self.calendar = PhraseTable(_phrases((*data.seasons, *data.weekdays)))
        self.months = PhraseTable(lex.months)
        self.times = PhraseTable(_phrases(data.time_words))
        self.nouns = PhraseTable(_phrases(data.time_nouns))
        self.parts = PhraseTable(_phrases(data.parts))
        self.frequency = frozenset(data.frequency)
        self.homographs = frozenset(data.homographs)
        self.case_of = lex.case_of
        self.accusative = frozenset(f for f, case in lex.case_of.items() if case == "accusative")
        self.greetings = frozenset(data.greetings)
        self.greeting_nouns = PhraseTable(_phrases(data.greeting_nouns))
        self.greeting_after = frozenset(data.greeting_after)
        self.clock_nouns = PhraseTable(_phrases(data.clock_nouns))
        self.ambiguous_months = frozenset(data.ambiguous_months)
        self.month_nouns = PhraseTable(_phrases(data.month_nouns))
        self.demonstratives = frozenset(data.demonstratives)
        self.first_words = self._first_words(data, lex)

    @staticmethod
    def _first_words(data: TemporalWords, lex: Lexicon) -> frozenset[str]:
        """First letters-and-all of every word a phrase can start with, for a cheap gate."""
        words = [*data.date_words, *data.seasons, *data.weekdays, *data.time_words,
                 *data.time_nouns, *data.determiners, *data.clock_nouns,
                 *data.greeting_nouns, *(m[0] for m in lex.months)]
        return frozenset(w.split()[0] for w in words)

    def match(self, words: list[Word], i: int) -> Temporal | None:
        """The temporal phrase starting at ``words[i]``, or None."""
        if self.greeting_nouns.match(words, i) and (
                i and words[i - 1].lower in self.greetings
                or i + 1 < len(words) and words[i + 1].lower in self.greeting_after):
            return Temporal(i, i + 1, "TIME", rule="temporal.greeting")  # Қайырлы күн, Кеш жарық
        if words[i].lower in self.demonstratives and self._determiner(words, i + 1):
            return None  # Бұл өткен жылмен: the date starts at өткен
        return (self._reduplicated(words, i) or self._phrase(words, i, determined=True)
                or self._phrase(words, i, False))

    def _reduplicated(self, words: list[Word], i: int) -> Temporal | None:
        """жылдан-жылға, күнде-күнде, бүгін-ертең, қысы-жазы: two time words joined by a
        hyphen are one date."""
        halves = words[i].lower.split("-")
        if len(halves) != 2 or not all(halves):
            return None
        tables = (self.nouns, self.date_words, self.calendar)
        pieces = [Word(half, 0, 0) for half in halves]
        if all(any(t.match([p], 0) for t in tables) for p in pieces):
            return Temporal(i, i + 1, "DATE", rule="temporal.reduplicated")
        return None

    def _phrase(self, words: list[Word], i: int, determined: bool) -> Temporal | None:
        determiner = self._determiner(words, i) if determined else None
        if determined and not determiner:
            return None
        j = determiner.end if determiner else i
        if determiner and (second := self._determiner(words, j)):
            j = second.end  # соңғы бірнеше күнде
        if j >= len(words):
            return None
        core = self._core(words, j, bool(determiner))
        if core is None:
            return None
        kind, end, value = core
        if value.startswith("--") and self.month_noun_joins(words, j, end, bool(determiner)):
            end += 1
        return Temporal(i, self.extend(words, end), kind, value if not determiner else "",
                        "temporal.determined" if determiner else "temporal.phrase")

    def month_noun_joins(self, words: list[Word], start: int, end: int, determined: bool
                         ) -> bool:
        """Whether the "ай" after the month name ``words[start:end]`` joins its span: after a
        determiner or a year in the genitive (өткен ақпан айында, 2020 жылдың мамыр айында),
        or before a postposition or a part (қаңтар айынан бері, сәуір айының ортасында);
        alone, "қаңтар айында", KazNERD leaves it out."""
        if end >= len(words) or not self.month_nouns.match(words, end):
            return False
        leads_on = end + 1 < len(words) and (self._postposition(words, end + 1)
                                             or self._part(words, end + 1) is not None)
        return determined or leads_on or self.after_genitive_date(words, start)

    def _part(self, words: list[Word], k: int) -> PhraseMatch | None:
        """A part of a period, always with a possessive: басында, соңына, ортасында."""
        part = self.parts.match(words, k) if k < len(words) else None
        return part if part and part.suffixes.get("possessive") else None

    def part_after_genitive(self, words: list[Word], end: int) -> int:
        """2018 жылдың соңында, желтоқсан айының басына: a date in the genitive (ending at
        ``end``) goes on over the part of it that is named after it, the head of the
        phrase (KazNERD: жыл соңына)."""
        case = noun_endings(words[end - 1].lower).get("case") if end else None
        if self.case_of.get(case) != "genitive":
            return end
        part = self._part(words, end)
        return part.end if part else end

    def extend(self, words: list[Word], end: int, postposition: bool = True) -> int:
        """A date or time goes on over a part and a postposition: жыл басынан бері (without
        the postposition when the modifiers are still to read it, with its qualifier)."""
        if part := self._part(words, end):
            end = part.end
        if postposition and self._postposition(words, end):
            end += 1
        return end

    def _determiner(self, words: list[Word], i: int) -> ListMatch | None:
        """өткен, осы, биылғы: a word that determines the time word after it."""
        return self.lists.of(words).starting("determiners", i)

    def _postposition(self, words: list[Word], k: int) -> bool:
        """сайын, бері, дейін: a postposition after a date or time."""
        return self.lists.of(words).starting("postpositions", k) is not None

    def _core(self, words: list[Word], j: int, determined: bool) -> tuple[str, int, str] | None:
        if words[j].lower in self.homographs and not determined:
            # a homograph alone is an everyday word, but a phrase it opens (түс қайта, таң
            # атпай) shows it is the time word; the span is that word (KazNERD), and a
            # postposition after it joins as after any date (түске дейін)
            found = self._usable(self.times.match(words, j))
            return ("TIME", j + 1, "") if found and found.end > j + 1 else None
        if (found := self._usable(self.months.match(words, j))) and self._is_month(
                words, found, determined):
            return "DATE", found.end, f"--{found.value:02d}"
        if found := self._usable(self.calendar.match(words, j)):
            return "DATE", self._after_noun(words, found), ""
        if not determined and (found := self._usable(self.date_words.match(words, j))):
            return "DATE", self._after_noun(words, found), ""  # not "ол былтыр": биыл stands alone
        if found := self._usable(self.nouns.match(words, j)):
            nxt = words[found.end].lower if found.end < len(words) else ""
            if determined or nxt in self.frequency or self._part(words, found.end):
                return "DATE", found.end, ""  # бүгінгі таңда "nowadays" is a date
        if found := self._usable(self.times.match(words, j)):
            return "TIME", found.end, ""
        if found := self._usable(self.clock_nouns.match(words, j)):
            nxt = words[found.end].lower if found.end < len(words) else ""
            if determined or nxt in self.frequency:
                return "TIME", found.end, ""  # бірнеше минуттық, сағат сайын
        return None

    def _is_month(self, words: list[Word], found: PhraseMatch, determined: bool) -> bool:
        """A month name without a number is a month when lower-case and unambiguous, or
        before "ай" (маусым айында), or after a determiner (өткен ақпан)."""
        before_ai = found.end < len(words) and self.month_nouns.match(words, found.end)
        plain = words[found.start].text[:1].islower() and found.stem not in self.ambiguous_months
        genitive = self.case_of.get(found.suffixes.get("case")) == "genitive"
        day_after = genitive and found.end < len(words) and self.starts_number(words[found.end])
        return bool(before_ai or plain or determined or day_after  # наурыздың 22-сі
                    or self.after_genitive_date(words, found.start))

    def after_genitive_date(self, words: list[Word], k: int, date_words: bool = True) -> bool:
        """өткен жылдың қазанында: ``words[k]`` follows a time noun (or, with ``date_words``,
        a date word) in the genitive, "of the year"."""
        if k == 0:
            return False
        noun = self.nouns.match(words, k - 1) or (
            self.date_words.match(words, k - 1) if date_words else None)
        return bool(noun) and self.case_of.get(noun.suffixes.get("case")) == "genitive"

    def _usable(self, found: PhraseMatch | None) -> PhraseMatch | None:
        """Not in the accusative: жазды "wrote" is no summer, but жазда "in summer" is."""
        if found is None or found.suffixes.get("case") in self.accusative:
            return None
        return found

    def _after_noun(self, words: list[Word], core: PhraseMatch) -> int:
        """бүгінгі күні, биылғы жылдың: a time noun after an adjectival core joins it (but
        not after a bare one: "биыл | жыл соңына дейін" are two dates in KazNERD)."""
        end = core.end
        linked = core.suffixes.get("derivation") or self.case_of.get(
            core.suffixes.get("case")) == "genitive"  # қыстың күні, биылғы жылды
        if not linked or end >= len(words):
            return end
        noun = self.nouns.match(words, end)
        if noun and not noun.suffixes.get("derivation"):  # бүгін таңғы: таңғы starts a time
            return noun.end
        return end

    def duration_determiner(self, words: list[Word], start: int) -> int:
        """The start of a duration with its determiner (соңғы екі жылда), or ``start``."""
        found = self.lists.of(words).ending("duration_determiners", start)
        return found.start if found else start
