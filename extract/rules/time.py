"""TIME: a time of day: 18:00, таңғы 7-де, кешкі сағат сегізде, он сегіз нөл-нөлде, он жеті
қырық екіде (17:42), он екіге он бес минут қалғанда (11:45).

Corpus: tests/corpus/time.tsv and tests/corpus/sport.tsv (race times, clock ranges).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..numbers.reader import Number
from ..text.words import Word
from .context import Context
from .draft import NO_FACT, Draft, NoFact
from .temporal import is_clock_time

# the upper end of a clock range glued after its lower end: 08:30-20:00, 12:00–18:15
CLOCK_END = regex.compile(r"[-–—](?P<hours>\d{1,2}):(?P<minutes>\d{2})(?:-?\w+)?")
# hours and minutes with a separator other than a colon: 13.30-ға (after a clock word)
SEPARATED = regex.compile(r"(?P<hours>\d{1,2})(?P<sep>\W)(?P<minutes>\d{2})(?![\d.,])")


def score(ctx: Context, words: list[Word], number: Number) -> NoFact | None:
    """2:1 есебімен, 25:23 есебімен, 1-3 есебімен: a score in digits is no time and no
    count. (A score in words, нөл де үш есебімен, stays two counts: KazNERD marks both.)"""
    if not ctx.word_of(words, number.end, ctx.lex.score_nouns):
        return None
    if number.time or number.glued.startswith(":") or number.value_max is not None:
        return NO_FACT
    return None


def written(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """18:00, таңғы 7.30-да, 08:30-20:00: a time the number has read itself, with the clock
    words before; a clock range keeps its upper end (and аралығында after it)."""
    if not number.time or not is_clock_time(number.time):
        return None
    start, clock = _clock_words(ctx, words, number.start)
    value, value_max, end = number.time, "", number.end
    if clock:
        hours, minutes = value.split(":")
        value = f"{clock(int(hours)) % 24:02d}:{minutes}"
    if (upper := CLOCK_END.fullmatch(number.glued)) and is_clock_time(
            high := f"{int(upper['hours']):02d}:{upper['minutes']}"):
        value_max, end = high, ctx.between(words, end)
    return Draft(start, end, "TIME", value, value_max, low=number.value,
                 case=ctx.lex.case_of.get(number.case, ""))


def separated(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """сағат 13.30-ға, таңғы 7.30-да: hours and minutes with a dot after a clock word."""
    start, clock = _clock_words(ctx, words, number.start)
    if not number.digits or number.end - number.start != 1 or not (
            start < number.start or clock):
        return None
    match = SEPARATED.match(words[number.start].lower)
    if match is None or match["sep"] not in ctx.lex.clock_separators:
        return None
    hours = int(match["hours"])
    value = f"{(clock(hours) if clock else hours) % 24:02d}:{match['minutes']}"
    if not is_clock_time(value) or hours > 23:
        return None
    return Draft(start, number.end, "TIME", value, low=number.value,
                 case=ctx.lex.case_of.get(number.case, ""))


def clock(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """A whole hour after a clock word (таңғы 7-де, кешкі сағат сегізде) or before
    spoken zero minutes (он сегіз нөл-нөлде): a TIME."""
    hours, grammar = number.value, ctx.grammar
    if (hours.denominator not in (1, 2) or not grammar.hour_min <= hours <= grammar.hour_max
            or number.value_max is not None):
        return None
    if ctx.durations.match(words, number.end):
        return None  # 2 сағат 15 минутта: minutes of a duration, not a clock's hour
    start, read_hour = _clock_words(ctx, words, number.start)
    end, minutes = number.end, int(hours % 1 * 60)
    zero = ctx.lex.zero_minutes
    if end < len(words) and any(words[end].lower.startswith(z) for z in zero):
        end += 1
    elif spoken := _spoken_minutes(ctx, words, number):
        end, minutes = spoken.end, int(spoken.value)  # он жеті қырық екіде = 17:42
    elif relative := _minutes_past_or_to(ctx, words, number):
        end, minutes = relative
        if minutes < 0:  # он екіге он бес минут қалғанда = 11:45
            hours, minutes = hours - 1, minutes + 60
    if start == number.start and end == number.end and not read_hour:
        return None
    hour = read_hour(int(hours)) if read_hour else int(hours)
    value = f"{hour % 24:02d}:{minutes:02d}"
    return Draft(start, end, "TIME", value, low=number.value,
                 case=ctx.lex.case_of.get(number.case, ""))


def clock_before_number(ctx: Context, words: list[Word], start: int, end: int) -> bool:
    """таңғы, кешкі сағат before a number belong to its clock time, not a TIME of their own."""
    return (end < len(words) and ctx.numbers.starts_number(words[end])
            and all(w.lower in ctx.lex.clock_words for w in words[start:end]))


def _minutes_past_or_to(ctx: Context, words: list[Word], number: Number
                        ) -> tuple[int, int] | None:
    """он екіден он бес минут кеткенде (12:15), он екіге он бес минут қалғанда (11:45):
    where the span ends (after минут) and the minutes, negative when before the hour."""
    case = ctx.lex.case_of.get(number.case)
    if case not in ("ablative", "dative") or number.value.denominator != 1:
        return None
    minutes = ctx.numbers.read(words, number.end) if number.end < len(words) else None
    unit = ctx.durations.match(words, minutes.end) if minutes else None
    if (unit is None or unit.value != "minute" or unit.suffixes or unit.end >= len(words)
            or minutes.value_max is not None or not 0 < minutes.value < 60):
        return None
    verbs = ctx.lex.minutes_past if case == "ablative" else ctx.lex.minutes_to
    if words[unit.end].lower not in verbs:
        return None
    return unit.end, int(minutes.value) if case == "ablative" else -int(minutes.value)


def _spoken_minutes(ctx: Context, words: list[Word], number: Number) -> Number | None:
    """Hours then minutes, both in words, the minutes with a case ending: жиырма бір
    отызда (21:30). Two bare numbers side by side in speech are a clock reading."""
    if (number.digits or number.suffixes or number.end >= len(words)
            or number.value.denominator != 1):
        return None
    minutes, grammar = ctx.numbers.read(words, number.end), ctx.grammar
    if (minutes is None or minutes.digits or minutes.value_max is not None
            or minutes.value.denominator != 1
            or not grammar.spoken_minutes_min <= minutes.value <= grammar.spoken_minutes_max
            or ctx.lex.case_of.get(minutes.case) not in grammar.clock_minute_cases):
        return None
    return minutes


def _clock_words(ctx: Context, words: list[Word], start: int
                 ) -> tuple[int, Callable[[int], int] | None]:
    """The clock words before ``start`` (кешкі сағат): where the span starts and how the
    hour is read. A lone сағат counts for reading but stays out of the span."""
    k, parts = start, []
    while k and words[k - 1].lower in ctx.lex.clock_words:
        k -= 1
        parts.append(ctx.lex.clock_words[words[k].lower])
    if not parts:
        return start, None
    # the span starts at the first part of the day: сағат | түнгі он екі, таңғы сағат 8
    last_part = next((p for p in parts if p.part_of_day), None)
    first_part = min((start - 1 - n for n, p in enumerate(parts) if p.part_of_day),
                     default=None)
    return (first_part if first_part is not None else start), (last_part or parts[0]).hour
