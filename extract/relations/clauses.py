"""A sentence's words split into clauses: a finite predicate with its converb chain and its
participle phrases. A clause ends at a mark of punctuation (comma, dash, semicolon) before a
new clause, that is after a finite or conditional form (``… өндірілді, бұл …``, ``2017-2019
жылдарды қамтыса, екіншісі …``) or before a word that opens one (``Ал``, ``бұл``); a
conjunction (``ал``, ``бірақ``) opens one wherever it stands. A parenthesis is a clause inside
its host. The reported content of a verb of saying (``… жабылатынын хабарлаған``) is marked on
its clause. The words are those of ``SentenceReader.words``."""

from __future__ import annotations

from dataclasses import dataclass

from ..kazakh.lexicon import ClauseWords
from .sentences import Word


@dataclass
class Clause:
    host: int | None = None  # the clause a parenthesis stands in
    content_end: int | None = None  # word index of a reported content's verbal noun

    def has_host(self, clauses: list[Clause], other: int) -> bool:
        """Whether ``other`` is this clause's host, or its host's host."""
        host = self.host
        while host is not None:
            if host == other:
                return True
            host = clauses[host].host
        return False


@dataclass
class Clauses:
    """The clauses of a sentence: ``of[i]`` is the clause of word ``i``."""

    of: list[int]
    clauses: list[Clause]

    def sees(self, word: int, other: int) -> bool:
        """Whether a date at word ``other`` stands in the clause of ``word`` or in its host
        (a parenthesis reads its host's dates; its own dates stay inside)."""
        mine, theirs = self.of[word], self.of[other]
        return mine == theirs or self.clauses[mine].has_host(self.clauses, theirs)


class ClauseSplitter:
    """Splits a sentence's words into clauses with the words of ``patterns/clauses.toml``."""

    def __init__(self, grammar: ClauseWords) -> None:
        self.grammar = grammar
        self.marks = grammar.break_marks | grammar.always_breaks

    def split(self, words: list[Word], in_facts: set[int]) -> Clauses:
        """The clauses of ``words``; ``in_facts`` are the indices of words inside a fact
        (a number's case ending is not a finite verb)."""
        clauses, of, open_at = [Clause()], [], [0]  # open_at: the clause stack
        for i, word in enumerate(words):
            if word.text == "(":
                clauses.append(Clause(host=open_at[-1]))
                open_at.append(len(clauses) - 1)
            elif self._starts_clause(words, i, in_facts):
                clauses.append(Clause(host=clauses[open_at[-1]].host))
                open_at[-1] = len(clauses) - 1
            of.append(open_at[-1])
            if word.text == ")" and len(open_at) > 1:
                open_at.pop()
        for i in self._content_ends(words):
            clauses[of[i]].content_end = i
        return Clauses(of, clauses)

    def _starts_clause(self, words: list[Word], i: int, in_facts: set[int]) -> bool:
        word, w = words[i], self.grammar
        if word.form in w.conjunctions:
            return i > 0
        if i == 0 or words[i - 1].text not in self.marks:
            return False
        if words[i - 1].text in w.always_breaks or word.form in w.after_mark_starters:
            return True
        before = i - 2
        return (before >= 0 and before not in in_facts and not words[before].is_punct
                and words[before].form.endswith(w.finite_endings))

    def _content_ends(self, words: list[Word]) -> list[int]:
        """The verbal nouns in the accusative that a verb of saying follows."""
        w = self.grammar
        return [i for i in range(len(words) - 1)
                if words[i].form.endswith(w.content_endings)
                and words[i + 1].form.startswith(w.saying_verbs)]
