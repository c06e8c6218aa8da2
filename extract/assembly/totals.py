"""The total of a rank: "193 мемлекеттің ішінде 29-орынға" gives the 29th place the field
size 193 (a count, its noun and a postposition such as ішінде, in the same clause).

Corpus: tests/corpus/rank.tsv.
"""

from __future__ import annotations

from fractions import Fraction

from ..facts import format_number
from ..rules.context import Context
from ..rules.draft import Draft
from ..text.words import Word

Totals = list[tuple[int, Fraction]]  # (index after "ішінде", field size)


def note_total(ctx: Context, words: list[Word], draft: Draft, totals: Totals) -> None:
    """193 мемлекеттің ішінде: a count that may be the field of a following rank."""
    k = draft.end
    if (draft.low is not None and k + 1 < len(words) and draft.subject
            and ctx.lists.of(words).starting("total_postpositions", k + 1)):
        totals.append((k + 2, draft.low))


def total_for(ctx: Context, words: list[Word], start: int, totals: Totals) -> str:
    """The field size of the rank starting at ``start``: the last count noted before it."""
    breaks = ctx.grammar.clause_breaks
    for after, size in reversed(totals):
        if after <= start and not any(w.text in breaks for w in words[after:start]):
            return format_number(size)
    return ""
