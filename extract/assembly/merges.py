"""Two facts side by side that make one: a measure in two units (1 метр 20 сантиметр), a
range (700-ден 2000 АЕК-ке дейін), a month and its day (наурыздың 5-і), coordinated facts
(үш пен жеті доллар арасында, қаңтар – ақпан) and a date in the genitive before another
(өткен жылдың көктемінде), tried in that order.

Corpus: tests/corpus/date.tsv, tests/corpus/quantity.tsv, tests/corpus/sport.tsv.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import regex

from ..facts import format_number, quotient
from ..numbers.reader import DASHES, shared_scale
from ..rules.context import Context
from ..rules.date import is_day_value
from ..rules.draft import Draft
from ..rules.quantity import add_rate
from ..text.words import Word
from .modifiers import change_verb_after

# the names a merged fact's ``rule`` holds, in the order ``add`` tries the merges
YEAR_PARTS = frozenset("QH")  # the letter of a quarter (--Q1) or a half-year (--H2)
MERGE_NAMES = ("merge.compound", "merge.range", "merge.day_of_month", "merge.coordinated",
               "merge.comma_range", "merge.genitive_date", "merge.shared_month")


def add(ctx: Context, words: list[Word], drafts: list[Draft], draft: Draft) -> None:
    """Append a fact, joining it to the one before when they make one range or one date."""
    while drafts and drafts[-1].end > draft.start:
        drafts.pop()  # a number's fact took words before it (таңғы 7-де, минус 5)
    last = drafts[-1] if drafts else None
    if last and (compound := _compound(ctx, last, draft)):
        drafts[-1] = _named(compound, "merge.compound", last, draft)
    elif last and _change_ends(ctx, words, last, draft):
        drafts[-1] = _shared_by_start(ctx, words, last, draft)
        drafts.append(_shared_by_end(drafts[-1], draft))
    elif last and _joins_range(ctx, words, last, draft):
        drafts[-1] = _named(_range(ctx, words, last, draft), "merge.range", last, draft)
    elif last and (day := _day_of_month(ctx, words, last, draft)):
        drafts[-1] = day = _named(day, "merge.day_of_month", last, draft)
        if len(drafts) > 1 and (pair := _coordinated(ctx, words, drafts[-2], day)):
            # сәуірдің 29-ы мен мамырдың 5-і күндері аралығында
            drafts[-2:] = [_named(pair, "merge.coordinated", drafts[-2], day)]
    elif last and (pair := _coordinated(ctx, words, last, draft)):
        drafts[-1] = _named(pair, "merge.coordinated", last, draft)
    elif last and _comma_pair(words, last, draft):
        pair = replace(draft, start=last.start, value=last.value, value_max=draft.value,
                       low=last.low)
        drafts[-1] = _named(pair, "merge.comma_range", last, draft)
    elif last and _joins_date(ctx, words, last, draft):
        joined = (_part_of_century(ctx, words, last, draft)
                  or replace(draft, start=last.start, value=_joined_date(last.value, draft.value),
                             # a second date without a value of its own keeps the first's
                             value_max=draft.value_max if draft.value else last.value_max))
        drafts[-1] = _named(joined, "merge.genitive_date", last, draft)
    else:
        _share_month(ctx, words, drafts, draft)
        drafts.append(draft)
    drafts[-1] = _closed_range(ctx, words, drafts[-1])


def _share_month(ctx: Context, words: list[Word], drafts: list[Draft], date: Draft) -> None:
    """26, 27 және 28 қаңтарда, 5 мен 6 маусымда: bare days listed before a day of a month
    (each earlier than the next, joined by commas or "and") are dates of that month too."""
    if date.type != "DATE" or date.value_max or not _DAY_OF_MONTH.fullmatch(date.value):
        return
    day, after = int(date.value[-2:]), date.start
    for k in range(len(drafts) - 1, -1, -1):
        listed = drafts[k]
        gap = words[listed.end:after]
        if not (listed.type == "CARDINAL" and not (listed.subject or listed.case
                                                    or listed.value_max or listed.qualifier)
                and type(listed.low) is int and 1 <= listed.low < day and len(gap) == 1
                and (gap[0].text == "," or gap[0].lower in ctx.lex.coordinators)):
            return
        drafts[k] = _named(replace(listed, type="DATE", value=f"{date.value[:-2]}{listed.low:02d}"),
                           "merge.shared_month", listed, date)
        day, after = listed.low, listed.start


# a day of a month, with or without its year: --01-28, 2019-01-28
_DAY_OF_MONTH = regex.compile(r"(?:\d{4}|-)-\d{2}-\d{2}")


def _closed_range(ctx: Context, words: list[Word], draft: Draft) -> Draft:
    """6,51 – 6,63 теңге аралығында, 3 жылдан 15 жылға дейінгі аралықта: the noun of the
    interval after a range of any kind belongs to its span, as арасында does (KazNERD)."""
    if not draft.value_max:
        return draft
    end = ctx.between(words, draft.end)
    return replace(draft, end=end) if end > draft.end else draft


def _named(merged: Draft, name: str, first: Draft, second: Draft) -> Draft:
    """The merged fact with the merge's name and the rules of the facts it joins."""
    return replace(merged, rule=name,
                   parts=(*(first.parts or (first.rule,)), *(second.parts or (second.rule,))))


