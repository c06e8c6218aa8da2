"""PERCENT: a number with a percent sign or word: 30%-ға, 5 пайыз, 12 процент; percentage
points (2 пайыздық тармақ: unit pp).

Corpus: tests/corpus/percent.tsv.
"""

from __future__ import annotations

from ..numbers.reader import Number
from ..text.words import Word
from .context import Context
from .draft import Draft, approximated


def glued_sign(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """30%, 10%-дан: the percent sign glued to the digits."""
    if not number.glued or number.glued[0] not in ctx.lex.percent_symbols:
        return None
    return ctx.draft(number, number.end, "PERCENT", "%")


def word(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """5 пайыз, 12 процентке, 3 пайыздық тармақ: a percent word or sign at ``j``."""
    if percent := ctx.percents.match(words, j):
        return approximated(ctx.draft(number, percent.end, "PERCENT", percent.value), percent)
    return None
