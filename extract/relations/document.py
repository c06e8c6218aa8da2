"""A document's facts with their relations: the public entry points (``find_facts``,
``find_changes``, ``load_pipeline``) run the facts stage, then this one."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..assembly.pipeline import new_facts_pipeline, read_facts, span_facts
from ..facts import Change, Fact
from ..kazakh.latin import Transliterator
from ..kazakh.lexicon import Lexicon, load_lexicon
from .changes import ChangeFinder
from .periods import PeriodFinder
from .sentences import SentenceReader


class Related(NamedTuple):
    facts: list[Fact]  # with their periods
    changes: list[Change]


class Relations:
    """Periods and changes for the facts of one document at a time."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.reader = SentenceReader(Transliterator(self.lex))
        self.periods = PeriodFinder(self.lex, self.reader)
        self.changes = ChangeFinder(self.lex, self.reader)

    def relate(self, text: str, facts: list[Fact]) -> Related:
        if not facts:
            return Related(facts, [])
        sentences = self.reader.sentences(text, facts)
        facts = self.periods.assign(text, facts, sentences)
        return Related(facts, self.changes.find(text, facts, sentences))


@cache
def relations() -> Relations:
    """The process's Relations (built on first use)."""
    return Relations()


def find_related(text: str, relative_dates: bool = False) -> Related:
    """The facts of ``text`` with their periods, and its changes."""
    return relations().relate(text, read_facts(text, relative_dates))


def find_facts(text: str, relative_dates: bool = False) -> list[Fact]:
    """Every numeric fact in a Kazakh text, in text order, each with its ``period`` (with
    ``relative_dates``, also dates and times without a number: биыл, өткен жылы, таңертең).

    >>> [(f.span, f.type, f.value, f.unit) for f in find_facts("35 млрд теңге жұмсалды.")]
    [('35 млрд теңге', 'MONEY', '35000000000', 'KZT')]
    """
    return find_related(text, relative_dates).facts


def find_changes(text: str, relative_dates: bool = False) -> list[Change]:
    """Every change in a Kazakh text, in text order."""
    return find_related(text, relative_dates).changes


def load_pipeline(relative_dates: bool = False) -> Language:
    """The kazextract pipeline: the sentencizer, ``kazakh_numeric_facts`` and
    ``kazakh_numeric_relations`` (built once per process and setting)."""
    return _build_pipeline(bool(relative_dates))


@cache
def _build_pipeline(relative_dates: bool) -> Language:
    from . import component  # noqa: F401  (registers the factory when not installed)

    nlp = new_facts_pipeline(relative_dates)
    nlp.add_pipe("kazakh_numeric_relations")
    return nlp


def doc_facts(doc: Doc) -> list[Fact]:
    """The facts of a processed Doc as records, with the periods the relations component
    set."""
    return [replace(fact, period=span._.period) if span._.period else fact
            for fact, span in zip(span_facts(doc), doc.spans.get("facts", []), strict=True)]


def doc_changes(doc: Doc) -> list[Change]:
    """The changes of a processed Doc as records."""
    from .component import span_change

    return [span_change(span) for span in doc.spans.get("changes", [])]
