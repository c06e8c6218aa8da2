"""A deterministic stand-in for the change grammar, for the tests of what carries changes
(writers, manifest, resume, Dask, report, spaCy, frames) while ChangeFinder.find finds none.

In each sentence: a range fact (``15-25%-ке``) is a change *by* its ends, up; else two facts
in a row with one type and unit (``31 күннен 10 күнге``) are a change *from* the first *to*
the second, and ``by_value`` the difference. ``factor`` is set when the second is a whole
multiple of the first, so that every numeric column is exercised.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from extract.facts import Change, Fact, format_number
from extract.relations.changes import ChangeFinder

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


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """ChangeFinder.find replaced by the stand-in (in this process, and in the workers it
    forks after the patch)."""
    monkeypatch.setattr(ChangeFinder, "find", find)
