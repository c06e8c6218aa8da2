"""Deterministic stand-ins for the change grammar and the period rule, for the tests of what
carries changes and periods (writers, manifest, resume, Dask, report, spaCy, frames) while
ChangeFinder.find finds none and every period is empty.

In each sentence: a range fact (``15-25%-ке``) is a change *by* its ends, up; else two facts
in a row with one type and unit (``31 күннен 10 күнге``) are a change *from* the first *to*
the second, and ``by_value`` the difference. ``factor`` is set when the second is a whole
multiple of the first, so that every numeric column is exercised.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from extract.facts import Change, Fact, format_number
from extract.relations.changes import ChangeFinder
from extract.relations.periods import PeriodFinder

NOT_MEASURES = ("DATE", "TIME", "ORDINAL")


def _by_range(text: str, fact: Fact) -> Change:
    return Change(fact.start, fact.end, text[fact.start:fact.end], fact.type, fact.unit,
                  by_value=fact.value, by_value_max=fact.value_max, direction="up",
                  verb="stand-in", facts=str(fact.start), sentence=fact.sentence)


def _from_to(text: str, a: Fact, b: Fact) -> Change:
    before, after = Fraction(a.value), Fraction(b.value)
    ratio = after / before if before else None
    factor = ratio if ratio and ratio.denominator == 1 else None
    return Change(a.start, b.end, text[a.start:b.end], a.type, a.unit, a.value, b.value,
                  format_number(after - before), factor=format_number(factor),
                  direction="up" if after > before else "down", verb="stand-in",
                  facts=f"{a.start} {b.start}", sentence=a.sentence)


def find(self, text: str, facts: list[Fact], sentences: list) -> list[Change]:  # noqa: ANN001
    changes = []
    for sentence in sentences:
        held = [facts[i] for i in sentence.facts if facts[i].type not in NOT_MEASURES
                and facts[i].value]
        for a, b in zip(held, [*held[1:], None], strict=False):
            if a.value_max:
                changes.append(_by_range(text, a))
                break
            if b and (a.type, a.unit) == (b.type, b.unit) and not b.value_max \
                    and a.value != b.value:
                changes.append(_from_to(text, a, b))
                break
    return sorted(changes, key=lambda c: (c.start, c.end))


def assign(self, text: str, facts: list[Fact], sentences: list) -> list[Fact]:  # noqa: ANN001
    """Periods: each fact but a DATE gets the first DATE of its sentence (2017/2019 for a
    range of years)."""
    periods = {}
    for sentence in sentences:
        dates = [facts[i] for i in sentence.facts if facts[i].type == "DATE" and facts[i].value]
        if dates:
            period = "/".join(filter(None, (dates[0].value, dates[0].value_max)))
            periods.update((i, period) for i in sentence.facts if facts[i].type != "DATE")
    return [replace(f, period=periods[i]) if i in periods else f for i, f in enumerate(facts)]


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """ChangeFinder.find and PeriodFinder.assign replaced by the stand-ins (in this process,
    and in the workers it forks after the patch)."""
    monkeypatch.setattr(ChangeFinder, "find", find)
    monkeypatch.setattr(PeriodFinder, "assign", assign)
