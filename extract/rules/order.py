"""The order in which the rules are tried on a number: the first that decides wins.

A rule is ``rule(ctx, words, number)`` and returns its fact, ``NO_FACT`` (the number makes
none: stop) or None (not this rule: try the next). ``GLUED`` reads what is written inside
the number's own word (18:00, 30%-ға, $5, 29-орынға), ``FOLLOWING`` the words after it;
``MEASURES`` is the measure word right after a number (or after жуық / астам between them),
tried by the two ``measure.*`` entries of ``FOLLOWING``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..numbers.reader import Number
from ..text.words import Word
from . import cardinal, date, duration, money, ordinal, percent, quantity, rank, time, weather
from .context import Context, is_free
from .draft import NO_FACT, Draft, Outcome
from .temporal import TEMPORAL_RULES

Rule = Callable[[Context, list[Word], Number], Outcome]
MeasureRule = Callable[[Context, list[Word], Number, int], Outcome]


def _measure_after(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """35 млрд теңге, 5 пайыз, екі жыл: a bare number before its measure word."""
    if is_free(number) and number.end < len(words) and not number.ordinal:
        return measured(ctx, words, number)
    return None


def _measure_bridged(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """мыңнан астам теңге, отызға жуық жыл: a number with its own case ending reaches its
    measure only across "about" or "more than"."""
    if not is_free(number) and not number.ordinal:
        return bridged(ctx, words, number)
    return None


MEASURES: tuple[tuple[str, MeasureRule], ...] = (
    ("percent.word", percent.word),
    ("money.currency", money.currency),
    ("money.price_per_unit", money.price_per_unit),
    ("money.minor_unit", money.minor_unit),
    ("quantity.unit", quantity.unit),
    ("date.not_a_duration", date.not_a_duration),
    ("date.numbered_century", date.numbered_century),
    ("duration.unit", duration.unit),
)

GLUED: tuple[tuple[str, Rule], ...] = (
    ("date.written", date.written),
    ("time.score", time.score),
    ("duration.elapsed", duration.elapsed),
    ("time.written", time.written),
    ("time.separated", time.separated),
    ("time.clock", time.clock),
    ("money.sign", money.sign),
    ("percent.glued_sign", percent.glued_sign),
    ("money.glued_sign", money.glued_sign),
    ("rank.glued_noun", rank.glued_noun),
    ("date.glued_year_word", date.glued_year_word),
    ("date.glued_month", date.glued_month),
    ("quantity.glued_unit", quantity.glued_unit),
    ("ordinal.glued_in_name", ordinal.glued_in_name),
    ("date.glued_ordinal_noun", date.glued_ordinal_noun),
    ("ordinal.glued_hyphen", ordinal.glued_hyphen),
    ("cardinal.glued_word", cardinal.glued_word),
)

FOLLOWING: tuple[tuple[str, Rule], ...] = (
    ("cardinal.idiom", cardinal.idiom),
    ("cardinal.article", cardinal.article),
    ("duration.anniversary", duration.anniversary),
    ("duration.derived", duration.derived),
    ("money.price_base", money.price_base),
    ("measure.bridged", _measure_bridged),
    ("date.quarter", date.quarter),
    ("measure.after", _measure_after),
    ("date.year_word", date.year_word),
    ("date.month_after", date.month_after),
    ("rank.noun", rank.noun),
    ("rank.shared_noun", rank.shared_noun),
    ("rank.pair", rank.pair),
    ("rank.settled", rank.settled),
    ("duration.age", duration.age),
    ("date.bare_day", date.bare_day),
    ("date.bare_year", date.bare_year),
    ("date.coordinated_year", date.coordinated_year),
    ("date.parenthesized_year", date.parenthesized_year),
    ("ordinal.grade", ordinal.grade),
    ("ordinal.word_in_name", ordinal.word_in_name),
    ("date.ordinal_series", date.ordinal_series),
    ("date.ordinal_noun", date.ordinal_noun),
    ("ordinal.word", ordinal.word),
    ("cardinal.count", cardinal.count),
)

RULES = GLUED + FOLLOWING

# rules tried at a word before the number reader, for forms it does not read (+5+12°С)
WORD_RULES: tuple[tuple[str, Callable[[Context, list[Word], int], Draft | None]], ...] = (
    ("weather.signed_range", weather.signed_range),
    ("rank.band", rank.band),
)

# every name a fact's ``rule`` or a decision on a number may hold: the tables' rules (not
# the two measure.* entries, whose facts carry the name of the MEASURES rule), the revision
# of a count by a currency code before it, and the dates and times without a number
RULE_NAMES = frozenset(
    {name for name, _ in (*RULES, *MEASURES, *WORD_RULES) if not name.startswith("measure.")}
    | {money.CODE_BEFORE, *TEMPORAL_RULES})


def decide(ctx: Context, words: list[Word], number: Number) -> tuple[str, Draft | None]:
    """The rule that decides on ``number`` ('' when none does) and its fact (None: none)."""
    name, found = _first_of(RULES, ctx, words, number)
    if isinstance(found, Draft):
        return found.rule, found
    return name, None


def decide_at_word(ctx: Context, words: list[Word], i: int) -> Draft | None:
    """The fact a word rule makes at ``words[i]``, or None."""
    for name, rule in WORD_RULES:
        if (found := rule(ctx, words, i)) is not None:
            found.rule = found.rule or name
            return found
    return None


def measured(ctx: Context, words: list[Word], number: Number, j: int | None = None
             ) -> Draft | None:
    """A cardinal before a percent word, currency, unit or time word, read at ``j``
    (the word after the number, else across "about" or "more than")."""
    _, found = _first_of(MEASURES, ctx, words, number, number.end if j is None else j)
    if found is NO_FACT:
        return None
    return found if found is not None or j is not None else bridged(ctx, words, number)


def bridged(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """отызға жуық жылды, он шақты жыл бойы: "about" or "more than" between a number and
    its measure belongs to the one fact."""
    bridge = ctx.after.match(words, number.end)
    if bridge is None or bridge.value.qualifier not in ctx.grammar.bridging_qualifiers:
        return None
    if bridge.value.cases and ctx.lex.case_of.get(number.case, "") not in bridge.value.cases:
        return None
    draft = measured(ctx, words, number, bridge.end)
    if draft is not None:
        draft.qualifier = draft.qualifier or bridge.value.qualifier
    return draft


def _first_of(table: tuple[tuple[str, Callable[..., Outcome]], ...], *args: object
              ) -> tuple[str, Outcome]:
    """The first rule of ``table`` that decides, by name, and what it decided; the fact
    made takes the name (unless an inner table's rule named it already)."""
    for name, rule in table:
        found = rule(*args)
        if found is not None:
            if found is not NO_FACT and not found.rule:
                found.rule = name
            return name, found
    return "", None