def _compound(ctx: Context, first: Draft, second: Draft) -> Draft | None:
    """1 метр 20 сантиметр, үш сағат елу минут: a measure in two units is one fact."""
    per = ctx.lex.compounds.get(first.unit, {}).get(second.unit)
    if (per is None or first.end != second.start or first.type != second.type
            or first.value_max or second.value_max or first.qualifier
            or first.low is None or second.low is None):
        return None
    total, unit = first.low + quotient(second.low, per), first.unit
    if (total * 1000).denominator != 1:  # 3 сағат 40 минут: 220 minutes, not 3.6666… hours
        total, unit = first.low * per + second.low, second.unit
    return replace(second, start=first.start, unit=unit, low=total,
                   value=format_number(total))


def _day_of_month(ctx: Context, words: list[Word], first: Draft, second: Draft
                  ) -> Draft | None:
    """қаңтардың онына дейін, тамыздың 19-ы, наурыздың 5-і мен 14-і аралығында: a month
    in the genitive, then its day or days; or a day, a dash and a later day
    (қыркүйектің 25-і — 26-сына дейін)."""
    if second.type != "CARDINAL" or not _days(second):
        return None
    month = first.value[:4]
    if (first.type == "DATE" and len(first.value) == 4 and month.startswith("--")
            and first.end == second.start
            and ctx.case_of_word(words[first.end - 1]) == "genitive"):
        days = (second.low, Fraction(second.value_max) if second.value_max else None)
    elif (first.type == "DATE" and len(first.value) == 7 and month.startswith("--")
          and not first.value_max and second.start == first.end + 1
          and not second.value_max and second.low > int(first.value[5:])
          and _joins_days(ctx, words, first.end, second.end)):
        days = (Fraction(int(first.value[5:])), second.low)
        second = replace(second, end=ctx.between(words, second.end), qualifier="")
    else:
        return None
    return replace(second, type="DATE", start=first.start, subject="",
                   value=f"{month}-{int(days[0]):02d}",
                   value_max=f"{month}-{int(days[1]):02d}" if days[1] else "")


def _joins_days(ctx: Context, words: list[Word], gap: int, end: int) -> bool:
    """25-і — 26-сына дейін; 5-і мен 14-і аралығында: a dash, or "and" before "between"."""
    return words[gap].text in DASHES or (words[gap].lower in ctx.lex.coordinators
                                         and ctx.between(words, end) > end)


def _days(draft: Draft) -> bool:
    """A count that can be a day of the month, or two: no noun counted after it
    (маусымның 3 ойыны "3 games of the season" is not 3 June)."""
    values = [draft.low] + ([Fraction(draft.value_max)] if draft.value_max else [])
    return (draft.low is not None and not draft.subject
            and all(map(is_day_value, values)))


def _coordinated(ctx: Context, words: list[Word], first: Draft, second: Draft
                 ) -> Draft | None:
    """үш пен жеті доллар арасында, қаңтар – ақпан, қазан мен қараша: two facts joined by
    a dash, or by "and" before "between", are one span (KazNERD, reference A5)."""
    gap = words[first.end:second.start]
    if (len(gap) != 1 or first.type not in (second.type, "CARDINAL")
            or first.value_max or second.value_max):  # 10–15 және 15–30 тонна аралығында
        return None
    end = ctx.between_after(words, second.end)
    between = end > second.end
    dash = gap[0].text in DASHES and first.type == second.type == "DATE"
    if not (dash or (gap[0].lower in ctx.lex.coordinators and between)):
        return None
    if first.type == "CARDINAL" and (first.subject or second.type == "CARDINAL"
                                     and second.subject):
        return None
    return replace(second, start=first.start, end=end,
                   value=first.value or second.value,
                   value_max=_year_shared(first.value, second.value)
                   if first.value and second.value else "",
                   subject="" if first.type != "CARDINAL" else second.subject)


