"""RANK: a place in an order: 29-орынға, бірінші орында, 10 сатыға (but 10 сатыға көтерілді
"rose ten places" is a count).

Corpus: tests/corpus/rank.tsv.
"""

from __future__ import annotations

from ..numbers.reader import Number
from ..text.words import Word
from .context import Context, glued_word, is_free
from .draft import Draft


def glued_noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """29-орынға: a rank noun glued to the number by its hyphen."""
    if number.glued and (rank := ctx.rank_nouns.match(glued_word(number), 0)):
        return ctx.draft(number, number.end, "RANK", "", subject=rank.value)
    return None


def noun(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """бесінші орынға, 3 орында: a rank noun after the number, in a case a rank takes."""
    j = number.end
    if not (is_free(number) and j < len(words)) or not (rank := ctx.rank_nouns.match(words, j)):
        return None
    rank_case = ctx.lex.case_of.get(rank.suffixes.get("case"), "")
    one = number.words_only and number.value == 1  # бір орында "in one place"
    moved = rank_case == "dative" and rank.end < len(words) and words[
        rank.end].lower.startswith(ctx.lex.rank_move_verbs)  # 10 сатыға көтерілді
    if number.ordinal or (rank_case in ctx.lex.rank_cases and not one and not moved):
        return ctx.draft(number, j, "RANK", "", subject=rank.value)
    return None
