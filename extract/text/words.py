"""Words of a sentence: spaCy tokens glued together without a space, as a reader sees them.

The tokenizer splits ``30%-ға`` into 30 | % | - | ға so that numbers are tokens of their
own; facts, like KazNERD's spans, start and end on whole words, so the pieces are joined
back here. Punctuation stays a word of its own. A number written with a space or a
no-break space between thousands (``150 000``) becomes one word.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SPACY
from spacy.tokens import Doc, Span

from ..lang.kk.punctuation import INLINE_MARKUP

JOINERS = frozenset("-–—%/\u2010\u2011")
_MARKUP_STARTS = frozenset("<&")
# Hyphens other than "-" (U+2010 hyphen, U+2011 non-breaking hyphen: 61‑ші, 2020‑2025): a
# word reads them as "-", one character for one, so offsets and spans stay the text's.
HYPHENS = str.maketrans("\u2010\u2011", "--")
_OTHER_HYPHEN = regex.compile("[\u2010\u2011]")
_GAP_CHARS = " \u00a0\u202f"  # a space, a no-break space, a narrow no-break space
THOUSANDS_GAPS = frozenset(_GAP_CHARS)
THOUSANDS_GAP = regex.compile(f"[{_GAP_CHARS}]")
_GROUP_HEAD = regex.compile(r"[-−]?\d{1,3}")  # a minus may lead: -10 000,1 (a plus leads phones)
_GROUP_TAIL = regex.compile(r"\d{3}(?!\d)")
# Groups of three joined after the first at most (1 000 000 000 000 000 000 000 has seven):
# a longer run is a table or noise, and reading it whole is quadratic.
THOUSANDS_GROUPS_MAX = 7


class _LowerOnce:
    """``word.lower``, computed on first use and then kept in the word's ``__dict__`` (like
    functools.cached_property, without its lock)."""

    def __get__(self, word: Word | None, owner: type) -> str:
        if word is None:
            return self  # type: ignore[return-value]
        lower = word.__dict__["lower"] = word.text.lower()
        return lower


@dataclass
class Word:
    """A word of a sentence; ``text`` is final once the sentence's words are built."""

    text: str
    start: int
    end: int
    is_punct: bool = False
    in_name: bool = False
    repair: str = ""  # a bracketed start of this same word just before it: (теңгенің) теңгейді

    lower = _LowerOnce()  # the rules ask for it many times per word


@dataclass
class Tokens:
    """Token columns of a Doc or a sentence as plain lists: the rules read every token, and
    a spaCy Token object per read costs more than the reading. A token's text is its slice
    of the document's text (spaCy's tokens keep every character)."""

    orths: list[int]  # spaCy's id of each token's text
    starts: list[int]  # character offsets into the document
    lengths: list[int]
    spaced: list[bool]  # a space follows the token
    punct: list[bool]
    space: list[bool]  # a whitespace token (line breaks, runs of spaces)

    @classmethod
    def of_doc(cls, doc: Doc) -> Tokens:
        return cls(*doc.to_array([ORTH, IDX, LENGTH, SPACY, IS_PUNCT, IS_SPACE]).T.tolist())

    @classmethod
    def of_span(cls, span: Span) -> Tokens:
        return cls([t.orth for t in span], [t.idx for t in span], [len(t) for t in span],
                   [bool(t.whitespace_) for t in span], [t.is_punct for t in span],
                   [t.is_space for t in span])

    def end(self, k: int) -> int:
        """Where token ``k`` ends in the document."""
        return self.starts[k] + self.lengths[k]


def sentence_words(sent: Span, text: str | None = None) -> list[Word]:
    """The words of a sentence with character offsets into the document. Pass the
    document's ``text`` when calling this per sentence: ``Doc.text`` is rebuilt from every
    token of the document on each access."""
    return token_words(Tokens.of_span(sent), 0, len(sent),
                       sent.doc.text if text is None else text)


