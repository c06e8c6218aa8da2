"""Qualifiers and the span they join: шамамен, ең кемі, минус before a number; астам, жуық,
дейін, аяз after it; бері, кейін, бұрын after a date or time.

Corpus: tests/corpus/qualifiers.tsv.
"""

from __future__ import annotations

from ..kazakh.lexicon import Modifier
from ..kazakh.morphology import parse_suffixes
from ..numbers.reader import Number
from ..rules.context import Context
from ..rules.draft import Draft, about_zero, below_zero
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
        if before.value.symmetric:
            about_zero(draft)
    for n in range(2):  # екі еседен астам, есе жоғары: up to two after it
        after = ctx.after.match(words, draft.end)
        if (not after or not _applies(after.value, draft)
                or (n == 0 and not _governed(ctx, words, after.value, draft))):
            break
        if not (after.value.in_span and after.value.qualifier == "le" and draft.value_max
                or after.value.bound_cases and not _in_cases(ctx, words, draft,
                                                             after.value.bound_cases)):
            # 15-20 м/с-қа дейін: a range up to its end bounds nothing more (as +15+20°С);
            # 4,78 пайызға артық: the difference, no bound
            draft.qualifier = after.value.qualifier or draft.qualifier
        if not after.value.in_span:
            break  # 8 млн тоннадан асты "exceeded": a verb, outside the span
        draft.end = after.end
        if after.value.sign < 0:
            below_zero(draft)  # –5 градус суық is -5, not 5
    _after_conversion(ctx, words, draft)
    relative = ctx.lists.of(words).starting("relatives", draft.end)
    if draft.type in ("DATE", "TIME") and relative:
        draft.end = relative.end  # таңғы 7-ден бері, сағат тоғыздан кейін


def qualifier_after_noun(ctx: Context, words: list[Word], draft: Draft) -> None:
    """20 миллион адамнан асты, 40 мың адамға дейін: a verb of exceeding or a postposition
    after the counted noun qualifies the count, when the noun has the case it governs; the
    noun stays its subject and outside the span. дейін after a from-start ends a pair."""
    k = draft.end
    if draft.type != "CARDINAL" or not draft.subject or draft.qualifier or k + 1 >= len(words):
        return
    j = k + 1
    if words[j].lower in ctx.grammar.emphatic_particles and j + 1 < len(words):
        j += 1  # 570 адамнан да асуы мүмкін
    after = ctx.after.match(words, j)
    if after is None or not after.value.qualifier or not _applies(after.value, draft):
        return
    case = ctx.case_of_word(words[k])
    if (case not in ctx.grammar.qualified_noun_cases
            or after.value.cases and case not in after.value.cases
            or after.value.bound_cases and case not in after.value.bound_cases):
        return
    if after.value.not_after_ablative and _from_start(ctx, words, draft.start):
        return
    draft.qualifier = after.value.qualifier


def unbound_termini(ctx: Context, words: list[Word], drafts: list[Draft]) -> None:
    """2020 жылдан 2022 жылға дейін, 75 еуродан 100 еуроға дейін: дейін after an ablative
    start that did not merge into one range ends a from-to pair and bounds nothing. (It
    keeps its "le" until the merges, which join a range by it.)"""
    for draft in drafts:
        if draft.qualifier and draft.end <= len(words) and _terminus(ctx, words, draft):
            draft.qualifier = ""


def _terminus(ctx: Context, words: list[Word], draft: Draft) -> bool:
    last = ctx.after.match(words, draft.end - 1)
    return (last is not None and last.end == draft.end and last.value.not_after_ablative
            and last.value.qualifier == draft.qualifier and _from_start(ctx, words, draft.start))


# words that may stand between a from-to pair and its verb of change (дейін артады, тағы да,
# адамға дейін азайды)
CHANGE_VERB_WINDOW = 3


def change_verb_after(ctx: Context, words: list[Word], k: int) -> bool:
    """81-ден 84-ке дейін артады: a verb of change right after a from-to pair (an adverb may
    stand between) makes the pair a change of two facts, not one range."""
    return any(words[j].lower in ctx.lex.change_verbs
               for j in range(k, min(k + CHANGE_VERB_WINDOW, len(words))))


