"""The sentences that hold facts, as words the relations can read: each word with its offsets
in the text and its lower-case Cyrillic form (a Latin-script sentence is transliterated)."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..facts import Fact
from ..kazakh.latin import Transliterator, is_latin

# a word: letters and digits with inner hyphens or apostrophes (29-орынға, 15-25%-ке is
# 15-25, %, -ке), or one mark of punctuation
_WORD = regex.compile(r"[\p{L}\p{M}\d]+(?:[-‑'’][\p{L}\p{M}\d]+)*|-[\p{L}]+|[^\s\p{L}\p{M}\d]")


@dataclass(frozen=True)
class Word:
    start: int  # offsets in the document's text
    end: int
    text: str
    form: str  # lower case, in Cyrillic

    @property
    def is_punct(self) -> bool:
        return not self.text[0].isalnum() and not self.text.startswith("-")


@dataclass
class Sentence:
    """A sentence of the document with the facts inside it (indices into the doc's facts,
    in text order)."""

    start: int
    text: str
    latin: bool
    facts: list[int] = field(default_factory=list)
    _words: list[Word] | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class SentenceReader:
    """Finds each fact's sentence in the text and reads its words once."""

    def __init__(self, transliterator: Transliterator | None = None) -> None:
        self.transliterator = transliterator or Transliterator()

    def sentences(self, text: str, facts: list[Fact]) -> list[Sentence]:
        """The sentences holding ``facts`` (in text order), each with its facts' indices."""
        found: list[Sentence] = []
        for k, fact in enumerate(facts):
            if found and found[-1].start <= fact.start and fact.end <= found[-1].end:
                found[-1].facts.append(k)
                continue
            start = self._sentence_start(text, fact)
            found.append(Sentence(start, fact.sentence, is_latin(fact.sentence), [k]))
        return found

    @staticmethod
    def _sentence_start(text: str, fact: Fact) -> int:
        """Where ``fact.sentence`` (the stripped sentence) starts in ``text``: the first
        occurrence that can still hold the fact."""
        at = text.find(fact.sentence, max(0, fact.end - len(fact.sentence)), fact.end
                       + len(fact.sentence))
        if at < 0 or at > fact.start:  # cannot happen for facts of this text; read around it
            return fact.start
        return at

    def words(self, sentence: Sentence, document: str) -> list[Word]:
        """The sentence's words, read once."""
        if sentence._words is None:
            sentence._words = self._read(sentence, document)
        return sentence._words

    def _read(self, sentence: Sentence, document: str) -> list[Word]:
        alphabet = (self.transliterator.alphabet(sentence.text, document)
                    if sentence.latin else None)
        words = []
        for match in _WORD.finditer(sentence.text):
            piece = match.group()
            form = (self.transliterator.transliterate(piece, alphabet).cyrillic
                    if alphabet is not None else piece)
            words.append(Word(sentence.start + match.start(), sentence.start + match.end(),
                              piece, form.lower()))
        return words
