"""A sentence as the rules read it: its words with offsets into the document, in Cyrillic.

A Cyrillic sentence is read as it is. A Latin-script one is transliterated word by word
(``kazakh.latin``); its words keep their offsets into the original, and a fact's subject is
cut back out of the original text, so it stays in the document's script.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Protocol, TypeVar

from ..kazakh.latin import Alphabet, Transliteration, Transliterator
from ..kazakh.lexicon import Lexicon
from .words import Word


class _HasSubject(Protocol):
    start: int
    end: int
    subject: str


D = TypeVar("D", bound=_HasSubject)
# How far past a fact its subject's word may be: three adjectives and a compound's modifier
# (4 aýdandyq memlekettik arhıv ǵımaraty), or a rank noun after a comma (birinshi, álemniń
# 5-raketkasy).
SUBJECT_REACH = 5
# How far before a fact its subject's word may be: the possessor of саны "the number of",
# an adjective and the words between саны and the number (reısterdiń jalpy sany aptasyna
# 81-den)
SUBJECT_REACH_BEFORE = 6
# SentenceView.words copies a word field by field
assert [f.name for f in fields(Word)] == ["text", "start", "end", "is_punct", "in_name", "repair"]


@dataclass
class SentenceView:
    """A Latin sentence as the fact builder reads it: ``text``, its words in Cyrillic joined
    by spaces, for the quick check for numbers; ``words()``, the Cyrillic words with offsets
    into the document, made on first use (most sentences fail the check); and each word's
    transliteration."""

    text: str
    latin: list[Word]
    spellings: list[Transliteration]
    alphabet: Alphabet
    _cyrillic: list[Word] | None = None

    def words(self) -> list[Word]:
        if self._cyrillic is None:
            # made field by field: dataclasses.replace checks every field of every word
            self._cyrillic = [Word(s.cyrillic, w.start, w.end, w.is_punct, w.in_name, w.repair)
                              for w, s in zip(self.latin, self.spellings, strict=True)]
        return self._cyrillic

    def restore(self, draft: D) -> D:
        """The draft with its subject in the sentence's own script: cut out of the word it
        came from (the span's words and the few after it, past adjectives and a compound's
        modifier; else the few before it, the possessor of саны), or spelled back letter by
        letter where the stem differs from the word (бөлік of bóligi, орын of ornyn)."""
        if not self.spellings or not draft.subject:
            return draft
        near = self.spellings[draft.start:draft.end + SUBJECT_REACH]
        before = self.spellings[max(0, draft.start - SUBJECT_REACH_BEFORE):draft.start]
        for spelling in near + before[::-1]:  # after first: most subjects follow the count
            at = _stem_position(spelling.cyrillic.lower(), draft.subject)
            if at is not None:
                original = spelling.original_slice(at, at + len(draft.subject))
                return replace(draft, subject=original.lower())
        return replace(draft, subject=self._respelled(near, draft.subject))

    def _respelled(self, near: list[Transliteration], stem: str) -> str:
        """The stem in Latin: the original letters of the longest start it shares with a
        word near the fact, the rest by the alphabet's letters."""
        shared, spelling = max(((_shared_start(s.cyrillic.lower(), stem), s) for s in near),
                               key=lambda pair: pair[0], default=(0, None))
        head = spelling.original_slice(0, shared).lower() if spelling and shared >= 2 else ""
        latin = {c: letter for letter, c in reversed(self.alphabet.letters.items())} \
            if self.alphabet else {}
        return head + "".join(latin.get(c, c) for c in stem[len(head) and shared:])


def _shared_start(word: str, stem: str) -> int:
    n = 0
    while n < min(len(word), len(stem)) and word[n] == stem[n]:
        n += 1
    return n


def _stem_position(word: str, stem: str) -> int | None:
    """Where ``stem`` starts in ``word``: at its start or right after a hyphen (29-орынға)."""
    at = word.find(stem)
    while at != -1:
        if at == 0 or word[at - 1] == "-":
            return at
        at = word.find(stem, at + 1)
    return None


class ScriptReader:
    """Latin-script sentences read in Cyrillic (Cyrillic ones are read as they are)."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.transliterator = Transliterator(lex)

    def view(self, sentence: str, words: list[Word], document: str) -> SentenceView:
        """The view of the Latin ``sentence`` with ``words``; ``document``, the fall-back
        for the alphabet (the whole text, when the sentence's Doc is a piece of it)."""
        alphabet = self.transliterator.alphabet(sentence, document)
        spellings = [self.transliterator.transliterate(w.text, alphabet) for w in words]
        return SentenceView(" ".join(s.cyrillic for s in spellings), words, spellings, alphabet)
