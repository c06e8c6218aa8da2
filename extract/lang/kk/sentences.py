"""Sentence boundaries for Kazakh news.

A sentence ends at . ! ? … when the next word starts with a capital letter, a digit, a
quote or a dash, and at every line break; not at dots glued between two numbers, which
mark a range (``-5...-10°C``). Abbreviations keep their stop inside the token
(``ж.``, ``млн.``), so they never end a sentence.
"""

from collections.abc import Iterator
from functools import cache
from itertools import compress

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from ...kazakh.lexicon import load_lexicon
from ...kazakh.memo import WordMemo

TERMINALS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
OPENERS = frozenset("«\"“„'(-–—")


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in OPENERS


@Language.component("kk_sentencizer")
def kk_sentencizer(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of the doc."""
    # Set in one from_array call: the Token.is_sent_start setter checks the whole doc's
    # annotation on every call.
    if not len(doc):
        return doc
    orths, spaced = doc.to_array([ORTH, SPACY]).T.tolist()
    starts = sentence_starts(orths, spaced, doc.vocab.strings)
    values = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("uint64")
    doc.from_array([SENT_START], values)
    return doc


def sentence_starts(orths: list[int], spaced: list[bool], strings: StringStore) -> list[bool]:
    """For each token (by orth id; ``spaced``: a space follows it), whether it starts a
    sentence: the rule of kk_sentencizer, read from token texts by id rather than from a
    Token object per token."""
    kinds = list(map(_KINDS.get, orths))
    if None in kinds:  # a token text not met yet
        for k, kind in enumerate(kinds):
            if kind is None:
                kinds[k] = _kind_of(orths[k], strings[orths[k]])
    starts = []
    state = 0  # after a terminal (bit 1) / after a line break (bit 2), as _step reads them
    for kind in kinds:
        start, state = _STEPS[state][kind]
        starts.append(start)
    if starts:
        starts[0] = True
    for k in _glued_range_marks(kinds, spaced, orths, strings):
        starts[k + 1] = False
    return starts


def _glued_range_marks(kinds: list[int], spaced: list[bool], orths: list[int],
                       strings: StringStore) -> Iterator[int]:
    """The terminals written with no space on either side between two numbers: ``-5...-10``
    is a range, as no sentence ends before its next word without a space."""
    terminals = compress(range(1, len(kinds) - 1), map(TERMINAL.__and__, kinds[1:-1]))
    for k in terminals:  # only the terminals are looked at: this runs on every document
        if (not spaced[k] and not spaced[k - 1] and strings[orths[k - 1]][-1:].isdigit()
                and strings[orths[k + 1]].lstrip(_signs())[:1].isdigit()):
            yield k


@cache
def _signs() -> str:
    """The signs a number may start with (modifiers.toml minus_signs, plus_signs)."""
    lex = load_lexicon()
    return "".join(sorted(lex.minus_signs | lex.plus_signs))


def _step(state: int, kind: int) -> tuple[bool, int]:
    """The rule for one token: whether it starts a sentence, and the state after it."""
    after_terminal, after_break = bool(state & 1), bool(state & 2)
    start = not kind & SPACE if after_break else after_terminal and bool(kind & OPENS)
    if kind & SPACE:
        after_break = after_break or bool(kind & BREAK)
    else:
        after_break = False  # a token's own trailing whitespace is a space, never a break
        if kind & TERMINAL:
            after_terminal = True
        elif not kind & CLOSES:
            after_terminal = False
    return start, after_terminal | after_break << 1


# What the rule needs to know of a token, by its text (orth id), as bit flags.
SPACE, BREAK, TERMINAL, CLOSES, OPENS = 1, 2, 4, 8, 16
_KINDS: WordMemo[int, int] = WordMemo()


# _step for every state and kind, read in the loop over a document's tokens
_STEPS = [[_step(state, kind) for kind in range(2 * OPENS)] for state in range(4)]


def _kind_of(orth: int, text: str) -> int:
    kind = ((SPACE if text.isspace() else 0) | (BREAK if "\n" in text else 0)
            | (TERMINAL if text in TERMINALS else 0) | (CLOSES if text in "»\")”’" else 0)
            | (OPENS if _starts_sentence(text) else 0))
    return _KINDS.remember(orth, kind)
