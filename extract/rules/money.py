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
from .draft import NO_FACT, Draft, NoFact, approximated, divide

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


# how far a later amount may stand from a per-unit price and still share its unit (97 доллардан
# асып, 100,49 долларға; 7 млн сумнан аспады (294 мың теңге)); a price noun between reaches further
SHARED_PRICE_GAP = 3
# how far before an amount the price noun of "UNIT-GEN бағасы" may stand (унциясының құны
# алғаш рет 5000 доллардан)
PRICE_NOUN_WINDOW = 4
ONE = 1


def per_unit_prices(ctx: Context, words: list[Word], drafts: list[Draft]) -> None:
    """The unit of sale stated apart from an amount (currencies.toml [price]): тоннасына 7 млн
    сум, бір унциясының бағасы 100 доллар, бір тоннасы 9,5 млн сум, бір литр үшін 470 теңге;
    and the sentence's later amounts that follow closely or after another price noun."""
    base, last_end = "", -1
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.type != "MONEY":
            continue
        if "/" in draft.unit:
            base, last_end = draft.unit.partition("/")[2], draft.end
            continue
        unit, start = _unit_of_sale(ctx, words, draft.start)
        if not unit and base and _shares_price(ctx, words, last_end, draft.start):
            unit, start = base, draft.start
        if unit:
            draft.unit, draft.start = f"{draft.unit}/{unit}", start
            base, last_end = unit, draft.end


def price_base(ctx: Context, words: list[Word], number: Number) -> NoFact | None:
    """бір тоннасы 9,5 млн сум, бір унциясының бағасы, бір литр үшін: бір + a unit as the base
    of a price is no fact."""
    if not (number.words_only and number.value == ONE and number.end < len(words)):
        return None
    unit = ctx.measures.match(words, number.end)
    if unit is None:
        return None
    k = unit.end
    if (after := _postposition_at(ctx, words, k)) is not None:
        k = after
    elif ctx.lex.case_of.get(unit.suffixes.get("case"), "") == "genitive":
        return NO_FACT if ctx.word_of(words, k, ctx.lex.price_nouns) else None
    if not unit.suffixes.get("case") and _price_noun_after(ctx, words, k):
        return NO_FACT  # бір келі сиыр етінің орташа бағасы
    return NO_FACT if _money_at(ctx, words, k) else None


def _price_noun_after(ctx: Context, words: list[Word], k: int) -> bool:
    """A price noun within a few words after ``k``, in the same clause."""
    for j in range(k, min(k + PRICE_NOUN_WINDOW, len(words))):
        if words[j].is_punct:
            return False
        if ctx.word_of(words, j, ctx.lex.price_nouns):
            return True
    return False


def _unit_of_sale(ctx: Context, words: list[Word], start: int) -> tuple[str, int]:
    """The unit an amount at ``start`` is the price of, and the amount's new start."""
    lex = ctx.lex
    before = _unit_ending_at(ctx, words, start)
    if before and (before.suffixes.get("possessive")
                   and lex.case_of.get(before.suffixes.get("case"), "") == "dative"):
        return before.value, start  # тоннасына 7 млн сум (KazNERD: барреліне outside)
    for noun in (0, 1):  # бір литр (бензин) үшін 470 теңге
        k = start - 1 - noun
        if k > 0 and words[start - 1].lower in lex.price_postpositions:
            unit = _unit_ending_at(ctx, words, k)
            if unit and _one_before(ctx, words, unit.start):
                return unit.value, start
    if before and not before.suffixes.get("case") and (
            _one_before(ctx, words, before.start) or _possessed_unit(ctx, words, before)):
        return before.value, start  # бір тоннасы 9,5 млн сум, қызанақтың келісі 1 200 ₸
    for k in range(start - 1, max(start - 1 - PRICE_NOUN_WINDOW, 0), -1):
        if ctx.word_of(words, k, lex.price_nouns):
            unit = _unit_ending_at(ctx, words, k)
            if unit and lex.case_of.get(unit.suffixes.get("case"), "") == "genitive":
                return unit.value, start  # унциясының бағасы 100 доллар
            unit = _one_unit_before(ctx, words, k)
            if unit:
                return unit.value, start  # бір келі сиыр етінің орташа бағасы 3 850 теңге
            break
    return "", start


def _possessed_unit(ctx: Context, words: list[Word], unit: PhraseMatch) -> bool:
    """Қызанақтың келісі, бензиннің литрі: a unit in the possessive right before an amount
    is the unit the amount is the price of, unless a count of it stands before it (2
    тоннасы 5 млн теңгеге сатылды: a total price)."""
    if not unit.suffixes.get("possessive"):
        return False
    k = unit.start
    counted = k and ctx.numbers.starts_number(words[k - 1])
    return not counted or _one_before(ctx, words, k)


def _one_unit_before(ctx: Context, words: list[Word], k: int) -> PhraseMatch | None:
    """бір UNIT before the goods and the price noun at ``k`` (бір келі сиыр етінің бағасы),
    in the same clause: the unit of sale."""
    for end in range(k, max(k - PRICE_NOUN_WINDOW, 1) - 1, -1):
        if words[end - 1].is_punct:
            return None
        unit = _unit_ending_at(ctx, words, end)
        if unit and not unit.suffixes.get("case") and _one_before(ctx, words, unit.start):
            return unit
    return None


def _unit_ending_at(ctx: Context, words: list[Word], end: int) -> PhraseMatch | None:
    """The longest unit phrase whose last word is just before ``end`` (троя унциясына)."""
    for i in range(max(end - 2, 0), end):
        found = ctx.measures.match(words, i) if not words[i].is_punct else None
        if found and found.end == end:
            return found
    return None


def _postposition_at(ctx: Context, words: list[Word], k: int) -> int | None:
    """The word after үшін at ``k`` or, past one noun, at ``k + 1`` (бір литр бензин үшін)."""
    for at in (k, k + 1):
        if at < len(words) and words[at].lower in ctx.lex.price_postpositions:
            return at + 1
    return None


def _one_before(ctx: Context, words: list[Word], k: int) -> bool:
    number = ctx.numbers.read(words, k - 1) if k else None
    return number is not None and number.end == k and number.words_only and number.value == ONE


def _money_at(ctx: Context, words: list[Word], k: int) -> bool:
    """An amount with its currency word starts at ``k``."""
    number = ctx.numbers.read(words, k) if k < len(words) else None
    return number is not None and (bool(number.sign) or (
        number.end < len(words) and ctx.currencies.match(words, number.end) is not None))


def _shares_price(ctx: Context, words: list[Word], end: int, start: int) -> bool:
    """An amount at ``start`` after a per-unit price ending at ``end`` shares its unit."""
    if any(ctx.word_of(words, k, ctx.lex.price_nouns) for k in range(end, start)):
        return True
    return start - end <= SHARED_PRICE_GAP and not any(
        words[k].lower in ctx.lex.price_contrasts for k in range(end, start))
