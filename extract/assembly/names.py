"""Numbers inside names are not facts (KazNERD's flat annotation): a quoted title before a
naming word («…» атты), "Name – number" (COVID – 19), a law's article (кодекстің 361 бабы),
and counts and ordinals inside a
short quotation («Хабар 24», «Бизнестің жол картасы 2025») unless it is reported speech.

Corpus: tests/corpus/not_facts.tsv.
"""

from __future__ import annotations

from ..kazakh.morphology import read_word
from ..numbers.reader import DASHES
from ..rules.context import Context
from ..rules.draft import Draft
from ..text.words import Word

Titles = list[tuple[int, int]]


def mark_names(ctx: Context, words: list[Word]) -> Titles:
    """Marks the words of a quoted title followed by a naming word ("…" атты) and of
    "Name – number" (COVID – 19) as in a name; returns the word ranges of short
    quotations, where counts and ordinals are part of a title. The quotations are the
    ``quotation`` token pattern's matches; one opened and never closed runs to the end."""
    quotes, terminals = ctx.grammar.quotes, ctx.grammar.terminals
    lists = ctx.lists.of(words)
    quotations = lists.structures("quotation")  # opening mark -> after its closing mark
    opened: int | None = None
    closing = len(words)  # where the open quotation's closing mark stands
    titles = []
    for k, word in enumerate(words):
        if opened is None and word.text in quotes:
            opened, closing = k, quotations.get(k, len(words) + 1) - 1
        elif opened is not None and k == closing:
            inner = words[opened + 1:k]
            if lists.starting("naming", k + 1):
                for w in inner:
                    w.in_name = True
            elif (0 < sum(not w.is_punct for w in inner) <= ctx.grammar.title_words
                  and inner[-1].text not in terminals
                  and not _reported_speech(ctx, words, k + 1)):
                titles.append((opened + 1, k))
            opened = None
        elif word.text in DASHES and _name_dash_number(ctx, words, k):
            _mark_number_at(ctx, words, k + 1)
        elif _law_reference(ctx, words, k):
            word.in_name = True
    return titles


def _law_reference(ctx: Context, words: list[Word], k: int) -> bool:
    """Қылмыстық кодекстің 361 бабы 4 бөлігімен: a bare number before a law's structural
    unit in the possessive, after the law (or a larger unit) that owns it, numbers that unit
    as a name does, with or without the ordinal suffix."""
    if not (0 < k < len(words) - 1 and words[k].text.isdigit()):
        return False
    part = read_word(words[k + 1].lower, ctx.lex.name_words["law_parts"])
    return (part is not None and bool(part.suffixes.get("possessive"))
            and bool(ctx.word_of(words, k - 1, ctx.law_owners)))


def in_title(ctx: Context, draft: Draft, titles: Titles) -> bool:
    """A count or ordinal in a short quotation is part of a title; money, percentages,
    measures and dates there are still reported facts."""
    return draft.type in ctx.grammar.title_types and any(a <= draft.start and draft.end <= b
                                             for a, b in titles)


def _name_dash_number(ctx: Context, words: list[Word], k: int) -> bool:
    """COVID – 19, ГРЭС – 2: a name, a dash at ``k`` and a number that is part of it."""
    if not 0 < k < len(words) - 1 or words[k].in_name:
        return False
    name, number = words[k - 1], words[k + 1]
    # the first word of a sentence is capitalised anyway, also after the dash of direct
    # speech (— Мақсат — 2027 жылға қарай; not after «: «Ту — 159» names a plane); Ресейде
    # — жүз is no name
    first = all(words[j].text in DASHES for j in range(k - 1))  # a slice copied k words per dash
    named = ctx.numbers.is_latin_name(name) or (
        not first and name.text[:1].isupper() and name.text[:1].isalpha()
        and not ctx.numbers.starts_number(name) and not ctx.case_of_word(name))
    # the number is read last, and only after a name: "1 - 2 - 3 …" has a dash at each word
    # Дәния Еспаева — 5 процент алды: a predicate, not a name
    return (named and ctx.numbers.starts_number(number)
            and not _measure_follows(ctx, words, k + 1))


def _measure_follows(ctx: Context, words: list[Word], k: int) -> bool:
    """Whether the number at ``k`` is glued to or followed by a percent, currency, unit or
    year word (Ресей — 2027 жылы: a date, not a name's number)."""
    number = ctx.numbers.read(words, k)
    if number is None:
        return False
    tables = (ctx.percents, ctx.currencies, ctx.measures, ctx.year_words)
    return bool(number.glued or number.sign
                or any(table.match(words, number.end) for table in tables))


def _reported_speech(ctx: Context, words: list[Word], k: int) -> bool:
    """«…», — дейді: a quotation followed by a comma and dash or a verb of saying."""
    following = [w.lower for w in words[k:k + 3]]
    if _names_with_saying(ctx, words, k):
        return False
    said = ctx.lists.of(words)
    return (any(said.starting("speech_markers", j) for j in range(k, min(k + 3, len(words))))
            or following[:2] == [",", "—"])


def _names_with_saying(ctx: Context, words: list[Word], k: int) -> bool:
    """«…» деген бағдарлама "a programme called …": a verb of saying as an attribute
    before a noun names it; before an auxiliary (деген еді) it reports speech."""
    if k + 1 >= len(words) or words[k].lower not in ctx.lex.naming_sayings:
        return False
    noun = words[k + 1]
    return (not noun.is_punct and noun.text[:1].islower()
            and noun.lower not in ctx.lex.speech_auxiliaries)


def _mark_number_at(ctx: Context, words: list[Word], k: int) -> None:
    number = ctx.numbers.read(words, k)
    for w in words[k:number.end if number else k + 1]:
        w.in_name = True
