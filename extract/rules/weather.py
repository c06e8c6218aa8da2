"""QUANTITY: a temperature range written with signs, as forecasts write it: +5+12°С,
-5-10°С (-10 to -5: after a minus, the second end is below zero too), 0,+5°С, -2+3°С,
-5...-10°C, +5+10 градус, +3+8°С-тан. The number reader reads no such word (a sign inside
a range is ambiguous elsewhere), so the rule reads the words themselves, before the reader.

Corpus: tests/corpus/weather.tsv.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import regex

from ..facts import format_number
from ..text.words import Word
from .context import Context
from .draft import Draft

END = r"\d+(?:,\d+)?"
ELLIPSES = frozenset({"...", "…"})


@cache
def _patterns(signs: str) -> tuple[regex.Pattern, regex.Pattern]:
    """For the sign characters of modifiers.toml: two ends glued in one word, the second
    signed (+5+12°С, -5-10°С-тан, 0,+5°С), and one signed end in a word of its own
    (-5 ... -10°C, the ends around an ellipsis)."""
    sign = "[" + "".join(map(regex.escape, signs)) + "]"
    glued = regex.compile(
        rf"(?P<low>{sign}?{END}?)(?:,|\.\.\.|…)?(?P<high>{sign}{END})(?P<rest>\D.*)?", regex.V1)
    return glued, regex.compile(rf"(?P<end>{sign}{END})(?P<rest>\D.*)?")


def signed_range(ctx: Context, words: list[Word], i: int) -> Draft | None:
    """The temperature range starting at ``words[i]``, its value the numeric minimum and
    ``value_max`` the maximum (-5-10°С = -10..-5)."""
    lex = ctx.lex
    ends = _ends(words, i, ctx.signs)
    if ends is None:
        return None
    low, high, rest, end = ends
    if not (low[0] in lex.plus_signs or low[0] in lex.minus_signs
            or Fraction(low.replace(",", ".")) == 0):
        return None  # 5-10°С: a plain range, the reader's
    values = _values(low, high, lex.plus_signs, lex.minus_signs)
    if values is None:
        return None
    if rest:
        unit = ctx.measures.match([Word(rest.removeprefix("-"), 0, 0)], 0)
        case_word = Word(rest.rsplit("-", 1)[-1], 0, 0) if "-" in rest else None
    else:
        unit = ctx.measures.match(words, end)
        case_word = words[unit.end - 1] if unit else None
        end = unit.end if unit else end
    if unit is None or ctx.lex.unit_families.get(unit.value) != "temperature":
        return None
    minimum, maximum = sorted(values)
    return Draft(i, end, "QUANTITY", format_number(minimum), format_number(maximum),
                 unit.value, low=minimum, rule="weather.signed_range",
                 case=ctx.case_of_word(case_word) if case_word else "")


def _ends(words: list[Word], i: int, signs: str) -> tuple[str, str, str, int] | None:
    """The two ends as written, what is glued after the second, and the word after it."""
    glued_range, signed_end = _patterns(signs)
    text = words[i].lower
    if (match := glued_range.fullmatch(text)) and match["low"]:
        return match["low"], match["high"], match["rest"] or "", i + 1
    if (i + 2 < len(words) and words[i + 1].text in ELLIPSES
            and (first := signed_end.fullmatch(text)) and not first["rest"]
            and (second := signed_end.fullmatch(words[i + 2].lower))):
        return first["end"], second["end"], second["rest"] or "", i + 3
    return None


def _values(low: str, high: str, plus: frozenset[str], minus: frozenset[str]
            ) -> tuple[Fraction, Fraction] | None:
    """Both ends as numbers: a minus before the first makes a bare dash before the second
    a minus too (-5-10 = -5 and -10); a plus first and a minus second is no range."""
    first, second = _signed(low, plus, minus), _signed(high, plus, minus)
    if low[0] in plus and second < 0:
        return None
    return first, second


def _signed(text: str, plus: frozenset[str], minus: frozenset[str]) -> Fraction:
    value = Fraction(text.lstrip("".join(plus | minus)).replace(",", "."))
    return -value if text[0] in minus else value
