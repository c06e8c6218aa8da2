"""Matching inflected lexicon phrases (currencies, units, months, rank nouns, modifiers after
a number) against words: the closed lists whose words never inflect are in ``matchers``.

A phrase is one or more words from ``patterns/``; all but the last must match exactly
(lower-case) and the last may carry suffixes (``шаршы метрге``, ``АҚШ долларынан``).
Longer phrases win.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..kazakh.lexicon import Phrase, load_lexicon
from ..kazakh.memo import MISSING, WordMemo
from ..kazakh.morphology import NO_SUFFIXES, Suffixes, read_word
from .words import Word

T = TypeVar("T")
# Of the numeral-only suffix slots a measure word takes just the approximation (тоннадай).
NOT_ON_MEASURES = frozenset({"ordinal", "collective", "person"})


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    value: T
    start: int  # first word
    end: int  # after the last word
    suffixes: Suffixes
    stem: str


class PhraseTable(Generic[T]):
    """Phrases of one kind (currencies, units, …) indexed by their leading words."""

    def __init__(self, phrases: Mapping[Phrase, T], numeral: bool = False,
                 abbreviations: frozenset[str] = frozenset(),
                 capitals: frozenset[str] = frozenset()) -> None:
        """``numeral``: the last word may also take a numeral's suffixes (-дай "about").
        ``abbreviations``: stems that, like those without a vowel, take endings only after
        a hyphen (мин-қа; мина "a mine" is no minute). ``capitals``: one-letter phrases
        that match only when written in capitals (220 В, 5 А; а and в are not units)."""
        self.numeral = numeral
        self.abbreviations = abbreviations
        self.capitals = capitals
        # leading words -> {last word stem -> value}
        self._by_head: dict[Phrase, dict[str, T]] = defaultdict(dict)
        for phrase, value in phrases.items():
            self._by_head[phrase[:-1]][phrase[-1]] = value
        self._lengths = sorted({len(head) + 1 for head in self._by_head}, reverse=True)
        self._one_word = [1] if () in self._by_head else []  # the lengths after any other word
        # the punctuation a phrase of more words may end in: the stop of п. т.
        self._stops = frozenset(p[-1] for p in phrases if len(p) > 1 and not p[-1].isalnum())
        # an abbreviation keeps its stop (км., долл.): read it as the word it stands for
        self._full_forms = load_lexicon().abbreviations
        # cheap rejections before a tuple of words is built for every phrase length
        self._first_words = frozenset(head[0] for head in self._by_head if head)
        # word form -> its reading as a one-word phrase: most words are tried as one
        self._one_word_readings: WordMemo[str, tuple[str, Suffixes] | None] = WordMemo()

    def match(self, words: list[Word], i: int) -> PhraseMatch[T] | None:
        """The longest phrase that starts at ``words[i]``."""
        if i >= len(words) or words[i].is_punct:
            return None
        # only a phrase's first word starts a longer one: the common word tries one length
        lower = words[i].lower
        if lower not in self._first_words:
            return self._match_one_word(words[i], i) if self._one_word else None
        for length in self._lengths:
            last = i + length - 1
            if last >= len(words) or words[last].is_punct and words[last].lower not in self._stops:
                continue  # inner punctuation must match the phrase: километр / сағат
            head: Phrase = () if length == 1 else tuple(w.lower for w in words[i:last])
            stems = self._by_head.get(head)
            if not stems:
                continue
            found = self._read_last(head, words[last].lower)
            if found is None and words[last].repair:  # (теңгенің) теңгейді: the slip's start
                found = self._read_last(head, words[last].repair)
            if found is not None:
                stem, suffixes = found
                if length == 1 and stem in self.capitals and not words[i].text[:1].isupper():
                    return None
                return PhraseMatch(stems[stem], i, last + 1, suffixes, stem)
        return None

    def any_from(self, words: list[Word], start: int) -> bool:
        """Whether a phrase starts at any word from ``words[start]`` on: ``match`` at each,
        skipping the words whose kept reading says no phrase starts there."""
        first_words, readings = self._first_words, self._one_word_readings
        for i in range(start, len(words)):
            word = words[i]
            if (not word.is_punct and (word.lower in first_words or word.repair
                                       or readings.get(word.lower, MISSING) is not None)
                    and self.match(words, i) is not None):
                return True
        return False

    def _match_one_word(self, word: Word, i: int) -> PhraseMatch[T] | None:
        """``match`` for a word that starts no longer phrase (the loop's length 1), with the
        reading of its form kept."""
        found = self._one_word_readings.get(word.lower, MISSING)
        if found is MISSING:
            found = self._one_word_readings.remember(word.lower, self._read_last((), word.lower))
        if found is None and word.repair:
            found = self._read_last((), word.repair)
        if found is None:
            return None
        stem, suffixes = found
        if stem in self.capitals and not word.text[:1].isupper():
            return None
        return PhraseMatch(self._by_head[()][stem], i, i + 1, suffixes, stem)

    def _read_last(self, head: Phrase, lower: str) -> tuple[str, Suffixes] | None:
        """The stem and suffixes of a phrase's last word after its leading words ``head``
        (from the word's one analysis: nothing is kept here)."""
        stems = self._by_head[head]
        if lower not in stems:
            lower = self._full_forms.get(lower, lower)
        if lower in stems:
            return lower, NO_SUFFIXES
        reading = read_word(lower, stems, numeral=self.numeral)
        if reading is None or self.numeral and any(
                slot in NOT_ON_MEASURES for slot, _ in reading.suffixes.parts):
            return None  # келі|сі|м|ді is "agreement", not "kilogram"
        if ((reading.stem in self.abbreviations or not _has_vowel(reading.stem))
                and not lower[len(reading.stem):].startswith("-")):
            return None  # an abbreviation takes endings after a hyphen (км-ге): м|іні no metre
        return reading.stem, reading.suffixes


def _has_vowel(text: str) -> bool:
    """Whether a word is pronounced as written rather than spelled out (км, м, мг/дм³)."""
    lex = load_lexicon()
    return any(ch in lex.back_vowels or ch in lex.front_vowels or ch == "у" for ch in text)
