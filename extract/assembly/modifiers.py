"""Qualifiers and the span they join: шамамен, ең кемі, минус before a number; астам, жуық,
дейін, аяз after it; бері, кейін, бұрын after a date or time.

Corpus: tests/corpus/qualifiers.tsv.
"""

from __future__ import annotations

from ..kazakh.lexicon import Modifier
from ..kazakh.morphology import parse_suffixes
from ..numbers.reader import Number
from ..rules.context import Context
from ..rules.draft import Draft, below_zero
from ..text.words import Word


def add_modifiers(ctx: Context, words: list[Word], draft: Draft) -> None:
    """The modifiers before and after the fact: its qualifier, sign and span."""
    for _ in range(2):  # плюс 25-тен ..., ең кемі минус 5: up to two before the number
        before = ctx.lists.of(words).ending("before", draft.start)
        if not before or not _applies(before.value, draft):
            break
        draft.start = before.start
        draft.qualifier = before.value.qualifier or draft.qualifier
        if before.value.sign < 0:
            below_zero(draft)
    for n in range(2):  # екі еседен астам, есе жоғары: up to two after it
        after = ctx.after.match(words, draft.end)
        if (not after or not _applies(after.value, draft)
                or (n == 0 and not _governed(ctx, words, after.value, draft))):
            break
        draft.qualifier = after.value.qualifier or draft.qualifier
        if not after.value.in_span:
            break  # 8 млн тоннадан асты "exceeded": a verb, outside the span
        draft.end = after.end
        if after.value.sign < 0:
            below_zero(draft)  # –5 градус суық is -5, not 5
    relative = ctx.lists.of(words).starting("relatives", draft.end)
    if draft.type in ("DATE", "TIME") and relative:
        draft.end = relative.end  # таңғы 7-ден бері, сағат тоғыздан кейін


def number_qualifier(draft: Draft, number: Number) -> None:
    """"About" and "or more" that the number says itself (жүздеген, 10 000+), when no
    modifier said them."""
    if number.approximate and not draft.qualifier:
        draft.qualifier = "approx"
    if number.or_more and not draft.qualifier:
        draft.qualifier = "ge"


def _governed(ctx: Context, words: list[Word], modifier: Modifier, draft: Draft) -> bool:
    """Whether the fact ends in the case a postposition needs (мыңнан аса, not бес аса)."""
    if not modifier.cases:
        return True
    last = words[draft.end - 1].lower
    if "-" in last:  # 10%-дан, 100-ден
        suffixes = parse_suffixes(last.rsplit("-", 1)[1], "*", "", True)
        case = ctx.lex.case_of.get(suffixes.get("case"), "") if suffixes else ""
    else:
        case = ctx.case_of_word(words[draft.end - 1])
    return draft.case in modifier.cases or case in modifier.cases


def _applies(modifier: Modifier, draft: Draft) -> bool:
    return not modifier.types or draft.type in modifier.types
