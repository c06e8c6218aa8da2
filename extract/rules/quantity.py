"""QUANTITY: a number with a unit of measure: 8 млн тонна, 5 км, 20 градус, 4/66 мегабит,
5кг; a rate (сағатына 80 шақырым: km/h).

Corpus: tests/corpus/quantity.tsv and tests/corpus/weather.tsv.
"""

from __future__ import annotations

from fractions import Fraction

from ..facts import format_number
from ..numbers.reader import Number
from ..text.words import Word
from .context import Context, glued_word
from .draft import Draft, approximated


def glued_unit(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """5кг, 20-градус: a unit glued to the number."""
    if number.glued and (unit := ctx.measures.match(glued_word(number), 0)):
        return ctx.draft(number, number.end, "QUANTITY", unit.value)
    return None


def unit(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """8 млн тонна, 5 шаршы метр: a unit at ``j``; 1 300 рейтингтік ұпай: a relational
    adjective in -лық/-лік may stand between the number and its unit."""
    found = ctx.measures.match(words, j)
    if not found and _relational_adjective(ctx, words, j):
        found = ctx.measures.match(words, j + 1)
    if not found:
        return None
    draft = approximated(ctx.draft(number, found.end, "QUANTITY", found.value), found)
    if number.slash and len(number.slash.split("/")[1]) == 2:
        # 4/66 мегабит: on the Kazakh and Russian keyboards "/" is typed with the key
        # of ".", so a slash before two digits in a measurement is a slipped decimal point
        draft.value = format_number(Fraction(number.slash.replace("/", ".")))
    add_rate(ctx, words, draft)
    return draft


def _relational_adjective(ctx: Context, words: list[Word], k: int) -> bool:
    """рейтингтік, халықаралық: a word in -лық/-лік (not a number: жүздік, мыңдық)."""
    if k + 1 >= len(words) or words[k].is_punct or ctx.numbers.starts_number(words[k]):
        return False
    return any(words[k].lower.endswith(e) and len(words[k].lower) > len(e) + 2
               for e in ctx.lex.derived_endings)


def add_rate(ctx: Context, words: list[Word], draft: Draft) -> None:
    """сағатына 80 шақырым (km/h, the rate word in the span), тәулігіне 2 млн баррель
    (bbl/d, the rate word outside it), as KazNERD marks them."""
    rate = words[draft.start - 1].lower if draft.start else ""
    if rate in ctx.lex.rates:
        draft.start, draft.unit = draft.start - 1, draft.unit + ctx.lex.rates[rate]
    elif rate in ctx.lex.rates_apart:
        draft.unit += ctx.lex.rates_apart[rate]
