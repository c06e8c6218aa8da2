"""RANK: a place in an order: 29-орынға, бірінші орында, 10 сатыға (but 10 сатыға көтерілді
"rose ten places" is a count), әлемнің 1-ракеткасы, 94-тен 70-сатыға, 282-ге жайғасты.

Corpus: tests/corpus/rank.tsv.
"""

from __future__ import annotations

import regex

from ..facts import format_number
from ..numbers.reader import Number
from ..text.words import Word
from .context import Context, glued_word, is_free
from .draft import Draft

# words after an ordinal that share the next conjunct's rank noun (бірінші, әлемнің 14-ракеткасы)
SHARED_WINDOW = 3


def glued_noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """29-орынға, 10-орнын: a rank noun glued to the number by its hyphen."""
    if number.glued and (rank := _glued_rank(ctx, number)):
        return ctx.draft(number, number.end, "RANK", "", subject=rank)
    return None


def noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """бесінші орынға, 3 орында: a rank noun after the number, in a case a rank takes."""
    j = number.end
    if not (is_free(number) and j < len(words)) or not (rank := ctx.rank_nouns.match(words, j)):
        return None
    if number.ordinal:
        return ctx.draft(number, j, "RANK", "", subject=rank.value)
    rank_case = ctx.lex.case_of.get(rank.suffixes.get("case"), "")
    one = number.words_only and number.value == 1  # бір орында "in one place"
    moved = rank_case == "dative" and rank.end < len(words) and words[
        rank.end].lower.startswith(ctx.lex.rank_move_verbs)  # 10 сатыға көтерілді
    counted = rank.value in ctx.lex.rank_ordinal_only  # 5 жұпқа бөлінді
    if rank_case in ctx.lex.rank_cases and not (one or moved or counted):
        return ctx.draft(number, j, "RANK", "", subject=rank.value)
    return None


def shared_noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """жұптық сындағы бірінші, әлемнің 14-ракеткасы: an ordinal coordinated with a rank that
    has its rank noun shares that noun."""
    j = number.end
    if not (number.ordinal and is_free(number) and j < len(words)
            and (words[j].text == "," or words[j].lower in ctx.lex.coordinators)):
        return None
    for k in range(j + 1, min(j + 1 + SHARED_WINDOW, len(words))):
        other = ctx.numbers.read(words, k)
        if other is None:
            continue
        rank = _rank_of(ctx, words, other)
        return ctx.draft(number, j, "RANK", "", subject=rank) if rank else None
    return None


def pair(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """94-тен 70-сатыға, 14-тен 11-ге жоғарылады: one end of a from-place to-place pair. Its
    rank noun is the other end's; with none on either end, the pair is places when a verb of
    settling or of moving on a table against the numbers' direction follows."""
    partner = _partner(ctx, words, number)
    if partner is None:
        return None
    first, second = sorted((number, partner), key=lambda n: n.start)
    if rank := _rank_of(ctx, words, partner):
        return ctx.draft(number, number.end, "RANK", "", subject=rank)
    if not all(_bare_digits(ctx, n) for n in (first, second)):
        return None
    lex = ctx.lex
    verbs = (lex.rank_settle_verbs + (lex.rank_up_verbs if second.value < first.value
                                      else lex.rank_down_verbs))
    if _verb_after(ctx, words, second.end, verbs):
        return ctx.draft(number, number.end, "RANK", "")
    return None


def settled(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """282-ге жайғасты, 97-ге (+7) орнықты: a bare dative before a verb of settling."""
    if (_bare_digits(ctx, number) and ctx.lex.case_of.get(number.case, "") == "dative"
            and _verb_after(ctx, words, number.end, ctx.lex.rank_settle_verbs)):
        return ctx.draft(number, number.end, "RANK", "")
    return None


def _glued_rank(ctx: Context, number: Number) -> str:
    rank = ctx.rank_nouns.match(glued_word(number), 0)
    return rank.value if rank else ""


def _rank_of(ctx: Context, words: list[Word], number: Number) -> str:
    """The rank noun of a number that names a place by its noun, glued or after it ('')."""
    if number.glued:
        return _glued_rank(ctx, number)
    if not is_free(number) or number.end >= len(words):
        return ""
    rank = ctx.rank_nouns.match(words, number.end)
    if rank is None or not (number.ordinal or rank.value not in ctx.lex.rank_ordinal_only):
        return ""
    return rank.value


def _partner(ctx: Context, words: list[Word], number: Number) -> Number | None:
    """The other end of an ABL-DAT pair of digit numbers: 94-тен 70-ке."""
    case = ctx.lex.case_of.get(number.case, "")
    if not number.digits or number.value_max is not None:
        return None
    if case == "ablative" and number.end < len(words):
        other = ctx.numbers.read(words, number.end)
        wanted = "dative"
    elif case == "dative" and number.start > 0:
        other = ctx.numbers.read(words, number.start - 1)
        other = other if other is not None and other.end == number.start else None
        wanted = "ablative"
    else:
        return None
    if other is None or not other.digits or other.value_max is not None:
        return None
    other_case = ctx.lex.case_of.get(other.case or _glued_case(ctx, other), "")
    return other if other_case == wanted else None


def _glued_case(ctx: Context, number: Number) -> str:
    """The case ending of the rank noun glued to a number (70-сатыға -> ға)."""
    rank = ctx.rank_nouns.match(glued_word(number), 0) if number.glued else None
    return rank.suffixes.get("case") if rank else ""


def _bare_digits(ctx: Context, number: Number) -> bool:
    """A digit number with only a hyphened case ending (282-ге), not a year."""
    return (number.digits and number.value_max is None and bool(number.case)
            and not number.ordinal and not ctx.is_year(number))


def _verb_after(ctx: Context, words: list[Word], j: int, stems: tuple[str, ...]) -> bool:
    """A verb from ``stems`` at ``j``, across a parenthesised change: 97-ге (+7) орнықты."""
    if j < len(words) and words[j].text == "(":
        close = next((k for k in range(j, min(j + 6, len(words))) if words[k].text == ")"), None)
        j = close + 1 if close is not None else j
    return j < len(words) and words[j].lower.startswith(stems)


# ASCII digits, a few: int() reads them (not every digit regex knows), and no band is longer
_BAND = regex.compile(r"(?P<band>\p{L}+)-(?P<n>[0-9]{1,6})(?:-\p{L}+)?")


def band(ctx: Context, words: list[Word], i: int) -> Draft | None:
    """ТОП-100-ге, TOP-10 ішінде: the top places up to N, one word the number reader does not
    read (a name glued to digits, as COVID-19, is no number)."""
    found = _BAND.fullmatch(words[i].lower)
    if not found or found["band"] not in ctx.lex.rank_bands:
        return None
    return Draft(i, i + 1, "RANK", format_number(int(found["n"])), qualifier="le")
