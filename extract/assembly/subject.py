"""The subject of a count: the noun it counts, as a stem (4 бағытты -> бағыт, мыңнан астам
адам -> адам, 3 жаңа жұмыс орны -> орын).

Corpus: tests/corpus/cardinal.tsv and tests/corpus/qualifiers.tsv.
"""

from __future__ import annotations

from ..kazakh.morphology import noun_stem
from ..numbers.reader import Number
from ..rules.context import Context
from ..rules.draft import Draft
from ..text.words import Word


def add_subject(ctx: Context, words: list[Word], draft: Draft, number: Number) -> None:
    """The counted noun of a count without one. A number with its own case ending is a noun
    phrase (бес жүзді таңдады "chose five hundred"); it reaches a noun through a
    postposition (мыңнан астам адам) or as the distributive ablative (10-15-тен кітап
    "10-15 books each")."""
    governs = (not number.case or draft.end > number.end
               or ctx.lex.case_of.get(number.case) == "ablative")
    if draft.type == "CARDINAL" and not draft.subject and not number.stands_alone and governs:
        draft.subject = counted_noun(ctx, words, draft.end)


def counted_noun(ctx: Context, words: list[Word], k: int) -> str:
    """The counted noun at ``k``, past up to two adjectives, as a stem; or ''."""
    for _ in range(2):  # жаңа жұмыс орны, ұлттық команда: adjectives before the noun
        if (_may_count(ctx, words, k) and _may_count(ctx, words, k + 1)
                and not words[k + 1].lower.endswith(ctx.lex.verb_endings)
                and _adjective(ctx, words[k].lower)):
            k += 1
    return noun_stem(words[k].lower) if _may_count(ctx, words, k) else ""


def _adjective(ctx: Context, lower: str) -> bool:
    lex, shortest = ctx.lex, ctx.grammar.adjective_stem_min  # ұлт|тық, not ба|лық "fish"
    return lower in lex.adjectives or not lower.endswith(lex.noun_endings) and any(
        lower.endswith(ending) and len(lower) - len(ending) >= shortest
        for ending in lex.adjective_endings)


def _may_count(ctx: Context, words: list[Word], k: int) -> bool:
    """``words[k]`` may be a counted noun (or an adjective before one)."""
    if k >= len(words):
        return False
    word = words[k]
    return not (word.is_punct or not word.text[:1].isalpha() or not word.text[:1].islower()
                or word.lower in ctx.lex.not_subjects or word.lower in ctx.lex.change_verbs
                or ctx.numbers.starts_number(word)
                or ctx.after.match(words, k))
