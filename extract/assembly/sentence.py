"""One sentence's words to its facts: names masked, each number through the rules in order
(rules/order.py), its modifiers, subject and total, and facts side by side merged."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kazakh.lexicon import Lexicon
from ..numbers.reader import Number
from ..rules import order
from ..rules.context import Context
from ..rules.draft import Draft
from ..rules.money import code_before, per_unit_prices
from ..rules.temporal import is_clock_time, is_real_date
from ..rules.time import clock_before_number
from ..text.words import Word
from . import merges, modifiers, names, subject, totals


@dataclass
class Decision:
    """A number the loop read and the rule that decided on it ('' when none did)."""

    number: Number
    rule: str
    made_fact: bool


@dataclass
class SentenceTrace:
    """What ``FactBuilder.build`` did with one sentence: for ``kazextract explain``."""

    words: list[Word]
    decisions: list[Decision] = field(default_factory=list)
    facts: list[Draft] = field(default_factory=list)


class FactBuilder:
    """Finds the facts of one sentence's words. With ``trace`` a list, each ``build``
    appends its SentenceTrace to it."""

    def __init__(self, lex: Lexicon | None = None, relative_dates: bool = False) -> None:
        """``relative_dates``: also dates and times without a number (биыл, таңертең)."""
        self.ctx = Context(lex)
        self.lex = self.ctx.lex
        self.numbers = self.ctx.numbers
        self.temporal = self.ctx.temporal
        self.relative_dates = relative_dates
        self.trace: list[SentenceTrace] | None = None

    def build(self, words: list[Word]) -> list[Draft]:
        ctx = self.ctx
        trace = None
        if self.trace is not None:
            trace = SentenceTrace(words)
            self.trace.append(trace)
        titles = names.mark_names(ctx, words)
        opens = self.numbers.opens(words)  # which words may start a number
        self.numbers.mark_identifiers(words, opens)  # phone numbers, codes, Nikkei 225
        self.numbers.begin_sentence(words)
        drafts: list[Draft] = []
        noted: totals.Totals = []
        pronouns = self._pronouns(words)
        i = 0
        while i < len(words):
            if opens[i] and (word_fact := self._word_fact(words, i)):
                merges.add(ctx, words, drafts, word_fact)
                i = word_fact.end
                continue
            number = self.numbers.read(words, i) if opens[i] and i not in pronouns else None
            if number is None:
                temporal = (self.temporal.match(words, i) if not words[i].is_punct and (
                    self.relative_dates or self._month_before_day(words, i, opens)) else None)
                if temporal and not clock_before_number(ctx, words, temporal.start,
                                                        temporal.end):
                    merges.add(ctx, words, drafts, Draft(
                        temporal.start, temporal.end, temporal.type, temporal.value,
                        numberless=not self.relative_dates, rule=temporal.rule))
                    i = max(temporal.end, i + 1)  # every step moves on: no rule can loop
                else:
                    i += 1
                continue
            rule, draft = self._fact(words, number)
            if trace is not None:
                trace.decisions.append(Decision(number, rule, draft is not None))
            if draft is None:
                i = max(number.end, i + 1)
                continue
            if draft.type == "RANK":
                draft.total = totals.total_for(ctx, words, draft.start, noted)
            elif draft.type == "CARDINAL":
                totals.note_total(ctx, words, draft, noted)
            merges.add(ctx, words, drafts, draft)
            i = max(draft.end, i + 1)
        subject.add_possessors(drafts)
        per_unit_prices(ctx, words, drafts)
        modifiers.unbound_termini(ctx, words, drafts)
        facts = [d for d in drafts if not names.in_title(ctx, d, titles) and not d.numberless
                 and _real_value(d)]
        if trace is not None:
            trace.facts = facts
        return facts

    def _fact(self, words: list[Word], number: Number) -> tuple[str, Draft | None]:
        """The fact of one number: the rule that decides, then what the words around it add."""
        rule, draft = order.decide(self.ctx, words, number)
        if draft is None:
            return rule, None
        code_before(self.ctx, words, number, draft)
        modifiers.add_modifiers(self.ctx, words, draft)
        modifiers.number_qualifier(draft, number)
        subject.add_subject(self.ctx, words, draft, number)
        modifiers.qualifier_after_noun(self.ctx, words, draft)
        return draft.rule, draft

    def _word_fact(self, words: list[Word], i: int) -> Draft | None:
        """A fact read from the words before the number reader (+5+12°С), with its
        modifiers; a range up to its end (+15+20°С-қа дейін) needs no "le"."""
        draft = order.decide_at_word(self.ctx, words, i)
        if draft is not None:
            modifiers.add_modifiers(self.ctx, words, draft)
            if draft.value_max and draft.qualifier == "le":
                draft.qualifier = ""
        return draft

    def _month_before_day(self, words: list[Word], i: int, opens: list[bool]) -> bool:
        """наурыздың 5-і: a month in the genitive before a number, whose day it is; read as a
        date even without relative dates, so that the day joins it (merges: day of month).
        ``opens``: which words may start a number."""
        if i + 1 >= len(words) or not opens[i + 1]:
            return False
        month = self.ctx.months.match(words, i)
        return bool(month) and self.lex.case_of.get(month.suffixes.get("case")) == "genitive"

    def _pronouns(self, words: list[Word]) -> set[int]:
        """The words that are pronouns made of бір: біріміз "one of us", and бірі …, енді
        бірі … "one …, the other …" when two of them share the sentence."""
        lex = self.lex
        found = {k for k, w in enumerate(words) if w.lower in lex.pronoun_forms}
        pair = [k for k, w in enumerate(words) if w.lower in lex.distributive]
        return found | set(pair) if len(pair) > 1 else found


def _real_value(draft: Draft) -> bool:
    """A date the calendar has and a time the clock has (31 сәуір, 31.02.2019, 24:56 and the
    256th century are none): other rules build them from parts they check one by one."""
    check = {"DATE": is_real_date, "TIME": is_clock_time}.get(draft.type)
    return check is None or all(check(value) for value in (draft.value, draft.value_max)
                                if value)
