"""The one pipeline: a blank ``kk`` spaCy pipeline with the Kazakh sentencizer and the
``kazakh_numeric_facts`` component. The CLI, ``read_facts`` and ``facts_frame`` all run it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..facts import Fact
from ..kazakh.latin import Transliterator, has_latin, is_latin
from ..kazakh.memo import WordMemo
from ..kazakh.stems import alternation, spelled_alternation, with_voiced
from ..lang.kk.sentences import kk_sentencizer, sentence_starts
from ..rules.draft import Draft
from ..text.sentence import ScriptReader
from ..text.words import JOINERS, Tokens, Word, spacy_safe, token_words
from .sentence import FactBuilder

SPAN_KEY = "facts"
FACT_ATTRIBUTES = ("value", "value_max", "unit", "qualifier", "subject", "total")

# ``rule``: the name of the rule that made the fact (money.currency); not in the outputs
for _name in (*FACT_ATTRIBUTES, "rule"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default="")
_fact_fields = attrgetter(*FACT_ATTRIBUTES)  # a draft's, in the order Fact takes them
assert Fact.field_names() == ("start", "end", "span", "type", *FACT_ATTRIBUTES, "period",
                             "sentence")


def _gate_stems(builder: FactBuilder) -> list[str]:
    """The stems the gates look for, also with a final consonant voiced (ширек -> ширегі),
    since the gates read text, not dictionary forms."""
    temporal = builder.temporal.first_words if builder.relative_dates else ()
    stems = with_voiced({*builder.numbers.first_words, *temporal}, builder.lex.voicing)
    return sorted(stems, key=len, reverse=True)


def _number_gate(builder: FactBuilder) -> regex.Pattern:
    """Digits, or a word starting like a number word (or a temporal word, when those are
    wanted): sentences without one are skipped before the word-level rules run."""
    return regex.compile(r"\d|" + builder.numbers.gate + r"|(?<![\p{L}])"
                         + alternation(_gate_stems(builder)))


def _token_gate(builder: FactBuilder) -> regex.Pattern:
    """For one token's lower-case text: a part of a ``_number_gate`` match could start in
    it. A match starts inside a token (whitespace starts none of its branches) with a
    digit, a sign or a Roman-numeral letter, or with a stem after a non-letter or at the
    token's start, the stem maybe running on past the token's end. So a sentence without
    such a token has no match: the check is exact, per token id, and made once."""
    stems = _gate_stems(builder)
    heads = sorted({stem[:k] for stem in stems for k in range(1, len(stem))}, key=len,
                   reverse=True)
    return regex.compile(r"\d|" + builder.numbers.gate_chars
                         + r"|(?<![\p{L}])" + alternation(stems)
                         + r"|(?<![\p{L}])" + alternation(heads) + r"\Z")


def _line_gate(builder: FactBuilder, transliterator: Transliterator) -> regex.Pattern:
    """For one lower-case line: a sentence of it may hold a fact. A Cyrillic sentence holds
    none without a ``_number_gate`` match; a match inside a sentence is one inside its line
    too, as the character before a sentence is a stop, a closing mark or a space, never a
    letter, and the sentence ends with one. A Latin sentence is gated after it is read in
    Cyrillic, word by word and each run of letters alone: the line is searched for what
    may read so, at the start of a run of letters, as a number word (any spelling of any
    alphabet, the letters the tables do not know as they are) or as a word of Roman-numeral
    letters (h and ı may read х and і). A combining mark stays in the Cyrillic as it is,
    splitting a run: a line with one is kept. One character class first, for a fast scan."""
    signs, roman = builder.numbers.gate_classes()
    stems = _gate_stems(builder)
    # a letter no table knows is kept as it is (a Cyrillic letter inside a Latin word)
    spellings: dict[str, set[str]] = {ch: {ch} for stem in stems for ch in stem}
    for latin, cyrillic in transliterator.spellings().items():
        spellings.setdefault(latin, set()).update(cyrillic)
    romans = {latin for latin, cyrillic in spellings.items()
              if any(regex.fullmatch(f"{roman}+", c) for c in cyrillic)}
    roman_word = "(?:" + "|".join(map(regex.escape, sorted(romans, key=len, reverse=True))
                                  ) + rf"|{roman})+(?!\p{{L}})"
    return regex.compile(rf"[\d{signs[1:-1]}\p{{M}}]|(?<!\p{{L}})(?:{roman_word}"
                         rf"|{alternation(stems)}|{spelled_alternation(stems, spellings)})")


class Found(NamedTuple):
    """A fact found in a Doc: its character offsets, its fields and its sentence."""

    start: int
    end: int
    draft: Draft
    sentence: str


class NumericFacts:
    """Puts the numeric facts of a Doc in ``doc.spans["facts"]``, the type as the label and
    the contract's fields as extension attributes (``span._.value``, ``span._.unit`` …).

    ``relative_dates`` adds dates and times written without a number (биыл, өткен жылы,
    таңертең), as KazNERD annotates them; their value is empty."""

    def __init__(self, nlp: Language, name: str, set_ents: bool = False,
                 relative_dates: bool = False) -> None:
        self.name = name
        self.set_ents = set_ents
        self.builder = FactBuilder(relative_dates=relative_dates)
        self.gate = _number_gate(self.builder)
        self.token_gate = _token_gate(self.builder)
        self._gated_tokens: WordMemo[int, bool] = WordMemo()  # orth id -> token_gate finds one
        self._number_tokens: WordMemo[int, bool] = WordMemo()  # orth id -> may start a number
        lex = self.builder.lex
        self._sign_starts = frozenset({*JOINERS, *lex.minus_signs, *lex.plus_signs,
                                       *(symbol[:1] for symbol in lex.currency_symbols)})
        self.scripts = ScriptReader()  # reads Latin-script sentences in Cyrillic
        self.english = self.scripts.transliterator.english  # ... but not English ones
        self.line_gate = _line_gate(self.builder, self.scripts.transliterator)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            doc = kk_sentencizer(doc)
        tokens = Tokens.of_doc(doc)
        sentences = [(sent.start, sent.end) for sent in doc.sents]
        spans = [self._span(doc, found) for found in self._found(doc, doc.text, tokens,
                                                                 sentences)]
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        if self.set_ents:
            self._add_ents(doc, spans)
        return doc

    def facts(self, doc: Doc, text: str, whole: str | None = None, offset: int = 0
              ) -> list[Fact]:
        """The facts of a Doc of ``text`` as records, as ``span_facts`` reads them from the
        spans this component sets after kk_sentencizer, without making the spans and
        without setting the sentence boundaries on the doc: the batch path. ``whole``: the
        text the doc is a piece of, when it is one (its alphabet is the Latin fall-back),
        ``offset`` where the piece starts in it (added to the facts' offsets)."""
        tokens = Tokens.of_doc(doc)
        starts = list(compress(range(len(doc)), sentence_starts(tokens.orths, tokens.spaced,
                                                                  doc.vocab.strings)))
        ends = [*starts[1:], len(doc)] if starts else []
        sentences = list(zip(starts, ends, strict=True))
        return [Fact(f.start + offset, f.end + offset, text[f.start:f.end], f.draft.type,
                     *_fact_fields(f.draft), sentence=f.sentence)
                for f in self._found(doc, text, tokens, sentences, whole)]

    def _found(self, doc: Doc, text: str, tokens: Tokens, sentences: list[tuple[int, int]],
               whole: str | None = None) -> Iterator[Found]:
        """Every fact of the doc, in text order. ``text`` is the doc's text (``Doc.text``
        joins every token on each access), ``sentences`` token ranges."""
        any_latin = has_latin(text)  # one look for the doc: most hold no Latin letter
        for first, after in sentences:
            start = tokens.starts[first]
            end = tokens.end(after - 1)
            sentence = text[start:end]
            latin = any_latin and is_latin(sentence)
            if not latin and not self._tokens_may_hold_facts(tokens, text, first, after):
                continue  # the gates below would find nothing: no word needs building
            if latin and not self._may_read_as_number(sentence):
                continue  # the Latin line gate finds nothing: no word needs transliterating
            if latin and self.english.is_english(sentence):
                continue  # a quoted tweet: "on Monday" is no он "ten"
            words = token_words(tokens, first, after, text)
            if latin:
                view = self.scripts.view(sentence, words, text if whole is None else whole)
                if not self.gate.search(view.text.lower()):
                    continue
                words = view.words()
            else:
                view = None
                if not self._may_hold_facts(words) or not self.gate.search(sentence.lower()):
                    continue
            stripped = ""  # one string for the sentence's facts: pickled once per batch
            for draft in self.builder.build(words):
                stripped = stripped or sentence.strip()
                # facts start and end on words, and words on tokens: the offsets are the span's
                yield Found(words[draft.start].start, words[draft.end - 1].end,
                            view.restore(draft) if view else draft, stripped)

    def _may_read_as_number(self, sentence: str) -> bool:
        """The line gate finds something in the sentence alone (searched so, its start and
        end are no letters: it finds all it finds there inside the line, and maybe more)."""
        lower = sentence.lower()
        return len(lower) != len(sentence) or self.line_gate.search(lower) is not None

    def fact_lines(self, text: str) -> list[tuple[int, int]]:
        """The runs of whole lines of ``text`` that may hold a fact: the rest, lines whose
        sentences the gates would all skip, need not be tokenized."""
        lower = text.lower()
        if len(lower) != len(text):  # a letter lowered into two (İ): keep every line
            return [(0, len(text))]
        runs: list[tuple[int, int]] = []
        at = 0
        while hit := self.line_gate.search(lower, at):
            line = self._line_start(text, at, hit.start())
            cut = LINE_END.search(text, hit.start())
            line_end = cut.end() if cut else len(text)
            if runs and runs[-1][1] == line:
                runs[-1] = (runs[-1][0], line_end)
            else:
                runs.append((line, line_end))
            at = line_end
        return runs

    @staticmethod
    def _line_start(text: str, start: int, at: int) -> int:
        """Where the line holding ``text[at]`` (not a space) starts, ``start`` being where one
        does: after the whitespace run of the last line break before ``at``."""
        newline = text.rfind("\n", start, at)
        return start if newline < 0 else _NOT_SPACE.search(text, newline, at + 1).start()

    def _tokens_may_hold_facts(self, tokens: Tokens, text: str, first: int, after: int
                               ) -> bool:
        """Whether a Cyrillic sentence of tokens ``first`` .. ``after`` may pass the gates
        below: a token passes the token gate, and (unless relative_dates) one may start a
        number. Asked per sentence, not for the whole Doc: a Latin sentence's tokens are
        gated only after transliteration, and reading them here would be wasted."""
        if not any(self._flags(tokens, text, first, after, self._gated_tokens,
                               self._passes_token_gate)):
            return False
        return self.builder.relative_dates or any(self._flags(
            tokens, text, first, after, self._number_tokens, self._may_start_number))

    @staticmethod
    def _flags(tokens: Tokens, text: str, first: int, after: int, known: WordMemo[int, bool],
               test: Callable[[str, bool], bool]) -> list[bool]:
        """``test(text, is_punct)`` for tokens ``first`` .. ``after``, remembered per token
        id."""
        flags = list(map(known.get, tokens.orths[first:after]))
        if None in flags:
            for k, found in enumerate(flags, first):
                if found is None:
                    token = text[tokens.starts[k]:tokens.end(k)]
                    flags[k - first] = known.remember(tokens.orths[k],
                                                      test(token, tokens.punct[k]))
        return flags

    def _passes_token_gate(self, token: str, is_punct: bool) -> bool:
        return bool(self.token_gate.search(token.lower()))

    def _may_start_number(self, token: str, is_punct: bool) -> bool:
        """A word that starts with this token may start a number: ``_may_hold_facts`` finds
        none in a sentence without one. A word glues its tokens, so a sign or joiner that
        a digit may follow (-5, $5, %-ы) counts; a word starting with letters starts a
        number only if its first token, a whole run of letters, does."""
        if token[:1] in self._sign_starts:
            return True
        word = Word(token, 0, len(token), is_punct=is_punct and token not in JOINERS)
        return self.builder.numbers.starts_number(word)

    def _may_hold_facts(self, words: list[Word]) -> bool:
        """Every fact but a date or time without a number (relative_dates) starts at a word
        that may start a number: without one, the rules find nothing."""
        return self.builder.relative_dates or any(self.builder.numbers.opens(words))

    @staticmethod
    def _span(doc: Doc, found: Found) -> Span:
        span = doc.char_span(found.start, found.end, label=found.draft.type,
                             alignment_mode="expand")
        for name in (*FACT_ATTRIBUTES, "rule"):
            setattr(span._, name, getattr(found.draft, name))
        return span

    @staticmethod
    def _add_ents(doc: Doc, spans: list[Span]) -> None:
        """Add facts to ``doc.ents`` where they overlap no entity already there."""
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        new = [s for s in spans if not taken.intersection(range(s.start, s.end))]
        doc.ents = sorted([*doc.ents, *new], key=lambda s: s.start)


@Language.factory("kazakh_numeric_facts",
                  default_config={"set_ents": False, "relative_dates": False})
def make_numeric_facts(nlp: Language, name: str, set_ents: bool, relative_dates: bool
                       ) -> NumericFacts:
    return NumericFacts(nlp, name, set_ents=set_ents, relative_dates=relative_dates)


def facts_pipeline(relative_dates: bool = False) -> Language:
    """The kazextract pipeline (built once per process and setting)."""
    # one cache key per setting: facts_pipeline() and facts_pipeline(False) are one pipeline
    return _build_pipeline(bool(relative_dates))


@cache
def _build_pipeline(relative_dates: bool) -> Language:
    return new_facts_pipeline(relative_dates)


def new_facts_pipeline(relative_dates: bool) -> Language:
    """A fresh ``kk`` pipeline with the sentencizer and the facts component, for a later
    stage to add its own components to (facts_pipeline's is shared: never add to it)."""
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    nlp.add_pipe("kazakh_numeric_facts", config={"relative_dates": relative_dates})
    return nlp


def span_facts(doc: Doc) -> list[Fact]:
    """The facts of a processed Doc as records."""
    facts = []
    for span in doc.spans.get(SPAN_KEY, []):
        attrs = {name: getattr(span._, name) for name in FACT_ATTRIBUTES}
        facts.append(Fact(span.start_char, span.end_char, span.text, span.label_,
                          sentence=span.sent.text.strip(), **attrs))
    return facts


def read_facts(text: str, relative_dates: bool = False) -> list[Fact]:
    """Every numeric fact in a Kazakh text, in text order (with ``relative_dates``, also
    dates and times without a number: биыл, өткен жылы, таңертең).

    >>> [(f.span, f.type, f.value, f.unit) for f in read_facts("35 млрд теңге жұмсалды.")]
    [('35 млрд теңге', 'MONEY', '35000000000', 'KZT')]
    """
    nlp = facts_pipeline(relative_dates)
    component = nlp.get_pipe("kazakh_numeric_facts")
    # the pipeline's steps, the sentencizer's rule included, with the facts read straight
    # into records: the same facts as span_facts(nlp(text)) without a Span per fact. spaCy
    # reads the text with lone surrogates replaced (it cannot encode them), the rules the
    # text itself: both have the same length, so the offsets are the text's.
    tokenized = spacy_safe(text)
    facts = []
    for start, end in text_pieces(tokenized, nlp.max_length):
        piece = text[start:end]
        # lines that cannot hold a fact are never tokenized: a run of lines read alone has
        # the tokens and sentences it has in the whole text (see LINE_END)
        for run_start, run_end in component.fact_lines(piece):
            offset = start + run_start
            doc = nlp.make_doc(tokenized[offset:start + run_end])
            facts.extend(component.facts(doc, piece[run_start:run_end], text, offset))
    return facts


# Where a line ends, for cutting a text: after a whitespace run holding a line break (every
# line break ends a sentence, and whitespace never joins tokens, so the cut changes nothing).
LINE_END = regex.compile(r"[^\S\n]*\n\s*(?=\S)")
_NOT_SPACE = regex.compile(r"\S")
# Where a piece of a long text may end: where a line does, else after a sentence's final
# stop before a capital, else after any whitespace.
_PIECE_ENDS = (LINE_END,
               regex.compile(r"[.!?…][\"»”’)]*[^\S\n]+(?=[\p{Lu}\d«\"“„'(\-–—])"),
               regex.compile(r"\s+(?=\S)"))


def text_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` cut into pieces of at most ``limit`` characters (spaCy's ``max_length``),
    each ending where a sentence does (a text of one endless line is cut anyhow)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = _piece_end(text, start, start + limit)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _piece_end(text: str, start: int, end: int) -> int:
    """The last good cut after ``start`` and at or before ``end`` (``end`` itself if none)."""
    for pattern in _PIECE_ENDS:
        last = None
        for last in pattern.finditer(text, start, end):  # noqa: B007 (only the last is used)
            pass
        if last is not None and start < last.end() < end:
            return last.end()
    return end