def number_qualifier(draft: Draft, number: Number) -> None:
    """"About" and "or more" that the number says itself (жүздеген, 10 000+), when no
    modifier said them."""
    if number.approximate and not draft.qualifier:
        draft.qualifier = "approx"
    if number.or_more and not draft.qualifier:
        draft.qualifier = "ge"


def _governed(ctx: Context, words: list[Word], modifier: Modifier, draft: Draft) -> bool:
    """Whether the fact ends in the case a postposition needs (мыңнан аса, not бес аса)."""
    return not modifier.cases or _in_cases(ctx, words, draft, modifier.cases)


def _in_cases(ctx: Context, words: list[Word], draft: Draft, cases: frozenset[str]) -> bool:
    """Whether the fact ends in one of ``cases`` (its number's or its last word's)."""
    last = words[draft.end - 1].lower
    if "-" in last:  # 10%-дан, 100-ден
        case = _hyphen_case(ctx, last)
    else:
        case = ctx.case_of_word(words[draft.end - 1]) or _measure_case(ctx, words, draft.end - 1)
    return draft.case in cases or case in cases


def _measure_case(ctx: Context, words: list[Word], k: int) -> str:
    """The case of a measure word the noun reader does not know (сумнан, юаньнан)."""
    for table in (ctx.currencies, ctx.measures, ctx.durations, ctx.percents):
        found = table.match(words, k)
        if found and found.end == k + 1:
            return ctx.lex.case_of.get(found.suffixes.get("case"), "")
    return ""


# how far back the ablative start of a from-to pair may stand (2002 жылдың сәуірінен 2004 ...)
FROM_WINDOW = 3
# the longest parenthesised conversion an "about" after it reaches across: (337 мың теңге)
CONVERSION_WORDS = 6


def _from_start(ctx: Context, words: list[Word], start: int) -> bool:
    """A word in the ablative with a number at or before it, just before ``start``: the
    from-end of "A-дан B-ға дейін", after which дейін bounds nothing."""
    for k in range(start - 1, max(start - 1 - FROM_WINDOW, -1), -1):
        if words[k].is_punct:
            return False
        if ctx.case_of_word(words[k]) == "ablative" or "-" in words[k].lower and (
                _hyphen_case(ctx, words[k].lower) == "ablative"):
            return any(ctx.numbers.starts_number(words[j])
                       for j in range(max(k - FROM_WINDOW, 0), k + 1))
    return False


def _hyphen_case(ctx: Context, lower: str) -> str:
    suffixes = parse_suffixes(lower.rsplit("-", 1)[1], "*", "", True)
    return ctx.lex.case_of.get(suffixes.get("case"), "") if suffixes else ""


def _after_conversion(ctx: Context, words: list[Word], draft: Draft) -> None:
    """8 млн сум (337 мың теңге) шамасында: a qualifier after a parenthesised conversion
    qualifies the amount before it and the conversion (the span stays)."""
    if draft.qualifier or draft.end >= len(words):
        return
    close = draft.end
    if words[close].text == "(":
        close = next((k for k in range(close + 1, min(close + CONVERSION_WORDS, len(words)))
                      if words[k].text == ")"), len(words))
    if close >= len(words) or words[close].text != ")":
        return
    if close == draft.end and not _amount_before_parenthesis(ctx, words, draft.start):
        return  # Фрицке (3 840 ұпай) жақын тұр: "near" qualifies the man, not his points
    after = ctx.after.match(words, close + 1)
    if after and after.value.qualifier and _applies(after.value, draft) and not after.value.cases:
        draft.qualifier = after.value.qualifier


def _amount_before_parenthesis(ctx: Context, words: list[Word], start: int) -> bool:
    """8 млн сум (337 мың теңге): the parenthesis opening at ``start - 1`` converts an amount
    written just before it."""
    if start < 1 or words[start - 1].text != "(":
        return False
    return any(ctx.numbers.starts_number(words[k])
               for k in range(max(start - 1 - FROM_WINDOW, 0), start - 1))


def _applies(modifier: Modifier, draft: Draft) -> bool:
    return not modifier.types or draft.type in modifier.types
