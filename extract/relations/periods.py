"""The period of a fact: the date of its clause (``2019 жылы … 67 орында`` -> 2019)."""

from __future__ import annotations

from ..facts import Fact
from ..kazakh.lexicon import Lexicon
from .sentences import Sentence, SentenceReader


class PeriodFinder:
    """Gives each fact the value of the numbered DATE that anchors its clause."""

    def __init__(self, lex: Lexicon, reader: SentenceReader) -> None:
        self.lex = lex
        self.reader = reader

    def assign(self, text: str, facts: list[Fact], sentences: list[Sentence]) -> list[Fact]:
        """``facts`` with ``period`` set (a new list; the facts are frozen)."""
        return facts  # TODO(periods): the clause rule
