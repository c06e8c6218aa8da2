"""DURATION: a span of time: екі жыл, 5 мс (0.005 second), соңғы екі жылда, 18 бен 30 жас
аралығында, an age (жасы 57-де), an anniversary (тәуелсіздіктің 30 жылдығы), 24-тік
сағаттық.

Corpus: tests/corpus/duration.tsv.
"""

from __future__ import annotations

from fractions import Fraction

import regex

from ..facts import format_number
from ..kazakh.morphology import read_word
from ..numbers.reader import Number
from ..text.phrases import PhraseMatch
from ..text.words import Word
from .context import Context
from .draft import NO_FACT, Draft, Outcome, approximated, divide
from .temporal import is_clock_time

# a time written like a clock: m:ss or h:mm:ss, with a decimal fraction of the second
ELAPSED = regex.compile(
    r"(?P<first>\d{1,2}):(?P<second>\d{2})(?::(?P<third>\d{2}))?(?:[.,](?P<fraction>\d{1,3}))?"
    r"(?![\d:.,])")
# a score at the head of a goal list: 0:1 - Ляпунов (Даниар, Симонов) - 09:25
SCORE = regex.compile(r"\d{1,3}:\d{1,3}")


def unit(ctx: Context, words: list[Word], number: Number, j: int) -> Outcome:
    """екі жыл, бір айдай, 18 бен 30 жас аралығында: a time unit at ``j``. An age word
    after a number no age reaches is "young people" (жүздеген жастың): no fact."""
    found = ctx.durations.match(words, j)
    if found and found.stem in ctx.age_stems and not _can_be_age(ctx, number):
        return NO_FACT  # жүздеген жастың, 300 миллион жастың: "young people", not ages
    if found and (found.suffixes or found.stem not in ctx.lex.duration_needs_ending
                  or ctx.between(words, found.end) > found.end
                  or _bare_age(ctx, words, number.start, found.end)):
        return duration(ctx, words, number, found)  # 18 бен 30 жас аралығында
    return None