def _comma_pair(words: list[Word], first: Draft, second: Draft) -> bool:
    """35, 40 жыл "35 or 40 years": a bare count, a comma and a measure up to twice as large
    are one rough range of that measure; a longer list (26, 27 және 28) is not."""
    gap = words[first.end:second.start]
    before = words[first.start - 1].text if first.start else ""
    return (first.type == "CARDINAL" and not first.subject and not first.case
            and not first.value_max and not second.value_max
            and second.type not in ("CARDINAL", "DATE", "TIME", "ORDINAL", "RANK")
            and bool(second.unit) and len(gap) == 1 and gap[0].text == ","
            and before != "," and first.low is not None and second.low is not None
            and first.low < second.low <= 2 * first.low)


def _year_shared(first: str, second: str) -> str:
    """2026 жылғы 9 мамыр мен 22 қараша аралығында: the later end of a date range without
    its own year (--11-22) has the year of the first (2026-11-22)."""
    if first[:4].isdigit() and second.startswith("--") and second[2:3].isdigit():
        return first[:4] + second[1:]
    return second


def _joins_date(ctx: Context, words: list[Word], first: Draft, second: Draft) -> bool:
    """өткен жылдың көктемінде, қыстың күні: a date in the genitive before another; and
    a year before its quarter or half in the adjective form too (2023 жылғы ІІ тоқсанда)."""
    if not (first.type == "DATE" and second.type == "DATE" and first.end == second.start):
        return False
    if ctx.case_of_word(words[first.end - 1]) == "genitive":
        return True
    year_word = ctx.year_words.match(words, first.end - 1)
    return (second.value[2:3] in YEAR_PARTS and first.value.isdigit()
            and year_word is not None and bool(year_word.suffixes.get("derivation")))


def _joined_date(first: str, second: str) -> str:
    """The value of a date in the genitive and the date after it: the month's day
    (наурыздың 21-інде: --03 and ---21 give --03-21), the year's quarter or half (2023 and
    --Q1 give 2023-Q1), else the later one's value."""
    if len(first) == 4 and first.startswith("--") and len(second) == 5 and second.startswith("---"):
        return first + second[2:]
    if first.isdigit() and second[2:3] in YEAR_PARTS:
        return first + second[1:]  # 2023 жылдың бірінші тоқсанында: 2023 and --Q1, 2023-Q1
    return second or first


def _part_of_century(ctx: Context, words: list[Word], century: Draft, part: Draft
                     ) -> Draft | None:
    """A part of the century before it, written without a century of its own: a decade (ХХ
    ғасырдың 30-жылдарында 1930..1939, 20-30-шы жылдарында 1920..1939), one year (30-жылы,
    1930) or a half (XIX ғасырдың екінші жартысында 1851..1900)."""
    if not (century.value.isdigit() and century.value_max.isdigit()
            and int(century.value) % 100 == 1 and not part.value and type(part.low) is int):
        return None
    years = _century_part_years(ctx, words, part)
    if years is None:
        return None
    base = int(century.value) - 1
    first, last = base + years[0], base + years[1] if years[1] is not None else None
    return replace(part, start=century.start, value=f"{first:04d}",
                   value_max=f"{last:04d}" if last is not None else "")


def _century_part_years(ctx: Context, words: list[Word], part: Draft
                        ) -> tuple[int, int | None] | None:
    """The first and last year of ``part`` counted from a century's start (30-жылдары:
    30 and 39; 30-жылы: 30 and None; екінші жартысы: 51 and 100)."""
    low = part.low
    number = ctx.numbers.read(words, part.start)
    high = number.value_max if number is not None and number.value_max is not None else low
    noun = Word(words[part.end - 1].lower.rsplit("-", 1)[-1], 0, 0)
    if (year := ctx.year_words.match([noun], 0)) is not None:
        if not year.suffixes.get("plural"):
            return (low, None) if 1 <= low == high <= 99 else None
        return ((low, high + 9) if 0 <= low <= high <= 90 and not low % 10 and not high % 10
                else None)
    half = ctx.numbers.numerals.read(noun.lower)
    if (half is not None and ctx.numbers.numerals.kinds[half.stem] == "half_before"
            and ctx.numbers.numerals.values[half.stem] == Fraction(1, 2) and low == high
            and low in (1, 2)):
        return (low - 1) * 50 + 1, low * 50
    return None


