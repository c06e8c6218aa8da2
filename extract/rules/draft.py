"""The fact a rule makes before it gets its text (``Draft``), and the value helpers several
rules share: the approximation suffix, a value below zero, a value in a larger unit."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..facts import format_number, quotient
from ..numbers.reader import Number
from ..text.phrases import PhraseMatch


@dataclass
class Draft:
    """A fact before it gets its text: word indices and normalised fields."""

    start: int
    end: int
    type: str
    value: str
    value_max: str = ""
    unit: str = ""
    qualifier: str = ""
    subject: str = ""
    total: str = ""
    low: Fraction | None = None  # numeric value, for ranges and totals
    case: str = ""  # grammatical case of the number's own word (ablative in 700-ден)
    numberless: bool = False  # a month read only to date the day after it: dropped if alone
    rule: str = ""  # the rule that made it (money.currency): for explain and span._.rule
    parts: tuple[str, ...] = ()  # a merged fact: the rules of the facts it joins
    # the noun before it whose "number" (саны) a count is: its subject if, after the
    # merges, it has none (a subject of its own would keep 500-ден from borrowing the scale
    # of 441 мың)
    possessor: str = ""


class NoFact:
    """What a rule returns when it decides that the number makes no fact (бір күні "one
    day", a number inside a name): the rules after it are not tried."""

    def __repr__(self) -> str:
        return "NO_FACT"


NO_FACT = NoFact()


def approximated(draft: Draft, measure: PhraseMatch) -> Draft:
    """500 теңгедей, бір айдай: the approximation suffix on the measure word says "about"."""
    if measure.suffixes.get("approximation"):
        draft.qualifier = "approx"
    return draft


def below_zero(draft: Draft) -> None:
    """минус 5, 5 градус аяз: the value below zero; a range both ends (3-5 градус аяз is -5
    to -3, the minimum first)."""
    if draft.low is None:
        return
    if draft.value_max:
        draft.value, draft.value_max = (format_number(-abs(Fraction(draft.value_max))),
                                        format_number(-abs(draft.low)))
    else:
        draft.value = format_number(-abs(draft.low))


def about_zero(draft: Draft) -> None:
    """+/- 1: the range from minus the value to the value."""
    if draft.low is not None and not draft.value_max and draft.low > 0:
        draft.value, draft.value_max = format_number(-draft.low), draft.value


def divide(draft: Draft, number: Number, per: int) -> None:
    """The value in the larger unit a part stands for: 5 мс = 0.005 second, 5 тиын = 0.05."""
    draft.low = quotient(number.value, per)
    draft.value = format_number(draft.low)
    if number.value_max is not None:
        draft.value_max = format_number(quotient(number.value_max, per))


# What a rule returns: its fact, NO_FACT to stop the rules after it, or None to let them try
Outcome = Draft | NoFact | None