def elapsed(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """1:49.01, 2:15:30, 57:04, нәтижесі – 6:12: a race or game time written like a clock
    is DURATION in seconds. A fraction of the second, a third field or a first field past
    23 is never a time of day; a plain h:mm is elapsed only beside a word of result or time,
    or as the game clock at the end of a goal list."""
    match = ELAPSED.match(words[number.start].lower) if number.time else None
    if match is None:
        return None
    if number.start and words[number.start - 1].lower in ctx.lex.clock_words:
        # сағат 18:30: a time of day; сағат 24:56-да is no time at all
        return None if is_clock_time(number.time) else NO_FACT
    if not (match["third"] or match["fraction"] or not is_clock_time(number.time)
            or _beside_result(ctx, words, number) or _in_goal_list(words, number.start)):
        return None
    first, second = int(match["first"]), int(match["second"])
    seconds = Fraction(first * 60 + second)
    if match["third"]:
        seconds = seconds * 60 + int(match["third"])
    if match["fraction"]:
        seconds += Fraction(int(match["fraction"]), 10 ** len(match["fraction"]))
    return Draft(number.start, number.end, "DURATION", format_number(seconds), unit="second",
                 low=seconds, case=ctx.lex.case_of.get(number.case, ""))


def _beside_result(ctx: Context, words: list[Word], number: Number) -> bool:
    """29:45 уақытпен, 6:12 нәтиже көрсетті, нәтижесі – 6:12: a result, not a clock."""
    if ctx.word_of(words, number.end, ctx.lex.elapsed_result_after):
        return True
    k = number.start - 1
    while k >= 0 and _is_mark(words[k]):
        k -= 1
    return bool(ctx.word_of(words, k, ctx.lex.elapsed_result_before))


def _in_goal_list(words: list[Word], start: int) -> bool:
    """0:1 - Ляпунов (Даниар, Симонов) - 09:25: the last time of a line that opens with a
    score and a dash is the game clock of the goal."""
    return (start > 2 and SCORE.fullmatch(words[0].text) is not None
            and _is_mark(words[1]) and _is_mark(words[start - 1])
            and all(not w.text[:1].isdigit() for w in words[2:start]))


def _is_mark(word: Word) -> bool:
    """Punctuation, dashes included (the tokenizer leaves – a word of its own)."""
    return word.is_punct or not any(c.isalnum() for c in word.text)


def derived(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """24-тік сағаттық "round-the-clock": a derived number before a derived time unit."""
    if not number.suffixes.get("derivation"):
        return None
    found = ctx.durations.match(words, number.end)
    if found and found.suffixes.get("derivation"):
        return duration(ctx, words, number, found)
    return None


def duration(ctx: Context, words: list[Word], number: Number, found: PhraseMatch[str]) -> Draft:
    """The span of ``number`` in the time unit ``found``, with its determiner before it and
    "ago" or "between" after it."""
    draft = approximated(ctx.draft(number, found.end, "DURATION", found.value), found)
    if per := ctx.lex.duration_parts.get(found.stem):  # 5 мс = 0.005 second
        divide(draft, number, per)
    draft.start = ctx.temporal.duration_determiner(words, draft.start)  # соңғы екі жылда
    if relative := ctx.lists.of(words).starting("relatives", draft.end):
        draft.end = relative.end  # екі жыл бұрын "two years ago"
    draft.end = ctx.between(words, draft.end)
    return draft


def _can_be_age(ctx: Context, number: Number) -> bool:
    high = number.value_max if number.value_max is not None else number.value
    return not number.approximate and high <= ctx.lex.age_max


def _bare_age(ctx: Context, words: list[Word], start: int, end: int) -> bool:
    """19 жас үлкен, арасы жеті жас, 38 жас 241 күнге: a bare жас (words ``start``..``end``)
    before a comparative, after a gap noun or before a count of a smaller time unit is an
    age, not "young people"."""
    return (bool(ctx.word_of(words, end, ctx.lex.age_comparatives))
            or bool(ctx.word_of(words, start - 1, ctx.lex.age_gap_nouns))
            or _smaller_unit_follows(ctx, words, end))


def _smaller_unit_follows(ctx: Context, words: list[Word], k: int) -> bool:
    """A number and a time unit a year is counted in (ай, күн) at ``k``."""
    if k >= len(words) or not ctx.numbers.starts_number(words[k]):
        return False
    number = ctx.numbers.read(words, k)
    found = ctx.durations.match(words, number.end) if number else None
    return found is not None and found.value in ctx.lex.compounds.get("year", {})


def _turns(ctx: Context, words: list[Word], number: Number) -> bool:
    """18-ге толды, 18-ге толар-толмас "turned (was about to turn) 18": N-DAT + тол-, with
    no quantity's noun before it as the subject (тұрғындар саны 1000-ға толды)."""
    if (ctx.lex.case_of.get(number.case, "") != "dative" or number.end >= len(words)
            or number.value.denominator != 1 or not _can_be_age(ctx, number)):
        return False
    verb = words[number.end].lower
    if not any(verb.startswith(stem) and verb[len(stem):].split("-")[0]
               in ctx.lex.age_turn_endings for stem in ctx.lex.age_turn_verbs):
        return False
    return not any(ctx.word_of(words, k, ctx.lex.age_count_subjects)
                   for k in range(max(0, number.start - 2), number.start))


def age(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """жасы 57-де, жасы қазір сексеннен асқан: a number said of "his age" is an age in
    years, with no time word after it; so is N-DAT before тол- "to turn" (18-ге толды)."""
    if number.ordinal or number.suffixes.get("possessive") or number.value_max is not None:
        return None
    if _turns(ctx, words, number):
        return ctx.draft(number, number.end, "DURATION", "year")
    at_end = number.end >= len(words) or words[number.end].is_punct
    # зейнет жасы 63 жас: the bare age word after the number repeats "age"
    after = 0 if at_end else int(words[number.end].lower in ctx.lex.age_nouns)
    if (ctx.lex.case_of.get(number.case, "") not in ctx.grammar.age_cases and not at_end
            and not after):  # жасы 57-де, елуге, сексеннен
        return None
    k = number.start - 1
    while k >= 0 and words[k].lower in ctx.lex.age_skip:
        k -= 1
    reading = read_word(words[k].lower, ctx.lex.age_nouns) if k >= 0 else None
    if reading is None or not reading.suffixes.get("possessive"):
        return None
    return ctx.draft(number, number.end + after, "DURATION", "year")


def anniversary(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """тәуелсіздіктің 30 жылдығы, алдағы 25 жылдығы: a span of years; Абайдың 175 жылдығы,
    a named one, is an event's name: no fact."""
    if not ctx.word_of(words, number.end, ctx.lex.name_words["anniversaries"]):
        return None
    before = words[number.start - 1] if number.start else None
    reading = read_word(words[number.end].lower, ctx.lex.name_words["anniversaries"])
    owned = reading is not None and bool(reading.suffixes.get("possessive"))
    if (owned and before and before.text[:1].isupper()
            and ctx.case_of_word(before) == "genitive"):
        return NO_FACT  # Абайдың 175 жылдығы; but Үкіметтің бес жылдық жоспары is a span
    return ctx.draft(number, number.end + 1, "DURATION", "year")