def _joins_range(ctx: Context, words: list[Word], first: Draft, second: Draft) -> bool:
    """700-ден 2000 АЕК-ке дейін, таңғы 9-дан кешкі 8-ге дейін, 3 жастан 6 жасқа дейін:
    a fact in the ablative right before a bounded one of the same kind."""
    if (first.type == second.type and first.type in ("TIME", "DURATION")
            and first.unit == second.unit and first.end == second.start):
        # a clock range and a span of time are one span (1 айдан 6 айға дейін, 3 жастан 6
        # жасқа дейінгі); other facts with a unit on both ends are two (30 пайыздан 50
        # пайызға дейін), as KazNERD marks them
        ablative = first.case or ctx.case_of_word(words[first.end - 1])
        return ablative == "ablative" and second.qualifier == "le" and not first.value_max
    return (first.type == "CARDINAL" and first.case == "ablative" and not first.subject
            and first.end == second.start and second.qualifier == "le"
            and not first.value_max and not second.value_max
            and first.low is not None and second.low is not None and first.low != second.low)


def _change_ends(ctx: Context, words: list[Word], first: Draft, second: Draft) -> bool:
    """500-ден 441 мың адамға дейін азайды, 70 сағаттан 66 сағатқа дейін қысқарту: an
    ablative right before a fact with a verb of change after it are the two ends of a
    change (two facts), not a range."""
    return (first.end == second.start and change_verb_after(ctx, words, second.end)
            and not _attributive_end(ctx, words[second.end - 1])
            and (first.case or ctx.case_of_word(words[first.end - 1])) == "ablative")


def _attributive_end(ctx: Context, word: Word) -> bool:
    """3 жылдан 15 жылға дейінгі аралықта … төмендетіледі: дейінгі qualifies a noun, so the
    pair is a range of it, whatever verb follows."""
    return any(word.lower.startswith(to) and word.lower != to for to in ctx.lex.changes.to_words)


def _shared_by_start(ctx: Context, words: list[Word], first: Draft, second: Draft) -> Draft:
    """The start of a change written bare takes what the end writes once: its scale word
    (500-ден 441 мың: 500 000) and its unit and rate (сағатына 80-нен 60 шақырымға: 80 and
    60 km/h)."""
    if first.type != "CARDINAL" or first.subject or first.unit or first.value_max:
        return first
    if (first.low is not None and second.low is not None and 0 < first.low < 1000
            and any(ctx.numbers.is_scale_word(w) for w in words[second.start:second.end])):
        shared = shared_scale(first.low, second.low)
        first = replace(first, low=shared, value=format_number(shared))
    if second.unit and second.type != "CARDINAL":
        first = replace(first, type=second.type, unit=second.unit)
        if first.type == "QUANTITY":
            add_rate(ctx, words, first)
            second.unit = first.unit
    return first


def _shared_by_end(first: Draft, second: Draft) -> Draft:
    """78 млн теңгеден 40 млн-ға дейін төмендеді: the end of a change written bare takes the
    start's unit (40 000 000 KZT)."""
    if (second.type != "CARDINAL" or second.subject or second.unit or second.value_max
            or not first.unit or first.type in ("CARDINAL", "DATE", "TIME")):
        return second
    return replace(second, type=first.type, unit=first.unit)


def _with_shared_scale(ctx: Context, words: list[Word], first: Draft, second: Draft) -> Draft:
    """5-тен 10 мың теңгеге дейін: a bare start below the end's leading digits shares the
    end's scale word (5000 to 10000), as in 10 – 15 мың; a scale written in digits is not
    shared (5-тен 10000 теңгеге дейін)."""
    if (first.low is None or second.low is None or first.low <= 0
            or not any(ctx.numbers.is_scale_word(w) for w in words[second.start:second.end])):
        return first
    shared = shared_scale(first.low, second.low)
    if shared == first.low or shared >= second.low:
        return first
    return replace(first, low=shared, value=format_number(shared))


def _range(ctx: Context, words: list[Word], first: Draft, second: Draft) -> Draft:
    """One span from X to Y; the value is the lower end whichever way it runs
    (сағатына 80-нен 60 шақырымға дейін = 60..80 km/h), except for a clock range."""
    first = _with_shared_scale(ctx, words, first, second)
    # a clock range runs as written (таңғы 9-дан кешкі 6-ға: 09:00 to 18:00, and 22:00 to
    # 06:00 overnight); a quantity's range from its lower end
    low, high = ((first, second) if first.type == "TIME"
                 else sorted((first, second), key=lambda d: d.low))
    merged = replace(second, start=first.start, value=low.value, value_max=high.value,
                     qualifier="", low=low.low)
    if merged.type == "QUANTITY":
        add_rate(ctx, words, merged)
    return merged
