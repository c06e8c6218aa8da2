"""MONEY: a number with a currency: 35 млрд теңге, $5, 5₸, USD 5 млн, 17 теңге 29 тиын, 5 тиын
(0.05 KZT), a price per unit (1 200 ₸/кг, 470 теңгеден литріне: KZT/l).

Corpus: tests/corpus/money.tsv.
"""

from __future__ import annotations

from ..facts import format_number, quotient
from ..numbers.reader import Number
from ..text.phrases import PhraseMatch
from ..text.words import Word
from .context import Context
from .draft import Draft, approximated, divide

CODE_BEFORE = "money.code_before"  # a rule run on a count after the order's tables


def sign(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """$5: a currency sign the number has read itself."""
    if not number.sign:
        return None
    return ctx.draft(number, number.end, "MONEY", ctx.lex.currency_symbols[number.sign])


def glued_sign(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """5₸, 1200₸/кг: a currency symbol glued after the digits."""
    glued = number.glued
    if not glued or glued[0] not in ctx.lex.currency_symbols:
        return None
    return ctx.draft(number, number.end, "MONEY", per_unit(ctx, glued)
                     or ctx.lex.currency_symbols[glued[0]])


def currency(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """35 млрд теңге, 17 теңге 29 тиын, 470 теңгеден литріне: a currency word at ``j``."""
    found = ctx.currencies.match(words, j)
    if not found:
        return None
    draft = approximated(ctx.draft(number, found.end, "MONEY", found.value), found)
    cents = ctx.numbers.read(words, found.end) if found.end < len(words) else None
    if cents and not found.suffixes and cents.value_max is None:
        minor = ctx.minor_units.match(words, cents.end)
        if minor and minor.value[0] == found.value:  # 17 теңге 29 тиын
            draft.value = format_number(number.value + quotient(cents.value, minor.value[1]))
            draft.end = minor.end
    if per := _per_unit_after(ctx, words, found):
        draft.unit, draft.end = f"{found.value}/{per.value}", per.end
    return draft


def price_per_unit(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """1 200 ₸/кг, 500 теңге/литр: a price per unit written as one word at ``j``."""
    if j < len(words) and (price := per_unit(ctx, words[j].lower)):
        return ctx.draft(number, j + 1, "MONEY", price)
    return None


def minor_unit(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """5 тиын = 0.05 KZT: a minor unit, the value in the currency it is a part of."""
    if minor := ctx.minor_units.match(words, j):
        code, per = minor.value
        draft = ctx.draft(number, minor.end, "MONEY", code)
        divide(draft, number, per)
        return draft
    return None


def code_before(ctx: Context, words: list[Word], number: Number, draft: Draft) -> bool:
    """USD 5 млн, $ 5 млн: a currency code or symbol written apart before a bare number
    makes its count money (glued, $5, the number reads it itself). Whether it did."""
    if draft.type != "CARDINAL" or draft.end != number.end:
        return False
    before = words[number.start - 1] if number.start else None
    code = ctx.lex.currency_symbols.get(before.text) if before else None
    if code is None or number.sign:
        return False
    draft.type, draft.unit, draft.start = "MONEY", code, number.start - 1
    draft.rule, draft.parts = CODE_BEFORE, (draft.rule,)
    return True


def per_unit(ctx: Context, text: str) -> str:
    """₸/кг, теңге/литр: a currency, a slash and a unit are a price per unit (KZT/kg)."""
    money, slash, per = text.partition("/")
    if not slash or not money or not per:
        return ""
    found = ctx.currencies.match([Word(money, 0, 0)], 0)
    unit = ctx.measures.match([Word(per, 0, 0)], 0) if found else None
    return f"{found.value}/{unit.value}" if unit else ""


def _per_unit_after(ctx: Context, words: list[Word], found: PhraseMatch[str]
                    ) -> PhraseMatch | None:
    """470 теңгеден литріне "470 tenge to its litre": the currency in the ablative, then a
    unit with the possessive and the dative."""
    if ctx.lex.case_of.get(found.suffixes.get("case")) != "ablative":
        return None
    unit = ctx.measures.match(words, found.end)
    if (unit is None or not unit.suffixes.get("possessive")
            or ctx.lex.case_of.get(unit.suffixes.get("case")) != "dative"):
        return None
    return unit
