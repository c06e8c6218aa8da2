"""The property every text must keep (issue 13, item 4), and texts to try it on: arbitrary
text, number words with suffixes, digits with every separator, mixed scripts, combining marks
and control characters. Used by tests/test_robustness.py (10,000 examples) and by
benchmarks/property_fuzz.py (--examples 100000)."""

from __future__ import annotations

import calendar
import random
from fractions import Fraction

import regex
from hypothesis import strategies as st

from extract import find_facts
from extract.facts import QUALIFIERS, TYPES, Fact
from extract.kazakh.lexicon import load_lexicon

_LEX = load_lexicon()


def _words() -> list[str]:
    """Kazakh number words, units, currencies, months and time words from the lexicon."""
    lex = _LEX
    words = {*lex.units, *lex.tens, *lex.hundreds, *lex.scales, *lex.collectives,
             *lex.half_after, *lex.fractions_before, *lex.decimal_points, *lex.spoken_points,
             *lex.range_conjunctions, *lex.number_signs, *lex.currency_symbols,
             *lex.percent_symbols}
    for phrases in (lex.currencies, lex.measures, lex.durations, lex.months, lex.year_words,
                    lex.percent_words):
        words.update(w for phrase in phrases for w in phrase)
    return sorted(w for w in words if w)


WORDS = _words()
SUFFIXES = sorted({form.removeprefix("-") for forms in _LEX.slots.values() for form in forms})
LATIN = ["myń", "jarym", "teńge", "paıyz", "mıllıon", "mıllıard", "jyl", "bes", "eki", "on",
         "júz", "jıyrma", "myñ", "tenge", "paiyz", "ǵasyr", "sáýir", "aqpan", "XXI", "USD"]
MARKS = ["\u0301", "\u0308", "\u0306", "\u0300", "\u20dd"]  # combining marks
CONTROLS = ["\x00", "\x07", "\x1b", "\x0c", "\r", "\t", "\u200b", "\u200d", "\u202e", "\ufeff",
            "\u2028", "\x85", "\ufffd"]
SEPARATORS = [" ", " ", " ", "", "-", "–", "—", "\n", "\u00a0", "\u202f", ", ", ". ", ": ",
              "/", "%", "(", ")", "«", "»", "+", "№"]


def _digit_forms(count: int = 4000) -> list[str]:
    """Digits written every way: groups, decimals, ranges, times, dates, fractions, signs
    (drawn once, from a fixed seed: a draw per text is what makes hypothesis slow)."""
    rng = random.Random(13)
    forms = []
    for _ in range(count):
        number = str(rng.randrange(10 ** rng.choice([1, 2, 3, 4, 7, 12])))
        other = str(rng.randrange(100))
        forms.append(rng.choice([
            number,
            number[:2] + (gap := rng.choice([" ", "\u00a0", "\u202f", ",", "."]))
            + number[2:5].rjust(3, "0") + gap + "000",
            number + rng.choice([",", "."]) + other,
            number + rng.choice(["-", "–", "—"]) + other,
            other + ":" + number[-2:].rjust(2, "0"),
            other + "." + number[-2:].rjust(2, "0") + "." + number[-4:].rjust(4, "0"),
            number[-4:].rjust(4, "0") + "-" + other.rjust(2, "0") + "-" + number[:2],
            number + "/" + other,
            number + rng.choice(["%", "-", "млн", "млрд", "мың", "+", "-ші", "-да", "-ға"])]))
    return forms


def _word_forms() -> list[str]:
    """Each word bare, with a suffix, with a hyphen and a suffix, and in capitals."""
    rng = random.Random(7)
    forms = list(WORDS)
    for word in WORDS:
        forms.extend(word + rng.choice(["", "-"]) + suffix
                     for suffix in rng.sample(SUFFIXES, min(8, len(SUFFIXES))))
        forms.append(word.upper())
    return forms


def _odd_characters(count: int = 600) -> list[str]:
    """Surrogates, digits of every script (U+11BF3 is newer than Python's tables), other
    numbers, combining marks, controls, spaces and dashes, from a fixed seed."""
    rng = random.Random(5)
    ranges = [(0xD800, 0xDFFF), (0x0660, 0x0669), (0x11BF0, 0x11BF9), (0x1D7CE, 0x1D7FF),
              (0x00B2, 0x00BE), (0x2460, 0x249B), (0x0300, 0x036F), (0x0000, 0x001F),
              (0x2000, 0x200F), (0x2010, 0x2015), (0x1F600, 0x1F64F), (0x0400, 0x04FF)]
    return [chr(rng.randint(*rng.choice(ranges))) for _ in range(count)]


