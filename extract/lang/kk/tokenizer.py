"""spaCy's tokenizer, fed pathological runs in pieces so that its time stays linear.

spaCy strips a word's prefixes and suffixes one at a time, searching the whole rest of the
word again each time, and its URL pattern backtracks over a long word: its time grows with
the square of a run of punctuation without a space (10 KB of ``((((`` or ``====`` took
minutes) and of a very long word (``1:1:1:…``). Such runs are cut into pieces before spaCy
sees them; every other part of the text reaches spaCy unchanged, in one piece, so normal
text is tokenized exactly as before. The Doc is the pieces' Docs joined: its text is the
input and every token keeps its offset.
"""

from __future__ import annotations

from itertools import pairwise

import regex
from spacy.attrs import NORM
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Punctuation marks and symbols in a row that spaCy reads in one go: the news and KazNERD
# texts have runs of at most 7 (🚨🇺🇸🇺🇦🇷🇺). A longer run is read RUN_PIECE marks at a time.
RUN_MIN = 8
RUN_PIECE = 8
# Characters without a space read in one go: the longest such word of the news and KazNERD
# texts has about 150 (a URL). A longer one is read SPAN_PIECE characters at a time.
SPAN_PIECE = 256
_MARK = r"[^\p{L}\p{N}\s.]"  # a full stop is left out: spaCy takes a run of them at once
LONG_RUN = regex.compile(rf"{_MARK}{{{RUN_MIN},}}|\S{{{SPAN_PIECE + 1},}}")
_MARK_RUN = regex.compile(rf"{_MARK}{{{RUN_MIN},}}")
_LONG_WORD = regex.compile(rf"\S{{{SPAN_PIECE + 1},}}")
# str.split also splits at these, which regex's \s does not take for whitespace
_SPLIT_ONLY_SPACES = "\x1c\x1d\x1e\x1f"


def has_long_run(text: str) -> bool:
    """``LONG_RUN.search(text)`` finds something: its second branch, searched from every
    character of every word, took as long as the rest of the tokenizer's wrapper, so long
    words are looked for with str.split where it splits where regex sees whitespace."""
    if _MARK_RUN.search(text):
        return True
    if any(space in text for space in _SPLIT_ONLY_SPACES):
        return bool(_LONG_WORD.search(text))
    return max(map(len, text.split()), default=0) > SPAN_PIECE


def cuts(text: str) -> list[int]:
    """Where the text is cut into pieces for spaCy (offsets inside it, sorted): inside each
    long run of marks every RUN_PIECE marks, inside each long word every SPAN_PIECE
    characters, counted from the run's start."""
    found = set()
    for match in LONG_RUN.finditer(text):
        start, end = match.span()
        if end - start > SPAN_PIECE:
            found.update(range(start + SPAN_PIECE, end, SPAN_PIECE))
        for run in _MARK_RUN.finditer(text, start, end):
            found.update(range(run.start() + RUN_PIECE, run.end(), RUN_PIECE))
    return sorted(found)


class KazakhTokenizer(Tokenizer):
    """spaCy's rule-based tokenizer, reading long runs of marks and very long words in
    pieces (see the module's doc); the same as spaCy's on any other text."""

    def __call__(self, text: str) -> Doc:
        if not has_long_run(text):
            return super().__call__(text)
        at = cuts(text)
        bounds = [0, *at, len(text)]
        # spaCy reads the words between spaces one by one: a space put at each cut makes it
        # read the pieces so, in one call; the spaces are then taken out again
        spaced = super().__call__(" ".join(text[a:b] for a, b in pairwise(bounds)))
        inserted = {cut + k for k, cut in enumerate(at)}  # the added spaces, in spaced.text
        words = [token.text for token in spaced]
        spaces = [bool(token.whitespace_) and token.idx + len(token) not in inserted
                  for token in spaced]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.from_array([NORM], spaced.to_array([NORM]))  # the norms of tokenizer exceptions
        return doc

    def __reduce__(self):
        constructor, args, *rest = super().__reduce__()
        return (KazakhTokenizer, args, *rest)


def make_tokenizer(nlp) -> KazakhTokenizer:
    """A KazakhTokenizer with the language's rules, as spaCy's own factory makes its Tokenizer."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    return KazakhTokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
