"""Sentence boundaries for Kazakh news.

A sentence ends at . ! ? … when the next word starts with a capital letter, a digit, a
quote or a dash, and at every line break. Abbreviations keep their stop inside the token
(``ж.``, ``млн.``), so they never end a sentence.
"""

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
OPENERS = frozenset("«\"“„'(-–—")


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in OPENERS


@Language.component("kk_sentencizer")
def kk_sentencizer(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of the doc."""
    # Collected and set in one from_array call: the Token.is_sent_start setter checks the
    # whole doc's annotation on every call.
    starts = []
    after_terminal = False
    after_break = False
    for i, token in enumerate(doc):
        if i == 0:
            starts.append(True)
        elif after_break:
            starts.append(not token.is_space)
        else:
            starts.append(after_terminal and _starts_sentence(token.text))
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        after_break = "\n" in token.whitespace_
        if token.text in TERMINALS:
            after_terminal = after_terminal or True
        elif token.text not in "»\")”’" or not after_terminal:
            after_terminal = False
    if starts:
        values = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("uint64")
        doc.from_array([SENT_START], values)
    return doc
