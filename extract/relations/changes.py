"""Changes: a measured quantity that moved (``31 күннен 10 күнге қысқарды``)."""

from __future__ import annotations

from ..facts import Change, Fact
from ..kazakh.lexicon import Lexicon
from .sentences import Sentence, SentenceReader


class ChangeFinder:
    """Finds the change records of a document's facts."""

    def __init__(self, lex: Lexicon, reader: SentenceReader) -> None:
        self.lex = lex
        self.reader = reader

    def find(self, text: str, facts: list[Fact], sentences: list[Sentence]) -> list[Change]:
        """The changes, in text order."""
        return []  # TODO(changes): the change grammar
