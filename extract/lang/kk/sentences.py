"""Sentence boundaries for Kazakh news.

A sentence ends at . ! ? … when the next word starts with a capital letter, a digit, a
quote or a dash, and at every line break. Abbreviations keep their stop inside the token
(``ж.``, ``млн.``), so they never end a sentence.
"""

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

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
    starts = sentence_starts(doc.to_array([ORTH]).tolist(), doc.vocab.strings)
    values = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("uint64")
    doc.from_array([SENT_START], values)
    return doc


def sentence_starts(orths: list[int], strings: StringStore) -> numpy.ndarray:
    """For each token (by orth id), whether it starts a sentence: the rule of kk_sentencizer
    on numpy arrays, from token texts by id rather than from a Token object per token."""
    if not orths:
        return numpy.zeros(0, dtype=bool)
    kinds = list(map(_KINDS.get, orths))
    if None in kinds:  # a token text not met yet
        for k, kind in enumerate(kinds):
            if kind is None:
                kinds[k] = _kind_of(orths[k], strings[orths[k]])
    kind = numpy.array(kinds, dtype=numpy.int64)
    space = (kind & SPACE) != 0
    # after a line break: a space token with a break since the last other token
    breaks = numpy.concatenate(([0], numpy.cumsum(space & ((kind & BREAK) != 0))))
    last_word = _last_before(~space)
    after_break = breaks[:-1] > breaks[last_word + 1]
    # after a terminal: the last token that is neither a space nor a closing quote is one
    terminal = (kind & TERMINAL) != 0
    last_decisive = _last_before(~space & (terminal | ((kind & CLOSES) == 0)))
    after_terminal = (last_decisive >= 0) & terminal[last_decisive]
    starts = numpy.where(after_break, ~space, after_terminal & ((kind & OPENS) != 0))
    starts[:1] = True
    return starts


def _last_before(flags: numpy.ndarray) -> numpy.ndarray:
    """For each position, the last earlier position where ``flags`` is set, or -1."""
    positions = numpy.where(flags, numpy.arange(len(flags)), -1)
    return numpy.concatenate(([-1], numpy.maximum.accumulate(positions)[:-1])).astype(int)


# What the rule needs to know of a token, by its text (orth id), as bit flags.
SPACE, BREAK, TERMINAL, CLOSES, OPENS = 1, 2, 4, 8, 16
_KINDS: dict[int, int] = {}
_KINDS_KEPT = 1 << 16


def _kind_of(orth: int, text: str) -> int:
    if len(_KINDS) >= _KINDS_KEPT:
        _KINDS.clear()
    kind = ((SPACE if text.isspace() else 0) | (BREAK if "\n" in text else 0)
            | (TERMINAL if text in TERMINALS else 0) | (CLOSES if text in "»\")”’" else 0)
            | (OPENS if _starts_sentence(text) else 0))
    _KINDS[orth] = kind
    return kind