def token_words(tokens: Tokens, start: int, end: int, text: str) -> list[Word]:
    """The words of tokens ``start`` .. ``end`` (exclusive) of ``tokens``; ``text`` is the
    document's."""
    # A word's tokens are contiguous in the text, so a word is its slice of the text, cut
    # once its last token is known: gluing token texts one by one is quadratic in a long
    # hyphen-glued run (1-1-1-…).
    begins: list[int] = []
    ends: list[int] = []
    kinds: list[bool] = []  # the word is punctuation
    glued = False
    for token_start, length, is_space, is_punct, is_spaced in zip(
            tokens.starts[start:end], tokens.lengths[start:end], tokens.space[start:end],
            tokens.punct[start:end], tokens.spaced[start:end], strict=True):
        if is_space:
            glued = False
            continue
        token_end = token_start + length
        token = text[token_start:token_end] if is_punct else ""
        if token[:1] in _MARKUP_STARTS and INLINE_MARKUP.fullmatch(token):
            glued = False  # 35&nbsp;млрд, <strong>35 млрд</strong> теңге: seen as a space
            continue
        separates = is_punct and token not in JOINERS
        # an abbreviation keeps its stop and ends its word: млн.теңге is млн. | теңге
        if glued and not separates and not kinds[-1] and text[ends[-1] - 1] != ".":
            ends[-1] = token_end
        else:
            begins.append(token_start)
            ends.append(token_end)
            kinds.append(separates)
        glued = not is_spaced
    if begins and _OTHER_HYPHEN.search(text, begins[0], ends[-1]):
        words = [Word(text[b:e].translate(HYPHENS), b, e, p)
                 for b, e, p in zip(begins, ends, kinds, strict=True)]
    else:
        words = [Word(text[b:e], b, e, p) for b, e, p in zip(begins, ends, kinds, strict=True)]
    words = _join_thousands(words, text)
    # a filler is a word "(": none without the character (a quick test on a long sentence)
    return _drop_fillers(words) if words and "(" in text[begins[0]:ends[-1]] else words


FILLER_MAX = 9  # letters of a parenthesised hesitation or self-correction: (ыы), (теңгенің)
RESTART_MIN = 4  # letters a bracketed self-correction shares with the word said again


def _drop_fillers(words: list[Word]) -> list[Word]:
    """Leave out a single lower-case word in brackets, a transcript's hesitation or repeated
    word (он бір мың (і) астам): a fact reads across it, and its span still covers it."""
    if len(words) < 3:
        return words
    kept: list[Word] = []
    k = 0
    while k < len(words):
        if (words[k].text == "(" and k + 2 < len(words) and words[k + 2].text == ")"
                and _is_filler(words[k + 1].text)):
            if k + 3 < len(words) and _restarts(words[k + 1].lower, words[k + 3].lower):
                words[k + 3].repair = words[k + 1].lower
            k += 3
            continue
        kept.append(words[k])
        k += 1
    return kept


def _restarts(filler: str, word: str) -> bool:
    """A self-correction: the speaker starts a word in brackets and says it again, perhaps
    with another ending or a slip (a transcript's "(теңгенің) теңгейді")."""
    return len(filler) >= RESTART_MIN and word != filler and word.startswith(filler[:RESTART_MIN])


def _is_filler(text: str) -> bool:
    return text.isalpha() and text.islower() and len(text) <= FILLER_MAX


def _join_thousands(words: list[Word], text: str) -> list[Word]:
    joined: list[Word] = []
    chain: bool | None = None  # joined[-1] is a group chain; None: not known yet
    groups = 0  # groups of three joined to joined[-1]
    for word in words:
        prev = joined[-1] if joined else None
        # cheap tests first: this runs for every word of every gated sentence
        if (prev is not None and word.start - prev.end == 1 and word.text[:1].isdigit()
                and groups < THOUSANDS_GROUPS_MAX and _GROUP_TAIL.match(word.text)
                and text[prev.end] in THOUSANDS_GAPS
                and (chain if chain is not None else _is_group_chain(prev.text))):
            prev.text = text[prev.start:word.end]
            prev.end = word.end
            # the joined word is a chain if the part added is whole groups: known without
            # splitting the whole word again (quadratic in a long run of groups)
            chain = _is_group_tail(word.text)
            groups += 1
        else:
            joined.append(word)
            chain, groups = None, 0
    return joined


def _is_group_chain(text: str) -> bool:
    """``150`` or ``1 500`` (groups of three after the first): a number that may go on."""
    groups = THOUSANDS_GAP.split(text, maxsplit=1)
    return (bool(_GROUP_HEAD.fullmatch(groups[0]))
            and (len(groups) == 1 or _is_group_tail(groups[1])))


def _is_group_tail(text: str) -> bool:
    """Groups of three digits between gaps: ``500``, ``000 500``."""
    return all(len(g) == 3 and g.isdigit() for g in THOUSANDS_GAP.split(text))


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def spacy_safe(text: str) -> str:
    """``text`` with each lone surrogate (an undecodable byte read with ``surrogateescape``)
    as U+FFFD, one character for one, which spaCy's tokenizer can hash."""
    return text if text.isascii() or not _SURROGATE.search(text) else _SURROGATE.sub("\ufffd",
                                                                                     text)
