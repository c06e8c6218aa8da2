"""Closed word lists matched with spaCy's ``PhraseMatcher`` over a sentence's words.

Modifiers before a number (шамамен, кем дегенде), naming words after a title, determiners,
clock words, postpositions: lists whose words never inflect. A sentence's words (Cyrillic,
Latin ones already transliterated) become a Doc of one token per word, so a match's token
indices are word indices, and one ``PhraseMatcher(attr="LOWER")`` pass finds every phrase of
every list. Structures of tokens (a quotation: an opening mark, anything but its closing
mark, the closing mark) are token patterns found by a spaCy ``Matcher`` over the same Doc.
Inflected categories (currencies, units, months, rank nouns) are read per word
instead (``text.phrases``), because their stem depends on the category.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.attrs import LOWER
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..kazakh.lexicon import Phrase
from .words import Word, spacy_safe

T = TypeVar("T")


@dataclass(frozen=True)
class ListMatch(Generic[T]):
    """A phrase of one list: its value and the words it covers."""

    value: T
    start: int  # first word
    end: int  # after the last word


class SentenceMatches:
    """Per list, the longest phrase that starts at each word (``PhraseTable.match``: not on
    punctuation, the last word may be an abbreviation or a self-correction's repair) and the
    longest that ends before each word (``PhraseTable.match_ending``: as written)."""

    def __init__(self) -> None:
        self._starting: dict[tuple[str, int], ListMatch] = {}
        self._ending: dict[tuple[str, int], ListMatch] = {}
        self._structures: dict[str, dict[int, int]] = {}

    def add_starting(self, name: str, found: ListMatch) -> None:
        known = self._starting.get((name, found.start))
        if known is None or found.end > known.end:
            self._starting[name, found.start] = found

    def add_ending(self, name: str, found: ListMatch) -> None:
        known = self._ending.get((name, found.end))
        if known is None or found.start < known.start:
            self._ending[name, found.end] = found

    def add_structure(self, name: str, start: int, end: int) -> None:
        known = self._structures.setdefault(name, {})
        known[start] = max(end, known.get(start, end))

    def structures(self, name: str) -> dict[int, int]:
        """The longest match of token pattern ``name`` starting at each word: start -> end."""
        return self._structures.get(name, {})

    def starting(self, name: str, i: int) -> ListMatch | None:
        """The longest phrase of list ``name`` that starts at word ``i``."""
        return self._starting.get((name, i))

    def ending(self, name: str, end: int) -> ListMatch | None:
        """The longest phrase of list ``name`` that ends just before word ``end``."""
        return self._ending.get((name, end))


def quotation_patterns(quotes: Mapping[str, str]) -> list[list[dict]]:
    """Token patterns of a quotation: an opening mark, any words but its closing mark, the
    closing mark (so each opening mark matches up to the first closing mark after it)."""
    return [[{"LOWER": opening}, {"LOWER": {"NOT_IN": [closing]}, "OP": "*"},
             {"LOWER": closing}] for opening, closing in quotes.items()]


def _spacy_safe(lowers: list[str]) -> list[str]:
    joined = " ".join(lowers)  # one check for the sentence: lone surrogates are rare
    return lowers if spacy_safe(joined) is joined else list(map(spacy_safe, lowers))


def _first_lower(pattern: list[dict]) -> str | None:
    """The LOWER a token pattern's first token must have, or None when it may be any word."""
    first = pattern[0] if pattern else {}
    lower = first.get("LOWER")
    return lower if set(first) == {"LOWER"} and isinstance(lower, str) else None


# Distinct strings the matcher's own vocabulary keeps before it starts afresh: each sentence
# adds its words, and a long batch must stay flat in memory.
STRINGS_KEPT = 1 << 18


class ClosedLists:
    """Named closed lists, each a mapping from phrases (lower-case words) to values."""

    def __init__(self, lists: Mapping[str, Mapping[Phrase, object]],
                 full_forms: Mapping[str, str] | None = None,
                 as_written: frozenset[str] = frozenset(),
                 structures: Mapping[str, list[list[dict]]] | None = None) -> None:
        """``full_forms``: abbreviations with their stop (мин. -> минут), which may stand for
        the last word of a phrase where the phrase starts at a word, except in the lists
        named in ``as_written`` (word sets: speech markers, postpositions). ``structures``:
        named spaCy ``Matcher`` patterns over the lower-case words."""
        self._structure_patterns = dict(structures or {})
        self._exact = {name: dict(phrases) for name, phrases in lists.items()}
        short_forms: dict[str, list[str]] = {}
        for short, full in (full_forms or {}).items():
            short_forms.setdefault(full, []).append(short)
        self._abbreviated = {
            name: {(*phrase[:-1], short): value for phrase, value in phrases.items()
                   for short in short_forms.get(phrase[-1], ()) if (*phrase[:-1], short)
                   not in phrases} if name not in as_written else {}
            for name, phrases in self._exact.items()}
        self._last: tuple[list[Word], SentenceMatches] | None = None
        self._build()

    def _build(self) -> None:
        self.vocab = Vocab(lex_attr_getters={LOWER: str.lower})  # words come lower-cased
        self._matcher = PhraseMatcher(self.vocab, attr="LOWER")
        firsts = set()
        for name, phrases in self._exact.items():
            written = [*phrases, *self._abbreviated[name]]
            self._matcher.add(name, [Doc(self.vocab, words=list(p)) for p in written])
            firsts.update(p[0].lower() for p in written)
        self._token_matcher = Matcher(self.vocab)
        structure_firsts = set()
        for name, patterns in self._structure_patterns.items():
            self._token_matcher.add(name, patterns)
            structure_firsts.update(_first_lower(pattern) for pattern in patterns)
        # the LOWER of each phrase's and of each structure's first word: a sentence without
        # one has no match of that matcher, which is then not run, and where neither can
        # match (most sentences) the Doc is not made (None: a structure may start anywhere)
        self._phrase_firsts = frozenset(firsts)
        self._structure_firsts = (None if None in structure_firsts
                                  else frozenset(structure_firsts))

    def of(self, words: list[Word]) -> SentenceMatches:
        """The matches in ``words``, found once for the sentence the rules are reading."""
        if self._last is None or self._last[0] is not words:
            self._last = (words, self.sentence(words))
        return self._last[1]

    def sentence(self, words: list[Word]) -> SentenceMatches:
        """Every list's phrases in the sentence's words."""
        found = SentenceMatches()
        if not words:
            return found
        if len(self.vocab.strings) > STRINGS_KEPT:
            self._build()
        lowers = [w.lower for w in words]
        # the words as the Doc's LOWER reads them; a word with a lone surrogate (U+FFFD in
        # the Doc) is the first word of nothing either way
        present = set(map(str.lower, lowers))
        structures = self._structure_firsts is None or not self._structure_firsts.isdisjoint(
            present)
        phrases = not self._phrase_firsts.isdisjoint(present)
        doc = Doc(self.vocab, words=_spacy_safe(lowers)) if structures or phrases else None
        if structures:
            for name, start, end in self._matches(doc, self._token_matcher):
                found.add_structure(name, start, end)
        if phrases:
            for name, start, end in self._matches(doc):
                phrase = tuple(lowers[start:end])
                exact = self._exact[name].get(phrase)
                if exact is not None:
                    found.add_ending(name, ListMatch(exact, start, end))
                if not (words[start].is_punct or words[end - 1].is_punct):
                    value = exact if exact is not None else self._abbreviated[name][phrase]
                    found.add_starting(name, ListMatch(value, start, end))
        if any(w.repair for w in words):
            self._add_repairs(words, found)
        return found

    def _matches(self, doc: Doc, matcher: Matcher | PhraseMatcher | None = None
                 ) -> list[tuple[str, int, int]]:
        strings = self.vocab.strings
        return [(strings[match_id], start, end)
                for match_id, start, end in (matcher or self._matcher)(doc)]

    def _add_repairs(self, words: list[Word], found: SentenceMatches) -> None:
        """A phrase whose last word matches as its bracketed restart: (теңгенің) теңгейді."""
        lowers = [w.repair or w.lower for w in words]
        safe = _spacy_safe(lowers)
        if self._phrase_firsts.isdisjoint(map(str.lower, safe)):
            return
        for name, start, end in self._matches(Doc(self.vocab, words=safe)):
            if (not words[end - 1].repair or any(w.repair for w in words[start:end - 1])
                    or words[start].is_punct or words[end - 1].is_punct):
                continue
            phrase = tuple(lowers[start:end])
            value = self._exact[name].get(phrase, self._abbreviated[name].get(phrase))
            found.add_starting(name, ListMatch(value, start, end))
