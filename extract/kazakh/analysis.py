"""Each word form analysed once: its reading in every stem category of the language data.

A category is a collection of stems from ``patterns/`` (the currency words, the units, the
months, the age nouns, the number words …) read with or without a numeral's suffixes. One
index maps each stem to the categories that hold it, and a word form is read against all of
them in a single pass over its prefixes, longest first: for each category the first prefix
that is one of its stems (in its dictionary form: баб|ы -> бап) followed by a suffix chain
fitting that stem is the reading. The record is kept in one bounded memory, so every rule
that asks about the word again (is it a currency? a unit? a month?) reads the record; each
category also keeps the readings taken from the records (bounded too), as rules ask one
category about a word hundreds of thousands of times per batch.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .memo import MISSING, WordMemo
from .morphology import ANY, Reading, dictionary_form, parse_suffixes, stem_class

Stems = Collection[str]


@dataclass(frozen=True)
class Category:
    """A stem collection of the lexicon and how its words take suffixes."""

    stems: Stems
    numeral: bool  # a numeral's suffixes too (ordinal, approximation: теңгедей, бесінші)


@dataclass(frozen=True)
class WordAnalysis:
    """A word form (lower-case) and its reading in each category it is a form of."""

    lower: str
    readings: Mapping[int, Reading]  # category id -> the reading
    known: int  # the categories that existed when it was made: ids below this are read

    def reading(self, category: int) -> Reading | None:
        return self.readings.get(category)


class _CategoryView(WordMemo[str, "Reading | None"]):
    """One category's readings of the word forms asked about there, taken from their
    analyses: a rule asks "is this word a unit?" with a single look-up."""

    def __init__(self, stems: Stems, category: int) -> None:
        super().__init__()
        self.stems = stems  # kept alive, so that its id names no other collection
        self.category = category


class WordAnalyzer:
    """The categories, their one stem index, and the analysed word forms."""

    def __init__(self) -> None:
        self._categories: list[Category] = []
        self._ids: dict[tuple[int, bool], int] = {}  # (id of the stems, numeral) -> category
        self._index: dict[str, list[int]] = {}  # stem -> the categories holding it
        self._lengths: tuple[int, ...] = ()  # the stems' lengths, longest first
        # word form -> its analysis; (word form, late category) -> its reading there
        self._words: WordMemo[object, object] = WordMemo()
        # per numeral flag, id of a stem collection -> its category's view of the readings
        self._views: tuple[dict[int, _CategoryView], dict[int, _CategoryView]] = ({}, {})

    def category(self, stems: Stems, numeral: bool = False) -> int:
        """The id of the category of ``stems`` (read with a numeral's suffixes or not),
        added to the index the first time it is asked for. The lexicon's collections are
        built once, so a few dozen categories exist; each keeps its collection alive, so an
        id is never reused while the category lives."""
        key = (id(stems), numeral)
        found = self._ids.get(key)
        if found is not None and self._categories[found].stems is stems:
            return found
        found = self._ids[key] = len(self._categories)
        self._categories.append(Category(stems, numeral))
        for stem in stems:
            if stem:
                self._index.setdefault(stem, []).append(found)
        self._lengths = tuple(sorted({len(stem) for stem in self._index}, reverse=True))
        return found

    def analyse(self, lower: str) -> WordAnalysis:
        """The word form's readings in every category known when it was first read."""
        found = self._words.get(lower, MISSING)
        if found is MISSING:
            found = self._words.remember(lower, self._analyse(lower))
        return found

    def read(self, lower: str, stems: Stems, numeral: bool = False) -> Reading | None:
        """The reading of ``lower`` as a form of a stem of ``stems``, or None. A category
        that came after the word's analysis (the rules ask for theirs as they are first
        used) is read for that word alone and kept in the same memory: analysing the word
        again for each new category made a long run read every word dozens of times."""
        # the category's view of the analyses: one look-up for a word read there before
        view = self._views[numeral].get(id(stems))
        if view is None or view.stems is not stems:
            view = self._view(stems, numeral)
        found = view.get(lower, MISSING)
        if found is MISSING:
            found = view.remember(lower, self._reading(lower, view.category))
        return found

    def _view(self, stems: Stems, numeral: bool) -> _CategoryView:
        view = self._views[numeral][id(stems)] = _CategoryView(stems,
                                                               self.category(stems, numeral))
        return view

    def _reading(self, lower: str, category: int) -> Reading | None:
        """The reading of ``lower`` in ``category``, from the word's one analysis."""
        found = self.analyse(lower)
        if category < found.known:
            return found.readings.get(category)
        key = (lower, category)
        late = self._words.get(key, MISSING)
        if late is MISSING:
            late = self._words.remember(key, self._analyse(lower, category).readings.get(category))
        return late

    @property
    def categories(self) -> int:
        return len(self._categories)

    def _analyse(self, lower: str, only: int | None = None) -> WordAnalysis:
        """The readings of ``lower`` in every category, or in category ``only``."""
        readings: dict[int, Reading] = {}
        index, size = self._index, len(lower)
        for end in self._lengths:
            if end > size:
                continue
            rest = lower[end:]
            stem = dictionary_form(lower[:end], rest)
            holders = index.get(stem)
            if holders is None:
                continue
            # after a hyphen an abbreviation's ending follows the word it stands for, not its
            # last letter (кВт·сағ-тан: сағат|тан; м/с-қа: секунд|қа)
            before = stem_class(stem) if rest[:1] != "-" else ANY
            for category in holders:
                if category in readings or only is not None and category != only:
                    continue  # a longer stem of this category read the word already
                suffixes = parse_suffixes(rest, before, "", self._categories[category].numeral,
                                          lenient=True)
                if suffixes is not None:
                    readings[category] = Reading(stem, suffixes)
        return WordAnalysis(lower, MappingProxyType(readings), len(self._categories))


ANALYZER = WordAnalyzer()  # one per process: the lexicon's categories, the words read