WORD_FORMS = _word_forms()
DIGIT_FORMS = _digit_forms()
# Weighted by repetition: words and digits most, then Latin, marks, controls, odd characters.
POOL = (WORD_FORMS + DIGIT_FORMS * 6 + LATIN * 300 + (MARKS + CONTROLS) * 150
        + _odd_characters())


def _decode(data: bytes) -> str:
    """Three bytes a piece: two pick it from POOL, one the separator after it. One draw of
    bytes per text keeps hypothesis's overhead per example small (a draw per piece tripled
    the suite's time), and it still shrinks to fewer, earlier pieces."""
    pieces = []
    for k in range(0, len(data) - 2, 3):
        pieces.append(POOL[int.from_bytes(data[k:k + 2], "big") % len(POOL)])
        pieces.append(SEPARATORS[data[k + 2] % len(SEPARATORS)])
    return "".join(pieces)


def texts() -> st.SearchStrategy[str]:
    """Short texts: mostly up to eight pieces (a word with suffixes, digits, Latin, a mark, a
    control, an odd character) each with a separator after it; sometimes arbitrary text."""
    pieces = st.binary(min_size=3, max_size=24).map(_decode)
    return st.one_of(pieces, pieces, pieces, st.text(max_size=30))


PLAIN_DECIMAL = regex.compile(r"-?\d+(?:\.\d*[1-9])?")
ISO_DATE = regex.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
                         r"|--(?P<m2>\d{2})(?:-(?P<d2>\d{2}))?|---(?P<d3>\d{2})"
                         r"|(?:\d{4}|-)-(?:Q[1-4]|H[12])")  # a quarter, a half-year
ISO_TIME = regex.compile(r"(?P<h>\d{2}):(?P<min>\d{2})")


def contract_errors(text: str, facts: list[Fact]) -> list[str]:
    """What in ``facts`` breaks the README's output contract for ``text``."""
    errors = []
    for fact in facts:
        errors.extend(f"{fact}: {problem}" for problem in _fact_errors(text, fact))
    if [(f.start, f.end) for f in facts] != sorted((f.start, f.end) for f in facts):
        errors.append("facts out of text order")
    return errors


def _fact_errors(text: str, fact: Fact) -> list[str]:
    problems = []
    if text[fact.start:fact.end] != fact.span or not 0 <= fact.start < fact.end:
        problems.append("span is not text[start:end]")
    if fact.type not in TYPES:
        problems.append("unknown type")
    if fact.qualifier not in QUALIFIERS:
        problems.append("unknown qualifier")
    for name in ("value", "value_max"):
        value = getattr(fact, name)
        if value and not _valid_value(fact.type, value):
            problems.append(f"{name} {value!r} is no contract value for {fact.type}")
    if fact.value and fact.value_max and not _ordered(fact.type, fact.value, fact.value_max):
        problems.append("value_max < value")
    return problems


def _valid_value(kind: str, value: str) -> bool:
    if kind == "DATE":
        match = ISO_DATE.fullmatch(value)
        return bool(match) and _real_date(match)
    if kind == "TIME":
        match = ISO_TIME.fullmatch(value)
        return bool(match) and int(match["min"]) < 60 and (
            int(match["h"]) < 24 or match[0] == "24:00")  # 24:00 ends the day
    return bool(PLAIN_DECIMAL.fullmatch(value))


def _real_date(match: regex.Match) -> bool:
    """The month and day exist (29 February only in a leap year, or with no year)."""
    year, month = match["y"], match["m"] or match["m2"]
    day = match["d"] or match["d2"] or match["d3"]
    if year is not None and int(year) == 0 and month:
        return False  # no year 0 in a calendar date (0001..0100 is the first century)
    if month and not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    longest = (calendar.monthrange(int(year) if year else 2000, int(month))[1] if month else 31)
    return 1 <= int(day) <= longest


def _ordered(kind: str, low: str, high: str) -> bool:
    if kind in ("DATE", "TIME"):
        return len(low) != len(high) or low <= high or kind == "TIME"
    return Fraction(high) >= Fraction(low)


def check(text: str) -> None:
    """The property: no exception, offsets and values keep the contract, the same facts on
    a second reading."""
    facts = find_facts(text)
    errors = contract_errors(text, facts)
    assert not errors, errors
    assert find_facts(text) == facts, "a second reading differs"
