"""DATE with a number: 2019 жылы, 01.09.2024, 31 қаңтар 2017 жыл, 2017 жылғы 31 қаңтардағы,
1930 жылдары (a decade), 2017-де, он бірінде (a day), 3 тоқсанында, 21-ғасырда, жиырма
бірінші ғасыр (2001..2100), 19-ыншы, 20-сыншы ғасырларда. Dates without a number are in
temporal.py.

Corpus: tests/corpus/date.tsv and tests/corpus/dates_news.tsv.
"""

from __future__ import annotations

from fractions import Fraction

from ..facts import format_number
from ..kazakh.morphology import read_word
from ..numbers.reader import DASHES, Number
from ..text.words import Word
from .context import Context, glued_word, is_free
from .draft import NO_FACT, Draft, Outcome

# ordinals read after the first for one date (19-ыншы, 20-сыншы ғасырларда): a window, or a
# long list of ordinals is read again from each of its members
SERIES_ORDINALS_MAX = 8


def written(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """01.09.2024 жылдан: a date the number has read itself; a year word after it is its."""
    if not number.date:
        return None
    end = number.end
    year_word = ctx.year_words.match(words, end) if end < len(words) else None
    return Draft(number.start, year_word.end if year_word else end, "DATE", number.date)


def glued_year_word(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """2019-жылы, 1990-жылдары: a year word glued to a year."""
    if number.glued and ctx.year_words.match(glued_word(number), 0) and ctx.is_year(number):
        return year(ctx, words, number, number.end)
    return None


def glued_month(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """5-қаңтарда: a month glued to its day (no day, no fact)."""
    if number.glued and (month := ctx.months.match(glued_word(number), 0)):
        return day_month(ctx, words, number, month.value, number.end) or NO_FACT
    return None


def glued_ordinal_noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """21-ғасырда, 90-жылдары: a time noun glued to an ordinal by its hyphen."""
    if not number.glued.startswith("-") or not ctx.time_nouns.match(glued_word(number), 0):
        return None
    start = ctx.temporal.duration_determiner(words, number.start)
    return _ordinal_date(ctx, words, number, start, number.end, glued_word(number)[0])


def quarter(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """3 тоқсанында "in the 3rd quarter": a single digit before a quarter."""
    j = number.end
    if (j < len(words) and ctx.numbers.quarter_digit(words[number.start])
            and number.end == number.start + 1 and ctx.numbers.is_quarter(words, j)):
        return _ordinal_date(ctx, words, number, number.start, j + 1)
    return None


def not_a_duration(ctx: Context, words: list[Word], number: Number, j: int) -> Outcome:
    """2019 жылы: a year before its year word is no span of years (year_word reads it)."""
    return NO_FACT if ctx.is_year(number) and ctx.year_words.match(words, j) else None


def numbered_century(ctx: Context, words: list[Word], number: Number, j: int) -> Draft | None:
    """14 ғасырда, 19 ғасырдың басында, 14-15 ғасырларда: centuries in bare digits before
    ғасыр in the locative or genitive are those centuries (1301..1400, 1301..1500), not a
    span of 14 centuries (grammar.toml [rules.centuries]); 14 ғасыр бойы stays a span."""
    last = number.value if number.value_max is None else number.value_max
    if (not number.integer_digits or number.glued
            or not 1 <= number.value <= last <= ctx.grammar.latest_century):
        return None
    found = ctx.durations.match(words, j)
    if (found is None or found.value != "century"
            or bool(found.suffixes.get("plural")) != (number.value_max is not None)
            or ctx.lex.case_of.get(found.suffixes.get("case"), "")
            not in ctx.grammar.century_cases):
        return None
    return _ordinal_date(ctx, words, number, number.start, found.end)


def year_word(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """2019 жылы, 2017-2019 жылдар аралығында: a year before a year word."""
    j = number.end
    if not (is_free(number) and j < len(words)) or not ctx.is_year(number):
        return None
    if found := ctx.year_words.match(words, j):
        return year(ctx, words, number, found.end)
    return None


def month_after(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """31 қаңтар, 11-інші мамыр, 2-3 сәуірде: a day before its month (no day, no fact)."""
    j = number.end
    if not (is_free(number) and j < len(words)) or not (month := ctx.months.match(words, j)):
        return None
    # a day's month takes the possessive only after "of the year" (жылдың 9-ыншы
    # маусымына); «Жекпе-жектің» төртінші маусымы is "the fourth season"
    if month.suffixes.get("possessive") and not (ctx.temporal.after_genitive_date(
            words, number.start, date_words=False) or _before_day_noun(ctx, words, month.end)):
        return None
    return day_month(ctx, words, number, month.value, month.end) or NO_FACT


def _before_day_noun(ctx: Context, words: list[Word], k: int) -> bool:
    """8 ақпаны күні "on the 8th of February": a possessive month before күні is the day's."""
    return k < len(words) and words[k].lower in ctx.lex.day_nouns


def bare_day(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """A day of the month said with the 3rd-person possessive, "its (the month's) Nth":
    in the locative (24-інде) or before күні (31-і күні). бірінде is "in one of them"."""
    value = number.value
    if (number.ordinal or not number.suffixes.get("possessive") or number.value_max
            is not None or value.denominator != 1 or not 2 <= value <= 31
            or number.collective):  # төртеуінде "at four of them"
        return None
    case = ctx.lex.case_of.get(number.case, "")
    day_noun = (not case and number.end < len(words)
                and words[number.end].lower in ctx.lex.day_nouns)
    if case != "locative" and not day_noun:
        return None
    return Draft(number.start, number.end, "DATE", f"---{int(value):02d}", low=value)


def bare_year(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """A year with a case ending and no noun: 2017-де "in 2017"."""
    case = ctx.lex.case_of.get(number.case, "")
    nxt = words[number.end] if number.end < len(words) else None
    if nxt is not None and not nxt.is_punct and nxt.text[:1].islower():
        return None  # KazNERD reads 1990-да туған … as a count more often than a date
    if (case in ctx.lex.year_cases and not number.suffixes.get("possessive")
            and ctx.is_year(number) and number.value_max is None):
        return Draft(number.start, number.end, "DATE", str(int(number.value)),
                     low=number.value)
    return None


def parenthesized_year(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """«Кек алушылар: Финал» (2019), Абай (1845-1904): a year or a range of years in
    digits, alone in brackets after a name, is the year of what the name names."""
    start, end = number.start, number.end
    if not (start > 0 and end < len(words) and words[start - 1].text == "("
            and words[end].text == ")" and number.integer_digits and is_free(number)
            and ctx.is_year(number) and len(words[start].text) >= 4):
        return None
    return Draft(start, end, "DATE", str(int(number.value)), format_number(number.value_max),
                 low=number.value)


def ordinal_series(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """он төртінші – он бесінші ғасырларда, 19-ыншы, 20-сыншы ғасырларда, 24-інші – 27-нші
    маусым аралығында: ordinals joined by a dash or comma before one time noun or month
    are one date, from the first to the last."""
    if not number.ordinal:
        return None
    last, k, read = number, number.end, 0
    while (read < SERIES_ORDINALS_MAX and k + 1 < len(words)
           and words[k].text in (*DASHES, ",")):
        read += 1
        nxt = ctx.numbers.read(words, k + 1)
        if nxt is None or not nxt.ordinal:
            break
        last, k = nxt, nxt.end
    if last is number:
        return None
    if month := ctx.months.match(words, k):
        end = ctx.between(words, month.end)
        return Draft(number.start, end, "DATE", f"--{month.value:02d}-{int(number.value):02d}",
                     f"--{month.value:02d}-{int(last.value):02d}", low=number.value)
    if noun := ctx.time_nouns.match(words, k):
        first = _ordinal_date(ctx, words, number, number.start, noun.end)
        final = _ordinal_date(ctx, words, last, number.start, noun.end)
        first.value_max = final.value_max
        first.end = ctx.between(words, first.end)
        return first
    return None


def ordinal_noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """екінші күні "on the second day", үшінші жыл, бірінші тоқсанда: an ordinal before a
    time noun is a date."""
    if number.ordinal and (noun := ctx.time_nouns.match(words, number.end)):
        start = ctx.temporal.duration_determiner(words, number.start)
        return _ordinal_date(ctx, words, number, start, noun.end)
    return None


def year(ctx: Context, words: list[Word], number: Number, end: int) -> Draft:
    """A year (2019 жылы), a year range, or a full date (2017 жылғы 31 қаңтардағы)."""
    value = int(number.value)
    draft = Draft(number.start, end, "DATE", str(value), format_number(number.value_max),
                  low=number.value)
    if number.value_max is not None:
        draft.end = ctx.between(words, end)  # 2017-2019 жылдар аралығында
        return draft
    if value % 10 == 0 and _plural_year_word(ctx, words, number, end):
        draft.value_max = str(value + 9)  # 1930 жылдары "in the 1930s": a decade
        return draft
    if end >= len(words):
        return draft
    found = ctx.year_words.match(words, end - 1)
    linked = found is not None and (found.suffixes.get("derivation")
                                    or ctx.lex.case_of.get(found.suffixes.get("case"))
                                    == "genitive")
    day = ctx.numbers.read(words, end) if ctx.numbers.starts_number(words[end]) else None
    month = ctx.months.match(words, day.end) if day else None
    days = day_month(ctx, words, day, month.value, month.end, False) if month else None
    if days:  # 2017 жылғы 31 қаңтардағы, 2024 жылғы 12-15 маусым аралығында
        draft.value, draft.value_max, draft.end = (
            f"{value:04d}" + days.value[1:], f"{value:04d}" + days.value_max[1:]
            if days.value_max else "", days.end)
    elif linked and (month := ctx.months.match(words, end)):
        # 2020 жылғы наурызда is one date; 2021 жылы | қыркүйекте ("in 2021, in
        # September") are two, as KazNERD marks them; 2020 жылдың мамыр айында
        ai = ctx.temporal.month_noun_joins(words, month.start, month.end, True)
        draft.value, draft.end = f"{value:04d}-{month.value:02d}", month.end + ai
    elif linked and (months := _month_pair(ctx, words[end])):
        # 2025 жылғы қаңтар-қарашадағы "in January to November 2025"
        draft.value, draft.value_max = (f"{value:04d}-{m:02d}" for m in months)
        draft.end = end + 1
    draft.end = ctx.temporal.part_after_genitive(words, draft.end)  # 2018 жылдың соңында
    return draft


def _month_pair(ctx: Context, word: Word) -> tuple[int, int] | None:
    """қаңтар-қарашадағы: two months joined by a hyphen in one word, the first bare and the
    later one with the endings of the pair."""
    parts = word.lower.split("-")
    if len(parts) != 2:
        return None
    first, last = (ctx.months.match([Word(part, 0, 0)], 0) for part in parts)
    if (first and last and not first.suffixes and first.end == last.end == 1
            and first.value < last.value):
        return first.value, last.value
    return None


def coordinated_year(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """1991 және 1996 жылғы, 2016-2017 және 2020-2022 жылдар аралығында: a year or a range
    of years joined by "and" to one with the year word shares it."""
    j = number.end
    if not (is_free(number) and ctx.is_year(number)
            and j + 1 < len(words) and words[j].lower in ctx.lex.coordinators):
        return None
    other = ctx.numbers.read(words, j + 1) if ctx.numbers.starts_number(words[j + 1]) else None
    if other and is_free(other) and ctx.is_year(other) and ctx.year_words.match(words, other.end):
        return Draft(number.start, number.end, "DATE", str(int(number.value)),
                     format_number(number.value_max), low=number.value)
    return None


def _plural_year_word(ctx: Context, words: list[Word], number: Number, end: int) -> bool:
    """The year word after the number (or glued to it: 1990-жылдары) is plural."""
    found = (ctx.year_words.match(glued_word(number), 0) if number.glued.removeprefix("-")
             else ctx.year_words.match(words, end - 1))
    return bool(found and found.suffixes.get("plural"))


def _ordinal_date(ctx: Context, words: list[Word], number: Number, start: int, end: int,
                  noun: Word | None = None) -> Draft:
    """An ordinal before a time noun (``noun`` when glued to it: 21-ғасырда). A century
    gets its years (жиырма бірінші ғасыр = 2001..2100); a day or year counted from an
    unknown start keeps an empty value."""
    # the postposition is left to the modifiers: тоқсанның соңына дейін is "le"
    draft = Draft(start, ctx.temporal.extend(words, end, postposition=False), "DATE", "",
                  low=number.value)
    noun_words, k = ([noun], 0) if noun else (words, end - 1)
    if part := year_part(ctx, noun_words[k], number):
        draft.value = part  # бірінші тоқсанда = --Q1, ІІ жартыжылдықта = --H2
        return draft
    if month := _season_month(ctx, words, number, start, noun_words[k]):
        draft.start, draft.value = start - 1, f"--{month:02d}"  # күздің екінші айында
        return draft
    found = ctx.durations.match(noun_words, k)
    if found and found.value == "century" and number.value.denominator == 1:
        century = int(number.value)
        # four-digit ISO years: the first century is 0001..0100
        last = int(number.value_max) if number.value_max is not None else century
        # XIX-XX ғасырларда: to the end of the last century of a range (1801..2000)
        draft.value, draft.value_max = f"{(century - 1) * 100 + 1:04d}", f"{last * 100:04d}"
    return draft


def _season_month(ctx: Context, words: list[Word], number: Number, start: int, noun: Word
                  ) -> int:
    """The month an ordinal names after a season in the genitive and before "ай" (күздің
    екінші айы = 10), or 0."""
    if start == 0 or number.value_max is not None or not ctx.temporal.month_nouns.match([noun], 0):
        return 0
    season = read_word(words[start - 1].lower, ctx.season_stems)
    months = ctx.lex.season_months.get(season.stem, ()) if season else ()
    place = number.value
    if (not months or ctx.lex.case_of.get(season.suffixes.get("case"), "") != "genitive"
            or place.denominator != 1 or not 1 <= place <= len(months)):
        return 0
    return months[int(place) - 1]


def year_part(ctx: Context, noun: Word, number: Number) -> str:
    """--Q3 for the third quarter, --H1 for the first half-year: ``noun`` is a part of the
    year and ``number`` a place among its parts ('' otherwise)."""
    stem = ctx.word_of([noun], 0, ctx.year_part_stems)
    if not stem:
        return ""
    letter, count = ctx.lex.year_parts[stem]
    place = number.value
    if place.denominator != 1 or not 1 <= place <= count or number.value_max is not None:
        return ""
    return f"--{letter}{int(place)}"


def day_month(ctx: Context, words: list[Word], number: Number, month: int, end: int,
              year_after: bool = True) -> Draft | None:
    """31 қаңтар, 11-інші мамыр, 31 қаңтар 2017 жыл (``year_after``: a year may follow);
    a range of days, 2-3 сәуірде."""
    last = number.value_max
    if number.case or not is_day_value(number.value) or (
            last is not None and not (is_day_value(last) and last > number.value)):
        return None
    draft = Draft(number.start, end, "DATE", f"--{month:02d}-{int(number.value):02d}",
                  f"--{month:02d}-{int(last):02d}" if last else "", low=number.value)
    if last:
        draft.end = end = ctx.between(words, end)  # 12-15 маусым аралығында
    after = ctx.numbers.read(words, end) if year_after and end < len(words) else None
    if after and ctx.is_year(after) and after.value_max is None:
        found = ctx.year_words.match(words, after.end)
        if found or after.digits:
            draft.value = f"{int(after.value):04d}" + draft.value[1:]
            if draft.value_max:
                draft.value_max = f"{int(after.value):04d}" + draft.value_max[1:]
            draft.end = found.end if found else after.end
    return draft


def is_day_value(value: Fraction) -> bool:
    return value.denominator == 1 and 1 <= value <= 31
