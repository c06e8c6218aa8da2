"""Round trips: a number written out in Kazakh words by num2words (lang="kz") and read back by
the pipeline inside a money, a percent and a count sentence gives the number again.

num2words writes `бір мың` for 1000 and reads a decimal's digits as a number (`үш бүтін бес`
= 3.5, `бір бүтін нөл бес` = 1.05); the same decimals are also written in the standard form
with the denominator in the ablative (`үш бүтін оннан бес`, `бір бүтін жүзден бес`).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from extract import find_facts
from extract.facts import format_number

SENTENCES = {
    "MONEY": "Бюджетке {} теңге бөлінді.",
    "PERCENT": "Өсім {} пайыз болды.",
    "CARDINAL": "Жиынға {} адам қатысты.",
}
# the ablative of 10 and 100, the denominators of the standard decimal form
DENOMINATORS = {1: "оннан", 2: "жүзден"}

integers = st.integers(min_value=0, max_value=10**15 - 1) | st.sampled_from(
    [0, 1, 10, 100, 1000, 1001, 10**6, 10**9, 10**12, 10**12 + 1, 10**15 - 1])
decimals = st.builds(lambda whole, digits, places: Decimal(whole) + Decimal(digits).scaleb(-places),
                     st.integers(min_value=0, max_value=10**12),
                     st.integers(min_value=0, max_value=99), st.sampled_from([1, 2])
                     ).filter(lambda d: -d.as_tuple().exponent in (1, 2))


def words(number: int | Decimal) -> str:
    return num2words(number, lang="kz")


def standard_decimal(number: Decimal) -> str:
    """A бүтін оннан B / A бүтін жүзден B, the form of the grammars (reference B2)."""
    places = -number.as_tuple().exponent
    whole, fraction = divmod(number, 1)
    numerator = int(fraction.scaleb(places))
    return f"{words(int(whole))} бүтін {DENOMINATORS[places]} {words(numerator)}"


def values_read(text: str, kind: str) -> list[str]:
    return [f.value for f in find_facts(SENTENCES[kind].format(text)) if f.type == kind]


def expected(number: int | Decimal) -> str:
    return format_number(Fraction(number))


@settings(max_examples=300, deadline=None)
@given(integers)
@example(1986)
@example(2_534_000)
@example(123_456_789_012)
def test_integers_in_words_read_back(number: int) -> None:
    text = words(number)
    for kind in SENTENCES:
        assert values_read(text, kind) == [expected(number)], (kind, text)


@settings(max_examples=300, deadline=None)
@given(decimals)
@example(Decimal("5.3"))
@example(Decimal("0.86"))
@example(Decimal("93.4"))
@example(Decimal("1.05"))
@example(Decimal("0.07"))
@example(Decimal("5.0"))
def test_decimals_in_words_read_back(number: Decimal) -> None:
    for text in (words(number), standard_decimal(number)):
        for kind in SENTENCES:
            assert values_read(text, kind) == [expected(number)], (kind, text)


def test_num2words_conventions_are_what_the_tests_assume() -> None:
    """The forms the round trips rely on, so a change in num2words shows here first."""
    assert words(1000) == "бір мың"
    assert words(Decimal("3.5")) == "үш бүтін бес"
    assert words(Decimal("1.05")) == "бір бүтін нөл бес"
    assert standard_decimal(Decimal("5.3")) == "бес бүтін оннан үш"
    assert standard_decimal(Decimal("0.86")) == "нөл бүтін жүзден сексен алты"
